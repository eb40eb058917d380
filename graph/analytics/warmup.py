"""The compiled kernels' machine code, loaded once in the analytics fork server.

numba keeps each kernel's code in its on-disk cache (`cache=True`), but a process reads
it at the kernel's first call: 0.1-0.7 s per kernel in every fresh worker, paid again by
every cold measure since workers are replaced. The fork server (jobs.PRELOAD) imports
this module, which runs each kernel once on a three-institution network made the way a
real one is (the same array types, so the same compiled variant), before it forks any
worker: workers then start with the code in memory.

The parallel kernel (structural_holes, BROKERS) is left out: running it would start
numba's thread pool in the fork server, and a pool does not survive a fork.
"""

from __future__ import annotations

import logging
from datetime import date

log = logging.getLogger("tpps.analytics")


SERIAL = ("pair_weights", "brandes", "closeness_sums", "distance_sums", "triangles")


def warm() -> list[str]:
    """Run every serial kernel once; the names of those now loaded. A failure is logged,
    never raised: a worker without warm code still computes, only slower."""
    from graph.analytics import kernels

    try:
        from graph.analytics import centrality, summary
        from graph.analytics.projection import project
        from graph.store.base import AttendanceRow

        rows = [AttendanceRow(i, i, "PUSKESMAS", "11", m, date(2025, 1, 1))
                for m, people in (("m1", "abc"), ("m2", "ab")) for i in people]
        p = project(rows)  # kernels.pair_weights
        net = p.network
        centrality.sampled_betweenness_values(net, 2, centrality.SEED)  # brandes
        centrality.closeness(net)  # closeness_sums
        summary._sparse_summary(net, p.meetings)  # distance_sums, triangles
    except Exception as exc:  # noqa: BLE001 - a warm-up must never stop the fork server
        log.warning("analytics kernels not warmed: %s", exc)
        return []
    return [name for name in SERIAL if getattr(kernels, name).signatures]


WARMED = warm()
