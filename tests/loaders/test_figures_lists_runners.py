"""Lists of regional values, families at risk with their denominator and share, targets
listed by year (guide §7), and who runs a programme named in a quote, runner verbs,
untriggered names and neighbourhood units (guide §6): issue 10. Each test fails when its
rule breaks; the phrasings are our own and differ from the corpus releases r1351-r1358."""

from __future__ import annotations

from typing import Any

from loaders.articles.document import parse
from loaders.articles.extract import extract
from tests.loaders.figure_helpers import figures_in, measurements_in
from tests.loaders.program_helpers import links_in, programs_in

LEAD = ("Pemerintah Kabupaten Lembah Hijau menggelar Rembuk Stunting di Aula Bappeda Lembah "
        "Hijau, Selasa (8/4/2025). Bupati Lembah Hijau membuka kegiatan.\n")


_figures = figures_in


def _release(body: str) -> list[dict[str, Any]]:
    return measurements_in(LEAD, body, ("what", "value", "region"))


# -- 1. lists of regional values ---------------------------------------------------------

def test_a_repeated_value_for_a_second_region_is_its_own_figure() -> None:
    got = _release("Prevalensi stunting Kabupaten Lembah Hijau tercatat 15,3 persen dan Kota "
                   "Lembah Hijau juga 15,3 persen.")
    assert sorted((f["value"], f["region"]) for f in got) == [
        (15.3, "Kabupaten Lembah Hijau"), (15.3, "Kota Lembah Hijau")]


def test_a_value_repeated_for_the_same_region_is_still_one_figure() -> None:
    got = _release("Prevalensi stunting Kabupaten Lembah Hijau tercatat 15,3 persen. "
                   "Angka 15,3 persen itu harus terus ditekan.")
    assert [f["value"] for f in got] == [15.3]


def test_a_restatement_naming_a_region_the_first_did_not_name_is_the_same_figure() -> None:
    got = _release("Kasus stunting di wilayah ini mencapai 87 anak. Camat Sukaluyu menyebut 87 "
                   "kasus stunting tersebut tersebar di lima desa.")
    assert [f["value"] for f in got] == [87]


def test_a_restatement_in_another_sentence_naming_another_region_is_the_same() -> None:
    got = _release("Di Kecamatan Sukaluyu kasus stunting mencapai 64 anak. Bupati Lembah Hijau "
                   "menyebut 64 kasus stunting tersebut harus turun tahun ini.")
    assert [f["value"] for f in got] == [64]


def test_a_change_in_brackets_does_not_end_a_list_of_levels() -> None:
    assert _figures("Prevalensi stunting Kota Tirta Raya 15,8 persen (turun 2,2 poin), "
                    "Kabupaten Batu Jaya sebesar 23,1 persen (turun 3 poin) dan Kota Lembah "
                    "Hijau sebesar 19,4 (naik 0,6 poin).") == [
        ("stunting_prevalence_pct", 15.8), ("stunting_prevalence_pct", 23.1),
        ("stunting_prevalence_pct", 19.4)]


def test_a_bare_value_after_a_linking_word_continues_the_list() -> None:
    assert _figures("Prevalensi stunting Kota Tirta Raya 12,8 persen, sedangkan Kabupaten "
                    "Batu Jaya 20,4 dan Kota Lembah Hijau 9,7 persen.") == [
        ("stunting_prevalence_pct", 12.8), ("stunting_prevalence_pct", 20.4),
        ("stunting_prevalence_pct", 9.7)]


def test_a_bare_national_value_beside_a_provincial_one_is_a_share() -> None:
    """(The invented tree has no nation, so only the values are checked here; r1351 checks
    the national region on the real tree.)"""
    assert _figures("Prevalensi stunting Provinsi Nusa Kencana sebesar 22,6 persen, lebih "
                    "tinggi dari angka nasional yang 19,8.") == [
        ("stunting_prevalence_pct", 22.6), ("stunting_prevalence_pct", 19.8)]


def test_a_comparison_after_dibanding_and_a_bare_national_value_are_shares() -> None:
    assert _figures("Prevalensi stunting di kabupaten ini 14,6 persen, lebih rendah "
                    "dibanding Provinsi Nusa Kencana 18,3 dan nasional 19,8.") == [
        ("stunting_prevalence_pct", 14.6), ("stunting_prevalence_pct", 18.3),
        ("stunting_prevalence_pct", 19.8)]


def test_a_misspelt_prevalence_word_still_opens_a_list_of_regions() -> None:
    assert _figures("Angka prevelensi tahun 2024 di Kabupaten Batu Jaya mencapai 26,2 persen, "
                    "Kota Tirta Raya 17,9 persen dan Kota Lembah Hijau 12,1 persen.") == [
        ("stunting_prevalence_pct", 26.2), ("stunting_prevalence_pct", 17.9),
        ("stunting_prevalence_pct", 12.1)]


# -- 2. families at risk, their denominator and share ------------------------------------

def test_a_denominator_and_a_share_beside_families_at_risk_are_other() -> None:
    assert _figures("Verval tahun ini menemukan 2.310 keluarga berisiko stunting (KRS) dari "
                    "19.800 keluarga sasaran atau 11,7 persen.") == [
        ("families_at_risk", 2310), ("other", 19800), ("other", 11.7)]


def test_a_bracketed_share_after_the_denominator_is_other() -> None:
    assert _figures("Jumlah KRS di daerah ini 4.005 keluarga dari 51.260 keluarga yang "
                    "terdata (7,8%).") == [
        ("families_at_risk", 4005), ("other", 51260), ("other", 7.8)]


def test_the_base_of_a_share_of_families_is_still_no_figure() -> None:
    """'28,5 persen dari total N keluarga' (r923): the total after a share stays out."""
    assert _figures("Ada 6.120 keluarga berisiko stunting (KRS), atau 12,4 persen dari total "
                    "49.350 keluarga.") == [("families_at_risk", 6120), ("other", 12.4)]


# -- 3. targets listed by year -----------------------------------------------------------

def test_targets_listed_by_year_give_no_figure() -> None:
    assert _figures("Prevalensi stunting saat ini 23,9 persen. Sasaran tahun 2026 20 persen, "
                    "2027 18,4 persen dan 2028 16 persen.") == [
        ("stunting_prevalence_pct", 23.9)]


def test_targets_by_year_with_pada_tahun_and_a_misspelt_prevalence_give_no_figure() -> None:
    assert _figures("Target privalensi yang ditetapkan daerah ini yakni 20,5% pada tahun 2025 "
                    "dan 18,9% di tahun 2026 serta pada tahun 2027 sebesar 16,3%.") == []


def test_a_target_set_earlier_in_its_clause_governs_the_first_value_after_yakni() -> None:
    """'telah ditetapkan' and a comma before 'yakni' do not close the target's clause."""
    assert _figures("Sasaran prevalensi yang telah disepakati bersama Pemkab, yakni 21,4% "
                    "pada 2025 dan 19,9% di tahun 2026.") == []


def test_a_list_by_year_of_actual_values_is_kept() -> None:
    assert _figures("Prevalensi stunting tahun 2022 25,1 persen, 2023 22,0 persen dan 2024 "
                    "19,6 persen.") == [("stunting_prevalence_pct", 25.1),
                                        ("stunting_prevalence_pct", 22.0),
                                        ("stunting_prevalence_pct", 19.6)]


# -- 4. runners: the quoted speaker traced to their body, runner verbs -------------------

def test_the_speaker_named_after_a_quote_is_traced_to_their_body() -> None:
    body = ("Kepala Dinas Kesehatan Kabupaten Lembah Hijau, dr. Ratna Sari, hadir sebagai "
            "narasumber.\n"
            "\"Tahun ini kami menjalankan Gerakan Piring Sehat di setiap dusun,\" ujar Ratna.")
    assert links_in(LEAD + body)["Gerakan Piring Sehat"] == {("DINKES", "RUNS")}


def test_a_speaker_named_before_their_title_is_traced_too() -> None:
    body = ("Ratna Sari selaku Kepala Dinas Kesehatan Kabupaten Lembah Hijau hadir sebagai "
            "narasumber.\n"
            "\"Kami juga sudah menggulirkan Gerakan Piring Sehat sejak Januari,\" kata Ratna.")
    assert links_in(LEAD + body)["Gerakan Piring Sehat"] == {("DINKES", "RUNS")}


def test_a_quote_without_the_speakers_own_side_ties_nothing() -> None:
    body = ("Kepala Dinas Kesehatan Kabupaten Lembah Hijau, dr. Ratna Sari, hadir sebagai "
            "narasumber.\n"
            "\"Desa-desa diminta ikut Gerakan Piring Sehat,\" ujar Ratna.")
    assert links_in(LEAD + body).get("Gerakan Piring Sehat", set()) == set()


def test_menggulirkan_is_a_runner_verb() -> None:
    body = "Dinas Kesehatan Kabupaten Lembah Hijau menggulirkan program Sapa Bumil sejak Maret."
    assert links_in(LEAD + body)["Sapa Bumil"] == {("DINKES", "RUNS")}


# -- 5. names with no trigger word, neighbourhood units ----------------------------------

def test_a_name_after_a_rolling_out_verb_is_a_programme() -> None:
    assert "Kelas Ayah Siaga" in programs_in(
        "Puskesmas Sukaluyu menggencarkan Kelas Ayah Siaga bagi para suami.")


def test_the_parenting_school_is_known_by_its_bare_acronym() -> None:
    """SOTH is written with no trigger and no expansion: only the known list keeps it."""
    assert "SOTH" in programs_in("Para ibu balita kini rutin mengikuti kelas SOTH di balai "
                                 "desa setiap Sabtu.")


def test_a_neighbourhood_unit_with_its_expansion_is_no_programme() -> None:
    found = programs_in("Rembuk dihadiri ketua RT (Rukun Tetangga), RW (Rukun Warga) dan "
                        "Dusun (Dukuh) se-desa.")
    assert not any(n.startswith(("RT", "RW", "Dusun", "Rukun")) for n in found)


# -- a programme's meeting named with 'sarasehan' --------------------------------------

def test_a_sarasehan_on_stunting_is_a_meeting_and_keeps_its_programmes() -> None:
    e = extract(parse("t.txt", "Judul rilis\n\nDinas Kesehatan Kabupaten Lembah Hijau menggelar "
                      "Sarasehan Percepatan Penurunan Stunting di Aula Puskesmas Sukaluyu, Rabu "
                      "(6/8/2025). Dalam sarasehan itu dipaparkan kegiatan Dapur Sehat Atasi "
                      "Stunting (DASHAT).\n"))
    assert e.meeting is not None and e.meeting["title"].startswith("Sarasehan")
    assert any(p.name.startswith("DASHAT") for p in e.programs)


def test_a_cash_handout_after_a_rolling_out_verb_is_no_programme() -> None:
    assert programs_in("Pemkab juga menggulirkan Bantuan Langsung Tunai bagi keluarga "
                       "miskin.") == {}


def test_a_name_after_a_rolling_out_verb_keeps_no_verb_alias() -> None:
    assert programs_in("Kelurahan menggalakkan Jumat Bersih Sehat setiap pekan.") == {
        "Jumat Bersih Sehat": []}


def test_a_programme_the_speakers_side_says_it_runs_after_the_name_is_theirs() -> None:
    body = ("Kepala Dinas Kesehatan Kabupaten Lembah Hijau, Ratna Sari, menjadi narasumber.\n"
            "\"Gerakan Piring Sehat yang sudah kami gulirkan sejak 2024 terus diperluas,\" "
            "tutur Ratna.")
    assert links_in(LEAD + body)["Gerakan Piring Sehat"] == {("DINKES", "RUNS")}
