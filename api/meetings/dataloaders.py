"""Loaders that feed Meeting fields."""

from collections.abc import Callable
from typing import Any

from strawberry.dataloader import DataLoader

from api.context import Context
from api.institutions.dataloaders import institution_by_id
from api.loading import by_key
from api.regions.dataloaders import region_by_code

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
