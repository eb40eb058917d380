"""Which coordination meeting a release reports as held, and when and where (guide §1-§2).

Every mention of a meeting family (rakor, rembuk, lokmin, AKS ...) is a candidate, scored
by the cues around it: held-verbs, a date, a venue, attendees, the lead (+), plans,
passing references and definitions (-). The best candidate with 4 points or more is the
meeting; none means the release is an explainer, a plan or a passing reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from loaders.articles.dates import (
    DateMention,
    complete,
    date_mentions,
    ends_in,
    find_dates,
    find_times,
    relative_day,
    series_days,
)
from loaders.articles.document import Document, Sentence
from loaders.articles.series import before_in_span, cue, following_day, in_dateline, list_stops
from loaders.articles.vocab import MeetingFamily, Vocabulary

THRESHOLD = 4
# the family of the bare 'rapat' / 'pertemuan' cue (data/meetings.csv)
GENERIC = "meeting"
_QUOTES = re.compile(r"[“\"][^”\"]{3,}[”\"]")
_NAME_QUOTE = 70  # a quoted meeting name is short; speech is longer


@dataclass
class Candidate:
    family: MeetingFamily
    sentence: Sentence
    index: int  # of the sentence
    start: int  # offsets of the cue in the document
    end: int
    score: int
    quoted: bool
    reasons: list[str]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech inside a sentence."""
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def _in_quote(s: Sentence, offset: int) -> bool:
    """Inside quoted speech; a short quote that opens with the cue is the meeting's name
    ('telah melaksanakan “Rembuk Stunting Desa Tahun 2025”'), not speech."""
    text = s.text.lstrip()
    if text.startswith(("“", '"')) and not re.search(r"[”\"]\s*,?\s*\w", text[1:80]):
        return True
    return any(a <= offset < b and not (offset - a <= 1 and b - a <= _NAME_QUOTE)
               for a, b in quote_spans(s.text))


# ... or at a comma or demonstrative before the clause's own verb ("di Aula Bappeda, Sekda
# memimpin rakor", "di Aula Bappeda itu dihadiri ..."): an address after the comma has none
_CLAUSE_AFTER = (r"(?:,\s+|\s+(?:itu|ini|tersebut)\s+)(?=[^,.;]{0,50}?(?-i:\b(?:me[mnrl]?[a-z]{3,}|"
                 r"di(?:buka|hadiri|ikuti|pimpin|gelar|laksanakan|selenggarakan|adakan)|"
                 r"(?:meng|meny|mem|men)?gelar)\b))")


@cache
def _venue_pattern(v: Vocabulary) -> re.Pattern[str]:
    days = "|".join(v.days)
    # "Bertempat di aula kantor camat, Rapat Koordinasi TPPS ... dilaksanakan": a fronted
    # venue ends at the comma before the meeting (or the activity) it hosts
    families = "|".join(f"(?:{f.pattern.pattern})" for f in v.meeting_families)
    # "di Aula Kantor Desa X kemarin": a word of time after the venue is no part of it
    # (lower case only: a capitalised word may be the venue's own name)
    times = rf"|,?\s+(?-i:(?:{v.time_words}))\b" if v.time_words else ""
    # "di Hotel X, demikian disampaikan ...": a clause of speech after a comma is no part of it
    ends = rf"|,\s*(?:{v.venue_ends})\b" if v.venue_ends else ""
    return re.compile(
        rf"\b(?:bertempat\s+di|berlokasi\s+di|dipusatkan\s+di|di)\s+((?:{v.venue_words})\b.*?)"
        rf"(?=,\s+(?:{families}|kegiatan|acara|pertemuan)\b|{_CLAUSE_AFTER}|,?\s*(?:{days})\b|,?\s*\(\d|\s+pada\s|\s+yang\s|\s+dengan\s|\s+dalam\s|\s+untuk\s|"
        r"\s+dan\s+(?:di|dibuka|dihadiri|diikuti|dipimpin)\b|\s+sejak\s|"
        # 'di Pendopo dibuka Bupati X': the clause's own passive verb with no comma
        r"\s+(?:dibuka|dihadiri|diikuti|dipimpin)\s|,\s+(?:dan\s+)?(?:di|"
        r"dibuka|dihadiri|diikuti|dipimpin|sebagai|sekaligus|yang|menghadirkan)\b|;|(?<!Jl)(?<!No)(?<!Lt)\.\s|\.$|$"
        rf"{times}{ends})",
        re.IGNORECASE)


def venue_in(text: str, v: Vocabulary) -> re.Match[str] | None:
    m = _venue_pattern(v).search(text)
    if m and len(m[1]) <= 120:
        return m
    return None


@cache
def _venue_word(v: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{v.venue_words})\b", re.IGNORECASE)


def venue_word_spans(text: str, v: Vocabulary) -> list[tuple[int, int]]:
    """Where a venue's name opens ('Ruang Rapat', 'Aula Pertemuan'): a meeting word
    inside one names the room, not a meeting (data/venues.csv)."""
    return [m.span() for m in _venue_word(v).finditer(text)]


def _adder(points: list[tuple[int, str]]) -> Callable[[int, str], None]:
    return lambda n, why: points.append((n, why))


def candidates(doc: Document, v: Vocabulary) -> list[Candidate]:
    cues = v.meeting_cues
    lead = {s.start for s in doc.sentences if s.paragraph == 0}
    out: list[Candidate] = []
    sentences = doc.sentences
    # the day a header or byline line gives (a blog post's own date line), for 'hari ini'
    header_day = next((found[0][2] for span in [*doc.header, *doc.bylines]
                       for found in [find_dates(doc.slice(span))] if found), None)
    # 'Pemdes X Gelar Musdes Rembuk Stunting': the headline says a meeting was held, so the
    # lead's mention needs less from its own sentence (not when the headline plans one)
    title = doc.title or ""
    # ('Dinas KB Gelar Sosialisasi Hasil Rembuk Stunting' holds a sosialisasi, not a rembuk)
    headline_held = bool(title) and any(
        not _other_event(cues, title, m.start())
        for f in v.meeting_families for m in f.pattern.finditer(title)) \
        and bool(cues["held"][1].search(title) or cues["participant"][1].search(title)) \
        and not cues["planned"][1].search(title)
    # the families the headline names with what they need ('Monev ... Konvergensi Stunting'):
    # a body mention of one is the headline's meeting, so it needs no topic word of its own
    # ('monev lintas sektor') and earns the guide's headline point
    # (not when the headline plans it, nor when the lead already names it: the lead's
    # mention is then the headline's meeting)
    lead_text = " ".join(s.text for s in sentences if s.start in lead)
    named = [f for f in v.meeting_families if title and f.pattern.search(title)]
    # (nor when it counts how often the meeting has been held: data 'tally')
    tally = cues.get("tally")
    counted = tally is not None and bool(tally[1].search(title))
    headline_named = set() if cues["planned"][1].search(title) or counted else {
        f.title + f.family for f in named if f.needs is None or f.needs.search(title)}
    in_title = set() if any(f.pattern.search(lead_text) for f in named) else headline_named
    for i, s in enumerate(sentences):
        # 'di Ruang Rapat Bappeda': the room's 'Rapat' is no meeting cue
        taken: list[tuple[int, int]] = venue_word_spans(s.text, v)
        # 'Rembuk Stunitng': a misspelt listed word is read right, at the same offsets
        # (data/misspelt_titles.txt, typos.py)
        spelt = v.respeller.respell(s.text)
        found = []
        for fam in v.meeting_families:
            # (the lead's own mention of the headline's meeting needs no topic word either:
            # 'FGD Penurunan Stunting Digelar ...' over 'melalui kegiatan FGD yang digelar')
            if fam.needs is not None and not fam.needs.search(spelt) and \
                    fam.title + fam.family not in in_title and not (
                        s.start in lead and fam.title + fam.family in headline_named):
                continue
            for m in fam.pattern.finditer(spelt):
                found.append((m.start(), -(m.end() - m.start()), m.end(), fam))
        # 'Rembug stunting merupakan rangkaian pertemuan ... melalui FGD': once a meeting is
        # defined, the meetings its definition names are part of it, not held ones
        defined = False
        for start, _, end, fam in sorted(found, key=lambda f: (f[0], f[1])):
            if any(a <= start < b for a, b in taken):
                continue
            taken.append((start, end))
            nxt = sentences[i + 1].text if i + 1 < len(sentences) else ""
            nxt_is_other = any(f.pattern.search(nxt) for f in v.meeting_families[:6])
            points: list[tuple[int, str]] = []
            add = _adder(points)

            held = _held_in(cues, s.text)
            if held:
                add(3, "held-verb")
            elif nxt and not nxt_is_other and _held_in(cues, nxt):
                add(2, "held-verb next")
            elif _told_later(sentences, i, v):
                add(cues["held_later"][0], "held (told later)")
            if "held_before" in cues and cues["held_before"][1].search(s.text[max(0, start - 30):
                                                                               start]):
                add(cues["held_before"][0], "held (pada rakor ...)")
                # 'Kepala Dinas X memaparkan ... pada rakor ...': a report given at the
                # meeting is content of the held meeting (guide §1.4), one point more
                report = cues.get("report_before")
                if report is not None and report[1].search(s.text[max(0, start - 90):start]):
                    add(report[0], "report at the meeting")
            if date_mentions(s.text, v) or (not nxt_is_other and date_mentions(nxt, v)):
                add(2, "date")
            elif header_day is not None and relative_day(s.text, header_day, v)[0] == "day":
                # a blog post dated on a header line of its own: 'hari ini' in the
                # meeting's sentence names that day (guide §2.1 relative days)
                add(2, "date (relative to the header's)")
            elif "told_day" in cues and cues["told_day"][1].search(s.text[end:]):
                # '... di Aula X, Selasa.': the wire style tells the day the event was
                # held by its weekday alone, closing the meeting's sentence (a date cue)
                add(cues["told_day"][0], "weekday closing the sentence")
            if venue_in(s.text, v) or (not nxt_is_other and venue_in(nxt, v)):
                add(2, "venue")
            window = " ".join(x.text for x in sentences[i:i + 3])
            if cues["attendee"][1].search(window):
                add(1, "attendees")
            if s.start in lead or i == 0:
                add(1, "lead")
                if headline_held:
                    add(2, "headline: held")
            elif fam.title + fam.family in in_title:
                add(1, "named in the headline")
            planned = list(cues["planned"][1].finditer(
                s.text[max(0, start - 30):end + 40]))
            for _ in planned[:2]:  # "menyiapkan ... yang dijadwalkan": a plan, twice said
                add(cues["planned"][0], "planned")
            # two distinct look-back cues ('sesuai arahan ... dalam rakor TPPS pekan lalu')
            # say it twice: the meeting is background, whatever verbs its clause carries
            passing = {m[0].lower() for m in cues["passing"][1].finditer(
                s.text[max(0, start - 50):end + 20])}
            for _ in sorted(passing)[:2]:
                add(-4, "passing reference")
            # 'Peserta rakor ini adalah para camat ...' lists who came: the meeting was
            # held, and its 'adalah' defines nothing
            listing = "attendee_list" in cues and bool(
                cues["attendee_list"][1].search(s.text[max(0, start - 40):end + 80]))
            if listing and not held:
                add(cues["attendee_list"][0], "attendee list")
            # 'mini lokakarya tersebut bertujuan ...': the purpose of the meeting pointed
            # at (the one held), not a definition of the family (data: purpose)
            deictic = "deictic" in cues and bool(cues["deictic"][1].match(s.text[end:end + 15]))
            after = s.text[end:end + 60]
            if deictic and "purpose" in cues and cues["purpose"][1].search(after):
                # ... but what the purpose clause goes on to say still defines
                # ('... bertujuan X dan dilaksanakan setiap tahun')
                after = cues["purpose"][1].sub(" ", s.text[end:])
            if not listing and (
                    re.search(cues["definitional"][1].pattern, after, re.I) or
                    re.search(r"\b(?:adalah|merupakan)\b", s.text[end:end + 25]) or (
                        "definitional_before" in cues and cues["definitional_before"][1].search(
                            s.text[max(0, start - 45):start]))):
                add(-3, "definitional")
                defined = True
            elif defined:
                add(-3, "definitional (inside another's definition)")
            if tally is not None and tally[1].search(s.text[end:end + 60]):
                add(tally[0], "a tally of meetings held")
            if _caption_line(doc, s, start, v) and not planned:
                # 'Rembuk Stunting Desa X, Senin 3 Maret 2025' alone on its line: the
                # event's own caption line names it with its day
                add(1, "named with its date")
            if _other_event(cues, s.text, start):
                add(cues["other_event_before"][0], "object of another event")
            if _hands_on(cues, s.text, end):
                add(cues["hands_on_after"][0], "a hands-on training")
            # "rakor ini", "rembuk stunting kali ini": the writer points at the meeting
            # the release is about (guide §1.4: content of the held meeting).
            if "deictic" in cues and cues["deictic"][1].match(s.text[end:end + 15]):
                add(cues["deictic"][0], "this meeting")
                if headline_held and s.start not in lead and i != 0 and \
                        fam.title + fam.family in in_title:
                    # 'Kapolres X Hadiri Rembuk Stunting' over '... rembuk stunting ini':
                    # the body points back at the meeting the headline says was held
                    add(2, "headline: held")
            out.append(Candidate(fam, s, i, s.start + start, s.start + end,
                                 sum(p for p, _ in points), _in_quote(s, start),
                                 [f"{why} {p:+d}" for p, why in points]))
    if not out and headline_held:
        out += _headline_only(doc, v, title)
    elif title and not any(c.score >= THRESHOLD or any(
            " -" in r or r.startswith("held") for r in c.reasons) for c in out):
        # (a body mention told as held, or told as a plan, a look-back or a training,
        # already says what the event was: the headline is no feature's then)
        out += _feature_headline(doc, v, title)
    return out


_LATER = 4  # sentences after the meeting's own in which 'kegiatan tersebut berlangsung' counts
_FEATURE_LEAD = 3  # lead sentences (or the lead paragraph, up to twice as many) of a feature


def _told_later(sentences: list[Sentence], i: int, v: Vocabulary) -> bool:
    """A sentence after the next one (within a few) points back at the event and says it
    was held with a noun or verb ('Pelaksanaan kegiatan tersebut ...'; data: held_later),
    before any other coordination meeting is named and with no plan in that sentence."""
    cues = v.meeting_cues
    if "held_later" not in cues:
        return False
    for s in sentences[i + 2:i + 2 + _LATER]:
        if any(f.pattern.search(s.text) for f in v.meeting_families[:6]):
            return False
        if cues["held_later"][1].search(s.text):
            return not cues["planned"][1].search(s.text)
    return False


def _feature_headline(doc: Document, v: Vocabulary, title: str) -> list[Candidate]:
    """A feature-style release: the headline names the meeting ('Rakor TPPS Semester 1
    Kabupaten X') and no sentence scores as held, but the lead sets the scene: a day, and
    a venue or people there. The guide's points for the headline mention are counted on
    the lead's sentences (headline +1, date +2, venue +2, attendees +1); a plan, a passing
    reference or a definition there gives none."""
    cues = v.meeting_cues
    at = doc.text.find(title)
    lead = [s for n, s in enumerate(doc.sentences[:_FEATURE_LEAD * 2])
            if n < _FEATURE_LEAD or s.paragraph == doc.sentences[0].paragraph]
    if at < 0 or not lead or any(cues[k][1].search(title) for k in ("planned", "passing")):
        return []
    text = " ".join(s.text for s in lead)
    if any(cues[k][1].search(text) for k in ("planned", "passing", "definitional")):
        return []
    for fam in v.meeting_families:
        m = fam.pattern.search(title)
        if not m or (fam.needs is not None and not fam.needs.search(title)) or \
                _other_event(cues, title, m.start()) or _hands_on(cues, title, m.end()):
            continue
        points = [(1, "named in the headline")]
        if any(d.weekday is not None or d.year is not None
               for s in lead for d in date_mentions(s.text, v) if not discarded(s.text, d, v)):
            points.append((2, "date in the lead"))
        if any(venue_in(s.text, v) for s in lead):
            points.append((2, "venue in the lead"))
        if cues["attendee"][1].search(text) or cues["participant"][1].search(text):
            points.append((1, "attendees in the lead"))
        line = Sentence(at, at + len(title), title, 0)
        return [Candidate(fam, line, 0, at + m.start(), at + m.end(),
                          sum(p for p, _ in points), False,
                          [f"feature headline: {why} {p:+d}" for p, why in points])]
    return []


def _caption_line(doc: Document, s: Sentence, start: int, v: Vocabulary) -> bool:
    """A short line of its own that opens with the meeting's name and holds only that
    name and a full date (a weekday or a year written): no verb, no running text."""
    line = s.text.strip()
    alone = sum(x.paragraph == s.paragraph for x in doc.sentences) == 1
    if not alone or len(line) > 120 or start > len(s.text) - len(s.text.lstrip()) + 12:
        return False
    if not any(d.weekday is not None or d.year is not None for d in date_mentions(line, v)):
        return False
    return not any(w[:1].islower() and len(w) >= 4 for w in re.findall(r"[\w']+", line)
                   if not re.fullmatch(r"(?:tahun|tanggal|pukul|stunting|tingkat)", w))


def _held_in(cues: dict[str, tuple[int, re.Pattern[str]]], text: str) -> bool:
    """A held or participant verb in `text` that no modal of a plan governs: 'akan digelar',
    'dijadwalkan berlangsung' tell of a meeting to come (guide §1.4), not one held."""
    modal = cues.get("held_modal")
    for kind in ("held", "participant"):
        for m in cues[kind][1].finditer(text):
            if modal is None or not modal[1].search(text[max(0, m.start() - 30):m.start()]):
                return True
    return False


def _other_event(cues: dict[str, tuple[int, re.Pattern[str]]], text: str, start: int) -> bool:
    """The meeting named at `start` is what another event is about ('sosialisasi hasil
    rembuk stunting'): that event, not the meeting, is what was held (guide §1.3)."""
    return "other_event_before" in cues and bool(
        cues["other_event_before"][1].search(text[max(0, start - 50):start]))


def _hands_on(cues: dict[str, tuple[int, re.Pattern[str]]], text: str, end: int) -> bool:
    """The meeting word at `end` names a hands-on training ('workshop pembuatan MP-ASI',
    guide §1.3; data: hands_on_after)."""
    return "hands_on_after" in cues and bool(cues["hands_on_after"][1].match(text[end:end + 40]))


def _headline_only(doc: Document, v: Vocabulary, title: str) -> list[Candidate]:
    """'Pemprov NTT Gelar Rembuk Stunting' over a body that never names the meeting again:
    the headline alone says it was held (held-verb, lead, headline: held), and the story's
    lead sentence (index 0) is where its date and people are looked for."""
    at = doc.text.find(title)
    if at < 0 or not doc.sentences:
        return []
    for fam in v.meeting_families:
        m = fam.pattern.search(title)
        if m and (fam.needs is None or fam.needs.search(title)):
            line = Sentence(at, at + len(title), title, 0)
            return [Candidate(fam, line, 0, at + m.start(), at + m.end(), 6, False,
                              ["headline only: held-verb +3", "lead +1", "headline: held +2"])]
    return []


def pick(cands: list[Candidate]) -> tuple[Candidate | None, str]:
    """The meeting held (the first held stop of a series), or None and why not."""
    if not cands:
        return None, "no coordination meeting (rakor, rembuk stunting, lokmin ...) named"
    pool = [c for c in cands if not c.quoted] or cands
    if max(c.score for c in pool) < THRESHOLD:
        # a quote that narrates the meeting held ('Dalam musdes ... diikuti ...') counts
        # when nothing outside quotes does, unless it plans, defines or looks back
        pool += [c for c in cands if c.quoted and c not in pool
                 and not any(" -" in r for r in c.reasons)]
    best = max(c.score for c in pool)
    if best < THRESHOLD:
        top = max(pool, key=lambda c: c.score)
        return None, (f"no held coordination meeting: the best mention ('{top.sentence.text[:60]}"
                      f"...') scores {top.score} ({', '.join(top.reasons)}), 4 needed")
    chosen = next(c for c in pool if c.score == best)
    return _named_before(chosen, pool) or chosen, ""


# A generic cue pointing back ('Pertemuan ... ini', 'Rapat tersebut'): the meeting a named
# cue just before it told as held, which the generic sentence only goes on describing.
_POINTS_BACK = re.compile(r"^\W*\w+(?:\s+\w+){0,8}?\s+(?:ini|tersebut)\b", re.IGNORECASE)


def _named_before(chosen: Candidate, pool: list[Candidate]) -> Candidate | None:
    """The named meeting a generic 'pertemuan/rapat ... ini' right after it refers to."""
    if chosen.family.family != GENERIC or not _POINTS_BACK.match(
            chosen.sentence.text[chosen.start - chosen.sentence.start:]):
        return None
    return next((c for c in pool if c.family.family != GENERIC and c.score >= THRESHOLD
                 and chosen.index - 2 <= c.index < chosen.index
                 and any(r.startswith("held-verb") for r in c.reasons)), None)


# -- date ----------------------------------------------------------------------------
@dataclass
class DatePick:
    day: date | None
    sentence: Sentence | None
    inferred: bool  # from the dateline only
    warning: str | None


def discarded(text: str, d: DateMention, v: Vocabulary, own: bool = False) -> bool:
    """A date that is not a meeting's day: another event's, a plan's, a period's bound,
    a report's or a regulation's. `own`: the sentence tells a stop of the series
    ('Sebelumnya, Senin (3/3), rakor serupa digelar ...'), so its 'sebelumnya' dates
    that stop, not another event."""
    before = text[max(0, d.start - 60):d.start]
    # a decree's number and title run long before its 'tanggal': a wider stretch
    decree = v.date_cues.get("decree")
    kinds = ("planned", "until", "since", "report", "statement") + (
        () if own else ("other_event",)) + (() if _closing_day(text, d) else ("regulation",))
    return any(v.date_cues[k].search(before) for k in kinds
               if k in v.date_cues) or bool(
        decree and decree.search(text[max(0, d.start - 240):d.start]))


def _closing_day(text: str, d: DateMention) -> bool:
    """'..., Senin (4/3/24).': a weekday and a parenthesised date closing the sentence,
    the way a release writes the day of its event; a decree cited just before it ('...
    dalam Keputusan Bupati Nomor 12/2024, Senin (4/3/24).') is signed on a day written
    'tanggal ...', never so, and does not claim it."""
    return d.weekday is not None and text[:d.start].rstrip().endswith("(") and bool(
        re.fullmatch(r"\s*\)\W*", text[d.end:]))


_INTRODUCED = re.compile(r"(?:\bpada\s*\(?|\()\s*$", re.IGNORECASE)


def _dated_event(s: Sentence, d: DateMention) -> bool:
    """A full date the lead writes as an event's day without its weekday: 'Pada
    (29/7/2025)', '(29/7/2025)', 'pada 29 Juli 2025' (guide §2.1; ranked like a
    weekday-bearing date of the lead)."""
    return d.year is not None and bool(_INTRODUCED.search(s.text[max(0, d.start - 12):d.start]))


def _trailing(s: Sentence, d: DateMention) -> bool:
    """'(Rabu, 12/02/2025)' closing a paragraph."""
    return bool(re.fullmatch(r"\W*\)?\W*", s.text[d.end:])) and "(" in s.text[
        max(0, d.start - 20):d.start]


def meeting_date(doc: Document, c: Candidate, v: Vocabulary, published: date | None,
                 years: list[int], posted: date | None = None) -> DatePick:
    """Rank the body's dates (guide §2.2): the meeting sentence (and the next one), then a
    weekday-bearing date of the lead, then a trailing parenthesised date, then the
    dateline's date. Captions and bylines are not in the body.

    `posted` (the date in the page address) is never a candidate, but with no publication
    date it completes a yearless day as the publication would (guide §2.3: the URL is one
    of the sources of the candidate years): 'Kamis (1/8)' posted on 1 Aug 2025 is 2025's,
    not a year back where the weekday fits."""
    anchor = published or posted
    ranked: list[tuple[int, int, DateMention, Sentence]] = []
    for i, s in enumerate(doc.sentences):
        for d in date_mentions(s.text, v):
            if doc.dateline and i == 0 and s.start + d.start < doc.dateline[1] + 30 and (
                    s.start + d.start >= doc.dateline[0]) and s.start + d.start <= \
                    doc.dateline[1]:
                continue  # the dateline's own date: ranked last below
            if discarded(s.text, d, v):
                continue
            if i == c.index:
                rank = 6 if d.weekday is not None or d.year is not None else 5
                rank += 1 if s.start + d.start >= c.start else 0
            elif i == c.index + 1:
                rank = 4
            elif s.paragraph == 0 and (d.weekday is not None or _dated_event(s, d)):
                rank = 3
            elif _trailing(s, d):
                rank = 2
            elif d.weekday is not None:
                rank = 1
            else:
                continue
            ranked.append((rank, -abs(s.start + d.start - c.end), d, s))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    if not ranked or ranked[0][0] < 5:
        # no date in the meeting's sentence: a relative day word there ('kemarin', 'Senin
        # lalu') is resolved from the publication date; 'beberapa waktu lalu' says the
        # meeting's day is not given, so no weaker date (nor the dateline's) stands in
        relative = _relative(doc, c, v, published)
        if relative is not None:
            return relative
    if ranked:
        for _, _, d, s in ranked:
            day, conflict = complete(d, anchor, years, v.first_year)
            if day is not None:
                warning = (f"the weekday written before {day.isoformat()} does not fall on it"
                           if conflict else None)
                return DatePick(day, s, False, warning)
    if doc.dateline:
        a, b = doc.dateline
        line = doc.text[a:b + 40]
        for d in date_mentions(line, v):
            day, _ = complete(d, published, years)
            if day is not None:
                return DatePick(day, doc.sentences[0], True, "date taken from the dateline")
    return DatePick(None, None, False, None)


def _relative(doc: Document, c: Candidate, v: Vocabulary, published: date | None
              ) -> DatePick | None:
    """A relative day word in the meeting's clause (around its cue), not anywhere in the
    sentence: 'turun dibanding bulan lalu' there is a data period, not the meeting."""
    s = c.sentence
    a, b = c.start - s.start, c.end - s.start
    anchor, source = published, "the publication date"
    if anchor is None and c.quoted:
        anchor = _speech_day(doc, c, v)
        source = "the day the speaker was quoted"
    kind, day = relative_day(s.text[max(0, a - 80):b + 150], anchor, v)
    if kind == "day" and day is not None:
        return DatePick(day, s, False, f"{day.isoformat()} resolved from a relative day "
                                       f"word and {source}")
    if kind == "unsafe":
        return DatePick(None, None, False, "the meeting's day is written as relative to an "
                                           "unknown day: no date given")
    return None


def _speech_day(doc: Document, c: Candidate, v: Vocabulary) -> date | None:
    """The day a quoted speaker spoke, when the quote's frame writes it ('Kepala Desa X
    mengatakan ..., Selasa (24/6/2025).' before '"... tadi pagi ...," ujarnya'): the
    day a relative word inside the quote counts from (data/date_cues.csv speech)."""
    speech = v.date_cues.get("speech")
    if speech is None:
        return None
    for s in doc.sentences[max(0, c.index - 1):c.index + 1]:
        if speech.search(s.text):
            for d in date_mentions(s.text, v):
                if d.year is not None and (day := d.on(d.year)) is not None:
                    return day
    return None


def meeting_times(doc: Document, c: Candidate, v: Vocabulary | None = None,
                  dated: Sentence | None = None) -> tuple[str | None, str | None]:
    """Start and end from the meeting sentence and the two after it, never from bylines;
    failing those, from the sentence that gave the meeting's date and the one after it
    ('... pada Senin, 23 Agustus 2021. Pukul 10.00 – Selesai.'), then from a later
    sentence about the event itself ('Acara yang dimulai pukul 13.30 ...',
    data/meeting_cues.csv event_time)."""
    start = end = None
    window = doc.sentences[c.index:c.index + 3]
    if dated is not None and dated in doc.sentences:
        at = doc.sentences.index(dated)
        window += [s for s in doc.sentences[at:at + 2] if s not in window]
    for s in window:
        t0, t1 = find_times(s.text, v)
        start = start or t0
        end = end or t1
    cue = v.meeting_cues.get("event_time") if v is not None else None
    if start is None and cue is not None:
        for s in doc.sentences[c.index + 3:]:
            if cue[1].search(s.text):
                t0, t1 = find_times(s.text, v)
                if t0:
                    start, end = t0, end or t1
                    break
    if start and not end:  # "Kegiatan berakhir pukul 11.00" may close the story
        for s in doc.sentences[c.index + 3:]:
            if ends_in(s.text, v):
                end = end or find_times(s.text, v)[1]
    return start, end


def meeting_venue(doc: Document, c: Candidate, v: Vocabulary) -> tuple[str | None,
                                                                       tuple[int, int] | None]:
    for s in doc.sentences[c.index:c.index + 2]:
        m = venue_in(s.text, v)
        if m:
            return m[1].strip().rstrip(","), (s.start + m.start(1), s.start + m.end(1))
    return None, None


_TITLE_WORDS = re.compile(
    r"(?:\s*\([^)]{1,40}\))?(?:\s+(?:[A-Z0-9][\w/&'’.-]*|dan|atau|&|tingkat|se-?\s*\w+|tahun|"
    r"tahap|semester|triwulan|percepatan|penurunan|pencegahan|penanganan|stunting|lintas|"
    r"sektor|khusus|evaluasi|kabupaten|kota|kecamatan|desa|kelurahan|provinsi|distrik|nagari|"
    r"kampung|gampong|kapanewon|kemantren|kalurahan|pekon|tiyuh|nagori|ohoi|tim|"
    r"(?:\([^)]{1,40}\))))*")


def title_span(doc: Document, c: Candidate) -> tuple[int, int]:
    """The meeting's name after its cue: 'Rakor TPPS Pemkab Lemhi', 'Rembuk Stunting Desa X'
    (up to a weekday, a date, 'di', 'yang' or the end of the clause)."""
    text = doc.text[c.end:c.sentence.end]
    m = _TITLE_WORDS.match(text)
    length = m.end() if m else 0
    stop = re.search(r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b", text[:length])
    if stop:
        length = stop.start()
    return c.start, c.end + length


# -- several meetings held in one release -----------------------------------------------
@dataclass
class Held:
    """A meeting held besides the chosen one: a stop of a series written in the chosen
    meeting's sentence (it shares that meeting's holder and attendees), or a meeting told
    in a sentence of its own with its own date (its own holder, venue and attendees)."""

    candidate: Candidate
    day: DatePick
    venue: str | None
    venue_span: tuple[int, int] | None
    series: bool


_LIST_SPLIT = re.compile(r"\s*,\s*(?:dan\s+)?|\s+(?:dan|serta)\s+")
_NEGATIVE = ("planned", "passing", "definitional")


def venues_listed(doc: Document, s: Sentence, v: Vocabulary) -> list[tuple[str, tuple[int, int]]]:
    """Venues of a sentence in order: 'di Aula A, Balai B dan Aula C' gives three, and
    'di Aula A pada ..., di Balai B pada ...' two."""
    out: list[tuple[str, tuple[int, int]]] = []
    at = 0
    venue_start = re.compile(rf"(?:{v.venue_words})\b", re.IGNORECASE)
    while True:
        m = venue_in(s.text[at:], v)
        if m is None:
            return out
        piece_at = at + m.start(1)
        for piece in _LIST_SPLIT.split(m[1].strip().rstrip(",")):
            if not piece:
                continue
            offset = s.text.find(piece, piece_at)
            if out and not venue_start.match(piece):
                continue  # a list goes on only with another venue word
            out.append((piece, (s.start + offset, s.start + offset + len(piece))))
            piece_at = offset + len(piece)
        at += m.end(1)


def _series(doc: Document, c: Candidate, first: DatePick, v: Vocabulary,
            published: date | None, years: list[int]) -> list[Held]:
    """The other stops of a series in the chosen meeting's sentence: a written list of
    days ('tanggal 3, 5 dan 10 Maret 2025') or several dates, each with the venue written
    before it or the venues listed in the same order (guide §1.4). Planned stops, and a
    range of days ('9-11 Juli'), are not stops."""
    s = c.sentence
    days: list[DateMention] = series_days(s.text, v)
    if len(days) < 2:
        days = [d for d in date_mentions(s.text, v) if not discarded(s.text, d, v)
                and not in_dateline(doc, s, d)]
    goes_on = v.date_cues.get("continued")
    if goes_on is not None:  # 'dan dilanjutkan pada 27 Januari': the same meeting, later
        days = [d for d in days if not goes_on.search(s.text[max(0, d.start - 40):d.start])]
    resolved: list[date] = []
    for d in days:
        day, _ = complete(d, published, years)
        if day is not None and day not in resolved:
            resolved.append(day)
    if len(resolved) < 2 or first.day not in resolved:
        return []
    venues = venues_listed(doc, s, v)
    out = []
    for n, day in enumerate(resolved):
        if day == first.day:
            continue
        venue, span = venues[n] if len(venues) == len(resolved) else (None, None)
        out.append(Held(c, DatePick(day, s, False, None), venue, span, True))
    return out


def _listed(doc: Document, c: Candidate, first: DatePick, v: Vocabulary,
            published: date | None, years: list[int]) -> list[Held]:
    """The other stops of a list or table right after the meeting's sentence (or the
    sentence that gave its day), one a line, when the meeting's own day is one of them:
    they share its holder, each with the venue its line writes (series.py)."""
    for after in dict.fromkeys(x for x in (c.sentence, first.sentence) if x is not None):
        stops = list_stops(doc, after, v, published, years, discarded)
        if not stops or first.day not in {x.day for x in stops}:
            continue
        out = []
        for stop in stops:
            if stop.day == first.day:
                continue
            m = venue_in(stop.text, v)
            venue = m[1].strip().rstrip(",") if m else None
            at = stop.sentence.text.find(venue) if venue else -1
            span = (stop.sentence.start + at, stop.sentence.start + at + len(venue)) \
                if venue and at >= 0 else None
            out.append(Held(c, DatePick(stop.day, stop.sentence, False, None), venue, span,
                            True))
        return out
    return []


def _own_day(doc: Document, c: Candidate, told: list[tuple[int, date]], v: Vocabulary,
             published: date | None, years: list[int], stop: bool) -> date | None:
    """The day a meeting told in a sentence of its own was held: a date of its sentence
    (not the dateline's), else a word that dates it by the meeting told just before it
    ('Keesokan harinya ...', data/following_days.csv)."""
    s = c.sentence
    mentions = [d for d in date_mentions(s.text, v) if not discarded(s.text, d, v, stop)
                and not in_dateline(doc, s, d)]
    if mentions:
        return complete(mentions[0], published, years)[0]
    offset = following_day(s.text, v)
    before = [day for at, day in told if at < c.start]
    if offset is None or not before:
        return None
    return before[-1] + timedelta(days=offset)


def _elsewhere(venue: str, day: date, first: DatePick, chosen: Candidate, out: list[Held],
               doc: Document, v: Vocabulary) -> bool:
    """No meeting found so far on `day` was held in `venue`."""
    def same(other: str | None) -> bool:
        return other is not None and (venue.strip(" ,").lower() in other.lower()
                                      or other.lower() in venue.lower())

    if first.day == day and same(meeting_venue(doc, chosen, v)[0]):
        return False
    return not any(h.day.day == day and same(h.venue) for h in out)


def held_meetings(doc: Document, cands: list[Candidate], chosen: Candidate, first: DatePick,
                  v: Vocabulary, published: date | None, years: list[int]) -> list[Held]:
    """Every meeting held besides `chosen`, in the order of the text. A mention in a
    sentence of its own counts when it scores as held on its own (4 points, a held-verb,
    no plan, passing or definitional cue, not 'rakor ini') and its sentence dates it to a
    day of its own (or by the meeting told before it: 'keesokan harinya'); a second
    mention of the same meeting gives no second meeting. A like meeting of the same
    round ('rakor serupa', data: series_stop) or one dated by another ('sehari
    sebelumnya') is no look-back: its 'sebelumnya' passes, and it may be held before
    the reported one when told after it, within one round's span (series.py)."""
    out = _series(doc, chosen, first, v, published, years)
    if not out:
        out = _listed(doc, chosen, first, v, published, years)
    seen = {first.day} | {h.day.day for h in out}
    seen_sentences = {chosen.index} | {doc.sentences.index(h.day.sentence) for h in out
                                       if h.day.sentence in doc.sentences}
    told: list[tuple[int, date]] = [(chosen.start, first.day)] if first.day else []
    for c in sorted(cands, key=lambda x: x.start):
        if c is chosen or c.quoted or c.index in seen_sentences:
            continue
        s = c.sentence
        stop = cue(v, "series_stop", s.text) or following_day(s.text, v) is not None
        passing = sum(4 for r in c.reasons if r.startswith("passing")) if stop else 0
        if c.score + passing < THRESHOLD:
            continue
        if not any(r.startswith("held-verb ") for r in c.reasons) or any(
                (r.startswith(_NEGATIVE) and not (stop and r.startswith("passing")))
                or r.startswith("this meeting") for r in c.reasons):
            continue
        day = _own_day(doc, c, told, v, published, years, stop)
        venue = venue_in(s.text, v)
        if day is None or day in seen and not (stop and venue is not None and _elsewhere(
                venue[1], day, first, chosen, out, doc, v)):
            # (a like meeting the same day in another hall is another stop: 'Pada hari
            # yang sama, rembuk juga digelar di Aula ...')
            continue
        if first.day is not None and day < first.day and c.index > chosen.index and not (
                stop and before_in_span(day, first.day)):
            # told after the reported meeting but held before it ('Rakor semester I yang
            # digelar pada 5 Juni ...'): a look-back, background to the story, not a
            # second meeting it reports (a tour or a list is told in the order held)
            continue
        seen.add(day)
        seen_sentences.add(c.index)
        told.append((c.start, day))
        span = (s.start + venue.start(1), s.start + venue.end(1)) if venue else None
        out.append(Held(c, DatePick(day, s, False, None),
                        venue[1].strip().rstrip(",") if venue else None, span, False))
    return sorted(out, key=lambda h: (h.candidate.start, h.day.day or date.min))
