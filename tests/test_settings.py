"""One settings module: every variable read once, documented once, printed by `tpps settings`.

graph/settings.py declares each environment variable with its default and purpose; the
code reads values from it, never from os.environ; `tpps settings` shows the values now
with secrets masked; the README's table is the module's own rendering of it.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.auth import Access
from cli.main import app
from graph import settings as config
from graph.settings import MASK, Settings, SettingsError, settings
from graph.store.factory import resolve_db

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("api", "graph", "loaders", "cli", "neo4j_server")
# Reading a variable: os.getenv(...), os.environ.get(...), os.environ["X"] not assigned to.
READ = re.compile(r"os\.getenv\(|environ\.get\(|environ\[[^\]]+\](?!\s*=[^=])")
NAMES = [f.metadata["env"] for f in fields(Settings)]


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path == ROOT / "graph" / "settings.py":
                continue
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if READ.search(line):
                    readers.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not readers, "read the environment through graph.settings:\n" + "\n".join(readers)


def test_every_variable_is_declared_once_with_a_doc() -> None:
    assert len(NAMES) == len(set(NAMES)), "a variable is declared twice"
    for f in fields(Settings):
        assert re.fullmatch(r"(TPPS|NEO4J)_[A-Z0-9_]+", f.metadata["env"]), f.metadata["env"]
        assert f.metadata["doc"].strip(), f"{f.metadata['env']} has no doc"


def test_values_are_parsed_and_a_bad_one_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_SEARCH_CHARS", "77")
    monkeypatch.setenv("TPPS_DEBUG", "1")
    monkeypatch.setenv("TPPS_STORE_TIMEOUT", "0.5")
    assert (settings().search_chars, settings().debug, settings().store_timeout) == (77, True, 0.5)
    settings.cache_clear()
    monkeypatch.setenv("NEO4J_PORT", "seven")
    with pytest.raises(SettingsError, match="NEO4J_PORT='seven': expected a whole number"):
        settings()


def test_the_code_takes_its_values_from_the_settings(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("TPPS_DB", str(tmp_path / "from-env.db"))
    monkeypatch.setenv("TPPS_READ", "token")
    assert resolve_db(None) == str(tmp_path / "from-env.db")
    assert resolve_db("given.db") == "given.db"
    assert Access.from_env().read_needs_token


def test_make_neo4j_refuses_another_user_from_the_settings(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from neo4j_server.__main__ import main

    monkeypatch.setenv("NEO4J_USER", "bob")
    assert main() == 2  # before any Java starts
    assert "NEO4J_USER must be neo4j" in capsys.readouterr().err


def test_tpps_settings_prints_every_variable_with_secrets_masked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_TOKENS", "editor:do-not-print-me")
    monkeypatch.setenv("NEO4J_PASSWORD", "nor-this-one")
    monkeypatch.setenv("TPPS_SEARCH_CHARS", "77")
    monkeypatch.delenv("TPPS_TOKENS_FILE", raising=False)
    result = CliRunner().invoke(app, ["settings"])
    assert result.exit_code == 0, result.output
    assert "do-not-print-me" not in result.output and "nor-this-one" not in result.output
    printed = dict(line.split("=", 1) for line in result.output.splitlines()
                   if not line.startswith(" "))
    assert list(printed) == NAMES
    assert printed["TPPS_TOKENS"] == MASK and printed["NEO4J_PASSWORD"] == MASK
    assert printed["TPPS_SEARCH_CHARS"] == "77"
    assert printed["TPPS_TOKENS_FILE"] == ""  # an empty secret-free value is shown as is
    for _, _, doc in config.describe():
        assert doc in result.output


def test_tpps_settings_names_a_bad_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_ANALYTICS_SECONDS", "soon")
    result = CliRunner().invoke(app, ["settings"])
    assert result.exit_code == 1
    assert "TPPS_ANALYTICS_SECONDS='soon': expected a number" in result.output


def _readme_section() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    match = re.search(r"<!-- settings:begin -->\n(.*?)<!-- settings:end -->", readme, re.S)
    assert match, "README.md has no settings section (<!-- settings:begin/end -->)"
    return match[1]


def test_the_readme_lists_every_setting_and_only_those() -> None:
    section = _readme_section()
    listed = re.findall(r"^\| `([A-Z0-9_]+)` \|", section, re.M)
    assert sorted(set(NAMES) - set(listed)) == [], "settings missing from the README"
    assert sorted(set(listed) - set(NAMES)) == [], "README variables no module declares"
    assert section == config.markdown(), "README table is stale: tpps settings --markdown"


def test_every_variable_the_readme_names_is_a_setting_or_compose_s() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    compose = (ROOT / "docker-compose.yml").read_text("utf-8")
    named = set(re.findall(r"\b(?:TPPS|NEO4J)_[A-Z0-9_]*[A-Z0-9]\b", readme))
    unknown = sorted(v for v in named if v not in NAMES and v not in compose)
    assert not unknown, f"the README names variables nothing reads: {unknown}"
