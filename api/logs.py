"""JSON log lines: time, level, logger, message, request id, and the exception text
in debug only (TPPS_DEBUG=1), so production logs carry no stack traces.

A line is capped (a 7 MB body must not write a 7 MB line) and secrets are masked
wherever they appear: bearer tokens, and credential-looking keys in URLs.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

from api.http import CREDENTIAL_KEYS, request_id
from graph.settings import settings

MAX_MESSAGE_CHARS = 2_000
_SECRET_IN_URL = re.compile(
    r"(?i)\b(" + "|".join(sorted(CREDENTIAL_KEYS)) + r")=[^&\s\"']*")
_BEARER = re.compile(r"(?i)\bbearer\s+[^\s\"',]+")


def redact(text: str) -> str:
    return _BEARER.sub("Bearer [redacted]", _SECRET_IN_URL.sub(r"\1=[redacted]", text))


def capped(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text) - limit} more characters cut]"


def _clean(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    # Cut first (a regex over 35 MB is slow), with a margin so a secret at the
    # cut is still recognised, then mask, then cut to size.
    return capped(redact(capped(text, 2 * limit)), limit)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": _clean(record.getMessage()),
            "request_id": request_id.get(),
        }
        if record.exc_info:
            line["error"] = _clean(repr(record.exc_info[1]))
            if settings().debug:
                line["traceback"] = _clean(self.formatException(record.exc_info),
                                           10 * MAX_MESSAGE_CHARS)
        return json.dumps(line, ensure_ascii=False)
