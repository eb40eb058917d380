"""Writes numbered batches into an embedded store, one transaction each, printing
"committed N" after each commit: the crash test kills it with SIGKILL mid-way."""

from __future__ import annotations

import sys
from datetime import date

from graph.model import Attendance, Batch, Institution, Meeting
from graph.store.embedded import EmbeddedStore

BATCH = 2_000


def batch(n: int) -> Batch:
    insts = [Institution(f"ins_b{n:04d}_{i:05d}", f"Batch {n} institution {i}", "KUA",
                         "kecamatan", "33.74.05") for i in range(BATCH)]
    meeting = Meeting(f"mtg_b{n:04d}", f"Rakor batch {n}", date(2025, 1, 1 + n % 28))
    return Batch(institutions=insts, meetings=[meeting],
                 attendance=[Attendance(meeting.id, i.id, ("participant",)) for i in insts])


def main() -> None:
    store = EmbeddedStore(sys.argv[1])
    for n in range(int(sys.argv[2])):
        store.write(batch(n))
        print(f"committed {n}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
