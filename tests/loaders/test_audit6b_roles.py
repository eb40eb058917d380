"""Audit of guide §5 (issue 10, x10-audit6b), in sentences written for these tests on the
invented tree: reported speech closed by a comma and a speech verb, the organising office's
report in the ceremony, and a prayer led by someone (no chairing)."""

from __future__ import annotations

from typing import Any

from tests.loaders.test_institution_cues import run

KAB = "Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS, Rabu (5/11/2025). "


def bodies(text: str) -> dict[str, dict[str, Any]]:
    return {i["type"]: i for i in run(KAB + text)["institutions"]}


# reported speech: '..., tutur Camat X' without quote marks is the speaker at the meeting

def test_reported_speech_closed_by_a_comma_names_the_speaker() -> None:
    got = bodies("Pertemuan ini penting untuk menyatukan data desa, tutur Camat Sukaluyu "
                 "Budi Santoso.")
    assert "presenter" in got["KECAMATAN"]["roles"]


def test_reported_speech_given_later_by_phone_is_still_an_interview() -> None:
    got = bodies("Data itu terus diperbarui, ujar Camat Sukaluyu saat dihubungi terpisah "
                 "melalui telepon.")
    assert "KECAMATAN" not in got


# the organising office reports in the ceremony (guide §5.1 organiser: 'Dalam laporannya')

def test_the_official_giving_the_report_organises_and_speaks() -> None:
    got = bodies("Dalam laporannya, Kepala DPPKB Lembah Hijau menyebut rakor diikuti 60 "
                 "peserta.")
    assert {"organiser", "presenter"} <= set(got["DINAS_KB"]["roles"])


def test_the_chair_of_the_committee_organises() -> None:
    got = bodies("Kepala Dinas Sosial selaku ketua panitia melaporkan jumlah peserta.")
    assert "organiser" in got["DINSOS"]["roles"]


def test_a_report_cited_from_a_survey_organises_nothing() -> None:
    got = bodies("Hadir Kepala Dinas Kesehatan. Menurut laporan tahunan Dinas Pendidikan, "
                 "angka partisipasi PAUD naik.")
    assert "organiser" not in got.get("DINAS_PENDIDIKAN", {}).get("roles", [])


# a prayer led by someone is no chairing (guide §5.1: not 'acara dibuka dengan doa')

def test_the_one_leading_a_prayer_attends_but_does_not_chair() -> None:
    for text in ("Acara dibuka dengan doa yang dipimpin perwakilan Kemenag.",
                 "Acara diawali doa bersama yang dipimpin Kepala KUA Sukaluyu."):
        got = bodies(text)
        code = "KEMENAG" if "Kemenag" in text else "KUA"
        assert got[code]["roles"] == ["participant"], text


def test_a_meeting_led_by_an_official_still_has_its_chair() -> None:
    got = bodies("Rapat dipimpin langsung oleh Kepala Dinas Sosial.")
    assert "chair" in got["DINSOS"]["roles"]


# a name-only attribution in mid-sentence ('..., lanjut Markus, <clause>') is no speaker's office

def test_a_bare_name_attribution_does_not_make_the_next_clause_speak() -> None:
    got = {i["type"]: i for i in run(
        "Kecamatan Sukaluyu menggelar rembuk stunting, Rabu (5/11/2025). Soal jadwalnya, "
        "lanjut Markus, Pemerintah Kabupaten Lembah Hijau mewajibkan rembuk dua kali "
        "setahun di setiap kecamatan.")["institutions"]}
    assert "PEMDA" not in got
    assert "KECAMATAN" in got


def test_a_titled_speaker_after_a_comma_still_speaks() -> None:
    got = bodies("Semua desa sudah melapor, lanjut Camat Sukaluyu, sehingga data lengkap.")
    assert "presenter" in got["KECAMATAN"]["roles"]
