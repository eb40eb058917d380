"""docker-compose.yml and the Dockerfile say what the README promises.

No Docker runs on the development machines, so these read the files: the API
waits for a healthy Neo4j 5.26, takes its credentials from the environment,
and the image installs the same package the tests run.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_compose_runs_neo4j_526_and_the_api_after_it() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    neo4j = compose["services"]["neo4j"]
    api = compose["services"]["api"]
    assert neo4j["image"] == "neo4j:5.26"
    assert "healthcheck" in neo4j
    assert any(v.endswith(":/data") for v in neo4j["volumes"])
    assert "NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["TPPS_DB"].startswith("bolt://neo4j:")
    assert api["build"] == "."


def test_dockerfile_installs_the_package_and_serves_it() -> None:
    text = (ROOT / "Dockerfile").read_text("utf-8")
    assert "FROM python:3.11" in text
    for package in ("api", "graph", "loaders", "cli"):
        assert f"COPY {package} ./{package}" in text
    assert "tpps serve --host 0.0.0.0" in text


def test_the_image_runs_the_install_check_when_built() -> None:
    text = (ROOT / "Dockerfile").read_text("utf-8")
    install = text.index("RUN pip install")
    check = text.index("check_install.py tpps")
    assert install < check  # after the install, against what it installed
    assert (ROOT / "deploy" / "check_install.py").is_file()


def test_tool_caches_are_ignored_and_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    for cache in (".schemathesis/", ".mypy_cache/", ".pytest_cache/", ".ruff_cache/"):
        assert cache in ignored, f"{cache} is not in .gitignore"
        tracked = subprocess.run(["git", "ls-files", cache], cwd=ROOT, capture_output=True,
                                 text=True, check=True).stdout
        assert not tracked, f"{cache} is committed: {tracked.splitlines()[:3]}"
