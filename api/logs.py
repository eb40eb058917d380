"""JSON log lines: time, level, logger, message, request id, and the exception text
in debug only (TPPS_DEBUG=1), so production logs carry no stack traces."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime

from api.http import request_id


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id.get(),
        }
        if record.exc_info:
            line["error"] = repr(record.exc_info[1])
            if os.environ.get("TPPS_DEBUG") == "1":
                line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
