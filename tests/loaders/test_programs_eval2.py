"""Programme rules of issue 10 (second blind set): acronym-plus-expansion pairs that are a
head's slogan, an organisation or a title, names run on after a designation, a national
movement written in lower case and a place-type initiative a rembuk agreed to. Sentences
are our own; each test fails when its rule (or the data row behind it) breaks."""

from __future__ import annotations

from tests.loaders.program_helpers import names_of, programs_in


def _programs(text: str) -> dict[str, list[str]]:
    return programs_in("Warga berkumpul di balai desa pada pagi hari.\n\n" + text)


def test_a_heads_vision_slogan_of_adjectives_is_no_programme() -> None:
    assert _programs("Rapat itu sejalan dengan visi gubernur mewujudkan provinsi yang "
                     "TANGGUH (Tertib, Aman, Nyaman, Guyub, Unggul, Harmonis).\n") == {}
    # no vision word before it: a comma list of bare adjectives is still a motto
    assert _programs("Kabupaten terus bergerak menuju daerah MAJU (Mandiri, Adil, Jujur, "
                     "Unggul) pada akhir periode.\n") == {}


def test_an_organisation_with_its_expansion_is_no_programme() -> None:
    assert _programs("Ambang yang dipakai mengikuti standar World Health Organization (WHO) "
                     "dan United Nations Children's Fund (UNICEF).\n") == {}
    assert _programs("Angka itu masih di atas batas WHO (World Health Organization).\n") == {}


def test_a_title_abbreviation_with_a_misspelt_expansion_is_no_programme() -> None:
    assert _programs("Rapat dibuka Wabup (Wakli Bupati) Luwu Timur di aula kantor.\n") == {}
    assert _programs("Hadir pula Wawali (Wakil Walikota) dan para camat.\n") == {}


def test_a_programme_named_in_a_consultants_designation_is_no_programme() -> None:
    found = _programs("Materi disampaikan Tenaga Ahli Program Inovasi Desa Rahmat Hidayat "
                      "di depan peserta.\n")
    assert found == {}
    found = _programs("Ikut hadir Konsultan Program Pembangunan dan Pemberdayaan Masyarakat "
                      "Desa (P3MD) Andi Saputra.\n")
    assert found == {}


def test_the_foster_parent_movement_in_lower_case_is_genting() -> None:
    found = _programs("Camat mengajak para pegawai ikut dalam gerakan orang tua asuh bagi "
                      "anak-anak yang berisiko stunting.\n")
    assert set(found) == {"GENTING"}
    # being a foster parent without the movement noun stays a generic intervention
    assert _programs("Setiap pegawai diminta menjadi orang tua asuh bagi satu anak.\n") == {}


def test_a_village_made_a_stunting_place_type_is_a_programme() -> None:
    found = _programs("Peserta rembuk sepakat menjadikan Desa Sukamaju sebagai desa edukasi "
                      "stunting mulai tahun depan.\n")
    assert "desa edukasi stunting" in names_of(found)
    found = _programs("\"Kami ingin kampung ini dijadikan kampung peduli stunting,\" ujar "
                      "kepala kampung.\n")
    assert "kampung peduli stunting" in names_of(found)
    # a locus or priority designation is no initiative
    assert _programs("Desa Sukamaju ditetapkan sebagai desa lokus stunting tahun ini.\n") == {}


def test_a_si_name_right_after_a_venue_word_is_the_halls_name() -> None:
    assert _programs("Rakor digelar di Pendapa Si Panji pada pagi hari.\n") == {}
    # a Si- programme elsewhere is still read
    assert "Si Bening" in _programs("Dinkes menjalankan inovasi Si Bening di setiap desa.\n")
