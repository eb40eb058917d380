"""The store interface both backends implement, and the value types it speaks.

Every read is batched (ids in, dict out) or paged (filter + keyset page), so a
GraphQL request costs a bounded number of store calls however large the graph.

What both backends guarantee (tests/contract/test_store.py holds them to it):
- Missing ids are omitted from batched reads: no key, no None, no error.
- Ties are ordered by id: listings by (sort key, id), descending pages reverse both;
  neighbourhood lists likewise; collaborators by (weight, shared meetings) then id.
- `name_contains` on programs matches the normalised name or any one normalised alias,
  never a string spanning two of them.
- Newman's weight is graph/weights.py, the projection's and both stores' formula.
- A write is one transaction; one that raises changed nothing. A relationship naming a
  node neither stored nor in the batch refuses the whole write (DanglingEdge).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from graph.model import (
    Attendance,
    Batch,
    Citation,
    Collaborator,
    Institution,
    Measurement,
    Meeting,
    Program,
    ProgramLink,
    Region,
    Source,
    WriteResult,
)
from graph.store.incidence import Incidence

T = TypeVar("T")

# Sort orders each listing accepts: name -> default direction (descending?).
INSTITUTION_SORTS = {"name": False, "id": False}
MEETING_SORTS = {"date": True, "title": False}
PROGRAM_SORTS = {"name": False}
REGION_SORTS = {"code": False, "name": False}


class StoreError(Exception):
    """A store refused or failed a request; the message is safe to show."""


class NotFound(StoreError):
    """An id named in a write does not exist."""


class Conflict(StoreError):
    """A create named a node that is already stored; `existing` is the id it is stored
    under (for an institution merged away, the id of the one kept)."""

    def __init__(self, message: str, existing: str) -> None:
        super().__init__(message)
        self.existing = existing


class MergeRefused(StoreError):
    """A merge joins institutions of different types or regions without saying so;
    `reason` is "type" or "region"."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class DanglingEdge(StoreError):
    """A relationship in a write names a node that is neither stored nor in the batch;
    the whole write is refused. `missing` is that id."""

    def __init__(self, message: str, missing: str) -> None:
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True, slots=True)
class Window:
    """A closed date interval; either end may be open."""

    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class PageRequest:
    first: int
    after: tuple[Any, str] | None = None  # (sort value, id) of the last row seen
    sort: str = ""
    descending: bool = False


@dataclass(slots=True)
class Page(Generic[T]):
    items: list[T] = field(default_factory=list)
    keys: list[tuple[Any, str]] = field(default_factory=list)  # cursor of each item
    has_next: bool = False


@dataclass(frozen=True, slots=True)
class InstitutionFilter:
    types: tuple[str, ...] = ()
    region_code: str | None = None  # this region and everything below it
    name_contains: str | None = None
    level: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingFilter:
    region_code: str | None = None
    window: Window = Window()
    institution_id: str | None = None
    program_id: str | None = None


@dataclass(frozen=True, slots=True)
class ProgramFilter:
    name_contains: str | None = None
    institution_id: str | None = None
    region_code: str | None = None


@dataclass(frozen=True, slots=True)
class RegionFilter:
    level: str | None = None
    parent_code: str | None = None
    name_contains: str | None = None


@dataclass(frozen=True, slots=True)
class NetworkFilter:
    """Which meetings and institutions a collaboration network is projected from."""

    window: Window = Window()
    region_code: str | None = None  # meetings held in this region or below
    program_id: str | None = None  # meetings that discussed this program
    types: tuple[str, ...] = ()  # only institutions of these types


@dataclass(frozen=True, slots=True)
class NetworkSize:
    """How big the network a filter selects is, counted without reading it: the
    attendance rows, and the co-attendance pairs they give (sum of k(k-1)/2 over
    meetings of k attendees), an upper bound on the ties of the projection."""

    rows: int
    pairs: int


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """One ATTENDED edge with what the analytics need of both ends."""

    institution_id: str
    name: str
    type: str
    region_code: str | None
    meeting_id: str
    date: date


@dataclass(slots=True)
class AttendanceNodes:
    """The attendance of some meetings with the institutions at its far end (and, on
    request, their regions), read in one round trip: what a meeting's attendee list
    shows, without a second and third batched read."""

    attendance: dict[str, list[Attendance]] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)


@dataclass(slots=True)
class MeetingNodes:
    """Pages of each parent's meetings with those meetings' attendance (and its
    institutions and regions) read in the same round trip: what a list of meetings with
    their attendees shows, without a second read keyed by the first one's answer."""

    pages: dict[str, Page[Meeting]] = field(default_factory=dict)
    attendance: AttendanceNodes = field(default_factory=AttendanceNodes)


@dataclass(slots=True)
class MeetingPageNodes:
    """One page of meetings with their attendance (institutions, regions), read in the
    same round trip, as `MeetingNodes` is for pages by parent."""

    page: Page[Meeting] = field(default_factory=Page)
    attendance: AttendanceNodes = field(default_factory=AttendanceNodes)


@dataclass(slots=True)
class CollaboratorNodes:
    """Each institution's collaborators with the institutions they name, read in one
    round trip: what a list of collaborators with their names shows."""

    collaborators: dict[str, list[Collaborator]] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MeasurementFilter:
    region_code: str | None = None
    what: str | None = None


class Store(Protocol):
    """What the API, the loaders and the analytics need from storage."""

    # -- writes: each call is one transaction, stored whole or not at all; a call that
    # raises changed nothing. Relationships must name nodes stored or in the same batch
    # (else DanglingEdge, naming the id). --
    def write(self, batch: Batch) -> WriteResult: ...
    def create(self, batch: Batch, kind: str, id_: str) -> WriteResult:
        """`write`, only if node `id_` of `kind` ("institutions", "meetings", ...) is not
        stored yet, checked in the same transaction: of concurrent identical creates one
        writes and the others raise Conflict with the same id."""
        ...
    def merge_institutions(self, keep_id: str, drop_id: str, allow_cross_type: bool = False,
                           allow_cross_region: bool = False) -> int:
        """Join `drop_id` into `keep_id` (relationships move, the old id becomes an alias).
        Different types or regions raise MergeRefused unless allowed."""
        ...
    def rekey_institution(self, old_id: str, new: Institution) -> None:
        """Store `new` (a new id: its name, type or region changed) in place of `old_id`:
        relationships move and the old id becomes an alias, in one transaction. Conflict
        if `new.id` is already stored, NotFound if `old_id` is not."""
        ...

    # -- nodes by id --
    def regions(self, codes: Iterable[str]) -> dict[str, Region]: ...
    def institutions(self, ids: Iterable[str]) -> dict[str, Institution]: ...
    def meetings(self, ids: Iterable[str]) -> dict[str, Meeting]: ...
    def programs(self, ids: Iterable[str]) -> dict[str, Program]: ...
    def measurements(self, ids: Iterable[str]) -> dict[str, Measurement]: ...
    def sources(self, ids: Iterable[str]) -> dict[str, Source]: ...
    def resolve_aliases(self, ids: Iterable[str]) -> dict[str, str]: ...

    # -- listings: one page, and the total on request --
    def find_institutions(self, f: InstitutionFilter, page: PageRequest) -> Page[Institution]: ...
    def count_institutions(self, f: InstitutionFilter) -> int: ...
    def find_meetings(self, f: MeetingFilter, page: PageRequest) -> Page[Meeting]: ...
    def find_meetings_with_nodes(self, f: MeetingFilter, page: PageRequest,
                                 regions: bool = False) -> MeetingPageNodes: ...
    def count_meetings(self, f: MeetingFilter) -> int: ...
    def find_programs(self, f: ProgramFilter, page: PageRequest) -> Page[Program]: ...
    def count_programs(self, f: ProgramFilter) -> int: ...
    def find_regions(self, f: RegionFilter, page: PageRequest) -> Page[Region]: ...
    def count_regions(self, f: RegionFilter) -> int: ...
    def find_measurements(self, f: MeasurementFilter, first: int) -> list[Measurement]: ...

    # -- neighbourhoods, batched by parent --
    def attendance_of_meetings(self, meeting_ids: Iterable[str]) -> dict[str, list[Attendance]]: ...
    def attendance_with_nodes(
        self, meeting_ids: Iterable[str], regions: bool = False
    ) -> AttendanceNodes: ...
    def meetings_of_institutions(
        self, ids: Iterable[str], window: Window, page: PageRequest
    ) -> dict[str, Page[Meeting]]: ...
    def meetings_of_institutions_with_nodes(
        self, ids: Iterable[str], window: Window, page: PageRequest, regions: bool = False
    ) -> MeetingNodes: ...
    def meetings_of_programs(
        self, ids: Iterable[str], window: Window, page: PageRequest
    ) -> dict[str, Page[Meeting]]: ...
    def count_meetings_of_institutions(
        self, ids: Iterable[str], window: Window
    ) -> dict[str, int]: ...
    def count_meetings_of_programs(self, ids: Iterable[str], window: Window) -> dict[str, int]: ...
    def programs_of_meetings(self, meeting_ids: Iterable[str]) -> dict[str, list[Program]]: ...
    def program_links(
        self, program_ids: Iterable[str] = (), institution_ids: Iterable[str] = ()
    ) -> list[ProgramLink]: ...
    def program_regions(self, program_ids: Iterable[str]) -> dict[str, list[str]]: ...
    def measurements_of_regions(self, codes: Iterable[str]) -> dict[str, list[Measurement]]: ...
    def children_of_regions(self, codes: Iterable[str]) -> dict[str, list[Region]]: ...
    def citations(self, subject_ids: Iterable[str]) -> dict[str, list[Citation]]: ...
    def collaborators(
        self, ids: Iterable[str], window: Window, first: int
    ) -> dict[str, list[Collaborator]]: ...
    def collaborators_with_nodes(
        self, ids: Iterable[str], window: Window, first: int
    ) -> CollaboratorNodes:
        """`collaborators`, with the institution of every collaborator and of every id
        asked that names one (so the asked institution needs no read of its own)."""
        ...

    # -- analytics: the bipartite institution-meeting graph a network is built from --
    def attendance_rows(self, f: NetworkFilter) -> list[AttendanceRow]: ...
    def network_size(self, f: NetworkFilter) -> NetworkSize: ...
    # the same, as columns, for national-size projections (graph/store/incidence.py)
    def attendance_incidence(self, f: NetworkFilter) -> Incidence: ...

    # -- bulk load: many batches in one transaction, all or nothing --
    def bulk_write(self, batches: Iterable[Batch]) -> WriteResult: ...

    # -- whole-store copy (migration, backup): every node and relationship --
    def dump(self, size: int = 10_000) -> Iterator[Batch]: ...

    # -- bookkeeping --
    def version(self) -> int: ...
    def scope_version(self, code: str | None) -> int:
        """The version of the last write that could change a network filtered to region
        `code` (a write there or below, or to an institution that met there); None: the
        whole country, i.e. `version()`. Stamped in each write's own transaction
        (graph/store/scopes.py)."""
        ...
    def changed_regions(self, since: int) -> set[str] | None:
        """The regions the writes after version `since` named directly (where a meeting
        or institution they wrote is or was, not the ancestors `scope_version` also
        stamps), so a projection saved at `since` can be patched (graph/analytics/
        patch.py). None when the store cannot tell: a write since named a meeting or
        institution without a region, the record began after `since`, or `since` is
        ahead of the store."""
        ...
    def stats(self) -> dict[str, int]: ...
    def close(self) -> None: ...


def region_prefix_bounds(code: str) -> tuple[str, str]:
    """Bounds of the codes below `code`: "33.74" covers "33.74.*".

    Kemendagri codes nest by prefix, so "this region and its sub-regions" is a
    range scan on an index in either backend rather than a tree walk.
    """
    return code + ".", code + "/"  # "/" sorts right after "."


class AsyncReads(Protocol):
    """A store that also answers some of its reads on an asyncio driver (Neo4j).

    `aread(name, *args)` answers what `getattr(store, name)(*args)` would, for every
    name in `async_reads`; the API's read path uses it (api/context.py), everything
    else the plain methods."""

    @property
    def async_reads(self) -> frozenset[str]: ...

    async def aread(self, name: str, *args: Any) -> Any: ...
