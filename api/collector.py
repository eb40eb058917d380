"""The garbage collector of a served process: the start-up heap frozen.

A served process holds a large long-lived heap (modules, the schema, the vocabularies,
~150k objects) and makes many short-lived objects per request. A full pass of the
collector walked that heap too, stopping the event loop 100-200 ms: the p99 of a
one-client bench. Freezing what exists once the app is built (gc.freeze: never scanned
again) removes it; requests' own cycles are still collected.

TPPS_GC_THRESHOLDS can also set the thresholds, but measured they are best left alone
(README, performance): rarer passes (10000,50,1000) sped up light pages a little and
made each pass long enough to give query d at eight clients a p99 of ~300-400 ms
against ~70-100 ms with Python's own.
"""

from __future__ import annotations

import gc

from graph.settings import SettingsError, settings

VARIABLE = "TPPS_GC_THRESHOLDS"


def thresholds(raw: str) -> tuple[int, int, int] | None:
    """'young,middle,old' as three positive integers; None for an empty value."""
    if not raw.strip():
        return None
    parts = raw.split(",")
    try:
        values = tuple(int(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != 3 or min(values) < 1:
        raise SettingsError(f"{VARIABLE}={raw!r}: give three positive integers, "
                            "young,middle,old (e.g. 10000,50,1000), or leave it empty "
                            "for Python's own")
    return values[0], values[1], values[2]


def tune() -> tuple[int, int, int] | None:
    """Freeze the heap built so far (start-up's ~150k objects: a full pass over them
    stopped the loop 100-200 ms) and set the thresholds from the settings; what was set,
    or None when the setting keeps Python's own."""
    wanted = thresholds(settings().gc_thresholds)
    gc.collect()
    gc.freeze()
    if wanted is not None:
        gc.set_threshold(*wanted)
    return wanted
