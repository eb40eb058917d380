"""`tpps load seeds` (what `make run` loads): the demo facts, and their sentences when the
seed releases are beside the project (issue 10, item 8: `sources { excerpt }` is never
null for loaded demo data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from cli.main import app
from graph.store.embedded import EmbeddedStore
from tests.helpers import GraphQLClient

QUERY = """{
  institutions(first: 100) { totalCount edges { node { name sources { excerpt } } } }
  meetings(first: 100) { edges { node { title sources { excerpt } } } }
  measurements(first: 100) { what sources { excerpt } }
}"""


def _citations(db: str) -> tuple[int, list[str | None]]:
    store = EmbeddedStore(db)
    try:
        data: dict[str, Any] = GraphQLClient(store).data(QUERY)
    finally:
        store.close()
    nodes = ([e["node"] for e in data["institutions"]["edges"]]
             + [e["node"] for e in data["meetings"]["edges"]] + data["measurements"])
    return data["institutions"]["totalCount"], [c["excerpt"] for n in nodes
                                                for c in n["sources"]]


def test_with_the_seeds_every_citation_of_the_demo_data_has_its_sentence(
        tmp_path: Path, seeds_dir: Path) -> None:
    db = str(tmp_path / "seed.db")
    result = CliRunner().invoke(app, ["load", "seeds", "--seeds", str(seeds_dir), "--db", db])
    assert result.exit_code == 0, result.output
    assert "5 seed release(s) read" in result.output
    institutions, excerpts = _citations(db)
    # the same facts as demo.json alone: nothing stored twice (35 since a statement of who
    # the "lowest structure" is, PLKB and TPK in seed 001, no longer reads as attendance;
    # 36 since "program Wali Kota Semarang, yakni Si Bening" ties Pemkot Semarang to it)
    assert institutions == 36
    assert excerpts and all(excerpts), [e for e in excerpts if not e][:3]


def test_without_the_seeds_the_facts_load_and_the_output_says_why_no_sentences(
        tmp_path: Path) -> None:
    db = str(tmp_path / "seed.db")
    missing = tmp_path / "no-seeds-here"
    result = CliRunner().invoke(app, ["load", "seeds", "--seeds", str(missing), "--db", db])
    assert result.exit_code == 0, result.output
    assert f"no seed releases at {missing}" in result.output
    institutions, excerpts = _citations(db)
    assert institutions == 36 and excerpts and not any(excerpts)
