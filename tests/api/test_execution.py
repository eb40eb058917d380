"""The executor's short paths (api/execution.py) answer exactly what graphql-core's general
path answers, errors included, and are the paths taken."""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types import Info

import api.app
from api.execution import Executor, _plan
from api.schema import build_schema
from graph.store.base import Store
from tests.helpers import GraphQLClient


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.interface
class Named:
    name: str


@strawberry.type
class Item(Named):
    note: str | None
    count: int
    day: date | None
    colour: Colour
    partner: Item | None = None  # a plain attribute of an object type
    parent_name: strawberry.Private[str | None] = None

    @strawberry.field
    def label(self) -> str:
        return f"{self.name}:{self.count}"

    @strawberry.field
    def empty_label(self) -> str:
        return None  # type: ignore[return-value]

    @strawberry.field
    def bad_count(self) -> int:
        return "many"  # type: ignore[return-value]

    @strawberry.field
    def big_count(self) -> int:
        return 2**40  # over GraphQL's Int: the scalar refuses it

    @strawberry.field
    def shade(self) -> Colour:
        return self.colour

    @strawberry.field
    async def later_count(self) -> int:
        await asyncio.sleep(0)
        return self.count + 1

    @strawberry.field
    def boom(self) -> str:
        raise ValueError(f"boom at {self.name}")

    @strawberry.field
    def maybe_boom(self) -> str | None:
        raise ValueError(f"maybe boom at {self.name}")

    @strawberry.field
    def child(self, info: Info) -> Item | None:
        assert info.field_name == "child"  # info reaches a resolver on the short path
        return None if self.count > 2 else item(self.count + 1)

    @strawberry.field
    def seen(self, info: Info) -> str | None:
        SEEN.append(info)
        if self.count == 1:
            raise ValueError("seen fails on item1")
        return info.field_name

    @strawberry.field
    def broken_child(self) -> Item:
        return Item(name=None, note=None, count=0, day=None, colour=Colour.RED)  # type: ignore[arg-type]

    @strawberry.field
    def children(self, n: int = 2, prefix: str = "c") -> list[Item]:
        return [item(i, f"{prefix}{i}") for i in range(n)]

    @strawberry.field
    def nullable_children(self) -> list[Item | None]:
        return [item(0), None, item(1)]

    @strawberry.field
    def broken_children(self) -> list[Item]:
        return [item(0), Item(name=None, note="x", count=1, day=None,  # type: ignore[arg-type]
                              colour=Colour.BLUE)]

    @strawberry.field
    async def later(self) -> Item:
        await asyncio.sleep(0)
        return item(self.count + 10)

    @strawberry.field
    def when(self, after: date | None = None) -> date | None:
        return after


SEEN: list[Info] = []  # the Info each call of Item.seen was handed


def item(i: int, name: str | None = None) -> Item:
    # item 1's partner is broken (a null name), item 2's is item 0, the rest have none
    partner = (Item(name=None, note="p", count=9, day=None, colour=Colour.RED)  # type: ignore[arg-type]
               if i == 1 else item(0) if i == 2 else None)
    return Item(name=name or f"item{i}", note=None if i % 2 else f"note{i}", count=i,
                day=date(2025, 1, 1 + i), colour=Colour.RED if i % 2 else Colour.BLUE,
                partner=partner)


@strawberry.type
class Query:
    @strawberry.field
    def items(self, n: int = 3) -> list[Item]:
        return [item(i) for i in range(n)]

    @strawberry.field
    def one(self) -> Item:
        return item(1)

    @strawberry.field
    def broken(self) -> Item | None:
        # a non-null leaf (name) is null: the error nulls the nearest nullable parent
        return Item(name=None, note=None, count=0, day=None, colour=Colour.RED)  # type: ignore[arg-type]

    @strawberry.field
    def named(self) -> list[Named]:
        return [item(0), item(1)]


def schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    return (strawberry.Schema(Query, execution_context_class=Executor),
            strawberry.Schema(Query))


QUERIES = [
    "{ items { name note count day colour __typename } }",
    "{ items { n: name n2: name name count: count } }",
    "{ items { ...F } one { ...F } } fragment F on Item { name label day }",
    "{ items { ... on Item { name } ... on Named { name } note } }",
    "{ named { name __typename ... on Item { count colour } } }",
    "{ broken { note name } one { name } }",
    "{ items { name boom } }",
    "{ items { name partner { name count partner { name } } } }",
    "{ items { partner { note } } one { partner { ... on Item { note } } } }",
    "{ items { name emptyLabel } }",
    "{ one { badCount } items { name } }",
    "{ items { bigCount name } }",
    "{ items { shade laterCount label } }",
    "{ items { name maybeBoom } }",
    "{ one { child { name child { name child { name child { name } } } } } }",
    "{ one { name brokenChild { name } } }",
    "{ one { children(n: 3, prefix: \"p\") { name } other: children { name note } } }",
    "{ one { nullableChildren { name } } }",
    "{ one { brokenChildren { name note } } }",
    "{ items(n: 2) { name later { name later { name count } } } }",
    "{ items { name @include(if: false) note @skip(if: true) count } }",
    "{ one { when(after: \"2025-03-04\") whenNone: when } }",
    "query($n: Int!, $p: String!) { one { children(n: $n, prefix: $p) { name } } }",
    "{ one { __typename name { x } } }",  # invalid: validation errors alike
]


def _plain(result: Any) -> dict[str, Any]:
    return {"data": result.data,
            "errors": [e.formatted for e in result.errors or []]}


@pytest.mark.parametrize("subtrees", [True, False])
@pytest.mark.parametrize("query", QUERIES)
def test_short_paths_answer_as_the_general_path(query: str, subtrees: bool,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Executor, "SUBTREES", subtrees)  # api/subtree.py on and off
    short, general = schemas()
    variables = {"n": 2, "p": "v"}
    got = _plain(asyncio.run(short.execute(query, variable_values=variables)))
    want = _plain(asyncio.run(general.execute(query, variable_values=variables)))
    assert got == want
    assert got["data"] is not None or got["errors"]


def test_errors_on_non_null_fields_propagate_to_the_nullable_parent() -> None:
    short, _ = schemas()
    result = asyncio.run(short.execute("{ broken { note name } one { name } }"))
    assert result.data == {"broken": None, "one": {"name": "item1"}}
    [error] = result.errors or []
    assert error.path == ["broken", "name"]
    assert "Cannot return null for non-nullable field Item.name" in error.message
    result = asyncio.run(short.execute("{ one { brokenChildren { name note } } }"))
    assert result.data is None  # [Item!]! and one: Item! up to the root
    assert [e.path for e in result.errors or []] == [["one", "brokenChildren", 1, "name"]]


@pytest.fixture
def general_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Names of the fields that went graphql-core's general way (its execute_field)."""
    calls: list[str] = []
    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_field",
                        _spying(calls))
    yield calls


_GENERAL_EXECUTE_FIELD = StrawberryGraphQLCoreExecutionContext.execute_field


def _spying(calls: list[str]) -> Any:
    def spy(self: Any, parent_type: Any, source: Any, details: Any, *rest: Any) -> Any:
        calls.append(f"{parent_type.name}.{details[0].node.name.value}")
        return _GENERAL_EXECUTE_FIELD(self, parent_type, source, details, *rest)

    return spy


def test_the_short_paths_are_taken(general_calls: list[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    short, general = schemas()
    query = "{ items { name note count day label child { name } children(n: 1) { name } } }"
    reached: list[str] = []
    own = Executor._run_plan

    def spy(self: Any, plan: Any, parent_type: Any, source: Any, details: Any, *rest: Any
            ) -> Any:
        reached.append(f"{parent_type.name}.{details[0].node.name.value}")
        return own(self, plan, parent_type, source, details, *rest)

    monkeypatch.setattr(Executor, "_run_plan", spy)
    monkeypatch.setattr(Executor, "SUBTREES", False)  # each field on its own (test below)
    result = asyncio.run(short.execute(query))
    assert not result.errors
    assert general_calls == []  # every field here has a short path
    # Plain leaves are answered in execute_fields; resolvers are called by _run_plan.
    assert {"Item.name", "Item.note", "Item.count", "Item.day"}.isdisjoint(reached)
    assert {"Query.items", "Item.label", "Item.child", "Item.children"} <= set(reached)
    partner = short._schema.get_type("Item").fields["partner"]  # type: ignore[union-attr]
    assert _plan(short._schema, partner).attr == "partner"  # completed without an info
    monkeypatch.undo()
    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_field",
                        _spying(general_calls))
    general_calls.clear()
    asyncio.run(general.execute(query))
    assert "Item.name" in general_calls and "Item.label" in general_calls


def test_rows_of_a_field_share_one_info_and_keep_their_own_error_paths(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's rows are handed one Info per field node (made once, not per row); an
    error still names its own row, and another node or request gets its own Info."""
    # each row once: a subtree's bail (api/subtree.py) calls the rows before it again
    monkeypatch.setattr(Executor, "SUBTREES", False)
    short, general = schemas()
    query = "{ items(n: 4) { name seen } other: items(n: 2) { seen } }"
    SEEN.clear()
    got = asyncio.run(short.execute(query))
    assert len(SEEN) == 6
    assert all(i is SEEN[0] for i in SEEN[:4]) and SEEN[4] is SEEN[5]
    assert SEEN[4] is not SEEN[0]
    assert [e.path for e in got.errors or []] == [["items", 1, "seen"], ["other", 1, "seen"]]
    assert _plain(got) == _plain(asyncio.run(general.execute(query)))
    SEEN.clear()
    asyncio.run(short.execute(query))
    assert SEEN[0] is not SEEN[4] and len({id(i) for i in SEEN}) == 2


def test_a_failing_leaf_takes_the_general_path_and_reports_alike(
        general_calls: list[str]) -> None:
    short, _ = schemas()
    result = asyncio.run(short.execute("{ broken { name } }"))
    assert "Item.name" in general_calls  # None for String!: the general path says why
    assert result.errors and result.errors[0].path == ["broken", "name"]


def test_the_api_answers_alike_on_both_paths(embedded: Store, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    from loaders.files import load_files
    from tests.conftest import DEMO

    load_files([DEMO], "json", embedded)
    queries = [
        "{ institutions(first: 100) { totalCount edges { cursor node { id name type "
        "sector region { name parent { code } } meetings(first: 0) { totalCount } } } } }",
        "{ meetings(first: 20) { edges { node { title date attendees { roles institution "
        "{ name region { name } } } } } pageInfo { hasNextPage endCursor } } }",
        "{ institutions(first: 5) { edges { node { name collaborators(first: 3) "
        "{ sharedMeetings weight institution { name } } } } } }",
        "{ institutions(first: 101) { totalCount } }",  # a bad argument: same error
        '{ node(id: "nope") { id } }',
    ]
    answers: dict[bool, list[dict[str, Any]]] = {}
    for short in (True, False):
        monkeypatch.setattr(api.app, "build_schema",
                            lambda debug=False, s=short: build_schema(debug, short_paths=s))
        client = GraphQLClient(embedded)
        answers[short] = [client.post(q) for q in queries]
    assert answers[True] == answers[False]
    assert answers[True][0]["data"]["institutions"]["totalCount"] > 0


def test_a_page_encodes_only_the_cursors_it_shows(embedded: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import api.pagination
    from loaders.files import load_files
    from tests.conftest import DEMO

    load_files([DEMO], "json", embedded)
    client = GraphQLClient(embedded)
    encoded: list[str] = []
    real = api.pagination.encode_cursor

    def counting(order: str, key: Any) -> str:
        encoded.append(order)
        return real(order, key)

    monkeypatch.setattr(api.pagination, "encode_cursor", counting)
    data = client.data("{ institutions(first: 10) { edges { node { name } } } }")
    assert len(data["institutions"]["edges"]) == 10
    assert len(encoded) == 2  # pageInfo's start and end, not one per row
    encoded.clear()
    data = client.data("{ institutions(first: 10) { edges { cursor } pageInfo { endCursor } } }")
    assert len(encoded) == 2 + 10
    assert data["institutions"]["edges"][-1]["cursor"] == data["institutions"]["pageInfo"][
        "endCursor"]


def test_loading_is_awaitable_agrees_with_inspect() -> None:
    import inspect
    import types

    from api.loading import is_awaitable

    async def coro() -> int:
        return 1

    @types.coroutine
    def old_style() -> Iterator[None]:
        yield

    def plain_generator() -> Iterator[int]:
        yield 1

    class Awaits:
        def __await__(self) -> Iterator[None]:
            yield

    loop = asyncio.new_event_loop()
    c = coro()
    values = [item(1), None, 1, "x", [1], {"a": 1}, c, loop.create_future(), Awaits(),
              old_style(), plain_generator(), asyncio.sleep(0)]
    assert [is_awaitable(v) for v in values] == [inspect.isawaitable(v) for v in values]
    for v in values:
        if inspect.iscoroutine(v):
            v.close()
    loop.close()


def test_primary_role_ranks_roles_and_keeps_unknown_and_empty() -> None:
    from graph.model import primary_role

    assert primary_role(("participant",)) == "participant"
    assert primary_role(("guest",)) == "guest"  # one role, even unknown: that role
    assert primary_role(()) == "participant"
    assert primary_role(("participant", "presenter", "chair")) == "chair"
    assert primary_role(["guest", "organiser"]) == "organiser"
    assert primary_role(("guest", "visitor")) == "guest"  # unknown ones keep their order


def test_load_now_answers_a_finished_load_and_defers_the_rest() -> None:
    from strawberry.dataloader import DataLoader

    from api.loading import is_awaitable, load_now

    async def go() -> None:
        async def fetch(keys: list[str]) -> list[Any]:
            return [ValueError(k) if k == "bad" else k.upper() for k in keys]

        loader: DataLoader[str, str] = DataLoader(load_fn=fetch)
        pending = load_now(loader, "a")
        assert is_awaitable(pending) and await pending == "A"
        assert load_now(loader, "a") == "A"  # finished: the value itself
        with pytest.raises(ValueError):
            await loader.load("bad")
        failed = load_now(loader, "bad")  # a failed load is awaited, and raises again
        assert is_awaitable(failed)
        with pytest.raises(ValueError):
            await failed

    asyncio.run(go())
