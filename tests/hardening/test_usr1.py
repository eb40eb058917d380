"""`kill -USR1` on `tpps serve --workers 2`: the supervisor passes it to every worker,
each re-reads the token file and goes on serving; a worker signalled directly lives too.

Before: the supervisor dropped USR1 and a worker signalled directly died of it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from api.auth import digest
from api.serving import how_it_ended
from bench.server import ROOT, free_port, stop_process
from graph.store.embedded import EmbeddedStore

OLD = "old-reader-token-0123456789"
NEW = "new-reader-token-9876543210"
STARTED = re.compile(r"Started server process \[(\d+)\]")
RELOADED = re.compile(r"USR1: tokens reloaded in process (\d+)")


class Served:
    """`tpps serve --workers 2` on a free port, its stderr in a file."""

    def __init__(self, tmp: Path, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/graphql"
        self.log_path = tmp / "serve.log"
        self.log_file = self.log_path.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "serve", "--db", str(tmp / "serve.db"),
             "--port", str(self.port), "--workers", "2"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log_file,
            env={**os.environ, **env})

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")

    def wait_for(self, found: Callable[[str], bool], what: str, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if found(self.log()):
                return
            assert self.proc.poll() is None, f"tpps serve ended:\n{self.log()[-2000:]}"
            time.sleep(0.2)
        raise AssertionError(f"no {what} within {seconds:g} s:\n{self.log()[-2000:]}")

    def workers(self) -> set[int]:
        return {int(pid) for pid in STARTED.findall(self.log())}

    def reloaded(self) -> list[int]:
        return [int(pid) for pid in RELOADED.findall(self.log())]

    def stop(self) -> None:
        stop_process(self.proc, grace=20)  # two workers to drain
        self.log_file.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Served, Path]]:
    EmbeddedStore(tmp_path / "serve.db").close()
    tokens = tmp_path / "tokens"
    tokens.write_text(f"reader {digest(OLD)} old\n", "utf-8")
    tokens.chmod(0o600)
    server = Served(tmp_path, {"TPPS_TOKENS_FILE": str(tokens), "TPPS_READ": "token"})
    try:
        server.wait_for(lambda log: log.count("Application startup complete") >= 2,
                        "two started workers")
        yield server, tokens
    finally:
        server.stop()


def _status(url: str, token: str) -> int:
    """One request on a fresh connection (the kernel spreads them over the workers)."""
    with httpx.Client(timeout=10) as http:
        return http.post(url, json={"query": "{ __typename }"},
                         headers={"Authorization": f"Bearer {token}"}).status_code


def test_usr1_reaches_every_worker_which_reloads_its_tokens_and_lives(
        served: tuple[Served, Path]) -> None:
    server, tokens = served
    workers = server.workers()
    assert len(workers) == 2
    assert {_status(server.url, OLD) for _ in range(10)} == {200}

    assert "died" not in server.log()  # no worker was killed while it started
    tokens.write_text(f"reader {digest(NEW)} new\n", "utf-8")
    os.kill(server.proc.pid, signal.SIGUSR1)
    server.wait_for(lambda _: set(server.reloaded()) == workers, "reload in both workers", 20)

    assert {_status(server.url, NEW) for _ in range(20)} == {200}
    assert {_status(server.url, OLD) for _ in range(20)} == {401}
    assert server.proc.poll() is None and server.workers() == workers  # none replaced
    assert "died" not in server.log()
    assert "most recent call first" in server.log()  # each process printed its stacks

    # One server for both parts: two workers take half a minute to start on a busy box.
    worker = min(workers)
    tokens.chmod(0o644)  # others may read it now: refused, the loaded tokens stay
    os.kill(worker, signal.SIGUSR1)  # a worker signalled directly
    server.wait_for(lambda log: "tokens not reloaded" in log, "a refused reload", 20)
    assert {_status(server.url, NEW) for _ in range(10)} == {200}
    os.kill(worker, 0)  # still there
    assert "died" not in server.log() and server.workers() == workers

    # A worker that dies is replaced, and the log says how it ended (uvicorn says "died").
    tokens.chmod(0o600)  # the replacement reads the file as it starts
    os.kill(worker, signal.SIGKILL)
    server.wait_for(lambda log: f"worker {worker} was killed (SIGKILL)" in log,
                    "the replaced worker's end", 40)
    server.wait_for(lambda _: len(server.workers() - workers) == 1, "a replacement", 60)


def test_a_workers_end_is_said_in_words() -> None:
    assert how_it_ended(0) == "exited with status 0"
    assert how_it_ended(-signal.SIGUSR1) == "was ended by SIGUSR1"
    assert "no answer to the supervisor's ping" in how_it_ended(-signal.SIGKILL)
    assert how_it_ended(None) == "ended (exit status unknown)"
