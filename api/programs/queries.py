"""Query fields of the programs domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api import validation
from api.context import ctx
from api.pagination import DEFAULT_PAGE, Connection, listing
from api.programs.types import Program, program_of
from graph.store.base import ProgramFilter as StoreFilter


@strawberry.input(description="Programs to list; all conditions must hold.")
class ProgramFilter:
    name_contains: str | None = strawberry.field(
        default=None, description="Part of the name or of an alias."
    )
    institution_id: strawberry.ID | None = strawberry.field(
        default=None, description="Run or supported by this institution."
    )
    region_code: str | None = strawberry.field(
        default=None, description="Active in this region or a region below it."
    )

    def to_store(self) -> StoreFilter:
        return StoreFilter(
            name_contains=validation.search_text(self.name_contains),
            institution_id=str(self.institution_id) if self.institution_id else None,
            region_code=validation.region_code(self.region_code, "filter.regionCode"),
        )


@strawberry.type
class ProgramQueries:
    @strawberry.field(description="One program by id; null when there is none.")
    async def program(self, info: Info, id: strawberry.ID) -> Program | None:
        return await program_of(info, str(id))

    @strawberry.field(description="Programs by name.")
    async def programs(
        self, info: Info, filter: ProgramFilter | None = None,
        first: int = DEFAULT_PAGE, after: str | None = None,
    ) -> Connection[Program]:
        context = ctx(info)
        store_filter = (filter or ProgramFilter()).to_store()
        return await listing(
            context, context.store.find_programs, context.store.count_programs,
            store_filter, first, after, "NAME_ASC", "name", False, Program.of, info,
        )
