"""Vocabularies kept as data files so analysts can extend them without code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class InstitutionType:
    code: str
    label: str
    sector: str
    usual_levels: tuple[str, ...]


@cache
def institution_types() -> dict[str, InstitutionType]:
    text = (DATA / "institution_types.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {
        r["code"]: InstitutionType(
            r["code"], r["label"], r["sector"], tuple(r["usual_levels"].split(";"))
        )
        for r in rows
    }


def sector_of(type_code: str) -> str:
    t = institution_types().get(type_code)
    return t.sector if t else "other"
