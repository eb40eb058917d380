"""The gold file of a release: what a careful reader found in it (loaders/articles/GOLD.md).

Gold files, and the extractor's reading of a release (`to_gold_shape`), are parsed by
the same strict checker, so a scorer compares like with like and a typo in a gold
file is an error naming the file and the field, never a silent zero.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from graph.model import NATIONAL_CODE, ROLES, Region
from graph.vocabulary import institution_types
from loaders.errors import LoadError, Problem
from loaders.regions.names import display_kabkota

GOLD_SUFFIX = ".gold.json"
LEVELS = ("province", "kabkota", "kecamatan", "desa")
REGION_FIELDS = {"province": "province", "kabkota": "kabkota", "kecamatan": "kecamatan",
                 "desa": "desa_kelurahan"}  # level -> the gold's region field
FIGURE_KINDS = ("stunting_prevalence_pct", "stunting_cases", "families_at_risk",
                "participants", "other")
COUNT_KINDS = {"stunting_cases", "families_at_risk", "participants"}
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$")
_REGION_CODE = re.compile(r"^(ID|\d{2}(\.\d{2}(\.\d{2}(\.[0-9A-Za-z]{1,12})?)?)?)$")


class Lineage(Protocol):
    """What converting an extraction needs of a gazetteer: a region and its ancestors."""

    def lineage(self, code: str) -> list[Region]: ...


@dataclass(frozen=True)
class GoldMeeting:
    date: str | None
    date_alternatives: tuple[str, ...]
    start_time: str | None
    end_time: str | None
    venue: str | None
    level: str | None
    region: dict[str, str | None]  # province, kabkota, kecamatan, desa_kelurahan


@dataclass(frozen=True)
class GoldInstitution:
    type: str
    region: str | None
    roles: tuple[str, ...]
    collective: bool


@dataclass(frozen=True)
class GoldProgram:
    name: str
    aliases: tuple[str, ...]  # an extraction's other names; gold files give none
    run_by: tuple[str, ...]  # types that run or deliver it (ProgramLink RUNS)
    supported_by: tuple[str, ...] = ()  # types that back it (ProgramLink SUPPORTS)

    def links(self) -> set[tuple[str, str]]:
        """(institution type, relation) pairs: what `tpps load articles` stores as edges."""
        return {(t, "RUNS") for t in self.run_by} | {(t, "SUPPORTS") for t in self.supported_by}


@dataclass(frozen=True)
class GoldFigure:
    what: str
    value: float
    period: str | None
    region: str | None


@dataclass(frozen=True)
class Gold:
    """One release as a careful reader labelled it (or as the extractor read it)."""

    meeting: GoldMeeting | None
    institutions: tuple[GoldInstitution, ...]
    programs: tuple[GoldProgram, ...]
    figures: tuple[GoldFigure, ...]
    notes: str | None = None
    # every meeting held, `meeting` first; `listed` when the file gives them as
    # `meetings: [...]` (only then are the several meetings scored)
    meetings: tuple[GoldMeeting, ...] = ()
    listed: bool = False


class Checker:
    """Collects every problem of one file, each naming its field, before refusing it."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, None, where, message))

    def keys(self, obj: dict[str, Any], where: str, required: set[str],
             optional: set[str]) -> None:
        for k in sorted(required - set(obj)):
            self.fail(f"{where}.{k}" if where else k, "missing")
        for k in sorted(set(obj) - required - optional):
            known = ", ".join(sorted(required | optional))
            self.fail(f"{where}.{k}" if where else k, f"unknown field (known: {known})")

    def text(self, value: Any, where: str, nullable: bool = True) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(where, f"expected a non-empty string{' or null' if nullable else ''}, "
                             f"got {json.dumps(value, ensure_ascii=False)}")
            return None
        return value.strip()

    def pattern(self, value: Any, where: str, rule: re.Pattern[str], shape: str) -> str | None:
        text = self.text(value, where)
        if text is not None and not rule.match(text):
            self.fail(where, f"{text!r} is not {shape}")
            return None
        return text

    def day(self, value: Any, where: str) -> str | None:
        text = self.text(value, where)
        if text is None:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError
            date.fromisoformat(text)
        except ValueError:
            self.fail(where, f"{text!r} is not a date YYYY-MM-DD")
            return None
        return text

    def choice(self, value: Any, where: str, allowed: tuple[str, ...] | set[str],
               nullable: bool = False) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in allowed:
            self.fail(where, f"{json.dumps(value, ensure_ascii=False)} is not one of "
                             f"{', '.join(sorted(allowed))}")
            return None
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(where, "expected a list")
            return []
        return value


def parse_gold(data: Any, file: str) -> Gold:
    """A gold object (or an extraction in the gold shape), checked field by field.

    Raises LoadError naming the file and every wrong field (`meeting.date`,
    `institutions[2].type`, ...): a bad gold file must not score as a bad extractor.
    """
    c = Checker(file)
    if not isinstance(data, dict):
        c.fail("", "expected a JSON object with meeting, institutions, programs, figures")
        raise LoadError(c.problems)
    listed = "meetings" in data
    c.keys(data, "", {"institutions", "programs", "figures"} | (set() if listed else {"meeting"}),
           {"notes", "meeting", "meetings"})
    meeting = _meeting(c, data.get("meeting"), "meeting")
    meetings: tuple[GoldMeeting, ...] = (meeting,) if meeting else ()
    if listed:
        given = c.items(data.get("meetings"), "meetings")
        if any(raw is None for raw in given):
            c.fail("meetings", "a null in the list: leave a release without a meeting as []")
        meetings = tuple(m for n, raw in enumerate(given) if raw is not None
                         and (m := _meeting(c, raw, f"meetings[{n}]")))
        if "meeting" not in data:
            meeting = meetings[0] if meetings else None
        elif (meeting is None) != (not meetings) or (meeting and meetings
                                                    and meeting != meetings[0]):
            c.fail("meeting", "differs from meetings[0]: give the first meeting held in "
                              "both, or only `meetings`")
    types = institution_types()
    institutions = []
    for n, raw in enumerate(c.items(data.get("institutions", []), "institutions")):
        where = f"institutions[{n}]"
        if not isinstance(raw, dict):
            c.fail(where, "expected an object {type, region, roles, collective}")
            continue
        c.keys(raw, where, {"type"}, {"region", "roles", "collective", "name"})
        roles = tuple(r for i, r in enumerate(c.items(raw.get("roles", []), f"{where}.roles"))
                      if c.choice(r, f"{where}.roles[{i}]", ROLES))
        collective = raw.get("collective", False)
        if not isinstance(collective, bool):
            c.fail(f"{where}.collective", "expected true or false")
        c.text(raw.get("name"), f"{where}.name")
        institutions.append(GoldInstitution(
            c.choice(raw.get("type"), f"{where}.type", set(types)) or "",
            c.text(raw.get("region"), f"{where}.region"), roles, collective is True))
    programs = [p for n, raw in enumerate(c.items(data.get("programs", []), "programs"))
                if (p := _program(c, raw, f"programs[{n}]", set(types)))]
    figures = [f for n, raw in enumerate(c.items(data.get("figures", []), "figures"))
               if (f := _figure(c, raw, f"figures[{n}]"))]
    if meeting is None and (institutions or programs or figures):
        c.fail("meeting", "null (no meeting), but institutions, programs or figures are "
                          "given: a release without a meeting has empty lists")
    notes = data.get("notes")
    if notes is not None and not isinstance(notes, str):
        c.fail("notes", "expected a string")
    if c.problems:
        raise LoadError(c.problems)
    return Gold(meeting, tuple(institutions), tuple(programs), tuple(figures),
                notes if isinstance(notes, str) else None, meetings, listed)


def _meeting(c: Checker, raw: Any, where: str) -> GoldMeeting | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        c.fail(where, "expected an object, or null for a release without a meeting")
        return None
    c.keys(raw, where, {"date", "level", "region"},
           {"date_alternatives", "start_time", "end_time", "venue"})
    alternatives = tuple(d for n, a in enumerate(
        c.items(raw.get("date_alternatives", []), f"{where}.date_alternatives"))
        if (d := c.day(a, f"{where}.date_alternatives[{n}]")))
    level = c.choice(raw.get("level"), f"{where}.level", LEVELS, nullable=True)
    region: dict[str, str | None] = dict.fromkeys(REGION_FIELDS.values())
    given = raw.get("region")
    if given is None:
        given = {}
    if not isinstance(given, dict):
        c.fail(f"{where}.region", "expected an object {province, kabkota, kecamatan, "
                                 "desa_kelurahan}")
        given = {}
    c.keys(given, f"{where}.region", set(), set(region))
    for name in region:
        region[name] = c.text(given.get(name), f"{where}.region.{name}")
    # Every field down to the level (ancestors filled), none below it; no level, no region.
    depth = LEVELS.index(level) if level else -1
    for i, lv in enumerate(LEVELS):
        name = REGION_FIELDS[lv]
        if i <= depth and region[name] is None:
            c.fail(f"{where}.region.{name}", f"null, but the level is {level} (fill the "
                                             "ancestors from the gazetteer)")
        if i > depth and region[name] is not None:
            c.fail(f"{where}.region.{name}", f"below the meeting's level ({level or 'null'}): "
                                             "leave it null")
    kab = region["kabkota"]
    if kab is not None and not re.match(r"(?i)(kabupaten|kota)\s+\S", kab):
        c.fail(f"{where}.region.kabkota", f"{kab!r}: write the long form, 'Kabupaten X' or "
                                         "'Kota Y'")
    return GoldMeeting(
        c.day(raw.get("date"), f"{where}.date"), alternatives,
        c.pattern(raw.get("start_time"), f"{where}.start_time", _CLOCK, "a time HH:MM"),
        c.pattern(raw.get("end_time"), f"{where}.end_time", _CLOCK, "a time HH:MM"),
        c.text(raw.get("venue"), f"{where}.venue"), level, region)


def _program(c: Checker, raw: Any, where: str, types: set[str]) -> GoldProgram | None:
    if isinstance(raw, str):
        raw = {"name": raw}
    if not isinstance(raw, dict):
        c.fail(where, "expected a name, or an object {name, run_by, supported_by}")
        return None
    c.keys(raw, where, {"name"}, {"run_by", "supported_by", "aliases"})
    name = c.text(raw.get("name"), f"{where}.name", nullable=False)
    aliases = tuple(a for n, a in enumerate(c.items(raw.get("aliases", []), f"{where}.aliases"))
                    if c.text(a, f"{where}.aliases[{n}]", nullable=False))
    run_by, supported_by = (
        tuple(t for n, t in enumerate(c.items(raw.get(key, []), f"{where}.{key}"))
              if c.choice(t, f"{where}.{key}[{n}]", types))
        for key in ("run_by", "supported_by"))
    return GoldProgram(name, aliases, run_by, supported_by) if name else None


def _figure(c: Checker, raw: Any, where: str) -> GoldFigure | None:
    if not isinstance(raw, dict):
        c.fail(where, "expected an object {what, value, period, region}")
        return None
    c.keys(raw, where, {"what", "value"}, {"period", "region", "unit", "note"})
    what = c.choice(raw.get("what"), f"{where}.what", FIGURE_KINDS)
    value = raw.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        c.fail(f"{where}.value", f"expected a number, got {json.dumps(value)}")
        return None
    period = c.pattern(raw.get("period"), f"{where}.period", _PERIOD,
                       "a period YYYY, YYYY-MM or YYYY-MM-DD")
    region = c.text(raw.get("region"), f"{where}.region")
    return GoldFigure(what, float(value), period, region) if what else None


def read_gold(path: Path) -> Gold:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError([Problem(str(path), None, None, f"cannot read: {exc}")]) from None
    except json.JSONDecodeError as exc:
        raise LoadError([Problem(str(path), exc.lineno, None,
                                 f"not JSON: {exc.msg} (column {exc.colno})")]) from None
    return parse_gold(data, str(path))


def read_regions(path: Path) -> list[dict[str, Any]]:
    """A folder's gazetteer.json: region records {code, name, level, parent}, with
    optional `aliases` (other names of the region: "Lemhi") and `zone` (WIB, WITA, WIT)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LoadError([Problem(str(path), None, None, f"not readable JSON: {exc}")]) from None
    c = Checker(str(path))
    if not isinstance(data, list):
        c.fail("", "expected a list of region records {code, name, level, parent}")
        raise LoadError(c.problems)
    codes = {r["code"] for r in data if isinstance(r, dict) and isinstance(r.get("code"), str)}
    codes.add(NATIONAL_CODE)
    seen: set[str] = set()
    for n, r in enumerate(data):
        where = f"[{n}]"
        if not isinstance(r, dict):
            c.fail(where, "expected an object {code, name, level, parent}")
            continue
        if isinstance(r.get("code"), str):
            if r["code"] in seen:
                c.fail(f"{where}.code", f"{r['code']!r} is given twice")
            seen.add(r["code"])
        c.keys(r, where, {"code", "name", "level"}, {"parent", "aliases", "zone"})
        c.choice(r.get("zone"), f"{where}.zone", ("WIB", "WITA", "WIT"), nullable=True)
        c.pattern(r.get("code"), f"{where}.code", _REGION_CODE,
                  "a region code (PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD)")
        c.text(r.get("name"), f"{where}.name", nullable=False)
        c.choice(r.get("level"), f"{where}.level", ("national", *LEVELS))
        if r.get("parent") is not None and r.get("parent") not in codes:
            c.fail(f"{where}.parent", f"{r.get('parent')!r} is not a code of this file")
        for i, a in enumerate(c.items(r.get("aliases", []), f"{where}.aliases")):
            c.text(a, f"{where}.aliases[{i}]", nullable=False)
    if c.problems:
        raise LoadError(c.problems)
    return data


def region_label(region: Region) -> str:
    """A region's name as the gold writes it: kab/kota in long form, others bare."""
    return display_kabkota(region.name) if region.level == "kabkota" else region.name


def _region_name(code: str | None, gaz: Lineage) -> str | None:
    if code is None:
        return None
    line = gaz.lineage(code)
    if not line:
        return "Indonesia" if code == NATIONAL_CODE else None
    return region_label(line[-1])


def _get(item: Any, name: str) -> Any:
    """A field of an extracted item, whether the extractor gives dicts or objects."""
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _runner_type(runner: Any) -> str:
    """The institution type of a program's runner: a type, or a (type, relation, ...) tuple."""
    return runner if isinstance(runner, str) else str(runner[0])


def _runners(program: Any, relation: str) -> list[str]:
    """The types linked to an extracted program by `relation` (a bare type means RUNS)."""
    return list(dict.fromkeys(
        _runner_type(r) for r in _get(program, "run_by") or []
        if (r[1] if not isinstance(r, str) and len(r) > 1 else "RUNS") == relation))


def to_gold_shape(extraction: Any, gaz: Lineage) -> dict[str, Any]:
    """The extractor's reading of a release, in the gold file's shape (GOLD.md).

    Attendees are the mentions the extractor gave a role; region names come from the
    gazetteer lineage of each code. Figure kinds outside the gold's five (families
    targeted, a share of families at risk) are `other`.
    """
    m = extraction.meeting
    if m is None:
        return {"meeting": None, "institutions": [], "programs": [], "figures": []}
    meeting = _meeting_shape(m, gaz)
    held = getattr(extraction, "meetings", None) or [m]
    institutions = [{"type": i.type, "region": _region_name(i.region_code, gaz),
                     "roles": list(i.roles), "collective": bool(i.generic)}
                    for i in extraction.institutions if i.roles]
    programs = [{"name": _get(p, "name"), "aliases": list(_get(p, "aliases") or []),
                 "run_by": _runners(p, "RUNS"), "supported_by": _runners(p, "SUPPORTS")}
                for p in extraction.programs]
    figures = []
    for f in extraction.figures:
        what = _get(f, "what") if _get(f, "what") in FIGURE_KINDS else "other"
        if what in COUNT_KINDS and _get(f, "unit") == "percent":
            what = "other"  # "10,6% of families at risk" is a share, not a count
        figures.append({"what": what, "value": _get(f, "value"), "period": _get(f, "period"),
                        "region": _region_name(_get(f, "region_code"), gaz)})
    several = {"meetings": [meeting, *(_meeting_shape(x, gaz) for x in held[1:])]} \
        if len(held) > 1 else {}  # one meeting: the shape gold files have always had
    return {"meeting": meeting, **several, "institutions": institutions, "programs": programs,
            "figures": figures}


def _meeting_shape(m: dict[str, Any], gaz: Lineage) -> dict[str, Any]:
    region: dict[str, str | None] = dict.fromkeys(REGION_FIELDS.values())
    code = (m.get("region") or {}).get("code")
    for r in gaz.lineage(code) if code else []:
        if r.level in REGION_FIELDS:
            region[REGION_FIELDS[r.level]] = region_label(r)
    level = m.get("level") if m.get("level") in LEVELS else None
    depth = LEVELS.index(level) if level else -1
    for lv in LEVELS[depth + 1:]:  # the gold leaves the fields below the level null
        region[REGION_FIELDS[lv]] = None
    return {"date": m.get("date"), "start_time": m.get("start_time"),
            "end_time": m.get("end_time"), "venue": m.get("venue"), "level": level,
            "region": region}
