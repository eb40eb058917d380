"""`tpps load json` of a big file goes through Store.bulk_write (loaders/files.py) with the
guarantees and the output of a small one: a file with a bad record writes nothing and
names it, the summary line counts what is new and what was already stored exactly as the
write path does, and a re-run loads nothing twice."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from neo4j.exceptions import ClientError, ConstraintError, TransientError
from typer.testing import CliRunner

from cli.main import app
from graph.model import Batch, Institution, WriteResult
from graph.store.base import DanglingEdge, MeetingFilter, PageRequest
from graph.store.embedded import EmbeddedStore
from loaders.files import BULK_ROWS, write_load
from tests.contract.test_write_bulk_agree import spy

runner = CliRunner()
INSTITUTIONS, MEETINGS, ATTENDEES = 300, 120, 5


def big_file(path: Path, bad: bool = False) -> Path:
    """Institutions of one kota and meetings they attend, every fact cited; `bad`: one
    attendee names an institution the file does not have."""
    cite = [{"source": "src:uji", "start": 0, "end": 40}]
    institutions = [{"ref": f"i{n}", "name": f"Posyandu Beban {n}", "type": "POSYANDU",
                     "region": "33.74", "sources": cite} for n in range(INSTITUTIONS)]
    meetings: list[dict[str, Any]] = [
                {"title": f"Rapat Beban {m}", "date": f"2025-{m % 12 + 1:02d}-10",
                 "region": "33.74", "sources": cite,
                 "attendees": [{"institution": f"i{(m * ATTENDEES + k) % INSTITUTIONS}",
                                "roles": ["chair" if k == 0 else "participant"],
                                "sources": cite} for k in range(ATTENDEES)]}
                for m in range(MEETINGS)]
    if bad:
        meetings[77]["attendees"][3]["institution"] = "nowhere"
    regions = [{"code": "33", "name": "Jawa Tengah", "level": "province"},
               {"code": "33.74", "name": "Kota Semarang", "level": "kabkota", "parent": "33"}]
    sources = [{"ref": "src:uji", "title": "Rilis uji beban", "file": "uji.txt"}]
    path.write_text(json.dumps({"sources": sources, "regions": regions,
                                "institutions": institutions, "meetings": meetings},
                               indent=1), "utf-8")
    return path


def summary(output: str) -> str:
    """The summary line without the store's path."""
    return re.sub(r"into \S+ —", "into DB —", output.strip().splitlines()[-1])


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The write paths the CLI's loads took, in order."""
    paths: list[str] = []
    for name in ("write", "bulk_write"):
        monkeypatch.setattr(EmbeddedStore, name, spy(paths, name, getattr(EmbeddedStore, name)))
    return paths


def test_a_big_load_is_bulk_and_says_what_a_write_would(
        tmp_path: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = big_file(tmp_path / "big.json")
    bulk_db, write_db = str(tmp_path / "bulk.db"), str(tmp_path / "write.db")

    first = runner.invoke(app, ["load", "json", str(data), "--db", bulk_db])
    assert first.exit_code == 0, first.output
    assert taken == ["bulk_write"]
    assert (f"institutions: {INSTITUTIONS} new, 0 already stored, meetings: {MEETINGS} new, "
            "0 already stored") in first.output
    again = runner.invoke(app, ["load", "json", str(data), "--db", bulk_db])
    assert again.exit_code == 0, again.output
    assert taken == ["bulk_write", "bulk_write"]
    assert (f"institutions: 0 new, {INSTITUTIONS} already stored, meetings: 0 new, "
            f"{MEETINGS} already stored") in again.output

    # The same two loads by the write path: the same lines, the same graph.
    monkeypatch.setattr("loaders.files.BULK_ROWS", 10**9)
    by_write = [runner.invoke(app, ["load", "json", str(data), "--db", write_db])
                for _ in range(2)]
    assert taken[2:] == ["write", "write"]
    assert [summary(r.output) for r in by_write] == [summary(first.output),
                                                      summary(again.output)]
    bulk, write = EmbeddedStore(bulk_db), EmbeddedStore(write_db)
    assert bulk.stats() == write.stats()
    assert bulk.stats()["attendance"] == MEETINGS * ATTENDEES  # nothing twice
    # provenance: every institution, meeting and attendance cited, once
    assert bulk.stats()["citations"] == INSTITUTIONS + MEETINGS + MEETINGS * ATTENDEES
    meetings = [m.id for m in bulk.find_meetings(MeetingFilter(), PageRequest(first=5)).items]
    assert bulk.attendance_of_meetings(meetings) == write.attendance_of_meetings(meetings)
    assert bulk.citations(meetings) == write.citations(meetings)
    bulk.close()
    write.close()


def test_a_big_load_with_a_bad_record_names_it_and_writes_nothing(
        tmp_path: Path, taken: list[str]) -> None:
    db = str(tmp_path / "bad.db")
    path = big_file(tmp_path / "bad.json", True)
    bad = runner.invoke(app, ["load", "json", str(path), "--db", db])
    assert bad.exit_code == 1
    assert "nothing was written" in bad.output
    # the line of the meeting's opening brace (the file is parsed without positions
    # first, structured.JsonLines, so this proves the lines found after the fact)
    text = path.read_text("utf-8").splitlines()
    line = next(n for n, row in enumerate(text, 1) if '"Rapat Beban 77"' in row) - 1
    assert text[line - 1].strip() == "{"
    assert f"bad.json:{line}: meetings[77].attendees[3].institution" in bad.output, bad.output
    assert "'nowhere'" in bad.output
    assert EmbeddedStore(db).stats()["institutions"] == 0
    assert taken == []  # refused before the store was asked


class Refusing:
    """A store whose bulk_write fails with `error` (having written nothing); write
    stores and answers."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.calls: list[str] = []

    def bulk_write(self, batches: Any) -> WriteResult:
        self.calls.append("bulk_write")
        raise self.error

    def write(self, batch: Batch) -> WriteResult:
        self.calls.append("write")
        return WriteResult({"institutions": len(batch.institutions)}, {}, 7)


@pytest.mark.parametrize("error", [
    TransientError._hydrate_neo4j(code="Neo.TransientError.Transaction.DeadlockDetected",
                                  message="deadlock"),
    ConstraintError._hydrate_neo4j(code="Neo.ClientError.Schema.ConstraintValidationFailed",
                                   message="a concurrent writer made the node")],
    ids=["deadlock", "created-meanwhile"])
def test_a_big_load_refused_where_write_gets_through_is_written_by_write(
        error: Exception) -> None:
    batch = Batch(institutions=[Institution(f"ins_{n}", f"Posyandu {n}", "POSYANDU")
                                for n in range(BULK_ROWS)])
    store = Refusing(error)
    result = write_load(batch, store)  # type: ignore[arg-type]
    assert store.calls == ["bulk_write", "write"]
    assert result == WriteResult({"institutions": BULK_ROWS}, {}, 7)


def test_a_big_load_refused_otherwise_says_so_and_is_not_sent_again() -> None:
    batch = Batch(institutions=[Institution(f"ins_{n}", f"Posyandu {n}", "POSYANDU")
                                for n in range(BULK_ROWS)])
    for error in (DanglingEdge("meeting names institution 'x'", "x"),
                  ClientError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError",
                                             message="bad")):
        refused = Refusing(error)
        with pytest.raises(type(error)):
            write_load(batch, refused)  # type: ignore[arg-type]
        assert refused.calls == ["bulk_write"]
