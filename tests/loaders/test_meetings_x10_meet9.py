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
