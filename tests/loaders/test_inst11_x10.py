"""Issue 11 (x10-inst11): institution titles, regions and programme names missed on a blind
set, as general rules: a 'Kadis...' short title, the Papua 'DPR Kota/Kabupaten', the DIY
kapanewon and kalurahan offices, a long merged KB office, a kabupaten meeting in a hotel of
the same-named city, lower-case 'bapak asuh anak stunting', and bracketed short forms that
are no programme. Sentences written for these tests, on real place names."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from loaders.articles.document import DATA, parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import gazetteer
from loaders.articles.output import to_json
from loaders.articles.places import Places
from loaders.articles.programs import find_programs
from loaders.articles.vocab import vocabulary
from tests.loaders.program_helpers import names_of, programs_in

PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."


def run(text: str) -> dict[str, Any]:
    return to_json(extract(parse("case.txt", "Judul rilis\n\n" + text + PAD)))


def types(text: str) -> set[str]:
    return {i["type"] for i in run(text)["institutions"]}


def meeting(text: str) -> dict[str, Any]:
    got = run(text)["meetings"]
    return got[0] if got else {}


SLEMAN = "Pemerintah Kabupaten Sleman menggelar rapat koordinasi TPPS, Rabu (5/11/2025). "
JAYAPURA = "Pemerintah Kota Jayapura menggelar rapat koordinasi TPPS, Rabu (5/11/2025). "


# -- 1. titles ----------------------------------------------------------------------------------

def test_kadiskes_and_kadinsos_name_their_offices() -> None:
    got = types(SLEMAN + "Hadir Kadiskes Sleman dr. Rini Astuti dan Kadinsos Sleman Joko.")
    assert {"DINKES", "DINSOS"} <= got


@pytest.mark.parametrize(("title", "code"), [
    ("Kadiskes", "DINKES"), ("Kadinsos", "DINSOS"), ("Kadissos", "DINSOS"),
    ("Kadis Sosial", "DINSOS"), ("Kadisdik", "DINAS_PENDIDIKAN"),
    ("Kadis Pendidikan", "DINAS_PENDIDIKAN"), ("Kadiskominfo", "DISKOMINFO"),
    ("KadisPUPR", "DINAS_PUPR")])
def test_a_head_of_office_title_names_the_office(title: str, code: str) -> None:
    assert code in types(SLEMAN + f"Rapat dihadiri {title} Kabupaten Sleman, Joko Santoso.")


def test_papua_dpr_kota_is_the_dprd() -> None:
    assert "DPRD" in types(JAYAPURA + "Rapat dihadiri Ketua DPR Kota Jayapura, Yonas Wenda.")
    assert "DPRD" in types("Pemerintah Kabupaten Jayapura menggelar rapat koordinasi TPPS, "
                           "Rabu (5/11/2025). Hadir pula anggota DPR Kabupaten Jayapura.")


def test_diy_kapanewon_units_and_kalurahan_heads() -> None:
    got = run(SLEMAN + "Rapat diikuti Panewu Depok, Jawatan Sosial Kapanewon Depok dan "
              "Lurah Caturtunggal.")["institutions"]
    kinds = {i["type"] for i in got}
    assert "KECAMATAN" in kinds and "DESA" in kinds and "KELURAHAN" not in kinds


def test_a_long_merged_kb_office_is_the_kb_office() -> None:
    got = types(SLEMAN + "Hadir Kepala Dinas Pengendalian Penduduk, Keluarga Berencana, "
                "Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Sleman.")
    assert "DINAS_KB" in got


# -- 2. regions ---------------------------------------------------------------------------------

def test_a_kabupaten_meeting_in_a_hotel_of_the_same_named_city() -> None:
    m = meeting("Pemerintah Kabupaten Gorontalo menggelar rembuk stunting tingkat kabupaten "
                "di Hotel Melati, Kota Gorontalo, Selasa (4/11/2025).")
    # 75.01 is Kabupaten Gorontalo, 75.71 the city the hotel is in
    assert m["level"] == "kabkota" and m["region"]["code"] == "75.01"


def test_a_kalurahan_organiser_holds_a_village_meeting() -> None:
    m = meeting("Pemerintah Kalurahan Caturtunggal menggelar rembuk stunting, Selasa "
                "(4/11/2025), di balai kalurahan.")
    assert m["level"] == "desa"


# -- 3. programmes ------------------------------------------------------------------------------

def test_lowercase_bapak_and_bunda_asuh_anak_stunting() -> None:
    for body in ("Camat mengajak para ASN menjadi peserta program bapak asuh anak stunting.",
                 "Rapat juga membahas bunda asuh anak stunting dan dapur sehat.",
                 "Pemkab melaksanakan bapak asuh anak stunting sejak awal tahun.",
                 "Camat memperluas program Orang Tua Asuh Anak Stunting ke semua desa.",
                 "Rakor mengevaluasi orang tua asuh anak stunting di tiap desa."):
        assert "BAAS" in programs_in(body), body
    # people named by the programme's role stay people (guide 6.2, person_lead)
    assert programs_in("Camat meminta para pejabat menjadi bapak asuh anak stunting.") == {}
    assert programs_in("Para bunda asuh anak stunting menerima piagam.") == {}


def test_a_kecamatan_short_form_and_method_acronyms_are_no_programmes() -> None:
    body = ("Rembuk di Likbar (Likupang Barat) memakai metode FGD (Focus Group Discussion) "
            "dan PRA (Participatory Rural Appraisal).")
    found = names_of(programs_in(body))
    assert not found & {"likbar", "likupang barat", "fgd", "focus group discussion", "pra",
                        "participatory rural appraisal"}, found


def test_a_kecamatan_name_with_its_short_form_after_it_is_no_programme() -> None:
    found = names_of(programs_in("Hadir Camat Likupang Barat (Likbar) serta warga dari "
                                 "Tondano Barat (Tobar)."))
    assert not found, found
    # a programme's expansion that names no kecamatan is still read
    assert "sehat bersama" in names_of(programs_in("Puskesmas menjalankan Sehat Bersama "
                                                   "(SEBER) di tiap desa."))


# -- the new rows are read from the data folder ------------------------------------------------

def _program_names(body: str, root: Path) -> set[str]:
    doc = parse("t.txt", "Judul rilis\n\n" + body, root)
    places = Places(doc, gazetteer(), vocabulary(root))
    return {p.name for p in find_programs(doc, vocabulary(root), [], None, places)}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_the_lower_case_full_name_and_the_method_rows_are_data(tmp_path: Path) -> None:
    # (a vocabulary is cached by its folder: the edited copy is a folder of its own)
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    lower = "Rapat juga membahas bapak asuh anak stunting di desa."
    method = ("Rembuk di Likbar (Likupang Barat) memakai metode FGD (Focus Group Discussion) "
              "dan PRA (Participatory Rural Appraisal).")
    assert _program_names(lower, DATA) == {"BAAS"} and _program_names(method, DATA) == set()
    _replace(data / "program_patterns.csv", "known_lower_any,", "known_lower_unused,")
    _replace(data / "program_exclusions.csv", "method,(?:", "method,XYZQ(?:")
    assert _program_names(lower, data) == set()
    assert "PRA (Participatory Rural Appraisal)" in _program_names(method, data)
