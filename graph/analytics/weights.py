"""Newman's collaboration weight, defined once.

A meeting of n attendees adds 1/(n-1) to the tie of each pair who attended it, so that
a ten-institution working meeting binds more than a plenary of 260 (Newman 2001,
Phys. Rev. E 64, 016132). A meeting of one binds nobody.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def newman(attendees: int) -> float:
    """>>> newman(2), newman(4), newman(1)
    (1.0, 0.3333333333333333, 0.0)
    """
    return 1.0 / (attendees - 1) if attendees > 1 else 0.0


def newman_array(attendees: Any) -> Any:
    """The weight of each meeting, for an array of meeting sizes."""
    n = np.asarray(attendees, dtype=np.float64)
    out = np.zeros_like(n)
    np.divide(1.0, n - 1.0, out=out, where=n > 1)
    return out
