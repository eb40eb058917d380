"""Newman's collaboration weight, defined once for the projection and both stores.

M. E. J. Newman, "Scientific collaboration networks. II. Shortest paths, weighted
networks, and centrality", Phys. Rev. E 64, 016132 (2001): a meeting of n attendees
adds 1/(n - 1) to the tie of every pair among them, so a ten-person working meeting
binds more than a 260-person plenary.

The Python functions serve the projection (`newman_array` the sparse one);
`newman_expression` gives the same formula as query text for the stores' collaborator
queries (SQL and Cypher spell it alike), so they cannot drift apart. A meeting of one
adds nothing (no pair).
"""

from __future__ import annotations

from typing import Any

import numpy as np


def newman_weight(attendees: int) -> float:
    """What one shared meeting of `attendees` adds to a tie.

    >>> newman_weight(2), newman_weight(3), round(newman_weight(11), 3)
    (1.0, 0.5, 0.1)
    """
    if attendees < 2:
        raise ValueError(f"a meeting of {attendees} attendee(s) ties no pair")
    return 1.0 / (attendees - 1)


def newman_expression(attendees: str) -> str:
    """The formula as SQL/Cypher over an expression holding the attendee count (>= 2).

    >>> newman_expression("s.n")
    '1.0 / (s.n - 1)'
    """
    return f"1.0 / ({attendees} - 1)"


def newman_array(attendees: Any) -> Any:
    """`newman_weight` of each meeting, for an array of meeting sizes (0 where < 2).

    >>> newman_array([2, 3, 1]).tolist()
    [1.0, 0.5, 0.0]
    """
    n = np.asarray(attendees, dtype=np.float64)
    out = np.zeros_like(n)
    np.divide(1.0, n - 1.0, out=out, where=n > 1)
    return out
