"""Datelines that write the province by its short form, and several meetings held in one
release (issue 10): sentences written for these tests, on real place names."""

from __future__ import annotations

from typing import Any

import pytest

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.output import to_json

PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."


def meetings(text: str, title: str = "Judul rilis") -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = to_json(extract(parse("case.txt", title + "\n\n" + text + PAD)))[
        "meetings"]
    return got


PROVINCE_RAKOR = (" Pemerintah Provinsi menggelar rapat koordinasi Tim Percepatan Penurunan "
                  "Stunting (TPPS) tingkat provinsi di Aula Kantor Gubernur, Senin (3/3/2025). "
                  "Rakor dipimpin Wakil Gubernur selaku Ketua TPPS dan diikuti kepala Dinas "
                  "Kesehatan.")


@pytest.mark.parametrize(("dateline", "province"), [
    ("Kupang, NTT -", "Nusa Tenggara Timur"),          # Kupang is a kabupaten and a kota
    ("BANDUNG, JABAR -", "Jawa Barat"),
    ("SORONG, PAPUA BARAT DAYA –", "Papua Barat Daya"),
    ("PONTIANAK (KALBAR) -", "Kalimantan Barat"),
    ("JATENG, Semarang -", "Jawa Tengah"),
    ("MANOKWARI, PABAR -", "Papua Barat"),
    ("BANDA ACEH, NAD -", "Aceh"),
])
def test_a_province_short_form_in_the_dateline_names_the_province(dateline: str,
                                                                   province: str) -> None:
    got = meetings(dateline + PROVINCE_RAKOR)[0]
    assert (got["level"], got["region"]["name"]) == ("province", province)


def test_a_further_dateline_piece_is_never_a_kecamatan_or_desa() -> None:
    # 'Humas' after the comma is the office that wrote the release, not a place
    got = meetings("SEMARANG, Humas -" + PROVINCE_RAKOR)[0]
    assert got["level"] is None
