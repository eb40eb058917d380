"""A lone clone (no ../shared beside it) passes: the tests that read the seed releases
skip with the reason, and run where the seeds are."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.settings import settings
from tests import conftest


def test_seed_tests_skip_with_the_reason_where_the_seeds_are_absent(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "SEEDS", tmp_path / "nowhere")
    with pytest.raises(pytest.skip.Exception, match=r"no seed releases at .*nowhere.*TPPS_SEEDS"):
        conftest.seeds_or_skip()
    monkeypatch.setattr(conftest, "SEEDS", tmp_path)
    assert conftest.seeds_or_skip() == tmp_path


def test_tpps_seeds_names_the_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_SEEDS", "/somewhere/seeds")
    settings.cache_clear()
    try:
        assert settings().seeds == "/somewhere/seeds"
    finally:
        monkeypatch.delenv("TPPS_SEEDS")
        settings.cache_clear()


def test_the_demo_data_make_run_loads_is_in_the_repository() -> None:
    assert conftest.DEMO.is_file() and conftest.DEMO.stat().st_size > 0
