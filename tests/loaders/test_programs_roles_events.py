"""Programme precision rules of issue 10 (guide §6.2, §6.3) for names that stand for
people, events, themes and data systems, written in our own sentences. Each test fails
when its rule (or the data row behind it in loaders/articles/data/) breaks."""

from __future__ import annotations

from loaders.articles.document import parse
from loaders.articles.extract import extract
from tests.loaders.program_helpers import links_in, names_of, programs_in


def _programs(text: str) -> dict[str, list[str]]:
    return programs_in("Warga berkumpul di balai desa pada pagi hari.\n\n" + text)


LEAD = ("BONTOMATENE – Pemerintah Kecamatan Bontomatene menggelar Lokakarya Mini Stunting di "
        "aula kantor camat, Kamis (6/11/2025). ")


def _types(text: str) -> set[str]:
    e = extract(parse("t.txt", "Judul rilis\n\n" + LEAD + text))
    return {m.type for m in e.institutions}


# --- a programme acronym inside an attendee's post (role_of) ----------------------------

def test_a_programme_inside_an_attendees_post_is_no_programme() -> None:
    assert _programs("Rapat juga diikuti pendamping PKH dari tiga desa.\n") == {}
    assert _programs("Koordinator PKH kecamatan ikut menyampaikan data.\n") == {}
    assert _programs("Hadir petugas Kampung KB dan penyuluh BKB desa.\n") == {}
    assert _programs("Turut hadir pendamping KPM PKH se-kecamatan.\n") == {}
    assert _programs("Hadir pula pendamping sosial PKH kabupaten.\n") == {}
    assert _programs("Hadir anggota PIK-R dan Ketua Pokja Kampung KB desa.\n") == {}


def test_an_acronym_with_its_expansion_after_a_cadres_title_is_a_post() -> None:
    # neither the whole name nor a 'Layanan X' read inside it is a programme
    assert _programs("Acara diisi pengukuhan Kader Institusi Layanan Terpadu (ILT) desa.\n") == {}
    assert _programs("Hadir Penyuluh Sistem Pangan Keluarga (SPK) kecamatan.\n") == {}


def test_the_programme_spelt_out_or_discussed_elsewhere_still_counts() -> None:
    # written out with its bracketed short form, the text introduces the programme itself
    assert "PKH" in _programs("Rakor digelar bagi pendamping Program Keluarga Harapan (PKH) "
                              "se-kabupaten.\n")
    # a post and a sentence about the programme: the programme is read from the second
    assert "PKH" in _programs("Hadir pendamping PKH desa. Bantuan PKH tahap tiga sudah "
                              "dicairkan kepada keluarga.\n")


# --- a programme named after a person's role (person_form, person_lead, person_short) ---

def test_people_who_become_foster_fathers_are_no_programme() -> None:
    assert _programs("Camat meminta para pejabat menjadi bapak asuh bagi anak stunting.\n") \
        == {}
    assert _programs("Sebanyak 15 Bapak Asuh menyerahkan bantuan telur.\n") == {}
    assert _programs("Para Bapak Asuh Anak Stunting menerima piagam dari camat.\n") == {}
    assert _programs("Ia dikukuhkan sebagai Bapak Asuh Anak Stunting di desa itu.\n") == {}
    # the short form with no programme noun names people too
    assert _programs("Bapak Asuh dari kalangan pengusaha menanggung susu balita.\n") == {}


def test_the_named_foster_programme_still_counts() -> None:
    assert "BAAS" in _programs("Desa meluncurkan program Bapak Asuh tahun ini.\n")
    assert "BAAS" in _programs("Desa resmi luncurkan Bapak Asuh tahun ini.\n")
    assert "BAAS" in _programs("Gerakan Bapak Asuh Anak Stunting diperluas ke kecamatan.\n")
    assert "BAAS" in _programs("Upaya lain ialah Bapak Asuh Anak Stunting dan Kampung KB.\n")
    assert "BAAS" in _programs("Para pejabat menjadi Bapak Asuh Anak Stunting (BAAS) bagi "
                               "balita di desa.\n")


# --- events, themes, sectors, data systems -----------------------------------------------

def test_an_event_with_an_acronym_is_no_programme() -> None:
    assert _programs("Kegiatan berlanjut dengan Gebyar Posyandu Serentak (GPS) bulan depan.\n") \
        == {}
    assert _programs("Pemkab menggelar Festival Pangan Lokal (FPL) di alun-alun.\n") == {}
    assert _programs("Kader mengikuti Apel Siaga Stunting (ASS) sebelum rapat.\n") == {}
    # a lower-case movement launched with the meeting stays a programme
    assert "pekan bersih lingkungan posyandu" in names_of(_programs(
        "Acara ditutup dengan pencanangan pekan bersih lingkungan posyandu oleh camat.\n"))


def test_a_quoted_theme_or_slogan_is_no_programme() -> None:
    assert _programs('Seluruh program tahun ini mengusung tagline "Desa Sehat Tanpa '
                     'Stunting".\n') == {}
    assert _programs('Gerakan ini bertema "Bersama Jaga Gizi Anak" dan diikuti dusun.\n') == {}
    # a quoted name after a programme noun with no theme word stays a programme
    assert "Satu Telur Sehari" in _programs('Desa menjalankan inovasi "Satu Telur Sehari" '
                                            'bagi balita.\n')


def test_a_sector_after_program_is_no_programme() -> None:
    assert _programs("Dana desa dipakai untuk Program Ketahanan Pangan Desa.\n") == {}


def test_an_app_that_data_are_recorded_in_is_a_data_system() -> None:
    assert _programs("Data balita dicatat melalui aplikasi Sistem Informasi Gizi Terpadu "
                     "(SIGIZI) setiap bulan.\n") == {}


# --- merged women/children + KB offices (merged_offices.csv) ------------------------------

def test_a_merged_women_children_and_kb_office_is_dinas_kb_only() -> None:
    for office in ("Dinas PPPA dan KB", "Dinas P3A dan PPKB", "Dinas PPKB dan PPPA",
                   "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB",
                   "Dinas Pemberdayaan Perempuan dan Perlindungan Anak dan Pengendalian "
                   "Penduduk", "Dinas PPPA Dalduk KB", "DP3ADALDUK", "DP3A-Dalduk",
                   "Dinas Pemberdayaan Perempuan dan Perlindungan Anak serta Pengendalian "
                   "Penduduk dan KB"):
        got = _types(f"Hadir Kepala {office} Kabupaten Bulukumba.")
        assert "DINAS_KB" in got and "DP3A" not in got, office
    got = _types("Hadir Kepala UPTD PPA DP3AP2KB Kabupaten Bulukumba.")
    assert "DINAS_KB" in got and "DP3A" not in got
    # two offices named apart stay two ('Dinas PP dan KB' is the KB office)
    got = _types("Hadir Kepala Dinas PP dan KB serta Kepala DP3A Kabupaten Bulukumba.")
    assert {"DINAS_KB", "DP3A"} <= got
    got = _types("Hadir Kepala Dinas PPPA dan Kepala Dinas PPKB Kabupaten Bulukumba.")
    assert {"DINAS_KB", "DP3A"} <= got


def test_village_women_children_and_kb_in_one_name_is_dpmd_and_dinas_kb() -> None:
    got = _types("Hadir Kepala Dinas Pemberdayaan Masyarakat Desa, Pemberdayaan Perempuan dan "
                 "Perlindungan Anak, Pengendalian Penduduk dan KB Kabupaten Bulukumba.")
    assert {"DPMD", "DINAS_KB"} <= got and "DP3A" not in got


# --- generic care, measures, documents, manner words (program_exclusions.csv) -------------

def test_care_practices_measures_and_documents_with_short_forms_are_no_programmes() -> None:
    for text in ("Kader dilatih Pemberian Makan Bayi dan Anak (PMBA) bagi keluarga.",
                 "Petugas mengukur Lingkar Lengan Atas (LiLA) setiap ibu hamil.",
                 "Tim menyusun Laporan Hasil Evaluasi Pendampingan Keluarga (LHEPK).",
                 "Kader mengisi Kartu Menuju Sehat (KMS) setiap bulan.",
                 "Hasil Analisis Situasi (Ansit) menunjukkan dua belas desa prioritas.",
                 "Desa bersiap menghadapi Penilaian Kinerja Aksi Konvergensi (Pelkin).",
                 "Puskesmas menguatkan Pemantauan Pertumbuhan Balita (PPB) di posyandu.",
                 "Program Makanan Bergizi untuk balita terus berjalan.",
                 "Desa menggencarkan Pemberian Telur Gratis untuk balita."):
        assert _programs(text + "\n") == {}, text


def test_a_movement_named_only_by_a_manner_word_is_no_programme() -> None:
    assert _programs("Melalui Gerakan Bersama seluruh pihak, angka stunting bisa ditekan.\n") \
        == {}
    # a movement with a name of its own stays
    assert "Gerakan Serentak Cegah Stunting" in _programs(
        "Pihaknya meluncurkan Gerakan Serentak Cegah Stunting di seluruh desa.\n")


# --- offices in a wish after a list, topics of a need, 'Ikut serta' lists (roles.csv) ----

def test_an_office_wished_for_after_a_contrast_word_is_no_attendee() -> None:
    got = _types("Turut hadir Kapolsek Bontomatene dan Danramil, sementara Dinas PUPR "
                 "diharapkan ikut membangun jamban.")
    assert {"POLSEK", "KORAMIL"} <= got and "DINAS_PUPR" not in got
    # 'sementara' that opens more attendees keeps them
    got = _types("Turut hadir Kapolsek Bontomatene, sementara dari kabupaten hadir Kepala "
                 "Dinas Kesehatan.")
    assert "DINKES" in got


def test_an_office_that_is_the_topic_of_a_need_is_no_attendee() -> None:
    assert "DINAS_PENDIDIKAN" not in _types(
        "Menurut Camat, keterlibatan Dinas Pendidikan masih sangat diperlukan.")
    assert "DINSOS" not in _types("Menurut Camat, peran Dinas Sosial sangat penting.")


def test_a_sentence_opening_with_ikut_serta_lists_attendees() -> None:
    got = _types("Ikut serta Kepala Puskesmas Bontomatene, Ketua TP PKK kecamatan dan "
                 "pendamping KPM PKH.")
    assert {"PUSKESMAS", "PKK", "DINSOS"} <= got
    assert "DINSOS" in _types("Hadir pula pendamping sosial PKH kabupaten.")


def test_community_groups_schools_and_facilities_with_short_forms_are_no_programmes() -> None:
    for text in ("Hadir pula Kelompok Wanita Tani (KWT) desa.",
                 "Hadir Ketua Gabungan Organisasi Wanita (GOW) kabupaten.",
                 "Sekolah Dasar Negeri (SDN) 3 menjadi lokasi pemeriksaan.",
                 "Pemdes menyiapkan Tempat Pengolahan Sampah Terpadu (TPST)."):
        assert _programs(text + "\n") == {}, text
    # a group of a known programme still names it
    assert "BKB" in _programs("Kelompok Bina Keluarga Balita (BKB) Melati rutin bertemu.\n")


def test_the_bracket_after_a_posts_programme_name_restates_the_post() -> None:
    assert _programs("Kader Bina Keluarga Balita Holistik Integratif (BKB HI) ikut hadir.\n") \
        == {}


def test_place_kinds_and_pet_names_are_no_initiatives() -> None:
    for text in ("Si Kecil membutuhkan protein hewani setiap hari.",
                 "Anak-anak Taman Kanak-Kanak Pertiwi ikut menyanyi.",
                 "Kegiatan digelar di halaman Klinik Pratama Sehat Sentosa.",
                 "Mahasiswa Sekolah Tinggi Ilmu Kesehatan Bantaeng membantu pengukuran.",
                 "Rumah Warga Kurang Mampu dibedah oleh Baznas."):
        assert _programs(text + "\n") == {}, text


def test_a_quoted_foster_programme_after_program_is_the_programme() -> None:
    assert "BAAS" in _programs('Pemkot menjalankan Program "Bapak Asuh" dengan melibatkan ASN.\n')


def test_offices_advised_or_sent_recommendations_are_no_attendees() -> None:
    assert "DINKES" not in _types("Camat menyarankan Dinas Kesehatan membuka kelas gizi.")
    assert "DINSOS" not in _types("Rekomendasi rembuk antara lain: Dinas Sosial memperbarui "
                                  "data penerima bantuan.")
    got = _types("Hasil rembuk akan disampaikan kepada Bappeda dan DPRD sebagai bahan "
                 "perencanaan.")
    assert not {"BAPPEDA", "DPRD"} & got
    # a report handed over at the meeting by its presenter still counts
    assert "PUSKESMAS" in _types("Laporan kegiatan disampaikan kepada Camat oleh Kepala "
                                 "Puskesmas Bontomatene.")


def test_a_body_reporting_its_innovation_runs_it() -> None:
    links = links_in(LEAD + "Hadir Kepala Dinas Kesehatan Kabupaten Bulukumba.\n\nDinas Kesehatan "
                     "melaporkan inovasi Sapa Gizi (Sahabat Pantau Gizi) yang kini berjalan.\n")
    assert ("DINKES", "RUNS") in next(v for k, v in links.items() if "Sapa Gizi" in k)


def test_social_women_children_and_kb_in_one_name_is_dinsos_and_dinas_kb() -> None:
    got = _types("Hadir Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak, "
                 "Pengendalian Penduduk dan KB Kabupaten Bulukumba.")
    assert {"DINSOS", "DINAS_KB"} <= got and "DP3A" not in got
