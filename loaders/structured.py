"""Read the project's JSON and CSV formats into validated records.

Every problem in every file is collected before anything is written, each
named by file, line and field, so a planner can fix a spreadsheet in one go.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from loaders.errors import LoadError, Problem
from loaders.jsonpos import line_of, loads_with_lines
from loaders.records import (
    AttendeeRecord,
    Dataset,
    InstitutionRecord,
    MeasurementRecord,
    MeetingRecord,
    ProgramRecord,
    RegionRecord,
    SourceRecord,
)

MAX_FILE_BYTES = 200 * 1024 * 1024

# CSV kind (by file-name prefix) -> the record each row becomes, and list columns.
CSV_KINDS: dict[str, tuple[type[BaseModel], tuple[str, ...]]] = {
    "sources": (SourceRecord, ()),
    "regions": (RegionRecord, ()),
    "institutions": (InstitutionRecord, ("sources",)),
    "programs": (ProgramRecord, ("aliases", "regions", "owners", "sources")),
    "meetings": (MeetingRecord, ("programs", "sources")),
    "attendance": (AttendeeRecord, ("roles", "sources")),
    "measurements": (MeasurementRecord, ("sources",)),
}


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _problems(path: str, err: ValidationError, data: Any, line: int | None = None) -> list[Problem]:
    return [
        Problem(path, line if line is not None else line_of(data, e["loc"]), _field(e["loc"]),
                e["msg"].removeprefix("Value error, "))
        for e in err.errors()
    ]


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise LoadError([Problem(str(path), None, None, "no such file")])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise LoadError([Problem(str(path), None, None,
                                 f"file is {size} bytes, over the {MAX_FILE_BYTES} limit")])
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise LoadError([Problem(str(path), None, None, "binary file, expected text")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError([Problem(str(path), line, None, "not UTF-8 text")]) from exc


class JsonLines:
    """The lines of a JSON file's records, found only when a problem asks for one.

    The C parser is several times faster than the position-keeping one (jsonpos.py,
    about half of a big load), and a load that succeeds never names a line; so a file
    is parsed fast, and parsed again with positions only if one of its records turns
    out to be wrong (its lines then named exactly as before)."""

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._data: Any = None

    def line(self, path: tuple[Any, ...]) -> int | None:
        if self._text is not None:
            self._data, self._text = loads_with_lines(self._text), None
        return line_of(self._data, path)


@dataclass(frozen=True, slots=True)
class Where:
    """Where a record was read: file, line and its path inside the file (for a JSON
    record, its line is looked up in `lines` at `at` when a problem needs it)."""

    file: str
    line: int | None
    path: str
    lines: JsonLines | None = None
    at: tuple[Any, ...] = ()

    def problem(self, field: str | None, message: str) -> Problem:
        full = ".".join(p for p in (self.path, field) if p) or None
        line = self.lines.line(self.at) if self.lines is not None else self.line
        return Problem(self.file, line, full, message)


@dataclass
class Parsed:
    """Validated records of one load, each with where it came from."""

    records: dict[str, list[tuple[Where, Any]]] = field(
        default_factory=lambda: {k: [] for k in CSV_KINDS}
    )


def read_json(path: Path, into: Parsed) -> None:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None  # said below by the position-keeping parser, as it always was
    if not isinstance(data, dict):  # invalid, or not an object: said with its line
        try:
            data = loads_with_lines(text)
        except json.JSONDecodeError as exc:
            raise LoadError([Problem(str(path), exc.lineno, None,
                                     f"invalid JSON: {exc.msg} (column {exc.colno})")]) from exc
    if not isinstance(data, dict):
        raise LoadError([Problem(str(path), 1, None, "expected a JSON object with lists "
                                 "'institutions', 'meetings', ...")])
    try:
        dataset = Dataset.model_validate(data)
    except ValidationError as exc:
        raise LoadError(_problems(str(path), exc, loads_with_lines(text))) from exc
    lines = JsonLines(text)
    for kind in Dataset.model_fields:
        for i, record in enumerate(getattr(dataset, kind)):
            into.records[kind].append((Where(str(path), None, f"{kind}[{i}]", lines, (kind, i)),
                                       record))


def csv_kind(path: Path) -> str:
    stem = path.stem.lower()
    for kind in CSV_KINDS:
        if stem.startswith(kind):
            return kind
    raise LoadError([Problem(str(path), None, None,
                             "cannot tell what the CSV holds: name it after one of "
                             + ", ".join(f"{k}*.csv" for k in CSV_KINDS))])


def _csv_row(row: dict[str, str], list_cols: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        value = (value or "").strip()
        if not value:
            continue
        if key in list_cols:
            items = [v.strip() for v in value.split(";") if v.strip()]
            if key == "owners":
                out[key] = [dict(zip(("institution", "relation"), o.split(":", 1), strict=False))
                            for o in items]
            elif key == "sources":
                out[key] = [{"source": s} for s in items]
            else:
                out[key] = items
        else:
            out[key] = value
    return out


def read_csv(path: Path, into: Parsed) -> None:
    """Rows of one CSV file as records, each with its line number."""
    kind = csv_kind(path)
    model, list_cols = CSV_KINDS[kind]
    text = _read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    allowed = set(model.model_fields) | ({"meeting"} if kind == "attendance" else set())
    if not reader.fieldnames:
        raise LoadError([Problem(str(path), 1, None, "empty CSV: expected a header row")])
    unknown = [c for c in reader.fieldnames if c not in allowed]
    if unknown:
        raise LoadError([Problem(str(path), 1, ", ".join(unknown),
                                 f"unknown column(s); {kind} files take: "
                                 + ", ".join(sorted(allowed)))])
    problems: list[Problem] = []
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                problems.append(Problem(str(path), line, None, "more cells than header columns"))
                continue
            data = _csv_row(row, list_cols)
            meeting = data.pop("meeting", None)
            if kind == "attendance" and not meeting:
                problems.append(Problem(str(path), line, "meeting", "Field required"))
            try:
                record = model.model_validate(data)
            except ValidationError as exc:
                problems += _problems(str(path), exc, data, line)
                continue
            where = Where(str(path), line, "")
            item = (meeting, record) if kind == "attendance" else record
            into.records[kind].append((where, item))
    except csv.Error as exc:
        problems.append(Problem(str(path), reader.line_num, None, f"malformed CSV: {exc}"))
    if problems:
        raise LoadError(problems)


def read_files(paths: list[Path], fmt: str) -> Parsed:
    """Read and validate every file, collecting the problems of all of them."""
    parsed = Parsed()
    problems: list[Problem] = []
    for path in paths:
        try:
            (read_json if fmt == "json" else read_csv)(path, parsed)
        except LoadError as exc:
            problems += exc.problems
    if problems:
        raise LoadError(problems)
    return parsed
