"""Start `tpps serve` on a free loopback port for benches and tests; stop it after."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop_process(proc: subprocess.Popen[Any], grace: float = 10.0) -> int | None:
    """End a child server: SIGTERM, `grace` seconds for its graceful shutdown (uvicorn
    drains requests, workers exit), then SIGKILL; always reaped, so no zombie is left.
    Its exit code (None only if it could not be reaped, which `wait` rules out)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


class Server:
    def __init__(self, db: str, env: dict[str, str] | None = None, wait: float = 30) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # The log goes to a file: a pipe nobody reads fills up and blocks the server.
        self.log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "serve", "--db", db, "--port", str(self.port)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log, text=True,
            env={**os.environ, **(env or {})})
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"tpps serve did not answer within {wait:g} s")

    def stop(self) -> str:
        """Stop the server; its log (stderr)."""
        stop_process(self.proc)
        self.log.close()
        text = Path(self.log.name).read_text("utf-8", errors="replace")
        Path(self.log.name).unlink(missing_ok=True)
        return text
