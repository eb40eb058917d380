"""Whole results as columns beside the data, mapped back and read a row at a time.

A stored ranking or brokerage list of the whole country is 200k rows. Kept only as a
compressed blob in the store (results.py), a restart decodes all of it, and the worker
sends all of it to the API process, to answer a page of 20: 0.2-3 s. Written here as
columns (.npy arrays, and the ids as one UTF-8 file with their offsets), a reader maps
them (`np.load(mmap_mode="r")`, `mmap`) in milliseconds and decodes only the rows it is
asked for; what crosses from the worker to the API is the directory's name.

A directory is named like a saved projection (persist.py): by the result's kind and
parameters, the filter, the weighting and the store's identity, with the scope's
version last (`-v<version>`), the same version the stored blob's key holds, so a write
in the scope makes it unreachable exactly when it makes the blob unreachable. Older
versions are deleted when a newer one is saved, once they are GRACE_SECONDS old: a
reader that was just handed one has mapped it by then (a mapped file stays readable
after its deletion). Only arrays and UTF-8 text are read: no code.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import mmap
import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from graph.analytics import checks, persist, scratch
from graph.store.base import NetworkFilter, Store

log = logging.getLogger("tpps.analytics")

# Below this many rows the blob decodes in milliseconds: not worth a directory.
MIN_ROWS = 5_000
FORMAT = 1  # bumped when the layout changes, so old directories are never read
GRACE_SECONDS = 60.0


def path_of(store: Store, kind: str, f: NetworkFilter, weighting: str, version: int,
            *params: Any) -> Path | None:
    """Where the columns of this result live, None for a store without a directory."""
    where = persist.home(store)
    if where is None:
        return None
    directory, uid = where
    window = [f.window.start.isoformat() if f.window.start else None,
              f.window.end.isoformat() if f.window.end else None]
    text = json.dumps([FORMAT, uid, kind, f.region_code, window, f.program_id,
                       sorted(f.types), weighting, [str(p) for p in params]])
    stem = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return directory / "results" / f"{kind}-{stem}-v{version}"


def write(path: Path, texts: dict[str, Sequence[str]], arrays: dict[str, np.ndarray],
          meta: dict[str, Any], reader: Callable[[Path], object | None] | None = None
          ) -> bool:
    """Write the columns at `path` atomically (a reader sees all or none), then delete
    the same result's older versions past their grace; False when nothing was written.
    Each text column is one UTF-8 file (`<name>.bin`) with its offsets beside it.
    `reader` (default `open_columns`) says whether what is already at `path` is whole:
    then it is kept (another writer saved the same result), else replaced."""
    whole = reader or open_columns
    if path.exists():
        if whole(path) is not None:
            _drop_older(path)
            return True
        scratch.discard(path)  # died midway, or damaged: written afresh
    try:
        tmp = scratch.make(path.parent)
    except OSError as exc:
        log.warning("result columns not saved at %s: %s", path, exc)
        return False
    scratch.sweep(path.parent)
    try:
        for name, values in texts.items():
            encoded = [v.encode("utf-8") for v in values]
            offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
            np.cumsum([len(b) for b in encoded], out=offsets[1:])
            (tmp / f"{name}.bin").write_bytes(b"".join(encoded))
            np.save(tmp / f"{name}.offsets.npy", offsets)
        for name, column in arrays.items():
            np.save(tmp / f"{name}.npy", np.ascontiguousarray(column))
        (tmp / "meta.json").write_text(json.dumps(
            {**meta, "texts": {k: len(v) for k, v in texts.items()}}), "utf-8")
        (tmp / "done").touch()
        os.rename(tmp, path)  # one step; onto a whole directory it fails (kept below)
    except OSError as exc:  # another worker saved it first (rename onto it), or no space
        shutil.rmtree(tmp, ignore_errors=True)
        if whole(path) is None:
            log.warning("result columns not saved at %s: %s", path, exc)
            return False
    _drop_older(path)
    return True


def _drop_older(path: Path) -> None:
    stem, mine = path.name.rsplit("-v", 1)
    now = time.time()
    for old in path.parent.glob(stem + "-v*"):
        version = old.name.rsplit("-v", 1)[1]
        try:
            age = now - old.stat().st_mtime
        except OSError:
            continue
        # only older versions (a slow writer must not delete a newer one), and only once
        # a reader handed one has had time to map it
        if version.isdigit() and int(version) < int(mine) and age > GRACE_SECONDS:
            shutil.rmtree(old, ignore_errors=True)


class Text:
    """One text column, mapped: `get(i)` decodes one value, `raw(i)` reads it undecoded.
    `counter[0]` counts the values decoded (what a page costs), shared by a directory's
    columns."""

    def __init__(self, path: Path, name: str, n: int, counter: list[int]) -> None:
        self.n, self.counter = n, counter
        self.offsets = checks.array(path, f"{name}.offsets", "i", (n + 1,))
        with open(path / f"{name}.bin", "rb") as f:
            size = os.fstat(f.fileno()).st_size
            self._blob: Any = (mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
                               if size else b"")
        checks.offsets(self.offsets, f"{name}.offsets.npy", size)
        try:  # a pass over the file (a fraction of a ms per MB), no string kept
            codecs.utf_8_decode(self._blob)
        except UnicodeDecodeError as exc:
            raise checks.Damaged(f"{name}.bin: {exc}") from None

    def __len__(self) -> int:
        return self.n

    def raw(self, i: int) -> bytes:
        return bytes(self._blob[int(self.offsets[i]):int(self.offsets[i + 1])])

    # Decoded with "replace": the file is valid UTF-8 (checked on opening), but offsets
    # checked only for their order could still cut a character; never an exception.
    def get(self, i: int) -> str:
        self.counter[0] += 1
        return self.raw(i).decode("utf-8", "replace")

    def slice(self, start: int, stop: int) -> list[str]:
        """Values start..stop-1 (one read of the file)."""
        if stop <= start:
            return []
        bounds = self.offsets[start:stop + 1].tolist()
        blob = bytes(self._blob[bounds[0]:bounds[-1]])
        base = bounds[0]
        self.counter[0] += stop - start
        return [blob[a - base:b - base].decode("utf-8", "replace")
                for a, b in zip(bounds, bounds[1:], strict=False)]


class Columns:
    """The columns at a directory, mapped: `text(name)` and `array(name)` (a read-only
    memory map); `decoded` counts the text values decoded so far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.meta: dict[str, Any] = checks.meta(path, {"texts": dict})
        self._counter = [0]
        self._texts = {name: Text(path, name, _count(name, n), self._counter)
                       for name, n in self.meta["texts"].items()}

    @property
    def decoded(self) -> int:
        return self._counter[0]

    def text(self, name: str) -> Text:
        return self._texts[name]

    def array(self, name: str, rows: int, kind: str, width: int | None = None) -> np.ndarray:
        """The column `<name>.npy`, a read-only memory map, checked to hold `rows` values
        (of `width` each, when given) of dtype kind `kind` ('f', 'i', 'b')."""
        return checks.array(self.path, name, kind, (rows,) if width is None else (rows, width))


def _count(name: str, n: object) -> int:
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise checks.Damaged(f"meta.json: {n!r} rows of {name}")
    return n


def open_columns(path: Path) -> Columns | None:
    """The columns at `path`, None when there are none (or they are unreadable)."""
    if not (path / "done").exists():
        return None
    try:
        return Columns(path)
    except checks.DAMAGE as exc:
        log.warning("result columns at %s not read (computed again instead): %s", path, exc)
        return None
