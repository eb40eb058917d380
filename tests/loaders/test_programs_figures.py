"""Program and figure rules learnt from real releases of many provinces (phrasings our own,
never copied): each test fails when its rule breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.articles.document import parse
from loaders.articles.figures import find_figures
from loaders.articles.gazetteer import gazetteer
from loaders.articles.places import Places
from loaders.articles.programs import aligned, find_programs
from loaders.articles.vocab import vocabulary


def _programs(text: str) -> dict[str, list[str]]:
    doc = parse("t.txt", "Judul rilis\n\n" + text)
    places = Places(doc, gazetteer(), vocabulary())
    return {p.name: p.aliases for p in find_programs(doc, vocabulary(), [], None, places)}


def _figures(text: str, year: int | None = 2025) -> list[tuple[str, float, str | None]]:
    return [(f.what, f.value, f.period) for f in find_figures(text, year)]


def test_expansion_with_commas_pairs_with_its_acronym() -> None:
    found = _programs("Dinkes memperkenalkan aplikasi SIMBAH (Sistem Informasi Memantau Bayi, "
                      "Anak, dan Hamil) di setiap desa.\n")
    assert "SIMBAH (Sistem Informasi Memantau Bayi, Anak, dan Hamil)" in found
    assert not any(n.startswith("Sistem Informasi") for n in found)  # not read twice


def test_curly_quoted_name_after_gerakan_with_atau_expansion() -> None:
    found = _programs("Wabup mencanangkan Gerakan ‘Sigarasa’ atau Sigi Gerak Bersama Atasi "
                      "Stunting di semua desa.\n")
    assert found == {"Gerakan Sigarasa": ["Sigarasa", "Sigi Gerak Bersama Atasi Stunting"]}


def test_bullet_list_after_program_unggulan() -> None:
    found = _programs("Rembuk stunting yang digelar di aula kantor bupati itu dibuka oleh Bupati "
                      "dan dihadiri para camat. Kepala Bappeda memaparkan program unggulan yang "
                      "disepakati tahun ini, antara lain:\n"
                      "- Kelas Ayah Hebat di setiap kecamatan\n- Lumbung Gizi Desa untuk keluarga\n"
                      "Prevalensi stunting di kabupaten itu turun dan menjadi perhatian bersama.\n")
    assert {"Kelas Ayah Hebat", "Lumbung Gizi Desa"} <= set(found)


def test_names_that_are_no_programmes() -> None:
    found = _programs(
        "Dasarnya Peraturan Bupati Nomor 14 Tahun 2023 tentang Program Gizi Keluarga Sehat.\n"
        "Hadir PPKBD (Pembantu Pembina Keluarga Berencana Desa) dan TPPS Kabupaten Bangka "
        "Barat (Babar).\nData masuk ke aplikasi e-Monev Bangda.\n")
    assert found == {}


def test_e_app_and_known_programmes_as_written() -> None:
    found = _programs("Terobosannya aplikasi e-Sahabat. Desa menjalankan Gati dan Quick Win.\n")
    assert "e-Sahabat" in found
    assert "Gati" in found["GATI"] and "Quick Win" in found["Quick Wins"]


def test_acronym_alignment_needs_most_words() -> None:
    assert aligned("GENTING", "Gerakan Orang Tua Asuh Cegah Stunting")
    assert not aligned("Purn", "Penjabat Gubernur Papua Barat, Komjen Pol")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TPPS menargetkan prevalensi stunting turun menjadi 9% pada 2029.", []),
        ("Angka NTT 37,8 persen dengan target tahun 2024 bisa turun menjadi 20,53 persen.",
         [("stunting_prevalence_pct", 37.8, None)]),
        ("Prevalensi stunting Barru sempat 14, 1% pada 2023.",
         [("stunting_prevalence_pct", 14.1, "2023")]),
        ("Kondisi stunting bulan Juni 2025 tercatat 14, 6 Persen atau 2.104 Balita.",
         [("stunting_prevalence_pct", 14.6, "2025-06"), ("stunting_cases", 2104, "2025-06")]),
        ("Menurut SSGI 2024 prevalensi stunting menurun menjadi 19,8 persen dari 21,5 persen "
         "pada tahun lalu.",
         [("stunting_prevalence_pct", 19.8, "2024"), ("stunting_prevalence_pct", 21.5, "2023")]),
        ("Untuk Kaltim terdapat penurunan stunting dari tahun 2022 sebesar 1% menjadi 22,9%.",
         [("stunting_prevalence_pct", 22.9, "2022")]),
        ("Prevalensi stunting: terjadi penurunan dari tahun 2019 sebesar 26,2 persen.",
         [("stunting_prevalence_pct", 26.2, "2019")]),
        ("Survei 2019 menemukan sekitar 30% balita mengalami stunting, melebihi 20 % batas WHO.",
         [("stunting_prevalence_pct", 30, "2019")]),
        ("Data stunting kita dapat input mencapai 99 % di bulan Juli.", []),
        ("Rakor diikuti 126 kader Tim Pendamping Keluarga.", [("participants", 126, None)]),
        ("Audit kasus stunting digelar tanggal 7 Maret 2025.", []),
    ],
)
def test_figures(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _figures(text) == expected


# -- learnt from a held-out set of real releases (own words) --------------------------------

def test_a_list_of_changes_stays_a_list_of_changes() -> None:
    assert _figures("Kenaikan terbesar antara lain di Tebo Ilir (naik 5,3%), Sumay (4,1%), dan "
                    "Tengah Ilir (2,6%).") == []
    assert _figures("Ini paling tinggi penurunannya di Aifat yaitu 3,4 persen, disusul Aitinyo "
                    "2,8 persen, dan Ayamaru 1,1 persen.") == []


def test_a_list_of_targets_joined_by_dan_stays_targets() -> None:
    found = _figures("Angka stunting yang kini berkisar 30 persen harus diupayakan ke angka 25 "
                     "persen, dan 18 persen di tahun 2029.")
    assert [v for _, v, _ in found] == [30]


def test_a_value_for_a_later_year_is_a_target_and_dates_nothing_else() -> None:
    found = _figures("Wabup berharap angka itu dapat turun dari 18,7 persen menjadi 14 persen "
                     "pada 2027.", 2025)
    assert found == [("stunting_prevalence_pct", 18.7, None)]
    # 'berhasil ditekan hingga' reports what was achieved
    assert [v for _, v, _ in _figures("Prevalensi stunting berhasil ditekan hingga 12% pada "
                                      "2023.")] == [12]


def test_recipients_and_village_counts_are_no_figures() -> None:
    assert _figures("CSR bank memberikan PMT kepada 50 baduta stunting di Kecamatan X.") == []
    assert [v for _, v, _ in _figures("Sebanyak 101 kasus stunting tersebar di 9 kampung dan "
                                      "1 kelurahan.")] == [101]


def test_children_measured_are_other_and_pendek_counts_are_cases() -> None:
    assert _figures("Terdapat 64 anak yang mengalami stunting dari 402 balita yang telah "
                    "diukur.") == [("stunting_cases", 64, None), ("other", 402, None)]
    assert _figures("Hasil penimbangan Agustus 2025 terhadap 21.430 balita, anak yang tergolong "
                    "pendek atau sangat pendek tercatat 1.146 orang.") == [
        ("other", 21430, "2025-08"), ("stunting_cases", 1146, "2025-08")]


def test_parts_of_a_prevalence_are_other() -> None:
    found = _figures("Prevalensi stunting tahun 2024 berada di angka 14,8% yang terdiri dari "
                     "sangat pendek 2,2% dan pendek 12,6%.")
    assert [(w, v) for w, v, _ in found] == [("stunting_prevalence_pct", 14.8), ("other", 2.2),
                                             ("other", 12.6)]


def test_a_bare_value_continues_the_list_it_stands_in() -> None:
    from loaders.articles.figures import find_figures

    found = find_figures("Tertinggi di Distrik Sawa Erma yakni 41,2 persen, sedangkan Distrik "
                         "Akat 33,5 persen, Distrik Fayit 28,4, dan Distrik Agats 21,9 persen.",
                         2025, about_prevalence=True)  # the sentence before named the topic
    assert [(f.what, f.value) for f in found] == [("stunting_prevalence_pct", v)
                                             for v in (41.2, 33.5, 28.4, 21.9)]


def test_families_at_risk_carry_over_to_the_next_sentence() -> None:
    from loaders.articles.figures import find_figures

    carried = find_figures("Kemudian Lebong 6.899 keluarga, Kaur 6.864 keluarga, Bengkulu "
                           "Selatan 6.653.", 2025, about_families=True)
    assert [(f.what, f.value) for f in carried] == [("families_at_risk", 6899),
                                                    ("families_at_risk", 6864),
                                                    ("families_at_risk", 6653)]
    assert find_figures("Kemudian Lebong 6.899 keluarga.", 2025) == []


def test_what_is_not_a_programme() -> None:
    found = _programs(
        "Rapat dihadiri Tentara Nasional Indonesia (TNI) dan Bina Pembangunan Daerah (Bangda).\n"
        "Penanggung Jawab Program Gizi Puskesmas Seyegan menjadi narasumber.\n"
        "Peserta menginap di Hotel Maleo Town Square (Matos) dan membahas Non Pelayanan Dasar "
        "(NPD).\n"
        "Hadir pula Pj (Penjabat) Bupati dan Bides (Bidan Desa).\n"
        "Percepatan Penurunan Stunting di Provinsi Sumatera Utara (Sumut) dibahas.\n"
        "Peringatan Hari Keluarga Nasional (Harganas) dirangkaikan dengan Bimtek RDS (Bimbingan "
        "Teknis Rencana Desa Sehat).\n")
    assert found == {}


def test_a_programme_name_stops_at_a_region_phrase() -> None:
    found = _programs("Rakor dihadiri pendamping aplikasi Insting Kabupaten Sidrap Tahun 2023.\n")
    assert list(found) == ["Insting"]


def test_list_lines_that_lost_their_bullets() -> None:
    found = _programs("Rakor stunting digelar di aula kantor bupati, Rabu (2/7/2025).\n\n"
                      "Bupati memaparkan sejumlah inovasi, di antaranya:\n"
                      "Warung Stunting di Kecamatan Mestong, yang menyediakan makanan bergizi.\n"
                      "Program ES Krim (Induk Semang Kemiskinan Ekstrem) bagi keluarga rentan.\n"
                      "Kerja sama dengan yayasan untuk pendampingan keluarga.\n")
    assert sorted(found) == ["ES Krim", "Warung Stunting"]


def test_bapak_bunda_asuh_is_baas() -> None:
    found = _programs("Dilakukan pengukuhan Bapak/Bunda Asuh Anak Stunting (BAAS) oleh BKKBN.\n")
    assert list(found) == ["BAAS"]


# -- who runs or supports a programme (ProgramLink) -----------------------------------------

def _links(text: str) -> dict[str, set[tuple[str, str]]]:
    from loaders.articles.extract import extract

    e = extract(parse("t.txt", "Judul rilis\n\n" + text))
    return {p.name: {(t, rel) for t, rel, _ in p.run_by} for p in e.programs}


LOKMIN = ("WONOMULYO – Pemerintah Kecamatan Wonomulyo, Kabupaten Polewali Mandar, menggelar "
          "Lokakarya Mini Stunting di Aula Kantor Camat Wonomulyo, Selasa (22/4/2025). Lokmin "
          "dibuka Camat Wonomulyo dan dihadiri Kepala KUA Wonomulyo dan para kepala desa.\n\n")


def test_a_course_held_at_the_kua_is_run_by_it_and_a_backer_supports() -> None:
    links = _links(LOKMIN + "Kepala KUA memaparkan Bimbingan Perkawinan (Bimwin) yang digelar di "
                   "KUA Wonomulyo setiap bulan.\n\nProgram Dapur Sehat Wonomulyo yang didukung "
                   "oleh Baznas menyediakan menu bergizi.\n")
    assert links["Bimwin"] == {("KUA", "RUNS")}
    assert links["Dapur Sehat Wonomulyo"] == {("BAZNAS", "SUPPORTS")}


def test_a_subject_that_runs_or_backs_a_programme() -> None:
    links = _links(LOKMIN + "Camat Wonomulyo mendukung Gerakan Orang Tua Asuh Cegah Stunting "
                   "(GENTING). Kepala KUA menjelaskan bahwa KUA menjalankan program Sekolah "
                   "Calon Pengantin setiap pekan.\n")
    assert links["GENTING"] == {("KECAMATAN", "SUPPORTS")}
    assert ("KUA", "RUNS") in links["Sekolah Calon Pengantin"]


def test_an_appeal_or_a_meeting_about_a_programme_ties_nobody() -> None:
    links = _links(LOKMIN + "Camat meminta kepala desa menjalankan Gerakan Jumat Bersih di setiap "
                   "dusun.\n")
    assert links["Gerakan Jumat Bersih"] == set()


def test_tpps_load_articles_stores_runs_and_supports(tmp_path: Path) -> None:
    from graph.store.embedded import EmbeddedStore
    from loaders.articles.load import load_articles

    release = tmp_path / "wonomulyo.txt"
    release.write_text("Lokmin Stunting Wonomulyo\n\n" + LOKMIN + "Kepala KUA memaparkan "
                       "Bimbingan Perkawinan (Bimwin) yang digelar di KUA Wonomulyo setiap "
                       "bulan.\n\nProgram Dapur Sehat Wonomulyo yang didukung oleh Baznas "
                       "menyediakan menu bergizi.\n", "utf-8")
    store = EmbeddedStore(tmp_path / "g.db")
    try:
        report = load_articles([release], store)
        assert len(report.loaded) == 1
        from graph.store.base import PageRequest, ProgramFilter

        ids = [p.id for p in store.find_programs(ProgramFilter(), PageRequest(50, None)).items]
        links = store.program_links(ids)
        programs = store.programs([link.program_id for link in links])
        institutions = store.institutions([link.institution_id for link in links])
        got = {(institutions[x.institution_id].type, programs[x.program_id].name, x.relation)
               for x in links}
    finally:
        store.close()
    assert got == {("KUA", "Bimwin", "RUNS"), ("BAZNAS", "Dapur Sehat Wonomulyo", "SUPPORTS")}


def test_group_counts_with_the_noun_first_are_other() -> None:
    found = _figures("Peserta membahas 71 kelompok rentan: Ibu Hamil 14 orang, 6 ibu hamil risiko "
                     "tinggi, Baduta 57 orang dengan 4 kasus gizi kurang.")
    assert [(w, v) for w, v, _ in found] == [("other", v) for v in (71, 14, 6, 57, 4)]


def test_list_lines_take_the_period_their_intro_gave() -> None:
    from loaders.articles.extract import extract

    text = ("Judul rilis\n\nSORONG – Bappeda Provinsi Papua Barat Daya menggelar Rembuk "
            "Stunting di Kota Sorong, Jumat (1/9/2023).\n\nBerdasarkan SSGI pada tahun 2022, "
            "persentase stunting di tiap kabupaten dan kota sebagai berikut:\n"
            "- Kabupaten Tambrauw 39,10 persen;\n- Kota Sorong 27,20 persen.\n\n"
            "Rembuk ditutup dengan penandatanganan komitmen.\n")
    e = extract(parse("t.txt", text))
    assert [(f["value"], f["period"]) for f in e.figures] == [(39.1, "2022"), (27.2, "2022")]


def test_targets_listed_with_their_years_stay_targets_without_a_meeting_year() -> None:
    text = ("Ia mengingatkan target stunting sebesar 17,5 persen pada tahun 2029 dan 6 persen "
            "pada 2045.")
    assert _figures(text, None) == []


def test_projections_changes_and_bounds_written_together() -> None:
    assert _figures("Prevalensi menjadi 23,8 persen, lebih baik dari proyeksi yang 25,1 persen.",
                2025) == [("stunting_prevalence_pct", 23.8, None)]
    assert _figures("Kabupaten A berhasil menurunkan stunting sebesar 4,3 persen.", 2025) == []
    assert _figures("Ada 41 desa dengan prevalensi stunting diatas 20 persen.", 2025) == []


def test_attendance_counted_after_hadir_or_berjumlah() -> None:
    assert _figures("Sebanyak 40 orang hadir di aula dan 210 lainnya mengikuti secara daring.",
                2024) == [("participants", 40, None), ("participants", 210, None)]
    assert _figures("Rembuk dihadiri oleh warga desa yang berjumlah kurang lebih 75 orang.",
                2024) == [("participants", 75, None)]


def test_typed_list_and_english_comma_count() -> None:
    text = ("Angka stunting berturut-turut: tahun 2021 24, 6 %, tahun 2022,22,1 %, tahun 2023 "
            "19,7% dari total balita yang diukur 12,340 anak.")
    assert _figures(text, 2024) == [("stunting_prevalence_pct", 24.6, "2021"),
                                ("stunting_prevalence_pct", 22.1, "2022"),
                                ("stunting_prevalence_pct", 19.7, "2023"), ("other", 12340, None)]


def test_names_of_cadre_groups_surveys_and_registers_are_no_programmes() -> None:
    text = ("Rakor dihadiri kader Posyandu, BKB, dan BKL. Puskesmas memaparkan Survey Mawas Diri "
            "(SMD) dan register Sistem Informasi Posyandu (SIP) serta program Perangi Stunting.")
    assert _programs(text) == {}


def test_release_day_dates_no_value_and_a_bare_level_after_menjadi() -> None:
    assert _figures("Menurut SSGI 2024 yang dirilis pada 7 Agustus 2025, prevalensi stunting "
                    "tercatat 22,6 persen.", 2025) == [("stunting_prevalence_pct", 22.6, "2024")]
    assert _figures("Prevalensi stunting turun dari 28,4 persen pada tahun 2023 menjadi 24,1 pada "
                    "tahun 2024.", 2025) == [("stunting_prevalence_pct", 28.4, "2023"),
                                             ("stunting_prevalence_pct", 24.1, "2024")]


def test_lower_case_innovation_after_berupa_and_one_more_after_ada() -> None:
    found = _programs("Beberapa inovasi daerah berupa motor gizi keliling dimana petugas datang. "
                      "Ada Mak Sehati yang mendampingi calon pengantin.\n")
    assert set(found) == {"Motor Gizi Keliling", "Mak Sehati"}
    assert _programs("Ada Pak Camat yang hadir.\n") == {}  # no innovation before it


def test_counts_written_as_words() -> None:
    text = ("Nihil kasus stunting, meskipun ditemukan satu kasus wasting dan satu kasus kurang "
            "berat badan. Rapat digelar dua kali.")
    assert _figures(text) == [("other", 1, None), ("other", 1, None)]
    assert _figures("Saat ini terdapat tiga kasus balita stunting.") == [
        ("stunting_cases", 3, None)]


def test_a_person_after_ada_is_no_innovation() -> None:
    assert _programs("Beberapa inovasi desa sudah berjalan. Ada Pak Camat yang memantau.\n") == {}


def test_a_change_word_with_its_adverb_or_measured_noun_governs_the_value() -> None:
    # guide §7.3 deltas: 'menurun sekitar', 'penurunan prevalensi stunting N persen'
    assert _figures("Angka stunting kabupaten itu menurun sekitar 2,1% dalam setahun.") == []
    assert _figures("Kabupaten itu mencatat penurunan prevalensi stunting 4,6 persen, menjadi "
                    "22,3 persen pada 2024.") == [("stunting_prevalence_pct", 22.3, "2024")]


def test_a_share_of_families_at_risk_and_its_base() -> None:
    found = _figures("Verifikasi 2025 mencatat 41.250 keluarga berisiko stunting (KRS), yang "
                     "merupakan 28,5 persen dari total 144.736 keluarga di Maluku.")
    assert found == [("families_at_risk", 41250, "2025"), ("other", 28.5, "2025")]


def test_kbs_is_read_as_families_at_risk_and_all_families_are_a_base() -> None:
    found = _figures("“Kecamatan itu, dengan jumlah keluarga terbanyak, yakni 9.840 keluarga, "
                     "juga memiliki jumlah KBS tertinggi, yaitu 1.275,” ujarnya.")
    assert found == [("families_at_risk", 1275, None)]


def test_capaian_of_the_stunting_drop_is_no_share_of_another_service() -> None:
    found = _figures("Capaian penurunan prevalensi stunting pada 2024 menjadi 17,4 persen.")
    assert found == [("stunting_prevalence_pct", 17.4, "2024")]
    assert _figures("Capaian imunisasi dasar lengkap di kabupaten stunting itu 91 persen.") == []


def test_a_target_set_after_a_comma_is_still_a_target() -> None:
    text = "Target kita jelas, yang sudah ditetapkan secara nasional menjadi 18,8 persen pada 2025."
    assert _figures(text, 2025) == []


def test_a_remark_without_a_number_keeps_the_prevalence_topic() -> None:
    from loaders.articles.extract import extract

    text = ("Judul rilis\n\nMAMUJU – Pemerintah Provinsi Sulawesi Barat menggelar Rakor TPPS "
            "Tingkat Provinsi di Ruang Pola Kantor Gubernur, Selasa (7/10/2025).\n\n"
            "Prevalensi stunting tertinggi ada di Kabupaten Polewali Mandar sebesar 33,6 persen. "
            "Hal itu menunjukkan sepertiga balita masih terindikasi stunting. Sementara yang "
            "terendah Kabupaten Majene, itupun masih sebesar 24,1 persen.\n")
    found = [(f["what"], f["value"]) for f in extract(parse("t.txt", text)).figures]
    assert found == [("stunting_prevalence_pct", 33.6), ("stunting_prevalence_pct", 24.1)]
    # a remark that does not speak of stunting ends the topic: the share is of something else
    other = text.replace("Hal itu menunjukkan sepertiga balita masih terindikasi stunting.",
                         "Hal itu dibahas bersama para camat.")
    found = [(f["what"], f["value"]) for f in extract(parse("t.txt", other)).figures]
    assert found == [("stunting_prevalence_pct", 33.6)]


def test_attendance_after_menghadirkan() -> None:
    found = _figures("Rakortek berlangsung di Jakarta dengan menghadirkan 1079 orang.", 2023)
    assert [(w, v) for w, v, _ in found] == [("participants", 1079)]


def test_a_clause_stating_what_a_target_gives_is_a_target() -> None:
    assert _figures("Pemerintah menargetkan penurunan sebesar 3,8% poin untuk tahun ini, sehingga "
                    "pada akhir tahun prevalensi stunting turun menjadi 17,8%.", 2023) == []
    # 'sehingga' without a target word before it leaves the value a level
    assert _figures("Intervensi berjalan baik sehingga prevalensi stunting turun menjadi 17,8% "
                    "pada 2024.", 2025) == [("stunting_prevalence_pct", 17.8, "2024")]


def test_cases_prevented_are_no_count_of_cases() -> None:
    assert _figures("Sebanyak 377.000 kasus balita stunting baru berhasil dicegah.") == []
    assert _figures("Penurunan itu setara dengan pencegahan 79.971 kasus balita stunting "
                    "baru.") == []


def test_a_share_restated_as_the_count_it_stands_for() -> None:
    found = _figures("Prevalensi stunting nasional turun menjadi 19,8 persen setara dengan "
                     "4.482.340 balita.")
    assert found == [("stunting_prevalence_pct", 19.8, None), ("stunting_cases", 4482340, None)]
    found = _figures("Provinsi itu mencatat prevalensi stunting sebesar 17,3 persen pada 2024, "
                     "setara dengan 9.450 balita.")
    assert found == [("stunting_prevalence_pct", 17.3, "2024"), ("stunting_cases", 9450, "2024")]


def test_capaian_with_an_adjective_before_the_prevalence() -> None:
    found = _figures("Provinsi itu mencatat capaian membanggakan dengan prevalensi stunting "
                     "sebesar 14,7 persen pada 2024.")
    assert found == [("stunting_prevalence_pct", 14.7, "2024")]


def test_the_name_of_the_effort_is_no_change_word() -> None:
    found = _figures("Dalam aksi konvergensi percepatan Penurunan Stunting, hasil SSGI 2024 "
                     "mencatat prevalensi stunting sebesar 32,3% dari 23,8%.")
    assert [(w, v) for w, v, _ in found] == [("stunting_prevalence_pct", 32.3),
                                             ("stunting_prevalence_pct", 23.8)]


def test_aspiration_ditekan_ke_a_change_with_hanya_and_a_floor_with_sedikitnya() -> None:
    assert _figures("Kami optimistis angka stunting bisa ditekan ke 18 persen tahun ini.") == []
    # what was reached is a level
    assert _figures("Angka stunting berhasil ditekan ke 18 persen pada 2024.") == [
        ("stunting_prevalence_pct", 18, "2024")]
    assert _figures("Angka stunting menurut SSGI turun hanya 0,2 persen dalam setahun.") == []
    assert _figures("Prevalensi stunting harus diturunkan sedikitnya 3 persen tahun ini.") == []
