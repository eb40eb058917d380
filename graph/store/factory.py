"""Choose a backend from a --db value: a bolt:// or neo4j:// URI, else a file path."""

from __future__ import annotations

import os

from graph.store.base import Store

DEFAULT_DB = "data/tpps.db"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def resolve_db(db: str | None) -> str:
    return db or os.environ.get("TPPS_DB") or DEFAULT_DB


def open_store(db: str | None = None) -> Store:
    target = resolve_db(db)
    if target.startswith(NEO4J_SCHEMES):
        from graph.store.neo4j import Neo4jStore

        return Neo4jStore.from_env(target)
    from graph.store.embedded import EmbeddedStore

    return EmbeddedStore(target)
