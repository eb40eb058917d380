"""Who is named but did not attend (issue 10, items 4 and 5): bodies that follow the meeting
online, the addressees of an appeal, bodies named in a sentence about another event (an
earlier rakor, a speech at an apel, a statement signed months ago), and a subject whose
verb belongs to the people it appeals to. Also the holding region written in lower case
after 'Pemdes', and merged food-and-farming offices. Every sentence is written for these
tests against the invented tree of the guide (§9)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from loaders.articles.document import DATA
from loaders.articles.gazetteer import Gazetteer
from tests.loaders.extract_helpers import json_on
from tests.loaders.test_institution_cues import LEAD, PAD, TREE, roles, run, types


def test_a_body_that_follows_online_is_not_present() -> None:
    got = types(LEAD + "Dihadiri Kepala Puskesmas Sukaluyu. Staf Dinas Kesehatan Lembah Hijau "
                "mengikuti rapat secara daring dari kantornya.")
    assert "PUSKESMAS" in got and "DINKES" not in got
    got = types(LEAD + "Hadir Camat Sukaluyu. Bappeda Lembah Hijau bergabung melalui Zoom.")
    assert "BAPPEDA" not in got
    # the after form: 'hadir secara virtual' before the name
    got = types(LEAD + "Turut hadir secara virtual Kepala Bappeda Lembah Hijau.")
    assert "BAPPEDA" not in got
    # the same verbs without the online words are attendance
    assert "DINKES" in types(LEAD + "Staf Dinas Kesehatan Lembah Hijau mengikuti rapat itu.")


def test_online_absence_binds_the_list_item_it_follows_not_the_one_before() -> None:
    got = types(LEAD + "Kegiatan diikuti Kapolsek Sukaluyu, Bhabinkamtibmas Desa Mekarsari, "
                "serta Kabid Binmas Polda yang hadir secara virtual.")
    assert {"POLSEK", "BHABINKAMTIBMAS"} <= got


def test_the_addressees_of_an_appeal_spelt_menghimbau_do_not_attend() -> None:
    got = types(LEAD + "Dalam arahannya, Camat Sukaluyu menghimbau Dinas Sosial Lembah Hijau "
                "agar membantu pendataan.")
    assert "KECAMATAN" in got and "DINSOS" not in got


def test_an_appeal_between_a_subject_and_an_organiser_verb() -> None:
    # the Bupati asks the kecamatan to hold meetings: the Bupati holds nothing here
    text = (LEAD + "Dihadiri Kepala Puskesmas Sukaluyu. Bupati Lembah Hijau meminta setiap "
            "kecamatan menggelar rakor serupa tiap triwulan.")
    assert "PEMDA" not in types(text)
    # with nothing between, the subject does hold it
    text = ("Bupati Lembah Hijau menggelar rakor TPPS di Aula Setda, Senin (3/3/2025). "
            "Hadir Kepala Puskesmas Sukaluyu.")
    assert "organiser" in roles(text, "PEMDA")


def test_a_sentence_about_an_earlier_meeting_names_no_attendee() -> None:
    got = types(LEAD + "Hadir Kapolsek Sukaluyu. Rakor triwulan sebelumnya berlangsung di Aula "
                "Dinas Kesehatan Lembah Hijau dan dipimpin Kepala Bappeda Lembah Hijau.")
    assert "POLSEK" in got and not {"DINKES", "BAPPEDA"} & got
    got = types(LEAD + "Hadir Kapolsek Sukaluyu. Pada rapat koordinasi pekan lalu, Kepala Dinas "
                "Sosial Lembah Hijau meminta data diperbarui.")
    assert "DINSOS" not in got


def test_a_speech_elsewhere_and_a_statement_signed_earlier() -> None:
    got = types(LEAD + "Hadir Kapolsek Sukaluyu. Sebelumnya, saat apel pagi pekan lalu, Bupati "
                "Lembah Hijau menyampaikan hal serupa.")
    assert "PEMDA" not in got
    got = types(LEAD + "Hadir Kapolsek Sukaluyu. Kesepakatan ini melanjutkan pernyataan bersama "
                "yang telah ditandatangani Bupati Lembah Hijau dan Ketua DPRD Lembah Hijau pada "
                "Juli lalu.")
    assert not {"PEMDA", "DPRD"} & got


def test_the_meeting_sentence_itself_is_never_elsewhere() -> None:
    # a meeting told as held 'pekan lalu' keeps the bodies of its own sentence
    text = ("Rakor TPPS Kecamatan Sukaluyu pekan lalu dipimpin Camat Sukaluyu dan dihadiri "
            "Kapolsek Sukaluyu, Senin (3/3/2025).")
    assert {"KECAMATAN", "POLSEK"} <= types(text)


def test_a_lowercase_village_after_pemdes_is_the_holder() -> None:
    # Sukaluyu is a kecamatan of two kabupaten; the village fixes which
    text = ("Pemdes cibening kecamatan sukaluyu menggelar rembuk stunting desa di kantor desa, "
            "Senin (4/8/2025). Acara di hadiri Sekcam Sukaluyu dan Ketua BPD.")
    got = run(text)
    meeting = got["meetings"][0]
    assert meeting["level"] == "desa"
    assert meeting["region"]["desa_kelurahan"] == "Cibening"
    assert meeting["region"]["kecamatan"] == "Sukaluyu"
    assert {"DESA", "KECAMATAN"} <= {i["type"] for i in got["institutions"]}


def test_a_lowercase_common_noun_after_pemerintah_desa_is_no_place() -> None:
    text = ("Pemerintah Kecamatan Batu Ampar menggelar rakor stunting, Senin (4/8/2025). "
            "Pemerintah desa setempat diminta menyiapkan data.")
    meeting = run(text)["meetings"][0]
    assert meeting["level"] == "kecamatan"
    assert meeting["region"]["desa_kelurahan"] is None


def test_a_lowercase_name_the_tree_does_not_know_is_left_alone() -> None:
    tree = Gazetteer.from_regions([
        {"code": "1", "name": "Nusa Kencana", "level": "province", "parent": None},
        {"code": "1.1", "name": "Lembah Hijau", "level": "kabkota", "parent": "1"},
        {"code": "1.1.1", "name": "Sukaluyu", "level": "kecamatan", "parent": "1.1"},
    ])
    text = ("Pemdes cibening menggelar rembuk stunting di Kecamatan Sukaluyu, Senin (4/8/2025)."
            " Hadir Camat Sukaluyu.")
    got = json_on(text + PAD, tree)
    assert got["meetings"][0]["region"]["desa_kelurahan"] is None


def test_merged_farming_and_food_offices_are_dinas_pangan() -> None:
    for office in ("Dinas Pertanian dan Pangan", "Dinas Pertanian dan Ketahanan Pangan",
                   "Dinas Ketahanan Pangan dan Pertanian", "Dinas Pangan, Pertanian dan Perikanan"):
        assert "DINAS_PANGAN" in types(LEAD + f"Hadir Kepala {office} Lembah Hijau."), office
    # agriculture alone has no code
    assert "DINAS_PANGAN" not in types(LEAD + "Hadir Kepala Dinas Pertanian Lembah Hijau.")


def test_the_invented_tree_is_the_one_of_the_other_cue_tests() -> None:
    # the fixture these tests share resolves the guide's names
    assert TREE.find("desa", "Mekarsari")


def test_the_lowercase_names_file_is_read(tmp_path: Path) -> None:
    # without the rows of data/lowercase_names.csv the lowercase village is no place
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    (root / "lowercase_names.csv").write_text("form,level,chained\n", "utf-8")
    text = ("Pemdes cibening kecamatan sukaluyu menggelar rembuk stunting desa di kantor desa, "
            "Senin (4/8/2025). Hadir Ketua BPD.")
    assert run(text)["meetings"][0]["region"]["desa_kelurahan"] == "Cibening"
    region = run(text, root)["meetings"][0]["region"] or {}
    assert region.get("desa_kelurahan") is None


# A small tree of real names, as the register writes them (Aceh keeps Glumpang without 'eu',
# and has a gampong named Geulumpang too, so the shorter name is found as written).
ACEH_TREE: list[dict[str, Any]] = [
    {"code": "11", "name": "Aceh", "level": "province", "parent": None},
    {"code": "11.11", "name": "Bireuen", "level": "kabkota", "parent": "11"},
    {"code": "11.11.14", "name": "Kuala", "level": "kecamatan", "parent": "11.11"},
    {"code": "11.11.14.1", "name": "Glumpang Baroh", "level": "desa", "parent": "11.11.14"},
    {"code": "11.08", "name": "Aceh Utara", "level": "kabkota", "parent": "11"},
    {"code": "11.08.24", "name": "Nibong", "level": "kecamatan", "parent": "11.08"},
    {"code": "11.08.24.1", "name": "Geulumpang", "level": "desa", "parent": "11.08.24"},
]


def _aceh(text: str) -> dict[str, Any]:
    got = json_on(text + PAD, ACEH_TREE)
    return got["meetings"][0]["region"] or {}


def test_an_aceh_spelling_inside_a_word_resolves_the_whole_name() -> None:
    region = _aceh("Pemerintah Gampong Geulumpang Baroh menggelar rembuk stunting di meunasah, "
                   "Rabu (19/11/2025). Hadir Keuchik dan Tuha Peut.")
    assert region.get("desa_kelurahan") == "Glumpang Baroh"
    # the gampong named Geulumpang as written is still found
    region = _aceh("Pemerintah Gampong Geulumpang menggelar rembuk stunting di meunasah, "
                   "Rabu (19/11/2025). Hadir Keuchik dan Tuha Peut.")
    assert region.get("desa_kelurahan") == "Geulumpang"


def test_a_name_starting_with_se_after_a_title_is_no_collective() -> None:
    # 'Camat Sei Balai' is one camat; 'Camat se-Kabupaten' and 'camat se Lembah Hijau' are many
    got = run(LEAD + "Hadir Kepala Puskesmas Sekupang dan Camat Sukaluyu.")
    assert not any(i["collective"] for i in got["institutions"] if i["type"] == "PUSKESMAS")
    got = run(LEAD + "Hadir para kepala puskesmas se-Kabupaten Lembah Hijau.")
    assert any(i["collective"] for i in got["institutions"] if i["type"] == "PUSKESMAS")


def test_a_hybrid_meeting_leaves_out_those_listed_as_online() -> None:
    text = ("Pemkab Lembah Hijau menggelar rembuk stunting di Aula Setda, Senin (3/3/2025). "
            "Kegiatan juga dilakukan secara daring melalui Zoom yang dihadiri oleh Dinas "
            "Kesehatan Lembah Hijau dan para camat. Turut hadir di aula Ketua TP PKK Lembah Hijau.")
    got = types(text)
    assert "PKK" in got and not {"DINKES", "KECAMATAN"} & got


def test_a_meeting_held_online_keeps_those_who_follow_it_online() -> None:
    # the meeting itself is online: following it online is attending
    text = ("Pemkab Lembah Hijau menggelar rakor TPPS secara virtual, Senin (3/3/2025). "
            "Kepala Dinas Kesehatan Lembah Hijau mengikuti rapat secara daring dari kantornya.")
    assert "DINKES" in types(text)
    # so does a headline that says the meeting was online
    text = ("Rakor TPPS Lembah Hijau Digelar Secara Virtual\n\n"
            "Pemkab Lembah Hijau menggelar rakor TPPS, Senin (3/3/2025). Kepala Dinas Kesehatan "
            "Lembah Hijau mengikuti rapat secara daring dari kantornya.")
    assert "DINKES" in types(text)


def test_speakers_and_participants_introduced_by_berasal_dari() -> None:
    text = (LEAD + "Narasumber berasal dari Dinas Kesehatan Lembah Hijau dan Puskesmas Sukaluyu. "
            "Peserta rapat berasal dari para kepala desa dan kader Posyandu.")
    assert "presenter" in roles(text, "DINKES") and "presenter" in roles(text, "PUSKESMAS")
    assert {"DESA", "POSYANDU"} <= types(text)


def test_addressees_of_a_charge_or_reminder_do_not_attend() -> None:
    for verb in ("berpesan kepada", "menugaskan", "mengingatkan kepada", "menekankan kepada"):
        # a participant cue before the speaker would reach the addressee without the verb
        got = types(LEAD + f"Rapat dihadiri Camat Sukaluyu yang {verb} Dinas Sosial Lembah "
                    "Hijau untuk membantu pendataan keluarga.")
        assert "KECAMATAN" in got and "DINSOS" not in got, verb


def test_a_sentence_quoting_another_source_names_no_attendee() -> None:
    got = types(LEAD + "Hadir Kapolsek Sukaluyu. Dikutip dari laman resmi BKKBN, Kepala "
                "Perwakilan BKKBN Nusa Kencana menyebut angka stunting terus turun.")
    assert "POLSEK" in got and "BKKBN" not in got


def test_pemerintahan_is_the_government_too() -> None:
    # 'Pemerintahan Desa X menggelar' (a common slip for Pemerintah) still names the organiser
    text = ("Pemerintahan Desa Cibening menggelar rembuk stunting di Aula Kantor Camat Sukaluyu, "
            "Senin (4/8/2025). Rembuk dibuka oleh Camat Sukaluyu.")
    got = run(text)
    assert got["meetings"][0]["region"]["desa_kelurahan"] == "Cibening"
    assert "organiser" in roles(text, "DESA")
    text = ("Pemerintahan Kecamatan Batu Ampar menggelar rakor stunting, Senin (4/8/2025). "
            "Hadir Kapolsek Batu Ampar.")
    assert "organiser" in roles(text, "KECAMATAN")


def test_a_sentence_about_this_meeting_and_an_earlier_one_keeps_its_attendees() -> None:
    got = types(LEAD + "Rapat ini menindaklanjuti rakor sebelumnya dan dihadiri Kapolsek Sukaluyu "
                "serta Kepala Puskesmas Sukaluyu.")
    assert {"POLSEK", "PUSKESMAS"} <= got


def test_a_subject_that_appeals_and_then_opens_still_opens() -> None:
    text = ("Bupati Lembah Hijau mengajak semua pihak bersinergi sekaligus membuka rakor TPPS "
            "di Aula Setda, Senin (3/3/2025). Hadir Kepala Puskesmas Sukaluyu.")
    assert "opened" in roles(text, "PEMDA")


def test_a_lowercase_word_that_is_a_village_elsewhere_is_no_place() -> None:
    # 'Pemerintah desa sudah ...': a village named Sudah lies in no region the text names
    tree = Gazetteer.from_regions([*ACEH_TREE,
                                   {"code": "11.08.24.2", "name": "Sudah", "level": "desa",
                                    "parent": "11.08.24"}])
    text = ("Pemerintah Kecamatan Kuala menggelar rakor stunting di Aula Kantor Camat, Senin "
            "(4/8/2025). Pemerintah desa sudah menyiapkan data balita. Hadir Kapolsek Kuala.")
    got = json_on(text + PAD, tree)
    region = got["meetings"][0]["region"] or {}
    assert region.get("kecamatan") == "Kuala" and region.get("desa_kelurahan") is None
    assert not any(i["region"] == "Sudah" for i in got["institutions"] + got["mentioned"])
