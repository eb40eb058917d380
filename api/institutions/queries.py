"""Query fields of the institutions domain."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types import Info

from api import validation
from api.context import ctx
from api.institutions.priming import (
    prime_by_its_collaborators,
    prime_by_its_meetings,
    prime_institutions,
)
from api.institutions.types import Institution, institution_of
from api.pagination import DEFAULT_PAGE, Connection, listing
from graph.store.base import InstitutionFilter as StoreFilter


@strawberry.input(description="Institutions to list; all conditions must hold.")
class InstitutionFilter:
    type: str | None = strawberry.field(default=None, description="One type code.")
    types: list[str] | None = strawberry.field(default=None, description="Any of these types.")
    region_code: str | None = strawberry.field(
        default=None, description="This region and every region below it."
    )
    name_contains: str | None = strawberry.field(
        default=None, description="Case- and accent-insensitive part of the name."
    )
    level: str | None = None

    def to_store(self) -> StoreFilter:
        types = [*(self.types or []), *([self.type] if self.type else [])]
        for i, t in enumerate(types):
            validation.institution_type(t, f"filter.types[{i}]" if self.types else "filter.type")
        return StoreFilter(
            types=tuple(dict.fromkeys(types)),
            region_code=validation.region_code(self.region_code, "filter.regionCode"),
            name_contains=validation.search_text(self.name_contains),
            level=validation.level(self.level, "filter.level"),
        )


@strawberry.enum
class InstitutionOrder(Enum):
    NAME_ASC = "name_asc"
    NAME_DESC = "name_desc"
    ID_ASC = "id_asc"


_ORDERS = {
    InstitutionOrder.NAME_ASC: ("name", False),
    InstitutionOrder.NAME_DESC: ("name", True),
    InstitutionOrder.ID_ASC: ("id", False),
}


@strawberry.type
class InstitutionQueries:
    @strawberry.field(description="One institution by id; null when there is none.")
    async def institution(self, info: Info, id: strawberry.ID) -> Institution | None:
        await prime_by_its_meetings(ctx(info), info, str(id))
        await prime_by_its_collaborators(ctx(info), info, str(id))
        return await institution_of(info, str(id))

    @strawberry.field(description="Institutions, filtered and paged.")
    async def institutions(
        self, info: Info, filter: InstitutionFilter | None = None,
        order_by: InstitutionOrder = InstitutionOrder.NAME_ASC,
        first: int = DEFAULT_PAGE, after: str | None = None,
    ) -> Connection[Institution]:
        context = ctx(info)
        sort, desc = _ORDERS[order_by]
        store_filter = (filter or InstitutionFilter()).to_store()
        return await listing(
            context, context.store.find_institutions, context.store.count_institutions,
            store_filter, first, after, order_by.name, sort, desc, Institution.of, info,
            prime_institutions,
        )
