"""A level's parts end where the sentence goes on to compare it with another year."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in


def test_a_level_compared_after_its_parts_is_a_level_again() -> None:
    got = figures_in(
        "Prevalensi stunting tahun 2024 sebesar 9,6 persen, terdiri atas stunting berat 2,1 "
        "persen dan stunting 7,5 persen, sehingga prevalensi stunting naik 0,8 persen "
        "dibandingkan tahun sebelumnya yang sebesar 8,8 persen.")
    assert ("stunting_prevalence_pct", 9.6) in got
    assert ("stunting_prevalence_pct", 8.8) in got
    assert ("other", 2.1) in got and ("other", 7.5) in got


def test_the_parts_themselves_stay_parts() -> None:
    got = figures_in("Angka stunting tercatat 14,2 persen yang terdiri dari severely stunting "
                     "3,0 persen dan stunting 11,2 persen.")
    assert ("stunting_prevalence_pct", 14.2) in got
    assert ("stunting_prevalence_pct", 11.2) not in got
