"""Holding-region rules learnt from a fresh set of real releases (issue 10, item 4; r901-r908).

Each test names the rule and would fail without it; the tree is invented (guide §9 style),
so the national register's quirks do not decide the outcome.
"""

from __future__ import annotations

from typing import Any

from tests.loaders.extract_helpers import meeting_on

TREE = [
    {"code": "P", "name": "Nusa Kencana", "level": "province"},
    {"code": "K", "name": "Kabupaten Lembah Hijau", "level": "kabkota", "parent": "P"},
    {"code": "C", "name": "Sukaluyu", "level": "kecamatan", "parent": "K"},
    {"code": "C2", "name": "Pasirjaya", "level": "kecamatan", "parent": "K"},
    {"code": "D1", "name": "Cibening", "level": "desa", "parent": "C"},
    {"code": "D2", "name": "Mekarsari", "level": "desa", "parent": "C2"},
    # a tier word of Aceh and of Sumatera Barat (data/tier_provinces.csv)
    {"code": "11", "name": "Aceh", "level": "province"},
    {"code": "11.06", "name": "Kabupaten Aceh Besar", "level": "kabkota", "parent": "11"},
    {"code": "11.06.11", "name": "Kuta Baro", "level": "kecamatan", "parent": "11.06"},
    {"code": "11.06.11.1", "name": "Lampuuk", "level": "desa", "parent": "11.06.11"},
    {"code": "11.06.11.2", "name": "Gampong", "level": "desa", "parent": "11.06.11"},
    {"code": "61", "name": "Kalimantan Barat", "level": "province"},
    {"code": "61.01", "name": "Kabupaten Sambas", "level": "kabkota", "parent": "61"},
    # two kecamatan named Kota Agung; pekon is Lampung's village tier
    {"code": "18", "name": "Lampung", "level": "province"},
    {"code": "18.06", "name": "Kabupaten Tanggamus", "level": "kabkota", "parent": "18"},
    {"code": "18.06.01", "name": "Kota Agung", "level": "kecamatan", "parent": "18.06"},
    {"code": "16", "name": "Sumatera Selatan", "level": "province"},
    {"code": "16.04", "name": "Kabupaten Lahat", "level": "kabkota", "parent": "16"},
    {"code": "16.04.07", "name": "Kota Agung", "level": "kecamatan", "parent": "16.04"},
    {"code": "13", "name": "Sumatera Barat", "level": "province"},
    {"code": "13.01", "name": "Kabupaten Pesisir Selatan", "level": "kabkota", "parent": "13"},
    {"code": "13.01.04", "name": "Batang Kapas", "level": "kecamatan", "parent": "13.01"},
    {"code": "13.01.04.1", "name": "Sungainyalo IV Koto Mudiek", "level": "desa",
     "parent": "13.01.04"},
]


def _meeting(text: str) -> dict[str, Any]:
    return meeting_on(text, TREE)


def _where(m: dict[str, Any]) -> tuple[str | None, str | None]:
    r = m.get("region") or {}
    level = m.get("level")
    name = {"province": r.get("province"), "kabkota": r.get("kabkota"),
            "kecamatan": r.get("kecamatan"), "desa": r.get("desa_kelurahan")}.get(level or "")
    return level, name


def test_region_written_as_the_subject_of_menggelar_holds_the_meeting() -> None:
    # no body and no 'tingkat desa': the village of the chain before the verb holds it,
    # with or without commas between the links, whatever their case
    for chain in ("Desa Cibening, Kecamatan Sukaluyu, Kabupaten Lembah Hijau",
                  "Desa Cibening kecamatan Sukaluyu kabupaten Lembah Hijau"):
        m = _meeting(f"Lembah Hijau – Pada tanggal 21 Oktober 2025, {chain} menggelar "
                     "kegiatan Rembug Stunting di aula. Kegiatan dihadiri kader posyandu.")
        assert _where(m) == ("desa", "Cibening"), chain
        assert m["region"]["kecamatan"] == "Sukaluyu"


def test_kecamatan_subject_with_an_adverb_before_the_verb() -> None:
    m = _meeting("Kecamatan Pasirjaya kembali menggelar lokakarya mini stunting, Rabu "
                 "(19/3/2025), di aula. Kegiatan diikuti bidan desa.")
    assert _where(m) == ("kecamatan", "Pasirjaya")


def test_a_region_subject_never_outranks_a_named_organiser() -> None:
    # the body (Dinas) names the organiser; the village is only where it met
    m = _meeting("Dinas Kesehatan Kabupaten Lembah Hijau menggelar rapat koordinasi stunting "
                 "di Balai Desa Mekarsari, Selasa (2/9/2025). Kepala desa hadir.")
    assert _where(m) == ("kabkota", "Kabupaten Lembah Hijau")


def test_tier_word_glued_to_a_dateline_with_a_double_dash() -> None:
    m = _meeting("Nagari Targetkan Bebas Stunting\n\nPesisir Selatan--Nagari Sungai Nyalo IV "
                 "Koto Mudiak, Kecamatan Batang Kapas menggelar rembuk stunting Kamis "
                 "(23/10/2025). Camat Batang Kapas hadir.")
    assert _where(m) == ("desa", "Sungainyalo IV Koto Mudiek")


def test_minang_spelling_iak_is_registered_iek() -> None:
    # 'Mudiak' as written, 'Mudiek' in the register (data/tier_provinces.csv)
    m = _meeting("Pemerintah Nagari Sungai Nyalo IV Koto Mudiak menggelar rembuk stunting "
                 "pada Kamis (23/10/2025) di kantor wali nagari.")
    assert _where(m) == ("desa", "Sungainyalo IV Koto Mudiek")


def test_kecamatan_after_di_in_the_headline_is_the_tour_stop() -> None:
    m = _meeting("Bupati Lembah Hijau Keliling, Rakor TPPS di Kecamatan Sukaluyu\n\n"
                 "Lembah Hijau – Bupati Lembah Hijau memimpin Rapat Koordinasi TPPS di Aula "
                 "Kantor Camat Sukaluyu, Selasa (2/9/2025). Rakor bergiliran di tiap "
                 "kecamatan dan dihadiri para kepala desa.")
    assert _where(m) == ("kabkota", "Kabupaten Lembah Hijau")


def test_village_rembuk_placed_in_its_village_by_the_headline_stays_the_villages() -> None:
    m = _meeting("Rembug Stunting di Desa Cibening\n\nHari ini rembug stunting berlangsung "
                 "Rabu, 18 Juni 2025, dibuka langsung Camat Sukaluyu dan dihadiri kader.")
    assert _where(m) == ("desa", "Cibening")


def test_head_title_before_a_tier_word_leaves_the_name_to_the_tier_word() -> None:
    # 'Keuchik Gampong Lampuuk' is the keuchik of Lampuuk, not of a village called Gampong
    m = _meeting("Keuchik Gampong Lampuuk membuka rembuk stunting di meunasah, Sabtu "
                 "(6/9/2025). Rembuk diikuti Tuha Peut dan Camat Kuta Baro.")
    assert _where(m) == ("desa", "Lampuuk")


def test_provincial_office_named_by_acronym_and_short_form_holds_a_province_meeting() -> None:
    # 'BKKBN Kalbar': the short form follows an acronym in one run of capitalised words;
    # the kabupaten hall and its Wakil Bupati do not make it a kab/kota meeting
    m = _meeting("SAMBAS – BKKBN Kalbar menggelar rapat koordinasi satgas percepatan "
                 "penurunan stunting di Aula Kantor Bupati Sambas, Rabu (10/9/2025). Wakil "
                 "Bupati Sambas memberi sambutan.")
    assert _where(m) == ("province", "Kalimantan Barat")


def test_a_short_form_after_an_ordinary_word_is_still_no_place() -> None:
    # only an all-capital acronym is skipped: 'Bank Kalbar' is a bank, not the province
    m = _meeting("SAMBAS – Pimpinan Bank Kalbar hadir pada rakor TPPS Kabupaten Sambas di "
                 "aula kantor bupati, Rabu (10/9/2025).")
    assert _where(m) == ("kabkota", "Kabupaten Sambas")


def test_a_local_tier_written_as_a_common_noun_settles_a_repeated_name() -> None:
    text = ("Lokmin Stunting Kecamatan Kota Agung\n\nCamat Kota Agung membuka lokakarya mini "
            "stunting di aula kantor camat, Senin (7/7/2025), dihadiri para kepala {}.")
    # 'kepala pekon' is said only in Lampung: the Kota Agung of Tanggamus
    m = _meeting(text.format("pekon"))
    assert _where(m) == ("kecamatan", "Kota Agung")
    assert m["region"]["kabkota"] == "Kabupaten Tanggamus"
    # 'kepala desa' is said everywhere: the tie stays, no kecamatan is guessed
    assert _meeting(text.format("desa")).get("level") is None


def test_a_capitalised_tier_word_is_a_name_not_a_tier_vote() -> None:
    # 'Pekon' capitalised starts a place name; with no such pekon it casts no vote
    m = _meeting("Lokmin Stunting Kecamatan Kota Agung\n\nCamat Kota Agung membuka "
                 "lokakarya mini stunting, Senin (7/7/2025), di Hotel Pekon Indah.")
    assert m.get("level") is None
