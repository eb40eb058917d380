"""`tpps serve` end to end: a real uvicorn process, JSON log lines with request ids,
tokens from the environment, and no stack trace in production logs."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import httpx
import pytest

from bench.server import Server
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO


def test_served_api_logs_json_with_request_ids(tmp_path: Path) -> None:
    db = str(tmp_path / "serve.db")
    store = EmbeddedStore(db)
    load_files([DEMO], "json", store)
    store.close()
    server = Server(db, {"TPPS_TOKENS": "editor:serve-token-long-enough", "TPPS_DEBUG": "0"})
    try:
        query = {"query": "{ institutions { totalCount } }"}
        r = httpx.post(server.url + "/graphql", json=query, headers={"x-request-id": "req-42"})
        assert r.json()["data"]["institutions"]["totalCount"] == 36
        refused = httpx.post(server.url + "/graphql", json={
            "query": 'mutation { createInstitution(input: {name: "X", type: "KUA"}) { id } }'})
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        allowed = httpx.post(server.url + "/graphql", headers={
            "Authorization": "Bearer serve-token-long-enough"}, json={
            "query": 'mutation { createInstitution(input: {name: "X", type: "KUA"}) { id } }'})
        assert "errors" not in allowed.json()
        page = httpx.get(server.url + "/graphql", headers={"accept": "text/html"})
        assert "GraphiQL" in page.text
    finally:
        log = server.stop()
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert lines and all({"time", "level", "logger", "message", "request_id"} <= set(x)
                         for x in lines)
    assert any(x["request_id"] == "req-42" and "POST /graphql" in x["message"] for x in lines)
    assert "Traceback" not in log


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    """True when the server closes the connection within `seconds`."""
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass  # a response (408 or the like) before the close is fine
        return True
    except (TimeoutError, ConnectionResetError):
        return False


PROTOCOLS = ["httptools", "h11"]  # the default (uvloop + httptools) and the fallback


@pytest.mark.parametrize("http", PROTOCOLS)
def test_silent_slow_and_idle_connections_are_closed(tmp_path: Path, http: str) -> None:
    db = str(tmp_path / "serve.db")
    EmbeddedStore(db).close()
    server = Server(db, {"TPPS_HEADER_SECONDS": "1", "TPPS_KEEPALIVE_SECONDS": "1",
                         "TPPS_BODY_SECONDS": "1", "TPPS_HTTP": http})
    try:
        host, port = "127.0.0.1", server.port
        silent = [socket.create_connection((host, port)) for _ in range(20)]
        trickle = socket.create_connection((host, port))
        for part in (b"POST /graphql HTTP/1.1\r\n", b"Host: x\r\n"):
            trickle.sendall(part)
            time.sleep(0.4)
        slow_body = socket.create_connection((host, port))
        slow_body.sendall(b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                          b"\r\nContent-Length: 100\r\n\r\n{")
        idle = socket.create_connection((host, port))
        idle.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert all(_closed_within(s, 4) for s in silent)
        assert _closed_within(trickle, 4)
        assert _closed_within(slow_body, 4)
        assert _closed_within(idle, 4)
        assert httpx.get(server.url + "/health").status_code == 200  # still serving
    finally:
        server.stop()


def _answer(sock: socket.socket, seconds: float = 4) -> tuple[int, bool]:
    """(status code of the response, whether the server then closed the connection)."""
    sock.settimeout(seconds)
    got = b""
    try:
        while chunk := sock.recv(65536):
            got += chunk
    except TimeoutError:
        return int(got.split()[1]) if got else 0, False
    except ConnectionResetError:
        pass
    return int(got.split()[1]) if got else 0, True


@pytest.mark.parametrize("http", PROTOCOLS)
def test_oversized_heads_are_refused(tmp_path: Path, http: str) -> None:
    db = str(tmp_path / "serve.db")
    EmbeddedStore(db).close()
    server = Server(db, {"TPPS_HTTP": http})
    try:
        endless = socket.create_connection(("127.0.0.1", server.port))
        endless.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 20_000)
        status, closed = _answer(endless)
        assert 400 <= status < 500 and closed
        many = socket.create_connection(("127.0.0.1", server.port))  # 100 headers of 200 B
        many.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"".join(
            b"X-H%d: %s\r\n" % (i, b"v" * 200) for i in range(100)) + b"\r\n")
        status, closed = _answer(many)
        if http == "httptools":  # h11 caps only an incomplete head (one read got it all)
            assert status == 431 and closed
        assert httpx.get(server.url + "/health").status_code == 200  # still serving
    finally:
        server.stop()


def test_served_logs_keep_secrets_and_junk_ids_out(tmp_path: Path) -> None:
    db = str(tmp_path / "serve.db")
    EmbeddedStore(db).close()
    server = Server(db, {"TPPS_TOKENS": "editor:serve-token-long-enough"})
    try:
        r = httpx.get(server.url + "/graphql?query={__typename}&token=serve-token-long-enough")
        assert r.status_code == 400
        r = httpx.post(server.url + "/graphql", json={"query": "{__typename}"},
                       headers={"x-request-id": "evil\"id" + "x" * 500})
        assert r.status_code == 200 and len(r.headers["x-request-id"]) == 32
        r = httpx.post(server.url + "/graphql", content=b"\xff" * (7 << 20),
                       headers={"content-type": "application/json"})
        assert r.status_code == 400
    finally:
        log = server.stop()
    assert "serve-token-long-enough" not in log
    assert "evil" not in log
    assert max(len(line) for line in log.splitlines()) < 5_000
