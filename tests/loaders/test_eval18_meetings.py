"""Meetings a blind set of real releases showed missed (issue 10, eval18): a share bar
('Bagikan :') above the body that ended the article before it began, a headline joined to
the page address on the line under it (so the release lost its headline and its lead),
and an evaluation of a team's achievements named by the team ('Evaluasi Capaian TPPS').
Own texts."""

from __future__ import annotations

from loaders.articles.document import parse
from loaders.articles.gazetteer import gazetteer
from tests.loaders.extract_helpers import json_on

BODY = ("Pemerintah Kota Yogyakarta menggelar Focus Group Discussion (FGD) Percepatan "
        "Penurunan Stunting bersama TPPS di Balai Kota, Selasa (6/5/2025). Kepala Dinas "
        "Kesehatan, Budi Santosa, menyampaikan data terbaru kepada peserta.")


def test_a_share_bar_above_the_body_is_no_end_of_the_article() -> None:
    text = ("Pemkot Gelar FGD Bersama Kampus\nhttps://contoh.id/berita/fgd-kampus\n"
            "Pemkot Gelar FGD Bersama Kampus\n\nBagikan :\n\n" + BODY + "\n")
    doc = parse("t.txt", text)
    assert any("Focus Group Discussion" in s.text for s in doc.sentences)
    meetings = json_on(text, gazetteer())["meetings"]
    assert meetings and meetings[0]["date"] == "2025-05-06"


def test_a_share_bar_after_the_body_still_ends_it() -> None:
    text = ("Pemkot Gelar FGD Bersama Kampus\n\n" + BODY + "\n\nBagikan :\n\n"
            "Rapat koordinasi lain digelar di tempat lain pada Rabu (7/5/2025).\n")
    assert not any("lain digelar" in s.text for s in parse("t.txt", text).sentences)


def test_a_headline_is_not_joined_to_the_page_address_under_it() -> None:
    text = ("Polres Lembah dukung penanganan stunting di kabupaten setempat\n"
            "https://contoh.id/berita/12345/polres-lembah-dukung-penanganan-stunting\n"
            "Kota Baru (ANTARA) -\n"
            "Polres menggelar rapat kordinasi dengan Forkopimda dalam upaya mendukung "
            "pemerintah menangani stunting.\n")
    doc = parse("t.txt", text)
    assert doc.title == "Polres Lembah dukung penanganan stunting di kabupaten setempat"
    assert doc.sentences[0].text.startswith("Polres menggelar rapat kordinasi")


def test_an_evaluation_of_the_teams_achievements_is_its_meeting() -> None:
    text = ("BKKBN Gelar Evaluasi Capaian TPPS\n\n"
            "Perwakilan BKKBN Provinsi Papua menggelar Evaluasi Capaian Tim Percepatan "
            "Penurunan Stunting (TPPS) secara daring, Kamis (12/6/2025). Kegiatan ini "
            "digelar setiap bulan bersama perangkat daerah.\n")
    meetings = json_on(text, gazetteer())["meetings"]
    assert meetings and meetings[0]["date"] == "2025-06-12"
