"""The embedded store: SQLite on disk, no server.

Why SQLite: one file, atomic transactions, WAL so readers keep reading while a
load commits, and indexes that answer every API read (keyset pages, prefix
ranges on region codes, trigram full-text on names) without scanning the
whole graph. Each thread gets its own connection; writes take the single
writer lock with BEGIN IMMEDIATE.
"""

from __future__ import annotations

import functools
import json
import os
import secrets
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import numpy as np

from graph.ids import DIGEST_HEX, digest_glob, normalise_name, search_key
from graph.model import (
    NATIONAL_CODE,
    Attendance,
    Batch,
    Citation,
    Collaborator,
    Institution,
    Measurement,
    Meeting,
    Program,
    ProgramLink,
    Region,
    Source,
    WriteResult,
    merge_roles,
)
from graph.settings import settings
from graph.store.aliasing import collapse_attendance, institution_refs, rewrite
from graph.store.base import (
    INSTITUTION_SORTS,
    MEETING_SORTS,
    PROGRAM_SORTS,
    REGION_SORTS,
    AttendanceNodes,
    AttendanceRow,
    CollaboratorNodes,
    Conflict,
    InstitutionFilter,
    MeasurementFilter,
    MeetingFilter,
    MeetingNodes,
    MeetingPageNodes,
    NetworkFilter,
    NetworkSize,
    NotFound,
    Page,
    PageRequest,
    ProgramFilter,
    RegionFilter,
    StoreError,
    Window,
    region_prefix_bounds,
)
from graph.store.faults import StoreReadOnly, translate
from graph.store.incidence import Incidence, digest_keys
from graph.store.integrity import check_merge, edge_refs, refuse_dangling
from graph.store.scopes import changed_since, expand, named_regions, recorded
from graph.weights import newman_expression

SCHEMA_VERSION = 1
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
# From this many meetings in scope the incidence is read as concatenated digest ids
# (EmbeddedStore._digest_read); below, the row path costs less than its table checks.
DIGEST_READ_MEETINGS = 5_000
PAGE_SIZE = 16_384  # bytes, for stores created from now on (SQLite's default: 4096)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS regions (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, name_norm TEXT NOT NULL,
    level TEXT NOT NULL, parent_code TEXT);
CREATE INDEX IF NOT EXISTS regions_parent ON regions (parent_code, code);
CREATE INDEX IF NOT EXISTS regions_level ON regions (level, code);
CREATE INDEX IF NOT EXISTS regions_name ON regions (name_norm, code);
CREATE TABLE IF NOT EXISTS institutions (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_norm TEXT NOT NULL,
    type TEXT NOT NULL, level TEXT, region_code TEXT);
CREATE INDEX IF NOT EXISTS institutions_name ON institutions (name_norm, id);
CREATE INDEX IF NOT EXISTS institutions_type ON institutions (type, name_norm, id);
CREATE INDEX IF NOT EXISTS institutions_region ON institutions (region_code, name_norm, id);
CREATE VIRTUAL TABLE IF NOT EXISTS institutions_fts USING fts5 (
    name_norm, content='institutions', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS institutions_ai AFTER INSERT ON institutions BEGIN
    INSERT INTO institutions_fts (rowid, name_norm) VALUES (new.rowid, new.name_norm);
END;
CREATE TRIGGER IF NOT EXISTS institutions_ad AFTER DELETE ON institutions BEGIN
    INSERT INTO institutions_fts (institutions_fts, rowid, name_norm)
    VALUES ('delete', old.rowid, old.name_norm);
END;
CREATE TRIGGER IF NOT EXISTS institutions_au AFTER UPDATE OF name_norm ON institutions BEGIN
    INSERT INTO institutions_fts (institutions_fts, rowid, name_norm)
    VALUES ('delete', old.rowid, old.name_norm);
    INSERT INTO institutions_fts (rowid, name_norm) VALUES (new.rowid, new.name_norm);
END;
CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT NOT NULL,
    start_time TEXT, end_time TEXT, venue TEXT, level TEXT, region_code TEXT);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings (date, id);
CREATE INDEX IF NOT EXISTS meetings_title ON meetings (title, id);
CREATE INDEX IF NOT EXISTS meetings_region ON meetings (region_code, date);
CREATE TABLE IF NOT EXISTS programs (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_norm TEXT NOT NULL,
    aliases TEXT NOT NULL, description TEXT);
CREATE INDEX IF NOT EXISTS programs_name ON programs (name_norm, id);
CREATE TABLE IF NOT EXISTS measurements (
    id TEXT PRIMARY KEY, what TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL,
    period TEXT, region_code TEXT, note TEXT);
CREATE INDEX IF NOT EXISTS measurements_region ON measurements (region_code, period);
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, file TEXT, url TEXT, published TEXT);
CREATE TABLE IF NOT EXISTS attendance (
    institution_id TEXT NOT NULL, meeting_id TEXT NOT NULL, roles TEXT NOT NULL,
    PRIMARY KEY (institution_id, meeting_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS attendance_meeting ON attendance (meeting_id, institution_id);
CREATE TABLE IF NOT EXISTS meeting_programs (
    meeting_id TEXT NOT NULL, program_id TEXT NOT NULL,
    PRIMARY KEY (meeting_id, program_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS meeting_programs_program ON meeting_programs (program_id, meeting_id);
CREATE TABLE IF NOT EXISTS program_links (
    program_id TEXT NOT NULL, institution_id TEXT NOT NULL, relation TEXT NOT NULL,
    PRIMARY KEY (program_id, institution_id, relation)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS program_links_institution ON program_links (institution_id);
CREATE TABLE IF NOT EXISTS program_regions (
    program_id TEXT NOT NULL, region_code TEXT NOT NULL,
    PRIMARY KEY (program_id, region_code)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS program_regions_region ON program_regions (region_code);
CREATE TABLE IF NOT EXISTS citations (
    subject_id TEXT NOT NULL, source_id TEXT NOT NULL, start INTEGER NOT NULL,
    end INTEGER NOT NULL, excerpt TEXT,
    PRIMARY KEY (subject_id, source_id, start)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS aliases (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scope_versions (
    code TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scope_changes (
    code TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS scope_changes_version ON scope_changes (version);
"""


# node kind -> (table, key column)
_TABLES = {"regions": ("regions", "code"), "institutions": ("institutions", "id"),
           "meetings": ("meetings", "id"), "programs": ("programs", "id"),
           "measurements": ("measurements", "id"), "sources": ("sources", "id")}


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _dated(rows: list[Any]) -> list[tuple[str, date]]:
    """(id, ISO date text) rows with dates parsed, each distinct date once (a national
    scope has 300k meetings on about a thousand days)."""
    days = {d: date.fromisoformat(d) for d in {r[1] for r in rows}}
    return [(r[0], days[r[1]]) for r in rows]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@functools.lru_cache(maxsize=4096)
def _roles(text: str) -> tuple[str, ...]:
    """An attendance row's roles column (a JSON list). A graph holds a few distinct role
    lists over its ~150k rows, so each is decoded once instead of once per row read."""
    return tuple(json.loads(text))


def _institution(r: sqlite3.Row) -> Institution:
    return Institution(r["id"], r["name"], r["type"], r["level"], r["region_code"])


def _meeting(r: sqlite3.Row) -> Meeting:
    return Meeting(
        r["id"], r["title"], date.fromisoformat(r["date"]), r["start_time"], r["end_time"],
        r["venue"], r["level"], r["region_code"],
    )


def _program(r: sqlite3.Row) -> Program:
    return Program(r["id"], r["name"], tuple(json.loads(r["aliases"])), r["description"])


def _region(r: sqlite3.Row) -> Region:
    return Region(r["code"], r["name"], r["level"], r["parent_code"])


def _measurement(r: sqlite3.Row) -> Measurement:
    return Measurement(
        r["id"], r["what"], r["value"], r["unit"], r["period"], r["region_code"], r["note"]
    )


def _add_region(where: list[str], params: list[Any], column: str, code: str) -> None:
    clause, p = _region_clause(column, code)
    where.append(clause)
    params += p


def _region_clause(column: str, code: str) -> tuple[str, list[Any]]:
    if code == NATIONAL_CODE:
        return "1", []
    low, high = region_prefix_bounds(code)
    return f"({column} = ? OR ({column} >= ? AND {column} < ?))", [code, low, high]


def _window_clause(column: str, window: Window) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if window.start:
        where.append(f"{column} >= ?")
        params.append(window.start.isoformat())
    if window.end:
        where.append(f"{column} <= ?")
        params.append(window.end.isoformat())
    return where, params


def _keyset(sort_col: str, page: PageRequest, id_col: str) -> tuple[list[str], list[Any], str]:
    """WHERE and ORDER BY of one keyset page: rows strictly after the cursor."""
    op, direction = ("<", "DESC") if page.descending else (">", "ASC")
    where: list[str] = []
    params: list[Any] = []
    if page.after is not None:
        where.append(f"({sort_col}, {id_col}) {op} (?, ?)")
        params.extend(page.after)
    return where, params, f"{sort_col} {direction}, {id_col} {direction}"


def _read_only(path: str) -> bool:
    """An existing store file that this process may not write (os.access knows about
    read-only mounts, even for root)."""
    if path == ":memory:" or not os.path.exists(path):
        return False
    folder = os.path.dirname(os.path.abspath(path))
    return not (os.access(path, os.W_OK) and os.access(folder, os.W_OK))


class EmbeddedStore:
    """SQLite-backed Store. Safe to share between threads."""

    # API reads are index lookups of a few ms at most: the API runs them on its event
    # loop rather than paying a thread hand-off per read (api/context.py).
    inline_reads = True

    def __init__(self, path: str | Path, lock_timeout: float | None = None) -> None:
        self.path = str(path)
        # How long a writer waits for another process's lock before STORE_LOCKED.
        self.lock_timeout = settings().store_timeout if lock_timeout is None else lock_timeout
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        # A file we may not write (read-only mount, permissions) is still served for
        # reading; every write then answers STORE_READ_ONLY at once.
        self.read_only = _read_only(self.path)
        try:
            conn = self._conn()
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            if found not in (0, SCHEMA_VERSION) or (self.read_only and found != SCHEMA_VERSION):
                raise StoreError(
                    f"{self.path}: store schema version {found}, this tpps-graph reads "
                    f"{SCHEMA_VERSION}"
                )
            if not self.read_only:
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('version', '0')")
                # the changed regions are recorded from this version on (a file from
                # before them: from now; changed_regions before that cannot tell)
                conn.execute("INSERT OR IGNORE INTO meta (key, value) SELECT "
                             "'changes_since', value FROM meta WHERE key = 'version'")
                # who this store is, so files kept beside it (analytics/persist.py) are
                # never taken for those of a deleted store once at the same path
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('uid', ?)",
                             (secrets.token_hex(8),))
        except sqlite3.DatabaseError as exc:
            fault = translate(exc, self.path)
            if fault is not None:
                raise fault from exc
            raise StoreError(f"{self.path}: not a tpps-graph store ({exc})") from exc

    # -- connections --------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None and self.read_only:
            # immutable: no -wal/-shm files to create, no locks to take on a file
            # nobody can change.
            conn = sqlite3.connect(f"file:{quote(self.path)}?immutable=1", uri=True,
                                   isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        if conn is None:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False,
                timeout=self.lock_timeout
            )
            conn.row_factory = sqlite3.Row
            # Takes effect only on a new file (before its first table): bigger pages
            # make shallower B-trees, ~10% less CPU in a bulk load, faster full scans.
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode survives a killed process; only an OS crash
            # can lose the last commits, never corrupt the file.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = OFF")
            # Alias search normalises each alias with the very function names use.
            conn.create_function("tpps_norm", 1, normalise_name, deterministic=True)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._conn().execute(sql, params).fetchall()

    def _by_ids(self, table: str, key: str, ids: Iterable[str]) -> list[sqlite3.Row]:
        wanted = _unique(ids)
        rows: list[sqlite3.Row] = []
        for part in _chunks(wanted):
            rows += self._rows(f"SELECT * FROM {table} WHERE {key} IN ({_marks(len(part))})", part)
        return rows

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreReadOnly(f"{self.path}: the store file is read-only; the write was "
                                "not made")
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        self._local.touched = False
        try:
            yield conn
            if not self._local.touched:  # a write path that said nothing of where it
                self._touch(conn, {None})  # wrote: changed_regions cannot tell since
            conn.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'"
            )
            conn.execute("COMMIT")
        except BaseException:
            # SQLite rolls back by itself on some errors (SQLITE_FULL, SQLITE_IOERR); a
            # second ROLLBACK would fail and hide the real cause.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    # -- writes -------------------------------------------------------------
    def write(self, batch: Batch) -> WriteResult:
        with self._transaction() as conn:
            return self._write_in(conn, batch)

    def create(self, batch: Batch, kind: str, id_: str) -> WriteResult:
        # BEGIN IMMEDIATE holds the writer lock from the check to the commit, so of
        # concurrent identical creates exactly one finds the id free.
        with self._transaction() as conn:
            self._refuse_existing(conn, kind, id_)
            return self._write_in(conn, batch)

    def _refuse_existing(self, conn: sqlite3.Connection, kind: str, id_: str) -> None:
        table, key = _TABLES[kind]
        if self._existing(conn, table, key, [id_]):
            raise Conflict(f"already exists as {id_}", id_)
        if kind == "institutions":
            row = conn.execute("SELECT new_id FROM aliases WHERE old_id = ?", (id_,)).fetchone()
            if row is not None:
                raise Conflict(f"already exists as {row[0]} (merged from {id_})", row[0])

    def _write_in(self, conn: sqlite3.Connection, batch: Batch) -> WriteResult:
        created: dict[str, int] = {}
        updated: dict[str, int] = {}
        batch = self._apply_aliases(conn, batch)
        self._touch(conn, named_regions(batch, lambda ids: self._meeting_regions(conn, ids),
                                        lambda ids: self._institution_regions(conn, ids)))
        for kind, wanted in edge_refs(batch).items():
            table, key = _TABLES[kind]
            refuse_dangling(kind, wanted, self._existing(conn, table, key, list(wanted)))
        for kind, table, key, rows, sql in self._node_writes(batch):
            if not rows:
                continue
            existing = self._existing(conn, table, key, [r[0] for r in rows])
            fresh = len({r[0] for r in rows} - existing)
            created[kind] = created.get(kind, 0) + fresh
            updated[kind] = updated.get(kind, 0) + len({r[0] for r in rows}) - fresh
            conn.executemany(sql, rows)
        self._write_relationships(conn, batch)
        version = int(conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0])
        return WriteResult(created, updated, version + 1)

    # -- per-region versions (graph/store/scopes.py) ---------------------------
    def _touch(self, conn: sqlite3.Connection, named: set[str | None]) -> None:
        """Stamp the regions `named` (scopes.named_regions) and their ancestors with the
        version this transaction commits as (the writer lock is held from BEGIN
        IMMEDIATE, so that is the stored version plus one), and record `named` as changed
        at it (changed_regions)."""
        self._local.touched = True
        for table, codes in (("scope_versions", expand(named)),
                             ("scope_changes", recorded(named))):
            if codes:
                conn.execute(
                    f"INSERT INTO {table} (code, version) SELECT value, "
                    "(SELECT CAST(value AS INTEGER) + 1 FROM meta WHERE key = 'version') "
                    "FROM json_each(?) WHERE true "
                    "ON CONFLICT (code) DO UPDATE SET version = excluded.version",
                    (json.dumps(sorted(codes)),))

    @staticmethod
    def _meeting_regions(conn: sqlite3.Connection, ids: set[str]) -> set[str | None]:
        return {r[0] for part in _chunks(sorted(ids)) for r in conn.execute(
            f"SELECT DISTINCT region_code FROM meetings WHERE id IN ({_marks(len(part))})", part)}

    @staticmethod
    def _institution_regions(conn: sqlite3.Connection, ids: set[str]) -> set[str | None]:
        """The stored regions of these institutions and of every meeting they attended."""
        out: set[str | None] = set()
        for part in _chunks(sorted(ids)):
            marks = _marks(len(part))
            out.update(r[0] for r in conn.execute(
                f"SELECT DISTINCT region_code FROM institutions WHERE id IN ({marks}) UNION "
                "SELECT DISTINCT m.region_code FROM attendance a JOIN meetings m ON "
                f"m.id = a.meeting_id WHERE a.institution_id IN ({marks})", [*part, *part]))
        return out

    def scope_version(self, code: str | None) -> int:
        if not code:
            return self.version()
        try:
            row = self._conn().execute("SELECT version FROM scope_versions WHERE code = ?",
                                       (code,)).fetchone()
        except sqlite3.OperationalError:  # a read-only file from before per-region versions
            return 0
        return int(row[0]) if row else 0

    def changed_regions(self, since: int) -> set[str] | None:
        try:  # one statement: one snapshot of the record and the version
            known, version, codes = self._conn().execute(
                "SELECT (SELECT value FROM meta WHERE key = 'changes_since'), "
                "(SELECT value FROM meta WHERE key = 'version'), "
                "(SELECT json_group_array(code) FROM scope_changes WHERE version > ?)",
                (since,)).fetchone()
        except sqlite3.OperationalError:  # a read-only file from before the record
            return None
        return changed_since(json.loads(codes), since,
                             None if known is None else int(known), int(version))

    def bulk_write(self, batches: Iterable[Batch]) -> WriteResult:
        """Many batches in one transaction, indexes rebuilt once after (embedded_bulk.py)."""
        from graph.store.embedded_bulk import bulk_write

        return bulk_write(self, batches)

    @staticmethod
    def _existing(conn: sqlite3.Connection, table: str, key: str, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for part in _chunks(_unique(ids)):
            sql = f"SELECT {key} FROM {table} WHERE {key} IN ({_marks(len(part))})"
            found.update(r[0] for r in conn.execute(sql, part))
        return found

    @staticmethod
    def _node_writes(batch: Batch) -> list[tuple[str, str, str, list[tuple[Any, ...]], str]]:
        def upsert(table: str, key: str, cols: list[str]) -> str:
            sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c != key)
            return (
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({_marks(len(cols))}) "
                f"ON CONFLICT ({key}) DO UPDATE SET {sets}"
            )

        return [
            ("regions", "regions", "code",
             [(r.code, r.name, search_key(r.name), r.level, r.parent_code)
              for r in batch.regions],
             upsert("regions", "code", ["code", "name", "name_norm", "level", "parent_code"])),
            ("institutions", "institutions", "id",
             [(i.id, i.name, search_key(i.name), i.type, i.level, i.region_code)
              for i in batch.institutions],
             upsert("institutions", "id",
                    ["id", "name", "name_norm", "type", "level", "region_code"])),
            ("meetings", "meetings", "id",
             [(m.id, m.title, m.date.isoformat(), m.start_time, m.end_time, m.venue, m.level,
               m.region_code) for m in batch.meetings],
             upsert("meetings", "id", ["id", "title", "date", "start_time", "end_time", "venue",
                                       "level", "region_code"])),
            ("programs", "programs", "id",
             [(p.id, p.name, search_key(p.name), json.dumps(list(p.aliases)), p.description)
              for p in batch.programs],
             upsert("programs", "id", ["id", "name", "name_norm", "aliases", "description"])),
            ("measurements", "measurements", "id",
             [(m.id, m.what, m.value, m.unit, m.period, m.region_code, m.note)
              for m in batch.measurements],
             upsert("measurements", "id",
                    ["id", "what", "value", "unit", "period", "region_code", "note"])),
            ("sources", "sources", "id",
             [(s.id, s.title, s.file, s.url, s.published.isoformat() if s.published else None)
              for s in batch.sources],
             upsert("sources", "id", ["id", "title", "file", "url", "published"])),
        ]

    def _write_relationships(self, conn: sqlite3.Connection, batch: Batch) -> None:
        for part in _chunks(sorted(batch.replace_attendance)):
            conn.execute(f"DELETE FROM attendance WHERE meeting_id IN ({_marks(len(part))})", part)
        for part in _chunks(sorted(batch.replace_meeting_programs)):
            conn.execute(
                f"DELETE FROM meeting_programs WHERE meeting_id IN ({_marks(len(part))})", part
            )
        if batch.attendance:
            self._merge_attendance(conn, batch.attendance)
        conn.executemany(
            "INSERT OR IGNORE INTO meeting_programs (meeting_id, program_id) VALUES (?, ?)",
            batch.meeting_programs,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO program_links (program_id, institution_id, relation) "
            "VALUES (?, ?, ?)",
            [(link.program_id, link.institution_id, link.relation) for link in batch.program_links],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO program_regions (program_id, region_code) VALUES (?, ?)",
            batch.program_regions,
        )
        conn.executemany("INSERT OR REPLACE INTO aliases (old_id, new_id) VALUES (?, ?)",
                         batch.aliases)
        conn.executemany(
            "INSERT INTO citations (subject_id, source_id, start, end, excerpt) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET end = excluded.end, "
            "excerpt = excluded.excerpt",
            [(c.subject_id, c.source_id, -1 if c.start is None else c.start,
              -1 if c.end is None else c.end, c.excerpt) for c in batch.citations],
        )

    @staticmethod
    def _merge_attendance(conn: sqlite3.Connection, rows: list[Attendance]) -> None:
        merged = collapse_attendance(rows)
        keys = list(merged)
        for part in _chunks(keys, 400):
            clause = " OR ".join("(institution_id = ? AND meeting_id = ?)" for _ in part)
            params = [v for k in part for v in k]
            for r in conn.execute(
                f"SELECT institution_id, meeting_id, roles FROM attendance WHERE {clause}", params
            ):
                k = (r[0], r[1])
                merged[k] = merge_roles(tuple(json.loads(r[2])), merged[k])
        conn.executemany(
            "INSERT INTO attendance (institution_id, meeting_id, roles) VALUES (?, ?, ?) "
            "ON CONFLICT DO UPDATE SET roles = excluded.roles",
            [(i, m, json.dumps(list(roles))) for (i, m), roles in merged.items()],
        )

    def _apply_aliases(self, conn: sqlite3.Connection, batch: Batch) -> Batch:
        """Point references to merged-away institutions at the institution kept."""
        alias: dict[str, str] = {}
        for part in _chunks(sorted(institution_refs(batch))):
            sql = f"SELECT old_id, new_id FROM aliases WHERE old_id IN ({_marks(len(part))})"
            alias.update((r[0], r[1]) for r in conn.execute(sql, part))
        return rewrite(batch, alias)

    def merge_institutions(self, keep_id: str, drop_id: str, allow_cross_type: bool = False,
                           allow_cross_region: bool = False) -> int:
        if keep_id == drop_id:
            raise StoreError("cannot merge an institution into itself")
        with self._transaction() as conn:
            found = {r["id"]: _institution(r) for r in conn.execute(
                "SELECT * FROM institutions WHERE id IN (?, ?)", (keep_id, drop_id))}
            for missing in (keep_id, drop_id):
                if missing not in found:
                    raise NotFound(f"no institution with id {missing!r}")
            check_merge(found[keep_id], found[drop_id], allow_cross_type, allow_cross_region)
            return self._merge_in(conn, keep_id, drop_id)

    def rekey_institution(self, old_id: str, new: Institution) -> None:
        with self._transaction() as conn:
            if not self._existing(conn, "institutions", "id", [old_id]):
                raise NotFound(f"no institution with id {old_id!r}")
            self._refuse_existing(conn, "institutions", new.id)
            self._write_in(conn, Batch(institutions=[new]))
            self._merge_in(conn, new.id, old_id)

    def _merge_in(self, conn: sqlite3.Connection, keep_id: str, drop_id: str) -> int:
        """Move every relationship of `drop_id` to `keep_id`, inside the caller's transaction."""
        self._touch(conn, self._institution_regions(conn, {keep_id, drop_id}))
        rows = conn.execute(
            "SELECT meeting_id, roles FROM attendance WHERE institution_id = ?", (drop_id,)
        ).fetchall()
        conn.execute("DELETE FROM attendance WHERE institution_id = ?", (drop_id,))
        moved = [Attendance(r[0], keep_id, tuple(json.loads(r[1]))) for r in rows]
        if moved:
            self._merge_attendance(conn, moved)
        conn.execute(
            "INSERT OR IGNORE INTO program_links (program_id, institution_id, relation) "
            "SELECT program_id, ?, relation FROM program_links WHERE institution_id = ?",
            (keep_id, drop_id),
        )
        conn.execute("DELETE FROM program_links WHERE institution_id = ?", (drop_id,))
        cites = conn.execute(
            "SELECT subject_id, source_id, start, end, excerpt FROM citations "
            "WHERE subject_id = ? OR (subject_id LIKE 'att:%' AND subject_id LIKE ?)",
            (drop_id, f"%:{drop_id}"),
        ).fetchall()
        for c in cites:
            new_subject = keep_id if c[0] == drop_id else c[0][: -len(drop_id)] + keep_id
            conn.execute(
                "INSERT OR IGNORE INTO citations (subject_id, source_id, start, end, excerpt) "
                "VALUES (?, ?, ?, ?, ?)",
                (new_subject, c[1], c[2], c[3], c[4]),
            )
            conn.execute(
                "DELETE FROM citations WHERE subject_id = ? AND source_id = ? AND start = ?",
                (c[0], c[1], c[2]),
            )
        conn.execute("UPDATE aliases SET new_id = ? WHERE new_id = ?", (keep_id, drop_id))
        conn.execute(
            "INSERT OR REPLACE INTO aliases (old_id, new_id) VALUES (?, ?)", (drop_id, keep_id)
        )
        conn.execute("DELETE FROM institutions WHERE id = ?", (drop_id,))
        return len(rows)

    # -- nodes by id --------------------------------------------------------
    def regions(self, codes: Iterable[str]) -> dict[str, Region]:
        return {r["code"]: _region(r) for r in self._by_ids("regions", "code", codes)}

    def institutions(self, ids: Iterable[str]) -> dict[str, Institution]:
        return {r["id"]: _institution(r) for r in self._by_ids("institutions", "id", ids)}

    def meetings(self, ids: Iterable[str]) -> dict[str, Meeting]:
        return {r["id"]: _meeting(r) for r in self._by_ids("meetings", "id", ids)}

    def programs(self, ids: Iterable[str]) -> dict[str, Program]:
        return {r["id"]: _program(r) for r in self._by_ids("programs", "id", ids)}

    def measurements(self, ids: Iterable[str]) -> dict[str, Measurement]:
        return {r["id"]: _measurement(r) for r in self._by_ids("measurements", "id", ids)}

    def sources(self, ids: Iterable[str]) -> dict[str, Source]:
        return {
            r["id"]: Source(r["id"], r["title"], r["file"], r["url"], _date(r["published"]))
            for r in self._by_ids("sources", "id", ids)
        }

    def resolve_aliases(self, ids: Iterable[str]) -> dict[str, str]:
        return {r["old_id"]: r["new_id"] for r in self._by_ids("aliases", "old_id", ids)}

    # -- listings -----------------------------------------------------------
    def _page(
        self, select: str, where: list[str], params: list[Any], page: PageRequest,
        sort_col: str, id_col: str,
    ) -> tuple[list[sqlite3.Row], bool]:
        kw, kp, order = _keyset(sort_col, page, id_col)
        clause = " AND ".join(where + kw) or "1"
        sql = f"{select} WHERE {clause} ORDER BY {order} LIMIT ?"
        rows = self._rows(sql, params + kp + [page.first + 1])
        return rows[: page.first], len(rows) > page.first

    def _count(self, table: str, where: list[str], params: list[Any]) -> int:
        clause = " AND ".join(where) or "1"
        return int(self._rows(f"SELECT COUNT(*) FROM {table} WHERE {clause}", params)[0][0])

    @staticmethod
    def _institution_where(f: InstitutionFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if f.types:
            where.append(f"i.type IN ({_marks(len(f.types))})")
            params += list(f.types)
        if f.level:
            where.append("i.level = ?")
            params.append(f.level)
        if f.region_code:
            _add_region(where, params, "i.region_code", f.region_code)
        if f.name_contains:
            needle = normalise_name(f.name_contains)
            if len(needle) >= 3:  # the trigram index answers; shorter needles scan
                where.append(
                    "i.rowid IN (SELECT rowid FROM institutions_fts WHERE name_norm MATCH ?)"
                )
                params.append('"' + needle.replace('"', '""') + '"')
            else:
                where.append("instr(i.name_norm, ?) > 0")
                params.append(needle)
        return where, params

    def find_institutions(self, f: InstitutionFilter, page: PageRequest) -> Page[Institution]:
        sort_col = {"name": "i.name_norm", "id": "i.id"}[page.sort or "name"]
        assert (page.sort or "name") in INSTITUTION_SORTS
        where, params = self._institution_where(f)
        rows, more = self._page(
            "SELECT i.*, " + sort_col + " AS sort_key FROM institutions i",
            where, params, page, sort_col, "i.id",
        )
        return Page([_institution(r) for r in rows], [(r["sort_key"], r["id"]) for r in rows], more)

    def count_institutions(self, f: InstitutionFilter) -> int:
        where, params = self._institution_where(f)
        return self._count("institutions i", where, params)

    @staticmethod
    def _meeting_where(f: MeetingFilter) -> tuple[list[str], list[Any]]:
        where, params = _window_clause("m.date", f.window)
        if f.region_code:
            _add_region(where, params, "m.region_code", f.region_code)
        if f.institution_id:
            where.append(
                "m.id IN (SELECT meeting_id FROM attendance WHERE institution_id = ?)"
            )
            params.append(f.institution_id)
        if f.program_id:
            where.append("m.id IN (SELECT meeting_id FROM meeting_programs WHERE program_id = ?)")
            params.append(f.program_id)
        return where, params

    def find_meetings(self, f: MeetingFilter, page: PageRequest) -> Page[Meeting]:
        sort = page.sort or "date"
        assert sort in MEETING_SORTS
        sort_col = {"date": "m.date", "title": "m.title"}[sort]
        where, params = self._meeting_where(f)
        rows, more = self._page(
            f"SELECT m.*, {sort_col} AS sort_key FROM meetings m",
            where, params, page, sort_col, "m.id",
        )
        return Page([_meeting(r) for r in rows], [(r["sort_key"], r["id"]) for r in rows], more)

    def count_meetings(self, f: MeetingFilter) -> int:
        where, params = self._meeting_where(f)
        return self._count("meetings m", where, params)

    @staticmethod
    def _program_where(f: ProgramFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if f.name_contains:
            # The name or any one alias, each normalised as names are (never the JSON text).
            needle = normalise_name(f.name_contains)
            where.append("(instr(p.name_norm, ?) > 0 OR EXISTS (SELECT 1 FROM json_each("
                         "p.aliases) a WHERE instr(tpps_norm(a.value), ?) > 0))")
            params += [needle, needle]
        if f.institution_id:
            where.append("p.id IN (SELECT program_id FROM program_links WHERE institution_id = ?)")
            params.append(f.institution_id)
        if f.region_code:
            clause, p = _region_clause("region_code", f.region_code)
            where.append(f"p.id IN (SELECT program_id FROM program_regions WHERE {clause})")
            params += p
        return where, params

    def find_programs(self, f: ProgramFilter, page: PageRequest) -> Page[Program]:
        assert (page.sort or "name") in PROGRAM_SORTS
        where, params = self._program_where(f)
        rows, more = self._page(
            "SELECT p.*, p.name_norm AS sort_key FROM programs p",
            where, params, page, "p.name_norm", "p.id",
        )
        return Page([_program(r) for r in rows], [(r["sort_key"], r["id"]) for r in rows], more)

    def count_programs(self, f: ProgramFilter) -> int:
        where, params = self._program_where(f)
        return self._count("programs p", where, params)

    @staticmethod
    def _region_where(f: RegionFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if f.level:
            where.append("r.level = ?")
            params.append(f.level)
        if f.parent_code:
            where.append("r.parent_code = ?")
            params.append(f.parent_code)
        if f.name_contains:
            where.append("instr(r.name_norm, ?) > 0")
            params.append(normalise_name(f.name_contains))
        return where, params

    def find_regions(self, f: RegionFilter, page: PageRequest) -> Page[Region]:
        sort = page.sort or "code"
        assert sort in REGION_SORTS
        sort_col = {"code": "r.code", "name": "r.name_norm"}[sort]
        where, params = self._region_where(f)
        rows, more = self._page(
            f"SELECT r.*, {sort_col} AS sort_key FROM regions r",
            where, params, page, sort_col, "r.code",
        )
        return Page([_region(r) for r in rows], [(r["sort_key"], r["code"]) for r in rows], more)

    def count_regions(self, f: RegionFilter) -> int:
        where, params = self._region_where(f)
        return self._count("regions r", where, params)

    def find_measurements(self, f: MeasurementFilter, first: int) -> list[Measurement]:
        where: list[str] = []
        params: list[Any] = []
        if f.region_code:
            _add_region(where, params, "region_code", f.region_code)
        if f.what:
            where.append("what = ?")
            params.append(f.what)
        clause = " AND ".join(where) or "1"
        sql = (f"SELECT * FROM measurements WHERE {clause} "
               "ORDER BY region_code, what, COALESCE(period, ''), id LIMIT ?")
        return [_measurement(r) for r in self._rows(sql, params + [first])]

    # -- neighbourhoods -----------------------------------------------------
    def attendance_of_meetings(self, meeting_ids: Iterable[str]) -> dict[str, list[Attendance]]:
        out: dict[str, list[Attendance]] = defaultdict(list)
        rows = self._by_ids("attendance", "meeting_id", meeting_ids)
        for r in sorted(rows, key=lambda r: (r["meeting_id"], r["institution_id"])):
            out[r["meeting_id"]].append(
                Attendance(r["meeting_id"], r["institution_id"], _roles(r["roles"]))
            )
        return dict(out)

    def attendance_with_nodes(self, meeting_ids: Iterable[str],
                              regions: bool = False) -> AttendanceNodes:
        """One join per 500 meetings: attendance, the institution row, its region row."""
        out = AttendanceNodes()
        region_cols = ", r.code AS r_code, r.name AS r_name, r.level AS r_level, " \
            "r.parent_code AS r_parent" if regions else ""
        region_join = " LEFT JOIN regions r ON r.code = i.region_code" if regions else ""
        for part in _chunks(_unique(meeting_ids)):
            sql = (f"SELECT a.meeting_id, a.roles, i.*{region_cols} FROM attendance a "
                   f"JOIN institutions i ON i.id = a.institution_id{region_join} "
                   f"WHERE a.meeting_id IN ({_marks(len(part))}) "
                   "ORDER BY a.meeting_id, a.institution_id")
            for r in self._rows(sql, part):
                out.attendance.setdefault(r["meeting_id"], []).append(
                    Attendance(r["meeting_id"], r["id"], _roles(r["roles"])))
                if r["id"] not in out.institutions:
                    out.institutions[r["id"]] = _institution(r)
                if regions and r["r_code"] is not None and r["r_code"] not in out.regions:
                    out.regions[r["r_code"]] = Region(r["r_code"], r["r_name"], r["r_level"],
                                                      r["r_parent"])
        return out

    def _meetings_by_parent(
        self, link_table: str, parent_col: str, ids: Iterable[str], window: Window,
        page: PageRequest,
    ) -> dict[str, Page[Meeting]]:
        sort = page.sort or "date"
        assert sort in MEETING_SORTS
        sort_col = {"date": "m.date", "title": "m.title"}[sort]
        out: dict[str, Page[Meeting]] = {}
        for part in _chunks(_unique(ids)):
            where, params = _window_clause("m.date", window)
            kw, kp, order = _keyset(sort_col, page, "m.id")
            clause = " AND ".join([f"l.{parent_col} IN ({_marks(len(part))})", *where, *kw])
            sql = (
                f"SELECT * FROM (SELECT l.{parent_col} AS parent, m.*, {sort_col} AS sort_key, "
                f"ROW_NUMBER() OVER (PARTITION BY l.{parent_col} ORDER BY {order}) AS rn "
                f"FROM {link_table} l JOIN meetings m ON m.id = l.meeting_id WHERE {clause}) "
                "WHERE rn <= ? ORDER BY parent, rn"
            )
            for r in self._rows(sql, [*part, *params, *kp, page.first + 1]):
                p = out.setdefault(r["parent"], Page())
                if r["rn"] > page.first:
                    p.has_next = True
                else:
                    p.items.append(_meeting(r))
                    p.keys.append((r["sort_key"], r["id"]))
        return out

    def meetings_of_institutions(
        self, ids: Iterable[str], window: Window, page: PageRequest
    ) -> dict[str, Page[Meeting]]:
        return self._meetings_by_parent("attendance", "institution_id", ids, window, page)

    def find_meetings_with_nodes(self, f: MeetingFilter, page: PageRequest,
                                 regions: bool = False) -> MeetingPageNodes:
        """The two reads one after the other, as `meetings_of_institutions_with_nodes`."""
        found = self.find_meetings(f, page)
        return MeetingPageNodes(found, self.attendance_with_nodes(
            [m.id for m in found.items], regions))

    def meetings_of_institutions_with_nodes(
        self, ids: Iterable[str], window: Window, page: PageRequest, regions: bool = False
    ) -> MeetingNodes:
        """The two reads one after the other: in-process SQLite has no round trip to save."""
        pages = self.meetings_of_institutions(ids, window, page)
        shown = [m.id for p in pages.values() for m in p.items]
        return MeetingNodes(pages, self.attendance_with_nodes(shown, regions))

    def meetings_of_programs(
        self, ids: Iterable[str], window: Window, page: PageRequest
    ) -> dict[str, Page[Meeting]]:
        return self._meetings_by_parent("meeting_programs", "program_id", ids, window, page)

    def _count_by_parent(
        self, link_table: str, parent_col: str, ids: Iterable[str], window: Window
    ) -> dict[str, int]:
        out: dict[str, int] = {}
        for part in _chunks(_unique(ids)):
            where, params = _window_clause("m.date", window)
            clause = " AND ".join([f"l.{parent_col} IN ({_marks(len(part))})", *where])
            sql = (f"SELECT l.{parent_col} AS parent, COUNT(*) AS n FROM {link_table} l "
                   f"JOIN meetings m ON m.id = l.meeting_id WHERE {clause} GROUP BY parent")
            out.update((r["parent"], int(r["n"])) for r in self._rows(sql, [*part, *params]))
        return out

    def count_meetings_of_institutions(self, ids: Iterable[str], window: Window) -> dict[str, int]:
        return self._count_by_parent("attendance", "institution_id", ids, window)

    def count_meetings_of_programs(self, ids: Iterable[str], window: Window) -> dict[str, int]:
        return self._count_by_parent("meeting_programs", "program_id", ids, window)

    def programs_of_meetings(self, meeting_ids: Iterable[str]) -> dict[str, list[Program]]:
        out: dict[str, list[Program]] = defaultdict(list)
        for part in _chunks(_unique(meeting_ids)):
            sql = (
                "SELECT mp.meeting_id AS parent, p.* FROM meeting_programs mp "
                f"JOIN programs p ON p.id = mp.program_id WHERE mp.meeting_id IN "
                f"({_marks(len(part))}) ORDER BY mp.meeting_id, p.name_norm"
            )
            for r in self._rows(sql, part):
                out[r["parent"]].append(_program(r))
        return dict(out)

    def program_links(
        self, program_ids: Iterable[str] = (), institution_ids: Iterable[str] = ()
    ) -> list[ProgramLink]:
        rows = self._by_ids("program_links", "program_id", program_ids)
        rows += self._by_ids("program_links", "institution_id", institution_ids)
        links = {ProgramLink(r["program_id"], r["institution_id"], r["relation"]) for r in rows}
        return sorted(links, key=lambda x: (x.program_id, x.institution_id, x.relation))

    def program_regions(self, program_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        rows = self._by_ids("program_regions", "program_id", program_ids)
        for r in sorted(rows, key=lambda r: (r["program_id"], r["region_code"])):
            out[r["program_id"]].append(r["region_code"])
        return dict(out)

    def measurements_of_regions(self, codes: Iterable[str]) -> dict[str, list[Measurement]]:
        out: dict[str, list[Measurement]] = defaultdict(list)
        rows = self._by_ids("measurements", "region_code", codes)
        for r in sorted(rows, key=lambda r: (r["what"], r["period"] or "", r["id"])):
            out[r["region_code"]].append(_measurement(r))
        return dict(out)

    def children_of_regions(self, codes: Iterable[str]) -> dict[str, list[Region]]:
        out: dict[str, list[Region]] = defaultdict(list)
        for r in sorted(self._by_ids("regions", "parent_code", codes), key=lambda r: r["code"]):
            out[r["parent_code"]].append(_region(r))
        return dict(out)

    def citations(self, subject_ids: Iterable[str]) -> dict[str, list[Citation]]:
        out: dict[str, list[Citation]] = defaultdict(list)
        rows = self._by_ids("citations", "subject_id", subject_ids)
        for r in sorted(rows, key=lambda r: (r["subject_id"], r["source_id"], r["start"])):
            out[r["subject_id"]].append(
                Citation(
                    r["subject_id"], r["source_id"],
                    None if r["start"] < 0 else r["start"], None if r["end"] < 0 else r["end"],
                    r["excerpt"],
                )
            )
        return dict(out)

    def collaborators(
        self, ids: Iterable[str], window: Window, first: int
    ) -> dict[str, list[Collaborator]]:
        """Co-attendees of each institution, weighted after Newman (2001).

        A shared meeting with n attendees adds 1/(n-1) to the weight, so a
        ten-person working meeting binds more than a 260-person plenary.
        """
        out: dict[str, list[Collaborator]] = defaultdict(list)
        for part in _chunks(_unique(ids)):
            where, params = _window_clause("m.date", window)
            window_sql = (" AND " + " AND ".join(where)) if where else ""
            sql = f"""
            WITH mine AS (
                SELECT a.institution_id AS src, a.meeting_id FROM attendance a
                JOIN meetings m ON m.id = a.meeting_id
                WHERE a.institution_id IN ({_marks(len(part))}){window_sql}),
            sizes AS (
                SELECT meeting_id, COUNT(*) AS n FROM attendance
                WHERE meeting_id IN (SELECT meeting_id FROM mine) GROUP BY meeting_id),
            pairs AS (
                SELECT mine.src, b.institution_id AS dst, COUNT(*) AS shared,
                       SUM({newman_expression('s.n')}) AS weight
                FROM mine JOIN attendance b ON b.meeting_id = mine.meeting_id
                JOIN sizes s ON s.meeting_id = mine.meeting_id
                WHERE b.institution_id <> mine.src GROUP BY mine.src, b.institution_id),
            ranked AS (
                SELECT *, ROW_NUMBER() OVER (
                    PARTITION BY src ORDER BY weight DESC, shared DESC, dst) AS rn FROM pairs)
            SELECT src, dst, shared, weight FROM ranked WHERE rn <= ? ORDER BY src, rn
            """
            for r in self._rows(sql, [*part, *params, first]):
                out[r["src"]].append(Collaborator(r["dst"], r["shared"], r["weight"]))
        return dict(out)

    def collaborators_with_nodes(self, ids: Iterable[str], window: Window,
                                 first: int) -> CollaboratorNodes:
        """In-process, two reads cost no round trip: the collaborators, then the rows of
        the institutions asked and of those they name."""
        asked = _unique(ids)
        found = self.collaborators(asked, window, first)
        named = {c.institution_id for rows in found.values() for c in rows} | set(asked)
        return CollaboratorNodes(found, self.institutions(named) if named else {})

    # -- analytics --------------------------------------------------------------
    def _network_where(self, f: NetworkFilter) -> tuple[str, list[Any]]:
        """The attendance a network is built from: the meetings a meeting listing would
        give (m), by institutions (i) of the filter's types."""
        where, params = self._meeting_where(
            MeetingFilter(region_code=f.region_code, window=f.window, program_id=f.program_id))
        if f.types:
            where.append(f"i.type IN ({_marks(len(f.types))})")
            params += list(f.types)
        return " AND ".join(where) or "1", params

    def attendance_rows(self, f: NetworkFilter) -> list[AttendanceRow]:
        clause, params = self._network_where(f)
        sql = ("SELECT i.id, i.name, i.type, i.region_code, m.id AS mid, m.date "
               "FROM attendance a JOIN institutions i ON i.id = a.institution_id "
               f"JOIN meetings m ON m.id = a.meeting_id WHERE {clause} ORDER BY m.id, i.id")
        return [AttendanceRow(r[0], r[1], r[2], r[3], r[4], date.fromisoformat(r[5]))
                for r in self._conn().execute(sql, params)]

    def network_size(self, f: NetworkFilter) -> NetworkSize:
        """Counted over the same rows attendance_rows reads, without reading them."""
        clause, params = self._network_where(f)
        # Without a type filter no institution is needed (no attendance dangles): the
        # meetings in scope, then their attendance by index, in half the time.
        join = "JOIN institutions i ON i.id = a.institution_id " if f.types else ""
        sql = ("SELECT COALESCE(SUM(k), 0), COALESCE(SUM(k * (k - 1) / 2), 0) FROM ("
               f"SELECT COUNT(*) AS k FROM meetings m JOIN attendance a ON a.meeting_id = m.id "
               f"{join}WHERE {clause} GROUP BY m.id)")
        rows, pairs = self._conn().execute(sql, params).fetchone()
        return NetworkSize(int(rows), int(pairs))

    def attendance_incidence(self, f: NetworkFilter) -> Incidence:
        """What attendance_rows gives, as columns (graph/store/incidence.py).

        No join per attendance: the meetings in scope are read once (an index range),
        their attendance through the (meeting_id, institution_id) index, or the whole
        table in one scan for an unfiltered network. A large scope whose ids all have
        the derived form comes back as two strings SQLite concatenates (`_digest_read`);
        otherwise ids become integers in Python, a chunk at a time. Names and types are
        read once per institution.
        """
        where, params = self._meeting_where(
            MeetingFilter(region_code=f.region_code, window=f.window, program_id=f.program_id))
        clause = " AND ".join(where) or "1"
        cur = self._conn().cursor()
        cur.row_factory = None
        meetings = cur.execute(f"SELECT m.id, m.date, m.region_code FROM meetings m "
                               f"WHERE {clause}", params).fetchall()
        if len(meetings) >= DIGEST_READ_MEETINGS:
            fast = self._digest_read(cur, f, where, params, meetings)
            if fast is not None:
                return fast
        return self._incidence_by_rows(cur, f, where, params, meetings)

    def _digest_read(self, cur: sqlite3.Cursor, f: NetworkFilter, where: list[str],
                     params: list[Any], meetings: list[Any]) -> Incidence | None:
        """The incidence from two strings, every attendance's meeting and institution
        ids written one after the other (group_concat in SQLite, one pass over the
        covering index), decoded by numpy (incidence.digest_keys): no Python object per
        attendance. None, for the row path, when some id in the tables is not derived."""
        prefixes = ("mtg_", "ins_")
        for table, prefix in zip(("meetings", "institutions"), prefixes, strict=True):
            (odd,) = cur.execute(f"SELECT EXISTS (SELECT 1 FROM {table} WHERE id NOT GLOB ?)",
                                 (digest_glob(prefix),)).fetchone()
            if odd:
                return None
        source = (f"meetings m JOIN attendance a ON a.meeting_id = m.id WHERE "
                  f"{' AND '.join(where)}" if where else "attendance a")
        count, m_joined, i_joined = cur.execute(
            f"SELECT count(*), group_concat(a.meeting_id, ''), group_concat(a.institution_id, "
            f"'') FROM {source}", params).fetchone()
        m_keys = digest_keys(m_joined or "", count, prefixes[0])
        i_keys = digest_keys(i_joined or "", count, prefixes[1])
        del m_joined, i_joined
        if m_keys is None or i_keys is None:
            return None
        attended = None if not where else np.unique(i_keys)
        if attended is None or len(attended) > 20 * _CHUNK:  # most of the table: one scan
            rows = cur.execute("SELECT id, name, type, region_code FROM institutions"
                               ).fetchall()
        else:
            ids = [f"{prefixes[1]}{k:0{DIGEST_HEX}x}" for k in attended.tolist()]
            rows = [r for part in _chunks(ids) for r in cur.execute(
                "SELECT id, name, type, region_code FROM institutions "
                f"WHERE id IN ({_marks(len(part))})", part).fetchall()]
        if f.types:
            types = set(f.types)
            rows = [r for r in rows if r[2] in types]
        return Incidence.from_digests(m_keys, i_keys, _dated(meetings), prefixes, rows,
                                      [m[2] for m in meetings])

    def _incidence_by_rows(self, cur: sqlite3.Cursor, f: NetworkFilter, where: list[str],
                           params: list[Any], meetings: list[Any]) -> Incidence:
        clause = " AND ".join(where) or "1"
        m_index = {mid: k for k, (mid, *_) in enumerate(meetings)}
        if where:
            cur.execute("SELECT a.meeting_id, a.institution_id FROM meetings m "
                        f"JOIN attendance a ON a.meeting_id = m.id WHERE {clause}", params)
        else:
            cur.execute("SELECT meeting_id, institution_id FROM attendance")
        i_index: dict[str, int] = {}
        mk: list[Any] = []
        ik: list[Any] = []
        while chunk := cur.fetchmany(200_000):
            mk.append(np.fromiter((m_index.get(m, -1) for m, _ in chunk), np.int64, len(chunk)))
            ik.append(np.fromiter((i_index.setdefault(i, len(i_index)) for _, i in chunk),
                                  np.int64, len(chunk)))
        if not mk:
            return Incidence.empty()
        m_keys, i_keys = np.concatenate(mk), np.concatenate(ik)
        wanted = list(i_index)
        rows = (cur.execute("SELECT id, name, type, region_code FROM institutions")
                if len(wanted) > 20 * _CHUNK else
                (r for part in _chunks(wanted) for r in cur.execute(
                    "SELECT id, name, type, region_code FROM institutions "
                    f"WHERE id IN ({_marks(len(part))})", part).fetchall()))
        types = set(f.types)
        institutions = {i_index[r[0]]: (r[0], r[1], r[2], r[3]) for r in rows
                        if r[0] in i_index and (not types or r[2] in types)}
        known = np.zeros(len(i_index), dtype=bool)
        known[np.fromiter(institutions, np.int64, len(institutions))] = True
        keep = (m_keys >= 0) & known[i_keys]
        return Incidence.from_keys(
            m_keys[keep], i_keys[keep],
            dict(enumerate(_dated(meetings))), institutions,
            {k: m[2] for k, m in enumerate(meetings)})

    # -- persisted analytics results (graph/analytics/results.py) ---------------
    def get_result(self, key: str) -> bytes | None:
        self._results_table()
        row = self._conn().execute("SELECT payload FROM analytics_results WHERE key = ?",
                                   (key,)).fetchone()
        return bytes(row[0]) if row else None

    def put_result(self, key: str, payload: bytes) -> None:
        """Not graph data: stored outside a versioned write, so the version stays."""
        self._results_table()
        self._conn().execute("INSERT OR REPLACE INTO analytics_results (key, payload) "
                             "VALUES (?, ?)", (key, payload))

    def projection_home(self) -> tuple[Path, str] | None:
        """Where large projections are saved (graph/analytics/persist.py): a directory
        beside the file, and this store's identity; None in memory or without one."""
        if self.path == ":memory:":
            return None
        rows = self._rows("SELECT value FROM meta WHERE key = 'uid'")
        return (Path(self.path + ".projections"), str(rows[0][0])) if rows else None

    def _results_table(self) -> None:
        self._conn().execute("CREATE TABLE IF NOT EXISTS analytics_results "
                             "(key TEXT PRIMARY KEY, payload BLOB NOT NULL)")

    # -- whole-store copy -----------------------------------------------------
    def _scan(self, table: str, keys: tuple[str, ...], size: int) -> Iterator[list[sqlite3.Row]]:
        """Every row of a table in key order, `size` at a time (keyset, not OFFSET)."""
        cols = ", ".join(keys)
        after: tuple[Any, ...] | None = None
        while True:
            where = f"WHERE ({cols}) > ({_marks(len(keys))})" if after else ""
            rows = self._rows(f"SELECT * FROM {table} {where} ORDER BY {cols} LIMIT ?",
                              [*(after or ()), size])
            if not rows:
                return
            yield rows
            after = tuple(rows[-1][k] for k in keys)

    def dump(self, size: int = 10_000) -> Iterator[Batch]:
        for rows in self._scan("regions", ("code",), size):
            yield Batch(regions=[_region(r) for r in rows])
        for rows in self._scan("institutions", ("id",), size):
            yield Batch(institutions=[_institution(r) for r in rows])
        for rows in self._scan("meetings", ("id",), size):
            yield Batch(meetings=[_meeting(r) for r in rows])
        for rows in self._scan("programs", ("id",), size):
            yield Batch(programs=[_program(r) for r in rows])
        for rows in self._scan("measurements", ("id",), size):
            yield Batch(measurements=[_measurement(r) for r in rows])
        for rows in self._scan("sources", ("id",), size):
            yield Batch(sources=[Source(r["id"], r["title"], r["file"], r["url"],
                                        _date(r["published"])) for r in rows])
        for rows in self._scan("attendance", ("institution_id", "meeting_id"), size):
            yield Batch(attendance=[Attendance(r["meeting_id"], r["institution_id"],
                                               _roles(r["roles"])) for r in rows])
        for rows in self._scan("meeting_programs", ("meeting_id", "program_id"), size):
            yield Batch(meeting_programs=[(r["meeting_id"], r["program_id"]) for r in rows])
        for rows in self._scan("program_links", ("program_id", "institution_id", "relation"),
                               size):
            yield Batch(program_links=[ProgramLink(r["program_id"], r["institution_id"],
                                                   r["relation"]) for r in rows])
        for rows in self._scan("program_regions", ("program_id", "region_code"), size):
            yield Batch(program_regions=[(r["program_id"], r["region_code"]) for r in rows])
        for rows in self._scan("citations", ("subject_id", "source_id", "start"), size):
            yield Batch(citations=[Citation(
                r["subject_id"], r["source_id"], None if r["start"] < 0 else r["start"],
                None if r["end"] < 0 else r["end"], r["excerpt"]) for r in rows])
        for rows in self._scan("aliases", ("old_id",), size):
            yield Batch(aliases=[(r["old_id"], r["new_id"]) for r in rows])

    # -- bookkeeping --------------------------------------------------------
    def version(self) -> int:
        return int(self._rows("SELECT value FROM meta WHERE key = 'version'")[0][0])

    def stats(self) -> dict[str, int]:
        tables = ["regions", "institutions", "meetings", "programs", "measurements", "sources",
                  "attendance", "meeting_programs", "program_links", "citations"]
        sql = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM {t}" for t in tables)
        return {r[0]: int(r[1]) for r in self._rows(sql)}
