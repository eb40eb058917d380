"""What else can lie beside the store (persist.py, stored.py, scratch.py): what a writer
killed midway left, a directory copied from another store, and two processes writing
the same result at once. None of it is ever read as a result."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from graph.analytics import persist, scratch, service, stored
from graph.analytics.mapped import MappedRanking
from graph.analytics.ranking import Ranking
from graph.model import Attendance, Batch, Meeting
from graph.store.base import NetworkFilter
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO
from tests.helpers import CountingStore

WHOLE = NetworkFilter()


@pytest.fixture
def everything_saved(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(persist, "PERSIST_MIN_NODES", 0)
    monkeypatch.setattr(stored, "MIN_ROWS", 1)
    service.clear()
    yield
    service.clear()


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def _aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_what_a_killed_writer_left_is_never_read_and_is_swept_when_stale(
        store: EmbeddedStore, everything_saved: None) -> None:
    saved = service.network(store, WHOLE).network.saved_at
    assert saved is not None
    home = saved.parent
    dead = _dead_pid()
    # whole copies under temporary names: they must not stand in for the real one
    left = {name: home / name for name in (
        f".tmp-{dead}-killed", f".tmp-{os.getpid()}-writing", ".tmp-old-layout",
        ".tmp-new-layout")}
    for path in left.values():
        shutil.copytree(saved, path)
    _aged(left[f".tmp-{dead}-killed"], scratch.GONE_SECONDS + 5)
    _aged(left[f".tmp-{os.getpid()}-writing"], scratch.GONE_SECONDS + 5)  # a live writer
    _aged(left[".tmp-old-layout"], scratch.STALE_SECONDS + 5)
    shutil.rmtree(saved)
    service.clear()
    counting = CountingStore(store)
    service.network(counting, WHOLE)
    assert counting.calls["attendance_incidence"] == 1  # built, not read from a leftover
    assert persist.load(saved) is not None
    assert sorted(p.name for p in home.glob(".tmp-*")) == sorted(
        [f".tmp-{os.getpid()}-writing", ".tmp-new-layout"])  # the stale ones swept


def test_leftovers_beside_result_columns_are_swept_too(
        store: EmbeddedStore, everything_saved: None) -> None:
    found = service.ranking(store, WHOLE, "PAGERANK")
    assert isinstance(found, MappedRanking)
    path = found.columns.path
    killed = path.parent / f".tmp-{_dead_pid()}-cut"
    shutil.copytree(path, killed)
    (killed / "ids.bin").write_bytes(b"half")
    _aged(killed, scratch.GONE_SECONDS + 5)
    MappedRanking.save(path.with_name(path.name + "0"), found.to_ranking())
    assert not killed.exists() and MappedRanking.open(path) is not None


def _whole(store: EmbeddedStore, measure: str) -> Ranking:
    found = service.ranking(store, WHOLE, measure)
    return found.to_ranking() if isinstance(found, MappedRanking) else found


def _other_store(at: Path, meeting: str, pair: tuple[int, int]) -> EmbeddedStore:
    """The demo and one more meeting, of the institutions at `pair` in id order: a tie
    the other store has not."""
    s = EmbeddedStore(at)
    load_files([DEMO], "json", s)
    ids = sorted({r.institution_id for r in s.attendance_rows(WHOLE)})
    s.write(Batch(meetings=[Meeting(meeting, "Rakor percepatan", date(2026, 3, 2),
                                    region_code="33.74")],
                  attendance=[Attendance(meeting, ids[i]) for i in pair]))
    return s


def test_a_copy_with_another_store_s_directory_never_serves_its_results(
        tmp_path: Path, everything_saved: None) -> None:
    """The same path, the same scope versions, other data and another store id: the
    directory beside the file is the other store's, and is not taken for this one's."""
    a = _other_store(tmp_path / "a" / "tpps.db", "m-x15-a", (0, -1))
    b = _other_store(tmp_path / "b" / "tpps.db", "m-x15-b", (1, -2))
    try:
        assert a.scope_version(None) == b.scope_version(None)
        theirs = service.network(a, WHOLE)
        their_ranking = _whole(a, "DEGREE")
        service.clear()
        mine_alone = {"meetings": list(service.network(b, WHOLE).meetings),
                      "ranking": _whole(b, "DEGREE")}
        shutil.rmtree(tmp_path / "b" / "tpps.db.projections")
        shutil.copytree(tmp_path / "a" / "tpps.db.projections",
                        tmp_path / "b" / "tpps.db.projections")
        service.clear()
        counting = CountingStore(b)
        got = service.network(counting, WHOLE)
        assert counting.calls["attendance_incidence"] == 1  # built again, for b
        assert list(got.meetings) == mine_alone["meetings"] != list(theirs.meetings)
        ranking = service.ranking(b, WHOLE, "DEGREE")
        assert ranking == mine_alone["ranking"] and ranking != their_ranking
    finally:
        a.close()
        b.close()


def test_a_file_copied_without_its_directory_answers_from_its_own_data(
        tmp_path: Path, store: EmbeddedStore, everything_saved: None) -> None:
    expected = _whole(store, "PAGERANK")
    store.close()
    copy = tmp_path / "elsewhere" / "copy.db"
    copy.parent.mkdir()
    shutil.copy(Path(store.path), copy)
    moved = EmbeddedStore(copy)
    try:
        service.clear()
        assert service.ranking(moved, WHOLE, "PAGERANK") == expected
        assert (tmp_path / "elsewhere" / "copy.db.projections" / "results").is_dir()
    finally:
        moved.close()


def _write_rounds(path: Path, ranking: object, rounds: int, start: object) -> None:
    for i in range(rounds):
        start.wait()  # type: ignore[attr-defined]  # both writers at once
        MappedRanking.save(path.with_name(f"{path.name}{i}"), ranking)  # type: ignore[arg-type]


def test_two_processes_saving_the_same_result_never_leave_it_torn(
        store: EmbeddedStore, everything_saved: None) -> None:
    found = service.ranking(store, WHOLE, "PAGERANK")
    assert isinstance(found, MappedRanking)
    expected = found.to_ranking()
    base = found.columns.path.with_name("ranking-race-v")
    rounds = 12
    ctx = multiprocessing.get_context("fork")
    start = ctx.Barrier(2)
    writers = [ctx.Process(target=_write_rounds, args=(base, expected, rounds, start))
               for _ in range(2)]
    for w in writers:
        w.start()
    seen = 0
    while any(w.is_alive() for w in writers):
        for i in range(rounds):
            got = MappedRanking.open(base.with_name(f"{base.name}{i}"))
            if got is not None:  # either absent or whole, never part of one
                assert got == expected
                seen += 1
    for w in writers:
        w.join()
        assert w.exitcode == 0
    for i in range(rounds):
        assert MappedRanking.open(base.with_name(f"{base.name}{i}")) == expected
    assert not list(base.parent.glob(".tmp-*"))  # the loser's copy removed


def _save_rounds(path: Path, p: object, rounds: int, start: object) -> None:
    for i in range(rounds):
        start.wait()  # type: ignore[attr-defined]
        persist.save(path.with_name(f"{path.name}-v{i + 1}x"), p)  # type: ignore[arg-type]


def test_two_processes_saving_the_same_projection_never_leave_it_torn(
        store: EmbeddedStore, everything_saved: None) -> None:
    p = service.network(store, WHOLE)
    assert p.network.saved_at is not None
    base = p.network.saved_at.with_name("race")
    rounds = 8
    ctx = multiprocessing.get_context("fork")
    start = ctx.Barrier(2)
    writers = [ctx.Process(target=_save_rounds, args=(base, p, rounds, start))
               for _ in range(2)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
        assert w.exitcode == 0
    for i in range(rounds):
        got = persist.load(base.with_name(f"race-v{i + 1}x"))
        assert got is not None and got.network.ids == p.network.ids
        assert (got.network.weight != p.network.weight).nnz == 0
    assert not list(base.parent.glob(".tmp-*"))


def test_a_networkit_copy_left_half_written_is_swept_when_the_copy_is_kept(
        store: EmbeddedStore, everything_saved: None) -> None:
    from graph.analytics.projection import NETWORKIT_FILE

    net = service.network(store, WHOLE).network
    assert net.saved_at is not None
    left = net.saved_at / f".tmp-{_dead_pid()}-{NETWORKIT_FILE}"
    left.write_bytes(b"half a graph")
    _aged(left, scratch.GONE_SECONDS + 5)
    assert net.networkit.numberOfNodes() == net.n  # built, and kept beside
    assert (net.saved_at / NETWORKIT_FILE).exists() and not left.exists()
    assert not list(net.saved_at.glob(".tmp-*"))
