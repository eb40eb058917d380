"""How releases name and list the bodies that took part (guide §4-§5), one pattern per test,
on sentences written for these tests against the invented tree of the guide; and proof that
the institution and role vocabularies are read from the data folder they are given."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from loaders.articles.document import DATA, parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.output import to_json
from loaders.articles.vocab import vocabulary

TREE = Gazetteer.from_regions(json.loads(
    (Path(__file__).parent / "articles" / "invented_tree.json").read_text("utf-8")))
PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."


def run(text: str, root: Path = DATA) -> dict[str, Any]:
    doc = parse("case.txt", text + PAD, root)
    return to_json(extract(doc, gaz=TREE, vocab=vocabulary(root) if root != DATA else None))


def types(text: str, root: Path = DATA) -> set[str]:
    return {i["type"] for i in run(text, root)["institutions"]}


def roles(text: str, code: str) -> set[str]:
    return {r for i in run(text)["institutions"] if i["type"] == code for r in i["roles"]}


LEAD = "Pemerintah Kecamatan Sukaluyu menggelar lokakarya mini stunting, Rabu (5/11/2025). "


def test_a_representation_inside_a_list_does_not_end_it() -> None:
    got = types(LEAD + "Hadir Camat Sukaluyu, Kapolsek Sukaluyu yang diwakili Kanit Binmas, "
                "Kepala KUA Sukaluyu, Kepala Desa Mekarsari dan Ketua TP PKK Kecamatan.")
    assert {"POLSEK", "KUA", "DESA", "PKK"} <= got


def test_hadir_mewakili_with_the_body_first() -> None:
    got = types("Pemerintah Desa Mekarsari menggelar rembuk stunting, Senin (3/3/2025). Hadir "
                "mewakili Polsek Sukaluyu, Bhabinkamtibmas Bripka Ujang ikut memberi pesan.")
    assert {"POLSEK", "BHABINKAMTIBMAS"} <= got


def test_a_second_representative_joined_by_serta() -> None:
    got = types(LEAD + "Polsek Sukaluyu diwakili oleh Aipda Budi, S.H. selaku Kanit Binmas "
                "serta Brigpol Ali selaku Bhabinkamtibmas.")
    assert {"POLSEK", "BHABINKAMTIBMAS"} <= got


def test_the_government_acting_through_an_office_organises_too() -> None:
    text = ("Pemerintah Kabupaten Lembah Hijau melalui Dinas Pengendalian Penduduk dan Keluarga "
            "Berencana menggelar diseminasi audit kasus stunting, Kamis (14/8/2025).")
    assert "organiser" in roles(text, "PEMDA") and "organiser" in roles(text, "DINAS_KB")


def test_a_verbless_paragraph_continues_the_list_before_it() -> None:
    got = types("Pemkab Lembah Hijau menggelar rakor stunting, Selasa (4/11/2025).\n\n"
                "Rakor diikuti perwakilan Korem.\n\n"
                "Kepala Dinas Kesehatan, Kepala Dinas Sosial serta perwakilan OPD.")
    assert {"DINKES", "DINSOS"} <= got


def test_spaced_passives_and_misspelt_puskesmas() -> None:
    text = ("Serda Yayan, anggota Koramil 01/Sukaluyu, menghadiri rembuk stunting Desa Mekarsari "
            "yang di gelar oleh Pukesmas Sukaluyu, Selasa (18/3/2025).")
    assert "organiser" in roles(text, "PUSKESMAS")
    assert "organiser" not in roles(text, "KORAMIL")


def test_abbreviations_do_not_split_a_list() -> None:
    got = types(LEAD + "Hadir Danramil Sukaluyu Kapten Inf. Rusli, Ka.UPTD Pusk. Sukaluyu, "
                "Ketua BPRN Syafrudin Dt. Rajo Intan, Ketua TP PKK Kecamatan dan kader Posyandu.")
    assert {"KORAMIL", "PUSKESMAS", "DESA", "PKK", "POSYANDU"} <= got


def test_a_unit_chain_across_a_comma_and_a_bracketed_acronym() -> None:
    got = types(LEAD + "Babinsa Koramil 9901-03/Sukaluyu, Komando Distrik Militer (Kodim) "
                "9901/Lembah Hijau, Serka Dedi, mengikuti rapat itu.")
    assert "BABINSA" in got and not {"KORAMIL", "KODIM"} & got


def test_babinsa_then_a_kapolsek_are_two_attendees() -> None:
    got = types(LEAD + "Hadir Babinsa, Kapolsek Sukaluyu dan Camat Sukaluyu.")
    assert {"BABINSA", "POLSEK"} <= got


def test_kecamatan_section_heads_and_staff() -> None:
    for title in ("Kasi Ekobang Kecamatan Sukaluyu", "Kasi Tata Pemerintahan Kecamatan Sukaluyu",
                  "staf seksi pembangunan Kecamatan Sukaluyu"):
        got = types("Pemerintah Desa Mekarsari menggelar rembuk stunting, Senin (3/3/2025). "
                    f"Turut hadir {title} dan Ketua BPD.")
        assert "KECAMATAN" in got, title


def test_a_meeting_named_after_the_team_is_organised_by_it() -> None:
    text = ("Pemerintah Kecamatan Sukaluyu menggelar Rapat Koordinasi Tim Percepatan Penurunan "
            "Stunting (TPPS) di aula kantor camat, Kamis (16/10/2025).")
    assert "organiser" in roles(text, "TPPS")


def test_acting_titles_and_initials_do_not_split_a_list() -> None:
    got = types(LEAD + "Hadir Plt. Camat Sukaluyu, Dra. Ani selaku Kabid Pengendalian Penduduk, "
                "Kepala Puskesmas Sukaluyu Hi. Rusdi A. Latif, Ketua TP PKK Kecamatan dan "
                "perwakilan desa.")
    assert {"KECAMATAN", "DINAS_KB", "PUSKESMAS", "PKK", "DESA"} <= got


def test_attendance_a_speaker_reports_in_a_quote_counts() -> None:
    got = types("Pemerintah Desa Mekarsari menggelar rembuk stunting, Senin (3/3/2025). "
                "Kepala Desa menuturkan, \"Acara tadi diikuti Kepala Puskesmas Sukaluyu dan kader "
                "posyandu.\"")
    assert {"PUSKESMAS", "POSYANDU"} <= got


def test_a_hope_inside_a_quote_is_still_no_attendance() -> None:
    got = types(LEAD + "Camat Sukaluyu membuka kegiatan. \"Kami berharap rembuk berikutnya "
                "dihadiri Kapolsek Sukaluyu,\" katanya.")
    assert "POLSEK" not in got


def test_speech_carried_into_the_next_sentence_stays_quoted() -> None:
    got = types(LEAD + "Camat Sukaluyu membuka kegiatan. \"Tim kami sudah lengkap. Isinya bidan, "
                "kader KB dan kader PKK,\" katanya.")
    assert "PKK" not in got


def test_the_object_of_a_hope_is_not_the_speaker() -> None:
    got = types(LEAD + "Camat Sukaluyu berharap para kader posyandu dapat menyampaikan data "
                "balita setiap bulan.")
    assert "POSYANDU" not in got


def test_a_chief_speaking_through_a_subordinate_takes_part() -> None:
    text = (LEAD + "Kapolres Lembah Hijau, AKBP Dwi, S.I.K., melalui Kapolsek Sukaluyu "
            "menyampaikan dukungannya.")
    assert "presenter" in roles(text, "POLRES") and "presenter" in roles(text, "POLSEK")


def test_a_purpose_clause_lists_no_attendees() -> None:
    got = types(LEAD + "Kegiatan ini melibatkan diskusi terarah dan membangun komitmen bersama "
                "antara pemerintah desa, PKK dan tokoh masyarakat.")
    assert not {"PKK", "COMMUNITY"} & got


def test_the_issuer_of_a_rule_is_not_an_attendee() -> None:
    got = types(LEAD + "Dasarnya Peraturan BKKBN Nomor 12 Tahun 2021. Hadir Camat Sukaluyu.")
    assert "BKKBN" not in got and "KECAMATAN" in got


def test_award_winners_and_installed_officials_were_there() -> None:
    got = types("Pemkab Lembah Hijau menggelar rakor stunting, Selasa (4/11/2025). Yang "
                "dikukuhkan sebagai orang tua asuh adalah Kapolres Lembah Hijau dan Dandim. Yang "
                "menerima penghargaan adalah PT Sinar Gizi dan Yayasan Harapan Ibu.")
    assert {"POLRES", "KODIM", "BUSINESS", "NGO"} <= got


def test_a_merged_office_written_with_a_comma_gives_both_types_their_roles() -> None:
    text = ("Pemerintah Kabupaten Lembah Hijau melalui Dinas Kesehatan, Pengendalian Penduduk, "
            "dan Keluarga Berencana menggelar rakor stunting, Kamis (14/8/2025).")
    assert "organiser" in roles(text, "DINKES") and "organiser" in roles(text, "DINAS_KB")


def test_a_stage_between_the_meeting_and_the_team() -> None:
    text = ("Pemerintah Kabupaten Lembah Hijau menggelar Rapat Koordinasi Tahap II Tim "
            "Percepatan Penurunan Stunting (TPPS), Kamis (14/8/2025).")
    assert "organiser" in roles(text, "TPPS")


def test_more_titles_of_offices() -> None:
    got = types("Pemkab Lembah Hijau menggelar rakor stunting, Selasa (4/11/2025). Wabup Lembah "
                "Hijau ikut rakor. Hadir Kadis BKKBN Kabupaten Lembah Hijau, Direktur RSD Lembah "
                "Hijau, Koordinator Balai PL KB, organisasi profesi dan Lembaga Swadaya "
                "Masyarakat.")
    assert {"PEMDA", "DINAS_KB", "RSUD", "PLKB", "PROFESSIONAL_ORG", "NGO"} <= got
    assert "BKKBN" not in got


@pytest.mark.parametrize("cue", ["Peserta terdiri atas", "Narasumber terdiri dari",
                                 "Rapat disaksikan", "Aula dipadati"])
def test_list_cues(cue: str) -> None:
    got = types(LEAD + f"{cue} Kepala Puskesmas Sukaluyu, pendeta jemaat dan Bendesa Adat.")
    assert {"PUSKESMAS", "COMMUNITY"} <= got, cue


def test_a_team_membership_list_is_still_not_attendance() -> None:
    got = types(LEAD + "Dibuka Camat Sukaluyu. TPPS kecamatan terdiri dari Puskesmas Sukaluyu, "
                "KUA Sukaluyu dan PKK.")
    assert not {"KUA", "PKK"} & got


def test_who_must_cooperate_and_hoped_for_synergy_are_not_attendance() -> None:
    got = types(LEAD + "Camat Sukaluyu menegaskan penanganan stunting membutuhkan kolaborasi "
                "antara pemerintah, PKK dan tokoh masyarakat. Ke depan Babinsa akan bersinergi "
                "dengan penyuluh KB dan kader Posyandu menjemput sasaran yang tidak hadir ke "
                "Posyandu.")
    assert not {"PKK", "COMMUNITY", "PLKB", "POSYANDU"} & got


def test_village_enterprises_and_islamic_colleges() -> None:
    got = types("Pemerintah Nagari Sungai Janiah menggelar musyawarah nagari rembuk stunting, "
                "Senin (11/8/2025). Hadir pengelola BUMNag dan mahasiswa KKN IAIN Batusangkar.")
    assert {"BUSINESS", "UNIVERSITY"} <= got


def test_a_body_named_only_in_the_headline_counts_through_its_verb() -> None:
    text = ("Sekda Lembah Hijau Pimpin Rembuk Stunting Kabupaten\n\n"
            "Rembuk stunting Kabupaten Lembah Hijau digelar di aula Bappeda, Senin (2/6/2025). "
            "Kegiatan diikuti para camat.")
    assert "chair" in roles(text, "PEMDA")
    got = types("Ketua TP PKK Sukaluyu dan Kapolsek Sukaluyu Dukung Lokmin\n\n" + LEAD)
    assert not {"PKK", "POLSEK"} & got  # no headline verb binds them


def test_heads_of_villages_and_kelurahan_unattached_nutritionists() -> None:
    got = types(LEAD + "Kegiatan diikuti oleh para kepala desa dan kelurahan serta ahli gizi "
                "puskesmas.")
    assert {"DESA", "KELURAHAN"} <= got and "PUSKESMAS" not in got


def test_work_done_by_someone_before_the_meeting_is_not_organising() -> None:
    text = (LEAD + "Pendataan keluarga sasaran dilaksanakan oleh KPM Desa Mekarsari. "
            "Verifikasi data dilakukan oleh Puskesmas Sukaluyu.")
    assert not {"KPM", "PUSKESMAS"} & types(text)
    text = ("Rembuk stunting Kecamatan Sukaluyu digelar di aula kantor camat, Senin (2/6/2025). "
            "Kegiatan ini dilakukan oleh TPPS Kecamatan Sukaluyu.")
    assert "organiser" in roles(text, "TPPS")


def test_kecamatan_staff_and_village_officials() -> None:
    got = types("Pemerintah Desa Mekarsari menggelar rembuk stunting, Senin (3/3/2025). "
                "Fungsional Umum Seksi Pembangunan Kecamatan Sukaluyu turut hadir. "
                "Kasi Pemerintahan Desa Mekarsari menyampaikan laporan.")
    assert "KECAMATAN" in got
    assert "organiser" not in roles("Balai Keluarga Berencana (KB) Kecamatan Sukaluyu menggelar "
                                    "lokakarya mini stunting, Rabu (5/11/2025).", "KECAMATAN")


def test_bodies_joined_before_an_organiser_verb_and_two_offices() -> None:
    text = ("Pemkab Lembah Hijau melalui BKKBN dan Dinas Kesehatan menggelar rakor stunting, "
            "Selasa (4/11/2025). Wakil Bupati Lembah Hijau, Ahmad, yang juga Ketua TPPS, "
            "memimpin rapat. Pendekatan pentahelix dengan melibatkan dunia usaha dan akademisi.")
    assert "organiser" in roles(text, "BKKBN") and "organiser" in roles(text, "DINKES")
    assert "chair" in roles(text, "PEMDA") and "chair" in roles(text, "TPPS")
    assert not {"BUSINESS", "UNIVERSITY"} & types(text)


def test_dukcapil_merged_with_kb_and_the_national_team() -> None:
    text = ("Dinas Kependudukan, Pencatatan Sipil dan Keluarga Berencana (Disdukcapil-KB) "
            "Kabupaten Lembah Hijau menggelar rakor stunting, Selasa (4/11/2025). "
            "Kepala Dinas mengingatkan hasil Rapat Koordinasi TPPS Pusat bulan lalu.")
    got = types(text)
    assert {"DISDUKCAPIL", "DINAS_KB"} <= got and "TPPS" not in got


# -- the vocabularies are read from the folder given ------------------------------------


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def test_an_analyst_adds_an_official_title(data: Path) -> None:
    text = LEAD + "Hadir Camat Sukaluyu dan Juru Gizi Sukaluyu."
    assert "PUSKESMAS" not in types(text)  # (vocabulary(folder) is read once per folder)
    with (data / "institutions.csv").open("a", encoding="utf-8") as f:
        f.write("PUSKESMAS,Juru\\s+Gizi,any,,place,Puskesmas\n")
    assert "PUSKESMAS" in types(text, data)


def test_an_analyst_adds_a_role_cue(data: Path) -> None:
    text = LEAD + "Nampak di barisan depan Kepala KUA Sukaluyu."
    assert "KUA" not in types(text)
    with (data / "roles.csv").open("a", encoding="utf-8") as f:
        f.write("nampak\\s+di\\s+barisan\\s+depan,participant,after\n")
    assert "KUA" in types(text, data)


def test_an_analyst_adds_an_abbreviation(data: Path) -> None:
    text = (LEAD + "Hadir Kepala Puskesmas Sukaluyu, Pnt. Yosua yang membawakan doa dan Ketua TP "
            "PKK Kecamatan.")
    assert "PKK" not in types(text)  # "Pnt." (a church elder) ends the sentence: the list is cut
    with (data / "abbreviations.txt").open("a", encoding="utf-8") as f:
        f.write("Pnt\n")
    assert "PKK" in types(text, data)


@pytest.mark.parametrize(("name", "row", "says"), [
    ("institutions.csv", "PUSKESMAS,Juru\\s+Gizi{1,2},any,,place,Puskesmas\n", "quote a pattern"),
    ("roles.csv", "nampak{1,2},participant,after\n", "quote a cue"),
])
def test_a_broken_row_is_named(data: Path, name: str, row: str, says: str) -> None:
    with (data / name).open("a", encoding="utf-8") as f:
        f.write(row)
    v = vocabulary(data)
    with pytest.raises(ValueError, match=says) as err:
        _ = v.institutions if name == "institutions.csv" else v.roles
    assert name in str(err.value)
