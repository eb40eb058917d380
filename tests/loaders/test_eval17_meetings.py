"""Meeting detection, several meetings, dates and the holding region (eval17): each
release below is invented, written for its rule, with real place names only as the
national tree has them."""

from __future__ import annotations

from typing import Any

from loaders.articles.score import match
from tests.loaders.extract_helpers import release_json


def _meetings(body: str, dateline: str | None = None) -> list[dict[str, Any]]:
    return release_json(body, dateline).get("meetings") or []


# -- a plan announced with 'siap' is no held meeting (guide §1.4) ---------------------------

def test_a_meeting_the_government_is_ready_to_hold_is_a_plan() -> None:
    out = _meetings(
        "SORONG - Wakil Bupati Sorong mengatakan angka stunting harus terus ditekan, Senin "
        "(3/3/2025).\n"
        "Untuk itu, Pemkab Sorong siap menggelar rapat koordinasi percepatan penurunan "
        "stunting di Aimas, Kamis (6/3/2025).\n"
        "Rapat itu akan melibatkan seluruh OPD teknis.")
    assert out == []


def test_a_held_rakor_is_still_held() -> None:
    out = _meetings(
        "SORONG - Pemkab Sorong menggelar rapat koordinasi percepatan penurunan stunting di "
        "Aimas, Kamis (6/3/2025).\n"
        "Rapat dibuka Wakil Bupati Sorong dan diikuti seluruh OPD teknis.")
    assert [m["date"] for m in out] == ["2025-03-06"]


# -- a weekday date closing a sentence that cites a decree is the event's day --------------

def test_a_closing_weekday_date_after_a_decree_number_is_the_meetings() -> None:
    out = _meetings(
        "Semarang - Provinsi Jawa Tengah telah membentuk TPPS tingkat provinsi yang disahkan "
        "dalam Keputusan Gubernur Jawa Tengah Nomor 440/17/2024, Rabu (5/03/25).\n"
        "Perwakilan BKKBN Provinsi Jawa Tengah menggelar rapat koordinasi TPPS Provinsi Jawa "
        "Tengah yang dihadiri seluruh anggota tim.")
    assert out and out[0]["date"] == "2025-03-05"


def test_a_decree_signed_on_a_written_day_still_gives_no_date() -> None:
    out = _meetings(
        "Semarang - TPPS Provinsi Jawa Tengah dibentuk dengan Keputusan Gubernur Nomor "
        "440/17/2024 tanggal 12 Februari 2024.\n"
        "Perwakilan BKKBN Provinsi Jawa Tengah menggelar rapat koordinasi TPPS Provinsi Jawa "
        "Tengah yang dihadiri seluruh anggota tim.")
    assert out and out[0]["date"] != "2024-02-12"


# -- regions that each held one on the same day ---------------------------------------------

def test_two_kabupaten_holding_at_once_give_two_meetings() -> None:
    out = _meetings(
        "KLATEN - Kabupaten Klaten dan Kabupaten Boyolali di Provinsi Jawa Tengah serentak "
        "menggelar Diseminasi Audit Kasus Stunting, Selasa (11/3/2025).\n"
        "Dalam diseminasi di Klaten, Kepala Dinas Kesehatan Kabupaten Klaten memaparkan "
        "temuan audit kasus balita stunting.")
    assert [(m["date"], m["level"], m["region"]["kabkota"]) for m in out] == [
        ("2025-03-11", "kabkota", "Kabupaten Klaten"),
        ("2025-03-11", "kabkota", "Kabupaten Boyolali")]


def test_two_kabupaten_holding_together_give_one_meeting() -> None:
    out = _meetings(
        "KLATEN - Kabupaten Klaten dan Kabupaten Boyolali menggelar rapat koordinasi "
        "percepatan penurunan stunting bersama di Klaten, Selasa (11/3/2025).\n"
        "Rapat dibuka Bupati Klaten.")
    assert len(out) == 1


# -- a round of village meetings, days paired with villages --------------------------------

def test_a_round_of_village_rembuk_gives_one_meeting_per_village() -> None:
    out = _meetings(
        "SUMEDANG - Camat Jatinangor menyebut rembuk stunting di desa-desa Kecamatan "
        "Jatinangor sudah tuntas.\n"
        "Rangkaian rembuk stunting berlangsung Senin, 2 Juni 2025 di Cikeruh dan Jatiroke. "
        "Selasa, 3 Juni 2025 di Cileles. Rabu, 4 Juni 2025 di Sayang dan Cipacing.\n"
        "Usulan dari warga dimasukkan ke rencana kerja desa tahun depan.")
    assert [(m["date"], m["level"], m["region"]["desa_kelurahan"]) for m in out] == [
        ("2025-06-02", "desa", "Cikeruh"), ("2025-06-02", "desa", "Jatiroke"),
        ("2025-06-03", "desa", "Cileles"), ("2025-06-04", "desa", "Sayang"),
        ("2025-06-04", "desa", "Cipacing")]
    assert all(m["region"]["kecamatan"] == "Jatinangor" for m in out)


def test_names_that_are_no_village_of_the_kecamatan_give_no_round() -> None:
    out = _meetings(
        "SUMEDANG - Camat Jatinangor menyebut rembuk stunting Kecamatan Jatinangor sudah "
        "tuntas.\n"
        "Rembuk stunting berlangsung Senin, 2 Juni 2025 di Gedung Serbaguna dan Aula Utama.\n"
        "Usulan dari warga dimasukkan ke rencana kerja tahun depan.")
    assert len(out) == 1 and out[0]["level"] != "desa"


# -- the scorer pairs meetings of one day with the one of their own region -----------------

def test_meetings_of_one_day_pair_by_region_first() -> None:
    left = [("d", "A"), ("d", "B")]
    right = [("d", "A"), ("d", "B")]
    pairs = match(left, right, lambda g, x: g[0] == x[0], lambda g, x: g == x)
    assert pairs == {0: 0, 1: 1}
