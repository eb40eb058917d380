"""Meeting detection cases from issue 10, item 7 (phrasings our own): a meeting named only in
a quote, a courtesy visit, a working visit, a date range, a konvergensi action, a tour,
'dilanjutkan dengan'. Each test fails when its rule breaks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.output import to_json

TREE = json.loads((Path(__file__).parent / "articles" / "invented_tree.json").read_text("utf-8"))


def _meetings(text: str) -> list[dict[str, Any]]:
    gaz = Gazetteer.from_regions(TREE)
    return list(to_json(extract(parse("t.txt", text), gaz))["meetings"])


def test_meeting_named_only_in_a_quote_with_the_speakers_own_verb() -> None:
    found = _meetings(
        "Wabup Minta Data Jujur\n\nLEMBAH HIJAU, 14 Mei 2025 – Wakil Bupati Lembah Hijau "
        "meminta kader melaporkan data apa adanya.\n\"Di rakor TPPS yang kita laksanakan "
        "siang ini di Aula Bupati, saya minta semua angka bisa dipertanggungjawabkan,\" "
        "katanya.\nIa menambahkan verifikasi data dilakukan bulan ini.\n")
    assert [m["date"] for m in found] == ["2025-05-14"]


def test_a_meeting_the_speaker_will_hold_is_planned() -> None:
    found = _meetings(
        "Wabup Minta Data Jujur\n\nLEMBAH HIJAU, 14 Mei 2025 – Wakil Bupati Lembah Hijau "
        "meminta kader melaporkan data apa adanya.\n\"Rakor TPPS akan kami selenggarakan "
        "di Aula Bupati, dan semua angka harus siap,\" katanya.\n")
    assert found == []


def test_courtesy_visit_is_no_meeting() -> None:
    found = _meetings(
        "BKKBN Beraudiensi dengan Bupati\n\nKepala Perwakilan BKKBN Nusa Kencana beraudiensi "
        "dengan Bupati Lembah Hijau di ruang kerja bupati, Kamis (6/3/2025). Kunjungan "
        "kehormatan itu membahas dukungan pendampingan keluarga.\n")
    assert found == []


def test_working_visit_to_a_posyandu_is_no_meeting() -> None:
    found = _meetings(
        "Wagub Tinjau Posyandu\n\nWakil Gubernur Nusa Kencana melakukan kunjungan kerja ke "
        "Posyandu Mawar di Desa Mekarsari, Jumat (7/3/2025), dan menyaksikan penimbangan "
        "balita.\n")
    assert found == []


def test_date_range_takes_its_first_day() -> None:
    found = _meetings(
        "Rakor Dua Hari\n\nTPPS Kabupaten Lembah Hijau menggelar rapat koordinasi, Kamis–Jumat "
        "(17–18/4/2025), di Aula Bappeda Lembah Hijau. Rakor dipimpin Wakil Bupati.\n")
    assert [m["date"] for m in found] == ["2025-04-17"]


def test_a_meeting_of_a_konvergensi_action_is_held() -> None:
    found = _meetings(
        "Aksi Konvergensi Dimulai\n\nBappeda Kabupaten Lembah Hijau menggelar pertemuan Aksi 2 "
        "Konvergensi Stunting, penyusunan rencana kegiatan, di aula Bappeda, Senin "
        "(10/3/2025). Pertemuan dibuka Sekda Lembah Hijau.\n")
    assert [m["date"] for m in found] == ["2025-03-10"]


def test_follow_on_events_are_no_second_meeting() -> None:
    found = _meetings(
        "Rakor Kecamatan\n\nPemerintah Kecamatan Sukaluyu melaksanakan Rapat Koordinasi TPPS "
        "Kecamatan di aula kantor camat, Rabu (21/5/2025). Rapat dilanjutkan dengan "
        "kunjungan ke rumah balita stunting di Desa Cibening.\n")
    assert [(m["date"], m["level"]) for m in found] == [("2025-05-21", "kecamatan")]


def test_tour_of_kabupaten_gives_one_meeting_per_stop() -> None:
    found = _meetings(
        "TPPS Provinsi Keliling\n\nTPPS Provinsi Nusa Kencana menggelar rapat koordinasi "
        "berkeliling. Rakor pertama berlangsung di Aula Setda Kabupaten Lembah Hijau, Senin "
        "(2/6/2025), disusul Kota Tirta Raya di Aula Balai Kota pada Rabu (4/6/2025).\n")
    assert [m["date"] for m in found] == ["2025-06-02", "2025-06-04"]
