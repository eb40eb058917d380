"""Date and region rules of issue 10 (second blind set), in our own sentences: a decree's
signing date is not the meeting's, a kecamatan written by its short name or right before
its city holds the meeting, and a province's meeting stays the province's in a city hotel."""

from __future__ import annotations

from typing import Any

from loaders.articles.gazetteer import Gazetteer
from tests.loaders.extract_helpers import extract_on, meeting_on

TREE = [
    {"code": "P", "name": "Nusa Kencana", "level": "province", "zone": "WITA"},
    {"code": "K", "name": "Kabupaten Lembah Hijau", "level": "kabkota", "parent": "P"},
    {"code": "C", "name": "Sukaluyu", "level": "kecamatan", "parent": "K"},
    {"code": "T", "name": "Kota Batu Karang", "level": "kabkota", "parent": "P"},
    {"code": "TC", "name": "Karang Timur", "level": "kecamatan", "parent": "T"},
    {"code": "TD", "name": "Sari Mulya (Bukit Sari Mulya)", "level": "kecamatan", "parent": "T"},
]


def _meeting(text: str) -> dict[str, Any]:
    return meeting_on(text, TREE)


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


def _region(text: str) -> tuple[str | None, str | None]:
    m = _meeting(text)
    return m.get("level"), (m.get("region") or {}).get("code")


def test_a_kecamatan_written_by_its_short_name_resolves() -> None:
    # the tree keeps "Kota Tanjungsri (Kota Tanjung Sari)"; the text drops the
    # alternative's "Kota"
    tree = [*TREE, {"code": "KT", "name": "Kota Tanjungsri (Kota Tanjung Sari)",
                    "level": "kecamatan", "parent": "K"},
            {"code": "KS", "name": "Selaawi (Salawi, Selawi)", "level": "kecamatan",
             "parent": "K"},
            {"code": "KR", "name": "Seri Padang Lestari (Sri)", "level": "kecamatan",
             "parent": "K"}]
    gaz = Gazetteer.from_regions(tree)
    assert gaz.find("kecamatan", "Tanjung Sari") == ["KT"]
    # alternatives listed with a comma inside the bracket are each a name
    assert gaz.find("kecamatan", "Selawi") == ["KS"]
    # a one-word alternative respells the word it resembles, wherever that word stands
    assert gaz.find("kecamatan", "Sri Padang Lestari") == ["KR"]
    e = extract_on("Camat Tanjung Sari membuka rembuk stunting tingkat Kecamatan "
                   "Tanjung Sari, Kabupaten Lembah Hijau, di aula kantor camat, Rabu "
                   "(14/5/2025). Hadir para kepala desa dan bidan desa.", gaz)
    assert e.meeting is not None
    assert (e.meeting["level"], e.meeting["region"]["code"]) == ("kecamatan", "KT")


def test_a_kecamatan_written_right_before_its_city_holds_the_meeting() -> None:
    assert _region("Rembuk stunting tingkat kecamatan digelar di Kecamatan Karang Timur Kota "
                   "Batu Karang, Selasa (8/7/2025). Camat membuka kegiatan dan para lurah "
                   "hadir.") == ("kecamatan", "TC")
    assert _region("Lokakarya mini stunting berlangsung di Karang Timur, Kota Batu Karang, "
                   "Senin (7/7/2025), dipimpin camat bersama kepala puskesmas.") == (
        "kecamatan", "TC")


def test_a_province_meeting_in_a_city_hotel_stays_the_provinces() -> None:
    # the Asisten speaks (no opener, no organiser): the venue's city is no holder
    assert _region("Penilaian kinerja aksi konvergensi stunting digelar di Hotel Mutiara, "
                   "Kota Batu Karang, Rabu (9/7/2025). Dalam sambutannya, Asisten II Setda "
                   "Provinsi Nusa Kencana, Budi Santoso, mengatakan penilaian ini menilai "
                   "delapan aksi.") == ("province", "P")
    # a long Asisten title ('Asisten Administrasi Umum Setda') keeps the province after it
    assert _region("Rapat evaluasi konvergensi stunting berlangsung di sebuah hotel di Kota "
                   "Batu Karang, Selasa (14/10/2025). Rapat dibuka Asisten "
                   "Administrasi Umum Setda Provinsi Nusa Kencana, Rudi Hartono.") == (
        "province", "P")
    # a city meeting in a hotel of the city stays the city's
    assert _region("Penilaian kinerja aksi konvergensi stunting digelar di Hotel Mutiara, "
                   "Kota Batu Karang, Rabu (9/7/2025). Kepala Bappeda Kota Batu Karang "
                   "mengatakan penilaian ini menilai delapan aksi.") == ("kabkota", "T")
