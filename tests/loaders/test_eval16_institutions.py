"""Institution types that four blind sets of real releases (eval16, issue 10) showed missed or
wrongly added: a hard-wrapped guest list on a page of long paragraphs, health units named
as the regional office's unit or by a short form, a Satgas named only by its region, merged
offices with population control written last, list words read as verbs, partners who hold
the meeting with its host, stakeholders named as kinds in the national approach, a list of
steps, the findings of another meeting, and speech said at the meeting attended.
Own sentences, invented officials."""

from __future__ import annotations

from typing import Any

from loaders.articles.document import parse
from tests.loaders.extract_helpers import attendee_types, release_json


def _release(body: str, dateline: str = "contoh.id, 20 Agustus 2025") -> dict[str, Any]:
    return release_json(body, dateline)


_types = attendee_types


# -- document: a wrapped paragraph goes on ------------------------------------------------

_WRAPPED = (
    "SIDOARJO - Pemerintah Kecamatan Candi menggelar Lokakarya Mini percepatan penurunan "
    "stunting di aula Kantor Kecamatan Candi, Kabupaten Sidoarjo, pada Selasa (12/8/2025).\n"
    "Turut hadir dalam\n"
    "kegiatan lokakarya mini ini perwakilan Kepala Dinas Pendidikan\n"
    "Kabupaten Sidoarjo, Rudi Hartono, Kepala Kantor Urusan Agama Candi, Sinta,\n"
    "Bidan Koordinator, dan TPK dari setiap desa yang mendampingi keluarga berisiko.\n")


def test_a_wrapped_paragraph_goes_on_while_its_lines_are_cut_at_the_width() -> None:
    doc = parse("t.txt", "Judul rilis\n\n" + _WRAPPED)
    listed = [s.text for s in doc.sentences if s.text.startswith("Turut hadir")]
    assert len(listed) == 1 and listed[0].endswith("keluarga berisiko.")


def test_a_wrapped_guest_list_binds_its_last_line() -> None:
    assert "TPK" in _types(_release(_WRAPPED))


def test_a_nurse_title_does_not_end_a_guest_list() -> None:
    r = _release("Pemerintah Kabupaten Sidoarjo menggelar rembuk stunting di pendopo, Senin "
                 "(11/8/2025). Tampak hadir Kepala Dinas Kesehatan Ns. Rina Wati, S.Kep., "
                 "Kepala OPD terkait yang menangani gizi, Camat dan Kepala Desa se-Kabupaten "
                 "Sidoarjo serta undangan lainnya.")
    assert {"KECAMATAN", "DESA"} <= _types(r)


# -- forms ------------------------------------------------------------------------------

def test_the_health_offices_unit_in_a_kecamatan_is_its_puskesmas() -> None:
    r = _release("Pemerintah Kecamatan Candi menggelar lokakarya mini stunting, Selasa "
                 "(12/8/2025). Peserta berasal dari berbagai instansi, mencakup Unit Pelaksana "
                 "Teknis Daerah (UPTD) Kesehatan, Kantor Urusan Agama, dan pemerintah desa.")
    assert "PUSKESMAS" in _types(r)


def test_pusban_is_a_puskesmas_pembantu() -> None:
    r = _release("Pemerintah Desa Sumokali menggelar rembuk stunting desa, Rabu (13/8/2025). "
                 "Peserta terdiri dari kader Posyandu, Pusban, dan Badan Permusyawaratan Desa.")
    assert "PUSKESMAS" in _types(r)


def test_a_satgas_named_by_its_region_beside_bkkbn_is_the_stunting_task_force() -> None:
    r = _release("Perwakilan BKKBN Jawa Timur dan Satgas Kabupaten Sidoarjo menghadiri "
                 "lokakarya mini percepatan penurunan stunting di aula Kecamatan Candi, Selasa "
                 "(12/8/2025).")
    assert {"BKKBN", "TPPS"} <= _types(r)


def test_housing_and_public_works_and_a_misspelt_bappeda_are_read() -> None:
    r = _release("Dinas KB Kabupaten Sidoarjo menggelar rapat koordinasi TPPS, Kamis "
                 "(14/8/2025). Turut hadir dalam kegiatan ini perwakilan Dinas Perumahan, "
                 "Dinas Perkerjaan Umum, dan Bapedda.")
    assert {"DINAS_PUPR", "BAPPEDA"} <= _types(r)


def test_women_child_and_population_control_is_the_kb_office() -> None:
    r = _release("Rapat koordinasi audit kasus stunting digelar di Kantor Wali Kota Jakarta "
                 "Timur, Kamis (14/8/2025). Kepala Sudin PPAPP Jakarta Timur, Wulan Sari, "
                 "mengatakan rapat koordinasi ini membahas hasil audit kasus.")
    assert "DINAS_KB" in _types(r)
    r = _release("Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Pengendalian Penduduk "
                 "Kota Jakarta Timur menggelar rapat koordinasi stunting, Kamis (14/8/2025).")
    assert "DINAS_KB" in _types(r)


# -- roles --------------------------------------------------------------------------------

def test_termasuk_is_no_verb_between_a_speaker_cue_and_the_body() -> None:
    r = _release("Pemerintah Kabupaten Sidoarjo menggelar rembuk stunting, Senin (11/8/2025). "
                 "Acara ini menghadirkan sejumlah pemateri dari kalangan pemerintahan, termasuk "
                 "dari Bappeda Kabupaten Sidoarjo.")
    assert "BAPPEDA" in _types(r)


def test_a_forum_dihelat_by_an_office_is_organised_by_it() -> None:
    r = _release("Forum rembuk stunting dihelat oleh Dinas Sosial Kabupaten Sidoarjo di "
                 "pendopo, Jumat (15/8/2025).")
    assert "DINSOS" in _types(r)


def test_partners_the_host_holds_the_meeting_with_take_part() -> None:
    r = _release("Pemerintah Provinsi Jawa Timur bersinergi dengan Dinas Kesehatan Jawa Timur "
                 "serta TPPS melaksanakan kegiatan Persiapan Rembuk Stunting di Surabaya, Rabu "
                 "(13/8/2025).")
    assert "DINKES" in _types(r)


def test_a_partnership_named_as_the_means_of_a_passive_held_verb_organises() -> None:
    r = _release("Melalui kolaborasi antara Dinas Sosial serta Bappeda Kabupaten Sidoarjo, "
                 "digelar Rapat Koordinasi percepatan penurunan stunting, Selasa (12/8/2025).")
    assert {"DINSOS", "BAPPEDA"} <= _types(r)


def test_whom_a_speaker_says_the_meeting_was_held_with_attended() -> None:
    r = _release("Pemerintah Desa Sumokali menggelar musyawarah desa rembuk stunting, Rabu "
                 "(13/8/2025). \"Hari ini pemerintah desa melaksanakan rembuk stunting bersama "
                 "bidan desa, Posyandu, serta perangkat desa,\" ujar Camat Candi, Agus Salim.")
    assert "POSYANDU" in _types(r)


def test_words_said_while_attending_the_meeting_make_the_speaker_a_participant() -> None:
    r = _release("Wakil Wali Kota Jakarta Timur, Budi Santoso, meminta camat dan lurah aktif "
                 "mendata balita.\n\"Data harus diperbarui setiap bulan,\" ujarnya saat "
                 "menghadiri rapat koordinasi audit kasus stunting di Kantor Wali Kota, Kamis "
                 "(14/8/2025).")
    assert "PEMDA" in _types(r)


# -- what is not attendance ---------------------------------------------------------------

def test_kinds_of_stakeholder_in_the_national_approach_did_not_attend() -> None:
    r = _release("Pemerintah Kecamatan Candi menggelar rapat koordinasi stunting, Selasa "
                 "(12/8/2025). Upaya ini didukung lintas sektor yang melibatkan pemerintah "
                 "pusat, dunia usaha, organisasi profesi, dan akademisi.")
    assert not {"BUSINESS", "PROFESSIONAL_ORG", "UNIVERSITY"} & _types(r)


def test_all_elements_named_as_kinds_did_not_attend() -> None:
    r = _release("Pemerintah Kecamatan Candi menggelar rembuk stunting, Selasa (12/8/2025). "
                 "Camat menyampaikan bahwa penanganan stunting dilakukan dengan melibatkan "
                 "seluruh elemen masyarakat, mulai dari pemerintah, Kepala Desa, kader PKK "
                 "hingga keluarga.")
    assert not {"DESA", "PKK"} & _types(r)


def test_the_eight_convergence_actions_name_no_attendee() -> None:
    r = _release("Pemerintah Kecamatan Candi menggelar rapat koordinasi stunting, Selasa "
                 "(12/8/2025). Percepatan dijalankan melalui delapan aksi konvergensi yang "
                 "melibatkan Baznas, Kantor Kemenag, dan perguruan tinggi.")
    assert not {"BAZNAS", "KEMENAG", "UNIVERSITY"} & _types(r)


def test_the_findings_of_another_meeting_name_no_attendee() -> None:
    r = _release("Pemerintah Desa Sumokali menggelar musyawarah desa rembuk stunting, Rabu "
                 "(13/8/2025). Camat Candi, Agus Salim, menyampaikan data lokus stunting. "
                 "Berdasarkan hasil rapat koordinasi bersama Wakil Bupati Sidoarjo, tercatat 15 "
                 "anak masuk lokus, dengan Dinas Kesehatan sebagai sektor utama.")
    assert not {"PEMDA", "DINKES"} & _types(r)


def test_a_list_of_steps_is_no_guest_list() -> None:
    r = _release("Kapolres Sidoarjo memimpin rapat koordinasi penanganan stunting di ruang "
                 "rapat Polres Sidoarjo, Rabu (13/8/2025).\n"
                 "Ia menjelaskan langkah-langkah penanganan stunting antara lain,\n"
                 "- Penyusunan keputusan terkait Tim Percepatan Penurunan Stunting.\n"
                 "- Sinkronisasi data sasaran.\n")
    assert "TPPS" not in _types(r)


def test_the_issuer_of_a_decree_is_no_attendee() -> None:
    r = _release("Rapat koordinasi TPPS Kabupaten Sidoarjo digelar di pendopo, Rabu "
                 "(13/8/2025). Rapat dihadiri Camat Candi dan tim penyusun SK Bupati tentang "
                 "tim percepatan.")
    assert "PEMDA" not in _types(r)


def test_a_team_meeting_with_a_second_task_in_its_name_is_the_teams() -> None:
    r = _release("Ketua TP PKK Kabupaten Sidoarjo memimpin rapat koordinasi dan penyusunan "
                 "rencana kerja Tim Percepatan Penurunan Stunting (TPPS) Kecamatan Candi di aula "
                 "kantor Camat Candi, Rabu (13/8/2025).")
    assert "TPPS" in _types(r)
