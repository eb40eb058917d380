"""Query fields of the regions domain: the region tree and its figures."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types import Info

from api import validation
from api.context import ctx
from api.pagination import DEFAULT_PAGE, MAX_PAGE, Connection, check_first, listing
from api.regions.types import Measurement, Region, region_of
from graph.store.base import MeasurementFilter as StoreMeasurementFilter
from graph.store.base import RegionFilter as StoreFilter


@strawberry.input(description="Regions to list; all conditions must hold.")
class RegionFilter:
    level: str | None = strawberry.field(
        default=None, description="national, province, kabkota, kecamatan or desa"
    )
    parent_code: str | None = strawberry.field(default=None, description="Direct children of.")
    name_contains: str | None = None

    def to_store(self) -> StoreFilter:
        return StoreFilter(
            level=validation.level(self.level, "filter.level"),
            parent_code=validation.region_code(self.parent_code, "filter.parentCode"),
            name_contains=validation.search_text(self.name_contains),
        )


@strawberry.input(description="Measurements to list.")
class MeasurementFilter:
    region_code: str | None = strawberry.field(
        default=None, description="Filed for this region or a region below it."
    )
    what: str | None = None


@strawberry.enum
class RegionOrder(Enum):
    CODE_ASC = "code_asc"
    NAME_ASC = "name_asc"


@strawberry.type
class RegionQueries:
    @strawberry.field(description="One region by Kemendagri code; null when there is none.")
    async def region(self, info: Info, code: str) -> Region | None:
        return await region_of(info, code)

    @strawberry.field(description="Regions of the administrative tree.")
    async def regions(
        self, info: Info, filter: RegionFilter | None = None,
        order_by: RegionOrder = RegionOrder.CODE_ASC,
        first: int = DEFAULT_PAGE, after: str | None = None,
    ) -> Connection[Region]:
        context = ctx(info)
        sort = "code" if order_by is RegionOrder.CODE_ASC else "name"
        store_filter = (filter or RegionFilter()).to_store()
        return await listing(
            context, context.store.find_regions, context.store.count_regions,
            store_filter, first, after, order_by.name, sort, False, Region.of, info,
        )

    @strawberry.field(description="Figures (stunting cases, prevalence ...), by region.")
    async def measurements(
        self, info: Info, filter: MeasurementFilter | None = None, first: int = MAX_PAGE,
    ) -> list[Measurement]:
        check_first(first)
        f = filter or MeasurementFilter()
        store_filter = StoreMeasurementFilter(
            region_code=validation.region_code(f.region_code, "filter.regionCode"), what=f.what
        )
        context = ctx(info)
        found = await context.call(context.store.find_measurements, store_filter, first)
        return [Measurement.of(m) for m in found]
