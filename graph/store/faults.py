"""Known store faults, each with a code a client can act on.

The backends raise their own exceptions (sqlite3.OperationalError, the Neo4j
driver's ServiceUnavailable ...). A client, a load balancer and an operator need
to know which of a few things happened — the store is unreachable, the disk is
full, the file is read-only, a lock is held too long, the credentials are refused —
so `translate` maps a backend exception to one of the classes below, and
`FaultBoundary` does so at every store call. Anything else is a bug and stays what it was.
A write's failure is mapped by `write_fault`, which knows whether its commit was sent:
before, nothing was written; after, the outcome may be unknown (WRITE_OUTCOME_UNKNOWN).
"""

from __future__ import annotations

import inspect
import sqlite3
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, NoReturn

from graph.store.base import StoreError


class StoreFault(StoreError):
    """A store could not do its part. A write refused with one changed nothing, except
    WriteOutcomeUnknown (its commit was sent) and WriteStoredUnread (it was stored)."""

    code = "STORE_ERROR"
    http_status = 503
    retry_after: int | None = 5

    def __init__(self, message: str, *, nothing_written: bool = False) -> None:
        super().__init__(message)
        self.message = message
        # True when the message already tells a client that nothing was written, so
        # callers adding that to a write's answer (the API, the CLI) say it once.
        self.nothing_written = nothing_written

    def saying_nothing_written(self) -> StoreFault:
        """This fault, its message ending by saying that nothing was written (once)."""
        if self.nothing_written:
            return self
        return type(self)(f"{self.message}; nothing was written", nothing_written=True)


class StoreUnavailable(StoreFault):
    """The store cannot be reached or answered too slowly."""

    code = "STORE_UNAVAILABLE"


class WriteOutcomeUnknown(StoreFault):
    """The store went away after the write's commit was sent and before its answer came:
    the write may or may not be stored, and nobody on this side can know which."""

    code = "WRITE_OUTCOME_UNKNOWN"


# What the API adds to a WriteOutcomeUnknown (the CLI says its own). True because every
# write MERGEs nodes and edges by an id derived from the fact's natural key (graph/ids.py),
# a create is a claim on that id, and a merge or re-key already done finds its old id gone.
RESEND_IS_SAFE = ("re-sending it is safe: ids derive from natural keys and writes merge "
                  "by id, so nothing is stored twice (a create already stored answers "
                  "CONFLICT with its id); or read it back by id once the store answers")


class WriteStoredUnread(StoreFault):
    """The write was stored (the store acknowledged its commit), then reading the answer
    back failed: the client must not take the failure for a refused write."""

    code = "WRITE_STORED_UNREAD"


class StoreAuth(StoreFault):
    """The store answers but refuses our credentials: an operator must fix them, so
    retrying soon helps nobody (no Retry-After)."""

    code = "STORE_AUTH"
    retry_after = None


class StoreFull(StoreFault):
    """The disk under the store is full: reads still work, writes cannot."""

    code = "STORE_FULL"
    http_status = 507
    retry_after = None


class StoreReadOnly(StoreFault):
    """The store's file (or database) accepts no writes."""

    code = "STORE_READ_ONLY"
    http_status = 503
    retry_after = None


class StoreLocked(StoreFault):
    """Another process has held the store's write lock for longer than we wait."""

    code = "STORE_LOCKED"
    retry_after = 2


# Set by the API around a write (api/context.py): true once writes are refused because the
# store went away (api/recovery.py). A write already inside its transaction then stops at
# its next statement and rolls back instead of going on. Why: on a gracefully stopping
# Neo4j, writes queued on one node's lock failed one after another, each at its next
# statement after Neo4j's 1 s wait plus the driver's 1 s retry (3 to 10 s under 8
# clients). A contextvar, so the store's signature stays; the thread pool copies it.
writes_refused: ContextVar[Callable[[], bool] | None] = ContextVar("writes_refused",
                                                                  default=None)


def still_wanted() -> None:
    """Raise StoreUnavailable (the transaction rolls back) if writes are refused now.
    Called between a write's statements, never after its commit began."""
    refused = writes_refused.get()
    if refused is not None and refused():
        raise StoreUnavailable("the store went away during the write; it was rolled back, "
                               "nothing was written; try again shortly", nothing_written=True)


def _sqlite(exc: sqlite3.Error, where: str) -> StoreFault | None:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StoreFull(f"{where}: the disk is full; the write was not made")
    if "readonly" in text or "read-only" in text:
        return StoreReadOnly(f"{where}: the store file is read-only; the write was not made")
    if "locked" in text or "busy" in text:
        return StoreLocked(f"{where}: another process holds the store's lock; try again")
    if "unable to open" in text or "disk i/o error" in text:
        return StoreUnavailable(f"{where}: the store file cannot be read ({exc})")
    return None


def _neo4j(exc: Exception, where: str) -> StoreFault | None:
    from neo4j import exceptions as e

    if isinstance(exc, e.AuthError) or (
            isinstance(exc, e.Neo4jError) and (exc.code or "").startswith(
                ("Neo.ClientError.Security.Unauthorized",
                 "Neo.ClientError.Security.AuthenticationRateLimit"))):
        # A rate limit follows a few refused logins: the same cause, said the same way.
        return StoreAuth(f"{where}: Neo4j refused the credentials (NEO4J_USER, "
                         "NEO4J_PASSWORD); fix them and restart")
    if isinstance(exc, e.IncompleteCommit):
        # A read's commit (managed transactions commit reads too): nothing to know. A
        # write's is told by write_fault, which every write path calls.
        return StoreUnavailable(f"{where}: Neo4j went away while committing; try again "
                                "shortly")
    if isinstance(exc, (e.ServiceUnavailable, e.SessionExpired)):
        return StoreUnavailable(f"{where}: Neo4j does not answer; try again shortly")
    if isinstance(exc, e.Neo4jError):
        code = exc.code or ""
        if "OutOfDisk" in code or "no space left" in str(exc).lower():
            return StoreFull(f"{where}: Neo4j's disk is full; the write was not made")
        if "MemoryPoolOutOfMemory" in code:
            return StoreUnavailable(f"{where}: the write is larger than Neo4j's transaction "
                                    f"memory ({code}); nothing was written",
                                    nothing_written=True)
        if "TransactionTimedOut" in code or code.startswith("Neo.TransientError.General"):
            return StoreUnavailable(f"{where}: Neo4j did not finish in time ({code})")
        if "ReadOnly" in code or "WriteOnReadOnly" in code or "NotALeader" in code:
            return StoreReadOnly(f"{where}: Neo4j accepts no writes here ({code})")
    if isinstance(exc, e.DriverError) and "timed out" in str(exc).lower():
        return StoreUnavailable(f"{where}: Neo4j did not answer in time")
    return None


def write_fault(exc: BaseException, where: str, commit_sent: bool) -> StoreFault | None:
    """The known fault behind a write that failed with `exc`, told apart by whether its
    commit had been sent.

    Before the commit nothing is stored (the transaction is rolled back, or dies with
    its connection), so an unreachable store says "nothing was written". Once the
    commit was sent, only a ClientError (a constraint, a timeout: Neo4j refused the
    transaction) is a refusal; anything else leaves the outcome unknown: a lost
    connection (IncompleteCommit) and, measured on a gracefully stopping Neo4j 5.26,
    Neo.TransientError.General.DatabaseUnavailable answered to a commit Neo4j had made."""
    from neo4j import exceptions as e

    if isinstance(exc, e.IncompleteCommit):
        # The driver saw the connection drop with the commit's answer outstanding (and
        # does not retry it: IncompleteCommit.is_retryable() is False).
        return WriteOutcomeUnknown(f"{where}: Neo4j went away while committing; the write "
                                   "may or may not be stored")
    fault = translate(exc, where)
    if isinstance(exc, StoreFault):
        return fault
    if commit_sent and not isinstance(exc, e.ClientError):
        return WriteOutcomeUnknown(f"{where}: the store failed after the write's commit was "
                                   f"sent ({_named(exc)}); the write may or may not be "
                                   "stored")
    if type(fault) is StoreUnavailable:
        return StoreUnavailable(f"{fault.message}; the write was rolled back before its "
                                "commit, nothing was written", nothing_written=True)
    return fault


def raise_write_fault(exc: BaseException, where: str, commit_sent: bool) -> NoReturn:
    """Re-raise a failed write's `exc` as its `write_fault`, or as itself when it is none
    (a bug stays a bug); every Neo4j write path ends its `except` with this."""
    fault = write_fault(exc, where, commit_sent)
    if fault is None or fault is exc:
        raise exc
    raise fault from exc


def _named(exc: BaseException) -> str:
    code = getattr(exc, "code", None)
    return code if isinstance(code, str) and code else type(exc).__name__


def translate(exc: BaseException, where: str) -> StoreFault | None:
    """The known fault behind `exc`, or None when it is not one (a bug stays a bug)."""
    if isinstance(exc, StoreFault):
        return exc
    if isinstance(exc, sqlite3.Error):
        return _sqlite(exc, where)
    if isinstance(exc, (TimeoutError, ConnectionError)):
        return StoreUnavailable(f"{where}: the store did not answer ({exc.__class__.__name__})")
    if type(exc).__module__.startswith("neo4j"):
        return _neo4j(exc, where)  # type: ignore[arg-type]
    return None


class FaultBoundary:
    """A store whose every call raises a StoreFault for a known fault.

    A proxy, so the backends keep their own code paths and every method — today's
    and tomorrow's — gets the same translation without a decorator on each.
    """

    def __init__(self, inner: Any, where: str) -> None:
        self._inner = inner
        self._where = where

    @property
    def inner(self) -> Any:
        return self._inner

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if not callable(attr):
            return attr

        where = self._where

        async def awaited(pending: Any) -> Any:
            try:
                return await pending
            except Exception as exc:
                _reraise(exc, where)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                result = attr(*args, **kwargs)
            except Exception as exc:
                _reraise(exc, where)
            return awaited(result) if inspect.isawaitable(result) else result

        guarded.__name__ = name
        guarded.__wrapped__ = attr  # type: ignore[attr-defined]  # what it guards (api/context.py)
        return guarded


def _reraise(exc: Exception, where: str) -> Any:
    fault = translate(exc, where)
    if fault is None or fault is exc:
        raise exc
    raise fault from exc


def guard(store: Any, where: str) -> Any:
    """`store` behind a FaultBoundary (once: guarding twice changes nothing)."""
    return store if isinstance(store, FaultBoundary) else FaultBoundary(store, where)
