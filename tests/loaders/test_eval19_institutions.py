"""Institution types and programme links that three blind sets of real releases (eval19,
issue 10) showed missed or wrongly added: a kecamatan's functional staff sent to a meeting,
the KB unit of the family-planning office named on its own, the members of a team formed as
an outcome of the meeting, a village head who speaks with 'mengakui', and a company that
presents its initiative through its CSR officer.
Own sentences, invented officials."""

from __future__ import annotations

from typing import Any

from tests.loaders.extract_helpers import attendee_types, release_json
from tests.loaders.program_helpers import links_in


def _release(body: str, dateline: str = "contoh.id, 14 Oktober 2025") -> dict[str, Any]:
    return release_json(body, dateline)


_types = attendee_types


# -- a kecamatan's staff written with their functional post ---------------------------------

def test_functional_staff_of_a_kecamatan_bring_the_kecamatan() -> None:
    r = _release("Staf Fungsional Kecamatan Depok, Ani Lestari, menghadiri rapat koordinasi "
                 "Tim Percepatan Penurunan Stunting Kabupaten Sleman di ruang rapat Bappeda, "
                 "Selasa (14/10/2025).")
    assert "KECAMATAN" in _types(r)


# -- the KB unit of the family-planning office ---------------------------------------------

def test_the_kb_unit_named_alone_is_the_family_planning_office() -> None:
    r = _release("Audit kasus stunting tingkat Kecamatan Depok digelar pada Selasa (14/10/2025) "
                 "dan dibuka oleh Camat Depok. Kegiatan dihadiri oleh Bidang KB, petugas "
                 "Puskesmas Depok 1 dan para kader.")
    assert "DINAS_KB" in _types(r)


def test_the_kb_and_reproductive_health_unit_is_not_the_kb_office() -> None:
    r = _release("Audit kasus stunting tingkat Kecamatan Depok digelar pada Selasa (14/10/2025) "
                 "dan dibuka oleh Camat Depok. Kegiatan dihadiri oleh Bidang KB dan KR "
                 "Perwakilan BKKBN Provinsi DI Yogyakarta.")
    assert "DINAS_KB" not in _types(r)


# -- the members of a team formed as an outcome (guide 5.3) --------------------------------

_HELD = ("Dinas Kesehatan Kabupaten Sleman menggelar rembuk stunting di aula Kecamatan Depok, "
         "Selasa (14/10/2025), dibuka oleh Wakil Bupati Sleman. ")


def test_the_members_of_a_team_formed_at_the_meeting_are_not_attendees() -> None:
    r = _release(_HELD + "Rembuk menghasilkan dua kesepakatan. Pertama, dibentuk tim pendataan "
                 "bersama: melibatkan petugas dari kecamatan, puskesmas dan PKB, di bawah "
                 "arahan Camat Depok.")
    assert not {"KECAMATAN", "PUSKESMAS", "PLKB"} & _types(r)
    assert {"DINKES", "PEMDA"} <= _types(r)


def test_a_meeting_that_involves_bodies_still_has_them_attend() -> None:
    r = _release(_HELD + "Rembuk ini melibatkan Camat Depok, Kepala Puskesmas Depok 1 dan PKB.")
    assert {"KECAMATAN", "PUSKESMAS", "PLKB"} <= _types(r)


# -- a speaker who 'admits' or 'sets out' speaks at the meeting ---------------------------

def test_a_village_head_who_admits_something_speaks_at_the_meeting() -> None:
    r = _release("Pemerintah Kecamatan Depok menggelar rapat koordinasi stunting di Kantor Desa "
                 "Caturtunggal, Selasa (14/10/2025). Kepala Desa Caturtunggal, Budi Santoso, "
                 "mengakui data balita di desanya belum diperbarui sejak tahun lalu.")
    assert "DESA" in _types(r)


# -- a body presenting its initiative through its officer ---------------------------------

_RAKOR = ("Pemerintah Kecamatan Depok menggelar rapat koordinasi stunting di aula kecamatan, "
          "Selasa (14/10/2025). ")


def test_a_company_presenting_its_initiative_through_its_officer_runs_it() -> None:
    found = links_in(_RAKOR + "Sementara itu, PT Sinartani, melalui Manajer CSR Dewi Anggraini, "
                     "memaparkan inisiatif \u201cSIMAS\u201d (Gerakan Sinar Mandiri Atasi "
                     "Stunting) yang berjalan di tiga desa binaan.")
    assert ("BUSINESS", "RUNS") in {link for links in found.values() for link in links}


def test_a_whole_name_after_the_presenting_verb_names_no_runner() -> None:
    found = links_in(_RAKOR + "Kepala Dinas Kesehatan memaparkan Gerakan Ayah Teladan Indonesia "
                     "(GATI) yang mulai dikenalkan di tiga desa.")
    assert not {link for links in found.values() for link in links}
