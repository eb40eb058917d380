"""Region names an article may use, resolved to region codes.

`gazetteer()` is built once from the national tree `tpps load regions` writes, so every
code the extractor gives exists there. `Gazetteer.from_regions(records)` builds one from
any list of region records ({code, name, level, parent}, optionally `aliases`), which is
how tests and gold folders use an invented tree. Short forms, renamed units and spelling
variants come from data/region_aliases.csv. Names repeat across the country: choosing
among same-named regions is the job of `places.py`, which sees the whole text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from graph.model import Region
from loaders.articles.vocab import Vocabulary, vocabulary
from loaders.regions.names import key, split_kind, variants

LEVELS = ("province", "kabkota", "kecamatan", "desa")
# a word that opens this many village names nationwide is a common head ('Pasar', 'Nanga')
_COMMON_HEAD = 20


def _region(record: Region | Mapping[str, Any]) -> tuple[Region, list[str]]:
    if isinstance(record, Region):
        return record, []
    parent = record.get("parent", record.get("parent_code"))
    return (Region(str(record["code"]), str(record["name"]), str(record["level"]),
                   str(parent) if parent else None), list(record.get("aliases") or []))


class Gazetteer:
    def __init__(self, regions: Iterable[Region | Mapping[str, Any]],
                 vocab: Vocabulary | None = None) -> None:
        self.by_code: dict[str, Region] = {}
        # (level, kind or None, key) -> codes; kind narrows kab/kota (kabupaten / kota)
        self._index: dict[tuple[str, str | None, str], list[str]] = defaultdict(list)
        self.nicknames: dict[str, list[str]] = defaultdict(list)
        self._ancestors: dict[str, frozenset[str]] = {}
        self._found: dict[tuple[str, str, str | None], list[str]] = {}  # lookups already made
        self.zones: dict[str, str] = {}  # province code -> WIB / WITA / WIT, when given
        # level -> consonant skeleton -> codes, built on the first respelled lookup
        self._loose: dict[str, dict[str, list[str]]] = {}
        self._most_kabkota: int | None = None
        aliases: list[tuple[Region, str]] = []
        v = vocab or vocabulary()
        numerals = v.numerals
        for record in regions:
            r, extra = _region(record)
            self.by_code[r.code] = r
            if isinstance(record, Mapping) and record.get("zone"):
                self.zones[r.code] = str(record["zone"])
            self._add(r, r.name)
            aliases += [(r, a) for a in extra]
            if r.level in ("kecamatan", "desa"):  # Bolangitang I is written Bolangitang Satu
                words = r.name.split()
                last = words[-1].lower() if len(words) > 1 else ""
                if last in numerals:
                    aliases.append((r, " ".join([*words[:-1], numerals[last].upper()])))
        aliases += self._without_kecamatan()
        for r, a in aliases:
            self._add(r, a)
        for alias in v.aliases:
            kind, bare = split_kind(alias.name)
            targets = self.find(alias.level, bare, kind)
            for code in targets:
                if alias.note == "nickname":
                    self.nicknames[key(alias.alias)].append(code)
                else:
                    self._add(self.by_code[code], alias.alias, keep_kind=True)

    def _without_kecamatan(self) -> list[tuple[Region, str]]:
        """'Pungguang Kasiak Lubuk Alung' in kecamatan Lubuk Alung: a tree that appends the
        kecamatan to a village's name leaves the name the village is called by (Nagari
        Pungguang Kasiak) as an alias. A one-word rest that heads many village names
        ('Pasar', 'Nanga', 'Kuala' of 'Pasar Bangko') is a common word, not a name."""
        heads: dict[str, int] = defaultdict(int)
        glued: list[tuple[Region, str]] = []
        for r in self.by_code.values():
            if r.level != "desa":
                continue
            words = r.name.split()
            heads[words[0].lower()] += 1 if words else 0
            parent = self.by_code.get(r.parent_code or "")
            if parent is None or parent.level != "kecamatan":
                continue
            tail = parent.name.split()
            if len(words) > len(tail) and [w.lower() for w in words[-len(tail):]] == [
                    w.lower() for w in tail]:
                glued.append((r, " ".join(words[:-len(tail)])))
        return [(r, rest) for r, rest in glued
                if " " in rest or heads[rest.lower()] < _COMMON_HEAD]

    @classmethod
    def from_regions(cls, regions: Iterable[Region | Mapping[str, Any]],
                     vocab: Vocabulary | None = None) -> Gazetteer:
        return cls(regions, vocab)

    def _add(self, r: Region, name: str, keep_kind: bool = False) -> None:
        if r.level not in LEVELS:
            return
        kind, bare = split_kind(name)
        if r.level != "kabkota":
            kind = None
        elif kind is None or keep_kind:
            kind = split_kind(r.name)[0]
        keys = variants(bare)
        if r.level == "kecamatan":
            keys |= {k for alt in _alternatives(name) for k in variants(alt)}
        for v in keys:
            self._index[(r.level, None, v)].append(r.code)
            if kind:
                self._index[(r.level, kind, v)].append(r.code)

    # -- lookups -----------------------------------------------------------------------
    def region(self, code: str) -> Region:
        return self.by_code[code]

    def find(self, level: str, name: str, kind: str | None = None) -> list[str]:
        """Codes of the regions of `level` a name may mean ('kota' / 'kabupaten' narrows
        a kab/kota)."""
        cached = self._found.get((level, name, kind))
        if cached is not None:
            return cached
        result = self._find(level, name, kind)
        if len(self._found) > 200_000:  # a bound for long loads; names repeat, so rarely hit
            self._found.clear()
        self._found[(level, name, kind)] = result
        return result

    def _find(self, level: str, name: str, kind: str | None) -> list[str]:
        written_kind, bare = split_kind(name)
        if written_kind is not None:
            name = bare
            if level == "kabkota" and kind is None:
                kind = written_kind
        found: list[str] = []
        for v in sorted(variants(name)):  # a set: sorted, so the order never hangs on hashing
            found += self._index.get((level, kind if level == "kabkota" else None, v), [])
        return list(dict.fromkeys(found))

    def find_respelled(self, level: str, name: str) -> list[str]:
        """Codes of kecamatan or desa whose name is `name` spelled otherwise: the same
        consonants in the same order once spaces and doubled letters go ('Ie Masen Kayee
        Adang' / 'Iemasen Kaye Adang', 'Selong Belanak' / 'Selong Blanak'), and close
        as a whole (a vowel or two apart). Exact names are `find`'s."""
        if level not in ("kecamatan", "desa"):
            return []
        index = self._loose.get(level)
        if index is None:
            index = self._loose[level] = defaultdict(list)
            for r in self.by_code.values():
                if r.level == level:
                    for v in variants(r.name):
                        index[_skeleton(v)].append(r.code)
        wanted = key(name)
        found = []
        for code in dict.fromkeys(index.get(_skeleton(wanted), [])):
            best = max(SequenceMatcher(None, wanted, v).ratio()
                       for v in variants(self.by_code[code].name))
            if best >= 0.85:
                found.append(code)
        return found

    def find_kabkota(self, name: str, kind: str | None = None) -> list[str]:
        return self.find("kabkota", name, kind)

    def find_below(self, level: str, name: str, within: str | None) -> list[str]:
        """Kecamatan or desa codes with this name, inside `within` when given."""
        codes = self.find(level, name)
        if within:
            return [c for c in codes if self.within(c, within)]
        return codes

    def ancestors(self, code: str) -> frozenset[str]:
        """Codes of every region above `code` (not itself)."""
        if code not in self._ancestors:
            parent = self.by_code[code].parent_code if code in self.by_code else None
            up = (self.ancestors(parent) | {parent}) if parent and parent in self.by_code \
                else frozenset()
            self._ancestors[code] = frozenset(up)
        return self._ancestors[code]

    def within(self, code: str, ancestor: str) -> bool:
        return code == ancestor or ancestor in self.ancestors(code)

    def most_kabkota(self) -> int:
        """The most kab/kota any one province of the tree has: a count of kab/kota above it
        is the nation's ('360 kabupaten/kota lokus'), never one province's gathered."""
        if self._most_kabkota is None:
            counts: dict[str | None, int] = defaultdict(int)
            for r in self.by_code.values():
                if r.level == "kabkota":
                    counts[r.parent_code] += 1
            self._most_kabkota = max(counts.values(), default=0)
        return self._most_kabkota

    def related(self, a: str, b: str) -> bool:
        """One region contains the other (or they are the same)."""
        return self.within(a, b) or self.within(b, a)

    def zone(self, code: str, vocab: Vocabulary | None = None) -> str | None:
        """The time zone of the region's province: given with the province's record (a
        folder's gazetteer.json), else from data/time_zones.csv by its name."""
        province = self.at_level(code, "province") if code in self.by_code else None
        if province is None:
            return None
        if province.code in self.zones:
            return self.zones[province.code]
        return (vocab or vocabulary()).time_zones.get(province.name)

    def lineage(self, code: str) -> list[Region]:
        """The region and every ancestor up to the top, top first."""
        out = []
        current: str | None = code
        while current is not None and current in self.by_code:
            r = self.by_code[current]
            out.append(r)
            current = r.parent_code
        return list(reversed(out))

    def at_level(self, code: str, level: str) -> Region | None:
        """The region of `level` that holds `code` (itself included)."""
        for r in self.lineage(code):
            if r.level == level:
                return r
        return None


def _skeleton(matching_key: str) -> str:
    """A matching key without doubled letters and without its vowels after the first
    letter: the part of a name that respellings keep."""
    single = re.sub(r"(.)\1+", r"\1", matching_key)
    return single[:1] + re.sub(r"[aeiou]", "", single[1:])


_BRACKET = re.compile(r"\(([^)]*)\)")


def _alternatives(name: str) -> list[str]:
    """More names of a kecamatan stored with a bracketed alternative, as the press writes
    it short: each alternative of a list ('Selemadeg Timur (Salamadeg Timur, Salemadeg
    Timur)'), an alternative without the 'Kota' it opens with ('Kota Kualasinpang (Kota
    Kuala Simpang)' is written 'Kecamatan Kuala Simpang'), and a one-word alternative in
    place of the word it respells wherever that word stands ('Seri Kuala Lobam (Sri)' ->
    'Sri Kuala Lobam'; variants() replaces only the last word)."""
    outer = _BRACKET.sub(" ", name).split()
    found: list[str] = []
    for inner in _BRACKET.findall(name):
        for alt in (a.strip() for a in re.split(r"\s*[,/]\s*", inner)):
            if not alt:
                continue
            found.append(alt)
            kind, bare = split_kind(alt)
            if kind is not None and bare:
                found.append(bare)
            if " " not in alt and len(outer) > 1:
                scores = [SequenceMatcher(None, w.lower(), alt.lower()).ratio() for w in outer]
                best = max(range(len(outer)), key=scores.__getitem__)
                if scores[best] >= 0.6 and outer[best][0].lower() == alt[0].lower():
                    found.append(" ".join([*outer[:best], alt, *outer[best + 1:]]))
    return found


@cache
def gazetteer() -> Gazetteer:
    """The national tree: 38 provinces down to every desa/kelurahan."""
    from loaders.regions.tree import region_tree

    regions, _ = region_tree(with_desa=True)
    return Gazetteer.from_regions(regions)
