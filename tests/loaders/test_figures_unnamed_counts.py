"""Figures of issue 10 (blind-set misses): stunting counts with no stunting noun beside the
number, survey trends without a percent sign, family-assistance shares and children at risk
as `other`, and targets that must not become levels (a later year before the value, a
hoped-for level). Each test fails when its rule breaks; the phrasings are our own."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in

CASES = "stunting_cases"
PCT = "stunting_prevalence_pct"


_figures = figures_in


def test_total_in_children_in_a_sentence_about_cases() -> None:
    text = ("Kasus stunting yang dilaporkan seluruh puskesmas di Kecamatan Rancabali hingga "
            "akhir Juni 2025 tercatat pada 64 anak.")
    assert _figures(text) == [(CASES, 64)]


def test_areas_each_with_their_children_after_a_case_sentence() -> None:
    text = "Rinciannya, Desa Alamendah 21 anak, Desa Patengan 18 anak dan Desa Sugihmukti 25 anak."
    assert _figures(text, about_stunting=True) == [(CASES, 21), (CASES, 18), (CASES, 25)]
    assert _figures(text) == []  # with no case sentence before, children are no cases


def test_a_place_name_ending_in_no_is_no_number_sign() -> None:
    # 'Malino 17': the 'no' ending the name is not 'No. 17'
    text = "Jumlah kasus stunting menurut kelurahan: Kelurahan Malino 17 anak."
    assert (CASES, 17) in _figures(text)


def test_the_count_left_after_a_fall() -> None:
    text = "Berkat intervensi gizi, angkanya terus menyusut dan kini tersisa 37 anak."
    assert _figures(text, about_stunting=True) == [(CASES, 37)]
    assert _figures(text) == []


def test_counts_the_text_calls_a_prevalence() -> None:
    text = "Prevalensi stunting di desa itu naik dari 21 anak pada Mei menjadi 26 anak pada Juli."
    assert _figures(text) == [(CASES, 21), (CASES, 26)]


def test_a_wish_for_fewer_children_is_no_count() -> None:
    text = "Kami ingin jumlahnya turun menjadi 12 anak sebelum akhir tahun."
    assert _figures(text, about_stunting=True) == []


def test_bare_decimal_trend_between_two_surveys() -> None:
    text = "Angka stunting kabupaten bergeser dari 27,1 pada SSGI 2022 ke 19,3 pada SSGI 2024."
    assert _figures(text) == [(PCT, 27.1), (PCT, 19.3)]
    # bare whole numbers are no shares: they may count children
    assert _figures("Angka stunting bergeser dari 27 menjadi 19 pada 2024.") == []


def test_family_assistance_coverage_is_other_never_prevalence() -> None:
    text = "Prevalensi stunting 20,2 persen, sedangkan cakupan pendampingan keluarga 81,5 persen."
    assert _figures(text) == [(PCT, 20.2), ("other", 81.5)]
    assert _figures("Keluarga yang sudah didampingi mencapai 64,3 persen dari sasaran.",
                    about_prevalence=True) == [("other", 64.3)]


def test_children_at_risk_are_other() -> None:
    assert _figures("Puskesmas memantau balita berisiko stunting sebanyak 230 anak.") == [
        ("other", 230)]
    assert _figures("Tercatat 45 anak berpotensi stunting di wilayah pesisir.") == [("other", 45)]


def test_a_later_year_before_the_value_dates_a_target() -> None:
    text = ("Pemkab menargetkan prevalensi 18 persen pada 2026, sementara untuk tahun 2029 "
            "sebesar 14,2 persen.")
    assert _figures(text) == []
    # the meeting's own year, or an earlier one, dates a level
    assert _figures("Prevalensi stunting tahun 2024 sebesar 19,1 persen.") == [(PCT, 19.1)]


def test_a_level_hoped_for_is_a_target() -> None:
    assert _figures("Bupati menyebut prevalensi diharapkan bisa turun ke 14 persen.") == []
    assert _figures("Kami berharap angka stunting dapat turun hingga 15 persen tahun depan.") == []


def test_areas_in_brackets_after_a_total_of_children_classed_as_stunted() -> None:
    text = ("Jumlah anak yang tergolong stunting di kecamatan pada Agustus 2025 ada 93 balita, "
            "tersebar di Desa Cibeureum (30 balita) dan Desa Santosa (22 balita).")
    assert _figures(text) == [(CASES, 93), (CASES, 30), (CASES, 22)]


def test_family_assistance_named_before_a_comma_keeps_its_share() -> None:
    text = "Keluarga yang telah memperoleh pendampingan dari TPK, yang baru 68,9 persen, diperluas."
    assert _figures(text, about_prevalence=True) == [("other", 68.9)]


def test_a_capital_opening_the_sentence_is_no_area() -> None:
    text = "Sebanyak 40 anak mengikuti lomba balita sehat di balai desa."
    assert _figures(text, about_stunting=True) == []


def test_the_last_value_of_a_target_series_after_a_clause_break() -> None:
    # the target word governs only the first clause; the later year, a few words before
    # the last value, dates it as a target too
    text = ("Target tahunan ditetapkan 19 persen (2025), 17 persen (2026), sementara 2027 di "
            "angka 15 persen.")
    assert _figures(text) == []
    text = ("Prevalensi stunting pada 2024 tercatat 19,1 persen, sementara 2023 angkanya "
            "21,5 persen.")
    assert _figures(text) == [(PCT, 19.1), (PCT, 21.5)]


def test_stunting_word_a_few_words_after_the_counted_children() -> None:
    assert _figures("Pada Agustus 2025, 204 balita di Kota Baru masih tercatat stunting.") == [
        (CASES, 204)]
    assert _figures("Dari 310 balita yang ditimbang, 14 anak tergolong stunting.") == [
        ("other", 310), (CASES, 14)]
    # a comma ends the reach: the children weighed are not the stunted ones
    assert _figures("Ada 310 balita di posyandu, sebagian tergolong stunting.") == []


def test_an_area_with_its_children() -> None:
    text = "Kelurahan Malino dengan 17 anak menjadi penyumbang tertinggi."
    assert _figures(text, about_stunting=True) == [(CASES, 17)]
