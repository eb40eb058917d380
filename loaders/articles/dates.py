"""Dates, times and periods as Indonesian releases write them (guide §2).

A date mention keeps what the text gave: day, month, the year if written (two-digit
years become 20yy) and the weekday written before it. `complete()` fills a missing
year from the weekday and the publication context; nothing here guesses a date that
the text does not write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from loaders.articles.vocab import ZONES, Vocabulary, vocabulary


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None  # None: the text gave no year
    weekday: int | None  # 0 = Monday, as written before the date
    numeric: bool

    def on(self, year: int) -> date | None:
        return _valid(year, self.month, self.day)


@dataclass(frozen=True)
class _Patterns:
    numeric: re.Pattern[str]
    dotted: re.Pattern[str]
    short: re.Pattern[str]
    written: re.Pattern[str]
    weekday_before: re.Pattern[str]
    month_year: re.Pattern[str]
    dashed_yy: re.Pattern[str]
    bare_short: re.Pattern[str]
    month_only: re.Pattern[str]
    series: re.Pattern[str]
    range_short: re.Pattern[str]
    spaced: re.Pattern[str]


@cache
def _patterns(v: Vocabulary) -> _Patterns:
    months = "|".join(sorted((re.escape(m) for m in v.months), key=len, reverse=True))
    days = "|".join(sorted((re.escape(d) for d in v.days), key=len, reverse=True))
    sep = r"\s*(?:[-–—]|s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga|dan|,)\s*"
    cue = v.date_cues.get("range_sep")  # data/date_cues.csv: '23 s.d. 26/2', '23 hingga 26/2'
    span = rf"(?i:{cue.pattern})" if cue else r"\s*[-–]\s*"
    return _Patterns(
        # 6/3/2025, 14/4/25, 7–8/7/2025 (a range gives its first day)
        # a stray slash after the weekday ('Selasa /12/7/2025') is not a longer number
        # ('23 s.d. 26/2/2026', '23 hingga 26/2/2026' too: data/date_cues.csv range_sep)
        numeric=re.compile(rf"(?<![\w.-])(?<!\d/)(\d{{1,2}})(?:{span}\d{{1,2}})?/(\d{{1,2}})/(\d{{4}}|\d{{2}})"
                           r"(?![\w/])"),
        # 'tanggal 23 hingga 26/2', '(7-8/7)': a yearless range of days, first day taken
        # (where a date is expected when a bare dash joins the days: see date_mentions)
        range_short=re.compile(rf"(?<![\w/.-])(\d{{1,2}})({span})(\d{{1,2}})/(\d{{1,2}})"
                               r"(?![\w/.-]?\d)"),
        # 17-12-2025, 17.12.2025: only with a four-digit year
        dotted=re.compile(r"(?<![\w/.-])(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?![\w/.-]?\d)"),
        # 20-06-24, 20.06.24: a two-digit year with dashes or dots, taken only where a date
        # is expected (in a parenthesis, after a weekday or a speech verb: see date_mentions),
        # since the bare shape is also a code or a phone number
        # ('(02-09/22)', '(02-09/2022)': a slash before the year, as some datelines write it)
        dashed_yy=re.compile(r"(?<![\w/.-])(\d{1,2})([-.])(\d{1,2})(?:\2|/)(\d{4}|\d{2})"
                             r"(?![\w/.-]?\d)"),
        # 'Kamis 16/5 –', 'Kamis, 16-5': d/m or d-m right after its weekday (see date_mentions)
        bare_short=re.compile(r"(?<![\w/.-])(\d{1,2})([/-])(\d{1,2})(?![\w/.-]?\d)"),
        # '(19 /2/ 2024)', '( 5 / 3 / 2025 )': spaces around the slashes, taken only inside
        # a parenthesis (bare, '1 / 2 / 3' is arithmetic or a list of figures)
        spaced=re.compile(r"\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})\s*\)"),
        # (14/10), (16/02): no year, inside a parenthesis
        short=re.compile(r"\(\s*(\d{1,2})/(\d{1,2})\s*\)"),
        # 'tanggal 26 bulan September tahun 2024': the words bulan and tahun may stand
        # between the parts of a fully spelled date, in any case
        written=re.compile(rf"(?<![\w.])(\d{{1,2}})(?:{sep}\d{{1,2}})*\s+(?:bulan\s+)?({months})\b"
                           r"\.?(?:\s+(?:tahun\s+)?(\d{4}))?", re.IGNORECASE),
        # 'Senin–Selasa (7–8/7/2025)': a range of days gives its first weekday
        # ('Selasa hingga Rabu, 12–13 Agustus': a range of weekdays joined by words too)
        weekday_before=re.compile(rf"\b({days})\b(?:(?:\s*[-–]\s*|{span})(?:{days})\b)?[\s,]*"
                                  r"(?:\w+[\s,]*)?"
                                  r"(?:\(|tanggal|tgl\.?)?"
                                  r"[\s,/]*(?:\d{1,2}\s*[-–]\s*)?$", re.IGNORECASE),
        month_year=re.compile(rf"\b({months})\.?\s+(\d{{4}})\b", re.IGNORECASE),
        month_only=re.compile(rf"\b(?:per|bulan)\s+({months})\b", re.IGNORECASE),
        series=re.compile(rf"(?<![\w.])(\d{{1,2}}(?:\s*,\s*\d{{1,2}})*\s*,?\s*(?:dan|serta|&)\s*"
                          rf"\d{{1,2}})\s+({months})\b\.?(?:\s+(\d{{4}}))?", re.IGNORECASE),
    )


_DATE_WORD = re.compile(r"\b(?:tanggal|tgl)\.?\s*$", re.IGNORECASE)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return 2000 + y if y < 100 else y


def date_mentions(text: str, v: Vocabulary | None = None) -> list[DateMention]:
    """Every date written in `text`, with or without a year, in order."""
    v = v or vocabulary()
    p = _patterns(v)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, d: int, m: int, y: int | None, numeric: bool) -> None:
        if any(a < end and start < b for a, b in taken) or not 1 <= m <= 12:
            return
        if _valid(y or 2024, m, d) is None:  # 2024 is a leap year: 29/2 stays possible
            return
        before = p.weekday_before.search(text[max(0, start - 30):start])
        weekday = v.days.get(before[1].lower()) if before else None
        taken.append((start, end))
        found.append(DateMention(start, end, d, m, y, weekday, numeric))

    for m in p.numeric.finditer(text):
        add(m.start(), m.end(), int(m[1]), int(m[2]), _year(m[3]), True)
    for m in p.spaced.finditer(text):
        add(m.start(1), m.end(3), int(m[1]), int(m[2]), _year(m[3]), True)
    for m in p.dotted.finditer(text):
        add(m.start(), m.end(), int(m[1]), int(m[2]), _year(m[3]), True)
    speech = v.date_cues.get("speech")
    for m in p.dashed_yy.finditer(text):
        if text[m.start(4) - 1] == "/" and int(m[4]) <= 12:
            continue  # '(10-11/12)': days 10 to 11 of December, not a year 2012 (range_short)
        before = text[max(0, m.start() - 30):m.start()]
        framed = before.rstrip().endswith("(") and \
            text[m.end():m.end() + 2].lstrip().startswith(")")
        if framed or p.weekday_before.search(before) or (
                speech is not None and speech.search(before)):
            add(m.start(), m.end(), int(m[1]), int(m[3]), _year(m[4]), True)
    for m in p.written.finditer(text):
        add(m.start(), m.end(), int(m[1]), v.months[m[2].lower()], _year(m[3]), False)
    for m in p.range_short.finditer(text):
        # a bare dash between numbers is also a score or a code ('skor 23-26/2'): taken in a
        # parenthesis, after 'tanggal'/'tgl' or a weekday; a range joined by words anywhere
        before = text[max(0, m.start() - 30):m.start()]
        if re.search(r"[^\s\-–—]", m[2]) or before.rstrip().endswith("(") or \
                _DATE_WORD.search(before) or p.weekday_before.search(before):
            add(m.start(), m.end(), int(m[1]), int(m[4]), None, True)
    for m in p.short.finditer(text):
        add(m.start(), m.end(), int(m[1]), int(m[2]), None, True)
    for m in p.bare_short.finditer(text):  # right after its weekday only
        if p.weekday_before.search(text[max(0, m.start() - 30):m.start()]):
            add(m.start(), m.end(), int(m[1]), int(m[3]), None, True)
    return _years_from_next(text, sorted(found, key=lambda d: d.start))


# what may join a yearless day to the dated one after it in one run of days ('20-23
# Januari dan dilanjutkan pada 27 Januari 2026', '28 Desember hingga 2 Januari 2026')
_RUN_GAP = re.compile(r"(?=[^.;:()]{0,60}$)[^.;:()]*?(?:\b(?:dan|hingga|sampai|s\.?\s*d|serta|"
                      r"dilanjutkan|berlanjut)\b|[-–—,&])[^.;:()]*", re.IGNORECASE)


def _years_from_next(text: str, found: list[DateMention]) -> list[DateMention]:
    """A yearless date written just before a dated one in the same run of days takes
    its year (the year before when its month comes later: the run crosses New Year)."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        d, n = out[i], out[i + 1]
        if d.year is not None or n.year is None or not _RUN_GAP.fullmatch(
                text[d.end:n.start]):
            continue
        year = n.year if (d.month, d.day) <= (n.month, n.day) else n.year - 1
        if d.on(year) is not None:
            out[i] = replace(d, year=year)
    return out


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every date of `text` that writes its year, as (start, end, date), in order."""
    out = []
    for d in date_mentions(text):
        if d.year is not None:
            day = d.on(d.year)
            if day is not None:
                out.append((d.start, d.end, day))
    return out


RECENT_DAYS = 300  # how far before its publication a yearless day may lie


def complete(d: DateMention, published: date | None, years: list[int],
             first_year: int | None = None) -> tuple[date | None, bool]:
    """The date with its year filled in, and whether its weekday contradicts it.

    A missing year is the one (among the publication year, the year before and after it
    and the years the text names) where the written weekday falls on that date; without a
    weekday, the publication year, or the one before when the date would lie more than a
    week after publication (guide §2.3). With neither, the only year from `first_year` to
    this one where the weekday fits.
    """
    if d.year is not None:
        day = d.on(d.year)
        conflict = day is not None and d.weekday is not None and day.weekday() != d.weekday
        return day, conflict
    candidates: list[int] = []
    if published:
        candidates += [published.year, published.year - 1, published.year + 1]
    candidates += years
    if d.weekday is not None and not published:
        # no publication date: the years next to those the text names ('calon lokus tahun
        # 2025' in a release of 2024), the weekday deciding (guide §2.3)
        candidates += [y + step for y in years for step in (-1, 1)]
    candidates = list(dict.fromkeys(candidates))
    if d.weekday is not None:
        for y in candidates:
            day = d.on(y)
            # a meeting reported as held lies before the publication (a week's grace for
            # a late-dated byline): 'Senin (14/9)' published 15 Sep 2025 is not 2026's
            # Monday; and a day written without its year is a recent one, not a year back
            # ('Rabu (7/8)' published 7 Aug 2025 is not Wednesday 7 Aug 2024)
            if day is not None and day.weekday() == d.weekday and not (published and not (
                    published - timedelta(days=RECENT_DAYS) < day
                    <= published + timedelta(days=7))):
                return day, False
    if published:
        day = d.on(published.year)
        if day is not None and day > published + timedelta(days=7):
            day = d.on(published.year - 1)
        # no year fits the weekday: the date is kept and its weekday flagged (guide §2.2.5)
        return day, day is not None and d.weekday is not None and day.weekday() != d.weekday
    if years:
        return d.on(years[0]), False
    if d.weekday is not None and first_year is not None:
        # no year anywhere: the one year since TPPS meetings began (`first_year`) whose
        # calendar puts the written weekday on that day ('Rabu (27/08)': only 2025 from
        # 2021 to 2026); none or several, no date (guide §2.3: never a guess)
        fits = [y for y in range(first_year, date.today().year + 1)
                if (day := d.on(y)) is not None and day.weekday() == d.weekday]
        if len(fits) == 1:
            return d.on(fits[0]), False
    return None, False


def series_days(text: str, v: Vocabulary | None = None) -> list[DateMention]:
    """The days of a written list, 'tanggal 3, 5 dan 10 Maret 2025': one mention per day
    (a range, '9-11 Juli', is one meeting and is not a list). Empty when there is none."""
    v = v or vocabulary()
    p = _patterns(v)
    out: list[DateMention] = []
    for m in p.series.finditer(text):
        days = [int(x) for x in re.findall(r"\d{1,2}", m[1])]
        month, year = v.months[m[2].lower()], _year(m[3])
        for d in days:
            if _valid(year or 2024, month, d) is not None:
                out.append(DateMention(m.start(), m.end(), d, month, year, None, False))
    return out


def relative_day(text: str, published: date | None, v: Vocabulary | None = None
                 ) -> tuple[str | None, date | None]:
    """A relative day word of `text` (data/relative_dates.csv), resolved from the
    publication date: ('day', the date), ('unsafe', None) when the text says 'earlier'
    without saying when, or (None, None) when it has none. Without a publication date
    nothing is resolved (never invented)."""
    v = v or vocabulary()
    for pattern, days in v.relative_dates:
        m = pattern.search(text)
        if m is None:
            continue
        if days == "unsafe":
            return "unsafe", None
        if published is None:
            return "unsafe", None
        if days == "weekday":
            wanted = v.days.get(m[1].lower().replace("’", "'"))
            if wanted is None:
                wanted = v.days.get(m[1].lower())
            if wanted is None:
                return "unsafe", None
            back = (published.weekday() - wanted) % 7 or 7
            return "day", published - timedelta(days=back)
        return "day", published + timedelta(days=int(days))
    return None, None


_ZONES = re.compile(rf"\d\s*({'|'.join(ZONES)})\b", re.IGNORECASE)


def zones_in(text: str) -> set[str]:
    """The time zones the text writes after a clock time ('pukul 09.00 WITA')."""
    return {m[1].upper() for m in _ZONES.finditer(text)}


# -- times ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Clock:
    start: re.Pattern[str]
    end_only: re.Pattern[str]
    range_end: re.Pattern[str]
    other_event: re.Pattern[str]
    day_part: re.Pattern[str]
    ends: re.Pattern[str]


@cache
def _clock_patterns(v: Vocabulary) -> _Clock:
    """The clock grammar, its words from data/time_cues.csv."""
    w = v.time_cues
    clock = r"(\d{1,2})(?:[.:](\d{2}))?(?![:.]?\d)"
    zone = "|".join(ZONES)
    until = rf"\s*(?:{w['until']})\s*"
    word = rf"(?:{w['clock']})"
    flags = re.IGNORECASE
    return _Clock(
        start=re.compile(rf"(?:\b{word}\s*{clock}|\b(\d{{1,2}})[.:](\d{{2}})(?=\s*(?:{zone})\b|"
                         rf"{until}(?:{w['open_end']}|\d)))", flags),
        end_only=re.compile(rf"\b(?:{w['ends']})\s+(?:sekitar\s+|pada\s+)*{word}\s*{clock}",
                            flags),
        range_end=re.compile(rf"(?:\s*(?:{zone})\b)?{until}(?:{word}\s*)?(\d{{1,2}})[.:](\d{{2}})",
                             flags),
        other_event=re.compile(rf"\b(?:{w['other_event']})\b[^.]*$", flags),
        day_part=re.compile(rf"\s*(?:{w['day_part']}|{zone})", flags),
        ends=re.compile(rf"\b(?:{w['ends']})\b", flags),
    )


def _clock(h: str | None, m: str | None) -> str | None:
    if h is None:
        return None
    hour, minute = int(h), int(m or 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def ends_in(text: str, v: Vocabulary | None = None) -> bool:
    """Whether `text` says when an event ended ('Kegiatan berakhir ...')."""
    return bool(_clock_patterns(v or vocabulary()).ends.search(text))


def find_times(text: str, v: Vocabulary | None = None) -> tuple[str | None, str | None]:
    """(start, end) as HH:MM: 'pukul 09.45 WIB', 'pukul 09.00-12.00', '10.00 Wita – Selesai',
    'berakhir pukul 11.00'. Times of other events ('launching ... pukul 09.00') and
    clock stamps with seconds (bylines) are not the meeting's."""
    p = _clock_patterns(v or vocabulary())
    end_match = p.end_only.search(text)
    end = _clock(end_match[1], end_match[2]) if end_match else None
    for m in p.start.finditer(text):
        if end_match and end_match.start() <= m.start() < end_match.end():
            continue
        if p.other_event.search(text[max(0, m.start() - 50):m.start()]):
            continue
        start = _clock(m[1] or m[3], m[2] or m[4])
        if start is None:
            continue
        if m[1] is not None and m[2] is None and not p.day_part.match(text, m.end()):
            continue  # "jam 9" needs "pagi" or a zone to be a time
        r = p.range_end.match(text, m.end())
        if r:
            end = end or _clock(r[1], r[2])
        return start, end
    return None, end


# -- periods of figures --------------------------------------------------------------
def period_in(sentence: str, fallback_year: int | None) -> str | None:
    """The period a figure refers to: '2024-02' from 'Februari 2024', '2024' from 'tahun 2024',
    '2025-11' from 'per November' with the meeting's year."""
    v = vocabulary()
    p = _patterns(v)
    m = p.month_year.search(sentence)
    if m:
        return f"{int(m[2]):04d}-{v.months[m[1].lower()]:02d}"
    m = p.month_only.search(sentence)
    if m and fallback_year:
        return f"{fallback_year:04d}-{v.months[m[1].lower()]:02d}"
    m = re.search(r"\b(?:tahun|th\.?|thn\.?|data|pada|SSGI|SKI|e-?PPGBM)\s+(20\d{2})\b", sentence,
                  re.IGNORECASE)
    if m:
        return m[1]
    return None
