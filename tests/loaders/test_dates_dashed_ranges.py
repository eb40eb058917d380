"""Date ranges give their first day, and datelines that write their date with dashes or
slashes in a parenthesis (issue 10, guide §2.1): sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.output import to_json

PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."


def meetings(text: str) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = to_json(extract(parse("case.txt", "Judul rilis\n\n" + text + PAD)))[
        "meetings"]
    return got


def rembuk(when: str) -> str:
    return ("KABUPATEN BOGOR - Pemerintah Kabupaten Bogor menggelar rembuk stunting tingkat "
            f"kabupaten di Aula Setda pada {when}. Rembuk dipimpin Bupati Hendra Wiratama "
            "selaku Ketua TPPS dan diikuti camat se-kabupaten, pada tahun 2026 ini.")


@pytest.mark.parametrize("when", [
    "23 s.d. 26/2/2026",
    "23 sd 26/2/2026",
    "23 sampai 26 Februari 2026",
    "23-26 Februari 2026",
    "tanggal 23 hingga 26/2",
    "tanggal 23 sampai dengan 26/2",
])
def test_a_range_gives_its_first_day(when: str) -> None:
    assert [m["date"] for m in meetings(rembuk(when))] == ["2026-02-23"]


def test_a_range_opened_by_mulai_gives_its_first_day() -> None:
    assert [m["date"] for m in meetings(rembuk("mulai 20-23 Januari"))] == ["2026-01-20"]


RAKOR = (" Pemerintah Kota menggelar rapat koordinasi Tim Percepatan Penurunan Stunting (TPPS) "
         "di Aula Kantor Wali Kota{when}. Rakor dipimpin Wali Kota Dedi Kurniawan selaku Ketua "
         "TPPS dan diikuti kepala Dinas Kesehatan.")


@pytest.mark.parametrize("dateline", ["PALU (02-09/22) –", "AMBON (2/9/2022) -",
                                      "TERNATE (02-09/2022) -"])
def test_a_parenthesised_dateline_date_is_read(dateline: str) -> None:
    assert [m["date"] for m in meetings(dateline + RAKOR.format(when=""))] == ["2022-09-02"]


@pytest.mark.parametrize("dateline", ["PALU (02-09/22) –", "AMBON (2/9/2022) -"])
def test_a_dateline_date_adds_no_second_meeting(dateline: str) -> None:
    got = meetings(dateline + RAKOR.format(when=", Kamis (1/9/2022)"))
    assert [m["date"] for m in got] == ["2022-09-01"]


def test_a_dashed_day_range_without_year_is_not_a_two_digit_year() -> None:
    # '(7-8/7)': the last part may be a month, so it is a range of days in July
    text = "SEMARANG -" + RAKOR.format(when=", Senin-Selasa (7-8/7/2025)")
    assert [m["date"] for m in meetings(text)] == ["2025-07-07"]


@pytest.mark.parametrize(("when", "day"), [
    ("Rabu (14-15/10/2025)", "2025-10-14"),
    ("Rabu dan Kamis (14-15/10)", "2025-10-14"),
    ("tanggal 10-11/12", "2025-12-10"),
    ("Rabu-Kamis (10-11/12)", "2025-12-10"),
])
def test_a_dashed_yearless_range_where_a_date_is_expected(when: str, day: str) -> None:
    # '(10-11/12)' is two days of December: a year 2012 is no year of a TPPS
    text = ("BOGOR, 20 Desember 2025 - Pemerintah Kabupaten Bogor menggelar rembuk stunting "
            f"tingkat kabupaten di Aula Setda pada {when}. Rembuk dipimpin Bupati Hendra "
            "Wiratama selaku Ketua TPPS dan diikuti camat se-kabupaten.")
    assert [m["date"] for m in meetings(text)] == [day]


def test_a_bare_dashed_pair_is_no_date() -> None:
    from loaders.articles.dates import date_mentions
    # a score or a ratio written with a dash and a slash is not a range of days
    assert date_mentions("nilai kinerja desa naik dari skor 23-26/2 menjadi lebih baik") == []
    assert [(d.day, d.month) for d in date_mentions("digelar 23 hingga 26/2 di aula")] == [(23, 2)]
