"""Region names an article may use, resolved to Kemendagri codes.

Built once from the same tree `tpps load regions` writes, so every code the
extractor gives exists there. Kecamatan and desa names repeat across the
country: they are resolved inside the kab/kota the article is about.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from graph.model import Region
from loaders.regions.names import key, split_kind, variants
from loaders.regions.tree import region_tree


@dataclass(frozen=True)
class Gazetteer:
    by_code: dict[str, Region]
    kabkota: dict[tuple[str | None, str], list[str]]  # (kind, key) -> codes; kind None = any
    kecamatan: dict[str, list[str]]  # key -> codes
    desa: dict[str, list[str]]  # key -> codes
    province: dict[str, str]

    def region(self, code: str) -> Region:
        return self.by_code[code]

    def lineage(self, code: str) -> list[Region]:
        """The region and every ancestor up to Indonesia, top first."""
        out = []
        current: str | None = code
        while current is not None and current in self.by_code:
            r = self.by_code[current]
            out.append(r)
            current = r.parent_code
        return list(reversed(out))

    def find_kabkota(self, name: str, kind: str | None = None) -> list[str]:
        """Codes of the kab/kota a name may mean; kind 'kota' or 'kabupaten' narrows it."""
        found = []
        for v in variants(name):
            found += self.kabkota.get((kind, v), [])
        return list(dict.fromkeys(found))

    def find_below(self, level: str, name: str, within: str | None) -> list[str]:
        """Kecamatan or desa codes with this name, inside `within` when given and found there."""
        index = self.kecamatan if level == "kecamatan" else self.desa
        codes = list(dict.fromkeys(c for v in variants(name) for c in index.get(v, [])))
        if within:
            inside = [c for c in codes if c.startswith(within + ".")]
            return inside
        return codes


@cache
def gazetteer() -> Gazetteer:
    regions, _ = region_tree(with_desa=True)
    by_code = {r.code: r for r in regions}
    kabkota: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    kecamatan: dict[str, list[str]] = defaultdict(list)
    desa: dict[str, list[str]] = defaultdict(list)
    province: dict[str, str] = {}
    for r in regions:
        if r.level == "kabkota":
            kind, bare = split_kind(r.name)
            for v in variants(bare):
                kabkota[(kind, v)].append(r.code)
                kabkota[(None, v)].append(r.code)
        elif r.level == "kecamatan":
            for v in variants(r.name):
                kecamatan[v].append(r.code)
        elif r.level == "desa":
            for v in variants(r.name):
                desa[v].append(r.code)
        elif r.level == "province":
            province[key(r.name)] = r.code
    return Gazetteer(by_code, dict(kabkota), dict(kecamatan), dict(desa), province)
