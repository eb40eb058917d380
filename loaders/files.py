"""Load structured files (JSON or CSV) into a store: read, resolve, write once."""

from __future__ import annotations

from pathlib import Path

from graph.model import Batch, WriteResult
from graph.store.base import Store
from loaders.resolve import to_batch
from loaders.structured import read_files

FORMATS = ("json", "csv")

# From this many rows a load goes through Store.bulk_write (one transaction, the same
# semantics and counts as write): measured on the embedded store, bulk_write has a fixed
# cost (index drop and rebuild, journal switch) that write beats below ~1,000 rows
# (100 rows: 12 vs 4 ms) and loses to above it (1,000: 24 vs 37 ms; 185k: 0.33 vs 0.89 s).
# Neo4j crosses over about there too (300 rows: 104 vs 90 ms; 1,000: 88 vs 122 ms).
BULK_ROWS = 1_000


def write_load(batch: Batch, store: Store) -> WriteResult:
    """One load's batch, in one transaction, by the faster of the store's write paths."""
    if batch.rows() < BULK_ROWS:
        return store.write(batch)
    try:
        return store.bulk_write([batch])
    except Exception as exc:
        if not _write_would_take(exc):
            raise
        return store.write(batch)


def _write_would_take(exc: Exception) -> bool:
    """Whether a failed bulk_write (which then wrote nothing) is one `write` gets through.

    - A retryable error that is no fault (a Neo4j deadlock with a concurrent writer):
      bulk_write's one explicit transaction rolled back (after its commit was sent it
      would have answered WriteOutcomeUnknown); write's managed transaction retries it.
    - A uniqueness refusal (Neo4j): bulk_write CREATEs into a label empty at the start,
      so a node a concurrent writer made meanwhile collides; write MERGEs it.
    """
    retryable = getattr(exc, "is_retryable", None)
    if callable(retryable) and retryable():
        return True
    code = getattr(exc, "code", None)
    return isinstance(code, str) and code == "Neo.ClientError.Schema.ConstraintValidationFailed"


def load_files(paths: list[Path], fmt: str, store: Store) -> WriteResult:
    """All files of one call are validated together and written in one transaction.

    Raises LoadError (nothing written) when any record of any file is invalid.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    parsed = read_files(paths, fmt)
    batch = to_batch(parsed, store)
    return write_load(batch, store)
