"""Open-vocabulary programmes and who runs them (guide §6), rules learnt from real releases
of many provinces; the sentences are our own. Each test fails when its rule breaks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders.articles.vocab import DATA, Vocabulary
from tests.loaders.program_helpers import links_in, programs_in

_programs = programs_in


# a held lokmin, so that extract() reads the programmes and their links after it
LEAD = ("WONOMULYO – Camat Wonomulyo membuka Lokakarya Mini Stunting tingkat Kecamatan "
        "Wonomulyo, Kabupaten Polewali Mandar, di aula kantor camat, Kamis (8/5/2025). "
        "Hadir Kepala Puskesmas Wonomulyo, Kapolsek Wonomulyo dan para kepala desa.\n\n")


def _links(text: str) -> dict[str, set[tuple[str, str]]]:
    return links_in(LEAD + text)


def test_a_name_after_a_naming_word_and_its_owner_runs_it() -> None:
    assert "Tiga Pasti Sehat" in _programs(
        "Wabup memaparkan program unggulan bertajuk Tiga Pasti Sehat sebagai pegangan.\n")
    links = _links("Langkah ini sejalan dengan program prioritas Camat Wonomulyo, yaitu Aksi "
                   "Cepat Tanggap Gizi di setiap desa.\n")
    assert links["Aksi Cepat Tanggap Gizi"] == {("KECAMATAN", "RUNS")}


def test_aks_guards_audit_kasus_only_as_a_whole_word() -> None:
    # "AKS" (audit kasus stunting) is no programme; "Aksi ..." still may be one
    assert "Aksi Bersih Kampung" in _programs("Desa menjalankan inovasi Aksi Bersih Kampung.\n")
    assert _programs("Hasil AKS dibahas bersama.\n") == {}


def test_a_short_quoted_name_a_few_words_after_inovasi() -> None:
    found = _programs('Puskesmas menampilkan inovasi andalan berupa aplikasi daring "Pantau '
                      'Balita Kita" untuk para kader.\n')
    assert "Pantau Balita Kita" in found
    # speech in quotes is no name: it is long and runs past a comma
    assert _programs('Program ini penting. "Kami akan terus bergerak bersama warga," ujarnya.\n'
                     ) == {}


def test_a_launch_verb_before_the_programme_noun() -> None:
    found = _programs("Pemprov mulai meluncurkan Program Desa Mandiri Gizi tahun ini.\n")
    assert list(found) == ["Program Desa Mandiri Gizi"]
    assert _programs("Pemprov meluncurkan Program Pembangunan bersama kabupaten.\n") == {}


def test_interventions_fields_posts_units_and_funds_are_no_programmes() -> None:
    text = ("Deklarasi memuat Makanan Pendamping ASI (MP-ASI) dan Metode Kontrasepsi Jangka "
            "Panjang (MKJP). Rapat membahas Program Keluarga Berencana. Hadir Kepala Bidang "
            "(Kabid) Perencanaan Pembangunan Manusia (PPM) Bappeda. Perusahaan menyalurkan "
            "program Corporate Social Responsibility (CSR). Rapat mendukung program Asta Cita.\n")
    assert _programs(text) == {}


def test_an_app_named_after_reporting_words_is_a_data_system() -> None:
    assert _programs("Pelaporan kini memakai teknologi digital dengan aplikasi Lapor Gizi.\n"
                     ) == {}
    assert "Lapor Gizi" in _programs("Dinkes meluncurkan aplikasi Lapor Gizi bagi ibu hamil.\n")


def test_an_acronym_written_after_a_known_expansion_is_one_more_alias() -> None:
    found = _programs("Kelurahan mengoptimalkan program Satu Telur Satu Minggu (Satesami).\n")
    assert list(found) == ["Sate Sami"] and "Satesami" in found["Sate Sami"]


def test_a_team_of_companions_names_a_group_but_a_course_for_them_a_programme() -> None:
    assert _programs("Hadir pula tim pendamping PKH dan operator Elsimil kecamatan.\n") == {}
    found = _programs("Dinsos menggelar rakornis bagi pendamping Program Keluarga Harapan (PKH).\n")
    assert list(found) == ["PKH"]  # read once, not again as "Keluarga Harapan"


def test_a_second_verb_of_the_same_subject_runs_the_second_programme() -> None:
    links = _links("Camat Wonomulyo mendukung Gerakan Orang Tua Asuh Cegah Stunting (GENTING) "
                   "dan meluncurkan inovasi Dapur Gizi Kita di setiap desa.\n")
    assert links["GENTING"] == {("KECAMATAN", "SUPPORTS")}
    assert links["Dapur Gizi Kita"] == {("KECAMATAN", "RUNS")}


def test_every_unit_named_in_a_yaitu_clause_runs_it() -> None:
    links = _links('Kapolsek menjelaskan inovasi "Polisi Sahabat Balita", yaitu setiap '
                   "Bhabinkamtibmas menyambangi dua keluarga berisiko tiap pekan.\n")
    assert ("BHABINKAMTIBMAS", "RUNS") in links["Polisi Sahabat Balita"]


def test_developed_by_or_at_a_body_after_an_appositive() -> None:
    links = _links("Kader memakai aplikasi e-Timbang, layanan catatan tumbuh kembang yang "
                   "dikembangkan Puskesmas Wonomulyo.\n\nInovasi Kelas Ayah Tangguh yang "
                   "dikembangkan di Puskesmas Wonomulyo rutin digelar.\n")
    assert links["e-Timbang"] == {("PUSKESMAS", "RUNS")}
    assert links["Kelas Ayah Tangguh"] == {("PUSKESMAS", "RUNS")}


def test_a_programme_row_whose_pattern_holds_a_bare_comma_is_refused(tmp_path: Path) -> None:
    # the long form of Bangga Kencana holds commas: quoted, it stays one pattern
    found = _programs("Rakor Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana "
                      "digelar.\n")
    assert list(found) == ["Bangga Kencana"]
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with (data / "programs.csv").open("a", encoding="utf-8") as f:
        f.write("Gizi Kita,Gizi\\s+Kita|Program\\s+Gizi\\s*,\\s*Kita,,Invented,\n")
    with pytest.raises(ValueError, match="more fields than the header"):
        _ = Vocabulary(data).programs


def test_names_listed_after_the_first_one_a_programme_noun_introduced() -> None:
    found = _programs("Kecamatan mengembangkan inovasi Madu Gizi (Makan Dulu Gizi Seimbang), Sapa "
                      "Bumil dan inovasi Ronda Balita di semua desa.\n")
    assert {"Sapa Bumil", "Ronda Balita"} <= set(found)
    # a body or an official after "dan" ends the list
    assert set(_programs("Desa menjalankan inovasi Lumbung Telur dan Kepala Puskesmas hadir.\n")
               ) == {"Lumbung Telur"}


def test_national_family_groups_are_known_but_not_as_cadres_groups() -> None:
    assert {"BKR", "BKL"} <= set(_programs("Kampung itu menghidupkan Bina Keluarga Remaja dan "
                                           "Bina Keluarga Lansia.\n"))
    assert _programs("Rakor dihadiri kader BKB, BKR, dan BKL.\n") == {}


def test_an_expansion_after_a_triggered_name_is_read_once() -> None:
    found = _programs("Desa menjalankan inovasi Gemar Telur (Gerakan Makan Telur) tiap pekan.\n")
    assert list(found) == ["Gemar Telur"] and "Gerakan Makan Telur" in found["Gemar Telur"]


def test_a_speech_verb_gives_the_running_verb_another_subject() -> None:
    links = _links("Kepala Puskesmas Wonomulyo menyebut desa-desa lokus telah mengembangkan "
                   "inovasi Lumbung Gizi.\n\nPuskesmas Wonomulyo mengembangkan inovasi Pojok "
                   "Bumil Sehat.\n")
    assert links["Lumbung Gizi"] == set()
    assert links["Pojok Bumil Sehat"] == {("PUSKESMAS", "RUNS")}


def test_a_list_stops_at_a_programme_read_on_its_own() -> None:
    found = _programs("Pemkot menjalankan Program Sehat Bersama, Program Bapak/Bunda Asuh Anak "
                      "Stunting (BAAS) dan pemeriksaan gratis.\n")
    assert set(found) == {"Sehat Bersama", "BAAS"}  # no "Program Bapak"


def test_a_known_name_inside_a_longer_triggered_name_is_not_the_known_one() -> None:
    found = _programs("Wabup me-launching inovasi Raga Genting (Gerakan Keluarga Cegah Stunting) "
                      "di pendopo.\n")
    assert list(found) == ["Raga Genting"]  # not GENTING


def test_an_expansion_named_after_a_village_tier_is_a_programme() -> None:
    found = _programs(
        "Provinsi mendorong terbentuknya Desa Tangguh Bencana (DESTANA) di pesisir.\n")
    assert "DESTANA (Desa Tangguh Bencana)" in found


def test_a_hyphenated_launch_verb_and_an_initiative_of_a_body() -> None:
    links = _links("Camat Wonomulyo me-launching inovasi Sapa Lansia dan Pojok Gizi Desa di "
                   "aula.\n\nGerakan Orang Tua Asuh Cegah Stunting (GENTING), sebuah inisiatif "
                   "dari Puskesmas Wonomulyo, terus berjalan.\n")
    assert links["Sapa Lansia"] == {("KECAMATAN", "RUNS")}
    assert links["Pojok Gizi"] == {("KECAMATAN", "RUNS")}  # listed after it: the same runner
    assert links["GENTING"] == {("PUSKESMAS", "RUNS")}
