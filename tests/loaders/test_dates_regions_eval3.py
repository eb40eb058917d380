"""Date and region rules of issue 10 (third blind set), in our own sentences: a fully
spelled date, a lead's 'pada (d/m/yyyy)' with no weekday, limits and releases that own
the date written after them, and the region rules for names the register spells
otherwise."""

from __future__ import annotations

from typing import Any

from loaders.articles.dates import date_mentions
from tests.loaders.extract_helpers import meeting_on

TREE = [
    {"code": "P", "name": "Nusa Kencana", "level": "province"},
    {"code": "K", "name": "Kabupaten Lembah Hijau", "level": "kabkota", "parent": "P"},
    {"code": "C", "name": "Sukaluyu", "level": "kecamatan", "parent": "K"},
    {"code": "D1", "name": "Cibening", "level": "desa", "parent": "C"},
]


def _meeting(text: str, tree: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return meeting_on(text, tree or TREE)


def test_a_date_spelled_with_bulan_and_tahun_between_its_parts() -> None:
    d = date_mentions("pada Hari Kamis Tanggal 26 bulan September Tahun 2024 di aula")[0]
    assert (d.day, d.month, d.year, d.weekday) == (26, 9, 2024, 3)
    m = _meeting("Pemerintah Desa Cibening menggelar rembuk stunting pada hari selasa "
                 "tanggal 14 bulan mei tahun 2024 di balai desa. Rembuk dibuka Kepala Desa.")
    assert m["date"] == "2024-05-14"


def test_a_leads_pada_parenthesised_date_without_weekday_dates_the_meeting() -> None:
    # the meeting is named only in the next sentence; the lead's own date stands
    m = _meeting("Pemerintah Kabupaten Lembah Hijau terus menguatkan konvergensi penanganan "
                 "stunting pada (29/7/2025) di pendopo. Hal itu dibahas dalam rapat "
                 "koordinasi TPPS yang dipimpin Wakil Bupati.")
    assert m["date"] == "2025-07-29"


def test_a_limit_word_owns_only_the_date_right_after_it() -> None:
    m = _meeting("Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS yang "
                 "berlangsung sejak pagi hingga siang di pendopo Pada (29/7/2025).")
    assert m["date"] == "2025-07-29"
    m = _meeting("Selasa (8/7/2025) Pemerintah Kabupaten Lembah Hijau menggelar rapat "
                 "koordinasi TPPS; laporan desa ditunggu paling lambat tanggal 30 Juli 2025.")
    assert m["date"] == "2025-07-08"


def test_the_release_day_of_a_report_does_not_date_the_meeting() -> None:
    m = _meeting("Pemerintah Kabupaten Lembah Hijau menggelar rapat evaluasi stunting atas "
                 "hasil survei gizi yang dirilis Kementerian Kesehatan pada 7 Agustus 2025. "
                 "Rapat itu digelar Jumat (26/9/2025) di ruang rapat Bupati.")
    assert m["date"] == "2025-09-26"


RESPELT = [
    *TREE,
    # a village whose first word alone is a kelurahan of another province
    {"code": "Q", "name": "Tanah Lestari", "level": "province"},
    {"code": "QK", "name": "Kota Bandar Lama", "level": "kabkota", "parent": "Q"},
    {"code": "QC", "name": "Pasar Baru", "level": "kecamatan", "parent": "QK"},
    {"code": "QD", "name": "Tumpang", "level": "desa", "parent": "QC"},
    {"code": "D2", "name": "Tumpang Krasak", "level": "desa", "parent": "C"},
    {"code": "D3", "name": "Iemasen Kaye Adang", "level": "desa", "parent": "C"},
]


def _desa(text: str) -> tuple[str | None, str | None]:
    m = _meeting(text, RESPELT)
    return m.get("level"), (m.get("region") or {}).get("code")


def test_a_village_written_with_a_vowel_more_stays_whole_inside_its_chain() -> None:
    assert _desa("Pemerintah Desa Tumpang Kerasak Kecamatan Sukaluyu Kabupaten Lembah "
                 "Hijau mengadakan rembuk stunting, Rabu (15/5/2024).") == ("desa", "D2")


def test_a_village_written_with_spaces_and_a_doubled_vowel_resolves() -> None:
    assert _desa("Pemerintah Desa Ie Masen Kayee Adang menggelar rembuk stunting, Senin "
                 "(3/3/2025), dihadiri Camat Sukaluyu.") == ("desa", "D3")


def test_the_acting_governor_written_penjagub_holds_over_a_same_named_city() -> None:
    tree = [*TREE, {"code": "G", "name": "Tanjung Emas", "level": "province"},
            {"code": "GK", "name": "Kota Tanjung Emas", "level": "kabkota", "parent": "G"}]
    m = _meeting("KOTA TANJUNG EMAS – Rembuk stunting tahun 2025 resmi dibuka Penjagub "
                 "Tanjung Emas di sebuah hotel, Selasa (3/6/2025). Pemprov berharap "
                 "prevalensi turun.", tree)
    assert (m.get("level"), (m.get("region") or {}).get("code")) == ("province", "G")


def test_a_kecamatan_forum_in_a_village_hall_stays_the_kecamatans() -> None:
    m = _meeting("Rembuk stunting yang dihadiri unsur Forkopimcam Sukaluyu berlangsung di "
                 "aula balai desa Cibening, Rabu (14/8/2024). Dalam sambutannya camat "
                 "meminta para kepala desa menganggarkan intervensi.")
    assert (m.get("level"), (m.get("region") or {}).get("code")) == ("kecamatan", "C")
