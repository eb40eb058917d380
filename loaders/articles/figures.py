"""Figures in releases (guide §7): stunting prevalence and cases, families at risk,
participants, and other counts the meeting discussed.

Each number is read on its own: a target word governs only the value right after it, a
bound, a delta, money, a time, a decree or unit number is no figure, and every value
takes the period nearest to it in its clause. Indonesian numbers: "30.980" is 30980,
"2,87%" is 2.87, "24 ribu" is 24000; "16.4%" is 16.4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.articles.dates import date_mentions
from loaders.articles.figure_periods import (
    Period,
    owned_elsewhere,
    period_for,
    periods,
    stated_year,
)
from loaders.articles.vocab import Vocabulary, vocabulary

# a year typed against the next value ("tahun 2022,9,3 %") leaves that value readable; a
# decimal typed with a space after its comma ("14, 1 persen") is one value
NUMBER = (r"(?:(?<![\w.,/:-])|(?<=(?:19|20)\d\d,))"
          r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?=\s*(?:%|pe?r?s[e]?n"
          r"|prosen))|\d+,\s\d{1,2}(?=\s*(?:%|[Pp]e?r?s[e]?n|prosen))|\d{1,3}\.\s\d{3}(?=\s+[a-z])|\d+)"
          r"(?![\w/:-]|[.,]\d)(?:\s*(ribu|rb|juta)(?:an)?)?")

# The highest stunting prevalence an Indonesian region reports is near half its children
# (SSGI: provinces up to the high 30s, kab/kota to about 50%); a share of stunting above
# three in four is a coverage or a result written beside the topic, not a rate of stunting.
_MOST_STUNTED = 75.0

_SCALE = {"ribu": 1_000, "rb": 1_000, "juta": 1_000_000}
_PERCENT = re.compile(r"\s*(?:%|persen\w*|pesren|prosen|presen|persn)", re.IGNORECASE)
_NUM = re.compile(NUMBER, re.IGNORECASE)


def parse_number(text: str, scale: str | None = None) -> float:
    text = re.sub(r"([.,])\s", r"\1", text)  # "14, 1" typed for 14,1; "63. 804" for 63.804
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        value = float(text.replace(".", "").replace(",", "."))
    else:
        value = float(text.replace(",", "."))
    return value * _SCALE.get((scale or "").lower(), 1)


@dataclass(frozen=True)
class Figure:
    what: str
    value: float
    unit: str
    period: str | None
    note: str | None
    start: int  # offset of the number in the sentence
    approximate: bool


_RESTATED = re.compile(r"(?:%|persen\w*)\s*,?\s*(?:atau|yakni|yaitu|sebanyak)\s*$", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"\s*(?:%|persen\w*)?\s*,?\s*(?:pada\s+|di\s+)?(?:setahun|tahun)\s+"
                             r"(?:sebelumnya|lalu)\b", re.IGNORECASE)
_APPROX = re.compile(r"(?:sekitar|kurang\s+lebih|±|\+/-|kisaran)\s*$", re.IGNORECASE)


def sentence_periods(sentence: str, year: int | None) -> list[str]:
    """The periods a sentence writes for its own values (a target's year left out)."""
    v = vocabulary()
    return [p.value for p in _own_periods(sentence, year, v)]


def _own_periods(sentence: str, year: int | None, v: Vocabulary) -> list[Period]:
    return [p for p in periods(sentence, year, v)
            if not _is_target_year(sentence, p.start, v)
            and not _own_later_year(sentence, p.start, p.value, year)]


def topic_period(sentence: str, year: int | None, found: list[Figure],
                 topic: bool = False) -> str | None:
    """The one period a sentence gives the stunting figures that follow it: 'berdasarkan
    SSGI pada tahun 2022 ... sebagai berikut:' dates the list lines after it. None when the
    sentence writes several periods, or none, or gives its own values different ones."""
    own = {f.period for f in found}
    if found:
        return own.pop() if len(own) == 1 else None
    written = set(sentence_periods(sentence, year))
    if len(written) == 1 and (topic or _topic().search(sentence)):
        return written.pop()
    return None


def _is_target_year(sentence: str, pos: int, v: Vocabulary) -> bool:
    return bool(v.figure_cues["target"].search(sentence[max(0, pos - 40):pos]))


def _own_later_year(sentence: str, pos: int, val: str, year: int | None) -> bool:
    """'... menjadi 14 persen pada 2027': a year after the meeting's, written right after a
    value, dates a target; it gives no period to the other values of the sentence."""
    return bool(year and int(val[:4]) > year and re.search(
        r"\d\s*(?:%|persen\w*)?\s*(?:pada\s+|di\s+)?(?:tahun\s+)?$", sentence[max(0, pos - 30):pos],
        re.IGNORECASE))


def _other_share() -> re.Pattern[str]:
    """Shares of something else than stunting (coverage, input, budget ...), from
    data/figure_cues.csv."""
    return vocabulary().figure_cues["other_share"]


_FAMILIES_AT_RISK = re.compile(r"(?:keluarga|KK)\s+(?:berisiko|beresiko|risiko|resiko)|\bKRS\b",
                               re.IGNORECASE)
_CARRIES = re.compile(r"\s*(?:angka|jumlah)\s+(?:ini|tersebut|itu)\b", re.IGNORECASE)


def _topic() -> re.Pattern[str]:
    return vocabulary().figure_cues["prevalence_topic"]


def carries_prevalence(previous: str, current: str, listing: bool,
                       found: list[str] | None = None) -> bool:
    """A sentence goes on about the stunting share the one before introduced: 'Prevalensi
    stunting di X menurun setiap tahunnya. Di 2021 masih 21,8 persen ...', or the lines of
    a list ('... kondisi stunting di beberapa desa, sebagai berikut:' then 'Desa A: 1,2%').
    `found`: the kinds read in the previous sentence; when given, a previous sentence whose
    numbers gave no share (only a target, '4 kabupaten') still introduces the topic."""
    if _topic().search(previous) and (
            "stunting_prevalence_pct" not in found if found is not None
            else not re.search(r"\d", _periodless(previous))):
        return True
    return listing and len(current) < 140


def _introduces(line: str) -> bool:
    """A line that opens a list: it ends in ':', or it says 'berikut' (as follows) and ends
    with a stop and no value of its own ('Berikut data balita stunting per desa tahun 2024.')."""
    line = line.rstrip()
    if line.endswith(":"):
        return True
    intro = vocabulary().figure_cues.get("list_intro")
    return line.endswith(".") and intro is not None and bool(intro.search(line)) and \
        not re.search(r"\d", _periodless(line))


def opens_list(previous: str, current: str, listing: bool) -> bool:
    """A line ending in ':' about stunting opens a list; short lines with a value keep it."""
    if _introduces(current) and "stunting" in current.lower():
        return True
    return listing and len(current) < 140 and bool(re.search(r"\d", current))


def opens_share_list(current: str, prior: list[str]) -> bool:
    """A line that introduces a list right after a sentence that gave stunting shares ('...
    angkanya 19,8 persen.' then 'Ia merinci capaian kabupaten/kota sebagai berikut:'): the
    list goes on with shares. Not when the line names another measure (imunisasi, ...)."""
    if "stunting_prevalence_pct" not in prior or not _introduces(current) or re.search(
            r"\d", _periodless(current)):
        return False
    return not _other_share().search(re.sub(r"\bcapaian\b", "", current, flags=re.IGNORECASE))


def opens_case_list(current: str, listing: bool, after_cases: bool = False) -> bool:
    """A line ending in ':' that introduces counts of stunted children ('balita stunting
    ... per desa:', 'sebaran kasus per desa ... ialah:'): the short lines after it count
    cases ('Kalijaga: 9 balita'). Needs 'stunting' in the line or a stunting list already
    running; a list of shares or of children weighed is no list of cases."""
    line = current.rstrip()
    cues = vocabulary().figure_cues
    if after_cases and _introduces(line) and not re.search(r"\d", _periodless(line)) and not (
            "case_list_not" in cues and cues["case_list_not"].search(line)):
        return True  # '... 16 balita stunting.' then 'Rinciannya per dusun:'
    if not _introduces(line) or "case_list" not in cues or not cues["case_list"].search(line):
        return False
    if "case_list_not" in cues and cues["case_list_not"].search(line):
        return False
    return "stunting" in line.lower() or listing


def opens_family_list(current: str) -> bool:
    """A line ending in ':' that introduces families at risk ('keluarga berisiko stunting
    (KRS) hasil pendataan tahun ini:'): the short lines after it count them ('Kampung:
    1.204 keluarga'). A list of shares of families or of families assisted is no count."""
    line = current.rstrip()
    cues = vocabulary().figure_cues
    return _introduces(line) and bool(_AT_RISK_IN.search(line)) and not (
        "case_list_not" in cues and cues["case_list_not"].search(line)) and not (
        "family_assistance" in cues and cues["family_assistance"].search(line))


def _periodless(text: str) -> str:
    return re.sub(r"\b(?:19|20)\d{2}\b", "", text)


# What separates two values of one list: "7,20 persen, Kabupaten Sorong 4,9 persen",
# "(naik 7,7%), Batanghari (8,3%)", "2 Baduta, 4 Balita", "29,6, dan kabupaten Mappi 23,7"
_LIST_GAP = (r"^\s*(?:%|[Pp]ersen\w*)?\s*(?:[A-Za-z]+\s*){0,3}"
             r"(?:\(?(?:19|20)\d{2}\)?\s*)?\)?\s*"  # "14,2 persen pada tahun 2029 dan 5"
             r"(?:,|\bdan\b|\bserta\b)\s*(?:dan\s+)?")


@cache
def _list_gap(link: str, filler: str, year: str) -> re.Pattern[str]:
    """The gap between two values of one list: the first value's tail, a comma or 'dan',
    then a linking word ('sementara', 'sedangkan'), the next region's name and the words
    before its value ('Kota B juga'), or a year that opens the next value of a list by
    year ('..., 2025 13,5 persen'). Words from data/figure_cues.csv."""
    return re.compile(
        rf"{_LIST_GAP}(?:(?:{link})\s+)?(?:(?:{year})"
        rf"|(?:(?:[A-Z][\w'’-]*|[Kk]abupaten|[Kk]ota|[Kk]ab\.)\s*){{0,4}}(?:{filler})\s*)"
        r"\(?\s*(?:naik|turun)?\s*$")


def _gap(cues: dict[str, re.Pattern[str]]) -> re.Pattern[str]:
    never = "(?!)"
    return _list_gap(cues["list_link"].pattern if "list_link" in cues else never,
                     cues["list_filler"].pattern if "list_filler" in cues else "",
                     cues["list_year"].pattern if "list_year" in cues else never)
_BARE = re.compile(r"\s*(?:[,.;()]|\bdan\b|$)")  # '... sebesar 21,7 (turun 2,6 poin)'
# a change told in percent, then the level it led to written bare: 'turun sebesar 2,37 persen
# sehingga menjadi 4,51' (the level shares the change's unit)
_LEVEL_AFTER_CHANGE = re.compile(r"\d\s*(?:%|persen\w*)\s*,?\s*(?:(?:sehingga|hingga|dan|lalu)\s+)?"
                                 r"(?:kini\s+|sekarang\s+)?menjadi\s*$", re.IGNORECASE)
_ASIDE_END = re.compile(r"^\s*(?:%|persen\w*)?\s*(?:poin)?\s*\)")
_FAMILY_COUNT = re.compile(r"\s*(?:keluarga|KK)\b(?!\s+(?:sasaran|penerima))", re.IGNORECASE)


def _a_part(between: str, cues: dict[str, re.Pattern[str]]) -> bool:
    """A level written after 'terdiri dari/atas ...' splits the level before it, unless a
    comparing or concluding clause ('sehingga ... dibandingkan ...') ends the parts first."""
    found = cues["parts"].search(between)
    if found is None:
        return False
    end = cues.get("parts_end")
    return end is None or end.search(between, found.end()) is None



def find_figures(sentence: str, year: int | None, v: Vocabulary | None = None,
                 about_stunting: bool = False, about_prevalence: bool = False,
                 about_families: bool = False, listed_cases: bool = False,
                 previous_levels: tuple[float, ...] = ()) -> list[Figure]:
    """Figures in one sentence, each with its own period (or None). `about_stunting`: the
    sentence goes on about the previous one's stunting figure ('Angka ini turun menjadi
    818 balita'); `about_families`: the previous one counted families at risk, so 'N
    keluarga' here goes on with them. A value that continues a list takes the reading of
    the value before it: dropped when that one was (a change, a target), the same kind
    when it is written bare ('Mukomuko 8.705 keluarga, ... Bengkulu Selatan 6.653').
    `listed_cases`: the sentence is a line of a list of stunting cases (opens_case_list),
    so a count of children or cases in it is one ('Kalijaga: 9 balita'). `previous_levels`:
    the prevalences the sentence before gave (a bare value falling below one of them may be
    that level's fall, not a count)."""
    v = v or vocabulary()
    cues = v.figure_cues
    if "misspelt" in cues:  # 'kasus stanting sebanyak 477 anak'
        sentence = cues["misspelt"].sub("stunting", sentence)
    if "misspelt_prevalence" in cues:  # 'angka prevelensi ... 29,5 persen'
        sentence = cues["misspelt_prevalence"].sub("prevalensi", sentence)
    if "counted_word" in cues:
        sentence = _digits_for_words(sentence, v, cues["counted_word"],
                                     cues.get("counted_word_quantifier"))
    if "decimal_word" in cues:  # '16 koma 2 persen' (a quote as spoken) is 16,2
        sentence = _spoken_decimals(sentence, cues["decimal_word"])
    sentence = _spaced_decimals(sentence)  # '22. 8%', '22 ,8 persen' is 22,8, never 8
    sentence = _GLUED_COMMA.sub(" ", sentence)  # 'turun menjadi,4,8%': a stray comma, no space
    if "bare_level_lead" in cues:  # 'angka stunting 9.6': an English decimal point, no persen
        sentence = _bare_decimals(sentence, cues["bare_level_lead"])
    if "family_acronym" in cues:  # 'KBS' written for KRS: read as KRS (same length, offsets hold)
        sentence = cues["family_acronym"].sub(
            lambda m: m[0] if len(m[0]) < 3 else "KRS".ljust(len(m[0])), sentence)
    spans = _own_periods(sentence, year, v)
    dates = [(d.start, d.end) for d in date_mentions(sentence, v)]  # '14 Agustus' is a day
    numbers = [m for m in _NUM.finditer(sentence)
               if (not re.fullmatch(r"(?:19|20)\d{2}", m[1]) or m[2])
               and not any(a <= m.start() < b for a, b in dates)]
    out: list[Figure] = []
    low = sentence.lower()
    if about_stunting and _CARRIES.match(sentence):
        low += " stunting"
    # the previous value: its end, its figure, and whether a rule dropped it
    last: tuple[int, Figure | None, bool] | None = None
    part_at = -1  # where the stunted part of a whole written first begins (whole_first_after)
    for m in numbers:
        before = sentence[max(0, m.start() - 40):m.start()]
        after = sentence[m.end():m.end() + 60]
        close_before = sentence[max(0, m.start() - 14):m.start()]
        attending = bool(_PARTICIPANTS_BEFORE.search(before) and _ATTENDEES.match(after)) or (
            _attends(sentence[max(0, m.start() - 120):m.start()], after, cues))
        listed = last is not None and bool(_gap(cues).match(sentence[last[0]:m.start()]))
        # '16,6 persen (turun 4,5 poin), Kabupaten X sebesar 22,1': the change in brackets
        # is an aside; the list goes on from the level before it
        aside = listed and last is not None and last[1] is None and bool(out) and bool(
            _ASIDE_END.match(sentence[last[0]:m.start()]))
        previous = out[-1] if aside else last[1] if last is not None and listed else None
        # '..., penurunan sebesar 2,3 persen, kemudian pada tahun 2024 sebesar 11,6 persen':
        # the story moves on to the next year's level
        sequel = listed and last is not None and "level_sequel" in cues and bool(
            cues["level_sequel"].match(sentence[last[0]:m.start()])) and not \
            cues["target"].search(sentence[:m.start()])
        if listed and last is not None and last[2] and not attending and not aside and \
                not sequel:
            last = (m.end(), None, True)
            continue  # the list of changes or targets goes on
        aimed = None if attending else _aimed_at(sentence[max(0, m.start() - 100):m.start()],
                                                 after, cues)
        if not attending and _excluded(before, after, close_before, cues, sentence[:m.start()],
                                       aimed is not None, parse_number(m[1], m[2])):
            # a list goes on dropping after a change or a target, not after money or a count
            # of units ('Rp 2,5 miliar dan 3.215 keluarga berisiko')
            last = (m.end(), None, not _money_or_units(after, close_before, cues))
            continue
        last = (m.end(), None, False)
        value = parse_number(m[1], m[2])
        approx = bool(_APPROX.search(before)) or m[2] is not None
        what, unit = ("participants", "people") if attending else (
            ("other", aimed) if aimed else _classify(
                after, sentence[max(0, m.start() - 80):m.start()], low, cues))
        prior = out[-1] if out else None
        if not attending and aimed is None and "whole_first_after" in cues and \
                cues["whole_first_lead"].search(before):
            whole_first = cues["whole_first_after"].match(after)
            if whole_first:  # 'dari 353 balita ... yang mengalami stunting ada 34 balita'
                what, unit = "other", whole_first[1].lower()
                part_at = m.end() + whole_first.end()
        noun = _COUNT_NOUN.match(after) if part_at == m.start() else None
        if part_at == m.start() and (noun or _BARE.match(after)):
            what, unit = "stunting_cases", noun[1].lower() if noun else "anak"
        if not attending and aimed is None and "part_of_whole" in cues:
            part = cues["part_of_whole"].match(sentence[m.end():m.end() + 180])
            if part:  # '372 dari 5.868 balita mengalami stunting': the part is the cases
                what, unit = "stunting_cases", (part[1] or "anak").lower()
        if what is None and prior is not None and prior.what == "stunting_cases" and \
                "case_share_lead" in cues and _PERCENT.match(after) and value <= 100 and \
                cues["case_share_lead"].match(sentence[prior.start:m.start()]) and \
                not _share_of(after):
            what, unit = "stunting_prevalence_pct", "percent"  # '2.130 kasus atau 4,6 persen'
        restated = prior and prior.what == "stunting_prevalence_pct" and (
            cues.get("restated_count", _RESTATED)).search(before)
        if restated and what == "other" and aimed is None and _COUNT_NOUN.match(after) and \
                not _OTHER.match(after) and not cues["measured_after"].match(after.lstrip()):
            what = None  # '7,14 persen atau sekitar 2,1 ribu balita' in a weighing sentence
        # "turun dari 498 anak", "berjumlah 34 balita, dari sebelumnya 41 balita", and the
        # second value of a trend whose noun changes ("dari 1.204 anak ... menjadi 986 balita")
        earlier = prior and prior.what == "stunting_cases" and re.search(
            r"\b(?:(?:turun|naik|bertambah|berkurang)?\s*dari(?:\s+(?:sebelumnya|semula))?"
            r"(?:\s+(?:sebanyak|sejumlah|berjumlah))?|menjadi)\s*$", before)
        if what is None and listed_cases and _COUNT_NOUN.match(after) and not \
                _OTHER.match(after) and not cues["measured_after"].match(after.lstrip()):
            what, unit = "stunting_cases", _COUNT_NOUN.match(after)[1].lower()  # type: ignore[index]
        if what is None and listed_cases and _bare_item(sentence[:m.start()], m, after):
            what, unit = "stunting_cases", "kasus"  # 'Kecamatan Ampel: 112' in a list of cases
        if what is None and (restated or earlier) and _COUNT_NOUN.match(after):
            what, unit = "stunting_cases", _COUNT_NOUN.match(after)[1].lower()  # type: ignore[index]
        elif what is None and earlier and prior and re.search(r"\bmenjadi\s*$", before) and \
                _TREND_END.match(after) and re.search(
                    r"\bdari\b", sentence[max(0, prior.start - 30):m.start()]):
            what, unit = prior.what, prior.unit  # 'dari 412 anak pada 2023 menjadi 389 pada 2024'
        elif what is None and prior and prior.what == "stunting_prevalence_pct" and \
                re.search(r"(?:%|persen\w*)\s*dari\s*$", before, re.IGNORECASE) and \
                _COUNT_NOUN.match(after):
            what, unit = "other", _COUNT_NOUN.match(after)[1].lower()  # type: ignore[index]
        elif what is None and re.search(r"\bjumlah\s+(balita|baduta|bayi|ibu\s+hamil)\b(?!\s+"
                                        r"(?:yang\s+)?(?:mengalami\s+)?stunting)[^.\d%]{0,40}$",
                                        _YEARS.sub("", sentence[max(0, m.start() - 70):m.start()]),
                                        re.IGNORECASE):
            what, unit = "other", "balita"
        if what is None:
            what, unit = _unnamed_cases(sentence, before, after, about_stunting, previous, cues)
        if what is None and about_stunting and "carried_fall_lead" in cues and \
                re.fullmatch(r"\d{1,3}(?:\.\d{3})*", m[1]) and not m[2] and \
                _BARE.match(after) and not _PERCENT.match(after) and \
                cues["carried_fall_lead"].search(_YEARS.sub("", before)) and \
                all(value > level for level in previous_levels):
            what, unit = "stunting_cases", "kasus"  # '... Kini angka berkurang menjadi 72'
        if what is None and value <= 100 and "," in m[1] and "bare_level_lead" in cues and \
                cues["bare_level_lead"].search(before) and not _COUNT_NOUN.match(after) and \
                not _units(cues).match(after):
            what, unit = "stunting_prevalence_pct", "percent"  # 'angka stunting Tebo 11,8'
        if what is None and value <= 100 and "," in m[1] and (
                about_prevalence or _topic().search(sentence)) and _bare_trend(before, after, cues):
            what, unit = "stunting_prevalence_pct", "percent"  # 'dari 27,1 menjadi 19,3'
        if what is None and value <= 100 and "stunting" in low and _bare_trend(
                before, after, cues) and _TREND_TO_SHARE.match(after):
            what, unit = "stunting_prevalence_pct", "percent"  # 'dari 23,1 menjadi 17,4 persen'
        to_count = _TREND_TO_COUNT.match(after) if what is None and "stunting" in low else None
        if to_count and value == int(value) and _bare_trend(before, after, cues):
            what, unit = "stunting_cases", to_count[1].lower()  # 'naik dari 301 menjadi 317 anak'
        if what is None and about_stunting and _PERCENT.match(after) and value <= 100 and \
                "share_lead" in cues and cues["share_lead"].search(before) and not _share_of(after):
            what, unit = "stunting_prevalence_pct", "percent"  # '... 221 anak. Persentasenya 5,2%'
        if what is None and _PERCENT.match(after) and (
                any(f.what == "stunting_prevalence_pct" for f in out) or about_prevalence) and \
                not _other_share().search(before[-45:].lower()) and not _share_of(after):
            what, unit = "stunting_prevalence_pct", "percent"
        # (not when the value's own clause names another share: 'sementara porsi dana desa
        # ... naik menjadi 9 persen')
        if what is None and prior and prior.what == "stunting_prevalence_pct" and value <= 100 \
                and re.search(r"\b(?:menjadi|ke)\s*$", before) and \
                not _COUNT_NOUN.match(after) and not _units(cues).match(after) and \
                not _other_share().search(re.split(r"[,;]", before)[-1]):
            what, unit = prior.what, prior.unit  # "dari 30,0 persen ... menjadi 24,8 pada 2023"
        if what is None and value <= 100 and "," in m[1] and _topic().search(sentence) and \
                _LEVEL_AFTER_CHANGE.search(before) and not _COUNT_NOUN.match(after) and \
                not _units(cues).match(after):
            what, unit = "stunting_prevalence_pct", "percent"  # 'turun 2,37 persen menjadi 4,51'
        if what is None and previous is not None and _BARE.match(after) and (
                previous.what == "families_at_risk"
                or (previous.what == "stunting_prevalence_pct" and value <= 100)):
            what, unit = previous.what, previous.unit
        if what is None and value <= 100 and (
                any(f.what == "stunting_prevalence_pct" for f in out) or about_prevalence) and \
                "comparison_lead" in cues and cues["comparison_lead"].search(before[-60:]) and (
                    _BARE.match(after) or _PERCENT.match(after) or (
                        "," in m[1] and not _COUNT_NOUN.match(after)
                        and not _units(cues).match(after))):
            # ('di bawah DKI 14,8 untuk se-DKI': a decimal is a rate, whatever follows it)
            what, unit = "stunting_prevalence_pct", "percent"  # '... di atas angka nasional 19,8'
        if what is None and value <= 100 and "shared_unit_next" in cues and (
                about_prevalence or _topic().search(sentence) or cues["source"].search(sentence)) \
                and cues["shared_unit_next"].match(after) and \
                cues["shared_unit_region"].search(before) and \
                not _other_share().search(sentence[:m.start()].lower()):
            what, unit = "stunting_prevalence_pct", "percent"  # 'Provinsi X 23,3, Kab Y 21,8 %'
        if what is None and "weighing_topic" in cues and cues["weighing_topic"].search(sentence) \
                and re.match(r"\s*(?:balita|baduta|bayi|anak)\b(?![^.,;\d]{0,40}stunting)", after,
                             re.IGNORECASE):
            what, unit = "other", "balita"  # at a weighing, 'mencatat kehadiran 9.215 balita'
        if what is None and prior is not None and prior.what == "stunting_cases" and \
                "compared_count_lead" in cues and cues["compared_count_lead"].search(before) and \
                re.match(r"\s*(?:orang\s+)?(?:balita|baduta|anak|bayi|kasus|orang|jiwa)\b", after,
                         re.IGNORECASE):
            what, unit = prior.what, prior.unit  # '..., berkurang dibanding 2023 yang 2.560 orang'
        if what is None and any(f.what == "stunting_cases" for f in out) and \
                "case_lead" in cues and cues["case_lead"].search(_YEARS.sub("", before)) and \
                re.match(r"\s*,?\s*atau\s+(?:sekitar\s+)?\d+(?:,\d+)?\s*(?:%|persen)", after,
                         re.IGNORECASE):
            what, unit = "stunting_cases", "kasus"  # '..., sedangkan di B berjumlah 928 atau 30,1%'
        if what in ("stunting_cases", None) and re.fullmatch(r"\d+,\d+", m[1]) and \
                not m[2] and not re.fullmatch(r"\d{1,3},\d{3}", m[1]) and "stunting" in low:
            # a count has no fraction: '... angka kasus stunting ... dengan persentase 27,79'
            # is the share, written bare after its own word; any other stays out
            share = "share_word_lead" in cues and cues["share_word_lead"].search(before) and \
                value <= 100 and not _COUNT_NOUN.match(after) and \
                not _units(cues).match(after) and \
                not _other_share().search(sentence[:m.start()].lower())
            what, unit = ("stunting_prevalence_pct", "percent") if share else (None, "")
        whole = _part_base(prior, sentence, m.start(), after, cues) if what in (
            "stunting_cases", None) else None
        if whole:
            what, unit = "other", whole  # '54 balita stunting dari 1.120 balita': the whole
        base = _family_base(prior, sentence[prior.start:m.start()] if prior else "", after,
                            sentence, cues)
        if base:
            what, unit = base  # '1.234 KRS dari 10.500 keluarga sasaran atau 11,7 persen'
        if what in (None, "stunting_prevalence_pct") and prior is not None and \
                prior.what == "other" and "percent" not in prior.unit and \
                "other_share_lead" in cues and _PERCENT.match(after) and \
                not _other_share().search(re.split(r"[,;()]", after)[0]) and \
                cues["other_share_lead"].match(
                    _YEARS.sub("", _NUM.sub("", sentence[prior.start:m.start()], 1))):
            what, unit = "other", f"percent of {prior.unit}"  # '69 balita wasting (14%)'
            if _share_of_part(out, value):
                # '27 balita stunting dari 90 balita, atau 30%': the stunted part's share of
                # the whole just counted is the prevalence there, not a share of the whole
                what, unit = "stunting_prevalence_pct", "percent"
        families = about_families or (previous is not None
                                      and previous.what == "families_at_risk")
        if what is None and families and _FAMILY_COUNT.match(after):
            what, unit = "families_at_risk", "families"
        if what == "families_at_risk" and prior is not None and prior.what == what and \
                "subset_lead" in cues and not _AT_RISK_AFTER.match(after) and (
                    cues["subset_lead"].search(before) or cues["subset_after"].match(after)):
            what, unit = "other", "families"  # '12.744 KK, di antaranya 4.210 KK tanpa ...'
        if what == "stunting_prevalence_pct" and any(
                f.what == what and _a_part(sentence[f.start:m.start()], cues) for f in out):
            what = "other"  # "15,4% terdiri dari Severely Stunting 1.9% dan Stunting 13,5%"
        if what is None:
            continue
        if what == "stunting_prevalence_pct" and value >= 100:
            continue  # a whole is no rate of stunting ('stunting belum hilang 100%')
        if what == "stunting_prevalence_pct" and value > _MOST_STUNTED:
            what = "other"  # 'pengukuran serentak ... mencapai hasil 97%': a coverage
        if what in _COUNTS and re.fullmatch(r"\d{1,3},\d{3}", m[1]) and not m[2]:
            value = float(m[1].replace(",", ""))  # "10,485 balita": a count has no fraction
        values = [(n.start(), n.end()) for n in numbers]
        chosen = period_for(sentence, m.start(), m.end(), values, spans)
        period = chosen.value if chosen else None
        # one year written in the sentence dates all its values (a relative word only its
        # own, and a year written for another value only that one)
        single = stated_year(spans) if all(not p.relative for p in spans) and not any(
            owned_elsewhere(sentence, p, (m.start(), m.end()), values) for p in spans) else None
        if _RELATIVE_AFTER.match(after):  # "... dari 21,5 persen pada tahun lalu"
            anchor = next((f.period for f in reversed(out) if f.period), None) or \
                stated_year(spans)
            period = str(int(anchor[:4]) - 1) if anchor else period
        elif period is None and restated and prior is not None and prior.period:
            period = prior.period  # '17,3 persen pada 2024, setara dengan 9.450 balita'
        elif period is None and single and not _now(sentence, m.start(), cues):
            period = single  # one period in the sentence: every value's
        elif period is None and re.match(r"\W*(?:setahun|tahun)\s+sebelumnya", before[-25:]) \
                and out and out[-1].period:
            period = str(int(out[-1].period[:4]) - 1)
        own = re.match(r"\s*(?:%|persen\w*)?\s*(?:pada\s+|di\s+)?(?:tahun\s+)?((?:19|20)\d{2})\b",
                       after, re.IGNORECASE)
        # '..., dan 2029 sebesar 14,2 persen': a later year right before the value dates a
        # target even when the target word sits in an earlier clause
        lead = cues["future_year_lead"].search(before) if "future_year_lead" in cues else None
        if year and ((own and int(own[1]) > year) or (lead and int(lead[1]) > year)):
            last = (m.end(), None, True)
            continue  # a value for a year still to come is a target ('menjadi 11 % pada 2024')
        out.append(Figure(what, value, unit, period, None, m.start(), approx))
        last = (m.end(), out[-1], False)
    return out


# a sentence about families at risk: 'keluarga berisiko stunting', 'KRS', or '30.980
# keluarga (10,6%) masuk kategori berisiko stunting'
_AT_RISK_IN = re.compile(r"(?:keluarga|KK)\b[^.]{0,60}?\b(?:berisiko|beresiko|risiko|resiko)\s+"
                         r"stunting|\bKRS\b", re.IGNORECASE)


# a list line that names its area and ends on its bare count: '- Kecamatan Ampel: 112',
# 'Desa Jelok = 21', '3. Sumbung 14'
_BARE_ITEM = re.compile(r"^\W*(?:\d{1,2}[.)]\s*|[a-z][.)]\s*)?[A-Z][\w'’.-]*"
                        r"(?:\s+[\w'’.-]+){0,3}\s*(?::|=|-|–)?\s*$")


def _bare_item(line_before: str, m: re.Match[str], after: str) -> bool:
    return m[2] is None and "," not in m[1] and not after.strip(" .;") and \
        bool(_BARE_ITEM.match(line_before))


def _share_of_part(out: list[Figure], value: float) -> bool:
    """The last two values are a count of stunting cases and the whole it is part of, and
    this share is (to rounding) the part over the whole: the prevalence of that group."""
    if len(out) < 2 or out[-2].what != "stunting_cases" or out[-1].what != "other" or \
            not out[-1].value or out[-2].value >= out[-1].value:
        return False
    return abs(100 * out[-2].value / out[-1].value - value) <= 0.15


def _part_base(prior: Figure | None, sentence: str, at: int, after: str,
               cues: dict[str, re.Pattern[str]]) -> str | None:
    """The whole a count of stunting cases in the same sentence is a part of ('54 balita
    stunting dari 1.120 balita di desa itu', '... 2.493 orang dari total sasaran 21.561
    orang'): no second count of cases. Not the earlier level of a trend ('berkurang dari
    263 anak', 'dari sebelumnya 41 balita'), nor a value the clause goes on to change.
    Returns the whole's noun, or None."""
    if prior is None or prior.what != "stunting_cases" or "part_base_lead" not in cues:
        return None
    noun = re.match(r"\s*(?:orang\s+)?(balita|baduta|anak|bayi|orang|jiwa)\b", after,
                    re.IGNORECASE)
    between = sentence[prior.start:at]
    if noun is None or not cues["part_base_lead"].search(between[-60:]) or \
            cues["part_base_not"].search(between) or re.match(
                r"[^.;]{0,60}?\b(?:menjadi|ke)\s+\d", after):
        return None
    return noun[1].lower()


def _unnamed_cases(sentence: str, before: str, after: str, about_stunting: bool,
                   previous: Figure | None, cues: dict[str, re.Pattern[str]]
                   ) -> tuple[str | None, str]:
    """A count of children with no stunting noun beside it that still counts stunting
    cases: in a sentence about cases (or one the text calls a prevalence), led by a word
    that states a count ('tercatat pada 58 anak') or by a named area ('Kelurahan Malino
    17 anak'); right after a sentence of cases, the number left ('kini tinggal 37 anak')
    or an area's count; and the next value of a list of cases ('..., Garassi 9 anak')."""
    noun = _COUNT_NOUN.match(after)
    if noun is None or _OTHER.match(after) or cues["measured_after"].match(after.lstrip()) \
            or "case_topic" not in cues:
        return None, ""
    unit = noun[1].lower()
    if previous is not None and previous.what == "stunting_cases":
        return "stunting_cases", unit
    near = _YEARS.sub("", before)
    if "distributed" in cues and cues["distributed"].search(near) and (
            about_stunting or cues["case_topic"].search(sentence) or _topic().search(sentence)):
        return "stunting_cases", unit  # 'dua desa, masing-masing empat kasus'

    area = bool(cues["area_lead"].search(near))
    if (cues["case_topic"].search(sentence) or _topic().search(sentence)) and (
            area or cues["case_lead"].search(near)):
        return "stunting_cases", unit
    if about_stunting and (area or cues["remaining"].search(near) or re.search(
            r"\b(?:masih|dari)\s*(?:ada\s+|sebanyak\s+)?$", near) or (
            "carried_lead" in cues and cues["carried_lead"].search(near))):
        return "stunting_cases", unit
    return None, ""


# the second value of a trend, a share: '... dari 23,1 menjadi 17,4 persen'
_TREND_TO_SHARE = re.compile(r"[^.;\d]{0,60}?\b(?:menjadi|ke)\s+\d+(?:,\d+)?\s*(?:%|persen)",
                             re.IGNORECASE)


# the second value of a trend, a count of children: '... naik dari 301 menjadi 317 anak'
_TREND_TO_COUNT = re.compile(r"[^.;\d]{0,60}?\b(?:menjadi|ke)\s+\d{1,3}(?:\.\d{3})*\s*"
                             r"(balita|baduta|anak|kasus|jiwa)\b(?![^.;,\d]{0,20}\b(?:diukur|"
                             r"ditimbang|diperiksa|gizi|wasting|underweight))", re.IGNORECASE)


def _bare_trend(before: str, after: str, cues: dict[str, re.Pattern[str]]) -> bool:
    """'turun dari 27,1 (SSGI 2022) menjadi 19,3': the first value of a trend written
    without a percent sign, with the second value still to come in its clause."""
    return bool(re.search(r"\bdari\s*$", before)) and not _units(cues).match(after) and \
        not _COUNT_NOUN.match(after) and bool(
            re.match(r"[^.;\d]{0,60}?(?:(?:19|20)\d{2}[^.;\d]{0,20}?)?\b(?:menjadi|ke)\s+\d",
                     after))


def _assisted(before: str, clause: str, cue: re.Pattern[str]) -> bool:
    """A share of families accompanied: named in the value's clause, or shortly before
    it ('keluarga yang telah memperoleh pendampingan dari TPK, yang baru 68,9 persen')
    with no stunting word between that names another measure."""
    if cue.search(clause):
        return True
    found = list(cue.finditer(before[-80:]))
    return bool(found) and not re.search(r"stunting|prevalensi|\d", before[-80:][found[-1].end():],
                                         re.IGNORECASE)


def _family_base(prior: Figure | None, between: str, after: str, sentence: str,
                 cues: dict[str, re.Pattern[str]]) -> tuple[str, str] | None:
    """A number right after a count of families at risk that is their denominator ('dari
    10.500 keluarga sasaran', or any 'N keluarga sasaran' in a sentence about families
    at risk), or a share right after either ('atau 11,7 persen', '(10,6%)'): `other`,
    never a second count of families at risk. `between` runs from the previous figure's
    number to this one."""
    if "family_base_after" in cues and cues["family_base_after"].match(after) and \
            _AT_RISK_IN.search(sentence):
        return "other", "families"  # 'dari 292.095 keluarga sasaran, sebanyak 30.980 ...'
    if prior is None or "family_base_lead" not in cues:
        return None
    tail = _NUM.sub("", between, count=1)  # the previous figure's own number
    if prior.what == "families_at_risk" and cues["family_base_lead"].match(tail) and \
            re.match(r"\s*(?:keluarga|KK)\b(?!\s+(?:yang\s+)?(?:berisiko|beresiko|risiko|resiko))",
                     after, re.IGNORECASE):
        return "other", "families"
    if (prior.what == "families_at_risk" or prior.unit == "families") and \
            _PERCENT.match(after) and cues["family_share_lead"].match(tail):
        return "other", "percent of families"
    return None


def _spoken_decimals(sentence: str, word: re.Pattern[str]) -> str:
    """'16 koma 2 persen' -> '     16,2 persen': a decimal said with its word, padded to the
    same length so offsets hold."""
    def comma(m: re.Match[str]) -> str:
        return f"{m[1]},{m[2]}".rjust(len(m[0]))
    return re.sub(rf"(?<![\d.,])(\d+)\s+(?:{word.pattern})\s+(\d+)(?![\d.,])", comma, sentence,
                  flags=re.IGNORECASE)


# a decimal split by a stray space around its mark ('22. 8%', '22 ,8 persen', '22 . 8%') before
# %/persen; a comma followed by a space alone ('12, 8 persen') is a list and keeps its reading
_SPACED = re.compile(r"(?<![\d.,])(\d{1,2})(?:\s+[.,]\s*|\.\s+)(\d{1,2})(?=\s*(?:%|persen))",
                     re.IGNORECASE)


def _spaced_decimals(sentence: str) -> str:
    """'22. 8%' -> ' 22,8%': the decimal a stray space split, padded to the same length so
    offsets hold."""
    return _SPACED.sub(lambda m: f"{m[1]},{m[2]}".rjust(len(m[0])), sentence)


# a comma typed between a word and the number after it, with no space ('menjadi,4,8%'): the
# number's own start (read as a space; same length, so offsets hold)
_GLUED_COMMA = re.compile(r"(?<=[a-z]),(?=\d)")


_DOTTED = re.compile(r"(?<![\w.,/:-])(\d{1,2})\.(\d{1,2})(?![\w/:-]|[.,]\d)")


def _bare_decimals(sentence: str, lead: re.Pattern[str]) -> str:
    """'angka stunting Tebo 11.8 dan ...' -> '... 11,8 ...': a decimal written with a point
    and no %/persen after a stunting level's noun reads as the decimal it is (same
    length, offsets hold). Other dotted numbers (times, dates) keep their reading."""
    def comma(m: re.Match[str]) -> str:
        if _PERCENT.match(sentence, m.end()) or not lead.search(sentence[:m.start()]):
            return m[0]
        return f"{m[1]},{m[2]}"
    return _DOTTED.sub(comma, sentence)


def words_value(words: list[str], table: dict[str, tuple[int, str]]) -> int | None:
    """The value of a run of number words ('dua puluh tiga' 23, 'seratus dua puluh' 120,
    'dua ribu tiga ratus' 2300, 'lima belas' 15), or None when the run is no number
    ('puluh' first, 'dua tiga')."""
    total = group = unit = 0
    pending = False  # a unit read and not yet placed
    for w in words:
        value, kind = table[w.lower()]
        if kind == "unit":
            if pending:
                return None  # 'dua tiga': two digits in a row are no number
            unit, pending = value, True
        elif kind == "whole":
            if pending:
                return None
            group += value
        elif kind in ("teen", "times"):
            if not pending:
                return None  # 'puluh' with no unit before it
            group += unit + value if kind == "teen" else unit * value
            unit, pending = 0, False
        else:  # scale: everything read in this group
            amount = group + (unit if pending else 0)
            if amount == 0:
                return None
            total += amount * value
            group = unit = 0
            pending = False
    return total + group + (unit if pending else 0)


@cache
def _word_run(words: tuple[str, ...], noun: str) -> re.Pattern[str]:
    alt = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"\b((?:{alt})(?:\s+(?:{alt}))*)\b(?=(?:{noun}))", re.IGNORECASE)


def _digits_for_words(sentence: str, v: Vocabulary, noun: re.Pattern[str],
                      quantifier: re.Pattern[str] | None = None) -> str:
    """'dua puluh tiga anak stunting' -> '            23 anak stunting': a count written
    in words before a counted noun becomes its digits, padded to the words' length so
    offsets hold (data/number_words.csv)."""
    table = v.number_words
    if not table:
        return sentence
    starts = {w for w, (_, kind) in table.items() if kind in ("unit", "whole")}

    def digits(m: re.Match[str]) -> str:
        words = m[1].split()
        if words[0].lower() not in starts:
            return m[0]  # a run that opens with 'ribu' ('24 ribu balita') is no count
        if quantifier is not None and quantifier.search(sentence, 0, m.start()):
            return m[0]  # 'salah satu peserta' is one of them, not a count of one
        value = words_value(words, table)
        if value is None or len(str(value)) > len(m[1]):
            return m[0]
        return str(value).rjust(len(m[1]))

    return _word_run(tuple(table), noun.pattern).sub(digits, sentence)


_COUNTS = {"stunting_cases", "families_at_risk", "participants", "other"}
_YEARS = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\b")
# a comma before 'yakni/yaitu/sebesar' goes on with the same clause, and so does 'telah'
# before the verb that sets the target ('target ... yang telah ditetapkan Pemkab, yakni
# 18,56% pada 2022 ...')
_CLAUSE_END = re.compile(r"[;,](?!\s*(?:yakni|yaitu|adalah|sebesar|antara\s+lain)\b)|"
                         r"\b(?:sementara|sedangkan|namun|tetapi|adapun|kini|saat\s+ini|"
                         r"capaian(?:nya)?|realisasi(?:nya)?|tercatat|sudah|telah)\b"
                         r"(?!\s+(?:ditetapkan|disepakati|ditentukan|dicanangkan)\b)",
                         re.IGNORECASE)
# "penurunan dari tahun 2022 sebesar 1%", "penurunan ... yaitu 6,1 persen": a change, not a level
_DELTA_BEFORE = re.compile(r"\b(?:turun|naik|penurunan(?:nya)?|kenaikan(?:nya)?|menurun|"
                           r"meningkat|menurunkan|menaikkan)\b"
                           r"(?:[^.\d%;]{0,45}?(?:\b(?:19|20)\d{2}\b[^.\d%;]{0,15}?)?"
                           # "penurunan jumlah balita stunting dari Juni 2025 ke Agustus 2025
                           # sebesar 100 anak": a change between two moments
                           r"|[^.%;]{0,60}?\bdari\b[^.%;]{0,50}?\bke\b[^.%;]{0,40}?)"
                           r"\s(?:sebesar|yaitu|yakni|sebanyak)\s*$",
                           re.IGNORECASE)


@cache
def _units_of(unit_after: re.Pattern[str], tiers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{unit_after.pattern}|(?:{'|'.join(tiers)})\b)", re.IGNORECASE)


def _units(cues: dict[str, re.Pattern[str]]) -> re.Pattern[str]:
    """Words after a number that make it a count of units (figure_cues.csv unit_after) or
    of regions (every tier word of tiers.csv: desa, nagari, distrik, kampung ...)."""
    tiers = tuple(t.form for t in vocabulary().tiers if t.role == "word")
    return _units_of(cues["unit_after"], tiers)


def _share_of_units(before: str, cues: dict[str, re.Pattern[str]]) -> bool:
    """A share written right after a count of units it restates ('mencapai 258 desa (78,7
    persen)', '17 kecamatan dari 20 kecamatan (85 persen)', '197 desa atau 60 persen'): the
    share of those units, never a level of stunting."""
    units = _units(cues).pattern
    return bool(re.search(rf"\d(?:{units})(?:\s+\w+)?\s*"
                          rf"(?:dari\s+(?:total\s+)?\d[\d.]*(?:{units}))?"
                          r"\s*(?:\(|,?\s*atau\s+|,?\s*yakni\s+)\s*(?:sekitar\s+|sebesar\s+)?$",
                          before, re.IGNORECASE))


def _money_or_units(after: str, close_before: str, cues: dict[str, re.Pattern[str]]) -> bool:
    return bool(re.search(r"(?:Rp\.?|IDR|USD)\s*$", close_before, re.IGNORECASE) or re.match(
        r"\s*(?:miliar|milyar|triliun|juta|ribu|rupiah)", after, re.IGNORECASE)
        or _units(cues).match(after))


def _attends(before: str, after: str, cues: dict[str, re.Pattern[str]]) -> bool:
    """People who came, counted: 'Sebanyak 100 orang hadir ... dan 500 lainnya mengikuti
    secara daring', 'dihadiri oleh warga ... yang berjumlah kurang lebih 60 orang'."""
    if "attend_after" in cues and cues["attend_after"].match(after):
        return True
    return "attend_lead" in cues and bool(cues["attend_lead"].search(before)) and bool(
        re.match(r"\s*(?:orang|peserta)\b", after, re.IGNORECASE))


# the value a change starts from, then the word that leads to where it ends
# (its own period may stand between: 'dari 20,1 persen pada 2024 menjadi 13 persen pada 2029')
_CHANGE_GOES_ON = re.compile(r"\s*(?:%|persen)?\s*(?:\(?\s*(?:(?:pada|di)\s+)?(?:tahun\s+)?"
                             r"(?:19|20)\d{2}\s*\)?\s*,?\s*)?(?:menjadi|ke|hingga|sampai)\b",
                             re.IGNORECASE)
_CHANGE_FROM = re.compile(r"[^\d]*\bdari\s+\d[\d.,]*\s*(?:%|persen)?\s*(?:menjadi|ke|hingga|"
                          r"sampai(?:\s+dengan)?)\s*(?:angka\s*)?", re.IGNORECASE)


def _targeted(before: str, cues: dict[str, re.Pattern[str]], after: str = "") -> bool:
    """A target word governs the first value after it in its clause, however many words
    come between ('menargetkan prevalensi stunting turun menjadi 9%', 'target tahun 2024
    bisa turun menjadi 20,53 persen'), but not a value after another one or a new clause."""
    window = before[-140:]
    last = None
    for found in cues["target"].finditer(window):
        last = found
    for found in cues["aim_down_to"].finditer(window) if "aim_down_to" in cues else ():
        # 'menurunkan ... hingga 12 persen' is aimed at unless the clause says it was done
        if not cues["aim_achieved"].search(window[:found.start()]) and (
                last is None or found.end() > last.end()):
            last = found
    if last is None:
        return False
    between = window[last.end():]
    if _CLAUSE_END.search(between):
        return False
    # 'target penurunan stunting dari 11 persen menjadi 8 persen': the target is where the
    # change ends; where it starts is today's level (guide §7)
    if re.search(r"\bdari\s*$", between) and re.match(_CHANGE_GOES_ON, after):
        return False
    if re.fullmatch(_CHANGE_FROM, _YEARS.sub("", between)):
        return True
    return not re.search(r"\d", _YEARS.sub("", between))


def _target_result(before: str, cues: dict[str, re.Pattern[str]]) -> bool:
    """'menargetkan ... turun tiga persen sehingga prevalensi berada pada angka 15 persen': the
    value of a clause that states what a target gives is a target too (in one sentence)."""
    if "target_result" not in cues:
        return False
    found = [m for m in cues["target_result"].finditer(before)]
    return bool(found and cues["target"].search(before[:found[-1].start()]) and not re.search(
        r"\d", _YEARS.sub("", before[found[-1].end():])))


def _hypothetical(before: str, cues: dict[str, re.Pattern[str]]) -> bool:
    """'seandainya tiap tahun angkanya berkurang dua persen, prevalensi bisa menjadi 12,9
    persen': a value the sentence supposes (an 'if' word, then 'bisa/akan/maka' before
    the value) is no level."""
    if "hypothetical" not in cues or "hypothetical_result" not in cues:
        return False
    found = [m for m in cues["hypothetical"].finditer(before)]
    return bool(found and cues["hypothetical_result"].search(before[found[-1].end():]))


def _share_of(after: str) -> bool:
    """The share's own noun right after it names another whole ('10 persen Dana Desa',
    '5 persen dari APBDes'): no prevalence, whatever the sentence before was about."""
    found = _PERCENT.match(after)
    if found is None:
        return False
    return bool(_other_share().search(_own_noun(after[found.end():])))


# a new clause opened right after a share ('22 persen dimana capaian ini ...')
_NEW_CLAUSE = re.compile(r"\b(?:di\s?mana|yang\s+mana|sehingga|karena|namun|sedangkan|sementara)\b",
                         re.IGNORECASE)


def _own_noun(rest: str) -> str:
    """The words right after a share's %/persen that name what it is a share of ('Dana
    Desa'), up to the next number or clause: a clause the share opens is not its noun."""
    return _NEW_CLAUSE.split(re.split(r"[,;\d]", rest, maxsplit=1)[0][:25], maxsplit=1)[0]


def _aimed_at(before: str, after: str, cues: dict[str, re.Pattern[str]]) -> str | None:
    """The group an intervention, handout or audit is aimed at, counted ('menyasar 85
    keluarga', 'bagi 40 keluarga sasaran', 'PMT untuk 25 balita stunting'): a count a
    careful reader records as `other` (guide §7.1), never stunting cases or families at
    risk. Returns the group's noun, or None."""
    if "aimed_lead" not in cues:
        return None
    group = cues["aimed_group"].match(after)
    if group and "aimed_count_lead" in cues and (cues["aimed_count_lead"].search(before) or cues[
            "aimed_count_after"].match(after)):
        # a stated count of the group ('penerima manfaat ... sebanyak 60 anak'), handout or not
        return re.sub(r"\s+", " ", group[1].lower())
    if not cues["aimed_lead"].search(before):
        return None
    if "handout" in cues and cues["handout"].search(before):
        return None  # 'paket protein bagi tujuh keluarga': recipients of a handout, no measure
    return re.sub(r"\s+", " ", group[1].lower()) if group else None


def _compared_level(before: str, value: float | None) -> bool:
    """A value after 'turun dibanding <moment> sebesar' is the compared moment's level when
    a share was stated before it and the value is of its size (half of it or more); a small
    value there ('18,8 persen, turun dibanding 2023 sebesar 1,4 persen') is the change."""
    shares = re.findall(r"(\d+(?:,\d+)?)\s*(?:%|persen)", before)
    return value is not None and bool(shares) and value >= 0.5 * float(
        shares[-1].replace(",", "."))


def _excluded(before: str, after: str, close_before: str, cues: dict[str, re.Pattern[str]],
              whole_before: str = "", aimed: bool = False, value: float | None = None) -> bool:
    if re.search(r"(?:Rp\.?|IDR|USD)\s*$", close_before, re.IGNORECASE) or re.match(
            r"\s*(?:miliar|milyar|triliun|juta\s+rupiah|rupiah)", after, re.IGNORECASE):
        return True
    if _units(cues).match(after):  # '9 kampung', '14 desa lokus', '3 kali', '10.20 WITA'
        return True
    if _PERCENT.match(after) and _share_of_units(before, cues):
        return True  # '258 desa (78,7 persen)': a share of villages, no prevalence
    if "breakdown_after" in cues and cues["breakdown_after"].match(after) and \
            cues["parts"].search(whole_before[-120:]):
        return True  # '16 balita stunting, terdiri atas 9 anak laki-laki dan 7 perempuan'
    if "range_lead" in cues and (cues["range_lead"].search(before) or (
            cues["range_open"].search(before) and cues["range_next"].match(after))):
        return True  # 'antara 10 hingga 12 persen', 'berkisar 11-13 persen': no actual value
    if "rate_after" in cues and cues["rate_after"].match(after):
        return True  # 'rata-rata 1,8 persen per tahun', '81 anak per kecamatan': a rate
    if _hypothetical(whole_before, cues):
        return True
    if "future_lead" in cues and cues["future_lead"].search(before):
        return True  # 'prevalensi tahun depan bisa ... 14 persen': a level still to come
    if "future_after" in cues and cues["future_after"].match(after):
        return True  # '16 persen tahun depan': a level still to come is a target
    if not aimed and re.search(rf"\b(?:{cues['recipient'].pattern})\s*$", before,
                               re.IGNORECASE):
        return True  # 'PMT kepada 50 baduta stunting': recipients of a handout, no measure
    # a word of its own: 'Malino 17 anak' is no 'No. 17'
    if re.search(r"\b(?:tanggal|tgl\.?|pukul|pkl\.?|jam|No\.?|"
                 r"Nomor|Pasal|Lantai|Lt\.?|Kodim|Koramil|peringkat|"
                 r"ranking|urutan|ke-|usia|umur|Jl\.?|Jalan|RT|RW|tahap|angkatan|Perpres|PP|UU|"
                 r"Permen\w*|Perbup|Perda|Inpres)\s*$", close_before, re.IGNORECASE):
        return True
    if not aimed and (_targeted(whole_before, cues, after) or _target_result(whole_before, cues)):
        return True
    if aimed and "aimed_goal" in cues and cues["aimed_goal"].search(before):
        return True  # 'menargetkan menjangkau hingga 600 keluarga': the reach aimed for
    if "prevented_before" in cues and (cues["prevented_before"].search(before) or cues[
            "prevented_after"].match(after)):
        return True  # cases prevented: a change ('pencegahan 79.971 kasus balita stunting baru')
    if "effort_name" in cues:  # 'Percepatan Penurunan Stunting' names the effort, no change
        whole_before = cues["effort_name"].sub(lambda m: " " * len(m[0]), whole_before)
    if "delta_lead" in cues and cues["delta_lead"].search(whole_before[-100:] or before):
        return True  # 'menurun sekitar 2,5%', 'penurunan prevalensi stunting 6,8 persen'
    if re.search(rf"(?:{cues['bound'].pattern})(?:\s+(?:mencapai|menyentuh|sebesar|angka))?\s*$",
                 before, re.IGNORECASE):
        return True
    delta = _DELTA_BEFORE.search(whole_before[-90:])
    if delta and re.search(r"\bdari\s+(?:tahun\s+)?(?:19|20)\d{2}\b", delta[0]) and not re.search(
            r"\bmenjadi\b", after):
        delta = None  # "penurunan dari tahun 2019 sebesar 26,2 persen": the 2019 level
    if delta and "compared_level" in cues and cues["compared_level"].search(delta[0]) and \
            _compared_level(whole_before[:max(0, len(whole_before) - 90) + delta.start()], value):
        delta = None  # '18,8 persen, turun dibanding SKI 2023 sebesar 20,2 persen': the level
    if delta or (
            re.match(r"\s*(?:%|persen\w*)?\s*,?\s*dari\s+\d", after, re.IGNORECASE)
            and re.search(r"\b(?:turun|naik|penurunan|kenaikan|menurun|meningkat)\b",
                          whole_before, re.IGNORECASE)
            and not re.search(r"\b(?:menjadi|dari)\s*$", whole_before)):
        return True
    if re.search(r"(?:turun|naik|penurunan|kenaikan|berkurang|bertambah|menurun|meningkat|"
                 r"selisih)\s+(?:sebesar\s+|sekitar\s+|hingga\s+|sebanyak\s+)?$", close_before,
                 re.IGNORECASE) and not re.search(r"\bdari\s*$", close_before):
        return True
    if re.match(r"\s*(?:%|persen)?\s*poin", after, re.IGNORECASE):
        return True
    if "family_assistance" in cues and re.search(r"cakupan[^.\d]{0,20}$", before, re.IGNORECASE) \
            and cues["family_assistance"].search(before[-60:]):
        return False  # 'cakupan pendampingan keluarga 80 persen' is kept as other
    return bool(re.search(r"(?:realisasi|serapan|anggaran|capaian\s+kinerja|cakupan)[^.\d]{0,20}$",
                          before, re.IGNORECASE))


_STUNTING_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:orang\s+)?(balita|anak|baduta|kasus|warga|"
                             r"bayi|jiwa|orang)?\s*(?:\([^)]*\)\s*)?(?:yang\s+)?(?:mengalami|"
                             r"berstatus|dengan\s+status|status|menderita|terkena|terdampak|penderita|"
                             r"masuk\s+kategori|terindikasi|teridentifikasi)?\s*(?:kasus\s+)?"
                             r"stunting\b", re.IGNORECASE)
_AT_RISK_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(keluarga|KK|rumah\s+tangga)\b"
                            r"(?:\([^)]*\)|[^.\d(]){0,40}?"
                            r"(?:berisiko|beresiko|risiko|resiko)", re.IGNORECASE)
_AT_RISK_BEFORE = re.compile(r"(?:keluarga|KK)\s+(?:berisiko|beresiko|risiko|resiko)\s+stunting"
                             r"\s*(?:\(KRS\))?[^.\d]{0,40}$|\bKRS\b[^.\d]{0,30}$", re.IGNORECASE)
_PERSONS_AT_RISK = re.compile(r"\s*(jiwa|orang|warga|individu|penduduk|anak|balita)\s+"
                              r"(?:yang\s+)?(?:berisiko|beresiko|risiko)", re.IGNORECASE)
# 'suspek/suspect stunting 66 orang': children suspected of stunting, counted as cases
_CASES_BEFORE = re.compile(r"(?:suspe(?:c?k|ct)\s+stunting|kasus\s+stunting|balita\s+stunting|"
                           r"anak\s+stunting|baduta\s+stunting|penderita\s+stunting|jumlah\s+"
                           r"(?:balita|anak|kasus)\s+(?:yang\s+)?(?:mengalami\s+)?stunting|"
                           r"stunting\s+(?:sebanyak|sejumlah|mencapai|berjumlah|tercatat))"
                           r"[^.\d%]{0,55}$", re.IGNORECASE)
_PARTICIPANTS = re.compile(r"\s*(?:orang\s+)?(?:peserta|undangan)\b", re.IGNORECASE)
_PARTICIPANTS_BEFORE = re.compile(r"(?:diikuti|dihadiri|menghadirkan|peserta\s+"
                                  r"(?:sebanyak|berjumlah))\s+(?:oleh\s+)?"
                                  r"(?:sekitar\s+|kurang\s+lebih\s+|±\s*)?$", re.IGNORECASE)
_ATTENDEES = re.compile(r"\s*(?:orang\s+)?(?:kader|peserta|anggota|perwakilan|undangan|orang)\b",
                        re.IGNORECASE)
# the bare second value of a trend of counts: 'menjadi 389 pada 2024.' (a period may follow)
_TREND_END = re.compile(r"\s*(?:(?:pada|di|tahun|per)\s+)?(?:(?:19|20)\d\d\b)?\s*"
                        r"(?:[,.;()]|\bdan\b|\bsepanjang\b|\bselama\b|$)", re.IGNORECASE)
# 'jiwa' (persons) counts stunted children as often as 'anak' does ('tercatat 57 jiwa',
# 'Desa Alpha 21 jiwa'); a population in jiwa has no case word or lead and stays out
# (tests/loaders/test_figures_jiwa.py).
_COUNT_NOUN = re.compile(r"\s*(balita|baduta|bayi|anak|kasus|jiwa)\b", re.IGNORECASE)
# ('dua anak mengalami kurang gizi': the status in either word order)
_OTHER = re.compile(r"\s*(?:kasus\s+|orang\s+)?((?:baduta|balita|anak)\s+(?:dengan\s+|yang\s+)?"
                    r"(?:mengalami\s+|kondisi\s+|(?:ber)?status\s+|menderita\s+|tergolong\s+)?"
                    r"(?:gizi\s+(?:kurang|buruk)|kurang\s+gizi)|ibu\s+hamil|bumil|gizi\s+(?:kurang|buruk)|"
                    r"balita\s+gizi\s+(?:kurang|buruk)|wasting|underweight|kurang\s+berat\s+badan|"
                    r"berat\s+badan\s+kurang|ibu\s+hamil\s+KEK|KEK|kelompok\s+rentan|"
                    r"ibu\s+resti|remaja\s+putri\s+anemia)\b", re.IGNORECASE)


def _classify(after: str, before: str, sentence: str, cues: dict[str, re.Pattern[str]]
              ) -> tuple[str | None, str]:
    if _PERCENT.match(after):
        near = before[-45:].lower()
        clause = re.split(r"[,;]", before)[-1][-70:].lower()  # ", sementara input data ..."
        if "family_assistance" in cues and _assisted(before, clause, cues["family_assistance"]):
            return "other", "percent"  # 'cakupan pendampingan keluarga ... 76,4 persen'
        if _other_share().search(clause):
            return None, ""
        rest = after[_PERCENT.match(after).end():]  # type: ignore[union-attr]
        own = _own_noun(rest).lower()  # the value's own noun
        if "share_base" in cues and cues["share_base"].match(after) and \
                _FAMILIES_AT_RISK.search(sentence):
            return "other", "percent of families"  # '34,08 persen dari total 70.161 keluarga'
        if "keluarga" in near or "krs" in near or _other_share().search(near) or \
                _other_share().search(own):
            return None, ""
        if re.match(r"\s+(?:balita|anak|baduta)\b[^.,%\d]{0,40}?\bstunting", rest,
                    re.IGNORECASE):  # "sekitar 30% balita Indonesia mengalami stunting"
            return "stunting_prevalence_pct", "percent"
        if "prevalensi" in near or "angka" in near or _topic().search(sentence):
            return "stunting_prevalence_pct", "percent"
        if "stunting" in sentence and re.search(
                r"prevalensi|angka|persentase|stunting|ssgi|ski\b|ppgbm|sebesar|menjadi|dari|"
                r"turun|naik|berada|tercatat|mencapai|capai|rata-rata|nasional|provinsi", near):
            return "stunting_prevalence_pct", "percent"
        return None, ""
    group = _named_group(before, after, cues)
    if group:
        return "other", group  # '- Ibu hamil KEK: 14 orang', '12 balita tanpa akta kelahiran'
    audited = _audited(before, after, sentence, cues)
    if audited:
        return "other", audited  # 'tim pakar menelaah 6 kasus', '14 kasus stunting diaudit'
    if "status_before" in cues and cues["status_before"].search(before[-40:]):
        unit = _COUNT_NOUN.match(after)  # 'dengan rincian gizi buruk 2, kurang gizi 23'
        return "other", unit[1].lower() if unit else "balita"
    if "at_risk_children_lead" in cues and (cues["at_risk_children_after"].match(after) or cues[
            "at_risk_children_lead"].search(before)) and not re.match(
                r"\s*(?:keluarga|KK)\b", after, re.IGNORECASE):
        unit = cues["at_risk_children_after"].match(after)
        return "other", unit[1].lower() if unit else "anak"  # '230 balita berisiko stunting'
    if re.search(rf"(?:{cues['cases_before'].pattern})[^.\d%]{{0,30}}$", before, re.IGNORECASE):
        return "stunting_cases", "anak"  # "anak yang tergolong pendek atau sangat pendek 719"
    short = cues["cases_after"].match(after) if "cases_after" in cues else None
    if short:
        return "stunting_cases", short[1].lower()  # '945 balita tergolong sangat pendek'
    if _PERSONS_AT_RISK.match(after) and re.search(r"stunting", after[:60], re.IGNORECASE):
        return "other", _PERSONS_AT_RISK.match(after)[1].lower()  # type: ignore[index]
    if "among_after" in cues and cues["among_after"].match(after):
        return "stunting_cases", "anak"  # '288 di antaranya tergolong stunting'
    s = _STUNTING_AFTER.match(after)
    if s:
        return "stunting_cases", (s[1] or "kasus").lower()
    if cues["measured_after"].match(after.lstrip()) or ("measured_verb" in cues and cues[
            "measured_verb"].search(before) and re.match(r"\s*(?:balita|baduta|anak|bayi)\b",
                                                         after, re.IGNORECASE)) or (
            "measured_lead" in cues and cues[
            "measured_lead"].search(_YEARS.sub("", before))) or (
            _measured_before(_YEARS.sub("", before), cues)
            and re.match(r"\s*(?:balita|baduta|anak)\b", after, re.IGNORECASE)):
        return "other", "balita"  # "dari 381 balita yang telah diukur": children measured
    far = cues["stunting_after_far"].match(after) if "stunting_after_far" in cues else None
    if far:  # '312 balita di Klaten masih tercatat stunting'
        return "stunting_cases", far[1].lower()
    if "stunting" in sentence and re.match(r"\s*(balita|anak)\b", after, re.IGNORECASE) and \
            re.search(r"\b(?:angka|jumlah)\s+(?:ini|tersebut|itu)\b", sentence):
        return "stunting_cases", after.split()[0].lower()
    if _AT_RISK_AFTER.match(after) and re.search(r"stunting|KRS", after[:80] + before[-40:],
                                                  re.IGNORECASE):
        return "families_at_risk", "families"
    if _AT_RISK_BEFORE.search(before) and re.match(r"\s*(?:(?:keluarga|KK)\b|[,.;)”\"]|$)",
                                                    after):  # '..., yaitu 5.990,” ujarnya'
        return "families_at_risk", "families"
    if re.match(r"\s*(?:keluarga|KK)\b(?!\s+(?:sasaran|penerima|yang\s+menerima))", after,
                re.IGNORECASE) and _FAMILIES_AT_RISK.search(sentence) and not (
            "family_base" in cues and cues["family_base"].search(before)):
        return "families_at_risk", "families"  # not 'dari total 70.161 keluarga', the base
    if re.search(r"(?:ibu\s+hamil|bumil|baduta|balita|remaja\s+putri|catin)\s*:?\s*$", before,
                 re.IGNORECASE) and re.match(r"\s*orang\b", after, re.IGNORECASE):
        return "other", "orang"  # "Ibu Hamil 17 orang, Baduta 76 orang": the group before
    o = _OTHER.match(after)
    if o:  # "7 anak stunting dan 19 ibu hamil": the second count is no stunting case
        return "other", o[1].lower()
    if _CASES_BEFORE.search(_YEARS.sub("", before)) and not re.match(r"\s*(?:keluarga|KK)\b",
                                                                        after):
        unit = re.match(r"\s*(balita|anak|kasus|warga|jiwa|orang)", after, re.IGNORECASE)
        return "stunting_cases", unit[1].lower() if unit else "kasus"
    if _PARTICIPANTS.match(after) or (_PARTICIPANTS_BEFORE.search(before) and re.match(
            r"\s*(?:orang|peserta)\b", after, re.IGNORECASE)):
        return "participants", "people"
    o = _OTHER.match(after)
    if o:
        return "other", o[1].lower()
    if "stunting" in sentence and re.match(r"\s*kasus\b", after, re.IGNORECASE):
        return "stunting_cases", "kasus"
    return None, ""


def _named_group(before: str, after: str, cues: dict[str, re.Pattern[str]]) -> str | None:
    """The group a count belongs to when a list line names it before a colon ('Ibu hamil
    KEK: 14 orang'; `before` is the line up to the number) or the words after the count
    say what the group lacks ('12 balita tanpa akta kelahiran'). Returns its noun."""
    if "group_line" in cues and cues["group_line"].match(before):
        unit = cues["group_line_unit"].match(after)
        if unit:
            return unit[1].lower()
    attribute = cues["attribute_lead"].search(before) if "attribute_lead" in cues else None
    unit = cues["attribute_group"].match(after) if attribute else None
    if attribute and unit and not re.search(r"stunting|pendek|kerdil", attribute[0],
                                             re.IGNORECASE):
        return unit[1].lower()  # 'yang memiliki jaminan kesehatan ada 12 anak': the insured
    lacking = cues["lacking_group_after"].match(after) if "lacking_group_after" in cues else None
    if lacking is None and "state_group_after" in cues:
        lacking = cues["state_group_after"].match(after)  # '69 balita wasting', '68 balita lulus'
    # (a kind of several rows: the noun is the group its matching row captured)
    return re.sub(r"\s+", " ", next(g for g in lacking.groups() if g).lower()) if lacking else None


def _measured_before(before: str, cues: dict[str, re.Pattern[str]]) -> bool:
    """'hasil penimbangan terhadap 21.430 balita': the children weighed; not when the words
    between name stunting cases ('hasil penimbangan menunjukkan kasus stunting turun dari 80
    anak'), which count the cases."""
    found = cues["measured_before"].search(before)
    return found is not None and "stunting" not in found[0].lower()


def _audited(before: str, after: str, sentence: str, cues: dict[str, re.Pattern[str]]
             ) -> str | None:
    """Cases or children an audit reviewed ('tim pakar menelaah 6 kasus', '14 kasus stunting
    diaudit', in an audit sentence 'membahas 9 kasus terpilih'): a sample, counted as `other`,
    not the region's stunting cases. Returns the counted noun, or None."""
    if "audited_lead" not in cues:
        return None
    if "audit_list" in cues and cues["audit_list"].search(before):
        group = cues["audit_group"].match(after)  # 'sasaran audit: 2 baduta, 4 balita, 1 catin'
        if group:
            return re.sub(r"\s+", " ", group[1].lower())
    noun = re.match(r"\s*(kasus|balita|baduta|anak|bayi)\b", after, re.IGNORECASE)
    if noun is None:
        return None
    if cues["audited_lead"].search(before) or cues["audited_after"].match(after) or (
            cues["audit_topic"].search(sentence) and (cues["audit_count_lead"].search(before)
                                                      or cues["audit_count_after"].match(after))):
        return noun[1].lower()
    return None


def _now(sentence: str, at: int, cues: dict[str, re.Pattern[str]]) -> bool:
    """The value's clause dates it 'saat ini/kini/terbaru': no period from elsewhere."""
    if "period_now" not in cues:
        return False
    clause = re.split(r"[;,]|\b(?:sedangkan|sementara|namun)\b", sentence[:at])[-1]
    return bool(cues["period_now"].search(clause))
