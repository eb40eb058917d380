"""A real `tpps serve` process and a Neo4j of the fault suite's own, which the tests
stop, kill and restart on the same port and data folder, plus a TCP proxy that can
turn slow. Everything runs on loopback and ends with the test."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from neo4j_server import Neo4jServer
from tests.conftest import ROOT

TOKEN = "fault-suite-editor-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _without(env: os._Environ[str], *names: str) -> dict[str, str]:
    """The environment less `names`: the served app then runs with their defaults."""
    return {k: v for k, v in env.items() if k not in names}


class RestartableNeo4j:
    """One Neo4j whose port and data survive stop/kill and start."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.server: Neo4jServer | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def start(self) -> str:
        self.server = Neo4jServer(self.home, port=self.port)
        self.server.start()
        return self.uri

    def stop(self) -> None:
        if self.server:
            self.server.stop()

    def kill(self) -> None:
        if self.server:
            self.server.kill()


class Served:
    """`tpps serve` in a subprocess on a free port, with an editor token."""

    def __init__(self, db: str, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "serve", "--db", db, "--port", str(self.port)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**_without(os.environ, "TPPS_STORE_TIMEOUT"), "PYTHONPATH": str(ROOT),
                 "TPPS_TOKENS": f"editor:{TOKEN}", **env})
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError("tpps serve died: " + (self.proc.stderr.read()
                                                          if self.proc.stderr else ""))
            time.sleep(0.1)
        self.close()
        raise RuntimeError("tpps serve did not answer /health within 120 s")

    def post(self, query: str, timeout: float = 30) -> httpx.Response:
        return httpx.post(self.url + "/graphql", json={"query": query}, timeout=timeout,
                          headers={"Authorization": f"Bearer {TOKEN}"})

    def get(self, path: str, timeout: float = 5) -> httpx.Response:
        return httpx.get(self.url + path, timeout=timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class SlowProxy:
    """Forwards loopback TCP to `target`; while `delay` > 0 each chunk from the server
    waits that long (a Neo4j that answers slowly, or a congested link)."""

    def __init__(self, target_port: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.delay = 0.0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            threading.Thread(target=self._pipe, args=(client, upstream, 0.0),
                             daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, None),
                             daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, fixed: float | None) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                wait = self.delay if fixed is None else fixed
                if wait:
                    time.sleep(wait)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.close()

    def close(self) -> None:
        self._closed = True
        self._listener.close()
