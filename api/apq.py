"""Automatic persisted queries (Apollo's APQ protocol).

A client sends `extensions.persistedQuery = {version: 1, sha256Hash}` without the
query text; the server answers PERSISTED_QUERY_NOT_FOUND until the client sends the
text once with its hash. Then GET requests carry only a hash, so browsers and CDNs can
cache them. The cache is bounded (least recently used out) and per worker: a worker
that never saw a hash asks for the text, which the protocol handles.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any

MAX_ENTRIES = 2_000
MAX_QUERY_CHARS = 100_000  # the token limit refuses longer queries anyway


class PersistedQueryError(Exception):
    """An APQ request the server cannot run; carries the GraphQL error code."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code

    def as_response(self) -> dict[str, Any]:
        return {"data": None, "errors": [{"message": str(self),
                                          "extensions": {"code": self.code}}]}


def sha256_hex(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


class PersistedQueries:
    """A bounded map from sha256 hash to query text, safe across threads."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._queries: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._queries)

    def resolve(self, query: str | None, extensions: dict[str, Any] | None) -> str | None:
        """The query text to run: `query` itself, or the one stored under the hash."""
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            return query
        if not isinstance(persisted, dict) or persisted.get("version") != 1:
            raise PersistedQueryError("extensions.persistedQuery: only version 1 is supported",
                                      "PERSISTED_QUERY_VERSION_NOT_SUPPORTED")
        digest = persisted.get("sha256Hash")
        if not isinstance(digest, str) or len(digest) != 64:
            raise PersistedQueryError("extensions.persistedQuery.sha256Hash: expected 64 "
                                      "hexadecimal digits", "BAD_PERSISTED_QUERY")
        digest = digest.lower()
        if query is None:
            with self._lock:
                found = self._queries.get(digest)
                if found is not None:
                    self._queries.move_to_end(digest)
            if found is None:
                raise PersistedQueryError("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
            return found
        if sha256_hex(query) != digest:
            raise PersistedQueryError("extensions.persistedQuery.sha256Hash does not match "
                                      "the sha256 of the query text", "BAD_PERSISTED_QUERY")
        if len(query) <= MAX_QUERY_CHARS:
            with self._lock:
                self._queries[digest] = query
                self._queries.move_to_end(digest)
                while len(self._queries) > self.max_entries:
                    self._queries.popitem(last=False)
        return query
