"""The Relay Node interface: `node(id:)` and `nodes(ids:)` refetch any object by its id.

Ids are already global: each kind derives its id from its natural key with a prefix
(graph/ids.py: ins_, mtg_, prg_, msr_, src_), and a region's id is its Kemendagri code.
So the kind is read off the id, no base64 wrapping is needed, and `nodes(ids:)` makes
one store call per kind through the request's DataLoaders, however many ids it gets.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.errors import UserInputError
from api.pagination import MAX_PAGE


@strawberry.interface(description="An object that can be fetched again by its global id.")
class Node:
    id: strawberry.ID


def _kinds() -> dict[str, tuple[Any, Callable[[Any], Any]]]:
    """id prefix -> (DataLoader factory, model -> GraphQL type). Imported late: every
    domain's types import this module for the interface."""
    from api.institutions.dataloaders import institution_by_id
    from api.institutions.types import Institution
    from api.meetings.dataloaders import meeting_by_id
    from api.meetings.types import Meeting
    from api.programs.dataloaders import program_by_id
    from api.programs.types import Program
    from api.regions.dataloaders import measurement_by_id
    from api.regions.types import Measurement
    from api.sources.dataloaders import source_by_id
    from api.sources.types import Source

    return {"ins_": (institution_by_id, Institution.of), "mtg_": (meeting_by_id, Meeting.of),
            "prg_": (program_by_id, Program.of), "msr_": (measurement_by_id, Measurement.of),
            "src_": (source_by_id, Source.of)}


def _region_kind() -> tuple[Any, Callable[[Any], Any]]:
    from api.regions.dataloaders import region_by_code
    from api.regions.types import Region

    return region_by_code, Region.of


async def _load(info: Info, ids: list[str]) -> list[Node | None]:
    kinds = _kinds()
    context = ctx(info)
    pending: list[Awaitable[list[Any]]] = []
    makers: list[Callable[[Any], Any]] = []
    slots: list[list[int]] = []
    groups: dict[str, list[int]] = {}
    for i, id_ in enumerate(ids):
        groups.setdefault(id_[:4] if id_[:4] in kinds else "region", []).append(i)
    for prefix, where in groups.items():
        factory, make = kinds[prefix] if prefix in kinds else _region_kind()
        pending.append(context.loader(factory).load_many([ids[i] for i in where]))
        makers.append(make)
        slots.append(where)
    out: list[Node | None] = [None] * len(ids)
    for fut, make, where in zip(pending, makers, slots, strict=True):
        for i, found in zip(where, await fut, strict=True):
            out[i] = make(found) if found is not None else None
    return out


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global id; null when there is none.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return (await _load(info, [str(id)]))[0]

    @strawberry.field(description="Objects by global id, in the order asked (null where there "
                      "is none); one store call per kind of object.")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > MAX_PAGE:
            raise UserInputError(f"ids: at most {MAX_PAGE} ids per request, got {len(ids)}",
                                 "ids")
        return await _load(info, [str(i) for i in ids])
