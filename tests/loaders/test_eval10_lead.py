"""Rules from a blind set of real releases (eval10), written as general cases: sentences
written for these tests, on real place names."""

from __future__ import annotations

from typing import Any

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.output import to_json

PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."


def meeting(text: str) -> dict[str, Any]:
    got = to_json(extract(parse("case.txt", "Judul rilis\n\n" + text + PAD)))["meetings"]
    return got[0] if got else {}


def test_a_generic_meeting_pointing_back_is_the_named_one_told_before_it() -> None:
    # 'Pertemuan ... ini' goes on describing the lokmin the Kecamatan held: the lokmin is the
    # meeting (its family, its holder), not a bare 'Rapat Stunting' of the kab/kota
    got = meeting(
        "SAMPIT – Pemerintah Kecamatan Baamang menggelar mini lokakarya untuk mempercepat "
        "penurunan stunting di wilayahnya. Pertemuan yang melibatkan banyak pihak ini menjadi "
        "langkah untuk mengevaluasi program penanganan stunting. Acara digelar di aula "
        "Kecamatan Baamang, Selasa (2/9/2025). Hadir Kepala Puskesmas Baamang dan para lurah.")
    assert got["title"].startswith("Lokakarya Mini")
    assert (got["level"], got["region"]["name"]) == ("kecamatan", "Baamang")
    assert got["date"] == "2025-09-02"


def test_a_generic_meeting_that_does_not_point_back_stays_itself() -> None:
    # a separate rapat told after a named event is not folded into it
    got = meeting(
        "Pemerintah Kabupaten Kotawaringin Timur menggelar rapat koordinasi percepatan "
        "penurunan stunting di aula Bappeda, Selasa (2/9/2025), dipimpin Sekda.")
    assert got["title"].startswith("Rapat Koordinasi")
