"""The `tpps` command: the same loaders and store the API uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.conftest import DEMO

runner = CliRunner()


def test_load_twice_then_stats(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    first = runner.invoke(app, ["load", "json", str(DEMO), "--db", db])
    assert first.exit_code == 0, first.output
    assert "institutions: 35 new" in first.output
    second = runner.invoke(app, ["load", "json", str(DEMO), "--db", db])
    assert "institutions: 0 new, 35 already stored" in second.output
    stats = runner.invoke(app, ["stats", "--db", db])
    assert stats.exit_code == 0
    assert "attendance" in stats.output and "30" in stats.output


def test_tpps_db_environment_variable_is_the_default(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("TPPS_DB", str(db))
    result = runner.invoke(app, ["load", "json", str(DEMO)])
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_bad_file_exits_non_zero_with_the_place(tmp_path: Path) -> None:
    bad = tmp_path / "institutions.csv"
    bad.write_text("name,type\nPuskesmas X,CLINIC\n", "utf-8")
    db = tmp_path / "cli.db"
    result = runner.invoke(app, ["load", "csv", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    assert "institutions.csv:2: type: unknown institution type 'CLINIC'" in " ".join(
        result.output.split())


def test_not_a_store(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    result = runner.invoke(app, ["stats", "--db", str(junk)])
    assert result.exit_code == 1
    assert "not a tpps-graph store" in result.output


def test_schema_command_prints_sdl() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert "type Institution" in result.output
