"""Ways real releases list and describe the bodies at a meeting that earlier rules missed or
over-read (guide §4-§5): lists split by semicolons, 'selain X, juga dihadiri', subjects joined
by 'bersama', plans and requests after a title, cues that reach into another clause. Every
sentence is written for these tests against the invented tree of the guide."""

from __future__ import annotations

from loaders.articles.document import parse
from tests.loaders.test_institution_cues import LEAD, roles, types

VILLAGE = "Pemerintah Desa Mekarsari menggelar rembuk stunting, Senin (3/3/2025). "


def test_semicolons_between_the_items_of_a_participant_list() -> None:
    got = types(LEAD + "Hadir dalam acara ini antara lain perwakilan perangkat daerah terkait; "
                "utusan Kantor Kemenag Lembah Hijau; dan perwakilan TP PKK Lembah Hijau.")
    assert {"KEMENAG", "PKK"} <= got


def test_a_semicolon_before_a_new_clause_still_ends_the_list() -> None:
    got = types(LEAD + "Rapat dihadiri Camat Sukaluyu; kemudian Kepala Puskesmas Sukaluyu "
                "menyiapkan data untuk bulan depan.")
    assert "PUSKESMAS" not in got


def test_selain_x_juga_dihadiri_counts_x() -> None:
    got = types(VILLAGE + "Dalam rembuk tersebut selain Camat Sukaluyu, Budi, juga dihadiri "
                "Kapolsek Sukaluyu dan Ketua BPD.")
    assert {"KECAMATAN", "POLSEK", "DESA"} <= got
    # "Selain itu" opens a new remark, not a list
    assert "DINKES" not in types(VILLAGE + "Selain itu, Dinas Kesehatan Lembah Hijau menyiapkan "
                                 "alat ukur baru.")


def test_dalam_arahan_dan_penyampaiannya_binds_the_speaker_after_it() -> None:
    text = (VILLAGE + "Dalam arahan dan penyampaiannya Camat Sukaluyu mengimbau warga rajin "
            "ke posyandu.")
    assert "presenter" in roles(text, "KECAMATAN")


def test_subjects_joined_by_bersama_before_a_participant_verb() -> None:
    text = ("Polres Lembah Hijau melalui Wakapolres bersama para Kapolsek mulai membahas "
            "penanganan stunting dalam rapat koordinasi di Aula Mapolres, Senin (3/3/2025).")
    got = types(text)
    assert {"POLRES", "POLSEK"} <= got


def test_what_a_body_will_do_or_is_asked_to_do_is_not_done_at_the_meeting() -> None:
    got = types(LEAD + "Kepala Puskesmas Sukaluyu akan rutin menyampaikan data stunting kepada "
                "desa. Ketua TP PKK Sukaluyu diharapkan menjelaskan menu sehat kepada kader.")
    assert not {"PUSKESMAS", "PKK"} & got
    # the same verbs with nothing in between are what they did there
    got = types(LEAD + "Kepala Puskesmas Sukaluyu menyampaikan data stunting.")
    assert "PUSKESMAS" in got


def test_a_cue_does_not_reach_across_another_verb() -> None:
    got = types(LEAD + "Kepala desa diminta aktif menerima laporan warga yang kurang disiplin "
                "membawa balita ke Posyandu Melati.")
    assert "POSYANDU" not in got
    text = LEAD + "Kegiatan dibuka secara resmi oleh Kepala Puskesmas Sukaluyu."
    assert "opened" in roles(text, "PUSKESMAS")


def test_the_body_represented_first_then_a_unit_in_another_clause() -> None:
    got = types(LEAD + "Serka Budi, mewakili Koramil Sukaluyu, menegaskan dukungan TNI melalui "
                "peran aktif Babinsa di desa binaan.")
    assert "KORAMIL" in got and "BABINSA" not in got
    got = types(LEAD + "Hadir mewakili Polsek Sukaluyu, Bhabinkamtibmas Aipda Tono.")
    assert {"POLSEK", "BHABINKAMTIBMAS"} <= got


def test_team_written_tim_pps_and_more_titles() -> None:
    text = ("Rapat Koordinasi Tim PPS Kabupaten Lembah Hijau digelar di aula Bappeda, Selasa "
            "(4/11/2025). Hadir Korlap KB Kecamatan Sukaluyu dan perwakilan Majelis Desa Adat.")
    assert "organiser" in roles(text, "TPPS")
    assert {"PLKB", "COMMUNITY"} <= types(text)


def test_a_body_represented_by_a_person_without_an_office_takes_part() -> None:
    assert "KORAMIL" in types(LEAD + "Danramil Sukaluyu yang diwakili oleh Peltu Ahmad.")


def test_a_degree_with_inner_stops_does_not_end_the_sentence() -> None:
    doc = parse("case.txt", "Rapat dihadiri Camat Sukaluyu, Budi S.Si. M.S.i. Apt, Ketua BPD "
                "dan Danramil.\nKalimat berikutnya di sini dan yang lain untuk dari pada.")
    assert doc.sentences[0].text.endswith("Ketua BPD dan Danramil.")


def test_the_kb_office_written_as_opd_kb() -> None:
    text = LEAD + "Kepala Bidang OPD KB Kabupaten Lembah Hijau menyampaikan materi."
    assert "presenter" in roles(text, "DINAS_KB")


def test_more_speech_verbs_make_a_presenter() -> None:
    for verb in ("menekankan", "menambahkan", "menyatakan"):
        text = LEAD + f"Kepala Puskesmas Sukaluyu {verb} pentingnya data yang mutakhir."
        assert "presenter" in roles(text, "PUSKESMAS"), verb


def test_the_team_written_pencegahan_dan_penurunan() -> None:
    text = LEAD + "Hadir pula Tim Pencegahan dan Penurunan Stunting Kecamatan Sukaluyu."
    assert "TPPS" in types(text)


def test_a_held_at_clause_in_lower_case_is_no_organiser_cue() -> None:
    # 'dilaksanakan di aula ...' names where, not who: the organiser cue wants a capital
    # (a name) after it, and the list after 'yakni' stays the attendees of 'Turut hadir'.
    text = ("Pemerintah Kecamatan Sukaluyu menggelar lokakarya mini stunting di aula Hotel "
            "Mawar Sari, Rabu (5/11/2025). Turut hadir dalam kegiatan yang dilaksanakan di "
            "aula Hotel Mawar Sari tersebut, yakni Ketua TP PKK Lembah Hijau, para camat, dan "
            "Kepala Kantor Kemenag Lembah Hijau.")
    assert "participant" in roles(text, "PKK") and "organiser" not in roles(text, "PKK")
    assert {"PKK", "KEMENAG"} <= types(text)
    # lower-case 'dibuka oleh' still names who opened it
    assert "opened" in roles(LEAD + "Rapat dibuka oleh camat Sukaluyu.", "KECAMATAN")
