"""Meetings the extractor used to miss (issue 10, item 2): meeting names outside the old
cues, a topic written as KRS / Bangga Kencana instead of 'stunting', a page-2 fragment
that only points back at the meeting, an attendee list read as a definition; and what
must not be a meeting: a room named 'Ruang Rapat'. A credit closing the last paragraph
('(ped/rel)') no longer drops that paragraph."""

from __future__ import annotations

from typing import Any

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import Gazetteer

TREE = [
    {"code": "P", "name": "Nusa Kencana", "level": "province", "zone": "WITA"},
    {"code": "K", "name": "Kabupaten Lembah Hijau", "level": "kabkota", "parent": "P"},
    {"code": "C", "name": "Sukaluyu", "level": "kecamatan", "parent": "K"},
]


def _run(text: str) -> Any:
    return extract(parse("t.txt", text), Gazetteer.from_regions(TREE))


def _meeting(text: str) -> dict[str, Any]:
    return _run(text).meeting or {}


def test_a_room_named_ruang_rapat_is_no_meeting() -> None:
    text = ("Dinas Kesehatan Kabupaten Lembah Hijau membagikan makanan tambahan bagi balita "
            "stunting di Ruang Rapat Setda Kabupaten Lembah Hijau, Rabu (8/10/2025), "
            "dihadiri para kader posyandu.\nBantuan berupa telur dan susu.")
    assert _run(text).meeting is None


def test_a_forum_koordinasi_is_a_meeting_and_its_room_gives_no_second_cue() -> None:
    text = ("Perwakilan BKKBN Provinsi Nusa Kencana menggelar Forum Koordinasi Percepatan "
            "Penurunan Stunting di Ruang Rapat Bappeda Kabupaten Lembah Hijau, Senin "
            "(6/10/2025).\nForum dibuka Kepala Bappeda.")
    m = _meeting(text)
    assert m["family"] == "coordination" and m["title"].startswith("Forum Koordinasi")
    assert m["date"] == "2025-10-06"


def test_a_misspelt_lokarya_mini_is_a_workshop() -> None:
    text = ("Camat Sukaluyu membuka Lokarya Mini Stunting di Aula Kantor Camat Sukaluyu, "
            "Kamis (9/10/2025), diikuti bidan desa dan kader.")
    assert _meeting(text)["family"] == "workshop"


def test_a_session_of_a_convergence_action_is_a_meeting() -> None:
    text = ("Bappeda Kabupaten Lembah Hijau melaksanakan Aksi 2 Konvergensi, penyusunan "
            "rencana kegiatan, di Aula Bappeda, Selasa (7/10/2025), dihadiri OPD terkait.")
    m = _meeting(text)
    assert m["title"].startswith("Aksi Konvergensi") and m["date"] == "2025-10-07"


def test_a_meeting_on_families_at_risk_needs_no_word_stunting() -> None:
    text = ("Kepala Perwakilan BKKBN Provinsi Nusa Kencana menyampaikan hal itu saat "
            "memberikan arahan dipertemuan akselerasi capaian program Bangga Kencana dan "
            "penanganan KRS di Kota Lama. Jumat (10/10/2025).\nIa meminta OPD KB bergerak cepat.")
    assert _meeting(text)["date"] == "2025-10-10"


def test_a_page_two_fragment_pointing_back_at_the_rakor_is_a_meeting() -> None:
    text = ("Ia berharap angka stunting di Kabupaten Lembah Hijau terus turun.\n"
            "Dalam rakor tersebut, para peserta dari kecamatan melaporkan data balita.")
    assert _run(text).meeting is not None


def test_an_attendee_list_after_adalah_is_no_definition() -> None:
    text = ("Ia berharap angka stunting di Kabupaten Lembah Hijau terus turun.\n"
            "Peserta Rakor TPPS ini adalah para camat, kepala puskesmas dan lurah "
            "se-Kabupaten Lembah Hijau.")
    assert _run(text).meeting is not None
    explainer = ("Rakor TPPS adalah forum tahunan kabupaten untuk menyepakati intervensi "
                 "stunting.\nForum itu diatur dalam peraturan bupati.")
    assert _run(explainer).meeting is None


def test_a_credit_closing_the_last_paragraph_keeps_the_paragraph() -> None:
    text = ("Pemerintah Kabupaten Lembah Hijau menggelar Rakor TPPS di Aula Bappeda, "
            "Rabu (8/10/2025).\nRakor dibuka Bupati.\n"
            "Rakor diikuti oleh sekitar 150 peserta dari OPD dan kecamatan. (ped/rel)")
    doc = parse("t.txt", text)
    assert any("150 peserta" in s.text and "(ped/rel)" not in s.text for s in doc.sentences)
    r = _run(text)
    assert any(f["what"] == "participants" and f["value"] == 150 for f in r.figures)
    only_credit = parse("t.txt", "Rakor dibuka Bupati.\n(ped/rel)")
    assert all("ped/rel" not in s.text for s in only_credit.sentences)


def test_monitoring_dan_evaluasi_written_out_is_a_monev() -> None:
    # the room's 'Rapat' no longer stands in for the meeting: the written-out monev must
    text = ("TPPS Kabupaten Lembah Hijau menggelar monitoring dan evaluasi di Ruang Rapat "
            "Bappeda Kabupaten Lembah Hijau, Rabu (8/10/2025). Kegiatan dibuka Wakil Bupati.")
    m = _meeting(text)
    assert m["family"] == "evaluation" and m["date"] == "2025-10-08"


def test_a_credit_followed_by_stars_is_cut_off_too() -> None:
    doc = parse("t.txt", "Rakor dibuka Bupati.\nPesertanya sekitar 90 orang dari OPD. (Rep/rls)***")
    assert any("90 orang" in s.text and "rls" not in s.text for s in doc.sentences)
