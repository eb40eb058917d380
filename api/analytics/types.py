"""Types of the analytics domain: rankings, communities, brokers, networks, gaps."""

from __future__ import annotations

from typing import Annotated, Any

import networkx as nx
import strawberry
from strawberry.types import Info

from api.analytics.columns import FloatColumn, IntColumn, NetworkColumns, StringColumn
from api.analytics.inputs import CentralityMeasure, NetworkFilter, Weighting
from api.context import ctx
from api.institutions.dataloaders import institution_by_id
from api.institutions.types import Institution, institution_of, related_institution
from api.pagination import check_first
from api.regions.types import Region, region_of

__all__ = ["CentralityMeasure", "NetworkFilter", "Weighting"]


async def institutions_of(info: Info, ids: list[str]) -> list[Institution]:
    """Many institutions in one store call (load_many, not an await per id), in the
    order given; ids that name nothing (merged away meanwhile) are left out."""
    found = await ctx(info).loader(institution_by_id).load_many(ids)
    return [Institution.of(f) for f in found if f is not None]


@strawberry.type(description="An institution's score on a measure, and its rank (1 = first).")
class CentralityScore:
    institution_id: strawberry.Private[str]
    score: float
    rank: int
    approximate: bool = strawberry.field(
        description="True when estimated by sampling (betweenness on large networks).")

    @strawberry.field
    async def institution(self, info: Info) -> Institution:
        return await related_institution(info, self.institution_id)


@strawberry.type(description="A Louvain community of institutions that meet among themselves.")
class Community:
    index: int
    label: str = strawberry.field(description="Dominant sector and region.")
    sector: str
    size: int
    region_code: str | None
    member_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Members, by id.")
    async def members(self, info: Info, first: int = 100) -> list[Institution]:
        check_first(first)
        return await institutions_of(info, self.member_ids[:first])

    @strawberry.field
    async def region(self, info: Info) -> Region | None:
        return await region_of(info, self.region_code)


@strawberry.type(description="Structural holes (Burt) and brokerage roles (Gould-Fernandez).")
class Broker:
    institution_id: strawberry.Private[str]
    constraint: float | None = strawberry.field(description="Low: many non-redundant ties.")
    effective_size: float | None
    coordinator: int
    itinerant: int
    representative: int
    gatekeeper: int
    liaison: int
    total: int

    @strawberry.field
    async def institution(self, info: Info) -> Institution:
        return await related_institution(info, self.institution_id)


@strawberry.type
class NetworkNode:
    id: strawberry.ID
    name: str
    type: str
    sector: str
    region_code: str | None
    community: int | None
    degree: int
    score: float | None = strawberry.field(
        default=None, description="The score on `network(measure:)`; null without one.")


@strawberry.type
class NetworkEdge:
    source: strawberry.ID
    target: strawberry.ID
    weight: float
    shared_meetings: int


@strawberry.type(description="Nodes and edges, ready for a graph visualisation library.")
class Network:
    # Built on demand from the projection: a client asking for `columns` only does not
    # pay for 50,000 edge objects, nor one asking for `nodes` for the columns.
    graph: strawberry.Private[nx.Graph]
    community_of: strawberry.Private[dict[str, int]]
    score_of: strawberry.Private[dict[str, float] | None] = None

    def _nodes(self) -> list[tuple[str, dict[str, Any]]]:
        return sorted(self.graph.nodes(data=True))

    def _edges(self) -> list[tuple[str, str, dict[str, Any]]]:
        return sorted(self.graph.edges(data=True))

    @strawberry.field
    def nodes(self) -> list[NetworkNode]:
        g, scores = self.graph, self.score_of or {}
        return [NetworkNode(id=strawberry.ID(n), name=d["name"], type=d["type"],
                            sector=d["sector"], region_code=d.get("region_code"),
                            community=self.community_of.get(n), degree=g.degree(n),
                            score=scores.get(n))
                for n, d in self._nodes()]

    @strawberry.field
    def edges(self) -> list[NetworkEdge]:
        return [NetworkEdge(source=strawberry.ID(a), target=strawberry.ID(b),
                            weight=d["weight"], shared_meetings=d["shared"])
                for a, b, d in self._edges()]

    @strawberry.field(description="The same nodes and edges as columns (one JSON array "
                      "per attribute): the fast way to fetch thousands of nodes.")
    def columns(self) -> NetworkColumns:
        nodes, edges, g = self._nodes(), self._edges(), self.graph
        ids = [n for n, _ in nodes]
        row = {n: i for i, n in enumerate(ids)}
        scores = self.score_of or {}
        text, whole, real = StringColumn, IntColumn, FloatColumn
        return NetworkColumns(
            id=text(ids), name=text([d["name"] for _, d in nodes]),
            type=text([d["type"] for _, d in nodes]),
            sector=text([d["sector"] for _, d in nodes]),
            region_code=text([d.get("region_code") for _, d in nodes]),
            community=whole([self.community_of.get(n) for n in ids]),
            degree=whole([g.degree(n) for n in ids]), score=real([scores.get(n) for n in ids]),
            source=whole([row[a] for a, _, _ in edges]),
            target=whole([row[b] for _, b, _ in edges]),
            weight=real([d["weight"] for _, _, d in edges]),
            shared_meetings=whole([d["shared"] for _, _, d in edges]))


@strawberry.type
class MonthCount:
    month: str
    meetings: int


@strawberry.type(description="Whole-network figures.")
class NetworkSummary:
    institutions: int
    ties: int
    meetings: int
    density: float
    components: int
    largest_component: int
    average_path_length: float | None
    average_clustering: float
    meetings_per_month: list[MonthCount]
    approximate: bool


@strawberry.type(description="Institution types expected at this level that never attended.")
class MissingPartner:
    types: list[str]
    why: str


@strawberry.type(description="Two expected partners in one kecamatan with no shared meeting.")
class PartnerGap:
    kecamatan_code: str
    a_id: strawberry.Private[str]
    b_id: strawberry.Private[str]
    why: str

    @strawberry.field
    async def a(self, info: Info) -> Institution | None:
        return await institution_of(info, self.a_id)

    @strawberry.field
    async def b(self, info: Info) -> Institution | None:
        return await institution_of(info, self.b_id)

    @strawberry.field
    async def kecamatan(self, info: Info) -> Region | None:
        return await region_of(info, self.kecamatan_code)


@strawberry.type
class ConvergenceGaps:
    region_code: str
    level: str
    meetings: int = strawberry.field(description="Meetings held there in the period.")
    missing_types: list[MissingPartner]
    pair_gaps: list[PartnerGap]

    @strawberry.field
    async def region(self, info: Info) -> Region | None:
        return await region_of(info, self.region_code)


FilterArg = Annotated[NetworkFilter | None, strawberry.argument(description="Network filter.")]
