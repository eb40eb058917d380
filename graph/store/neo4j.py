"""The Neo4j store: the production backend, on the official Python driver.

Every read the API makes is one parameterised Cypher query answered inside
Neo4j (filters, keyset pages, counts, collaborators), never a pull of the
whole graph. Writes are one managed transaction per Batch, rows sent with
UNWIND in chunks; the driver retries transient errors. No Cypher is built from
user data: dynamic parts of a query are chosen from fixed fragments here.

Graph shape: (Institution)-[:ATTENDED {roles}]->(Meeting)-[:HELD_IN]->(Region),
(Institution)-[:LOCATED_IN]->(Region)-[:PART_OF]->(Region), (Meeting)-[:DISCUSSED]->
(Program), (Institution)-[:RUNS|SUPPORTS]->(Program)-[:ACTIVE_IN]->(Region),
(Measurement)-[:MEASURED_IN]->(Region), (Citation {subject_id})-[:FROM]->(Source).
Region codes are also kept as properties, so "this region and below" is an
index-backed STARTS WITH.
"""

from __future__ import annotations

import contextlib
import functools
import uuid
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Concatenate, NamedTuple, ParamSpec, TypeVar

import numpy as np
from neo4j import Driver, GraphDatabase, ManagedTransaction, RoutingControl
from neo4j.exceptions import AuthError, ConstraintError, ServiceUnavailable

from graph.ids import normalise_name, search_key
from graph.model import (
    NATIONAL_CODE,
    ROLES,
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
)
from graph.settings import settings
from graph.store.aliasing import collapse_attendance, institution_refs, rewrite
from graph.store.base import (
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
from graph.store.faults import (
    StoreAuth,
    WriteOutcomeUnknown,
    raise_write_fault,
    still_wanted,
)
from graph.store.incidence import Incidence, int_columns
from graph.store.integrity import check_merge, edge_refs, refuse_dangling
from graph.store.scopes import changed_since, expand, named_regions, recorded
from graph.weights import newman_expression

_CHUNK = 5000  # rows per UNWIND statement
R = TypeVar("R")
P = ParamSpec("P")


class _Stmt(NamedTuple):
    query: str
    params: dict[str, Any]


# the properties of an Institution node the API type shows, as a map projection
_SHOWN = "{.id, .name, .type, .level, .region_code}"

def _stmt(query: str, **params: Any) -> _Stmt:
    return _Stmt(query, params)


@functools.lru_cache(maxsize=512)
def collected(query: str) -> tuple[str, tuple[str, ...]]:
    """`query` answering in one record: its rows collected into one list.

    The driver's cost is per record (a Record built, and on the async driver two
    awaited socket reads of each message's chunks); one record of n rows costs one
    message. The rows keep the subquery's order (collect keeps the order rows arrive
    in). Returns the wrapped query and the columns of the original RETURN."""
    start = 0
    for i, depth in _top_level(query):
        if depth == 0 and query.startswith("RETURN ", i) and (i == 0 or query[i - 1] == " "):
            start = i + len("RETURN ")  # the last top-level RETURN
    tail, columns, cut = query[start:], [], 0
    for i, depth in _top_level(tail):
        if depth == 0 and tail.startswith((" ORDER BY ", " LIMIT ", " SKIP "), i):
            break
        if depth == 0 and tail[i] == ",":
            columns.append(tail[cut:i])
            cut = i + 1
    else:
        i = len(tail)
    columns.append(tail[cut:i])
    names = tuple(c.rsplit(" AS ", 1)[-1].strip() for c in columns)
    return (f"CALL () {{ {query} }} RETURN collect([{', '.join(names)}]) AS rows_", names)


def _top_level(text: str) -> Iterator[tuple[int, int]]:
    """(index, bracket depth) of each character of a Cypher text."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in ")}]":
            depth -= 1
        yield i, depth
        if ch in "({[":
            depth += 1


def rows_of(records: list[Any], names: tuple[str, ...]) -> list[dict[str, Any]]:
    """A collected answer as rows, each a dict by column (what a Record would give)."""
    return [dict(zip(names, row, strict=True)) for row in records[0]["rows_"]]


# A read written once for both drivers: a generator that yields its statements, is sent
# each one's records, and returns the answer. The sync driver runs it for the CLI, the
# loaders and analytics (`_drive`); the async driver (neo4j_async.py) for the API, so
# concurrent requests wait on Neo4j without holding a thread each.
Reads = Generator[_Stmt, list[Any], R]
READS: dict[str, Callable[..., Reads[Any]]] = {}


def _reads(fn: Callable[Concatenate[Neo4jStore, P], Reads[R]]
           ) -> Callable[Concatenate[Neo4jStore, P], R]:
    """The read as a plain method on the sync driver; its generator kept in READS."""
    READS[fn.__name__] = fn

    def run(self: Neo4jStore, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return self._drive(fn(self, *args, **kwargs))

    run.__name__, run.__qualname__, run.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    return run
_VERSION = "MATCH (m:Meta {key: 'graph'}) RETURN m.version AS v"

SCHEMA = [
    "CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE",
    "CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT program_id IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT measurement_id IF NOT EXISTS FOR (n:Measurement) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT citation_key IF NOT EXISTS FOR (n:Citation) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT alias_old IF NOT EXISTS FOR (n:Alias) REQUIRE n.old_id IS UNIQUE",
    "CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT scope_code IF NOT EXISTS FOR (n:ScopeVersion) REQUIRE n.code IS UNIQUE",
    "CREATE CONSTRAINT change_code IF NOT EXISTS FOR (n:ScopeChange) REQUIRE n.code IS UNIQUE",
    "CREATE INDEX change_version IF NOT EXISTS FOR (n:ScopeChange) ON (n.version)",
    "CREATE INDEX institution_name IF NOT EXISTS FOR (n:Institution) ON (n.name_norm, n.id)",
    "CREATE INDEX institution_type IF NOT EXISTS FOR (n:Institution) ON (n.type)",
    "CREATE INDEX institution_region IF NOT EXISTS FOR (n:Institution) ON (n.region_code)",
    "CREATE TEXT INDEX institution_name_text IF NOT EXISTS FOR (n:Institution) ON (n.name_norm)",
    "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
    "CREATE INDEX meeting_title IF NOT EXISTS FOR (n:Meeting) ON (n.title)",
    "CREATE INDEX meeting_region IF NOT EXISTS FOR (n:Meeting) ON (n.region_code)",
    "CREATE INDEX program_name IF NOT EXISTS FOR (n:Program) ON (n.name_norm)",
    "CREATE INDEX region_parent IF NOT EXISTS FOR (n:Region) ON (n.parent_code)",
    "CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level)",
    "CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name_norm)",
    "CREATE INDEX measurement_region IF NOT EXISTS FOR (n:Measurement) ON (n.region_code)",
    "CREATE INDEX citation_subject IF NOT EXISTS FOR (n:Citation) ON (n.subject_id)",
]

# label, key property, node kind in WriteResult
_NODES = {
    "regions": ("Region", "code"),
    "institutions": ("Institution", "id"),
    "meetings": ("Meeting", "id"),
    "programs": ("Program", "id"),
    "measurements": ("Measurement", "id"),
    "sources": ("Source", "id"),
}

# One MERGE per node kind, then the edge to its region (old edge replaced).
_UPSERT = {
    "regions": """
        UNWIND $rows AS row MERGE (n:Region {code: row.code}) SET n = row
        WITH n, row OPTIONAL MATCH (n)-[old:PART_OF]->() DELETE old
        WITH n, row MATCH (p:Region {code: row.parent_code}) MERGE (n)-[:PART_OF]->(p)""",
    "institutions": """
        UNWIND $rows AS row MERGE (n:Institution {id: row.id}) SET n = row
        WITH n, row OPTIONAL MATCH (n)-[old:LOCATED_IN]->() DELETE old
        WITH n, row MATCH (r:Region {code: row.region_code}) MERGE (n)-[:LOCATED_IN]->(r)""",
    "meetings": """
        UNWIND $rows AS row MERGE (n:Meeting {id: row.id}) SET n = row
        WITH n, row OPTIONAL MATCH (n)-[old:HELD_IN]->() DELETE old
        WITH n, row MATCH (r:Region {code: row.region_code}) MERGE (n)-[:HELD_IN]->(r)""",
    "programs": "UNWIND $rows AS row MERGE (n:Program {id: row.id}) SET n = row",
    "measurements": """
        UNWIND $rows AS row MERGE (n:Measurement {id: row.id}) SET n = row
        WITH n, row OPTIONAL MATCH (n)-[old:MEASURED_IN]->() DELETE old
        WITH n, row MATCH (r:Region {code: row.region_code}) MERGE (n)-[:MEASURED_IN]->(r)""",
    "sources": "UNWIND $rows AS row MERGE (n:Source {id: row.id}) SET n = row",
}

# Region rows also fix up PART_OF edges of children written before their parent.
_LINK_CHILD_REGIONS = """
    UNWIND $codes AS code MATCH (p:Region {code: code})
    MATCH (c:Region {parent_code: code}) WHERE NOT (c)-[:PART_OF]->(p)
    MERGE (c)-[:PART_OF]->(p)"""

_SORT_COLUMNS = {
    "Institution": {"name": "n.name_norm", "id": "n.id"},
    "Meeting": {"date": "n.date", "title": "n.title"},
    "Program": {"name": "n.name_norm"},
    "Region": {"code": "n.code", "name": "n.name_norm"},
}


def _chunks(rows: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _institution(n: Any) -> Institution:
    return Institution(n["id"], n["name"], n["type"], n.get("level"), n.get("region_code"))


def _attendees(regions: bool) -> str:
    """A subquery per meeting `n`: its attendees as property lists in the Institution's
    field order then roles and region map (lists decode cheaper than maps), as `att`."""
    region = ("OPTIONAL MATCH (i)-[:LOCATED_IN]->(r:Region) "
              "WITH i, a, r {.code, .name, .level, .parent_code} AS r ") if regions \
        else "WITH i, a, null AS r "
    return ("CALL (n) { MATCH (i:Institution)-[a:ATTENDED]->(n) " + region
            + "ORDER BY i.id RETURN collect([i.id, i.name, i.type, i.level, i.region_code, "
            "a.roles, r]) AS att } ")


def _add_attendees(into: AttendanceNodes, meeting_id: str, att: list[Any]) -> None:
    """One meeting's `_attendees` rows into `into` (no key for a meeting without any, as
    `attendance_with_nodes` answers)."""
    if not att:
        return
    rows = into.attendance[meeting_id] = []
    for *i, roles, r in att:
        rows.append(Attendance(meeting_id, i[0], tuple(roles)))
        if i[0] not in into.institutions:
            into.institutions[i[0]] = Institution(*i)
        if r is not None and r["code"] not in into.regions:
            into.regions[r["code"]] = _region(r)


def _meeting(n: Any) -> Meeting:
    return Meeting(n["id"], n["title"], _native(n["date"]), n.get("start_time"),
                   n.get("end_time"), n.get("venue"), n.get("level"), n.get("region_code"))


def _program(n: Any) -> Program:
    return Program(n["id"], n["name"], tuple(n.get("aliases") or ()), n.get("description"))


def _region(n: Any) -> Region:
    return Region(n["code"], n["name"], n["level"], n.get("parent_code"))


def _measurement(n: Any) -> Measurement:
    return Measurement(n["id"], n["what"], float(n["value"]), n["unit"], n.get("period"),
                       n.get("region_code"), n.get("note"))


def _source(n: Any) -> Source:
    return Source(n["id"], n["title"], n.get("file"), n.get("url"), _native(n.get("published")))


def _rows(batch: Batch) -> dict[str, list[dict[str, Any]]]:
    """Node properties per kind. None values are left out: Neo4j stores no nulls."""

    def clean(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if v is not None}

    return {
        "regions": [clean({"code": r.code, "name": r.name, "name_norm": search_key(r.name),
                           "level": r.level, "parent_code": r.parent_code})
                    for r in batch.regions],
        "institutions": [clean({"id": i.id, "name": i.name, "name_norm": search_key(i.name),
                                "type": i.type, "level": i.level,
                                "region_code": i.region_code}) for i in batch.institutions],
        "meetings": [clean({"id": m.id, "title": m.title, "date": m.date,
                            "start_time": m.start_time, "end_time": m.end_time,
                            "venue": m.venue, "level": m.level, "region_code": m.region_code})
                     for m in batch.meetings],
        "programs": [clean({"id": p.id, "name": p.name, "name_norm": search_key(p.name),
                            "aliases": list(p.aliases), "description": p.description,
                            "alias_keys": [normalise_name(a) for a in p.aliases]})
                     for p in batch.programs],
        "measurements": [clean({"id": m.id, "what": m.what, "value": m.value, "unit": m.unit,
                                "period": m.period, "region_code": m.region_code,
                                "note": m.note}) for m in batch.measurements],
        "sources": [clean({"id": s.id, "title": s.title, "file": s.file, "url": s.url,
                           "published": s.published}) for s in batch.sources],
    }


_WARM = "~warm-up"  # ids no loader or mutation makes (graph/ids.py ids are kind_hex)


class _RolledBack(Exception):
    """Ends warm_writes' transaction without committing it."""


class _Query:
    """A WHERE clause assembled from fixed fragments, with its parameters."""

    def __init__(self) -> None:
        self.where: list[str] = []
        self.params: dict[str, Any] = {}

    def add(self, clause: str, **params: Any) -> None:
        self.where.append(clause)
        self.params.update(params)

    def region(self, prop: str, code: str | None, name: str = "region") -> None:
        if code is None or code == NATIONAL_CODE:
            return
        low, _ = region_prefix_bounds(code)
        self.add(f"({prop} = ${name} OR {prop} STARTS WITH ${name}_below)",
                 **{name: code, f"{name}_below": low})

    def window(self, prop: str, window: Window) -> None:
        if window.start:
            self.add(f"{prop} >= $start", start=window.start)
        if window.end:
            self.add(f"{prop} <= $end", end=window.end)

    def clause(self) -> str:
        return ("WHERE " + " AND ".join(self.where)) if self.where else ""


class Neo4jStore:
    """Store on a Neo4j 5 server reached over Bolt."""

    def __init__(self, uri: str, auth: tuple[str, str] | None = None,
                 database: str = "neo4j", timeout: float | None = None) -> None:
        self.uri = uri
        self.database = database
        self.auth = auth  # analytics workers open their own store (graph/analytics/jobs.py)
        # Bounds on an unreachable server, so a request answers STORE_UNAVAILABLE within
        # the budget instead of after the driver's 30 s of retries (a stopped server
        # refuses connections at once). The driver sleeps ~1 s, then ~2 s, ... between
        # attempts and only checks its retry time before each sleep, so budget/4 means
        # one retry of a transient error after ~1 s (budget/2 let a write sleep 1 + 2 s
        # and answer after 3 s). The connect deadline also covers Bolt's handshake, which
        # a cold server on a busy machine can take seconds to answer, so it is never
        # below 5 s; reads are bounded by the API's own timer (api/context.py).
        budget = settings().store_timeout if timeout is None else timeout
        # Notifications off: "property does not exist yet" warnings on an empty
        # graph are expected and would flood the logs.
        # The same options serve the async driver of the API's reads (neo4j_async.py).
        self.driver_options: dict[str, Any] = dict(
            auth=auth, notifications_min_severity="OFF",
            connection_timeout=max(budget, 5.0),
            connection_acquisition_timeout=max(budget, 5.0),
            max_transaction_retry_time=budget / 4,
            # A pooled connection idle this long is RESET before use: after Neo4j
            # restarts, dead ones are dropped at acquisition instead of failing a query.
            liveness_check_timeout=1.0)
        self._driver: Driver = GraphDatabase.driver(uri, **self.driver_options)
        try:
            self._driver.verify_connectivity()
            for statement in SCHEMA:
                self._driver.execute_query(statement, database_=database)
            # the changed regions are recorded from this version on (a database from
            # before them: from now; changed_regions before that cannot tell)
            self._driver.execute_query(
                "MERGE (m:Meta {key: 'graph'}) ON CREATE SET m.version = 0 "
                "SET m.changes_since = coalesce(m.changes_since, m.version)",
                database_=database)
        except AuthError as exc:
            self._driver.close()
            raise StoreAuth(f"{uri}: Neo4j refused the credentials (NEO4J_USER, "
                            "NEO4J_PASSWORD)") from exc
        except ServiceUnavailable as exc:
            self._driver.close()
            raise StoreError(f"{uri}: no Neo4j answers there ({exc})") from exc

    @classmethod
    def from_env(cls, uri: str) -> Neo4jStore:
        env = settings()
        auth = (env.neo4j_user or "neo4j", env.neo4j_password) if env.neo4j_password else None
        return cls(uri, auth, env.neo4j_database)

    def close(self) -> None:
        self._driver.close()
        from graph.store.neo4j_async import close_async

        close_async(self)

    # -- plumbing -------------------------------------------------------------
    def _read(self, query: str, **params: Any) -> list[Any]:
        # No bookmark manager: one server, and writes go through their own sessions, so
        # the bookkeeping per read buys no consistency here.
        records, _, _ = self._driver.execute_query(
            query, params, database_=self.database, routing_=RoutingControl.READ,
            bookmark_manager_=None)
        return records

    def _drive(self, reads: Reads[R]) -> R:
        """Run a read's statements one after another on the sync driver."""
        try:
            stmt = next(reads)
            while True:
                query, names = collected(stmt.query)
                stmt = reads.send(rows_of(self._read(query, **stmt.params), names))
        except StopIteration as done:
            result: R = done.value
            return result

    @property
    def async_reads(self) -> frozenset[str]:
        """The reads `aread` answers on the async driver (the API's read path)."""
        return frozenset(READS)

    async def aread(self, name: str, *args: Any) -> Any:
        """READS[name] on the async driver of the running event loop."""
        from graph.store.neo4j_async import run_async

        return await run_async(self, READS[name](self, *args))

    # -- writes -----------------------------------------------------------------
    def _execute_write(self, work: Callable[..., R], *args: Any) -> R:
        """`work` as a write transaction, its failure said as a write's: nothing written,
        or (once the commit was sent) the outcome unknown (faults.write_fault).

        The driver retries a transaction whose commit failed with a retryable error;
        IncompleteCommit (the connection lost with the commit's answer outstanding) is not
        one, but DatabaseUnavailable is, and a stopping Neo4j answers it to commits it
        made (measured). A second run would then apply the write again (a create would
        answer CONFLICT about its own node), so after a sent commit there is none: the
        write answers WRITE_OUTCOME_UNKNOWN."""
        sent = False

        def attempt(tx: ManagedTransaction, *a: Any) -> R:
            nonlocal sent
            if sent:  # the driver's retry of a commit that failed: it may have landed
                raise WriteOutcomeUnknown(
                    f"{self.uri}: the store failed after the write's commit was sent; "
                    "the write may or may not be stored")
            result = work(tx, *a)
            sent = True  # the driver sends the commit next
            return result

        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(attempt, *args)
        except Exception as exc:
            raise_write_fault(exc, self.uri, sent)

    def write(self, batch: Batch) -> WriteResult:
        return self._execute_write(self._write_tx, batch)

    def bulk_write(self, batches: Iterable[Batch]) -> WriteResult:
        """Many batches in one transaction, CREATE where nothing can exist yet
        (neo4j_bulk.py)."""
        from graph.store.neo4j_bulk import bulk_write

        return bulk_write(self, batches)

    def create(self, batch: Batch, kind: str, id_: str) -> WriteResult:
        try:
            result = self._execute_write(self._create_tx, batch, kind, id_)
        except ConstraintError as exc:  # a racing create won between our MERGE and commit
            raise Conflict(f"already exists as {id_}", id_) from exc
        return result

    def _create_tx(self, tx: ManagedTransaction, batch: Batch, kind: str,
                   id_: str) -> WriteResult:
        self._claim(tx, kind, id_)
        result = self._write_tx(tx, batch)
        # The claimed node counted as already there; it is the one this create made.
        result.created[kind] = result.created.get(kind, 0) + 1
        result.updated[kind] = result.updated.get(kind, 0) - 1
        return result

    @staticmethod
    def _claim(tx: ManagedTransaction, kind: str, id_: str) -> None:
        """MERGE on the uniquely constrained key: Neo4j locks the key, so of concurrent
        claims one creates the node (and marks it with a token) and the rest match it once
        that one commits. The write that follows replaces every property, token included."""
        if kind == "institutions":
            alias = tx.run("MATCH (a:Alias {old_id: $id}) RETURN a.new_id AS new",
                           id=id_).single()
            if alias is not None:
                raise Conflict(f"already exists as {alias['new']} (merged from {id_})",
                               alias["new"])
        label, key = _NODES[kind]
        token = uuid.uuid4().hex
        record = tx.run(f"MERGE (n:{label} {{{key}: $id}}) ON CREATE SET n.claim_ = $token "
                        "RETURN n.claim_ = $token AS mine", id=id_, token=token).single()
        if record is None or record["mine"] is not True:
            raise Conflict(f"already exists as {id_}", id_)

    def _write_tx(self, tx: ManagedTransaction, batch: Batch) -> WriteResult:
        still_wanted()
        refs = sorted(institution_refs(batch))
        alias = {r["old"]: r["new"] for r in tx.run(
            "UNWIND $ids AS id MATCH (a:Alias {old_id: id}) RETURN a.old_id AS old, "
            "a.new_id AS new", ids=refs)} if refs else {}
        batch = rewrite(batch, alias)
        touched = named_regions(batch, lambda ids: self._meeting_regions(tx, ids),
                                lambda ids: self._institution_regions(tx, ids))
        for kind, wanted in edge_refs(batch).items():
            label, key = _NODES[kind]
            stored = {r["k"] for r in tx.run(
                f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) RETURN k", keys=list(wanted))}
            refuse_dangling(kind, wanted, stored)
        created: dict[str, int] = {}
        updated: dict[str, int] = {}
        for kind, rows in _rows(batch).items():
            if not rows:
                continue
            label, key = _NODES[kind]
            keys = list(dict.fromkeys(r[key] for r in rows))
            found = tx.run(f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) RETURN count(n) AS c",
                           keys=keys).single()
            existing = int(found["c"]) if found else 0
            created[kind] = len(keys) - existing
            updated[kind] = existing
            for part in _chunks(rows):
                still_wanted()
                tx.run(_UPSERT[kind], rows=list(part))
        if batch.regions:
            tx.run(_LINK_CHILD_REGIONS, codes=[r.code for r in batch.regions])
        self._write_relationships(tx, batch)
        still_wanted()
        version = self._stamp(tx, touched)
        still_wanted()  # the last moment a refusal can still roll the write back
        return WriteResult(created, updated, version)

    # -- per-region versions (graph/store/scopes.py) ------------------------------
    @staticmethod
    def _stamp(tx: ManagedTransaction, named: set[str | None]) -> int:
        """Bump the graph version, stamp the regions `named` (scopes.named_regions) and
        their ancestors with it and record `named` as changed at it (changed_regions),
        in the write's transaction. Every version bump is made here."""
        record = tx.run("MATCH (m:Meta {key: 'graph'}) SET m.version = m.version + 1 "
                        "RETURN m.version AS v").single()
        version = int(record["v"]) if record else 0
        for label, codes in (("ScopeVersion", expand(named)), ("ScopeChange", recorded(named))):
            if codes:
                tx.run(f"UNWIND $codes AS c MERGE (s:{label} {{code: c}}) SET s.version = $v",
                       codes=sorted(codes), v=version)
        return version

    @staticmethod
    def _meeting_regions(tx: ManagedTransaction, ids: set[str]) -> set[str | None]:
        return {r["r"] for r in tx.run("UNWIND $ids AS id MATCH (m:Meeting {id: id}) "
                                       "RETURN DISTINCT m.region_code AS r", ids=sorted(ids))}

    @staticmethod
    def _institution_regions(tx: ManagedTransaction, ids: set[str]) -> set[str | None]:
        """The stored regions of these institutions and of every meeting they attended."""
        out: set[str | None] = set()
        for r in tx.run("UNWIND $ids AS id MATCH (i:Institution {id: id}) "
                        "OPTIONAL MATCH (i)-[:ATTENDED]->(m:Meeting) "
                        "RETURN i.region_code AS own, collect(DISTINCT m.region_code) AS met",
                        ids=sorted(ids)):
            out.add(r["own"])
            out.update(r["met"])
        return out

    def projection_home(self) -> tuple[Path, str] | None:
        """Where large projections of this database are saved (graph/analytics/persist.py):
        TPPS_PROJECTION_DIR on this machine, under the database's identity, a random id
        kept on its Meta node (given the first time it is asked), so a database emptied
        and filled again never meets the projections of the old one. None when the
        setting is empty. Read each time, not kept: a database can be emptied under a
        running store."""
        where = settings().projection_dir
        if not where:
            return None
        records, _, _ = self._driver.execute_query(
            "MERGE (m:Meta {key: 'graph'}) ON CREATE SET m.version = 0 "
            "SET m.uid = coalesce(m.uid, $uid) RETURN m.uid AS uid",
            uid=uuid.uuid4().hex, database_=self.database)
        uid = str(records[0]["uid"])
        return Path(where) / f"neo4j-{uid}", uid

    @_reads
    def scope_version(self, code: str | None) -> Reads[int]:
        if not code:
            found = yield _stmt(_VERSION)
            return int(found[0]["v"])
        found = (yield _stmt("MATCH (s:ScopeVersion {code: $code}) RETURN s.version AS v",
                           code=code))
        return int(found[0]["v"]) if found else 0

    @_reads
    def changed_regions(self, since: int) -> Reads[set[str] | None]:
        found = yield _stmt("MATCH (m:Meta {key: 'graph'}) OPTIONAL MATCH (s:ScopeChange) "
                            "WHERE s.version > $since RETURN m.version AS v, "
                            "m.changes_since AS known, collect(s.code) AS codes", since=since)
        if not found:
            return None
        row = found[0]
        known = row["known"]
        return changed_since(row["codes"], since, None if known is None else int(known),
                             int(row["v"]))

    def _write_relationships(self, tx: ManagedTransaction, batch: Batch) -> None:
        if batch.replace_attendance:
            tx.run("UNWIND $ids AS id MATCH (:Meeting {id: id})<-[a:ATTENDED]-() DELETE a",
                   ids=sorted(batch.replace_attendance))
        if batch.replace_meeting_programs:
            tx.run("UNWIND $ids AS id MATCH (:Meeting {id: id})-[d:DISCUSSED]->() DELETE d",
                   ids=sorted(batch.replace_meeting_programs))
        if batch.attendance:
            self._merge_attendance(tx, collapse_attendance(batch.attendance))
        for part in _chunks(batch.meeting_programs):
            tx.run("UNWIND $rows AS row MATCH (m:Meeting {id: row[0]}), (p:Program {id: row[1]}) "
                   "MERGE (m)-[:DISCUSSED]->(p)", rows=[list(r) for r in part])
        for relation in ("RUNS", "SUPPORTS"):
            rows = [[x.institution_id, x.program_id] for x in batch.program_links
                    if x.relation == relation]
            for part in _chunks(rows):
                tx.run("UNWIND $rows AS row MATCH (i:Institution {id: row[0]}), "
                       f"(p:Program {{id: row[1]}}) MERGE (i)-[:{relation}]->(p)", rows=part)
        for part in _chunks(batch.program_regions):
            tx.run("UNWIND $rows AS row MATCH (p:Program {id: row[0]}), (r:Region {code: row[1]}) "
                   "MERGE (p)-[:ACTIVE_IN]->(r)", rows=[list(r) for r in part])
        for part in _chunks(batch.aliases):
            tx.run("UNWIND $rows AS row MERGE (a:Alias {old_id: row[0]}) SET a.new_id = row[1]",
                   rows=[list(r) for r in part])
        cites = [{"key": f"{c.subject_id}|{c.source_id}|{-1 if c.start is None else c.start}",
                 "subject_id": c.subject_id, "source_id": c.source_id,
                 "start": -1 if c.start is None else c.start,
                 "end": -1 if c.end is None else c.end, "excerpt": c.excerpt}
                 for c in batch.citations]
        for part in _chunks(cites):
            tx.run("UNWIND $rows AS row MERGE (c:Citation {key: row.key}) SET c += row "
                   "WITH c, row MATCH (s:Source {id: row.source_id}) MERGE (c)-[:FROM]->(s)",
                   rows=list(part))

    @staticmethod
    def _merge_attendance(tx: ManagedTransaction,
                          merged: dict[tuple[str, str], tuple[str, ...]]) -> None:
        """MERGE each ATTENDED edge, joining roles with those stored.

        The union is computed in Cypher, in ROLES order, with 'participant'
        dropped beside any other role: the same rule as model.merge_roles, but
        without a read round trip per batch.
        """
        rows = [{"i": i, "m": m, "roles": list(roles)} for (i, m), roles in merged.items()]
        for part in _chunks(rows):
            tx.run("UNWIND $rows AS row MATCH (i:Institution {id: row.i}) "
                   "MATCH (m:Meeting {id: row.m}) MERGE (i)-[a:ATTENDED]->(m) "
                   "WITH a, row, [r IN $order WHERE r IN coalesce(a.roles, []) "
                   "OR r IN row.roles] AS u "
                   "SET a.roles = CASE WHEN size(u) > 1 "
                   "THEN [r IN u WHERE r <> 'participant'] ELSE u END",
                   rows=list(part), order=list(ROLES))

    def merge_institutions(self, keep_id: str, drop_id: str, allow_cross_type: bool = False,
                           allow_cross_region: bool = False) -> int:
        if keep_id == drop_id:
            raise StoreError("cannot merge an institution into itself")
        return self._execute_write(self._merge_tx, keep_id, drop_id, allow_cross_type,
                                   allow_cross_region)

    def _merge_tx(self, tx: ManagedTransaction, keep_id: str, drop_id: str,
                  allow_cross_type: bool, allow_cross_region: bool) -> int:
        found = {r["i"]["id"]: _institution(r["i"]) for r in tx.run(
            "UNWIND $ids AS id MATCH (i:Institution {id: id}) RETURN i",
            ids=[keep_id, drop_id])}
        for missing in (keep_id, drop_id):
            if missing not in found:
                raise NotFound(f"no institution with id {missing!r}")
        check_merge(found[keep_id], found[drop_id], allow_cross_type, allow_cross_region)
        return self._move_tx(tx, keep_id, drop_id)

    def rekey_institution(self, old_id: str, new: Institution) -> None:
        try:
            self._execute_write(self._rekey_tx, old_id, new)
        except ConstraintError as exc:
            raise Conflict(f"already exists as {new.id}", new.id) from exc

    def _rekey_tx(self, tx: ManagedTransaction, old_id: str, new: Institution) -> None:
        if tx.run("MATCH (i:Institution {id: $id}) RETURN i.id", id=old_id).single() is None:
            raise NotFound(f"no institution with id {old_id!r}")
        self._claim(tx, "institutions", new.id)
        self._write_tx(tx, Batch(institutions=[new]))
        self._move_tx(tx, new.id, old_id)

    def _move_tx(self, tx: ManagedTransaction, keep_id: str, drop_id: str) -> int:
        """Move every relationship of `drop_id` to `keep_id`, inside the caller's transaction."""
        touched = self._institution_regions(tx, {keep_id, drop_id})
        rows = list(tx.run("MATCH (:Institution {id: $drop})-[a:ATTENDED]->(m:Meeting) "
                           "WITH a, m.id AS m, a.roles AS roles DELETE a RETURN m, roles",
                           drop=drop_id))
        moved = [Attendance(r["m"], keep_id, tuple(r["roles"])) for r in rows]
        if moved:
            self._merge_attendance(tx, collapse_attendance(moved))
        for relation in ("RUNS", "SUPPORTS"):
            tx.run(f"MATCH (d:Institution {{id: $drop}})-[r:{relation}]->(p:Program) "
                   f"MATCH (k:Institution {{id: $keep}}) MERGE (k)-[:{relation}]->(p) DELETE r",
                   drop=drop_id, keep=keep_id)
        suffix = ":" + drop_id
        cites = list(tx.run(
            "MATCH (c:Citation) WHERE c.subject_id = $drop OR "
            "(c.subject_id STARTS WITH 'att:' AND c.subject_id ENDS WITH $suffix) "
            "RETURN c.key AS key, c.subject_id AS subject", drop=drop_id, suffix=suffix))
        for c in cites:
            old = c["subject"]
            subject = keep_id if old == drop_id else old[: -len(drop_id)] + keep_id
            new_key = subject + c["key"][len(c["subject"]):]
            tx.run("MATCH (c:Citation {key: $old}) "
                   "OPTIONAL MATCH (twin:Citation {key: $new}) "
                   "CALL (c, twin) { WITH c, twin WHERE twin IS NOT NULL DETACH DELETE c } "
                   "WITH c, twin WHERE twin IS NULL SET c.key = $new, c.subject_id = $subject",
                   old=c["key"], new=new_key, subject=subject)
        tx.run("MATCH (a:Alias {new_id: $drop}) SET a.new_id = $keep", drop=drop_id, keep=keep_id)
        tx.run("MERGE (a:Alias {old_id: $drop}) SET a.new_id = $keep", drop=drop_id, keep=keep_id)
        tx.run("MATCH (i:Institution {id: $drop}) DETACH DELETE i", drop=drop_id)
        self._stamp(tx, touched)
        return len(rows)

    # -- nodes by id ------------------------------------------------------------
    @staticmethod
    def _by_key(label: str, key: str, values: Iterable[str]) -> Reads[list[Any]]:
        wanted = list(dict.fromkeys(values))
        if not wanted:
            return []
        found = yield _Stmt(
            f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) RETURN n {{.*}} AS n",
            {"keys": wanted})
        return [r["n"] for r in found]

    @_reads
    def regions(self, codes: Iterable[str]) -> Reads[dict[str, Region]]:
        found = yield from self._by_key("Region", "code", codes)
        return {n["code"]: _region(n) for n in found}

    @_reads
    def institutions(self, ids: Iterable[str]) -> Reads[dict[str, Institution]]:
        found = yield from self._by_key("Institution", "id", ids)
        return {n["id"]: _institution(n) for n in found}

    @_reads
    def meetings(self, ids: Iterable[str]) -> Reads[dict[str, Meeting]]:
        found = yield from self._by_key("Meeting", "id", ids)
        return {n["id"]: _meeting(n) for n in found}

    @_reads
    def programs(self, ids: Iterable[str]) -> Reads[dict[str, Program]]:
        found = yield from self._by_key("Program", "id", ids)
        return {n["id"]: _program(n) for n in found}

    @_reads
    def measurements(self, ids: Iterable[str]) -> Reads[dict[str, Measurement]]:
        found = yield from self._by_key("Measurement", "id", ids)
        return {n["id"]: _measurement(n) for n in found}

    @_reads
    def sources(self, ids: Iterable[str]) -> Reads[dict[str, Source]]:
        found = yield from self._by_key("Source", "id", ids)
        return {n["id"]: _source(n) for n in found}

    @_reads
    def resolve_aliases(self, ids: Iterable[str]) -> Reads[dict[str, str]]:
        found = yield from self._by_key("Alias", "old_id", ids)
        return {n["old_id"]: n["new_id"] for n in found}

    # -- listings ---------------------------------------------------------------
    @staticmethod
    def _keyset(q: _Query, label: str, page: PageRequest, default: str) -> str:
        column = _SORT_COLUMNS[label][page.sort or default]
        op, direction = ("<", "DESC") if page.descending else (">", "ASC")
        id_col = "n.code" if label == "Region" else "n.id"
        if page.after is not None:
            value, last_id = page.after
            if column == "n.date":
                value = date.fromisoformat(value)
            q.add(f"({column} {op} $after_value OR ({column} = $after_value AND "
                  f"{id_col} {op} $after_id))", after_value=value, after_id=last_id)
        return f"ORDER BY {column} {direction}, {id_col} {direction}"

    def _page(self, match: str, q: _Query, label: str, page: PageRequest,
              default: str, then: str = "") -> Reads[tuple[list[Any], bool]]:
        order = self._keyset(q, label, page, default)
        column = _SORT_COLUMNS[label][page.sort or default]
        # Every node has its sort property; saying so lets the planner walk the
        # index in order instead of sorting the whole label.
        q.add(f"{column} IS NOT NULL")
        # Ordered and cut on the node (index order), then projected to a map.
        # `then` is a subquery per row whose columns come back beside the node's.
        extra = then and ", att"
        records = yield _Stmt(f"{match} {q.clause()} WITH n, {column} AS sort_key {order} "
                              f"LIMIT $limit {then}RETURN n {{.*}} AS n, sort_key{extra}",
                              {"limit": page.first + 1, **q.params})
        return records[: page.first], len(records) > page.first

    @staticmethod
    def _key(record: Any, key: str = "id") -> tuple[Any, str]:
        value = _native(record["sort_key"])
        if isinstance(value, date):
            value = value.isoformat()
        return value, record["n"][key]

    @staticmethod
    def _count(match: str, q: _Query) -> Reads[int]:
        record = yield _Stmt(f"{match} {q.clause()} RETURN count(n) AS c", q.params)
        return int(record[0]["c"])

    @staticmethod
    def _institution_query(f: InstitutionFilter) -> _Query:
        q = _Query()
        if f.types:
            q.add("n.type IN $types", types=list(f.types))
        if f.level:
            q.add("n.level = $level", level=f.level)
        q.region("n.region_code", f.region_code)
        if f.name_contains:
            q.add("n.name_norm CONTAINS $needle", needle=normalise_name(f.name_contains))
        return q

    @_reads
    def find_institutions(self, f: InstitutionFilter, page: PageRequest
                          ) -> Reads[Page[Institution]]:
        rows, more = yield from self._page("MATCH (n:Institution)", self._institution_query(f),
                                           "Institution", page, "name")
        return Page([_institution(r["n"]) for r in rows], [self._key(r) for r in rows], more)

    @_reads
    def count_institutions(self, f: InstitutionFilter) -> Reads[int]:
        return (yield from self._count("MATCH (n:Institution)", self._institution_query(f)))

    @staticmethod
    def _meeting_query(f: MeetingFilter) -> _Query:
        q = _Query()
        q.window("n.date", f.window)
        q.region("n.region_code", f.region_code)
        if f.institution_id:
            q.add("EXISTS { (:Institution {id: $iid})-[:ATTENDED]->(n) }", iid=f.institution_id)
        if f.program_id:
            q.add("EXISTS { (n)-[:DISCUSSED]->(:Program {id: $pid}) }", pid=f.program_id)
        return q

    @_reads
    def find_meetings(self, f: MeetingFilter, page: PageRequest) -> Reads[Page[Meeting]]:
        rows, more = yield from self._page("MATCH (n:Meeting)", self._meeting_query(f),
                                           "Meeting", page, "date")
        return Page([_meeting(r["n"]) for r in rows], [self._key(r) for r in rows], more)

    @_reads
    def find_meetings_with_nodes(self, f: MeetingFilter, page: PageRequest,
                                 regions: bool = False) -> Reads[MeetingPageNodes]:
        """One statement: `find_meetings`'s page with each meeting's attendees, as
        `meetings_of_institutions_with_nodes` reads them."""
        rows, more = yield from self._page("MATCH (n:Meeting)", self._meeting_query(f),
                                           "Meeting", page, "date", _attendees(regions))
        out = MeetingPageNodes(Page([_meeting(r["n"]) for r in rows],
                                    [self._key(r) for r in rows], more))
        for meeting, r in zip(out.page.items, rows, strict=True):
            _add_attendees(out.attendance, meeting.id, r["att"])
        return out

    @_reads
    def count_meetings(self, f: MeetingFilter) -> Reads[int]:
        return (yield from self._count("MATCH (n:Meeting)", self._meeting_query(f)))

    @staticmethod
    def _program_query(f: ProgramFilter) -> _Query:
        q = _Query()
        if f.name_contains:
            # The name or any one alias, each normalised as names are.
            q.add("(n.name_norm CONTAINS $needle OR "
                  "any(a IN coalesce(n.alias_keys, []) WHERE a CONTAINS $needle))",
                  needle=normalise_name(f.name_contains))
        if f.institution_id:
            q.add("EXISTS { (:Institution {id: $iid})-[:RUNS|SUPPORTS]->(n) }",
                  iid=f.institution_id)
        if f.region_code and f.region_code != NATIONAL_CODE:
            low, _ = region_prefix_bounds(f.region_code)
            q.add("EXISTS { (n)-[:ACTIVE_IN]->(r:Region) WHERE r.code = $region OR "
                  "r.code STARTS WITH $region_below }", region=f.region_code, region_below=low)
        return q

    @_reads
    def find_programs(self, f: ProgramFilter, page: PageRequest) -> Reads[Page[Program]]:
        rows, more = yield from self._page("MATCH (n:Program)", self._program_query(f),
                                           "Program", page, "name")
        return Page([_program(r["n"]) for r in rows], [self._key(r) for r in rows], more)

    @_reads
    def count_programs(self, f: ProgramFilter) -> Reads[int]:
        return (yield from self._count("MATCH (n:Program)", self._program_query(f)))

    @staticmethod
    def _region_query(f: RegionFilter) -> _Query:
        q = _Query()
        if f.level:
            q.add("n.level = $level", level=f.level)
        if f.parent_code:
            q.add("n.parent_code = $parent", parent=f.parent_code)
        if f.name_contains:
            q.add("n.name_norm CONTAINS $needle", needle=normalise_name(f.name_contains))
        return q

    @_reads
    def find_regions(self, f: RegionFilter, page: PageRequest) -> Reads[Page[Region]]:
        rows, more = yield from self._page("MATCH (n:Region)", self._region_query(f),
                                           "Region", page, "code")
        return Page([_region(r["n"]) for r in rows], [self._key(r, "code") for r in rows], more)

    @_reads
    def count_regions(self, f: RegionFilter) -> Reads[int]:
        return (yield from self._count("MATCH (n:Region)", self._region_query(f)))

    @_reads
    def find_measurements(self, f: MeasurementFilter, first: int) -> Reads[list[Measurement]]:
        q = _Query()
        q.region("n.region_code", f.region_code)
        if f.what:
            q.add("n.what = $what", what=f.what)
        rows = yield _Stmt(f"MATCH (n:Measurement) {q.clause()} RETURN n {{.*}} AS n "
                           "ORDER BY n.region_code, "
                           "n.what, coalesce(n.period, ''), n.id LIMIT $limit",
                           {"limit": first, **q.params})
        return [_measurement(r["n"]) for r in rows]

    # -- neighbourhoods -----------------------------------------------------------
    @_reads
    def attendance_of_meetings(self, meeting_ids: Iterable[str]
                               ) -> Reads[dict[str, list[Attendance]]]:
        out: dict[str, list[Attendance]] = defaultdict(list)
        for r in (yield _Stmt(
            "UNWIND $ids AS mid MATCH (i:Institution)-[a:ATTENDED]->(:Meeting {id: mid}) "
            "RETURN mid, i.id AS iid, a.roles AS roles ORDER BY mid, iid",
            {"ids": list(dict.fromkeys(meeting_ids))},
        )):
            out[r["mid"]].append(Attendance(r["mid"], r["iid"], tuple(r["roles"])))
        return dict(out)

    @_reads
    def attendance_with_nodes(self, meeting_ids: Iterable[str],
                              regions: bool = False) -> Reads[AttendanceNodes]:
        """One statement: each meeting's attendees as lists of only the properties the
        Institution type shows (in its field order: a list decodes and reads cheaper than a
        map, per attendee), with their region when asked."""
        region = ("OPTIONAL MATCH (i)-[:LOCATED_IN]->(r:Region) "
                  "WITH mid, i, a, r {.code, .name, .level, .parent_code} AS r ") if regions \
            else "WITH mid, i, a, null AS r "
        out = AttendanceNodes()
        for rec in (yield _Stmt(
            "UNWIND $ids AS mid MATCH (i:Institution)-[a:ATTENDED]->(:Meeting {id: mid}) "
            + region + "RETURN mid, a.roles AS roles, "
            "[i.id, i.name, i.type, i.level, i.region_code] AS i, r ORDER BY mid, i[0]",
            {"ids": list(dict.fromkeys(meeting_ids))},
        )):
            i = rec["i"]
            out.attendance.setdefault(rec["mid"], []).append(
                Attendance(rec["mid"], i[0], tuple(rec["roles"])))
            if i[0] not in out.institutions:
                out.institutions[i[0]] = Institution(*i)
            r = rec["r"]
            if r is not None and r["code"] not in out.regions:
                out.regions[r["code"]] = _region(r)
        return out

    def _meetings_by_parent(self, pattern: str, ids: Iterable[str], window: Window,
                            page: PageRequest) -> Reads[dict[str, Page[Meeting]]]:
        q = _Query()
        q.window("n.date", window)
        order = self._keyset(q, "Meeting", page, "date")
        column = _SORT_COLUMNS["Meeting"][page.sort or "date"]
        records = yield _Stmt(
            f"UNWIND $ids AS pid CALL (pid) {{ MATCH {pattern} {q.clause()} "
            f"WITH n, {column} AS sort_key {order} LIMIT $limit "
            "RETURN n {.*} AS n, sort_key } RETURN pid, n, sort_key",
            {"ids": list(dict.fromkeys(ids)), "limit": page.first + 1, **q.params})
        out: dict[str, Page[Meeting]] = {}
        for r in records:
            p = out.setdefault(r["pid"], Page())
            if len(p.items) == page.first:
                p.has_next = True
            else:
                p.items.append(_meeting(r["n"]))
                p.keys.append(self._key(r))
        return out

    @_reads
    def meetings_of_institutions(self, ids: Iterable[str], window: Window,
                           page: PageRequest) -> Reads[dict[str, Page[Meeting]]]:
        return (yield from self._meetings_by_parent(
            "(:Institution {id: pid})-[:ATTENDED]->(n:Meeting)", ids, window, page))

    @_reads
    def meetings_of_institutions_with_nodes(self, ids: Iterable[str], window: Window,
                                            page: PageRequest, regions: bool = False
                                            ) -> Reads[MeetingNodes]:
        """One statement: each institution's page of meetings (as `meetings_of_institutions`)
        with every meeting's attendees as property lists (as `attendance_with_nodes`), so
        the attendee read keyed by the page's answer costs no second round trip. The
        look-ahead row that says a next page exists brings its attendees too: one
        meeting's worth, cheaper than a round trip."""
        q = _Query()
        q.window("n.date", window)
        order = self._keyset(q, "Meeting", page, "date")
        column = _SORT_COLUMNS["Meeting"][page.sort or "date"]
        records = yield _Stmt(
            "UNWIND $ids AS pid CALL (pid) { MATCH (:Institution {id: pid})-[:ATTENDED]->"
            f"(n:Meeting) {q.clause()} WITH n, {column} AS sort_key {order} LIMIT $limit "
            "RETURN n, sort_key } " + _attendees(regions)
            + "RETURN pid, n {.*} AS n, sort_key, att",
            {"ids": list(dict.fromkeys(ids)), "limit": page.first + 1, **q.params})
        out = MeetingNodes()
        for rec in records:
            p = out.pages.setdefault(rec["pid"], Page())
            if len(p.items) == page.first:
                p.has_next = True
                continue
            meeting = _meeting(rec["n"])
            p.items.append(meeting)
            p.keys.append(self._key(rec))
            if meeting.id not in out.attendance.attendance:  # on two parents' pages: once
                _add_attendees(out.attendance, meeting.id, rec["att"])
        return out

    @_reads
    def meetings_of_programs(self, ids: Iterable[str], window: Window,
                           page: PageRequest) -> Reads[dict[str, Page[Meeting]]]:
        return (yield from self._meetings_by_parent(
            "(n:Meeting)-[:DISCUSSED]->(:Program {id: pid})", ids, window, page))

    @staticmethod
    def _count_by_parent(pattern: str, ids: Iterable[str], window: Window
                         ) -> Reads[dict[str, int]]:
        q = _Query()
        q.window("n.date", window)
        records = yield _Stmt(f"UNWIND $ids AS pid MATCH {pattern} {q.clause()} "
                              "RETURN pid, count(n) AS c",
                              {"ids": list(dict.fromkeys(ids)), **q.params})
        return {r["pid"]: int(r["c"]) for r in records}

    @_reads
    def count_meetings_of_institutions(self, ids: Iterable[str], window: Window
                                       ) -> Reads[dict[str, int]]:
        if not window.start and not window.end:
            # Every ATTENDED edge ends at a meeting, so an unbounded count is the node's
            # degree, which Neo4j reads from the node instead of expanding each edge.
            found = yield _stmt("UNWIND $ids AS pid MATCH (i:Institution {id: pid}) "
                                "RETURN pid, COUNT { (i)-[:ATTENDED]->() } AS c",
                                ids=list(dict.fromkeys(ids)))
            return {r["pid"]: int(r["c"]) for r in found if r["c"]}
        return (yield from self._count_by_parent(
            "(:Institution {id: pid})-[:ATTENDED]->(n:Meeting)", ids, window))

    @_reads
    def count_meetings_of_programs(self, ids: Iterable[str], window: Window
                                   ) -> Reads[dict[str, int]]:
        return (yield from self._count_by_parent(
            "(n:Meeting)-[:DISCUSSED]->(:Program {id: pid})", ids, window))

    @_reads
    def programs_of_meetings(self, meeting_ids: Iterable[str]) -> Reads[dict[str, list[Program]]]:
        out: dict[str, list[Program]] = defaultdict(list)
        for r in (yield _stmt("UNWIND $ids AS mid MATCH (:Meeting {id: mid})-[:DISCUSSED]->"
                            "(p:Program) RETURN mid, p {.*} AS p ORDER BY mid, p.name_norm",
                            ids=list(dict.fromkeys(meeting_ids)))):
            out[r["mid"]].append(_program(r["p"]))
        return dict(out)

    @_reads
    def program_links(self, program_ids: Iterable[str] = (),
                      institution_ids: Iterable[str] = ()) -> Reads[list[ProgramLink]]:
        records = (yield _stmt(
            "MATCH (i:Institution)-[r:RUNS|SUPPORTS]->(p:Program) "
            "WHERE p.id IN $pids OR i.id IN $iids "
            "RETURN p.id AS p, i.id AS i, type(r) AS rel ORDER BY p, i, rel",
            pids=list(program_ids), iids=list(institution_ids)))
        return [ProgramLink(r["p"], r["i"], r["rel"]) for r in records]

    @_reads
    def program_regions(self, program_ids: Iterable[str]) -> Reads[dict[str, list[str]]]:
        out: dict[str, list[str]] = defaultdict(list)
        for r in (yield _stmt("UNWIND $ids AS pid MATCH (:Program {id: pid})-[:ACTIVE_IN]->"
                            "(r:Region) RETURN pid, r.code AS code ORDER BY pid, code",
                            ids=list(dict.fromkeys(program_ids)))):
            out[r["pid"]].append(r["code"])
        return dict(out)

    @_reads
    def measurements_of_regions(self, codes: Iterable[str]) -> Reads[dict[str, list[Measurement]]]:
        out: dict[str, list[Measurement]] = defaultdict(list)
        for r in (yield _stmt("UNWIND $codes AS code MATCH (n:Measurement {region_code: code}) "
                            "RETURN code, n {.*} AS n "
                            "ORDER BY code, n.what, coalesce(n.period, ''), n.id",
                            codes=list(dict.fromkeys(codes)))):
            out[r["code"]].append(_measurement(r["n"]))
        return dict(out)

    @_reads
    def children_of_regions(self, codes: Iterable[str]) -> Reads[dict[str, list[Region]]]:
        out: dict[str, list[Region]] = defaultdict(list)
        for r in (yield _stmt("UNWIND $codes AS code MATCH (n:Region {parent_code: code}) "
                            "RETURN code, n {.*} AS n ORDER BY code, n.code",
                            codes=list(dict.fromkeys(codes)))):
            out[r["code"]].append(_region(r["n"]))
        return dict(out)

    @_reads
    def citations(self, subject_ids: Iterable[str]) -> Reads[dict[str, list[Citation]]]:
        out: dict[str, list[Citation]] = defaultdict(list)
        for r in (yield _stmt("UNWIND $ids AS sid MATCH (c:Citation {subject_id: sid}) "
                            "RETURN c {.*} AS c ORDER BY c.subject_id, c.source_id, c.start",
                            ids=list(dict.fromkeys(subject_ids)))):
            c = r["c"]
            out[c["subject_id"]].append(Citation(
                c["subject_id"], c["source_id"], None if c["start"] < 0 else c["start"],
                None if c["end"] < 0 else c["end"], c.get("excerpt")))
        return dict(out)

    @staticmethod
    def _collaborators(ids: Iterable[str], window: Window, first: int,
                       returns: str) -> _Stmt:
        """Co-attendees weighted after Newman (2001): 1/(n-1) per shared meeting of n.
        Grouped by the node, so the kept rows can return its properties (`returns`);
        Neo4j spends the same CPU on this as on grouping by the id (measured)."""
        q = _Query()
        q.window("m.date", window)
        return _stmt(
            "UNWIND $ids AS src CALL (src) { "
            f"MATCH (:Institution {{id: src}})-[:ATTENDED]->(m:Meeting) {q.clause()} "
            "WITH m, COUNT { (m)<-[:ATTENDED]-(:Institution) } AS n "
            "MATCH (m)<-[:ATTENDED]-(b:Institution) WHERE b.id <> src "
            f"WITH b, count(m) AS shared, sum({newman_expression('n')}) AS weight "
            "WITH b, shared, weight, b.id AS dst ORDER BY weight DESC, shared DESC, dst "
            f"LIMIT $first RETURN {returns}, shared, weight }} "
            f"RETURN src, {returns.rsplit(' AS ', 1)[-1]}, shared, weight",
            ids=list(dict.fromkeys(ids)), first=first, **q.params)

    @_reads
    def collaborators(self, ids: Iterable[str], window: Window,
                      first: int) -> Reads[dict[str, list[Collaborator]]]:
        out: dict[str, list[Collaborator]] = defaultdict(list)
        for r in (yield self._collaborators(ids, window, first, "dst")):
            out[r["src"]].append(Collaborator(r["dst"], int(r["shared"]), float(r["weight"])))
        return dict(out)

    @_reads
    def collaborators_with_nodes(self, ids: Iterable[str], window: Window,
                                 first: int) -> Reads[CollaboratorNodes]:
        """One statement: each asked institution and its collaborators, as maps of only
        the properties the Institution type shows. The subquery ends in an aggregation,
        so an institution with no collaborator still comes back (with an empty list),
        and the institution itself answers its own lookup in the same round trip."""
        q = _Query()
        q.window("m.date", window)
        found = yield _stmt(
            "UNWIND $ids AS src MATCH (s:Institution {id: src}) CALL (s) { "
            f"MATCH (s)-[:ATTENDED]->(m:Meeting) {q.clause()} "
            "WITH m, COUNT { (m)<-[:ATTENDED]-(:Institution) } AS n "
            "MATCH (m)<-[:ATTENDED]-(b:Institution) WHERE b <> s "
            f"WITH b, count(m) AS shared, sum({newman_expression('n')}) AS weight "
            "WITH b, shared, weight ORDER BY weight DESC, shared DESC, b.id LIMIT $first "
            f"RETURN collect({{i: b {_SHOWN}, shared: shared, weight: weight}}) AS found }} "
            f"RETURN s {_SHOWN} AS me, found",
            ids=list(dict.fromkeys(ids)), first=first, **q.params)
        out = CollaboratorNodes()
        for r in found:
            me = r["me"]
            out.institutions.setdefault(me["id"], _institution(me))
            if not r["found"]:
                continue
            rows = out.collaborators.setdefault(me["id"], [])
            for c in r["found"]:
                i = c["i"]
                rows.append(Collaborator(i["id"], int(c["shared"]), float(c["weight"])))
                out.institutions.setdefault(i["id"], _institution(i))
        return out

    # -- analytics --------------------------------------------------------------
    def _network_query(self, f: NetworkFilter) -> _Query:
        """The attendance a network is built from: the meetings a meeting listing would
        give, by institutions of the filter's types (i = institution, n = meeting)."""
        q = self._meeting_query(
            MeetingFilter(region_code=f.region_code, window=f.window, program_id=f.program_id))
        if f.types:
            q.add("i.type IN $types", types=list(f.types))
        return q

    def attendance_rows(self, f: NetworkFilter) -> list[AttendanceRow]:
        """The projection's edges in one query: only what the network needs."""
        q = self._network_query(f)
        records = self._read(
            f"MATCH (i:Institution)-[:ATTENDED]->(n:Meeting) {q.clause()} "
            "RETURN i.id AS iid, i.name AS name, i.type AS type, i.region_code AS region, "
            "n.id AS mid, n.date AS date ORDER BY mid, iid", **q.params)
        return [AttendanceRow(r["iid"], r["name"], r["type"], r["region"], r["mid"],
                              _native(r["date"])) for r in records]

    def network_size(self, f: NetworkFilter) -> NetworkSize:
        """Counted over the same match attendance_rows reads, without returning it."""
        q = self._network_query(f)
        [record] = self._read(
            f"MATCH (i:Institution)-[:ATTENDED]->(n:Meeting) {q.clause()} "
            "WITH n, count(i) AS k RETURN coalesce(sum(k), 0) AS rows, "
            "coalesce(sum(k * (k - 1) / 2), 0) AS pairs", **q.params)
        return NetworkSize(int(record["rows"]), int(record["pairs"]))

    def attendance_incidence(self, f: NetworkFilter) -> Incidence:
        """What attendance_rows gives, as columns (graph/store/incidence.py): the match
        streams node keys, and ids, names and dates are read once per node."""
        q = self._network_query(f)
        with self._driver.session(database=self.database,
                                  default_access_mode="READ") as session:
            result = session.run(f"MATCH (i:Institution)-[:ATTENDED]->(n:Meeting) {q.clause()} "
                                 "RETURN id(n) AS m, id(i) AS i", q.params)
            mk, ik = int_columns((r[0], r[1]) for r in result)
        found = self._read("MATCH (n:Meeting) WHERE id(n) IN $keys RETURN id(n) AS k, "
                           "n.id AS id, n.date AS date, n.region_code AS region",
                           keys=[int(k) for k in np.unique(mk)])
        meetings = {r["k"]: (r["id"], _native(r["date"])) for r in found}
        held = {r["k"]: r["region"] for r in found}
        institutions = {r["k"]: (r["id"], r["name"], r["type"], r["region"]) for r in self._read(
            "MATCH (i:Institution) WHERE id(i) IN $keys RETURN id(i) AS k, i.id AS id, "
            "i.name AS name, i.type AS type, i.region_code AS region",
            keys=[int(k) for k in np.unique(ik)])}
        return Incidence.from_keys(mk, ik, meetings, institutions, held)

    # -- persisted analytics results (graph/analytics/results.py) ---------------
    def get_result(self, key: str) -> bytes | None:
        found = self._read("MATCH (r:AnalyticsResult {key: $key}) RETURN r.payload AS p",
                           key=key)
        return bytes(found[0]["p"]) if found else None

    def put_result(self, key: str, payload: bytes) -> None:
        """Not graph data: stored outside a versioned write, so the version stays."""
        self._driver.execute_query("MERGE (r:AnalyticsResult {key: $key}) SET r.payload = $p",
                                   key=key, p=payload, database_=self.database)

    # -- whole-store copy -------------------------------------------------------
    def _scan(self, match: str, keys: tuple[str, ...], returns: str,
              size: int) -> Iterator[list[Any]]:
        """Every match in key order, `size` at a time (keyset on the key columns)."""
        order = ", ".join(keys)
        after: list[Any] | None = None
        while True:
            where = ""
            if after is not None:
                # (k1, k2, ...) > (a1, a2, ...) spelt out: Cypher has no row comparison.
                terms = []
                for i in range(len(keys)):
                    eq = [f"{keys[j]} = $after[{j}]" for j in range(i)]
                    terms.append("(" + " AND ".join([*eq, f"{keys[i]} > $after[{i}]"]) + ")")
                where = "WHERE " + " OR ".join(terms)
            records = self._read(f"{match} {where} RETURN {returns}, "
                                 + ", ".join(f"{k} AS k{i}" for i, k in enumerate(keys))
                                 + f" ORDER BY {order} LIMIT $size", after=after, size=size)
            if not records:
                return
            yield records
            after = [records[-1][f"k{i}"] for i in range(len(keys))]

    def dump(self, size: int = 10_000) -> Iterator[Batch]:
        for rows in self._scan("MATCH (n:Region)", ("n.code",), "n", size):
            yield Batch(regions=[_region(r["n"]) for r in rows])
        for rows in self._scan("MATCH (n:Institution)", ("n.id",), "n", size):
            yield Batch(institutions=[_institution(r["n"]) for r in rows])
        for rows in self._scan("MATCH (n:Meeting)", ("n.id",), "n", size):
            yield Batch(meetings=[_meeting(r["n"]) for r in rows])
        for rows in self._scan("MATCH (n:Program)", ("n.id",), "n", size):
            yield Batch(programs=[_program(r["n"]) for r in rows])
        for rows in self._scan("MATCH (n:Measurement)", ("n.id",), "n", size):
            yield Batch(measurements=[_measurement(r["n"]) for r in rows])
        for rows in self._scan("MATCH (n:Source)", ("n.id",), "n", size):
            yield Batch(sources=[_source(r["n"]) for r in rows])
        for rows in self._scan("MATCH (i:Institution)-[a:ATTENDED]->(m:Meeting)",
                               ("i.id", "m.id"), "a.roles AS roles", size):
            yield Batch(attendance=[Attendance(r["k1"], r["k0"], tuple(r["roles"]))
                                    for r in rows])
        for rows in self._scan("MATCH (m:Meeting)-[:DISCUSSED]->(p:Program)", ("m.id", "p.id"),
                               "1 AS one", size):
            yield Batch(meeting_programs=[(r["k0"], r["k1"]) for r in rows])
        for rows in self._scan("MATCH (i:Institution)-[x:RUNS|SUPPORTS]->(p:Program)",
                               ("p.id", "i.id", "type(x)"), "1 AS one", size):
            yield Batch(program_links=[ProgramLink(r["k0"], r["k1"], r["k2"]) for r in rows])
        for rows in self._scan("MATCH (p:Program)-[:ACTIVE_IN]->(r:Region)", ("p.id", "r.code"),
                               "1 AS one", size):
            yield Batch(program_regions=[(r["k0"], r["k1"]) for r in rows])
        for rows in self._scan("MATCH (n:Citation)", ("n.key",), "n", size):
            yield Batch(citations=[Citation(
                c["subject_id"], c["source_id"], None if c["start"] < 0 else c["start"],
                None if c["end"] < 0 else c["end"], c.get("excerpt"))
                for c in (r["n"] for r in rows)])
        for rows in self._scan("MATCH (n:Alias)", ("n.old_id",), "n", size):
            yield Batch(aliases=[(r["n"]["old_id"], r["n"]["new_id"]) for r in rows])

    # -- bookkeeping ------------------------------------------------------------
    @_reads
    def version(self) -> Reads[int]:
        return int((yield _stmt(_VERSION))[0]["v"])

    def warm_writes(self) -> None:
        """Plan createInstitution's Cypher on a Neo4j that just came back, storing nothing.

        Why: a restarted Neo4j plans each statement on its first run. Measured on this
        2-core machine, the first createInstitution after a restart took 12 s, all of it
        in planning (1.5 s for the claim's MERGE, 5.3 s for the UNWIND MERGE upsert, ...),
        not in connecting or retrying. api/recovery.py refuses writes at once (nothing
        written) until this has run. Only the institution path, the API's most frequent
        write, and the statements every write shares (aliases, regions touched, version
        stamp): planning one node of every kind took 30 s cold, and writes would wait for
        all of it. One transaction claims and writes a throw-away institution, then rolls
        back; the plans stay in Neo4j's query cache."""
        def plan(tx: ManagedTransaction) -> None:
            self._claim(tx, "institutions", _WARM)
            self._write_tx(tx, Batch(institutions=[Institution(_WARM, _WARM, _WARM, None,
                                                               _WARM)]))
            raise _RolledBack  # not a driver error: no retry, the transaction is rolled back

        with self._driver.session(database=self.database) as session, \
                contextlib.suppress(_RolledBack):
            session.execute_write(plan)

    def probe(self) -> int:
        """The version in one attempt, without the driver's retries, on a connection
        opened for this probe. No retries: a readiness probe asks again in a moment, and
        one that slept between retries would say "no answer in time" about a server that
        refused at once. Its own connection: a stopping Neo4j closes its port to new
        clients first and may still answer on open ones for a while, so a pooled
        connection said "ready" about a server that new clients (another worker, this
        one's next connection) could no longer reach."""
        options = dict(self.driver_options, max_connection_pool_size=1)
        with GraphDatabase.driver(self.uri, **options) as driver, \
                driver.session(database=self.database, default_access_mode="READ",
                               bookmark_manager=None) as session:
            return int(session.run(_VERSION).single(strict=True)["v"])

    def stats(self) -> dict[str, int]:
        counts = [
            ("regions", "MATCH (n:Region) RETURN count(n) AS c"),
            ("institutions", "MATCH (n:Institution) RETURN count(n) AS c"),
            ("meetings", "MATCH (n:Meeting) RETURN count(n) AS c"),
            ("programs", "MATCH (n:Program) RETURN count(n) AS c"),
            ("measurements", "MATCH (n:Measurement) RETURN count(n) AS c"),
            ("sources", "MATCH (n:Source) RETURN count(n) AS c"),
            ("attendance", "MATCH ()-[r:ATTENDED]->() RETURN count(r) AS c"),
            ("meeting_programs", "MATCH ()-[r:DISCUSSED]->() RETURN count(r) AS c"),
            ("program_links", "MATCH ()-[r:RUNS|SUPPORTS]->() RETURN count(r) AS c"),
            ("citations", "MATCH (n:Citation) RETURN count(n) AS c"),
        ]
        return {name: int(self._read(query)[0]["c"]) for name, query in counts}
