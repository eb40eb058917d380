"""Institution types that three blind sets of real releases (eval20, issue 10) showed missed
or wrongly added: the commander of a Koramil post, an office's part in the stunting team
described by a speaker, a village-heads' association spelt with a double s, and a kabupaten
whose name is also a village officer's title.
Own sentences, invented officials."""

from __future__ import annotations

from typing import Any

from tests.loaders.extract_helpers import attendee_types, release_json


def _release(body: str, dateline: str = "contoh.id, 9 September 2025") -> dict[str, Any]:
    return release_json(body, dateline)


_types = attendee_types

_LOKMIN = ("Puskesmas Sumber Rejeki menggelar minilokakarya lintas sektor stunting di aula "
           "puskesmas, Selasa (9/9/2025), dibuka oleh Camat Gerung. ")


# -- a Koramil post and its commander (Danposramil, Posramil) ------------------------------

def test_the_commander_of_a_koramil_post_brings_the_koramil() -> None:
    r = _release(_LOKMIN + "Hadir pula Danposramil Gerung, Peltu Made Arsa, dan Kapolsek Gerung.")
    assert "KORAMIL" in _types(r)


def test_a_koramil_post_brings_the_koramil() -> None:
    r = _release(_LOKMIN + "Kegiatan diikuti anggota Posramil Gerung dan para kader posyandu.")
    assert "KORAMIL" in _types(r)


# -- an office's part in the team (guide 5.3: a membership description) --------------------

def test_an_offices_part_in_the_team_is_not_the_team_taking_part() -> None:
    r = _release("Rembuk Stunting Kecamatan Kediri digelar oleh Dinas Sosial Kabupaten Tabanan "
                 "di ruang rapat Kantor Camat Kediri, Rabu (10/9/2025). Acara ini dihadiri "
                 "perwakilan Dinas Kesehatan. Dinas PMD Kabupaten Tabanan juga turut menjadi "
                 "narasumber. Analis Sosial, Putu Gede, memaparkan pentingnya data keluarga. "
                 "Ia kemudian menguraikan peran Dinas Sosial dalam Tim Percepatan "
                 "Penurunan Stunting Kabupaten Tabanan dan mengingatkan soal Posyandu.")
    assert "TPPS" not in _types(r)
    assert {"DINSOS", "DPMD"} <= _types(r)


def test_the_team_that_holds_the_meeting_still_counts() -> None:
    r = _release("Tim Percepatan Penurunan Stunting Kabupaten Tabanan menggelar rapat koordinasi "
                 "di aula Bappeda, Rabu (10/9/2025), dibuka oleh Sekda Tabanan.")
    assert "TPPS" in _types(r)


# -- a village-heads' association misspelt ---------------------------------------------------

def test_a_village_heads_association_spelt_with_double_s_is_not_the_desa() -> None:
    r = _release(_LOKMIN + "Hadir Kapolsek Gerung, Ketua Assosiasi Kepala Desa Kecamatan "
                 "Gerung dan Ketua TP PKK Kecamatan.")
    assert "DESA" not in _types(r)
    assert "PKK" in _types(r)


# -- Kaur: a Bengkulu kabupaten and a village officer's title -------------------------------

def test_kaur_after_a_bodys_name_is_the_kabupaten_not_a_village_officer() -> None:
    r = _release("Camat Maje menggelar mini lokakarya stunting tingkat kecamatan di balai "
                 "penyuluhan KB, Kamis (11/9/2025). Hadir Danramil, Kapolsek dan petugas "
                 "BKKBN Kaur, serta Ketua TP PKK.")
    assert "DESA" not in _types(r)


def test_a_village_officer_with_his_portfolio_is_still_the_desa() -> None:
    r = _release(_LOKMIN + "Hadir Sekdes Banyu Urip dan Kaur Perencanaan Desa Banyu Urip.")
    assert "DESA" in _types(r)


# -- the head of religious affairs written without 'Kantor' ---------------------------------

def test_the_head_of_religious_affairs_is_the_kua() -> None:
    r = _release(_LOKMIN + "Acara dihadiri Camat, Kepala Puskesmas, Koordinator PLKB, Kepala "
                 "Urusan Agama, Danramil dan Kapolsek.")
    assert "KUA" in _types(r)


# -- a village stunting team under another name (guide 1.1: called the stunting team) ------

def test_the_villages_stunting_management_team_is_the_tpps() -> None:
    r = _release(_LOKMIN + "Turut hadir Tim Pengelola Stunting dari Desa Banyu Urip dan Desa "
                 "Sekotong serta perwakilan TP PKK Kecamatan.")
    assert "TPPS" in _types(r)
