"""The fork server loads the serial kernels' code before it forks workers (warmup.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from graph.analytics import jobs, warmup

PROBE = """
import json, numba
from graph.analytics import kernels, warmup
try:
    numba.threading_layer()
    pool = True
except ValueError:  # no parallel kernel has run: no thread pool started
    pool = False
print(json.dumps({"warmed": warmup.WARMED, "parallel": kernels.structural_holes.signatures != [],
                  "pool": pool}))
"""


def test_the_fork_server_preloads_the_warm_up_and_the_engines() -> None:
    assert jobs.PRELOAD.index("graph.analytics.warmup") < jobs.PRELOAD.index(
        "graph.analytics.worker")
    assert {"igraph", "networkit", "scipy.sparse"} <= set(jobs.PRELOAD)


def test_importing_it_loads_every_serial_kernel_and_starts_no_thread_pool() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True, timeout=300)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found == {"warmed": list(warmup.SERIAL), "parallel": False, "pool": False}


def test_a_failing_warm_up_is_logged_not_raised(monkeypatch: pytest.MonkeyPatch,
                                                caplog: pytest.LogCaptureFixture) -> None:
    from graph.analytics import centrality

    def broken(*_: object) -> None:
        raise RuntimeError("no kernel today")

    monkeypatch.setattr(centrality, "closeness", broken)
    assert warmup.warm() == []
    assert "not warmed: no kernel today" in caplog.text


def test_the_fork_server_preloads_what_a_worker_opens_its_store_with() -> None:
    # imported at a worker's first job instead, they were ~0.3 s of a cold measure
    assert {"graph.store.faults", "graph.store.embedded", "graph.store.neo4j"} <= set(
        jobs.PRELOAD)


def test_the_preloaded_modules_start_no_thread() -> None:
    # the fork server forks every worker: a thread started by an import would not be in them
    probe = ("import importlib, json, threading\n"
             f"for m in {jobs.PRELOAD!r}: importlib.import_module(m)\n"
             "print(json.dumps(threading.active_count()))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=300)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == 1
