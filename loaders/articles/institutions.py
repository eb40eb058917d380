"""Institution mentions: bodies and officials' titles, each with the region it belongs to.

Matching (guide §4): the longest form at a position wins (merged offices first, then the
forms of data/institutions.csv, then the KB-token rule for unseen merged acronyms);
collectives that are not expanded (Forkopimda, OPD terkait) hide what they contain;
collision guards drop KPM aid recipients, the PKB party, Bank BPD, KUA-PPAS ...
Scoping (§4.8): a place written after the name wins; otherwise the meeting's region at
a level the type is usually found at (graph/data/institution_types.csv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import Region
from loaders.articles.document import Document, Sentence
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.places import Place, Places
from loaders.articles.vocab import Vocabulary


@dataclass
class Mention:
    type: str
    stem: str
    start: int  # offsets in the document
    end: int
    sentence: Sentence
    implies: str = ""  # the region kind a title points to (Bupati -> kabupaten)
    naming: str = "region"
    place: Place | None = None
    collective: bool = False
    name: str = ""
    region_code: str | None = None
    level: str | None = None
    roles: tuple[str, ...] = ()
    absent: bool = False
    excluded: bool = False
    represents: list[Mention] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.type, self.region_code, self.name.lower())

    @property
    def generic(self) -> bool:
        return self.collective


def _guarded(v: Vocabulary, t: str, text: str, a: int, b: int) -> bool:
    # rows of type * guard every type ("Peraturan BKKBN Nomor 12": the issuer of a rule);
    # 64 characters reach back over a long team name ("perwakilan Satgas Penurunan Stunting dari")
    for side, pattern in v.collisions.get(t, []) + v.collisions.get("*", []):
        if side == "before" and pattern.search(text[max(0, a - 64):a]):
            return True
        if side == "after" and pattern.search(text[b:b + 40]):
            return True
        if side == "sentence" and pattern.search(text):
            return True
    return False


_NEAR = 300  # how far around a sentence a form's 'near' word may be written


def _matches(s: Sentence, v: Vocabulary, around: str = "",
             ) -> list[tuple[int, int, tuple[str, ...], str, str, str]]:
    """(start, end, types, stem, implies, naming) of every institution form in a sentence
    (`around`: the text about it, where a form's 'near' word must be written)."""
    # "Cmata", "Bapppeda", "Poyandu": listed titles misspelt are matched as written right
    # (a dropped letter lengthens the text: `where` maps its offsets back to the sentence's)
    text, where = v.respeller.respell_mapped(s.text)
    found: list[tuple[int, int, tuple[str, ...], str, str, str]] = []
    for g in v.collectives.get("group", re.compile(r"(?!)")).finditer(text):
        found.append((g.start(), g.end(), (), "", "", ""))
    for m in (mo for office in v.merged_offices for mo in [office]):
        for x in m.pattern.finditer(text):
            found.append((x.start(), x.end(), m.types, m.stem, "", "region"))
    for f in v.institutions:
        if f.near is not None and not f.near.search(around or text):
            continue  # (a bare DKP with no 'pangan' about it may be the fisheries office)
        for x in f.pattern.finditer(text):
            found.append((x.start(), x.end(), (f.type,), f.stem or x[0], f.implies, f.naming))
    rule = v.acronym_rules.get("kb_token")
    if rule is not None:
        for x in rule.pattern.finditer(text):
            token = re.sub(r"[\s-]", "", x[0]).upper()
            if len(token) >= 4 and token not in rule.exceptions and not any(
                    token.startswith(e) and len(token) <= len(e) + 1 for e in rule.exceptions):
                merged = tuple(t for name, part in v.acronym_rules.items()
                               if name.startswith("kb_part") and part.pattern.search(token)
                               for t in part.types)
                found.append((x.start(), x.end(), rule.types + merged, x[0], "", "region"))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out = []
    last_end = -1
    for item in found:
        if item[0] < last_end:
            continue
        last_end = item[1]
        if item[2]:
            out.append((where[item[0]], where[item[1]], *item[2:]))
    return out


_UNIT_TYPES = {"KORAMIL", "KODIM", "POLSEK", "POLRES"}
_CHAIN_HEADS = {"BABINSA", "BHABINKAMTIBMAS", "KORAMIL", "POLSEK", "KODIM"}
# what may stand between an officer and the units of their designation: unit numbers and
# names ("Koramil 0602-18/Kragilan"), a comma before the next unit, a bracketed acronym
_UNIT_SEP = r"(?:[\s\d/.-]|\([A-Za-z]+\))*"
_UNIT_GAP = re.compile(rf"{_UNIT_SEP}(?:[A-Z][\w-]*{_UNIT_SEP}){{0,4}}(?:,\s*|\(\s*)?")
# a comma may precede the next unit of the chain ("..., Komando Distrik Militer (Kodim)"),
# never a commander's title ("Babinsa, Kapolsek X" lists two attendees)
_UNIT_NAME = re.compile(r"Komando|Kodim|Koramil|Polsek|Polres", re.IGNORECASE)


# a speaker named by the office they come from ('Narasumber dari Kecamatan X menjelaskan'):
# the kecamatan after it is the office, not an address
_SPEAKER_FROM = re.compile(r"\b(?:narasumber|pemateri|fasilitator)(?:nya)?\s+(?:dari\s+)?$",
                           re.IGNORECASE)


# between two links of an address chain, a bracketed gloss ('Gampong X (desa), Kecamatan Y')
_GLOSS_GAP = re.compile(r"\s*\([^)]{1,40}\)\s*,?\s*")


def headline(doc: Document) -> Sentence | None:
    """The headline as a sentence of its own (the header is not part of the body)."""
    if doc.title is None:
        return None
    at = doc.text.find(doc.title)
    return Sentence(at, at + len(doc.title), doc.title, -1) if at >= 0 else None


def find_mentions(doc: Document, v: Vocabulary, places: Places,
                  skip: list[tuple[int, int]],
                  sentences: list[Sentence] | None = None) -> list[Mention]:
    out: list[Mention] = []
    plural_before = v.collectives.get("plural_before")
    plural_after = v.collectives.get("plural_after")
    plural_above = v.collectives.get("plural_above")
    chain_end = -1  # where the last unit of an officer's designation ends
    # the last mention a collision guard dropped: its restating acronym goes with it
    # ('selaku Ketua Pengarah Tim Percepatan Penurunan Stunting (TPPS)')
    dropped: tuple[Sentence, int, str] | None = None
    for s in doc.sentences if sentences is None else sentences:
        around = doc.text[max(0, s.start - _NEAR):s.end + _NEAR]
        for a, b, types, stem, implies, naming in _matches(s, v, around):
            start, end = s.start + a, s.start + b
            if any(x <= start < y for x, y in skip):
                continue
            if s.text[a:b] in ("Kecamatan", "Distrik") and (any(
                    start - 3 <= p.end <= start or start - 50 < p.end <= start and _GLOSS_GAP.
                    fullmatch(doc.text[p.end:start]) for p in places.places) or re.search(
                    r"(?:[Tt]ingkat|se-?|dari|\w\s)\s*$", s.text[max(0, a - 10):a])) and not \
                    _SPEAKER_FROM.search(s.text[max(0, a - 30):a]):
                continue  # "Desa X, Kecamatan Y, ...": an address chain, not the office
            if s.text[a:b] in ("Kecamatan", "Distrik") and out and out[-1].sentence is s and \
                    re.fullmatch(r"\s*(?:\([^)]{1,15}\)\s*)?", doc.text[out[-1].end:start]):
                continue  # "Balai KB (KB) Kecamatan X": the unit's qualifier, not the office
            if out and out[-1].sentence is s and out[-1].type in types and re.fullmatch(
                    r"\s*\(", doc.text[out[-1].end:start]):
                continue  # "Dinas ... Kampung (DPMK)": the acronym restates the body
            if dropped and dropped[0] is s and dropped[2] in types and re.fullmatch(
                    r"\s*\(", doc.text[dropped[1]:start]):
                continue  # the acronym of a body a guard dropped
            if types[0] in _UNIT_TYPES and out and out[-1].sentence is s and out[-1].type in \
                    _CHAIN_HEADS:
                since = max(out[-1].end, chain_end)
                gap = doc.text[since:start]
                if _UNIT_GAP.fullmatch(gap) and (not gap.rstrip().endswith(",")
                                                 or _UNIT_NAME.match(doc.text, start)):
                    chain_end = end
                    continue  # "Babinsa Koramil 01/X Kodim 0101/Y": the officer's designation
            collective = bool(plural_before and plural_before.search(s.text[max(0, a - 30):a])) \
                or bool(plural_after and plural_after.match(s.text[b:b + 40])) \
                or s.text[a:a + 1].isdigit()  # "diikuti 4 kecamatan": units counted
            after_paren = re.match(r"\s*\([^)]{1,40}\)", s.text[b:])
            gap_from = end + (after_paren.end() if after_paren else 0)
            lead = re.match(r"\s*(?:,\s*)?(?:dari\s+|di\s+|se-?\s*|Tingkat\s+|tingkat\s+)?",
                            doc.text[gap_from:gap_from + 20])
            place = places.starting_at(start, end) or places.after(
                gap_from + (lead.end() if lead else 0), 2)
            for t in types:
                if _guarded(v, t, s.text, a, b):
                    dropped = (s, end, t)
                    continue
                low_level = any(lv in ("kecamatan", "desa") for lv in v.usual_levels.get(t, ()))
                # "para Kepala Dinas PP dan KB se-Provinsi X": the kab/kota offices of a province
                province_wide = collective and "kabkota" in v.usual_levels.get(t, ()) and bool(
                    plural_above and plural_above.match(doc.text[gap_from:gap_from + 40]))
                out.append(Mention(t, stem, start, end, s, implies, naming, place,
                                   collective and (low_level or t in ("PKK",)) or province_wide))
    return _one_office(doc, v, out)


# a unit joined to its office: nothing, 'melalui', 'pada', 'di', 'dari' or a bracket between
_UNIT_JOIN = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:(?:melalui|pada|di|dari)\s+)?",
                        re.IGNORECASE)
# the women/child portfolio of a merged KB office's name (DP3AP2KB, Dinas P3AP2KB, ...)
_CHILD_PART = re.compile(r"P3A|PPPA|PPA|Perlindungan\s+Anak", re.IGNORECASE)


def _one_office(doc: Document, v: Vocabulary, found: list[Mention]) -> list[Mention]:
    """A unit of an office written next to it ('Kabid KB DP3AP2KB', 'DP3AP2KB melalui
    Bidang KB', 'DP3AP2KB melalui UPTD PPA') is that office: one body, one code."""
    drop: set[int] = set()
    for a, b in zip(found, found[1:], strict=False):
        if a.sentence is not b.sentence or a.collective or b.collective or \
                not _UNIT_JOIN.fullmatch(doc.text[a.end:b.start]):
            continue
        for office, unit in ((a, b), (b, a)):
            if not v.office_units.match(doc.text, unit.start) or \
                    v.office_units.match(doc.text, office.start):
                continue
            same = unit.type == office.type
            # (DP3A inside a KB office that carries the women/child portfolio)
            child = unit.type == "DP3A" and office.type == "DINAS_KB" and bool(
                _CHILD_PART.search(doc.text[office.start:office.end]))
            if same or child:
                drop.add(id(unit))
                office.end = max(office.end, unit.end) if office is a else office.end
                break
    return [m for m in found if id(m) not in drop]


# -- scoping -------------------------------------------------------------------------
_LEVEL_RANK = {"national": 0, "province": 1, "kabkota": 2, "kecamatan": 3, "desa": 4}


def _label(r: Region) -> str:
    return {"kecamatan": f"Kecamatan {r.name}", "desa": f"Desa {r.name}"}.get(r.level, r.name)


def scope(mentions: list[Mention], gaz: Gazetteer, v: Vocabulary, holder: str | None,
          places: Places) -> None:
    """Give every mention a region and a display name."""
    province = places.main("province")
    kabkota = places.main("kabkota")
    for m in mentions:
        code = m.place.code if m.place else None
        usual = v.usual_levels.get(m.type, ())
        if code is None and m.implies == "province":
            up = gaz.at_level(holder, "province") if holder else None
            code = up.code if up else province
        if code is None:
            code = _default(m, gaz, holder, kabkota, usual)
        m.region_code = code
        region = gaz.region(code) if code and code in gaz.by_code else None
        if region is not None:
            m.type = _local_type(m.type, code, gaz, v)
        m.level = region.level if region else None
        stem = _STEMS.get(m.type, m.stem)
        if m.collective and region is not None:
            m.name = f"{_COLLECTIVE_STEMS.get(m.type, stem)} se-{_label(region)}"
            m.level = _member_level(m.type, usual)
        elif m.naming == "place" and m.place is not None and (
                region is None or region.level != "kabkota"):
            m.name = f"{stem} {m.place.name}"
        elif region is not None and m.naming == "place" and region.level == "kabkota":
            m.name = f"{stem} {region.name.removeprefix('Kota ').removeprefix('Kabupaten ')}"
        elif region is not None:
            if m.type == "PEMDA":
                stem = "Pemerintah Provinsi" if region.level == "province" else "Pemerintah"
            m.name = f"{stem} {region.name}" if m.type in _BARE else f"{stem} {_label(region)}"
        else:
            m.name = stem


def _local_type(t: str, code: str | None, gaz: Gazetteer, v: Vocabulary) -> str:
    """A head's title that names another tier in some provinces (tier_provinces.csv retype:
    in a DIY kabupaten the Lurah heads a kalurahan, a village, so KELURAHAN is DESA there)."""
    if code is None:
        return t
    for rule in v.tier_provinces:
        target = dict(rule.retype).get(t)
        if target is None:
            continue
        kab = gaz.at_level(code, "kabkota")
        if kab is None or (rule.within and not kab.name.lower().startswith(rule.within)):
            continue
        if any(gaz.within(code, p) for name in rule.provinces
               for p in gaz.find("province", name)):
            return target
    return t


# How a body is named once its region is known ("Kecamatan Genuk", "Pemerintah Desa X").
_STEMS = {"KECAMATAN": "Kecamatan", "KELURAHAN": "Kelurahan", "DESA": "Pemerintah Desa"}
_BARE = {"KECAMATAN", "KELURAHAN", "DESA", "PEMDA"}
_COLLECTIVE_STEMS = {"KECAMATAN": "Camat", "KELURAHAN": "Lurah", "DESA": "Pemerintah Desa",
                     "UNIVERSITY": "Akademisi", "COMMUNITY": "Tokoh Masyarakat"}


def _default(m: Mention, gaz: Gazetteer, holder: str | None, kabkota: str | None,
             usual: tuple[str, ...]) -> str | None:
    """The meeting's region, or its ancestor at the lowest level the type is found at."""
    base = holder or kabkota
    if base is None:
        return None
    lineage = gaz.lineage(base)
    fitting = [r for r in lineage if r.level in usual]
    if m.implies in ("kabupaten", "kota"):
        fitting = [r for r in lineage if r.level == "kabkota"] or fitting
    if fitting:
        return fitting[-1].code
    # a type found below the meeting's level (a Puskesmas at a kab/kota rakor): its units
    # there, as a collective of the meeting's region
    m.collective = m.collective or bool(usual) and _LEVEL_RANK.get(usual[0], 0) > _LEVEL_RANK.get(
        lineage[-1].level, 0)
    return lineage[-1].code


def _member_level(t: str, usual: tuple[str, ...]) -> str:
    """The level of the members of a collective: "Camat se-Kota X" are kecamatan offices."""
    return max(usual, key=lambda lv: _LEVEL_RANK.get(lv, 0)) if usual else "desa"


def last_named(said_in: Sentence, mentions: list[Mention]) -> Mention | None:
    """'"...," ujarnya.': the body of the last person named before `said_in` (a title,
    then the person's name: 'Kepala Dinas Kesehatan, dr. Sari, memaparkan ...'), in that
    paragraph or the two before it; None when no one is named there."""
    found: Mention | None = None
    for m in mentions:
        if m.sentence.start >= said_in.start or m.excluded or \
                m.sentence.paragraph < said_in.paragraph - 2:
            continue
        text, base = m.sentence.text, m.sentence.start
        end = max(m.end, m.place.end if m.place is not None else 0) - base
        if _PERSON_AFTER.match(text[end:]) and (found is None or m.start > found.start):
            found = m
    return found


# a person's name right after an office's title: ', dr. Sari Wulan,' or ', Budi,'
_PERSON_AFTER = re.compile(r"^\s*,\s*(?:(?:dr|drg|Dr|Ir|Drs|Dra|H|Hj|Prof|Ns|apt)\.?\s+)*"
                           r"[A-Z][a-z'’-]+")
