"""Rule-based extraction of a coordination meeting from an Indonesian press release.

Every rule is a pattern from data/ or a few lines in the module of its concern, so a
planner can ask "why is Polsek Genuk an attendee?" and get an answer: the sentence and
the cue that bound it. The steps, each in its own module:

1. places (places.py): every region named, resolved as one consistent set;
2. the meeting (meeting.py): the best-scoring held meeting, its date, times and venue —
   or none, with the reason;
3. institutions (institutions.py) and their roles (roles.py);
4. the holding body's level and region (holding.py), then every institution's scope;
5. programs (programs.py) and figures (figures.py), each with its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.model import NATIONAL_CODE, Region, merge_roles
from loaders.articles.dates import find_dates, zones_in
from loaders.articles.document import Document, Sentence
from loaders.articles.figures import (
    carries_prevalence,
    find_figures,
    opens_case_list,
    opens_family_list,
    opens_list,
    opens_share_list,
    sentence_periods,
    topic_period,
)
from loaders.articles.gazetteer import Gazetteer, gazetteer
from loaders.articles.holding import Holder, find_holder, joint_holders
from loaders.articles.institutions import Mention, find_mentions, headline, scope
from loaders.articles.meeting import (
    Candidate,
    Held,
    candidates,
    discarded,
    held_meetings,
    meeting_date,
    meeting_times,
    meeting_venue,
    pick,
    title_span,
    venues_listed,
)
from loaders.articles.places import Places
from loaders.articles.programs import Program, find_programs
from loaders.articles.roles import assign, headline_roles, took_part
from loaders.articles.series import VillageStop, village_stops
from loaders.articles.vocab import Vocabulary, vocabulary

URL = re.compile(r"https?://[^\s)>\]]+")
# 'survei nasional', 'program nasional' name a national survey or programme, not a national value
_NATIONAL = re.compile(r"(?<!survei\s)(?<!survey\s)(?<!program\s)(?<!strategi\s)"
                       r"\b(?:nasional|secara\s+nasional|Indonesia)\b", re.IGNORECASE)
NATIONAL_NAME = "Indonesia"  # the gold's name of a national value (GOLD.md figures)
_KIND = re.compile(r"\b(Kecamatan|Kabupaten|Kota|Provinsi|Desa|Kelurahan|Nagari|Distrik)\s+$")


@dataclass
class Extraction:
    path: str
    source: dict[str, Any]
    meeting: dict[str, Any] | None
    institutions: list[Mention]  # the bodies that took part
    programs: list[Program]
    figures: list[dict[str, Any]]
    regions: list[Region] = field(default_factory=list)
    skipped: str | None = None  # why no meeting was extracted
    mentioned: list[Mention] = field(default_factory=list)  # named, but did not take part
    warnings: list[str] = field(default_factory=list)
    # every meeting held, `meeting` first; each with its own date, venue, region, sentence
    # and `attendees` (the mentions that took part in it)
    meetings: list[dict[str, Any]] = field(default_factory=list)


_ISO = re.compile(r"(?<![\d-])(20\d{2})-(\d{2})-(\d{2})(?![\d-])")


def _published(doc: Document) -> date | None:
    for span in list(doc.header) + list(doc.bylines):
        line = doc.slice(span)
        found = find_dates(line)
        if found:
            return found[0][2]
        iso = _ISO.search(line)  # a CMS header 'date 2025-08-07', 'Published: 2025-08-07'
        if iso:
            try:
                return date(int(iso[1]), int(iso[2]), int(iso[3]))
            except ValueError:
                pass
    return None


# the date of a page address ('https://site.id/2025/08/01/slug')
_PATH_DAY = re.compile(r"/(20\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


def _posted(url: str | None) -> date | None:
    found = _PATH_DAY.search(url or "")
    if found is None:
        return None
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def _years(doc: Document) -> list[int]:
    years = [int(y) for y in re.findall(r"\b(20[1-3]\d)\b", doc.text)]
    return list(dict.fromkeys(years))


def extract(doc: Document, gaz: Gazetteer | None = None, vocab: Vocabulary | None = None
            ) -> Extraction:
    v = vocab or vocabulary()
    g = gaz or gazetteer()
    url = URL.search(doc.text)
    published = _published(doc)
    source: dict[str, Any] = {"title": doc.title, "file": doc.path.rsplit("/", 1)[-1],
                              "url": url[0] if url else None,
                              "published": published.isoformat() if published else None}
    cands = candidates(doc, v)
    chosen, why = pick(cands)
    if chosen is None:
        return Extraction(doc.path, source, None, [], [], [], skipped=why)
    places = Places(doc, g, v)
    day = meeting_date(doc, chosen, v, published, _years(doc),
                       _posted(url[0] if url else None))
    start, end = meeting_times(doc, chosen, v, day.sentence)
    venue, venue_span = meeting_venue(doc, chosen, v)
    title = title_span(doc, chosen)
    skip = [venue_span] if venue_span else []
    if doc.dateline:
        skip.append(doc.dateline)
    mentions = find_mentions(doc, v, places, skip)
    assign(doc, mentions, v, title)
    top = headline(doc)
    if top is not None:
        # names in the headline count only through its verb (guide §4.9: participant angle)
        named = find_mentions(doc, v, places, skip, [top])
        headline_roles(named, v)
        if chosen.sentence.start == top.start:
            # the meeting is named only in the headline ('Rakor TPPS Semester 1 Kabupaten
            # X'): a body inside its name holds it, as in a body sentence (guide §1.1)
            for body in named:
                if title[0] <= body.start < title[1] and not body.excluded:
                    body.roles = merge_roles(body.roles, ("organiser",))
        mentions += named
    holder = find_holder(doc, chosen, title, mentions, places, g, v, venue_span)
    round_ = village_stops(doc, chosen.sentence, places.main("kecamatan"), g, v, published,
                           _years(doc), discarded)
    if round_ and round_[0].day == day.day:
        # a round of village meetings, each its village's (series.village_stops)
        holder = Holder("desa", round_[0].code, f"the first village of a round of "
                                                f"{len(round_)}")
    else:
        round_ = []
    _inferred_host(holder, mentions, chosen, venue, doc, v)
    scope(mentions, g, v, holder.code, places)
    attended, mentioned = _merge(mentions)
    programs = find_programs(doc, v, mentions, (chosen.start, chosen.end), places)
    figures = _figures(doc, v, places, g, holder.code, day.day)
    region = g.region(holder.code) if holder.code and holder.code in g.by_code else None
    meeting: dict[str, Any] = {
        "title": _title(chosen.family.title, holder.level, region),
        "family": chosen.family.family,
        "date": day.day.isoformat() if day.day else None,
        "date_inferred": day.inferred,
        "start_time": start, "end_time": end, "venue": venue, "level": holder.level,
        "region": _region_json(g, region, holder.level),
        "holder": holder.reason,
        "sentence": chosen.sentence, "date_sentence": day.sentence,
        "series": False, "index": chosen.index,
    }
    others = held_meetings(doc, cands, chosen, day, v, published, _years(doc))
    if any(h.series and h.venue for h in others):  # a listed series: its first venue
        first_venue = _venues_listed_first(doc, chosen, v)
        if first_venue is not None:
            meeting["venue"] = first_venue
    extra = [_other(doc, h, mentions, places, g, v, holder, meeting) for h in others]
    extra += _joint(doc, chosen, places, g, v, meeting, extra)
    extra += _round(g, chosen, meeting, extra, round_)
    meeting["attendees"] = _own_attendees(attended, mentions, extra)
    warnings = [w for w in (day.warning, *_zone_warnings(doc, g, v, [meeting, *extra])) if w]
    codes = {m.region_code for m in attended + mentioned if m.region_code}
    codes |= {f["region_code"] for f in figures if f["region_code"]}
    for m in [meeting, *extra]:
        if m["region"]:
            codes.add(m["region"]["code"])
    regions = {r.code: r for c in codes if c in g.by_code for r in g.lineage(c)}
    source["title"] = source["title"] or meeting["title"]
    held = _first_held_first([meeting, *extra])
    return Extraction(doc.path, source, held[0], attended, programs, figures,
                      sorted(regions.values(), key=lambda r: r.code), None, mentioned, warnings,
                      held)


def _first_held_first(held: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """GOLD.md: the meetings of a release, the first held first; the release's meeting is
    that one (guide §1.4: of a series, the first stop held), though the text may tell it
    after the one it reports ('Sebelumnya, Senin (3/3), rakor serupa digelar ...'). Only
    dated meetings move; the order of the text breaks ties."""
    if len(held) < 2 or any(m["date"] is None for m in held):
        return held
    return sorted(held, key=lambda m: str(m["date"]))


def _venues_listed_first(doc: Document, c: Candidate, v: Vocabulary) -> str | None:
    listed = venues_listed(doc, c.sentence, v)
    return listed[0][0] if listed else None


def _other(doc: Document, h: Held, mentions: list[Mention], places: Places, g: Gazetteer,
           v: Vocabulary, first_holder: Any, first: dict[str, Any]) -> dict[str, Any]:
    """Another meeting held: a series stop keeps the chosen meeting's holder and
    attendees (the same team toured); a meeting told on its own has its own holder
    (found as for the first) and the bodies named in its sentence and the next."""
    c = h.candidate
    window: set[int] = set()
    if h.series:
        holder, attendees = first_holder, None
    else:
        title = title_span(doc, c)
        holder = find_holder(doc, c, title, mentions, places, g, v, h.venue_span)
        window = {id(doc.sentences[i]) for i in (c.index, c.index + 1)
                  if i < len(doc.sentences) and i != first["index"]}
        attendees = _merge([m for m in mentions if id(m.sentence) in window])[0]
    region = g.region(holder.code) if holder.code and holder.code in g.by_code else None
    start, end = meeting_times(doc, c, v) if not h.series else (None, None)
    return {
        "title": _title(c.family.title, holder.level, region), "family": c.family.family,
        "date": h.day.day.isoformat() if h.day.day else None, "date_inferred": False,
        "start_time": start, "end_time": end, "venue": h.venue, "level": holder.level,
        "region": _region_json(g, region, holder.level), "holder": holder.reason,
        "sentence": c.sentence, "date_sentence": h.day.sentence, "series": h.series,
        "attendees": attendees,  # None: the first meeting's (filled by _own_attendees)
        "window": window, "index": c.index,
    }


def _joint(doc: Document, c: Candidate, places: Places, g: Gazetteer, v: Vocabulary,
           first: dict[str, Any], extra: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The meetings of the other regions that held one each on the same occasion
    ('Kabupaten A dan Kabupaten B serentak menggelar ...', holding.joint_holders): the
    first's day, at each region's own level; no venue, time or attendee is written for
    them."""
    regions = [first["region"]["code"]] if first["region"] else []
    regions += [x["region"]["code"] for x in extra if x["region"]]
    out = []
    for p in joint_holders(doc, c, places, g, v):
        if p.code is None or p.code in regions:
            continue
        regions.append(p.code)
        out.append(_held_by(g, c, first, p.code, first["date"], first["date_sentence"],
                            f"one of the regions that each held one ({p.name})"))
    return out


def _round(g: Gazetteer, c: Candidate, first: dict[str, Any], extra: list[dict[str, Any]],
           stops: list[VillageStop]) -> list[dict[str, Any]]:
    """The other villages of a round (series.village_stops), each on its own day; the
    first village's is `first`."""
    taken = {(first["date"], (first["region"] or {}).get("code"))}
    taken |= {(x["date"], (x["region"] or {}).get("code")) for x in extra}
    out = []
    for stop in stops:
        if (stop.day.isoformat(), stop.code) in taken:
            continue
        taken.add((stop.day.isoformat(), stop.code))
        out.append({**_held_by(g, c, first, stop.code, stop.day.isoformat(), stop.sentence,
                               f"a village of a round of {len(stops)}"), "series": True,
                    "sentence": stop.sentence,
                    "attendees": None})
    return out


def _held_by(g: Gazetteer, c: Candidate, first: dict[str, Any], code: str, day: str | None,
             dated: Sentence | None, why: str) -> dict[str, Any]:
    """A meeting like `first`, held by the region `code` on `day`: no venue, time or
    attendee of its own is written."""
    region = g.region(code)
    return {**first, "title": _title(c.family.title, region.level, region), "date": day,
            "start_time": None, "end_time": None, "venue": None, "level": region.level,
            "region": _region_json(g, region, region.level), "holder": why,
            "date_sentence": dated, "series": False, "attendees": [], "window": set(),
            "date_inferred": False}


def _own_attendees(attended: list[Mention], mentions: list[Mention],
                   extra: list[dict[str, Any]]) -> list[Mention]:
    """The first meeting's attendees: every body that took part, but those named only
    in the sentences of another meeting told on its own. Series stops share them."""
    windows: set[int] = set().union(*(x["window"] for x in extra)) if extra else set()
    first = attended
    if windows:
        keys = {m.key for m in _merge([m for m in mentions
                                       if id(m.sentence) not in windows])[0]}
        first = [m for m in attended if m.key in keys]
    for x in extra:
        if x["attendees"] is None:
            x["attendees"] = first
    return first


def _zone_warnings(doc: Document, g: Gazetteer, v: Vocabulary,
                   meetings: list[dict[str, Any]]) -> list[str]:
    """A time zone written in the text that the holding province does not keep
    (guide §2.4): the region, or the zone, is likely misread."""
    # the body's zones only: a byline's '10:41 WIB' says where the outlet sits
    written = zones_in(" ".join(s.text for s in doc.sentences))
    out = []
    for m in meetings:
        if not m["region"] or not written:
            continue
        zone = g.zone(m["region"]["code"], v)
        if zone is not None and zone not in written:
            out.append(f"the text writes {'/'.join(sorted(written))} but "
                       f"{m['region']['name']} keeps {zone}")
    return list(dict.fromkeys(out))


def _inferred_host(holder: Any, mentions: list[Mention], chosen: Any, venue: str | None,
                   doc: Document, v: Vocabulary) -> None:
    """A kecamatan meeting nobody is said to organise: its host is the kecamatan (or, for a
    lokmin in a Puskesmas, the Puskesmas) — guide §4.5."""
    if holder.level != "kecamatan" or any(
            took_part(m) and "organiser" in m.roles and (
                m.type in ("KECAMATAN", "PUSKESMAS")
                or v.usual_levels.get(m.type) == ("kecamatan",))  # a Balai KB's PLKB
            for m in mentions):
        return
    host = "PUSKESMAS" if chosen.family.family == "workshop" and venue and re.search(
        r"Puskesmas", venue) else "KECAMATAN"
    stem = "Puskesmas" if host == "PUSKESMAS" else "Kecamatan"
    for m in mentions:
        if m.type == host and not m.excluded:
            m.roles = merge_roles(m.roles, ("organiser",))
            return
    s: Sentence = chosen.sentence
    mentions.append(Mention(host, stem, chosen.start, chosen.end, s, "kecamatan", "region",
                            None, False, roles=("organiser",)))


def _merge(mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    merged: dict[tuple[str, str | None, str], Mention] = {}
    others: dict[tuple[str, str | None, str], Mention] = {}
    for m in mentions:
        if not took_part(m):
            others.setdefault(m.key, m)
            continue
        if m.key in merged:
            merged[m.key].roles = merge_roles(merged[m.key].roles, m.roles)
        else:
            merged[m.key] = m
    return list(merged.values()), [m for k, m in others.items() if k not in merged]


def _region_json(g: Gazetteer, region: Region | None, level: str | None) -> dict[str, Any] | None:
    if region is None:
        return None
    names: dict[str, str | None] = {"province": None, "kabkota": None, "kecamatan": None,
                                    "desa_kelurahan": None}
    for r in g.lineage(region.code):
        if r.level in ("province", "kabkota", "kecamatan"):
            names[r.level] = r.name
        elif r.level == "desa":
            names["desa_kelurahan"] = r.name
    return {"code": region.code, "name": region.name, "level": region.level, **names}


def _title(name: str, level: str | None, region: Region | None) -> str:
    """A title built from the meeting's family and place, so two releases about the same
    meeting give the same title (and so the same id)."""
    if region is None:
        return name
    where = {"kecamatan": f"Kecamatan {region.name}", "desa": f"Desa {region.name}"}.get(
        region.level, region.name)
    return f"{name} {where}"


def _figures(doc: Document, v: Vocabulary, places: Places, g: Gazetteer, holder: str | None,
             day: date | None) -> list[dict[str, Any]]:
    year = day.year if day else None
    out: list[dict[str, Any]] = []
    previous: list[str] = []
    before, listing = "", False
    context: str | None = None  # the one period the sentence before gave its topic
    bridged: list[str] = []  # the kinds of the last sentence with a value
    counted_last: list[str] = []  # the kinds of the last sentence that gave figures
    since = 0  # sentences read since that one
    levels: tuple[float, ...] = ()  # the prevalences the sentence before gave
    cases = False  # the lines of a list of stunting cases ('... per desa:' then 'X: 9 balita')
    families = False  # the lines of a list of families at risk ('KRS per desa:' then 'X: 86 KK')
    for s in doc.sentences:
        carried = carries_prevalence(before, s.text, listing, previous)
        # a remark with no number ('Ini berarti hampir setengah balita terindikasi stunting.')
        # keeps the share the sentence before it gave: '... terendah X, masih sebesar 23 persen'
        # (a year alone is no number here: '“Target kita 2024 zero stunting.' is a remark)
        carried = carried or (bool(before) and not re.search(r"\d", _YEARS.sub("", before))
                              and "stunting" in before.lower()
                              and "stunting_prevalence_pct" in bridged)
        # a remark with no number on the cases ('Ia merinci tiga kecamatan dengan kasus
        # terbanyak.') keeps the counts of the sentence before it going
        cases_on = "stunting_cases" in previous or (
            bool(before) and not re.search(r"\d", before) and "stunting_cases" in counted_last
            and bool(_CASE_REMARK.search(before)))
        found = find_figures(s.text, year, v, cases_on,
                             "stunting_prevalence_pct" in previous or carried,
                             "families_at_risk" in previous or (families and listing),
                             cases and listing, levels)
        in_list = listing and len(s.text) < 140  # a line of a list: one item's value
        inherit = context if (carried or listing) and not sentence_periods(s.text, year) \
            else None
        prior, previous = previous, [f.what for f in found]
        levels = tuple(f.value for f in found if f.what == "stunting_prevalence_pct")
        bridged = previous if re.search(r"\d", _YEARS.sub("", s.text)) else bridged
        # kept over at most three sentences without figures
        since = 0 if previous else since + 1
        counted_last = previous or (counted_last if since <= 3 else [])
        opened = opens_case_list(s.text, listing, "stunting_cases" in prior)
        counted = opens_family_list(s.text)
        families = counted or (families and listing)
        cases = opened or (cases and listing)
        listing, before = opens_list(before, s.text, listing) or opened or opens_share_list(
            s.text, prior), s.text
        cases = cases and listing
        families = families and listing
        context = inherit if listing and inherit and not opened else topic_period(
            s.text, year, found, opened or counted)
        for f in found:
            # a tier word right before the value ('di atas provinsi yang 15,6 persen') names its
            # region before any place named earlier in the clause
            named = _compared_region(s.text, f.start, g, holder, v) or _figure_region(
                s, f.start, places, g)
            code = named or holder
            period = f.period or (inherit if f.what != "participants" else None)
            if f.what == "participants":
                code, period = holder, period or (day.isoformat() if day else None)
            # the nation may be missing from a test tree: its name still says whose value it is
            name = g.region(code).name if code and code in g.by_code else (
                NATIONAL_NAME if code == NATIONAL_CODE else None)
            code = code if code and code in g.by_code else None
            out.append({"what": f.what, "value": f.value, "unit": f.unit, "period": period,
                        "region_code": code, "region": name,
                        "note": f.note, "approximate": f.approximate, "sentence": s,
                        "named": named is not None and f.what != "participants",
                        "listed": in_list})
    return _drop_restatements(out)


_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")
# a numberless remark that still speaks of the cases counted before it
_CASE_REMARK = re.compile(r"\b(?:kasus|stunting)\b", re.IGNORECASE)


def _figure_region(s: Sentence, at: int, places: Places, g: Gazetteer) -> str | None:
    """The region named in the value's clause: the nearest resolved place before it in the
    sentence, or the nation for 'angka nasional'."""
    clause_start = max(s.text.rfind(";", 0, at), s.text.rfind(" sementara", 0, at),
                       s.text.rfind(" sedangkan", 0, at), 0)
    before = [p for p in places.resolved(strong_only=True)
              if s.start + clause_start <= p.start < s.start + at and p.role != "unit"]
    national = _NATIONAL.search(s.text[clause_start:at])
    if national and (not before or before[-1].start < s.start + clause_start + national.start()):
        return NATIONAL_CODE
    if before:
        return before[-1].code
    for p in places.resolved(strong_only=True):
        if s.start <= p.start < s.start + clause_start and p.role != "unit":
            return None
    return None


# a number that is no year: the end of the value before the one being placed
_VALUE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)*(?:\s*(?:%|persen\w*))?")
_TIER_LEVEL = {"provinsi": "province", "kabupaten": "kabkota", "kota": "kabkota",
               "kecamatan": "kecamatan"}


def _compared_region(text: str, at: int, g: Gazetteer, holder: str | None,
                     v: Vocabulary) -> str | None:
    """A value quoted beside the local one for the region above, named by its tier word
    only ('masih di atas angka provinsi yang berada di 15,6 persen', 'lebih rendah dari
    rata-rata nasional 19,8 persen', at a kecamatan meeting 'angka kabupaten 13,2 persen'):
    that region's code (guide §7.2, region of a figure), the province or kab/kota taken
    from the holder's lineage. Read from the last value before it in its clause."""
    cue = v.figure_cues.get("comparison_tier")
    if cue is None:
        return None
    start = max(text.rfind(";", 0, at), 0)
    ends = [m.end() for m in _VALUE.finditer(text, start, at)]
    found = cue.search(text[ends[-1] if ends else start:at])
    if found is None:
        return None
    tier = found[1].lower()
    if tier == "nasional":
        return NATIONAL_CODE
    if holder is None or holder not in g.by_code:
        return None
    region = g.at_level(holder, _TIER_LEVEL[tier])
    # the holder's own tier names itself ('angka kabupaten' at a kabupaten's rakor): no other region
    return region.code if region is not None and region.code != holder else None


def _drop_restatements(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A value quoted twice (or restated as 'lebih dari 30 ribu') is one figure, but for
    two regions listed in one sentence, or in two sentences that each list regions."""
    kept: list[dict[str, Any]] = []
    regions: dict[tuple[int, str], set[str | None]] = {}  # the regions each sentence lists
    for f in figures:
        if f["named"]:
            regions.setdefault((id(f["sentence"]), f["what"]), set()).add(f["region_code"])

    def listing(f: dict[str, Any]) -> bool:
        return f["named"] and len(regions.get((id(f["sentence"]), f["what"]), ())) >= 2

    for f in figures:
        twin = [k for k in kept if k["what"] == f["what"]
                # two 'other' counts of different groups (wasting, underweight) are two
                and (f["what"] != "other" or k.get("unit") == f.get("unit"))
                and abs(k["value"] - f["value"]) <= 0.1 * max(abs(k["value"]), 1)
                # 'Kota A 18,2 persen dan Kota B juga 18,2 persen': a list naming two regions
                # in one sentence gives two figures; the same value told again in another
                # sentence is a restatement, whatever region that one names
                # (so does a value quoted beside the local one for the province or nation:
                # 'sama dengan angka provinsi yang juga 21,5 persen')
                and not (k["sentence"] is f["sentence"] and (k["named"] or f["named"])
                         and (k["region_code"], k["region"]) != (f["region_code"], f["region"]))
                and (k["period"] == f["period"] or None in (k["period"], f["period"]))
                # two lines of one list ('- Dusun A: 5 balita', '- Dusun B: 5 balita') are
                # two items, whatever region resolved
                and not (k["listed"] and f["listed"] and k["sentence"] is not f["sentence"])
                # a list of regions' values run over two sentences ('Desa A 30 jiwa, Desa B
                # 13 jiwa.' then 'Sementara itu, Desa C 13 jiwa, Desa D 30 jiwa.'): each
                # region its own value
                and not (listing(k) and listing(f) and k["region_code"] != f["region_code"])]
        if any(k["value"] == f["value"] for k in twin) or (twin and f["approximate"]):
            continue
        # a share told again rounded in another sentence ('18,98%' then, in a quote, '18
        # persen'): the precise value stands, once
        rounded = [k for k in twin if k["what"] == "stunting_prevalence_pct"
                   and k["sentence"] is not f["sentence"]
                   and (_rounded(k["value"], f["value"]) or _rounded(f["value"], k["value"]))]
        if rounded:
            if _rounded(f["value"], rounded[0]["value"]):
                kept[kept.index(rounded[0])] = f
            continue
        kept.append(f)
    return kept


def _rounded(precise: float, rough: float) -> bool:
    """`rough` is `precise` written as a whole number, cut or rounded (18,98 as 18 or 19)."""
    return rough == int(rough) and precise != rough and rough in (
        float(int(precise)), float(round(precise)))
