"""Rules of issue 10 from the fifth blind set's miss descriptions, in our own sentences:
a meeting named only in a lead's report with a dd-mm-yy date after the quote verb, a
weekday with d/m and no year after a dateline, combined education-culture and title-case
KB office acronyms, plural heads of a named office, village-heads' associations, a task
force member's home office and the firms a programme will involve."""

from __future__ import annotations

from typing import Any

from loaders.articles.dates import date_mentions
from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import Gazetteer

TREE = [
    {"code": "P", "name": "Nusa Kencana", "level": "province"},
    {"code": "K", "name": "Kabupaten Lembah Hijau", "level": "kabkota", "parent": "P"},
    {"code": "C", "name": "Sukaluyu", "level": "kecamatan", "parent": "K"},
    {"code": "D1", "name": "Cibening", "level": "desa", "parent": "C"},
    {"code": "D2", "name": "Mekarsari", "level": "desa", "parent": "C"},
]


def _run(text: str) -> Any:
    return extract(parse("t.txt", text), Gazetteer.from_regions(TREE))


def _types(text: str) -> set[str]:
    return {m.type for m in _run(text).institutions}


# a. dd-mm-yy with dashes: taken where a date is expected, not as a bare code

def test_a_two_digit_year_with_dashes_after_a_weekday_or_speech_verb() -> None:
    d = date_mentions("kata dia, Senin (10-06-24).")[0]
    assert (d.day, d.month, d.year) == (10, 6, 2024)
    assert date_mentions("ujarnya 11.06.24 di sela rapat")[0].year == 2024
    assert date_mentions("kode barang 10-06-24 tercatat") == []


def test_a_meeting_named_only_in_a_lead_report_dated_after_the_quote() -> None:
    e = _run("LEMBAH HIJAU – Kepala Dinas Kesehatan Lembah Hijau menyampaikan paparan pada "
             "rapat koordinasi penanganan stunting Kabupaten Lembah Hijau. \"Kasus kita turun "
             "di semua desa,\" ucapnya, Senin (10-06-24).")
    assert e.meeting is not None and e.meeting["date"] == "2024-06-10"


# c. a weekday and d/m with no year right after it (no parenthesis); the year elsewhere

def test_c_weekday_then_bare_day_month_takes_the_year_the_weekday_fits() -> None:
    e = _run("Rilis Nomor 123/HMS/2024\nLembah Hijau, Kamis 16/5 - Rakor TPPS Kabupaten "
             "Lembah Hijau digelar di Pendopo dan dibuka Bupati Lembah Hijau.")
    assert e.meeting is not None and e.meeting["date"] == "2024-05-16"
    assert date_mentions("sebanyak 16/5 bagian") == []


_RAKOR = "Rakor TPPS Kabupaten Lembah Hijau digelar Senin (3/6/2024) di Pendopo, dihadiri "


# e-g, i: office forms

def test_e_combined_education_and_culture_offices() -> None:
    for form in ("Kepala Dindikbud", "Kadis Dikbud", "Kepala Disdikbudpora"):
        assert "DINAS_PENDIDIKAN" in _types(_RAKOR + form + " Lembah Hijau."), form


def test_g_merged_kb_office_in_title_case() -> None:
    for form in ("Kepala Dp3ap2kb", "Kepala Dppkb", "Sekretaris Bp3akb"):
        assert "DINAS_KB" in _types(_RAKOR + form + " Lembah Hijau."), form
    assert "DINAS_KB" not in _types(_RAKOR + "Kepala Perwakilan Bkkbn.")


def test_i_heads_of_a_named_office_are_that_office_not_the_opd_collective() -> None:
    text = ("Rakor TPPS Provinsi Nusa Kencana digelar Senin (3/6/2024), dibuka Wakil Gubernur "
            "dan diikuti para Kepala OPD KB kabupaten/kota.")
    assert "DINAS_KB" in _types(text)
    assert _types(text.replace("OPD KB", "OPD")) == {"PEMDA", "TPPS"}


def test_h_a_university_that_gives_input_is_a_presenter() -> None:
    assert "UNIVERSITY" in _types(_RAKOR + "para camat; perwakilan perguruan tinggi "
                                  "memberi masukan soal pola asuh.")


# j-l: bodies that did not take part

def test_j_firms_a_programme_will_involve_are_no_attendees() -> None:
    text = ("Rakor TPPS Kabupaten Lembah Hijau digelar Senin (3/6/2024) di Pendopo. Program "
            "dapur gizi ke depan akan melibatkan perusahaan swasta dan pelaku usaha lokal.")
    assert "BUSINESS" not in _types(text)
    assert "BUSINESS" in _types(text.replace("ke depan akan melibatkan", "dihadiri"))


def test_k_a_village_heads_association_is_not_the_desa() -> None:
    text = ("Rakor TPPS Kecamatan Sukaluyu digelar Senin (3/6/2024) di aula kecamatan, "
            "dihadiri pengurus forum kepala desa dan Ketua Asosiasi Pemerintah Desa Seluruh "
            "Indonesia Kecamatan Sukaluyu.")
    assert "DESA" not in _types(text)
    assert "DESA" in _types(text.replace("pengurus forum kepala desa", "para kepala desa"))


def test_l_a_task_force_members_home_office_is_not_counted_but_the_team_is() -> None:
    text = _RAKOR + "anggota TPPS dari Dinas Sosial Lembah Hijau."
    assert "DINSOS" not in _types(text) and "TPPS" in _types(text)
    assert "DINSOS" in _types(_RAKOR + "Kepala Dinas Sosial Lembah Hijau.")


# a/b: meeting evidence the scorer was missing

def test_a_a_report_at_the_meeting_in_the_lead_counts_as_held() -> None:
    text = ("LEMBAH HIJAU – Kepala Dinas Kesehatan Lembah Hijau menyampaikan paparan pada "
            "rapat koordinasi penanganan stunting Kabupaten Lembah Hijau. Ia meminta "
            "puskesmas memperkuat data.")
    assert _run(text).meeting is not None
    assert _run(text.replace("menyampaikan", "akan menyampaikan")).meeting is None


def test_b_hari_ini_dates_a_meeting_under_a_blog_posts_own_date_line() -> None:
    text = ("Rembuk Stunting Desa Cibening\n\n\U0001F4C5 Kamis, 10 Oktober 2024\n\n"
            "Hari ini kami warga Desa Cibening berkumpul di balai desa untuk rembuk stunting "
            "bersama bidan dan kader.")
    e = _run(text)
    assert e.meeting is not None and e.meeting["date"] == "2024-10-10"
    # without the header's date 'hari ini' names no day, and the mention stays too weak
    assert _run(text.replace("\U0001F4C5 Kamis, 10 Oktober 2024", "oleh admin")).meeting is None


# d: the holding body's region, not the venue's

def test_d_a_codeless_forum_holds_its_kecamatans_meeting_in_a_village_hall() -> None:
    text = ("Forum Kecamatan Sehat Sukaluyu menggelar rakor penurunan stunting di Balai Desa "
            "Cibening, Senin (3/6/2024). Kades Cibening dan bidan desa hadir.")
    m = _run(text).meeting
    assert m is not None and (m["level"], m["region"]["name"]) == ("kecamatan", "Sukaluyu")
    m = _run("Tim Pendamping Keluarga se-Kecamatan Sukaluyu mengikuti rapat koordinasi stunting "
             "di Balai Desa Cibening, Senin (3/6/2024). Rakor digelar Tim Konvergensi "
             "Kecamatan Sukaluyu.").meeting
    assert m is not None and (m["level"], m["region"]["name"]) == ("kecamatan", "Sukaluyu")


def test_c_weekday_then_day_dash_month_in_the_dateline() -> None:
    e = _run("Nomor: 77/HMS/2024\n\nLEMBAH HIJAU, Kamis, 16-5 – Pemerintah Kabupaten Lembah "
             "Hijau menggelar rakor TPPS di Pendopo dan dibuka Bupati Lembah Hijau.")
    assert e.meeting is not None and e.meeting["date"] == "2024-05-16"
    assert date_mentions("skor akhir 16-5 untuk tim tuan rumah") == []


def test_f_planning_agency_short_forms_stay_bappeda() -> None:
    # (these forms already matched; kept as a guard for the eval5 description)
    for form in ("Kepala Bappeda-Litbang", "Kepala Bappeda/Litbang", "Kaban Bapperida",
                 "Kepala Bappelitbangda"):
        assert "BAPPEDA" in _types(_RAKOR + form + " Lembah Hijau."), form


def test_j_firms_a_programme_involves_are_its_partners_not_attendees() -> None:
    base = "Rakor TPPS Kabupaten Lembah Hijau digelar Senin (3/6/2024) di Pendopo. "
    assert "BUSINESS" not in _types(base + "Inovasi dapur sehat yang dipaparkan melibatkan "
                                    "pelaku usaha dan koperasi desa.")
    assert "BUSINESS" in _types(base + "Rakor ini melibatkan perusahaan swasta dan perbankan.")


def test_a_venue_ends_at_the_clauses_passive_verb_without_a_comma() -> None:
    e = _run("Rembuk stunting Kabupaten Lembah Hijau digelar Senin (3/6/2024) di Pendopo dibuka "
             "Bupati Lembah Hijau, dihadiri para camat.")
    assert e.meeting is not None and e.meeting["venue"] == "Pendopo"
    assert "PEMDA" in {m.type for m in e.institutions}
