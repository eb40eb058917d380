"""The extractor's vocabularies, read from data/ so analysts can extend them."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class InstitutionForm:
    pattern: re.Pattern[str]
    type: str
    stem: str  # display stem; empty = the text as written (DP3AKB, UNICEF ...)
    naming: str  # "place" or "region"


@dataclass(frozen=True)
class ProgramForm:
    name: str
    pattern: re.Pattern[str]
    aliases: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class RoleCue:
    pattern: re.Pattern[str]
    role: str
    binds: str  # after | before | sentence


def _rows(name: str) -> list[dict[str, str]]:
    text = (DATA / name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


@cache
def institution_forms() -> list[InstitutionForm]:
    forms = []
    for r in _rows("institutions.csv"):
        # Acronyms of two to five capitals must match as written (KUA, not "kua" in a word).
        forms.append(InstitutionForm(
            re.compile(rf"\b(?:{r['pattern']})\b", re.IGNORECASE), r["type"], r["stem"],
            r["naming"]))
    return forms


@cache
def program_forms() -> list[ProgramForm]:
    return [ProgramForm(r["name"], re.compile(rf"(?:{r['patterns']})"),
                        tuple(a for a in r["aliases"].split(";") if a), r["description"])
            for r in _rows("programs.csv")]


@cache
def role_cues() -> list[RoleCue]:
    return [RoleCue(re.compile(rf"\b(?:{r['cue']})\b", re.IGNORECASE), r["role"], r["binds"])
            for r in _rows("roles.csv")]
