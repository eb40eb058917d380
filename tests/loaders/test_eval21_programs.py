"""Programmes and programme links that two blind sets of real releases (eval21, issue 10)
showed wrong: BPNT (Bantuan Pangan Non Tunai) is a named national social-assistance
programme like PKH; an English 'Project' before a capitalised name is a partner's named
project; an institution named only as the source of data ('berdasarkan data Dinas Sosial')
does not run a programme the same sentence names (run_by only when the text says so); a
'Baca lainnya:' line links another story and gives no programme. Own sentences, invented
names."""

from __future__ import annotations

from tests.loaders.program_helpers import links_in, names_of, programs_in

_HELD = ("Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS di aula kantor "
         "bupati, Senin (3/3/2025). ")


def test_bpnt_is_a_programme() -> None:
    found = programs_in("Keluarga dengan balita stunting diusulkan menerima bantuan BPNT "
                        "tahun ini.")
    assert "bpnt" in names_of(found)


def test_the_expanded_bpnt_is_a_programme() -> None:
    found = programs_in("Keluarga miskin akan menerima Bantuan Pangan Non Tunai mulai bulan "
                        "depan.")
    assert "bantuan pangan non tunai" in names_of(found)


def test_an_english_project_name_is_a_programme() -> None:
    found = programs_in("Rapat itu didampingi Project Sehat-Maluku, mitra pembangunan yang "
                        "bekerja di tiga kabupaten.")
    assert "project sehat-maluku" in names_of(found)


def test_a_lowercase_project_is_no_programme_noun() -> None:
    found = programs_in("Dana itu dipakai untuk project Pembangunan Jalan Desa.")
    assert "pembangunan jalan desa" not in names_of(found)


def test_an_office_cited_for_its_data_runs_nothing() -> None:
    links = links_in(_HELD + "Menurut data Dinas Sosial, ada 40 keluarga balita stunting "
                     "yang sudah menerima PKH.")
    assert ("DINSOS", "RUNS") not in links.get("PKH", set())


def test_an_office_in_the_sentence_still_runs_its_usual_programme() -> None:
    links = links_in(_HELD + "Dinas Sosial menyalurkan PKH kepada 40 keluarga balita "
                     "stunting.")
    assert ("DINSOS", "RUNS") in links.get("PKH", set())


def test_a_read_other_stories_line_gives_no_programme() -> None:
    found = programs_in("Rapat membahas pendampingan keluarga.\n"
                        "Baca lainnya : Pemkab Lembah Hijau Luncurkan Aplikasi SIGESIT, "
                        "Percepat Layanan Surat\n"
                        "Rapat ditutup oleh sekretaris daerah.")
    assert "sigesit" not in names_of(found)
