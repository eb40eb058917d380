"""The institution-institution collaboration network, projected from co-attendance.

Two institutions are tied when they attended the same meeting. The tie's weight is
either the number of shared meetings, or Newman's collaboration weight, the sum over
shared meetings of 1/(n-1) for a meeting of n attendees, so that large plenaries
bind less than small working meetings.

References
----------
M. E. J. Newman, "Scientific collaboration networks. II. Shortest paths, weighted
networks, and centrality", Phys. Rev. E 64, 016132 (2001).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import networkx as nx

from graph.store.base import AttendanceRow, NetworkFilter, Store
from graph.vocabulary import sector_of
from graph.weights import newman_weight

WEIGHTINGS = ("shared", "newman")


@dataclass
class Projection:
    graph: nx.Graph  # nodes: institution ids with name, type, sector, region_code
    meetings: dict[str, date]  # meeting id -> date, of the meetings projected
    attendance: dict[str, list[str]]  # meeting id -> institution ids


def project(rows: list[AttendanceRow], weighting: str = "shared") -> Projection:
    """Build the weighted projection from attendance rows.

    Examples
    --------
    Three institutions at one meeting, two of them at a second one:

    >>> from datetime import date
    >>> rows = [AttendanceRow(i, i, "KUA", None, m, date(2025, 1, 1))
    ...         for m, people in (("m1", "abc"), ("m2", "ab")) for i in people]
    >>> p = project(rows)
    >>> p.graph["a"]["b"]["weight"], p.graph["a"]["c"]["weight"]
    (2.0, 1.0)
    >>> project(rows, "newman").graph["a"]["b"]["weight"]
    1.5
    """
    if weighting not in WEIGHTINGS:
        raise ValueError(f"weighting must be one of {WEIGHTINGS}, not {weighting!r}")
    g = nx.Graph()
    attendance: dict[str, list[str]] = defaultdict(list)
    meetings: dict[str, date] = {}
    for r in rows:
        if r.institution_id not in g:
            g.add_node(r.institution_id, name=r.name, type=r.type, sector=sector_of(r.type),
                       region_code=r.region_code)
        attendance[r.meeting_id].append(r.institution_id)
        meetings[r.meeting_id] = r.date
    for members in attendance.values():
        n = len(members)
        if n < 2:
            continue
        step = 1.0 if weighting == "shared" else newman_weight(n)
        for a, b in combinations(sorted(set(members)), 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += step
                g[a][b]["shared"] += 1
            else:
                g.add_edge(a, b, weight=step, shared=1)
    return Projection(g, meetings, dict(attendance))


def load_projection(store: Store, f: NetworkFilter, weighting: str = "shared") -> Projection:
    """One store call: the attendance rows the filter selects, projected."""
    return project(store.attendance_rows(f), weighting)
