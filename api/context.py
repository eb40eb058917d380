"""Per-request context: the store, and DataLoaders created on first use.

Nothing here outlives a request, so API workers hold no state of their own
and can be scaled out behind a load balancer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from api.auth import ANONYMOUS, Access, Principal
from graph.store.base import Store

R = TypeVar("R")


class Context:
    def __init__(self, store: Store, request: Request | None = None,
                 access: Access | None = None, principal: Principal = ANONYMOUS) -> None:
        self.store = store
        self.request = request
        self.access = access
        self.principal = principal
        self._loaders: dict[Callable[..., Any], DataLoader[Any, Any]] = {}
        # A store whose reads are short and in-process (SQLite) is read on the event
        # loop: a thread hop costs more than the read, and the GIL serialises it anyway.
        self._inline_reads = bool(getattr(store, "inline_reads", False))

    def loader(self, factory: Callable[[Context], DataLoader[Any, Any]]) -> DataLoader[Any, Any]:
        """The request's DataLoader made by `factory` (one per factory per request)."""
        found = self._loaders.get(factory)
        if found is None:
            found = self._loaders[factory] = factory(self)
        return found

    async def call(self, fn: Callable[..., R], *args: Any) -> R:
        """Run a (blocking) store call off the event loop."""
        return await run_in_threadpool(fn, *args)

    async def read(self, fn: Callable[..., R], *args: Any) -> R:
        """A store read of the API's read path: inline when the store says its reads are
        short, else off the event loop. Writes and analytics keep using `call`."""
        if self._inline_reads:
            return fn(*args)
        return await run_in_threadpool(fn, *args)


def ctx(info: Info) -> Context:
    context: Context = info.context
    return context
