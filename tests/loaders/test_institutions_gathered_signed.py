"""Bodies that take part without a list cue of their own (issue 10): heads a leader gathers into
the meeting, signers of the commitment, stand-ins for an absent head, and offices whose long or
merged names carry several portfolios. Sentences written for these tests, on the guide's
invented tree."""

from __future__ import annotations

from typing import Any

import pytest

from tests.loaders.test_institution_cues import run, types

KAB = ("Dinas Sosial Kabupaten Lembah Hijau menggelar rapat koordinasi percepatan penurunan "
       "stunting di aula dinas, Selasa (4/3/2025). ")
DESA = ("Pemerintah Desa Mekarsari, Kecamatan Sukaluyu, menggelar rembuk stunting desa di balai "
        "desa, Selasa (4/3/2025). ")


def attendee(text: str, code: str) -> dict[str, Any] | None:
    return next((i for i in run(text)["institutions"] if i["type"] == code), None)


def role_set(text: str, code: str) -> set[str]:
    return {r for i in run(text)["institutions"] if i["type"] == code for r in i["roles"]}


# -- 1. heads a leader gathers -----------------------------------------------------------------

def test_heads_gathered_into_the_named_meeting_attend_as_collectives() -> None:
    text = ("Wakil Bupati Lembah Hijau mengumpulkan seluruh kepala desa, para camat dan kepala "
            "puskesmas se-Kabupaten Lembah Hijau dalam rapat evaluasi stunting di pendopo, "
            "Senin (3/3/2025).")
    for code in ("DESA", "KECAMATAN", "PUSKESMAS"):
        got = attendee(text, code)
        assert got is not None and got["collective"], code
    assert "organiser" in role_set(text, "PEMDA")


def test_heads_gathered_by_a_leader_in_the_passive() -> None:
    got = types(KAB + "Dalam rapat itu para camat dan seluruh kepala desa dikumpulkan oleh "
                "Wakil Bupati.")
    assert {"KECAMATAN", "DESA", "PEMDA"} <= got


def test_gathering_data_is_no_gathering_of_heads() -> None:
    got = types(KAB + "Sebelumnya Dinas Kesehatan mengumpulkan data balita dari setiap posyandu "
                "untuk dibahas dalam rapat tersebut.")
    assert not {"DINKES", "POSYANDU"} & got


# -- 2. signers of the commitment --------------------------------------------------------------

def test_signers_named_after_the_signing() -> None:
    got = types(KAB + "Rapat ditutup dengan penandatanganan komitmen bersama oleh Dandim 9901/"
                "Lembah Hijau, Kapolres Lembah Hijau dan Ketua TP PKK Kabupaten Lembah Hijau.")
    assert {"KODIM", "POLRES", "PKK"} <= got
    assert "organiser" not in role_set(KAB + "Penandatanganan komitmen dilakukan oleh Kapolres "
                                       "Lembah Hijau.", "POLRES")


def test_signers_before_a_verb_of_signing_and_after_yang_menandatangani() -> None:
    assert "KEMENAG" in types(KAB + "Kepala Kantor Kemenag Lembah Hijau juga turut "
                              "menandatangani komitmen tersebut.")
    assert {"DPRD", "KODIM"} <= types(KAB + "Mereka yang menandatangani adalah Ketua DPRD "
                                      "Lembah Hijau dan Dandim 9901/Lembah Hijau.")


def test_a_signing_still_to_come_is_no_attendance() -> None:
    assert "DPRD" not in types(KAB + "Komitmen itu akan ditandatangani oleh Ketua DPRD Lembah "
                               "Hijau pada rembuk bulan depan.")


# -- 3. stand-ins ------------------------------------------------------------------------------

def test_the_camat_stood_in_for_by_someone_without_an_office_named() -> None:
    got = types(DESA + "Dalam kesempatan itu, Kasi Kesra yang mewakili Camat Sukaluyu meminta "
                "kader aktif mendata balita.")
    assert "KECAMATAN" in got


def test_an_opener_standing_in_passes_the_opening_to_the_body_represented() -> None:
    text = KAB + "Rapat dibuka oleh dr. Ani yang mewakili Wakil Bupati Lembah Hijau."
    assert "opened" in role_set(text, "PEMDA")


def test_a_seat_handed_to_a_representative_with_diwakilkan() -> None:
    got = types(DESA + "Kapolsek Sukaluyu diwakilkan kepada Bhabinkamtibmas Desa Mekarsari.")
    assert {"POLSEK", "BHABINKAMTIBMAS"} <= got


# -- 4. long and merged office names -----------------------------------------------------------

@pytest.mark.parametrize(("office", "codes"), [
    ("Kepala Badan Perencanaan Pembangunan, Riset, dan Inovasi Daerah", {"BAPPEDA"}),
    ("Kepala Badan Perencanaan, Penelitian dan Pengembangan Daerah", {"BAPPEDA"}),
    ("Kepala Barenlitbang", {"BAPPEDA"}),
    ("Kepala Dinas Kesehatan, Kependudukan dan Pencatatan Sipil", {"DINKES", "DISDUKCAPIL"}),
    ("Kepala Dinas Kesehatan dan KB", {"DINKES", "DINAS_KB"}),
    ("Kepala Dinas Pengendalian Penduduk dan KB", {"DINAS_KB"}),
])
def test_long_and_merged_office_names(office: str, codes: set[str]) -> None:
    assert codes <= types(KAB + f"Hadir pula {office} Kabupaten Lembah Hijau.")


# -- 5. single misses --------------------------------------------------------------------------

def test_a_participant_list_opened_by_peserta_kegiatan_meliputi() -> None:
    got = types(DESA + "Peserta kegiatan meliputi perangkat desa, kader posyandu serta TP PKK "
                "Desa Mekarsari.")
    assert {"POSYANDU", "PKK"} <= got


def test_karang_taruna_written_as_one_word() -> None:
    assert "COMMUNITY" in types(DESA + "Hadir pula pengurus Karangtaruna Desa Mekarsari.")


def test_a_team_meeting_named_with_its_acronym_in_brackets() -> None:
    text = ("Bupati Lembah Hijau, Ahmad Yani, membuka dengan resmi Rapat Koordinasi (Rakor) Tim "
            "Percepatan Penanggulangan Stunting Kabupaten Lembah Hijau Tahun 2025. Rakor itu "
            "dilaksanakan di aula Bappeda pada Senin, 3 Maret 2025.")
    assert "organiser" in role_set(text, "TPPS")


def test_heads_summoned_for_a_meeting_and_officers_brought_into_it() -> None:
    text = ("Camat Sukaluyu memanggil para kepala desa se-Kecamatan Sukaluyu untuk rapat "
            "koordinasi stunting di pendopo kecamatan, Selasa (16/9/2025). Bhabinkamtibmas dan "
            "Babinsa juga dihadirkan dalam pertemuan tersebut.")
    assert {"DESA", "BHABINKAMTIBMAS", "BABINSA"} <= types(text)
    assert "organiser" in role_set(text, "KECAMATAN")


def test_what_is_gathered_before_the_meeting_or_invited_later_is_no_attendance() -> None:
    got = types(KAB + "Data penimbangan setiap puskesmas sudah dikumpulkan sebelum rapat. "
                "Pemkab akan mengundang para camat dalam rapat lanjutan bulan depan.")
    assert not {"PUSKESMAS", "KECAMATAN"} & got


def test_a_joint_commitment_to_be_signed_later_binds_nobody() -> None:
    # 'bersama' qualifies the commitment here; it does not open a list of companions
    got = types(KAB + "Komitmen bersama akan ditandatangani oleh para camat dan lurah pada "
                "rembuk bulan Juni.")
    assert not {"KECAMATAN", "KELURAHAN"} & got


def test_a_list_opened_by_yang_hadir_meliputi() -> None:
    got = types(DESA + "Unsur yang hadir meliputi perangkat desa, TP PKK Desa Mekarsari dan kader "
                "posyandu.")
    assert {"PKK", "POSYANDU"} <= got


def test_heads_a_leader_addresses_di_hadapan_attended() -> None:
    text = (KAB + "Di hadapan para camat, kepala desa dan kepala puskesmas, Bupati Lembah Hijau "
            "meminta data balita dikirim tepat waktu.")
    got = attendee(text, "KECAMATAN")
    assert got is not None and got["collective"]
    assert {"DESA", "PUSKESMAS"} <= types(text)


def test_a_meeting_that_gathers_people_gathers_its_participants() -> None:
    got = types(DESA + "Forum tahunan itu mengumpulkan perangkat desa, kader posyandu dan anggota "
                "BPD untuk menyusun usulan kegiatan gizi.")
    assert "POSYANDU" in got
    assert "POSYANDU" not in types(DESA + "Forum itu mengumpulkan usulan dari kader posyandu.")
