"""Stable identifiers derived from natural keys.

Loading the same facts twice must give the same ids, so ids are hashes of
what identifies a thing (an institution is its type, region and normalised
name), never counters.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_name(name: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces."""
    if name.isascii():  # NFKD leaves ASCII as it is and it has no combining marks
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


SEARCH_KEY_CHARS = 1000


def search_key(name: str) -> str:
    """What listings sort by and `nameContains` searches: the normalised name, cut to a
    length every index accepts (Neo4j's range index refuses values over ~8 kB)."""
    return normalise_name(name)[:SEARCH_KEY_CHARS]


DIGEST_HEX = 16  # a derived id is its prefix and this many lower-case hex digits


def _digest(prefix: str, *parts: str | None) -> str:
    key = "\x1f".join(p or "" for p in parts)
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:DIGEST_HEX]


def digest_glob(prefix: str) -> str:
    """A GLOB pattern (SQLite) matching exactly the ids `_digest` makes with `prefix`.
    Ids may also be given by a loaded file, so a reader that relies on the form checks.

    >>> import fnmatch
    >>> fnmatch.fnmatchcase(institution_id("KUA", None, "x"), digest_glob("ins_"))
    True
    """
    return prefix + "[0-9a-f]" * DIGEST_HEX


def institution_id(type_: str, region_code: str | None, name: str) -> str:
    return _digest("ins_", type_, region_code, normalise_name(name))


def meeting_id(day: date, region_code: str | None, title: str) -> str:
    return _digest("mtg_", day.isoformat(), region_code, normalise_name(title))


def program_id(name: str) -> str:
    return _digest("prg_", normalise_name(name))


def measurement_id(
    what: str, region_code: str | None, period: str | None, unit: str, note: str | None = None
) -> str:
    """A figure is what, where, when and in which unit; undated figures add their note."""
    return _digest("msr_", what, region_code, period, unit, None if period else note)


def source_id(locator: str) -> str:
    """A source is identified by its URL, else its file name, else its title."""
    return _digest("src_", locator.strip())


def attendance_key(meeting_id_: str, institution_id_: str) -> str:
    """The subject id under which an attendance's provenance is filed."""
    return f"att:{meeting_id_}:{institution_id_}"
