"""Mutations of the meetings domain: a meeting and its attendance list."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.errors import NotFoundError
from api.meetings.types import Meeting
from api.writes import batch_of, create, pick, record, write
from graph import ids
from loaders.records import MeetingRecord


@strawberry.input(description="An institution at a meeting.")
class AttendeeInput:
    institution_id: strawberry.ID
    role: str | None = strawberry.field(
        default=None, description="chair, opened, organiser, presenter or participant")
    roles: list[str] | None = None


@strawberry.input
class MeetingInput:
    title: str
    date: date
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None
    level: str | None = None
    region_code: str | None = None
    attendees: list[AttendeeInput] = strawberry.field(default_factory=list)
    program_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input(description="Fields to change; attendees and programIds, when given, "
                  "replace the lists stored.")
class MeetingPatch:
    title: str | None = strawberry.UNSET
    date: date | None = strawberry.UNSET
    start_time: str | None = strawberry.UNSET
    end_time: str | None = strawberry.UNSET
    venue: str | None = strawberry.UNSET
    level: str | None = strawberry.UNSET
    region_code: str | None = strawberry.UNSET
    attendees: list[AttendeeInput] | None = strawberry.UNSET
    program_ids: list[strawberry.ID] | None = strawberry.UNSET


def _attendees(items: list[AttendeeInput]) -> list[dict[str, Any]]:
    return [{"institution": str(a.institution_id), "role": a.role, "roles": a.roles or []}
            for a in items]


async def _stored(info: Info, id_: str) -> Meeting:
    context = ctx(info)
    found = (await context.call(context.store.meetings, [id_])).get(id_)
    if found is None:
        raise NotFoundError(f"id: no meeting with id {id_!r}", "id")
    return Meeting.of(found)


@strawberry.type
class MeetingMutations:
    @strawberry.mutation(description="Record a meeting with its attendance and programs.")
    async def create_meeting(self, info: Info, input: MeetingInput) -> Meeting:
        context = ctx(info)
        rec = record(MeetingRecord, {
            "title": input.title, "date": input.date, "start_time": input.start_time,
            "end_time": input.end_time, "venue": input.venue, "level": input.level,
            "region": input.region_code, "attendees": _attendees(input.attendees),
            "programs": [str(p) for p in input.program_ids],
        })
        new_id = ids.meeting_id(rec.date, rec.region, rec.title)
        await create(context, await batch_of(context, "meetings", rec), "meetings", new_id)
        return await _stored(info, new_id)

    @strawberry.mutation(description="Change a meeting; its id stays.")
    async def update_meeting(self, info: Info, id: strawberry.ID, input: MeetingPatch) -> Meeting:
        context = ctx(info)
        old = await _stored(info, str(id))

        rec = record(MeetingRecord, {
            "id": old.id, "title": pick(input.title, old.title), "date": pick(input.date, old.date),
            "start_time": pick(input.start_time, old.start_time),
            "end_time": pick(input.end_time, old.end_time), "venue": pick(input.venue, old.venue),
            "level": pick(input.level, old.level),
            "region": pick(input.region_code, old.region_code),
            "attendees": _attendees(pick(input.attendees, None) or []),
            "programs": [str(p) for p in pick(input.program_ids, None) or []],
        })
        batch = await batch_of(context, "meetings", rec)
        if input.attendees is not strawberry.UNSET:
            batch.replace_attendance.add(old.id)
        if input.program_ids is not strawberry.UNSET:
            batch.replace_meeting_programs.add(old.id)
        await write(context, batch)
        return await _stored(info, old.id)
