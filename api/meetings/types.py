"""The Meeting type: a Rakor and who came to it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.institutions.types import Institution, institution_of, related_institution_now
from api.loading import load_now, then
from api.meetings.dataloaders import attendance_of_meeting, meeting_by_id, programs_of_meeting
from api.meetings.priming import attendance_loader
from api.node import Node
from api.regions.types import Region, region_now
from api.sources.types import Citation, citations
from graph import model
from graph.ids import attendance_key

if TYPE_CHECKING:
    from api.programs.types import Program

ProgramT = Annotated["Program", strawberry.lazy("api.programs.types")]


async def meeting_of(info: Info, id_: str) -> Meeting | None:
    found = await ctx(info).loader(meeting_by_id).load(id_)
    return Meeting.of(found) if found else None


@strawberry.type(description="An institution at a meeting and the part it played.")
class Attendee:
    meeting_id: strawberry.Private[str]
    institution_id: strawberry.Private[str]
    role: str = strawberry.field(
        description="Most significant role: chair, opened, organiser, presenter, participant."
    )
    roles: list[str] = strawberry.field(description="Every role it played there.")

    @strawberry.field
    def institution(self, info: Info) -> Institution:
        return related_institution_now(info, self.institution_id)

    @strawberry.field(description="Where the attendance is written.")
    async def sources(self, info: Info) -> list[Citation]:
        return await citations(info, attendance_key(self.meeting_id, self.institution_id))


async def _with_role(info: Info, meeting_id: str, role: str) -> Institution | None:
    attendance = await ctx(info).loader(attendance_of_meeting).load(meeting_id)
    for a in attendance:
        if role in a.roles:
            return await institution_of(info, a.institution_id)
    return None


@strawberry.type(description="A coordination meeting (Rapat Koordinasi) of a TPPS.")
class Meeting(Node):
    id: strawberry.ID
    title: str
    date: date
    start_time: str | None = strawberry.field(description="Local time as written, HH:MM.")
    end_time: str | None
    venue: str | None
    level: str | None
    region_code: str | None

    @strawberry.field
    def region(self, info: Info) -> Region | None:
        return region_now(info, self.region_code)

    @strawberry.field(description="Who attended, with their roles.")
    def attendees(self, info: Info) -> list[Attendee]:
        # The selection picks the read: attendees' institutions (and their regions)
        # come in the same round trip as the attendance when they are asked for.
        loader = attendance_loader(info, info._raw_info.field_nodes)
        return then(load_now(ctx(info).loader(loader), self.id), lambda found: [
            Attendee(meeting_id=a.meeting_id, institution_id=a.institution_id, role=a.role,
                     roles=list(a.roles)) for a in found])

    @strawberry.field(description="The institution that organised the meeting.")
    async def organiser(self, info: Info) -> Institution | None:
        return await _with_role(info, self.id, "organiser")

    @strawberry.field(description="The institution that chaired (or else opened) the meeting.")
    async def chair(self, info: Info) -> Institution | None:
        return await _with_role(info, self.id, "chair") or await _with_role(
            info, self.id, "opened")

    @strawberry.field(description="Programs discussed.")
    async def programs(self, info: Info) -> list[ProgramT]:
        from api.programs.types import Program

        found = await ctx(info).loader(programs_of_meeting).load(self.id)
        return [Program.of(p) for p in found]

    @strawberry.field(description="Documents that report this meeting, with excerpts.")
    async def sources(self, info: Info) -> list[Citation]:
        return await citations(info, self.id)

    @classmethod
    def of(cls, m: model.Meeting) -> Meeting:
        return cls(id=strawberry.ID(m.id), title=m.title, date=m.date, start_time=m.start_time,
                   end_time=m.end_time, venue=m.venue, level=m.level, region_code=m.region_code)
