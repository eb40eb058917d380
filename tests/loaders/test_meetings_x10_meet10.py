"""Issue 10 (x10-meet10): held meetings the extractor missed on a blind set of real
releases. Each case is a release of the corpus (tests/loaders/corpus/releases/r187*)
written for the pattern, read against the national tree, plus short counter-cases that
must stay without a meeting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from loaders.articles.document import load, parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.gold import read_gold
from loaders.articles.output import to_json
from loaders.articles.score import same_place

RELEASES = Path(__file__).parent / "corpus" / "releases"


def _first_meeting(name: str) -> dict[str, Any]:
    out = to_json(extract(load(RELEASES / f"{name}.txt")))
    assert out["meetings"], out["source"].get("skipped") or "no meeting found"
    return dict(out["meetings"][0])


def _gold(name: str) -> Any:
    return read_gold(RELEASES / f"{name}.gold.json")


@pytest.mark.parametrize("name", [
    "r1871_belu_workshop_yayasan_lintas_sektor",   # an NGO's workshop with the sectors
    "r1872_muna_asesmen_tpps_evaluasi_aksi",       # an asesmen of the TPPS + 8 aksi evaluation
    "r1873_purworejo_rakor_gaya_feature",          # feature style: no held verb at all
    "r1874_kotawaringin_timur_pertemuan_pelaksanaan",  # 'Pelaksanaan kegiatan tersebut ...'
    "r1875_bengkayang_wabup_rakor_provinsi_kalbar",  # a kab's Wabup at the province's rakor
    "r1876_sulbar_pertemuan_tpps_sekretaris_provinsi",  # the province's team speaks for it
    "r1877_padang_pariaman_nagari_sikabu_tanpa_kecamatan",  # the tree appends the kecamatan
])
def test_the_held_meeting_its_day_and_region_are_found(name: str) -> None:
    got = _first_meeting(name)
    gold = _gold(name).meeting
    assert got["date"] == gold.date
    assert got["level"] == gold.level
    for field in ("province", "kabkota", "kecamatan", "desa_kelurahan"):
        written = gold.region[field]
        assert (got["region"][field] is None) == (written is None), field
        if written is not None:
            assert same_place(written, got["region"][field]), field


@pytest.mark.parametrize("text", [
    # a workshop announced, not held
    "Yayasan Tunas Harapan Timur Akan Gelar Workshop Stunting\n\nATAMBUA – Yayasan Tunas "
    "Harapan Timur akan menggelar workshop konvergensi stunting bagi perangkat daerah "
    "Kabupaten Belu pada bulan depan.\n",
    # the assessment is only the object of a training
    "Pelatihan Kader Posyandu di Belu\n\nATAMBUA – Dinas Kesehatan Belu menggelar pelatihan "
    "asesmen gizi balita stunting bagi kader posyandu, Rabu (15/10/2025), di Aula Puskesmas "
    "Atapupu.\n",
])
def test_a_workshop_or_assessment_not_held_as_a_meeting_gives_none(text: str) -> None:
    assert extract(parse("x.txt", text)).meeting is None


@pytest.mark.parametrize(("skill", "meeting"), [
    ("pembuatan MP-ASI", False), ("pengolahan pangan lokal", False),
    ("praktik pemberian makan bayi", False), ("pengolahan data sasaran", True),
    ("penguatan peran perangkat daerah", True)])
def test_a_workshop_teaching_a_hands_on_skill_is_a_training(skill: str, meeting: bool) -> None:
    text = (f"Puskesmas Atapupu Gelar Workshop Stunting\n\nATAPUPU – Puskesmas Atapupu "
            f"menggelar workshop {skill} untuk percepatan penurunan stunting bagi kader dan "
            "perangkat desa, Kamis (16/10/2025), di Aula Puskesmas Atapupu.\n")
    assert (extract(parse("x.txt", text)).meeting is not None) == meeting


def test_a_feature_headline_meeting_is_held_by_the_team_its_name_holds() -> None:
    out = to_json(extract(load(RELEASES / "r1873_purworejo_rakor_gaya_feature.txt")))
    tpps = [i for i in out["institutions"] if i["type"] == "TPPS"]
    assert tpps and "organiser" in tpps[0]["roles"]


@pytest.mark.parametrize("text", [
    # the headline names a rakor the lead says is coming
    "Rakor TPPS Triwulan III Kabupaten Purworejo\n\nPURWOREJO | Kamis (9/10/2025), para "
    "camat dan kepala puskesmas akan diundang ke Ruang Arahiwang Setda Purworejo untuk "
    "rakor berikutnya.\n",
    # the headline names a rakor, the lead gives no day: a column, not a report
    "Rakor TPPS dan Data Stunting Purworejo\n\nPURWOREJO | Para camat dan kepala "
    "puskesmas selalu membawa banyak data. Angka stunting di kabupaten ini terus dibahas "
    "dari tahun ke tahun.\n",
    # the event pointed back at is planned, not held
    "Pertemuan Koordinasi TPPS Kotawaringin Timur 2025\n\nSAMPIT – Ketua Pelaksana TPPS "
    "menyebut pertemuan koordinasi tahun 2025 penting bagi perangkat daerah. Data keluarga "
    "berisiko stunting masih tinggi. Semua dinas diminta menyiapkan data. Pelaksanaan "
    "kegiatan tersebut direncanakan bulan depan di Aula Bappeda.\n",
])
def test_a_headline_or_later_cue_without_a_held_event_gives_no_meeting(text: str) -> None:
    assert extract(parse("x.txt", text)).meeting is None


def test_a_province_after_a_break_in_the_meeting_sentence_does_not_hold_it() -> None:
    text = ("Wabup Paser Ikuti Rakor Stunting\n\nTANA PASER – Wakil Bupati Paser, Budi "
            "Santoso, mengikuti Rapat Koordinasi Evaluasi capaian stunting Kabupaten Paser "
            "di Aula Kantor Bupati Paser, Senin (3/11/2025), dihadiri Kepala Biro Kesra "
            "Provinsi Kalimantan Timur.\n")
    m = extract(parse("x.txt", text)).meeting or {}
    assert m.get("level") == "kabkota"
    assert m["region"]["kabkota"] == "Kabupaten Paser"


def test_a_village_named_with_its_kecamatan_appended_answers_to_its_own_name() -> None:
    tree = [
        {"code": "13", "name": "Sumatera Barat", "level": "province", "parent": None},
        {"code": "13.05", "name": "Kabupaten Padang Pariaman", "level": "kabkota",
         "parent": "13"},
        {"code": "13.05.01", "name": "Lubuk Alung", "level": "kecamatan", "parent": "13.05"},
        {"code": "13.05.01.2001", "name": "Sikabu Lubuk Alung", "level": "desa",
         "parent": "13.05.01"},
        {"code": "13.05.01.2002", "name": "Pasar Lubuk Alung", "level": "desa",
         "parent": "13.05.01"},
        {"code": "13.05.01.2003", "name": "Lubuk Alung", "level": "desa", "parent": "13.05.01"},
    ]
    # a common head word that opens many village names stays no name of its own
    tree += [{"code": f"13.05.01.{3000 + n}", "name": f"Pasar Ke{n}", "level": "desa",
              "parent": "13.05.01"} for n in range(20)]
    g = Gazetteer.from_regions(tree)
    assert g.find("desa", "Sikabu") == ["13.05.01.2001"]
    assert g.find("desa", "Sikabu Lubuk Alung") == ["13.05.01.2001"]
    assert "13.05.01.2002" not in g.find("desa", "Pasar")
    assert g.find("desa", "Lubuk Alung") == ["13.05.01.2003"]  # the namesake keeps its name


@pytest.mark.parametrize("idiom", ["Satu per satu", "Satu demi satu", "Satu persatu"])
def test_one_after_another_counts_no_participant(idiom: str) -> None:
    text = ("Rakor TPPS Kabupaten Purworejo Digelar\n\nPURWOREJO – Rakor TPPS Kabupaten "
            "Purworejo digelar di Ruang Arahiwang Setda Purworejo, Kamis (9/10/2025). "
            f"{idiom} peserta rapat menyampaikan capaian kecamatannya. Sebanyak dua puluh "
            "peserta hadir.\n")
    figures = extract(parse("x.txt", text)).figures
    assert [f["value"] for f in figures if f["what"] == "participants"] == [20]
