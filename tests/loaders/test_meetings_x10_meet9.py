"""Issue 10 (x10-meet9): honorifics and degrees before a name do not end a sentence."""

from __future__ import annotations

import pytest

from loaders.articles.document import parse


@pytest.mark.parametrize("title", ["H.", "Hj.", "Haji.", "Dr.", "Ir.", "KH.", "drg.",
                                   "S.Kep."])
def test_honorific_before_a_name_keeps_the_sentence(title: str) -> None:
    text = ("Judul Rakor TPPS Kabupaten Paser Digelar Hari Ini\n\n"
            f"Rakor TPPS Kabupaten Paser dibuka oleh {title} Sumarno Wijaya di Aula "
            "Kantor Bupati Paser, Tanah Grogot. Peserta datang dari sepuluh kecamatan "
            "dan dinas yang menangani stunting di daerah itu.\n")
    doc = parse("x.txt", text)
    first = doc.sentences[0].text
    assert f"{title} Sumarno Wijaya di Aula" in first
    assert doc.sentences[1].text.startswith("Peserta datang")


def test_misspelt_stunting_names_the_meeting() -> None:
    from loaders.articles.meeting import candidates
    from loaders.articles.vocab import vocabulary

    text = ("Dinkes Cianjur Gelar Audit Kasus Stunitng Tahun 2025\n\n"
            "Pemerintah Desa Sukamaju, Kecamatan Cibeber, Kabupaten Cianjur, menggelar "
            "Audit Kasus Stunitng pada Senin (3/3/2025) di Aula Kantor Desa Sukamaju. Kegiatan "
            "dihadiri kader posyandu dan bidan desa.\n")
    doc = parse("x.txt", text)
    cands = candidates(doc, vocabulary())
    assert any(c.family.title == "Audit Kasus Stunting" and c.score >= 4 for c in cands)


def test_event_name_wrapping_audit_stunting_is_the_audit() -> None:
    from loaders.articles.meeting import candidates, pick
    from loaders.articles.vocab import vocabulary

    text = ("Pemkab Paser Gelar Gebyar Audit Stunting 2025\n\n"
            "Pemerintah Kabupaten Paser menggelar Gebyar Audit Stunting pada Rabu "
            "(14/5/2025) di Aula Kantor Bupati Paser. Kegiatan dihadiri para camat dan "
            "kepala puskesmas.\n")
    best, _ = pick(candidates(parse("x.txt", text), vocabulary()))
    assert best is not None and best.family.title == "Audit Kasus Stunting"
