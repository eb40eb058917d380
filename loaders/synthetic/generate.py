"""A synthetic TPPS network on the real region tree, reproducible from a seed.

Each kab/kota in scope gets its TPPS members (data/network.json): the kab/kota offices,
every kecamatan's Puskesmas, Polsek, Koramil, KUA, PKK, PLKB ..., every desa's office,
posyandu and cadres. Desa hold rembuk, kecamatan and kab/kota hold rakor at the preset's
rhythm; core members attend unless absent, the other seats go to the kecamatan (90%) and
the kab/kota (10%), and kab/kota rakor are joined by the camat. Posyandu are replaced
now and then and development partners come and go (turnover). Meetings discuss
programs; every kecamatan gets yearly prevalence and case figures.

Every fact is cited to one Source whose title starts with "Synthetic", and every id is
derived from a key of its own ("synthetic" salted), so generated facts never overwrite
real ones: a generated Kota Semarang sits beside the seed releases.

Each kab/kota draws from its own random stream (seed and kab/kota code), so a kab/kota
generated alone is the same as that kab/kota inside a province or national run.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from graph.ids import attendance_key
from graph.model import (
    NATIONAL_CODE,
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
)
from loaders.regions.tree import region_tree
from loaders.synthetic.spec import Member, Preset, spec

SOURCE_TITLE = "Synthetic TPPS network"
BATCH_ROWS = 100_000  # rows per yielded Batch
START = date(2023, 1, 1)


def is_synthetic(source: Source) -> bool:
    """A source this generator wrote: its title is the generator's, and a generated
    source has neither a file nor a URL (a real release has one or the other)."""
    return source.title.startswith(SOURCE_TITLE) and not source.file and not source.url


def synthetic_id(prefix: str, *parts: str) -> str:
    """Ids of the same shape as graph.ids, from a key no real fact can have."""
    key = "\x1f".join(("synthetic", *parts))
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Counts:
    institutions: int = 0
    meetings: int = 0
    attendance: int = 0
    programs: int = 0
    measurements: int = 0
    citations: int = 0
    rows: int = 0


@dataclass
class _Unit:
    """One region's members, with the months each is active (turnover)."""

    region: Region
    members: list[tuple[Institution, bool, int, int]] = field(default_factory=list)
    # (institution, is head, first month active, last month active)

    def active(self, month: int) -> list[tuple[Institution, bool]]:
        return [(i, head) for i, head, a, b in self.members if a <= month <= b]


@cache
def _tree() -> tuple[dict[str, Region], dict[str, list[Region]]]:
    regions, _ = region_tree(with_desa=True)
    by_code = {r.code: r for r in regions}
    children: dict[str, list[Region]] = {}
    for r in sorted(regions, key=lambda r: r.code):
        if r.parent_code:
            children.setdefault(r.parent_code, []).append(r)
    return by_code, children


def _kind(kab_code: str) -> tuple[str, str]:
    """(word, office type) of a kab/kota's villages: kota (codes 71-99) have kelurahan."""
    return ("Kelurahan", "KELURAHAN") if int(kab_code.split(".")[1]) >= 71 else ("Desa", "DESA")


class Generator:
    def __init__(self, scope: str, years: int, seed: int, scale: str = "demo",
                 start: date = START) -> None:
        by_code, children = _tree()
        if scope not in by_code:
            raise ValueError(f"--region {scope!r}: no such region in the tree (try 33.74)")
        if years < 1 or years > 20:
            raise ValueError(f"--years {years}: give 1 to 20")
        self.scope, self.years, self.seed, self.start = scope, years, seed, start
        self.spec = spec()
        self.preset: Preset = self.spec.preset(scale)
        self.by_code, self.children = by_code, children
        self.months = 12 * years
        self.counts = Counts()
        self.source = Source(
            synthetic_id("src_", scope, str(seed), str(years), scale),
            f"{SOURCE_TITLE} of {by_code[scope].name} (seed {seed}, {years} years, "
            f"scale {scale})")

    # -- scope --------------------------------------------------------------
    def kabkota(self) -> list[Region]:
        """The kab/kota whose members the scope needs (the scope's own, or its parent)."""
        level = self.by_code[self.scope].level
        if level in ("kecamatan", "desa"):
            code = self.scope
            while self.by_code[code].level != "kabkota":
                code = self.by_code[code].parent_code or NATIONAL_CODE
            return [self.by_code[code]]
        out: list[Region] = []
        stack = [self.scope]
        while stack:
            code = stack.pop()
            r = self.by_code[code]
            if r.level == "kabkota":
                out.append(r)
            elif r.level in ("national", "province"):
                stack += [c.code for c in self.children.get(code, [])]
        out.sort(key=lambda r: r.code)
        return out[:: self.preset.kabkota_stride]

    def in_scope(self, code: str) -> bool:
        return (self.scope == NATIONAL_CODE or code == self.scope
                or code.startswith(self.scope + "."))

    def regions(self) -> list[Region]:
        """The scope's regions and their ancestors, parents first."""
        wanted: dict[str, Region] = {}
        for kab in self.kabkota():
            code: str | None = kab.code
            while code:
                wanted[code] = self.by_code[code]
                code = self.by_code[code].parent_code
            for kec in self.children.get(kab.code, []):
                wanted[kec.code] = kec
                for desa in self.children.get(kec.code, []):
                    wanted[desa.code] = desa
        order = {"national": 0, "province": 1, "kabkota": 2, "kecamatan": 3, "desa": 4}
        return sorted(wanted.values(), key=lambda r: (order[r.level], r.code))

    # -- the run ------------------------------------------------------------
    def batches(self) -> Iterator[Batch]:
        """Every fact, in batches of about BATCH_ROWS rows, regions and programs first."""
        head = Batch(regions=self.regions(), sources=[self.source])
        self.programs = {p.name: Program(synthetic_id("prg_", p.name), f"{p.name} (sintetis)",
                                         (), f"Synthetic: {p.description}")
                         for p in self.spec.programs}
        head.programs = list(self.programs.values())
        head.citations = [self._cite(p.id) for p in head.programs]
        self.counts.programs = len(head.programs)
        yield head
        out = Batch()
        for kab in self.kabkota():
            self._kabkota(kab, out)
            if out.rows() >= BATCH_ROWS:
                self.counts.rows += out.rows()
                yield out
                out = Batch()
        if out.rows():
            self.counts.rows += out.rows()
            yield out
        self.counts.rows += head.rows()

    def _cite(self, subject: str) -> Citation:
        self.counts.citations += 1
        return Citation(subject, self.source.id)

    def _institution(self, out: Batch, m: Member, region: Region, level: str,
                     office: str, kind: str, suffix: str = "") -> Institution:
        type_ = office if m.type == "{office}" else m.type
        name = m.name.format(name=region.name, kind=kind) + suffix
        inst = Institution(synthetic_id("ins_", type_, region.code, name), name, type_, level,
                           region.code)
        out.institutions.append(inst)
        out.citations.append(self._cite(inst.id))
        self.counts.institutions += 1
        return inst

    def _members(self, rng: random.Random, out: Batch, level: str, region: Region,
                 office: str, kind: str) -> _Unit:
        unit = _Unit(region)
        last = self.months - 1
        for m in self.spec.members[level]:
            if rng.random() >= self.preset.chance(m.share):
                continue
            inst = self._institution(out, m, region, level, office, kind)
            if m.type == "POSYANDU" and rng.random() < self.preset.turnover * self.years:
                change = rng.randrange(1, self.months)  # replaced by a new posyandu
                unit.members.append((inst, m.head, 0, change - 1))
                new = self._institution(out, m, region, level, office, kind, " Baru")
                unit.members.append((new, False, change, last))
            else:
                unit.members.append((inst, m.head, 0, last))
        return unit

    def _kabkota(self, kab: Region, out: Batch) -> None:
        rng = random.Random(f"{self.seed}:{kab.code}")
        kind, office = _kind(kab.code)
        p = self.preset
        kab_unit = self._members(rng, out, "kabkota", kab, office, kind)
        for m in rng.sample(self.spec.partners, min(p.partners, len(self.spec.partners))):
            inst = self._institution(out, m, kab, "kabkota", office, kind)
            a = rng.randrange(self.months)
            kab_unit.members.append((inst, False, a, rng.randrange(a, self.months)))
        kecs = [k for k in self.children.get(kab.code, []) if k.level == "kecamatan"
                and (self.in_scope(k.code) or self.scope.startswith(k.code + "."))]
        kec_units = [self._members(rng, out, "kecamatan", k, office, kind) for k in kecs]
        desa_units = {k.code: [self._members(rng, out, "desa", d, office, kind)
                               for d in self.children.get(k.code, [])] for k in kecs}
        self._link_programs(out, kab, kab_unit, kec_units, desa_units)
        for month in range(self.months):
            day = date(self.start.year + (self.start.month - 1 + month) // 12,
                       (self.start.month - 1 + month) % 12 + 1, 1)
            if self.in_scope(kab.code) and self._meets(rng, "kabkota", month):
                camat = [(i, False) for u in kec_units for i, _ in u.active(month)
                         if i.type == "KECAMATAN"]
                self._meeting(rng, out, "kabkota", kab, day, kind, kab_unit.active(month),
                              camat, [])
            for kec, ku in zip(kecs, kec_units, strict=True):
                village = [x for du in desa_units[kec.code] for x in du.active(month)]
                if self.in_scope(kec.code) and self._meets(rng, "kecamatan", month):
                    self._meeting(rng, out, "kecamatan", kec, day, kind, ku.active(month),
                                  village, kab_unit.active(month))
                for du in desa_units[kec.code]:
                    if self.in_scope(du.region.code) and self._meets(rng, "desa", month):
                        core = du.active(month) + [
                            (i, False) for i, _ in ku.active(month)
                            if ("kecamatan", i.type) in self.spec.meetings["desa"].core]
                        pool = [(i, False) for i, _ in ku.active(month) + village]
                        self._meeting(rng, out, "desa", du.region, day, kind, core, pool,
                                      kab_unit.active(month))
        for kec in kecs:
            if self.in_scope(kec.code):
                self._figures(rng, out, kec)

    def _meets(self, rng: random.Random, level: str, month: int) -> bool:
        per_year = self.preset.per_year[level]
        if per_year >= 1 and (12 / per_year).is_integer():
            return month % int(12 / per_year) == 0  # a regular rhythm: monthly, quarterly
        return rng.random() < per_year / 12

    def _meeting(self, rng: random.Random, out: Batch, level: str, region: Region, day: date,
                 kind: str, core: list[tuple[Institution, bool]],
                 pool: list[tuple[Institution, bool]],
                 kab: list[tuple[Institution, bool]]) -> None:
        p, spec_ = self.preset, self.spec.meetings[level]
        size = rng.randint(*p.size)
        seats_kab = sum(rng.random() < p.kab_share for _ in range(size)) if kab else 0
        local = size - seats_kab
        if level == "kabkota":  # the kab/kota offices take about 60%, the camat the rest
            local = max(1, round(size * 0.6))
        present = [x for x in dict.fromkeys(core) if x[1] or rng.random() >= p.absence]
        if len(present) > local:
            heads = [x for x in present if x[1]]
            present = heads + rng.sample([x for x in present if not x[1]], local - len(heads))
        taken = {i.id for i, _ in present}
        others = [(i, False) for i, _ in pool if i.id not in taken]  # guests chair nothing
        fill = size - len(present) - seats_kab if level != "kabkota" else size - len(present)
        present += rng.sample(others, max(0, min(fill, len(others))))
        if level != "kabkota":
            taken = {i.id for i, _ in present}
            guests = [(i, False) for i, _ in kab if i.id not in taken]
            present += rng.sample(guests, min(seats_kab, len(guests)))
        title = spec_.title.format(name=region.name, kind=kind)
        when = day.replace(day=rng.randint(1, 28))
        mid = synthetic_id("mtg_", when.isoformat(), region.code, title)
        out.meetings.append(Meeting(mid, f"{title} {when.isoformat()[:7]}", when, "09:00", "12:00",
                                    spec_.venue.format(name=region.name, kind=kind), level,
                                    region.code))
        out.citations.append(self._cite(mid))
        self.counts.meetings += 1
        for inst, is_head in present:
            role = ("chair",) if is_head else (
                ("presenter",) if inst.type in ("PUSKESMAS", "DINKES") and rng.random() < 0.3
                else ("participant",))
            out.attendance.append(Attendance(mid, inst.id, role))
            out.citations.append(self._cite(attendance_key(mid, inst.id)))
        self.counts.attendance += len(present)
        if rng.random() < p.programs_per_meeting:
            program = rng.choice(self.spec.programs)
            out.meeting_programs.append((mid, self.programs[program.name].id))

    def _link_programs(self, out: Batch, kab: Region, kab_unit: _Unit, kec_units: list[_Unit],
                       desa_units: dict[str, list[_Unit]]) -> None:
        units = [kab_unit, *kec_units, *(u for us in desa_units.values() for u in us)]
        for prog in self.spec.programs:
            pid = self.programs[prog.name].id
            out.program_regions.append((pid, kab.code))
            for u in units:
                for inst, _, _, _ in u.members:
                    if inst.type == prog.runs:
                        out.program_links.append(ProgramLink(pid, inst.id, "RUNS"))

    def _figures(self, rng: random.Random, out: Batch, kec: Region) -> None:
        prevalence = rng.uniform(14.0, 32.0)
        children = rng.randint(1_500, 9_000)
        for y in range(self.years):
            period = str(self.start.year + y)
            for what, value, unit in (("stunting_prevalence_pct", round(prevalence, 1), "%"),
                                      ("stunting_cases", round(children * prevalence / 100),
                                       "children")):
                m = Measurement(synthetic_id("msr_", what, kec.code, period), what,
                                float(value), unit, period, kec.code, "synthetic e-PPGBM")
                out.measurements.append(m)
                out.citations.append(self._cite(m.id))
                self.counts.measurements += 1
            prevalence = max(5.0, prevalence - rng.uniform(0.5, 3.0))


def generate(scope: str, years: int, seed: int, scale: str = "demo") -> Iterator[Batch]:
    """The batches of one synthetic network (see Generator)."""
    return Generator(scope, years, seed, scale).batches()
