"""Figure readings a blind set of real releases showed wrong (issue 10, eval18): a rise
listed by region after 'yakni' (each value a change, not a level), a target whose own year
is set off by a comma, children counted by a state named after the count (wasting, born
underweight, graduated out of stunting), and a share restating such a count. Own sentences."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in

P = "stunting_prevalence_pct"


def test_a_rise_listed_by_region_after_yakni_is_no_level() -> None:
    got = figures_in("Saat ini ada empat kabupaten yang mengalami kenaikan angka prevalensi "
                     "stunting menurut SKI 2023 yakni di Kabupaten Delta 1,4 %, Kabupaten "
                     "Gamma 2,2%, kota Beta 3,5%, dan kabupaten Alpha Raya 6,1%.")
    assert not [v for k, v in got if k == P]


def test_levels_listed_by_region_without_a_change_word_stay() -> None:
    got = figures_in("Prevalensi stunting menurut SKI 2023 yakni di Kabupaten Delta 21,4 %, "
                     "Kabupaten Gamma 22,2%.")
    assert (P, 21.4) in got and (P, 22.2) in got


def test_a_target_with_its_own_year_set_off_by_a_comma_governs_the_count() -> None:
    got = figures_in("Dalam rapat itu pemerintah kota menargetkan pada 2025, 450 balita "
                     "terindikasi stunting dapat ditangani melalui program gizi.")
    assert got == []


def test_children_counted_by_a_state_after_the_count_are_other_with_their_shares() -> None:
    got = figures_in("Pada Mei 2025 tercatat 80 balita stunting (16%), 52 balita wasting (10%), "
                     "dan 97 balita underweight (19%) dari 498 balita sasaran, serta 4 bayi "
                     "lahir dengan berat badan rendah.")
    assert ("stunting_cases", 80.0) in got and (P, 16.0) in got
    for value in (52.0, 10.0, 97.0, 19.0, 4.0):
        assert ("other", value) in got
    assert (P, 10.0) not in got and (P, 19.0) not in got


def test_children_graduated_and_their_share_are_other() -> None:
    got = figures_in("Sepanjang 2024 tim menangani 410 kasus stunting, dan 45 balita lulus "
                     "hingga Desember 2024 atau mencapai 11 persen.")
    assert ("other", 45.0) in got and ("other", 11.0) in got
    assert (P, 11.0) not in got


def test_one_in_two_children_is_a_ratio_no_count() -> None:
    got = figures_in("Angka itu berarti satu dari dua anak di kabupaten tersebut menderita "
                     "stunting.")
    assert ("stunting_cases", 2.0) not in got
