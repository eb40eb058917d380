"""Figures that are levels and numbers that are not (issue 10, item 2): counts written in
words, rates and averages, gaps, suppositions, lists of cases per village, trends whose
second noun changes. Each test fails when its rule breaks; the phrasings are our own."""

from __future__ import annotations

from typing import Any

import pytest

from loaders.articles.figures import find_figures, words_value
from loaders.articles.vocab import vocabulary
from tests.loaders.figure_helpers import figures_in, measurements_in

LEAD = ("Pemerintah Kecamatan Sukaluyu menggelar Mini Lokakarya Stunting di Aula Kantor Camat "
        "Sukaluyu, Selasa (8/4/2025). Camat Sukaluyu memimpin kegiatan.\n")


_figures = figures_in


def _release(body: str) -> list[dict[str, Any]]:
    return measurements_in(LEAD, body, ("what", "value", "period"))


@pytest.mark.parametrize(("words", "value"), [
    ("dua puluh tiga", 23), ("lima belas", 15), ("seratus dua puluh", 120),
    ("dua ribu tiga ratus", 2300), ("sepuluh ribu", 10000), ("sebelas", 11),
    ("tiga ratus empat puluh lima", 345), ("seribu dua ratus", 1200),
])
def test_number_words_read_as_their_value(words: str, value: int) -> None:
    assert words_value(words.split(), vocabulary().number_words) == value


@pytest.mark.parametrize("words", ["puluh dua", "dua tiga", "ribu"])
def test_runs_that_are_no_number_are_left(words: str) -> None:
    assert words_value(words.split(), vocabulary().number_words) is None


def test_count_in_words_before_a_counted_noun() -> None:
    assert _figures("Di posyandu itu masih tercatat empat puluh dua balita stunting.") == [
        ("stunting_cases", 42)]
    assert _figures("Rapat diikuti dua ratus lima puluh peserta dari seluruh desa.") == [
        ("participants", 250)]
    assert _figures("Pendataan mencatat tiga ribu keluarga berisiko stunting.") == [
        ("families_at_risk", 3000)]


def test_a_quantifier_before_a_number_word_is_no_count() -> None:
    # 'salah satu peserta' is one of the participants, 'setiap dua balita' a ratio
    assert _figures("Salah satu peserta rapat, kader posyandu desa, memberi tanggapan.") == []
    assert _figures("Setiap dua balita didampingi satu kader.") == []


def test_number_words_before_units_stay_words() -> None:
    # 'tiga desa', 'dua persen' in a wish: no count of a counted noun
    assert _figures("Tim menyasar tiga desa lokus dan enam dusun.") == []


def test_a_rate_per_year_or_per_unit_is_no_level() -> None:
    assert _figures("Prevalensi stunting 17,2 persen, turun rata-rata 1,5 persen setiap "
                    "tahun.") == [("stunting_prevalence_pct", 17.2)]
    assert _figures("Ada 640 balita stunting, rata-rata 40 anak per desa.") == [
        ("stunting_cases", 640)]


def test_per_month_name_is_still_a_period() -> None:
    found = find_figures("Jumlah balita stunting per Maret 2025 sebanyak 212 anak.", 2025)
    assert [(f.what, f.value, f.period) for f in found] == [("stunting_cases", 212, "2025-03")]


def test_a_gap_between_two_levels_is_a_change() -> None:
    assert _figures("Angka stunting kabupaten 19,4 persen; selisihnya dengan rata-rata "
                    "provinsi hanya 0,8 persen.") == [("stunting_prevalence_pct", 19.4)]


def test_a_supposed_value_is_no_level() -> None:
    assert _figures("Apabila intervensi berjalan penuh, prevalensi stunting akan menjadi "
                    "11,5 persen.") == []
    # a comparison is no supposition: its value stands
    assert _figures("Jika dibandingkan tahun lalu, prevalensi stunting kini 16,3 persen.") == [
        ("stunting_prevalence_pct", 16.3)]


def test_trend_whose_second_noun_changes_keeps_the_kind() -> None:
    assert _figures("Kasus stunting berkurang dari 318 balita pada 2023 menjadi 270 anak "
                    "pada 2024.") == [("stunting_cases", 318), ("stunting_cases", 270)]


def test_total_then_earlier_value_in_a_list_of_cases() -> None:
    found = _release("Bidan koordinator merinci kasus balita stunting per desa pada Maret "
                     "2025:\nMekarsari: 6 anak\nCibening: 4 anak\n"
                     "Seluruhnya berjumlah 10 anak, dari semula 15 anak.\n")
    assert [(f["what"], f["value"]) for f in found] == [
        ("stunting_cases", 6), ("stunting_cases", 4), ("stunting_cases", 10),
        ("stunting_cases", 15)]
    assert found[0]["period"] == "2025-03"  # the opener's period dates its lines


def test_a_list_of_children_weighed_is_no_list_of_cases() -> None:
    found = _release("Jumlah balita yang ditimbang per desa, termasuk kasus stunting:\n"
                     "Mekarsari: 120 balita\nCibening: 95 balita\n")
    assert not any(f["what"] == "stunting_cases" for f in found)


def test_a_date_with_a_stray_space_is_no_figure() -> None:
    assert _figures("Data prevalensi stunting 12,4 persen diperbarui 30/06/ 2025.") == [
        ("stunting_prevalence_pct", 12.4)]
