"""Projections built once: a large network saved beside the data it was projected from.

The analytics worker drops its caches after every job (worker.py), and each worker and
each restart starts empty, so without this every national measure would read 3.45M
attendance rows and multiply the sparse matrices again (seconds) before computing
(often less). A projection of at least PERSIST_MIN_NODES institutions is therefore
written to the store's projection directory (the embedded store: `<file>.projections/`)
as plain .npy arrays, and mapped back (`np.load(mmap_mode="r")`) in milliseconds; its
networkit copy, when a measure asks for one, is kept in the same directory
(projection.py, networkit's binary format), read back several times faster than built.

A saved projection is named by what it read: the filter (scope, window, programme,
types), the weighting, the store's identity (a random id kept in the store, so a
deleted and recreated file never meets an old projection) and the version of the
filter's scope (`Store.scope_version`): a write in the scope bumps it, so the old
projection is never read again (and is deleted when the new one is saved), while a
write elsewhere leaves it valid. Only arrays and UTF-8 text are stored: no code is
loaded from the directory.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from graph.analytics import checks, scratch
from graph.analytics.projection import CoAttendance, Projection
from graph.store.base import NetworkFilter, Store

log = logging.getLogger("tpps.analytics")

# Below this many institutions a projection is rebuilt in milliseconds: not worth a file.
PERSIST_MIN_NODES = 5_000
FORMAT = 2  # bumped when the layout below changes, so old directories are never read
# (2: where each meeting was held, so a later version can be patched: patch.py)
_TEXTS = ("meeting_ids", "ids", "names", "types", "region_codes")
_SEP = "\x00"


def home(store: Store) -> tuple[Path, str] | None:
    """(directory, store identity) where `store` keeps projections, None if nowhere."""
    where = getattr(store, "projection_home", None)
    return where() if callable(where) else None


def stem(f: NetworkFilter, weighting: str, uid: str) -> str:
    window = [f.window.start.isoformat() if f.window.start else None,
              f.window.end.isoformat() if f.window.end else None]
    text = json.dumps([FORMAT, uid, f.region_code, window, f.program_id, sorted(f.types),
                       weighting])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def path_of(store: Store, f: NetworkFilter, weighting: str, version: int) -> Path | None:
    where = home(store)
    if where is None:
        return None
    directory, uid = where
    return directory / f"{stem(f, weighting, uid)}-v{version}"


def load(path: Path) -> Projection | None:
    """The projection saved at `path`, None when there is none or it is damaged (each
    file's size, type and shape, the offsets and the indices' bounds are checked here,
    so a damaged file is logged and rebuilt instead of failing a measure)."""
    if not (path / "done").exists():
        return None
    try:
        return _read(path)
    except checks.DAMAGE as exc:
        log.warning("projection at %s not read (built again instead): %s", path, exc)
        return None


def _read(path: Path) -> Projection:
    meta = checks.meta(path, {"n": int, "m": int, "weighting": str})
    n, m = meta["n"], meta["m"]
    arrays = {}
    for name, rows in (("w", n), ("b", m)):
        indices = checks.array(path, f"{name}_indices", "i", (None,))
        indptr = checks.array(path, f"{name}_indptr", "i", (rows + 1,))
        checks.offsets(indptr, f"{name}_indptr.npy", len(indices))
        checks.bounds(indices, f"{name}_indices.npy", 0, n)
        arrays[f"{name}_indices"], arrays[f"{name}_indptr"] = indices, indptr
    w_data = checks.array(path, "w_data", "f", (len(arrays["w_indices"]),))
    dates = checks.array(path, "dates", "i", (m,))
    checks.bounds(dates, "dates.npy", 1, date.max.toordinal() + 1)
    has = checks.array(path, "has_region", "b", (n,))
    # Every text is read and its values counted now (a damaged file is found at open and
    # the projection rebuilt), but split only when first used: PageRank needs the ids only.
    texts = {k: _text(path, k, m if k == "meeting_ids" else n) for k in _TEXTS}

    def column(name: str) -> list[Any]:
        values = _split(texts[name], n)
        if name == "region_codes":
            return [c if h else None for c, h in zip(values, has.tolist(), strict=True)]
        return values

    def meetings() -> dict[str, date]:
        return dict(zip(_split(texts["meeting_ids"], m), map(date.fromordinal, dates.tolist()),
                        strict=True))

    net = CoAttendance.__new__(CoAttendance)
    net.weighting = meta["weighting"]
    net.ids = _split(texts["ids"], n)
    net._saved_column = column
    net.weight = sp.csr_matrix((w_data, arrays["w_indices"], arrays["w_indptr"]),
                               shape=(n, n))
    net._incidence = sp.csr_matrix(
        (np.ones(len(arrays["b_indices"])), arrays["b_indices"], arrays["b_indptr"]),
        shape=(m, n))
    net.saved_at = path
    found = Projection(net)
    found._saved_meetings = meetings
    return found


def save(path: Path, p: Projection) -> bool:
    """Write `p` at `path` (atomically: a reader sees all of it or none), then delete the
    same network's older versions. False when it cannot be written as text. `path`
    ends in -v<scope version> (path_of)."""
    net = p.network
    texts = {"meeting_ids": list(p.meetings), "ids": net.ids, "names": net.names,
             "types": net.types, "region_codes": [c or "" for c in net.region_codes]}
    held = p.held  # where each meeting was: kept encoded by a patch, else encoded here
    if held is None and p.meeting_regions is not None:
        held = _held(p.meeting_regions)
    if held is not None and len(held[1]) == len(p.meetings):
        texts["held_codes"] = held[0]
    else:
        held = None
    joined = {k: _SEP.join(values) for k, values in texts.items()}
    if any(joined[k].count(_SEP) != max(len(values) - 1, 0) for k, values in texts.items()):
        return False  # the separator inside a value: not representable, rebuild instead
    b = net._incidence
    arrays = {"w_indptr": net.weight.indptr, "w_indices": net.weight.indices,
              "w_data": net.weight.data, "b_indptr": b.indptr, "b_indices": b.indices,
              "dates": np.fromiter((d.toordinal() for d in p.meetings.values()), np.int32,
                                   len(p.meetings)),
              "has_region": np.fromiter((c is not None for c in net.region_codes), bool,
                                        net.n)}
    if held is not None:
        arrays["held"] = held[1]
    meta = {"n": net.n, "m": b.shape[0], "weighting": net.weighting}
    saved = path.exists() and load(path) is not None  # by another worker, whole
    if not saved and not _write(path, arrays, joined, meta):
        return False
    net.saved_at = path
    stem_part, mine = path.name.rsplit("-v", 1)
    for old in path.parent.glob(stem_part + "-v*"):
        version = old.name.rsplit("-v", 1)[1]
        # only older versions: a slow writer must not delete a newer one saved meanwhile
        if version.isdigit() and mine.isdigit() and int(version) < int(mine):
            shutil.rmtree(old, ignore_errors=True)
    return True


def _held(regions: list[str | None]) -> tuple[list[str], np.ndarray]:
    """Meeting regions as distinct codes, sorted (the codes below a region are then one
    range: base.region_prefix_bounds), and, per meeting, its code's position (-1: held
    nowhere): tens of thousands of strings instead of 300k."""
    codes = sorted({r for r in regions if r is not None})
    at = {c: k for k, c in enumerate(codes)}
    held = np.fromiter((-1 if r is None else at[r] for r in regions), np.int32, len(regions))
    return codes, held


def held(path: Path) -> tuple[list[str], np.ndarray] | None:
    """Where each meeting of the projection saved at `path` was held (`_held`'s codes
    and positions), checked; None when not saved or damaged (the caller rebuilds)."""
    try:
        meta = checks.meta(path, {"m": int})
        positions = checks.array(path, "held", "i", (meta["m"],))
        text = (path / "held_codes.txt").read_text("utf-8")
        codes = text.split(_SEP) if text else []
        checks.bounds(positions, "held.npy", -1, len(codes))
        if codes != sorted(codes):
            raise checks.Damaged("held_codes.txt is not sorted")
    except checks.DAMAGE as exc:
        log.warning("projection at %s not patched (built again instead): %s", path, exc)
        return None
    return codes, positions


def _write(path: Path, arrays: dict[str, np.ndarray], texts: dict[str, str],
           meta: dict[str, Any]) -> bool:
    """The files at `path`, written aside and renamed into place in one step (a reader
    sees none of them or all); what was there, damaged or unfinished, is removed first."""
    if path.exists():
        scratch.discard(path)
    try:
        tmp = scratch.make(path.parent)
    except OSError as exc:
        log.warning("projection not saved at %s: %s", path, exc)
        return False
    scratch.sweep(path.parent)
    try:
        for k, a in arrays.items():
            np.save(tmp / f"{k}.npy", np.ascontiguousarray(a))
        for k, text in texts.items():
            (tmp / f"{k}.txt").write_text(text, "utf-8")
        (tmp / "meta.json").write_text(json.dumps(meta), "utf-8")
        (tmp / "done").touch()
        os.rename(tmp, path)
    except OSError as exc:  # another worker saved it first (rename onto it), or no space
        shutil.rmtree(tmp, ignore_errors=True)
        if not (path / "done").exists():
            log.warning("projection not saved at %s: %s", path, exc)
            return False
    return True


def _text(path: Path, name: str, count: int) -> str:
    """The text of `name`, checked to be UTF-8 holding `count` values."""
    try:
        text = (path / f"{name}.txt").read_text("utf-8")
    except ValueError as exc:  # not UTF-8
        raise checks.Damaged(f"{name}.txt: {exc}") from None
    if count and text.count(_SEP) + 1 != count:
        raise checks.Damaged(f"{name}.txt holds {text.count(_SEP) + 1} values, not {count}")
    return text


def _split(text: str, count: int) -> list[str]:
    return text.split(_SEP) if count else []


def cached_projection(store: Store, f: NetworkFilter, weighting: str, version: int,
                      build: Any) -> Projection:
    """The saved projection of (f, weighting) at `version`, else an older one patched
    with the writes since (patch.py), else `build()`; saved."""
    path = path_of(store, f, weighting, version)
    if path is not None:
        found = load(path)
        if found is not None:
            return found
        from graph.analytics import patch  # it reads the files this module writes

        fixed = patch.patched(store, f, weighting, path)
        if fixed is not None:
            if fixed.network.n >= PERSIST_MIN_NODES:
                save(path, fixed)
            return fixed
    p: Projection = build()
    if path is not None and p.network.n >= PERSIST_MIN_NODES:
        save(path, p)
    return p
