"""The garbage collector of a served process: long-lived objects frozen, rarer passes.

A served process holds a large long-lived heap (the schema, the vocabularies, caches)
and makes many short-lived objects per request. With Python's thresholds (700, 10, 10)
the collector walks often, and a pass over the older generations stalls every request
waiting at that moment: on the national dataset, one institution's collaborators took
1.5 ms of CPU yet one request in a hundred waited 100 ms at eight clients. Freezing
what exists once the app is built (gc.freeze: the collector never scans it again) and
passing less often cut that tail (README, performance); cycles are still collected.
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
