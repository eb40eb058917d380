"""Arguments of the analytics domain (no types of other domains, so any may import them)."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from api import validation
from api.validation import institution_type
from graph.store.base import NetworkFilter as StoreNetworkFilter


@strawberry.enum(description="A centrality measure (see graph/analytics/centrality.py).")
class CentralityMeasure(Enum):
    DEGREE = "DEGREE"
    WEIGHTED_DEGREE = "WEIGHTED_DEGREE"
    BETWEENNESS = "BETWEENNESS"
    CLOSENESS = "CLOSENESS"
    EIGENVECTOR = "EIGENVECTOR"
    PAGERANK = "PAGERANK"


@strawberry.enum(description="How co-attendance weighs a tie.")
class Weighting(Enum):
    SHARED = "shared"  # the number of shared meetings
    NEWMAN = "newman"  # sum of 1/(attendees - 1) over shared meetings


@strawberry.input(description="Which meetings and institutions the network is built from.")
class NetworkFilter:
    from_: date | None = strawberry.field(default=None, name="from")
    to: date | None = None
    region_code: str | None = strawberry.field(
        default=None, description="Meetings held in this region or below it.")
    program_id: strawberry.ID | None = strawberry.field(
        default=None, description="Meetings that discussed this program.")
    types: list[str] | None = strawberry.field(
        default=None, description="Only institutions of these types.")
    weighting: Weighting = Weighting.SHARED

    def to_store(self) -> StoreNetworkFilter:
        for i, t in enumerate(self.types or []):
            institution_type(t, f"filter.types[{i}]")
        return StoreNetworkFilter(
            window=validation.window(self.from_, self.to),
            region_code=validation.region_code(self.region_code, "filter.regionCode"),
            program_id=str(self.program_id) if self.program_id else None,
            types=tuple(sorted(set(self.types or []))),
        )
