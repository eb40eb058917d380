"""Guide §0-§3 audit (issue 10): rules found missing when sentences written for each
convention were run through the extractor. The tree is invented (guide §9 style)."""

from __future__ import annotations

from tests.loaders.extract_helpers import meeting_on

TREE = [
    {"code": "53", "name": "Nusa Tenggara Timur", "level": "province"},
    {"code": "53.07", "name": "Kabupaten Sikka", "level": "kabkota", "parent": "53"},
    {"code": "53.07.01", "name": "Alok", "level": "kecamatan", "parent": "53.07"},
]


def test_a_held_verb_under_a_plans_modal_is_no_held_meeting() -> None:
    # guide §1.4: 'akan digelar' is planned; the verb after the modal earns no held points
    text = ("Rembuk Stunting Kabupaten Sikka akan digelar pada 20 Juni 2025 di Aula Setda, "
            "kata Kepala Bappeda.")
    m = meeting_on(text, TREE)
    assert not m.get("date") and not m.get("level") and not m.get("venue")
    text2 = ("Rakor TPPS Kabupaten Sikka dijadwalkan berlangsung Senin (23/6/2025) di Aula "
             "Setda.")
    m2 = meeting_on(text2, TREE)
    assert not m2.get("date") and not m2.get("level")


def test_a_held_verb_free_of_the_modal_still_counts() -> None:
    # the modal binds only the verb right after it: a meeting held, whose next step is planned
    text = ("Rembuk Stunting Kabupaten Sikka digelar Senin (23/6/2025) di Aula Setda. "
            "Hasilnya akan dibahas pada rapat berikutnya.")
    m = meeting_on(text, TREE)
    assert m.get("date") == "2025-06-23" and m.get("level") == "kabkota"


YOGYA = [
    {"code": "34", "name": "DI Yogyakarta", "level": "province"},
    {"code": "34.01", "name": "Kabupaten Kulon Progo", "level": "kabkota", "parent": "34"},
    {"code": "34.01.11", "name": "Samigaluh", "level": "kecamatan", "parent": "34.01"},
    {"code": "34.01.11.1", "name": "Sidoharjo", "level": "desa", "parent": "34.01.11"},
]


def test_a_subject_chain_closing_on_a_bare_kabupaten_name_is_held_by_its_finest_link() -> None:
    # guide §3.3.1: 'Kalurahan X, Kapanewon Y, Kulon Progo menggelar ...' is X's meeting,
    # the bare name at the end of the address does not make it the kabupaten's
    for text in ("Kalurahan Sidoharjo, Kapanewon Samigaluh, Kulon Progo menggelar Rembug "
                 "Stunting pada Sabtu, 8 Maret 2025.",
                 "Desa Sidoharjo, Kecamatan Samigaluh, Kulon Progo menggelar Rembug Stunting "
                 "pada Sabtu, 8 Maret 2025."):
        m = meeting_on(text, YOGYA)
        assert m.get("level") == "desa", text
        assert (m.get("region") or {}).get("desa_kelurahan") == "Sidoharjo"


def test_a_bare_kabupaten_name_alone_before_the_verb_does_not_hold() -> None:
    # without a kind-worded link the bare name is not taken as the subject (unchanged)
    m = meeting_on("Kulon Progo menggelar Rembug Stunting pada Sabtu, 8 Maret 2025.", YOGYA)
    assert m.get("level") != "desa"
