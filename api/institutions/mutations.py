"""Mutations of the institutions domain, merge included."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.errors import NotFoundError, UserInputError
from api.institutions.types import Institution
from api.writes import ConflictError, batch_of, create, record, write
from graph import ids
from graph.store.base import Conflict, MergeRefused, StoreError
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
        # One transaction checks and writes (an id merged away counts as taken), so
        # of identical concurrent creates one succeeds and the rest hear CONFLICT.
        await create(context, await batch_of(context, "institutions", rec), "institutions", new_id)
        return await _stored(info, new_id)

    @strawberry.mutation(description="Change an institution's fields. Its id derives from "
                         "its type, region and name, so changing one of them re-keys it: it "
                         "gets the new id, its meetings, programs and sources move along, and "
                         "the old id becomes an alias of the new one (loads naming it land "
                         "there). CONFLICT if the new id is another institution's: merge "
                         "them instead. An id given at load time is kept.")
    async def update_institution(
        self, info: Info, id: strawberry.ID, input: InstitutionPatch
    ) -> Institution:
        context = ctx(info)
        old = await _stored(info, str(id))
        rec = record(InstitutionRecord, {
            "name": old.name if input.name is strawberry.UNSET else input.name,
            "type": old.type if input.type is strawberry.UNSET else input.type,
            "region": old.region_code if input.region_code is strawberry.UNSET
            else input.region_code,
            "level": old.level if input.level is strawberry.UNSET else input.level,
        })
        batch = await batch_of(context, "institutions", rec)
        new = batch.institutions[0]
        derived = old.id == ids.institution_id(old.type, old.region_code, old.name)
        if new.id == old.id or not derived:
            batch.institutions[0] = replace(new, id=old.id)
            await write(context, batch)
            return await _stored(info, old.id)
        try:
            await context.call(context.store.rekey_institution, old.id, new)
        except Conflict as exc:
            raise ConflictError(f"input: another institution has this type, region and name: "
                                f"{exc.existing}; merge the two with mergeInstitutions",
                                exc.existing) from exc
        except StoreError as exc:
            raise UserInputError(f"id: {exc}", "id") from exc
        return await _stored(info, new.id)

    @strawberry.mutation(
        description="Join a duplicate into the institution kept: its attendance, programs and "
        "sources move over, and its id becomes an alias of the kept one."
    )
    async def merge_institutions(
        self, info: Info, keep_id: strawberry.ID, merge_id: strawberry.ID,
        allow_cross_type: Annotated[bool, strawberry.argument(
            description="Merge even if the two are of different types.")] = False,
        allow_cross_region: Annotated[bool, strawberry.argument(
            description="Merge even if the two are in different regions.")] = False,
    ) -> Institution:
        context = ctx(info)
        try:
            await context.call(context.store.merge_institutions, str(keep_id), str(merge_id),
                               allow_cross_type, allow_cross_region)
        except MergeRefused as exc:
            argument = "allowCrossType" if exc.reason == "type" else "allowCrossRegion"
            raise UserInputError(f"mergeInstitutions: {exc} ({argument}: true)",
                                 argument) from exc
        except StoreError as exc:
            raise UserInputError(f"mergeInstitutions: {exc}", "mergeId") from exc
        return await _stored(info, str(keep_id), "keepId")
