"""The Neo4j bulk path beside a bare UNWIND batch of the same rows, on the same Neo4j.

    python bench/neo4j_load.py [--uri bolt://...|auto] [--rows 60000] [--quarter] [--runs 1]

Without --uri it starts a Neo4j 5.26 of its own (neo4j_server, heap 1 GB) and stops it
after. The rows are the first batches of the synthetic dataset (`tpps generate --scale
quarter|national`) up to --rows: the regions, then whole kab/kota batches.

Baseline: what a hand-written loader sends for the same graph, in one transaction of
10k-row `UNWIND $rows AS row CREATE ...` statements: every node with the same properties
the store writes (neo4j._rows), every relationship the store makes (PART_OF, LOCATED_IN,
HELD_IN, MEASURED_IN, ATTENDED, DISCUSSED, RUNS/SUPPORTS, ACTIVE_IN, Citation-FROM),
and nothing else: no counting, no alias rewriting, no integrity check, no MERGE.
Both loads run once untimed first (plans compiled, page cache warm); then each timed
run, in alternating order, starts from an empty graph with the store's constraints and
indexes in place (both sides pay their upkeep). Times are medians of --runs: wall, the
client's CPU and the Neo4j JVM's CPU (from /proc, when the server is ours).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.model import Batch  # noqa: E402
from graph.store import neo4j as n4  # noqa: E402
from graph.store.neo4j import Neo4jStore  # noqa: E402
from graph.store.neo4j_bulk import cite_rows  # noqa: E402

CHUNK = 10_000

_NODE_CREATE = {  # kind -> CREATE of the node and of the edge to its region
    "regions": "UNWIND $rows AS row CREATE (n:Region) SET n = row",
    "institutions": "UNWIND $rows AS row CREATE (n:Institution) SET n = row WITH n, row "
                    "MATCH (r:Region {code: row.region_code}) CREATE (n)-[:LOCATED_IN]->(r)",
    "meetings": "UNWIND $rows AS row CREATE (n:Meeting) SET n = row WITH n, row "
                "MATCH (r:Region {code: row.region_code}) CREATE (n)-[:HELD_IN]->(r)",
    "programs": "UNWIND $rows AS row CREATE (n:Program) SET n = row",
    "measurements": "UNWIND $rows AS row CREATE (n:Measurement) SET n = row WITH n, row "
                    "MATCH (r:Region {code: row.region_code}) CREATE (n)-[:MEASURED_IN]->(r)",
    "sources": "UNWIND $rows AS row CREATE (n:Source) SET n = row",
}
_EDGE_CREATE = {
    "part_of": "UNWIND $rows AS row MATCH (c:Region {code: row[0]}), (p:Region {code: row[1]}) "
               "CREATE (c)-[:PART_OF]->(p)",
    "attendance": "UNWIND $rows AS row MATCH (i:Institution {id: row.i}), "
                  "(m:Meeting {id: row.m}) CREATE (i)-[:ATTENDED {roles: row.roles}]->(m)",
    "discussed": "UNWIND $rows AS row MATCH (m:Meeting {id: row[0]}), "
                 "(p:Program {id: row[1]}) CREATE (m)-[:DISCUSSED]->(p)",
    "RUNS": "UNWIND $rows AS row MATCH (i:Institution {id: row[0]}), "
            "(p:Program {id: row[1]}) CREATE (i)-[:RUNS]->(p)",
    "SUPPORTS": "UNWIND $rows AS row MATCH (i:Institution {id: row[0]}), "
                "(p:Program {id: row[1]}) CREATE (i)-[:SUPPORTS]->(p)",
    "active_in": "UNWIND $rows AS row MATCH (p:Program {id: row[0]}), "
                 "(r:Region {code: row[1]}) CREATE (p)-[:ACTIVE_IN]->(r)",
    "citations": "UNWIND $rows AS row CREATE (c:Citation) SET c = row WITH c, row "
                 "MATCH (s:Source {id: row.source_id}) CREATE (c)-[:FROM]->(s)",
}


def bare(store: Neo4jStore, batches: list[Batch]) -> None:
    """The same graph in the simplest parameterised UNWIND CREATE batches."""
    with store._driver.session(database=store.database) as session:
        tx = session.begin_transaction()

        def send(query: str, rows: list[Any]) -> None:
            for i in range(0, len(rows), CHUNK):
                tx.run(query, rows=rows[i:i + CHUNK])

        for b in batches:
            for kind, rows in n4._rows(b).items():
                send(_NODE_CREATE[kind], rows)
            send(_EDGE_CREATE["part_of"], [[r.code, r.parent_code] for r in b.regions
                                           if r.parent_code])
        for b in batches:  # edges after every node, as a loader of two files would
            send(_EDGE_CREATE["attendance"], [{"i": a.institution_id, "m": a.meeting_id,
                                               "roles": list(a.roles)} for a in b.attendance])
            send(_EDGE_CREATE["discussed"], [list(r) for r in b.meeting_programs])
            for relation in ("RUNS", "SUPPORTS"):
                send(_EDGE_CREATE[relation], [[x.institution_id, x.program_id]
                                              for x in b.program_links
                                              if x.relation == relation])
            send(_EDGE_CREATE["active_in"], [list(r) for r in b.program_regions])
            send(_EDGE_CREATE["citations"], cite_rows(b))
        tx.commit()


def wipe(store: Neo4jStore) -> None:
    with store._driver.session(database=store.database) as session:  # auto-commit
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS "
                    "OF 10000 ROWS").consume()
    store._driver.execute_query("MERGE (m:Meta {key: 'graph'}) SET m.version = 0",
                                database_=store.database)


def jvm_cpu(pid: int | None) -> float:
    if pid is None:
        return float("nan")
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(store: Neo4jStore, fn: Callable[[], Any], runs: int,
          pid: int | None) -> tuple[float, float, float]:
    """Median (wall, client CPU, JVM CPU) seconds, each run into an emptied graph."""
    walls, cpus, jvms = [], [], []
    for _ in range(runs):
        wipe(store)
        w, c, j = time.perf_counter(), time.process_time(), jvm_cpu(pid)
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
        jvms.append(jvm_cpu(pid) - j)
    return statistics.median(walls), statistics.median(cpus), statistics.median(jvms)


def compare(uri: str, batches: list[Batch], runs: int, pid: int | None = None) -> list[str]:
    rows = sum(b.rows() for b in batches)
    store = Neo4jStore.from_env(uri)
    try:
        loads = {"bulk": lambda: store.bulk_write(batches), "bare": lambda: bare(store, batches)}
        for load in loads.values():  # warm-up: JIT-compiled plans, a warm page cache
            timed(store, load, 1, pid)
        results: dict[str, list[tuple[float, float, float]]] = {"bulk": [], "bare": []}
        for run in range(runs):  # alternate the order, so a busy spell hits both
            for name in (("bare", "bulk") if run % 2 == 0 else ("bulk", "bare")):
                results[name].append(timed(store, loads[name], 1, pid))
        wipe(store)
    finally:
        store.close()
    med = {k: tuple(statistics.median(x[i] for x in v) for i in range(3))
           for k, v in results.items()}
    (pw, pc, pj), (bw, bc, bj) = med["bulk"], med["bare"]
    return [
        f"{'neo4j load':<26} {'wall s':>7} {'rows/s':>9} {'client CPU':>10} {'JVM CPU':>8}",
        f"{'project (bulk_write)':<26} {pw:>7.1f} {rows / pw:>9,.0f} {pc:>10.1f} {pj:>8.1f}",
        f"{'bare UNWIND CREATE':<26} {bw:>7.1f} {rows / bw:>9,.0f} {bc:>10.1f} {bj:>8.1f}",
        f"ratio project/baseline: wall {pw / bw:.2f}, client+JVM CPU "
        f"{(pc + pj) / (bc + bj):.2f} ({rows:,} rows, {len(batches)} batches, median of "
        f"{runs})",
    ]


def first_rows(batches: Iterable[Batch], rows: int) -> list[Batch]:
    """The regions and programs, then whole kab/kota batches until `rows` of them."""
    picked: list[Batch] = []
    total = 0
    for b in batches:
        picked.append(b)
        total += b.rows() if not (b.regions or b.programs) else 0
        if total >= rows:
            break
    return picked


def run(uri: str, batches: list[Batch], runs: int, heap: str = "1g",
        under: str | None = None) -> list[str]:
    """compare() on `uri`, or on a Neo4j of our own (a free port, its data in a temporary
    directory under `under`) when uri is 'auto'. Its transaction memory is 70% of the
    heap and the bulk path sends a load as one transaction: the national region tree
    plus 60k rows does not fit in 1 GB (MemoryPoolOutOfMemoryError); --heap 2g does."""
    if uri != "auto":
        return compare(uri, batches, runs)
    from neo4j_server import Neo4jServer

    if under:
        Path(under).mkdir(parents=True, exist_ok=True)
    with (tempfile.TemporaryDirectory(dir=under) as home,
          Neo4jServer(Path(home), heap=heap) as server):
        assert server.uri is not None and server._proc is not None
        return compare(server.uri, batches, runs, server._proc.pid)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--uri", default="auto", help="a running Neo4j; default: start one")
    parser.add_argument("--rows", type=int, default=60_000,
                        help="rows of kab/kota batches after the regions")
    parser.add_argument("--quarter", action="store_true")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--heap", default="1g", help="heap of the Neo4j started here")
    parser.add_argument("--under", default=None, help="where its data directory goes")
    args = parser.parse_args()
    from loaders.synthetic.generate import Generator

    scale = "quarter" if args.quarter else "national"
    batches = first_rows(Generator("ID", 3, 1, scale).batches(), args.rows)
    print("\n".join(run(args.uri, batches, args.runs, args.heap, args.under)))


if __name__ == "__main__":
    main()
