"""Figure readings a blind set of real releases showed wrong (issue 10, eval21): a level
aimed at by 'berupaya/bertekad ... menurunkan ... hingga X persen' stays a target when a year
stands between the verb and 'hingga'; a share written after a count of stunted children and
the whole they are part of ('N balita stunting dari total M balita, atau X%'), when it is the
part over the whole, is the prevalence of that group, not a share of the whole; a group
counted by what it has or gets ('yang memiliki jaminan kesehatan ada N anak', 'yang
terdaftar di DTKS sebanyak N anak', 'yang ditangani bansos N anak') is other, never stunting
cases. Own sentences."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in

P = "stunting_prevalence_pct"
C = "stunting_cases"


def test_a_level_aimed_at_with_a_year_before_hingga_is_a_target() -> None:
    got = figures_in("Pemkab Lembah Hijau bertekad menurunkan prevalensi stunting (balita "
                     "pendek) tahun 2026 hingga berada di angka 9 persen.")
    assert (P, 9.0) not in got


def test_a_level_reached_with_a_year_before_hingga_stays_a_level() -> None:
    got = figures_in("Pemkab Lembah Hijau telah berhasil menurunkan prevalensi stunting tahun "
                     "2024 hingga 11,2 persen.")
    assert (P, 11.2) in got


def test_the_share_of_the_stunted_part_of_a_whole_is_the_prevalence() -> None:
    got = figures_in("Di Desa Sukamaju tercatat 27 balita stunting dari total 90 balita, "
                     "atau 30%.")
    assert (C, 27.0) in got
    assert ("other", 90.0) in got
    assert (P, 30.0) in got and ("other", 30.0) not in got


def test_a_share_that_is_not_the_part_over_the_whole_stays_other() -> None:
    got = figures_in("Di Desa Sukamaju tercatat 27 balita stunting dari total 90 balita, "
                     "atau 12% dari seluruh anak di kecamatan.")
    assert (P, 12.0) not in got


def test_groups_counted_by_what_they_have_or_get_are_other() -> None:
    got = figures_in("Jumlah anak stunting di Kabupaten Lembah Hijau ada 412 anak, namun yang "
                     "terdaftar di DTKS sebanyak 51 anak, yang memiliki jaminan kesehatan ada "
                     "44 anak, serta yang ditangani bansos sembako sebanyak 17 anak.")
    assert (C, 412.0) in got
    for n in (51.0, 44.0, 17.0):
        assert ("other", n) in got and (C, n) not in got


def test_a_group_named_by_its_stunting_status_stays_cases() -> None:
    got = figures_in("Dari hasil pengukuran, balita yang tercatat dalam status stunting "
                     "sebanyak 63 anak.")
    assert ("other", 63.0) not in got
