"""GuardedHttpToolsProtocol byte by byte, on an in-memory transport: hostile heads
(too slow, too large, complete or not) are answered 4xx and the connection closed,
while ordinary, pipelined and large-bodied requests go through. tests/hardening/
test_serve.py runs the same hostile clients against a served process on each protocol."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from typing import Any

import pytest
from uvicorn.config import Config
from uvicorn.server import ServerState

from api.httptools_guard import GuardedHttpToolsProtocol
from api.serving import MAX_HEADER_BYTES, uvicorn_options
from graph.settings import SettingsError, settings


class Transport(asyncio.Transport):
    """Collects what the protocol writes; remembers that it was closed."""

    def __init__(self) -> None:
        super().__init__()
        self.out = bytearray()
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        assert not self.closed, "written after close"
        self.out += data

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 5000)}.get(
            name, default)

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def status(self) -> list[int]:
        """The status codes of every response written so far."""
        return [int(code) for code in re.findall(rb"HTTP/1\.1 (\d{3}) ", bytes(self.out))]


async def echo(scope: Any, receive: Any, send: Any) -> None:
    """A tiny ASGI app: 200 with the length of the body it read."""
    size = 0
    while True:
        message = await receive()
        size += len(message.get("body", b""))
        if not message.get("more_body"):
            break
    body = str(size).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


@pytest.fixture
def header_seconds(monkeypatch: pytest.MonkeyPatch) -> Iterator[float]:
    monkeypatch.setenv("TPPS_HEADER_SECONDS", "0.2")
    settings.cache_clear()
    yield 0.2
    settings.cache_clear()


def connect(loop: asyncio.AbstractEventLoop) -> tuple[GuardedHttpToolsProtocol, Transport]:
    config = Config(app=echo, http=GuardedHttpToolsProtocol, lifespan="off", access_log=False)
    protocol = GuardedHttpToolsProtocol(config=config, server_state=ServerState(),
                                        app_state={}, _loop=loop)
    transport = Transport()
    protocol.connection_made(transport)
    return protocol, transport


def run(coro: Any) -> Any:
    return asyncio.run(coro)


GET = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"


def test_slow_head_gets_408_and_is_closed(header_seconds: float) -> None:
    async def go() -> Transport:
        protocol, transport = connect(asyncio.get_running_loop())
        for part in (b"GET /health HTTP/1.1\r\n", b"Host: x\r\n", b"X-A: 1\r\n"):
            protocol.data_received(part)  # bytes keep coming, the head never ends
            await asyncio.sleep(header_seconds / 2.5)
        await asyncio.sleep(header_seconds)
        return transport

    transport = run(go())
    assert transport.closed and transport.status() == [408]


def test_silent_connection_is_closed(header_seconds: float) -> None:
    async def go() -> Transport:
        _, transport = connect(asyncio.get_running_loop())
        await asyncio.sleep(header_seconds * 2)
        return transport

    transport = run(go())
    assert transport.closed and transport.out == b""


def test_next_head_has_the_deadline_too(header_seconds: float) -> None:
    async def go() -> tuple[Transport, list[int]]:
        protocol, transport = connect(asyncio.get_running_loop())
        protocol.data_received(GET)
        await asyncio.sleep(header_seconds / 4)
        first = transport.status()
        protocol.data_received(b"GET /health HTTP/1.1\r\n")  # the second head stalls
        await asyncio.sleep(header_seconds * 2)
        return transport, first

    transport, first = run(go())
    assert first == [200]
    assert transport.closed and transport.status() == [200, 408]


def test_head_in_time_is_served_and_kept_open(header_seconds: float) -> None:
    async def go() -> Transport:
        protocol, transport = connect(asyncio.get_running_loop())
        protocol.data_received(b"GET /health HTTP/1.1\r\n")
        await asyncio.sleep(header_seconds / 2)
        protocol.data_received(b"Host: x\r\n\r\n")
        await asyncio.sleep(header_seconds * 0.7)  # past the first deadline, not the next
        return transport

    transport = run(go())
    assert transport.status() == [200] and not transport.closed


@pytest.mark.parametrize("pieces", [1, 40])
def test_oversized_incomplete_head_gets_431(pieces: int) -> None:
    head = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * (MAX_HEADER_BYTES + 10)

    async def go() -> Transport:
        protocol, transport = connect(asyncio.get_running_loop())
        step = len(head) // pieces + 1
        for i in range(0, len(head), step):
            protocol.data_received(head[i:i + step])
        await asyncio.sleep(0)
        return transport

    transport = run(go())
    assert transport.closed and transport.status() == [431]


def test_oversized_complete_head_in_one_read_gets_431() -> None:
    many = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 100) for i in range(200))  # ~22 KB

    async def go() -> Transport:
        protocol, transport = connect(asyncio.get_running_loop())
        protocol.data_received(b"GET /health HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
        await asyncio.sleep(0.05)
        return transport

    transport = run(go())
    assert transport.closed and transport.status() == [431]  # not run, not 200


def test_oversized_second_head_after_a_response_gets_431() -> None:
    async def go() -> Transport:
        protocol, transport = connect(asyncio.get_running_loop())
        protocol.data_received(GET)
        await asyncio.sleep(0.05)
        protocol.data_received(b"GET /health HTTP/1.1\r\nX-Pad: " + b"a" * MAX_HEADER_BYTES)
        return transport

    transport = run(go())
    assert transport.closed and transport.status() == [200, 431]


def test_large_body_and_pipelined_requests_are_not_taken_for_heads() -> None:
    body = b"b" * (MAX_HEADER_BYTES * 4)
    post = (b"POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body)) + body

    async def go() -> Transport:
        protocol, transport = connect(asyncio.get_running_loop())
        protocol.data_received(post)  # head and a body 4x the cap in one read
        await asyncio.sleep(0.05)
        for i in range(0, len(post), 1000):  # the same in many reads
            protocol.data_received(post[i:i + 1000])
        await asyncio.sleep(0.05)
        protocol.data_received(GET * 3)  # pipelined
        for _ in range(10):
            await asyncio.sleep(0.01)
        return transport

    transport = run(go())
    assert transport.status() == [200] * 5 and not transport.closed
    assert bytes(transport.out).count(str(len(body)).encode()) == 2


def test_malformed_head_gets_400_once_and_is_closed() -> None:
    async def go() -> Transport:
        protocol, transport = connect(asyncio.get_running_loop())
        protocol.data_received(b"GET / HTTP/1.1\r\nBad Header\r\n\r\n")
        protocol.data_received(GET)  # ignored: the connection is being closed
        await asyncio.sleep(0)
        return transport

    transport = run(go())
    assert transport.closed and transport.status() == [400]


@pytest.mark.parametrize(("value", "http", "loop"), [
    (None, "api.httptools_guard:GuardedHttpToolsProtocol", "uvloop"),
    ("httptools", "api.httptools_guard:GuardedHttpToolsProtocol", "uvloop"),
    ("h11", "api.serving:GuardedH11Protocol", "asyncio"),
])
def test_serve_picks_a_guarded_protocol(monkeypatch: pytest.MonkeyPatch, value: str | None,
                                        http: str, loop: str) -> None:
    if value is None:
        monkeypatch.delenv("TPPS_HTTP", raising=False)
    else:
        monkeypatch.setenv("TPPS_HTTP", value)
    settings.cache_clear()
    try:
        options = uvicorn_options()
    finally:
        settings.cache_clear()
    assert (options["http"], options["loop"]) == (http, loop)
    assert options["h11_max_incomplete_event_size"] == MAX_HEADER_BYTES


def test_serve_refuses_an_unknown_protocol(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_HTTP", "h2")
    settings.cache_clear()
    try:
        with pytest.raises(SettingsError, match="TPPS_HTTP='h2'"):
            uvicorn_options()
    finally:
        settings.cache_clear()
