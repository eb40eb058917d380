"""Counts of stunted children written in 'jiwa' (persons), and a count written right
before 'penerima manfaat' (guide §7.1). Sentences are our own; each test fails when its
rule breaks ('jiwa' in figures._COUNT_NOUN; the aimed_count_after row of
data/figure_cues.csv), or when 'jiwa' over-reaches to a population."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in, measurements_in

KEC = ("Pemerintah Kecamatan Koto Ilia menggelar lokakarya mini stunting di Aula Kecamatan "
       "Koto Ilia, Kamis (10/4/2025).\n")


def test_a_total_in_jiwa_and_its_breakdown_by_area_are_cases() -> None:
    found = [(f["what"], f["value"]) for f in measurements_in(KEC, (
        "Jumlah balita stunting di kecamatan itu tercatat 57 jiwa. Rinciannya, Desa Alpha "
        "21 jiwa, Desa Beta 17 Jiwa dan Desa Gamma 9 jiwa.\n"), ("what", "value"))]
    assert found == [("stunting_cases", 57), ("stunting_cases", 21), ("stunting_cases", 17),
                     ("stunting_cases", 9)]


def test_a_population_in_jiwa_is_no_count_of_cases() -> None:
    assert figures_in("Kecamatan ini berpenduduk 12.400 jiwa dan mencatat 31 kasus "
                      "stunting.") == [("stunting_cases", 31)]
    assert figures_in("Dengan jumlah penduduk sekitar 3.100 jiwa, desa itu masih memiliki "
                      "balita stunting.") == []
    assert figures_in("Balita stunting di Desa Alpha tercatat 21 jiwa dari jumlah penduduk "
                      "900 jiwa.") == [("stunting_cases", 21)]


def test_a_count_before_penerima_manfaat_is_other() -> None:
    assert figures_in("Saat ini terdapat 64 penerima manfaat bantuan pangan bagi balita "
                      "stunting di kecamatan tersebut.") == [("other", 64)]


def test_the_reach_an_intervention_aims_for_is_a_target() -> None:
    assert figures_in("Program itu menargetkan menjangkau hingga 450 penerima manfaat pada "
                      "akhir tahun.") == []
    assert figures_in("Dinas Sosial ditargetkan melayani sampai 120 keluarga sasaran.") == []
