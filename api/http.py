"""HTTP-level guards and request ids: a body too large is refused before it is read
whole, and every request gets an id that every log line of it carries."""

from __future__ import annotations

import contextvars
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
MAX_BODY_BYTES = 8 * 1024 * 1024  # room for 1 MB strings in a mutation, not for abuse


def _error(message: str, code: str) -> bytes:
    import json

    return json.dumps({"data": None, "errors": [{"message": message,
                                                  "extensions": {"code": code}}]}).encode()


class RequestGuard:
    """ASGI middleware: request id (X-Request-ID in and out) and a body size limit."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        rid = headers.get(b"x-request-id", b"").decode("latin-1")[:64] or uuid.uuid4().hex
        token = request_id.set(rid)
        try:
            length = headers.get(b"content-length")
            if length is not None and length.isdigit() and int(length) > self.max_body:
                await self._reject(send, rid)
                return
            seen = 0
            too_big = False

            async def limited() -> Message:
                nonlocal seen, too_big
                message = await receive()
                if message["type"] == "http.request":
                    seen += len(message.get("body", b""))
                    if seen > self.max_body:
                        too_big = True
                        raise _TooLarge
                return message

            async def send_with_id(message: Message) -> None:
                if message["type"] == "http.response.start":
                    message = dict(message)
                    message["headers"] = [*message.get("headers", []),
                                          (b"x-request-id", rid.encode("latin-1"))]
                await send(message)

            try:
                await self.app(scope, limited, send_with_id)
            except _TooLarge:
                if too_big:
                    await self._reject(send, rid)
        finally:
            request_id.reset(token)

    async def _reject(self, send: Send, rid: str) -> None:
        body = _error(f"request body over {self.max_body} bytes", "PAYLOAD_TOO_LARGE")
        await send({"type": "http.response.start", "status": 413,
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
