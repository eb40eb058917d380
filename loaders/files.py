"""Load structured files (JSON or CSV) into a store: read, resolve, write once."""

from __future__ import annotations

from pathlib import Path

from graph.model import WriteResult
from graph.store.base import Store
from loaders.resolve import to_batch
from loaders.structured import read_files

FORMATS = ("json", "csv")


def load_files(paths: list[Path], fmt: str, store: Store) -> WriteResult:
    """All files of one call are validated together and written in one transaction.

    Raises LoadError (nothing written) when any record of any file is invalid.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    parsed = read_files(paths, fmt)
    batch = to_batch(parsed, store)
    return store.write(batch)
