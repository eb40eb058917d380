"""Bulk loading for the embedded store: many batches, one transaction.

`EmbeddedStore.write` is tuned for small batches (an API mutation, one JSON file): it
reads back what a batch touches to count and merge. A national load is millions of
rows, so here:
- every batch goes into ONE transaction: all or nothing, like `write`. The store stays
  in WAL mode, so a crash (even SIGKILL or power loss) before the commit leaves nothing
  of the load: its uncommitted WAL frames are ignored when the file is next opened.
  `synchronous` is FULL for the load (the WAL is synced at the commit, so a committed
  load survives power loss too) and restored after: one sync in all, not one a batch;
- a first load (institutions, meetings, attendance and citations empty; regions may be
  there) by the file's only connection runs under a rollback
  journal (TRUNCATE) instead of the WAL, restored after: SQLite does not journal pages
  past the file's size at the start, so each page is written once, where the WAL writes
  it twice (frame, then checkpoint). All or nothing still holds: an error rolls back,
  and a crash leaves a hot journal the next opener rolls back (synchronous FULL syncs
  the journal before the file). Only when alone: leaving WAL needs every other
  connection closed, so the switch is tried without waiting and skipped otherwise;
  while it lasts a second opener waits for the load (in WAL it would read around it);
- the secondary indexes, and the full-text index with its triggers, of a table that is
  empty when the load starts are dropped and rebuilt once at the end (SQLite sorts once
  instead of updating each B-tree per row); transactional DDL means a failure restores
  them with the rollback;
- rows go in with executemany; attendance roles merge on conflict in SQL (a registered
  function applying model.merge_roles), with no read-back, and citations that carry
  nothing but a subject (the bulk of a generated or migrated load) go in as one JSON
  array of subject ids per source, unpacked by SQLite's json_each: one bound value per
  thousands of rows instead of five per row;
- integrity (integrity.py: no dangling edges) is checked set-wise, not per row: the ids
  a batch's relationships name are gathered as sets, those this batch or an earlier
  one of the load wrote are dropped, and only what is left (in a generated load:
  nothing) is looked up in the store. A missing one refuses the whole load, naming it,
  and nothing is written;
- created/updated counts come from the ids seen in this load when a table started empty.
Otherwise the semantics are those of `write` applied to each batch in turn.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

import orjson

from graph.model import Attendance, Batch, Citation, WriteResult, merge_roles
from graph.store.integrity import edge_refs, refuse_dangling
from graph.store.scopes import named_regions

if TYPE_CHECKING:
    from graph.store.embedded import EmbeddedStore

# Tables whose secondary indexes (and, for institutions, full-text triggers) a bulk load
# of an empty table rebuilds at the end.
_REBUILT = ("institutions", "meetings", "attendance", "citations")
CACHE_KIB = 512 * 1024  # page cache during a bulk load (SQLite's default is 2 MiB)

_UPSERT_ATTENDANCE = (
    "INSERT INTO attendance (institution_id, meeting_id, roles) VALUES (?, ?, ?) "
    "ON CONFLICT DO UPDATE SET roles = tpps_merge_roles(roles, excluded.roles)")
_CITATION_CONFLICT = "ON CONFLICT DO UPDATE SET end = excluded.end, excerpt = excluded.excerpt"
_CITATIONS_ROWS = ("INSERT INTO citations (subject_id, source_id, start, end, excerpt) "
                   "VALUES (?, ?, coalesce(?, -1), coalesce(?, -1), ?) " + _CITATION_CONFLICT)
# WHERE true: SQLite's grammar needs it between an INSERT's SELECT and its ON CONFLICT.
_CITATIONS_OF_SOURCE = ("INSERT INTO citations (subject_id, source_id, start, end, excerpt) "
                        "SELECT value, ?, -1, -1, NULL FROM json_each(?) WHERE true "
                        + _CITATION_CONFLICT)
_CITATION_COLUMNS = attrgetter("subject_id", "source_id", "start", "end", "excerpt")
_CITATION_EXTRAS = attrgetter("start", "end", "excerpt")


def _merge_roles_json(stored: str, new: str) -> str:
    return json.dumps(list(merge_roles(tuple(json.loads(stored)), tuple(json.loads(new)))))


def _empty(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None


def _rollback_journal(conn: sqlite3.Connection, tables: Iterable[str]) -> str | None:
    """Leave WAL for a rollback journal if `tables` are empty and we are the file's
    only connection; the journal mode to restore after the load, None if nothing changed."""
    if not all(_empty(conn, t) for t in tables):
        return None
    (old,) = conn.execute("PRAGMA journal_mode").fetchone()
    (timeout,) = conn.execute("PRAGMA busy_timeout").fetchone()
    conn.execute("PRAGMA busy_timeout = 0")  # another connection open: skip, don't wait
    try:
        (new,) = conn.execute("PRAGMA journal_mode = TRUNCATE").fetchone()
    except sqlite3.OperationalError:  # locked: someone else has the file open
        return None
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    return str(old) if new != old else None


def _restore_journal(conn: sqlite3.Connection, mode: str) -> None:
    # Locked by a connection opened meanwhile (it waited for the load): each new
    # connection sets WAL itself (EmbeddedStore._conn), so this one is not needed.
    with contextlib.suppress(sqlite3.Error):
        conn.execute(f"PRAGMA journal_mode = {mode}")


def _drop_derived(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    """Drop the indexes and triggers of `tables`; the SQL that recreates them."""
    if not tables:
        return []
    marks = ",".join("?" * len(tables))
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        f"AND tbl_name IN ({marks}) AND sql IS NOT NULL ORDER BY type, name", tables).fetchall()
    for kind, name, _ in rows:
        conn.execute(f"DROP {kind.upper()} {name}")
    return [sql for _, _, sql in rows]


def _attendance(conn: sqlite3.Connection, rows: list[Attendance]) -> None:
    # A load has a handful of distinct role sets: canonicalise and encode each once. The
    # same pair twice in one batch merges on conflict, as write() joins them first.
    encoded = {roles: json.dumps(list(merge_roles((), roles)))
               for roles in set(map(attrgetter("roles"), rows))}
    params = [(a.institution_id, a.meeting_id, encoded[a.roles]) for a in rows]
    # B-tree inserts in key order touch each page once instead of at random. By the
    # leading key column only: string compares, and stable, so a pair sent twice keeps
    # its order (merging roles is order-free anyway).
    params.sort(key=itemgetter(0))
    conn.executemany(_UPSERT_ATTENDANCE, params)


def _citations(conn: sqlite3.Connection, rows: list[Citation]) -> None:
    # Rows are applied in order (the last of a key wins), so the JSON form serves a batch
    # only when every row of it is a bare subject: then no two forms can share a key.
    if set(map(_CITATION_EXTRAS, rows)) != {(None, None, None)}:
        conn.executemany(_CITATIONS_ROWS, map(_CITATION_COLUMNS, rows))
        return
    sources = set(map(attrgetter("source_id"), rows))
    by_source: dict[str, list[str]]
    if len(sources) == 1:  # a generated or single-source load
        by_source = {sources.pop(): list(map(attrgetter("subject_id"), rows))}
    else:
        by_source = {}
        for c in rows:
            by_source.setdefault(c.source_id, []).append(c.subject_id)
    for source, subjects in by_source.items():
        subjects.sort()  # key order, as for attendance
        conn.execute(_CITATIONS_OF_SOURCE, (source, orjson.dumps(subjects).decode()))


def bulk_write(store: EmbeddedStore, batches: Iterable[Batch]) -> WriteResult:
    from graph.store.embedded import _TABLES

    conn = store._conn()
    conn.create_function("tpps_merge_roles", 2, _merge_roles_json, deterministic=True)
    (old_cache,) = conn.execute("PRAGMA cache_size").fetchone()
    (old_sync,) = conn.execute("PRAGMA synchronous").fetchone()
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA synchronous = FULL")
    # read-only: nothing to journal (the transaction refuses the write at once)
    journal = None if store.read_only else _rollback_journal(conn, _REBUILT)
    created: dict[str, int] = {}
    updated: dict[str, int] = {}
    seen: dict[str, set[str]] = {kind: set() for kind in _TABLES}
    collecting = gc.isenabled()
    gc.disable()  # millions of young tuples, none cyclic: the collector would only rescan
    try:
        with store._transaction() as tx:
            empty = [t for t in _REBUILT if _empty(tx, t)]
            recreate = _drop_derived(tx, empty)
            has_aliases = not _empty(tx, "aliases")
            touched: set[str | None] = set()
            for batch in batches:
                if has_aliases or batch.aliases:
                    batch = store._apply_aliases(tx, batch)
                    has_aliases = True
                # Stored nodes are looked up only in tables that held some before the load:
                # everything else the load names is in its own batches.
                touched |= named_regions(
                    batch,
                    (lambda ids: set()) if "meetings" in empty
                    else (lambda ids: store._meeting_regions(tx, ids)),
                    (lambda ids: set()) if "institutions" in empty
                    else (lambda ids: store._institution_regions(tx, ids)))
                for kind, table, key, rows, sql in store._node_writes(batch):
                    if not rows:
                        continue
                    ids = set(map(itemgetter(0), rows))
                    known = seen[kind]
                    before = ids & known
                    if table not in empty:
                        before |= store._existing(tx, table, key, list(ids - known))
                    created[kind] = created.get(kind, 0) + len(ids) - len(before)
                    updated[kind] = updated.get(kind, 0) + len(before)
                    known |= ids
                    tx.executemany(sql, rows)
                for kind, wanted in edge_refs(batch).items():
                    # what neither this batch nor an earlier one wrote must be stored
                    rest = {i: w for i, w in wanted.items() if i not in seen[kind]}
                    if rest:
                        table, key = _TABLES[kind]
                        refuse_dangling(kind, rest, store._existing(tx, table, key, list(rest)))
                store._write_relationships(tx, replace(batch, attendance=[], citations=[]))
                if batch.attendance:
                    _attendance(tx, batch.attendance)
                if batch.citations:
                    _citations(tx, batch.citations)
            store._touch(tx, touched)
            for sql in recreate:
                tx.execute(sql)
            if "institutions" in empty:
                tx.execute("INSERT INTO institutions_fts (institutions_fts) VALUES ('rebuild')")
            version = int(tx.execute("SELECT value FROM meta WHERE key = 'version'")
                          .fetchone()[0])
    finally:
        conn.execute(f"PRAGMA cache_size = {old_cache}")
        conn.execute(f"PRAGMA synchronous = {int(old_sync)}")
        if journal is not None:
            _restore_journal(conn, journal)
        if collecting:
            gc.enable()
    return WriteResult(created, updated, version + 1)
