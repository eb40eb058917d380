"""A real Neo4j 5 Community server for tests and local development, without Docker.

Neo4j runs embedded in a small Java launcher (launcher/) whose jars Maven fetches
from Maven Central into .neo4j/m2 (git-ignored) on first use. The test suite
starts one server per session on a free loopback port; `make neo4j` runs the
same server in the foreground.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LAUNCHER = ROOT / "launcher"
REPO = ROOT.parent
CACHE = REPO / ".neo4j"
READY = "TPPS-NEO4J-READY "
FAILED = "TPPS-NEO4J-FAILED "


class Neo4jStartError(RuntimeError):
    """The test Neo4j could not be built or started; the message says why."""


def build_launcher() -> list[str]:
    """Compile the launcher (once; Maven caches the jars) and return its classpath."""
    jar = LAUNCHER / "target" / "launcher.jar"
    classpath = LAUNCHER / "target" / "classpath.txt"
    sources = [LAUNCHER / "pom.xml", *LAUNCHER.glob("src/**/*.java")]
    fresh = jar.exists() and classpath.exists() and all(
        s.stat().st_mtime <= jar.stat().st_mtime for s in sources)
    if not fresh:
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jStartError("Maven (mvn) is not on PATH; it builds the Neo4j launcher")
        if shutil.which("java") is None:
            raise Neo4jStartError("java is not on PATH; Neo4j 5.26 needs Java 17")
        done = subprocess.run(
            [mvn, "-q", "-B", f"-Dmaven.repo.local={CACHE / 'm2'}", "package"],
            cwd=LAUNCHER, capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            raise Neo4jStartError("building the Neo4j launcher failed:\n"
                                  + (done.stdout + done.stderr)[-4000:])
    return [str(jar), *classpath.read_text().strip().split(os.pathsep)]


class Neo4jServer:
    """One Neo4j process. `start()` returns its bolt:// URI; `stop()` ends it."""

    def __init__(self, home: Path, host: str = "127.0.0.1", port: int = 0,
                 password: str | None = None, heap: str = "512m") -> None:
        self.home = home
        self.host = host
        self.port = port
        self.password = password
        self.heap = heap
        self.uri: str | None = None
        self._proc: subprocess.Popen[str] | None = None
        self._log: list[str] = []

    def start(self, timeout: float = 180.0) -> str:
        classpath = build_launcher()
        self.home.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.pop("NEO4J_PASSWORD", None)
        if self.password:
            env["NEO4J_PASSWORD"] = self.password
        self._proc = subprocess.Popen(
            ["java", f"-Xmx{self.heap}", "-XX:+UseSerialGC", "-cp", os.pathsep.join(classpath),
             "tpps.Launcher", str(self.home), self.host, str(self.port)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=env,
        )
        found: dict[str, str] = {}

        def read() -> None:
            assert self._proc is not None and self._proc.stdout is not None
            for line in self._proc.stdout:
                self._log.append(line)
                del self._log[:-200]
                if line.startswith(READY):
                    found["uri"] = line[len(READY):].strip()
                elif line.startswith(FAILED):
                    found["error"] = line[len(FAILED):].strip()

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "uri" in found:
                self.uri = found["uri"]
                return self.uri
            if "error" in found or self._proc.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        reason = found.get("error") or f"no ready line within {timeout:.0f} s"
        raise Neo4jStartError(f"Neo4j did not start: {reason}\n" + "".join(self._log[-40:]))

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()  # the launcher exits when its stdin closes
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def kill(self) -> None:
        """SIGKILL: the server dies mid-whatever, as in a crash (fault tests)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()
            proc.wait()

    def __enter__(self) -> Neo4jServer:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
