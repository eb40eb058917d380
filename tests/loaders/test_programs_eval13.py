"""Programme readings a blind set of real releases from Sumatra and Jawa showed wrong
(issue 10, eval13): a launched name coined in capitals from its words out of order, the
KUA's pre-marriage guidance written in lower case, a heading's 'local innovation'. Own
sentences."""

from __future__ import annotations

from tests.loaders.program_helpers import links_in, programs_in

MEETING = ("Pemerintah Kabupaten Lahat menggelar rapat koordinasi TPPS di Aula Bappeda, "
           "Selasa (3/6/2025). ")


def test_a_launched_name_coined_out_of_order_keeps_its_expansion() -> None:
    found = programs_in("Dalam rakor itu juga diluncurkan Sistem Pendampingan Ibu Hamil dan "
                        "Balita yang Terpadu (SIMBAH TERPADU) oleh Sekda.")
    assert list(found) == ["SIMBAH TERPADU (Sistem Pendampingan Ibu Hamil dan Balita yang "
                           "Terpadu)"]


def test_capitals_out_of_order_without_a_launch_stay_apart() -> None:
    # an all-caps name must align strictly unless the text launches it (an office's or a
    # system's acronym reads this way as often)
    found = programs_in("Data dikirim melalui Sistem Pendampingan Ibu Hamil dan Balita yang "
                        "Terpadu (SIMBAH TERPADU) setiap bulan.")
    assert not any("(" in name for name in found)


def test_the_kua_guidance_in_lower_case_is_the_known_programme() -> None:
    links = links_in(MEETING + "Kepala KUA menyampaikan bahwa KUA memberikan bimbingan "
                     "perkawinan kepada setiap calon pengantin.")
    assert links.get("Bimwin") == {("KUA", "RUNS")}


def test_a_local_innovation_heading_names_no_programme() -> None:
    found = links_in(MEETING + "\n\nInovasi Lokal Lahat: Dua Gerakan\n\nKabupaten Lahat "
                     "menjalankan Gerakan Sayang Ibu Hamil (GERSIH) di semua desa.")
    assert not any(name.lower().startswith("lokal") for name in found)
    assert any("GERSIH" in name for name in found)
