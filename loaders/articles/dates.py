"""Dates, times and periods as Indonesian releases write them."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
}
DAYS = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?\s+(\d{{4}})\b", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES})\s+(\d{{4}})\b", re.IGNORECASE)
MONTH_ONLY = re.compile(rf"\b(?:per|bulan)\s+({_MONTH_NAMES})\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:tahun|th\.?|data)\s+(20\d{2})\b", re.IGNORECASE)
CLOCK = r"(\d{1,2})[.:](\d{2})"
TIME_RANGE = re.compile(rf"pukul\s+{CLOCK}\s*(?:-|–|s\.?d\.?|sampai(?:\s+dengan)?|hingga)\s*"
                        rf"(?:pukul\s+)?{CLOCK}", re.IGNORECASE)
START_TIME = re.compile(rf"(?:dimulai|mulai|dibuka|digelar|berlangsung|dilaksanakan)?[^.]*?"
                        rf"pukul\s+{CLOCK}", re.IGNORECASE)
END_TIME = re.compile(rf"(?:berakhir|selesai|ditutup)\s+(?:sekitar\s+|pada\s+)?pukul\s+{CLOCK}",
                      re.IGNORECASE)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full date in the text as (start, end, date), in order."""
    found = []
    for m in NUMERIC_DATE.finditer(text):
        d = _valid(int(m[3]), int(m[2]), int(m[1]))
        if d:
            found.append((m.start(), m.end(), d))
    for m in WRITTEN_DATE.finditer(text):
        d = _valid(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
        if d:
            found.append((m.start(), m.end(), d))
    return sorted(found, key=lambda x: x[0])


def _clock(h: str, m: str) -> str | None:
    hour, minute = int(h), int(m)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> tuple[str | None, str | None]:
    """(start, end) as HH:MM from 'pukul 09.45 WIB', 'pukul 09.00-12.00', 'berakhir pukul 11.00'."""
    r = TIME_RANGE.search(text)
    if r:
        return _clock(r[1], r[2]), _clock(r[3], r[4])
    end_match = END_TIME.search(text)
    end = _clock(end_match[1], end_match[2]) if end_match else None
    start = None
    for m in re.finditer(rf"pukul\s+{CLOCK}", text, re.IGNORECASE):
        if end_match and m.start() >= end_match.start() and m.end() <= end_match.end():
            continue
        start = _clock(m[1], m[2])
        break
    return start, end


def period_in(sentence: str, fallback_year: int | None) -> str | None:
    """The period a figure refers to: '2024-02' from 'Februari 2024', '2024' from 'tahun 2024',
    '2025-11' from 'per November' with the meeting's year."""
    m = MONTH_YEAR.search(sentence)
    if m:
        return f"{int(m[2]):04d}-{MONTHS[m[1].lower()]:02d}"
    m = MONTH_ONLY.search(sentence)
    if m and fallback_year:
        return f"{fallback_year:04d}-{MONTHS[m[1].lower()]:02d}"
    m = YEAR.search(sentence)
    if m:
        return m[1]
    return None
