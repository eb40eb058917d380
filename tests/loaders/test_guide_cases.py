"""The guide's 25 cases (extraction-guide §9) as gold files: all there, all well-formed,
and every region they name sits in the fixture tree where the gold says."""

from __future__ import annotations

from pathlib import Path

from graph.model import Region
from loaders.articles.gold import REGION_FIELDS, read_gold, read_regions, region_label

GUIDE = Path(__file__).parent / "corpus" / "guide"


def test_the_25_cases_each_have_a_text_and_a_well_formed_gold() -> None:
    names = [f"T{n:02d}" for n in range(1, 26)]
    assert sorted(p.stem for p in GUIDE.glob("*.txt")) == names
    no_meeting = [n for n in names if read_gold(GUIDE / f"{n}.gold.json").meeting is None]
    assert no_meeting == ["T07", "T08", "T09"]  # planned, referenced, explainer


def test_every_gold_region_is_a_lineage_of_the_fixture_tree() -> None:
    records = read_regions(GUIDE / "gazetteer.json")
    by_code = {r["code"]: Region(r["code"], r["name"], r["level"], r["parent"])
               for r in records}
    lineages = []
    for r in by_code.values():
        line, code = {}, r.code
        while code in by_code:
            node = by_code[code]
            if node.level in REGION_FIELDS:
                line[REGION_FIELDS[node.level]] = region_label(node)
            code = node.parent_code or ""
        lineages.append((r.level, line))
    for path in sorted(GUIDE.glob("*.gold.json")):
        m = read_gold(path).meeting
        if m is None or m.level is None:
            continue
        given = {k: v for k, v in m.region.items() if v}
        assert (m.level, given) in lineages, f"{path.name}: {m.level} {given} is not in the tree"


def test_the_fixture_tree_holds_the_guide_traps() -> None:
    records = read_regions(GUIDE / "gazetteer.json")
    names = [(r["name"], r["level"]) for r in records]
    assert names.count(("Mekarsari", "desa")) == 2  # Kab Lembah Hijau and Kab Batu Jaya
    assert names.count(("Sukaluyu", "kecamatan")) == 2
    assert ("Kabupaten Lembah Hijau", "kabkota") in names
    assert ("Kota Lembah Hijau", "kabkota") in names  # the Kota/Kabupaten twins
    assert ("Kota Bahari", "kecamatan") in names  # "Kota" inside a kecamatan name
    [lemhi] = [r for r in records if "Lemhi" in r.get("aliases", [])]
    assert lemhi["name"] == "Kabupaten Lembah Hijau"
    zones = {r["name"]: r.get("zone") for r in records if r["level"] == "province"}
    assert zones == {"Nusa Kencana": "WITA", "Sumatera Contoh": "WIB", "Papua Contoh": "WIT"}
