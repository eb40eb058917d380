"""Issue 10 (x10-inst10): institution, programme and figure misses of a blind set, as
general rules: speakers listed after a described kind, office words with a dropped or
doubled letter, the community's representatives, helpers and venues that are no
attendees, appeals beside attendance, planning stages and a scheme's name glued to a
person, small counts in number words. Sentences written for these tests, on the invented
tree (tests/loaders/test_institution_cues.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders.articles.document import DATA
from loaders.articles.typos import Respeller
from tests.loaders.figure_helpers import figures_in
from tests.loaders.program_helpers import names_of, programs_in
from tests.loaders.test_institution_cues import roles, types

KAB = "Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS, Rabu (5/11/2025). "
KEC = "Pemerintah Kecamatan Sukaluyu menggelar lokakarya mini stunting, Rabu (5/11/2025). "
DESA = "Pemerintah Desa Mekarsari menggelar rembuk stunting desa, Rabu (5/11/2025). "


# -- 1. speakers listed after a described kind ---------------------------------------------------

def test_speakers_listed_after_the_kind_of_office_they_come_from() -> None:
    text = DESA + ("Panitia menghadirkan narasumber dari beberapa instansi yang menangani "
                   "gizi anak, yakni Dinas Pemberdayaan Masyarakat dan Desa, Dinas Kesehatan "
                   "Kabupaten Lembah Hijau serta Puskesmas Sukaluyu.")
    for code in ("DPMD", "DINKES", "PUSKESMAS"):
        assert roles(text, code) == {"presenter"}, code


@pytest.mark.parametrize("lead", ["Pemateri dalam rembuk tersebut masing-masing dari",
                                  "Narasumber pada kegiatan tersebut berasal dari",
                                  "Rembuk menghadirkan pemateri dari"])
def test_speakers_after_a_demonstrative_are_still_the_speakers(lead: str) -> None:
    # 'tersebut' carries a verb's prefix but starts no other clause
    text = DESA + f"{lead} Dinas Kesehatan Kabupaten Lembah Hijau dan Puskesmas Sukaluyu."
    assert roles(text, "DINKES") == roles(text, "PUSKESMAS") == {"presenter"}


def test_a_speaker_from_the_kecamatan_names_the_office() -> None:
    text = DESA + ("Narasumber dari Kecamatan Sukaluyu menjelaskan kerja lintas sektor, "
                   "sedangkan Puskesmas Sukaluyu memberikan materi kesehatan balita.")
    assert roles(text, "KECAMATAN") == {"presenter"}
    # a kecamatan after 'dari' elsewhere is still the address of what comes before it
    assert "KECAMATAN" not in types(DESA + "Hadir kader posyandu dari Kecamatan Sukaluyu.")


def test_a_kind_with_no_list_after_it_names_nobody() -> None:
    # no 'yakni' list: the office after the description's verb is another clause's object
    text = DESA + ("Panitia menghadirkan narasumber dari instansi yang membina Posyandu "
                   "Mawar.")
    assert "presenter" not in roles(text, "POSYANDU")


# -- 2. a dropped or doubled letter in an office word --------------------------------------------

WORDS = ["posyandu", "puskesmas", "babinsa", "camat", "stunting", "!sunting"]


@pytest.mark.parametrize(("slip", "word"), [
    ("Poyandu", "posyandu"), ("Puskemas", "puskesmas"), ("Babinsaa", "babinsa"),
    ("Possyandu", "posyandu")])
def test_one_letter_dropped_or_doubled_reads_as_the_word(slip: str, word: str) -> None:
    assert Respeller(WORDS).canonical(slip) == word


@pytest.mark.parametrize("token", ["cama", "cammat", "sunting", "Sunting", "Posyandu", "pusat"])
def test_short_words_and_listed_ordinary_words_are_not_respelt(token: str) -> None:
    # a five-letter title takes no dropped or doubled letter; '!sunting' is a word of its own
    assert Respeller(WORDS).canonical(token) is None


def test_a_dropped_letter_is_written_back_with_a_map_to_the_original_offsets() -> None:
    text = "Hadir kader Poyandu Mawar dan Babinsaa."
    fixed, where = Respeller(WORDS).respell_mapped(text)
    assert fixed == "Hadir kader Posyandu Mawar dan Babinsa."
    start = fixed.index("Mawar")
    assert text[where[start]:where[start + 5]] == "Mawar"
    assert where[len(fixed)] == len(text)
    # the same-length respelling leaves a word it could only lengthen as written
    assert Respeller(WORDS).respell(text) == "Hadir kader Poyandu Mawar dan Babinsa ."


def test_misspelt_offices_are_attendees_with_their_spans_on_the_text() -> None:
    got = types(KEC + "Hadir Babinsaa Mekarsari, Kepala Puskemas Sukaluyu dan kader Poyandu.")
    assert {"BABINSA", "PUSKESMAS", "POSYANDU"} <= got


@pytest.mark.parametrize(("text", "code"), [
    ("Hadir Kepala Dinas Keshatan Kabupaten Lembah Hijau.", "DINKES"),
    ("Hadir perwakilan Pemeritah Desa Mekarsari.", "DESA"),
    ("Hadir Danramil dan Kapolress Lembah Hijau.", "POLRES")])
def test_listed_office_words_misspelt_in_other_offices_names(text: str, code: str) -> None:
    assert code in types(KEC + text)


def test_an_ordinary_word_listed_with_a_bang_stays_as_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = KEC + "Hadir Babinsaa Mekarsari."
    assert "BABINSA" in types(text)
    with (data / "misspelt_titles.txt").open("a", encoding="utf-8") as f:
        f.write("!babinsaa\n")
    assert "BABINSA" not in types(text, data)


# -- 3. the community's representatives ----------------------------------------------------------

@pytest.mark.parametrize("who", ["perwakilan masyarakat", "unsur masyarakat", "utusan warga",
                                 "wakil dari masyarakat"])
def test_representatives_of_the_community_attend_as_the_community(who: str) -> None:
    assert roles(DESA + f"Rembuk diikuti bidan desa, kader posyandu serta {who}.",
                 "COMMUNITY") == {"participant"}


def test_the_community_empowerment_office_is_no_community() -> None:
    got = types(KAB + "Rakor dihadiri Dinas Pemberdayaan Masyarakat dan Desa.")
    assert "DPMD" in got and "COMMUNITY" not in got


# -- 6. planning stages and a scheme glued to a person -------------------------------------------

@pytest.mark.parametrize("stage", ["Pramusyawarah Nagari (Pramusna)", "Pra-Musrenbang Desa",
                                   "Pramusrenbang (Pra Musyawarah Perencanaan Pembangunan)"])
def test_a_planning_stage_in_brackets_is_no_programme(stage: str) -> None:
    found = programs_in("Pemerintah Desa Mekarsari menggelar Rembuk Stunting Desa, Rabu "
                        f"(5/11/2025), sebagai rangkaian {stage} tahun ini.")
    assert not any("pra" in n for n in names_of(found)), found


def test_a_village_scheme_glued_to_its_experts_name_is_no_programme() -> None:
    found = programs_in("Rembuk dihadiri kader posyandu, Tenaga Ahli Kabupaten Lembah Hijau "
                        "Program P3MD Sutarno, aparatur desa dan bidan desa. Desa melanjutkan "
                        "program Gerakan Makan Telur (Gemar Telur).")
    assert not any("p3md" in n for n in names_of(found)), found
    assert "gemar telur" in names_of(found)


# -- 7. small counts in number words -------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Tercatat dua anak mengalami kurang gizi di desa itu.", [("other", 2.0)]),
    ("Kader mencatat tiga balita yang menderita gizi buruk dan empat anak stunting.",
     [("other", 3.0), ("stunting_cases", 4.0)]),
    ("Saat ini ada lima balita stunting di dusun tersebut.", [("stunting_cases", 5.0)]),
    ("Kader menemukan dua balita yang berstatus gizi buruk.", [("other", 2.0)]),
])
def test_a_small_count_in_number_words_is_a_figure(text: str, want: list[tuple[str, float]]
                                                   ) -> None:
    assert figures_in(text) == want


# -- 4. helpers and venues -----------------------------------------------------------------------

def test_students_joined_to_a_helping_subject_are_no_attendees() -> None:
    text = DESA + ("Sebelum rembuk, bidan desa bersama mahasiswa KKN Universitas Lembah Hijau "
                   "ikut membantu mengukur balita.")
    assert "UNIVERSITY" not in types(text)


def test_students_listed_as_present_still_attend_though_they_help() -> None:
    text = DESA + "Hadir pula mahasiswa KKN Universitas Lembah Hijau yang ikut membantu pendataan."
    assert roles(text, "UNIVERSITY") == {"participant"}


@pytest.mark.parametrize("where", ["berlangsung di Posyandu Mawar",
                                   "digelar di aula Posyandu Mawar", "bertempat di Posyandu Mawar"])
def test_a_posyandu_as_the_venue_is_no_attendee(where: str) -> None:
    text = DESA + f"Rembuk yang dihadiri Camat Sukaluyu itu {where}."
    got = types(text)
    assert "KECAMATAN" in got and "POSYANDU" not in got


def test_the_cadres_of_a_posyandu_named_by_its_place_still_attend() -> None:
    assert "POSYANDU" in types(DESA + "Rembuk dihadiri para kader di Posyandu Mawar.")


# -- 5. appeals beside attendance ----------------------------------------------------------------

def test_who_an_obligation_involves_four_words_on_is_no_attendee() -> None:
    text = KAB + ("Bupati menekankan bahwa penanganan harus mengedepankan kolaborasi dan "
                  "melibatkan unsur pemerintah, akademisi, pelaku usaha dan media.")
    assert not {"UNIVERSITY", "BUSINESS"} & types(text)


@pytest.mark.parametrize("appeal", ["ia mohon agar", "saya ingin agar", "Camat berpesan kepada"])
def test_bodies_asked_to_help_are_no_attendees(appeal: str) -> None:
    text = KEC + (f"Rakor dihadiri Kepala Puskesmas Sukaluyu. Menurut saya, {appeal} TP PKK "
                  "dan perusahaan setempat ikut membantu makanan tambahan.")
    got = types(text)
    assert "PUSKESMAS" in got and not {"PKK", "BUSINESS"} & got


def test_a_pronoun_after_menurut_names_no_speaker_but_an_office_does() -> None:
    assert "presenter" in roles(KEC + "Menurut Kepala Puskesmas Sukaluyu, kader aktif.",
                                "PUSKESMAS")
    assert "PKK" not in types(KEC + "Menurut saya TP PKK paling sering turun ke rumah warga.")


def test_an_appeal_addressed_to_the_audience_lists_no_attendee() -> None:
    text = KEC + ("Kapolsek Sukaluyu menyampaikan himbauan kamtibmas kepada seluruh peserta dan "
                  "perwakilan masyarakat agar menjaga lingkungan.")
    assert "COMMUNITY" not in types(text)
    assert "COMMUNITY" in types(KEC + "Peserta rakor antara lain perwakilan masyarakat.")
