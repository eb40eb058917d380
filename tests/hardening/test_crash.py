"""Crash safety of the embedded store: a load killed with SIGKILL at random points
leaves every committed batch whole, no partial batch, and a store that opens cleanly."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.store.base import InstitutionFilter
from graph.store.embedded import EmbeddedStore
from tests.hardening.crash_writer import BATCH

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_sigkill_during_a_large_load(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    db = tmp_path / "crash.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.hardening.crash_writer", str(db), "200"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    wanted = rng.randint(1, 6)
    committed = -1
    for line in proc.stdout:
        committed = int(line.split()[1])
        if committed + 1 >= wanted:
            break
    time.sleep(rng.uniform(0, 0.08))  # land somewhere inside the next transaction
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert committed >= 0

    store = EmbeddedStore(db)  # opens cleanly
    try:
        conn = store._conn()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts: dict[str, int] = {}
        for (iid,) in conn.execute("SELECT id FROM institutions"):
            key = iid[5:9]
            counts[key] = counts.get(key, 0) + 1
        assert all(n == BATCH for n in counts.values()), counts  # no partial batch
        batches = sorted(int(k) for k in counts)
        assert batches == list(range(len(batches)))  # committed in order, none lost
        assert len(batches) >= committed + 1  # every batch reported committed is there
        stats = store.stats()
        assert stats["attendance"] == BATCH * len(batches)
        assert stats["meetings"] == len(batches)
        assert store.count_institutions(InstitutionFilter()) == BATCH * len(batches)
    finally:
        store.close()
