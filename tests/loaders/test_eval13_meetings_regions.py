"""Meeting and region readings a blind set of real releases from eastern Indonesia showed
wrong (issue 10, eval13): a preparatory meeting that was held, a kabupaten named the
same as its province with 'Tingkat Kabupaten Tahun 2025' in the meeting's name, an index
read as a programme. Own sentences."""

from __future__ import annotations

from typing import Any

from loaders.articles.document import parse
from loaders.articles.gazetteer import gazetteer
from tests.loaders.extract_helpers import release_json


def _release(body: str) -> dict[str, Any]:
    return release_json(body)


def test_a_held_preparatory_meeting_is_a_meeting() -> None:
    r = _release("Pemerintah Provinsi Kalimantan Selatan melalui Bappeda melaksanakan kegiatan "
                 "persiapan rembuk stunting tahun 2025 yang dihadiri Wakil Gubernur di "
                 "Banjarmasin, Kamis (17/4/2025). Rapat diikuti kepala dinas kesehatan.")
    assert [m["date"] for m in r["meetings"]] == ["2025-04-17"]


def test_preparing_a_meeting_to_come_is_still_a_plan() -> None:
    r = _release("Pemerintah Provinsi Kalimantan Selatan tengah melakukan persiapan rembuk "
                 "stunting yang akan digelar bulan depan di Banjarmasin.")
    assert r["meetings"] == []


def test_a_tier_word_before_a_year_names_no_region() -> None:
    r = _release("LIMBOTO - Pemerintah Kabupaten Gorontalo mengadakan Rembuk Stunting "
                 "Tingkat Kabupaten Tahun 2025 bertempat di aula hotel di Kota Gorontalo, "
                 "Senin (5/5/2025), dan diikuti para camat.")
    [m] = r["meetings"]
    assert (m["level"], m["region"]["name"]) == ("kabkota", "Kabupaten Gorontalo")


def test_an_index_is_no_programme() -> None:
    r = _release("Pemerintah Kabupaten Gorontalo menggelar rembuk stunting di aula kantor "
                 "bupati, Senin (5/5/2025). Stunting menekan Indeks Pembangunan Manusia (IPM) "
                 "daerah, kata Bupati.")
    assert r["programs"] == []


def test_a_stop_word_before_a_number_starts_no_name() -> None:
    from loaders.articles.places import Places
    from loaders.articles.vocab import vocabulary

    places = Places(parse("t.txt", "Judul\n\nTeks."), gazetteer(), vocabulary())
    assert places.words("Tahun 2025 yang berlangsung di hotel") == []
    assert places.words("Gorontalo Utara menggelar") == ["Gorontalo", "Utara"]
