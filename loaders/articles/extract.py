"""Rule-based extraction of a coordination meeting from an Indonesian press release.

Every rule is a pattern from data/ or a few lines here, so a planner can ask
"why is Polsek Genuk an attendee?" and get an answer: the sentence, and the cue
("Turut hadir") that bound it. Steps:

1. the kab/kota the article is about (most mentioned, dateline included);
2. the meeting: its sentence, date, times, venue, level and region;
3. institution mentions, each scoped to a region ("Puskesmas Genuk" -> Kecamatan
   Genuk), generic ones ("camat", "kader Posyandu") becoming the collective of
   the meeting's region when they attend;
4. roles from cues around the mentions (dibuka oleh -> opened, menggelar ->
   organiser, Turut hadir -> participant ...);
5. programs named, with acronym expansions; figures with unit, period, region.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.model import Region, merge_roles
from graph.vocabulary import institution_types
from loaders.articles.dates import find_dates, find_times
from loaders.articles.document import Document, Sentence
from loaders.articles.figures import find_figures
from loaders.articles.gazetteer import Gazetteer, gazetteer
from loaders.articles.vocab import institution_forms, program_forms, role_cues

NAME = r"[A-Z0-9][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*){0,3}"
# Words that end a place name: ranks, titles and honorifics come before people's names.
STOP_WORDS = {
    "kompol", "akp", "iptu", "ipda", "aiptu", "aipda", "bripka", "brigadir", "briptu", "sertu",
    "serda", "serka", "serma", "pelda", "peltu", "kapten", "mayor", "letkol", "kolonel", "lettu",
    "letda", "h", "hj", "dr", "drs", "ir", "ketua", "kepala", "dan", "serta", "sh", "mh", "se",
    "tahun", "pada", "di", "yang", "kegiatan", "rapat", "rakor", "selasa", "rabu", "kamis",
    "jumat", "sabtu", "minggu", "senin", "plt", "bapak", "ibu", "tingkat",
}
KIND_WORDS = r"(Kecamatan|Kec\.|Kelurahan|Kel\.|Desa|Kota|Kabupaten|Kab\.|Provinsi)"
MEETING_CUE = re.compile(r"\b(rapat\s+koordinasi|rakor|rembuk\s+stunting|rapat)\b",
                         re.IGNORECASE)
MEETING_NAME_BEFORE = re.compile(
    r"(?:rapat\s+koordinasi|rakor)(?:\s+dan\s+fasilitasi)?\s*(?:\([^)]*\)\s*)?$", re.IGNORECASE)
VENUE = re.compile(
    r"\b(?:bertempat\s+)?di\s+((?:Balai|Ruang|Aula|Hotel|Gedung|Kantor|Pendopo|Pendapa|"
    r"Rumah\s+Dinas|Rumdin|Masjid|Graha|Wisma|Auditorium|Sekretariat|Lapangan|Puskesmas|"
    r"Command\s+Center|Hall|Ballroom)\b.*?)"
    rf"(?=,?\s*(?:{'|'.join(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'])})\b"
    r"|,?\s*\(\d|\s+pada\s|\s+yang\s|\s+dengan\s|\s+dalam\s|\.\s|\.$|$)",
    re.IGNORECASE)
DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .]{2,40}?)\s*[—–-]\s+")
URL = re.compile(r"https?://[^\s)>\]]+")
RANK = re.compile(r"(?i:peringkat\s+ke-?\s*)(\d+)\s+(?i:se-?\s*)((?:Kota|Kabupaten)\s+" + NAME
                  + ")")
KAB_LEVEL = {"BAZNAS", "KEMENAG", "DINAS_KB", "DINKES", "RSUD", "POLRES", "KODIM", "BAPPEDA",
             "DINAS_PANGAN", "DINSOS", "DINAS_PENDIDIKAN", "DINAS_PUPR", "DPMD", "DISKOMINFO",
             "DISDUKCAPIL", "DP3A", "DPRD", "PEMDA", "BKKBN"}
ANY_LEVEL = {"PKK", "TPPS", "UNIVERSITY", "BUSINESS", "NGO", "COMMUNITY", "PROFESSIONAL_ORG"}
KECAMATAN_LEVEL = {"PUSKESMAS", "POLSEK", "KORAMIL", "KUA", "PLKB", "KECAMATAN", "LPMK"}
# Stems that read as a person or a group when collective ("Camat se-Kota Cilegon").
COLLECTIVE_STEMS = {"KECAMATAN": "Camat", "KELURAHAN": "Lurah", "DESA": "Pemerintah Desa",
                    "UNIVERSITY": "Akademisi", "COMMUNITY": "Tokoh Masyarakat"}


@dataclass
class Mention:
    type: str
    name: str
    region_code: str | None
    level: str | None
    start: int  # offsets in the document
    end: int
    sentence: Sentence
    generic: bool = False
    roles: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.type, self.region_code, self.name.lower())


@dataclass
class Extraction:
    path: str
    source: dict[str, Any]
    meeting: dict[str, Any] | None
    institutions: list[Mention]
    programs: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    regions: list[Region] = field(default_factory=list)
    skipped: str | None = None  # why no meeting was extracted


class _Article:
    def __init__(self, doc: Document, gaz: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gaz
        self.kabkota: str | None = None
        self.meeting_code: str | None = None
        self.meeting_level: str | None = None
        self.excluded: list[tuple[int, int]] = []  # venue and program spans

    # -- places ---------------------------------------------------------------
    def _words(self, text: str) -> list[str]:
        words = []
        for w in text.split():
            bare = w.strip(",.;:()\"'“”")
            if not bare or bare.lower().rstrip(".") in STOP_WORDS or not (
                    bare[0].isupper() or bare[0].isdigit()):
                break
            words.append(bare)
            if w != bare and not w.endswith("'"):  # punctuation ends the name
                break
        return words

    def resolve(self, kind: str | None, text: str) -> tuple[str | None, str, int]:
        """(code, name as written, words used) of the place at the start of `text`."""
        words = self._words(text)
        for n in range(min(len(words), 4), 0, -1):
            name = " ".join(words[:n])
            code = self._lookup(kind, name)
            if code:
                return code, name, n
        return None, " ".join(words[:2]), min(len(words), 2)

    def _lookup(self, kind: str | None, name: str) -> str | None:
        k = (kind or "").lower().rstrip(".")
        if k in ("kota", "kabupaten", "kab"):
            found = self.gaz.find_kabkota(name, "kota" if k == "kota" else "kabupaten")
            return self._prefer(found)
        if k in ("kecamatan", "kec"):
            return self._prefer(self.gaz.find_below("kecamatan", name, self.kabkota)
                                or self.gaz.find_below("kecamatan", name, None), unique=True)
        if k in ("kelurahan", "kel", "desa"):
            within = {"kecamatan": self.meeting_code,
                      "desa": self.meeting_code.rsplit(".", 1)[0] if self.meeting_code else None,
                      }.get(self.meeting_level or "", self.kabkota)
            return self._prefer(self.gaz.find_below("desa", name, within), unique=True)
        if k == "provinsi":
            from loaders.regions.names import key

            return self.gaz.province.get(key(name))
        # A bare name: a kecamatan of this kab/kota, the kab/kota itself, a desa in it.
        if self.kabkota:
            code = self._prefer(self.gaz.find_below("kecamatan", name, self.kabkota), True)
            if code:
                return code
            if self.kabkota in self.gaz.find_kabkota(name):
                return self.kabkota
            return self._prefer(self.gaz.find_below("desa", name, self.kabkota), True)
        return self._prefer(self.gaz.find_kabkota(name), unique=True)

    def _prefer(self, codes: list[str], unique: bool = False) -> str | None:
        if not codes:
            return None
        if self.kabkota:
            inside = [c for c in codes if c == self.kabkota or c.startswith(self.kabkota + ".")]
            if inside:
                return inside[0]
        if len(codes) == 1 or not unique:
            return codes[0]
        return None

    # -- 1. the article's kab/kota ---------------------------------------------
    def find_kabkota(self) -> None:
        counts: Counter[str] = Counter()
        text = " ".join(self.doc.slice(s) for s in self.doc.header) + " " + " ".join(
            s.text for s in self.doc.sentences)
        pattern = re.compile(r"\b(Kota|Kabupaten|Kab\.|Pemkot|Pemkab|Wali\s*[Kk]ota|Bupati)"
                             r"\s*(?:\([^)]{1,20}\)\s*)?(" + NAME + ")")
        for m in pattern.finditer(text):
            kind = "kabupaten" if m[1].lower().startswith(("kab", "pemkab", "bupati")) else "kota"
            words = self._words(m[2])
            for n in range(len(words), 0, -1):
                found = self.gaz.find_kabkota(" ".join(words[:n]), kind)
                if len(found) == 1:
                    counts[found[0]] += 1
                    break
        if self.doc.sentences:
            head = DATELINE.match(self.doc.sentences[0].text)
            if head:
                kind_word, _, rest = head[1].strip().partition(" ")
                if kind_word.lower() in ("kota", "kabupaten", "kab."):
                    found = self.gaz.find_kabkota(rest, "kota" if kind_word.lower() == "kota"
                                                  else "kabupaten")
                else:
                    found = self.gaz.find_kabkota(head[1].strip())
                    found = [c for c in found if c in counts] or found
                for c in found[:1]:
                    counts[c] += 1
        self.kabkota = counts.most_common(1)[0][0] if counts else None

    # -- 2. the meeting ---------------------------------------------------------
    def meeting_sentence(self) -> Sentence | None:
        for s in self.doc.sentences:
            if MEETING_CUE.search(s.text) and not s.text.lstrip().startswith(("“", '"')):
                return s
        return None

    def find_meeting_region(self, sentence: Sentence | None, venue: str | None) -> None:
        """A kecamatan or desa named with the meeting (not in its venue), else the kab/kota."""
        texts = [self.doc.slice(h) for h in self.doc.header] + ([sentence.text] if sentence
                                                                  else [])
        self.meeting_code = self.kabkota
        self.meeting_level = "kabkota" if self.kabkota else None
        for text in texts:
            if not MEETING_CUE.search(text):
                continue
            if venue:
                text = text.replace(venue, " ")
            kec = re.search(r"\b(?:Kecamatan|Kec\.)\s+(" + NAME + ")", text)
            if kec:
                code, _, _ = self.resolve("kecamatan", kec[1])
                if code:
                    self.meeting_code, self.meeting_level = code, "kecamatan"
            village = re.search(r"\b(?:Desa|Kelurahan)\s+(" + NAME + ")", text)
            if village and (self.meeting_level == "kecamatan" or "tingkat desa" in text.lower()
                            or "tingkat kelurahan" in text.lower()):
                code, _, _ = self.resolve("desa", village[1])
                if code:
                    self.meeting_code, self.meeting_level = code, "desa"
            if self.meeting_level != "kabkota":
                return

    def meeting_date(self, sentence: Sentence | None) -> tuple[date | None, Sentence | None]:
        ordered = ([sentence] if sentence else []) + [
            s for s in self.doc.sentences if s is not sentence]
        for s in ordered[:8] if sentence else ordered:
            found = find_dates(s.text)
            if found:
                return found[0][2], s
        return None, None

    def venue(self, sentence: Sentence | None) -> str | None:
        for s in ([sentence] if sentence else []) + self.doc.sentences[:6]:
            m = VENUE.search(s.text)
            if m:
                self.excluded.append((s.start + m.start(1), s.start + m.end(1)))
                return m[1].strip().rstrip(",")
        return None

    # -- 3. institutions -------------------------------------------------------
    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        for s in self.doc.sentences:
            found: list[tuple[int, int, Any]] = []
            for form in institution_forms():
                for m in form.pattern.finditer(s.text):
                    found.append((m.start(), m.end(), form))
            found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
            last_end = -1
            for start, end, form in found:
                if start < last_end:
                    continue
                absolute = (s.start + start, s.start + end)
                if any(a <= absolute[0] < b for a, b in self.excluded):
                    continue
                written = s.text[start:end]
                if form.type in ("KUA", "TPK", "KPM", "IBI", "LPM") and not written.isupper():
                    continue  # acronyms count only as written in capitals
                if form.type == "TPPS" and MEETING_NAME_BEFORE.search(s.text[:start]):
                    # "Rapat Koordinasi TPPS": the meeting's name, not an attendee
                    paren = re.match(r"\s*\([^)]{1,20}\)", s.text[end:])
                    last_end = end + (paren.end() if paren else 0)
                    continue
                mention, used = self._scope(form, written, s, start, end)
                if mention is not None:
                    out.append(mention)
                last_end = end + used
        return out

    def _scope(self, form: Any, written: str, s: Sentence, start: int,
               end: int) -> tuple[Mention | None, int]:
        rest = s.text[end:end + 120]
        skip = re.match(r"\s*\([^)]{1,40}\)", rest)  # "(Sekda)", "(DP3AKB)"
        offset = skip.end() if skip else 0
        rest = rest[offset:]
        low = written.lower()
        implicit = ("kota" if re.search(r"kota|pemkot", low) else
                    "kabupaten" if re.search(r"kabupaten|bupati|pemkab", low) else
                    "kecamatan" if re.search(r"camat|kecamatan|sekcam", low) else
                    "kelurahan" if "lurah" in low or "kelurahan" in low else
                    "desa" if re.search(r"desa|kades|pemdes", low) else
                    "provinsi" if re.search(r"provinsi|gubernur|pemprov", low) else None)
        collective = re.match(r"\s*(?:dari\s+seluruh\s+desa\s+)?se-?\s*" + KIND_WORDS + r"\s+(" +
                              NAME + ")", rest)
        explicit = re.match(r"\s*(?:dari\s+)?(?:Tingkat\s+)?" + KIND_WORDS + r"\s+(" + NAME + ")",
                            rest)
        code: str | None = None
        place: str | None = None
        used = offset
        is_collective = False
        if collective:
            code, place, n = self.resolve(collective[1], collective[2])
            is_collective = code is not None
            used += collective.start(2) + len(place)
        elif explicit:
            code, place, n = self.resolve(explicit[1], explicit[2])
            used += explicit.start(2) + len(place)
        elif re.match(r"\s+[A-Z0-9]", rest):
            if implicit is None and form.type in KAB_LEVEL and self.kabkota:
                # "Polres Cilegon": a district body named after its kab/kota
                words = self._words(rest)
                found = self.gaz.find_kabkota(words[0]) if words else []
                implicit = "kota" if self.kabkota in found and self.gaz.region(
                    self.kabkota).name.startswith("Kota") else (
                    "kabupaten" if self.kabkota in found else None)
            code, place, n = self.resolve(implicit, rest.lstrip())
            if code is None and form.naming != "place":
                place = ""
            if place:
                used += len(rest) - len(rest.lstrip()) + len(place)
        stem = form.stem or written.upper()
        t = form.type
        if code is None and not place:
            return self._placeless(t, stem, s, start, end), used
        if code is None:  # a place we cannot resolve: "Puskesmas Bangetayu", "Kodim 0623"
            code = self.kabkota if t in KAB_LEVEL else self.meeting_code
        region = self.gaz.region(code) if code else None
        if is_collective and region is not None:
            name = f"{COLLECTIVE_STEMS.get(t, stem)} se-{self._region_label(region)}"
            return Mention(t, name, code, _collective_level(t), s.start + start, s.start + end, s,
                           generic=True), used
        level = region.level if region else None
        if form.naming == "place" and place and (region is None or region.level != "kabkota"
                                                 or place.lower() not in region.name.lower()):
            name = f"{stem} {place}"
        else:
            name = self._region_name(t, stem, region, place)
        return Mention(t, name, code, level, s.start + start, s.start + end, s), used

    def _region_label(self, region: Region) -> str:
        if region.level == "kecamatan":
            return f"Kecamatan {region.name}"
        if region.level == "desa":  # the tree does not say which; the article may
            kind = "Kelurahan" if f"Kelurahan {region.name}" in self.doc.text else "Desa"
            return f"{kind} {region.name}"
        return region.name

    def _region_name(self, t: str, stem: str, region: Region | None, place: str | None) -> str:
        if region is None:
            return f"{stem} {place}".strip()
        if t == "PEMDA":
            return f"Pemerintah {region.name}" if region.level == "kabkota" else \
                f"Pemerintah Provinsi {region.name}"
        if t == "KECAMATAN":
            return f"Kecamatan {region.name}"
        if t == "KELURAHAN":
            return f"Kelurahan {region.name}"
        if t == "DESA":
            return f"Pemerintah Desa {region.name}"
        if stem in ("Polsek", "Koramil", "Puskesmas", "Polres", "Kodim") and \
                region.level != "kabkota":
            return f"{stem} {region.name}"
        if stem in ("Polres", "Kodim", "Puskesmas") and region.level == "kabkota":
            return f"{stem} {region.name.removeprefix('Kota ').removeprefix('Kabupaten ')}"
        return f"{stem} {self._region_label(region)}"

    def _placeless(self, t: str, stem: str, s: Sentence, start: int, end: int) -> Mention | None:
        """A mention with no place: scoped by the kind of institution and the meeting."""
        if t in KAB_LEVEL and self.kabkota:
            region = self.gaz.region(self.kabkota)
            return Mention(t, self._region_name(t, stem, region, None), region.code,
                           region.level, s.start + start, s.start + end, s)
        if self.meeting_code is None:
            return None
        region = self.gaz.region(self.meeting_code)
        if t in ANY_LEVEL or (t in KECAMATAN_LEVEL and self.meeting_level == "kecamatan") or \
                self.meeting_level == "desa":
            if t in ANY_LEVEL and t not in ("PKK", "TPPS"):
                name = f"{COLLECTIVE_STEMS.get(t, stem)} {region.name}"
            else:
                name = self._region_name(t, stem, region, None)
            return Mention(t, name, region.code, region.level, s.start + start,
                           s.start + end, s, generic=t in ANY_LEVEL - {"PKK", "TPPS"})
        # kecamatan-level at a kab/kota meeting, desa-level anywhere: the collective
        name = f"{COLLECTIVE_STEMS.get(t, stem)} se-{self._region_label(region)}"
        return Mention(t, name, region.code, _collective_level(t), s.start + start,
                       s.start + end, s, generic=True)

    # -- 4. roles ---------------------------------------------------------------
    def assign_roles(self, mentions: list[Mention]) -> None:
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence.start, []).append(m)
        previous_listed = False
        for s in self.doc.sentences:
            here = by_sentence.get(s.start, [])
            quoted = s.text.lstrip().startswith(("“", '"', "‘"))
            listed = False
            if not here or quoted:
                previous_listed = False
                continue
            if previous_listed and re.match(r"\s*(Kemudian|Selain itu|Juga|Serta|Dan)\b",
                                            s.text, re.IGNORECASE):
                for m in here:
                    m.roles = merge_roles(m.roles, ("participant",))
                listed = True
            for cue in role_cues():
                for c in cue.pattern.finditer(s.text):
                    cue_start, cue_end = s.start + c.start(), s.start + c.end()
                    if cue.binds == "after":
                        bound = [m for m in here if m.start >= cue_end]
                        if cue.role != "participant":
                            bound = bound[:1]
                    elif cue.binds == "before":
                        before = [m for m in here if m.end <= cue_start]
                        bound = before[-1:]
                    else:
                        bound = here
                    for m in bound:
                        m.roles = merge_roles(m.roles, (cue.role,))
                    if cue.role == "participant" and bound:
                        listed = True
            previous_listed = listed

    # -- 5. programs and figures -------------------------------------------------
    def programs(self) -> list[dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for s in self.doc.sentences:
            for form in program_forms():
                for m in form.pattern.finditer(s.text):
                    entry = found.setdefault(form.name, {
                        "name": form.name, "aliases": list(form.aliases),
                        "description": form.description, "start": s.start + m.start(),
                        "end": s.start + m.end(), "sentence": s})
                    self.excluded.append((s.start + m.start(), s.start + m.end()))
                    # "Si Bening (Semua Ikut ...)", "Gerakan ... (Genting)": the other name
                    after = re.match(r"\s*\(([^)]{2,80})\)", s.text[m.end():])
                    before = re.search(r"((?:[A-Z][\w-]*\s+){1,8}?)\(\s*$", s.text[:m.start()])
                    for other in (after[1] if after else None, before[1] if before else None):
                        alias = (other or "").strip()
                        if len(alias.split()) >= 2 and not form.pattern.search(alias) \
                                and alias not in entry["aliases"]:
                            entry["aliases"].append(alias)
        return list(found.values())

    def figures(self, mentions_region: dict[int, str], meeting_day: date | None) -> list[
            dict[str, Any]]:
        year = meeting_day.year if meeting_day else None
        out: list[dict[str, Any]] = []
        for s in self.doc.sentences:
            if s.text.lstrip().startswith(("“", '"')) and "tercatat" in s.text:
                continue  # a figure repeated in a quote
            for f in find_figures(s.text, year):
                code = self._figure_region(s) or self.meeting_code
                period = f.period
                if f.what == "participants":
                    code = self.meeting_code
                    period = period or (meeting_day.isoformat() if meeting_day else None)
                note = f.note
                rank = RANK.search(s.text)
                if rank and f.what == "stunting_cases":
                    note = f"rank {rank[1]} in {rank[2]}"
                if f.approximate and f.what == "participants":
                    note = note or "approximate"
                out.append({"what": f.what, "value": f.value, "unit": f.unit,
                            "period": period, "region_code": code, "note": note,
                            "approximate": f.approximate, "sentence": s})
        return _drop_restatements(out)

    def _figure_region(self, s: Sentence) -> str | None:
        m = re.search(r"\b(Kecamatan|Kota|Kabupaten)\s+(" + NAME + ")", s.text)
        if m and not re.search(r"se-?\s*$", s.text[: m.start()]):
            code, _, _ = self.resolve(m[1], m[2])
            return code
        m = re.search(r"\bdi\s+(" + NAME + ")", s.text)
        if m:
            code, _, _ = self.resolve(None, m[1])
            return code
        return None


def _collective_level(t: str) -> str:
    """The level of the members of a collective: "Camat se-Kota X" are kecamatan offices."""
    return "kecamatan" if t in KECAMATAN_LEVEL else "desa"


def _drop_restatements(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop "lebih dari 30.000" beside "30.980", and a figure quoted twice."""
    kept: list[dict[str, Any]] = []
    for f in figures:
        twin = [k for k in kept if k["what"] == f["what"] and k["unit"] == f["unit"]
                and k["region_code"] == f["region_code"]
                and abs(k["value"] - f["value"]) <= 0.1 * max(abs(k["value"]), 1)]
        if any(k["value"] == f["value"] for k in twin):
            continue
        if twin and f["approximate"]:
            continue
        if twin and not f["approximate"]:
            kept = [k for k in kept if not (k in twin and k["approximate"])]
        kept.append(f)
    # an approximate figure that an exact one later restates
    return [f for f in kept if not (f["approximate"] and f["what"] != "participants" and any(
        k is not f and k["what"] == f["what"] and k["unit"] == f["unit"] and not k["approximate"]
        and k["region_code"] == f["region_code"]
        and abs(k["value"] - f["value"]) <= 0.1 * max(abs(k["value"]), 1) for k in kept))]


def _meeting_title(level: str | None, region: Region | None, kind: str = "rakor") -> str:
    """A title built from the meeting's kind and place, so two releases about the same
    meeting give the same title (and so the same id)."""
    name = "Rembuk Stunting" if kind == "rembuk" else "Rapat Koordinasi TPPS"
    if region is None:
        return name
    where = {"kecamatan": f"Kecamatan {region.name}", "desa": f"Desa {region.name}"}.get(
        level or "", region.name)
    return f"{name} {where}"


def extract(doc: Document) -> Extraction:
    gaz = gazetteer()
    a = _Article(doc, gaz)
    a.find_kabkota()
    sentence = a.meeting_sentence()
    url = URL.search(doc.text)
    source: dict[str, Any] = {
        "title": doc.title,
        "file": doc.path.rsplit("/", 1)[-1],
        "url": url[0] if url else None,
        "published": None,
    }
    for h in doc.header:
        dates = find_dates(doc.slice(h))
        if dates:
            source["published"] = dates[0][2].isoformat()
            break
    if sentence is None:
        return Extraction(doc.path, source, None, [], [], [],
                          skipped="no coordination meeting (rapat koordinasi, rakor) found")
    venue = a.venue(sentence)
    a.find_meeting_region(sentence, venue)
    region = gaz.region(a.meeting_code) if a.meeting_code else None
    kind = "rembuk" if sentence and re.search(r"rembuk\s+stunting", sentence.text, re.I) \
        else "rakor"
    source["title"] = source["title"] or _meeting_title(a.meeting_level, region, kind)
    day, date_sentence = a.meeting_date(sentence)
    if day is None and source["published"]:
        day = date.fromisoformat(source["published"])
    programs = a.programs()
    mentions = a.mentions()
    a.assign_roles(mentions)
    start, end = None, None
    for s in doc.sentences:
        t0, t1 = find_times(s.text)
        start = start or t0
        end = end or t1
    merged: dict[tuple[str, str | None, str], Mention] = {}
    for m in mentions:
        if m.generic and not m.roles:
            continue  # "camat" in passing is no institution; attending, it is a collective
        if m.key in merged:
            merged[m.key].roles = merge_roles(merged[m.key].roles, m.roles)
        else:
            merged[m.key] = m
    figures = a.figures({}, day)
    meeting = {
        "title": _meeting_title(a.meeting_level, region, kind),
        "date": day.isoformat() if day else None,
        "start_time": start, "end_time": end, "venue": venue, "level": a.meeting_level,
        "region": ({"code": region.code, "name": region.name, "level": region.level}
                   if region else None),
        "sentence": sentence, "date_sentence": date_sentence,
    }
    codes = {m.region_code for m in merged.values() if m.region_code}
    codes |= {f["region_code"] for f in figures if f["region_code"]}
    if region:
        codes.add(region.code)
    regions = {r.code: r for c in codes for r in gaz.lineage(c)}
    assert all(t in institution_types() for t in (m.type for m in merged.values()))
    return Extraction(doc.path, source, meeting, list(merged.values()), programs, figures,
                      sorted(regions.values(), key=lambda r: r.code))
