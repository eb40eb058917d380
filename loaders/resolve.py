"""Turn validated records into one graph Batch: derive ids, resolve references.

A reference (to an institution, meeting, program or source) is a `ref` given
in the same load, or the id of something already stored. Programs may also be
named by name or alias. Anything else is a problem reported with its place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph import ids
from graph.ids import normalise_name
from graph.model import (
    Attendance,
    Batch,
    Citation,
    Institution,
    Measurement,
    Meeting,
    Program,
    ProgramLink,
    Region,
    Source,
    level_of_code,
    parent_of_code,
)
from graph.store.base import Store
from loaders.errors import LoadError, Problem
from loaders.records import AttendeeRecord, SourceRef
from loaders.structured import Parsed, Where


class _Resolver:
    def __init__(self, parsed: Parsed, store: Store) -> None:
        self.parsed = parsed
        self.store = store
        self.batch = Batch()
        self.problems: list[Problem] = []
        self.refs: dict[str, dict[str, str]] = {
            k: {} for k in ("sources", "institutions", "programs", "meetings")
        }
        self.program_names: dict[str, str] = {}
        self.region_codes: set[str] = set()
        self._stored: dict[str, set[str]] = {}

    # -- references --------------------------------------------------------
    def _declare(self, kind: str, where: Where, ref: str | None, id_: str) -> None:
        if ref is None:
            return
        known = self.refs[kind].get(ref)
        if known is not None and known != id_:
            self.problems.append(where.problem("ref", f"ref {ref!r} is used twice in this load"))
        self.refs[kind][ref] = id_

    def _prefetch(self) -> None:
        """One store call per kind for every reference not defined in this load."""
        wanted: dict[str, set[str]] = {k: set() for k in self.refs}
        regions: set[str] = set()
        for kind, located in self.parsed.records.items():
            for _, rec in located:
                self._collect(kind, rec, wanted, regions)
        lookups: dict[str, Callable[[set[str]], Any]] = {
            "sources": self.store.sources, "institutions": self.store.institutions,
            "programs": self.store.programs, "meetings": self.store.meetings,
        }
        aliases = self.store.resolve_aliases(wanted["institutions"]) if wanted[
            "institutions"] else {}
        self.aliases = aliases
        wanted["institutions"] |= set(aliases.values())
        for kind, lookup in lookups.items():
            self._stored[kind] = set(lookup(wanted[kind])) if wanted[kind] else set()
        self._stored["regions"] = set(self.store.regions(regions)) if regions else set()

    def _collect(self, kind: str, rec: Any, wanted: dict[str, set[str]], regions: set[str]) -> None:
        def refs(r: Any) -> None:
            for s in getattr(r, "sources", []) or []:
                wanted["sources"].add(s.source)
            code = getattr(r, "region", None)
            if code:
                regions.add(code)

        if kind == "attendance":
            meeting, rec = rec
            wanted["meetings"].add(meeting)
        refs(rec)
        if kind in ("attendance",) and rec.institution:
            wanted["institutions"].add(rec.institution)
        if kind == "meetings":
            for a in rec.attendees:
                refs(a)
                if a.institution:
                    wanted["institutions"].add(a.institution)
            wanted["programs"].update(rec.programs)
            # A stored program may be named by its name: its id derives from it.
            wanted["programs"].update(ids.program_id(p) for p in rec.programs)
        if kind == "programs":
            wanted["institutions"].update(o.institution for o in rec.owners)
            regions.update(rec.regions)
        if kind == "regions" and rec.parent:
            regions.add(rec.parent)

    def ref(self, kind: str, value: str, where: Where, field: str) -> str | None:
        if value in self.refs[kind]:
            return self.refs[kind][value]
        if kind == "programs" and normalise_name(value) in self.program_names:
            return self.program_names[normalise_name(value)]
        if kind == "institutions":
            value = self.aliases.get(value, value)
        if value in self._stored.get(kind, set()):
            return value
        if kind == "programs" and ids.program_id(value) in self._stored["programs"]:
            return ids.program_id(value)
        noun = kind[:-1]
        self.problems.append(where.problem(
            field, f"unknown {noun} {value!r}: not a ref in this load nor a stored {noun} id"))
        return None

    def region(self, code: str | None, where: Where, field: str = "region") -> str | None:
        if code is None:
            return None
        if code not in self.region_codes and code not in self._stored["regions"]:
            self.problems.append(where.problem(
                field, f"unknown region {code!r}: load it (tpps load regions) or list it "
                       "under 'regions'"))
        return code

    def cite(self, subject: str, refs: list[SourceRef], where: Where, field: str) -> None:
        for i, r in enumerate(refs):
            sid = self.ref("sources", r.source, where, f"{field}[{i}].source")
            if sid:
                self.batch.citations.append(Citation(subject, sid, r.start, r.end, r.excerpt))

    # -- records -----------------------------------------------------------
    def run(self) -> Batch:
        recs = self.parsed.records
        for where, r in recs["sources"]:
            sid = ids.source_id(r.url or r.file or r.title)
            self._declare("sources", where, r.ref, sid)
            self.batch.sources.append(Source(sid, r.title, r.file, r.url, r.published))
        self.region_codes = {r.code for _, r in recs["regions"]}
        for where, r in recs["programs"]:
            pid = r.id or ids.program_id(r.name)
            self._declare("programs", where, r.ref, pid)
            for name in (r.name, *r.aliases):
                self.program_names[normalise_name(name)] = pid
        for where, r in recs["institutions"]:
            iid = r.id or ids.institution_id(r.type, r.region, r.name)
            self._declare("institutions", where, r.ref, iid)
        for where, r in recs["meetings"]:
            self._declare("meetings", where, r.ref, self._meeting_id(r))
        self._prefetch()

        for where, r in recs["regions"]:
            parent = r.parent if r.parent is not None else parent_of_code(r.code)
            if parent is not None and r.parent is not None:
                self.region(parent, where, "parent")
            self.batch.regions.append(Region(r.code, r.name, r.level, parent))
        for where, r in recs["institutions"]:
            self._institution(where, r.id or ids.institution_id(r.type, r.region, r.name),
                              r.name, r.type, r.region, r.level, r.sources, "")
        for where, r in recs["programs"]:
            pid = r.id or ids.program_id(r.name)
            self.batch.programs.append(Program(pid, r.name, tuple(r.aliases), r.description))
            for i, o in enumerate(r.owners):
                iid = self.ref("institutions", o.institution, where, f"owners[{i}].institution")
                if iid:
                    self.batch.program_links.append(ProgramLink(pid, iid, o.relation))
            for i, code in enumerate(r.regions):
                if self.region(code, where, f"regions[{i}]"):
                    self.batch.program_regions.append((pid, code))
            self.cite(pid, r.sources, where, "sources")
        for where, r in recs["meetings"]:
            self._meeting(where, r)
        for where, (meeting, a) in recs["attendance"]:
            mid = self.ref("meetings", meeting, where, "meeting")
            if mid:
                self._attendee(mid, a, where, "")
        for where, r in recs["measurements"]:
            code = self.region(r.region, where)
            mid = r.id or ids.measurement_id(r.what, code, r.period, r.unit, r.note)
            self.batch.measurements.append(
                Measurement(mid, r.what, r.value, r.unit, r.period, code, r.note))
            self.cite(mid, r.sources, where, "sources")
        if self.problems:
            raise LoadError(self.problems)
        return self.batch

    def _institution(self, where: Where, iid: str, name: str, type_: str, region: str | None,
                     level: str | None, sources: list[SourceRef], prefix: str) -> None:
        field = f"{prefix}region" if prefix else "region"
        code = self.region(region, where, field)
        level = level or (level_of_code(code) if code else None)
        self.batch.institutions.append(Institution(iid, name, type_, level, code))
        self.cite(iid, sources, where, f"{prefix}sources")

    @staticmethod
    def _meeting_id(r: Any) -> str:
        return str(r.id or ids.meeting_id(r.date, r.region, r.title))

    def _meeting(self, where: Where, r: Any) -> None:
        mid = self._meeting_id(r)
        code = self.region(r.region, where)
        level = r.level or (level_of_code(code) if code else None)
        self.batch.meetings.append(
            Meeting(mid, r.title, r.date, r.start_time, r.end_time, r.venue, level, code))
        for i, a in enumerate(r.attendees):
            self._attendee(mid, a, where, f"attendees[{i}].")
        for i, p in enumerate(r.programs):
            pid = self.ref("programs", p, where, f"programs[{i}]")
            if pid:
                self.batch.meeting_programs.append((mid, pid))
        self.cite(mid, r.sources, where, "sources")

    def _attendee(self, mid: str, a: AttendeeRecord, where: Where, prefix: str) -> None:
        if a.institution is not None:
            iid = self.ref("institutions", a.institution, where, f"{prefix}institution")
        else:
            assert a.name is not None and a.type is not None
            type_ = a.type.strip().upper()
            iid = ids.institution_id(type_, a.region, a.name)
            self._institution(where, iid, a.name, type_, a.region, None, [], prefix)
        if iid:
            self.batch.attendance.append(Attendance(mid, iid, a.all_roles()))
            self.cite(ids.attendance_key(mid, iid), a.sources, where, f"{prefix}sources")


def to_batch(parsed: Parsed, store: Store) -> Batch:
    """The Batch these records make, or LoadError naming every unresolved reference."""
    return _Resolver(parsed, store).run()
