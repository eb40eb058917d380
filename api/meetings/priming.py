"""What a page of meetings' selected fields read, loaded once for the page.

The same reasoning as api/institutions/priming.py: the attendance of every meeting of
the page (with its institutions and regions when asked: one `attendance_with_nodes`
call, as the attendees field itself would make) and the meetings' regions are loaded
before the rows resolve, so each row's fields answer at once instead of waiting on a
future of their own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from graphql import FieldNode
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from api.context import Context
from api.meetings.dataloaders import (
    attendance_of_meeting,
    attendance_with_institutions,
    attendance_with_regions,
    meetings_with_institutions,
    meetings_with_regions,
    prime_attendance,
)
from api.regions.dataloaders import region_by_code
from api.selection import names, nodes
from graph import model
from graph.store.base import Page, PageRequest


def attendance_loader(info: Info, attendees: Iterable[FieldNode]
                      ) -> Callable[[Context], DataLoader[Any, Any]]:
    """The attendance read these `attendees` selections need: with the institutions
    (and their regions) when they are asked for, in the same round trip."""
    attendees = list(attendees)
    if "institution" not in names(info, attendees):
        return attendance_of_meeting
    institution = nodes(info, "institution", start=attendees)
    return attendance_with_regions if "region" in names(info, institution) \
        else attendance_with_institutions


def attendee_regions(info: Info, path: tuple[str, ...] = ("edges", "node")) -> bool | None:
    """Whether the meetings at `path` ask their attendees' institutions with (True) or
    without (False) their regions; None when they ask no attendee institution."""
    attendees = nodes(info, "attendees", start=nodes(info, *path))
    loader = attendance_loader(info, attendees) if attendees else None
    if loader is attendance_of_meeting or loader is None:
        return None
    return loader is attendance_with_regions


def page_with_attendance(info: Info, path: tuple[str, ...] = ("edges", "node")
                         ) -> Callable[[Context], DataLoader[Any, Any]] | None:
    """The loader that reads an institution's page of meetings together with the
    attendance its rows ask, or None when they ask no attendee institution (the plain
    page read then)."""
    attendees = nodes(info, "attendees", start=nodes(info, *path))
    return joined_page_loader(attendance_loader(info, attendees)) if attendees else None


def joined_page_loader(attendance: Callable[[Context], DataLoader[Any, Any]]
                       ) -> Callable[[Context], DataLoader[Any, Any]] | None:
    """The page-with-attendance loader matching this attendance loader, None for the
    plain attendance (no attendee institution asked)."""
    if attendance is attendance_with_regions:
        return meetings_with_regions
    return meetings_with_institutions if attendance is attendance_with_institutions else None


def page_read(context: Context, info: Info
              ) -> Callable[[Any, PageRequest], Awaitable[Page[Any]]] | None:
    """For a top-level list of meetings: the read of its page with the attendance its
    rows ask (one round trip, the loaders primed), or None for the plain read."""
    regions = attendee_regions(info)
    if regions is None:
        return None

    async def read(f: Any, req: PageRequest) -> Page[Any]:
        found = await context.read(context.store.find_meetings_with_nodes, f, req, regions)
        prime_attendance(context, found.attendance, found.page.items, regions)
        return found.page

    return read


async def prime_meetings(context: Any, info: Info, items: Sequence[model.Meeting],
                         path: tuple[str, ...] = ("edges", "node")) -> None:
    """Load the attendance and regions the meetings at `path` ask for. Failures stay in
    the loaders' futures, for the field that needs the value to report."""
    found = nodes(info, *path)
    waits: list[Any] = []
    attendees = nodes(info, "attendees", start=found)
    if attendees:
        loader = context.loader(attendance_loader(info, attendees))
        waits.append(loader.load_many([m.id for m in items]))
    if "region" in names(info, found):
        codes = list(dict.fromkeys(m.region_code for m in items if m.region_code))
        waits.append(context.loader(region_by_code).load_many(codes))
    if waits:
        await asyncio.gather(*waits, return_exceptions=True)
