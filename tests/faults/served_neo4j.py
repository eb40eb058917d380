"""A fault suite's own Neo4j, a real `tpps serve` in front of it, and a TCP proxy that can
turn slow. The tests stop, kill and restart the Neo4j in place (same port, same data
folder), so one server serves the whole module. Everything listens on loopback and ends
with the test that started it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from bench.server import free_port, stop_process
from neo4j_server import Neo4jServer

ROOT = Path(__file__).resolve().parent.parent.parent
TOKEN = "fault-suite-editor-token-0123456789"


def accepts(port: int) -> bool:
    """Whether something accepts TCP connections on loopback `port` now."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def wait_until(check: Callable[[], bool], limit: float, step: float = 0.05) -> float:
    """Seconds until `check()` is true; AssertionError past `limit`."""
    started = time.monotonic()
    while True:
        if check():
            return time.monotonic() - started
        if time.monotonic() - started > limit:
            raise AssertionError(f"not within {limit} s")
        time.sleep(step)


class RestartableNeo4j:
    """One Neo4j whose port and data folder survive stop, kill and start."""

    def __init__(self, home: Path, password: str | None = None) -> None:
        self.home = home
        self.port = free_port()
        self.password = password
        self.server: Neo4jServer | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def start(self, password: str | None = None) -> str:
        if password is not None:
            self.password = password
        self.server = Neo4jServer(self.home, port=self.port, password=self.password or None)
        self.server.start()
        return self.uri

    def stop(self) -> None:
        """A graceful stop: Neo4j closes its connections and checkpoints."""
        if self.server:
            self.server.stop()
            self.server = None

    def kill(self) -> None:
        """SIGKILL: the JVM dies mid-transaction, as in a crash."""
        if self.server:
            self.server.kill()
            self.server = None

    def answers(self) -> bool:
        """Whether Neo4j answers a query now (one attempt, no retries): the store's return
        is when it answers, not when its port opens (a cold JVM takes a while between)."""
        from neo4j import GraphDatabase

        auth = ("neo4j", self.password) if self.password else None
        try:
            with GraphDatabase.driver(self.uri, auth=auth, connection_timeout=1.0) as driver, \
                    driver.session() as session:
                session.run("MATCH (m:Meta {key: 'graph'}) RETURN m.version AS v").consume()
                return True
        except Exception:  # noqa: BLE001 - any failure means "not yet"
            return False


class Served:
    """`tpps serve --db DB` in a subprocess on a free port, with an editor token."""

    def __init__(self, db: str, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # The server's log goes to a file: a pipe nobody reads fills up after 64 KB of
        # log lines and then blocks the server's event loop on its next line.
        self.log = tempfile.NamedTemporaryFile(prefix="tpps-serve-", suffix=".log",  # noqa: SIM115
                                               delete=False)
        base = {k: v for k, v in os.environ.items()
                if k not in ("TPPS_STORE_TIMEOUT", "NEO4J_PASSWORD", "NEO4J_USER")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "serve", "--db", db, "--port", str(self.port)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log, text=True,
            env={**base, "PYTHONPATH": str(ROOT), "TPPS_TOKENS": f"editor:{TOKEN}", **env})
        # Many clients at once: one pooled connection each, as a load balancer would.
        self.http = httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"},
                                 limits=httpx.Limits(max_connections=32))
        try:
            wait_until(self._lives, 120, 0.1)
        except AssertionError:
            self.close()
            raise RuntimeError(f"tpps serve did not answer /health within 120 s:\n"
                               f"{self.stderr()}") from None

    def _lives(self) -> bool:
        if self.proc.poll() is not None:
            raise RuntimeError(f"tpps serve exited {self.proc.returncode}:\n{self.stderr()}")
        try:
            return self.get("/health", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def post(self, query: str, timeout: float = 30) -> httpx.Response:
        return self.http.post(self.url + "/graphql", json={"query": query}, timeout=timeout)

    def get(self, path: str, timeout: float = 5) -> httpx.Response:
        return self.http.get(self.url + path, timeout=timeout)

    def ready(self, timeout: float = 1.0) -> dict[str, Any] | None:
        """/ready's answer, or None when it gave none within `timeout` s."""
        try:
            answer: dict[str, Any] = self.get("/ready", timeout=timeout).json()
        except (httpx.HTTPError, ValueError):
            return None
        return answer

    def is_ready(self) -> bool | None:
        answer = self.ready()
        return None if answer is None else bool(answer["ready"])

    def stderr(self) -> str:
        """The end of the server's log."""
        return Path(self.log.name).read_text("utf-8", "replace")[-4000:]

    def close(self) -> None:
        self.http.close()
        stop_process(self.proc)
        self.log.close()

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class SlowProxy:
    """Forwards loopback TCP to `target_port` on an asyncio loop of its own thread.

    While `delay` > 0 every chunk the server sends waits that long before the client gets
    it: a Neo4j that answers slowly, or a congested link. Connections stay open.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.delay = 0.0
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._started.wait(10)
        assert self._server is not None
        self.port: int = self._server.sockets[0].getsockname()[1]

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", 0))
        self._started.set()
        self._loop.run_forever()

    async def _serve(self, client_r: asyncio.StreamReader,
                     client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            client_w.close()
            return
        self._open.update({client_w, server_w})
        try:
            await asyncio.gather(self._pipe(client_r, server_w, slow=False),
                                 self._pipe(server_r, client_w, slow=True))
        finally:
            self._open.difference_update({client_w, server_w})

    def drop(self) -> None:
        """Close every open connection, as a network blip does: the client reconnects."""
        async def close_all() -> None:
            for writer in list(self._open):
                writer.close()

        asyncio.run_coroutine_threadsafe(close_all(), self._loop).result(10)

    def refuse_new(self) -> None:
        """Stop listening but keep the open connections relaying, as a Neo4j in a graceful
        stop does: new clients are refused while pooled connections still answer."""
        assert self._server is not None
        self._loop.call_soon_threadsafe(self._server.close)

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter,
                    slow: bool) -> None:
        try:
            while data := await src.read(65536):
                if slow and self.delay:
                    await asyncio.sleep(self.delay)
                dst.write(data)
                await dst.drain()
        except (OSError, asyncio.CancelledError):
            pass
        finally:
            with contextlib.suppress(Exception):
                dst.close()

    def close(self) -> None:
        async def shut() -> None:
            assert self._server is not None
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(shut(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def __enter__(self) -> SlowProxy:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
