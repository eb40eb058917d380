"""A write's failure told by what it means for the data: refused, nothing written
(STORE_UNAVAILABLE); its commit sent and then lost, the outcome unknown
(WRITE_OUTCOME_UNKNOWN); stored but not read back (WRITE_STORED_UNREAD).

The pure mapping, the no-retry guard around a transaction function, the API's answer
and the CLI's line, without a server. The proof on a real Neo4j stopped under writes
is tests/faults/test_neo4j_faults.py::test_outage_under_concurrent_reads_and_writes.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j.exceptions import IncompleteCommit, Neo4jError, ServiceUnavailable, SessionExpired
from typer.testing import CliRunner

from api import recovery
from api.context import Context
from api.faults import StoreFaultError, http_status
from cli import main as cli
from graph.model import Batch, WriteResult
from graph.settings import settings
from graph.store import open_store
from graph.store.faults import (
    StoreUnavailable,
    WriteOutcomeUnknown,
    guard,
    translate,
    write_fault,
)
from graph.store.neo4j import Neo4jStore
from tests.conftest import DEMO

WHERE = "bolt://db:7687"


def _server(code: str) -> Neo4jError:
    """An error as the driver builds it from a server's FAILURE message."""
    return Neo4jError._hydrate_neo4j(code=code, message="from the server")


DATABASE_UNAVAILABLE = "Neo.TransientError.General.DatabaseUnavailable"
CONSTRAINT = "Neo.ClientError.Schema.ConstraintValidationFailed"


@pytest.mark.parametrize(("exc", "sent", "code", "says"), [
    # The connection lost with the commit's answer outstanding: unknown, sent or not
    # as far as our flag knows (the driver knows better).
    (IncompleteCommit("lost"), True, "WRITE_OUTCOME_UNKNOWN", "may or may not be stored"),
    (IncompleteCommit("lost"), False, "WRITE_OUTCOME_UNKNOWN", "may or may not be stored"),
    # A stopping Neo4j answered this to a commit it had made (measured, Neo4j 5.26).
    (_server(DATABASE_UNAVAILABLE), True, "WRITE_OUTCOME_UNKNOWN",
     "may or may not be stored"),
    (ServiceUnavailable("gone"), True, "WRITE_OUTCOME_UNKNOWN", "may or may not be stored"),
    (SessionExpired("gone"), True, "WRITE_OUTCOME_UNKNOWN", "may or may not be stored"),
    (ConnectionResetError("reset"), True, "WRITE_OUTCOME_UNKNOWN", "may or may not"),
    # Before the commit: nothing was written, and the answer says so.
    (ServiceUnavailable("refused"), False, "STORE_UNAVAILABLE", "nothing was written"),
    (SessionExpired("gone"), False, "STORE_UNAVAILABLE", "nothing was written"),
    (_server(DATABASE_UNAVAILABLE), False, "STORE_UNAVAILABLE", "nothing was written"),
])
def test_a_write_fault_says_whether_anything_may_be_stored(
        exc: Exception, sent: bool, code: str, says: str) -> None:
    fault = write_fault(exc, WHERE, sent)
    assert fault is not None and fault.code == code and says in fault.message, fault
    assert fault.http_status == 503 and fault.retry_after
    assert (code == "STORE_UNAVAILABLE") == ("nothing was written" in fault.message)
    assert fault.nothing_written == (code == "STORE_UNAVAILABLE")  # what the API/CLI read


def test_nothing_written_is_said_once_whoever_adds_it() -> None:
    plain = StoreUnavailable("the store did not answer")
    said = plain.saying_nothing_written()
    assert said.message == "the store did not answer; nothing was written"
    assert said.nothing_written and type(said) is StoreUnavailable
    assert said.saying_nothing_written() is said  # a second caller adds nothing
    rolled = write_fault(ServiceUnavailable("refused"), WHERE, False)
    assert rolled is not None
    assert rolled.saying_nothing_written().message.count("nothing was written") == 1


def test_a_refusal_by_the_server_stays_what_it_is() -> None:
    # A constraint refused at commit is Neo4j's answer: nothing stored, a conflict.
    assert write_fault(_server(CONSTRAINT), WHERE, True) is None
    refused = StoreUnavailable("the store went away during the write; it was rolled back, "
                               "nothing was written")
    assert write_fault(refused, WHERE, False) is refused  # still_wanted's own words
    assert write_fault(ValueError("a bug"), WHERE, False) is None  # a bug stays a bug


def test_incomplete_commit_is_an_unknown_write_and_a_failed_read() -> None:
    # Managed transactions commit reads too: a read's lost commit is only unavailability.
    read = translate(IncompleteCommit("lost"), WHERE)
    assert read is not None and read.code == "STORE_UNAVAILABLE"
    write = write_fault(IncompleteCommit("lost"), WHERE, True)
    assert isinstance(write, WriteOutcomeUnknown)
    assert "nothing was written" not in write.message


def test_the_driver_classifications_the_guard_relies_on() -> None:
    # The driver does not retry a commit lost with the connection ...
    assert not IncompleteCommit("lost").is_retryable()
    # ... but does retry one Neo4j answered DatabaseUnavailable, which may have landed:
    # hence Neo4jStore._execute_write's own guard.
    assert _server(DATABASE_UNAVAILABLE).is_retryable()


class _RetryingSession:
    """A session whose execute_write does what the driver does when a commit fails with
    a retryable error: run the transaction function again."""

    def __init__(self, runs: list[int], commit_error: Exception) -> None:
        self.runs, self.commit_error = runs, commit_error

    def __enter__(self) -> _RetryingSession:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def execute_write(self, fn: Callable[..., Any], *args: Any) -> Any:
        fn(object(), *args)
        if not self.commit_error.is_retryable():  # type: ignore[attr-defined]
            raise self.commit_error
        return fn(object(), *args)  # the retry


def _store(commit_error: Exception, runs: list[int]) -> Neo4jStore:
    store = Neo4jStore.__new__(Neo4jStore)  # no server: only _execute_write is exercised
    store.uri, store.database = WHERE, "neo4j"

    class Driver:
        def session(self, **_: Any) -> _RetryingSession:
            return _RetryingSession(runs, commit_error)

    store._driver = Driver()  # type: ignore[assignment]
    return store


@pytest.mark.parametrize("commit_error", [_server(DATABASE_UNAVAILABLE),
                                          IncompleteCommit("lost")])
def test_a_commit_that_may_have_landed_is_not_run_again(commit_error: Exception) -> None:
    runs: list[int] = []
    store = _store(commit_error, runs)
    with pytest.raises(WriteOutcomeUnknown) as caught:
        store._execute_write(lambda tx, n: runs.append(n), 7)
    assert runs == [7]  # once: the driver's retry stopped before the work ran again
    assert "may or may not be stored" in caught.value.message


class _Store:
    """A store whose write fails as `fault` (None: stored) and whose reads fail once
    `away` is set."""

    def __init__(self, fault: Exception | None = None) -> None:
        self.fault = fault
        self.away = threading.Event()

    def warm_writes(self) -> None:
        raise ServiceUnavailable("still away")

    def write(self, batch: Batch) -> WriteResult:
        if self.fault is not None:
            raise self.fault
        self.away.set()  # stored; the store goes away before the answer is read back
        return WriteResult({}, {}, 1)

    def version(self) -> int:
        if self.away.is_set():
            raise ServiceUnavailable("Couldn't connect")
        return 1


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(recovery, "STEP", 0.02)
    settings.cache_clear()
    yield
    monkeypatch.undo()
    settings.cache_clear()


def _answer(error: StoreFaultError) -> tuple[str, str, tuple[int, dict[str, str]] | None]:
    body = {"data": None, "errors": [{"message": error.message,
                                      "extensions": error.extensions}]}
    return str((error.extensions or {})["code"]), error.message, http_status(body)


def test_the_api_answers_an_unknown_outcome_with_its_own_code() -> None:
    store = guard(_Store(WriteOutcomeUnknown(f"{WHERE}: lost while committing; the write "
                                             "may or may not be stored")), WHERE)
    context = Context(store)

    async def run() -> StoreFaultError:
        with pytest.raises(StoreFaultError) as caught:
            await context.call(store.write, Batch())
        return caught.value

    code, message, status = _answer(asyncio.run(run()))
    assert code == "WRITE_OUTCOME_UNKNOWN" and status == (503, {"Retry-After": "5"})
    assert "may or may not be stored" in message and "re-sending it is safe" in message
    assert "nothing was written" not in message
    assert not recovery.gate(store).open  # the store went away: later writes are held
    recovery.gate(store).close()


def test_a_read_failing_after_the_write_was_stored_says_it_was_stored() -> None:
    store = guard(_Store(), WHERE)
    context = Context(store)

    async def run() -> tuple[StoreFaultError, StoreFaultError]:
        await context.call(store.write, Batch())
        with pytest.raises(StoreFaultError) as read:  # the answer read back
            await context.call(store.version)
        with pytest.raises(StoreFaultError) as second:  # a second write, now held
            await context.call(store.write, Batch())
        return read.value, second.value

    read, second = asyncio.run(run())
    code, message, status = _answer(read)
    assert code == "WRITE_STORED_UNREAD" and status is not None and status[0] == 503
    assert "the write was stored" in message and "does not answer" in message
    # The second write's own refusal is its own: nothing of it was written.
    assert _answer(second)[0] == "STORE_UNAVAILABLE" and "nothing was written" in second.message
    recovery.gate(store).close()


def test_a_mutation_refused_before_its_write_says_nothing_was_written() -> None:
    inner = _Store()
    inner.away.set()
    store = guard(inner, WHERE)
    context = Context(store)
    context.mutation = True  # what guards.AccessControl sets for a mutation

    async def run() -> StoreFaultError:
        with pytest.raises(StoreFaultError) as caught:  # resolving its input, before the write
            await context.call(store.version)
        return caught.value

    code, message, _ = _answer(asyncio.run(run()))
    assert code == "STORE_UNAVAILABLE" and message.endswith("nothing was written")
    recovery.gate(store).close()


class _CommitLost:
    """A real SQLite store whose write fails as a Neo4j commit lost mid-answer would."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def write(self, batch: Batch) -> WriteResult:
        raise WriteOutcomeUnknown("bolt://db:7687: Neo4j went away while committing; the "
                                  "write may or may not be stored")


def test_the_cli_load_says_the_outcome_is_unknown(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "open_store", lambda db: _CommitLost(open_store(db)))
    done = CliRunner().invoke(cli.app, ["load", "json", str(DEMO), "--db",
                                        str(tmp_path / "x.db")])
    assert done.exit_code == 1
    line = " ".join(done.output.split())
    assert "WRITE_OUTCOME_UNKNOWN" in line and "may or may not be stored" in line
    assert "nothing was written" not in line and "nothing is loaded twice" in line
    assert "Traceback" not in done.output
