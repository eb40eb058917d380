"""Schemathesis against `tpps serve` over the demo data: every query and mutation with
generated arguments, a short run with a fixed seed (the same inputs each time), and no
input may get a 5xx, an "Internal error" or an error log line. `python bench/fuzz.py`
runs the long version."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from api.app import create_app
from api.schema import schema as graphql_schema
from bench.server import Server
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO

TOKEN = "schemathesis-editor-token"
EXAMPLES = 4  # per operation: about 200 requests in all, well under a minute
BUDGET_SECONDS = 60
_ROOTS = graphql_schema._schema
FIELDS = [*_ROOTS.query_type.fields, *(_ROOTS.mutation_type.fields
                                       if _ROOTS.mutation_type else [])]


def _fuzz(operation: Any, headers: dict[str, str], failures: list[str]) -> int:
    """Send generated inputs to one operation; the number sent."""
    sent = 0

    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        nonlocal sent
        sent += 1
        response = case.call(headers=headers, timeout=30)
        if response.status_code >= 500 or "Internal error" in response.text:
            failures.append(f"{operation.label}: {response.status_code} {case.body!r} -> "
                            f"{response.text[:300]}")

    run()
    return sent


def test_generated_requests_get_no_server_error(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    store = EmbeddedStore(db)
    load_files([DEMO], "json", store)
    store.close()
    served = Server(db, {"TPPS_TOKENS": f"editor:{TOKEN}", "TPPS_DEBUG": "0"})
    headers = {"Authorization": f"Bearer {TOKEN}"}
    failures: list[str] = []
    sent = operations = 0
    started = time.monotonic()
    try:
        schema = schemathesis.graphql.from_url(served.url + "/graphql", headers=headers)
        for result in schema.get_all_operations():
            operation = result.ok()
            operations += 1
            sent += _fuzz(operation, headers, failures)
    finally:
        took = time.monotonic() - started
        log = served.stop()
    errors = [line for line in log.splitlines() if '"level": "error"' in line]
    print(f"schemathesis: {sent} requests over {operations} operations in {took:.1f} s")
    assert operations == len(FIELDS) and sent >= operations  # the whole schema was reached
    assert not failures, "\n".join(failures[:10])
    assert not errors, "\n".join(errors[:10])
    assert took < BUDGET_SECONDS, f"{sent} requests took {took:.0f} s"


def test_the_run_is_the_same_each_time(embedded: EmbeddedStore) -> None:
    """derandomize: two runs of one operation send the same inputs (a failure replays)."""
    schema = schemathesis.graphql.from_asgi("/graphql", create_app(embedded))
    operation = next(r.ok() for r in schema.get_all_operations()
                     if r.ok().label == "Query.institutions")
    bodies: list[list[Any]] = []
    for _ in range(2):
        seen: list[Any] = []

        @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                  phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def collect(case: schemathesis.Case) -> None:
            seen.append(case.body)  # noqa: B023 - each run fills its own list, then is done

        collect()
        bodies.append(seen)
    assert bodies[0] == bodies[1] and len(bodies[0]) >= 2

