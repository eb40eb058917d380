"""`tpps serve` end to end: a real uvicorn process, JSON log lines with request ids,
tokens from the environment, and no stack trace in production logs."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from bench.server import Server
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO


def test_served_api_logs_json_with_request_ids(tmp_path: Path) -> None:
    db = str(tmp_path / "serve.db")
    store = EmbeddedStore(db)
    load_files([DEMO], "json", store)
    store.close()
    server = Server(db, {"TPPS_TOKENS": "editor:serve-token", "TPPS_DEBUG": "0"})
    try:
        query = {"query": "{ institutions { totalCount } }"}
        r = httpx.post(server.url + "/graphql", json=query, headers={"x-request-id": "req-42"})
        assert r.json()["data"]["institutions"]["totalCount"] == 36
        refused = httpx.post(server.url + "/graphql", json={
            "query": 'mutation { createInstitution(input: {name: "X", type: "KUA"}) { id } }'})
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        allowed = httpx.post(server.url + "/graphql", headers={
            "Authorization": "Bearer serve-token"}, json={
            "query": 'mutation { createInstitution(input: {name: "X", type: "KUA"}) { id } }'})
        assert "errors" not in allowed.json()
        page = httpx.get(server.url + "/graphql", headers={"accept": "text/html"})
        assert "GraphiQL" in page.text
    finally:
        log = server.stop()
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert lines and all({"time", "level", "logger", "message", "request_id"} <= set(x)
                         for x in lines)
    assert any(x["request_id"] == "req-42" and "POST /graphql" in x["message"] for x in lines)
    assert "Traceback" not in log
