"""How a release tells the other meetings of a series (guide §1.4, GOLD.md `meetings`).

Three ways besides a list of days in the meeting's own sentence (meeting.py `_series`):

- a list or a table after the meeting's sentence, one stop a line ('1. Kecamatan A, Senin
  2 Juni 2025, di Aula ...'; '| Kecamatan A | 2 Juni 2025 | Aula ... |');
- a sentence that dates a meeting by the one told before it ('Keesokan harinya ...',
  'Dua hari kemudian ...': data/following_days.csv);
- a sentence that tells a like meeting held before the reported one ('Sebelumnya, Senin
  (3/3), rakor serupa digelar di ...': data/meeting_cues.csv series_stop).

The vocabulary is data; this module only reads the text's lines and days.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from loaders.articles.dates import DateMention, complete, date_mentions
from loaders.articles.document import Document, Sentence
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.vocab import Vocabulary

# a like meeting held before the reported one counts only this close to it: a stop of the
# same round, not last year's meeting told as background
SERIES_SPAN = 31


@dataclass
class Stop:
    """A stop of a list: its day, its line, and the cell or clause that may hold a venue."""

    day: date
    sentence: Sentence
    text: str  # the line without its bullet (a table row: its cells joined by commas)


def cue(v: Vocabulary, kind: str, text: str) -> bool:
    found = v.meeting_cues.get(kind)
    return found is not None and bool(found[1].search(text))


def in_dateline(doc: Document, s: Sentence, d: DateMention) -> bool:
    """The dateline's own date ('Kupang, 12 Juni 2025 –'): the day the release was
    written, never a stop of a series."""
    if doc.dateline is None:
        return False
    a, b = doc.dateline
    return a <= s.start + d.start <= b


def following_day(text: str, v: Vocabulary) -> int | None:
    """Days after the meeting told before ('keesokan harinya' 1, 'dua hari kemudian' 2),
    or None when the sentence has no such word (data/following_days.csv)."""
    for pattern, days in v.following_days:
        if pattern.search(text):
            return days
    return None


def _item(v: Vocabulary, text: str) -> str | None:
    """The line without its bullet or number, or None when it is no list item; a table
    row gives its cells joined by commas (a rule line '|---|' gives None)."""
    found = v.meeting_cues.get("list_item")
    m = found[1].match(text) if found else None
    if m is None:
        return None
    body = text[m.end():]
    if "|" in text:
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
        if all(re.fullmatch(r"[:\s-]*", c) for c in cells):
            return None
        body = ", ".join(c for c in cells if c)
    return body


Discarded = Callable[[str, DateMention, Vocabulary], bool]
_LEAD_IN = 2  # sentences between the meeting's and the list's first item at most


def list_stops(doc: Document, after: Sentence, v: Vocabulary, published: date | None,
               years: list[int], discarded: Discarded) -> list[Stop]:
    """The stops of a list or table that opens right after `after` (the meeting's
    sentence, or the one that gave its day): consecutive items, each with one day of its
    own. A list a plan introduces ('Jadwal rembuk berikutnya:'), or one whose lines plan,
    gives none; a list with fewer than two dated items is no series."""
    sentences = doc.sentences
    if after not in sentences:
        return []
    at = sentences.index(after)
    out: list[Stop] = []
    for n, s in enumerate(sentences[at + 1:]):
        body = _item(v, s.text)
        if body is None:
            if out or n >= _LEAD_IN:
                break
            if cue(v, "planned", s.text):
                return []  # 'Rembuk berikutnya dijadwalkan sebagai berikut:'
            continue  # the list's heading ('... dengan jadwal sebagai berikut:')
        if cue(v, "planned", body):
            return []
        days = [d for d in date_mentions(s.text, v) if not discarded(s.text, d, v)]
        resolved = {day for d in days for day in [complete(d, published, years)[0]] if day}
        if len(resolved) != 1:
            if out:
                break
            continue  # a table's header row
        out.append(Stop(resolved.pop(), s, body))
    if out and cue(v, "planned", after.text):
        return []
    return out if len(out) >= 2 else []


def before_in_span(day: date, first: date | None) -> bool:
    """A like meeting held before the reported one, within the span of one round."""
    return first is not None and timedelta(0) < first - day <= timedelta(days=SERIES_SPAN)


@dataclass
class VillageStop:
    """A village a round of meetings went to, on its day."""

    day: date
    code: str
    sentence: Sentence


_NAME = r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?"
# after a day: 'di A dan B', 'bertempat di Desa A, B serta C'
_AT_VILLAGES = re.compile(rf"\s*,?\s*(?:bertempat\s+)?di\s+(?:(?:desa|kelurahan)\s+)?"
                          rf"({_NAME}(?:\s*(?:,\s*(?:dan\s+|serta\s+)?|dan\s+|serta\s+){_NAME})*)",
                          re.IGNORECASE)
_PIECES = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+dan\s+|\s+serta\s+)\s*", re.IGNORECASE)
# what may open a sentence that goes on a round's list: its day's weekday, 'pada', 'lalu'
_OPENS_WITH_DAY = re.compile(r"\W*(?:(?:pada|hari|tanggal|lalu|kemudian|dan)\s+)*"
                             r"(?:(?-i:[A-Z])[\w']*\W*)?", re.IGNORECASE)


def village_stops(doc: Document, first: Sentence, kecamatan: str | None, gaz: Gazetteer,
                  v: Vocabulary, published: date | None, years: list[int],
                  discarded: Discarded) -> list[VillageStop]:
    """The villages a meeting went round, in the order written: 'Rembuk Stunting
    berlangsung Senin, 3 Juli 2025 di A dan B. Selasa, 4 Juli 2025 di C.' After each day
    of the meeting's sentence, and of the sentences of its paragraph that go on the list
    (each opens with a day), 'di' and the names of villages of the kecamatan the article
    names, written without their kind word: a name counts only as the one village of that
    name in that kecamatan, and a clause with a name that is none gives no stop. Two
    villages or more, else none."""
    if kecamatan is None or first not in doc.sentences:
        return []
    at = doc.sentences.index(first)
    told = [first]
    for s in doc.sentences[at + 1:]:
        days = date_mentions(s.text, v)
        if s.paragraph != first.paragraph or not days or not _OPENS_WITH_DAY.fullmatch(
                s.text[:days[0].start]):
            break
        told.append(s)
    out: list[VillageStop] = []
    for s in told:
        days = [d for d in date_mentions(s.text, v) if not discarded(s.text, d, v)]
        for n, d in enumerate(days):
            rest = s.text[d.end:days[n + 1].start if n + 1 < len(days) else len(s.text)]
            m = _AT_VILLAGES.match(rest)
            day = complete(d, published, years)[0]
            if m is None or day is None:
                continue
            codes: list[str] = []
            for piece in _PIECES.split(m[1]):
                if piece.lower() in v.days:
                    break  # the next day's weekday ('... di A dan B serta Selasa, 4 Juli')
                found = gaz.find_below("desa", piece, kecamatan)
                if len(found) != 1:
                    codes = []
                    break
                codes.append(found[0])
            out += [VillageStop(day, code, s) for code in codes]
    return out if len({x.code for x in out}) >= 2 else []
