"""A served process freezes its start-up heap and sets the collector's thresholds from
TPPS_GC_THRESHOLDS (api/collector.py); a bad value is refused with the variable's name."""

from __future__ import annotations

import gc
import signal
from collections.abc import Iterator

import pytest

from api.collector import thresholds, tune
from graph.settings import SettingsError, settings


@pytest.fixture
def collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Whatever a test does to the collector and the settings is undone after it."""
    before = gc.get_threshold()
    usr1 = signal.getsignal(signal.SIGUSR1)
    yield monkeypatch
    gc.unfreeze()
    gc.set_threshold(*before)
    signal.signal(signal.SIGUSR1, usr1)
    settings.cache_clear()


def test_three_positive_integers_or_empty() -> None:
    assert thresholds("10000,50,1000") == (10000, 50, 1000)
    assert thresholds(" ") is None
    for bad in ("10000,50", "a,b,c", "10000,0,5", "1,2,3,4"):
        with pytest.raises(SettingsError, match="TPPS_GC_THRESHOLDS"):
            thresholds(bad)


def test_tune_freezes_and_sets_the_thresholds(collector: pytest.MonkeyPatch) -> None:
    collector.setenv("TPPS_GC_THRESHOLDS", "12345,40,500")
    settings.cache_clear()
    gc.unfreeze()
    assert tune() == (12345, 40, 500)
    assert gc.get_threshold() == (12345, 40, 500)
    assert gc.get_freeze_count() > 0  # the start-up heap is no longer scanned


def test_empty_keeps_pythons_thresholds_but_still_freezes(
        collector: pytest.MonkeyPatch) -> None:
    collector.setenv("TPPS_GC_THRESHOLDS", "")
    settings.cache_clear()
    gc.unfreeze()
    before = gc.get_threshold()
    assert tune() is None
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() > 0


def test_the_served_app_is_tuned(collector: pytest.MonkeyPatch, tmp_path: object) -> None:
    from api.serving import served_app

    collector.setenv("TPPS_GC_THRESHOLDS", "22222,30,300")
    collector.setenv("TPPS_DB", f"{tmp_path}/served.db")
    settings.cache_clear()
    gc.unfreeze()
    served_app()
    assert gc.get_threshold() == (22222, 30, 300)
    assert gc.get_freeze_count() > 0  # the app built at start-up is out of the collector's reach
