"""Choose a backend from a --db value: a bolt:// or neo4j:// URI, else a file path."""

from __future__ import annotations

from graph.settings import settings
from graph.store.base import Store

DEFAULT_DB = "data/tpps.db"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def resolve_db(db: str | None) -> str:
    return db or settings().db or DEFAULT_DB


def open_store(db: str | None = None) -> Store:
    """The store named by `db`, behind a FaultBoundary (known faults become StoreFault)."""
    from graph.store.faults import guard, translate

    target = resolve_db(db)
    try:
        if target.startswith(NEO4J_SCHEMES):
            from graph.store.neo4j import Neo4jStore

            return guard(Neo4jStore.from_env(target), target)  # type: ignore[no-any-return]
        from graph.store.embedded import EmbeddedStore

        return guard(EmbeddedStore(target), target)  # type: ignore[no-any-return]
    except Exception as exc:
        fault = translate(exc, target)
        if fault is None or fault is exc:
            raise
        raise fault from exc
