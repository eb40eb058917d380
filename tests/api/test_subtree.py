"""Subtrees completed in one pass (api/subtree.py): taken where nothing can differ, left
after one failed attempt per shape, never for a mutation, never leaving a coroutine."""

from __future__ import annotations

import asyncio
import gc
import warnings
from typing import Any

import pytest
import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

import api.execution
from api.execution import Executor
from tests.api.test_execution import QUERIES, Item, Query, _plain, item, schemas


def _spy(monkeypatch: pytest.MonkeyPatch, target: Any, name: str) -> list[str]:
    """Record each call of target.name as 'Type.field' (or the shape's first key)."""
    calls: list[str] = []
    own = getattr(target, name)

    if name == "complete":
        def spy_complete(shape: Any, source: Any) -> Any:
            calls.append(f"{type(source).__name__}:{shape.fields[0][0]}")
            return own(shape, source)
        monkeypatch.setattr(target, name, spy_complete)
    else:
        def spy(self: Any, *args: Any) -> Any:
            parent_type, details = (args[1], args[3]) if name == "_run_plan" else (
                args[0], args[2])
            calls.append(f"{parent_type.name}.{details[0].node.name.value}")
            return own(self, *args)
        monkeypatch.setattr(target, name, spy)
    return calls


def test_a_plain_subtree_is_completed_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    short, general = schemas()
    query = ("{ items(n: 4) { name note count day label partner { note } child { name } "
             "children(n: 2) { name } } }")
    attempts = _spy(monkeypatch, api.execution, "complete")
    planned = _spy(monkeypatch, Executor, "_run_plan")
    generic = _spy(monkeypatch, StrawberryGraphQLCoreExecutionContext, "execute_field")
    got = asyncio.run(short.execute(query))
    assert not got.errors
    # one pass per row of the root list, nothing below it field by field
    assert attempts == ["Item:name"] * 4
    assert planned == ["Query.items"] and generic == []
    monkeypatch.undo()
    assert _plain(got) == _plain(asyncio.run(general.execute(query)))


def test_a_shape_that_bails_is_not_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    short, general = schemas()
    # an async resolver under every row: the first row's attempt bails, the rest go the
    # general way at once; the attempt's coroutine is closed, never left unawaited
    query = "{ items(n: 5) { name later { name count } } }"
    attempts = _spy(monkeypatch, api.execution, "complete")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = asyncio.run(short.execute(query))
        gc.collect()
    assert not [w for w in caught if "never awaited" in str(w.message)]
    assert attempts.count("Item:name") == 1
    monkeypatch.undo()
    assert _plain(got) == _plain(asyncio.run(general.execute(query)))


@pytest.mark.parametrize("query", [
    "{ items { name boom } }",              # a resolver raises on every row
    "{ one { brokenChildren { name } } }",  # null for a non-null leaf in the second item
    "{ items { shade name } }",             # an enum: the general path serialises it
])
def test_what_bails_is_reported_by_the_general_path(query: str) -> None:
    short, general = schemas()
    got, want = (_plain(asyncio.run(s.execute(query))) for s in (short, general))
    assert got == want


CALLS: list[int] = []


@strawberry.type
class Mutation:
    @strawberry.mutation
    def touch(self) -> Item:
        return item(len(CALLS))


def test_a_mutation_never_takes_the_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    schema = strawberry.Schema(Query, mutation=Mutation, execution_context_class=Executor)
    attempts = _spy(monkeypatch, api.execution, "complete")
    got = asyncio.run(schema.execute("mutation { touch { name label children { name } } }"))
    assert not got.errors and got.data is not None
    assert attempts == []
    got = asyncio.run(schema.execute("{ one { name label } }"))
    assert attempts == ["Item:name"]


@pytest.mark.parametrize("query", QUERIES)
def test_answers_alike_with_and_without_the_one_pass(query: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    short, _ = schemas()
    variables = {"n": 2, "p": "v"}
    on = _plain(asyncio.run(short.execute(query, variable_values=variables)))
    monkeypatch.setattr(Executor, "SUBTREES", False)
    off = _plain(asyncio.run(short.execute(query, variable_values=variables)))
    assert on == off
