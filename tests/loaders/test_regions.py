"""The national region tree and region-name matching."""

from __future__ import annotations

import pytest

from graph.store.base import RegionFilter
from graph.store.embedded import EmbeddedStore
from loaders.regions.load import load_regions
from loaders.regions.names import display_kabkota, split_kind, variants
from loaders.regions.tree import region_tree


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kab. Tangerang", "Kabupaten Tangerang"), ("KOTA SEMARANG", "Kota  Semarang"),
     ("Gajahmungkur (Gajah Mungkur)", "Gajah Mungkur"), ("Gajahmungkur (Gajah Mungkur)",
                                                         "Gajahmungkur"),
     ("Darul Iksan (Ihsan)", "Darul Ihsan"), ("Teripe/Tripe Jaya", "Tripe Jaya"),
     ("Kota Adm. Jakarta Barat", "Kota Jakarta Barat"), ("Sumatra Utara", "Sumatera Utara"),
     ("Bogor Barat - Kota", "Bogor Barat")],
)
def test_name_variants_meet(a: str, b: str) -> None:
    ka, ba = split_kind(a)
    kb, bb = split_kind(b)
    assert ka == kb
    assert variants(ba) & variants(bb)


def test_kabupaten_and_kota_stay_apart() -> None:
    assert split_kind("Kab. Semarang")[0] == "kabupaten"
    assert split_kind("Kota Semarang")[0] == "kota"
    assert display_kabkota("Kab. Tangerang") == "Kabupaten Tangerang"


def test_tree_has_the_official_counts_and_nests_by_code() -> None:
    regions, report = region_tree()
    assert (report.provinces, report.kabkota, report.kecamatan) == (38, 514, 7277)
    assert report.desa > 80_000
    by_code = {r.code: r for r in regions}
    assert len(by_code) == len(regions)  # codes are unique
    assert by_code["33.74"].name == "Kota Semarang"
    assert by_code["36.03"].name == "Kabupaten Tangerang"
    assert by_code["33.74.05"].name == "Genuk"
    genuksari = [r for r in regions if r.name == "Genuksari"]
    assert [r.parent_code for r in genuksari] == ["33.74.05"]
    for r in regions:
        if r.parent_code is not None:
            assert r.parent_code in by_code, r
            assert r.code.startswith(r.parent_code + ".") or r.parent_code == "ID"


def test_loading_the_tree_twice_changes_nothing(embedded: EmbeddedStore) -> None:
    first = load_regions(embedded, with_desa=False)
    count = embedded.count_regions(RegionFilter())
    load_regions(embedded, with_desa=False)
    assert count == 1 + first.provinces + first.kabkota + first.kecamatan
    assert embedded.count_regions(RegionFilter()) == count
    assert embedded.count_regions(RegionFilter(parent_code="33.74")) == 16
