"""Readings two blind sets of real releases (eval14, 26 provinces) showed wrong (issue 10):
a range of weekdays joined by a word, an office given in apposition inside a guest list,
bodies whose presence is told as a noun, a person's name that spells an organisation, a
concept quoted as a programme's name, and the headings and acts of a bulleted plan.
Own sentences, invented officials."""

from __future__ import annotations

from typing import Any

from tests.loaders.extract_helpers import attendee_types, release_json


def _release(body: str, dateline: str = "contoh.id, 20 Agustus 2025") -> dict[str, Any]:
    return release_json(body, dateline)


_types = attendee_types


def test_a_range_of_weekdays_joined_by_a_word_gives_the_first_day() -> None:
    r = _release("TANJUNG SELOR - Pemerintah Kabupaten Bulungan mengikuti rapat koordinasi "
                 "TPPS Provinsi Kalimantan Utara yang digelar Selasa hingga Rabu, 12-13 "
                 "Agustus 2025, bertempat di ruang rapat Bappeda Provinsi.", "contoh.id")
    assert [m["date"] for m in r["meetings"]] == ["2025-08-12"]


def test_a_deadline_after_hingga_is_still_no_meeting_day() -> None:
    r = _release("Pemerintah Kabupaten Bulungan menggelar rapat koordinasi TPPS di ruang rapat "
                 "Bappeda, Senin (11/8/2025). Laporan aksi konvergensi dikumpulkan paling lambat "
                 "hingga Jumat, 29 Agustus 2025.")
    assert [m["date"] for m in r["meetings"]] == ["2025-08-11"]


def test_an_office_in_apposition_does_not_end_a_guest_list() -> None:
    r = _release("Rapat koordinasi teknis TPPS Provinsi Jambi digelar di Kota Jambi, Kamis "
                 "(14/8/2025). Wakil Gubernur membuka kegiatan yang dihadiri para wakil bupati "
                 "selaku Ketua TPPS Kabupaten/Kota, Wakil Ketua DPRD Provinsi Jambi, Hendra "
                 "Saputra, serta Kepala Dinas Sosial Provinsi Jambi.")
    assert {"DPRD", "DINSOS"} <= _types(r)


def test_presence_told_as_a_noun_lists_who_came() -> None:
    r = _release("Pemerintah Kabupaten Kutai Timur menggelar rapat koordinasi TPPS di ruang "
                 "rapat Bappeda, Senin (18/8/2025). Rapat makin lengkap dengan kehadiran "
                 "sejumlah pihak, di antaranya Kantor Kemenag Kutai Timur, Baznas Kutai Timur, "
                 "dan Dinas Sosial.")
    assert {"KEMENAG", "BAZNAS", "DINSOS"} <= _types(r)


def test_one_body_present_lists_nobody_after_it() -> None:
    r = _release("Pemerintah Desa Sukamaju menggelar rembuk stunting desa di balai desa, Senin "
                 "(18/8/2025), dipimpin kepala desa. Kehadiran Bhabinkamtibmas dalam rembuk ini "
                 "menegaskan peran Polri sebagai bagian dari Tim Percepatan Penurunan Stunting "
                 "(TPPS) di tingkat desa.")
    assert "TPPS" not in _types(r)


def test_a_name_followed_by_a_degree_is_a_person() -> None:
    r = _release("Perwakilan BKKBN Provinsi Kalimantan Barat menggelar rapat kerja TPPS di "
                 "Pontianak, Selasa (19/8/2025), yang dihadiri Kepala Dinas Kesehatan Provinsi "
                 "Kalimantan Barat dan Plt Kepala Perwakilan BKKBN Provinsi Kalimantan Barat, "
                 "Muslimat, S.Sos., M.Si.")
    assert "COMMUNITY" not in _types(r)


def test_a_concept_quoted_after_a_programme_noun_is_a_programme() -> None:
    r = _release("Pemerintah Kabupaten Minahasa Utara menggelar rapat koordinasi TPPS di ruang "
                 "rapat bupati, Jumat (15/8/2025). Rapat memutuskan menjalankan program "
                 "\u201cOrang Tua Asuh\u201d. Camat dan lurah ikut mendampingi balita yang "
                 "ditetapkan sebagai sasaran.")
    assert [p["name"] for p in r["programs"]] == ["Orang Tua Asuh"]


def test_the_plain_concept_is_still_no_programme() -> None:
    r = _release("Pemerintah Kabupaten Minahasa Utara menggelar rapat koordinasi TPPS di ruang "
                 "rapat bupati, Jumat (15/8/2025). Setiap kepala dinas diminta menjadi orang "
                 "tua asuh bagi anak stunting.")
    assert r["programs"] == []


def test_headings_and_acts_of_a_bulleted_plan_are_no_programmes() -> None:
    r = _release("Pemerintah Desa Cibeureum menggelar rembug stunting di aula kantor desa, Rabu "
                 "(6/8/2025).\nRencana kegiatan:\n- Program Pendukung:\n- Kelas ibu hamil rutin\n"
                 "- Pembentukan Posyandu Remaja\n- Pembentukan Rumah Pintar Gizi\nUntuk Baduta:\n"
                 "- Langkah Prioritas:\n- Penambahan PMT anak\n")
    assert sorted(p["name"] for p in r["programs"]) == ["Posyandu Remaja", "Rumah Pintar Gizi"]


def test_a_field_officer_named_by_the_agency_is_the_officer_and_the_agency() -> None:
    r = _release("Pemerintah Kecamatan Kamipang menggelar mini lokakarya stunting di aula "
                 "kecamatan, Rabu (27/8/2025). Peserta berasal dari berbagai instansi, mencakup "
                 "penyuluh dari Badan Kependudukan dan Keluarga Berencana Nasional (BKKBN), "
                 "Kantor Urusan Agama (KUA), dan perwakilan dari sektor CSR.")
    assert {"PLKB", "BKKBN", "KUA", "BUSINESS"} <= _types(r)


def test_the_officers_association_is_no_officer() -> None:
    r = _release("Pemerintah Kabupaten Bengkulu Utara menggelar diseminasi audit kasus stunting "
                 "di aula Bappeda, Selasa (12/8/2025), dihadiri camat dan Ikatan Penyuluh KB "
                 "(IPeKB) kabupaten.")
    assert "PROFESSIONAL_ORG" in _types(r) and "PLKB" not in _types(r)


def test_bodies_joined_to_an_appeal_are_urged_not_present() -> None:
    r = _release("Pemerintah Provinsi Bali menggelar rapat koordinasi TPPS di Denpasar, Kamis "
                 "(14/8/2025). Sebelum menutup rapat, Sekda menyebut para camat beserta dunia "
                 "usaha, akademisi, dan tokoh masyarakat diajak turun langsung ke desa lokus.")
    assert not {"BUSINESS", "UNIVERSITY", "COMMUNITY"} & _types(r)


def test_a_team_office_after_a_name_and_degree_shares_the_title_s_role() -> None:
    r = _release("Pemerintah Kabupaten Bulungan mengikuti penilaian kinerja aksi konvergensi "
                 "di Tanjung Selor, Rabu (30/7/2025). Rombongan kabupaten dipimpin oleh Wakil "
                 "Bupati Bulungan, Darmawan, A.Md., selaku Ketua Tim Percepatan Penurunan "
                 "Stunting (TPPS), bersama Kepala Dinas Kesehatan.")
    assert {"PEMDA", "TPPS", "DINKES"} <= _types(r)


def test_the_gathered_kabkota_of_a_named_province_make_its_meeting() -> None:
    r = _release("Wakil Bupati Luwu Timur, Hasnah, menghadiri "
                 "rapat koordinasi penyusunan laporan TPPS yang dirangkaikan dengan evaluasi "
                 "percepatan penurunan stunting kabupaten/kota se-Sulawesi Selatan, di sebuah "
                 "hotel di Makassar, Kamis (11/12/2025). Luwu Timur membawa data terbaru.",
                 "contoh.id, 12 Desember 2025")
    [m] = r["meetings"]
    assert (m["level"], m["region"]["name"]) == ("province", "Sulawesi Selatan")


def test_a_share_no_region_could_have_stunted_is_no_prevalence() -> None:
    r = _release("Pemerintah Kabupaten Kutai Kartanegara menggelar rapat koordinasi TPPS di "
                 "Tenggarong, Senin (18/11/2024). Dalam paparan prevalensi stunting, Kukar "
                 "tercatat mencapai 97 persen pada pengukuran bulan Juni 2024.",
                 "contoh.id, 19 November 2024")
    found = [(f["what"], f["value"]) for f in r["measurements"]]
    assert ("other", 97.0) in found
    assert not [f for f in r["measurements"] if f["what"] == "stunting_prevalence_pct"]


def test_children_tending_to_stunting_are_at_risk_not_cases() -> None:
    r = _release("Pemerintah Desa Sidomulyo menggelar rembuk stunting di balai desa, Jumat "
                 "(9/5/2025). Kepala desa menyebut sebanyak 58 anak masuk kategori mengarah "
                 "stunting.", "contoh.id, 10 Mei 2025")
    assert [(f["what"], f["value"]) for f in r["measurements"]] == [("other", 58.0)]


def test_pihaknya_after_an_aside_makes_the_speaker_s_office_the_runner() -> None:
    r = _release("Pemerintah Kabupaten Pandeglang menggelar rembuk stunting di sebuah hotel, "
                 "Rabu (16/7/2025). Kepala DP2KBP3A Kabupaten Pandeglang, Sutini menjelaskan, "
                 "sejak awal tahun, pihaknya menggandeng tim percepatan penurunan stunting "
                 "untuk menggulirkan program Sigap Gizi atau Siaga Pangan Gizi di desa lokus.",
                 "contoh.id, 17 Juli 2025")
    [prog] = [p for p in r["programs"] if p["name"].startswith("Sigap Gizi")]
    assert "DINAS_KB" in prog["run_by"]


# eval15 (a third blind set): officers' short titles, merged offices, non-programmes


def test_a_kecamatan_kb_coordinator_and_family_companions_are_plkb_and_tpk() -> None:
    r = _release("Pemerintah Kecamatan Padang Bolak menggelar rembuk stunting di aula kantor "
                 "camat, Selasa (5/8/2025), dihadiri Ka. KUA, Korcam KB, kader posyandu, "
                 "pendamping keluarga, serta perwakilan pemerintah desa.")
    assert {"PLKB", "TPK", "KUA"} <= _types(r)


def test_an_ngo_described_as_companion_of_families_is_no_tpk() -> None:
    r = _release("Pemerintah Kabupaten Manokwari menggelar rapat koordinasi TPPS di aula "
                 "Bappeda, Selasa (5/8/2025), dihadiri organisasi profesi dan Lembaga Swadaya "
                 "Masyarakat pendamping keluarga.")
    assert "TPK" not in _types(r)


def test_a_kb_office_merged_with_village_empowerment_is_both() -> None:
    r = _release("Pemerintah Kabupaten Barru menggelar rapat koordinasi TPPS di aula kantor "
                 "bupati, Selasa (5/8/2025), dihadiri Kepala DPMDPPKBP3A dan Kepala Dinas "
                 "Kesehatan.")
    assert {"DINAS_KB", "DPMD", "DINKES"} <= _types(r)


def test_a_field_of_work_and_student_batches_are_no_programmes() -> None:
    r = _release("Pemerintah Nagari Kajai menggelar rembug stunting di kantor wali nagari, "
                 "Selasa (5/8/2025), dihadiri mahasiswa KKN Universitas Andalas (program Reguler "
                 "Periode II dan Tematik Literasi). Wali nagari menyoroti program Dalduk KB yang "
                 "belum berjalan.")
    assert r["programs"] == []


def test_a_yearless_run_of_days_takes_the_year_of_the_dated_day_after_it() -> None:
    r = _release("Pemerintah Kota Sorong menggelar rapat koordinasi TPPS Kota Sorong Tahun 2025. "
                 "Rakor berlangsung beberapa hari, mulai 20-23 Januari dan dilanjutkan pada 27 "
                 "Januari 2026, diikuti 100 peserta.", "contoh.id")
    assert [m["date"] for m in r["meetings"]] == ["2026-01-20"]


def test_a_run_across_new_year_takes_the_year_before() -> None:
    from loaders.articles.dates import date_mentions

    found = date_mentions("pelatihan kader berlangsung 29 Desember hingga 2 Januari 2026")
    assert [(d.day, d.month, d.year) for d in found] == [(29, 12, 2025), (2, 1, 2026)]


def test_a_meeting_continued_on_a_later_day_is_one_meeting() -> None:
    r = _release("Pemerintah Kota Sorong menggelar rapat koordinasi TPPS. Rakor berlangsung "
                 "mulai 20-23 Januari 2026 dan dilanjutkan pada 27 Januari 2026 di aula "
                 "wali kota.", "contoh.id")
    assert [m["date"] for m in r["meetings"]] == ["2026-01-20"]


def test_a_head_gathering_heads_in_a_named_hall_convenes_them() -> None:
    r = _release("Pemerintah Kabupaten Lombok Tengah menggelar rapat koordinasi TPPS, Senin "
                 "(4/8/2025). Wakil Bupati Lombok Tengah kumpulka seluruh kepala desa, camat, dan "
                 "kepala puskesmas se-Lombok Tengah di Aula Kantor Bupati.")
    assert {"PEMDA", "DESA", "KECAMATAN", "PUSKESMAS"} <= _types(r)


def test_gathering_proposals_in_a_hall_binds_nobody() -> None:
    r = _release("Pemerintah Desa Mekarsari menggelar rembuk stunting desa, Selasa (4/3/2025). "
                 "Panitia mengumpulkan usulan dari kader posyandu di Aula Balai Desa.")
    assert "POSYANDU" not in _types(r)


def test_a_merged_village_and_kb_office_giving_a_talk_presents_as_both() -> None:
    r = _release("Pemerintah Kecamatan Mijen menggelar mini lokakarya stunting di aula "
                 "kecamatan, Rabu (6/8/2025). Sulastri selaku wakil dari Dinpermades P2KB "
                 "memberikan paparan tentang kerja lintas sektor. Kepala Dinas Hanpan "
                 "memaparkan ketersediaan pangan.")
    assert {"DPMD", "DINAS_KB", "DINAS_PANGAN"} <= _types(r)


def test_genting_written_without_asuh_is_still_genting() -> None:
    r = _release("Pemerintah Provinsi Jambi menggelar rapat konsolidasi Gerakan Orang Tua Cegah "
                 "Stunting (GENTING) di Kota Jambi, Rabu (6/8/2025).")
    assert [p["name"] for p in r["programs"]] == ["GENTING"]
