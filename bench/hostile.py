"""Hostile requests (issue 11): every attack of the issue, timed against `tpps serve`.

Starts `tpps serve` with an editor token on a generated kab/kota (`tpps generate`, demo
scale), sends each attack and prints one row per attack: wall time, HTTP status, the
error code or message the client got, and whether the server still answered
`{__typename}` quickly right after. The pass/fail assertions live in tests/hardening/;
this prints the figures the issue's closing note asks for (before figures: the issue).

    PYTHONPATH=. python -m bench.hostile [--db FILE] [--big FILE [--big-memory-mb MB]]

`--big` also times one anonymous `{ brokers { constraint } }` on a large store (the
quarter country of bench/national.py) with the server's and its workers' peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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

from bench.analytics_storm import descendants, rss_kb
from bench.server import ROOT, Server, free_port, stop_process

TOKEN = "hostile-bench-editor-token-0123456789"
BAD_ID = "\x1b[31mforged\x1b[0m " + "z" * 300


def fragment_bomb(levels: int) -> str:
    """The issue's nested spreads: each fragment spreads the next one twice."""
    parts = ["query{...F0}"]
    for i in range(levels):
        parts.append(f"fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}}")
    parts.append(f"fragment F{levels} on Query{{__typename}}")
    return " ".join(parts)


NESTED = ("query($n:Int=100){institutions(first:$n){edges{node{collaborators(first:$n)"
          "{institution{meetings(first:$n){edges{node{title}}}}}}}}}")


def summary(resp: httpx.Response) -> str:
    """The error code and message a client sees, shortened."""
    try:
        body = resp.json()
    except ValueError:
        return resp.text[:70].replace("\n", " ")
    errors = body.get("errors") if isinstance(body, dict) else None
    if not errors:
        return f"data, {len(resp.content):,} bytes"
    first = errors[0]
    code = (first.get("extensions") or {}).get("code", "")
    return f"{code} {first.get('message', '')}"[:90]


Send = Callable[[httpx.Client], httpx.Response]
SEARCH = "query($s:String){institutions(filter:{nameContains:$s}){totalCount}}"


def gql(query: str, variables: dict[str, Any] | None = None) -> Send:
    def send(client: httpx.Client) -> httpx.Response:
        return client.post("/graphql", json={"query": query, "variables": variables or {}})
    return send


def raw(body: bytes, content_type: str = "application/json") -> Send:
    def send(client: httpx.Client) -> httpx.Response:
        return client.post("/graphql", content=body, headers={"content-type": content_type})
    return send


def deep_array(depth: int) -> bytes:
    return b'{"query":"{__typename}","variables":{"a":' + b"[" * depth + b"]" * depth + b"}}"


ATTACKS: list[tuple[str, Send]] = [
    ("fragment spreads, 19 levels", gql(fragment_bomb(19))),
    ("fragment spreads, 40 levels", gql(fragment_bomb(40))),
    ("first from a variable's default (100, nested x3)", gql(NESTED)),
    ("first from a Float variable", gql(NESTED.replace("$n:Int=100", "$n:Float"), {"n": 100.0})),
    ("Community.members(first: 100000)",
     gql("{communities{members(first:100000){name}}}")),
    ("nested first: 101",
     gql("{institutions(first:5){edges{node{meetings(first:101){totalCount}}}}}")),
    ("body: invalid UTF-8", raw(b'{"query":"{__typename \xff\xfe}"}')),
    ("body: JSON null", raw(b"null")),
    ("body: JSON 42", raw(b"42")),
    ("body: JSON string", raw(b'"str"')),
    ("body: 100k-deep array", raw(deep_array(100_000))),
    ("body: 7 MB invalid", raw(b'{"query": "' + b"x" * 7_000_000)),
    ("variable: Date 2025-02-30",
     gql('query($d: Date! = "2025-02-30"){meetings(filter:{from:$d}){totalCount}}')),
    ('variable: "100" for an Int',
     gql("query($n:Int!){institutions(first:$n){totalCount}}", {"n": "100"})),
    ("variable: 1e400", raw(b'{"query":"query($n:Int!){institutions(first:$n){totalCount}}",'
                            b'"variables":{"n":1e400}}')),
    ("variable: unknown input field",
     gql("query($f:InstitutionFilter){institutions(filter:$f){totalCount}}", {"f": {"nope": 1}})),
    ("variable: cursor holding a dict",
     gql("query($a:String){institutions(after:$a){totalCount}}", {"a": {"x": 1}})),
    ("nameContains of 7 MB",
     gql(SEARCH, {"s": "a" * 7_000_000})),
    ("nameContains of symbols only",
     gql(SEARCH, {"s": "\U0001F600!?"})),
    ("X-Request-ID of 300 chars with escapes",
     lambda c: c.post("/graphql", json={"query": "{__typename}"},
                      headers={"x-request-id": BAD_ID})),
    ("token in the URL",
     lambda c: c.post(f"/graphql?token={TOKEN}", json={"query": "{__typename}"})),
]


def probe(client: httpx.Client) -> float:
    started = time.perf_counter()
    client.post("/graphql", json={"query": "{__typename}"})
    return (time.perf_counter() - started) * 1000


def idle_connections(server: Server, count: int, wait: float) -> str:
    """Open `count` connections that send nothing; how many the server still holds after `wait`."""
    socks = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", server.port))
        socks.append(s)
    time.sleep(wait)
    still = 0
    for s in socks:
        s.setblocking(False)
        try:
            still += 1 if s.recv(1) else 0
        except BlockingIOError:
            still += 1  # nothing to read and not closed: still open
        except OSError:
            pass
        s.close()
    return f"{still} of {count} still open after {wait:g} s"


def refused_config(env: dict[str, str], db: str) -> str:
    """Start `tpps serve` with a bad token setting: its exit code and the last line it wrote."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--db", db, "--port", str(free_port())],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env})
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        stop_process(proc)
        return "still serving after 30 s (accepted)"
    last = [line for line in err.splitlines() if line.strip()][-1:] or [""]
    return f"exit {proc.returncode}: {last[0][:80]}"


def anonymous_invalid(db: str) -> tuple[str, str, str]:
    """Under TPPS_READ=token an anonymous query that would fail validation: authentication
    must answer first, so the schema is not hinted to a caller without a token."""
    server = Server(db, {"TPPS_TOKENS": f"reader:{TOKEN}", "TPPS_READ": "token",
                         "PYTHONPATH": str(ROOT)}, wait=120)
    try:
        started = time.perf_counter()
        resp = httpx.post(server.url + "/graphql", json={"query": "{institutionz{id}}"}, timeout=30)
        took = (time.perf_counter() - started) * 1000
        return f"{took:,.1f} ms", str(resp.status_code), summary(resp)
    finally:
        server.stop()


def brokers_on(big: str, tmp: Path, memory_mb: str) -> tuple[str, str, str]:
    """The issue's memory attack: one anonymous brokerage request on a large store (a copy,
    so results persisted beside the data do not answer a rerun)."""
    copy = tmp / "big.db"
    shutil.copyfile(big, copy)
    server = Server(str(copy), {"PYTHONPATH": str(ROOT), "TPPS_ANALYTICS_MEMORY_MB": memory_mb,
                                "TPPS_ANALYTICS_SECONDS": "300"}, wait=120)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pids = [server.proc.pid, *descendants(server.proc.pid)]
            peak[0] = max(peak[0], sum(rss_kb(p) for p in pids))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        started = time.perf_counter()
        resp = httpx.post(server.url + "/graphql", json={"query": "{brokers{constraint}}"},
                          timeout=600)
        took = time.perf_counter() - started
        done.set()
        sampler.join()
        return (f"{took:,.1f} s", str(resp.status_code),
                f"{summary(resp)}; server + workers peak RSS {peak[0] / 1024:,.0f} MB")
    finally:
        done.set()
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="store to serve (default: a generated kab/kota in a temp dir)")
    ap.add_argument("--idle-wait", type=float, default=12.0,
                    help="seconds idle connections are left open (TPPS_HEADER_SECONDS is 10)")
    ap.add_argument("--big", help="a large store (e.g. bench/national.py --quarter's) on which "
                    "one anonymous { brokers { constraint } } is timed with the server's memory")
    ap.add_argument("--big-memory-mb", default="1024",
                    help="TPPS_ANALYTICS_MEMORY_MB for the --big run (default: the setting's own)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tpps-hostile-"))
    db = args.db or str(tmp / "hostile.db")
    if not Path(db).exists():
        subprocess.run([sys.executable, "-m", "cli.main", "generate", "--db", db], cwd=ROOT,
                       check=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                       stdout=subprocess.DEVNULL)
    server = Server(db, {"TPPS_TOKENS": f"editor:{TOKEN}", "PYTHONPATH": str(ROOT)}, wait=120)
    rows: list[tuple[str, str, str, str]] = []
    try:
        client = httpx.Client(base_url=server.url, timeout=120)
        probe(client)  # warm
        for name, send in ATTACKS:
            started = time.perf_counter()
            try:
                resp = send(client)
                status, said = str(resp.status_code), summary(resp)
            except httpx.HTTPError as exc:
                status, said = "-", f"{type(exc).__name__}: {exc}"[:90]
            took = (time.perf_counter() - started) * 1000
            rows.append((name, f"{took:,.1f} ms", status, f"{said} (then {probe(client):.1f} ms)"))
        rows.append(("400 idle connections", "-", "-",
                     idle_connections(server, 400, args.idle_wait)))
        log = server.stop()
    finally:
        if server.proc.poll() is None:
            log = server.stop()
    longest = max(len(line) for line in log.splitlines()) if log else 0
    leaked = TOKEN in log
    forged = BAD_ID in log or "\x1b" in log
    rows.append(("log: longest line / token written", "-", "-",
                 f"{longest:,} chars / {'yes' if leaked else 'no'}"))
    rows.append(("log: the client's X-Request-ID written as sent", "-", "-",
                 "yes" if forged else "no"))
    rows.append(("TPPS_READ=token, anonymous invalid query", *anonymous_invalid(db)))
    rows.append(("TPPS_TOKENS=editor:a", "-", "-", refused_config({"TPPS_TOKENS": "editor:a"}, db)))
    token_file = tmp / "tokens"
    token_file.write_text("editor " + "0" * 64 + "\n")
    token_file.chmod(0o644)
    rows.append(("token file readable by others", "-", "-",
                 refused_config({"TPPS_TOKENS_FILE": str(token_file)}, db)))
    if args.big:
        rows.append((f"{{ brokers {{ constraint }} }} on {Path(args.big).name}, "
                     f"{args.big_memory_mb} MB ceiling",
                     *brokers_on(args.big, tmp, args.big_memory_mb)))
    print("| attack | time | HTTP | what the client got (then {__typename}) |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |")
    print(json.dumps({"load_average": os.getloadavg()}))


if __name__ == "__main__":
    main()
