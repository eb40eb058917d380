"""The Institution type: a Puskesmas, a Polsek, a TP PKK ... and its network."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from api import validation
from api.analytics.inputs import CentralityMeasure, NetworkFilter
from api.analytics.loaders import rank_of_institution
from api.context import ctx
from api.institutions.dataloaders import (
    collaborators_of,
    collaborators_with_institutions,
    institution_by_id,
    meeting_count_of_institution,
    meetings_of_institution,
    program_links_of_institution,
)
from api.loading import Deferred, is_awaitable, load_now, then
from api.node import Node
from api.pagination import (
    DEFAULT_PAGE,
    Connection,
    asks_page,
    check_first,
    connection,
    page_request,
)
from api.regions.types import Region, region_now
from api.selection import selected
from api.sources.types import Citation, citations
from graph import model
from graph.store.base import Page
from graph.vocabulary import sector_of

if TYPE_CHECKING:
    from api.analytics.types import CentralityScore
    from api.meetings.types import Meeting
    from api.programs.types import Program

MeetingT = Annotated["Meeting", strawberry.lazy("api.meetings.types")]
ProgramT = Annotated["Program", strawberry.lazy("api.programs.types")]
ScoreT = Annotated["CentralityScore", strawberry.lazy("api.analytics.types")]



async def institution_of(info: Info, id_: str | None) -> Institution | None:
    if id_ is None:
        return None
    found = await ctx(info).loader(institution_by_id).load(id_)
    return Institution.of(found) if found else None


async def related_institution(info: Info, id_: str) -> Institution:
    """The institution at the other end of a stored relationship (so it exists)."""
    found = await institution_of(info, id_)
    if found is None:  # only if it was merged away between two reads of one request
        raise LookupError(f"institution {id_} is gone")
    return found


def related_institution_now(info: Info, id_: str) -> Deferred:
    """related_institution without a coroutine when the request already read it."""
    context = ctx(info)

    def wrap(found: model.Institution | None) -> Institution:
        if found is None:
            raise LookupError(f"institution {id_} is gone")
        return context.typed(Institution.of, found)

    found = load_now(context.loader(institution_by_id), id_)
    return then(found, wrap) if found is None or is_awaitable(found) else \
        context.typed(Institution.of, found)


@strawberry.type(description="An institution that co-attended meetings with another one.")
class Collaborator:
    institution_id: strawberry.Private[str]
    shared_meetings: int = strawberry.field(description="Meetings both attended.")
    weight: float = strawberry.field(
        description="Newman's collaboration weight: the sum over shared meetings of "
        "1/(attendees - 1)."
    )

    @strawberry.field
    def institution(self, info: Info) -> Institution:
        return related_institution_now(info, self.institution_id)


@strawberry.type(description="A program an institution runs or supports.")
class ProgramRole:
    program_id: strawberry.Private[str]
    relation: str = strawberry.field(description="RUNS or SUPPORTS")

    @strawberry.field
    async def program(self, info: Info) -> ProgramT | None:
        from api.programs.types import program_of

        return await program_of(info, self.program_id)


@strawberry.type(description="An organisation taking part in stunting coordination.")
class Institution(Node):
    id: strawberry.ID
    name: str
    type: str = strawberry.field(description="Canonical type code, e.g. PUSKESMAS, POLSEK, PKK.")
    level: str | None
    region_code: str | None

    @strawberry.field(description="Sector of the type: health, security, religious, ...")
    def sector(self) -> str:
        return sector_of(self.type)

    @strawberry.field
    def region(self, info: Info) -> Region | None:
        return region_now(info, self.region_code)

    @strawberry.field(description="Meetings attended, newest first.")
    def meetings(
        self, info: Info, from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None, first: int = DEFAULT_PAGE, after: str | None = None,
    ) -> Connection[MeetingT]:
        # Not a coroutine: a count-only connection whose count the page primed
        # (priming.py) is answered at once; a page is awaited, then its meetings' fields primed.
        from api.meetings.priming import page_with_attendance, prime_meetings
        from api.meetings.types import Meeting

        win = validation.window(from_, to)
        req = page_request(first, after, "DATE_DESC", "date", True)
        context = ctx(info)
        counts = context.loader(meeting_count_of_institution)

        def count() -> Deferred:
            return load_now(counts, (self.id, win))

        if not asks_page(info):
            return connection(Page(), Meeting.of, "DATE_DESC", after, count)

        joined = page_with_attendance(info)

        async def paged() -> Connection[MeetingT]:
            loader = context.loader(joined or meetings_of_institution)
            page = await loader.load((self.id, win, req))
            await prime_meetings(context, info, page.items)
            return connection(page, Meeting.of, "DATE_DESC", after, count)

        return paged()  # type: ignore[return-value]

    @strawberry.field(description="Institutions met at the same meetings, heaviest first.")
    async def collaborators(
        self, info: Info, from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None, first: int = DEFAULT_PAGE,
    ) -> list[Collaborator]:
        check_first(first)
        win = validation.window(from_, to)
        context = ctx(info)
        if "institution" in selected(info):
            # Read with their institutions in one round trip, so each resolves at once.
            loader = context.loader(collaborators_with_institutions)
        else:
            loader = context.loader(collaborators_of)
        found = await loader.load((self.id, win, first))
        return [Collaborator(institution_id=c.institution_id, shared_meetings=c.shared_meetings,
                             weight=c.weight) for c in found]

    @strawberry.field(description="Programs this institution runs or supports.")
    async def programs(self, info: Info) -> list[ProgramRole]:
        links = await ctx(info).loader(program_links_of_institution).load(self.id)
        return [ProgramRole(program_id=x.program_id, relation=x.relation) for x in links]

    @strawberry.field(description="This institution's score and rank on a centrality measure; "
                      "null when it is not in the network the filter selects.")
    async def centrality(self, info: Info, measure: CentralityMeasure,
                         filter: NetworkFilter | None = None) -> ScoreT | None:
        from api.analytics.types import CentralityScore

        f = filter or NetworkFilter()
        found = await ctx(info).loader(rank_of_institution).load(
            (self.id, f.to_store(), measure.value, f.weighting.value))
        if found is None:
            return None
        score, rank, approximate = found
        return CentralityScore(institution_id=self.id, score=score, rank=rank,
                               approximate=approximate)

    @strawberry.field(description="Where this institution is mentioned.")
    async def sources(self, info: Info) -> list[Citation]:
        return await citations(info, self.id)

    @classmethod
    def of(cls, i: model.Institution) -> Institution:
        return cls(id=strawberry.ID(i.id), name=i.name, type=i.type, level=i.level,
                   region_code=i.region_code)
