"""tpps-graph against @neo4j/graphql on the same Neo4j and data: req/s, p50, p99, CPU.

    python bench/peer/run.py [--seconds 6] [--rounds 2] [--before DIR] [--cached]

Starts a Neo4j 5.26 (neo4j_server), loads bench/peer/dataset.py into it and into an
embedded store (kept in --data between runs), starts the peer (server.mjs), tpps on
the Neo4j store and tpps on the embedded store, checks that every server gives the
same answers to queries a-d for every rotating key, then times each query at 1 and 8
clients with the same load generator (autocannon, load.mjs), servers alternating
within each round. CPU per request is the server's own plus Neo4j's (from
/proc/PID/stat); the figures are medians over rounds. `--before DIR` adds a tpps
server run from another source tree (e.g. `git archive` of an older commit);
`--cached` adds tpps servers with the response cache on.

Runs are short (a few seconds a cell) because the two cores are shared with other
work: read the ratios of one run, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from bench.peer import dataset, queries  # noqa: E402
from bench.server import free_port  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
KEYS = 50  # rotating ids or regions per query
CHECKED = 12  # keys whose answers are compared on every server before timing


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Server:
    label: str
    peer: bool
    argv: list[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/" + ("" if self.peer else "graphql")

    def start(self) -> None:
        self.port = free_port()
        log = open(tempfile.mktemp(suffix=f"-{self.label}.log"), "wb")  # noqa: SIM115
        argv = [a.replace("{port}", str(self.port)) for a in self.argv]
        self.proc = subprocess.Popen(argv, cwd=self.cwd, stdout=log, stderr=log,
                                     env={**os.environ, **self.env, "PORT": str(self.port)})
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.post(self.url, json={"query": "{ __typename }"}, timeout=2
                              ).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.3)
        raise RuntimeError(f"{self.label} did not start; log: {log.name}")

    def stop(self) -> None:
        if self.proc:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def tpps(label: str, db: str, src: Path, env: dict[str, str] | None = None) -> Server:
    return Server(label, False, [sys.executable, "-m", "cli.main", "serve", "--db", db,
                                 "--port", "{port}"], src,
                  {"PYTHONPATH": str(src), **(env or {})})


def load_stores(data: Path) -> tuple[Any, str, Path]:
    """Start Neo4j on data/neo4j; load the dataset into it and into data/peer.db once."""
    from graph.store.embedded import EmbeddedStore
    from graph.store.neo4j import Neo4jStore
    from neo4j_server import Neo4jServer

    server = Neo4jServer(data / "neo4j", heap="1g")
    uri = server.start()
    targets: list[tuple[str, Any]] = [("neo4j", Neo4jStore(uri)),
                                      ("embedded", EmbeddedStore(data / "peer.db"))]
    for label, store in targets:
        if store.stats()["institutions"] != dataset.PER_KEC * dataset.KECS_PER_KAB * len(
                dataset.kabkota_codes()):
            t = time.perf_counter()
            for batch in dataset.batches():
                store.write(batch)
            print(f"loaded {label}: {store.stats()} in {time.perf_counter() - t:.0f} s",
                  flush=True)
        store.close()
    return server, uri, data / "peer.db"


def keys(query: str) -> list[str]:
    rng = random.Random(16)
    if query in ("a", "d"):
        kabs = dataset.kabkota_codes()
        return [kabs[i % len(kabs)] for i in range(KEYS)]
    n = dataset.PER_KEC * dataset.KECS_PER_KAB * len(dataset.kabkota_codes())
    return [f"ins_{rng.randrange(n):05d}" for _ in range(KEYS)]


def check(servers: list[Server], query: str) -> int:
    """Every server's normal answer for every key equals the peer's; mismatches."""
    bad = 0
    peer = next(s for s in servers if s.peer)
    for key in list(dict.fromkeys(keys(query)))[:CHECKED]:
        want = None
        for s in [peer, *[s for s in servers if not s.peer]]:
            got = httpx.post(s.url, json=queries.body(query, key, s.peer), timeout=30).json()
            if "errors" in got:
                raise RuntimeError(f"{s.label} {query} {key}: {got['errors']}")
            answer = queries.normal(query, got["data"], s.peer)
            if want is None:
                want = answer
            elif answer != want:
                bad += 1
                print(f"  MISMATCH {s.label} {query} {key}:\n    peer {want}\n    got  {answer}")
    return bad


def measure(server: Server, query: str, clients: int, seconds: float, jvm: int,
            keyset: list[str] | None = None) -> dict[str, Any]:
    bodies = [queries.body(query, k, server.peer) for k in keyset or keys(query)]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(bodies, f)
    assert server.proc is not None
    before = cpu_seconds(server.proc.pid), cpu_seconds(jvm)
    out = subprocess.run(["node", str(HERE / "load.mjs"), server.url, str(clients),
                          str(seconds), f.name], capture_output=True, text=True, check=True)
    after = cpu_seconds(server.proc.pid), cpu_seconds(jvm)
    os.unlink(f.name)
    r: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    n = max(1, r["requests"])
    r["cpu_server"] = (after[0] - before[0]) * 1000 / n
    r["cpu_neo4j"] = (after[1] - before[1]) * 1000 / n
    return r


def table(results: dict[tuple[str, int, str], list[dict[str, Any]]], servers: list[Server],
          qs: str, clients: list[int]) -> str:
    def med(rows: list[dict[str, Any]], k: str) -> float:
        return float(statistics.median(r[k] for r in rows))

    others = [s for s in servers if not s.peer]
    head = ("| query | clients | @neo4j/graphql req/s, p50 / p99 ms, CPU ms/req (node + neo4j) | "
            + " | ".join(f"{s.label} req/s, p50 / p99, CPU | ratio" for s in others) + " |")
    lines = [head, "|" + "---|" * (3 + 2 * len(others))]
    for q in qs:
        for c in clients:
            p = results[("peer", c, q)]
            cells = [queries.LABELS[q] if c == clients[0] else "", str(c),
                     f"{med(p, 'rps'):.0f}, {med(p, 'p50'):.1f} / {med(p, 'p99'):.1f}, "
                     f"{med(p, 'cpu_server'):.1f} + {med(p, 'cpu_neo4j'):.1f}"]
            for s in others:
                rows = results[(s.label, c, q)]
                cells.append(f"{med(rows, 'rps'):.0f}, {med(rows, 'p50'):.1f} / "
                             f"{med(rows, 'p99'):.1f}, {med(rows, 'cpu_server'):.1f} + "
                             f"{med(rows, 'cpu_neo4j'):.1f}")
                cells.append(f"{med(rows, 'rps') / max(med(p, 'rps'), 1e-9):.2f}")
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--clients", default="1,8")
    parser.add_argument("--queries", default="abcd")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "peer-bench")
    parser.add_argument("--before", type=Path, help="also serve tpps from this source tree")
    parser.add_argument("--cached", action="store_true", help="also with the response cache")
    parser.add_argument("--no-embedded", action="store_true")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    # A timeout's SIGTERM still stops the servers and Neo4j (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if not (HERE / "node_modules").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    neo4j, uri, db = load_stores(args.data)
    jvm = neo4j._proc.pid if neo4j._proc else os.getpid()
    # A cold first read on a loaded machine can take longer than the default 2 s bound;
    # every tpps server (before and after alike) gets the same, longer one.
    timeout = {"TPPS_STORE_TIMEOUT": os.environ.get("TPPS_STORE_TIMEOUT", "10")}
    uncached = {"TPPS_RESPONSE_CACHE": "0", **timeout}
    servers = [Server("peer", True, ["node", str(HERE / "server.mjs")], HERE,
                      {"NEO4J_URI": uri}),
               tpps("tpps-neo4j", uri, ROOT, uncached)]
    if not args.no_embedded:
        servers.append(tpps("tpps-embedded", str(db), ROOT, uncached))
    if args.before:
        servers.append(tpps("before-neo4j", uri, args.before.resolve(), uncached))
        if not args.no_embedded:
            servers.append(tpps("before-embedded", str(db), args.before.resolve(), uncached))
    if args.cached:
        cached = {"TPPS_RESPONSE_CACHE": "1", **timeout}
        servers.append(tpps("cached-neo4j", uri, ROOT, cached))
        if not args.no_embedded:
            servers.append(tpps("cached-embedded", str(db), ROOT, cached))
    results: dict[tuple[str, int, str], list[dict[str, Any]]] = {}
    try:
        for s in servers:
            s.start()
        for q in args.queries:
            bad = check(servers, q)
            print(f"query {q}: answers checked on {CHECKED} keys, {bad} mismatches",
                  flush=True)
        for q in args.queries:  # warm every server on every query before timing
            for s in servers:
                measure(s, q, 1, 1, jvm)
        for rnd in range(args.rounds):
            for q in args.queries:
                for c in clients:
                    order = servers if rnd % 2 == 0 else servers[::-1]
                    for s in order:
                        r = measure(s, q, c, args.seconds, jvm)
                        results.setdefault((s.label, c, q), []).append(r)
                        print(f"round {rnd} {q} x{c} {s.label}: {r['rps']:.0f} req/s "
                              f"p50 {r['p50']} p99 {r['p99']} cpu {r['cpu_server']:.1f}+"
                              f"{r['cpu_neo4j']:.1f} ms/req errors {r['errors']}", flush=True)
        print()
        print(f"{args.rounds} alternating rounds of {args.seconds:g} s per cell, {KEYS} "
              "rotating keys; medians")
        print(table(results, servers, args.queries, clients))
        print()
        for s in servers:
            if s.proc:
                print(f"{s.label}: RSS {rss_mb(s.proc.pid):.0f} MB after the run")
    finally:
        for s in servers:
            s.stop()
        neo4j.stop()


if __name__ == "__main__":
    main()
