"""The analytics worker process: opens its own store, runs one job at a time, sends back
only the result. Started by graph/analytics/jobs.py through a fork server that has
already imported the numerical libraries, so a new worker is ready in milliseconds.

CPU: the worker lowers its own priority (nice, TPPS_ANALYTICS_NICE above the server's)
before its first job: on a machine with as many cores as workers, the API's event loop
would otherwise get an equal share beside seconds of numerics and answer `{__typename}`
in hundreds of ms; niced, the kernel gives it the CPU whenever it is runnable.

Memory: the worker sets RLIMIT_AS to its own size at start plus the job allowance
(TPPS_ANALYTICS_MEMORY_MB), so a job that outgrows it gets MemoryError (answered
TOO_LARGE) instead of swelling the machine; after each job it drops its caches and
hands freed memory back to the OS, and exits (to be replaced) if it stays large.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import resource
from multiprocessing.connection import Connection
from typing import Any

from graph.analytics import service

# A worker whose resident size stays this far above its size at start after a job is
# replaced rather than kept: fragmentation would hold the memory until it exits.
RECYCLE_BYTES = 200 << 20
# What a retiring worker sends last, in place of a reply.
RETIRING = ("retiring", None)
_M_ARENA_MAX = -8  # glibc mallopt parameter

try:
    _LIBC: Any = ctypes.CDLL("libc.so.6")
except OSError:  # pragma: no cover - not glibc
    _LIBC = None


def _statm(field: int) -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")


def limit_memory(allowance_mb: int) -> int:
    """RLIMIT_AS = the worker's address space now + the allowance; the limit set (0: none)."""
    if _LIBC is not None:
        _LIBC.mallopt(_M_ARENA_MAX, 2)  # one arena per thread would reserve 64 MB each
    if allowance_mb <= 0:
        return 0
    limit = _statm(0) + (allowance_mb << 20)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return limit


def lower_priority(increment: int) -> int:
    """Nice this process `increment` steps below its parent; the niceness now."""
    return os.nice(increment) if increment > 0 else os.nice(0)


def open_store(where: tuple[Any, ...]) -> Any:
    from graph.store.faults import guard

    if where[0] == "sqlite":
        from graph.store.embedded import EmbeddedStore

        return guard(EmbeddedStore(where[1]), where[1])
    from graph.store.neo4j import Neo4jStore

    _, uri, auth, database = where
    return guard(Neo4jStore(uri, auth, database), uri)


def _reply(status: str, value: Any) -> tuple[str, Any]:
    return status, value


def main(conn: Connection, allowance_mb: int, nice: int = 0) -> None:
    """Serve jobs from `conn` until it closes: (store locator, function, args) in,
    ("ok", value) / ("memory", message) / ("error", exception) out."""
    lower_priority(nice)
    limit_memory(allowance_mb)
    start_rss = _statm(1)
    stores: dict[tuple[Any, ...], Any] = {}
    while True:
        try:
            where, fn, args = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        reply: tuple[str, Any]
        try:
            store = stores.get(where)
            if store is None:
                store = stores[where] = open_store(where)
            reply = _reply("ok", fn(store, *args))
        except MemoryError:
            reply = _reply("memory", f"the job outgrew its {allowance_mb} MB")
        except Exception as exc:  # sent back, raised in the API process
            reply = _reply("error", exc)
        try:
            conn.send(reply)
        except MemoryError:
            reply = _reply("memory", f"the result outgrew the job's {allowance_mb} MB")
            conn.send(reply)
        except Exception as exc:  # an exception that does not pickle
            conn.send(_reply("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
        status = reply[0]
        del reply
        service.clear()
        gc.collect()
        if _LIBC is not None:
            _LIBC.malloc_trim(0)
        if status == "memory" or _statm(1) - start_rss > RECYCLE_BYTES:
            # The pool may already have taken this worker back as idle and sent it the
            # next job: saying so lets it give that job to a fresh worker instead of
            # answering "the worker exited without an answer".
            with contextlib.suppress(OSError):
                conn.send(RETIRING)
            return  # the pool starts a fresh one
