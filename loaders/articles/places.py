"""Every place an article names, resolved against the gazetteer as one consistent set.

A place is a kind word, a government or a head's title followed by a name (Kabupaten X,
Pemkab X, Bupati X, Nagari X, Distrik X), a bare province or short form (Jateng, Kukar),
a unit named after a place (Puskesmas X, Polsek X, Koramil 01/X), the dateline or the
publisher. Same-named candidates are settled by the others (guide §3.7): a candidate
wins when more of the other places lie above or below it. Units, the dateline and the
publisher only break ties; they never decide the meeting's region on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from loaders.articles.dates import zones_in
from loaders.articles.document import Document
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.vocab import Vocabulary
from loaders.regions.names import key

WEAK = ("unit", "dateline", "publisher")


@dataclass
class Place:
    level: str | None  # province | kabkota | kecamatan | desa; None = any
    kind: str | None  # kabupaten | kota | kelurahan ...
    name: str  # as written, without the kind word
    start: int  # offsets in the document: the whole mention
    end: int
    role: str  # word | government | head | bare | unit | dateline | publisher
    codes: list[str] = field(default_factory=list)
    code: str | None = None  # the chosen region
    # a name read in lower case ('Pemdes bogak'): a common word may be a village somewhere,
    # so it counts only when another place of the text lies above or below it
    needs_support: bool = False
    # the words the text gives when the name found is shorter ('Selong' of 'Selong
    # Belanak'): a respelling of the whole may be the place meant
    written: list[str] = field(default_factory=list)

    @property
    def weight(self) -> float:
        return 0.5 if self.role in WEAK else 1.0


_NAME_WORD = re.compile(r"[A-Z0-9][\w'’.-]*|[A-Z]")
_UNITS = re.compile(r"(?<![\w])(?:(Puskesmas|Polsek|Polsekta|KUA|Koramil(?:\s+[\d-]+)?\s*/|"
                    r"Kapolsek|Danramil)|(Polres|Polresta|Kapolres|Kodim\s+\d+\s*/|Dandim\s+\d+"
                    r"\s*/|Polres\s+Metro))\s*")
_VILLAGE_SITE = re.compile(r"\b([a-z]+)-([a-z]+)\.([a-z]+?)(kab|kota)\.go\.id")
_DOMAIN = re.compile(r"(?:(?:desa|kec|kel)-?([a-z]+)\.)?([a-z]+?)(kab|kota|prov)\.go\.id")


# capitalised words that end right before a kind word, perhaps with a comma between
_RUN_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*,?\s*$")


@dataclass(frozen=True)
class _Patterns:
    tiers: re.Pattern[str]
    by_form: list[tuple[re.Pattern[str], str, str, str]]
    bare: re.Pattern[str]


@cache
def _patterns(v: Vocabulary) -> _Patterns:
    forms = sorted(v.tiers, key=lambda t: len(t.form), reverse=True)
    alternation = "|".join(f"(?:{t.form})" for t in forms)
    words = "|".join(f"(?:{t.form})" for t in forms if t.role == "word")
    return _Patterns(
        # not inside a word nor after 'se-' (a collective); a dateline glued with a double
        # dash ('Pesisir Selatan--Nagari X') still starts a place; a local tier word may
        # carry the national one as a bracketed gloss ('Gampong (Desa) X'): the local word
        # is the tier
        tiers=re.compile(rf"(?:(?<![\w-])|(?<=--))(?P<tier>{alternation})"
                         rf"(?:\s*\(\s*(?:{words})\s*\))?(?=\s+[A-Z0-9])",
                         re.IGNORECASE),
        by_form=[(re.compile(rf"(?:{t.form})$", re.IGNORECASE), t.level, t.kind, t.role)
                 for t in forms],
        bare=re.compile(r"(?<![\w-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"),
    )


class Places:
    def __init__(self, doc: Document, gaz: Gazetteer, v: Vocabulary) -> None:
        self.doc, self.gaz, self.v = doc, gaz, v
        self.places: list[Place] = []
        # a single time zone written with a clock time is one more weak place (guide §3.7.3)
        written = zones_in(doc.text)
        self.zone = next(iter(written)) if len(written) == 1 else None
        self.tier_provinces = self._unnamed_tiers()
        self._find()
        self._resolve()

    # -- reading names -----------------------------------------------------------------
    def words(self, text: str) -> list[str]:
        """The capitalised words at the start of `text` that may form a name."""
        kinds = _patterns(self.v).tiers
        out: list[str] = []
        tokens = text.split()[:5]
        for i, token in enumerate(tokens):
            bare = token.strip(",.;:()\"'“”")
            if not bare or not _NAME_WORD.fullmatch(bare) or (
                    out and (bare.lower() in self.v.stop_words or kinds.fullmatch(bare))):
                break
            if bare.lower() in self.v.stop_words and not out and (not bare[0].isupper() or (
                    i + 1 < len(tokens) and tokens[i + 1][:1].isdigit())):
                break  # ... or 'Tingkat Kabupaten Tahun 2025': a stop word and a number
            out.append(bare)
            if token != bare and not token.endswith(("'", "’")):
                break  # punctuation ends the name
        return out

    def lookup(self, level: str | None, kind: str | None, words: list[str]) -> tuple[
            list[str], int]:
        """Candidate codes for the longest prefix of `words` that names a region."""
        levels = [level] if level else ["province", "kabkota"]
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            for lv in levels:
                codes = self.gaz.find(lv, name, kind if lv == "kabkota" else None)
                if codes:
                    return codes, n
        return [], 0

    def _add(self, level: str | None, kind: str | None, start: int, name_at: int,
             text: str, role: str, tier: str = "") -> Place | None:
        words = self.words(text)
        codes, n = self.lookup(level, kind, words)
        if not words:
            return None
        if codes and n == len(words) and level in ("kecamatan", "desa"):
            codes, words, n = self._through_stop_word(level, kind, text, codes, words, n)
        if tier and level in ("kecamatan", "desa"):
            codes, n = self._in_tier_provinces(tier.strip(), level, words, codes, n)
        name = " ".join(words[:n] if n else words[:2])
        end = name_at + text.find(name) + len(name) if name in text else name_at + len(name)
        place = Place(level, kind, name, start, end, role, codes)
        if level in ("kecamatan", "desa") and len(words) > max(n, 1) and role != "unit":
            place.written = words
        self.places.append(place)
        return place

    def _through_stop_word(self, level: str, kind: str | None, text: str, codes: list[str],
                           words: list[str], n: int) -> tuple[list[str], list[str], int]:
        """'Desa Tanjung Dalam': a capitalised word that ends names elsewhere (a function
        word, data/stopwords.txt) goes on with the name when the tree has a region of this
        level named with it (Tanjung Dalam), not only the shorter one (Tanjung)."""
        tokens = text.split()
        if len(tokens) <= n:
            return codes, words, n
        nxt = tokens[n].strip(",.;:()\"'“”")
        if not (nxt[:1].isupper() and nxt[1:].islower() and nxt.lower() in self.v.stop_words
                and tokens[n - 1] == words[-1]):
            return codes, words, n
        longer = self.gaz.find(level, " ".join([*words, nxt]), None)
        return (longer, [*words, nxt], n + 1) if longer else (codes, words, n)

    def _in_tier_provinces(self, tier: str, level: str, words: list[str], codes: list[str],
                           n: int) -> tuple[list[str], int]:
        """A tier word used only in some provinces (Nagari, Gampong, Distrik ...) keeps the
        candidates there, trying the local spellings of the name (Taluk, registered Taluak)
        when the name as written is found only elsewhere. Nothing found there: the lookup
        as it was (an invented tree, or a name the register lacks)."""
        rule = next((t for t in self.v.tier_provinces if t.pattern.fullmatch(tier)), None)
        if rule is None:
            return codes, n
        provinces = [c for name in rule.provinces for c in self.gaz.find("province", name)]
        if not provinces:
            return codes, n

        def inside(found: list[str]) -> list[str]:
            return [c for c in found if any(self.gaz.within(c, p) for p in provinces)
                    and self._in_kind(c, rule.within)]

        # some registers keep the tier word in the name ('Gampong Ladang'): those count too
        with_tier = self.gaz.find(level, f"{tier} {' '.join(words[:n])}") if n else []
        kept = inside(list(dict.fromkeys(codes + with_tier)))
        if kept and n == len(words):
            return kept, n
        # a local spelling of the whole name beats a shorter name found as written
        # ('Gampong Geulumpang Baroh' is Glumpang Baroh, not the gampong Geulumpang)
        for size in range(len(words), n if kept else 0, -1):
            last = words[size - 1]
            for written, registered in rule.spellings:
                if written.startswith("*"):
                    # '*eu>': a spelling inside any one word (Aceh: Geulumpang, registered
                    # Glumpang), tried word by word since the others keep theirs (Keude)
                    inner = written[1:]
                    for i in range(size):
                        if inner in words[i].lower():
                            changed = re.sub(re.escape(inner), registered, words[i],
                                             flags=re.IGNORECASE)
                            name = " ".join([*words[:i], changed, *words[i + 1:size]])
                            found = inside(self.gaz.find(level, name))
                            if found:
                                return found, size
                elif last.lower().endswith(written):
                    name = " ".join([*words[:size - 1], last[:-len(written)] + registered])
                    found = inside(self.gaz.find(level, name))
                    if found:
                        return found, size
        return (kept, n) if kept else (codes, n)

    def _in_kind(self, code: str, within: str) -> bool:
        """A tier word of one kind of kab/kota only (DIY: Kapanewon in a kabupaten, Kemantren
        in the city): a candidate whose kab/kota is of the other kind is not meant."""
        if not within:
            return True
        kab = self.gaz.at_level(code, "kabkota")
        return kab is None or kab.name.lower().startswith(within)

    # -- finding -----------------------------------------------------------------------
    def _find(self) -> None:
        p = _patterns(self.v)
        doc = self.doc
        spans = [(s.start, s.end) for s in doc.sentences] + list(doc.header)
        for a, b in spans:
            # a misspelt title ('Cmata X') names its place as the title would (same offsets)
            text = self.v.respeller.respell(doc.text[a:b])
            taken: list[tuple[int, int]] = []
            if doc.dateline is not None and a <= doc.dateline[0] < b:
                # 'KOTA X, Diskominfo –': a kind word in the dateline makes it no stronger
                # than the dateline (guide §3.4); _dateline adds it, weak
                taken.append((doc.dateline[0] - a, doc.dateline[1] - a))
            for m in p.tiers.finditer(text):
                if any(x <= m.start() < y for x, y in taken):
                    continue
                level, kind, role = self._tier(m["tier"])
                if role == "head" and self._tier_word_follows(text[m.end():]):
                    continue  # 'Keuchik Gampong X': the tier word names the place
                place = self._add(level, kind, a + m.start(), a + m.end(), text[m.end():], role,
                                  m["tier"])
                if place is not None:
                    taken.append((m.start(), place.end - a))
            self._before_kabkota(a, text, taken)
            self._lowercase(a, text, taken)
            for m in _UNITS.finditer(text):
                level = "kecamatan" if m[1] else "kabkota"
                self._add(level, None, a + m.start(), a + m.end(), text[m.end():], "unit")
                taken.append((m.start(), m.end() + 20))
            for m in p.bare.finditer(text):
                if any(x <= m.start() < y for x, y in taken):
                    continue
                self._bare(a + m.start(), m[0])
        self._dateline()
        self._publisher()

    def _before_kabkota(self, at: int, text: str, taken: list[tuple[int, int]]) -> None:
        """'di Karang Timur, Kota Batu Karang': a bare name written right before a kab/kota
        with its kind word is an address, so a kecamatan of that kab/kota when the
        gazetteer has one by the whole name (or by its last words: 'Aula Karang Timur')."""
        cities = [p for p in self.places if at <= p.start < at + len(text)
                  and p.level == "kabkota" and p.role == "word" and p.codes]
        for city in cities:
            run = _RUN_BEFORE.search(text[:city.start - at])
            if run is None or any(x <= run.start(1) < y for x, y in taken):
                continue
            words = run[1].split()
            for i in range(len(words)):
                name = " ".join(words[i:])
                codes = [c for c in self.gaz.find("kecamatan", name)
                         if any(self.gaz.within(c, k) for k in city.codes)]
                if codes:
                    start = at + run.end(1) - len(name)
                    self.places.append(Place("kecamatan", None, name, start, start + len(name),
                                             "word", codes))
                    taken.append((start - at, start - at + len(name)))
                    break

    def _lowercase(self, at: int, text: str, taken: list[tuple[int, int]]) -> None:
        """'Pemdes bogak kecamatan tanjung tiram': a name written in lower case after a
        government form of data/lowercase_names.csv, and the chain of kind words with
        lowercase names right after it. Kept only when the gazetteer knows the name."""
        rules = self.v.lowercase_tiers
        for rule in (r for r in rules if not r.chained):
            for m in rule.pattern.finditer(text):
                if any(x <= m.start() < y for x, y in taken):
                    continue
                place = self._add_lower(rule.level, at + m.start(), at + m.end(),
                                        text[m.end():])
                while place is not None:
                    taken.append((place.start - at, place.end - at))
                    rest = text[place.end - at:]
                    link = re.match(r"\s*,?\s*", rest)
                    after = place.end - at + (link.end() if link else 0)
                    nxt = next(((r, x) for r in rules if r.chained
                                for x in [r.pattern.match(text, after)] if x), None)
                    if nxt is None:
                        break
                    place = self._add_lower(nxt[0].level, at + after, at + nxt[1].end(),
                                            text[nxt[1].end():])

    def _add_lower(self, level: str, start: int, name_at: int, text: str) -> Place | None:
        words: list[str] = []
        for token in text.split()[:3]:
            bare = token.rstrip(",.;:)")
            if not re.fullmatch(r"[a-z]+", bare) or bare in self.v.stop_words or any(
                    r.pattern.match(bare + " x") for r in self.v.lowercase_tiers):
                break
            words.append(bare)
            if bare != token:
                break  # punctuation ends the name
        codes, n = self.lookup(level, None, [w.capitalize() for w in words])
        if not codes:
            return None
        name = " ".join(words[:n])
        end = name_at + text.find(name) + len(name)
        place = Place(level, None, name, start, end, "word", codes, needs_support=True)
        self.places.append(place)
        return place

    def _bare(self, at: int, run: str) -> None:
        """A province, short form or two-word region name without a kind word. After an
        office's acronym the name may start later in the run ('BKKBN Kalbar', 'DPPKB
        Sulsel'): an all-capital word is tried as a prefix to skip."""
        words = run.split()
        offset = 0
        for i, word in enumerate(words):
            if i > 0:
                offset = run.index(word, offset + len(words[i - 1]))
                if not (words[i - 1].isupper() and len(words[i - 1]) >= 2):
                    return
            codes, n = self.lookup(None, None, words[i:])
            if codes and (n > 1 or self._is_alias_or_province(word)):
                name = " ".join(words[i:i + n])
                self.places.append(Place(None, None, name, at + offset,
                                         at + offset + len(name), "bare", codes))
                return

    def _tier_word_follows(self, text: str) -> bool:
        """A kecamatan or village kind word right after a head's title (Keuchik Gampong X,
        Camat Kecamatan Y). 'Kota' is left out: 'Camat Kota Agung' names a kecamatan."""
        words = text.split()
        if not words:
            return False
        for pattern, level, _kind, role in _patterns(self.v).by_form:
            if role == "word" and level in ("kecamatan", "desa") and \
                    pattern.fullmatch(words[0].strip(",.;:")):
                return True
        return False

    def _is_alias_or_province(self, word: str) -> bool:
        return bool(self.gaz.find("province", word)) or any(
            a.alias == word for a in self.v.aliases)

    def _tier(self, written: str) -> tuple[str, str, str]:
        for pattern, level, kind, role in _patterns(self.v).by_form:
            if pattern.fullmatch(written.strip()):
                return level, kind, role
        return "kabkota", "kabupaten", "word"

    def _dateline(self) -> None:
        """The dateline's places: its head ('KUPANG', 'Kota X', a kecamatan or desa) and
        each further piece after a comma or in brackets that names a province or kab/kota
        ('Kupang, NTT -', 'PONTIANAK (KALBAR) -', 'JATENG, Semarang -': the short forms of
        data/region_aliases.csv). A further piece is never read as a kecamatan or desa:
        it may be an outlet or an office ('SEMARANG, Humas -')."""
        if self.doc.dateline is None:
            return
        a, b = self.doc.dateline
        line = self.doc.text[a:b]
        for n, piece in enumerate(re.split(r"[,()/]", line)):
            words = [w.capitalize() if w.isupper() else w for w in piece.split()]
            if not words:
                continue
            level, kind = None, None
            if words[0].lower() in ("kota", "kabupaten", "kab", "kab."):
                kind = "kota" if words[0].lower() == "kota" else "kabupaten"
                level, words = "kabkota", words[1:]
            codes, size = self.lookup(level, kind, words)
            if n > 0 and size < len(words):
                continue  # a further piece names a region whole, or nothing
            if not codes and n == 0:
                codes, size = self.lookup("kecamatan", None, words)
            if not codes and n == 0:
                codes, size = self.lookup("desa", None, words)
            if codes:
                self.places.append(Place(level, kind, " ".join(words[:size]), a, b, "dateline",
                                         codes))

    def _publisher(self) -> None:
        for hint in self.doc.publisher:
            low = hint.lower()
            # 'peron-limbangan.kendalkab.go.id': a village site named with its kecamatan
            for m in _VILLAGE_SITE.finditer(low):
                within = self.gaz.find("kabkota", m[3], {"kab": "kabupaten"}.get(m[4], "kota"))
                kec = [c for c in self.gaz.find("kecamatan", m[2])
                       if any(self.gaz.within(c, k) for k in within)]
                desa = [c for c in self.gaz.find("desa", m[1])
                        if any(self.gaz.within(c, k) for k in kec)]
                for level, name, codes in (("kecamatan", m[2], kec), ("desa", m[1], desa)):
                    if len(codes) == 1:
                        self.places.append(Place(level, None, name, 0, 0, "publisher", codes))
            for m in _DOMAIN.finditer(low):
                kind = {"kab": "kabupaten", "kota": "kota"}.get(m[3])
                level = "province" if m[3] == "prov" else "kabkota"
                codes = self.gaz.find(level, m[2], kind)
                if codes:
                    self.places.append(Place(level, kind, m[2], 0, 0, "publisher", codes))
                if m[1]:
                    low_codes = self.gaz.find("desa", m[1]) + self.gaz.find("kecamatan", m[1])
                    if low_codes:
                        self.places.append(Place(None, None, m[1], 0, 0, "publisher",
                                                 low_codes))
            unit = re.search(r"\b(?:Polres(?:ta)?|Kodim\s*\d*/?|Pemkab|Pemkot|Kabupaten|Kota)\s+"
                             r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})", hint)
            if unit:
                codes, n = self.lookup("kabkota", None, unit[1].split())
                if codes:
                    self.places.append(Place("kabkota", None, unit[1], 0, 0, "publisher", codes))

    # -- resolving ---------------------------------------------------------------------
    def _support(self, place: Place, code: str, pool: list[Place]) -> float:
        total = 0.0
        for q in pool:
            if q is place or not q.codes or (key(q.name) == key(place.name)
                                             and q.level == place.level):
                continue
            hits = sum(1 for c in q.codes if c != code and self.gaz.related(c, code))
            total += q.weight * hits / len(q.codes)
        return total

    def _respelled(self) -> None:
        """A kecamatan or desa found only by its first word(s), when the whole name as
        written is a respelling of a registered one ('Desa Selong Belanak, Kecamatan
        Praya Barat': the register's Selong Blanak, not a kelurahan Selong in another
        province): the longest name that resolves wins, unless the shorter one fits the
        other places of the text better (guide §3.7)."""
        for p in self.places:
            if not p.written or p.level is None:
                continue
            for size in range(len(p.written), max(len(p.name.split()), 1), -1):
                name = " ".join(p.written[:size])
                found = self.gaz.find_respelled(p.level, name)
                if not found:
                    continue
                probe = Place(p.level, None, name, p.start, p.end, p.role, found)
                longer = max(self._support(probe, c, self.places) for c in found)
                shorter = max((self._support(p, c, self.places) for c in p.codes),
                              default=-1.0)
                if longer >= shorter:
                    text = self.doc.text
                    at = text.find(p.written[size - 1], p.start)
                    p.codes, p.name = found, name
                    if at >= 0:
                        p.end = at + len(p.written[size - 1])
                break

    def _resolve(self) -> None:
        self._respelled()
        for p in self.places:
            if len(p.codes) == 1 and not p.needs_support:
                p.code = p.codes[0]
        for p in self.places:
            if len(p.codes) < (1 if p.needs_support else 2) or len(p.codes) > 250:
                continue  # beyond 250 a name is too common to settle
            scored = sorted(((self._support(p, c, self.places) + self._in_zone(c)
                              + self._in_tier(c), c) for c in p.codes), reverse=True)
            if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                p.code = scored[0][1]

    def _unnamed_tiers(self) -> set[str]:
        """Provinces of a local tier word written as a common noun, without a name ('para
        kepala pekon', 'balai nagari'): a weak place, like the time zone (guide §3.7.1).
        Only lowercase counts: 'Kecamatan Lembang' or 'Bank Nagari' is a name."""
        out: set[str] = set()
        for rule in self.v.tier_provinces:
            body = rule.pattern.pattern.removesuffix("$")
            for m in re.finditer(rf"(?<![\w-]){body}(?![\w])", self.doc.text,
                                 re.IGNORECASE):
                if m[0].islower():
                    out.update(c for name in rule.provinces
                               for c in self.gaz.find("province", name))
                    break
        return out

    def _in_tier(self, code: str) -> float:
        """A quarter for a candidate inside a province a lowercase tier word points to."""
        return 0.25 if any(self.gaz.within(code, p) for p in self.tier_provinces) else 0.0

    def _in_zone(self, code: str) -> float:
        """Half a weak place's support for a candidate whose province keeps the zone the
        text writes ('pukul 09.00 WITA')."""
        if self.zone is None:
            return 0.0
        return 0.25 if self.gaz.zone(code, self.v) == self.zone else 0.0

    # -- questions the other steps ask -------------------------------------------------
    def after(self, offset: int, gap: int = 3) -> Place | None:
        """The place that starts within `gap` characters after `offset` (or at it)."""
        best = None
        for p in self.places:
            if p.role in ("dateline", "publisher"):
                continue
            if offset - 1 <= p.start <= offset + gap and (best is None or p.start < best.start):
                best = p
        return best

    def starting_at(self, start: int, end: int) -> Place | None:
        """A place whose mention begins inside [start, end] (Pemkab X, Camat X)."""
        for p in self.places:
            if p.role not in ("dateline", "publisher") and start <= p.start <= end:
                return p
        return None

    def resolved(self, strong_only: bool = False) -> list[Place]:
        return [p for p in self.places if p.code and (not strong_only or p.role not in WEAK)]

    def best(self, level: str, name: str) -> str | None:
        """The region of `level` named `name` that fits the other places best."""
        codes = self.gaz.find(level, name)
        if len(codes) <= 1:
            return codes[0] if codes else None
        probe = Place(level, None, name, 0, 0, "word", codes)
        scored = sorted(((self._support(probe, c, self.places) + self._in_zone(c)
                          + self._in_tier(c), c) for c in codes), reverse=True)
        return scored[0][1] if scored[0][0] > scored[1][0] else None

    def main(self, level: str) -> str | None:
        """The region of `level` the article names most (its ancestors counted in)."""
        counts: dict[str, float] = {}
        for p in self.resolved():
            assert p.code is not None
            r = self.gaz.at_level(p.code, level)
            if r is not None:
                counts[r.code] = counts.get(r.code, 0) + p.weight
        if not counts:
            return None
        return max(counts.items(), key=lambda kv: kv[1])[0]
