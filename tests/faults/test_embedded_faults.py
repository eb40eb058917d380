"""Faults under the embedded store: a full disk, a read-only file, a lock held too
long. Each answers a coded error at once, changes nothing, and the store works again
when the fault is gone."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from starlette.testclient import TestClient

from api.app import create_app
from graph.store.base import InstitutionFilter
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO, ROOT
from tests.faults.mounts import read_only_view, small_disk
from tests.helpers import EDITOR_TOKEN, TEST_ACCESS

CREATE = """mutation { createInstitution(input: {name: "KUA Fault", type: "KUA",
  regionCode: "33.74.05"}) { id } }"""
COUNT = "{ institutions(first: 1) { totalCount } }"


def _client(store: EmbeddedStore) -> TestClient:
    return TestClient(create_app(store, access=TEST_ACCESS),
                      headers={"Authorization": f"Bearer {EDITOR_TOKEN}"})


def _big_release(path: Path, institutions: int) -> Path:
    """A JSON load large enough to fill a few MB (long names, one transaction)."""
    rows = [{"name": f"Posyandu Uji {n} " + "x" * 250, "type": "POSYANDU", "region": "33.74"}
            for n in range(institutions)]
    regions = [{"code": "33", "name": "Jawa Tengah", "level": "province"},
               {"code": "33.74", "name": "Kota Semarang", "level": "kabkota", "parent": "33"}]
    path.write_text(json.dumps({"regions": regions, "institutions": rows}), "utf-8")
    return path


def _tpps(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_full_disk_fails_the_load_in_one_line_and_keeps_the_data(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "3m") as disk:
        db = disk / "tpps.db"
        first = _tpps("load", "json", str(DEMO), "--db", str(db))
        assert first.returncode == 0, first.stderr
        before = EmbeddedStore(db).stats()

        big = _big_release(tmp_path / "big.json", 20_000)  # ~5 MB of names
        failed = _tpps("load", "json", str(big), "--db", str(db))
        assert failed.returncode == 1
        lines = [line for line in failed.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, failed.stderr  # one line, no traceback
        assert "disk is full" in lines[0] and "STORE_FULL" in lines[0]
        assert "nothing was written" in lines[0]
        assert "Traceback" not in failed.stderr + failed.stdout

        store = EmbeddedStore(db)
        assert store.stats() == before  # nothing of the failed load, nothing lost
        assert store._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # The API says so too: a write answers STORE_FULL (507), reads still work.
        client = _client(store)
        assert client.post("/graphql", json={"query": COUNT}).json()["data"]["institutions"][
            "totalCount"] == before["institutions"]
        filler = disk / "filler"
        with contextlib.suppress(OSError):  # the disk is now full to the last block
            filler.write_bytes(b"\0" * (8 << 20))
        answer = client.post("/graphql", json={"query": CREATE})
        assert answer.status_code == 507, answer.text
        [error] = answer.json()["errors"]
        assert error["extensions"]["code"] == "STORE_FULL"
        assert store.stats() == before
        store.close()
        filler.unlink(missing_ok=True)

        # With room again, the same command loads everything, nothing twice.
        small = _big_release(tmp_path / "small.json", 200)
        again = _tpps("load", "json", str(small), "--db", str(db))
        assert again.returncode == 0, again.stderr
        assert EmbeddedStore(db).stats()["institutions"] == before["institutions"] + 200


def test_read_only_file_serves_reads_and_refuses_writes_with_a_code(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    store = EmbeddedStore(folder / "tpps.db")
    load_files([DEMO], "json", store)
    total = store.count_institutions(InstitutionFilter())
    store.close()
    with read_only_view(folder, tmp_path / "ro") as ro:
        readonly = EmbeddedStore(ro / "tpps.db")
        assert readonly.read_only
        client = _client(readonly)
        assert client.post("/graphql", json={"query": COUNT}).json()["data"][
            "institutions"]["totalCount"] == total
        started = time.monotonic()
        answer = client.post("/graphql", json={"query": CREATE})
        assert time.monotonic() - started < 1.0
        assert answer.status_code == 503
        [error] = answer.json()["errors"]
        assert error["extensions"]["code"] == "STORE_READ_ONLY"
        assert "read-only" in error["message"]
        readonly.close()
    assert EmbeddedStore(folder / "tpps.db").count_institutions(InstitutionFilter()) == total


def test_lock_held_too_long_answers_store_locked_then_succeeds(tmp_path: Path) -> None:
    db = tmp_path / "tpps.db"
    store = EmbeddedStore(db, lock_timeout=0.3)
    load_files([DEMO], "json", store)
    total = store.count_institutions(InstitutionFilter())
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's long write
    client = _client(store)
    try:
        started = time.monotonic()
        answer = client.post("/graphql", json={"query": CREATE})
        assert time.monotonic() - started < 2.5
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "2"
        [error] = answer.json()["errors"]
        assert error["extensions"]["code"] == "STORE_LOCKED"
        # reads go on meanwhile (WAL)
        assert client.post("/graphql", json={"query": COUNT}).json()["data"][
            "institutions"]["totalCount"] == total
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.count_institutions(InstitutionFilter()) == total  # the refused write: nothing
    ok = client.post("/graphql", json={"query": CREATE}).json()
    assert "errors" not in ok, ok
    assert store.count_institutions(InstitutionFilter()) == total + 1
    store.close()


def test_health_never_asks_the_store_and_ready_reports_it(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "tpps.db")
    client = _client(store)
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert ready["ready"] is True and ready["store"] == "embedded"
    assert ready["latency_ms"] >= 0
    store.close()
