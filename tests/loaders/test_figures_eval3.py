"""Figure rules of issue 10 (third blind set): a drop written with a passive verb or a
change noun as subject is no level, a level written 'angka stunting 9.6' (a point, no
persen) is the prevalence, counts with 'terdampak stunting' or shared out by
'masing-masing' are cases, and a breakdown by nutrition status after a stunting total is
`other`. Sentences are our own; each test fails when its rule (or its data row) breaks."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in


def test_a_level_brought_down_by_a_passive_verb_is_a_change() -> None:
    assert figures_in("Prevalensi stunting di kota itu berhasil diturunkan sebesar 4,2 "
                      "persen sejak 2022.") == []
    assert figures_in("Angka stunting sudah ditekan 1,5 persen oleh kerja lintas sektor.") == []
    # the level reached stays a level
    assert figures_in("Prevalensi stunting diturunkan menjadi 14,1 persen pada 2024.") == [
        ("stunting_prevalence_pct", 14.1)]


def test_a_change_noun_whose_verb_comes_later_is_a_change() -> None:
    assert figures_in("Penurunan prevalensi yang diraih selama setahun mencapai 3 persen.") \
        == []
    assert figures_in("Kenaikannya tahun ini sekitar 0,8 persen, kata dia.") == []


def test_a_bare_decimal_after_angka_stunting_is_the_prevalence() -> None:
    assert figures_in("Menurut SSGI 2024 angka stunting Kapuas 17.6, lebih rendah dari "
                      "tahun lalu.") == [("stunting_prevalence_pct", 17.6)]
    assert figures_in("Kini angka stunting 8,3 dan terus dipantau.") == [
        ("stunting_prevalence_pct", 8.3)]


def test_a_bare_number_after_angka_stunting_that_is_no_decimal_stays_out() -> None:
    # a year, a whole count and money are not read as the share
    assert figures_in("Angka stunting 2024 dibahas bersama.") == []
    assert ("stunting_prevalence_pct", 12.0) not in figures_in(
        "Angka stunting 12 balita tercatat di desa itu.")
    assert figures_in("Anggaran angka stunting Rp 2.5 miliar disiapkan.") == []


def test_children_terdampak_stunting_are_cases() -> None:
    assert figures_in("Puskesmas mendata 47 anak terdampak stunting di wilayahnya.") == [
        ("stunting_cases", 47)]


def test_counts_shared_out_by_masing_masing_are_cases() -> None:
    # right after a sentence of cases, with no stunting word of its own
    assert figures_in("Dua dusun, Krajan dan Tengah, masing-masing empat kasus.",
                      about_stunting=True) == [("stunting_cases", 4)]
    assert figures_in("Sisanya tersebar di Dusun Krajan dan Dusun Tengah dengan masing-masing "
                      "3 anak.", about_stunting=True) == [("stunting_cases", 3)]
    # no stunting context: a share-out of children is no count of cases
    assert figures_in("Bantuan dibagi ke dua dusun, masing-masing 3 anak.") == []


def test_a_breakdown_by_nutrition_status_is_other() -> None:
    found = figures_in("Tercatat 40 balita stunting, dengan rincian gizi buruk 6 balita, "
                       "kurang gizi 12 balita dan gizi lebih 2 balita.")
    assert found == [("stunting_cases", 40), ("other", 6), ("other", 12), ("other", 2)]
