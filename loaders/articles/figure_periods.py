"""The periods a sentence writes for its figures (guide §7.2, period expressions).

A period is a span of the sentence with its value (`YYYY` or `YYYY-MM`): a year as written
('tahun 2024', '(2023)', 'SSGI 2022', 'Maret 2025'), a month alone dated by the sentence's
one year or the meeting's ('per Februari'), and the relative words of data/figure_cues.csv
('tahun ini', 'tahun lalu', 'tahun sebelumnya', 'semester I' without a year), resolved from
the meeting's year, or for 'tahun lalu/sebelumnya' from the year the sentence stated before
them. With no year to resolve from, a relative word gives no period (never invented).

Each value then takes one period: the one written right after it ('21,3 persen (2022)',
'412 anak pada Februari', '13,1 persen tahun 2023') binds to it, so a trend 'dari A (P1)
menjadi B (P2)' gives each value its own; otherwise the nearest period (measured from the
period's end when it stands before the value) with no other value and no clause break
between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.articles.vocab import Vocabulary, vocabulary

_MONTH_NAMES = (r"Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|"
                r"Oktober|November|Nopember|Desember")
PERIOD = re.compile(
    rf"(?:per\s+|bulan\s+|pada\s+|hingga\s+|sampai\s+)?(?:({_MONTH_NAMES})\s+)?\(?"
    r"((?:19|20)\d{2})\)?(?!\d)", re.IGNORECASE)
MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"], start=1)} | {"pebruari": 2, "nopember": 11}
# a month with no year of its own: 'per Februari', 'bulan Agustus', 'pada Februari menjadi'
# ('perbulan Agustus' typed joined)
_MONTH_ONLY = re.compile(rf"\b(?:per\s*bulan|per|bulan|pada)\s+({_MONTH_NAMES})\b(?!\s+\d)",
                         re.IGNORECASE)
# 'bulan Agustus lalu': the last such month before the meeting, whatever year the sentence
# writes for another value ('target pada 2024 ... per Agustus lalu 18,9 persen')
_MONTH_PAST = re.compile(r"\s+(?:yang\s+)?lalu\b", re.IGNORECASE)
_REGULATION_AFTER = re.compile(r"\s*(?:tentang|Nomor)")
_REGULATION_BEFORE = re.compile(
    r"(?:Nomor|No\.|Perpres|Permen\w*|UU|PP|Perbup|Perda)\s*[\d/.]*\s*(?:Tahun\s*)?$",
    re.IGNORECASE)
# a period written right after its value: the value's unit or noun, a bracket, a
# preposition, a source name ('19,1 persen (SSGI 2023)', '376 anak pada Agustus 2024')
_TIGHT_AFTER = re.compile(
    r"^\s*(?:%|persen\w*|poin)?\s*(?:(?:balita|baduta|anak|kasus|keluarga|KK|orang|jiwa|warga)"
    r"(?:\s+stunting)?\s*)?\)?\s*(?:\(\s*)?(?:(?:pada|di|akhir|awal|pertengahan|tahun|th\.?|thn|per|bulan|hasil|data|"
    r"menurut|berdasarkan|survei|SSGI|SKI|Riskesdas|e-?PPGBM|EPPGBM|SSGBI)\s*)*$",
    re.IGNORECASE)
# what ends a value's clause: a period beyond it belongs to the next clause's value
# a value restated right after another, in brackets or after 'atau' ('818 balita (2,62%)',
# '2,87% (876 balita)', '4,2 persen atau 712 balita'): one quantity told twice, so a period
# after the restatement dates both
_UNIT = r"(?:%|persen\w*)?\s*(?:(?:balita|baduta|anak|kasus|keluarga|KK|orang|jiwa|warga)" \
    r"(?:\s+stunting)?\s*)?"
_BRACKET_OPEN = re.compile(rf"^\s*{_UNIT}\(\s*$", re.IGNORECASE)
_BRACKET_CLOSE = re.compile(rf"^\s*{_UNIT}\)", re.IGNORECASE)
_RESTATE_JOIN = re.compile(
    rf"^\s*{_UNIT},?\s*(?:atau|setara\s+dengan)\s+(?:sekitar\s+|sebanyak\s+)?$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:dan|serta)\b|\b(?:sedangkan|sementara|namun|adapun|"
                           r"tetapi|sebaliknya)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    value: str
    relative: bool  # written as a word relative to the meeting's year, not as a year


def periods(sentence: str, year: int | None, v: Vocabulary | None = None) -> list[Period]:
    """Every period the sentence writes, in order (a regulation's year and a survey's release
    day left out)."""
    v = v or vocabulary()
    cues = v.figure_cues
    released = cues.get("released")
    out: list[Period] = []
    for m in PERIOD.finditer(sentence):
        if _REGULATION_AFTER.match(sentence, m.end()) or _REGULATION_BEFORE.search(
                sentence[max(0, m.start() - 25):m.start()]):
            continue  # a regulation's year
        if released and released.search(sentence[max(0, m.start() - 40):m.start()]):
            continue  # the day a survey was published: the survey's own year dates its values
        month = MONTHS.get((m[1] or "").lower())
        out.append(Period(m.start(), m.end(), f"{m[2]}-{month:02d}" if month else m[2], False))
    years = {p.value[:4] for p in out}
    # a month alone takes the sentence's one year ('dari 412 anak pada Februari menjadi 376
    # anak pada Agustus 2024'), else the meeting's
    month_year = years.pop() if len(years) == 1 else (str(year) if year else None)
    for m in _MONTH_ONLY.finditer(sentence):
        own = str(year) if year and _MONTH_PAST.match(sentence, m.end()) else month_year
        if own and not any(p.start <= m.start() < p.end for p in out):
            out.append(Period(m.start(), m.end(), f"{own}-{MONTHS[m[1].lower()]:02d}", False))
    out.extend(_relative(sentence, year, out, cues))
    return sorted(out, key=lambda p: p.start)


def _relative(sentence: str, year: int | None, written: list[Period],
              cues: dict[str, re.Pattern[str]]) -> list[Period]:
    """'tahun ini' and a half or quarter with no year ('semester I') are the meeting's
    year; 'tahun lalu/sebelumnya' the year before the one the sentence stated before it, or
    the year before the meeting's."""
    out: list[Period] = []
    taken = [(p.start, p.end) for p in written]
    for kind, offset in (("period_this_year", 0), ("period_last_year", -1)):
        cue = cues.get(kind)
        if cue is None:
            continue
        for m in cue.finditer(sentence):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
                continue  # 'semester I 2025': the year written says it
            base = year
            if offset:
                stated = [p for p in written if p.end <= m.start() and not p.relative]
                if stated:
                    base = int(stated[-1].value[:4])
            if base is None:
                continue  # no year known: no period is invented
            out.append(Period(m.start(), m.end(), str(base + offset), True))
            taken.append((m.start(), m.end()))
    return out


def period_for(sentence: str, start: int, end: int, values: list[tuple[int, int]],
               spans: list[Period]) -> Period | None:
    """The period of the value at [start, end): the one written right after it, else the
    nearest with no other value and no clause break between. `values` are the spans of
    the sentence's other numbers that are no years."""
    others = [(a, b) for a, b in values
              if (a, b) != (start, end) and not _restates(sentence, (start, end), (a, b))]
    best: tuple[int, Period] | None = None
    for p in spans:
        if start <= p.start < end:
            continue
        if p.start >= end:
            gap = sentence[end:p.start]
            lo, hi = end, p.start
        else:
            gap = sentence[p.end:start] if p.end <= start else ""
            lo, hi = p.end, start
        if any(lo <= a < hi for a, _ in others):
            continue
        if p.start >= end and _TIGHT_AFTER.match(gap):
            return p  # written right after the value: its own
        if p.start >= end and (_CLAUSE_BREAK.search(gap) or _leads_next(sentence, p, others)):
            continue  # 'naik dibanding tahun sebelumnya 9,1 persen': the next value's
        if p.end <= start and any(_TIGHT_AFTER.match(sentence[b:p.start])
                                  for _, b in others if b <= p.start):
            continue  # written right after the value before: 'dari A (P1) menjadi B'
        distance = hi - lo
        if best is None or distance < best[0]:
            best = (distance, p)
    return best[1] if best else None


def _restates(sentence: str, value: tuple[int, int], other: tuple[int, int]) -> bool:
    """`other` is `value` told again right after it (in brackets, or after 'atau')."""
    if value[1] > other[0]:
        return False
    between = sentence[value[1]:other[0]]
    return bool(_RESTATE_JOIN.match(between)) or (
        bool(_BRACKET_OPEN.match(between)) and bool(_BRACKET_CLOSE.match(sentence[other[1]:])))


def _leads_next(sentence: str, p: Period, others: list[tuple[int, int]]) -> bool:
    """A value follows the period in its clause: the period leads that value."""
    later = [a for a, _ in others if a >= p.end]
    return bool(later) and not _CLAUSE_BREAK.search(sentence[p.end:min(later)])


def owned_elsewhere(sentence: str, p: Period, value: tuple[int, int],
                    values: list[tuple[int, int]]) -> bool:
    """The period is another value's: written right after it, or leading it ('18,8 persen,
    turun dibanding SKI 2023 sebesar 20,2 persen': 2023 is the 20,2's, not the 18,8's)."""
    ends = [(b, (a, b)) for a, b in values if b <= p.start]
    if ends:
        _, nearest = max(ends)
        if nearest != value and not _restates(sentence, value, nearest) and \
                _TIGHT_AFTER.match(sentence[nearest[1]:p.start]):
            return True
    others = [v for v in values if v != value and not _restates(sentence, value, v)]
    return value[1] <= p.start and not _TIGHT_AFTER.match(sentence[value[1]:p.start]) and \
        _leads_next(sentence, p, others)


def stated_year(spans: list[Period]) -> str | None:
    """The one year the sentence writes (as a year, not a relative word), if only one."""
    values = {p.value for p in spans if not p.relative}
    return values.pop() if len(values) == 1 else None
