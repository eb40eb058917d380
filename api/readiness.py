"""/ready: does the store answer, now? Within a fixed bound, whatever the store does.

Each check asks the store once (`probe`, without the driver's retries, where the store
has one) on a thread of its own, not the request pool: during an outage that pool fills
with reads waiting on the store, and a probe queued behind them answered late. While one
probe is still out (a store that accepts but never answers), later checks wait for that
one rather than start more, so a hung store costs one thread, not one per probe.
Nothing is cached: every answer is from a probe that ended during the request, or
"no answer within the bound".
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from api import recovery
from graph.store.faults import StoreUnavailable, translate

READY_SECONDS = 0.5  # a load balancer's probe gets its answer within this


class Readiness:
    def __init__(self, store: Any, kind: str, bound: float = READY_SECONDS) -> None:
        self._probe = getattr(store, "probe", None) or store.version
        self._writes = recovery.gate(store)  # an unreachable store also holds writes
        self._kind = kind
        self._bound = bound
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ready-probe")
        self._pending: Future[tuple[int, float]] | None = None

    def _timed(self) -> tuple[int, float]:
        started = time.perf_counter()
        version = int(self._probe())
        return version, round((time.perf_counter() - started) * 1000, 1)

    async def check(self) -> tuple[int, dict[str, Any]]:
        """(HTTP status, body) of one /ready answer."""
        if self._pending is None or self._pending.done():
            self._pending = self._pool.submit(self._timed)
        try:
            version, latency = await asyncio.wait_for(
                asyncio.shield(asyncio.wrap_future(self._pending)), self._bound)
        except TimeoutError:
            return 503, {"ready": False, "store": self._kind, "code": "STORE_UNAVAILABLE",
                         "error": f"no answer within {self._bound:g} s"}
        except Exception as exc:
            fault = translate(exc, self._kind)
            if isinstance(fault, StoreUnavailable):
                self._writes.store_lost()
            return 503, {"ready": False, "store": self._kind,
                         "code": fault.code if fault else "STORE_ERROR",
                         "error": fault.message if fault else exc.__class__.__name__}
        if not self._writes.open:  # answers, but writes are refused until it is warm
            return 503, {"ready": False, "store": self._kind, "code": "STORE_UNAVAILABLE",
                         "error": "the store is back and warming up; writes wait",
                         "latency_ms": latency}
        return 200, {"ready": True, "store": self._kind, "latency_ms": latency,
                     "version": version}

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._writes.close()
