"""Write the region tree into a store, parents before children, in batches."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Batch
from graph.store.base import Store
from loaders.regions.tree import TreeReport, region_tree

BATCH = 20_000


def load_regions(store: Store, with_desa: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> TreeReport:
    """Upsert every region; each batch is its own transaction, so a rerun resumes cleanly."""
    regions, report = region_tree(with_desa)
    order = {"national": 0, "province": 1, "kabkota": 2, "kecamatan": 3, "desa": 4}
    regions.sort(key=lambda r: (order[r.level], r.code))
    for i in range(0, len(regions), BATCH):
        part = regions[i : i + BATCH]
        store.write(Batch(regions=part))
        if progress:
            progress(i + len(part), len(regions))
    return report
