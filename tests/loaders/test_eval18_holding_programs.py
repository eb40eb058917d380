"""Three rules re-made from a lost branch (issue 10, eval18): a kecamatan's own meeting that
an official of its kabupaten opens stays the kecamatan's; a teaser line cut off with an
ellipsis above the body, which the body gives in full, is dropped; a foundation (or a
like body) named with its acronym in brackets is no programme. Own texts, real place
names only as the national tree has them."""

from __future__ import annotations

from typing import Any

import pytest

from loaders.articles.document import parse
from loaders.articles.gazetteer import gazetteer
from tests.loaders.extract_helpers import json_on, release_json


def _meeting(body: str) -> dict[str, Any]:
    meetings = release_json(body)["meetings"]
    assert meetings
    return meetings[0]


def _opened(m: dict[str, Any]) -> set[str]:
    return {a["type"] for a in m["attendees"] if a["role"] == "opened"}


# -- 1. a kecamatan's meeting opened by a kabupaten official -------------------------------

@pytest.mark.parametrize(("text", "opened"), [
    pytest.param(  # a lokmin in the Camat's office
        "SUMEDANG - Kepala Dinas Kesehatan Kabupaten Sumedang membuka lokakarya mini "
        "triwulan pertama di aula kantor Camat Jatinangor, Selasa (4/3/2025).\n"
        "Camat Jatinangor turut hadir bersama bidan desa dan kader posyandu.",
        {"DINKES"}, id="lokmin-in-the-camat-office"),
    pytest.param(  # a lokmin placed in the kecamatan
        "SUMEDANG - Kepala Dinas Kesehatan Kabupaten Sumedang membuka lokmin triwulan "
        "pertama di Kecamatan Jatinangor, Rabu (5/3/2025).\n"
        "Kegiatan diikuti para kader dan bidan.",
        None, id="lokmin-in-the-kecamatan"),
    pytest.param(  # a rembuk in the Camat's office, the Camat there
        "SUMEDANG - Kepala Dinas Kesehatan Kabupaten Sumedang membuka rembuk stunting di "
        "aula kantor Camat Jatinangor, Kamis (6/3/2025).\n"
        "Camat Jatinangor turut hadir bersama para kepala desa.",
        {"DINKES"}, id="rembuk-in-the-camat-office"),
    pytest.param(  # a rembuk placed in the kecamatan, its villages gathered
        "SUMEDANG - Sekda Kabupaten Sumedang membuka rembuk stunting di Kecamatan "
        "Jatinangor, Jumat (7/3/2025).\n"
        "Rembuk diikuti para kepala desa se-Kecamatan Jatinangor.",
        {"PEMDA"}, id="rembuk-in-the-kecamatan-with-its-villages"),
])
def test_a_kecamatan_meeting_a_kabupaten_official_opens_is_the_kecamatans(
        text: str, opened: set[str] | None) -> None:
    m = _meeting(text)
    assert m["level"] == "kecamatan"
    assert m["region"]["kecamatan"] == "Jatinangor"
    if opened is not None:
        assert _opened(m) == opened


def test_a_kabupaten_rembuk_at_a_venue_in_a_kecamatan_stays_the_kabupaten() -> None:
    m = _meeting(
        "SUMEDANG - Bupati Sumedang membuka rembuk stunting di Gedung Serba Guna, Kecamatan "
        "Jatinangor, Senin (10/3/2025).\n"
        "Rembuk diikuti para camat dan kepala perangkat daerah.")
    assert m["level"] == "kabkota"
    assert m["region"]["kabkota"] == "Kabupaten Sumedang"


def test_a_kabupaten_official_in_a_kecamatan_with_all_camat_stays_the_kabupaten() -> None:
    m = _meeting(
        "SUMEDANG - Kepala Dinas Kesehatan Kabupaten Sumedang membuka rembuk stunting di "
        "aula kantor Camat Jatinangor, Selasa (11/3/2025).\n"
        "Camat Jatinangor hadir bersama seluruh camat se-Kabupaten Sumedang.")
    assert m["level"] == "kabkota"


# -- 2. a teaser cut off with an ellipsis above the body ----------------------------------

TEASER = ("Rakor Stunting Kecamatan Jatinangor\n"
          "Camat Jatinangor memimpin rapat koordinasi stunting bersama kepala desa pada Rabu, "
          "5 Maret 2025. Jumlah balita stunting turun menjadi 312 ana...\n\n"
          "Camat Jatinangor memimpin rapat koordinasi stunting bersama kepala desa pada Rabu, "
          "5 Maret 2025. Jumlah balita stunting turun menjadi 312 anak dari 401 anak pada "
          "tahun lalu.\nRapat juga dihadiri Kepala Puskesmas Jatinangor.\n")


def test_a_teaser_cut_off_above_the_body_is_dropped() -> None:
    texts = [s.text for s in parse("t.txt", TEASER).sentences]
    assert not any(t.endswith("...") for t in texts)
    assert texts.count("Camat Jatinangor memimpin rapat koordinasi stunting bersama kepala "
                       "desa pada Rabu, 5 Maret 2025.") == 1


def test_a_teasers_half_sentence_gives_no_figure() -> None:
    out = json_on(TEASER, gazetteer())
    assert all("..." not in f["excerpt"] and "…" not in f["excerpt"]
               for f in out["measurements"])


def test_a_teaser_cut_in_a_programmes_name_gives_no_programme() -> None:
    text = ("Pemkab Luncurkan Gerakan Baru\n"
            "Pemerintah Kabupaten Sumedang meluncurkan Gerakan Ayo Timbang Balita Sehat "
            "dalam rapat koordinasi TPPS yang digelar di Gedung Negara, Selasa (4/3/2025), "
            "bersama para camat dan kepala desa. Gerakan Cegah Kurang…\n\n"
            "SUMEDANG - Pemerintah Kabupaten Sumedang meluncurkan Gerakan Ayo Timbang Balita "
            "Sehat dalam rapat koordinasi TPPS yang digelar di Gedung Negara, Selasa "
            "(4/3/2025), bersama para camat dan kepala desa. Gerakan Cegah Kurang Gizi "
            "Keluarga juga diperkenalkan.\n")
    names = {p["name"] for p in json_on(text, gazetteer())["programs"]}
    assert "Gerakan Ayo Timbang Balita Sehat" in names
    assert not any(n.startswith("Gerakan Cegah") and not n.endswith("Keluarga")
                   for n in names)


def test_a_cut_line_the_body_does_not_repeat_stays() -> None:
    text = ("Rakor Stunting Kecamatan Jatinangor\n"
            "Kader posyandu di desa-desa kini menimbang balita setiap bulan tanpa terlewat...\n\n"
            "Camat Jatinangor memimpin rapat koordinasi stunting bersama kepala desa pada "
            "Rabu, 5 Maret 2025.\n")
    assert any(s.text.startswith("Kader posyandu di desa-desa")
               for s in parse("t.txt", text).sentences)


# -- 3. a foundation named with its acronym in brackets -----------------------------------

RAKOR = ("Rapat koordinasi percepatan penurunan stunting digelar Pemerintah Kabupaten "
         "Sumedang di Gedung Negara, Selasa (4/3/2025). ")


def _programs(extra: str) -> set[str]:
    return {p["name"] for p in release_json(RAKOR + extra)["programs"]}


def test_a_foundation_with_its_acronym_is_no_programme() -> None:
    names = _programs("Program ini didukung Yayasan Rumah Harapan Bunda (RHB) dan Yayasan "
                      "Gerakan Sehat Bersama (GSB).")
    assert not any("RHB" in n or "Rumah Harapan" in n or "GSB" in n or "Gerakan Sehat" in n
                   for n in names)


def test_a_company_or_an_association_with_its_acronym_is_no_programme() -> None:
    names = _programs("Kegiatan didukung PT Pangan Sehat Nusantara (PSN) dan Perkumpulan "
                      "Rumah Gizi Keluarga (RGK).")
    assert not any("PSN" in n or "Pangan Sehat" in n or "RGK" in n for n in names)


def test_a_programme_the_foundation_runs_is_still_read() -> None:
    names = _programs("Pemkab menggandeng Yayasan Gerakan Sehat Bersama (GSB) untuk "
                      "menjalankan program Dapur Sehat Atasi Stunting (Dashat).")
    assert any("Dashat" in n or "DASHAT" in n for n in names)
    assert not any("GSB" in n for n in names)
