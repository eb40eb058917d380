"""Cheap checks of the files saved beside the store (persist.py, stored.py), made when
they are opened: a file cut short, written over or left by another layout is refused
then, with its name, instead of failing (or reading out of bounds in a compiled loop)
in the middle of a request. Each check costs a pass over an offsets or index column at
most, never a decode of the rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

# What a damaged directory can raise while it is read: each means "not there".
DAMAGE: tuple[type[Exception], ...] = (OSError, ValueError, KeyError, TypeError,
                                       IndexError, OverflowError)


class Damaged(ValueError):
    """A saved file that is not what its writer wrote (the message names the file)."""


def meta(path: Path, fields: dict[str, type]) -> dict[str, Any]:
    """`meta.json` at `path`, a JSON object holding at least `fields` with their types."""
    try:
        found = json.loads((path / "meta.json").read_text("utf-8"))
    except ValueError as exc:  # not JSON, or not UTF-8
        raise Damaged(f"meta.json: {exc}") from None
    if not isinstance(found, dict):
        raise Damaged(f"meta.json holds a {type(found).__name__}, not an object")
    for name, kind in fields.items():
        value = found.get(name)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise Damaged(f"meta.json: {name} is {value!r}, not a {kind.__name__}")
    return found


def array(path: Path, name: str, kind: str, shape: tuple[int | None, ...]) -> np.ndarray:
    """`<name>.npy` at `path`, memory-mapped, of dtype kind `kind` ('i', 'f', 'b') and of
    `shape` (None: any length on that axis)."""
    try:
        found: np.ndarray = np.load(path / f"{name}.npy", mmap_mode="r")
    except ValueError as exc:  # a cut or overwritten header or body
        raise Damaged(f"{name}.npy: {exc}") from None
    if found.dtype.kind != kind:
        raise Damaged(f"{name}.npy holds {found.dtype}, not of kind {kind!r}")
    if len(found.shape) != len(shape) or any(
            want is not None and have != want
            for have, want in zip(found.shape, shape, strict=True)):
        raise Damaged(f"{name}.npy has shape {found.shape}, expected "
                      f"{tuple('any' if s is None else s for s in shape)}")
    return found


def offsets(found: np.ndarray, name: str, end: int) -> None:
    """`found` runs from 0 to `end` without going back (row ranges, text offsets)."""
    if len(found) == 0 or int(found[0]) != 0 or int(found[-1]) != end:
        first, last = (int(found[0]), int(found[-1])) if len(found) else (None, None)
        raise Damaged(f"{name} runs from {first} to {last}, not from 0 to {end}")
    if len(found) > 1 and bool((np.diff(found) < 0).any()):
        raise Damaged(f"{name} goes back")


def bounds(found: np.ndarray, name: str, low: int, high: int) -> None:
    """Every value of `found` lies in [low, high)."""
    if len(found) and (int(found.min()) < low or int(found.max()) >= high):
        raise Damaged(f"{name} holds values outside [{low}, {high})")
