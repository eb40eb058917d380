"""Mutations of the programs domain."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.errors import NotFoundError
from api.programs.types import Program
from api.writes import batch_of, create, pick, record, write
from graph import ids
from loaders.records import ProgramRecord


@strawberry.input
class ProgramOwnerInput:
    institution_id: strawberry.ID
    relation: str = strawberry.field(default="RUNS", description="RUNS or SUPPORTS")


@strawberry.input
class ProgramInput:
    name: str
    aliases: list[str] = strawberry.field(default_factory=list)
    description: str | None = None
    owners: list[ProgramOwnerInput] = strawberry.field(default_factory=list)
    region_codes: list[str] = strawberry.field(default_factory=list)


@strawberry.input(description="Fields to change; owners and regionCodes given are added.")
class ProgramPatch:
    name: str | None = strawberry.UNSET
    aliases: list[str] | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    owners: list[ProgramOwnerInput] | None = strawberry.UNSET
    region_codes: list[str] | None = strawberry.UNSET


def _owners(items: list[ProgramOwnerInput]) -> list[dict[str, Any]]:
    return [{"institution": str(o.institution_id), "relation": o.relation} for o in items]


async def _stored(info: Info, id_: str) -> Program:
    context = ctx(info)
    found = (await context.call(context.store.programs, [id_])).get(id_)
    if found is None:
        raise NotFoundError(f"id: no program with id {id_!r}", "id")
    return Program.of(found)


@strawberry.type
class ProgramMutations:
    @strawberry.mutation(description="Add a program; its id derives from its name.")
    async def create_program(self, info: Info, input: ProgramInput) -> Program:
        context = ctx(info)
        rec = record(ProgramRecord, {
            "name": input.name, "aliases": input.aliases, "description": input.description,
            "owners": _owners(input.owners), "regions": input.region_codes,
        })
        new_id = ids.program_id(rec.name)
        await create(context, await batch_of(context, "programs", rec), "programs", new_id)
        return await _stored(info, new_id)

    @strawberry.mutation(description="Change a program; its id stays.")
    async def update_program(self, info: Info, id: strawberry.ID, input: ProgramPatch) -> Program:
        context = ctx(info)
        old = await _stored(info, str(id))

        rec = record(ProgramRecord, {
            "id": old.id, "name": pick(input.name, old.name),
            "aliases": pick(input.aliases, old.aliases) or [],
            "description": pick(input.description, old.description),
            "owners": _owners(pick(input.owners, None) or []),
            "regions": pick(input.region_codes, None) or [],
        })
        await write(context, await batch_of(context, "programs", rec))
        return await _stored(info, old.id)
