"""`make demo` builds a store holding the real seed facts and a generated Kota Semarang
side by side, the generated facts marked synthetic; `make run`'s store has the seeds only.

The steps are read from the Makefile itself (`make -n`), so the test follows the target,
and run with this checkout's CLI on a temporary store (one year of meetings, for speed).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.store.embedded import EmbeddedStore
from tests.conftest import ROOT
from tests.helpers import GraphQLClient

GENUK_MEETING = "Rapat Koordinasi Kecamatan Genuk"

QUERY = """{ meetings(filter: {regionCode: "33.74"}, first: 100) { totalCount
  edges { node { title sources { source { title synthetic file } } } } } }"""


def _steps(target: str, **variables: str) -> list[list[str]]:
    """The tpps commands `make <target>` runs, without the install it depends on."""
    if shutil.which("make") is None:
        pytest.fail("make is missing (apt-get install -y make)", pytrace=False)
    assigned = [f"{k}={v}" for k, v in variables.items()]
    printed = subprocess.run(["make", "-s", "-n", "-o", "install", target, *assigned],
                             cwd=ROOT, check=True, capture_output=True, text=True).stdout
    steps = [shlex.split(line) for line in printed.splitlines() if line.strip()]
    assert steps and all(Path(s[0]).name == "tpps" for s in steps), printed
    return [s[1:] for s in steps]


def _run(args: list[str]) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _meetings(db: Path) -> list[dict[str, object]]:
    store = EmbeddedStore(db)
    try:
        data = GraphQLClient(store).data(QUERY)
    finally:
        store.close()
    return [e["node"] for e in data["meetings"]["edges"]]


def test_make_demo_serves_the_seed_facts_next_to_a_generated_kota_semarang(
        tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    steps = _steps("demo", DEMO_DB=str(db), DEMO_YEARS="1")
    *build, serve = steps
    assert serve[0] == "serve" and serve[serve.index("--db") + 1] == str(db)
    assert any(s[0] == "generate" and s[s.index("--region") + 1] == "33.74" for s in build)
    for step in build:
        _run(step)
    meetings = _meetings(db)
    sources = [c["source"] for m in meetings for c in m["sources"]]  # type: ignore[attr-defined]
    # The seed release's meeting in Genuk, cited to its file, not marked synthetic.
    genuk = next(m for m in meetings if m["title"] == GENUK_MEETING)
    assert all(not c["source"]["synthetic"] and c["source"]["file"]
               for c in genuk["sources"])  # type: ignore[attr-defined]
    # Generated meetings beside it, every one cited to the synthetic source only.
    generated = [m for m in meetings if m["title"] != GENUK_MEETING]
    assert len(generated) > 50
    for m in generated:
        cited = [c["source"] for c in m["sources"]]  # type: ignore[attr-defined]
        assert cited and all(s["synthetic"] for s in cited), m
        assert all(s["title"].startswith("Synthetic TPPS network of Kota Semarang")
                   for s in cited)
    assert {s["synthetic"] for s in sources} == {True, False}


def test_make_run_keeps_serving_the_seed_facts_alone(tmp_path: Path) -> None:
    db = tmp_path / "tpps.db"
    *build, serve = _steps("run", DB=str(db))
    assert serve[0] == "serve" and not any(s[0] == "generate" for s in build)
    for step in build:
        _run(step)
    meetings = _meetings(db)
    assert [m["title"] for m in meetings] == [GENUK_MEETING]
    assert not any(c["source"]["synthetic"] for m in meetings
                   for c in m["sources"])  # type: ignore[attr-defined]
