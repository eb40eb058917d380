"""The ASGI app: Starlette routes around Strawberry's GraphQL endpoint.

`create_app()` opens the store named by TPPS_DB (a file or a bolt:// URI);
tests pass a store in. The app keeps no per-user state, so any number of
workers can serve the same store behind a load balancer.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from api.auth import Access
from api.context import Context
from api.http import RequestGuard
from api.schema import build_schema
from graph.store import Store, open_store


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, store: Store, debug: bool, access: Access) -> None:
        super().__init__(build_schema(debug=debug), graphql_ide="graphiql")
        self.store = store
        self.access = access

    async def get_context(self, request: Any, response: Any) -> Context:
        req = request if isinstance(request, Request) else None
        principal = self.access.principal(req.headers.get("authorization") if req else None)
        return Context(self.store, req, self.access, principal)

    def encode_json(self, data: object) -> bytes:
        """orjson: a 100-row answer encodes over 10x faster than with json.dumps."""
        return orjson.dumps(data)


def create_app(store: Store | None = None, debug: bool | None = None,
               access: Access | None = None) -> Starlette:
    debug = os.environ.get("TPPS_DEBUG", "") == "1" if debug is None else debug
    owned = store is None
    the_store = store if store is not None else open_store()
    graphql = GraphQLApp(the_store, debug, access or Access.from_env())

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok", "version": the_store.version()})

    async def root(_: Request) -> Response:
        return RedirectResponse("/graphql")

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        if owned:
            the_store.close()

    return Starlette(
        debug=debug,
        middleware=[Middleware(RequestGuard)],
        routes=[
            Route("/", root),
            Route("/health", health),
            Route("/graphql", graphql, methods=["GET", "POST"]),
        ],
        lifespan=lifespan,
    )
