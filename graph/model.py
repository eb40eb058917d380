"""The graph model: the nodes and relationships every store holds.

Nodes: Region, Institution, Meeting, Program, Measurement, Source.
Relationships are kept as small records (Attendance, ProgramLink, Citation, ...)
rather than as fields, so that both stores can batch them and the API can
page over them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

LEVELS: tuple[str, ...] = ("national", "province", "kabkota", "kecamatan", "desa")

# Attendance roles, most significant first: an institution with several roles
# at one meeting shows the first of them as its `role`.
ROLES: tuple[str, ...] = ("chair", "opened", "organiser", "presenter", "participant")

MEASUREMENT_KINDS: tuple[str, ...] = (
    "stunting_cases",
    "stunting_prevalence_pct",
    "families_at_risk",
    "families_targeted",
    "participants",
    "other",
)

PROGRAM_RELATIONS: tuple[str, ...] = ("RUNS", "SUPPORTS")


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # Kemendagri code, e.g. "33.74.05"
    name: str
    level: str
    parent_code: str | None = None


@dataclass(frozen=True, slots=True)
class Institution:
    id: str
    name: str
    type: str
    level: str | None = None
    region_code: str | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    title: str
    date: date
    start_time: str | None = None  # "HH:MM", local time as written
    end_time: str | None = None
    venue: str | None = None
    level: str | None = None
    region_code: str | None = None


@dataclass(frozen=True, slots=True)
class Program:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Measurement:
    id: str
    what: str
    value: float
    unit: str
    period: str | None  # "2024", "2024-02", ...; None when the source gives none
    region_code: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    file: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Attendance:
    """ATTENDED: an institution at a meeting, with every role it played there."""

    meeting_id: str
    institution_id: str
    roles: tuple[str, ...] = ("participant",)

    @property
    def role(self) -> str:
        return primary_role(self.roles)


@dataclass(frozen=True, slots=True)
class ProgramLink:
    """RUNS or SUPPORTS: an institution behind a program."""

    program_id: str
    institution_id: str
    relation: str = "RUNS"


@dataclass(frozen=True, slots=True)
class Citation:
    """Provenance: a fact (node id or relationship key) drawn from a Source.

    `start`/`end` are character offsets in the source text when known, and
    `excerpt` the sentence itself, so a reader can check the fact.
    """

    subject_id: str
    source_id: str
    start: int | None = None
    end: int | None = None
    excerpt: str | None = None


@dataclass(frozen=True, slots=True)
class Collaborator:
    """One institution's co-attendee, with Newman's collaboration weight."""

    institution_id: str
    shared_meetings: int
    weight: float


@dataclass
class Batch:
    """Everything one write stores, all or nothing.

    Nodes are upserted by id (fields replaced); relationships are merged.
    `replace_attendance` names meetings whose attendance list this batch
    replaces rather than extends.
    """

    regions: list[Region] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    meeting_programs: list[tuple[str, str]] = field(default_factory=list)
    program_links: list[ProgramLink] = field(default_factory=list)
    program_regions: list[tuple[str, str]] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # merged-away id -> kept id
    replace_attendance: set[str] = field(default_factory=set)
    replace_meeting_programs: set[str] = field(default_factory=set)

    def rows(self) -> int:
        """Nodes and relationships in the batch."""
        return sum(len(x) for x in (
            self.regions, self.institutions, self.meetings, self.programs, self.measurements,
            self.sources, self.attendance, self.meeting_programs, self.program_links,
            self.program_regions, self.citations, self.aliases,
        ))


@dataclass(frozen=True, slots=True)
class WriteResult:
    created: dict[str, int]  # kind -> nodes new to the store
    updated: dict[str, int]  # kind -> nodes already there (fields replaced)
    version: int


def primary_role(roles: tuple[str, ...] | list[str]) -> str:
    if len(roles) == 1:  # most attendances: asked once per attendee row
        return roles[0]
    if not roles:
        return "participant"
    return min(roles, key=lambda r: ROLES.index(r) if r in ROLES else len(ROLES))


def merge_roles(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """Union of two role sets in priority order; 'participant' only when alone."""
    roles = set(a) | set(b)
    if len(roles) > 1:
        roles.discard("participant")
    return tuple(sorted(roles, key=lambda r: ROLES.index(r) if r in ROLES else len(ROLES)))


NATIONAL_CODE = "ID"


def level_of_code(code: str) -> str:
    """The administrative level a Kemendagri code denotes, by its depth."""
    if code == NATIONAL_CODE:
        return "national"
    return LEVELS[min(code.count(".") + 1, len(LEVELS) - 1)]


def parent_of_code(code: str) -> str | None:
    if code == NATIONAL_CODE:
        return None
    return code.rsplit(".", 1)[0] if "." in code else NATIONAL_CODE
