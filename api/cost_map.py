"""What each field costs, as data (after Saleor's query_cost_map).

A field's cost is its own weight plus, for a list, its children's cost times how
many items it may return: the value of its `first` argument (as the request gives
it, or the schema's default), or a fixed bound for short lists such as a meeting's
attendees. Connection `edges` are bounded by the `first` of their connection.

Analytics fields also pay for the graph they read: one point per
ANALYTICS_UNITS_PER_POINT attendance rows plus co-attendance pairs in scope
(counted by the store before anything is read), once per filter per request.
"""

from __future__ import annotations

# type -> field -> (weight, multiplier): multiplier is "first" (the argument) or a
# number of items expected at most.
COST_MAP: dict[str, dict[str, tuple[int, int | str]]] = {
    "Query": {
        "institutions": (1, "first"), "meetings": (1, "first"), "programs": (1, "first"),
        "regions": (1, "first"), "measurements": (1, "first"), "centrality": (10, "first"),
        "communities": (20, 50), "brokers": (20, "first"), "collaborationPath": (10, 10),
        "egoNetwork": (20, 1), "network": (50, 1), "networkSummary": (20, 1),
        "convergenceGaps": (20, 1),
    },
    "Institution": {"meetings": (1, "first"), "collaborators": (2, "first"),
                    "programs": (1, 10), "sources": (1, 5), "centrality": (10, 1)},
    "Attendee": {"sources": (1, 5)},
    "Meeting": {"attendees": (1, 30), "programs": (1, 10), "sources": (1, 5)},
    "Program": {"meetings": (1, "first"), "owners": (1, 10), "regions": (1, 20),
                "sources": (1, 5)},
    "Region": {"children": (1, 50), "measurements": (1, 20), "sources": (1, 5)},
    "Measurement": {"sources": (1, 5)},
    "Community": {"members": (1, "first")},
    "ConvergenceGaps": {"pairGaps": (1, 100), "missingTypes": (1, 10)},
    "Network": {"nodes": (1, 1000), "edges": (1, 5000)},
    "NetworkSummary": {"meetingsPerMonth": (1, 60)},
}

# The largest `first` each field accepts (every `first` in the schema is capped).
FIRST_MAX_DEFAULT = 100
FIRST_MAX: dict[tuple[str, str], int] = {}

# Fields that compute on a projection of the stored graph, and how they name its scope:
# "filter" (a NetworkFilter argument) or "region" (regionCode, from, to arguments).
ANALYTICS: dict[tuple[str, str], str] = {
    ("Query", "centrality"): "filter", ("Query", "communities"): "filter",
    ("Query", "brokers"): "filter", ("Query", "collaborationPath"): "filter",
    ("Query", "egoNetwork"): "filter", ("Query", "network"): "filter",
    ("Query", "networkSummary"): "filter", ("Query", "convergenceGaps"): "region",
    ("Institution", "centrality"): "filter",
}
# A request may analyse about twice the whole country (3.45M rows + 18.9M pairs = 22k
# points against MAX_COST): the worker pool, the time budget and BUSY bound the rest.
ANALYTICS_UNITS_PER_POINT = 1000

# Bytes an analysis holds per attendance row and per co-attendance pair, for the
# TOO_LARGE estimate. Measured on the sparse path every measure takes (projection.py):
# the whole national dataset (3.45M rows, 18.9M pairs) peaked 270-760 MB above a
# process's start, communities highest (one process per measure, its ru_maxrss; through
# the API: bench/national_api.py); 100 and 40 give 1.1 GB, above every measure's peak.
# The old NetworkX figures (300 and 600 bytes) refused the whole country at 11 GB.
# A NetworkX graph (communities below engines.IGRAPH_THRESHOLD nodes) holds more per
# tie, but is small by that bound, and the worker's RLIMIT_AS answers OutOfMemory
# should an estimate fall short.
BYTES_PER_ROW = 100
BYTES_PER_PAIR = 40

MAX_COST = 50_000
