"""Figures, twelfth round (issue 10, guide §7): phrasings read in real releases that the
extractor missed or invented. A count of a part whose whole and stunting status follow it
('372 dari 5.868 balita mengalami stunting'), the whole itself, a share that restates a
count of cases, children examined, and the other rules below. Sentences are our own; each
test fails when its rule is taken out."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in

CASES, SHARE, OTHER = "stunting_cases", "stunting_prevalence_pct", "other"


# -- 1. a part of a whole, the whole, and the share of the part ------------------------------

def test_a_part_counted_before_its_whole_and_status_is_the_cases() -> None:
    assert figures_in("Kecamatan Wedi mencatat angka 9,9%, di mana 372 dari 5.868 balita "
                      "mengalami stunting.") == [(SHARE, 9.9), (CASES, 372), (OTHER, 5868)]


def test_a_part_restated_as_a_share_before_its_whole_and_status() -> None:
    assert figures_in("Sebanyak 1.245 balita atau 5,6 persen dari 22.300 balita yang diukur "
                      "mengalami stunting.") == [(CASES, 1245), (SHARE, 5.6), (OTHER, 22300)]


def test_a_part_among_a_count_just_given_with_termasuk() -> None:
    assert figures_in("Dari jumlah tersebut diketahui sebanyak 1.895 anak atau sekitar 18 persen "
                      "di antaranya termasuk balita stunting.") == [(CASES, 1895), (SHARE, 18)]


def test_the_whole_after_a_count_of_cases_is_no_second_count_of_cases() -> None:
    assert figures_in("Terdapat 54 balita stunting dari 1.120 balita di desa tersebut.") == [
        (CASES, 54), (OTHER, 1120)]
    assert figures_in("Jumlah anak yang mengalami stunting mencapai 2.493 orang dari total "
                      "sasaran mencapai 21.561 orang.") == [(CASES, 2493), (OTHER, 21561)]


def test_the_earlier_level_of_a_trend_of_cases_stays_a_count_of_cases() -> None:
    assert figures_in("Jumlah balita stunting kini 221 anak, berkurang dari 263 anak pada awal "
                      "tahun.") == [(CASES, 221), (CASES, 263)]
    assert figures_in("Kasus stunting berjumlah 34 balita, dari sebelumnya 41 balita.") == [
        (CASES, 34), (CASES, 41)]


def test_a_share_restating_a_count_of_cases_is_the_prevalence() -> None:
    assert figures_in("Angka balita stunting tahun 2024 sebanyak 2.130 kasus atau 4,6 persen.") \
        == [(CASES, 2130), (SHARE, 4.6)]


def test_a_share_restating_a_count_of_weighed_children_is_no_prevalence() -> None:
    assert figures_in("Dari 21.561 balita sasaran penimbangan tercatat sebanyak 10.547 anak atau "
                      "sekitar 48,9 persen sudah ditimbang.") == [(OTHER, 21561), (OTHER, 10547)]


def test_children_examined_are_the_children_measured() -> None:
    assert figures_in("Dari sekitar 36 ribu balita yang diperiksa selama Januari hingga Oktober, "
                      "jumlah stunting sebanyak 2.054 anak atau 5,62 persen.") == [
        (OTHER, 36000), (CASES, 2054), (SHARE, 5.62)]


# -- 2. restatements, changes, targets, leads and shares of units -----------------------------

def test_a_share_restated_as_a_count_with_atau_setara_dengan() -> None:
    assert figures_in("Prevalensi stunting turun menjadi 13,8 persen atau setara dengan 4.482 "
                      "balita.") == [(SHARE, 13.8), (CASES, 4482)]


def test_a_value_after_lebih_baik_is_a_change() -> None:
    assert figures_in("Angka itu lebih baik 1,7% jika dibandingkan dengan prevalensi stunting di "
                      "tahun 2023 dengan 21,5%.") == [(SHARE, 21.5)]


def test_a_hope_the_level_goes_down_again_is_a_target() -> None:
    assert figures_in("Bupati berharap angka stunting di Klaten bisa turun lagi hingga 14 "
                      "persenan.") == []


def test_the_status_written_before_the_count() -> None:
    assert figures_in("Angka stunting berhasil ditekan, yang teridentifikasi stunting 4.482 "
                      "anak.") == [(CASES, 4482)]


def test_stunted_children_named_with_a_superlative() -> None:
    assert figures_in("Jumlah balita paling sedikit mengalami stunting berada di Kecamatan Bayat, "
                      "mencapai sebanyak 19 anak, atau sekitar 5,9 persen dari sebanyak 324 "
                      "balita ditimbang.") == [(CASES, 19), (SHARE, 5.9), (OTHER, 324)]


def test_the_count_of_the_moment_compared_with() -> None:
    assert figures_in("Tahun 2024, jumlah balita stunting di Klaten tercatat sebanyak 2.130 orang, "
                      "berkurang dibanding 2023 yang mencapai 2.560 orang.") == [
        (CASES, 2130), (CASES, 2560)]


def test_an_area_with_hanya_before_its_count() -> None:
    assert figures_in("Kasus terbanyak ada di Kecamatan Wedi dengan 224 anak yang terindikasi "
                      "stunting, sedangkan yang paling sedikit ada di Kecamatan Bayat hanya 5 "
                      "anak yang terindikasi.") == [(CASES, 224), (CASES, 5)]


def test_a_bare_count_restated_as_a_share_after_cases() -> None:
    assert figures_in("Di Kecamatan Cawas, anak yang mengalami stunting mencapai 301 orang atau "
                      "34,6 persen sedangkan di Kecamatan Trucuk, berjumlah 928 atau 30,1 "
                      "persen.") == [(CASES, 301), (SHARE, 34.6), (CASES, 928), (SHARE, 30.1)]


def test_a_share_of_villages_is_no_prevalence() -> None:
    assert figures_in("Desa dengan prevalensi stunting di bawah 14 persen mencapai 258 desa "
                      "(78,7 persen).") == []
    assert figures_in("Jumlah kecamatan dengan prevalensi stunting di bawah 14 persen mencapai 17 "
                      "kecamatan dari 20 kecamatan (85 persen).") == []
