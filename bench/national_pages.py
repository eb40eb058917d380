"""API pages on the national dataset (issue 16's last targets): a light page of 100
institutions p50 <= 10 ms; one institution's collaborators p99 < 50 ms with 8 clients.

    python bench/national_pages.py [--db data/bench-national.db] [--quarter]
                                   [--seconds 6] [--rounds 2]

Serves the embedded store file with `tpps serve` (built first with `tpps generate
--scale national`, as bench/national.py does, when --db does not exist) and times
queries a-d of bench/peer/queries.py with the same load generator as the peer bench
(autocannon, bench/peer/load.mjs) at 1 and 8 clients, over 50 keys taken from the
data: kab/kota that hold institutions, institutions that attended meetings. Each
figure is the median over --rounds; CPU per request is the server process's.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.peer import queries  # noqa: E402
from bench.peer.run import measure, tpps  # noqa: E402
from graph.store.base import InstitutionFilter, PageRequest, RegionFilter  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PEER = ROOT / "bench" / "peer"
KEYS = 50
# (query, clients): (figure, bound, strict) from the issue
TARGETS = {("a", 1): ("p50", 10.0, False), ("c", 8): ("p99", 50.0, True)}


def build(db: Path, quarter: bool) -> None:
    from loaders.synthetic.generate import Generator

    scale = "quarter" if quarter else "national"
    t = time.perf_counter()
    db.parent.mkdir(parents=True, exist_ok=True)
    store = EmbeddedStore(db)
    store.bulk_write(Generator("ID", 3, 1, scale).batches())
    print(f"built {db} ({scale}) in {time.perf_counter() - t:.0f} s: {store.stats()}",
          flush=True)
    store.close()


def pick_keys(db: Path) -> dict[str, list[str]]:
    """50 kab/kota holding institutions and 50 institutions from them, seeded."""
    rng = random.Random(16)
    store = EmbeddedStore(db)
    try:
        kabs = store.find_regions(RegionFilter(level="kabkota"), PageRequest(first=1000)).items
        rng.shuffle(kabs)
        codes: list[str] = []
        ids: list[str] = []
        for region in kabs:
            page = store.find_institutions(InstitutionFilter(region_code=region.code),
                                           PageRequest(first=100))
            if not page.items:
                continue
            codes.append(region.code)
            ids.append(rng.choice(page.items).id)
            if len(codes) == KEYS:
                break
    finally:
        store.close()
    if not codes:
        raise SystemExit(f"{db} holds no institutions")
    return {"a": codes, "d": codes, "b": ids, "c": ids}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=ROOT / "data" / "bench-national.db")
    ap.add_argument("--quarter", action="store_true", help="build a quarter country")
    ap.add_argument("--seconds", type=float, default=6)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--queries", default="abcd")
    args = ap.parse_args()
    if not args.db.exists():
        build(args.db, args.quarter)
    keys = pick_keys(args.db)
    if not (PEER / "node_modules").exists():  # the load generator, from the lock file
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER, check=True)
    server = tpps("tpps-embedded", str(args.db.resolve()), ROOT)
    results: dict[tuple[str, int], list[dict[str, Any]]] = {}
    server.start()
    try:
        for q in args.queries:  # warm: the first request of a text parses and validates it
            measure(server, q, 1, 1, os.getpid(), keys[q])
        for _ in range(args.rounds):
            for q in args.queries:
                for clients in (1, 8):
                    r = measure(server, q, clients, args.seconds, os.getpid(), keys[q])
                    results.setdefault((q, clients), []).append(r)
                    print(f"{q} {clients}: {r['rps']:.0f} req/s, p50 {r['p50']} ms, "
                          f"p99 {r['p99']} ms, errors {r['errors']}", flush=True)
    finally:
        server.stop()

    def med(rows: list[dict[str, Any]], k: str) -> float:
        return float(statistics.median(r[k] for r in rows))

    print(f"\n{args.db} ({args.db.stat().st_size >> 20} MB), {args.rounds} round(s) of "
          f"{args.seconds:g} s, load average {' '.join(f'{x:.1f}' for x in _load())}\n")
    print("| query | clients | req/s | p50 ms | p99 ms | CPU ms/req | target |")
    print("|---|---|---|---|---|---|---|")
    for (q, clients), rows in results.items():
        target = TARGETS.get((q, clients))
        verdict = ""
        if target:
            figure, bound, strict = target
            got = med(rows, figure)
            met = got < bound if strict else got <= bound
            sign = "<" if strict else "<="
            verdict = f"{figure} {sign} {bound:g} ms: {'met' if met else 'not met'}"
        print(f"| {queries.LABELS[q] if clients == 1 else ''} | {clients} | "
              f"{med(rows, 'rps'):.0f} | {med(rows, 'p50'):.1f} | {med(rows, 'p99'):.1f} | "
              f"{med(rows, 'cpu_server'):.1f} | {verdict} |")


def _load() -> tuple[float, ...]:
    return os.getloadavg()


if __name__ == "__main__":
    main()
