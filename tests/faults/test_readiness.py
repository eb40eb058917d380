"""/ready's probe without a server: bounded, one probe at a time, faults by code."""

from __future__ import annotations

import asyncio
import threading
import time

from neo4j.exceptions import AuthError, ServiceUnavailable

from api.readiness import Readiness
from graph.store.faults import guard


class HungStore:
    """A store that accepts the probe and answers only when told to."""

    def __init__(self) -> None:
        self.calls = 0
        self.release = threading.Event()

    def probe(self) -> int:
        self.calls += 1
        self.release.wait(10)
        return 7


def test_a_hung_store_costs_one_probe_and_every_check_answers_in_the_bound() -> None:
    store = HungStore()
    readiness = Readiness(store, "neo4j", bound=0.3)

    async def five() -> list[tuple[int, dict[str, object]]]:
        return await asyncio.gather(*(readiness.check() for _ in range(5)))

    started = time.monotonic()
    answers = asyncio.run(five())
    assert time.monotonic() - started < 1.0
    assert [a[0] for a in answers] == [503] * 5
    assert {a[1]["error"] for a in answers} == {"no answer within 0.3 s"}
    assert store.calls == 1  # the later checks waited for the probe already out
    store.release.set()
    time.sleep(0.1)
    status, body = asyncio.run(readiness.check())
    assert (status, body["ready"], body["version"]) == (200, True, 7)
    readiness.close()


class Refusing:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def version(self) -> int:  # no probe(): the version read is the probe
        raise self.exc


def test_store_faults_answer_at_once_with_their_code() -> None:
    for exc, code in ((ServiceUnavailable("connection refused"), "STORE_UNAVAILABLE"),
                      (AuthError("unauthorized"), "STORE_AUTH")):
        readiness = Readiness(guard(Refusing(exc), "bolt://db:7687"), "neo4j", bound=5.0)
        started = time.monotonic()
        status, body = asyncio.run(readiness.check())
        assert time.monotonic() - started < 1.0
        assert (status, body["ready"], body["code"]) == (503, False, code)
        readiness.close()
