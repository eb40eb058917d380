"""A bulk load into the embedded store killed mid-way (SIGKILL) leaves nothing of itself:
its rows were in an open transaction, whose WAL frames the next opener ignores."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from graph.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent.parent

LOADER = """
import sys, time
from graph.store.embedded import EmbeddedStore
from loaders.synthetic.generate import Generator

def batches():
    yield from Generator("33.74", 1, 1).batches()
    # every row written, in the transaction the load has not committed yet
    print("mid-load", flush=True)
    time.sleep(120)

EmbeddedStore(sys.argv[1]).bulk_write(batches())
"""


def test_a_bulk_load_killed_mid_way_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "tpps.db"
    store = EmbeddedStore(db)
    before = store.stats()
    store.close()
    proc = subprocess.Popen([sys.executable, "-c", LOADER, str(db)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "mid-load"
    finally:
        proc.kill()
        proc.wait()
    store = EmbeddedStore(db)
    try:
        assert store.stats() == before
        assert store.version() == 0
    finally:
        store.close()
