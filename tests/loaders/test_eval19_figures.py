"""Figure readings a blind set of real releases showed wrong (issue 10, eval19): a whole
written before its stunted part ('dari N balita ... yang mengalami stunting ada M balita'),
and the status by height ('sangat pendek', 'pendek') written after a count or as a category
before it; a comma typed against the number ('menjadi,4,8%'); the bare number a count of
cases fell to in the next sentence. Own sentences."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in, measurements_in

C = "stunting_cases"
P = "stunting_prevalence_pct"
LEAD = ("Pemerintah Kabupaten Lembah Hijau menggelar Rakor TPPS di Aula Bappeda, Senin "
        "(4/8/2025). ")


def test_a_whole_written_before_its_stunted_part_is_other() -> None:
    got = figures_in("Menurut data 2024, dari 412 balita di desa Sukamaju yang mengalami "
                     "stunting ada 27 balita.")
    assert ("other", 412.0) in got and (C, 27.0) in got
    assert (C, 412.0) not in got


def test_a_whole_first_with_sebanyak_gives_the_part_as_cases() -> None:
    got = figures_in("Dari total 980 anak di kecamatan itu yang terdeteksi stunting sebanyak "
                     "61 anak.")
    assert ("other", 980.0) in got and (C, 61.0) in got


def test_the_part_written_first_stays_the_cases() -> None:
    got = figures_in("Tahun lalu tercatat 54 balita stunting dari 1.120 balita di desa itu.")
    assert (C, 54.0) in got and ("other", 1120.0) in got


def test_counts_by_height_status_after_the_count_are_cases() -> None:
    got = figures_in("Pada penimbangan Agustus 2024 ditemukan 318 balita tergolong sangat "
                     "pendek dan 1.204 balita tergolong pendek di kabupaten itu.")
    assert (C, 318.0) in got and (C, 1204.0) in got


def test_the_sum_of_both_height_grades_as_a_category_is_cases() -> None:
    got = figures_in("Dengan demikian balita yang masuk kategori pendek dan sangat pendek "
                     "berjumlah 1.522 balita.")
    assert (C, 1522.0) in got


def test_a_comma_typed_against_the_number_is_no_part_of_it() -> None:
    got = figures_in("Prevalensi stunting kita pada 2024 turun menjadi,6,3% menurut data itu.")
    assert (P, 6.3) in got


def test_the_bare_number_a_count_of_cases_fell_to_is_the_cases() -> None:
    got = measurements_in(LEAD, "Pada akhir 2024 prevalensi stunting 9 persen dengan 140 kasus "
                          "di tiga desa. Hingga Juni 2025 angka berkurang menjadi 88, namun "
                          "satu desa masih menjadi lokus.", ("what", "value"))
    assert {"what": C, "value": 88.0} in got


def test_a_bare_number_below_the_level_before_it_is_left_alone() -> None:
    got = measurements_in(LEAD, "Pada akhir 2024 prevalensi stunting 19 persen dengan 140 kasus "
                          "di tiga desa. Hingga Juni 2025 angka berkurang menjadi 15, namun "
                          "satu desa masih menjadi lokus.", ("what", "value"))
    assert {"what": C, "value": 15.0} not in got


def test_a_bare_decimal_after_persentase_in_a_sentence_on_cases_is_the_level() -> None:
    got = figures_in("Kabupaten kita ada di urutan ketiga dalam hal angka kasus stunting, "
                     "dengan persentase 24,61 pada tahun 2022.")
    assert (P, 24.61) in got and (C, 24.61) not in got


def test_a_bare_decimal_after_persentase_of_another_share_stays_out() -> None:
    got = figures_in("Cakupan imunisasi balita stunting di desa itu dengan persentase 84,5 pada "
                     "tahun 2022.")
    assert (P, 84.5) not in got
