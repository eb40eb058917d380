"""Newman's collaboration weight, defined once for the projection and both stores.

M. E. J. Newman, "Scientific collaboration networks. II. Shortest paths, weighted
networks, and centrality", Phys. Rev. E 64, 016132 (2001): a meeting of n attendees
adds 1/(n - 1) to the tie of every pair among them, so a ten-person working meeting
binds more than a 260-person plenary.

The Python function serves the in-memory projection; `newman_expression` gives the
same formula as query text for the stores' collaborator queries (SQL and Cypher spell
it alike), so the three cannot drift apart. A meeting of one adds nothing (no pair).
"""

from __future__ import annotations


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
