"""Strict value types the records are built from: text, dates, periods, percentages.

Everything a load or a mutation stores passes through these, so a value the graph
holds is one a reader can trust: an ISO calendar date (not 20250101 or an ISO week),
a period that exists (no 2025-02-30), a name without control characters or the bidi
overrides that make text display as something else ("Trojan Source"), and lengths
an index and a screen can hold. Each check raises ValueError; pydantic names the field.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

# Lengths: the longest real names seen are ~150 characters (a dinas with its whole
# remit spelt out); titles of press releases ~250. The caps leave room and still keep
# a hostile megabyte out of the indexes.
NAME_MAX = 300
TITLE_MAX = 500
PROSE_MAX = 10_000  # descriptions, notes, excerpts
SHORT_MAX = 40  # units

# Bidirectional embeddings, overrides, isolates and marks: invisible, and able to
# reorder what a reader sees.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _check_chars(value: str, allow_breaks: bool) -> str:
    for i, ch in enumerate(value):
        if ch in BIDI_CONTROLS:
            raise ValueError(f"holds the invisible bidi control U+{ord(ch):04X} at {i}")
        if unicodedata.category(ch) == "Cc" and not (allow_breaks and ch in "\n\r\t"):
            raise ValueError(f"holds the control character U+{ord(ch):04X} at {i}")
    return value


def plain_line(value: str) -> str:
    """One line of text: no control characters at all, no bidi controls."""
    return _check_chars(value, allow_breaks=False)


def prose(value: str) -> str:
    """Free text: line breaks and tabs allowed, other controls and bidi controls not."""
    return _check_chars(value, allow_breaks=True)


def iso_date(value: Any) -> Any:
    """YYYY-MM-DD only: Python's fromisoformat also takes 20250101 and 2025-W01-1, and
    pydantic takes Unix timestamps; none of them is how a date is written here."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a calendar date ({exc})") from None
    raise ValueError(f"{value!r} is not a date as YYYY-MM-DD")


def period(value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a month or day that exists."""
    if value is None:
        return None
    m = _PERIOD.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a period as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{value!r}: there is no month {month}")
    if day is not None:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{value!r} is not a calendar date") from None
    return value


Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX), AfterValidator(plain_line)]
Title = Annotated[str, Field(min_length=1, max_length=TITLE_MAX), AfterValidator(plain_line)]
Prose = Annotated[str, Field(max_length=PROSE_MAX), AfterValidator(prose)]
Short = Annotated[str, Field(min_length=1, max_length=SHORT_MAX), AfterValidator(plain_line)]
Locator = Annotated[str, Field(min_length=1, max_length=2_000), AfterValidator(plain_line)]
IsoDate = Annotated[date, BeforeValidator(iso_date)]
Period = Annotated[str, AfterValidator(period)]
