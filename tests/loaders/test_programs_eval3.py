"""Programme rules of issue 10 (third blind set): the degree 'M.Si' is no Si- programme, a
Si- name inside a longer name closed by its expansion is taken whole, and names with no
capital or no trigger noun (a lower-case movement launched, a named collaboration, lower-
case place-type names joined by a slash, an all-caps name with a common-noun tail among
programmes). Sentences are our own; each test fails when its rule or data row breaks."""

from __future__ import annotations

from tests.loaders.program_helpers import names_of, programs_in


def _programs(text: str) -> dict[str, list[str]]:
    return programs_in("Warga berkumpul di balai desa pada pagi hari.\n\n" + text)


def test_the_degree_m_si_before_a_title_is_no_si_programme() -> None:
    assert _programs("Materi dibawakan Dr. Hendra Wijaya, M.Si Kepala Bidang Kesehatan "
                     "Masyarakat, dan Ir. Sari, S.Si Sekretaris Dinas.\n") == {}


def test_a_si_name_inside_a_longer_name_with_its_expansion_is_whole() -> None:
    found = names_of(_programs("Desa memperkenalkan Bunda Si Upik Ceria Bergizi (Bunda "
                               "Siaga Untuk Pangan Keluarga) kepada para kader.\n"))
    assert "bunda si upik ceria bergizi" in found
    assert "si upik ceria" not in found and "si upik" not in found


def test_a_lower_case_movement_launched_with_the_meeting() -> None:
    assert "pekan bersih lingkungan posyandu" in names_of(_programs(
        "Acara dirangkai dengan pencanangan pekan bersih lingkungan posyandu oleh "
        "Bupati.\n"))


def test_a_named_collaboration() -> None:
    assert "sahabat gizi nusantara" in names_of(_programs(
        "Pendampingan balita berjalan melalui kolaborasi Sahabat Gizi Nusantara bersama "
        "kader.\n"))


def test_lower_case_place_type_names_joined_by_a_slash() -> None:
    found = names_of(_programs("Kader juga mengelola dapur ibu cerdas/pojok gizi anak "
                               "sebagai tempat belajar memasak.\n"))
    assert {"dapur ibu cerdas", "pojok gizi anak"} <= found


def test_an_all_caps_name_with_a_common_noun_tail_among_programmes() -> None:
    assert "sehati keluarga" in names_of(_programs(
        "Program yang dijalankan meliputi GENTING, TAMASYA dan SEHATI Keluarga.\n"))
    # no programme word in the sentence: left alone
    assert "sehati keluarga" not in names_of(_programs(
        "Tim SEHATI Keluarga datang ke balai desa.\n"))
