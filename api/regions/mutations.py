"""Mutations of figures filed under regions."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.errors import NotFoundError
from api.regions.types import Measurement
from api.writes import batch_of, create, pick, record, write
from graph import ids
from loaders.records import MeasurementRecord


@strawberry.input
class MeasurementInput:
    what: str = strawberry.field(
        description="stunting_cases, stunting_prevalence_pct, families_at_risk, "
        "families_targeted, participants or other")
    value: float
    unit: str
    period: str | None = strawberry.field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    region_code: str | None = None
    note: str | None = None


@strawberry.input
class MeasurementPatch:
    value: float | None = strawberry.UNSET
    note: str | None = strawberry.UNSET


@strawberry.type
class MeasurementMutations:
    @strawberry.mutation(
        description="File a figure; its id derives from what, region, period, unit.")
    async def create_measurement(self, info: Info, input: MeasurementInput) -> Measurement:
        context = ctx(info)
        rec = record(MeasurementRecord, {
            "what": input.what, "value": input.value, "unit": input.unit,
            "period": input.period, "region": input.region_code, "note": input.note,
        })
        new_id = ids.measurement_id(rec.what, rec.region, rec.period, rec.unit, rec.note)
        await create(context, await batch_of(context, "measurements", rec), "measurements", new_id)
        return Measurement.of((await context.call(context.store.measurements, [new_id]))[new_id])

    @strawberry.mutation(description="Correct a figure's value or note; its id stays.")
    async def update_measurement(
        self, info: Info, id: strawberry.ID, input: MeasurementPatch
    ) -> Measurement:
        context = ctx(info)
        old = (await context.call(context.store.measurements, [str(id)])).get(str(id))
        if old is None:
            raise NotFoundError(f"id: no measurement with id {str(id)!r}", "id")

        rec = record(MeasurementRecord, {
            "id": old.id, "what": old.what, "value": pick(input.value, old.value), "unit": old.unit,
            "period": old.period, "region": old.region_code, "note": pick(input.note, old.note),
        })
        batch = await batch_of(context, "measurements", rec)
        await write(context, batch)
        return Measurement.of((await context.call(context.store.measurements, [old.id]))[old.id])
