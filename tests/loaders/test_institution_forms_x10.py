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
