"""Figure rules of x10-figures5 (guide §7): a count whose noun and stating verb come before
it, the groups an audit reviews, a goal of bringing the rate down, the bare second value of
a trend of counts, a bare share sharing the next listed region's persen, reporting coverage,
and 'masuk dalam kategori lokus stunting'. Sentences are our own; each test fails when its
rule (data/figure_cues.csv rows or figures.py) breaks."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in


def test_children_weighed_and_measured_with_the_verb_before_a_bare_count_are_other() -> None:
    assert figures_in("Anak yang ditimbang dan diukur di seluruh posyandu berjumlah "
                      "9.310.") == [("other", 9310)]
    assert figures_in("Balita yang diukur sebanyak 4.020.") == [("other", 4020)]


def test_suspected_stunting_counted_in_orang_is_cases() -> None:
    assert figures_in("Hasil skrining menemukan balita dengan suspek stunting 52 orang.") == [
        ("stunting_cases", 52)]
    assert figures_in("Petugas mencatat suspect stunting sebanyak 17 orang.") == [
        ("stunting_cases", 17)]
    assert figures_in("Kasus stunting di desa itu sebanyak 17 orang.") == [
        ("stunting_cases", 17)]


def test_the_groups_an_audit_reviews_are_each_other() -> None:
    assert figures_in("Sasaran audit kali ini meliputi 4 baduta, 1 balita, 3 ibu hamil dan "
                      "2 ibu nifas.") == [("other", 4), ("other", 1), ("other", 3), ("other", 2)]
    assert figures_in("Kasus yang ditelaah yaitu: 2 bumil, 6 baduta, 1 catin.") == [
        ("other", 2), ("other", 6), ("other", 1)]
    # the audit's total before the list is a count of its own, then each group
    assert figures_in("Sasaran audit sejumlah 9 kasus, yakni 4 baduta dan 5 balita.") == [
        ("other", 9), ("other", 4), ("other", 5)]


def test_a_goal_of_bringing_the_rate_down_is_a_target() -> None:
    assert figures_in("Upaya yang disepakati ialah menurunkan prevalensi stunting ke angka "
                      "12 persen.") == []
    assert figures_in("Output rembuk adalah menurunkan angka stunting hingga 13,5 persen.") == []
    assert figures_in("Tujuan rapat ini untuk menurunkan angka stunting dari 18 persen "
                      "menjadi 14 persen.") == [("stunting_prevalence_pct", 18)]
    # a rate brought down with no goal word, or an effort that did it, is the level reached
    assert figures_in("Kabupaten ini berhasil menurunkan angka stunting hingga 13,5 persen.") \
        == [("stunting_prevalence_pct", 13.5)]
    assert figures_in("Upaya yang dilakukan berhasil menurunkan angka stunting hingga 15 "
                      "persen.") == [("stunting_prevalence_pct", 15)]
    assert figures_in("Tujuan rembuk ini menurunkan angka stunting kecamatan yang kini 18 "
                      "persen.") == [("stunting_prevalence_pct", 18)]


def test_the_bare_second_value_of_a_trend_of_counts_is_kept() -> None:
    assert figures_in("Kasus stunting bertambah dari 64 anak pada 2023 menjadi 71 pada "
                      "2024.") == [("stunting_cases", 64), ("stunting_cases", 71)]
    assert figures_in("Balita stunting menurun dari 88 kasus menjadi 70.") == [
        ("stunting_cases", 88), ("stunting_cases", 70)]


def test_a_bare_share_after_a_region_takes_the_next_listed_persen() -> None:
    assert figures_in("Menurut SSGI 2024, Provinsi Nusa Kencana 19,4, sedangkan Kabupaten "
                      "Lembah Hijau 17,9 persen.") == [("stunting_prevalence_pct", 19.4),
                                                       ("stunting_prevalence_pct", 17.9)]
    # a list of another coverage shares nothing
    assert figures_in("Cakupan ASI eksklusif Provinsi Nusa Kencana 61,2, Kabupaten Lembah "
                      "Hijau 66,0 persen.") == []


def test_a_share_of_reports_sent_in_is_no_prevalence() -> None:
    assert figures_in("Pelaporan posyandu soal stunting baru 76 persen.") == []
    assert figures_in("Laporan yang masuk ke dinas terkait data stunting baru 81%.") == []


def test_children_in_the_stunting_category_are_cases() -> None:
    assert figures_in("Tercatat 14 balita di dusun itu masuk dalam kategori lokus "
                      "stunting.") == [("stunting_cases", 14)]
