"""The project's own input format: one pydantic model per record kind.

JSON files hold a `Dataset`; CSV files hold one kind each and are turned into
the same records, so both formats share one validation and one writer.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from graph.model import LEVELS, MEASUREMENT_KINDS, ROLES
from graph.vocabulary import institution_types
from loaders.values import IsoDate, Locator, Name, Period, Prose, Short, Title

REGION_CODE = re.compile(r"^(ID|\d{2}(\.\d{2}(\.\d{2}(\.[0-9A-Za-z]{1,12})?)?)?)$")
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

Level = Literal["national", "province", "kabkota", "kecamatan", "desa"]
Role = Literal["chair", "opened", "organiser", "presenter", "participant"]
Relation = Literal["RUNS", "SUPPORTS"]
What = Literal[
    "stunting_cases", "stunting_prevalence_pct", "families_at_risk", "families_targeted",
    "participants", "other",
]
assert set(Level.__args__) == set(LEVELS)  # type: ignore[attr-defined]
assert set(Role.__args__) == set(ROLES)  # type: ignore[attr-defined]
assert set(What.__args__) == set(MEASUREMENT_KINDS)  # type: ignore[attr-defined]

# Figures that are shares of a whole, and figures that count something.
PERCENT_UNITS = frozenset({"percent", "%", "persen", "pct"})
COUNT_KINDS = frozenset({"stunting_cases", "families_at_risk", "families_targeted",
                         "participants"})


def check_region_code(value: str | None) -> str | None:
    if value is not None and not REGION_CODE.match(value):
        raise ValueError(
            f"{value!r} is not a Kemendagri region code (PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD)"
        )
    return value


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class SourceRef(Record):
    """Where in a source a fact is written."""

    source: str
    excerpt: Prose | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class SourceRecord(Record):
    ref: str | None = None
    title: Title
    file: Locator | None = None
    url: Locator | None = None
    published: IsoDate | None = None


class RegionRecord(Record):
    code: str
    name: Name
    level: Level
    parent: str | None = None

    _code = field_validator("code", "parent")(check_region_code)


class InstitutionRecord(Record):
    ref: str | None = None
    id: str | None = None
    name: Name
    type: str
    region: str | None = None
    level: Level | None = None
    sources: list[SourceRef] = []

    _region = field_validator("region")(check_region_code)

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        code = value.strip().upper()
        if code not in institution_types():
            raise ValueError(
                f"unknown institution type {value!r}; known: "
                + ", ".join(sorted(institution_types()))
            )
        return code


class AttendeeRecord(Record):
    """An institution at a meeting: by ref/id, or inline by name, type and region."""

    institution: str | None = None
    name: Name | None = None
    type: str | None = None
    region: str | None = None
    role: Role | None = None
    roles: list[Role] = []
    sources: list[SourceRef] = []

    _region = field_validator("region")(check_region_code)

    @model_validator(mode="after")
    def _one_way_to_name(self) -> AttendeeRecord:
        if (self.institution is None) == (self.name is None):
            raise ValueError("give either 'institution' (a ref or id) or 'name' with 'type'")
        if self.name is not None:
            if self.type is None:
                raise ValueError("an attendee given by name needs a 'type'")
            InstitutionRecord._known_type(self.type)
        return self

    def all_roles(self) -> tuple[str, ...]:
        roles = list(self.roles) + ([self.role] if self.role else [])
        return tuple(dict.fromkeys(roles)) or ("participant",)


class ProgramOwnerRecord(Record):
    institution: str
    relation: Relation = "RUNS"


class ProgramRecord(Record):
    ref: str | None = None
    id: str | None = None
    name: Name
    aliases: list[Name] = []
    description: Prose | None = None
    owners: list[ProgramOwnerRecord] = []
    regions: list[str] = []
    sources: list[SourceRef] = []

    @field_validator("regions")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        for code in value:
            check_region_code(code)
        return value


class MeetingRecord(Record):
    ref: str | None = None
    id: str | None = None
    title: Title
    date: IsoDate
    start_time: str | None = None
    end_time: str | None = None
    venue: Name | None = None
    level: Level | None = None
    region: str | None = None
    attendees: list[AttendeeRecord] = []
    programs: list[str] = []
    sources: list[SourceRef] = []

    _region = field_validator("region")(check_region_code)

    @field_validator("start_time", "end_time")
    @classmethod
    def _clock(cls, value: str | None) -> str | None:
        if value is not None and not CLOCK.match(value):
            raise ValueError(f"{value!r} is not a time of day as HH:MM")
        return value

    @field_validator("end_time")
    @classmethod
    def _ends_after_start(cls, value: str | None, info: ValidationInfo) -> str | None:
        # HH:MM strings compare in time order; no meeting here runs past midnight.
        start = info.data.get("start_time")
        if value is not None and start and value < start:
            raise ValueError(f"{value} is before the start time {start}")
        return value


class MeasurementRecord(Record):
    id: str | None = None
    what: What
    unit: Short  # before value: the value's range depends on it
    value: float = Field(allow_inf_nan=False)
    period: Period | None = None
    region: str | None = None
    note: Prose | None = None
    sources: list[SourceRef] = []

    _region = field_validator("region")(check_region_code)

    @field_validator("value")
    @classmethod
    def _value_in_range(cls, value: float, info: ValidationInfo) -> float:
        what, unit = info.data.get("what"), str(info.data.get("unit") or "")
        if (what == "stunting_prevalence_pct" or unit.lower() in PERCENT_UNITS) and not (
                0 <= value <= 100):
            raise ValueError(f"{value:g} is a percentage, so between 0 and 100")
        if what in COUNT_KINDS and value < 0:
            raise ValueError(f"{value:g} counts {what}, so it cannot be negative")
        return value


class Dataset(Record):
    sources: list[SourceRecord] = []
    regions: list[RegionRecord] = []
    institutions: list[InstitutionRecord] = []
    programs: list[ProgramRecord] = []
    meetings: list[MeetingRecord] = []
    measurements: list[MeasurementRecord] = []
