"""Offices the press names only by a long form, a title or a rare acronym; lists of offices
after an organiser or speaker cue; teams reached through their title or chair; and the
background sentences that name sectors without any of them attending (issue 10). Sentences
written for these tests against the invented tree of the guide."""

from __future__ import annotations

from tests.loaders.test_institution_cues import run

KAB = "Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS, Rabu (5/11/2025). "
PROV = "Dinas Kesehatan Provinsi Nusa Kencana menggelar rakor TPPS, Rabu (5/11/2025). "


def found(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for i in run(text)["institutions"]:
        out.setdefault(i["type"], set()).update(i["roles"])
    return out


def test_an_acting_head_named_by_the_long_population_control_field() -> None:
    got = found("Pemerintah Kota Lembah Hijau menggelar rakor stunting, Rabu (5/11/2025). Rakor "
                "dibuka Plt Kepala Pengendalian Penduduk dan Keluarga Berencana Kota Lembah "
                "Hijau, Budi.")
    assert "opened" in got.get("DINAS_KB", set())


def test_a_population_control_office_without_the_conjunction() -> None:
    got = found(KAB + "Hadir pula Dinas Pengendalian Penduduk Keluarga Berencana.")
    assert "DINAS_KB" in got


def test_women_children_population_acronym_without_kb() -> None:
    got = found(PROV + "Kabid Pemberdayaan Perempuan DP3AP2 Provinsi Nusa Kencana turut hadir.")
    assert "DINAS_KB" in got and "DP3A" not in got


def test_an_assistant_of_the_provincial_secretariat_by_field_name() -> None:
    got = found(PROV + "Sambutan disampaikan Asisten Bidang Kesejahteraan Rakyat, Ir. Dedi.")
    assert "presenter" in got.get("PEMDA", set())


def test_bkkbn_styled_as_a_provincial_dinas_is_bkkbn() -> None:
    got = found(KAB + "Hadir perwakilan Dinas BKKBN Provinsi Nusa Kencana.")
    assert "BKKBN" in got and "DINAS_KB" not in got


def test_every_office_of_a_comma_list_after_melalui_organises() -> None:
    got = found("Pemkab Lembah Hijau melalui Dinkes, DPMD dan DPPKB menyelenggarakan rakor "
                "stunting, Rabu (5/11/2025).")
    for t in ("PEMDA", "DINKES", "DPMD", "DINAS_KB"):
        assert "organiser" in got.get(t, set()), t


def test_a_city_acting_lewat_its_kb_office_organises_too() -> None:
    got = found("Pemerintah Kota Lembah Hijau lewat DPPKB menggelar rapat koordinasi TPPS, Rabu "
                "(5/11/2025).")
    assert "organiser" in got.get("PEMDA", set()) and "organiser" in got.get("DINAS_KB", set())


def test_a_passive_organiser_and_the_office_it_acts_through() -> None:
    got = found("Rakor TPPS Kota Lembah Hijau diselenggarakan Pemkot Lembah Hijau melalui DPPKB, "
                "Rabu (5/11/2025).")
    assert "organiser" in got.get("PEMDA", set()) and "organiser" in got.get("DINAS_KB", set())


def test_a_merged_social_and_kb_office_after_melalui() -> None:
    got = found("Pemerintah Kabupaten Lembah Hijau melalui Dinas Sosial P3APPKB menggelar rakor "
                "stunting, Rabu (5/11/2025).")
    for t in ("PEMDA", "DINSOS", "DINAS_KB"):
        assert "organiser" in got.get(t, set()), t


def test_a_kecamatan_team_meeting_after_a_fronted_venue_is_the_teams() -> None:
    # the venue must end at the comma, or it swallows the meeting's name and its team
    got = found("Bertempat di aula kantor camat, Rapat Koordinasi TPPS Kecamatan Batu Ampar "
                "dilaksanakan Rabu (5/11/2025). Camat Batu Ampar membuka kegiatan.")
    assert "organiser" in got.get("TPPS", set())


def test_a_team_reached_only_through_its_chair_with_a_cut_name() -> None:
    got = found("Pemerintah Desa Batu Ampar menggelar rembuk stunting, Rabu (5/11/2025). Hadir "
                "Ketua Tim Percepatan Penurunan Stu Kecamatan Batu Ampar.")
    assert "TPPS" in got


def test_a_poverty_team_chair_is_not_the_stunting_team() -> None:
    got = found("Pemerintah Desa Batu Ampar menggelar rembuk stunting, Rabu (5/11/2025). Hadir "
                "Ketua Tim Percepatan Penurunan Kemiskinan Daerah.")
    assert "TPPS" not in got


def test_heads_addressed_dihadapan_were_there() -> None:
    got = found("Pemkab Lembah Hijau menggelar rakor stunting, Rabu (5/11/2025). Wakil Bupati "
                "memberi arahan dihadapan para camat dan kepala puskesmas.")
    assert {"KECAMATAN", "PUSKESMAS"} <= set(got)


def test_heads_addressed_di_depan_para_were_there_but_not_a_building() -> None:
    got = found("Pemkab Lembah Hijau menggelar rakor stunting, Rabu (5/11/2025). Wakil Bupati "
                "berbicara di depan para camat serta kepala puskesmas.")
    assert {"KECAMATAN", "PUSKESMAS"} <= set(got)
    got = found("Pemkab Lembah Hijau menggelar rakor stunting, Rabu (5/11/2025). Wakil Bupati "
                "berbicara di depan kantor camat.")
    assert "KECAMATAN" not in got


def test_a_fronted_venue_ends_before_the_subject_of_the_clause() -> None:
    got = found("Bertempat di Aula Bappeda Provinsi Nusa Kencana, Pemprov menggelar rakor TPPS, "
                "Rabu (5/11/2025).")
    assert "organiser" in got.get("PEMDA", set()) and "BAPPEDA" not in got


def test_the_owner_of_a_hall_is_not_an_attendee_on_that_ground() -> None:
    text = ("Pemprov Nusa Kencana menggelar rakor TPPS, Rabu (5/11/2025). Sekda Provinsi membuka "
            "rakor. Peserta hadir di Ruang Rapat Utama Bappeda sejak pagi.")
    assert "BAPPEDA" not in found(text)
    assert "BAPPEDA" in found(text + " Hadir pula Kepala Bappeda Nusa Kencana.")


def test_the_national_strategys_partners_are_background() -> None:
    got = found("Dinas Kesehatan Kota Lembah Hijau menggelar rakor stunting, Rabu (5/11/2025). "
                "Strategi nasional percepatan penurunan stunting melibatkan dunia usaha, "
                "organisasi profesi dan perguruan tinggi.")
    assert not {"BUSINESS", "PROFESSIONAL_ORG", "UNIVERSITY"} & set(got)


def test_a_meeting_that_discusses_the_decree_still_lists_its_attendees() -> None:
    got = found(KAB + "Rakor membahas pelaksanaan Perpres 72 Tahun 2021 dan dihadiri Kepala Dinas "
                "Kesehatan serta Kepala Bappeda.")
    assert {"DINKES", "BAPPEDA"} <= set(got)


def test_two_plural_subjects_joined_before_a_speech_verb_both_speak() -> None:
    got = found(KAB + "Para camat dan kepala puskesmas memaparkan capaian wilayah masing-masing.")
    assert "presenter" in got.get("KECAMATAN", set()) and "presenter" in got.get("PUSKESMAS",
                                                                                set())
