"""Per-request context: the store, and DataLoaders created on first use.

Nothing here outlives a request, so API workers hold no state of their own
and can be scaled out behind a load balancer.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from api import recovery
from api.auth import ANONYMOUS, Access, Principal
from api.faults import StoreFaultError
from graph.settings import settings
from graph.store.base import AsyncReads, Store
from graph.store.faults import (
    RESEND_IS_SAFE,
    StoreFault,
    StoreUnavailable,
    WriteOutcomeUnknown,
    WriteStoredUnread,
    writes_refused,
)

R = TypeVar("R")
log = logging.getLogger("tpps.store")

# Store calls that change data. They are never abandoned on a timer: a write the
# client was told failed must not commit afterwards (the driver's own bounds
# still end a write to an unreachable store).
_WRITES = frozenset({"write", "bulk_write", "create", "merge_institutions",
                     "rekey_institution"})
_DEFAULT = object()


class _ReadSlot:
    """A read let through while writes are held (api/recovery.py): its slot is given back
    when its thread ends, not when its request gives up; or, if the thread never started
    (the request gave up first), by the request, and then the thread does not run it."""

    def __init__(self, fn: Callable[..., Any], writes: recovery.WriteGate) -> None:
        self._fn, self._writes = fn, writes
        self._lock = threading.Lock()
        self._state = "pending"  # -> running | dropped
        self.__name__ = getattr(fn, "__name__", "read")

    def __call__(self, *args: Any) -> Any:
        with self._lock:
            if self._state == "dropped":
                raise StoreUnavailable("the request gave up before its read started")
            self._state = "running"
        try:
            return self._fn(*args)
        finally:
            self._writes.give_read()

    def settle(self) -> None:
        with self._lock:
            if self._state == "pending":
                self._state = "dropped"
                self._writes.give_read()


class Context:
    def __init__(self, store: Store, request: Request | None = None,
                 access: Access | None = None, principal: Principal = ANONYMOUS) -> None:
        self.store = store
        self.request = request
        self.access = access
        self.principal = principal
        self.network_sizes: dict[Any, Any] = {}  # filter -> NetworkSize, from QueryCost
        self.scope_versions: dict[str | None, int] = {}  # region -> version, from QueryCost
        self._loaders: dict[Callable[..., Any], DataLoader[Any, Any]] = {}
        # of -> id(model object) -> (that object, of(it)): see `typed`.
        self._typed: dict[Callable[[Any], Any], dict[int, tuple[Any, Any]]] = {}
        # A store whose reads are short and in-process (SQLite) is read on the event
        # loop: a thread hop costs more than the read, and the GIL serialises it anyway.
        self._inline_reads = bool(getattr(store, "inline_reads", False))
        # Reads a store answers on an async driver (Neo4j: neo4j_async.py), by name.
        self._async_reads: frozenset[str] = frozenset(getattr(store, "async_reads", ()))
        # A write of this request was stored: a store fault after it (reading the answer
        # back) must not read as a refused write.
        self.stored = False
        self.mutation = False  # set by guards.AccessControl from the operation

    def loader(self, factory: Callable[[Context], DataLoader[Any, Any]]) -> DataLoader[Any, Any]:
        """The request's DataLoader made by `factory` (one per factory per request)."""
        found = self._loaders.get(factory)
        if found is None:
            found = self._loaders[factory] = factory(self)
        return found

    def typed(self, of: Callable[[Any], R], found: Any) -> R:
        """of(found), made once per request for each model object the loaders hold: the
        attendees of a page of meetings share a few regions and institutions, and a
        loader hands every row the same model object for one key. Keyed by identity
        (the object is kept, so its id is not reused): a value a loader reads anew
        (after a write) is converted anew."""
        memo = self._typed.get(of)
        if memo is None:
            memo = self._typed[of] = {}
        hit = memo.get(id(found))
        if hit is not None and hit[0] is found:
            return cast(R, hit[1])
        made = of(found)
        memo[id(found)] = (found, made)
        return made

    async def call(self, fn: Callable[..., R], *args: Any, bound: Any = _DEFAULT) -> R:
        """Run a (blocking) store call off the event loop, within the store timeout.

        A read that takes longer than `bound` seconds (default TPPS_STORE_TIMEOUT;
        None: no bound) answers STORE_UNAVAILABLE; a known fault becomes a coded error.
        """
        limit = settings().store_timeout if bound is _DEFAULT else bound
        writes = recovery.gate(self.store)
        if getattr(fn, "__name__", "") in _WRITES:
            if not writes.open:  # the store is away or still cold (api/recovery.py)
                raise self._fault(StoreUnavailable(
                    "the store is unreachable or just back and warming up; nothing was "
                    "written, try again shortly", nothing_written=True), write=True)
            # A write under way stops at its next statement once writes are refused.
            writes_refused.set(lambda: not writes.open)  # this task's context only
            done = await self._bounded(run_in_threadpool(fn, *args), None, writes, True)
            self.stored = True
            return done
        if not writes.open:  # a few reads go on finding out whether the store is back
            if not writes.take_read():
                raise self._fault(StoreUnavailable("the store is unreachable or just back "
                                                   "and warming up; try again shortly"))
            slot = _ReadSlot(fn, writes)
            try:
                return await self._bounded(run_in_threadpool(slot, *args), limit, writes)
            finally:
                slot.settle()
        return await self._bounded(run_in_threadpool(fn, *args), limit, writes)

    async def _bounded(self, pending: Awaitable[R], limit: float | None,
                       writes: recovery.WriteGate, write: bool = False) -> R:
        try:
            if limit is None:
                return await pending
            return await asyncio.wait_for(pending, limit)
        except TimeoutError:
            fault: StoreFault = StoreUnavailable(
                f"the store did not answer within {limit:g} s; try again shortly")
        except StoreFault as exc:
            fault = exc
            # The store said so, not our timer (a commit lost with the connection too).
            if isinstance(fault, (StoreUnavailable, WriteOutcomeUnknown)):
                writes.store_lost()
        raise self._fault(fault, write)

    def _fault(self, fault: StoreFault, write: bool = False) -> StoreFaultError:
        """The client's error for `fault`, logged, saying what a mutation's write became:
        a read's fault after this request's write was stored says the write was stored
        (a client would take a plain STORE_UNAVAILABLE for a refused write, and its data
        says otherwise); any other fault of a mutation says nothing was written."""
        if isinstance(fault, WriteOutcomeUnknown):
            fault = WriteOutcomeUnknown(f"{fault.message}; {RESEND_IS_SAFE}")
        elif self.stored and not write:
            fault = WriteStoredUnread(
                f"the write was stored, but a read after it failed ({fault.message}); it "
                "need not be sent again: read it by id once the store answers")
        elif self.mutation:
            # A mutation's reads before its write (resolving regions, the stored node):
            # the write was never sent.
            fault = fault.saying_nothing_written()
        log.warning("store fault %s: %s", fault.code, fault.message)
        return StoreFaultError(fault)

    async def read(self, fn: Callable[..., R], *args: Any) -> R:
        """A store read of the API's read path: on the store's async driver when it has
        one for this read (Neo4j), inline when the store says its reads are short
        (SQLite), else off the event loop. Writes and analytics keep using `call`; so do
        reads while writes are held after an outage (`call` caps how many go through)."""
        name = getattr(fn, "__name__", "")
        if name in self._async_reads and _is_own_read(fn):
            writes = recovery.gate(self.store)
            if writes.open:
                store = cast(AsyncReads, self.store)
                found: R = await self._bounded(store.aread(name, *args),
                                               settings().store_timeout, writes)
                return found
        if not self._inline_reads:
            return await self.call(fn, *args)
        try:
            return fn(*args)
        except StoreFault as fault:
            raise self._fault(fault) from fault


def _is_own_read(fn: Callable[..., Any]) -> bool:
    """Whether `fn`, through the proxies that say what they wrap (the fault boundary),
    is the store's own method: a wrapper that answers a read its own way (a test's
    broken or counting store) is called, not bypassed for the async driver."""
    while hasattr(fn, "__wrapped__"):
        fn = fn.__wrapped__
    return getattr(fn, "__self__", None) is not None


def ctx(info: Info) -> Context:
    context: Context = info.context
    return context
