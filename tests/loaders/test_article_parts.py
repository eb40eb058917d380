"""The pieces of the article extractor on phrasings the seeds do not all show."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.articles.dates import find_dates, find_times, period_in
from loaders.articles.document import parse
from loaders.articles.figures import find_figures, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("digelar Rabu (17/12/2025) pagi", date(2025, 12, 17)),
        ("pada Senin, 28 Oktober 2025, di Hotel", date(2025, 10, 28)),
        ("Selasa 26 November 2024.", date(2024, 11, 26)),
        ("Rabu, (04/06/2025)", date(2025, 6, 4)),
        ("Kamis, 3 Juli 2025", date(2025, 7, 3)),
        ("tanggal 17-12-2025", date(2025, 12, 17)),
        ("Jum'at, 7 Nopember 2025", date(2025, 11, 7)),
        ("1 Agt 2025", date(2025, 8, 1)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert find_dates(text)[0][2] == expected


def test_impossible_dates_are_ignored() -> None:
    assert find_dates("31/02/2025 dan 45 Maret 2025") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dimulai sekitar pukul 09.45 WIB", ("09:45", None)),
        ("pukul 13.00-15.30 WIB", ("13:00", "15:30")),
        ("mulai pukul 08:30 sampai dengan 12.00 WIB", ("08:30", "12:00")),
        ("Kegiatan berakhir sekitar pukul 11.00 WIB", (None, "11:00")),
        ("pukul 25.99", (None, None)),
    ],
)
def test_times(text: str, expected: tuple[str | None, str | None]) -> None:
    assert find_times(text) == expected


@pytest.mark.parametrize(
    ("text", "scale", "value"),
    [("30.980", None, 30980), ("292.095", None, 292095), ("2,87", None, 2.87),
     ("24", "ribu", 24000), ("1,2", "juta", 1_200_000), ("134", None, 134)],
)
def test_indonesian_numbers(text: str, scale: str | None, value: float) -> None:
    assert parse_number(text, scale) == pytest.approx(value)


def test_periods() -> None:
    assert period_in("Pada Februari 2024, tercatat", None) == "2024-02"
    assert period_in("data per November", 2025) == "2025-11"
    assert period_in("Berdasarkan data tahun 2024", None) == "2024"
    assert period_in("tanpa waktu", 2025) is None


def test_figures_in_new_phrasings() -> None:
    found = find_figures("Hingga Juni 2025, prevalensi stunting di Kabupaten Kendal "
                         "tercatat 12,5%, dengan 1.204 balita stunting.", 2025)
    kinds = {(f.what, f.value, f.period) for f in found}
    assert ("stunting_prevalence_pct", 12.5, "2025-06") in kinds
    assert ("stunting_cases", 1204, "2025-06") in kinds
    assert find_figures("Kami menargetkan prevalensi turun ke 14% pada 2029.", 2025) == []


def test_furniture_is_dropped_and_offsets_stay_true() -> None:
    text = ("Judul Berita Rakor Stunting di Kota Kendal\nJudul Berita Rakor Stunting di Kota "
            "Kendal\nBaca Juga: Berita lain yang tidak terkait\n"
            "Rapat koordinasi digelar di Aula Kantor Kecamatan, Senin (3/11/2025).\n"
            "Pastikan Google Captcha Sudah Tercentang !!!\nEditor: Redaksi\n"
            "Artikel Terkait\nRakor lain 1 Januari 2020 di kota lain.")
    doc = parse("x.txt", text)
    body = " ".join(s.text for s in doc.sentences)
    assert "Baca Juga" not in body and "Captcha" not in body and "Redaksi" not in body
    assert "Rakor lain" not in body  # after "Artikel Terkait" comes the site's list
    assert doc.title == "Judul Berita Rakor Stunting di Kota Kendal"
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
