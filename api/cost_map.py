"""What each field costs, as data (after Saleor's query_cost_map).

A field's cost is its own weight plus, for a list, its children's cost times how
many items it may return: the value of its `first` argument (or the default
given here), or a fixed bound for short lists such as a meeting's attendees.
"""

from __future__ import annotations

# type -> field -> (weight, multiplier): multiplier is "first" (the argument, with
# the default below) or a number of items expected at most.
FIRST_DEFAULT = 20
COST_MAP: dict[str, dict[str, tuple[int, int | str]]] = {
    "Query": {
        "institutions": (1, "first"), "meetings": (1, "first"), "programs": (1, "first"),
        "regions": (1, "first"), "measurements": (1, "first"), "centrality": (10, "first"),
        "communities": (20, 50), "brokers": (20, "first"), "collaborationPath": (10, 10),
        "egoNetwork": (20, 200), "network": (50, 1000), "networkSummary": (20, 1),
        "convergenceGaps": (20, "first"),
    },
    "Institution": {"meetings": (1, "first"), "collaborators": (2, "first"),
                    "programs": (1, 10), "sources": (1, 5), "centrality": (10, 1)},
    "Meeting": {"attendees": (1, 30), "programs": (1, 10), "sources": (1, 5)},
    "Program": {"meetings": (1, "first"), "owners": (1, 10), "regions": (1, 20),
                "sources": (1, 5)},
    "Region": {"children": (1, 50), "measurements": (1, 20)},
    "Community": {"members": (1, "first")},
    "ConvergenceGaps": {"pairGaps": (1, 100), "missingTypes": (1, 10)},
    "Network": {"nodes": (1, 1000), "edges": (1, 5000)},
}
MAX_COST = 50_000
