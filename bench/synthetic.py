"""A synthetic national-shaped graph for benchmarks: regions, institutions, meetings."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from graph.model import Attendance, Batch, Institution, Meeting, Region

TYPES = ["PUSKESMAS", "POLSEK", "KORAMIL", "KUA", "PKK", "PLKB", "KECAMATAN", "POSYANDU",
         "BHABINKAMTIBMAS", "BABINSA", "DESA", "TPK"]


def batches(institutions: int, meetings: int, per_meeting: int, seed: int = 7,
            size: int = 20_000, everyone: bool = False) -> Iterator[Batch]:
    """Kecamatan-sized clusters: each meeting draws attendees from one kecamatan.

    everyone: a kecamatan's meetings seat its members who have not attended yet first,
    so every institution is in the network (given enough meetings): a network of
    exactly `institutions` nodes, as the explorer's benchmark needs."""
    rng = random.Random(seed)
    kec_count = max(1, institutions // 60)
    provinces = sorted({f"{11 + k % 30:02d}" for k in range(kec_count)})
    regions = [Region(p, f"Provinsi {p}", "province", "ID") for p in provinces]
    kecs = []
    for k in range(kec_count):
        prov = f"{11 + k % 30:02d}"
        kab = f"{prov}.{1 + (k // 30) % 60:02d}"
        kec = f"{kab}.{1 + k // 1800:02d}"
        regions.append(Region(kab, f"Kab {kab}", "kabkota", prov))
        regions.append(Region(kec, f"Kec {kec}", "kecamatan", kab))
        kecs.append(kec)
    yield Batch(regions=list({r.code: r for r in regions}.values()))
    members: dict[str, list[str]] = {k: [] for k in kecs}
    rows: list[Institution] = []
    for i in range(institutions):
        kec = kecs[i % len(kecs)]
        t = TYPES[i % len(TYPES)]
        iid = f"ins_{i:07d}"
        members[kec].append(iid)
        rows.append(Institution(iid, f"{t.title()} {i}", t, "kecamatan", kec))
        if len(rows) == size:
            yield Batch(institutions=rows)
            rows = []
    if rows:
        yield Batch(institutions=rows)
    waiting = {k: list(v) for k, v in members.items()}
    start = date(2023, 1, 1)
    mrows: list[Meeting] = []
    arows: list[Attendance] = []
    for j in range(meetings):
        kec = kecs[rng.randrange(len(kecs))]
        mid = f"mtg_{j:07d}"
        mrows.append(Meeting(mid, f"Rakor {j}", start + timedelta(days=rng.randrange(1000)),
                             None, None, None, "kecamatan", kec))
        people = members[kec]
        seats = min(per_meeting, len(people))
        first = waiting[kec][:seats] if everyone else []
        del waiting[kec][:len(first)]
        seated = set(first)
        rest = [p for p in people if p not in seated]
        for iid in first + rng.sample(rest, seats - len(first)):
            arows.append(Attendance(mid, iid, ("participant",)))
        if len(arows) >= size:
            yield Batch(meetings=mrows, attendance=arows)
            mrows, arows = [], []
    if mrows:
        yield Batch(meetings=mrows, attendance=arows)
