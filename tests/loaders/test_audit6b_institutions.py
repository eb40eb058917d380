"""Audit of guide §4 (issue 10, x10-audit6b), in sentences written for these tests on the
invented tree: a misspelt title names the place written after it, and the Banjar village
head (Pambakal) is the village government."""

from __future__ import annotations

from typing import Any

from tests.loaders.test_institution_cues import run

KAB = "Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS, Rabu (5/11/2025). "


def bodies(text: str) -> dict[str, dict[str, Any]]:
    return {i["type"]: i for i in run(KAB + text)["institutions"]}


# a misspelt title gives its type and the place written after it (guide §8.22)

def test_a_misspelt_camat_names_the_kecamatan_written_after_it() -> None:
    got = bodies("Hadir Cmata Batu Ampar, Ahmad Yani, bersama jajarannya.")
    assert got["KECAMATAN"]["name"] == "Kecamatan Batu Ampar"
    assert got["KECAMATAN"].get("collective") is not True


def test_a_misspelt_lurah_names_its_kelurahan() -> None:
    got = bodies("Turut hadir Lruah Pasar Lama dalam pertemuan itu.")
    assert got["KELURAHAN"]["name"] == "Kelurahan Pasar Lama"


# Pambakal (Pembakal): the village head in Banjar-speaking Kalimantan Selatan

def test_a_pambakal_is_the_village_government_of_his_desa() -> None:
    for text in ("Hadir Pambakal Desa Mekarsari dan perangkatnya.",
                 "Rapat juga dihadiri Pembakal Cibening."):
        got = bodies(text)
        assert got["DESA"]["name"] in ("Pemerintah Desa Mekarsari", "Pemerintah Desa Cibening"), \
            text
