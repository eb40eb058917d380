"""A cache of whole answers to identical reads, dropped by any write to the store.

An entry is keyed by what the read asks (query text, operation, variables, the
caller's role) and remembers the graph version it was read at; the store bumps that
version in the same transaction as every write (any process, any worker), so an
entry read before a write is never served after it. The version is read once per
request, before executing, so a write racing an execution leaves a stale tag and
the next request reads afresh. Mutations, answers with errors and persisted-query
requests without a text are never cached. Off unless TPPS_RESPONSE_CACHE=1.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import Any

import orjson
from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from strawberry.types import ExecutionResult

Key = tuple[str, str | None, bytes, str | None]


@lru_cache(maxsize=1024)
def is_read(query: str) -> bool:
    """Every operation in the document is a query (a bad document is no read)."""
    try:
        document = parse(query)
    except GraphQLError:
        return False
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return bool(ops) and all(op.operation == OperationType.QUERY for op in ops)


def key(query: str, operation_name: str | None, variables: dict[str, Any] | None,
        role: str | None) -> Key:
    return (query, operation_name, orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS),
            role)


class ResponseCache:
    """A bounded LRU of (version, result). One per schema, used from one event loop."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._entries: OrderedDict[Key, tuple[int, ExecutionResult]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, k: Key, version: int) -> ExecutionResult | None:
        found = self._entries.get(k)
        if found is None or found[0] != version:
            self.misses += 1
            return None
        self._entries.move_to_end(k)
        self.hits += 1
        return found[1]

    def put(self, k: Key, version: int, result: ExecutionResult) -> None:
        if result.errors:
            return
        self._entries[k] = (version, result)
        self._entries.move_to_end(k)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
