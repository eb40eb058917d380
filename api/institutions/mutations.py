"""Mutations of the institutions domain, merge included."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.errors import NotFoundError, UserInputError
from api.institutions.types import Institution
from api.writes import batch_of, record, write
from graph import ids
from graph.store.base import StoreError
from loaders.records import InstitutionRecord


@strawberry.input
class InstitutionInput:
    name: str
    type: str
    region_code: str | None = None
    level: str | None = None


@strawberry.input(description="Fields to change; those left out stay as they are.")
class InstitutionPatch:
    name: str | None = strawberry.UNSET
    type: str | None = strawberry.UNSET
    region_code: str | None = strawberry.UNSET
    level: str | None = strawberry.UNSET


async def _stored(info: Info, id_: str, argument: str = "id") -> Institution:
    context = ctx(info)
    found = (await context.call(context.store.institutions, [id_])).get(id_)
    if found is None:
        raise NotFoundError(f"{argument}: no institution with id {id_!r}", argument)
    return Institution.of(found)


@strawberry.type
class InstitutionMutations:
    @strawberry.mutation(description="Add an institution; its id derives from type, region, name.")
    async def create_institution(self, info: Info, input: InstitutionInput) -> Institution:
        context = ctx(info)
        rec = record(InstitutionRecord, {"name": input.name, "type": input.type,
                                         "region": input.region_code, "level": input.level})
        new_id = ids.institution_id(rec.type, rec.region, rec.name)
        if (await context.call(context.store.institutions, [new_id])):
            raise UserInputError(f"input: this institution already exists as {new_id}",
                                 "input", code="CONFLICT")
        await write(context, batch_of(context, "institutions", rec))
        return await _stored(info, new_id)

    @strawberry.mutation(description="Change an institution's fields; its id stays.")
    async def update_institution(
        self, info: Info, id: strawberry.ID, input: InstitutionPatch
    ) -> Institution:
        context = ctx(info)
        old = await _stored(info, str(id))
        data = {
            "id": old.id,
            "name": old.name if input.name is strawberry.UNSET else input.name,
            "type": old.type if input.type is strawberry.UNSET else input.type,
            "region": old.region_code if input.region_code is strawberry.UNSET
            else input.region_code,
            "level": old.level if input.level is strawberry.UNSET else input.level,
        }
        rec = record(InstitutionRecord, data)
        await write(context, batch_of(context, "institutions", rec))
        return await _stored(info, old.id)

    @strawberry.mutation(
        description="Join a duplicate into the institution kept: its attendance, programs and "
        "sources move over, and its id becomes an alias of the kept one."
    )
    async def merge_institutions(
        self, info: Info, keep_id: strawberry.ID, merge_id: strawberry.ID
    ) -> Institution:
        context = ctx(info)
        try:
            await context.call(context.store.merge_institutions, str(keep_id), str(merge_id))
        except StoreError as exc:
            raise UserInputError(f"mergeInstitutions: {exc}", "mergeId") from exc
        return await _stored(info, str(keep_id), "keepId")
