"""Writes held back while the store is gone, and until it is warm again.

Measured under 8 clients (tests/faults/test_neo4j_faults.py) on a Neo4j killed and
restarted: while it was down a write failed in ~1.6 s (connection refused, the driver's
one retry 1 s later); once it was back every write took 12-14 s, all of it Neo4j planning
each write statement on its first run, while reads were already cut at the store timeout.
A write is never abandoned on a timer (it could commit after its client was told it
failed), so the bound for writes comes from here instead:

- a store call that finds the store unreachable (StoreUnavailable raised by the store, not
  the request's own timer: a slow store is not a gone one) closes the gate;
- while it is closed, a write is refused at once with STORE_UNAVAILABLE + Retry-After;
  nothing reached the store, so nothing was written; reads beyond READS_WHILE_CLOSED in
  flight are refused at once too;
- one background thread asks the store to `warm_writes()` (plan its write statements in a
  rolled-back transaction) every STEP seconds; the first one done within a quarter of the
  store timeout opens the gate.

Stores without `warm_writes` (SQLite: in-process, nothing to plan) never close the gate.
The reads let through keep the store timeout, so a read soon after the store's return
succeeds.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from graph.settings import settings

STEP = 0.25  # seconds between warm-up attempts while the store is away
# Reads in flight while the gate is closed; more are refused at once. Why: measured under
# 8 clients, a read cut at the store timeout goes on in its thread (5-10 s on a cold
# Neo4j), so they piled up, slowed the starting Neo4j and starved the event loop (answers
# 3.4 s after a 2 s timer, /ready over 1 s). Two still find the store's return at once.
READS_WHILE_CLOSED = 2

log = logging.getLogger("tpps.store")


class WriteGate:
    def __init__(self, store: Any) -> None:
        warm: Callable[[], None] | None = getattr(store, "warm_writes", None)
        self._warm = warm
        self._open = threading.Event()
        self._open.set()
        self._closed = threading.Event()  # the app is shutting down
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

        self._reads = 0  # reads let through while closed, still running in their thread

    @property
    def open(self) -> bool:
        return self._open.is_set()

    def take_read(self) -> bool:
        """Whether a read may go to the store while the gate is closed (then it must
        `give_read()` when its thread ends, not when its request gives up)."""
        with self._lock:
            if self._reads >= READS_WHILE_CLOSED:
                return False
            self._reads += 1
            return True

    def give_read(self) -> None:
        with self._lock:
            self._reads -= 1

    def store_lost(self) -> None:
        """The store was found unreachable: hold writes until it is back and warm."""
        if self._warm is None:
            return
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._open.clear()
            log.warning("store unreachable: writes refused until it answers and is warm")
            self._thread = threading.Thread(target=self._recover, name="store-recovery",
                                            daemon=True)
            self._thread.start()

    def _recover(self) -> None:
        assert self._warm is not None
        # Warm = the planned write path answers in a quarter of the store timeout. The
        # first success on a cold Neo4j only means the plans are cached; its JVM can
        # still take seconds per write (measured: writes let in then took 2.5-4.5 s).
        fast = settings().store_timeout / 4
        while not self._closed.is_set():
            started = time.monotonic()
            try:
                self._warm()
            except Exception:  # noqa: BLE001 - still away (or still starting): ask again
                self._closed.wait(STEP)
                continue
            took = time.monotonic() - started
            if took > fast:
                self._closed.wait(STEP)
                continue
            log.warning("store back and warm (%.2f s): writes accepted again", took)
            self._open.set()
            return

    def close(self) -> None:
        """Stop asking; wait (bounded) for an attempt in flight, so that closing the
        store after this never pulls a connection from under it (the Neo4j driver then
        fails inside its own buffers)."""
        self._closed.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(settings().store_timeout + 1.0)


_gates: weakref.WeakKeyDictionary[Any, WriteGate] = weakref.WeakKeyDictionary()
_gates_lock = threading.Lock()


def gate(store: Any) -> WriteGate:
    """The write gate of `store` (one per store object, shared by its requests)."""
    with _gates_lock:
        found = _gates.get(store)
        if found is None:
            found = _gates[store] = WriteGate(store)
        return found
