"""Program and figure rules learnt from real releases of many provinces (phrasings our own,
never copied): each test fails when its rule breaks."""

from __future__ import annotations

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
