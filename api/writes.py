"""The write path of mutations: the loaders' records and resolver, so a
mutation and a file load validate and store a fact the same way."""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry
from pydantic import BaseModel, ValidationError

from api.context import Context
from api.errors import UserInputError
from graph.model import Batch, WriteResult
from graph.store.base import Conflict, StoreError
from loaders.errors import LoadError
from loaders.resolve import to_batch
from loaders.structured import Parsed, Where

M = TypeVar("M", bound=BaseModel)

# GraphQL input names of record fields that differ from the record's own.
_ARG_NAMES = {"region": "regionCode", "institution": "institutionId", "regions": "regionCodes",
              "programs": "programIds", "start_time": "startTime", "end_time": "endTime"}


def _arg(field: str) -> str:
    return ".".join(_ARG_NAMES.get(p, p) for p in field.split("."))


def record(model: type[M], data: dict[str, Any], argument: str = "input") -> M:
    """Validate mutation input with the loader's record model."""
    try:
        return model.model_validate({k: v for k, v in data.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        name = f"{argument}.{_arg(field)}" if field else argument
        raise UserInputError(f"{name}: {first['msg'].removeprefix('Value error, ')}",
                             name) from exc


async def batch_of(context: Context, kind: str, rec: BaseModel) -> Batch:
    """The record resolved against the store (regions, aliases): store reads, so off the
    event loop and within the store timeout like any other (on the loop, a write during
    an outage froze every request, /ready too, through the driver's retries)."""
    parsed = Parsed()
    parsed.records[kind].append((Where("input", None, ""), rec))
    try:
        return await context.call(to_batch, parsed, context.store)
    except LoadError as exc:
        p = exc.problems[0]
        name = f"input.{_arg(p.field)}" if p.field else "input"
        raise UserInputError(f"{name}: {p.message}", name) from exc


def pick(new: Any, current: Any) -> Any:
    """A patch field's new value, or the stored one when the field was left out."""
    return current if new is strawberry.UNSET else new


class ConflictError(UserInputError):
    """The node a create names is already stored; extensions.id says under which id, so
    every one of several identical concurrent creates learns the same id."""

    def __init__(self, message: str, existing: str, argument: str = "input") -> None:
        super().__init__(message, argument, code="CONFLICT")
        self.extensions = {**(self.extensions or {}), "id": existing}


def refusal(exc: StoreError, argument: str = "input") -> UserInputError:
    """A store's refusal (dangling edge, vanished node) as bad input: it changed nothing."""
    return UserInputError(f"{argument}: {exc}", argument)


async def write(context: Context, batch: Batch) -> WriteResult:
    try:
        return await context.call(context.store.write, batch)
    except StoreError as exc:
        raise refusal(exc) from exc


async def create(context: Context, batch: Batch, kind: str, id_: str) -> WriteResult:
    """Store a new node, or CONFLICT naming the id it is already stored under; the check
    and the write are one transaction in the store, so nothing is overwritten."""
    try:
        return await context.call(context.store.create, batch, kind, id_)
    except Conflict as exc:
        raise ConflictError(f"input: this {kind[:-1]} {exc}", exc.existing) from exc
    except StoreError as exc:
        raise refusal(exc) from exc
