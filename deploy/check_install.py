"""Does an installed tpps-graph work? Run it from anywhere but the source tree.

    python deploy/check_install.py TPPS ARTICLE

TPPS is the installed `tpps` command, ARTICLE a press release. The check runs
`tpps extract` on the release (it needs loaders/articles/data/* in the install),
loads the demo dataset shipped in the package, serves that store briefly and asks
GET /health. tests/test_wheel.py runs it against a freshly built wheel, and the
Dockerfile when the image is built. Exit 0 when all is well, else the reason.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def check(tpps: str, article: Path) -> None:
    extracted = json.loads(_run(tpps, "extract", str(article)).splitlines()[0])
    if not extracted.get("meetings"):
        raise SystemExit(f"tpps extract found no meeting in {article}: {extracted}")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "check.db")
        demo = _run(sys.executable, "-c", "import loaders, pathlib; print(pathlib.Path("
                    "loaders.__file__).parent / 'data' / 'demo.json')").strip()
        _run(tpps, "load", "json", demo, "--db", db)
        port = _free_port()
        server = subprocess.Popen([tpps, "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready",
                                                timeout=5) as response:
                        body = json.loads(response.read())
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        err = server.stderr.read().decode() if server.stderr else ""
                        raise SystemExit(
                            f"tpps serve did not answer /ready:\n{err[-3000:]}") from None
                    time.sleep(0.5)
            if body.get("ready") is not True:
                raise SystemExit(f"/ready answered {body}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"installed tpps works: extract found {len(extracted['meetings'])} meeting(s), "
          f"serve answered /ready from its {body['store']} store (version {body['version']})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    check(sys.argv[1], Path(sys.argv[2]))
