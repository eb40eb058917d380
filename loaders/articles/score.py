"""Scores of the article extractor against hand-labelled releases (gold files).

loaders/articles/GOLD.md defines the gold shape and every score; this module is their
one implementation. `tpps score` prints what `score_dir` returns, and the project's
corpus test checks the same summary against tests/loaders/corpus/thresholds.json.
The extractor's reading is first brought to the gold shape (loaders/articles/gold.py),
so both sides are compared field by field.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

from loaders.articles.gold import (
    COUNT_KINDS,
    GOLD_SUFFIX,
    LEVELS,
    REGION_FIELDS,
    Checker,
    Gold,
    GoldFigure,
    GoldMeeting,
    GoldProgram,
    parse_gold,
    read_gold,
    read_regions,
    to_gold_shape,
)
from loaders.articles.vocab import vocabulary
from loaders.errors import LoadError, Problem
from loaders.regions.names import key, split_kind, variants

TEXT_SUFFIX = ".txt"
GAZETTEER_FILE = "gazetteer.json"
TOLERANCE = 0.05  # GOLD.md: values within 0.05 match (counts must be equal)
_ACRONYM_AND_EXPANSION = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")

T = TypeVar("T")
U = TypeVar("U")


# -- comparing one file -----------------------------------------------------------------

@dataclass
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    # With nothing claimed (or nothing to find) there is nothing wrong: vacuously 1.0.
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class FileResult:
    """One release: gold against extraction, and what differs."""

    name: str
    gold: Gold
    got: Gold
    error: str | None = None  # the extractor refused the file (then it found nothing)
    meeting_right: bool = False
    date_right: bool | None = None  # None: the gold has no meeting
    region_right: bool | None = None
    types: Tally = field(default_factory=Tally)
    programs: Tally = field(default_factory=Tally)
    program_links: Tally = field(default_factory=Tally)
    figures: Tally = field(default_factory=Tally)
    missed_types: list[str] = field(default_factory=list)
    extra_types: list[str] = field(default_factory=list)
    missed_programs: list[str] = field(default_factory=list)
    extra_programs: list[str] = field(default_factory=list)
    missed_links: list[str] = field(default_factory=list)  # "KUA RUNS Bimwin"
    extra_links: list[str] = field(default_factory=list)
    missed_figures: list[GoldFigure] = field(default_factory=list)
    invented_figures: list[GoldFigure] = field(default_factory=list)
    # only when the gold lists `meetings`: each held meeting paired by its date
    meetings: Tally | None = None
    meetings_region: tuple[int, int] = (0, 0)  # (right, paired)
    missed_meetings: list[str] = field(default_factory=list)
    extra_meetings: list[str] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        return (not self.error and self.meeting_right and self.date_right is not False
                and self.region_right is not False
                and not (self.missed_types or self.extra_types or self.missed_programs
                         or self.extra_programs or self.missed_links or self.extra_links
                         or self.missed_figures
                         or self.invented_figures or self.missed_meetings
                         or self.extra_meetings
                         or self.meetings_region[0] != self.meetings_region[1]))

    def diff(self) -> dict[str, Any]:
        """What was missed and what was extra, field by field (empty when all agree)."""
        out: dict[str, Any] = {}
        g, x = self.gold.meeting, self.got.meeting
        if self.error:
            out["error"] = self.error
        if not self.meeting_right:
            out["meeting"] = {"gold": g is not None, "got": x is not None}
        if self.date_right is False:
            out["date"] = {"gold": [g.date, *g.date_alternatives] if g else None,
                           "got": x.date if x else None}
        if self.region_right is False:
            out["region"] = {"gold": _region_text(g), "got": _region_text(x)}
        if self.meetings_region[0] != self.meetings_region[1]:
            out["meetings_region"] = {"gold": [_region_text(m) for m in self.gold.meetings],
                                      "got": [_region_text(m) for m in self.got.meetings]}
        for name, missed, extra in (
                ("meetings", self.missed_meetings, self.extra_meetings),
                ("institution_types", self.missed_types, self.extra_types),
                ("programs", self.missed_programs, self.extra_programs),
                ("program_links", self.missed_links, self.extra_links),
                ("figures", [_figure_text(f) for f in self.missed_figures],
                 [_figure_text(f) for f in self.invented_figures])):
            if missed or extra:
                out[name] = {"missed": missed, "extra": extra}
        return out


def _region_text(m: GoldMeeting | None) -> str | None:
    if m is None:
        return None
    names = [m.region[REGION_FIELDS[lv]] for lv in LEVELS]
    return f"{m.level}: " + " / ".join(n for n in reversed(names) if n) if m.level else \
        "no level"


def _figure_text(f: GoldFigure) -> str:
    value = int(f.value) if f.value == int(f.value) else f.value
    extra = ", ".join(p for p in (f.period, f.region) if p)
    return f"{f.what} {value}" + (f" ({extra})" if extra else "")


def _norm(text: str) -> str:
    """GOLD.md's comparison: case, spaces and punctuation ignored."""
    return re.sub(r"[\W_]+", "", text.casefold())


def same_place(gold: str, got: str | None) -> bool:
    """Region names agree: as normalised text, or through a listed alternative
    ("Lhoknga (Lho'nga)" answers to both)."""
    if got is None:
        return False
    if _norm(gold) == _norm(got) or key(gold) in variants(got) or key(got) in variants(gold):
        return True
    # a spelling or official name the tree writes otherwise (data/region_aliases.csv:
    # 'Pangkajene dan Kepulauan' / 'Pangkajene Kepulauan') names the same region
    # (of the same kind: Kota X is not Kabupaten X)
    spelt = _spellings()
    return split_kind(gold)[0] == split_kind(got)[0] and \
        spelt.get(_bare(gold), _bare(gold)) == spelt.get(_bare(got), _bare(got))


def _bare(name: str) -> str:
    return key(split_kind(name)[1])


@cache
def _spellings() -> dict[str, str]:
    """Bare name key -> the key of the name the tree writes, for the aliases of
    data/region_aliases.csv that spell a region's own name otherwise (not its short
    forms or nicknames, which a gold file never writes)."""
    return {_bare(a.alias): _bare(a.name) for a in vocabulary().aliases
            if a.note == "spelling"}


def program_forms(name: str) -> set[str]:
    """A program's whole name, and its acronym and expansion when written together
    ("GENTING (Gerakan Orang Tua Asuh Cegah Stunting)", or the reverse order)."""
    forms = {_norm(name)}
    m = _ACRONYM_AND_EXPANSION.match(name)
    if m:
        forms |= {_norm(m[1]), _norm(m[2])}
    return forms - {""}


def _programs_match(gold: GoldProgram, got: GoldProgram) -> bool:
    theirs = set().union(*(program_forms(n) for n in (got.name, *got.aliases)))
    return bool(program_forms(gold.name) & theirs)


def _figures_match(gold: GoldFigure, got: GoldFigure) -> bool:
    if gold.what != got.what:
        return False
    tolerance = 0.0 if gold.what in COUNT_KINDS else TOLERANCE
    return abs(gold.value - got.value) <= tolerance + 1e-9


def match(left: list[T], right: list[U], ok: Callable[[T, U], bool],
          prefer: Callable[[T, U], bool] | None = None) -> dict[int, int]:
    """A largest one-to-one pairing of `left` with `right` (index -> index): one
    extracted item answers for one gold item only. Kuhn's augmenting paths, which is
    plenty for the handful of items of one release. `prefer`: the pairs tried first
    (two meetings of one day: each with the one of its own region)."""
    owner: dict[int, int] = {}  # right index -> left index

    def claim(i: int, seen: set[int]) -> bool:
        order = sorted(range(len(right)), key=lambda j: prefer is not None
                       and not prefer(left[i], right[j]))
        for j in order:
            item = right[j]
            if j in seen or not ok(left[i], item):
                continue
            seen.add(j)
            if j not in owner or claim(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        claim(i, set())
    return {i: j for j, i in owner.items()}


def _date_right(g: GoldMeeting, x: GoldMeeting | None) -> bool:
    got = x.date if x else None
    if g.date is None:
        return got is None  # no date is known: none may be invented
    return got is not None and got in (g.date, *g.date_alternatives)


def _region_right(g: GoldMeeting, x: GoldMeeting | None) -> bool:
    if g.level is None:  # the text does not say who held it: no level may be invented
        return x is None or x.level is None
    if x is None or x.level != g.level:
        return False
    return all(same_place(name, x.region[f]) for f, name in g.region.items() if name)


def compare(name: str, gold: Gold, got: Gold, error: str | None = None) -> FileResult:
    """Score one release (GOLD.md, "Scores")."""
    r = FileResult(name, gold, got, error)
    g, x = gold.meeting, got.meeting
    r.meeting_right = (g is None) == (x is None)
    if g is not None:
        r.date_right = _date_right(g, x)
        r.region_right = _region_right(g, x)
    if gold.listed:
        _compare_meetings(r, gold, got)
    gold_types = {i.type for i in gold.institutions}
    got_types = {i.type for i in got.institutions}
    r.types = Tally(len(gold_types & got_types), len(got_types - gold_types),
                    len(gold_types - got_types))
    r.missed_types = sorted(gold_types - got_types)
    r.extra_types = sorted(got_types - gold_types)
    for kind, ok in (("programs", _programs_match), ("figures", _figures_match)):
        left: list[Any] = list(getattr(gold, kind))
        right: list[Any] = list(getattr(got, kind))
        pairs = match(left, right, ok)
        setattr(r, kind, Tally(len(pairs), len(right) - len(pairs), len(left) - len(pairs)))
        missed = [item for i, item in enumerate(left) if i not in pairs]
        extra = [item for j, item in enumerate(right) if j not in set(pairs.values())]
        if kind == "programs":
            r.missed_programs = [p.name for p in missed]
            r.extra_programs = [p.name for p in extra]
            _score_links(r, left, right, pairs)
        else:
            r.missed_figures, r.invented_figures = missed, extra
    return r


def _meeting_text(m: GoldMeeting) -> str:
    return f"{m.date or 'no date'} ({_region_text(m)})"


def _compare_meetings(r: FileResult, gold: Gold, got: Gold) -> None:
    """GOLD.md: each listed gold meeting is found by one extracted meeting with an
    accepted date (a gold meeting without a date by one without a date and the same
    region); the paired meetings' regions are scored as `region` is."""
    left, right = list(gold.meetings), list(got.meetings)

    def ok(g: GoldMeeting, x: GoldMeeting) -> bool:
        return _date_right(g, x) and (g.date is not None or _region_right(g, x))

    pairs = match(left, right, ok, _region_right)
    r.meetings = Tally(len(pairs), len(right) - len(pairs), len(left) - len(pairs))
    r.meetings_region = (sum(_region_right(left[i], right[j]) for i, j in pairs.items()),
                         len(pairs))
    r.missed_meetings = [_meeting_text(m) for i, m in enumerate(left) if i not in pairs]
    r.extra_meetings = [_meeting_text(m) for j, m in enumerate(right)
                        if j not in set(pairs.values())]


def _score_links(r: FileResult, gold: list[GoldProgram], got: list[GoldProgram],
                 pairs: dict[int, int]) -> None:
    """(institution type, program, relation) triples: a gold program's links against the
    links of the extracted program paired with it; the links of an unpaired program are
    all missed (gold) or all extra (extraction)."""
    tally = Tally()
    paired = set(pairs.values())
    for i, g in enumerate(gold):
        theirs = got[pairs[i]].links() if i in pairs else set()
        mine = g.links()
        tally.add(Tally(len(mine & theirs), len(theirs - mine), len(mine - theirs)))
        r.missed_links += [f"{t} {rel} {g.name}" for t, rel in sorted(mine - theirs)]
        r.extra_links += [f"{t} {rel} {g.name}" for t, rel in sorted(theirs - mine)]
    for j, x in enumerate(got):
        if j not in paired:
            tally.add(Tally(0, len(x.links()), 0))
            r.extra_links += [f"{t} {rel} {x.name}" for t, rel in sorted(x.links())]
    r.program_links = tally


# -- a folder of gold files ---------------------------------------------------------------

@dataclass
class Report:
    root: str
    files: list[FileResult]
    unlabelled: list[str] = field(default_factory=list)  # texts with no gold file beside them
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, dict[str, Any]]:
        """Every field's score over all files (micro-averaged), as GOLD.md defines it."""
        n = len(self.files)
        with_meeting = [f for f in self.files if f.gold.meeting is not None]
        no_meeting = Tally()
        for f in self.files:
            gold_none, got_none = f.gold.meeting is None, f.got.meeting is None
            no_meeting.add(Tally(int(gold_none and got_none), int(got_none and not gold_none),
                                 int(gold_none and not got_none)))
        out: dict[str, dict[str, Any]] = {
            "meeting": _rate(sum(f.meeting_right for f in self.files), n),
            "no_meeting": {**no_meeting.to_json(), "false_meetings": no_meeting.fn,
                           "files": no_meeting.tp + no_meeting.fn},
            "date": _rate(sum(bool(f.date_right) for f in with_meeting), len(with_meeting)),
            "region": _rate(sum(bool(f.region_right) for f in with_meeting), len(with_meeting)),
        }
        listed = [f for f in self.files if f.meetings is not None]
        held = Tally()
        for f in listed:
            held.add(f.meetings or Tally())
        out["meetings"] = {**held.to_json(), "files": len(listed),
                           "region": _rate(sum(f.meetings_region[0] for f in listed),
                                           sum(f.meetings_region[1] for f in listed))[
                               "accuracy"]}
        for name, attr in (("institution_types", "types"), ("programs", "programs"),
                           ("program_links", "program_links"), ("figures", "figures")):
            total = Tally()
            for f in self.files:
                total.add(getattr(f, attr))
            out[name] = total.to_json()
        out["figures"]["invented"] = out["figures"]["fp"]
        return out

    def to_json(self, diff: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"root": self.root, "files": len(self.files),
                               "unlabelled": self.unlabelled, "scores": self.summary()}
        if self.warnings:
            out["warnings"] = self.warnings
        if diff:
            out["diff"] = {f.name: f.diff() for f in self.files if not f.perfect}
        return out


def _rate(right: int, total: int) -> dict[str, Any]:
    return {"right": right, "total": total,
            "accuracy": round(right / total, 4) if total else 1.0}


Reader = Callable[[Path, list[dict[str, Any]] | None], dict[str, Any]]


def pairs(root: Path) -> Iterator[tuple[Path, Path | None]]:
    """(text, gold or None) for every NAME.txt under root, and every gold file's text."""
    golds = {p.parent / p.name.removesuffix(GOLD_SUFFIX): p
             for p in root.rglob("*" + GOLD_SUFFIX)}
    texts = {p.parent / p.name.removesuffix(TEXT_SUFFIX): p
             for p in root.rglob("*" + TEXT_SUFFIX)}
    missing = sorted(str(g) for stem, g in golds.items() if stem not in texts)
    if missing:
        raise LoadError([Problem(g, None, None, f"no {Path(g).name.removesuffix(GOLD_SUFFIX)}"
                                 f"{TEXT_SUFFIX} beside this gold file") for g in missing])
    for stem in sorted(texts):
        yield texts[stem], golds.get(stem)


def score_dir(root: Path, read: Reader | None = None) -> Report:
    """Score the extractor on every NAME.txt + NAME.gold.json pair under root.

    A folder holding gazetteer.json has its releases resolved against that tree.
    `read` turns a text (and the folder's regions) into the gold shape; by default it
    runs the article extractor. Every gold file is checked before anything is scored.
    """
    if not root.is_dir():
        raise LoadError([Problem(str(root), None, None, "not a folder")])
    found = list(pairs(root))
    labelled = [(t, g) for t, g in found if g is not None]
    if not labelled:
        raise LoadError([Problem(str(root), None, None,
                                 f"no NAME{TEXT_SUFFIX} + NAME{GOLD_SUFFIX} pairs under it")])
    problems: list[Problem] = []
    golds: dict[Path, Gold] = {}
    regions: dict[Path, list[dict[str, Any]] | None] = {}
    trees: dict[Path, list[dict[str, Any]]] = {}
    for text, gold in labelled:
        try:
            golds[text] = read_gold(gold)
            regions[text] = _folder_regions(text.parent, root, trees)
        except LoadError as exc:
            problems += exc.problems
    if problems:
        raise LoadError(list(dict.fromkeys(problems)))
    runner = read or ExtractorRunner()
    report = Report(str(root), [], [str(t.relative_to(root)) for t, g in found if g is None])
    for text, _ in labelled:
        name = str(text.relative_to(root))
        try:
            got = parse_gold(runner(text, regions[text]), f"{name} (extracted)")
            error = None
        except LoadError as exc:
            # a refused file says why; an extraction out of the gold shape names its field
            got, error = Gold(None, (), (), ()), "; ".join(
                str(p) if p.field else p.message for p in exc.problems)
        report.files.append(compare(name, golds[text], got, error))
    report.warnings = list(getattr(runner, "warnings", []))
    return report


def _folder_regions(folder: Path, root: Path,
                    seen: dict[Path, list[dict[str, Any]]]) -> list[dict[str, Any]] | None:
    """The regions of the nearest gazetteer.json at or above the release's folder
    (up to the root), each file read once per run."""
    while True:
        path = folder / GAZETTEER_FILE
        if path.is_file():
            if path not in seen:
                seen[path] = read_regions(path)
            return seen[path]
        if folder == root or root not in folder.parents:
            return None
        folder = folder.parent


class ExtractorRunner:
    """Runs the article extractor on one release and returns its reading in the gold
    shape. A folder's gazetteer.json is used when the extractor can take one
    (`Gazetteer.from_regions` and `extract(doc, gaz=...)`); until then the national
    tree is used, with a warning in the report."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self._built: dict[int, Any] = {}

    def __call__(self, path: Path, regions: list[dict[str, Any]] | None) -> dict[str, Any]:
        from loaders.articles.document import load
        from loaders.articles.extract import extract
        from loaders.articles.gazetteer import Gazetteer, gazetteer

        doc = load(path)
        build = getattr(Gazetteer, "from_regions", None)
        takes_gaz = "gaz" in inspect.signature(extract).parameters
        if regions is not None and build is not None and takes_gaz:
            gaz = self._built.get(id(regions))
            if gaz is None:
                gaz = self._built[id(regions)] = build(regions)
            return to_gold_shape(cast(Any, extract)(doc, gaz=gaz), gaz)
        if regions is not None and not self.warnings:
            self.warnings.append(
                "this extractor cannot read a folder's gazetteer.json (it needs "
                "Gazetteer.from_regions and extract(doc, gaz=...)): the national tree was "
                "used instead")
        national = gazetteer()
        return to_gold_shape(extract(doc), national)


# -- thresholds and the text report ------------------------------------------------------

def read_thresholds(path: Path) -> dict[str, dict[str, dict[str, float]]]:
    """{field: {metric: {"min": x} or {"max": x}}}, every field and metric one the
    summary has (a typo must not pass as a met threshold)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LoadError([Problem(str(path), None, None, f"not readable JSON: {exc}")]) from None
    known = _metrics()
    c = Checker(str(path))
    if not isinstance(data, dict):
        c.fail("", "expected {field: {metric: {\"min\": x}}}")
        raise LoadError(c.problems)
    for fname, metrics in data.items():
        if fname.startswith("_"):
            continue  # "_comment" and the like
        if fname not in known or not isinstance(metrics, dict):
            c.fail(fname, f"not a scored field (known: {', '.join(known)})")
            continue
        for metric, bound in metrics.items():
            where = f"{fname}.{metric}"
            if metric not in known[fname]:
                c.fail(where, f"not a metric of {fname} (known: {', '.join(known[fname])})")
            elif not isinstance(bound, dict) or not bound or set(bound) - {"min", "max"} or \
                    not all(isinstance(v, int | float) and not isinstance(v, bool)
                            for v in bound.values()):
                c.fail(where, 'expected {"min": number} and/or {"max": number}')
    if c.problems:
        raise LoadError(c.problems)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _metrics() -> dict[str, dict[str, Any]]:
    """Every field and metric a summary has (those of a report on one empty file)."""
    empty = Gold(None, (), (), ())
    return Report("", [compare("", empty, empty)]).summary()


def check_thresholds(summary: dict[str, dict[str, Any]],
                     thresholds: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    """One line per threshold not met, e.g. 'figures.recall 0.16 < min 0.80'."""
    failed = []
    for fname, metrics in thresholds.items():
        for metric, bound in metrics.items():
            value = summary[fname][metric]
            if "min" in bound and value < bound["min"]:
                failed.append(f"{fname}.{metric} {value:g} < min {bound['min']:g}")
            if "max" in bound and value > bound["max"]:
                failed.append(f"{fname}.{metric} {value:g} > max {bound['max']:g}")
    return failed


def render_text(report: Report, diff: bool = False) -> str:
    s = report.summary()
    nm = s["no_meeting"]
    lines = [f"{report.root}: {len(report.files)} release(s) scored, {nm['files']} without a "
             f"meeting" + (f", {len(report.unlabelled)} without a gold file"
                           if report.unlabelled else ""),
             "",
             f"{'field':<18} {'accuracy':>9} {'precision':>9} {'recall':>7} {'F1':>6}  counts"]

    def rate(name: str) -> str:
        r = s[name]
        return f"{name:<18} {r['accuracy']:>9.2f} {'':>9} {'':>7} {'':>6}  " \
               f"{r['right']}/{r['total']} right"

    def prf(name: str, extra: str = "") -> str:
        r = s[name]
        return (f"{name:<18} {'':>9} {r['precision']:>9.2f} {r['recall']:>7.2f} "
                f"{r['f1']:>6.2f}  tp {r['tp']}, fp {r['fp']}, fn {r['fn']}{extra}")

    lines += [rate("meeting"),
              prf("no_meeting", f"; {nm['false_meetings']} meeting(s) reported for releases "
                                "without one"),
              rate("date"), rate("region"),
              *([prf("meetings", f"; {s['meetings']['files']} file(s) list their meetings, "
                                 f"region right for {s['meetings']['region']:.2f} of the "
                                 "paired")] if s["meetings"]["files"] else []),
              prf("institution_types"), prf("programs"), prf("program_links"),
              prf("figures", f"; {s['figures']['invented']} invented")]
    for w in report.warnings:
        lines.append(f"warning: {w}")
    if diff:
        for f in report.files:
            d = f.diff()
            if not d:
                continue
            lines += ["", f"{f.name}:"]
            for k, v in d.items():
                if isinstance(v, dict) and "missed" in v:
                    parts = [f"missed {', '.join(v['missed'])}" if v["missed"] else "",
                             f"extra {', '.join(v['extra'])}" if v["extra"] else ""]
                    lines.append(f"  {k}: " + "; ".join(p for p in parts if p))
                elif isinstance(v, dict):
                    lines.append(f"  {k}: gold {_show(v['gold'])}, got {_show(v['got'])}")
                else:
                    lines.append(f"  {k}: {v}")
    return "\n".join(lines)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "a meeting" if value else "no meeting"
    if isinstance(value, list):
        return " or ".join(str(v) for v in value)
    return "none" if value is None else str(value)
