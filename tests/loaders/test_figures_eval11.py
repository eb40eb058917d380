"""Figures, eleventh round (guide §7): counts of a named group written as list lines
('Label: N orang') or with what the group lacks ('N balita tanpa ...'), an approximate
count in 'ribuan', a target phrased as an aim to bring the rate down ('bertujuan
menurunkan ... hingga N persen'). Sentences are our own, with invented figures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders.articles.figures import find_figures
from loaders.articles.vocab import DATA, Vocabulary
from tests.loaders.figure_helpers import figures_in

YEAR = 2025


# -- 1. counts of named groups ----------------------------------------------------------------

@pytest.mark.parametrize(("line", "value"), [
    ("- Ibu hamil KEK: 14 orang", 14),
    ("Remaja putri dengan anemia : 51 orang", 51),
    ("3. Bayi berat lahir rendah: 6 orang", 6),
])
def test_a_list_line_naming_a_group_counts_it_as_other(line: str, value: float) -> None:
    assert figures_in(line) == [("other", value)]


def test_a_list_line_of_stunted_children_stays_a_count_of_cases() -> None:
    assert figures_in("- Balita stunting: 9 orang") == [("stunting_cases", 9)]


def test_a_group_counted_by_what_it_lacks_is_other() -> None:
    assert figures_in("Petugas mendata 12 balita tanpa akta kelahiran di desa itu.") == [
        ("other", 12)]
    assert figures_in("Masih ada 8 baduta yang belum memiliki jaminan kesehatan.") == [
        ("other", 8)]


def test_a_lacking_group_of_stunted_children_stays_cases() -> None:
    assert figures_in("Tercatat 5 balita stunting tanpa jaminan kesehatan.") == [
        ("stunting_cases", 5)]


# -- 2. 'ribuan': an approximate count --------------------------------------------------------

def test_ribuan_after_a_number_scales_it_and_marks_it_approximate() -> None:
    found = find_figures("Di kabupaten ini tercatat 124 ribuan balita stunting.", YEAR)
    assert [(f.what, f.value, f.approximate) for f in found] == [
        ("stunting_cases", 124000, True)]


def test_a_decimal_with_a_space_after_its_comma_is_one_value() -> None:
    assert figures_in("Prevalensi stunting Kabupaten Boyolali 27, 6 % tahun 2024.") == [
        ("stunting_prevalence_pct", 27.6)]


# -- 3. an aim to bring the rate down is a target ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Kegiatan ini bertujuan menurunkan prevalensi stunting di Boyolali hingga 12 persen.",
    "Pemerintah desa bertekad menurunkan angka stunting sampai dengan 10 persen.",
    "Rembuk ini untuk menurunkan prevalensi stunting ke angka 13 persen.",
    "Menurunkan prevalensi stunting hingga 11 persen menjadi kerja bersama semua desa.",
])
def test_an_aim_to_bring_the_rate_down_to_a_value_is_no_actual_figure(text: str) -> None:
    assert figures_in(text) == []


def test_a_rate_brought_down_already_stays_an_actual_figure() -> None:
    assert figures_in("Kabupaten Boyolali berhasil menurunkan prevalensi stunting hingga "
                      "12,5 persen pada 2024.") == [("stunting_prevalence_pct", 12.5)]


# -- 4. the new rows of data/figure_cues.csv are read -----------------------------------------

def _without(tmp: Path, kind: str) -> Vocabulary:
    root = tmp / "data"
    shutil.copytree(DATA, root)
    path = root / "figure_cues.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(kind + ",")), "utf-8")
    return Vocabulary(root)


@pytest.mark.parametrize(("kind", "text"), [
    ("group_line", "- Ibu hamil KEK: 14 orang"),
    ("lacking_group_after", "Petugas mendata 12 balita tanpa akta kelahiran."),
    ("aim_down_to", "Kegiatan ini bertujuan menurunkan prevalensi stunting hingga 12 persen."),
])
def test_a_new_figure_cue_row_removed_changes_the_reading(tmp_path: Path, kind: str,
                                                          text: str) -> None:
    shipped = [(f.what, f.value) for f in find_figures(text, YEAR)]
    edited = [(f.what, f.value) for f in find_figures(text, YEAR, _without(tmp_path, kind))]
    assert shipped != edited
