"""A saved projection patched after writes in a few regions (graph/analytics/patch.py):
after any sequence of writes the patched projection is the rebuilt one (ids, names,
types, regions, meetings, incidence, W), it reads only the regions written in, and
whenever the store cannot tell what changed, the change is large or the saved copy is
damaged or gone, the projection is built again instead."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from graph.analytics import patch, persist
from graph.analytics.projection import Projection, load_projection
from graph.model import Attendance, Batch, Institution, Meeting
from graph.store.base import NetworkFilter, Store, Window
from graph.store.embedded import EmbeddedStore
from graph.store.incidence import Incidence
from loaders.synthetic.generate import Generator

SCOPE = "33.74"  # Kota Semarang, generated: ~840 institutions, ~2,200 meetings, 25k rows
FILTERS = {
    "country": NetworkFilter(),
    "window": NetworkFilter(window=Window(date(2023, 3, 1), date(2023, 9, 30))),
    "types": NetworkFilter(types=("POSYANDU", "KELURAHAN", "PKK", "TPK", "TPPS")),
    "kota": NetworkFilter(region_code=SCOPE),
    "program": NetworkFilter(program_id="prg_ed380b869e234f5a"),  # the most discussed one
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("patch") / "template.db"
    s = EmbeddedStore(path)
    s.bulk_write(Generator(SCOPE, 1, 1, "demo").batches())
    s.close()
    return path


@pytest.fixture
def store(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
          ) -> Iterator[EmbeddedStore]:
    monkeypatch.setattr(persist, "PERSIST_MIN_NODES", 0)  # save even a filtered few
    shutil.copy(template, tmp_path / "tpps.db")
    s = EmbeddedStore(tmp_path / "tpps.db")
    patch.outcomes.clear()
    yield s
    s.close()


class Recording:
    """A store that keeps the filter of every attendance read."""

    def __init__(self, inner: Store) -> None:
        self._inner = inner
        self.reads: list[NetworkFilter] = []

    def attendance_incidence(self, f: NetworkFilter) -> Incidence:
        self.reads.append(f)
        return self._inner.attendance_incidence(f)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def projection(store: Any, f: NetworkFilter, weighting: str = "shared") -> Projection:
    """What service.network gets in a fresh process: saved, patched or built (and saved)."""
    return persist.cached_projection(store, f, weighting, store.scope_version(f.region_code),
                                     lambda: load_projection(store, f, weighting))


def same(got: Projection, want: Projection) -> None:
    x, y = got.network, want.network
    assert x.ids == y.ids
    assert (x.names, x.types, x.region_codes) == (y.names, y.types, y.region_codes)
    assert list(got.meetings.items()) == list(want.meetings.items())
    if got.meeting_regions is not None:  # known when built or patched, not read back
        assert got.meeting_regions == want.meeting_regions
    assert x._incidence.shape == y._incidence.shape and (x._incidence != y._incidence).nnz == 0
    assert x.weight.shape == y.weight.shape
    assert (x.weight.indptr == y.weight.indptr).all()
    assert (x.weight.indices == y.weight.indices).all()  # the same ties, none of weight ~0
    assert np.abs(x.weight.data - y.weight.data).max(initial=0) <= 1e-12
    assert x.weighting == y.weighting


# -- random writes -------------------------------------------------------------------

def _regions(store: EmbeddedStore) -> list[str]:
    return [r[0] for r in store._conn().execute("SELECT code FROM regions WHERE code LIKE ?",
                                                (SCOPE + ".%",))]


def _ids(store: EmbeddedStore, table: str) -> list[str]:
    return [r[0] for r in store._conn().execute(f"SELECT id FROM {table} ORDER BY id")]


def _write(rng: random.Random, store: EmbeddedStore, step: int) -> str:
    """One random write of the kinds a network can see; its kind."""
    regions, meetings = _regions(store), _ids(store, "meetings")
    institutions = _ids(store, "institutions")
    kind = rng.choice(["new meeting", "attendance replaced", "attendance emptied",
                       "attendance added", "meeting moved", "meeting redated",
                       "institution renamed", "institution retyped", "institution moved",
                       "merge", "rekey", "several", "programs replaced"])
    if kind == "several":  # two meetings in two kecamatan in one write
        batch = Batch()
        for k in range(2):
            mid = f"mtg_new{step}x{k}"
            batch.meetings.append(Meeting(mid, "Rembuk", date(2023, 6, 1 + k),
                                          region_code=rng.choice(regions)))
            batch.attendance += [Attendance(mid, i) for i in rng.sample(institutions, 4)]
        store.write(batch)
    elif kind == "new meeting":
        mid = f"mtg_new{step}"
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(365))
        store.write(Batch(meetings=[Meeting(mid, "Rembuk stunting", day,
                                            region_code=rng.choice(regions))],
                          attendance=[Attendance(mid, i) for i in
                                      rng.sample(institutions, rng.randint(1, 9))]))
    elif kind in ("attendance replaced", "attendance emptied"):
        mid = rng.choice(meetings)
        people = [] if kind == "attendance emptied" else rng.sample(institutions, 5)
        store.write(Batch(attendance=[Attendance(mid, i) for i in people],
                          replace_attendance={mid}))
    elif kind == "attendance added":
        store.write(Batch(attendance=[Attendance(rng.choice(meetings),
                                                 rng.choice(institutions))]))
    elif kind in ("meeting moved", "meeting redated"):
        m = store.meetings([rng.choice(meetings)]).popitem()[1]
        m = (replace(m, region_code=rng.choice(regions)) if kind == "meeting moved"
             else replace(m, date=m.date + timedelta(days=rng.choice([-90, 45, 120]))))
        store.write(Batch(meetings=[m]))
    elif kind in ("institution renamed", "institution retyped", "institution moved"):
        i = store.institutions([rng.choice(institutions)]).popitem()[1]
        i = (replace(i, name=i.name + " (baru)") if kind == "institution renamed" else
             replace(i, type=rng.choice(["POSYANDU", "KUA", "PKK"]))
             if kind == "institution retyped" else replace(i, region_code=rng.choice(regions)))
        store.write(Batch(institutions=[i]))
    elif kind == "programs replaced":  # the meeting joins or leaves a programme's network
        mid = rng.choice(meetings)
        programs = [r[0] for r in store._conn().execute("SELECT id FROM programs ORDER BY id")]
        store.write(Batch(meeting_programs=[(mid, p) for p in rng.sample(programs, 2)],
                          replace_meeting_programs={mid}))
    elif kind == "merge":
        keep, drop = rng.sample(institutions, 2)
        store.merge_institutions(keep, drop, allow_cross_type=True, allow_cross_region=True)
    else:
        old = store.institutions([rng.choice(institutions)]).popitem()[1]
        new_id = f"ins_rekeyed{step}x{rng.randrange(10**9)}"
        store.rekey_institution(old.id, Institution(new_id, old.name + " II", old.type,
                                                    old.level, old.region_code))
    return kind


@pytest.mark.parametrize("name", list(FILTERS))
@pytest.mark.parametrize("seed", [1, 2])
def test_after_random_writes_the_patched_projection_is_the_rebuilt_one(
        store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch, seed: int, name: str) -> None:
    monkeypatch.setattr(patch, "MAX_REGIONS", 10**6)  # patch whatever the size: the
    monkeypatch.setattr(patch, "MAX_SHARE", 1.0)  # bounds are tested below
    f, rng = FILTERS[name], random.Random(f"{seed}{name}")
    weighting = rng.choice(["shared", "newman"])
    projection(store, f, weighting)
    kinds = []
    for step in range(6):  # each patched from the one patched before
        for _ in range(rng.randint(1, 3)):
            kinds.append(_write(rng, store, step))
        got = projection(store, f, weighting)
        same(got, load_projection(store, f, weighting))
        assert patch.outcomes["patched"] == step + 1, (kinds, dict(patch.outcomes))


def test_one_meeting_reads_only_its_region_again(store: EmbeddedStore) -> None:
    f = FILTERS["window"]
    projection(store, f)
    people = projection(store, f).network.ids[:6]
    store.write(Batch(meetings=[Meeting("mtg_new", "Minilok", date(2023, 5, 2),
                                        region_code=SCOPE + ".05")],
                      attendance=[Attendance("mtg_new", i) for i in people]))
    recording = Recording(store)
    got = projection(recording, f)
    assert recording.reads == [replace(f, region_code=SCOPE + ".05")]  # one kecamatan
    assert patch.outcomes == {"patched": 1}
    assert "mtg_new" in got.meetings
    same(got, load_projection(store, f))
    recording.reads.clear()
    same(projection(recording, f), got)  # saved at the new version: read back, no read
    assert recording.reads == []


def test_a_patched_projection_replaces_the_saved_one_without_its_networkit_copy(
        store: EmbeddedStore) -> None:
    f = NetworkFilter()
    first = projection(store, f)
    old = first.network.saved_at
    assert old is not None
    _ = first.network.networkit  # kept beside it
    assert (old / "networkit.nkb").exists()
    store.write(Batch(attendance=[Attendance(_ids(store, "meetings")[0], first.network.ids[0])]))
    got = projection(store, f)
    assert patch.outcomes == {"patched": 1}
    assert not old.exists()  # the older version is deleted once the new one is saved
    new = got.network.saved_at
    assert new is not None and new != old and (new / "done").exists()
    assert not (new / "networkit.nkb").exists()  # it would not match: made when asked
    assert got.network.networkit.numberOfEdges() == got.network.ties


# -- falling back to a rebuild ---------------------------------------------------------

def _meeting_in(store: EmbeddedStore, code: str | None, mid: str = "mtg_new") -> None:
    store.write(Batch(meetings=[Meeting(mid, "Rapat", date(2023, 4, 4), region_code=code)],
                      attendance=[Attendance(mid, i) for i in _ids(store, "institutions")[:3]]))


def test_a_write_without_a_region_is_built_again(store: EmbeddedStore) -> None:
    f = NetworkFilter()
    projection(store, f)
    _meeting_in(store, None)  # held nowhere: in the country's network, in no region's
    got = projection(store, f)
    assert patch.outcomes == {"unknown": 1}
    assert "mtg_new" in got.meetings
    same(got, load_projection(store, f))


def test_a_record_begun_after_the_saved_copy_is_built_again(store: EmbeddedStore) -> None:
    f = NetworkFilter()
    projection(store, f)
    _meeting_in(store, SCOPE + ".01")
    store._conn().execute("UPDATE meta SET value = ? WHERE key = 'changes_since'",
                          (str(store.version()),))  # as if opened by this code only now
    same(projection(store, f), load_projection(store, f))
    assert patch.outcomes == {"unknown": 1}


@pytest.mark.parametrize(("bound", "value", "why"), [
    ("MAX_REGIONS", 1, "too many regions"), ("MAX_SHARE", 0.0001, "too large")])
def test_a_large_change_is_built_again(store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch,
                                       bound: str, value: float, why: str) -> None:
    monkeypatch.setattr(patch, bound, value)
    f = NetworkFilter()
    projection(store, f)
    _meeting_in(store, SCOPE + ".01", "mtg_a")
    _meeting_in(store, SCOPE + ".02", "mtg_b")
    recording = Recording(store)
    got = projection(recording, f)
    assert patch.outcomes == {why: 1}
    assert recording.reads == [f]  # the whole network, once
    same(got, load_projection(store, f))


def _damage_w(path: Path) -> None:
    np.save(path / "w_data.npy", np.zeros(3))


def _damage_held(path: Path) -> None:
    (path / "held.npy").write_bytes(b"not an array")


def _unfinished(path: Path) -> None:
    (path / "done").unlink()


def _gone(path: Path) -> None:
    shutil.rmtree(path)


@pytest.mark.parametrize("damage", [_damage_w, _damage_held, _unfinished, _gone])
def test_a_damaged_or_missing_saved_copy_is_built_again(
        store: EmbeddedStore, damage: Callable[[Path], None]) -> None:
    f = NetworkFilter()
    saved = projection(store, f).network.saved_at
    assert saved is not None
    _meeting_in(store, SCOPE + ".01")
    damage(saved)
    got = projection(store, f)
    assert "patched" not in patch.outcomes
    assert "mtg_new" in got.meetings
    same(got, load_projection(store, f))


def test_reads_that_contradict_the_saved_copy_are_built_again(
        store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    # an institution renamed between the saving and the reads, with no record of it (a
    # write landing between two reads would look the same): never patched over
    f = NetworkFilter()
    first = projection(store, f)
    _meeting_in(store, SCOPE + ".01")
    someone = store.institutions([_ids(store, "institutions")[0]]).popitem()[1]
    store._conn().execute("UPDATE institutions SET name = 'Tidak tercatat' WHERE id = ?",
                          (someone.id,))
    monkeypatch.setattr(store, "changed_regions", lambda since: {SCOPE + ".01"})
    assert someone.id in first.network.ids
    got = projection(store, f)
    assert patch.outcomes == {"inconsistent": 1}
    same(got, load_projection(store, f))


def test_a_write_while_patching_is_built_again(store: EmbeddedStore) -> None:
    f = NetworkFilter()
    projection(store, f)
    _meeting_in(store, SCOPE + ".01")

    class Racing(Recording):
        def attendance_incidence(self, f: NetworkFilter) -> Incidence:
            if f.region_code is not None and not self.reads:  # the patch's read: a write
                _meeting_in(store, SCOPE + ".02", "mtg_meanwhile")  # lands right after
            return super().attendance_incidence(f)

    got = projection(Racing(store), f)
    assert patch.outcomes == {"moving": 1}
    assert "mtg_meanwhile" in got.meetings
    same(got, load_projection(store, f))
