"""Meetings a blind set of real releases showed missed (issue 10, eval19): a nationwide
count of kab/kota in the lead ('sebanyak 360 Kabupaten/Kota lokus') read as the kab/kota of
one province gathered, which gave a kabupaten's own rembuk to its province; and a
kabupaten whose official name (Pangkajene dan Kepulauan) the national tree writes without
its "dan", so neither that name nor its short form resolved. Own texts."""

from __future__ import annotations

from loaders.articles.gazetteer import gazetteer
from tests.loaders.extract_helpers import json_on


def test_a_nationwide_count_of_kabkota_is_no_province_gathering() -> None:
    text = ("Pemkab Gelar Rembuk Stunting\n\n"
            "ASAHAN - Dari 250 Kabupaten/Kota yang ditetapkan sebagai lokasi fokus "
            "penurunan stunting tahun ini, salah satunya adalah Kabupaten Asahan di Provinsi "
            "Sumatera Utara, maka pada Kamis 4 Maret 2021 pemerintah setempat "
            "melaksanakan Rembuk Stunting (Aksi 3) di aula kantor bupati. Kepala Bappeda "
            "menyampaikan daftar desa lokus kepada para peserta.\n")
    meeting = json_on(text, gazetteer())["meetings"][0]
    assert meeting["level"] == "kabkota"
    assert meeting["region"]["name"] == "Kabupaten Asahan"


def test_a_province_gathering_its_kabkota_still_holds_the_meeting() -> None:
    text = ("Rakor Evaluasi Stunting\n\n"
            "MEDAN - Rapat koordinasi evaluasi stunting yang diikuti 33 kabupaten/kota "
            "digelar di Medan, Sumatera Utara, Kamis 4 Maret 2021. Para peserta "
            "memaparkan capaian masing-masing.\n")
    meeting = json_on(text, gazetteer())["meetings"][0]
    assert meeting["level"] == "province"


def test_the_official_name_the_tree_spells_without_dan_resolves() -> None:
    gaz = gazetteer()
    tree = gaz.find("kabkota", "Pangkajene Kepulauan")
    assert tree
    assert gaz.find("kabkota", "Pangkajene dan Kepulauan") == tree
    assert gaz.find("kabkota", "Pangkep") == tree


def test_a_gold_region_in_its_official_spelling_matches_the_trees_name() -> None:
    from loaders.articles.score import same_place

    assert same_place("Kabupaten Pangkajene dan Kepulauan", "Kabupaten Pangkajene Kepulauan")
    assert not same_place("Kabupaten Pangkajene dan Kepulauan", "Kabupaten Kepulauan Selayar")
    assert not same_place("Kota Pangkajene dan Kepulauan", "Kabupaten Pangkajene Kepulauan")
