"""Test helpers: a GraphQL client over the ASGI app, and a store that counts calls."""

from __future__ import annotations

from collections import Counter
from typing import Any

from starlette.testclient import TestClient

from api.app import create_app
from api.auth import Access, digest
from graph.store.base import Page, Store


class CountingStore:
    """Wraps a store and counts every call the API makes to it."""

    def __init__(self, inner: Store) -> None:
        self._inner = inner
        self.calls: Counter[str] = Counter()
        self.rows: Counter[str] = Counter()  # rows each method returned, summed over calls

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if not callable(attr):
            return attr

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            result = attr(*args, **kwargs)
            self.rows[name] += _rows(result)
            return result

        async def counted_async(read: str, *args: Any) -> Any:
            # A read on the store's async driver counts as the read it is.
            self.calls[read] += 1
            result = await attr(read, *args)
            self.rows[read] += _rows(result)
            return result

        counted.__wrapped__ = attr  # type: ignore[attr-defined]  # counts, answers the same
        return counted_async if name == "aread" else counted

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    def reset(self) -> None:
        self.calls.clear()
        self.rows.clear()


def _rows(result: Any) -> int:
    """How many rows a store call returned: items of a page, entries of lists and maps."""
    if isinstance(result, Page):
        return len(result.items)
    if isinstance(result, dict):
        return sum(_rows(v) if isinstance(v, Page | list) else 1 for v in result.values())
    if isinstance(result, list):
        return len(result)
    return 1


EDITOR_TOKEN = "test-editor-token"
TEST_ACCESS = Access({digest(EDITOR_TOKEN): ("editor", "tests")})


class GraphQLClient:
    """Posts GraphQL to the app; by default as an editor (mutations allowed)."""

    def __init__(self, store: Store, debug: bool = False, access: Access | None = None,
                 token: str | None = EDITOR_TOKEN) -> None:
        self.http = TestClient(create_app(store, debug=debug, access=access or TEST_ACCESS))
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                  headers=self.headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = self.post(query, variables)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]
        return result

    def errors(self, query: str, variables: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        body = self.post(query, variables)
        assert body.get("errors"), body
        errs: list[dict[str, Any]] = body["errors"]
        return errs
