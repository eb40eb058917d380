"""Regions (the Kemendagri tree) and the measurements filed under them."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.loading import Deferred, is_awaitable, load_now, then
from api.node import Node
from api.regions.dataloaders import (
    children_of_region,
    counts_of_region,
    measurements_of_region,
    region_by_code,
)
from api.sources.types import Citation, citations
from graph import model


async def region_of(info: Info, code: str | None) -> Region | None:
    if code is None:
        return None
    found = await ctx(info).loader(region_by_code).load(code)
    return Region.of(found) if found else None


def region_now(info: Info, code: str | None) -> Deferred:
    """region_of without a coroutine when the request already read the region."""
    if code is None:
        return None
    context = ctx(info)
    found = load_now(context.loader(region_by_code), code)
    if found is None:
        return None
    if is_awaitable(found):
        return then(found, lambda r: context.typed(Region.of, r) if r else None)
    return context.typed(Region.of, found)


@strawberry.type(
    description="A figure about a region: stunting cases, prevalence, families at risk.")
class Measurement(Node):
    id: strawberry.ID
    what: str
    value: float
    unit: str
    period: str | None
    region_code: str | None
    note: str | None

    @strawberry.field
    async def region(self, info: Info) -> Region | None:
        return await region_of(info, self.region_code)

    @strawberry.field
    async def sources(self, info: Info) -> list[Citation]:
        return await citations(info, self.id)

    @classmethod
    def of(cls, m: model.Measurement) -> Measurement:
        return cls(id=strawberry.ID(m.id), what=m.what, value=m.value, unit=m.unit,
                   period=m.period, region_code=m.region_code, note=m.note)


@strawberry.type(description="An administrative region with its Kemendagri code.")
class Region(Node):
    code: str
    name: str
    level: str = strawberry.field(description="national, province, kabkota, kecamatan or desa")
    parent_code: str | None

    @strawberry.field
    def parent(self, info: Info) -> Region | None:
        return region_now(info, self.parent_code)

    @strawberry.field(description="Regions one level down, by code.")
    async def children(self, info: Info) -> list[Region]:
        found = await ctx(info).loader(children_of_region).load(self.code)
        return [Region.of(r) for r in found]

    @strawberry.field(description="Institutions in this region and every region below it.")
    async def institution_count(self, info: Info) -> int:
        return int((await ctx(info).loader(counts_of_region).load(self.code))[0])

    @strawberry.field(description="Meetings held in this region and every region below it.")
    async def meeting_count(self, info: Info) -> int:
        return int((await ctx(info).loader(counts_of_region).load(self.code))[1])

    @strawberry.field(description="Figures filed for exactly this region.")
    async def measurements(self, info: Info) -> list[Measurement]:
        found = await ctx(info).loader(measurements_of_region).load(self.code)
        return [Measurement.of(m) for m in found]

    @classmethod
    def of(cls, r: model.Region) -> Region:
        return cls(id=strawberry.ID(r.code), code=r.code, name=r.name, level=r.level,
                   parent_code=r.parent_code)
