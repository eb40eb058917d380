"""Fuzz the running GraphQL server with schemathesis: every query and mutation, with
generated arguments. Passes when no input gets a 5xx, an "Internal error" or a hang.

    python bench/fuzz.py [--examples 50]

Prints the number of inputs tried per operation and in all.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import schemathesis  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402

from bench.server import Server  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402
from loaders.files import load_files  # noqa: E402

TOKEN = "fuzz-editor-token"
DEMO = Path(__file__).resolve().parent.parent / "loaders" / "data" / "demo.json"


def _fuzz(operation: Any, examples: int, headers: dict[str, str], failures: list[str],
          stats: dict[str, Any]) -> None:
    """Send `examples` generated inputs to one operation, recording server errors."""

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        stats["tried"] += 1
        started = time.perf_counter()
        response = case.call(headers=headers, timeout=30)
        stats["slowest"] = max(stats["slowest"], time.perf_counter() - started)
        if response.status_code >= 500 or "Internal error" in response.text:
            failures.append(f"{operation.label}: {response.status_code} {response.text[:300]}")

    run()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=50, help="inputs per operation")
    args = parser.parse_args()
    db = str(Path(tempfile.mkdtemp()) / "fuzz.db")
    store = EmbeddedStore(db)
    load_files([DEMO], "json", store)
    store.close()
    server = Server(db, {"TPPS_TOKENS": f"editor:{TOKEN}"})
    headers = {"Authorization": f"Bearer {TOKEN}"}
    tried = 0
    failures: list[str] = []
    stats = {"tried": 0, "slowest": 0.0}
    try:
        schema = schemathesis.graphql.from_url(server.url + "/graphql", headers=headers)
        for result in schema.get_all_operations():
            operation = result.ok()
            before = tried
            try:
                _fuzz(operation, args.examples, headers, failures, stats)
            except Exception as exc:  # a hang (timeout) or a broken response
                failures.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:300]}")
            tried = stats["tried"]
            print(f"{operation.label}: {tried - before} inputs", flush=True)
    finally:
        log = server.stop()
    errors = [line for line in log.splitlines() if '"level": "error"' in line]
    print(f"tried {tried} inputs over the schema; {len(failures)} server errors; "
          f"{len(errors)} error log lines; slowest response {stats['slowest'] * 1000:.0f} ms")
    for f in failures[:20]:
        print("  ", f)
    if failures:
        print("server log tail:\n" + "\n".join(log.splitlines()[-15:]))
    return 1 if failures or errors else 0


if __name__ == "__main__":
    sys.exit(main())
