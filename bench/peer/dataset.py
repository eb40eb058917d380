"""The peer bench's data: sized like the dataset of issue 16, shaped like a province.

8,100 institutions in 27 kab/kota (300 each, 30 in each of 10 kecamatan), 12,367
meetings, ~154k attendance rows (5-20 attendees a meeting, mostly from the meeting's
kecamatan, a few from elsewhere in its kab/kota). A kab/kota holds more than a page
of 100 institutions and ~460 meetings, so queries a and d read real pages.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from graph.model import Attendance, Batch, Institution, Meeting, Region

TYPES = ["PUSKESMAS", "POLSEK", "KORAMIL", "KUA", "PKK", "PLKB", "KECAMATAN", "POSYANDU",
         "BHABINKAMTIBMAS", "BABINSA", "DESA", "TPK"]
PROVINCES = ("33", "34", "35")
KABS_PER_PROVINCE = 9
KECS_PER_KAB = 10
PER_KEC = 30
MEETINGS = 12_367


def kabkota_codes() -> list[str]:
    return [f"{p}.{k:02d}" for p in PROVINCES for k in range(1, KABS_PER_PROVINCE + 1)]


def batches(seed: int = 16) -> Iterator[Batch]:
    rng = random.Random(seed)
    regions = [Region("ID", "Indonesia", "national")]
    regions += [Region(p, f"Provinsi {p}", "province", "ID") for p in PROVINCES]
    members: dict[str, list[str]] = {}
    institutions: list[Institution] = []
    n = 0
    for kab in kabkota_codes():
        regions.append(Region(kab, f"Kabupaten {kab}", "kabkota", kab[:2]))
        for c in range(1, KECS_PER_KAB + 1):
            kec = f"{kab}.{c:02d}"
            regions.append(Region(kec, f"Kecamatan {kec}", "kecamatan", kab))
            members[kec] = []
            for _ in range(PER_KEC):
                t = TYPES[n % len(TYPES)]
                iid = f"ins_{n:05d}"
                members[kec].append(iid)
                institutions.append(Institution(iid, f"{t.title()} {rng.randrange(10**6):06d}",
                                                t, "kecamatan", kec))
                n += 1
    yield Batch(regions=regions)
    yield Batch(institutions=institutions)
    kecs = sorted(members)
    start = date(2023, 1, 1)
    meetings: list[Meeting] = []
    attendance: list[Attendance] = []
    for j in range(MEETINGS):
        kec = kecs[rng.randrange(len(kecs))]
        mid = f"mtg_{j:05d}"
        meetings.append(Meeting(mid, f"Rakor stunting {j}", start + timedelta(days=rng.randrange(
            1000)), None, None, None, "kecamatan", kec))
        size = rng.randint(5, 20)
        local = rng.sample(members[kec], min(size - 2, len(members[kec])))
        nearby = [k for k in kecs if k[:5] == kec[:5] and k != kec]
        guests = [rng.choice(members[rng.choice(nearby)]) for _ in range(2)]
        for k, iid in enumerate(dict.fromkeys(local + guests)):
            attendance.append(Attendance(mid, iid, ("organiser",) if k == 0 else ("participant",)))
        if len(attendance) >= 20_000:
            yield Batch(meetings=meetings, attendance=attendance)
            meetings, attendance = [], []
    if meetings:
        yield Batch(meetings=meetings, attendance=attendance)
