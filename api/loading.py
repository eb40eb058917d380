"""DataLoader shapes shared by every domain: by id, and by parent with arguments."""

from __future__ import annotations

import asyncio
import inspect
from collections import defaultdict
from collections.abc import Callable, Sequence
from types import GeneratorType
from typing import Any

from strawberry.dataloader import DataLoader

from api.context import Context


def by_key(fetch: Callable[[Context], Callable[[list[Any]], dict[Any, Any]]],
           default: Callable[[], Any] = lambda: None) -> Callable[[Context], DataLoader[Any, Any]]:
    """A loader factory: keys -> one store call -> value per key (default if absent)."""

    def factory(context: Context) -> DataLoader[Any, Any]:
        async def load(keys: Sequence[Any]) -> list[Any]:
            found = await context.read(fetch(context), list(keys))
            return [found[k] if k in found else default() for k in keys]

        return DataLoader(load_fn=load)

    return factory


def by_parent(fetch: Callable[[Context], Callable[..., dict[Any, Any]]],
              default: Callable[[], Any]) -> Callable[[Context], DataLoader[Any, Any]]:
    """Keys are (parent id, *args); one store call per distinct args, all parents at once."""

    def factory(context: Context) -> DataLoader[Any, Any]:
        async def load(keys: Sequence[tuple[Any, ...]]) -> list[Any]:
            groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
            for key in keys:
                groups[tuple(key[1:])].append(key[0])
            results: dict[tuple[Any, ...], Any] = {}
            for args, parents in groups.items():
                found = await context.read(fetch(context), parents, *args)
                for p in parents:
                    results[(p, *args)] = found.get(p, default())
            return [results[k] for k in keys]

        return DataLoader(load_fn=load)

    return factory


Deferred = Any
"""A resolver's answer: the value itself, or an awaitable of it. graphql-core awaits
whichever it gets, so a field whose value the request already holds (a primed or
finished load) is answered without a coroutine, a task and a wake-up per row."""


def load_now(loader: DataLoader[Any, Any], key: Any) -> Deferred:
    """The loaded value if the request already has it, else the load to await."""
    future = loader.cache_map.get(key)
    if future is not None and future.done():
        try:
            return future.result()  # one call, not done/cancelled/exception/result a row
        except (Exception, asyncio.CancelledError):
            pass  # a failed load: awaiting it (below) raises what it raised
    return loader.load(key)


def is_awaitable(value: Any) -> bool:
    """inspect.isawaitable, without its Awaitable ABC check for the rows a page resolves
    (a few tens of thousands a second): an awaitable's type has __await__, except a
    generator-based coroutine, which inspect itself recognises."""
    kind = type(value)
    return hasattr(kind, "__await__") or (kind is GeneratorType and inspect.isawaitable(value))


def then(value: Deferred, fn: Callable[[Any], Any]) -> Deferred:
    """fn(value), now if the value is here, after it arrives if it is awaitable."""
    if is_awaitable(value):
        async def later() -> Any:
            return fn(await value)

        return later()
    return fn(value)
