"""Programme precision and recall rules of issue 10, item 6 (guide §6, trap 30), learnt from
real releases and written here in our own sentences. Each test fails when its rule (or the
data row behind it in loaders/articles/data/) breaks."""

from __future__ import annotations

from loaders.articles.programs import aligned, loosely_aligned
from tests.loaders.program_helpers import links_in, names_of, programs_in


def _programs(text: str) -> dict[str, list[str]]:
    # a first paragraph of prose, so that a list line is not read as the byline
    return programs_in("Warga berkumpul di balai desa pada pagi hari.\n\n" + text)


# a held lokmin, so that extract() reads the programmes and their links after it
LEAD = ("MATAKALI – Camat Matakali membuka Lokakarya Mini Stunting tingkat Kecamatan "
        "Matakali, Kabupaten Polewali Mandar, di aula kantor camat, Rabu (14/5/2025). "
        "Hadir Kepala Puskesmas Matakali, Kapolsek Matakali dan para kepala desa.\n\n")


def _links(text: str) -> dict[str, set[tuple[str, str]]]:
    return links_in(LEAD + text)


# --- precision: what is no programme -------------------------------------------------------

def test_bodies_and_short_titles_with_their_expansions_are_no_programmes() -> None:
    assert _programs("Rakor diikuti Unit Pelaksana Teknis Daerah (UPTD) Gizi dan Asosiasi "
                     "Pemerintah Desa Seluruh Indonesia (Apdesi) kabupaten.\n") == {}
    assert _programs("Hadir Sekretaris Desa (Sekdes), Kepala Desa (Kepdes) dan Kepala "
                     "Dinas (Kadis) Sosial.\n") == {}


def test_a_name_after_an_honorific_is_a_person() -> None:
    assert _programs("Warga mengenang program Ibu Hajjah Nurlela yang merintis kebun gizi.\n") \
        == {}
    # ... but the fostering programmes that open with Bapak/Bunda stay programmes
    assert "BAAS" in _programs("Pemkab memperluas program Bapak Asuh Anak Stunting.\n")


def test_a_heading_word_after_program_is_no_name() -> None:
    assert _programs("Program Pendukung:\n\n- penyuluhan gizi keluarga\n") == {}
    assert _programs("Program Lainnya terus berjalan seperti biasa.\n") == {}


def test_a_sentence_case_list_line_is_prose() -> None:
    found = _programs("Program unggulan:\n\n- Pemberian susu untuk balita\n- Gerakan Tanam "
                      "Kelor\n")
    assert "Pemberian" not in found
    assert "gerakan tanam kelor" in names_of(found)


def test_words_for_people_or_a_field_of_care_are_no_names() -> None:
    assert _programs("Puskesmas memperluas Layanan Kesehatan Ibu dan Anak hingga sore.\n") == {}


def test_kie_funds_and_village_rules_are_no_programmes() -> None:
    assert _programs("Komunikasi, Informasi dan Edukasi (KIE) dilakukan kader tiap bulan.\n") \
        == {}
    assert _programs("Bantuan Keuangan Khusus (BKK) dan Alokasi Dana Desa (ADD) dipakai "
                     "untuk desa lokus.\n") == {}
    assert _programs("Peraturan Desa (Perdes) tentang gizi sudah disahkan.\n") == {}


def test_a_name_that_data_are_put_into_is_a_data_system() -> None:
    assert _programs("Kader mengirim data ke Sistem Informasi Balita Desa (Sibade) tiap "
                     "pekan.\n") == {}
    assert _programs("Kader memakai aplikasi Catat Gizi dipakai untuk pelaporan.\n") == {}
    # the same shape, launched as an innovation, is a programme
    assert "Sibade (Sistem Informasi Balita Desa)" in _programs(
        "Dinkes meluncurkan Sistem Informasi Balita Desa (Sibade) bagi kader.\n")


def test_a_known_programme_inside_a_title_is_no_programme() -> None:
    assert _programs("Acara dimeriahkan Duta GenRe kabupaten dan Bunda GenRe.\n") == {}
    assert "Genre" in _programs("Sekolah membentuk kelompok GenRe di setiap kelas.\n")


def test_inovasi_before_a_village_tier_names_the_village_innovations() -> None:
    found = _programs("Inovasi Desa Sukamaju meliputi:\n\nWarung Telur Keluarga\n")
    assert "Inovasi Desa Sukamaju" not in found
    assert "Warung Telur Keluarga" in found
    assert "Program Desa Berseri" in _programs("Pemkab meluncurkan Program Desa Berseri.\n")


def test_posyandu_units_are_no_programmes_but_a_run_posyandu_service_is() -> None:
    assert _programs("Posyandu Kenanga dan Posyandu Cempaka menjadi tempat timbang.\n") == {}
    assert "Posyandu Prima" in _programs("Puskesmas menjalankan Posyandu Prima di tiga desa.\n")


# --- recall: names the old rules missed ----------------------------------------------------

def test_loose_syllable_names_pair_with_their_expansions() -> None:
    assert loosely_aligned("Gemas Bumil", "Gerakan Minum Susu untuk Ibu Hamil")
    assert not aligned("Gemas Bumil", "Gerakan Minum Susu untuk Ibu Hamil")
    assert not loosely_aligned("UPTD", "Unit Pelaksana Teknis Daerah")  # caps: strict only
    assert not loosely_aligned("Kurir", "Gerakan Minum Susu")  # first letters differ
    found = _programs("Inovasi desa di antaranya Gerakan Minum Susu untuk Ibu Hamil (Gemas "
                      "Bumil) dan Sahabat Ibu Menyusui (Sabu Manis).\n")
    assert {"Gemas Bumil (Gerakan Minum Susu untuk Ibu Hamil)",
            "Sabu Manis (Sahabat Ibu Menyusui)"} <= set(found)


def test_an_expansion_then_atau_then_its_short_name() -> None:
    found = _programs("Camat meluncurkan Gerakan Ayo Timbang Balita atau Gayatri.\n")
    assert "Gayatri (Gerakan Ayo Timbang Balita)" in found
    assert _programs("Rapat di Kecamatan Sukaraja atau Sukamaju berjalan baik.\n") == {}


def test_quoted_names_of_a_list_are_all_read() -> None:
    found = _programs('Desa menampilkan inovasinya, antara lain "Jumat Telur Sehat", "Ronda '
                      'Bumil" dan "Sapa Lansia".\n')
    assert {"Jumat Telur Sehat", "Ronda Bumil", "Sapa Lansia"} <= set(found)
    found = _programs('Terobosan yang berjalan seperti Kelas Ayah Siaga (Kayasa), dan "Perahu '
                      'Gizi" di pesisir.\n')
    assert "Perahu Gizi" in found
    # a quote no programme noun leads and no list carries is a slogan or a speech
    assert _programs('Tema tahun ini "Bersama Wujudkan Keluarga Sehat".\n') == {}


def test_a_numbered_list_split_from_its_numbers_stays_a_list() -> None:
    found = _programs("Program unggulan daerah:\n\n1.\n\nKampung Sehat Lestari\n\n2.\n\n"
                      "pemberian makanan tambahan\n")
    assert "Kampung Sehat Lestari" in found


def test_a_place_type_name_keeps_up_to_four_words() -> None:
    assert "Sekolah Ibu Hebat Sejahtera" in _programs(
        "Dinas membuka Sekolah Ibu Hebat Sejahtera bagi kader.\n")


# --- who runs it ---------------------------------------------------------------------------

def test_the_speakers_body_runs_what_pihaknya_runs() -> None:
    links = _links("Kepala Puskesmas Matakali, Hasnah, mengatakan pihaknya menjalankan "
                   "inovasi Kelas Gizi Keliling sejak Maret.\n")
    assert links.get("Kelas Gizi Keliling") == {("PUSKESMAS", "RUNS")}
    # a speech verb with another subject ties nothing
    links = _links("Kepala Puskesmas Matakali mengatakan desa mengembangkan inovasi Kebun "
                   "Gizi Warga.\n")
    assert not links.get("Kebun Gizi Warga")


def test_a_legacy_still_run_by_a_body() -> None:
    links = _links("Gerakan Makan Sayur Bersama atau Gemas Sabar merupakan program yang masih "
                   "dijalankan Puskesmas Matakali.\n")
    assert ("PUSKESMAS", "RUNS") in links.get("Gemas Sabar (Gerakan Makan Sayur Bersama)", set())


def test_merupakan_inovasi_milik_a_body() -> None:
    links = _links("Inovasi Rumah Telur Desa juga dipaparkan. Rumah Telur Desa merupakan "
                   "inovasi milik Puskesmas Matakali.\n")
    assert ("PUSKESMAS", "RUNS") in links.get("Rumah Telur Desa", set())


def test_a_later_mention_by_the_short_name_carries_the_runner() -> None:
    links = _links("Camat memaparkan Kelas Calon Pengantin Hebat (Kacahe). Kacahe digelar "
                   "di Puskesmas Matakali setiap Selasa.\n")
    assert ("PUSKESMAS", "RUNS") in links.get("Kacahe (Kelas Calon Pengantin Hebat)", set())


def test_moved_by_a_body_is_run_by_it() -> None:
    links = _links("Gerakan Serentak Cegah Stunting (Gerbang Cegah) digerakkan oleh Puskesmas "
                   "Matakali.\n")
    assert ("PUSKESMAS", "RUNS") in links.get(
        "Gerbang Cegah (Gerakan Serentak Cegah Stunting)", set())
