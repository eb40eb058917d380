"""Programme readings a blind set of real releases from across the country showed wrong
(issue 10, eval16): an official's name closed by a degree with their initials in brackets,
a region's vision motto, a local theme coined over a national acronym, a partner named
beside a government, and a programme an official welcomes. Own sentences."""

from __future__ import annotations

from tests.loaders.program_helpers import links_in, programs_in

MEETING = ("Pemerintah Kabupaten Lahat menggelar rapat koordinasi TPPS di Aula Bappeda, "
           "Selasa (3/6/2025). ")


def test_a_name_closed_by_a_degree_with_initials_is_a_person() -> None:
    found = programs_in("Rakor dibuka langsung oleh Bupati Lahat Rahmat Andika Putra SH (RAP) "
                        "di ruang rapat lantai dua.")
    assert found == {}


def test_a_name_closed_by_two_degrees_is_a_person_too() -> None:
    found = programs_in("Materi dipaparkan Kepala Dinas Kesehatan Sari Wulandari SKM, MKes "
                        "(SW) kepada para camat.")
    assert found == {}


def test_a_regions_motto_of_qualities_is_its_vision() -> None:
    found = programs_in("Rakor ini menjadi langkah bersama menuju Tapanuli Selatan Sehat, Cerdas, "
                        "dan Sejahtera (Setara) pada akhir masa jabatan.")
    assert found == {}


def test_a_motto_that_opens_with_no_place_still_names_a_programme() -> None:
    # the place rule needs a region before the qualities; an action heads this name
    found = programs_in("Dinas Kesehatan menjalankan Gerakan Ibu Sehat, Cerdas, dan Ceria "
                        "(GISCA) di tiap desa.")
    assert any("GISCA" in name for name in found)


def test_a_local_theme_coined_over_a_national_acronym_is_kept_beside_it() -> None:
    found = programs_in("Kepala Dinas menyebut tema kegiatan, yakni SIAGA GENTING (Sinergi Aksi "
                        "Gotong Royong Atasi Stunting). Warga juga diajak menjadi orang tua "
                        "asuh melalui program GENTING.")
    assert "GENTING" in found
    assert any(name.startswith("SIAGA GENTING") for name in found)


def test_the_national_acronym_alone_is_still_the_national_programme() -> None:
    found = programs_in("Camat mengajak ASN ikut program GENTING (Gerakan Orang Tua Asuh Cegah "
                        "Stunting) tahun ini.")
    assert list(found) == ["GENTING"]


def test_partners_named_beside_a_government_support_nothing() -> None:
    links = links_in(MEETING + "Rakor bertujuan menguatkan peran Pemerintah Daerah serta mitra "
                     "kerja melalui Gerakan Orang Tua Asuh Cegah Stunting.")
    assert links.get("GENTING", set()) == set()


def test_a_body_serving_as_a_partner_still_supports() -> None:
    links = links_in(MEETING + "Baznas Kabupaten Lahat sebagai mitra program GENTING "
                     "menyalurkan paket gizi.")
    assert ("BAZNAS", "SUPPORTS") in links.get("GENTING", set())


def test_an_official_welcoming_a_programme_supports_it() -> None:
    links = links_in(MEETING + "Sekda Lahat menyambut baik Program Makan Bergizi Gratis (MBG) "
                     "dari pemerintah pusat.")
    assert ("PEMDA", "SUPPORTS") in links.get("MBG", set())
