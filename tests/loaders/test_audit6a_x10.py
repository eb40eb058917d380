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

