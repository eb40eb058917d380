"""Programme recall (issue 10, x10-prog12, guide §6.1-6.3), in sentences written for these
tests: national programmes known by other names, short names coined from a source phrase
('singkatan dari'), names told after 'inovasi ... adalah / diberi nama', names that run on
through 'ke' to a service place, quoted names kept whole, kampung initiatives named after a
topic of care, and what stays out (a data system's 'Rumah DataKu', a village 'Kampung X')."""

from __future__ import annotations

from tests.loaders.program_helpers import names_of, programs_in

KAB = "Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS, Rabu (5/11/2025). "


# national programmes under other names (programs.csv)

def test_dapur_sehat_antisipasi_stunting_is_dashat() -> None:
    found = programs_in(KAB + "Wabup meresmikan Dapur Sehat Antisipasi Stunting di balai desa.")
    assert list(found) == ["DASHAT"]


def test_kampung_kb_written_in_lower_case() -> None:
    found = programs_in(KAB + "Dinas membentuk kampung keluarga berkualitas di sebelas desa.")
    assert list(found) == ["Kampung KB"]


def test_national_programmes_named_without_a_trigger() -> None:
    found = programs_in(KAB + "Puskesmas melaksanakan Aksi Bergizi bagi remaja putri, dan "
                        "warga mengikuti Cek Kesehatan Gratis di aula kecamatan.")
    assert set(found) == {"Aksi Bergizi", "CKG"}


def test_a_camel_case_campaign_with_its_expansion() -> None:
    found = programs_in(KAB + "Kominfo mengampanyekan GenBest atau Generasi Bersih dan Sehat.")
    assert list(found) == ["GenBest"]


def test_hatinya_pkk_with_its_expansion() -> None:
    found = programs_in(KAB + "TP PKK menggiatkan HATINYA PKK (Halaman Asri Teratur Indah dan "
                        "Nyaman) di pekarangan rumah warga.")
    assert list(found) == ["HATINYA PKK"]


# an acronym whose expansion opens with 'Ibu' plus a quality is a programme, not a person

def test_ibu_hebat_expansion_is_no_honorific() -> None:
    found = programs_in(KAB + "Bupati mengapresiasi Ibu Hebat Peduli Stunting (IHPS) yang "
                        "digagas TP PKK.")
    assert "ihps" in names_of(found)
    assert programs_in(KAB + "Rapat dibuka oleh Ibu Sulastri (IS) selaku ketua.") == {}


# a short name and the phrase it was coined from ('singkatan dari', 'kependekan dari')

def test_short_name_said_to_stand_for_an_expansion() -> None:
    found = programs_in(KAB + "Dinkes memperkenalkan Geber Stunting, singkatan dari Gerakan "
                        "Bersama Berantas Stunting.")
    assert list(found) == ["Geber Stunting (Gerakan Bersama Berantas Stunting)"]


def test_short_name_after_a_programme_noun_with_merupakan_singkatan() -> None:
    found = programs_in(KAB + "Program Sapu Jagat yang merupakan kependekan dari Sapa Ibu "
                        "Jaga Gizi Anak Tercinta dilaksanakan di sepuluh desa.")
    assert list(found) == ["Sapu Jagat (Sapa Ibu Jaga Gizi Anak Tercinta)"]


def test_a_place_said_to_stand_for_something_is_no_programme() -> None:
    assert programs_in(KAB + "Warga menyebut Kecamatan Sukamaju, singkatan dari Suka Maju "
                       "Bersama, sebagai lumbung padi.") == {}


# the name told after 'inovasi ... adalah' or 'inovasi tersebut diberi nama'

def test_name_after_a_relative_clause_and_adalah() -> None:
    found = programs_in(KAB + "Salah satu inovasi yang dijalankan adalah Cap Jempol yang "
                        "digagas Kepala DPPKB.")
    assert list(found) == ["Cap Jempol"]


def test_name_after_a_demonstrative_and_diberi_nama() -> None:
    found = programs_in(KAB + "Inovasi tersebut diberi nama Laskar Gizi oleh para kader.")
    assert list(found) == ["Laskar Gizi"]


def test_adalah_needs_the_relative_clause() -> None:
    # 'program ... adalah' with no clause between is a definition, not a naming
    assert programs_in(KAB + "Menurutnya program adalah Tanggung Jawab Bersama.") == {}


# a name running on through 'ke' to a service place

def test_a_movement_runs_on_to_the_posyandu() -> None:
    found = programs_in(KAB + "Bupati meminta OPD menyukseskan Gerakan Kembali ke Posyandu.")
    assert list(found) == ["Gerakan Kembali ke Posyandu"]


def test_ke_before_an_office_ends_the_name() -> None:
    found = programs_in(KAB + "Ia melaporkan Program Sapa Bumil ke Bupati Lembah Hijau.")
    assert list(found) == ["Sapa Bumil"]


# a name closed by quotes keeps its last word even when it is a tier word

def test_a_quoted_name_keeps_its_tier_word() -> None:
    found = programs_in(KAB + 'Inovasi itu dinamakan "Lumbung Gizi Desa" oleh warga.')
    assert list(found) == ["Lumbung Gizi Desa"]


def test_an_unquoted_name_still_loses_its_place() -> None:
    found = programs_in(KAB + "Inovasi itu dinamakan Lumbung Gizi Desa Mekarsari.")
    assert list(found) == ["Lumbung Gizi"]


# a kampung named after a topic of care is an initiative, other kampung are villages

def test_kampung_named_after_a_topic_of_care() -> None:
    found = programs_in(KAB + "Desa Mekarsari memiliki Kampung Gizi dan Kampung Sayur yang "
                        "dikelola kader PKK.")
    assert set(found) == {"Kampung Gizi", "Kampung Sayur"}


def test_a_kampung_named_like_a_village_is_no_programme() -> None:
    assert programs_in(KAB + "Bupati meninjau Kampung Kertas di pinggir kota.") == {}


# a data system written like a place-type name stays out (guide §6.2)

def test_rumah_dataku_is_a_data_system() -> None:
    assert programs_in(KAB + "Kader mengisi data keluarga di Rumah DataKu setiap bulan.") == {}


# a name told with 'atau' and its expansion: the expansion is read once, without its place

def test_an_expansion_after_atau_is_not_read_again_as_a_movement() -> None:
    found = programs_in(KAB + "Inovasi Gemas Sehati atau Gerakan Masyarakat Sehat dan Peduli "
                        "Ibu Hamil terus berjalan.")
    assert list(found) == ["Gemas Sehati"]


def test_an_expansion_after_atau_loses_its_place() -> None:
    found = programs_in(KAB + "Camat meluncurkan inovasi BERAKSI atau Bersama Atasi Stunting "
                        "di Kecamatan Sukamaju.")
    assert found == {"BERAKSI": ["inovasi BERAKSI", "Bersama Atasi Stunting"]}
