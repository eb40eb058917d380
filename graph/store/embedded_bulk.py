"""Bulk loading for the embedded store: many batches, one transaction.

`EmbeddedStore.write` is tuned for small batches (an API mutation, one JSON file): it
reads back what a batch touches to count and merge. A national load is millions of
rows, so here:
- every batch goes into ONE transaction (all or nothing, like `write`);
- the secondary indexes, and the full-text index with its triggers, of a table that is
  empty when the load starts are dropped and rebuilt once at the end (SQLite sorts once
  instead of updating each B-tree per row); transactional DDL means a failure restores
  them with the rollback;
- rows go in with executemany; attendance roles merge on conflict in SQL (a registered
  function applying model.merge_roles), with no read-back;
- created/updated counts come from the ids seen in this load when a table started empty.
Semantics are those of `write` applied to each batch in turn.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.model import Attendance, Batch, WriteResult, merge_roles
from graph.store.aliasing import collapse_attendance
from graph.store.scopes import touched_regions

if TYPE_CHECKING:
    from graph.store.embedded import EmbeddedStore

# Tables whose secondary indexes (and, for institutions, full-text triggers) a bulk load
# of an empty table rebuilds at the end.
_REBUILT = ("institutions", "meetings", "attendance", "citations")
CACHE_KIB = 512 * 1024  # page cache during a bulk load (SQLite's default is 2 MiB)


def _merge_roles_json(stored: str, new: str) -> str:
    return json.dumps(list(merge_roles(tuple(json.loads(stored)), tuple(json.loads(new)))))


def _empty(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None


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
    # A load has a handful of distinct role sets: canonicalise and encode each once.
    encoded: dict[tuple[str, ...], str] = {}

    def text(roles: tuple[str, ...]) -> str:
        found = encoded.get(roles)
        if found is None:
            found = encoded[roles] = json.dumps(list(merge_roles((), roles)))
        return found

    if len({(a.institution_id, a.meeting_id) for a in rows}) == len(rows):
        params = [(a.institution_id, a.meeting_id, encoded.get(a.roles) or text(a.roles))
                  for a in rows]
    else:  # the same pair twice in one batch: roles joined first, as write() does
        params = [(i, m, text(roles)) for (i, m), roles in collapse_attendance(rows).items()]
    conn.executemany(
        "INSERT INTO attendance (institution_id, meeting_id, roles) VALUES (?, ?, ?) "
        "ON CONFLICT DO UPDATE SET roles = tpps_merge_roles(roles, excluded.roles)", params)


def bulk_write(store: EmbeddedStore, batches: Iterable[Batch]) -> WriteResult:
    conn = store._conn()
    conn.create_function("tpps_merge_roles", 2, _merge_roles_json, deterministic=True)
    (old_cache,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    created: dict[str, int] = {}
    updated: dict[str, int] = {}
    seen: dict[str, set[str]] = {}
    collecting = gc.isenabled()
    gc.disable()  # millions of young tuples, none cyclic: the collector would only rescan
    try:
        with store._transaction() as tx:
            empty = [t for t in _REBUILT if _empty(tx, t)]
            recreate = _drop_derived(tx, empty)
            has_aliases = not _empty(tx, "aliases")
            touched: set[str] = set()
            for batch in batches:
                if has_aliases or batch.aliases:
                    batch = store._apply_aliases(tx, batch)
                    has_aliases = True
                # Stored nodes are looked up only in tables that held some before the load:
                # everything else the load names is in its own batches.
                touched |= touched_regions(
                    batch,
                    (lambda ids: set()) if "meetings" in empty
                    else (lambda ids: store._meeting_regions(tx, ids)),
                    (lambda ids: set()) if "institutions" in empty
                    else (lambda ids: store._institution_regions(tx, ids)))
                for kind, table, key, rows, sql in store._node_writes(batch):
                    if not rows:
                        continue
                    ids = {r[0] for r in rows}
                    known = seen.setdefault(kind, set())
                    before = ids & known
                    if table not in empty:
                        before |= store._existing(tx, table, key, list(ids - known))
                    created[kind] = created.get(kind, 0) + len(ids) - len(before)
                    updated[kind] = updated.get(kind, 0) + len(before)
                    known |= ids
                    tx.executemany(sql, rows)
                store._write_relationships(tx, replace(batch, attendance=[]))
                if batch.attendance:
                    _attendance(tx, batch.attendance)
            store._touch(tx, touched)
            for sql in recreate:
                tx.execute(sql)
            if "institutions" in empty:
                tx.execute("INSERT INTO institutions_fts (institutions_fts) VALUES ('rebuild')")
            version = int(tx.execute("SELECT value FROM meta WHERE key = 'version'")
                          .fetchone()[0])
    finally:
        conn.execute(f"PRAGMA cache_size = {old_cache}")
        if collecting:
            gc.enable()
    return WriteResult(created, updated, version + 1)
