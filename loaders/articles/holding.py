"""The level and region of the body that held the meeting (guide §3.3-§3.5).

In order of strength: the organiser (subject of menggelar, or 'diselenggarakan oleh'),
the meeting's own qualifier (Rakor TPPS Kabupaten X, Rembuk Stunting Desa Y, se-Provinsi
Z), the rank of whoever opened or chaired it, the family's usual host (a lokmin at the
Puskesmas), and last the region the article names most. Never the venue's, the
dateline's or the publisher's region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.articles.document import Document
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.institutions import Mention
from loaders.articles.meeting import Candidate
from loaders.articles.places import WEAK as WEAK_ROLES
from loaders.articles.places import Place, Places
from loaders.articles.vocab import Vocabulary

_KIND_LEVEL = {"province": "province", "kabupaten": "kabkota", "kota": "kabkota",
               "kecamatan": "kecamatan", "desa": "desa", "kelurahan": "desa"}
# Types whose presence as organiser fixes the level even without a place
_TYPE_LEVEL = {"KECAMATAN": "kecamatan", "DESA": "desa", "KELURAHAN": "desa",
               "PUSKESMAS": "kecamatan", "POLRES": "kabkota", "POLSEK": "kecamatan"}


@dataclass
class Holder:
    level: str | None
    code: str | None
    reason: str


def _level_of(m: Mention, gaz: Gazetteer) -> str | None:
    if m.type in _TYPE_LEVEL:
        return _TYPE_LEVEL[m.type]
    if m.place is not None and m.place.code and m.place.role != "unit":
        return gaz.region(m.place.code).level
    if m.implies:
        return _KIND_LEVEL.get(m.implies)
    return None


def _code_at(gaz: Gazetteer, code: str | None, level: str | None) -> str | None:
    if code is None or level is None:
        return code
    r = gaz.at_level(code, level)
    return r.code if r else None


_FINER = {"province": 0, "kabkota": 1, "kecamatan": 2, "desa": 3}
_COARSER = {"desa": "kecamatan", "kecamatan": "kabkota", "kabkota": "province"}
# "Gampong X, Kemukiman Y, Kecamatan Z, Kabupaten W menggelar ...": the chain's links
# (a link may carry a bracketed gloss of its tier or name: 'Gampong X (desa), Kecamatan Y')
_LINK = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?,\s*"
                   r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*,\s*)?$")


def find_holder(doc: Document, c: Candidate, title: tuple[int, int], mentions: list[Mention],
                places: Places, gaz: Gazetteer, v: Vocabulary, venue: tuple[int, int] | None,
                ) -> Holder:
    """The holder, settled so that a level always comes with a region: a holder named at
    a level the gazetteer cannot resolve falls back to the coarser level that is certain
    (guide §3.7.4)."""
    skip = _venue_places(doc, places, venue, v)
    h = _find_holder(doc, c, title, mentions, places, gaz, v, venue, skip)
    level = h.level
    while level is not None and h.code is None:
        code = _guess(places, level, gaz, skip) if level != h.level else None
        if code is not None:
            return Holder(level, _code_at(gaz, code, level),
                          f"{h.reason}; its {h.level} is not in the gazetteer")
        level = _COARSER.get(level)
    return h if h.code is not None else Holder(None, None, f"{h.reason}; no region resolved")


# the subject's own name may follow its mention ('Pemerintah Desa Munduktemu bersama')
_WITH = re.compile(r"(?:\s+[A-Z0-9][\w'’.-]*){0,4}\s*(?:\([^)]{1,40}\)\s*)?,?\s*"
                   r"(?i:bersama(?:\s+dengan)?|beserta)\s+$")


def _subject(doc: Document, m: Mention, in_meeting: list[Mention]) -> Mention:
    """The mention 'X bersama' joins to the organiser `m` ('Pemerintah Desa X bersama
    Puskesmas Y menyelenggarakan'): X leads, so X holds."""
    for x in in_meeting:
        if x is not m and x.sentence is m.sentence and x.end <= m.start and \
                _WITH.fullmatch(doc.text[x.end:m.start]):
            return x
    return m


def _village_government(m: Mention, places: Places, gaz: Gazetteer) -> Place | None:
    s = m.sentence
    return next((g for g in places.places if s.start <= g.start < s.end and g.code
                 and g.role == "government" and gaz.region(g.code).level == "desa"), None)


def _chain_head(places: Places, start: int, text: str) -> Place | None:
    """The first link of an address chain that ends where a mention starts."""
    head = None
    at = start
    while True:
        before = [p for p in places.places if p.end <= at and p.role not in WEAK_ROLES
                  and _LINK.fullmatch(text[p.end:at])]
        if not before:
            return head
        head = max(before, key=lambda p: p.end)
        at = head.start


def _organiser_window(doc: Document, c: Candidate, v: Vocabulary) -> set[int]:
    """The meeting sentence, the next one, and later sentences of the story that name who
    held it ('Kegiatan dilaksanakan oleh TPPS Provinsi ...')."""
    window = {c.index, c.index + 1}
    by = v.meeting_cues.get("organiser_by")
    if by is not None:
        for i in range(c.index + 2, min(c.index + 4, len(doc.sentences))):
            if by[1].search(doc.sentences[i].text):
                window.add(i)
    return window


def _find_holder(doc: Document, c: Candidate, title: tuple[int, int], mentions: list[Mention],
                 places: Places, gaz: Gazetteer, v: Vocabulary, venue: tuple[int, int] | None,
                 skip: frozenset[int] = frozenset()) -> Holder:
    window = _organiser_window(doc, c, v)
    in_meeting = [m for m in mentions if not m.excluded and not m.absent and any(
        m.sentence is doc.sentences[i] for i in window if i < len(doc.sentences))]
    text = doc.text[title[0]:title[1]]

    # 1. the organiser (the head of an address chain it ends: Gampong X, Kecamatan Y);
    # of 'X bersama Y menggelar', the subject X
    for m in in_meeting:
        if "organiser" in m.roles and not (title[0] <= m.start < title[1]):
            m = _subject(doc, m, in_meeting)
            # a rembuk is a village's or a kab/kota's forum, never a Puskesmas's: one
            # organised by a Puskesmas 'bekerjasama dengan Pemerintah Desa X' is X's
            village = _village_government(m, places, gaz) \
                if c.family.family == "rembuk" and m.type == "PUSKESMAS" else None
            if village is not None:
                return Holder("desa", village.code, f"village government {village.name} "
                                                     f"with the {m.stem}")
            level = _level_of(m, gaz)
            if level is None and m.place is None and \
                    v.usual_levels.get(m.type, ())[:1] == ("kabkota",) and \
                    places.main("kabkota") and not any(
                        p.code and gaz.region(p.code).level == "province"
                        and p.role not in ("dateline", "publisher")
                        for p in places.resolved()):
                # 'digelar oleh Dinas P2KB' with no region written, no province named:
                # a kab/kota office (its usual level first) of the release's kab/kota (guide
                # §3.3.1: 'Pemkab X melalui Dinas Y menggelar' gives kab/kota); a province
                # only in the dateline ('Kota, Jatim –') is where the reporter files (§3.4)
                level = "kabkota"
            code = m.place.code if m.place and m.place.role != "unit" else None
            if m.place is not None and m.place.role == "unit" and level == "kecamatan":
                code = m.place.code
            head = _chain_head(places, m.start, doc.text)
            if head is not None and head.code and level and code and gaz.within(head.code, code):
                head_level = gaz.region(head.code).level
                if _FINER.get(head_level, 0) > _FINER.get(level, 0):
                    return Holder(head_level, head.code, f"organiser {head.name} ({m.stem})")
            if level:
                code = code or _guess(places, level, gaz, skip)
                return Holder(level, _code_at(gaz, code, level), f"organiser {m.stem}")

    # 1a. regions of one level that each held their own ('Kabupaten A dan Kabupaten B
    # serentak menggelar ...'): the first written holds the meeting the release follows
    joint = joint_holders(doc, c, places, gaz, v)
    if joint:
        return Holder(gaz.region(joint[0].code or "").level, joint[0].code,
                      f"the first of {len(joint)} regions that each held one ({joint[0].name})")

    # 1b. a region written as the subject of the organiser's verb, no body named: 'Desa X,
    # Kecamatan Y, Kabupaten Z menggelar ...' is X's meeting (the finest link of the chain)
    subject = _region_subject(doc, c, window, places, gaz, v)
    if subject is not None:
        level = gaz.region(subject.code or "").level
        return Holder(level, subject.code, f"region subject {subject.name}")

    # 1c. a body with no code as the organiser ('Forum Kecamatan Sehat X menggelar ...',
    # 'Rakor digelar Tim Konvergensi Kecamatan X'): the region its name carries holds the
    # meeting, not the village whose hall is the venue (guide §3.5, §4)
    body = _codeless_body(doc, window, places, gaz, v, venue)
    if body is not None:
        return body

    # 2. the meeting's own qualifier ('Rakornas ...': a national meeting, no region's)
    national = v.meeting_cues.get("national")
    if national is not None and national[1].search(text):
        return Holder(None, None, "a national meeting")
    if re.search(r"se-?\s*Provinsi|tingkat\s+provinsi", text, re.IGNORECASE):
        return Holder("province", places.main("province") or _province_in(places, title),
                      "qualifier se-Provinsi / tingkat provinsi")
    # 'Kabupaten/Kota se-NTB', 'se-Jawa Timur': the province gathers its kab/kota (§3.3.2)
    for se in re.finditer(r"\bse-?\s*(?=[A-Z])", text):
        codes, n = places.lookup("province", None, places.words(text[se.end():]))
        if len(codes) == 1:
            return Holder("province", codes[0], f"qualifier se-{gaz.region(codes[0]).name}")
    inside = [p for p in places.places if title[0] <= p.start < title[1] and p.role != "unit"
              and (p.code or not p.codes and p.level in ("province", "kabkota"))]
    if inside:
        first = inside[0]
        level = first.level or (gaz.region(first.code).level if first.code else None)
        twin = _twin(first, in_meeting, gaz)
        if twin is not None:
            return twin
        if level:
            return Holder(level, _code_at(gaz, first.code, level), f"qualifier {first.name}")
    # 2a. 'Rapat konvergensi ... tingkat Kecamatan X': an explicit tier after the name
    tier = _tingkat(doc, c, places, gaz, v)
    if tier is not None and not isinstance(tier, str):
        return tier
    # a bare tier word in the name, or after it with 'tingkat' ('Rembuk Stunting Desa',
    # 'Musyawarah Pekon', '... tingkat lembang'): every plain word of tiers.csv counts
    tiers = _tier_words(v, ("kecamatan", "desa"))
    # ('tingkat kecamatan se-Kabupaten X' gathers the kecamatan of X: not their level)
    found = re.search(rf"\b(?:tingkat\s+)?({'|'.join(tiers)})\b(?!{_GATHERS})", text,
                      re.IGNORECASE)
    low = found[1] if found else tier
    # the level of a village's own deliberation (a musdes: data/meeting_levels.csv), which
    # an official of a coarser level opening it does not lift (guide §3.3.3)
    usual = next((lv for pattern, lv in v.meeting_levels
                  if pattern.search(doc.text[c.start:title[1]])), None)
    low_level = tiers.get(low.lower(), "desa") if low else "desa" if usual == "desa" else None
    # 2b. the headline: 'Pemdes X Gelar Musdes Rembuk Stunting', 'Rembug Stunting Desa X'
    headline = _headline_holder(doc, places, gaz, v)
    # 3. the rank of the opener or chair
    for m in in_meeting:
        if {"opened", "chair"} & set(m.roles):
            level = _level_of(m, gaz)
            if level:
                code = m.place.code if m.place and m.place.role != "unit" else None
                if low_level and _FINER[low_level] > _FINER[level]:
                    # the Camat opening a village rembuk, the Bupati a 'rembuk tingkat
                    # distrik': the tier the meeting's name gives is who holds it, a unit
                    # of the opener's region
                    level = low_level
                    unit = _guess(places, level, gaz, skip)
                    code = unit if unit and (code is None or gaz.within(unit, code)) else code
                if headline is not None and _FINER[headline.level or "province"] > \
                        _FINER[level] and level != "province":
                    return headline  # the Camat opening the village's own rembuk
                if level == "kabkota":
                    own = _kecamatan_own(doc, c, title, mentions, places, gaz, v, venue,
                                         usual)
                    if own is not None:
                        return own  # a Kadis of the kabupaten opening a kecamatan's rembuk
                return Holder(level, _code_at(gaz, code or _guess(places, level, gaz, skip), level),
                              f"opened/chaired by {m.stem}")
    if headline is not None:
        return headline
    if low:
        level = tiers.get(low.lower(), "desa")
        return Holder(level, _code_at(gaz, _guess(places, level, gaz, skip), level),
                      f"qualifier {low}")
    # 3b. a village government named in the meeting's sentences ('bekerja sama dengan
    # Pemerintah Desa X'), or a village rembuk placed in a village ('digelar di Desa X')
    sentences = [doc.sentences[i] for i in sorted(window) if i < len(doc.sentences)]
    for s in sentences:
        for g in places.places:
            if s.start <= g.start < s.end and g.code and g.role == "government" and \
                    gaz.region(g.code).level == "desa":
                return Holder("desa", g.code, f"village government {g.name}")
    if c.family.family == "rembuk":
        located = _located_desa(doc, c, places, gaz, venue)
        camat = next((m for m in in_meeting if m.type == "KECAMATAN"), None)
        if located is not None and camat is not None and venue is not None and \
                venue[0] <= located.start < venue[1]:
            # a kecamatan's forum in a village hall (guide §3.5): the hall's village is
            # the venue; the Camat/Forkopimcam taking part and no village organising
            # make it the kecamatan's
            code = _code_at(gaz, located.code, "kecamatan")
            return Holder("kecamatan", code, f"kecamatan forum ({camat.stem}) in the hall "
                                             f"of {located.name}")
        if located is not None:
            return Holder("desa", located.code, f"village rembuk held in {located.name}")
        own_hall = _head_in_own_hall(doc, c, in_meeting, gaz, venue)
        if own_hall is not None:
            return own_hall
    # 4. the level the meeting's name usually has (a lokmin is the kecamatan's, a musdes
    # the village's: data/meeting_levels.csv), at the region of that level named nearest
    if usual is not None:
        # (none named at that level: the coarser level that is certain, find_holder's rule)
        region = _usual_region(doc, usual, window, places, gaz, venue, in_meeting, v, skip)
        return Holder(usual, region[0] if region else None,
                      f"usual level of the meeting ({usual}): "
                      f"{region[1] if region else 'none named'}")
    # 4a. the team the meeting is named after, named with its region in the meeting's
    # sentences ('Pertemuan TPPS 2025' told by the 'Sekretaris TPPS Provinsi X'): that team
    # holds it, not the kab/kota the story names most (a capital's dateline)
    team = _named_team(doc, c, title, in_meeting, gaz)
    if team is not None:
        return team
    # 4b. a province written as the meeting's scope ('Rakor Evaluasi ... di Provinsi
    # Sumatera Utara', 'rapat evaluasi ... di Papua Barat'): a province is no venue
    scope = _province_after(doc, title, places) or _province_in_name(doc, c, title, places)
    if scope is not None:
        return Holder("province", scope, "the province the meeting is held for")
    # 4c. the kab/kota of a province gathered (guide §3.3.2): 'para wakil bupati dari 33
    # kabupaten/kota', 'OPD KB Kab/Kota' in the meeting's story, with one province named
    prov = places.main("province")
    story = " ".join(x.text for x in doc.sentences[c.index:c.index + 6])
    if prov and _gathered(story, gaz):
        return Holder("province", prov, "the kab/kota of the province gathered")
    # 4d. a performance assessment at which a unit presents its own performance: the
    # region one tier up scores it and holds the meeting (guide §1.2 Evaluation)
    assessor = _assessor(doc, c, in_meeting, gaz, v)
    if assessor is not None:
        return assessor
    # 5a. the kecamatan's own office as the venue, with its Camat taking part, and nothing
    # stronger: the tie-breaker of the venue type (guide §3.3.4) makes it the kecamatan's
    office = _kecamatan_office(doc, c, mentions, places, gaz, v, venue)
    if office is not None:
        return office
    # 5. the region the article names most (not counting the venue's: guide §3.5)
    kab = _guess(places, "kabkota", gaz, skip)
    if kab:
        voice = _provincial_voice(in_meeting, places, gaz, kab, venue)
        if voice is not None:
            return voice
        province = _province_over_dateline(places, gaz, kab)
        if province is not None:
            return Holder("province", province, "the province the article names; its "
                                                "kab/kota only in the dateline")
        return Holder("kabkota", kab, "the kab/kota the article names most")
    prov = places.main("province")
    if prov:
        return Holder("province", prov, "the province the article names")
    return Holder(None, None, "no region named")


def _assessor(doc: Document, c: Candidate, in_meeting: list[Mention], gaz: Gazetteer,
              v: Vocabulary) -> Holder | None:
    """'Wabup X memaparkan capaian Pemkab X dalam penilaian aksi konvergensi ...': the
    meeting is an assessment (data: meeting_cues assessed) and the only body presenting in
    its sentence is a kab/kota's (or a finer unit's): the assessed, so the region one tier
    up, which holds the scoring, holds the meeting."""
    assessed = v.meeting_cues.get("assessed")
    if assessed is None or not assessed[1].search(doc.text[c.start:c.sentence.end]):
        return None
    levels = set()
    code = None
    for m in in_meeting:
        if m.sentence is not c.sentence or "presenter" not in m.roles:
            continue
        level = _level_of(m, gaz)
        if level is None or level == "province" or m.place is None or not m.place.code \
                or m.place.role == "unit":
            return None
        levels.add(level)
        code = _code_at(gaz, m.place.code, level)
    if len(levels) != 1 or code is None:
        return None
    up = _COARSER[levels.pop()]
    region = _code_at(gaz, code, up)
    return Holder(up, region, f"an assessment at which a unit below the {up} presents") \
        if region else None


def _kecamatan_office(doc: Document, c: Candidate, mentions: list[Mention], places: Places,
                      gaz: Gazetteer, v: Vocabulary, venue: tuple[int, int] | None,
                      ) -> Holder | None:
    """'Rapat stunting di Aula Kantor Camat X', the Camat of X taking part in it: a meeting
    nothing else places at a level, sat in a kecamatan's own office (data: meeting_cues
    kecamatan_office) with that kecamatan's head or staff taking part in the meeting's
    story, is the kecamatan's. The office alone is not enough, nor is it one stop of a
    coarser body's tour (data: meeting_cues touring)."""
    office = v.meeting_cues.get("kecamatan_office")
    if venue is None or office is None or not office[1].search(doc.text[venue[0]:venue[1]]):
        return None
    named = [p for p in places.places if venue[0] <= p.start < venue[1] + 2 and p.code
             and gaz.region(p.code).level == "kecamatan"]
    if not named:
        return None
    code = named[0].code
    story = doc.sentences[c.index:c.index + 6]
    touring = v.meeting_cues.get("touring")
    told = " ".join([doc.title or ""] + [s.text for s in story])
    if touring is not None and touring[1].search(told):
        return None
    for m in mentions:
        if m.type == "KECAMATAN" and m.roles and not (m.excluded or m.absent) and \
                any(m.sentence is s for s in story) and m.place is not None and \
                m.place.code == code:
            return Holder("kecamatan", code, f"the venue is the office of {named[0].name}, "
                                             f"its {m.stem} taking part")
    return None


# 'rembuk stunting (tahun 2025) di Kecamatan X': the region right after the meeting's name
# (a few more words of its name between, no clause break and no verb)
_AT_REGION = re.compile(r"(?:\s+(?!di\b|(?:di|me[mnr]?|ber)[a-z]{3,}\b)[\w/&-]+){0,4}\s*"
                        r"(?:\(\w+\)\s*)?\s(?:di|se-?)\s*(?:wilayah\s+)?$", re.IGNORECASE)


def _kecamatan_own(doc: Document, c: Candidate, title: tuple[int, int], mentions: list[Mention],
                   places: Places, gaz: Gazetteer, v: Vocabulary, venue: tuple[int, int] | None,
                   usual: str | None) -> Holder | None:
    """A kecamatan's own meeting that an official of its kab/kota opens: sat in the
    kecamatan's office with its Camat taking part (_kecamatan_office), or placed in the
    kecamatan right after its name ('membuka rembuk stunting di Kecamatan X') with its
    Camat or its villages ('kepala desa se-Kecamatan X') taking part, or being a meeting
    the kecamatan usually holds ('membuka lokmin di Kecamatan X': data/meeting_levels.csv;
    in a Puskesmas hall alone the opener's rank still holds it). The opener's rank
    does not lift it to the kab/kota, unless the story gathers the kab/kota's kecamatan
    (data: meeting_cues kecamatan_gathered: 'seluruh camat', 'camat se-Kabupaten Y'),
    the mark of a kab/kota's meeting that merely takes place in a kecamatan."""
    story = doc.sentences[c.index:c.index + 6]
    gathered = v.meeting_cues.get("kecamatan_gathered")
    told = " ".join([doc.title or ""] + [s.text for s in story])
    if gathered is not None and gathered[1].search(told):
        return None
    office = _kecamatan_office(doc, c, mentions, places, gaz, v, venue)
    if office is not None:
        return office
    after = [p for p in places.places if title[1] <= p.start < c.sentence.end and p.code
             and p.role not in WEAK_ROLES and gaz.region(p.code).level == "kecamatan"
             and _AT_REGION.fullmatch(doc.text[title[1]:p.start])
             and not (venue is not None and venue[0] <= p.start < venue[1])]
    if not after:
        return None
    code = after[0].code
    assert code is not None
    if usual == "kecamatan":
        return Holder("kecamatan", code, f"a meeting the kecamatan usually holds, placed in "
                                         f"{after[0].name}")
    written = doc.text[after[0].start:after[0].end]
    if re.search(rf"\bse-?\s*{re.escape(written)}\b", told):
        # 'kepala desa se-Kecamatan X': the kecamatan's villages gathered
        return Holder("kecamatan", code, f"placed in {after[0].name}, its villages taking part")
    for m in mentions:
        if m.excluded or m.absent or not m.roles or not any(m.sentence is s for s in story):
            continue
        if m.place is not None and m.place.code == code and m.type in ("KECAMATAN", "DESA"):
            return Holder("kecamatan", code, f"placed in {after[0].name}, its "
                                             f"{m.stem} taking part")
    return None


def _usual_region(doc: Document, level: str, window: set[int], places: Places, gaz: Gazetteer,
                  venue: tuple[int, int] | None, in_meeting: list[Mention], v: Vocabulary,
                  skip: frozenset[int] = frozenset()) -> tuple[str, str] | None:
    """(code, why) of the region at `level` for a meeting held at its usual level: the one
    the venue names (Aula Puskesmas X: X's kecamatan), else one the meeting's sentences
    name, else the place of a body of that level taking part, else the one the article
    names most. None when no region of that level is named."""
    def at(p: Place) -> str | None:
        if p.code is None or p.role in ("dateline", "publisher"):
            return None
        if _FINER[gaz.region(p.code).level] < _FINER[level]:
            return None  # a coarser region (the venue's kab/kota) names no unit of `level`
        return _code_at(gaz, p.code, level)

    def finest(found: list[Place]) -> Place | None:
        coded = [p for p in found if at(p)]
        return max(coded, key=lambda p: (_FINER[gaz.region(p.code or "").level], -p.start),
                   default=None)

    if venue is not None:
        p = finest([q for q in places.places if venue[0] <= q.start < venue[1] + 2])
        if p is not None:
            return at(p) or "", f"the venue's {p.name}"
    for i in sorted(window):
        if i < len(doc.sentences):
            s = doc.sentences[i]
            p = finest([q for q in places.places if s.start <= q.start < s.end])
            if p is not None:
                return at(p) or "", f"{p.name} named with it"
    for m in in_meeting:
        if level in v.usual_levels.get(m.type, ()) and m.place is not None and at(m.place):
            return at(m.place) or "", f"{m.stem} taking part"
    code = _guess(places, level, gaz, skip)
    return (code, "the one the article names most") if code else None


def _twin(first: Place, in_meeting: list[Mention], gaz: Gazetteer) -> Holder | None:
    """'Rembuk stunting Gorontalo' opened by the Bupati of Gorontalo: a bare name that is a
    province's and also one of its kab/kota's (Bengkulu, Jambi, Gorontalo; guide §3.6)
    does not decide the tier. The rank of the opener or chair does (§3.3.3): a Bupati or
    Wali Kota of that same-named kab/kota makes it theirs; otherwise the province stays."""
    if first.role != "bare" or first.code is None or \
            gaz.region(first.code).level != "province":
        return None
    twins = [c for c in gaz.find_kabkota(first.name) if gaz.within(c, first.code)]
    if not twins:
        return None
    for m in in_meeting:
        if not {"opened", "chair"} & set(m.roles) or _level_of(m, gaz) != "kabkota":
            continue
        code = _code_at(gaz, m.place.code, "kabkota") \
            if m.place is not None and m.place.code and m.place.role != "unit" else None
        if code is None and m.implies:
            # a bare 'Bupati' / 'Wali Kota': the twin of the kind the title heads
            kinds = [c for c in gaz.find_kabkota(first.name, m.implies) if c in twins]
            code = kinds[0] if len(kinds) == 1 else None
        if code in twins:
            return Holder("kabkota", code, f"qualifier {first.name} (a province's name and "
                                           f"a kab/kota's), opened/chaired by {m.stem}")
    return None


_PASSIVE_BY = re.compile(r"\b(?:di\s?gelar|di\s?selenggarakan|di\s?adakan|di\s?laksanakan|"
                         r"di\s?inisiasi|di\s?fasilitasi|di\s?prakarsai)\s+(?:oleh\s+)?$",
                         re.IGNORECASE)
_NAME_RUN = re.compile(r"(?:\s+(?:(?-i:[A-Z])[\w'’-]*|se-?\s*(?-i:[A-Z])[\w-]*))+")


def _codeless_body(doc: Document, window: set[int], places: Places, gaz: Gazetteer,
                   v: Vocabulary, venue: tuple[int, int] | None) -> Holder | None:
    """The region named inside a codeless body's name (data: meeting_cues codeless_body)
    that is the subject of an organiser verb, or follows a passive one."""
    heads = v.meeting_cues.get("codeless_body")
    if heads is None:
        return None
    verbs = [cue.pattern for cue in v.roles if cue.role == "organiser" and cue.binds == "before"]
    kab = places.main("kabkota")
    for i in sorted(window):
        if i >= len(doc.sentences):
            continue
        s = doc.sentences[i]
        for h in heads[1].finditer(s.text):
            run = _NAME_RUN.match(s.text, h.end())
            if run is None:
                continue
            a, b = s.start + h.start(), s.start + run.end()
            if venue is not None and venue[0] <= a < venue[1]:
                continue
            after = doc.text[b:s.end]
            gap = _TO_VERB.match(after)
            rest = after[gap.end() if gap else 0:]
            rest = re.sub(r"^(?:hari\s+ini|kemarin|pada\s+hari\s+ini)\s+", "", rest,
                          flags=re.IGNORECASE)
            active = any(verb.match(rest) for verb in verbs)
            passive = bool(_PASSIVE_BY.search(doc.text[s.start:a]))
            if not (active or passive):
                continue
            inside = [p for p in places.places if a <= p.start < b and p.code and
                      p.role not in WEAK_ROLES]
            if inside:
                best = max(inside, key=lambda p: _FINER[gaz.region(p.code or "").level])
                level = gaz.region(best.code or "").level
                return Holder(level, best.code, f"organiser {doc.text[a:b].strip()} "
                                               f"(no code): its {level}")
            # a name the resolver left whole ('Forum Kecamatan Sehat Ceper'): a unique
            # kecamatan of the article's kab/kota among its words
            words = places.words(doc.text[a:b])
            for j in range(len(words)):
                codes, _ = places.lookup("kecamatan", None, words[j:])
                codes = [x for x in codes if kab is None or gaz.within(x, kab)]
                if len(codes) == 1:
                    return Holder("kecamatan", codes[0], f"organiser {doc.text[a:b].strip()} "
                                                         f"(no code): its kecamatan")
    return None


def _tier_words(v: Vocabulary, levels: tuple[str, ...]) -> dict[str, str]:
    """The plain kind words of tiers.csv at `levels` (Kecamatan, Distrik, Kapanewon; Desa,
    Nagari, Pekon, Lembang ...), lower-cased, with their level."""
    return {t.form.lower(): t.level for t in v.tiers if t.level in levels and t.role == "word"
            and re.fullmatch(r"[A-Za-z]+", t.form)} or {"kecamatan": "kecamatan"}


_TINGKAT = re.compile(r"\btingkat\s+([A-Za-z]+\.?)", re.IGNORECASE)
# after a bare tier word: the region whose units of that tier are gathered ('se-Kabupaten X')
_GATHERS = r"\s*(?:/\s*\w+\s*)?se-?\s*(?-i:[A-Z])"
# what may stand between a meeting's cue and its 'tingkat' phrase: the words of its name,
# no clause break (a comma, a bracket) and no verb ('digelar', 'menggelar')
_TO_TINGKAT = re.compile(r"(?:\s+(?!di\b|(?:di|me[mnr]?|ber)[a-z]{3,}\b)[\w/&-]+)*\s+",
                         re.IGNORECASE)


def _tingkat(doc: Document, c: Candidate, places: Places, gaz: Gazetteer, v: Vocabulary,
             ) -> Holder | str | None:
    """The tier of a 'tingkat <tier> X' phrase within the meeting's name ('Rapat konvergensi
    percepatan penurunan stunting tingkat Kecamatan X'): the holder at that level when X is
    named, the bare tier word (for the rules on bare qualifiers) when it is not."""
    rest = doc.text[c.end:c.sentence.end]
    m = _TINGKAT.search(rest, 0, 160)
    if m is None or not _TO_TINGKAT.fullmatch(rest[:m.start()] + " "):
        return None
    word = m[1]
    level = next((t.level for t in v.tiers if t.role == "word"
                  and re.fullmatch(t.form, word, re.IGNORECASE)), None)
    if level is None:
        return None
    at = c.end + m.start(1)
    named = [p for p in places.places if p.start == at and p.role not in WEAK_ROLES]
    if not named:
        gathered = re.match(_GATHERS, rest[m.end():])
        return word if level in ("kecamatan", "desa") and not gathered else None
    p = named[0]
    code = _code_at(gaz, p.code, level) if p.code else None
    return Holder(level, code, f"qualifier tingkat {doc.text[p.start:p.end]}")


def _provincial_voice(in_meeting: list[Mention], places: Places, gaz: Gazetteer, kab: str,
                      venue: tuple[int, int] | None) -> Holder | None:
    """'Penilaian kinerja ... di Hotel X, Kota Y. Asisten II Setda Provinsi Z mengatakan
    ...': the only kab/kota named is the venue's, and an official of the province speaks
    for the meeting, so the province holds it (a venue's city never does)."""
    if venue is None:
        return None
    named = [p for p in places.resolved() if p.code and gaz.within(p.code, kab)]
    if not named or any(not (venue[0] <= p.start < venue[1] + 5) for p in named):
        return None
    for m in in_meeting:
        if _level_of(m, gaz) == "province" and m.place is not None and m.place.code:
            province = _code_at(gaz, m.place.code, "province")
            if province and gaz.within(kab, province):
                return Holder("province", province, f"provincial {m.stem} in a venue of "
                                                    f"{gaz.region(kab).name}")
    return None


def _province_over_dateline(places: Places, gaz: Gazetteer, kab: str) -> str | None:
    """'Mataram, 15 Oktober - Biro Kesra Setda Provinsi NTB ...': when only the dateline or
    the publisher names the kab/kota and the text names its province, the province holds
    the meeting (guide §3.4: a dateline never sets the level)."""
    if any(gaz.at_level(p.code or "", "kabkota") is not None
           and gaz.within(p.code or "", kab) for p in places.resolved(strong_only=True)):
        return None
    strong = [p.code for p in places.resolved(strong_only=True)
              if p.code and gaz.region(p.code).level == "province" and gaz.within(kab, p.code)]
    return strong[0] if strong else None


# between a region and its organiser verb: a closing bracket, a comma, an adverb or two
_TO_VERB = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:(?:kembali|juga|pun|telah|turut|sukses|"
                      r"resmi|secara\s+resmi)\s+)*", re.IGNORECASE)
# between two regions of a list ('Kabupaten A, Kabupaten B dan Kota C')
_AND = re.compile(r"\s*(?:,\s*(?:dan|serta)?|dan|serta)\s*", re.IGNORECASE)
_MARK = "\uffff"  # a region written between the list and its verb ('di Provinsi X')


def joint_holders(doc: Document, c: Candidate, places: Places, gaz: Gazetteer,
                  v: Vocabulary) -> list[Place]:
    """'Kabupaten A dan Kabupaten B di Provinsi X serentak menggelar ...': two or more
    regions of one level, written with their kind word or government, listed as the
    subject of an organiser verb in the meeting's sentence with a word that says each held
    its own (data: meeting_cues simultaneous), in the order written. A list without that
    word ('Kabupaten A dan Kabupaten B menggelar rakor bersama') may be one joint meeting:
    none then."""
    found = v.meeting_cues.get("simultaneous")
    if found is None:
        return []
    s = c.sentence
    text = doc.text
    verbs = [cue.pattern for cue in v.roles if cue.role == "organiser" and cue.binds == "before"]
    strong = sorted((p for p in places.places if p.code and p.role in ("word", "government")
                     and s.start <= p.start and p.end <= s.end), key=lambda p: p.start)
    gap = re.compile(rf"\s*,?\s*(?:di\s+(?:wilayah\s+)?{_MARK}\s*,?\s*)?(?:secara\s+)?"
                     rf"(?:{found[1].pattern})\s+(?:(?:kembali|juga|telah|pun)\s+)*",
                     re.IGNORECASE)
    for verb in verbs:
        for m in verb.finditer(s.text):
            at = s.start + m.start()
            for last in (p for p in reversed(strong) if p.end <= at):
                level = gaz.region(last.code or "").level
                between = text[last.end:at]
                for q in sorted((q for q in strong if last.end <= q.start and q.end <= at),
                                key=lambda q: q.start, reverse=True):
                    if not gaz.within(last.code or "", q.code or "") or q.code == last.code:
                        break
                    a, b = q.start - last.end, q.end - last.end
                    between = between[:a] + _MARK + between[b:]
                if not gap.fullmatch(between):
                    continue
                listed = [last]
                for p in reversed(strong):
                    if p.end <= listed[-1].start and _AND.fullmatch(
                            text[p.end:listed[-1].start]):
                        if gaz.region(p.code or "").level != level:
                            break
                        listed.append(p)
                codes = {p.code for p in listed}
                if len(codes) >= 2 and len(codes) == len(listed):
                    return listed[::-1]
    return []


# between two links of an address chain written without commas or with them
_CHAIN_GAP = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*")


def _region_subject(doc: Document, c: Candidate, window: set[int], places: Places,
                    gaz: Gazetteer, v: Vocabulary) -> Place | None:
    """The finest region of the address chain that ends right before an organiser verb
    ('menggelar') in the meeting's sentences. Only kind words and governments count: a
    head's title is a person (step 3), a unit, the dateline or the publisher never holds."""
    verbs = [cue.pattern for cue in v.roles if cue.role == "organiser" and cue.binds == "before"]
    text = doc.text
    strong = [p for p in places.places if p.code and p.role in ("word", "government")]
    bare = [p for p in places.places if p.code and p.role == "bare"]
    for i in sorted(window):
        if i >= len(doc.sentences):
            continue
        s = doc.sentences[i]
        for verb in verbs:
            for m in verb.finditer(s.text):
                at = s.start + m.start()
                # the chain may close on a bare name ('Desa X, Kecamatan Y, Kulon Progo
                # menggelar'): it holds only through a kind-worded link nested in it
                last = max((p for p in strong + bare if s.start <= p.start and p.end <= at
                            and _TO_VERB.fullmatch(text[p.end:at])),
                           key=lambda p: p.end, default=None)
                if last is None:
                    continue
                chain = [last]
                while True:
                    prev = max((p for p in strong if s.start <= p.start and
                                p.end <= chain[-1].start and
                                _CHAIN_GAP.fullmatch(text[p.end:chain[-1].start])),
                               key=lambda p: p.end, default=None)
                    if prev is None:
                        break
                    chain.append(prev)
                # the links must nest (a village inside the kecamatan written after it)
                finest = chain[0]
                for p in chain[1:]:
                    assert p.code is not None and finest.code is not None
                    finer = _FINER[gaz.region(p.code).level] > \
                        _FINER[gaz.region(finest.code).level]
                    if finer and gaz.within(p.code, finest.code):
                        finest = p
                if finest.role == "bare":
                    continue
                return finest
    return None


# ('evaluasi ... kabupaten/kota se-Sulawesi Selatan': the gathered kab/kota of a province
# named after them, told by one of them)
_GATHERED = re.compile(r"\b(?:\d+|para|seluruh|se-?)\s*(?:[\w-]+\s+){0,4}?(?:kabupaten|kab\.?)"
                       r"\s*(?:/|dan)\s*kota\b|\b(?:kabupaten|kab\.?)\s*(?:/|dan)\s*kota\s+"
                       r"se-?\s*(?-i:[A-Z])", re.IGNORECASE)


def _gathered(story: str, gaz: Gazetteer) -> bool:
    """The story gathers the kab/kota of one province: a number of them that no province
    has ('sebanyak 360 Kabupaten/Kota lokasi fokus') counts the nation's, not a gathering."""
    for m in _GATHERED.finditer(story):
        number = re.match(r"\d+", m[0])
        if number is None or int(number[0]) <= gaz.most_kabkota():
            return True
    return False


_SCOPE = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*)?di\s+(?:wilayah\s+)?(?:Provinsi\s+)?$",
                    re.IGNORECASE)


def _province_after(doc: Document, title: tuple[int, int], places: Places) -> str | None:
    """A province written right after the meeting's name with 'di'."""
    for p in places.places:
        if p.code and p.role not in WEAK_ROLES and title[1] <= p.start <= title[1] + 40 and \
                places.gaz.region(p.code).level == "province" and \
                _SCOPE.fullmatch(doc.text[title[1]:p.start]):
            return p.code
    return None


# the words of a long meeting name run on to 'Provinsi X' (no clause break, no preposition
# or relative word that would start what is said about the meeting)
_LONG_NAME = re.compile(r"[^,.;:()“”\"]{0,80}?\bProvinsi\s+$")
_NAME_BREAK = re.compile(r"\b(?:yang|di|oleh|dari|bersama|dengan|untuk|bagi|kepada|ke|pada|"
                         r"dalam|saat|ketika|serta|sekaligus)\b", re.IGNORECASE)
_TEAM = re.compile(r"\b(?:TPPS|TP3S|TP2S|Tim\s+Percepatan)\b", re.IGNORECASE)


def _province_in_name(doc: Document, c: Candidate, title: tuple[int, int],
                      places: Places) -> str | None:
    """'Rapat Koordinasi Penguatan ... dan Progres capaian Kinerja Provinsi X Tahun 2025':
    a province written with its tier word at the end of the meeting's long name, in the
    meeting's sentence, is whose meeting it is, though an official of a kab/kota of that
    province is the one the story follows (guide §1.4 participant angle)."""
    s = c.sentence
    for p in places.places:
        if not (p.code and p.role not in WEAK_ROLES and title[1] <= p.start < s.end and
                places.gaz.region(p.code).level == "province"):
            continue
        between = doc.text[title[1]:p.start]
        name_at = doc.text.find(p.name, p.start)
        if name_at >= 0:
            between = doc.text[title[1]:name_at]
        if _LONG_NAME.fullmatch(between) and not _NAME_BREAK.search(between):
            return p.code
        return None
    return None


def _named_team(doc: Document, c: Candidate, title: tuple[int, int], in_meeting: list[Mention],
                gaz: Gazetteer) -> Holder | None:
    """The meeting is the team's own ('Rakor TPPS', 'Pertemuan TPPS 2025') and a TPPS with
    its region takes part in the meeting's sentences: that team's region holds it."""
    name = doc.text[c.start:title[1]]
    if not _TEAM.search(name):
        return None
    for m in in_meeting:
        if m.type == "TPPS" and not (title[0] <= m.start < title[1]):
            level = _level_of(m, gaz)
            if level and m.place is not None and m.place.code and m.place.role != "unit":
                return Holder(level, _code_at(gaz, m.place.code, level),
                              f"the team the meeting is named after: {m.stem}")
    return None


def _province_in(places: Places, title: tuple[int, int]) -> str | None:
    for p in places.places:
        if p.code and p.level == "province":
            return p.code
    return None


def _guess(places: Places, level: str, gaz: Gazetteer, skip: frozenset[int] = frozenset(),
           ) -> str | None:
    """The region of `level` the article names most, among strong mentions; for a kab/kota
    or a province, the places starting at `skip` (the venue's: a hotel in the capital)
    count only when no other place names one (a kecamatan's or village's own hall often
    is its host, so there they count)."""
    if level not in ("province", "kabkota"):
        skip = frozenset()
    for pass_skip in ((skip, frozenset()) if skip else (skip,)):
        best: dict[str, float] = {}
        for p in places.resolved():
            assert p.code is not None
            if p.start in pass_skip:
                continue
            r = gaz.at_level(p.code, level)
            if r is not None:
                best[r.code] = best.get(r.code, 0) + p.weight
        if best:
            return max(best.items(), key=lambda kv: kv[1])[0]
    return places.main("kabkota") if level in ("kabkota",) else None


def _venue_places(doc: Document, places: Places, venue: tuple[int, int] | None,
                  v: Vocabulary) -> frozenset[int]:
    """Where the places of the venue start: those inside the venue found, and the one after
    a generic venue ('di salah satu hotel di Kota X', data/generic_venues.txt), which names
    where the meeting sat, never who held it (guide §3.5)."""
    spans = [venue] if venue is not None else []
    if v.generic_venues:
        generic = re.compile(rf"\b(?:bertempat\s+)?di\s+(?:{v.generic_venues})\s+"
                             rf"(?:{v.venue_words})\b(?:\s+[a-z][\w-]*){{0,3}}?"
                             r"(?:\s*,\s*|\s+(?:di|yang\s+berada\s+di)\s+)", re.IGNORECASE)
        for m in generic.finditer(doc.text):
            spans.append((m.end(), m.end() + 2))
    return frozenset(p.start for p in places.places for a, b in spans if a <= p.start < b)


def places_in(places: Places, a: int, b: int) -> list[Place]:
    return [p for p in places.places if a <= p.start < b]


def _headline_holder(doc: Document, places: Places, gaz: Gazetteer, v: Vocabulary,
                     ) -> Holder | None:
    """A village, kecamatan or region government that the headline says held a meeting,
    or the qualifier of a meeting named in the headline."""
    if doc.title is None:
        return None
    at = doc.text.find(doc.title)
    if at < 0:
        return None
    end = at + len(doc.title)
    found = next(((f, m) for f in v.meeting_families for m in [f.pattern.search(doc.title)]
                  if m), None)
    if found is None:
        return None
    family, cue = found
    held = v.meeting_cues["held"][1]
    for p in places.places:
        if not (at <= p.start < end) or not p.code or p.role not in ("government", "word"):
            continue
        level = gaz.region(p.code).level
        if level not in ("desa", "kecamatan"):
            continue  # a kab/kota in a headline is often the publisher's, not the holder
        # 'Rakor TPPS di Kecamatan X': where a touring body met, not who held it; only a
        # village's own forum ('Rembug Stunting di Desa X') is placed in its holder
        if _LOCATED.search(doc.text[max(at, p.start - 30):p.start]) and not (
                level == "desa" and family.family == "rembuk"):
            continue
        after_cue = p.start >= at + cue.end()
        if p.role == "government" or (after_cue and p.start - (at + cue.end()) <= 20):
            return Holder(level, p.code, f"headline {doc.text[p.start:p.end]}")
        # 'Balai KB Kecamatan X Gelar Lokakarya Mini': the region qualifies the subject
        # that the headline says held the meeting
        between = doc.text[p.end:at + cue.start()]
        if p.role == "word" and len(between) <= 25 and held.fullmatch(between.strip()):
            return Holder(level, p.code, f"headline subject {doc.text[p.start:p.end]}")
    return None


_LOCATED = re.compile(r"(?:\bdi|\bdigelar\s+di|\bberlangsung\s+di|\bbertempat(?:\s+di)?)\s+"
                      r"(?:(?:Aula|Balai|Kantor|Ruang\s+Rapat)\s+){0,2}$", re.IGNORECASE)


def _located_desa(doc: Document, c: Candidate, places: Places, gaz: Gazetteer,
                  venue: tuple[int, int] | None) -> Place | None:
    """The village a rembuk is said to take place in: 'digelar di Desa X', 'di Balai
    Desa X' (a village's rembuk in its own hall; a kab/kota meeting there has an organiser
    and never reaches this rule)."""
    s = c.sentence
    for p in places.places:
        if not (s.start <= p.start < s.end) or not p.code or p.role != "word":
            continue
        if gaz.region(p.code).level != "desa":
            continue
        if _LOCATED.search(doc.text[max(s.start, p.start - 30):p.start]):
            return p
    return None


# a village's own hall written without its name ('di Aula Desa', 'Balai Desa setempat')
_OWN_HALL = re.compile(r"(?:di\s+)?(?:Aula|Balai|Kantor|Gedung|Pendopo)\s+(?:Pertemuan\s+)?"
                       r"(?:Desa|Kelurahan|Nagari|Gampong|Kampung|Pekon|Lembang)"
                       r"(?:\s+setempat)?\W*", re.IGNORECASE)


def _head_in_own_hall(doc: Document, c: Candidate, in_meeting: list[Mention], gaz: Gazetteer,
                      venue: tuple[int, int] | None) -> Holder | None:
    """'..., kata Kepala Desa X, dalam Rembuk Stunting di Aula Desa': a rembuk in an
    unnamed village hall whose one village official in the meeting's sentence is that
    village's head, with nobody coarser organising, opening or chairing it, is the
    village's own (guide §3.3.3-4: the head's rank, the venue type as tie-breaker)."""
    if venue is None or not _OWN_HALL.fullmatch(doc.text[venue[0]:venue[1]]):
        return None
    villages = {m.place.code for m in in_meeting if m.type in ("DESA", "KELURAHAN")
                and m.sentence is c.sentence and m.place is not None and m.place.code
                and gaz.region(m.place.code).level == "desa"}
    if len(villages) != 1:
        return None
    code = villages.pop()
    return Holder("desa", code, f"its head's village {gaz.region(code).name}, in the "
                                f"village's own hall")

