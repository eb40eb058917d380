"""Analytics storm: does the server stay responsive while 20 heavy analyses run?

Starts `tpps serve` on a generated dataset (`tpps generate`, a province on the national
preset by default: one centrality on it takes seconds), fires `--storm` different
analytics requests at once (each its own window, so no cache answers one for another;
clients told BUSY retry after Retry-After until `--deadline`), and meanwhile times
`{__typename}` and `institution(id)` one after another. Prints p50/p99 of both, the
storm's answers by code, and the resident memory of the server process (and, apart,
of its analytics workers) idle, at its peak and a minute after.

Targets (issue 11): `{__typename}` p99 < 50 ms and `institution(id)` p99 < 100 ms during
the storm; the server's RSS back within 2x idle a minute after.

    PYTHONPATH=. python -m bench.analytics_storm [--db FILE] [--region 33] [--storm 20]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.server import ROOT, Server

MEASURES = ("CLOSENESS", "BETWEENNESS", "EIGENVECTOR", "PAGERANK")


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (the fork server and its analytics workers)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def memory(pid: int) -> tuple[int, int]:
    """(server RSS, RSS of everything below it), in MB."""
    return rss_kb(pid) >> 10, sum(rss_kb(p) for p in descendants(pid)) >> 10


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def post(client: httpx.Client, query: str) -> tuple[int, dict[str, Any], float]:
    started = time.perf_counter()
    r = client.post("/graphql", json={"query": query})
    return r.status_code, r.json(), (time.perf_counter() - started) * 1000


def storm_query(i: int, start: date) -> str:
    frm = start + timedelta(days=7 * i)
    measure = MEASURES[i % len(MEASURES)]
    return (f'{{ centrality(measure: {measure}, first: 5, filter: {{from: "{frm}"}}) '
            "{ score rank } }")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="/tmp/tpps-storm.db")
    ap.add_argument("--region", default="33", help="region to generate (33: Jawa Tengah)")
    ap.add_argument("--scale", default="national")
    ap.add_argument("--years", type=int, default=2)
    ap.add_argument("--storm", type=int, default=20)
    ap.add_argument("--workers", default="2", help="TPPS_ANALYTICS_WORKERS")
    ap.add_argument("--seconds", default="30", help="TPPS_ANALYTICS_SECONDS")
    ap.add_argument("--deadline", type=float, default=120.0,
                    help="how long a client told BUSY keeps retrying")
    ap.add_argument("--after", type=float, default=60.0, help="seconds before the last RSS")
    args = ap.parse_args()

    if not Path(args.db).exists():
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "cli.main", "generate", "--region", args.region,
                        "--scale", args.scale, "--years", str(args.years), "--db", args.db],
                       cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        print(f"generated {args.db} in {time.monotonic() - started:.0f} s")
    # The server persists each measure beside the data (issue 15), so a second storm on the
    # same file would be answered from the first one's results: every run gets a fresh copy.
    fresh = f"{args.db}.run"
    for suffix in ("", "-wal", "-shm"):
        Path(fresh + suffix).unlink(missing_ok=True)
    shutil.copyfile(args.db, fresh)
    env = {"TPPS_ANALYTICS_WORKERS": args.workers, "TPPS_ANALYTICS_SECONDS": args.seconds,
           "PYTHONPATH": str(ROOT)}
    server = Server(fresh, env, wait=120)  # a loaded 2-core machine imports slowly
    pid = server.proc.pid
    try:
        run(server, pid, args)
    finally:
        server.stop()


def run(server: Server, pid: int, args: argparse.Namespace) -> None:
    client = httpx.Client(base_url=server.url, timeout=300)
    size = post(client, "{ networkSummary(filter: {regionCode: \"99\"}) { ties } }")
    assert size[0] == 200, size
    first = post(client, "{ institutions(first: 1) { edges { node { id } } } }")[1]
    iid = first["data"]["institutions"]["edges"][0]["node"]["id"]
    status, body, cold = post(client, "{ centrality(measure: DEGREE, first: 1) { score } }")
    assert status == 200 and "errors" not in body, body
    _, _, warm = post(client, '{ centrality(measure: DEGREE, first: 1, filter: {regionCode: '
                              '"99"}) { score } }')
    time.sleep(2)
    idle = memory(pid)

    codes: Counter[str] = Counter()
    busy_answers = 0
    stop = threading.Event()
    probe: dict[str, list[float]] = {"typename": [], "institution": []}
    peak = list(idle)
    seconds: list[float] = []

    def analyst(i: int) -> None:
        nonlocal busy_answers
        c = httpx.Client(base_url=server.url, timeout=300)
        deadline = time.monotonic() + args.deadline
        started = time.monotonic()
        while True:
            status, body, _ = post(c, storm_query(i, date(2023, 1, 1)))
            code = (body.get("errors") or [{}])[0].get("extensions", {}).get("code", "OK")
            if code == "BUSY" and time.monotonic() < deadline:
                busy_answers += 1
                time.sleep(float(body["errors"][0]["extensions"].get("retryAfter", 1)))
                continue
            codes[code] += 1
            seconds.append(time.monotonic() - started)
            return

    def prober() -> None:
        c = httpx.Client(base_url=server.url, timeout=60)
        q = f'{{ institution(id: "{iid}") {{ name type region {{ name }} }} }}'
        while not stop.is_set():
            probe["typename"].append(post(c, "{ __typename }")[2])
            probe["institution"].append(post(c, q)[2])
            time.sleep(0.02)

    def sampler() -> None:
        while not stop.is_set():
            now = memory(pid)
            peak[0], peak[1] = max(peak[0], now[0]), max(peak[1], now[1])
            time.sleep(0.1)

    helpers = [threading.Thread(target=prober), threading.Thread(target=sampler)]
    for t in helpers:
        t.start()
    time.sleep(1)
    storm_started = time.monotonic()
    analysts = [threading.Thread(target=analyst, args=(i,)) for i in range(args.storm)]
    for t in analysts:
        t.start()
    for t in analysts:
        t.join()
    storm_seconds = time.monotonic() - storm_started
    stop.set()
    for t in helpers:
        t.join()
    time.sleep(args.after)
    after = memory(pid)

    load = Path("/proc/loadavg").read_text().split()[:3]
    rows = [
        ("dataset", f"{args.db} ({Path(args.db).stat().st_size >> 20} MB)"),
        ("network (whole store)", json.dumps(post(client, "{ networkSummary { institutions "
                                                  "ties meetings } }")[1].get("data"))),
        ("first analytics request (cold pool, DEGREE)", f"{cold:.0f} ms"),
        ("a warm small request (empty region)", f"{warm:.0f} ms"),
        ("storm", f"{args.storm} requests, TPPS_ANALYTICS_WORKERS={args.workers}, "
                  f"{storm_seconds:.0f} s until the last answer"),
        ("storm answers", ", ".join(f"{k} {v}" for k, v in sorted(codes.items()))),
        ("BUSY answers (retried after Retry-After)", str(busy_answers)),
        ("storm request time p50 / max", f"{percentile(seconds, 0.5):.1f} / "
                                         f"{max(seconds):.1f} s"),
        ("{__typename} p50 / p99 / max",
         f"{percentile(probe['typename'], 0.5):.1f} / {percentile(probe['typename'], 0.99):.1f}"
         f" / {max(probe['typename']):.1f} ms ({len(probe['typename'])} requests)"),
        ("institution(id) p50 / p99 / max",
         f"{percentile(probe['institution'], 0.5):.1f} / "
         f"{percentile(probe['institution'], 0.99):.1f} / {max(probe['institution']):.1f} ms"),
        ("server RSS idle / peak / after", f"{idle[0]} / {peak[0]} / {after[0]} MB "
                                           f"({args.after:.0f} s after)"),
        ("workers RSS idle / peak / after", f"{idle[1]} / {peak[1]} / {after[1]} MB"),
        ("load average (1, 5, 15 min)", " ".join(load)),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()
