"""Jobs for the pool's tests, sent to workers by reference like the real ones."""

from __future__ import annotations

import os
import time
from typing import Any

from graph.analytics import jobs
from graph.store.base import NetworkFilter, Store


def spin(store: Store, f: NetworkFilter, seconds: float) -> int:
    """Burn CPU for `seconds` (what a long measure does), then answer."""
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
    return n


def nap(store: Store, f: NetworkFilter, seconds: float) -> float:
    """Hold a slot for `seconds` without using the CPU (a slot's wall time is what
    the queue tests measure)."""
    time.sleep(seconds)
    return seconds


def grab(store: Store, f: NetworkFilter, megabytes: int) -> int:
    """Ask for `megabytes` of memory at once."""
    block = bytearray(megabytes << 20)
    return len(block)


def slow_scores(store: Store, f: NetworkFilter, measure: str, weighting: str) -> Any:
    """The real centrality job, after a few seconds of CPU."""
    spin(store, f, 3.0)
    return jobs.scores(store, f, measure, weighting)


def niceness(store: Store, f: NetworkFilter) -> int:
    """The worker's nice value."""
    return os.nice(0)


def blob(store: Store, f: NetworkFilter, megabytes: int) -> bytes:
    """A reply many times larger than a socket buffer."""
    return bytes(megabytes << 20)


_HOARD: list[bytearray] = []


def hoard(store: Store, f: NetworkFilter, megabytes: int) -> int:
    """Keep `megabytes` after answering (a worker left large after a job), touched so
    they count in its resident size."""
    block = bytearray(megabytes << 20)
    block[::4096] = b"\x01" * len(block[::4096])
    _HOARD.append(block)
    return len(_HOARD)
