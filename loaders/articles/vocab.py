"""The extractor's vocabularies, read from data/ so analysts can extend them.

Every word list and pattern the rules use lives in a file of `data/` (or, for the
levels an institution type is usually found at, in graph/data/institution_types.csv).
`vocabulary()` reads a folder once; `vocabulary(folder)` reads another one, which is
how a test proves that each file is read.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from graph.vocabulary import institution_types
from loaders.articles.typos import Respeller

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class InstitutionForm:
    pattern: re.Pattern[str]
    type: str
    stem: str  # display stem; empty = the text as written (UNICEF ...)
    naming: str  # "place" (Puskesmas Genuk) or "region" (TP PKK Kecamatan Genuk)
    implies: str  # the region kind a bare title points to, or ""
    near: re.Pattern[str] | None = None  # must be written near the match (bare DKP: pangan)


@dataclass(frozen=True)
class MergedOffice:
    pattern: re.Pattern[str]
    types: tuple[str, ...]
    stem: str


@dataclass(frozen=True)
class AcronymRule:
    pattern: re.Pattern[str]
    types: tuple[str, ...]
    exceptions: frozenset[str]


@dataclass(frozen=True)
class RoleCue:
    pattern: re.Pattern[str]
    role: str
    binds: str  # after | before | sentence


@dataclass(frozen=True)
class LowercaseTier:
    """A tier form after which a region name may be written in lower case."""

    pattern: re.Pattern[str]  # the form, followed by whitespace and a lowercase letter
    level: str  # the level of the name that follows
    chained: bool  # read only right after a place already found


@dataclass(frozen=True)
class MeetingFamily:
    family: str
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None
    title: str


@dataclass(frozen=True)
class Tier:
    form: str  # the regular expression of the word
    level: str  # province | kabkota | kecamatan | desa
    kind: str  # province | kabupaten | kota | kecamatan | desa | kelurahan
    role: str  # word | government | head


@dataclass(frozen=True)
class TierProvinces:
    """A tier word used only in some provinces, and the local spellings of names there."""

    pattern: re.Pattern[str]  # the written tier word (Nagari, Wali Nagari ...)
    provinces: tuple[str, ...]  # province names
    spellings: tuple[tuple[str, str], ...]  # (ending as written, ending as registered)
    within: str = ""  # kabupaten / kota: the kind of kab/kota the tier exists in ("" = both)
    retype: tuple[tuple[str, str], ...] = ()  # (type, type): a head's office there is the other


@dataclass(frozen=True)
class Alias:
    alias: str
    name: str
    level: str
    note: str


@dataclass(frozen=True)
class ProgramForm:
    name: str
    pattern: re.Pattern[str]
    aliases: tuple[str, ...]
    description: str
    run_by: tuple[str, ...]


def _rows(root: Path, name: str) -> list[dict[str, str]]:
    text = (root / name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _strict_rows(root: Path, name: str) -> list[dict[str, str]]:
    """Rows of a file whose every column is read (programs.csv): an unquoted comma inside
    a pattern would shift the later columns, so such a row is refused."""
    rows = _rows(root, name)
    for r in rows:
        if None in r or None in r.values():
            raise ValueError(f"{root / name}: row {next(iter(r.values()))!r} has "
                             f"{'more' if None in r else 'fewer'} fields than the header "
                             "(quote a value that holds a comma)")
    return rows


def _lines(root: Path, name: str) -> list[str]:
    text = (root / name).read_text("utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def _by_kind(rows: list[dict[str, str]]) -> dict[str, re.Pattern[str]]:
    """Rows of (kind, pattern) joined into one pattern per kind."""
    grouped: dict[str, list[str]] = {}
    for r in rows:
        grouped.setdefault(r["kind"], []).append(r["pattern"])
    return {k: re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE)
            for k, v in grouped.items()}


# Indonesia's three time zones (fixed by law, not a vocabulary to extend).
ZONES = ("WIB", "WITA", "WIT")

# The kinds of time_cues.csv that dates.find_times builds its grammar from.
TIME_CUE_KINDS = ("clock", "until", "open_end", "ends", "day_part", "other_event")

# The roles a cue of roles.csv may give: the five of the gold and those that steer binding.
_ROLE_CUES = ("organiser", "chair", "opened", "presenter", "participant", "represented_by",
              "representing", "absent", "none", "elsewhere", "online", "current", "reporter",
              "contest")

# after / before / sentence, and quoted: binds after, also inside quoted speech;
# headline: the verb of a headline, binding the name written just before it.
_BINDS = ("after", "before", "sentence", "quoted", "headline")

# A match must not be part of a longer word: "Kapolres" inside "Wakapolres" is no match.
_LEFT, _RIGHT = r"(?<![\w])", r"(?![\w])"


class Vocabulary:
    """Every vocabulary file of one data folder, each read on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @cached_property
    def institutions(self) -> list[InstitutionForm]:
        out = []
        for r in _rows(self.root, "institutions.csv"):
            if r["case"] not in ("exact", "any") or not r["pattern"]:
                where = f"{self.root / 'institutions.csv'}: row {r['type']},{r['pattern']}"
                raise ValueError(f"{where}: case must be 'exact' or 'any' "
                                 "(quote a pattern that holds a comma)")
            flags = 0 if r["case"] == "exact" else re.IGNORECASE
            near = r.get("near") or ""
            out.append(InstitutionForm(re.compile(f"{_LEFT}(?:{r['pattern']}){_RIGHT}", flags),
                                       r["type"], r["stem"], r["naming"], r["implies"],
                                       re.compile(near) if near else None))
        return out

    @cached_property
    def merged_offices(self) -> list[MergedOffice]:
        return [MergedOffice(re.compile(f"{_LEFT}(?:{r['pattern']}){_RIGHT}", re.IGNORECASE),
                             _split(r["types"]), r["stem"])
                for r in _rows(self.root, "merged_offices.csv")]

    @cached_property
    def office_units(self) -> re.Pattern[str]:
        """The words opening a unit's name inside an office (data/office_units.txt)."""
        words = "|".join(f"(?:{p})" for p in _lines(self.root, "office_units.txt"))
        return re.compile(rf"(?:{words or '(?!)'})\b", re.IGNORECASE)

    @cached_property
    def acronym_rules(self) -> dict[str, AcronymRule]:
        return {r["rule"]: AcronymRule(re.compile(r["pattern"]), _split(r["types"]),
                                       frozenset(e.upper() for e in _split(r["except"])))
                for r in _rows(self.root, "acronym_rules.csv")}

    @cached_property
    def collisions(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for r in _rows(self.root, "collisions.csv"):
            out.setdefault(r["type"], []).append((r["side"], re.compile(r["pattern"],
                                                                        re.IGNORECASE)))
        return out

    @cached_property
    def collectives(self) -> dict[str, re.Pattern[str]]:
        return _by_kind(_rows(self.root, "collectives.csv"))

    @cached_property
    def roles(self) -> list[RoleCue]:
        rows = _rows(self.root, "roles.csv")
        for r in rows:
            if r["role"] not in _ROLE_CUES or r["binds"] not in _BINDS:
                raise ValueError(f"{self.root / 'roles.csv'}: row {r['cue']}: role "
                                 f"{r['role']!r} or binds {r['binds']!r} unknown "
                                 "(quote a cue that holds a comma)")
        return [RoleCue(re.compile(f"{_LEFT}(?:{r['cue']})", re.IGNORECASE), r["role"],
                        r["binds"]) for r in rows]

    @cached_property
    def meeting_families(self) -> list[MeetingFamily]:
        return [MeetingFamily(
            r["family"], re.compile(f"{_LEFT}(?:{r['pattern']}){_RIGHT}", re.IGNORECASE),
            re.compile(r["needs"], re.IGNORECASE) if r["needs"] else None, r["title"])
            for r in _rows(self.root, "meetings.csv")]

    @cached_property
    def meeting_levels(self) -> list[tuple[re.Pattern[str], str]]:
        """(name pattern, level): the level a meeting so named is usually held at, in file
        order (data/meeting_levels.csv)."""
        rows = _rows(self.root, "meeting_levels.csv")
        for r in rows:
            if r["level"] not in ("province", "kabkota", "kecamatan", "desa"):
                raise ValueError(f"{self.root / 'meeting_levels.csv'}: row {r['pattern']}: "
                                 f"level {r['level']!r} is not province, kabkota, kecamatan "
                                 "or desa (quote a pattern that holds a comma)")
        return [(re.compile(f"{_LEFT}(?:{r['pattern']}){_RIGHT}", re.IGNORECASE), r["level"])
                for r in rows]

    @cached_property
    def meeting_cues(self) -> dict[str, tuple[int, re.Pattern[str]]]:
        out: dict[str, tuple[int, re.Pattern[str]]] = {}
        for r in _rows(self.root, "meeting_cues.csv"):
            out[r["kind"]] = (int(r["points"]),
                              re.compile(f"{_LEFT}(?:{r['pattern']})", re.IGNORECASE))
        return out

    @cached_property
    def venue_words(self) -> str:
        return "|".join(f"(?:{p})" for p in _lines(self.root, "venues.csv")[1:])

    @cached_property
    def time_words(self) -> str:
        """Words of time that end a venue before them (data/time_words.txt), one alternation."""
        return "|".join(f"(?:{p})" for p in _lines(self.root, "time_words.txt"))

    @cached_property
    def generic_venues(self) -> str:
        """Words before a venue word that make the venue generic (data/generic_venues.txt)."""
        return "|".join(f"(?:{p})" for p in _lines(self.root, "generic_venues.txt"))

    @cached_property
    def venue_ends(self) -> str:
        """Words opening a clause that ends a venue after a comma (data/venue_ends.txt)."""
        return "|".join(f"(?:{p})" for p in _lines(self.root, "venue_ends.txt"))

    @cached_property
    def respeller(self) -> Respeller:
        return Respeller(_lines(self.root, "misspelt_titles.txt"))

    @cached_property
    def stop_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in _lines(self.root, "stopwords.txt"))

    @cached_property
    def tiers(self) -> list[Tier]:
        return [Tier(r["form"], r["level"], r["kind"], r["role"])
                for r in _rows(self.root, "tiers.csv")]

    @cached_property
    def lowercase_tiers(self) -> list[LowercaseTier]:
        return [LowercaseTier(re.compile(rf"{_LEFT}(?:{r['form']})\s+(?=[a-z])", re.IGNORECASE),
                              r["level"], r["chained"] == "yes")
                for r in _rows(self.root, "lowercase_names.csv")]

    @cached_property
    def tier_provinces(self) -> list[TierProvinces]:
        out = []
        for r in _rows(self.root, "tier_provinces.csv"):
            pairs = [p.split(">", 1) for p in (r["spellings"] or "").split(";") if ">" in p]
            out.append(TierProvinces(
                re.compile(rf"(?:{r['tier']})$", re.IGNORECASE),
                tuple(n.strip() for n in r["provinces"].split(";") if n.strip()),
                tuple((a.strip(), b.strip()) for a, b in pairs),
                (r.get("within") or "").strip().lower(),
                tuple(tuple(x.strip() for x in pair.split(">", 1))  # type: ignore[misc]
                      for pair in (r.get("retype") or "").split(";") if ">" in pair)))
        return out

    @cached_property
    def aliases(self) -> list[Alias]:
        return [Alias(r["alias"], r["name"], r["level"], r["note"])
                for r in _rows(self.root, "region_aliases.csv")]

    @cached_property
    def numerals(self) -> dict[str, str]:
        """Number words and their roman numerals, both ways ('satu' <-> 'i')."""
        rows = _rows(self.root, "numerals.csv")
        out = {r["word"].lower(): r["roman"].lower() for r in rows}
        return out | {roman: word for word, roman in out.items()}

    @cached_property
    def number_words(self) -> dict[str, tuple[int, str]]:
        """Number words for counts written out: word -> (value, kind), kind one of unit,
        whole, teen, times, scale (data/number_words.csv)."""
        rows = _rows(self.root, "number_words.csv")
        kinds = ("unit", "whole", "teen", "times", "scale")
        for r in rows:
            if r["kind"] not in kinds or not r["value"].isdigit():
                raise ValueError(f"{self.root / 'number_words.csv'}: row {r['word']}: kind "
                                 f"{r['kind']!r} or value {r['value']!r} is not readable")
        return {r["word"].lower(): (int(r["value"]), r["kind"]) for r in rows}

    @cached_property
    def months(self) -> dict[str, int]:
        return {r["word"]: int(r["value"]) for r in _rows(self.root, "calendar.csv")
                if r["kind"] == "month"}

    @cached_property
    def first_year(self) -> int | None:
        """The first year a yearless date may fall in when nothing else gives one."""
        rows = [r for r in _rows(self.root, "calendar.csv") if r["kind"] == "first_year"]
        return int(rows[0]["value"]) if rows else None

    @cached_property
    def days(self) -> dict[str, int]:
        return {r["word"]: int(r["value"]) for r in _rows(self.root, "calendar.csv")
                if r["kind"] == "day"}

    @cached_property
    def date_cues(self) -> dict[str, re.Pattern[str]]:
        return _by_kind(_rows(self.root, "date_cues.csv"))

    @cached_property
    def relative_dates(self) -> list[tuple[re.Pattern[str], str]]:
        """(pattern, days) in file order: an offset, 'weekday' or 'unsafe' (guide §2.1)."""
        rows = _rows(self.root, "relative_dates.csv")
        for r in rows:
            if r["days"] not in ("weekday", "unsafe") and not re.fullmatch(r"-?\d+", r["days"]):
                raise ValueError(f"{self.root / 'relative_dates.csv'}: row {r['pattern']}: days "
                                 f"{r['days']!r} is not a number, weekday or unsafe")
        return [(re.compile(r["pattern"], re.IGNORECASE), r["days"]) for r in rows]

    @cached_property
    def following_days(self) -> list[tuple[re.Pattern[str], int]]:
        """(pattern, days) in file order: a word that dates a meeting by the one told
        before it ('keesokan harinya' 1), data/following_days.csv."""
        rows = _rows(self.root, "following_days.csv")
        for r in rows:
            if not re.fullmatch(r"-?\d+", r["days"]):
                raise ValueError(f"{self.root / 'following_days.csv'}: row {r['pattern']}: "
                                 f"days {r['days']!r} is not a number")
        return [(re.compile(rf"(?<!\w)(?:{r['pattern']})(?!\w)", re.IGNORECASE), int(r["days"]))
                for r in rows]

    @cached_property
    def time_cues(self) -> dict[str, str]:
        """Kind -> one alternation (a pattern string, to be built into the clock grammar of
        dates.py): the words around a clock time. Every kind the grammar uses must be there."""
        grouped: dict[str, list[str]] = {}
        for r in _rows(self.root, "time_cues.csv"):
            grouped.setdefault(r["kind"], []).append(f"(?:{r['pattern']})")
        missing = sorted(set(TIME_CUE_KINDS) - set(grouped))
        if missing:
            raise ValueError(f"{self.root / 'time_cues.csv'}: no row of kind "
                             f"{', '.join(missing)}")
        return {k: "|".join(v) for k, v in grouped.items()}

    @cached_property
    def time_zones(self) -> dict[str, str]:
        """Province name (as the national tree writes it) -> WIB, WITA or WIT."""
        rows = _rows(self.root, "time_zones.csv")
        for r in rows:
            if r["zone"] not in ZONES:
                raise ValueError(f"{self.root / 'time_zones.csv'}: {r['province']}: zone "
                                 f"{r['zone']!r} is not WIB, WITA or WIT")
        return {r["province"]: r["zone"] for r in rows}

    @cached_property
    def programs(self) -> list[ProgramForm]:
        return [ProgramForm(r["name"], re.compile(f"{_LEFT}(?:{r['patterns']}){_RIGHT}"),
                            _split(r["aliases"]), r["description"], _split(r["run_by"]))
                for r in _strict_rows(self.root, "programs.csv")]

    @cached_property
    def program_patterns(self) -> dict[str, str]:
        return {r["kind"]: r["pattern"] for r in _rows(self.root, "program_patterns.csv")}

    def _exclusions(self, keep: Callable[[str], bool]) -> re.Pattern[str]:
        """The rows of program_exclusions.csv whose class `keep` accepts, as one pattern
        (none: a pattern that matches nothing)."""
        rows = [r for r in _rows(self.root, "program_exclusions.csv") if keep(r["class"])]
        return re.compile("|".join(f"(?:{r['pattern']})" for r in rows) or "(?!)", re.IGNORECASE)

    @cached_property
    def program_exclusions(self) -> re.Pattern[str]:
        return self._exclusions(lambda _: True)

    @cached_property
    def program_exclusions_quoted(self) -> re.Pattern[str]:
        """The exclusions but the 'concept' class: a concept quoted after a programme noun
        ('program "Orang Tua Asuh"') is named as a programme there."""
        return self._exclusions(lambda kind: kind != "concept")

    @cached_property
    def data_systems(self) -> re.Pattern[str]:
        """The 'data' class of program_exclusions.csv alone: a name whose expansion spells out
        a data or reporting system ('inovasi X (Sistem Informasi ...)') is no programme."""
        return self._exclusions(lambda kind: kind == "data")

    @cached_property
    def figure_cues(self) -> dict[str, re.Pattern[str]]:
        return _by_kind(_rows(self.root, "figure_cues.csv"))

    @cached_property
    def usual_levels(self) -> dict[str, tuple[str, ...]]:
        """Levels each institution type is found at, from the graph's own vocabulary."""
        return {code: t.usual_levels for code, t in institution_types().items()}


@cache
def vocabulary(root: Path | None = None) -> Vocabulary:
    return Vocabulary(root or DATA)
