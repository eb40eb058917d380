"""Convergence gaps: mandated partners that never attend, partners that never meet.

The expectations are data (graph/data/convergence.csv), drawn from the national
strategy: which institution types a TPPS at each level brings together, and which
pairs must work together inside a kecamatan.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import product

from graph.model import NATIONAL_CODE
from graph.store.base import InstitutionFilter, NetworkFilter, PageRequest, Store, Window
from graph.vocabulary import DATA


@dataclass(frozen=True)
class Expectation:
    kind: str  # "type" or "pair"
    level: str
    a: tuple[str, ...]  # alternatives: DESA|KELURAHAN
    b: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class MissingType:
    types: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class PairGap:
    kecamatan: str
    a_id: str
    a_name: str
    b_id: str
    b_name: str
    why: str


@dataclass(frozen=True)
class GapReport:
    region_code: str
    level: str
    meetings: int
    missing_types: list[MissingType]
    pair_gaps: list[PairGap]


@cache
def expectations() -> list[Expectation]:
    lines = [line for line in (DATA / "convergence.csv").read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [Expectation(r["kind"], r["level"], tuple(r["a"].split("|")),
                        tuple(filter(None, r["b"].split("|"))), r["why"])
            for r in csv.DictReader(lines)]


def _institutions_of(store: Store, region: str, types: tuple[str, ...]) -> list:  # type: ignore[type-arg]
    out: list = []  # type: ignore[type-arg]
    after = None
    while True:
        page = store.find_institutions(InstitutionFilter(types=types, region_code=region),
                                       PageRequest(1000, after, "id"))
        out += page.items
        if not page.has_next:
            return out
        after = page.keys[-1]


class UnknownRegion(LookupError):
    """The region asked about is not stored."""


def convergence_gaps(store: Store, region_code: str, window: Window | None = None) -> GapReport:
    region = store.regions([region_code]).get(region_code)
    if region is None:
        raise UnknownRegion(f"no region {region_code!r} is stored")
    rows = store.attendance_rows(NetworkFilter(window=window or Window(),
                                               region_code=region_code))
    # A team's own meetings are those held at its region, not in the regions below:
    # a kecamatan rakor is not the kab/kota TPPS meeting.
    held = store.meetings({r.meeting_id for r in rows})
    own = {m.id for m in held.values() if (m.region_code or NATIONAL_CODE) == region_code}
    attended_types = {r.type for r in rows if r.meeting_id in own}
    missing = [MissingType(e.a, e.why) for e in expectations()
               if e.kind == "type" and e.level == region.level
               and not attended_types.intersection(e.a)]
    together: set[frozenset[str]] = set()
    by_meeting: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        by_meeting[r.meeting_id].add(r.institution_id)
    for members in by_meeting.values():
        for a in members:
            for b in members:
                if a < b:
                    together.add(frozenset((a, b)))
    gaps: list[PairGap] = []
    if region.level in ("national", "province", "kabkota", "kecamatan"):
        for e in (x for x in expectations() if x.kind == "pair"):
            found = _institutions_of(store, region_code, tuple(sorted(set(e.a + e.b))))
            by_kec: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))  # type: ignore[type-arg]
            for i in found:
                if i.region_code and i.region_code.count(".") >= 2:
                    kec = ".".join(i.region_code.split(".")[:3])
                    by_kec[kec][i.type].append(i)
            for kec, by_type in sorted(by_kec.items()):
                lefts = [i for t in e.a for i in by_type.get(t, [])]
                rights = [i for t in e.b for i in by_type.get(t, [])]
                for x, y in product(lefts, rights):
                    if x.id != y.id and frozenset((x.id, y.id)) not in together:
                        gaps.append(PairGap(kec, x.id, x.name, y.id, y.name, e.why))
    return GapReport(region_code, region.level, len(own), missing, gaps)
