"""Bulk loading for the Neo4j store: many batches, one explicit transaction.

`Neo4jStore.write` MERGEs every node and edge, which costs an index lookup per row
before each write. In a bulk load, a node or edge whose label (type) held nothing when
the load began and whose key this load has not sent yet cannot exist, so it is
CREATEd (what a bare UNWIND does); regions too, their PART_OF edges made once both ends
exist (a child may come before its parent). Anything else takes the MERGE path of
`write`, so the semantics are those of `write` applied to each batch in turn,
integrity included: the ids a batch's relationships name that the load has not written
are looked up set-wise (one query a kind), and a missing one refuses the load.

All or nothing: ONE explicit transaction (not a retried unit of work: batches stream
through once), so a failure or a crash before the commit leaves nothing, and readers
never see half a load. The price is Neo4j's transaction memory
(dbms.memory.transaction.total.max, 70 % of the heap by default): a load must fit in
it. A multi-transaction load would need a staging marker on every node and a cleanup
pass, and could not undo updates to nodes that were already there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from neo4j import Transaction

from graph.model import Batch, WriteResult
from graph.store.aliasing import collapse_attendance, institution_refs, rewrite
from graph.store.faults import raise_write_fault
from graph.store.integrity import edge_refs, refuse_dangling
from graph.store.scopes import named_regions

if TYPE_CHECKING:
    from graph.store.neo4j import Neo4jStore

CHUNK = 10_000  # rows per UNWIND statement

# CREATE forms of neo4j._UPSERT, for rows known to be new.
_CREATE = {
    "regions": "UNWIND $rows AS row CREATE (n:Region) SET n = row",  # PART_OF: _link_regions
    "institutions": """
        UNWIND $rows AS row CREATE (n:Institution) SET n = row
        WITH n, row MATCH (r:Region {code: row.region_code}) CREATE (n)-[:LOCATED_IN]->(r)""",
    "meetings": """
        UNWIND $rows AS row CREATE (n:Meeting) SET n = row
        WITH n, row MATCH (r:Region {code: row.region_code}) CREATE (n)-[:HELD_IN]->(r)""",
    "programs": "UNWIND $rows AS row CREATE (n:Program) SET n = row",
    "measurements": """
        UNWIND $rows AS row CREATE (n:Measurement) SET n = row
        WITH n, row MATCH (r:Region {code: row.region_code}) CREATE (n)-[:MEASURED_IN]->(r)""",
    "sources": "UNWIND $rows AS row CREATE (n:Source) SET n = row",
}
# A region's edge to its parent, once both exist (a child may come before its parent).
# MERGE, not CREATE: a region re-sent in the load got its edge from the MERGE path; a
# child has one PART_OF at most, so the check is one short relationship scan.
_LINK_PARENTS = ("UNWIND $rows AS row MATCH (c:Region {code: row[0]}), "
                 "(p:Region {code: row[1]}) MERGE (c)-[:PART_OF]->(p)")
_CREATE_ATTENDED = (
    "UNWIND $rows AS row MATCH (i:Institution {id: row.i}) MATCH (m:Meeting {id: row.m}) "
    "CREATE (i)-[:ATTENDED {roles: row.roles}]->(m)")
_CREATE_CITATION = (
    "UNWIND $rows AS row CREATE (c:Citation) SET c = row "
    "WITH c, row MATCH (s:Source {id: row.source_id}) CREATE (c)-[:FROM]->(s)")


def _chunks(rows: list[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _empty(tx: Transaction, pattern: str) -> bool:
    return tx.run(f"MATCH {pattern} RETURN 1 AS x LIMIT 1").single() is None


def cite_rows(batch: Batch) -> list[dict[str, Any]]:
    rows = {}
    for c in batch.citations:
        start = -1 if c.start is None else c.start
        key = f"{c.subject_id}|{c.source_id}|{start}"
        rows[key] = {"key": key, "subject_id": c.subject_id, "source_id": c.source_id,
                     "start": start, "end": -1 if c.end is None else c.end,
                     "excerpt": c.excerpt}
    return [{k: v for k, v in r.items() if v is not None} for r in rows.values()]


def bulk_write(store: Neo4jStore, batches: Iterable[Batch]) -> WriteResult:
    from graph.store import neo4j as n4

    created: dict[str, int] = {}
    updated: dict[str, int] = {}
    seen: dict[str, set[Any]] = {}
    orphans: dict[str, str] = {}  # regions CREATEd without their PART_OF yet -> parent
    with store._driver.session(database=store.database) as session:
        tx = session.begin_transaction()
        sent = False
        try:
            fresh = {kind: _empty(tx, f"(n:{label})") for kind, (label, _) in n4._NODES.items()}
            no_attendance = _empty(tx, "()-[:ATTENDED]->()")
            no_citations = _empty(tx, "(:Citation)")
            has_aliases = not _empty(tx, "(:Alias)")
            touched: set[str | None] = set()
            for batch in batches:
                if has_aliases or batch.aliases:
                    has_aliases = True
                    refs = sorted(institution_refs(batch))
                    alias = {r["old"]: r["new"] for r in tx.run(
                        "UNWIND $ids AS id MATCH (a:Alias {old_id: id}) "
                        "RETURN a.old_id AS old, a.new_id AS new", ids=refs)}
                    batch = rewrite(batch, alias)
                # Stored nodes are looked up only when some were stored before the load.
                touched |= named_regions(
                    batch,
                    (lambda ids: set()) if fresh["meetings"]
                    else (lambda ids: store._meeting_regions(tx, ids)),  # type: ignore[arg-type]
                    (lambda ids: set()) if fresh["institutions"]
                    else (lambda ids: store._institution_regions(tx, ids)))  # type: ignore[arg-type]
                for kind, rows in n4._rows(batch).items():
                    if rows:
                        new = _nodes(tx, kind, rows, fresh[kind], seen, created, updated)
                        if kind == "regions":
                            orphans.update({r["code"]: r["parent_code"] for r in new
                                            if r.get("parent_code")})
                _refuse_dangling(tx, edge_refs(batch), seen)
                if batch.regions and fresh["regions"]:
                    _link_regions(tx, orphans, seen.get("regions", set()))
                elif batch.regions:
                    tx.run(n4._LINK_CHILD_REGIONS, codes=[r.code for r in batch.regions])
                store._write_relationships(
                    tx, replace(batch, attendance=[], citations=[]))  # type: ignore[arg-type]
                _attendance(tx, batch, no_attendance, seen)
                _citations(tx, batch, no_citations, seen)
            version = store._stamp(tx, touched)  # type: ignore[arg-type]
            sent = True
            tx.commit()
        except Exception as exc:
            # Lost before the commit went out: nothing written; after: unknown (the CLI
            # says which, cli/main.py).
            raise_write_fault(exc, store.uri, sent)
        finally:
            if not tx.closed():
                tx.rollback()
    return WriteResult(created, updated, version)


def _refuse_dangling(tx: Transaction, refs: dict[str, dict[str, str]],
                     seen: dict[str, set[Any]]) -> None:
    """Ids a batch's relationships name that neither it nor an earlier batch of the load
    wrote must be stored (one query a kind, usually none): the edge statements MATCH
    their ends, so a missing one would otherwise be dropped silently."""
    from graph.store import neo4j as n4

    for kind, wanted in refs.items():
        known = seen.get(kind, set())
        rest = {i: w for i, w in wanted.items() if i not in known}
        if not rest:
            continue
        label, key = n4._NODES[kind]
        stored = {r["k"] for r in tx.run(
            f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) RETURN k", keys=list(rest))}
        refuse_dangling(kind, rest, stored)


def _link_regions(tx: Transaction, orphans: dict[str, str], seen: set[Any]) -> None:
    """PART_OF for every region CREATEd so far whose parent now exists; the others wait
    for a later batch (or keep none, as write() gives a region whose parent is unknown)."""
    ready = [[c, p] for c, p in orphans.items() if p in seen]
    for c, _ in ready:
        del orphans[c]
    for part in _chunks(ready):
        tx.run(_LINK_PARENTS, rows=part)


def _nodes(tx: Transaction, kind: str, rows: list[dict[str, Any]], fresh_label: bool,
           seen: dict[str, set[Any]], created: dict[str, int],
           updated: dict[str, int]) -> list[dict[str, Any]]:
    """Write one kind's rows; the rows CREATEd (new to a label empty at the start)."""
    from graph.store import neo4j as n4

    label, key = n4._NODES[kind]
    known = seen.setdefault(kind, set())
    last = {r[key]: r for r in rows}  # write() applies rows in order: the last one wins
    if fresh_label and kind in _CREATE:
        new = [r for k, r in last.items() if k not in known]
        again = [r for k, r in last.items() if k in known]
        existing = len(again)
    else:
        new, again = [], rows
        found = tx.run(f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) RETURN count(n) AS c",
                       keys=list(last)).single()
        existing = int(found["c"]) if found else 0
    created[kind] = created.get(kind, 0) + len(last) - existing
    updated[kind] = updated.get(kind, 0) + existing
    known.update(last)
    for part in _chunks(new):
        tx.run(_CREATE[kind], rows=part)
    for part in _chunks(again):
        tx.run(n4._UPSERT[kind], rows=part)
    return new


def _attendance(tx: Transaction, batch: Batch, fresh_type: bool,
                seen: dict[str, set[Any]]) -> None:
    from graph.store.neo4j import Neo4jStore

    if not batch.attendance:
        return
    merged = collapse_attendance(batch.attendance)
    known = seen.setdefault("attendance", set())
    replaced = batch.replace_attendance
    if fresh_type and not replaced:
        new = {k: v for k, v in merged.items() if k not in known}
        again = {k: v for k, v in merged.items() if k in known}
    else:
        new, again = {}, merged
    known.update(merged)
    rows = [{"i": i, "m": m, "roles": list(roles)} for (i, m), roles in new.items()]
    for part in _chunks(rows):
        tx.run(_CREATE_ATTENDED, rows=part)
    if again:
        Neo4jStore._merge_attendance(tx, again)  # type: ignore[arg-type]


def _citations(tx: Transaction, batch: Batch, fresh_label: bool,
               seen: dict[str, set[Any]]) -> None:
    rows = cite_rows(batch)
    known = seen.setdefault("citations", set())
    new = [r for r in rows if fresh_label and r["key"] not in known]
    again = [r for r in rows if not (fresh_label and r["key"] not in known)]
    known.update(r["key"] for r in rows)
    for part in _chunks(new):
        tx.run(_CREATE_CITATION, rows=part)
    for part in _chunks(again):
        tx.run("UNWIND $rows AS row MERGE (c:Citation {key: row.key}) SET c += row "
               "WITH c, row MATCH (s:Source {id: row.source_id}) MERGE (c)-[:FROM]->(s)",
               rows=part)
