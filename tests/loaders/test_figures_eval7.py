"""Figures, seventh round (issue 10, guide §7): the period of each value (figure_periods.py),
relative periods resolved from the meeting's year, ranges, lists of indicators, cases and
families at risk (bullets, letters, colons, equals signs, bare counts, an intro ending
with a stop), counts in number words, a spoken decimal, and counts carried over a
numberless remark. Each test fails when its rule breaks; sentences are our own, the
releases sit on real places of the national tree with invented officials and figures."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.figures import find_figures
from loaders.articles.gazetteer import gazetteer
from loaders.articles.output import to_json
from loaders.articles.vocab import DATA, Vocabulary

YEAR = 2025


def _read(text: str, year: int | None = YEAR, v: Vocabulary | None = None
          ) -> list[tuple[str, float, str | None]]:
    return [(f.what, f.value, f.period) for f in find_figures(text, year, v)]


LEAD = ("Rakor TPPS Kabupaten Klaten\n\nKLATEN - Pemerintah Kabupaten Klaten menggelar Rapat "
        "Koordinasi Tim Percepatan Penurunan Stunting di Pendopo Kabupaten Klaten, Senin "
        "(21/7/2025). Wakil Bupati Klaten membuka rapat.\n\n")


def _release(body: str) -> list[dict[str, Any]]:
    r = to_json(extract(parse("t.txt", LEAD + body), gazetteer()))
    return [{k: f[k] for k in ("what", "value", "period", "region")} for f in r["measurements"]]


def _values(body: str) -> list[tuple[str, float]]:
    return [(f["what"], f["value"]) for f in _release(body)]


# -- 1. a period per value -----------------------------------------------------------------

def test_each_value_of_a_bracketed_trend_keeps_its_own_year() -> None:
    assert _read("Angka stunting turun dari 20,9% (SSGI 2022) menjadi 17,8% (SKI 2023).") == [
        ("stunting_prevalence_pct", 20.9, "2022"), ("stunting_prevalence_pct", 17.8, "2023")]


def test_a_year_written_after_each_value_dates_that_value() -> None:
    assert _read("Prevalensi stunting dari 17,44 persen tahun 2022 turun ke 13,1 persen tahun "
                 "2023.") == [("stunting_prevalence_pct", 17.44, "2022"),
                              ("stunting_prevalence_pct", 13.1, "2023")]


def test_a_year_leading_the_next_value_is_not_the_value_befores() -> None:
    assert _read("Prevalensi stunting Kabupaten Sleman 2023 sebesar 15 persen dan 2024 sebesar "
                 "12,1 persen.") == [("stunting_prevalence_pct", 15, "2023"),
                                     ("stunting_prevalence_pct", 12.1, "2024")]


def test_distance_to_a_period_before_the_value_counts_from_its_end() -> None:
    assert _read("Prevalensi stunting hasil e-PPGBM Agustus 2024 sebesar 6,3%, turun dibanding "
                 "Februari 2024 yang 7,1%.") == [("stunting_prevalence_pct", 6.3, "2024-08"),
                                                 ("stunting_prevalence_pct", 7.1, "2024-02")]


def test_a_month_alone_takes_the_year_the_sentence_writes() -> None:
    assert _read("Jumlah balita stunting turun dari 412 anak pada Februari menjadi 376 anak "
                 "pada Agustus 2024.") == [("stunting_cases", 412, "2024-02"),
                                           ("stunting_cases", 376, "2024-08")]


# -- 2. relative periods ----------------------------------------------------------------------

def test_this_year_and_last_year_come_from_the_meetings_year() -> None:
    assert _read("Kasus stunting tahun ini tercatat 45 anak, lebih rendah dari tahun lalu yang "
                 "mencapai 60 anak.") == [("stunting_cases", 45, "2025"),
                                          ("stunting_cases", 60, "2024")]


def test_the_year_before_a_stated_year_is_that_year_minus_one() -> None:
    assert _read("Prevalensi stunting di tahun 2023 sebesar 13,4 persen, sedangkan tahun "
                 "sebelumnya 15,1 persen.") == [("stunting_prevalence_pct", 13.4, "2023"),
                                               ("stunting_prevalence_pct", 15.1, "2022")]


def test_a_half_or_quarter_without_its_year_is_the_meetings_year() -> None:
    assert _read("Jumlah keluarga berisiko stunting pada semester I sebanyak 4.450 keluarga.") \
        == [("families_at_risk", 4450, "2025")]
    assert _read("Pada triwulan pertama tahun ini tercatat 38 balita stunting.") == [
        ("stunting_cases", 38, "2025")]


def test_no_year_known_gives_no_period_for_a_relative_word() -> None:
    assert _read("Kasus stunting tahun lalu mencapai 60 anak.", year=None) == [
        ("stunting_cases", 60, None)]


def test_two_years_ago_dates_nothing() -> None:
    assert _read("Dua tahun lalu kasus stunting mencapai 60 anak.") == [
        ("stunting_cases", 60, None)]


def test_a_value_said_now_takes_no_period_from_another_clause() -> None:
    assert _read("Saat ini angka stunting 12 persen, sedangkan pada 2023 mencapai 14 persen.") \
        == [("stunting_prevalence_pct", 12, None), ("stunting_prevalence_pct", 14, "2023")]


def test_the_comparison_year_belongs_to_the_value_after_it() -> None:
    assert _read("Angka stunting kita 9,8 persen, naik dibanding tahun sebelumnya 9,1 persen.") \
        == [("stunting_prevalence_pct", 9.8, None), ("stunting_prevalence_pct", 9.1, "2024")]


# -- 3. ranges, number words, spoken decimals -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Angka stunting di wilayah ini antara 10 hingga 12 persen.",
    "Prevalensi berkisar 11 sampai 13 persen.",
    "Kasus stunting berkisar antara 40 dan 50 anak.",
])
def test_a_range_gives_no_value(text: str) -> None:
    assert _read(text) == []


def test_an_approximate_single_value_is_still_a_value() -> None:
    assert _read("Prevalensi stunting berkisar di 7,3 persen.") == [
        ("stunting_prevalence_pct", 7.3, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Saat ini tercatat seratus lima keluarga berisiko stunting.", ("families_at_risk", 105)),
    ("Ada tiga ratus dua puluh lima balita stunting di kecamatan itu.", ("stunting_cases", 325)),
    ("Jumlah baduta stunting sebanyak dua puluh sembilan anak.", ("stunting_cases", 29)),
])
def test_counts_in_number_words(text: str, expected: tuple[str, int]) -> None:
    assert [(w, v) for w, v, _ in _read(text)] == [expected]


def test_villages_counted_in_words_are_no_figure() -> None:
    assert _read("Sebanyak sebelas desa lokus mendapat pendampingan.") == []


def test_a_decimal_said_as_koma() -> None:
    assert _read("Stunting Kabupaten Rembang tercatat 16 koma 2 persen.") == [
        ("stunting_prevalence_pct", 16.2, None)]


# -- 4. single-sentence phrasings -------------------------------------------------------------

def test_a_trend_writing_its_unit_once_gives_two_shares() -> None:
    assert [(w, v) for w, v, _ in _read(
        "Stunting di Kota Pekalongan turun dari 23,1 menjadi 17,4 persen.")] == [
        ("stunting_prevalence_pct", 23.1), ("stunting_prevalence_pct", 17.4)]


def test_a_share_in_a_bulan_timbang_sentence_is_the_stunting_share() -> None:
    assert [(w, v) for w, v, _ in _read(
        "Hasil Bulan Timbang Februari 2025 menemukan 1.432 balita stunting atau 5,7 persen.")] \
        == [("stunting_cases", 1432), ("stunting_prevalence_pct", 5.7)]
    # a weighing's own share stays out
    assert _read("Pada Bulan Timbang Agustus 2024 partisipasi penimbangan 88,2 persen.") == []


def test_participants_named_before_their_count() -> None:
    assert [(w, v) for w, v, _ in _read("Peserta rakor berjumlah 72 orang.")] == [
        ("participants", 72)]


def test_sufferers_of_stunting_counted_in_orang_are_cases() -> None:
    assert [(w, v) for w, v, _ in _read("Jumlah penderita stunting di desa ini 19 orang.")] == [
        ("stunting_cases", 19)]


def test_baduta_stunting_with_a_bare_count() -> None:
    assert [(w, v) for w, v, _ in _read("- Baduta stunting 45")] == [("stunting_cases", 45)]


# -- 5. lists in a release --------------------------------------------------------------------

def test_a_lettered_list_of_bare_case_counts() -> None:
    got = _release("Kepala Dinas Kesehatan merinci jumlah balita stunting per kecamatan tahun "
                   "2024:\na. Kecamatan Bayat: 112\nb. Kecamatan Cawas: 87\nc. Kecamatan "
                   "Trucuk: 64\n")
    assert [(f["what"], f["value"], f["region"], f["period"]) for f in got] == [
        ("stunting_cases", 112, "Bayat", "2024"), ("stunting_cases", 87, "Cawas", "2024"),
        ("stunting_cases", 64, "Trucuk", "2024")]


def test_a_list_opened_by_berikut_and_a_stop() -> None:
    got = _values("Berikut data balita stunting per desa di Kecamatan Cawas tahun 2024.\n"
                  "Desa Bogor = 21\nDesa Tlingsing = 14\n")
    assert got == [("stunting_cases", 21), ("stunting_cases", 14)]


def test_bare_counts_outside_a_list_of_cases_stay_out() -> None:
    assert _values("Berikut daftar posyandu aktif per desa.\nDesa Bogor = 21\n") == []


def test_a_list_of_families_at_risk() -> None:
    got = _release("Sementara keluarga berisiko stunting (KRS) hasil pendataan keluarga tahun "
                   "ini:\n• Bayat: 1.204 keluarga\n• Cawas: 986 keluarga\n")
    assert [(f["what"], f["value"], f["period"]) for f in got] == [
        ("families_at_risk", 1204, "2025"), ("families_at_risk", 986, "2025")]


def test_indicator_lines_with_colons_and_equals_signs() -> None:
    got = _values("Kepala Bappeda menyampaikan indikator utama:\n- Prevalensi stunting (SSGI "
                  "2024): 12,4%\n- Balita stunting (e-PPGBM Februari 2025) : 1.045 anak\n"
                  "- Jumlah keluarga berisiko stunting = 3.021\n")
    assert got == [("stunting_prevalence_pct", 12.4), ("stunting_cases", 1045),
                   ("families_at_risk", 3021)]


def test_counts_after_a_numberless_remark_on_the_cases() -> None:
    got = _values("Jumlah balita stunting hasil penimbangan Februari 2025 ada 4.873 anak. Ia "
                  "lalu merinci tiga kecamatan dengan kasus terbanyak. Kecamatan Bayat 412 anak, "
                  "Kecamatan Cawas 388 anak dan Kecamatan Trucuk 301 anak.")
    assert got == [("stunting_cases", 4873), ("stunting_cases", 412), ("stunting_cases", 388),
                   ("stunting_cases", 301)]


def test_counts_of_children_far_from_any_case_count_stay_out() -> None:
    got = _values("Jumlah balita stunting ada 80 anak. Rapat berlangsung hangat. Para kader "
                  "bertukar pengalaman. Camat meminta data diperbarui. Semua sepakat soal kasus "
                  "itu. Kecamatan Bayat 412 anak dan Kecamatan Cawas 388 anak.")
    assert got == [("stunting_cases", 80)]


# -- 6. the rows of data/figure_cues.csv are read ---------------------------------------------

def _without(tmp: Path, kind: str) -> Vocabulary:
    root = tmp / "data"
    shutil.copytree(DATA, root)
    path = root / "figure_cues.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(kind + ",")), "utf-8")
    return Vocabulary(root)


@pytest.mark.parametrize(("kind", "text", "shipped", "edited"), [
    ("period_last_year", "Kasus stunting tahun lalu mencapai 60 anak.",
     [("stunting_cases", 60, "2024")], [("stunting_cases", 60, None)]),
    ("period_this_year", "Kasus stunting tahun ini mencapai 60 anak.",
     [("stunting_cases", 60, "2025")], [("stunting_cases", 60, None)]),
    ("range_lead", "Angka stunting di wilayah ini antara 10 hingga 12 persen.",
     [], [("stunting_prevalence_pct", 12, None)]),
    ("compared_level", "Prevalensi stunting berada di angka 18,8 persen, turun dibanding SKI "
     "2023 sebesar 20,2 persen.", [("stunting_prevalence_pct", 18.8, None),
                                   ("stunting_prevalence_pct", 20.2, "2023")],
     [("stunting_prevalence_pct", 18.8, None)]),
    ("breakdown_after", "Terdapat 16 balita stunting, terdiri atas 9 anak laki-laki.",
     [("stunting_cases", 16, None)], [("stunting_cases", 16, None), ("stunting_cases", 9, None)]),
    ("subset_lead", "Keluarga berisiko stunting sebanyak 12.744 KK, di antaranya 4.210 KK tanpa "
     "jamban.", [("families_at_risk", 12744, None), ("other", 4210, None)],
     [("families_at_risk", 12744, None), ("families_at_risk", 4210, None)]),
    ("decimal_word", "Stunting Kabupaten Rembang tercatat 16 koma 2 persen.",
     [("stunting_prevalence_pct", 16.2, None)], [("stunting_prevalence_pct", 2, None)]),
])
def test_a_figure_cue_row_removed_changes_the_reading(
        tmp_path: Path, kind: str, text: str, shipped: list[Any], edited: list[Any]) -> None:
    assert _read(text) == shipped
    assert _read(text, v=_without(tmp_path, kind)) == edited


# -- 7. from the holdout releases r1785-r1787 -------------------------------------------------

def test_a_level_compared_with_after_a_change_word_is_that_moments_level() -> None:
    assert [(w, v) for w, v, _ in _read(
        "Prevalensi stunting berada di angka 18,8 persen, turun dibanding SKI 2023 sebesar "
        "20,2 persen.")] == [("stunting_prevalence_pct", 18.8), ("stunting_prevalence_pct", 20.2)]


def test_a_small_value_after_the_compared_moment_is_still_the_change() -> None:
    assert [(w, v) for w, v, _ in _read(
        "Prevalensi stunting 18,8 persen, turun dibanding 2023 sebesar 1,4 persen.")] == [
        ("stunting_prevalence_pct", 18.8)]


def test_a_list_after_a_sentence_of_shares_goes_on_with_shares() -> None:
    got = _values("Secara kabupaten, angkanya 12,6 persen.\nIa merinci capaian kecamatan "
                  "sebagai berikut:\n- Kecamatan Bayat: 14,1 persen\n- Kecamatan Cawas: 9,8 "
                  "persen\n")
    assert got == [("stunting_prevalence_pct", 12.6), ("stunting_prevalence_pct", 14.1),
                   ("stunting_prevalence_pct", 9.8)]


def test_a_list_of_another_measure_after_shares_stays_out() -> None:
    got = _values("Secara kabupaten, angkanya 12,6 persen.\nIa merinci cakupan imunisasi "
                  "sebagai berikut:\n- Kecamatan Bayat: 84,1 persen\n")
    assert got == [("stunting_prevalence_pct", 12.6)]


def test_a_list_after_a_sentence_of_cases_goes_on_with_cases_and_keeps_equal_items() -> None:
    got = _values("Hingga Maret 2025 terdapat 16 balita stunting di Kecamatan Cawas.\n"
                  "Rinciannya per desa:\n- Desa Bogor: 6 balita\n- Desa Tlingsing: 5 balita\n"
                  "- Desa Kedungampel: 5 balita\n")
    assert got == [("stunting_cases", 16), ("stunting_cases", 6), ("stunting_cases", 5),
                   ("stunting_cases", 5)]


def test_the_totals_own_pronoun_after_a_sentence_of_cases() -> None:
    got = _values("Hingga Maret 2025 terdapat 16 balita stunting. Pada periode yang sama tahun "
                  "lalu jumlahnya dua puluh satu anak.")
    assert got == [("stunting_cases", 16), ("stunting_cases", 21)]


def test_a_totals_split_by_sex_or_severity_is_no_figure() -> None:
    assert [(w, v) for w, v, _ in _read(
        "Terdapat 16 balita stunting, yang terdiri atas 9 anak laki-laki dan 7 anak perempuan.")
    ] == [("stunting_cases", 16)]
    assert [(w, v) for w, v, _ in _read(
        "Total ada 312 balita stunting, terdiri dari 201 pendek dan 111 sangat pendek.")] == [
        ("stunting_cases", 312)]


# -- 8. from the second holdout (r1788-r1790) -------------------------------------------------

def test_a_share_restated_as_an_approximate_count_in_a_weighing_sentence() -> None:
    assert [(w, v) for w, v, _ in _read(
        "Hasil penimbangan serentak Agustus 2025 menunjukkan angka stunting kota berada pada "
        "7,14 persen atau sekitar 2,1 ribu balita.")] == [
        ("stunting_prevalence_pct", 7.14), ("stunting_cases", 2100)]


def test_a_bare_first_count_of_a_trend_of_stunted_children() -> None:
    assert [(w, v) for w, v, _ in _read(
        "Di Kecamatan Bayat jumlah balita stunting naik dari 512 menjadi 538 anak, sementara di "
        "Kecamatan Cawas naik dari 301 menjadi 317 anak.")] == [
        ("stunting_cases", 512), ("stunting_cases", 538), ("stunting_cases", 301),
        ("stunting_cases", 317)]


def test_a_part_of_the_families_at_risk_is_other() -> None:
    assert [(w, v) for w, v, _ in _read(
        "Keluarga berisiko stunting (KRS) tercatat sebanyak 12.744 KK, di antaranya 4.210 KK "
        "tanpa akses air minum layak.")] == [("families_at_risk", 12744), ("other", 4210)]


def test_a_value_restated_in_brackets_shares_the_period_after_the_bracket() -> None:
    # one quantity told twice ('N balita (P%)', 'P% (N balita)', 'P% atau N balita'): the
    # month after the restatement dates both, while a second bracketed trend value keeps its own
    assert _read("Balita stunting berkurang menjadi 640 balita (3,1%) pada Juni 2025.") == [
        ("stunting_cases", 640, "2025-06"), ("stunting_prevalence_pct", 3.1, "2025-06")]
    assert _read("Angka stunting tercatat 4,2% (712 balita stunting) per Maret 2024.") == [
        ("stunting_prevalence_pct", 4.2, "2024-03"), ("stunting_cases", 712, "2024-03")]
    assert _read("Prevalensi stunting 4,2% atau 712 balita per Maret 2024.") == [
        ("stunting_prevalence_pct", 4.2, "2024-03"), ("stunting_cases", 712, "2024-03")]
    assert _read("Angka stunting turun dari 20,9% (SSGI 2022) menjadi 17,8% (SKI 2023).") == [
        ("stunting_prevalence_pct", 20.9, "2022"), ("stunting_prevalence_pct", 17.8, "2023")]


def test_a_decimal_typed_with_a_space_after_its_point_is_one_value() -> None:
    # 'tercatat 22. 8 persen' is 22,8 per cent, neither a sentence end nor a value of 8
    assert ("stunting_prevalence_pct", 22.8) in _values(
        "Prevalensi stunting Kabupaten Klaten tercatat 22. 8 persen pada 2024.")
    assert not any(v == 8 for _, v in _values(
        "Prevalensi stunting Kabupaten Klaten tercatat 22. 8 persen pada 2024."))
    # a year before the stop still ends its sentence
    doc = parse("t.txt", "Judul\n\nKLATEN - Data itu dari tahun 2022. 8 persen desa belum "
                         "melapor.\n")
    assert [s.text for s in doc.sentences][-1] == "8 persen desa belum melapor."
