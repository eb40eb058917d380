"""What the generator builds, read from data/network.json (a data file, not constants):
the members of each level's TPPS, the meetings each level holds, programs, presets."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "network.json"


@dataclass(frozen=True, slots=True)
class Member:
    type: str  # an institution type code, or "{office}" (DESA or KELURAHAN by region)
    name: str  # a pattern with {name} and {kind}
    head: bool = False  # chairs the level's meetings
    share: str | None = None  # preset field giving the chance this member exists


@dataclass(frozen=True, slots=True)
class MeetingKind:
    level: str
    title: str
    venue: str
    core: tuple[tuple[str, str], ...]  # (level, type or "*") that always attend unless absent
    fill: str  # where the other seats come from: "kecamatan" or "camat"


@dataclass(frozen=True, slots=True)
class ProgramSpec:
    name: str
    runs: str  # the institution type that runs it
    description: str


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    about: str
    per_year: dict[str, float]  # meetings per year of each unit at a level
    size: tuple[int, int]  # attendees of a meeting, inclusive
    kab_share: float  # chance each seat of a desa/kecamatan meeting goes to the kab/kota
    absence: float  # chance a core member misses a meeting
    posyandu: float
    desa_extra: float
    partners: int  # development partners per kab/kota, each active for a while
    turnover: float  # chance per year that a posyandu is replaced by a new one
    programs_per_meeting: float
    kabkota_stride: int  # 1: every kab/kota in scope; 4: every fourth

    def chance(self, share: str | None) -> float:
        return 1.0 if share is None else float(getattr(self, share))


@dataclass(frozen=True)
class Spec:
    members: dict[str, tuple[Member, ...]]
    partners: tuple[Member, ...]
    meetings: dict[str, MeetingKind]
    programs: tuple[ProgramSpec, ...]
    presets: dict[str, Preset]

    def preset(self, name: str) -> Preset:
        if name not in self.presets:
            raise ValueError(f"unknown scale {name!r}; use one of {', '.join(self.presets)}")
        return self.presets[name]


def _member(d: dict[str, Any]) -> Member:
    return Member(d["type"], d["name"], bool(d.get("head", False)), d.get("share"))


@cache
def spec(path: Path = DATA) -> Spec:
    raw = json.loads(path.read_text("utf-8"))
    meetings = {
        level: MeetingKind(level, m["title"], m["venue"],
                           tuple((c[0], c[1]) for c in m["core"]), m["fill"])
        for level, m in raw["meetings"].items()
    }
    presets = {}
    for name, p in raw["presets"].items():
        presets[name] = Preset(
            name, p["about"], {k: float(v) for k, v in p["per_year"].items()},
            (int(p["size"][0]), int(p["size"][1])), float(p["kab_share"]), float(p["absence"]),
            float(p["posyandu"]), float(p["desa_extra"]), int(p["partners"]),
            float(p["turnover"]), float(p["programs_per_meeting"]), int(p["kabkota_stride"]))
    return Spec(
        members={level: tuple(_member(m) for m in ms) for level, ms in raw["members"].items()},
        partners=tuple(_member(m) for m in raw["partners"]),
        meetings=meetings,
        programs=tuple(ProgramSpec(p["name"], p["runs"], p["description"])
                       for p in raw["programs"]),
        presets=presets,
    )
