"""Copy one store into another: every node and relationship, a page at a time.

`tpps migrate` (embedded -> Neo4j, or back) and backups use it. The source's `dump`
yields nodes before the relationships that name them, so each batch the target
writes is whole on its own (no dangling edge), and a second copy changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.store.base import Store


def copy(src: Store, dst: Store, batch_size: int = 10_000,
         progress: Callable[[int], None] | None = None) -> dict[str, tuple[int, int]]:
    """Write everything of `src` into `dst`; per kind, (rows in src, rows in dst) after.

    `progress` hears the rows of each batch written.
    """
    for batch in src.dump(batch_size):
        dst.write(batch)
        if progress is not None:
            progress(batch.rows())
    before, after = src.stats(), dst.stats()
    return {k: (v, after.get(k, 0)) for k, v in before.items()}
