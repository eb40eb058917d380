"""Queries a-d in-process, through the ASGI app, without HTTP: CPU per request and a profile.

    python bench/peer/inproc.py --db bolt://... | data/peer-bench/peer.db
        [--queries abcd] [--n 60] [--clients 1] [--profile out.prof] [--jvm PID]

The HTTP server, uvicorn and the load generator are left out, so what is timed is the
app's own work (Starlette, Strawberry, graphql-core, resolvers, loaders, the store's
Python side). CPU is this process's (the Neo4j JVM is not counted); wall includes
waiting on Neo4j; `--jvm PID` adds the CPU the Neo4j process (that pid) spent per
request in the same loop. `--profile` writes cProfile stats of the timed loop (read them with
`python -m pstats`).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import statistics
import sys
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from api.app import create_app  # noqa: E402
from api.collector import tune  # noqa: E402
from bench.peer import queries  # noqa: E402
from bench.peer.run import cpu_seconds, keys  # noqa: E402
from graph.store import open_store  # noqa: E402


async def run(db: str, qs: str, n: int, clients: int, profile: Path | None,
              jvm: int | None) -> None:
    store = open_store(db)
    app = create_app(store)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        async def one(q: str, key: str) -> float:
            t = time.perf_counter()
            r = await client.post("/graphql", json=queries.body(q, key, False))
            body = r.json()
            if "errors" in body:
                raise RuntimeError(f"{q} {key}: {body['errors']}")
            return time.perf_counter() - t

        for q in qs:  # warm: caches, pools, JIT of Neo4j's plans
            for k in keys(q)[:10]:
                await one(q, k)
        tune()  # as `tpps serve` does (api/collector.py)
        prof = cProfile.Profile() if profile else None
        for q in qs:
            ks = keys(q)
            todo = [ks[i % len(ks)] for i in range(n)]
            if prof:
                prof.enable()
            jvm_cpu = cpu_seconds(jvm) if jvm else 0.0
            cpu, wall = time.process_time(), time.perf_counter()
            walls: list[float] = []

            async def worker(part: list[str], q: str = q, walls: list[float] = walls) -> None:
                for k in part:
                    walls.append(await one(q, k))

            await asyncio.gather(*(worker(todo[c::clients]) for c in range(clients)))
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            jvm_cpu = cpu_seconds(jvm) - jvm_cpu if jvm else 0.0
            if prof:
                prof.disable()
            walls.sort()
            also = f" + JVM {jvm_cpu * 1000 / n:5.1f}" if jvm else ""
            print(f"{q} x{clients}: {n / wall:6.1f} req/s  CPU {cpu * 1000 / n:6.1f}{also} ms/req  "
                  f"p50 {statistics.median(walls) * 1000:6.1f} ms  "
                  f"p99 {walls[int(len(walls) * 0.99) - 1] * 1000:6.1f} ms", flush=True)
        if prof and profile:
            prof.dump_stats(str(profile))
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--queries", default="abcd")
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--jvm", type=int, help="pid of the Neo4j process, to count its CPU")
    args = parser.parse_args()
    asyncio.run(run(args.db, args.queries, args.n, args.clients, args.profile, args.jvm))


if __name__ == "__main__":
    main()
