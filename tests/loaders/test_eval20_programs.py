"""Programmes and programme links that three blind sets of real releases (eval20, issue 10)
showed missed: a plan's list line that founds a named thing, under a heading that is no
programme noun (its bullets lost in copying).
Own sentences, invented names."""

from __future__ import annotations

from tests.loaders.program_helpers import links_in, names_of, programs_in

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


# -- a programme launched at the meeting is run by the office that holds the event ---------

def test_a_launch_joined_to_the_meeting_is_run_by_its_executing_office() -> None:
    links = links_in("Wakil Bupati Blora menghadiri Rembuk Stunting sekaligus Launching "
                     "Gerakan Piring Sehat Keluarga (Gerpis), Senin (8/9/2025), di Pendopo "
                     "Kabupaten Blora. Acara yang digelar oleh DP3AP2KB Blora itu juga dihadiri "
                     "Kepala Dinas Kesehatan. Dalam laporannya, Sekda Blora menyampaikan tujuan "
                     "kegiatan.")
    (runs,) = [v for k, v in links.items() if "Gerpis" in k or "Piring" in k]
    assert runs == {("DINAS_KB", "RUNS")}


def test_a_launch_not_joined_to_the_meeting_ties_no_organiser() -> None:
    links = links_in("DP3AP2KB Blora menggelar Rembuk Stunting di Pendopo Kabupaten Blora, Senin "
                     "(8/9/2025). Kepala Dinas Kesehatan memaparkan data. Bulan lalu Kementerian "
                     "Sosial mengumumkan peluncuran Gerakan Piring Sehat Keluarga (Gerpis).")
    assert all(("DINAS_KB", "RUNS") not in v for v in links.values())
