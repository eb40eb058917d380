"""Figure readings a blind set of real releases from across the country showed wrong
(issue 10, eval16): a targeted change whose start carries its own year, children measured
with a word between them and their measuring, a level compared by a region's own name, a
share restated rounded, 'bulan Agustus lalu', recipients counted in people, an event's
head count, a level written bare after a change in percent, and a remark with only a year
between two sentences about the share. Own sentences."""

from __future__ import annotations

from loaders.articles.figures import find_figures
from tests.loaders.figure_helpers import figures_in, measurements_in

P = "stunting_prevalence_pct"
LEAD = ("Pemerintah Kabupaten Lembah Hijau menggelar Rakor TPPS di Aula Bappeda, Senin "
        "(4/8/2025). ")


def test_a_targeted_change_keeps_its_start_when_its_year_stands_between() -> None:
    got = figures_in("Langkah kedua sesuai target RPJMD, yaitu menurunkan prevalensi stunting "
                     "dari 23,4 persen pada 2024 menjadi 15 persen pada 2029.")
    assert got == [(P, 23.4)]


def test_children_measured_with_a_word_between_are_other() -> None:
    got = figures_in("Jumlah balita rata-rata yang diukur pada tahun 2024 berjumlah 9.120 anak "
                     "dan jumlah anak stunting sebanyak 210 anak.")
    assert ("other", 9120.0) in got
    assert ("stunting_cases", 9120.0) not in got


def test_a_level_compared_by_a_regions_own_name_is_that_regions() -> None:
    got = figures_in("Kita masih di bawah Jabar 16,2 untuk se-Jabar, kabupaten kita 12,5 persen.",
                     about_prevalence=True)
    assert (P, 16.2) in got


def test_a_bare_decimal_after_a_region_without_a_comparing_word_stays_out() -> None:
    got = figures_in("Tim mencatat Jabar 16,2 untuk laporan itu.", about_prevalence=True)
    assert (P, 16.2) not in got


def test_a_share_restated_rounded_in_a_quote_is_one_figure() -> None:
    got = measurements_in(LEAD, "Per Juli lalu angka stunting Kabupaten Lembah Hijau turun "
                          "menjadi 17,86 persen. “Berkat kerja bersama, angka stunting dapat "
                          "kita tekan hingga menjadi 17 persen di bulan Juli,” kata Bupati.",
                          ("what", "value"))
    assert [f for f in got if f["what"] == P] == [{"what": P, "value": 17.86}]


def test_a_month_told_as_last_takes_the_meetings_year() -> None:
    found = [(f.what, f.value, f.period) for f in find_figures(
        "Target nasional pada tahun 2024 ialah 14% dan per bulan Maret lalu angka stunting "
        "berhasil ditekan menjadi 19,4%.", 2023)]
    assert found == [(P, 19.4, "2023-03")]


def test_people_counted_as_recipients_are_other() -> None:
    got = figures_in("Sebanyak 12 orang menjadi penerima manfaat PMT, terdiri dari 9 ibu hamil "
                     "KEK dan 3 balita stunting.")
    assert ("other", 12.0) in got


def test_an_events_head_count_is_its_participants() -> None:
    got = figures_in("Ketua panitia menyebut kegiatan ini melibatkan 140 orang dari semua "
                     "unsur tim.")
    assert got == [("participants", 140.0)]


def test_a_level_written_bare_after_a_change_in_percent_is_a_share() -> None:
    got = figures_in("Menurut data e-PPGBM, prevalensi stunting turun sebesar 1,8 persen "
                     "sehingga menjadi 6,35 di tahun 2024.")
    assert got == [(P, 6.35)]


def test_a_remark_with_only_a_year_keeps_the_share_going() -> None:
    got = measurements_in(LEAD, "Angka stunting Kabupaten Lembah Hijau sebesar 15,1 persen. "
                          "“Target kita 2026 bebas stunting. Saat ini kita 15,1 persen. Kita "
                          "masih di bawah Nusa Kencana 18,7 untuk se-provinsi,” ujarnya.",
                          ("what", "value"))
    assert {"what": P, "value": 18.7} in got
