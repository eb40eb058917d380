"""Institution types and programme links that three blind sets of real releases (eval19,
issue 10) showed missed or wrongly added: a kecamatan's functional staff sent to a meeting,
the KB unit of the family-planning office named on its own, the members of a team formed as
an outcome of the meeting, and innovations said to be done by a body 'berupa' a name.
Own sentences, invented officials."""

from __future__ import annotations

from typing import Any

from tests.loaders.extract_helpers import attendee_types, release_json


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
