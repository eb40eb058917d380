"""The ASGI app: Starlette routes around Strawberry's GraphQL endpoint.

`create_app()` opens the store named by TPPS_DB (a file or a bolt:// URI);
tests pass a store in. The app keeps no per-user state, so any number of
workers can serve the same store behind a load balancer.

Routes: `/` the explorer, `/assets/*` its built files (web/dist), `/graphql` the API
(and GraphiQL for a browser's GET), `/health`. Browser apps on other origins may call
the API when TPPS_CORS_ORIGINS lists them.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL
from strawberry.types.unset import UNSET

from api import web
from api.apq import PersistedQueries, PersistedQueryError
from api.auth import Access
from api.context import Context
from api.http import RequestGuard
from api.schema import build_schema
from graph.settings import settings
from graph.store import Store, open_store


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, store: Store, debug: bool, access: Access) -> None:
        super().__init__(build_schema(debug=debug), graphql_ide="graphiql")
        self.store = store
        self.access = access
        self.persisted = PersistedQueries()

    async def get_context(self, request: Any, response: Any) -> Context:
        req = request if isinstance(request, Request) else None
        principal = self.access.principal(req.headers.get("authorization") if req else None)
        return Context(self.store, req, self.access, principal)

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A persisted-query GET has no `query` either; it wants JSON, not the IDE.
        return ("extensions" not in request.query_params
                and bool(super().should_render_graphql_ide(request)))

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from the vite build (npm packages), never from a CDN."""
        return web.page("graphiql.html", "GraphiQL")

    async def parse_http_body(self, request: Any) -> Any:
        """Swap a persisted query's hash for its text (api/apq.py)."""
        data = await super().parse_http_body(request)
        for item in data if isinstance(data, list) else [data]:
            item.query = self.persisted.resolve(item.query, item.extensions)
        return data

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        try:
            return await super().run(request, context, root_value)
        except PersistedQueryError as exc:
            return JSONResponse(exc.as_response())


def _cors() -> list[Middleware]:
    origins = [o.strip() for o in settings().cors_origins.split(",") if o.strip()]
    if not origins:
        return []
    return [Middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                       allow_headers=["authorization", "content-type", "x-request-id"],
                       expose_headers=["x-request-id"], max_age=600)]


def create_app(store: Store | None = None, debug: bool | None = None,
               access: Access | None = None) -> Starlette:
    debug = os.environ.get("TPPS_DEBUG", "") == "1" if debug is None else debug
    owned = store is None
    the_store = store if store is not None else open_store()
    graphql = GraphQLApp(the_store, debug, access or Access.from_env())

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok", "version": the_store.version()})

    async def explorer(_: Request) -> Response:
        return web.page("index.html", "explorer")

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        if owned:
            the_store.close()

    return Starlette(
        debug=debug,
        middleware=[*_cors(), Middleware(RequestGuard)],
        routes=[
            Route("/", explorer),
            Route("/health", health),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Mount("/assets", StaticFiles(directory=web.dist_dir() / "assets", check_dir=False),
                  name="assets"),
        ],
        lifespan=lifespan,
    )
