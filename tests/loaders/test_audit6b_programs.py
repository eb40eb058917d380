"""Audit of guide §6 (issue 10, x10-audit6b), in sentences written for these tests: a
distributive programme name ('Satu Desa Satu ...') keeps its tier word, and a person made a
foster parent names no programme (decided)."""

from __future__ import annotations

from tests.loaders.program_helpers import programs_in

KAB = "Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS, Rabu (5/11/2025). "


# a programme named 'Satu <tier> Satu <X>' keeps its tier word (guide §6.1)

def test_a_distributive_programme_name_keeps_its_tier_word() -> None:
    found = programs_in(KAB + "Bupati mencanangkan Program Satu Desa Satu Ahli Gizi mulai "
                        "tahun depan.")
    assert list(found) == ["Satu Desa Satu Ahli Gizi"]


def test_a_place_after_a_programme_name_is_still_cut_off() -> None:
    found = programs_in(KAB + "Dinkes memaparkan program Insting Kabupaten Lembah Hijau.")
    assert list(found) == ["Insting"]


# decided: a person made a foster parent is that person's title, not the BAAS programme
# (guide §6.2: orang tua asuh as a concept and personal titles are no programmes); BAAS
# counts when the text runs the programme itself

def test_a_person_crowned_foster_parent_names_no_programme() -> None:
    assert programs_in(KAB + "Camat Sukaluyu dinobatkan sebagai Bapak Asuh Anak Stunting "
                       "dalam rapat tersebut.") == {}
    assert "BAAS" in programs_in(KAB + "Rapat menguatkan program Bapak Asuh Anak Stunting "
                                 "(BAAS) di setiap desa.")
