"""Imported first by the analytics fork server (graph/analytics/jobs.py), never by the
API process: numerical libraries read these when they load, and a worker under a
memory ceiling must not reserve a thread pool (and its stacks) per core."""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
# numba's pool serves one kernel only (kernels.structural_holes, BROKERS): two threads
# halve the national network's 5 s of it, and cost one more stack, not one per core.
os.environ.setdefault("NUMBA_NUM_THREADS", str(min(2, os.cpu_count() or 1)))
