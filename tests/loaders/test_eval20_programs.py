"""Programmes and programme links that three blind sets of real releases (eval20, issue 10)
showed missed: a plan's list line that founds a named thing, under a heading that is no
programme noun (its bullets lost in copying).
Own sentences, invented names."""

from __future__ import annotations

from tests.loaders.program_helpers import names_of, programs_in

_PLAN = ("Rembug stunting Desa Sukamaju menyusun rencana aksi.\n"
         "Rencana Penanganan\n"
         "Untuk Balita:\n")


# -- a plan's line that founds a named thing (guide 6.1: programmes the meeting proposes) ---

def test_a_plan_line_founding_a_named_thing_is_a_programme() -> None:
    found = programs_in(_PLAN + "Penyuluhan PHBS (Perilaku Hidup Bersih dan Sehat)\n"
                        "Pendirian Gerai Telur Bersama\n"
                        "Kunjungan rumah rutin\n")
    assert "gerai telur bersama" in names_of(found)


def test_a_bulleted_founding_line_is_a_programme() -> None:
    found = programs_in("Rembug stunting Desa Sukamaju menyusun rencana aksi.\n"
                        "- Pembentukan Warung Gizi Keluarga\n")
    assert "warung gizi keluarga" in names_of(found)


def test_a_founding_in_prose_is_no_list_line() -> None:
    found = programs_in("Rembug stunting Desa Sukamaju menyusun rencana aksi. Kepala desa "
                        "menyampaikan bahwa rapat sudah selesai.\n"
                        "Pembentukan Warung Gizi Keluarga akan dibahas bulan depan.\n")
    assert "warung gizi keluarga" not in names_of(found)


def test_a_founded_body_is_no_programme() -> None:
    found = programs_in(_PLAN + "Pembentukan Tim Pendamping Keluarga\n")
    assert "tim pendamping keluarga" not in names_of(found)
