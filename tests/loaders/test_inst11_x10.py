"""Issue 11 (x10-inst11): institution titles, regions and programme names missed on a blind
set, as general rules: a 'Kadis...' short title, the Papua 'DPR Kota/Kabupaten', the DIY
kapanewon and kalurahan offices, a long merged KB office, a kabupaten meeting in a hotel of
the same-named city, lower-case 'bapak asuh anak stunting', and bracketed short forms that
are no programme. Sentences written for these tests, on real place names."""

from __future__ import annotations

from typing import Any

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.output import to_json
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
    assert "BAAS" in {p for p in _codes("Camat mengajak para ASN menjadi peserta program "
                                        "bapak asuh anak stunting di wilayahnya.")}
    assert "BAAS" in _codes("Ia mengukuhkan ketua TP PKK sebagai bunda asuh anak stunting.")
    assert "BAAS" in _codes("Wakil bupati ditetapkan sebagai Orang Tua Asuh Anak Stunting.")


def _codes(body: str) -> set[str]:
    found = names_of(programs_in(body))
    return {"BAAS"} if "bapak asuh anak stunting" in found else set()


def test_a_kecamatan_short_form_and_method_acronyms_are_no_programmes() -> None:
    body = ("Rembuk di Likbar (Likupang Barat) memakai metode FGD (Focus Group Discussion) "
            "dan PRA (Participatory Rural Appraisal).")
    found = names_of(programs_in(body))
    assert not found & {"likbar", "likupang barat", "fgd", "focus group discussion", "pra",
                        "participatory rural appraisal"}, found
