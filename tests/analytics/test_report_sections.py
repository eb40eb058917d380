"""The report's reading sections, and its numbers held to the API's."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app
from graph.analytics.report_facts import tie_ranks
from graph.store.embedded import EmbeddedStore
from tests.conftest import DEMO
from tests.helpers import GraphQLClient


def _report(tmp_path: Path, *extra: str) -> tuple[str, Path]:
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    assert runner.invoke(app, ["load", "json", str(DEMO), "--db", db]).exit_code == 0
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", "--db", db, "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return db, out


def test_ties_share_a_rank() -> None:
    assert tie_ranks({"a": 0.5, "b": 0.5, "c": 0.2, "d": 0.1}) == {
        "a": "=1", "b": "=1", "c": "3", "d": "4"}


def test_sections_warning_meetings_figures_gaps(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "empty.txt").write_text("", "utf-8")
    _, out = _report(tmp_path, "--measure", "pagerank", "--articles", str(articles))
    page = (out / "report.html").read_text("utf-8")
    assert "Warning: the network is fragmented" in page and "5 separate groups" in page
    assert "Institutions ranked by PageRank" in page and "=1" in page  # cliques tie
    assert "a bridge whose absence would cut coordination" in page  # betweenness explained
    assert "Meetings (5)" in page and "Rapat Koordinasi Kecamatan Genuk" in page
    assert "Figures over time" in page and "stunting_cases" in page
    assert "<h3>33.74.05 (kecamatan, 1 meetings)</h3>" in page and "KUA" in page
    assert "Skipped files (1)" in page and "empty.txt" in page


def test_report_numbers_equal_the_api(tmp_path: Path) -> None:
    db, out = _report(tmp_path, "--region", "36")
    with (out / "institutions.csv").open(encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    store = EmbeddedStore(Path(db))
    try:
        client = GraphQLClient(store)
        for measure in ("DEGREE", "BETWEENNESS", "PAGERANK", "CLOSENESS"):
            d = client.data(f"""{{ centrality(measure: {measure}, filter: {{regionCode: "36"}},
                first: 100) {{ score rank institution {{ id }} }} }}""")
            assert len(d["centrality"]) == len(rows)
            for c in d["centrality"]:
                row = rows[c["institution"]["id"]]
                assert abs(float(row[measure.lower()]) - c["score"]) < 1e-7
                assert int(row[f"{measure.lower()}_rank"]) == c["rank"]
        gaps = client.data('{ convergenceGaps(regionCode: "36") { missingTypes { types } } }')
        with (out / "gaps.csv").open(encoding="utf-8") as fh:
            in_report = {r["what"] for r in csv.DictReader(fh)
                         if r["region"] == "36" and r["kind"] == "missing type"}
        assert in_report == {"|".join(m["types"])
                             for m in gaps["convergenceGaps"]["missingTypes"]}
    finally:
        store.close()
