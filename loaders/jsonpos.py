"""JSON parsing that remembers the line each object starts on.

The standard library's C scanner hides positions, so objects are parsed by
its pure-Python twin with a hook that tags every dict with its line. Slower,
but only loader input passes through here, and errors can then name lines.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from typing import Any


class LineDict(dict[str, Any]):
    """A dict that knows the line of its opening brace (1-based)."""

    line: int = 0


def loads_with_lines(text: str) -> Any:
    decoder = json.JSONDecoder()
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def parse_object(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
        _, end = s_and_end
        obj, new_end = json.decoder.JSONObject(  # type: ignore[attr-defined]
            s_and_end, *args, **kwargs)
        tagged = LineDict(obj)
        tagged.line = bisect.bisect_left(newlines, end) + 1
        return tagged, new_end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(text)


def line_of(data: Any, path: tuple[Any, ...]) -> int | None:
    """The line of the innermost object along `path` (a pydantic error loc)."""
    line = data.line if isinstance(data, LineDict) else None
    node = data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, LineDict):
            line = node.line
    return line
