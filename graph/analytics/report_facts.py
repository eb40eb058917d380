"""What the analyst report says beyond the measures: tie-aware ranks, meetings, figures,
convergence gaps per region, and why a network falls apart. Each is computed from the
store through the same service the API uses, so the report and the API agree."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import networkx as nx

from graph.analytics.gaps import GapReport, convergence_gaps
from graph.analytics.projection import Projection
from graph.model import Measurement, Meeting
from graph.store.base import MeasurementFilter, MeetingFilter, NetworkFilter, PageRequest, Store
from graph.vocabulary import DATA

TIE_TOLERANCE = 1e-9  # scores closer than this are the same score (float noise)


@dataclass(frozen=True)
class MeasureInfo:
    measure: str
    label: str
    meaning: str


@cache
def measure_info() -> dict[str, MeasureInfo]:
    rows = csv.DictReader((DATA / "measures.csv").read_text("utf-8").splitlines())
    return {r["measure"]: MeasureInfo(r["measure"], r["label"], r["meaning"]) for r in rows}


def tie_ranks(values: dict[str, float]) -> dict[str, str]:
    """Competition ranks ("1", "=2", "=2", "4"): equal scores share a rank, marked '='.

    >>> tie_ranks({"a": 3.0, "b": 1.0, "c": 3.0})
    {'a': '=1', 'c': '=1', 'b': '3'}
    """
    order = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
    out: dict[str, str] = {}
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and abs(order[j + 1][1] - order[i][1]) <= TIE_TOLERANCE:
            j += 1
        for k in range(i, j + 1):
            out[order[k][0]] = f"={i + 1}" if j > i else str(i + 1)
        i = j + 1
    return out


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    attendees: int
    sources: tuple[str, ...]  # source titles


def meetings_in_scope(store: Store, f: NetworkFilter, limit: int = 2_000) -> list[MeetingRow]:
    """The meetings of the filter, newest first, with attendee counts and sources."""
    found: list[Meeting] = []
    after = None
    mf = MeetingFilter(region_code=f.region_code, window=f.window, program_id=f.program_id)
    while len(found) < limit:
        page = store.find_meetings(mf, PageRequest(min(500, limit - len(found)), after,
                                                   "date", True))
        found += page.items
        if not page.has_next:
            break
        after = page.keys[-1]
    ids = [m.id for m in found]
    attendance = store.attendance_of_meetings(ids)
    citations = store.citations(ids)
    sources = store.sources({c.source_id for cs in citations.values() for c in cs})
    return [MeetingRow(m, len(attendance.get(m.id, [])),
                       tuple(sorted({sources[c.source_id].title for c in citations.get(m.id, [])
                                     if c.source_id in sources}))) for m in found]


def figures_in_scope(store: Store, f: NetworkFilter, limit: int = 2_000) -> list[Measurement]:
    """Figures filed in the scope, by what, region and period (oldest first)."""
    found = store.find_measurements(MeasurementFilter(region_code=f.region_code), limit)
    return sorted(found, key=lambda m: (m.what, m.region_code or "", m.period or ""))


def gaps_in_scope(store: Store, f: NetworkFilter,
                  meetings: list[MeetingRow]) -> list[GapReport]:
    """Convergence gaps of the scope region and of every region that held a meeting."""
    codes = {m.meeting.region_code for m in meetings if m.meeting.region_code}
    if f.region_code:
        codes.add(f.region_code)
    reports = []
    for code in sorted(codes):
        try:
            reports.append(convergence_gaps(store, code, f.window))
        except KeyError:
            continue  # a meeting filed under a region that is not stored
    return reports


@dataclass(frozen=True)
class Fragmentation:
    components: int
    sizes: list[int]
    meetings_per_component: list[int]
    bridging_institutions: int  # institutions that attended meetings of two sources
    explanation: str


def fragmentation(p: Projection, meetings: list[MeetingRow]) -> Fragmentation | None:
    """Why the network is in pieces, or None when it is connected (or empty)."""
    g = p.graph
    if g.number_of_nodes() == 0 or nx.is_connected(g):
        return None
    parts = sorted(nx.connected_components(g), key=len, reverse=True)
    where = {n: i for i, part in enumerate(parts) for n in part}
    per_part: dict[int, int] = defaultdict(int)
    for members in p.attendance.values():
        if members:
            per_part[where[members[0]]] += 1
    source_of = {m.meeting.id: m.sources for m in meetings}
    seen_in: dict[str, set[str]] = defaultdict(set)
    for mid, members in p.attendance.items():
        for n in members:
            seen_in[n].update(source_of.get(mid, ()))
    bridging = sum(1 for s in seen_in.values() if len(s) > 1)
    single = sum(1 for i in range(len(parts)) if per_part[i] == 1)
    why = (f"The network falls into {len(parts)} separate groups (the largest has "
           f"{len(parts[0])} of {g.number_of_nodes()} institutions). No institution attended "
           "meetings of two groups")
    if bridging == 0:
        why += ", and none appears in two source documents: each group is the attendance of "
        why += "its own release(s)"
    why += (f"; {single} group(s) rest on a single meeting. Betweenness is therefore 0 "
            "between groups and no collaboration path crosses them: read the ranks within a "
            "group, and load more meetings (or merge duplicate institutions) to join them.")
    return Fragmentation(len(parts), [len(x) for x in parts],
                         [per_part[i] for i in range(len(parts))], bridging, why)
