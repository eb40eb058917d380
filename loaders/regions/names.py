"""Normalising region names so that "Kab. Tangerang", "Kabupaten Tangerang" and
"KABUPATEN TANGERANG" meet, and "Gajahmungkur (Gajah Mungkur)" answers to both."""

from __future__ import annotations

import re

from graph.ids import normalise_name

_PREFIXES = {
    "kabupaten": "kabupaten", "kab": "kabupaten", "kab.": "kabupaten", "kota": "kota",
    "kecamatan": "kecamatan", "kec": "kecamatan", "kec.": "kecamatan", "kelurahan": "kelurahan",
    "kel": "kelurahan", "kel.": "kelurahan", "desa": "desa", "provinsi": "provinsi",
    "prov": "provinsi", "prov.": "provinsi",
}
# Spellings that vary between official lists and the press.
_SPELLING = [(re.compile(r"\bsumatra\b"), "sumatera"),
             (re.compile(r"\bdki\b"), "daerah khusus ibukota"),
             (re.compile(r"\bdi\b"), "daerah istimewa"), (re.compile(r"\bkep\b"), "kepulauan")]
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
_KOTA_SUFFIX = re.compile(r"\s*(-\s*kota|\(kota\))\s*$", re.IGNORECASE)


_ADMINISTRATIVE = re.compile(r"^(adm\.?|administrasi)\s+", re.IGNORECASE)


def split_kind(name: str) -> tuple[str | None, str]:
    """("kabupaten", "Tangerang") from "Kab. Tangerang"; (None, name) without a prefix.

    Jakarta's "Kota Adm." / "Kabupaten Administrasi" count as kota / kabupaten.
    """
    parts = name.strip().split(None, 1)
    if len(parts) == 2 and parts[0].lower() in _PREFIXES:
        return _PREFIXES[parts[0].lower()], _ADMINISTRATIVE.sub("", parts[1])
    return None, name.strip()


def key(name: str) -> str:
    """The matching key of a bare name: normalised, spelling-unified, spaces dropped."""
    text = normalise_name(name)
    for pattern, replacement in _SPELLING:
        text = pattern.sub(replacement, text)
    return text.replace(" ", "")


def variants(name: str) -> set[str]:
    """Matching keys of a listed name and of the alternatives it gives.

    "Gajahmungkur (Gajah Mungkur)" -> both; "Darul Iksan (Ihsan)" -> also "Darul Ihsan"
    (a one-word alternative replaces the last word); "Teripe/Tripe Jaya" -> both.
    """
    name = _KOTA_SUFFIX.sub("", name)
    inner = [i.strip() for i in _PAREN.findall(name) if i.strip()]
    outer = _PAREN.sub(" ", name).strip()
    found = {outer, *inner}
    words = outer.split()
    for i in inner:
        if " " not in i and len(words) > 1:
            found.add(" ".join([*words[:-1], i]))
    for f in list(found):
        if "/" in f:
            head, _, tail = f.partition("/")
            rest = tail.split(" ", 1)
            found.add(head + (" " + rest[1] if len(rest) > 1 else ""))
            found.add(tail)
    return {key(f) for f in found} - {""}


def display_kabkota(name: str) -> str:
    """'Kab. Tangerang' -> 'Kabupaten Tangerang' (Kota names stay)."""
    kind, bare = split_kind(name)
    return f"Kabupaten {bare}" if kind == "kabupaten" else name.strip()
