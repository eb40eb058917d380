"""Figures in releases: stunting cases and prevalence, families at risk, participants.

Indonesian number writing: "30.980" is 30980, "2,87%" is 2.87, "24 ribu" is 24000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.articles.dates import period_in

NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?:\s*(ribu|rb|juta))?"
_SCALE = {"ribu": 1_000, "rb": 1_000, "juta": 1_000_000}


def parse_number(text: str, scale: str | None = None) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        value = float(text.replace(".", ""))
    else:
        value = float(text.replace(",", "."))
    return value * _SCALE.get((scale or "").lower(), 1)


@dataclass(frozen=True)
class Figure:
    what: str
    value: float
    unit: str
    period: str | None
    note: str | None
    start: int  # offset of the number in the sentence
    approximate: bool


_APPROX = re.compile(r"(?:sekitar|kurang\s+lebih|lebih\s+dari|hampir|±|\+/-)\s*$", re.IGNORECASE)
_TARGET = re.compile(r"\b(target|menargetkan|ditargetkan|sasaran\s+nasional)\b", re.IGNORECASE)

# (what, unit, pattern); the number is group 1 (and its scale group 2).
_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("stunting_cases", "children",
     re.compile(rf"kasus\s+stunting(?:\s+[^\s\d]+){{0,5}}?\s+(?:sebanyak|sejumlah|mencapai|"
                rf"tercatat|ada|yaitu)\s+{NUMBER}", re.IGNORECASE)),
    ("stunting_cases", "children",
     re.compile(rf"kasus\s+stunting\s+{NUMBER}", re.IGNORECASE)),
    ("stunting_cases", "children",
     re.compile(rf"{NUMBER}\s+(?:kasus\s+stunting|balita\s+(?:\([^)]*\)\s*)?(?:mengalami\s+)?"
                rf"stunting|anak\s+(?:\([^)]*\)\s*)?stunting|balita\b)", re.IGNORECASE)),
    ("families_targeted", "families",
     re.compile(rf"{NUMBER}\s+keluarga\s+sasaran", re.IGNORECASE)),
    ("families_at_risk", "families",
     re.compile(rf"{NUMBER}\s+keluarga(?:\s+\([^)]*\))?\s+(?:masuk\s+kategori\s+)?"
                rf"(?:berisiko|beresiko|risiko)", re.IGNORECASE)),
    ("participants", "people",
     re.compile(rf"{NUMBER}\s+(?:orang\s+)?peserta", re.IGNORECASE)),
]
_SHARE = re.compile(r"\((\d+(?:,\d+)?)\s*%\)")


def find_figures(sentence: str, year: int | None) -> list[Figure]:
    """Figures in one sentence, with the period it names (or None)."""
    if _TARGET.search(sentence):
        return []  # a target is not a measurement
    period = period_in(sentence, year)
    out: list[Figure] = []
    taken: set[int] = set()
    for what, unit, rule in _RULES:
        for m in rule.finditer(sentence):
            if m.start(1) in taken:
                continue
            taken.add(m.start(1))
            value = parse_number(m[1], m[2])
            approx = bool(_APPROX.search(sentence[: m.start(1)])) or m[2] is not None
            out.append(Figure(what, value, unit, period, None, m.start(1), approx))
            # "876 balita (2,87%)", "30.980 keluarga (10,6%)": the share right after it.
            share = _SHARE.search(sentence[m.end(1): m.end(1) + 40])
            if share:
                kind = "stunting_prevalence_pct" if what == "stunting_cases" else what
                out.append(Figure(kind, parse_number(share[1]), "percent", period, None,
                                  m.end(1), approx))
    # "prevalensi stunting 2,62%"
    for m in re.finditer(r"prevalensi\s+stunting[^.%]{0,60}?(\d+(?:,\d+)?)\s*(?:%|persen)",
                         sentence, re.IGNORECASE):
        if not any(f.what == "stunting_prevalence_pct" and f.value == parse_number(m[1])
                   for f in out):
            out.append(Figure("stunting_prevalence_pct", parse_number(m[1]), "percent", period,
                              None, m.start(1), False))
    # "dari sekitar 24 ribu keluarga menjadi 15 ribu keluarga" (at risk): before and after.
    trend = re.search(rf"keluarga\s+berisiko[^.]*?dari\s+(?:sekitar\s+)?{NUMBER}\s+keluarga\s+"
                      rf"menjadi\s+(?:sekitar\s+)?{NUMBER}\s+keluarga", sentence, re.IGNORECASE)
    if trend:
        out.append(Figure("families_at_risk", parse_number(trend[1], trend[2]), "families",
                          None, "earlier figure, before the decline reported", trend.start(1),
                          True))
        out.append(Figure("families_at_risk", parse_number(trend[3], trend[4]), "families",
                          period, "latest figure reported", trend.start(3), True))
    return out
