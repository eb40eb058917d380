"""Institution types that two blind sets of real releases (eval17, issue 10) showed missed or
wrongly added: the partners of a later step, the companions a rule requires, an office that
holds the meeting 'bersama' another, a women/child office merged with population
administration, the chair of the team written in the team's own form, a companion named
between a subject and its verb, a speaker talking to the press, and a title with one stray
letter. Own sentences, invented officials."""

from __future__ import annotations

from typing import Any

from loaders.articles.typos import Respeller
from tests.loaders.extract_helpers import attendee_types, release_json


def _release(body: str, dateline: str = "contoh.id, 14 Oktober 2025") -> dict[str, Any]:
    return release_json(body, dateline)


_types = attendee_types


def _roles(r: dict[str, Any], kind: str) -> set[str]:
    [m] = r["meetings"]
    return {role for a in m["attendees"] if a["type"] == kind for role in a["roles"]}


_HELD = ("Pemerintah Kabupaten Sleman menggelar rapat koordinasi percepatan penurunan stunting "
         "di aula Bappeda, Selasa (14/10/2025), dihadiri para camat dan kepala puskesmas. ")


# -- a later step and its partners are no attendance (guide 5.3) ---------------------------

def test_the_partners_of_a_later_step_are_not_attendees() -> None:
    r = _release(_HELD + "Ke depan, pembinaan akan dilakukan bertahap sampai ke tingkat desa, "
                 "dengan dukungan kolaborasi bersama akademisi dan sektor swasta.")
    assert not {"UNIVERSITY", "BUSINESS"} & _types(r)
    assert {"KECAMATAN", "PUSKESMAS"} <= _types(r)


def test_partners_named_with_bersama_at_the_meeting_still_attend() -> None:
    r = _release(_HELD + "Rapat berlangsung bersama akademisi dan sektor swasta.")
    assert {"UNIVERSITY", "BUSINESS"} <= _types(r)


def test_the_companions_a_rule_requires_are_not_attendees() -> None:
    r = _release(_HELD + "Menurut Kepala Dinas Kesehatan, aturan baru itu mengatur bahwa setiap "
                 "ibu hamil diwajibkan memeriksakan kandungan yang didampingi oleh Tim "
                 "Pendamping Keluarga, Bhabinkamtibmas dan kader.")
    assert not {"TPK", "BHABINKAMTIBMAS"} & _types(r)


# -- two offices that hold the meeting together --------------------------------------------

def test_an_office_holding_the_meeting_bersama_another_organises_it_too() -> None:
    r = _release("Dinas Pengendalian Penduduk dan Keluarga Berencana (DPPKB) Kabupaten Sleman "
                 "bersama Bappeda Kabupaten Sleman menggelar rapat koordinasi TPPS di aula "
                 "Bappeda, Selasa (14/10/2025), dihadiri para penyuluh KB.")
    assert "organiser" in _roles(r, "DINAS_KB")
    assert "organiser" in _roles(r, "BAPPEDA")


# -- forms ---------------------------------------------------------------------------------

def test_a_women_and_child_office_with_population_administration_is_dp3a() -> None:
    r = _release("Pemerintah Provinsi Jawa Timur menggelar rapat koordinasi TPPS tingkat "
                 "provinsi, Selasa (14/10/2025), dihadiri Bappeda, DP3AK dan Dinas Kesehatan.")
    assert "DP3A" in _types(r)
    assert "DINAS_KB" not in _types(r)


def test_the_vice_head_also_chairing_the_team_gives_the_team_too() -> None:
    r = _release("Pemerintah Kabupaten Sleman menggelar rapat koordinasi stunting di pendopo, "
                 "Selasa (14/10/2025). Kegiatan dibuka oleh Wakil Bupati Sleman, Danu Prasetya, "
                 "yang juga menjabat sebagai Ketua Tim Percepatan Penurunan Stunting daerah.")
    assert {"PEMDA", "TPPS"} <= _types(r)


# -- a companion between a subject and its verb ----------------------------------------------

def test_the_head_accompanied_by_the_pkk_chair_is_the_one_who_chairs() -> None:
    r = _release("Bupati Sleman, Danu Prasetya, didampingi oleh Ketua TP PKK Rina Lestari, "
                 "memimpin langsung rembuk stunting yang digelar di aula Bappeda, Selasa "
                 "(14/10/2025).")
    assert "chair" in _roles(r, "PEMDA")
    assert _roles(r, "PKK") == {"participant"}


# -- a speaker talking to the press ----------------------------------------------------------

def test_a_camat_speaking_to_the_press_does_not_present() -> None:
    r = _release("Rembuk stunting desa di Kecamatan Depok digelar di balai desa, Selasa "
                 "(14/10/2025), dihadiri kader posyandu. \"Semua usulan sudah masuk daftar "
                 "rencana desa,\" terang Camat Depok Bagus Santoso, S.IP., M.Si. siang ini "
                 "kepada media ini.")
    assert "KECAMATAN" not in _types(r)


def test_a_camat_speaking_to_the_press_after_opening_still_took_part() -> None:
    r = _release("Rembuk stunting desa di Kecamatan Depok digelar di balai desa, Selasa "
                 "(14/10/2025), dihadiri kader posyandu. \"Semua usulan sudah masuk daftar "
                 "rencana desa,\" terang Camat Depok kepada wartawan usai membuka rembuk.")
    assert "KECAMATAN" in _types(r)


# -- a title with one stray letter -----------------------------------------------------------

def test_a_title_with_one_stray_letter_is_read_as_the_title() -> None:
    words = Respeller(["danramil", "puskesmas"])
    assert words.canonical("Dandramil") == "danramil"
    assert words.canonical("Puskesmsas") == "puskesmas"
    assert words.canonical("Xdanramil") is None  # never before the first letter


def test_a_misspelt_danramil_attends() -> None:
    r = _release(_HELD.replace("para camat dan kepala puskesmas",
                               "para camat, kepala puskesmas serta perwakilan Dandramil"))
    assert "KORAMIL" in _types(r)
