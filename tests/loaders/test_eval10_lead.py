"""Rules from a blind set of real releases (eval10), written as general cases: sentences
written for these tests, on real place names."""

from __future__ import annotations

from datetime import date
from typing import Any

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.output import to_json

PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."


def meeting(text: str) -> dict[str, Any]:
    got = to_json(extract(parse("case.txt", "Judul rilis\n\n" + text + PAD)))["meetings"]
    return got[0] if got else {}


def test_a_generic_meeting_pointing_back_is_the_named_one_told_before_it() -> None:
    # 'Pertemuan ... ini' goes on describing the lokmin the Kecamatan held: the lokmin is the
    # meeting (its family, its holder), not a bare 'Rapat Stunting' of the kab/kota
    got = meeting(
        "SAMPIT – Pemerintah Kecamatan Baamang menggelar mini lokakarya untuk mempercepat "
        "penurunan stunting di wilayahnya. Pertemuan yang melibatkan banyak pihak ini menjadi "
        "langkah untuk mengevaluasi program penanganan stunting. Acara digelar di aula "
        "Kecamatan Baamang, Selasa (2/9/2025). Hadir Kepala Puskesmas Baamang dan para lurah.")
    assert got["title"].startswith("Lokakarya Mini")
    assert (got["level"], got["region"]["name"]) == ("kecamatan", "Baamang")
    assert got["date"] == "2025-09-02"


def test_a_generic_meeting_that_does_not_point_back_stays_itself() -> None:
    # a separate rapat told after a named event is not folded into it
    got = meeting(
        "Pemerintah Kabupaten Kotawaringin Timur menggelar rapat koordinasi percepatan "
        "penurunan stunting di aula Bappeda, Selasa (2/9/2025), dipimpin Sekda.")
    assert got["title"].startswith("Rapat Koordinasi")


def types_in(text: str) -> set[str]:
    return {a["type"] for a in meeting(text).get("attendees", [])}


def test_women_empowerment_and_kb_office_without_child_protection_is_the_kb_office() -> None:
    # 'Dinas Pemberdayaan Perempuan dan Keluarga Berencana' (no '... Perlindungan Anak'):
    # the KB office of the region, organising
    for name in ("Dinas Pemberdayaan Perempuan dan Keluarga Berencana",
                 "Dinas Pemberdayaan Perempuan dan KB"):
        got = types_in(f"{name} Kabupaten Biak Numfor menggelar diseminasi audit kasus "
                       "stunting siklus II, Kamis 10 Oktober 2024, di aula kantor bupati.")
        assert "DINAS_KB" in got, name


def test_women_and_child_protection_office_alone_is_no_kb_office() -> None:
    got = types_in("Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Biak Numfor "
                   "menggelar rapat koordinasi TPPS, Kamis 10 Oktober 2024.")
    assert "DP3A" in got and "DINAS_KB" not in got


def test_kinds_of_stakeholder_to_tackle_a_problem_together_did_not_come() -> None:
    text = ("Camat Sungai Kunjang membuka lokakarya mini stunting di aula kecamatan, Senin "
            "(6/10/2025), diikuti para lurah dan kader TP PKK. Menurutnya, keluarga berisiko "
            "stunting harus kita atasi bersama antara pemerintah, masyarakat, swasta, dan "
            "dunia pendidikan.")
    got = types_in(text)
    assert {"KECAMATAN", "PKK"} <= got and "BUSINESS" not in got


def test_a_yearless_day_with_its_weekday_and_no_year_anywhere_takes_the_one_year_it_fits() -> None:
    from loaders.articles.dates import DateMention, complete
    from loaders.articles.vocab import vocabulary

    wednesday = DateMention(0, 5, 27, 8, None, 2, True)  # 'Rabu (27/08)'
    assert complete(wednesday, None, [], 2024) == (date(2025, 8, 27), False)
    assert complete(wednesday, None, []) == (None, False)  # no first year: no guess
    # a weekday no year from 2024 on puts on that day ('Senin (27/08)' 2024-2026): none
    monday = DateMention(0, 5, 27, 8, None, 0, True)
    assert complete(monday, None, [], 2024)[0] is None
    assert vocabulary().first_year == 2021  # read from data/calendar.csv


def test_the_whole_extraction_dates_a_yearless_weekday_day_without_publication() -> None:
    got = meeting("Pemerintah Kampung Tanjung Anom menggelar rembuk stunting tingkat kampung, "
                  "Rabu (27/08), di balai kampung, dihadiri Babinsa dan kader Posyandu.")
    assert got["date"] == "2025-08-27"


def test_a_launched_movement_ends_before_the_tier_it_is_launched_at() -> None:
    # 'pencanangan bulan bakti ... tingkat Provinsi X': 'tingkat' belongs to the place
    from tests.loaders.program_helpers import programs_in

    text = ("Gubernur membuka rembuk stunting provinsi yang dirangkaikan dengan pencanangan "
            "bulan bakti gotong royong masyarakat tingkat Provinsi Gorontalo Tahun 2024.")
    names = {n.lower() for n in programs_in(text)}
    assert "bulan bakti gotong royong masyarakat" in names
    assert not any(n.endswith("tingkat") for n in names)


def test_a_province_meeting_whose_capital_is_only_the_dateline_is_the_province() -> None:
    # the capital city is named once, in the dateline; every body is the province's
    got = meeting(
        "Ambon, 4 Maret 2025 — Biro Kesejahteraan Rakyat Setda Provinsi Maluku bersama tim "
        "mengikuti rapat koordinasi intervensi spesifik percepatan penurunan stunting yang "
        "berlangsung di Aula Dinas Kesehatan Provinsi Maluku. Rapat diikuti perwakilan perangkat "
        "daerah Provinsi Maluku.")
    assert (got["level"], got["region"]["name"]) == ("province", "Maluku")


def test_a_capital_named_beyond_the_dateline_keeps_the_kab_kota() -> None:
    got = meeting(
        "Ambon, 4 Maret 2025 — Dinas Kesehatan Kota Ambon bersama tim mengikuti rapat "
        "koordinasi intervensi spesifik percepatan penurunan stunting yang berlangsung di "
        "Aula Dinas Kesehatan Provinsi Maluku. Rapat diikuti perangkat daerah Kota Ambon.")
    assert (got["level"], got["region"]["name"]) == ("kabkota", "Kota Ambon")


def test_a_caption_closed_by_its_photo_credit_is_no_dateline_and_a_kind_word_no_stronger() -> None:
    # the caption goes; 'KOTA KUPANG, Diskominfo –' is then the dateline, weak however
    # it is written, and the province that signs holds the rembuk
    got = meeting(
        "Penjabat Gubernur NTT menandatangani kesepakatan bersama di aula rumah jabatan "
        "Gubernur NTT, Sabtu (18/3/2023). (Foto : Rian)\n\n"
        "KOTA KUPANG, Diskominfo – Pemerintah Provinsi NTT bersama para pemangku kepentingan "
        "menyepakati percepatan penurunan stunting pada Rapat Koordinasi Daerah atau Rembuk "
        "Stunting di aula rumah jabatan Gubernur NTT, Sabtu (18/3/2023). Kesepakatan "
        "ditandatangani Penjabat Gubernur NTT dan Ketua Komisi IV DPRD Provinsi NTT.")
    assert (got["level"], got["region"]["name"]) == ("province", "Nusa Tenggara Timur")
