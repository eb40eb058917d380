"""The extractor on releases written for these tests against an invented region tree
(tests/loaders/articles/invented_tree.json), one trap of the field guide each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.output import to_json

TREE = Gazetteer.from_regions(json.loads(
    (Path(__file__).parent / "articles" / "invented_tree.json").read_text("utf-8")))
# Enough common words for the input check (a release is longer than one sentence).
PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."


def run(text: str) -> dict[str, Any]:
    return to_json(extract(parse("case.txt", text + PAD), gaz=TREE))


def types(r: dict[str, Any]) -> set[str]:
    return {i["type"] for i in r["institutions"]}


def test_kabupaten_rakor_in_a_city_hotel_belongs_to_the_kabupaten() -> None:
    r = run("TIRTA RAYA – Pemkab Lembah Hijau menggelar Rakor TPPS di Hotel Melati, Senin "
            "(3/3/2025) pukul 08.30 WITA. Wabup membuka rakor didampingi Ketua TP PKK; hadir "
            "Kepala DP3AP2KB dan para camat.")
    [m] = r["meetings"]
    assert (m["date"], m["start_time"], m["venue"]) == ("2025-03-03", "08:30", "Hotel Melati")
    assert (m["level"], m["region"]["kabkota"], m["region"]["province"]) == (
        "kabkota", "Kabupaten Lembah Hijau", "Nusa Kencana")
    assert types(r) == {"PEMDA", "TPPS", "PKK", "DINAS_KB", "KECAMATAN"}
    [camat] = [i for i in r["institutions"] if i["type"] == "KECAMATAN"]
    assert camat["collective"]


def test_missing_year_comes_from_the_weekday_and_publication() -> None:
    r = run("Senin, 20 Februari 2023 10:00 WITA\nGubernur Nusa Kencana diwakili Wagub membuka "
            "Rakor TPPS Provinsi di Aula Bappeda Provinsi, Kamis (16/02); hadir Kepala "
            "Perwakilan BKKBN.")
    [m] = r["meetings"]
    assert (m["date"], m["level"], m["region"]["province"]) == ("2023-02-16", "province",
                                                                "Nusa Kencana")
    assert types(r) == {"PEMDA", "TPPS", "BKKBN"}  # the Bappeda is only the venue


@pytest.mark.parametrize("text", [
    "Camat Batu Ampar mengatakan rakor TPPS kecamatan akan digelar pekan depan.",
    "Rembuk Stunting Desa adalah musyawarah tahunan untuk menyepakati kegiatan konvergensi. "
    "Pesertanya terdiri dari Kades, BPD dan kader Posyandu.",
    "Dinas KB Kota Lembah Hijau mengajak kader mengikuti edukasi gizi, Kamis (18/9/2025). "
    "Menurut kepala dinas, kegiatan ini merupakan hasil kesepakatan rakor TPPS bulan lalu.",
])
def test_plans_explainers_and_passing_mentions_give_no_meeting(text: str) -> None:
    r = run(text)
    assert r["meetings"] == [] and r["institutions"] == [] and "skipped" in r


def test_village_rembuk_in_another_village_hall_opened_by_the_camat() -> None:
    r = run("Pemerintah Desa Cibening menggelar Rembug Stunting desa di Aula Balai Desa "
            "Mekarsari, Kamis (17/10/2024), dibuka resmi Camat Sukaluyu.")
    [m] = r["meetings"]
    assert (m["level"], m["region"]["desa_kelurahan"], m["region"]["kecamatan"]) == (
        "desa", "Cibening", "Sukaluyu")
    assert m["venue"] == "Aula Balai Desa Mekarsari"


def test_nagari_and_distrik_tiers_fill_their_ancestors() -> None:
    r = run("Wali Nagari Sungai Janiah membuka Musnag Rembuk Stunting di aula kantor nagari, "
            "Jumat (11/7/2025).")
    region = r["meetings"][0]["region"]
    assert (region["desa_kelurahan"], region["kabkota"], region["province"]) == (
        "Sungai Janiah", "Kabupaten Tanah Rantau", "Sumatera Contoh")
    r = run("Pemerintah Distrik Wari menggelar Lokmin lintas sektor di Aula Puskesmas Wari, Rabu "
            "(5/11/2025) pukul 10.00 WIT. Hadir Kepala Puskesmas, PKB dan Kepala Kampung Yoboi.")
    [m] = r["meetings"]
    assert (m["level"], m["region"]["kecamatan"], m["start_time"]) == ("kecamatan", "Wari",
                                                                       "10:00")
    assert types(r) == {"KECAMATAN", "PUSKESMAS", "PLKB", "DESA"}


def test_same_named_village_settled_by_the_police_publisher() -> None:
    r = run("Sumber: Tribrata News Polres Lembah Hijau\nBhabinkamtibmas Bripka Yusuf hadir "
            "mewakili Kapolsek Sukaluyu pada Rembuk Stunting Desa Mekarsari, Selasa siang "
            "(23/9/2025), bersama Kades dan kader Posyandu.")
    [m] = r["meetings"]
    assert m["region"]["kabkota"] == "Kabupaten Lembah Hijau"
    assert types(r) == {"BHABINKAMTIBMAS", "POLSEK", "DESA", "POSYANDU"}  # no POLRES


def test_babinsa_unit_chain_and_hopes_are_not_attendance() -> None:
    r = run("Babinsa Koramil 9901-03/Sukaluyu Kodim 9901/Lembah Hijau, Sertu Darman, menghadiri "
            "Lokmin lintas sektor di Aula Puskesmas Batu Ampar, Kamis (13/11/2025). Ia berharap "
            "Bhabinkamtibmas, perangkat desa dan pihak kecamatan makin sering turun.")
    [m] = r["meetings"]
    assert (m["level"], m["region"]["kecamatan"]) == ("kecamatan", "Batu Ampar")
    assert types(r) == {"BABINSA", "PUSKESMAS"}


def test_collectives_collisions_and_absent_officials() -> None:
    r = run("Rakor TPPS Kabupaten Lembah Hijau, Senin (10/2/2025), dihadiri unsur Forkopimda, "
            "OPD terkait, unsur TNI/Polri, tenaga kesehatan, para camat dan Kapolsek jajaran "
            "Polres Lembah Hijau; bantuan disalurkan ke 40 KPM PKH sesuai KUA-PPAS. Wali Kota "
            "Lembah Hijau berhalangan hadir.")
    assert types(r) == {"TPPS", "KECAMATAN", "POLSEK"}
    assert r["programs"] == [] and r["measurements"] == []


def test_programs_open_vocabulary_and_exclusions() -> None:
    r = run("Pada rakor TPPS Kabupaten Lembah Hijau, Kamis (6/3/2025), Wabup meluncurkan inovasi "
            "SI SEHAT (Sistem Sehat Anak Tumbuh) sesuai Perpres 72/2021. PMT lokal dan e-PPGBM "
            "yang didanai DAK Non Fisik terus berjalan.")
    assert [p["name"] for p in r["programs"]] == ["SI SEHAT (Sistem Sehat Anak Tumbuh)"]


def test_figures_actual_values_with_their_own_periods() -> None:
    r = run("Rakor TPPS Provinsi Nusa Kencana digelar Kamis (6/3/2025) di Hotel Mawar. Angka "
            "nasional 21,5% belum mencapai target 14%. Untuk Nusa Kencana dipaparkan 18,4% pada "
            "2023 dan 16,2% pada 2024, sementara Lembah Hijau ditargetkan 12,5% pada 2026. Rakor "
            "yang dimulai pukul 10.20 WITA membahas anggaran Rp 2,5 miliar dan 3.215 keluarga "
            "berisiko stunting.")
    got = {(f["what"], f["value"], f["period"]) for f in r["measurements"]}
    assert got == {("stunting_prevalence_pct", 21.5, None),
                   ("stunting_prevalence_pct", 18.4, "2023"),
                   ("stunting_prevalence_pct", 16.2, "2024"),
                   ("families_at_risk", 3215, None)}
