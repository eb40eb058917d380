"""DataLoader shapes shared by every domain: by id, and by parent with arguments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from api.context import Context


def by_key(fetch: Callable[[Context], Callable[[list[Any]], dict[Any, Any]]],
           default: Callable[[], Any] = lambda: None) -> Callable[[Context], DataLoader[Any, Any]]:
    """A loader factory: keys -> one store call -> value per key (default if absent)."""

    def factory(context: Context) -> DataLoader[Any, Any]:
        async def load(keys: Sequence[Any]) -> list[Any]:
            found = await context.call(fetch(context), list(keys))
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
                found = await context.call(fetch(context), parents, *args)
                for p in parents:
                    results[(p, *args)] = found.get(p, default())
            return [results[k] for k in keys]

        return DataLoader(load_fn=load)

    return factory
