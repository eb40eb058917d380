"""Date and region rules of issue 10 (second blind set), in our own sentences: a decree's
signing date is not the meeting's, a kecamatan written by its short name or right before
its city holds the meeting, and a province's meeting stays the province's in a city hotel."""

from __future__ import annotations

from typing import Any

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import Gazetteer

TREE = [
    {"code": "P", "name": "Nusa Kencana", "level": "province", "zone": "WITA"},
    {"code": "K", "name": "Kabupaten Lembah Hijau", "level": "kabkota", "parent": "P"},
    {"code": "C", "name": "Sukaluyu", "level": "kecamatan", "parent": "K"},
    {"code": "T", "name": "Kota Batu Karang", "level": "kabkota", "parent": "P"},
    {"code": "TC", "name": "Karang Timur", "level": "kecamatan", "parent": "T"},
    {"code": "TD", "name": "Sari Mulya (Bukit Sari Mulya)", "level": "kecamatan", "parent": "T"},
]


def _meeting(text: str) -> dict[str, Any]:
    return extract(parse("t.txt", text), Gazetteer.from_regions(TREE)).meeting or {}


def test_a_decrees_signing_date_is_not_the_meeting_date() -> None:
    m = _meeting("Kamis (12/6/2025), Pemerintah Kabupaten Lembah Hijau menggelar rapat "
                 "koordinasi TPPS sesuai SK Bupati Nomor 188.45/212/KPTS/2024 tentang "
                 "Pembentukan Tim Percepatan Penurunan Stunting Kabupaten tanggal 3 Maret "
                 "2024. Rakor dibuka Wakil Bupati.")
    assert m["date"] == "2025-06-12"
    m = _meeting("Pada Selasa (8/7/2025) Pemerintah Kabupaten Lembah Hijau menggelar rapat "
                 "koordinasi TPPS yang susunannya ditetapkan pada 14 Januari 2025 oleh "
                 "Bupati. Rakor dibuka Wakil Bupati.")
    assert m["date"] == "2025-07-08"
