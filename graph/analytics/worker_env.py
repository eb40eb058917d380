"""Imported first by the analytics fork server (graph/analytics/jobs.py), never by the
API process: numerical libraries read these when they load, and a worker under a
memory ceiling must not reserve a thread pool (and its stacks) per core."""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
              "NUMBA_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
