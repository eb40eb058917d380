"""How `tpps serve` runs uvicorn: connection timeouts, and USR1 in every process.

uvicorn closes idle keep-alive connections (timeout_keep_alive) but gives a new
connection, or one between requests, all the time it likes to send its headers:
400 silent sockets stay open. The guarded protocols close a connection that has
not sent a complete request head within TPPS_HEADER_SECONDS, even if it trickles
bytes, and refuse a head over MAX_HEADER_BYTES. The body has its own deadline in
api/http.py.

With uvloop and httptools installed (TPPS_HTTP=auto) uvicorn runs on uvloop with
GuardedHttpToolsProtocol: the C parser and loop take a few ms of CPU off each request.
httptools has no cap on a head's size, so the guard counts it; without them (or with
TPPS_HTTP=h11) it is asyncio with GuardedH11Protocol, where h11 caps the head itself.

`kill -USR1 PID` makes each serving process print every thread's stack to stderr and
re-read the tokens (api/auth.py: a refused file keeps the old tokens). With
`--workers N`, PID is uvicorn's supervisor, which catches every signal and used to drop
USR1, while a worker, started afresh by multiprocessing, had no handler and died of
it; the Supervisor here forwards USR1 to each ready worker, and `served_app` (the
factory each worker loads) installs the handler.
"""

from __future__ import annotations

import asyncio
import faulthandler
import importlib.util
import logging
import os
import signal
import threading
from types import FrameType
from typing import TYPE_CHECKING, Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.supervisors.multiprocess import Multiprocess

from graph.settings import SettingsError, settings

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from api.auth import Access

log = logging.getLogger("tpps.serve")

MAX_HEADER_BYTES = 16 * 1024  # the cap on a request head (h11's incomplete-event size)
WORKER_START_SECONDS = 30


class HeadDeadline:
    """The request-head deadline both guarded protocols share: a timer armed when the
    connection opens and after each response, disarmed when a head arrives or the
    connection ends; `_head_late` (each protocol's own) decides what a late head gets."""

    _head_timer: asyncio.TimerHandle | None = None
    if TYPE_CHECKING:  # given by uvicorn's protocol classes this is mixed into
        loop: asyncio.AbstractEventLoop
        cycle: Any

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(settings().header_seconds, self._head_late)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _waiting_for_head(self) -> bool:
        return self.cycle is None or bool(self.cycle.response_complete)

    def _head_late(self) -> None:
        raise NotImplementedError

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]


class GuardedH11Protocol(HeadDeadline, H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request head."""

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


def protocol() -> str:
    """The HTTP protocol and event loop TPPS_HTTP asks for: "httptools" (with uvloop
    when installed) or "h11" (with asyncio's loop); "auto" is httptools when installed."""
    wanted = settings().http
    if wanted not in ("auto", "httptools", "h11"):
        raise SettingsError(f"TPPS_HTTP={wanted!r}: expected auto, httptools or h11")
    installed = importlib.util.find_spec("httptools") is not None
    if wanted == "httptools" and not installed:
        raise SettingsError("TPPS_HTTP=httptools: the httptools package is not installed")
    return "httptools" if wanted != "h11" and installed else "h11"


def uvicorn_options() -> dict[str, Any]:
    """The protocol, loop, timeouts and limits `tpps serve` gives uvicorn."""
    fast = protocol() == "httptools"
    return {
        "http": ("api.httptools_guard:GuardedHttpToolsProtocol" if fast
                 else "api.serving:GuardedH11Protocol"),
        "loop": "uvloop" if fast and importlib.util.find_spec("uvloop") else "asyncio",
        "timeout_keep_alive": settings().keepalive_seconds,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        # A worker answers the supervisor's ping only once it has imported the app; on a
        # busy 2-core machine that took over uvicorn's 5 s, and the starting worker was
        # killed as hung and started again.
        "timeout_worker_healthcheck": WORKER_START_SECONDS,
    }


def served_app() -> Starlette:
    """The app of one `tpps serve` process (uvicorn's factory): USR1 handled here."""
    from api.app import create_app
    from api.auth import Access
    from api.collector import tune

    access = Access.from_env()
    app = create_app(access=access)
    on_usr1(access)
    tune()
    return app


def on_usr1(access: Access) -> None:
    """USR1: print every thread's stack now (faulthandler, even if the event loop is
    stuck), then re-read the tokens on the event loop (not inside the signal handler,
    which may interrupt a log write)."""
    if threading.current_thread() is not threading.main_thread():
        return  # signals reach the main thread only; a test app in a thread has none

    def reload(_signum: int, _frame: FrameType | None) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            reload_tokens(access)
            return
        loop.call_soon_threadsafe(reload_tokens, access)

    faulthandler.unregister(signal.SIGUSR1)  # a registration would hide the new handler
    signal.signal(signal.SIGUSR1, reload)
    faulthandler.register(signal.SIGUSR1, chain=True)  # stacks first, then `reload`


def reload_tokens(access: Access) -> None:
    if access.reload():
        log.info("USR1: tokens reloaded in process %d (%d tokens)", os.getpid(),
                 len(access.hashes))


class Supervisor(Multiprocess):
    """uvicorn's worker supervisor, passing USR1 on to its workers and saying how a
    replaced worker ended (uvicorn says only "died")."""

    def keep_subprocess_alive(self) -> None:
        before = list(self.processes)
        super().keep_subprocess_alive()
        for old, new in zip(before, self.processes, strict=False):
            if old is not new:
                log.warning("worker %s %s; worker %s replaces it", old.pid,
                            how_it_ended(old.exitcode), new.pid)

    def handle_usr1(self) -> None:
        for process in self.processes:
            # A worker still starting has no handler yet (USR1 would kill it); it reads
            # the tokens as it starts.
            if process.pid is not None and process.is_ready(timeout=1):
                os.kill(process.pid, signal.SIGUSR1)
                log.info("USR1 passed to worker %d", process.pid)
            else:
                log.info("USR1 not passed to worker %s: still starting", process.pid)


def how_it_ended(exitcode: int | None) -> str:
    """A worker's exit code in words. uvicorn SIGKILLs a worker that has not answered its
    ping for WORKER_START_SECONDS, so SIGKILL means hung (or the kernel's OOM killer)."""
    if exitcode is None:
        return "ended (exit status unknown)"
    if exitcode >= 0:
        return f"exited with status {exitcode}"
    try:
        name = signal.Signals(-exitcode).name
    except ValueError:
        name = f"signal {-exitcode}"
    if -exitcode == signal.SIGKILL:
        return (f"was killed ({name}): no answer to the supervisor's ping for "
                f"{WORKER_START_SECONDS} s, or the kernel's out-of-memory killer")
    return f"was ended by {name}"


def run(host: str, port: int, workers: int, log_config: dict[str, Any]) -> None:
    """uvicorn.run for `tpps serve`, with the Supervisor when there are several workers."""
    config = uvicorn.Config("api.serving:served_app", factory=True, host=host, port=port,
                            workers=workers, log_config=log_config, **uvicorn_options())
    server = uvicorn.Server(config)
    if config.workers > 1:
        Supervisor(config, sockets=[config.bind_socket()]).run()
        return
    server.run()
    if not server.started:
        raise SystemExit(STARTUP_FAILURE)  # the port is taken, or the like (logged)
