"""The `tpps` command: the same loaders and store the API uses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from graph.settings import settings
from tests.conftest import DEMO

runner = CliRunner()
# The demo file's own count: a load reports every institution of the file as new once.
_DEMO = json.loads(DEMO.read_text(encoding="utf-8"))
DEMO_INSTITUTIONS = len(_DEMO["institutions"])
DEMO_ATTENDANCE = sum(len(m["attendees"]) for m in _DEMO["meetings"])


def test_load_twice_then_stats(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    first = runner.invoke(app, ["load", "json", str(DEMO), "--db", db])
    assert first.exit_code == 0, first.output
    assert f"institutions: {DEMO_INSTITUTIONS} new" in first.output
    second = runner.invoke(app, ["load", "json", str(DEMO), "--db", db])
    assert f"institutions: 0 new, {DEMO_INSTITUTIONS} already stored" in second.output
    stats = runner.invoke(app, ["stats", "--db", db])
    assert stats.exit_code == 0
    assert re.search(rf"attendance\W+{DEMO_ATTENDANCE}\b", stats.output), stats.output


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


def test_migrate_embedded_into_neo4j_twice(tmp_path: Path, neo4j_uri: str) -> None:
    from graph.store.neo4j import Neo4jStore
    from tests.neo4j_fixtures import empty_neo4j_store

    empty_neo4j_store(neo4j_uri).close()
    db = str(tmp_path / "src.db")
    assert runner.invoke(app, ["load", "json", str(DEMO), "--db", db]).exit_code == 0
    for _ in range(2):  # the second run finds everything there and changes nothing
        result = runner.invoke(app, ["migrate", "--from", db, "--to", neo4j_uri,
                                     "--batch-size", "7"])
        assert result.exit_code == 0, result.output
        assert "institutions" in result.output
    neo = Neo4jStore(neo4j_uri)
    try:
        stats = neo.stats()
    finally:
        neo.close()
    assert stats["institutions"] == 36 and stats["attendance"] == 34 and stats["citations"] == 94


def test_load_into_neo4j_by_uri(tmp_path: Path, neo4j_uri: str) -> None:
    from tests.neo4j_fixtures import empty_neo4j_store

    empty_neo4j_store(neo4j_uri).close()
    first = runner.invoke(app, ["load", "json", str(DEMO), "--db", neo4j_uri])
    assert first.exit_code == 0, first.output
    assert f"institutions: {DEMO_INSTITUTIONS} new" in first.output
    again = runner.invoke(app, ["load", "json", str(DEMO), "--db", neo4j_uri])
    assert f"institutions: 0 new, {DEMO_INSTITUTIONS} already stored" in again.output


def test_unreachable_neo4j_is_a_clear_error() -> None:
    result = runner.invoke(app, ["stats", "--db", "bolt://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "no Neo4j answers there" in result.output


def test_neo4j_credentials_come_from_the_environment(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from neo4j_server import Neo4jServer

    with Neo4jServer(tmp_path / "auth", password="s3cret-pass") as server:
        assert server.uri is not None
        monkeypatch.setenv("NEO4J_USER", "neo4j")
        monkeypatch.setenv("NEO4J_PASSWORD", "wrong-password")
        refused = runner.invoke(app, ["stats", "--db", server.uri])
        assert refused.exit_code == 1
        assert "refused the credentials" in refused.output
        monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pass")
        settings.cache_clear()  # the environment is read once per process
        accepted = runner.invoke(app, ["stats", "--db", server.uri])
        assert accepted.exit_code == 0, accepted.output


@pytest.mark.parametrize(("args", "says"), [
    (["--weighting", "foo"], "--weighting must be one of shared, newman"),
    (["--region", "zz"], "--region: no region 'zz'"),
    (["--from", "20250101"], "--from/--to"),
])
def test_report_refuses_bad_options_clearly(tmp_path: Path, args: list[str], says: str) -> None:
    db = str(tmp_path / "cli.db")
    runner.invoke(app, ["load", "json", str(DEMO), "--db", db])
    result = runner.invoke(app, ["report", "--out", str(tmp_path / "r"), "--db", db, *args])
    assert result.exit_code == 1
    assert says in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "r").exists()
