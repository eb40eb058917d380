"""`tpps report` writes what analysts open in their own tools."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from cli.main import app
from tests.conftest import DEMO


def test_report_files(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    assert runner.invoke(app, ["load", "json", str(DEMO), "--db", db]).exit_code == 0
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", "--db", db, "--out", str(out), "--region", "36"])
    assert result.exit_code == 0, result.output
    with (out / "institutions.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # the institutions that attended meetings in Banten, counted by the store itself
    from graph.store.base import NetworkFilter
    from graph.store.embedded import EmbeddedStore

    attended = {r.institution_id for r in EmbeddedStore(db).attendance_rows(
        NetworkFilter(region_code="36"))}
    assert len(rows) == len(attended) > 10
    for column in ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector",
                   "pagerank", "pagerank_rank", "community", "constraint", "liaison"):
        assert column in rows[0], column
    assert abs(sum(float(r["pagerank"]) for r in rows) - 1) < 1e-6
    for name in ("network.gexf", "network.graphml"):
        g = nx.read_gexf(out / name) if name.endswith("gexf") else nx.read_graphml(out / name)
        assert g.number_of_nodes() == len(attended)
    with (out / "gaps.csv").open(encoding="utf-8") as fh:
        gaps = list(csv.DictReader(fh))
    assert any(r["kind"] == "missing type" for r in gaps)
    page = (out / "report.html").read_text("utf-8")
    assert f"{len(attended)} institutions" in page and "network.png" in page
    assert (out / "network.png").stat().st_size > 10_000


def test_report_refuses_a_bad_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "x.db"), "--out",
                                      str(tmp_path / "o"), "--from", "2025-13-01"])
    assert result.exit_code == 1
    assert "--from/--to" in result.output
