"""Query fields of the analytics domain. Each computes on one projection of the
stored graph (one store call) in an analytics worker process, at most
TPPS_ANALYTICS_WORKERS at once, cached by the version of the scope it reads
(graph/analytics/jobs.py)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import networkx as nx
import strawberry
from strawberry.types import Info

from api import validation
from api.analytics.running import run as _run
from api.analytics.types import (
    Broker,
    CentralityMeasure,
    CentralityScore,
    Community,
    ConvergenceGaps,
    FilterArg,
    MissingPartner,
    MonthCount,
    Network,
    NetworkFilter,
    NetworkSummary,
    PartnerGap,
    institutions_of,
)
from api.context import ctx
from api.errors import UserInputError
from api.institutions.types import Institution
from api.pagination import MAX_PAGE, check_first
from graph.analytics import jobs
from graph.store.base import NetworkFilter as StoreNetworkFilter

MAX_NETWORK_NODES = 5_000


def _too_many(nodes: int) -> UserInputError:
    return UserInputError(
        f"the network has {nodes} institutions, more than the {MAX_NETWORK_NODES} a "
        "response carries: narrow the filter (region, dates, program or types), or use "
        "`tpps report` for the whole graph", "filter")


def _filter(f: NetworkFilter | None) -> tuple[StoreNetworkFilter, str]:
    f = f or NetworkFilter()
    return f.to_store(), f.weighting.value


def _network(g: nx.Graph, community_of: dict[str, int],
             score_of: dict[str, float] | None = None) -> Network:
    if g.number_of_nodes() > MAX_NETWORK_NODES:
        raise _too_many(g.number_of_nodes())
    return Network(graph=g, community_of=community_of, score_of=score_of)


@strawberry.type
class AnalyticsQueries:
    @strawberry.field(description="Institutions ranked by a centrality measure.")
    async def centrality(self, info: Info, measure: CentralityMeasure,
                         filter: FilterArg = None, first: int = 20) -> list[CentralityScore]:
        check_first(first)
        context = ctx(info)
        f, weighting = _filter(filter)
        scores = await _run(context, jobs.scores, f, measure.value, weighting)
        return [CentralityScore(institution_id=n, score=s, rank=r,
                                approximate=scores.approximate)
                for n, s, r in scores.ranked(first)]

    @strawberry.field(description="Louvain communities (fixed seed), largest first.")
    async def communities(self, info: Info, filter: FilterArg = None) -> list[Community]:
        context = ctx(info)
        f, weighting = _filter(filter)
        found = await _run(context, jobs.communities, f, weighting)
        return [Community(index=c.index, label=c.label, sector=c.sector, size=len(c.members),
                          region_code=c.region_code, member_ids=c.members) for c in found]

    @strawberry.field(description="Institutions that bridge sectors, most brokering first.")
    async def brokers(self, info: Info, filter: FilterArg = None,
                      first: int = 20) -> list[Broker]:
        check_first(first)
        context = ctx(info)
        f, weighting = _filter(filter)
        found = await _run(context, jobs.brokers, f, weighting)
        return [Broker(institution_id=b.node, constraint=b.constraint,
                       effective_size=b.effective_size, total=b.total, **b.roles)
                for b in found[:first]]

    @strawberry.field(description="The shortest chain of co-attendance between two "
                      "institutions; null when they are not connected.")
    async def collaboration_path(self, info: Info, from_id: strawberry.ID,
                                 to_id: strawberry.ID,
                                 filter: FilterArg = None) -> list[Institution] | None:
        context = ctx(info)
        f, weighting = _filter(filter)
        path = await _run(context, jobs.path, f, weighting, str(from_id), str(to_id))
        if path is None:
            return None
        return await institutions_of(info, path)

    @strawberry.field(description="An institution and everyone within `depth` ties of it; "
                      "null when it is not in the network (an unknown id, or no meeting "
                      "within the filter).")
    async def ego_network(self, info: Info, id: strawberry.ID, depth: int = 1,
                          filter: FilterArg = None) -> Network | None:
        if not 1 <= depth <= 3:
            raise UserInputError("depth must be 1, 2 or 3", "depth")
        context = ctx(info)
        f, weighting = _filter(filter)
        g = await _run(context, jobs.ego, f, weighting, str(id), depth)
        return None if g is None else _network(g, {})

    @strawberry.field(description="The collaboration network, for drawing; with `measure`, "
                      "each node carries its score on it (to size nodes by).")
    async def network(self, info: Info, filter: FilterArg = None,
                      measure: CentralityMeasure | None = None) -> Network:
        context = ctx(info)
        f, weighting = _filter(filter)
        drawn = await _run(context, jobs.network, f, weighting,
                           measure.value if measure is not None else None, MAX_NETWORK_NODES)
        if drawn.graph is None:
            raise _too_many(drawn.nodes)
        return _network(drawn.graph, drawn.community_of, drawn.score_of)

    @strawberry.field(description="Density, components, distances, clustering, activity.")
    async def network_summary(self, info: Info, filter: FilterArg = None) -> NetworkSummary:
        context = ctx(info)
        f, weighting = _filter(filter)
        s = await _run(context, jobs.summary, f, weighting)
        return NetworkSummary(
            institutions=s.institutions, ties=s.ties, meetings=s.meetings, density=s.density,
            components=s.components, largest_component=s.largest_component,
            average_path_length=s.average_path_length,
            average_clustering=s.average_clustering, approximate=s.approximate,
            meetings_per_month=[MonthCount(month=m, meetings=n)
                                for m, n in s.meetings_per_month])

    @strawberry.field(description="Expected TPPS partners that never attended a meeting in "
                      "the region and period, and expected partner pairs in a kecamatan "
                      "that never met.")
    async def convergence_gaps(
        self, info: Info, region_code: str,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None, first: int = MAX_PAGE,
    ) -> ConvergenceGaps | None:
        check_first(first)
        validation.region_code(region_code)
        window = validation.window(from_, to)
        context = ctx(info)
        if not await context.call(context.store.regions, [region_code]):
            return None  # an unknown region, said up front: no exception stands for it
        report = await _run(context, jobs.gaps,
                            StoreNetworkFilter(window=window, region_code=region_code))
        return ConvergenceGaps(
            region_code=report.region_code, level=report.level, meetings=report.meetings,
            missing_types=[MissingPartner(types=list(m.types), why=m.why)
                           for m in report.missing_types],
            pair_gaps=[PartnerGap(kecamatan_code=g.kecamatan, a_id=g.a_id, b_id=g.b_id,
                                  why=g.why) for g in report.pair_gaps[:first]])
