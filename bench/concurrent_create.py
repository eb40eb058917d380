"""Concurrent identical creates: how many callers are told they created the node.

    python bench/concurrent_create.py [--callers 8] [--trials 10] [--neo4j]

Each trial fires `callers` identical createInstitution mutations at once through the
ASGI app (store calls run in worker threads, as under uvicorn) and prints, per trial,
the successes, the ids answered and the nodes stored. A truthful create gives one
success, one node, and the same id to every caller (the rest hear CONFLICT).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.app import create_app  # noqa: E402
from graph.model import Batch, Region  # noqa: E402
from graph.store.base import InstitutionFilter, Store  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402
from tests.helpers import EDITOR_TOKEN, TEST_ACCESS  # noqa: E402

CREATE = """mutation($n: String!) { createInstitution(input: {name: $n, type: "KUA",
  regionCode: "33.74.05"}) { id } }"""


async def trial(store: Store, name: str, callers: int) -> tuple[int, set[str], int]:
    app = create_app(store, access=TEST_ACCESS)
    headers = {"Authorization": f"Bearer {EDITOR_TOKEN}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://bench") as client:
        answers: list[Any] = await asyncio.gather(*(
            client.post("/graphql", json={"query": CREATE, "variables": {"n": name}},
                        headers=headers) for _ in range(callers)))
    ok = 0
    told: set[str] = set()
    for response in answers:
        body = response.json()
        if body.get("data") and body["data"].get("createInstitution"):
            ok += 1
            told.add(body["data"]["createInstitution"]["id"])
        else:
            error = body["errors"][0]
            told.add(error.get("extensions", {}).get("id") or error["message"])
    stored = store.count_institutions(InstitutionFilter(name_contains=name))
    return ok, told, stored


def run(store: Store, label: str, callers: int, trials: int) -> None:
    store.write(Batch(regions=[Region("33", "Jawa Tengah", "province", "ID"),
                               Region("33.74", "Kota Semarang", "kabkota", "33"),
                               Region("33.74.05", "Genuk", "kecamatan", "33.74")]))
    successes = []
    for t in range(trials):
        ok, told, stored = asyncio.run(trial(store, f"KUA Bench {label} {t}", callers))
        successes.append(ok)
        print(f"{label} trial {t}: {ok} success(es) of {callers}, {stored} node(s), "
              f"{len(told)} distinct answer(s)")
    print(f"{label}: successes per trial {successes}; trials with exactly one: "
          f"{sum(1 for s in successes if s == 1)}/{trials}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--callers", type=int, default=8)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--neo4j", action="store_true", help="also on a real Neo4j")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "bench.db")
        run(store, "embedded", args.callers, args.trials)
        store.close()
        if args.neo4j:
            from graph.store.neo4j import Neo4jStore
            from neo4j_server import Neo4jServer

            server = Neo4jServer(Path(tmp) / "neo4j")
            uri = server.start()
            try:
                neo = Neo4jStore(uri)
                run(neo, "neo4j", args.callers, args.trials)
                neo.close()
            finally:
                server.stop()


if __name__ == "__main__":
    main()
