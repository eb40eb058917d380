"""The write gate without a server: a store found unreachable holds writes (refused at
once, the store not asked) until its warm-up succeeds; a slow store does not."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j.exceptions import ServiceUnavailable

from api import recovery
from api.context import Context
from api.faults import StoreFaultError
from api.readiness import Readiness
from graph.model import Batch, WriteResult
from graph.settings import settings
from graph.store.faults import guard, still_wanted


class FlakyStore:
    """Unreachable until `back` is set; then warm_writes succeeds and writes work."""

    def __init__(self) -> None:
        self.back = threading.Event()
        self.warm_calls = 0
        self.writes = 0
        self.slow = 0.0

    def _reach(self) -> None:
        if not self.back.is_set():
            raise ServiceUnavailable("Couldn't connect to 127.0.0.1:7687")

    def version(self) -> int:
        time.sleep(self.slow)
        self._reach()
        return 1

    def warm_writes(self) -> None:
        self.warm_calls += 1
        self._reach()

    def write(self, batch: Batch) -> WriteResult:
        self._reach()
        self.writes += 1
        return WriteResult({}, {}, 1)


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(recovery, "STEP", 0.02)
    monkeypatch.setenv("TPPS_STORE_TIMEOUT", "0.3")
    settings.cache_clear()  # the environment is read once per process
    yield
    monkeypatch.undo()
    settings.cache_clear()


def _code(exc: StoreFaultError) -> str:
    return str((exc.extensions or {})["code"])


def test_an_unreachable_store_holds_writes_until_it_is_back_and_warm() -> None:
    inner = FlakyStore()
    store = guard(inner, "neo4j")
    context = Context(store)
    gate = recovery.gate(store)

    async def run() -> None:
        with pytest.raises(StoreFaultError) as first:  # the store itself says it is gone
            await context.call(store.write, Batch())
        assert _code(first.value) == "STORE_UNAVAILABLE"
        assert not gate.open
        asked = inner.writes
        started = time.monotonic()
        with pytest.raises(StoreFaultError) as held:
            await context.call(store.write, Batch())
        assert time.monotonic() - started < 0.1  # refused at once ...
        assert _code(held.value) == "STORE_UNAVAILABLE" and "nothing was written" in str(
            held.value)
        assert inner.writes == asked  # ... without asking the store
        assert (held.value.extensions or {})["retryAfter"]
        # A read is not held: it asks the store (and here finds it still gone).
        with pytest.raises(StoreFaultError):
            await context.call(store.version)
        inner.back.set()
        for _ in range(100):
            if gate.open:
                break
            await asyncio.sleep(0.02)
        assert gate.open and inner.warm_calls >= 2  # tried while away, then succeeded
        result = await context.call(store.write, Batch())
        assert result.version == 1 and inner.writes == asked + 1

    asyncio.run(run())
    gate.close()


def test_a_slow_store_does_not_close_the_gate() -> None:
    inner = FlakyStore()
    inner.back.set()
    inner.slow = 0.6
    store = guard(inner, "neo4j")
    context = Context(store)

    async def run() -> None:
        with pytest.raises(StoreFaultError) as slow:  # our timer, not the store
            await context.call(store.version)
        assert "did not answer within" in str(slow.value)

    asyncio.run(run())
    assert recovery.gate(store).open and inner.warm_calls == 0


def test_ready_says_false_while_writes_are_held_and_true_once_warm() -> None:
    inner = FlakyStore()
    store = guard(inner, "neo4j")
    readiness = Readiness(store, "neo4j", bound=0.5)
    warm = threading.Event()

    def warm_writes() -> None:  # back, but planning takes until `warm` is set
        inner._reach()
        if not warm.is_set():
            raise ServiceUnavailable("still planning")

    inner.warm_writes = warm_writes  # type: ignore[method-assign]

    async def check() -> tuple[int, dict[str, Any]]:
        return await readiness.check()

    status, body = asyncio.run(check())
    assert (status, body["code"]) == (503, "STORE_UNAVAILABLE")
    inner.back.set()
    status, body = asyncio.run(check())  # the store answers; writes still held
    assert status == 503 and "warming up" in body["error"]
    warm.set()
    time.sleep(0.2)
    status, body = asyncio.run(check())
    assert status == 200 and body["ready"] is True
    readiness.close()


class MidWriteStore(FlakyStore):
    """A write that pauses inside its transaction until told to go on."""

    def __init__(self) -> None:
        super().__init__()
        self.back.set()
        self.inside = threading.Event()
        self.go_on = threading.Event()
        self.committed = 0

    def write(self, batch: Batch) -> WriteResult:
        self.inside.set()
        self.go_on.wait(5)
        still_wanted()  # what Neo4jStore._write_tx does between statements
        self.committed += 1
        return WriteResult({}, {}, 2)


def test_a_write_under_way_when_the_store_goes_rolls_back_at_its_next_statement() -> None:
    inner = MidWriteStore()
    store = guard(inner, "neo4j")
    context = Context(store)
    gate = recovery.gate(store)

    async def run() -> None:
        pending = asyncio.ensure_future(context.call(store.write, Batch()))
        while not inner.inside.is_set():
            await asyncio.sleep(0.01)
        inner.back.clear()  # the store goes away (the warm-up keeps failing) ...
        gate.store_lost()  # ... and another request (or /ready) finds out
        inner.go_on.set()
        with pytest.raises(StoreFaultError) as refused:
            await pending
        assert "rolled back, nothing was written" in str(refused.value)

    asyncio.run(run())
    assert inner.committed == 0
    still_wanted()  # outside an API write nothing is refused (CLI loads, warm-up)
    gate.close()


class ColdStore(FlakyStore):
    """Answers reads (slowly) but its write path never warms: writes stay held."""

    def warm_writes(self) -> None:
        self.warm_calls += 1
        raise ServiceUnavailable("still planning")


def test_while_writes_are_held_only_a_few_reads_reach_the_store() -> None:
    inner = ColdStore()
    inner.back.set()
    inner.slow = 0.15  # out a while, but within the 0.3 s timer
    store = guard(inner, "neo4j")
    context = Context(store)
    gate = recovery.gate(store)
    gate.store_lost()

    async def run() -> list[object]:
        return await asyncio.gather(*(context.call(store.version) for _ in range(6)),
                                    return_exceptions=True)

    started = time.monotonic()
    answers = asyncio.run(run())
    assert [a for a in answers if a == 1] == [1] * recovery.READS_WHILE_CLOSED
    refused = [a for a in answers if isinstance(a, StoreFaultError)]
    assert len(refused) == 6 - recovery.READS_WHILE_CLOSED
    assert time.monotonic() - started < 1.0
    assert gate._reads == 0  # every slot given back
    gate.close()
