"""How `tpps serve` runs uvicorn: connection timeouts and the USR1 stack dump.

uvicorn closes idle keep-alive connections (timeout_keep_alive) but gives a new
connection, or one between requests, all the time it likes to send its headers:
400 silent sockets stay open. GuardedH11Protocol closes a connection that has
not sent a complete request head within TPPS_HEADER_SECONDS, even if it trickles
bytes. The body has its own deadline in api/http.py.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from graph.settings import settings

MAX_HEADER_BYTES = 16 * 1024  # h11's cap on an incomplete request head


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request head."""

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(settings().header_seconds, self._head_late)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _waiting_for_head(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def handle_events(self) -> None:
        before = self.cycle
        super().handle_events()
        if self.cycle is not before:  # a request head arrived
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request head has the same deadline

    def _head_late(self) -> None:
        self._head_timer = None
        if self._waiting_for_head() and not self.transport.is_closing():
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def uvicorn_options() -> dict[str, Any]:
    """The timeouts and limits `tpps serve` gives uvicorn."""
    return {
        "http": "api.serving:GuardedH11Protocol",
        "timeout_keep_alive": settings().keepalive_seconds,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
    }
