"""normalise_name: ASCII names skip Unicode decomposition (a bulk load normalises every
institution name); the answer must be the one the full path gives."""

from __future__ import annotations

import string
import unicodedata

from graph.ids import _NON_ALNUM, normalise_name


def full_path(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


def test_ascii_names_normalise_as_the_full_path_does() -> None:
    names = [string.printable, "  Puskesmas  GENUK ", "TP-PKK Kab. Aceh_Selatan (2)", ""]
    names += [string.printable[i:i + 7] for i in range(len(string.printable))]
    for name in names:
        assert normalise_name(name) == full_path(name), name


def test_accented_names_lose_their_marks() -> None:
    assert normalise_name("  Café Ünïon—Bandung ") == "cafe union bandung"
    assert normalise_name("ﬁve") == full_path("ﬁve") == "five"  # a compatibility ligature
