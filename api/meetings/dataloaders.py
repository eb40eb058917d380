"""Loaders that feed Meeting fields."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from api.context import Context
from api.institutions.dataloaders import institution_by_id, meetings_of_institution
from api.loading import by_key
from api.regions.dataloaders import region_by_code
from graph.model import Meeting
from graph.store.base import AttendanceNodes, Page

meeting_by_id = by_key(lambda c: c.store.meetings)
attendance_of_meeting = by_key(lambda c: c.store.attendance_of_meetings, default=list)
programs_of_meeting = by_key(lambda c: c.store.programs_of_meetings, default=list)


def _attendance_with_nodes(regions: bool) -> Callable[[Context], DataLoader[Any, Any]]:
    """Attendance read together with its institutions (and their regions): one round trip
    primes the institution (and region) loaders, so the attendee fields below resolve
    from the request's cache instead of two more batched reads."""

    def factory(context: Context) -> DataLoader[Any, Any]:
        async def load(keys: list[str]) -> list[Any]:
            found = await context.read(context.store.attendance_with_nodes, list(keys), regions)
            rows = {k: found.attendance.get(k, []) for k in keys}
            context.loader(attendance_of_meeting).prime_many(rows)
            context.loader(institution_by_id).prime_many(found.institutions)
            if regions:
                context.loader(region_by_code).prime_many(found.regions)
            return [rows[k] for k in keys]

        return DataLoader(load_fn=load)

    return factory


attendance_with_institutions = _attendance_with_nodes(regions=False)
attendance_with_regions = _attendance_with_nodes(regions=True)


def prime_attendance(context: Context, nodes: AttendanceNodes, shown: Iterable[Meeting],
                     regions: bool) -> None:
    """Prime the loaders a page of meetings' attendee fields ask with attendance read
    beside the page (a meeting without attendees primed as an empty list)."""
    rows = {m.id: nodes.attendance.get(m.id, []) for m in shown}
    context.loader(attendance_of_meeting).prime_many(rows)
    context.loader(attendance_with_regions if regions else attendance_with_institutions
                   ).prime_many(rows)
    context.loader(institution_by_id).prime_many(nodes.institutions)
    if regions:
        context.loader(region_by_code).prime_many(nodes.regions)


def _meetings_with_attendance(regions: bool) -> Callable[[Context], DataLoader[Any, Any]]:
    """Keys (institution id, window, page request): the institutions' pages of meetings
    read with the pages' attendance (and its institutions and regions) in one round trip,
    priming the page loader and the attendance loaders the page's rows then ask, so the
    attendee list costs no second read keyed by the first one's answer."""
    def factory(context: Context) -> DataLoader[Any, Any]:
        async def load(keys: Sequence[tuple[Any, ...]]) -> list[Any]:
            groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
            for key in keys:
                groups[tuple(key[1:])].append(key[0])
            results: dict[tuple[Any, ...], Any] = {}
            for (window, page), parents in groups.items():
                found = await context.read(context.store.meetings_of_institutions_with_nodes,
                                           parents, window, page, regions)
                prime_attendance(context, found.attendance,
                                 [m for p in found.pages.values() for m in p.items], regions)
                for p in parents:
                    results[(p, window, page)] = found.pages.get(p) or Page()
            context.loader(meetings_of_institution).prime_many(results)
            return [results[tuple(k)] for k in keys]

        return DataLoader(load_fn=load)

    return factory


meetings_with_institutions = _meetings_with_attendance(regions=False)
meetings_with_regions = _meetings_with_attendance(regions=True)
