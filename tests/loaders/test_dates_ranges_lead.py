"""Dates written as a range with words between the days, and a dateline date with a
dash and a slash (issue 10, guide §2): a range gives its first day."""

from __future__ import annotations

import pytest

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.output import to_json


def _dates(body: str) -> list[str | None]:
    e = to_json(extract(parse("t.txt", "Rapat Koordinasi TPPS\n\n" + body)))
    return [m["date"] for m in e["meetings"]]


@pytest.mark.parametrize("written", ["14 s.d. 16/10/2025", "14 s/d 16/10/2025",
                                     "14 hingga 16/10/2025", "14 sampai dengan 16/10/2025"])
def test_a_range_with_words_between_its_days_gives_the_first(written: str) -> None:
    body = (f"SAMPIT - Pemerintah Kabupaten Kotawaringin Timur menggelar rapat koordinasi "
            f"TPPS pada {written} di Aula Bappeda.")
    assert _dates(body) == ["2025-10-14"]


def test_a_limit_after_the_meeting_day_is_not_a_range() -> None:
    body = ("SAMPIT - Rapat koordinasi TPPS Kabupaten Kotawaringin Timur digelar Selasa "
            "(14/10/2025). Laporan desa harus dikirim hingga 30/10/2025.")
    assert _dates(body) == ["2025-10-14"]


def test_a_dateline_date_with_a_dash_and_a_slash_is_read() -> None:
    body = ("DONGGALA (07-08/23) – Pemerintah Kabupaten Donggala menggelar rapat koordinasi "
            "TPPS di Aula Bappeda.")
    assert _dates(body) == ["2023-08-07"]
