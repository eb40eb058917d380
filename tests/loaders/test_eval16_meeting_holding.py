"""Meeting detection, dates and the holding level (eval16): each release below is invented,
written for its rule, with real place names only as the national tree has them."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from tests.loaders.extract_helpers import release_json


def _meeting(body: str, dateline: str | None = None) -> dict[str, Any] | None:
    out = release_json(body, dateline)
    meetings = out.get("meetings") or []
    return meetings[0] if meetings else None


def _level(body: str) -> tuple[str | None, dict[str, Any]]:
    m = _meeting(body)
    assert m is not None
    return m["level"], m["region"] or {}


# -- a kecamatan's office as the venue, its Camat taking part (guide §3.3.4 tie-breaker) --

def test_meeting_in_the_camat_office_with_the_camat_is_the_kecamatan() -> None:
    level, region = _level(
        "SUMEDANG - Upaya menekan stunting terus berjalan. Pada Selasa (4/3/2025), Danramil "
        "setempat hadir dalam rapat stunting yang digelar di Aula Kantor Camat Jatinangor, "
        "Kabupaten Sumedang.\n"
        "Rapat dihadiri Camat Jatinangor, Kepala Puskesmas Jatinangor, serta para kepala desa "
        "se-Kecamatan Jatinangor.\n"
        "Camat Jatinangor meminta setiap desa memperbarui data balita setiap bulan.")
    assert level == "kecamatan"
    assert region["kecamatan"] == "Jatinangor"


def test_kantor_distrik_opened_by_its_kepala_distrik() -> None:
    level, region = _level(
        "Rembuk stunting semester pertama berlangsung di Gedung Serba Guna Kantor Distrik "
        "Sentani Timur, Kabupaten Jayapura, Rabu (9/7/2025).\n"
        "Peserta berasal dari kampung-kampung dan kader kesehatan.\n"
        "Kepala Distrik Sentani Timur saat membuka rembuk tersebut mengajak semua kampung "
        "menganggarkan dana untuk gizi balita.")
    assert level == "kecamatan"
    assert region["kecamatan"] == "Sentani Timur"


def test_a_tour_stop_in_the_kecamatan_office_stays_the_kabupaten() -> None:
    level, region = _level(
        "SUMEDANG - Dinas Kesehatan Kabupaten Sumedang melanjutkan roadshow diskusi "
        "penurunan stunting ke Kecamatan Jatinangor. Sarasehan stunting itu berlangsung di "
        "Aula Kantor Camat Jatinangor pada Kamis (6/3/2025).\n"
        "Camat Jatinangor menyambut rombongan dinas dan turut hadir bersama para kader.")
    assert level == "kabkota"
    assert region["kabkota"] == "Kabupaten Sumedang"


# -- a desa name that goes on with a capitalised stop word (Kosambi Dalam) ---------------

def test_desa_name_with_a_stop_word_the_tree_has() -> None:
    level, region = _level(
        "TANGERANG - Pemerintah Desa Kosambi Dalam menggelar rembuk stunting di Kantor Desa "
        "Kosambi Dalam, Kecamatan Mekar Baru, Kabupaten Tangerang, Senin (12/5/2025).\n"
        "Rembuk dihadiri bidan desa, kader posyandu dan perangkat desa.")
    assert level == "desa"
    assert region["desa_kelurahan"] == "Kosambi Dalam"
    assert region["kecamatan"] == "Mekar Baru"


# -- an interview that only counts past meetings and tells of duties and plans -----------

def test_a_tally_of_past_meetings_and_a_duty_are_no_held_meeting() -> None:
    out = release_json(
        "Seorang pejabat dinas mengatakan, kegiatan Diseminasi Audit Kasus Stunting sudah "
        "diadakan tiga kali di kabupaten ini.\n"
        "Menurutnya, Diseminasi Audit Kasus Stunting memang harus dilakukan dua kali dalam "
        "satu tahun.\n"
        "\"Secara aturan kegiatan ini harus dilaksanakan dua kali setahun,\" katanya, Kamis "
        "(6/2/2025).\n"
        "Tahun depan dinas akan kembali melakukan audit kasus stunting di tujuh kecamatan.",
        "Kabupaten Garut")
    assert not out.get("meetings")


# -- a performance assessment -------------------------------------------------------------

def test_penilaian_desa_berkinerja_held_online_by_the_province() -> None:
    m = _meeting(
        "Pemerintah Provinsi Jawa Timur menyelenggarakan paparan Penilaian Desa Berkinerja "
        "Baik dalam Konvergensi Percepatan Penurunan Stunting secara daring pada Selasa, 8 "
        "Juli 2025.\n"
        "Desa Sumberejo mengikuti paparan itu dari balai desanya bersama bidan dan kader.")
    assert m is not None
    assert m["date"] == "2025-07-08"
    assert m["level"] == "province"
    assert m["region"]["province"] == "Jawa Timur"


def test_a_kabupaten_presenting_at_an_assessment_is_assessed_by_the_province() -> None:
    m = _meeting(
        "Bupati Bone Bolango memaparkan capaian Pemerintah Kabupaten Bone Bolango dalam "
        "penilaian aksi konvergensi percepatan penurunan stunting tahun 2025 yang berlangsung "
        "di Ruang Rapat Bappeda Provinsi Gorontalo, Rabu (15/10/2025).\n"
        "Dalam paparannya, Bupati menyebut seluruh desa lokus telah memiliki rencana kegiatan.")
    assert m is not None
    assert m["date"] == "2025-10-15"
    assert m["level"] == "province"
    assert m["region"]["province"] == "Gorontalo"


# -- the national tree: a village joins the same kecamatan whatever the hash seed ----------

_PROBE = (
    "from loaders.articles.gazetteer import gazetteer\n"
    "g = gazetteer()\n"
    "codes = [c for c in g.find('desa', 'Marga Rahayu') if c.startswith('16.73.')]\n"
    "print(g.region(g.region(codes[0]).parent_code).name)\n")


@pytest.mark.parametrize("seed", ["1", "5"])
def test_tree_joins_villages_to_one_kecamatan_whatever_the_seed(seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    got = subprocess.run([sys.executable, "-c", _PROBE], env=env, cwd=root, check=True,
                         capture_output=True, text=True).stdout.strip()
    # the source lists Marga Rahayu under Lubuk Linggau Selatan II, not Utara II
    assert got == "Lubuk Linggau Selatan Dua (II)"
