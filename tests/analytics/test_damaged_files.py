"""Damaged files beside the store (persist.py, stored.py, mapped.py): each kind of damage
is found when the directory is opened, logged with the file it is in, and the result is
recomputed and written again, as if it had never been saved; nothing raises."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from graph.analytics import persist, service, stored
from graph.analytics.mapped import MappedBrokers, MappedCommunities, MappedRanking
from graph.store.base import NetworkFilter
from graph.store.embedded import EmbeddedStore
from tests.helpers import CountingStore

WHOLE = NetworkFilter()
Damage = Callable[[Path], None]


@pytest.fixture
def everything_saved(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Projections and columns for every result, however small (the demo is 34 nodes)."""
    monkeypatch.setattr(persist, "PERSIST_MIN_NODES", 0)
    monkeypatch.setattr(stored, "MIN_ROWS", 1)
    service.clear()
    yield
    service.clear()


def _truncate(name: str) -> Damage:
    def do(path: Path) -> None:
        os.truncate(path / name, (path / name).stat().st_size - 9)
    return do


def _replace(name: str, make: Callable[[np.ndarray], np.ndarray]) -> Damage:
    def do(path: Path) -> None:
        old = np.load(path / name)
        np.save(path / name, make(old))
    return do


def _write(name: str, data: bytes) -> Damage:
    def do(path: Path) -> None:
        (path / name).write_bytes(data)
    return do


def _garble(name: str) -> Damage:
    """The same size, other bytes (invalid UTF-8 in a text file)."""
    def do(path: Path) -> None:
        (path / name).write_bytes(b"\xff" * (path / name).stat().st_size)
    return do


def _remove(name: str) -> Damage:
    def do(path: Path) -> None:
        (path / name).unlink()
    return do


def _swap_two(a: np.ndarray) -> np.ndarray:
    b = np.array(a)
    b[1], b[2] = b[2], b[1]
    return b


def _out_of_range(a: np.ndarray) -> np.ndarray:
    b = np.array(a)
    b[len(b) // 2] = 10**6
    return b


PROJECTION_DAMAGE: dict[str, Damage] = {
    "truncated indices": _truncate("w_indices.npy"),
    "indices out of range": _replace("w_indices.npy", _out_of_range),
    "offsets out of order": _replace("w_indptr.npy", _swap_two),
    "offsets of another length": _replace("w_indptr.npy", lambda a: a[:-3]),
    "incidence offsets past the end": _replace("b_indptr.npy", lambda a: a + 5),
    "weights as text": _replace("w_data.npy", lambda a: a.astype(str)),
    "a region flag column too short": _replace("has_region.npy", lambda a: a[:-1]),
    "dates out of range": _replace("dates.npy", lambda a: np.zeros_like(a)),
    "garbage header": _write("b_indices.npy", b"\x93NUMPY garbage"),
    "a meta that is a list": _write("meta.json", b"[1, 2]"),
    "a meta without its counts": _write("meta.json", b'{"weighting": "shared"}'),
    "a missing text file": _remove("names.txt"),
    "ids of another count": _write("ids.txt", b"only-one"),
    # split only when a measure reads them, but counted when the projection is opened
    "names of another count": _write("names.txt", b"only-one"),
    "meeting ids of another count": _write("meeting_ids.txt", b"a\x00b"),
    "types not UTF-8": _write("types.txt", b"\xff\xfe"),
}


@pytest.mark.parametrize("damage", PROJECTION_DAMAGE.values(), ids=PROJECTION_DAMAGE.keys())
def test_a_damaged_projection_is_rebuilt_and_saved_again(
        store: EmbeddedStore, everything_saved: None, damage: Damage,
        caplog: pytest.LogCaptureFixture) -> None:
    built = service.network(store, WHOLE).network
    path = built.saved_at
    assert path is not None
    expected = service.brokers(store, WHOLE)
    expected_rows = list(expected)
    damage(path)
    assert persist.load(path) is None
    assert str(path) in caplog.text  # the log says where
    service.clear()
    counting = CountingStore(store)
    again = service.network(counting, WHOLE).network
    assert counting.calls["attendance_incidence"] == 1  # rebuilt, not read
    assert (again.weight != built.weight).nnz == 0 and again.ids == built.ids
    assert persist.load(path) is not None  # and written again in its place
    service.clear()
    counting = CountingStore(store)
    service.network(counting, WHOLE)
    assert counting.calls["attendance_incidence"] == 0
    assert list(service.brokers(store, WHOLE)) == expected_rows


def _ranking_path(store: EmbeddedStore) -> Path:
    found = service.ranking(store, WHOLE, "PAGERANK")
    assert isinstance(found, MappedRanking)
    return found.columns.path


def _brokers_path(store: EmbeddedStore) -> Path:
    found = service.brokers(store, WHOLE)
    assert isinstance(found, MappedBrokers)
    return found.columns.path


def _communities_path(store: EmbeddedStore) -> Path:
    found = service.community_list(store, WHOLE)
    assert isinstance(found, MappedCommunities)
    return found.columns.path


COLUMN_DAMAGE: dict[str, tuple[Callable[[EmbeddedStore], Path], Damage, str]] = {
    "ranking: offsets out of order": (
        _ranking_path, _replace("ids.offsets.npy", _swap_two), "ids.offsets.npy"),
    "ranking: offsets not starting at 0": (
        _ranking_path, _replace("ids.offsets.npy", lambda a: np.maximum(a, 1)),
        "ids.offsets.npy"),
    "ranking: offsets as floats": (
        _ranking_path, _replace("ids.offsets.npy", lambda a: a.astype(np.float64)),
        "ids.offsets.npy"),
    "ranking: ids not UTF-8": (_ranking_path, _garble("ids.bin"), "ids.bin"),
    "ranking: row order out of range": (
        _ranking_path, _replace("places.npy", _out_of_range), "places.npy"),
    "ranking: row order too long": (
        _ranking_path, _replace("places.npy", lambda a: np.append(a, 0)), "places.npy"),
    "ranking: scores as integers": (
        _ranking_path, _replace("scores.npy", lambda a: a.astype(np.int8)), "scores.npy"),
    "ranking: truncated ranks": (_ranking_path, _truncate("ranks.npy"), "ranks.npy"),
    "ranking: missing scores": (_ranking_path, _remove("scores.npy"), "scores.npy"),
    "ranking: a meta that is a list": (_ranking_path, _write("meta.json", b"[]"),
                                       "meta.json"),
    "brokers: roles of another width": (
        _brokers_path, _replace("roles.npy", lambda a: a[:, :3]), "roles.npy"),
    "brokers: roles flattened": (
        _brokers_path, _replace("roles.npy", lambda a: a[:, 0].copy()), "roles.npy"),
    "communities: ranges out of order": (
        _communities_path, _replace("starts.npy", lambda a: a[::-1].copy()), "starts.npy"),
    "communities: members offsets past the end": (
        _communities_path, _replace("members.offsets.npy", lambda a: a + 3),
        "members.offsets.npy"),
}


def _answer(store: EmbeddedStore, path: Path) -> list[object]:
    """The result at `path` read through the service, as plain rows."""
    name = path.name.split("-", 1)[0]
    if name == "ranking":
        return list(service.ranking(store, WHOLE, "PAGERANK").ranked())
    if name == "brokerage":
        return list(service.brokers(store, WHOLE))
    return [(c.index, list(c.members), c.sector, c.region_code, c.label)
            for c in service.community_list(store, WHOLE)]


@pytest.mark.parametrize("case", COLUMN_DAMAGE.values(), ids=COLUMN_DAMAGE.keys())
def test_damaged_columns_are_refused_on_opening_and_written_again(
        store: EmbeddedStore, everything_saved: None,
        case: tuple[Callable[[EmbeddedStore], Path], Damage, str],
        caplog: pytest.LogCaptureFixture) -> None:
    where, damage, file = case
    path = where(store)
    expected = _answer(store, path)
    opener = {"ranking": MappedRanking, "brokerage": MappedBrokers,
              "communities": MappedCommunities}[path.name.split("-", 1)[0]]
    damage(path)
    caplog.clear()
    with caplog.at_level(logging.WARNING, "tpps.analytics"):
        assert opener.open(path) is None  # type: ignore[attr-defined]
    assert str(path) in caplog.text and file in caplog.text  # where, and which file
    service.clear()
    assert _answer(store, path) == expected  # answered from the blob, nothing raised
    assert opener.open(path) is not None  # type: ignore[attr-defined]  # and rewritten
    service.clear()
    counting = CountingStore(store)
    assert _answer(counting, path) == expected  # type: ignore[arg-type]
    assert counting.calls["get_result"] == 0  # the rewritten columns answered
