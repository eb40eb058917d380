"""HTTP-level guards and request ids, before GraphQL sees a request.

A body is read within a time limit and a size limit, and a GraphQL POST body is
checked to be one JSON object of the right shape, so malformed requests get one
clear 400 and never reach the GraphQL view (where they used to be 500s). URLs
carrying credentials are refused. Every request gets a clean id that every log
line of it carries, and extensions may ask for a status (401, 503) through
`answer_with`.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.settings import settings

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
MAX_BODY_BYTES = 8 * 1024 * 1024  # room for 1 MB strings in a mutation, not for abuse
_CLEAN_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# Query-string keys that carry a secret: a URL ends up in logs, proxies and history.
CREDENTIAL_KEYS = frozenset({"token", "access_token", "auth", "authorization", "bearer",
                             "api_key", "apikey", "key", "password", "secret"})
_BODY_KEYS = {"query": str, "operationName": str, "variables": dict, "extensions": dict}


@dataclass
class Reply:
    """What an extension wants the HTTP answer to say besides the GraphQL body."""

    status: int | None = None
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)


_reply: contextvars.ContextVar[Reply | None] = contextvars.ContextVar("reply", default=None)


def answer_with(status: int, **headers: str) -> None:
    """Ask for this HTTP status (and headers, `retry_after="5"` -> Retry-After: 5)."""
    reply = _reply.get()
    if reply is not None:
        reply.status = status
        reply.headers += [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]


def clean_request_id(raw: bytes | None) -> str:
    """The client's X-Request-ID when short and plain, else a fresh one (logs stay parseable)."""
    text = (raw or b"").decode("latin-1")
    return text if _CLEAN_ID.fullmatch(text) else uuid.uuid4().hex


def body_problem(body: bytes) -> str | None:
    """Why a JSON GraphQL body is unusable, in one sentence; None when it is fine."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"the body is not UTF-8 (byte {exc.start})"
    try:
        data = json.loads(text)
    except RecursionError:
        return "the body nests too deeply to be a GraphQL request"
    except ValueError as exc:
        return f"the body is not JSON: {str(exc)[:100]}"
    if not isinstance(data, dict):
        return f"the body must be a JSON object with a query, not {type(data).__name__}"
    for key, kind in _BODY_KEYS.items():
        value = data.get(key)
        if value is not None and not isinstance(value, kind):
            wanted = "a string" if kind is str else "an object"
            return f"{key} must be {wanted}, not {type(value).__name__}"
    return None


class RequestGuard:
    """ASGI middleware: request id (X-Request-ID in and out), credentials kept out of
    URLs, a body read within a size and a time limit, and the shape of a JSON body."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES,
                 body_seconds: float | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.body_seconds = settings().body_seconds if body_seconds is None else body_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        rid = clean_request_id(headers.get(b"x-request-id"))
        token = request_id.set(rid)
        reply = Reply()
        reply_token = _reply.set(reply)
        try:
            await self._guarded(scope, receive, send, headers, rid, reply)
        finally:
            _reply.reset(reply_token)
            request_id.reset(token)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send,
                       headers: dict[bytes, bytes], rid: str, reply: Reply) -> None:
        query = scope.get("query_string", b"").decode("latin-1")
        if any(k.lower() in CREDENTIAL_KEYS for k, _ in parse_qsl(query, keep_blank_values=True)):
            await _answer(send, rid, 400, "credentials go in the Authorization header, never "
                          "in the URL (URLs are logged); this request was not run", "BAD_REQUEST")
            return
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await self._too_large(send, rid)
            return
        body = b""
        if scope.get("method") == "POST":
            try:
                body = await asyncio.wait_for(self._read(receive), self.body_seconds)
            except _TooLarge:
                await self._too_large(send, rid)
                return
            except TimeoutError:
                await _answer(send, rid, 408, f"the request body did not arrive within "
                              f"{self.body_seconds:g} s", "REQUEST_TIMEOUT")
                return
            if b"json" in headers.get(b"content-type", b"").lower():
                problem = body_problem(body)
                if problem is not None:
                    await _answer(send, rid, 400, problem, "BAD_REQUEST")
                    return

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                if reply.status is not None:
                    message["status"] = reply.status
                message["headers"] = [*message.get("headers", []), *reply.headers,
                                      (b"x-request-id", rid.encode("latin-1"))]
            await send(message)

        await self.app(scope, replay if scope.get("method") == "POST" else receive,
                       send_with_id)

    async def _read(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)  # the client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body:
                raise _TooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, send: Send, rid: str) -> None:
        await _answer(send, rid, 413, f"request body over {self.max_body} bytes",
                      "PAYLOAD_TOO_LARGE")


async def _answer(send: Send, rid: str, status: int, message: str, code: str) -> None:
    body = json.dumps({"data": None, "errors": [{"message": message,
                                                  "extensions": {"code": code}}]}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"x-request-id", rid.encode("latin-1"))]})
    await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


def log_config(level: str = "INFO") -> dict[str, Any]:
    """Logging as JSON lines, each with the request id (for uvicorn and our loggers)."""
    return {
        "version": 1, "disable_existing_loggers": False,
        "formatters": {"json": {"()": "api.logs.JsonFormatter"}},
        "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "json",
                             "stream": "ext://sys.stderr"}},
        "loggers": {"": {"handlers": ["out"], "level": level},
                    "uvicorn": {"handlers": ["out"], "level": level, "propagate": False},
                    "uvicorn.access": {"handlers": ["out"], "level": level,
                                       "propagate": False},
                    "strawberry": {"handlers": ["out"], "level": level, "propagate": False}},
    }
