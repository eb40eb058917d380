"""Malformed requests get one clear 400 (never a 500), bad variables a BAD_USER_INPUT
that names the variable, every error a code; logs stay small and keep secrets out."""

from __future__ import annotations

import asyncio
import json
import logging
import time

import pytest

from api.app import MAX_QUERY_CHARS
from api.http import RequestGuard, clean_request_id
from api.logs import JsonFormatter
from graph.store.base import Store
from tests.helpers import CountingStore, GraphQLClient

JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(("body", "fragment"), [
    (b'\xff\xfe{"query": "{__typename}"}', "not UTF-8"),
    (b"null", "not NoneType"),
    (b"42", "not int"),
    (b'"str"', "not str"),
    (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
    (b'{"query": "{__typename}"', "not JSON"),
    (b'{"query": 5}', "query must be a string"),
    (b'{"query": "{__typename}", "variables": [1]}', "variables must be an object"),
])
def test_a_malformed_body_is_a_400_with_one_message(client: GraphQLClient, body: bytes,
                                                    fragment: str) -> None:
    response = client.http.post("/graphql", content=body, headers=JSON)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert fragment in error["message"]
    assert error["extensions"]["code"] == "BAD_REQUEST"


VARIABLES = [
    ('query($d: Date! = "2025-02-30") { networkSummary(filter: {from: $d}) { ties } }', {},
     "$d"),
    ("query($n: Int) { institutions(first: $n) { totalCount } }", {"n": "100"}, "$n"),
    ("query($n: Int) { institutions(first: $n) { totalCount } }", {"n": 1e400}, "$n"),
    ("query($f: InstitutionFilter) { institutions(filter: $f) { totalCount } }",
     {"f": {"bogus": 1}}, "$f"),
    ("query($c: String) { institutions(after: $c) { totalCount } }", {"c": {"a": 1}}, "$c"),
    ("query($d: Date!) { meetings(filter: {from: $d}) { totalCount } }", {"d": "yesterday"},
     "$d"),
]


@pytest.mark.parametrize(("query", "variables", "name"), VARIABLES)
def test_a_bad_variable_is_bad_user_input_named_and_not_logged(
        demo_store: Store, caplog: pytest.LogCaptureFixture, query: str,
        variables: dict[str, object], name: str) -> None:
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    body = json.dumps({"query": query, "variables": variables}).replace("1e+400", "1e400")
    with caplog.at_level(logging.ERROR):
        response = client.http.post("/graphql", content=body,
                                    headers={**JSON, **client.headers})
    assert response.status_code == 200
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": name}
    assert f"'{name}'" in error["message"]
    assert "Internal error" not in error["message"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert counting.total == 0


@pytest.mark.parametrize(("query", "code"), [
    ("{ institutions(first: ) ", "GRAPHQL_PARSE_FAILED"),
    ("{ nope }", "GRAPHQL_VALIDATION_FAILED"),
    ('{ institutions(filter: {regionCode: 5}) { totalCount } }', "GRAPHQL_VALIDATION_FAILED"),
    ("{ institutions { totalCount " + "__typename " * 6000 + "} }", "GRAPHQL_PARSE_FAILED"),
])
def test_every_error_has_a_code(client: GraphQLClient, query: str, code: str) -> None:
    [error] = client.errors(query)
    assert error["extensions"]["code"] == code


@pytest.mark.parametrize("text", ["%%% ---", "😀😀", "Пуськесмас", "x" * 201])
def test_a_search_that_is_too_long_or_empty_once_normalised_is_refused(
        client: GraphQLClient, text: str) -> None:
    for field in ("institutions", "programs", "regions"):
        [error] = client.errors(f"query($q: String) {{ {field}(filter: {{nameContains: $q}}) "
                                "{ totalCount } }", {"q": text})
        assert error["extensions"] == {"code": "BAD_USER_INPUT",
                                       "argument": "filter.nameContains"}
    assert client.data('{ institutions(filter: {nameContains: "genuk"}) { totalCount } }')


def test_credentials_in_the_url_are_refused(client: GraphQLClient) -> None:
    for key in ("token", "access_token", "API_KEY"):
        response = client.http.get(f"/graphql?query={{__typename}}&{key}=s3cret")
        assert response.status_code == 400
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_request_ids_are_kept_only_when_clean() -> None:
    assert clean_request_id(b"req-42.a_b:c") == "req-42.a_b:c"
    for bad in (b"", b"a b", b'x"}{', b"line\nbreak", b"a" * 65, "é".encode()):
        made = clean_request_id(bad)
        assert made != bad.decode("latin-1") and len(made) == 32 and made.isalnum()


def test_log_lines_are_capped_and_mask_secrets() -> None:
    formatter = JsonFormatter()
    huge = logging.LogRecord("x", logging.WARNING, __file__, 1, "body %s", ("y" * 7_000_000,),
                             None)
    assert len(formatter.format(huge)) < 3_000
    secret = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s "%s %s"',
        ("127.0.0.1", "GET", "/graphql?query=x&access_token=tok123&token=tok456"), None)
    line = json.loads(formatter.format(secret))["message"]
    assert "tok123" not in line and "tok456" not in line and "[redacted]" in line
    bearer = logging.LogRecord("x", logging.INFO, __file__, 1, "Authorization: Bearer abc.def",
                               None, None)
    assert "abc.def" not in formatter.format(bearer)


def test_a_body_that_never_arrives_times_out() -> None:
    async def never(scope: object, receive: object, send: object) -> None:
        raise AssertionError("the app must not run")

    sent: list[dict[str, object]] = []

    async def scenario() -> None:
        guard = RequestGuard(never, body_seconds=0.05)  # type: ignore[arg-type]

        async def receive() -> dict[str, object]:
            await asyncio.sleep(10)
            return {}

        async def send(message: dict[str, object]) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "POST", "headers": [], "query_string": b""}
        await asyncio.wait_for(guard(scope, receive, send), 2)  # type: ignore[arg-type]

    asyncio.run(scenario())
    assert sent[0]["status"] == 408
    assert b"REQUEST_TIMEOUT" in sent[1]["body"]  # type: ignore[operator]


SEARCH = "{ institutions(filter: {nameContains: \"%s\"}) { totalCount } }"


def test_a_7_mb_search_is_refused_fast_inline_or_as_a_variable(demo_store: Store) -> None:
    """Before: the inline form was lexed for 15 s with the event loop blocked."""
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    big = "genuk " * (7_000_000 // 6)
    started = time.perf_counter()
    inline = client.http.post("/graphql", json={"query": SEARCH % big}, headers=client.headers)
    took = time.perf_counter() - started
    assert inline.status_code == 400 and took < 3
    [error] = inline.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "more than the 100,000 a query may have" in error["message"]
    started = time.perf_counter()
    [error] = client.errors("query($q: String) { institutions(filter: {nameContains: $q}) "
                            "{ totalCount } }", {"q": big})
    assert time.perf_counter() - started < 3
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "filter.nameContains"}
    assert "genuk" not in error["message"]  # the input is not echoed back
    # Just under the cap, the query is parsed and the search cap answers.
    [error] = client.errors(SEARCH % ("x" * (MAX_QUERY_CHARS - 100)))
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert counting.total == 0
