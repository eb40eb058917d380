"""Faults of a real Neo4j under a real `tpps serve`: stopped (killed, and gracefully) and
restarted under 8 clients reading and writing, killed mid-load, slowed by a proxy, the
API killed during mutations, restarted between two pages of a cursor walk, restarted
with another password. Each test checks the HTTP status, extensions.code, the time bound
and the data afterwards.

One Neo4j (auth on) serves the module; tests stop, kill and restart it in place (same
port, same data folder).
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from api.readiness import Readiness
from graph.store.base import InstitutionFilter, PageRequest
from graph.store.neo4j import Neo4jStore
from loaders.files import load_files
from tests.conftest import DEMO
from tests.faults.served_neo4j import (
    ROOT,
    RestartableNeo4j,
    Served,
    SlowProxy,
    accepts,
    wait_until,
)

COUNT = "{ institutions(first: 1) { totalCount } }"
WALK = "{ institutions(first: 10%s) { edges { node { id } } pageInfo { endCursor } } }"
BOUND = 2.5  # seconds: the issue's p99 target for an answer during an outage
READY_FALSE = 1.0  # /ready false within this of the port closing
READY_TRUE = 5.0  # /ready true within this of Neo4j's return
PASSWORD = "fault-suite-password"  # auth on, so the credentials test needs no restart


@pytest.fixture(scope="module")
def neo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestartableNeo4j]:
    server = RestartableNeo4j(tmp_path_factory.mktemp("fault-neo4j"), password=PASSWORD)
    server.start()
    yield server
    server.stop()


def _store(neo: RestartableNeo4j, password: str | None = None) -> Neo4jStore:
    secret = neo.password if password is None else password
    return Neo4jStore(neo.uri, ("neo4j", secret) if secret else None)


def _env(neo: RestartableNeo4j) -> dict[str, str]:
    return {"NEO4J_PASSWORD": neo.password} if neo.password else {}


def _fresh(neo: RestartableNeo4j, demo: bool = True) -> None:
    """The fault Neo4j holding the demo dataset only (or nothing)."""
    store = _store(neo)
    store._driver.execute_query("MATCH (n) DETACH DELETE n")
    store._driver.execute_query("MERGE (m:Meta {key: 'graph'}) ON CREATE SET m.version = 0, "
                                "m.changes_since = 0")
    if demo:
        load_files([DEMO], "json", store)
    store.close()


def _warm(neo: RestartableNeo4j) -> bool:
    """Whether Neo4j answers, each within the API's 2 s, the queries the clients here make
    (run once, so their plans are compiled)."""
    try:
        store = _store(neo)
    except Exception:  # noqa: BLE001 - not up yet
        return False
    try:
        for ask in (store.version, lambda: store.count_institutions(InstitutionFilter()),
                    lambda: store.find_institutions(InstitutionFilter(), PageRequest(10)),
                    # the cursor walk's page 2: a query of its own (measured: its first
                    # run after the restart took over 2 s at load 10 on 2 cores)
                    lambda: store.find_institutions(InstitutionFilter(),
                                                    PageRequest(10, after=("", ""))),
                    lambda: store.regions(["33.74.05"]),
                    lambda: store.resolve_aliases(["none"]),
                    lambda: store.institutions(["none"])):
            started = time.monotonic()
            ask()
            if time.monotonic() - started > 1.0:
                return False
        return True
    except Exception:  # noqa: BLE001 - not yet
        return False
    finally:
        store.close()


def _warm_api(served: Served) -> None:
    """Until the API answers the test's reads and a write in good time (a cold Neo4j
    compiles each query's plan on its first run, which can exceed the 2 s bound)."""
    def answers() -> bool:
        return all(served.post(q).status_code == 200 for q in (COUNT, WALK % ""))

    wait_until(answers, 120, 0.2)


def _names(neo: RestartableNeo4j, prefix: str) -> list[str]:
    store = _store(neo)
    records, _, _ = store._driver.execute_query(
        "MATCH (i:Institution) WHERE i.name STARTS WITH $p RETURN i.name AS name", p=prefix)
    store.close()
    return [r["name"] for r in records]


def _code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors") or [{}]
    code: str | None = (errors[0].get("extensions") or {}).get("code")
    return code


@dataclass
class Call:
    """One request of a client: when, how long, and what came back."""

    kind: str  # read | write | ready
    start: float
    end: float
    status: int  # 0: no answer
    code: str | None
    retry_after: str | None
    text: str
    name: str = ""

    @property
    def seconds(self) -> float:
        return self.end - self.start


def _call(served: Served, kind: str, query: str, name: str = "") -> Call:
    started = time.monotonic()
    try:
        answer = served.post(query, timeout=30)
    except Exception as exc:  # noqa: BLE001 - a missing answer is itself a finding
        return Call(kind, started, time.monotonic(), 0, None, None, repr(exc), name)
    try:
        code = _code(answer.json())
    except ValueError:
        code = "NOT_JSON"
    return Call(kind, started, time.monotonic(), answer.status_code, code,
                answer.headers.get("retry-after"), answer.text, name)


class Load:
    """8 clients, each reading twice and writing once in turn, plus a /ready probe."""

    def __init__(self, served: Served, tag: str) -> None:
        self.served = served
        self.tag = tag
        self.calls: list[Call] = []
        self.probes: list[tuple[float, float, dict[str, Any] | None]] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._client, args=(n,)) for n in range(8)]
        self._threads.append(threading.Thread(target=self._probe))

    def _client(self, n: int) -> None:
        i = 0
        while not self._stop.is_set():
            if i % 3 == 2:
                name = f"Posyandu Gangguan {self.tag} {n}-{i}"
                self.calls.append(_call(
                    self.served, "write", f'mutation {{ createInstitution(input: {{name: '
                    f'"{name}", type: "POSYANDU", regionCode: "33.74.05"}}) {{ id }} }}', name))
            else:
                self.calls.append(_call(self.served, "read", COUNT))
            i += 1
            # After a refusal a client waits a moment (far less than the Retry-After it
            # was told): refusals now come at once, and 8 clients looping every 20 ms on
            # them sent hundreds of requests a second, a retry storm that starved the API
            # of CPU on this shared 2-core machine (refusals answered after 3 s).
            time.sleep(0.25 if self.calls[-1].status == 503 else 0.02)

    def _probe(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            # 2 s: a late answer is measured, not lost (the bound is checked on the times)
            answer = self.served.ready(timeout=2.0)
            self.probes.append((started, time.monotonic(), answer))
            time.sleep(0.05)

    def __enter__(self) -> Load:
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=60)


def _port_closed(port: int) -> tuple[threading.Thread, dict[str, float]]:
    """A watcher noting when `port` stops accepting connections."""
    seen: dict[str, float] = {}

    def watch() -> None:
        while accepts(port):
            time.sleep(0.01)
        seen["closed"] = time.monotonic()

    thread = threading.Thread(target=watch)
    thread.start()
    return thread, seen


def _settled(served: Served, query: str) -> Call:
    """The read's answer, asked again every 0.25 s until it is a 200 or READY_TRUE has
    passed: recovery is held to a window, not to a single request."""
    answer = _call(served, "read", query)
    settled = time.monotonic() + READY_TRUE
    while answer.status != 200 and time.monotonic() < settled:
        time.sleep(0.25)
        answer = _call(served, "read", query)
    return answer


def _p99(seconds: list[float]) -> float:
    ordered = sorted(seconds)
    return ordered[max(0, -(-len(ordered) * 99 // 100) - 1)]


# What a write may answer during the outage: refused, nothing written (STORE_UNAVAILABLE);
# its commit sent and then lost (WRITE_OUTCOME_UNKNOWN): a stopping Neo4j answers
# DatabaseUnavailable to commits it made, and the first write of each client, queued on
# the region's lock as Neo4j stopped, was found stored after such an answer; stored but
# not read back (WRITE_STORED_UNREAD).
WRITE_CODES = {"STORE_UNAVAILABLE", "WRITE_OUTCOME_UNKNOWN", "WRITE_STORED_UNREAD"}


@pytest.mark.parametrize("how", ["kill", "stop"])
def test_outage_under_concurrent_reads_and_writes(neo: RestartableNeo4j, how: str) -> None:
    _fresh(neo)
    with Served(neo.uri, **_env(neo)) as served:
        wait_until(lambda: served.is_ready() is True, 60, 0.2)
        _warm_api(served)
        pid = served.proc.pid
        # One client's cursor walk: page 1 before the outage, page 2 during and after it.
        page1 = served.post(WALK % "").json()["data"]["institutions"]
        after_cursor = f', after: "{page1["pageInfo"]["endCursor"]}"'
        with Load(served, how) as load:
            time.sleep(1.5)
            watcher, seen = _port_closed(neo.port)
            neo.kill() if how == "kill" else neo.stop()
            dead = time.monotonic()  # the JVM has exited
            watcher.join()
            closed = seen["closed"]
            time.sleep(2)
            page2_during = _call(served, "read", WALK % after_cursor)
            time.sleep(2)
            restarting = time.monotonic()
            neo.start()
            # Neo4j is back when it answers the API's queries within the bound: a cold JVM
            # on a busy machine takes seconds between its ready line and that (the first
            # run of each query compiles its plan).
            listening = time.monotonic()
            wait_until(lambda: _warm(neo), 120, 0.05)
            back = time.monotonic()
            ready_again = wait_until(lambda: served.is_ready() is True, READY_TRUE, 0.05)
            # The first read answered once /ready says true; a graceful stop's Neo4j may
            # still refuse one while it settles (measured: one 2 s timeout at load 10+),
            # so recovery is held to READY_TRUE, not to a single request.
            first_after = _settled(served, COUNT)
            # Page 2 too: once at load 8 (three other agents on 2 cores) its first try after
            # the return was cut at the 2 s bound although its plan was warm (_warm).
            page2 = _settled(served, WALK % after_cursor)
            time.sleep(1.5)
        whole = served.post(WALK.replace("10", "20") % "").json()["data"]["institutions"]
        assert served.proc.poll() is None and served.proc.pid == pid, served.stderr()

    calls, probes = load.calls, load.probes
    # Every answer is an answer: a status and a code, never "Internal error" or a 500.
    assert all(c.status in (200, 503) for c in calls), [
        (c.kind, round(c.start - closed, 2), round(c.seconds, 2), c.status, c.text[:300])
        for c in calls if c.status not in (200, 503)]
    assert all(c.code in (None, "STORE_UNAVAILABLE") for c in calls if c.kind == "read"), \
        {c.code for c in calls if c.kind == "read"}
    assert all(c.code in {None} | WRITE_CODES for c in calls if c.kind == "write"), \
        {c.code for c in calls if c.kind == "write"}
    assert not [c for c in calls if "Internal error" in c.text]

    # The outage: from the port closing to Neo4j's return.
    during = [c for c in calls if c.start >= closed and c.end <= restarting]
    refused = [c for c in during if c.status == 503]
    assert len(refused) >= 20, len(refused)
    assert {c.code for c in refused if c.kind == "read"} == {"STORE_UNAVAILABLE"}
    assert all(c.retry_after for c in refused)
    # Once the JVM is gone nothing can succeed; before that a graceful stop may still
    # answer on open connections, which is the truth, not a fault.
    assert all(c.status == 503 for c in during if c.start >= dead), \
        {(c.status, c.code) for c in during if c.start >= dead}
    # The outage ends when Neo4j answers the clients' reads warm (`back`), or earlier if
    # the API says it is back (/ready true: its write path answered warm, api/recovery.py);
    # requests after that are ordinary traffic, whose latency is the workload's, not the
    # fault's (8 clients writing into one region queue on its lock).
    api_back = min([p[0] for p in probes if p[0] > restarting and p[2] and p[2]["ready"]],
                   default=back)
    end = min(back, api_back)
    p99 = _p99([c.seconds for c in calls if closed <= c.start <= end])
    assert p99 < BOUND, (p99, [(c.kind, round(c.start - closed, 2), round(c.seconds, 2),
                                c.status, c.code) for c in calls
                               if closed <= c.start <= end and c.seconds >= BOUND])

    # /ready: false within 1 s of the port closing and until the return, answered within
    # 1 s (p99; every probe within 2 s), true within 5 s of the return. Why a percentile:
    # on this 2-core machine under 8 clients and a restarting JVM, a few probes in 700
    # answered at 1.00-1.05 s while /ready's own probe is bounded at 0.5 s: the event
    # loop or this test's threads (9 of them, one GIL) waiting for a core.
    waits = [p[1] - p[0] for p in probes]
    assert all(p[2] is not None for p in probes), (
        "a /ready probe gave no answer within 2 s",
        [(round(p[0] - closed, 2), round(p[1] - p[0], 2)) for p in probes if p[2] is None],
        f"of {len(probes)}; Neo4j start began {restarting - closed:.1f} s after the close")
    assert _p99(waits) < 1.0, (_p99(waits), sorted(waits)[-10:])
    first_false = min(p[1] for p in probes if p[1] > closed and p[2] and not p[2]["ready"])
    assert first_false - closed < READY_FALSE, first_false - closed
    late = [p for p in probes if p[0] > closed + READY_FALSE and p[1] < listening]
    assert late and all(p[2] and not p[2]["ready"] for p in late)
    assert all(p[2] and p[2]["code"] == "STORE_UNAVAILABLE" for p in late)
    assert ready_again < READY_TRUE

    # Recovered alone (same process): the next request and every one after it succeed.
    assert first_after.status == 200 and first_after.code is None, first_after.text
    after = [c for c in calls if c.start > back + ready_again]
    assert after and all(c.status == 200 and c.code is None for c in after), \
        {(c.status, c.code) for c in after}

    # The cursor walk: page 2 refused during the outage, then the next 10, no gap.
    assert (page2_during.status, page2_during.code) == (503, "STORE_UNAVAILABLE")
    assert page2_during.seconds < BOUND
    assert page2.status == 200 and page2.code is None, page2.text
    walked = [e["node"]["id"] for e in page1["edges"]] + [
        e["node"]["id"] for e in json.loads(page2.text)["data"]["institutions"]["edges"]]
    assert walked == [e["node"]["id"] for e in whole["edges"]]

    # No acknowledged write lost, no refused write stored, none stored twice; a write
    # whose commit was lost may be either, and is counted.
    names = _names(neo, f"Posyandu Gangguan {how} ")
    stored = set(names)
    assert len(stored) == len(names)
    writes = [c for c in calls if c.kind == "write"]
    acknowledged = {c.name for c in writes if c.status == 200 and c.code is None}
    unread = {c.name for c in writes if c.code == "WRITE_STORED_UNREAD"}
    unknown = {c.name for c in writes if c.code == "WRITE_OUTCOME_UNKNOWN"}
    refused_writes = {c.name for c in writes if c.code == "STORE_UNAVAILABLE"}
    assert acknowledged and refused_writes
    assert acknowledged | unread <= stored, (acknowledged | unread) - stored
    assert not refused_writes & stored, [
        (c.name, round(c.start - closed, 2), round(c.seconds, 2), c.text[:300])
        for c in writes if c.name in refused_writes & stored]
    # Each answer says what it means, and only a refusal says nothing was written.
    assert all("may or may not be stored" in c.text and "re-sending it is safe" in c.text
               for c in writes if c.name in unknown)
    assert all("the write was stored" in c.text for c in writes if c.name in unread)
    assert all("nothing was written" in c.text for c in writes if c.name in refused_writes)
    assert not any("nothing was written" in c.text for c in writes
                   if c.name in acknowledged | unread | unknown)
    assert all(c.status == 503 and c.retry_after for c in writes if c.code in WRITE_CODES)
    after_reads = [c for c in after if c.kind == "read"]
    _report(f"Neo4j {'killed' if how == 'kill' else 'stopped'} under 8 clients",
            f"{len(refused)} answers 503, p99 {p99:.2f} s (then as "
            f"ordinary traffic: reads p99 {_p99([c.seconds for c in after_reads]):.2f} s, "
            f"writes {_p99([c.seconds for c in after if c.kind == 'write'] or [0]):.2f} s);"
            f" /ready false "
            f"{first_false - closed:.2f} s after the port closed, true {ready_again:.2f} s "
            f"after the return ({back - listening:.1f} s from ready line to answering); "
            f"writes: {len(acknowledged)} acknowledged all stored, {len(refused_writes)} "
            f"refused none stored (all saying 'nothing was written'), "
            f"{len(unread)} stored but unread, {len(unknown)} outcome unknown "
            f"({len(unknown & stored)} of them stored); cursor page 2: "
            f"{page2_during.seconds:.2f} s 503 during, 200 after, no gap; /ready answered in "
            f"p99 {_p99(waits):.2f} s, max {max(waits):.2f} s of {len(waits)} probes")


def _report(fault: str, figures: str) -> None:
    """A line of the fault table, shown with -s (and in the report of a failed run)."""
    print(f"\nFAULT {fault}: {figures}")


def _big_load(path: Path, n: int) -> Path:
    regions = [{"code": "33", "name": "Jawa Tengah", "level": "province"},
               {"code": "33.74", "name": "Kota Semarang", "level": "kabkota", "parent": "33"}]
    rows = [{"name": f"Posyandu Muatan {i}", "type": "POSYANDU", "region": "33.74"}
            for i in range(n)]
    path.write_text(json.dumps({"regions": regions, "institutions": rows}), "utf-8")
    return path


def _tpps(neo: RestartableNeo4j, *args: str, password: str | None = None,
          timeout: float = 300) -> subprocess.CompletedProcess[str]:
    secret = neo.password if password is None else password
    env = {"NEO4J_PASSWORD": secret} if secret else {}
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, check=False,
                          env={**_clean_env(), **env})


def _clean_env() -> dict[str, str]:
    """This environment less the test suite's long store timeout (tests/conftest.py) and
    credentials: the CLI runs with its defaults, as an operator's would."""
    import os

    return {k: v for k, v in os.environ.items()
            if k not in ("NEO4J_PASSWORD", "NEO4J_USER", "TPPS_STORE_TIMEOUT")}


def test_neo4j_killed_mid_load(neo: RestartableNeo4j, tmp_path: Path) -> None:
    _fresh(neo, demo=False)
    rows = 25_000  # one transaction; 60k MERGEd rows exceed a 512 MB test Neo4j's memory
    big = _big_load(tmp_path / "big.json", rows)
    load = subprocess.Popen([sys.executable, "-m", "cli.main", "load", "json", str(big),
                             "--db", neo.uri], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**_clean_env(), **_env(neo)})
    watcher = _store(neo)

    def writing() -> bool:
        records, _, _ = watcher._driver.execute_query(
            "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery")
        return any("UNWIND $rows" in (r["currentQuery"] or "") for r in records)

    try:
        wait_until(writing, 120, 0.02)
    finally:
        watcher.close()
    neo.kill()
    killed = time.monotonic()
    try:
        _, stderr = load.communicate(timeout=60)
    finally:
        ended = time.monotonic() - killed
        neo.start()
    assert ended < BOUND + 2, ended  # the driver's retries stay inside the budget
    assert load.returncode == 1, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert "STORE_UNAVAILABLE" in lines[0] and "nothing was written" in lines[0], lines[0]

    store = _store(neo)
    assert store.count_institutions(InstitutionFilter()) == 0  # all or nothing
    again = _tpps(neo, "load", "json", str(big), "--db", neo.uri)
    assert again.returncode == 0, again.stderr
    records, _, _ = store._driver.execute_query(
        "MATCH (i:Institution) RETURN count(i) AS n, count(DISTINCT i.name) AS names")
    assert (records[0]["n"], records[0]["names"]) == (rows, rows)  # everything, once
    store.close()
    _report("Neo4j killed mid `tpps load json`",
            f"CLI ended {ended:.2f} s after the kill, exit 1, one line; 0 rows after "
            f"restart, re-run loaded {rows} once")


def test_slow_neo4j_answers_within_the_bound(neo: RestartableNeo4j) -> None:
    _fresh(neo)
    with SlowProxy(neo.port) as proxy, \
            Served(f"bolt://127.0.0.1:{proxy.port}", **_env(neo)) as served:
        wait_until(lambda: served.is_ready() is True, 60, 0.2)
        _warm_api(served)
        proxy.delay = 3.0
        reads = [_call(served, "read", COUNT) for _ in range(3)]
        for read in reads:
            assert (read.status, read.code) == (503, "STORE_UNAVAILABLE"), read.text
            assert read.retry_after and read.seconds < BOUND, read.seconds
        started = time.monotonic()
        probe = served.ready()
        probe_seconds = time.monotonic() - started
        assert probe is not None and probe["ready"] is False and probe_seconds < 1.0
        assert probe["code"] == "STORE_UNAVAILABLE"
        # A write is never abandoned on a timer (it could commit after the client was
        # told it failed): it answers when the store does, and the data agrees.
        name = "Posyandu Lambat"
        write = _call(served, "write", f'mutation {{ createInstitution(input: {{name: '
                      f'"{name}", type: "POSYANDU", regionCode: "33.74.05"}}) {{ id }} }}')
        assert write.status in (200, 503) and "Internal error" not in write.text
        proxy.delay = 0.0
        recovered = wait_until(lambda: served.post(COUNT).status_code == 200, 15, 0.2)
        assert served.is_ready() is True
    stored = _names(neo, name)
    assert stored == ([name] if write.status == 200 and write.code is None else []), \
        (stored, write.text)
    _report("slow Neo4j (3 s per reply)",
            f"reads {max(r.seconds for r in reads):.2f} s 503 STORE_UNAVAILABLE, /ready "
            f"false in {probe_seconds:.2f} s, write {write.seconds:.1f} s {write.status} "
            f"stored={bool(stored)}, recovered {recovered:.1f} s after the delay ended")


def test_ready_false_once_new_connections_are_refused(neo: RestartableNeo4j) -> None:
    """A stopping Neo4j closes its port first and may answer on open connections for a
    while: /ready must say false then, though the pool's connection still answers."""
    _fresh(neo, demo=False)
    with SlowProxy(neo.port) as proxy:
        store = Neo4jStore(f"bolt://127.0.0.1:{proxy.port}",
                           ("neo4j", neo.password) if neo.password else None)
        readiness = Readiness(store, "neo4j")
        try:
            assert asyncio.run(readiness.check())[0] == 200
            store.version()  # the pool holds a connection through the proxy
            proxy.refuse_new()
            time.sleep(0.2)
            assert store.version() >= 0  # still answered on the open connection
            started = time.monotonic()
            status, body = asyncio.run(readiness.check())
            seconds = time.monotonic() - started
        finally:
            readiness.close()
            store.close()
    assert (status, body["code"]) == (503, "STORE_UNAVAILABLE"), body
    assert seconds < 1.0, seconds


def test_api_killed_during_mutations(neo: RestartableNeo4j) -> None:
    _fresh(neo)
    store = _store(neo)
    ids = [i.id for i in store.find_institutions(InstitutionFilter(), PageRequest(30)).items]
    store.close()
    attendees = ", ".join(f'{{institutionId: "{i}"}}' for i in ids)
    acknowledged: list[str] = []
    with Served(neo.uri, **_env(neo)) as served:
        wait_until(lambda: served.is_ready() is True, 60, 0.2)
        _warm_api(served)

        def create(n: int) -> None:
            title = f"Rakor Uji Gangguan {n}"
            call = _call(served, "write", f'mutation {{ createMeeting(input: {{title: '
                         f'"{title}", date: "2025-03-{1 + n % 28:02d}", regionCode: '
                         f'"33.74.05", attendees: [{attendees}]}}) {{ id }} }}', title)
            if call.status == 200 and call.code is None:
                acknowledged.append(title)

        threads = [threading.Thread(target=create, args=(n,)) for n in range(24)]
        for t in threads:
            t.start()
            time.sleep(0.05)
        # Killed once some creates are acknowledged and others still in flight.
        wait_until(lambda: len(acknowledged) >= 1, 60, 0.01)
        served.proc.send_signal(signal.SIGKILL)
        served.proc.wait()
        for t in threads:
            t.join(timeout=30)

    with Served(neo.uri, **_env(neo)) as again:  # the API restarted on the same data
        wait_until(lambda: again.is_ready() is True, 60, 0.2)
        listed = again.post('{ meetings(first: 100, filter: {titleContains: '
                            '"Rakor Uji Gangguan"}) { totalCount } }')
    store = _store(neo)
    records, _, _ = store._driver.execute_query(
        "MATCH (m:Meeting) WHERE m.title STARTS WITH 'Rakor Uji Gangguan' "
        "OPTIONAL MATCH (i:Institution)-[a:ATTENDED]->(m) "
        "RETURN m.title AS title, count(a) AS attendees")
    store.close()
    stored = {r["title"]: r["attendees"] for r in records}
    assert acknowledged and len(acknowledged) < 24
    assert set(acknowledged) <= set(stored)  # every acknowledged mutation is there
    assert all(n == len(ids) for n in stored.values()), stored  # none half-written
    assert listed.status_code == 200, listed.text
    _report("API SIGKILLed during 24 createMeeting",
            f"{len(acknowledged)} acknowledged, {len(stored)} stored, all with "
            f"{len(ids)} attendees")


def test_wrong_credentials(neo: RestartableNeo4j) -> None:
    _fresh(neo)
    with SlowProxy(neo.port) as proxy, \
            Served(f"bolt://127.0.0.1:{proxy.port}", **_env(neo)) as served:
        wait_until(lambda: served.is_ready() is True, 60, 0.2)
        _warm_api(served)
        admin = _store(neo)
        # The operator changes the password; the API's connections drop (a network blip),
        # and it logs in again with the old one.
        admin._driver.execute_query("ALTER USER neo4j SET PASSWORD $pw",
                                    pw="fault-suite-changed", database_="system")
        proxy.drop()
        reads = [_call(served, "read", COUNT) for _ in range(3)]
        started = time.monotonic()
        probe = served.ready()
        probe_seconds = time.monotonic() - started
        admin._driver.execute_query("ALTER USER neo4j SET PASSWORD $pw", pw=neo.password,
                                    database_="system")
        admin.close()
        # Neo4j locks a login for 5 s after 3 refusals, so the way back can take that long.
        recovered = wait_until(lambda: served.is_ready() is True, 15, 0.2)
        assert served.post(COUNT).status_code == 200
    for read in reads:
        assert (read.status, read.code) == (503, "STORE_AUTH"), read.text
        assert read.seconds < BOUND and "NEO4J_PASSWORD" in read.text
        assert read.retry_after is None  # retrying soon helps nobody
    assert probe is not None and probe_seconds < 1.0
    assert (probe["ready"], probe["code"]) == (False, "STORE_AUTH")
    assert "NEO4J_PASSWORD" in probe["error"]

    # Started with a wrong password, `tpps load` and `tpps serve` say so in one line.
    before = _store(neo).stats()
    for args in (("load", "json", str(DEMO)), ("serve", "--port", "0")):
        started = time.monotonic()
        done = _tpps(neo, *args, "--db", neo.uri, password="not-the-password", timeout=60)
        took = time.monotonic() - started
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert done.returncode == 1 and len(lines) == 1, done.stderr
        assert "STORE_AUTH" in lines[0] and "NEO4J_PASSWORD" in lines[0], lines[0]
        assert "Traceback" not in done.stderr
    assert _store(neo).stats() == before  # nothing changed
    _report("wrong Neo4j password",
            f"reads {max(r.seconds for r in reads):.2f} s 503 STORE_AUTH, /ready false in "
            f"{probe_seconds:.2f} s naming NEO4J_PASSWORD, true again {recovered:.1f} s after "
            f"the password was restored; tpps load/serve exit 1, one line ({took:.1f} s)")


def test_warm_writes_stores_nothing(neo: RestartableNeo4j) -> None:
    """The recovery warm-up (api/recovery.py) plans the write path in a transaction it
    rolls back: no node, no edge, no version bump."""
    _fresh(neo)
    store = _store(neo)
    try:
        before, version = store.stats(), store.version()
        store.warm_writes()
        store.warm_writes()  # twice: the claim's MERGE finds nothing left by the first
        assert (store.stats(), store.version()) == (before, version)
        records, _, _ = store._driver.execute_query(
            "MATCH (n) WHERE any(v IN [n.id, n.code, n.key] WHERE v STARTS WITH '~warm') "
            "RETURN count(n) AS c")
        assert records[0]["c"] == 0
    finally:
        store.close()
