"""Programme and figure readings a second blind set of real releases showed wrong (issue 10,
eval17): a coined national short name written in lower case, a known kampung initiative
written in mixed case with its tier word after it, a service unit and a worker's post with
their short forms, a lower-case name that sets a measure per unit, a list line cut off
mid-word, the level a targeted change starts from after the target's year, and a list of
villages' counts run over two sentences. Own sentences."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in, measurements_in
from tests.loaders.program_helpers import names_of, programs_in

P = "stunting_prevalence_pct"
LEAD = ("Pemerintah Kabupaten Lembah Hijau menggelar Rakor TPPS di Aula Bappeda, Senin "
        "(4/8/2025). ")


def test_a_coined_short_name_counts_in_lower_case() -> None:
    found = programs_in("Kabupaten ini kini tercatat terbaik dalam pemanfaatan elsimil bagi "
                        "calon pengantin.")
    assert "Elsimil" in found


def test_a_common_word_short_name_still_needs_its_case() -> None:
    # 'genting' (critical) is a common word: only GENTING written as the name counts
    found = programs_in("Situasi gizi di beberapa dusun dinilai cukup genting oleh bidan.")
    assert "GENTING" not in found


def test_an_instance_of_a_known_kampung_keeps_the_family_name() -> None:
    found = programs_in("Puskesmas melanjutkan pembentukan Kampung Asi Desa yang kini berjalan "
                        "di sembilan desa.")
    assert list(found) == ["Kampung ASI"]


def test_a_kampung_named_for_no_topic_is_still_a_village() -> None:
    found = programs_in("Tim berkunjung ke Kampung Rawa Indah untuk menimbang balita.")
    assert found == {}


def test_a_service_unit_with_its_short_form_is_no_programme() -> None:
    found = programs_in("Hadir pula kepala puskesmas, Satuan Pelayanan Pemenuhan Gizi (SPPG), "
                        "dan lembaga swadaya masyarakat.")
    assert found == {}


def test_a_workers_post_with_its_short_form_is_no_programme() -> None:
    found = programs_in("Dua Tenaga Pendamping Profesional (TPP) mendampingi rembuk di lima "
                        "desa.")
    assert found == {}


def test_a_lower_case_name_of_a_measure_per_unit_is_a_programme() -> None:
    found = programs_in("PMT bagi balita disiapkan untuk mendukung program pemerintah satu "
                        "telur sehari di semua posyandu.")
    assert "satu telur sehari" in names_of(found)


def test_a_per_unit_phrase_with_no_programme_noun_is_no_name() -> None:
    found = programs_in("Kader membagikan sebutir telur sehari kepada balita sasaran.")
    assert found == {}


def test_the_start_of_a_targeted_change_after_the_targets_year_is_a_level() -> None:
    got = figures_in("Kabupaten ini menargetkan menurunkan angka stunting menjadi 8 persen "
                     "pada 2027 dari 13,6 persen di tahun 2023.")
    assert got == [(P, 13.6)]


def test_a_list_of_village_counts_over_two_sentences_keeps_each_village() -> None:
    got = measurements_in(LEAD, "Rinciannya, Desa Mekarsari 17 anak stunting dan Desa Cibening "
                          "12 anak stunting. Sementara itu, Desa Tanjung Sari 12 anak stunting "
                          "dan Desa Batu Ampar 17 anak stunting.", ("what", "value", "region"))
    assert {(f["value"], f["region"]) for f in got if f["what"] == "stunting_cases"} == {
        (17.0, "Mekarsari"), (12.0, "Cibening"), (12.0, "Tanjung Sari"), (17.0, "Batu Ampar")}


def test_a_value_told_again_for_another_region_alone_is_still_a_restatement() -> None:
    got = measurements_in(LEAD, "Desa Mekarsari mencatat 17 anak stunting. Angka 17 anak "
                          "stunting itu disebut Camat Sukaluyu perlu perhatian.",
                          ("what", "value"))
    assert [f for f in got if f["what"] == "stunting_cases"] == [
        {"what": "stunting_cases", "value": 17.0}]


def test_a_list_line_cut_off_mid_word_is_no_name() -> None:
    found = programs_in("Rembuk digelar di balai desa.\n\nTim desa memaparkan program unggulan, "
                        "antara lain:\n\n• Program Tabungan Sayur Warga, yakni kebun bersama "
                        "untuk keluarga berisiko.\n• Progr")
    assert list(found) == ["Tabungan Sayur Warga"]
