"""Faults of a real Neo4j under a real `tpps serve`: stopped and restarted under
concurrent reads and writes, killed mid-load, slow, and the API server killed during
mutations. Each test checks the status, the code, the time bound and the data."""

from __future__ import annotations

import json
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store.base import InstitutionFilter, PageRequest
from graph.store.neo4j import Neo4jStore
from loaders.files import load_files
from tests.conftest import DEMO, ROOT
from tests.faults.served import RestartableNeo4j, Served, SlowProxy

COUNT = "{ institutions(first: 1) { totalCount } }"
BOUND = 2.5  # seconds: the p99 target during an outage


@pytest.fixture(scope="module")
def neo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestartableNeo4j]:
    server = RestartableNeo4j(tmp_path_factory.mktemp("fault-neo4j"))
    server.start()
    yield server
    server.stop()


def _empty(uri: str) -> Neo4jStore:
    store = Neo4jStore(uri)
    store._driver.execute_query("MATCH (n) DETACH DELETE n")
    store._driver.execute_query("MERGE (m:Meta {key: 'graph'}) ON CREATE SET m.version = 0")
    return store


def _names(store: Neo4jStore, prefix: str) -> set[str]:
    records, _, _ = store._driver.execute_query(
        "MATCH (i:Institution) WHERE i.name STARTS WITH $p RETURN i.name AS name", p=prefix)
    return {r["name"] for r in records}


def _wait(check: object, limit: float, step: float = 0.05) -> float:
    """Seconds until `check()` is true; fails past `limit`."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if check():  # type: ignore[operator]
            return time.monotonic() - started
        time.sleep(step)
    raise AssertionError(f"not within {limit} s")


def _ready(served: Served) -> bool | None:
    try:
        return bool(served.get("/ready", timeout=1.5).json()["ready"])
    except Exception:
        return None


def test_outage_under_concurrent_reads_and_writes(neo: RestartableNeo4j) -> None:
    store = _empty(neo.uri)
    load_files([DEMO], "json", store)
    served = Served(neo.uri)
    _wait(lambda: _ready(served) is True, 60, 0.2)  # warm: the first Cypher compiles slowly
    walk = '{ institutions(first: 10%s) { edges { node { id } } pageInfo { endCursor } } }'
    first_page = served.post(walk % "").json()["data"]["institutions"]
    reads: list[tuple[float, float, int, str | None]] = []  # (start, seconds, status, code)
    writes: list[tuple[str, bool]] = []  # (name, acknowledged)
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            started = time.monotonic()
            try:
                answer = served.post(COUNT, timeout=30)
                body = answer.json()
                code = (body.get("errors") or [{}])[0].get("extensions", {}).get("code")
                reads.append((started, time.monotonic() - started, answer.status_code, code))
            except Exception:
                reads.append((started, time.monotonic() - started, 0, "NO_ANSWER"))
            time.sleep(0.02)

    def writer(n: int) -> None:
        i = 0
        while not stop.is_set():
            name = f"Posyandu Gangguan {n}-{i}"
            i += 1
            try:
                body = served.post(f'mutation {{ createInstitution(input: {{name: "{name}", type: '
                                   '"POSYANDU", regionCode: "33.74.05"}) { id } }').json()
                writes.append((name, "errors" not in body))
            except Exception:
                writes.append((name, False))
            time.sleep(0.05)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    threads += [threading.Thread(target=writer, args=(n,)) for n in range(2)]
    try:
        for t in threads:
            t.start()
        time.sleep(2)
        neo.stop()
        out = time.monotonic()
        # /ready false at once (the 1 s, with room for a busy test machine)
        assert _wait(lambda: _ready(served) is False, 5.0) < 1.5
        time.sleep(5)
        back_start = time.monotonic()
        neo.start()
        back = time.monotonic()
        assert _wait(lambda: _ready(served) is True, 5.0) <= 5.0
        time.sleep(2)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
        served.close()

    during = [r for r in reads if r[0] > out + 0.5 and r[0] + r[1] < back_start]
    assert len(during) >= 20, len(during)
    assert {r[2] for r in during} == {503}, {r[2] for r in during}
    assert {r[3] for r in during} == {"STORE_UNAVAILABLE"}
    seconds = sorted(r[1] for r in during)
    p99 = seconds[int(len(seconds) * 0.99) - 1]
    assert p99 < BOUND, (p99, statistics.median(seconds))
    after = [r for r in reads if r[0] > back + 2]
    assert after and all(r[2] == 200 and r[3] is None for r in after)

    # A cursor taken before the restart still walks on after it (keyset, not server state).
    served = Served(neo.uri)
    second = served.post(walk % f', after: "{first_page["pageInfo"]["endCursor"]}"').json()
    served.close()
    ids = [e["node"]["id"] for e in first_page["edges"]]
    later = [e["node"]["id"] for e in second["data"]["institutions"]["edges"]]
    assert len(later) == 10 and not set(ids) & set(later)

    check = Neo4jStore(neo.uri)
    stored = _names(check, "Posyandu Gangguan")
    acknowledged = {n for n, ok in writes if ok}
    refused = {n for n, ok in writes if not ok}
    assert acknowledged and refused
    assert acknowledged <= stored  # no acknowledged write lost
    assert not (refused & stored)  # no refused write changed anything
    check.close()
    store.close()


def _big_load(path: Path, n: int) -> Path:
    regions = [{"code": "33", "name": "Jawa Tengah", "level": "province"},
               {"code": "33.74", "name": "Kota Semarang", "level": "kabkota", "parent": "33"}]
    rows = [{"name": f"Posyandu Muatan {i}", "type": "POSYANDU", "region": "33.74"}
            for i in range(n)]
    path.write_text(json.dumps({"regions": regions, "institutions": rows}), "utf-8")
    return path


def test_neo4j_killed_mid_load(neo: RestartableNeo4j, tmp_path: Path) -> None:
    store = _empty(neo.uri)
    store.close()
    big = _big_load(tmp_path / "big.json", 60_000)
    load = subprocess.Popen([sys.executable, "-m", "cli.main", "load", "json", str(big),
                             "--db", neo.uri], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    watcher = Neo4jStore(neo.uri)

    def writing() -> bool:
        records, _, _ = watcher._driver.execute_query(
            "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery")
        return any("UNWIND $rows" in (r["currentQuery"] or "") for r in records)

    try:
        _wait(writing, 120, 0.02)
    finally:
        watcher.close()
    neo.kill()
    killed = time.monotonic()
    try:
        stdout, stderr = load.communicate(timeout=60)
    finally:
        neo.start()
    assert time.monotonic() - killed < 10
    assert load.returncode == 1, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert "STORE_UNAVAILABLE" in lines[0] and "nothing was written" in lines[0]

    store = Neo4jStore(neo.uri)
    assert store.count_institutions(InstitutionFilter()) == 0  # all or nothing
    again = subprocess.run([sys.executable, "-m", "cli.main", "load", "json", str(big),
                            "--db", neo.uri], cwd=ROOT, capture_output=True, text=True,
                           timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    assert store.count_institutions(InstitutionFilter()) == 60_000
    store.close()


def test_slow_neo4j_answers_unavailable_within_the_bound(neo: RestartableNeo4j) -> None:
    store = _empty(neo.uri)
    load_files([DEMO], "json", store)
    proxy = SlowProxy(neo.port)
    served = Served(f"bolt://127.0.0.1:{proxy.port}")
    _wait(lambda: _ready(served) is True, 60, 0.2)
    try:
        assert served.post(COUNT).status_code == 200
        proxy.delay = 3.0
        started = time.monotonic()
        answer = served.post(COUNT)
        took = time.monotonic() - started
        assert answer.status_code == 503 and took < BOUND, (answer.status_code, took)
        assert answer.json()["errors"][0]["extensions"]["code"] == "STORE_UNAVAILABLE"
        assert answer.headers["Retry-After"] == "5"
        started = time.monotonic()
        assert _ready(served) is False
        assert time.monotonic() - started < 1.0
        proxy.delay = 0.0

        def answers() -> bool:
            return served.post(COUNT).status_code == 200

        _wait(answers, 15, 0.2)  # recovers alone, no restart
        assert _ready(served) is True
    finally:
        served.close()
        proxy.close()
        store.close()


def test_api_server_killed_during_mutations(neo: RestartableNeo4j) -> None:
    store = _empty(neo.uri)
    load_files([DEMO], "json", store)
    ids = [i.id for i in store.find_institutions(InstitutionFilter(), PageRequest(30)).items]
    attendees = ", ".join(f'{{institutionId: "{i}"}}' for i in ids)
    served = Served(neo.uri)
    acknowledged: list[str] = []
    rng = random.Random(7)

    def create(n: int) -> None:
        title = f"Rakor Uji Gangguan {n}"
        try:
            day = 1 + n % 28
            body = served.post(f'mutation {{ createMeeting(input: {{title: "{title}", date: '
                               f'"2025-03-{day:02d}", regionCode: "33.74.05", '
                               f'attendees: [{attendees}]}}) {{ id }} }}', timeout=10).json()
            if "errors" not in body:
                acknowledged.append(title)
        except Exception:
            pass

    threads = [threading.Thread(target=create, args=(n,)) for n in range(24)]
    for t in threads:
        t.start()
        time.sleep(0.01)
    time.sleep(rng.uniform(0.05, 0.3))
    served.proc.send_signal(signal.SIGKILL)
    served.proc.wait()
    for t in threads:
        t.join(timeout=30)

    records, _, _ = store._driver.execute_query(
        "MATCH (m:Meeting) WHERE m.title STARTS WITH 'Rakor Uji Gangguan' "
        "OPTIONAL MATCH (i:Institution)-[a:ATTENDED]->(m) "
        "RETURN m.title AS title, count(a) AS attendees")
    stored = {r["title"]: r["attendees"] for r in records}
    assert set(acknowledged) <= set(stored)  # every acknowledged mutation is there
    assert all(n == len(ids) for n in stored.values()), stored  # none half-written
    store.close()
