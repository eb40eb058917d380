"""Issue 10 (x10-attend9): general misses of a blind set, one rule each, in sentences written
for these tests (invented officials, real places): routine activities of a body and
university service terms are no programmes; a decimal split by a stray space reads whole;
"Rio" heads a village in Jambi; midwives sent for counted units bring no unit; the value an
aim to bring a level down ends at is a target."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in
from tests.loaders.program_helpers import names_of, programs_in
from tests.loaders.test_known_gaps_x10 import KAB, found

# routine activities and university terms are no stunting programmes

def test_a_bodys_routine_activity_is_no_programme() -> None:
    for text in ("Babinsa Koramil Muara Bungo menggelar Komsos bersama warga tentang stunting.",
                 "Kegiatan Komunikasi Sosial (Komsos) TNI menyasar keluarga berisiko.",
                 "Polsek Rimbo Bujang memakai program Jumat Curhat untuk edukasi gizi.",
                 "Program Binter Kodim membantu Posyandu di Desa Tanah Tumbuh."):
        assert not names_of(programs_in(text)) & {"komsos", "komunikasi sosial", "binter",
                                                   "jumat curhat"}, text


def test_a_university_service_term_is_no_programme() -> None:
    for text in ("Mahasiswa program KKN Reguler Periode II Universitas Jambi ikut mendata "
                 "balita.",
                 "Peserta program KKN Tematik Angkatan 54 membantu kader Posyandu."):
        got = names_of(programs_in(text))
        assert not any(n.startswith("kkn") for n in got), (text, got)


def test_a_real_programme_beside_them_is_still_read() -> None:
    got = names_of(programs_in("Selain Komsos, Koramil mendukung program Bapak Asuh Anak "
                               "Stunting (BAAS) di Kabupaten Tebo."))
    assert "baas" in got or "bapak asuh anak stunting" in got


# a decimal split by a stray space reads as the decimal, never as its fraction digit

def test_a_decimal_split_by_a_stray_space_reads_whole() -> None:
    for text in ("Prevalensi stunting Kabupaten Bungo turun menjadi 22. 8% pada 2024.",
                 "Prevalensi stunting Kabupaten Bungo sebesar 22 ,8 persen pada 2024.",
                 "Prevalensi stunting Kabupaten Bungo sebesar 22 . 8 persen pada 2024."):
        got = figures_in(text)
        assert ("stunting_prevalence_pct", 22.8) in got, (text, got)
        assert all(value != 8.0 for _, value in got), (text, got)


def test_a_list_after_a_comma_keeps_its_two_values() -> None:
    got = figures_in("Prevalensi stunting di Desa Rantau Ikil 12 persen dan di Desa Tebing "
                     "Tinggi 8 persen pada 2024.")
    assert [v for _, v in got] == [12.0, 8.0]


# 'Rio' heads a village in Jambi (Bungo, Tebo): capitalised, before a village or as 'para Rio'

def test_rio_as_village_head_is_a_village_taking_part() -> None:
    for text in ("Hadir para Rio se-Kecamatan Pelepat dan Kepala Dinas Kesehatan.",
                 "Hadir pula Rio Dusun Sungai Mengkuang dan Kepala Dinas Kesehatan."):
        assert found(KAB + text).get("DESA") == {"participant"}, text


def test_rio_as_a_given_name_or_a_common_word_is_no_village() -> None:
    for text in ("Hadir Rio Saputra dari Bappeda dan Kepala Dinas Kesehatan.",
                 "Hadir Kepala Dinas Kesehatan, lalu rio kecil mengalir ke sungai."):
        assert "DESA" not in found(KAB + text), text


# people sent for the places they serve: the counted units say where they come from

def test_midwives_sent_for_counted_kecamatan_bring_no_kecamatan() -> None:
    for text in ("Hadir bidan perwakilan 17 kecamatan dan Kepala Dinas Kesehatan.",
                 "Hadir bidan desa dari 17 kecamatan dan Kepala Dinas Kesehatan.",
                 "Hadir kader utusan 25 desa dan Kepala Dinas Kesehatan."):
        got = found(KAB + text)
        assert "KECAMATAN" not in got and "DESA" not in got, (text, got)


def test_the_counted_kecamatan_themselves_still_take_part() -> None:
    got = found(KAB + "Rapat diikuti perwakilan 17 kecamatan dan Kepala Dinas Kesehatan.")
    assert got.get("KECAMATAN") == {"participant"}


# rules already in place, held here against the blind set's phrasing

def test_a_presenters_body_presents() -> None:
    got = found(KAB + "Hadir Kepala Dinas Kesehatan. Pemateri dari Bappeda memaparkan "
                "hasil analisis situasi.")
    assert got["BAPPEDA"] == {"presenter"}
    got = found(KAB + "Hadir Kepala Dinas Kesehatan. Narasumber dari Dinas Sosial "
                "menjelaskan bantuan pangan.")
    assert got["DINSOS"] == {"presenter"}


def test_bodies_appealed_to_are_not_attending() -> None:
    for text in ("Ia meminta Puskesmas, KUA dan PKK agar aktif mendampingi calon pengantin.",
                 "Diharapkan seluruh OPD terlibat dalam aksi konvergensi.",
                 "Bupati juga mengajak Baznas untuk membantu keluarga berisiko."):
        got = found(KAB + "Hadir Kepala Dinas Kesehatan. " + text)
        assert set(got) == {"PEMDA", "TPPS", "DINKES"}, (text, got)


def test_professional_associations_take_part_as_professional_orgs() -> None:
    got = found(KAB + "Hadir pengurus DPD Persatuan Ahli Gizi Indonesia (Persagi) Jambi dan "
                "Ikatan Bidan Indonesia (IBI).")
    assert got.get("PROFESSIONAL_ORG") == {"participant"}


# an aim to bring a level down: the value it ends at is a target, never a level

def test_the_value_an_aim_ends_at_is_a_target() -> None:
    for text in ("Bupati bertekad menurunkan prevalensi stunting dari 13,7 menjadi 12 persen "
                 "di tahun 2024.",
                 "Dinkes berupaya menurunkan angka stunting dari 13,7 persen menjadi 12 persen."):
        got = figures_in(text, 2024)
        assert ("stunting_prevalence_pct", 12.0) not in got, (text, got)
        assert ("stunting_prevalence_pct", 13.7) in got, (text, got)
    assert figures_in("Prevalensi stunting Kabupaten Tebo ditargetkan turun menjadi 12 persen.") \
        == []


def test_a_level_brought_down_is_still_read() -> None:
    got = figures_in("Dinkes berhasil menurunkan angka stunting dari 13,7 persen menjadi 12 "
                     "persen.", 2024)
    assert ("stunting_prevalence_pct", 12.0) in got


def test_a_chair_of_tpps_brings_the_tpps_beside_their_office() -> None:
    lead = ("Dinas Kesehatan Kabupaten Bungo menggelar rapat koordinasi percepatan penurunan "
            "stunting, Rabu (5/11/2025). ")
    got = found(lead + "Rapat dihadiri Wakil Bupati Bungo Hendra Wijaya, yang juga menjabat "
                "sebagai Ketua TPPS Kabupaten Bungo.")
    assert got["PEMDA"] == got["TPPS"] == {"participant"}


def test_a_body_keeping_a_routine_does_not_organise_the_meeting() -> None:
    got = found(KAB + "Hadir Kepala Dinas Kesehatan. Babinsa juga rutin menggelar Komsos "
                "bersama warga Desa Tanah Tumbuh.")
    assert "organiser" not in got.get("BABINSA", set())
