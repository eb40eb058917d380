"""A community's label value (sector, region): Counter.most_common over its members in
id order, computed over the (community, value) cells that occur."""

from __future__ import annotations

from collections import Counter

import numpy as np

from graph.analytics.communities import _most_common
from graph.analytics.projection import coded


def test_most_common_is_counter_most_common_over_members_in_id_order() -> None:
    rng = np.random.default_rng(1)
    for _ in range(300):
        n, parts = int(rng.integers(1, 60)), int(rng.integers(1, 8))
        part, rank = rng.integers(0, parts, n), rng.permutation(n)
        pool = [None, "a", "b", "c", "d"][: int(rng.integers(1, 6))]
        values = [pool[int(x)] for x in rng.integers(0, len(pool), n)]
        expected = []
        for c in range(parts):
            members = sorted((i for i in range(n) if part[i] == c), key=lambda i: rank[i])
            held = Counter(values[i] for i in members if values[i] is not None)
            expected.append(held.most_common(1)[0][0] if held else None)
        assert _most_common(part, rank, coded(values), parts) == expected
