"""Loaders for regions: by code, their children and their measurements."""

from typing import Any

from api.loading import by_key
from graph.store.base import InstitutionFilter, MeetingFilter


def _counts(context: Any) -> Any:
    """(institutions, meetings) in each region and below: two counts per region, so a
    drill-down list of n children costs 2n indexed counts (no count-by-prefix call yet)."""
    def fetch(codes: list[str]) -> dict[str, tuple[int, int]]:
        store = context.store
        return {c: (store.count_institutions(InstitutionFilter(region_code=c)),
                    store.count_meetings(MeetingFilter(region_code=c))) for c in codes}

    return fetch


region_by_code = by_key(lambda c: c.store.regions)
children_of_region = by_key(lambda c: c.store.children_of_regions, default=list)
measurements_of_region = by_key(lambda c: c.store.measurements_of_regions, default=list)
measurement_by_id = by_key(lambda c: c.store.measurements)
counts_of_region = by_key(_counts, default=lambda: (0, 0))
