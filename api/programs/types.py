"""The Program type: GENTING, Bapak Asuh, Dapur Sehat, pos gizi ..."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from api import validation
from api.context import ctx
from api.institutions.types import Institution, institution_of
from api.node import Node
from api.pagination import DEFAULT_PAGE, Connection, asks_page, connection, page_request
from api.programs.dataloaders import (
    meeting_count_of_program,
    meetings_of_program,
    program_by_id,
    program_links_of_program,
    regions_of_program,
)
from api.regions.dataloaders import region_by_code
from api.regions.types import Region
from api.sources.types import Citation, citations
from graph import model
from graph.store.base import Page

if TYPE_CHECKING:
    from api.meetings.types import Meeting

MeetingT = Annotated["Meeting", strawberry.lazy("api.meetings.types")]


async def program_of(info: Info, id_: str) -> Program | None:
    found = await ctx(info).loader(program_by_id).load(id_)
    return Program.of(found) if found else None


@strawberry.type(description="An institution behind a program.")
class ProgramOwner:
    institution_id: strawberry.Private[str]
    relation: str = strawberry.field(description="RUNS or SUPPORTS")

    @strawberry.field
    async def institution(self, info: Info) -> Institution | None:
        return await institution_of(info, self.institution_id)


@strawberry.type(description="A stunting program or intervention.")
class Program(Node):
    id: strawberry.ID
    name: str
    aliases: list[str] = strawberry.field(description="Other names and acronym expansions.")
    description: str | None

    @strawberry.field(description="Institutions that run or support it.")
    async def owners(self, info: Info) -> list[ProgramOwner]:
        links = await ctx(info).loader(program_links_of_program).load(self.id)
        return [ProgramOwner(institution_id=x.institution_id, relation=x.relation) for x in links]

    @strawberry.field(description="Regions where it is active.")
    async def regions(self, info: Info) -> list[Region]:
        codes = await ctx(info).loader(regions_of_program).load(self.id)
        found = await ctx(info).loader(region_by_code).load_many(codes)
        return [Region.of(r) for r in found if r is not None]

    @strawberry.field(description="Meetings that discussed it, newest first.")
    async def meetings(
        self, info: Info, from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None, first: int = DEFAULT_PAGE, after: str | None = None,
    ) -> Connection[MeetingT]:
        from api.meetings.types import Meeting

        win = validation.window(from_, to)
        req = page_request(first, after, "DATE_DESC", "date", True)
        context = ctx(info)
        page = await context.loader(meetings_of_program).load((self.id, win, req)) \
            if asks_page(info) else Page()

        async def count() -> int:
            return int(await context.loader(meeting_count_of_program).load((self.id, win)))

        return connection(page, Meeting.of, "DATE_DESC", after, count)

    @strawberry.field
    async def sources(self, info: Info) -> list[Citation]:
        return await citations(info, self.id)

    @classmethod
    def of(cls, p: model.Program) -> Program:
        return cls(id=strawberry.ID(p.id), name=p.name, aliases=list(p.aliases),
                   description=p.description)
