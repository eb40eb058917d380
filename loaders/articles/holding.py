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


def find_holder(doc: Document, c: Candidate, title: tuple[int, int], mentions: list[Mention],
                places: Places, gaz: Gazetteer, v: Vocabulary, venue: tuple[int, int] | None,
                ) -> Holder:
    window = {c.index, c.index + 1}
    in_meeting = [m for m in mentions if not m.excluded and not m.absent and any(
        m.sentence is doc.sentences[i] for i in window if i < len(doc.sentences))]
    text = doc.text[title[0]:title[1]]

    # 1. the organiser
    for m in in_meeting:
        if "organiser" in m.roles and not (title[0] <= m.start < title[1]):
            level = _level_of(m, gaz)
            code = m.place.code if m.place and m.place.role != "unit" else None
            if m.place is not None and m.place.role == "unit" and level == "kecamatan":
                code = m.place.code
            if level:
                code = code or _guess(places, level, gaz)
                return Holder(level, _code_at(gaz, code, level), f"organiser {m.stem}")

    # 2. the meeting's own qualifier
    if re.search(r"se-?\s*Provinsi|tingkat\s+provinsi", text, re.IGNORECASE):
        return Holder("province", places.main("province") or _province_in(places, title),
                      "qualifier se-Provinsi / tingkat provinsi")
    inside = [p for p in places.places if title[0] <= p.start < title[1] and p.role != "unit"]
    if inside:
        first = inside[0]
        level = first.level or (gaz.region(first.code).level if first.code else None)
        if level:
            return Holder(level, _code_at(gaz, first.code, level), f"qualifier {first.name}")
    low = re.search(r"\b(?:tingkat\s+)?(desa|kelurahan|nagari|gampong|kampung|kecamatan|distrik)"
                    r"\b", text, re.IGNORECASE)
    # 3. the rank of the opener or chair
    for m in in_meeting:
        if {"opened", "chair"} & set(m.roles):
            level = _level_of(m, gaz)
            if level:
                if low and _KIND_LEVEL.get(low[1].lower(), "desa") in ("desa",) and \
                        level == "kecamatan":
                    level = "desa"  # the Camat opening a village rembuk
                code = m.place.code if m.place and m.place.role != "unit" else None
                return Holder(level, _code_at(gaz, code or _guess(places, level, gaz), level),
                              f"opened/chaired by {m.stem}")
    if low:
        level = "kecamatan" if low[1].lower() in ("kecamatan", "distrik") else "desa"
        return Holder(level, _code_at(gaz, _guess(places, level, gaz), level),
                      f"qualifier {low[1]}")
    # 4. the family's usual host
    if c.family.family == "workshop" and venue is not None:
        p: Place | None = places.after(venue[0], 40)
        unit = next((q for q in places.places if venue[0] <= q.start < venue[1] and q.code),
                    p)
        if unit is not None and unit.code:
            return Holder("kecamatan", _code_at(gaz, unit.code, "kecamatan"), "lokmin host")
    # 5. the region the article names most
    kab = places.main("kabkota")
    if kab:
        return Holder("kabkota", kab, "the kab/kota the article names most")
    prov = places.main("province")
    if prov:
        return Holder("province", prov, "the province the article names")
    return Holder(None, None, "no region named")


def _province_in(places: Places, title: tuple[int, int]) -> str | None:
    for p in places.places:
        if p.code and p.level == "province":
            return p.code
    return None


def _guess(places: Places, level: str, gaz: Gazetteer) -> str | None:
    """The region of `level` the article names most, among strong mentions."""
    best: dict[str, float] = {}
    for p in places.resolved():
        assert p.code is not None
        r = gaz.at_level(p.code, level)
        if r is not None:
            best[r.code] = best.get(r.code, 0) + p.weight
    if not best:
        return places.main("kabkota") if level in ("kabkota",) else None
    return max(best.items(), key=lambda kv: kv[1])[0]


def places_in(places: Places, a: int, b: int) -> list[Place]:
    return [p for p in places.places if a <= p.start < b]
