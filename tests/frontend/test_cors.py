"""CORS: browser apps on the configured origins may call the API, others may not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from graph.settings import settings
from graph.store.embedded import EmbeddedStore

APP_ORIGIN = "http://planner.example:5173"
PREFLIGHT = {"Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "content-type, authorization"}


@pytest.fixture
def cors_client(embedded: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("TPPS_CORS_ORIGINS", f"{APP_ORIGIN}, http://other.example")
    settings.cache_clear()
    yield TestClient(create_app(embedded))
    settings.cache_clear()


def test_preflight_from_a_configured_origin_is_answered(cors_client: TestClient) -> None:
    r = cors_client.options("/graphql", headers={"Origin": APP_ORIGIN, **PREFLIGHT})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == APP_ORIGIN
    assert "POST" in r.headers["access-control-allow-methods"]
    assert "authorization" in r.headers["access-control-allow-headers"].lower()


def test_a_query_from_a_configured_origin_may_be_read(cors_client: TestClient) -> None:
    r = cors_client.post("/graphql", json={"query": "{ __typename }"},
                         headers={"Origin": APP_ORIGIN})
    assert r.json()["data"] == {"__typename": "Query"}
    assert r.headers["access-control-allow-origin"] == APP_ORIGIN
    assert "x-request-id" in r.headers["access-control-expose-headers"].lower()


def test_another_origin_gets_no_permission(cors_client: TestClient) -> None:
    r = cors_client.options("/graphql", headers={"Origin": "http://evil.example", **PREFLIGHT})
    assert r.status_code == 400
    assert "access-control-allow-origin" not in r.headers
    r = cors_client.post("/graphql", json={"query": "{ __typename }"},
                         headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_without_configured_origins_no_cross_origin_headers(embedded: EmbeddedStore) -> None:
    settings.cache_clear()
    r = TestClient(create_app(embedded)).post("/graphql", json={"query": "{ __typename }"},
                                              headers={"Origin": APP_ORIGIN})
    assert r.status_code == 200
    assert "access-control-allow-origin" not in r.headers
