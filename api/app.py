"""The ASGI app: Starlette routes around Strawberry's GraphQL endpoint.

`create_app()` opens the store named by TPPS_DB (a file or a bolt:// URI);
tests pass a store in. The app keeps no per-user state, so any number of
workers can serve the same store behind a load balancer.

Routes: `/` the explorer, `/assets/*` its built files (web/dist), `/graphql` the API
(and GraphiQL for a browser's GET), `/health`. Browser apps on other origins may call
the API when TPPS_CORS_ORIGINS lists them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
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
from api.faults import http_status
from api.http import RequestGuard
from api.readiness import Readiness
from api.schema import build_schema
from graph.analytics import jobs
from graph.settings import settings
from graph.store import Store, open_store
from graph.store.faults import guard

# The longest query text (MAX_TOKENS tokens fit in ~55k characters; long strings go in
# variables, which are JSON and cheap to read).
MAX_QUERY_CHARS = 100_000


class _QueryTooLong(Exception):
    def __init__(self, chars: int) -> None:
        super().__init__(chars)
        self.chars = chars


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

    def create_response(self, response_data: Any, sub_response: Any) -> Response:
        """HTTP 503/507 + Retry-After when a store fault cost the whole answer."""
        found = http_status(response_data)
        if found is not None:
            sub_response.status_code, headers = found
            for name, value in headers.items():
                sub_response.headers[name] = value
        return super().create_response(response_data, sub_response)

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A persisted-query GET has no `query` either; it wants JSON, not the IDE.
        return ("extensions" not in request.query_params
                and bool(super().should_render_graphql_ide(request)))

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from the vite build (npm packages), never from a CDN."""
        return web.page("graphiql.html", "GraphiQL")

    async def parse_http_body(self, request: Any) -> Any:
        """Swap a persisted query's hash for its text (api/apq.py); refuse a query text
        too long to parse quickly (graphql-core lexes a 7 MB string literal for seconds,
        with the event loop blocked)."""
        data = await super().parse_http_body(request)
        for item in data if isinstance(data, list) else [data]:
            item.query = self.persisted.resolve(item.query, item.extensions)
            if item.query and len(item.query) > MAX_QUERY_CHARS:
                raise _QueryTooLong(len(item.query))
        return data

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        if isinstance(request, Request) and self._must_authenticate(request):
            return _unauthenticated()
        try:
            return await super().run(request, context, root_value)
        except PersistedQueryError as exc:
            return JSONResponse(exc.as_response())
        except _QueryTooLong as exc:
            return JSONResponse(
                {"data": None, "errors": [{
                    "message": f"the query is {exc.chars:,} characters, more than the "
                               f"{MAX_QUERY_CHARS:,} a query may have; pass long strings "
                               "as variables", "extensions": {"code": "BAD_REQUEST"}}]},
                status_code=400)

    def _must_authenticate(self, request: Request) -> bool:
        """Reads need a token and this request has no valid one: it is refused before its
        body is parsed or validated, so an anonymous caller learns nothing of the schema
        ("Did you mean ...") and spends no parsing. GraphiQL's page itself stays open."""
        if not self.access.read_needs_token:
            return False
        if self.access.principal(request.headers.get("authorization")).role is not None:
            return False
        return not self.should_render_graphql_ide(self.request_adapter_class(request))

    def encode_json(self, data: object) -> bytes:
        """orjson: a 100-row answer encodes over 10x faster than with json.dumps."""
        return orjson.dumps(data)


def _unauthenticated() -> Response:
    return JSONResponse(
        {"data": None, "errors": [{
            "message": "a bearer token is needed to read (Authorization: Bearer ...); this one "
                       "is missing or not known, and the request was not read",
            "extensions": {"code": "UNAUTHENTICATED"}}]},
        status_code=401, headers={"WWW-Authenticate": 'Bearer realm="tpps"'})


def _cors() -> list[Middleware]:
    origins = [o.strip() for o in settings().cors_origins.split(",") if o.strip()]
    if not origins:
        return []
    return [Middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                       allow_headers=["authorization", "content-type", "x-request-id"],
                       expose_headers=["x-request-id"], max_age=600)]


def create_app(store: Store | None = None, debug: bool | None = None,
               access: Access | None = None) -> Starlette:
    debug = settings().debug if debug is None else debug
    owned = store is None
    opened = store if store is not None else open_store()
    the_store: Store = guard(opened, _describe(opened))
    graphql = GraphQLApp(the_store, debug, access or Access.from_env())

    async def health(_: Request) -> Response:
        """The process lives and its event loop turns; the store is not asked."""
        return JSONResponse({"status": "ok"})

    readiness = Readiness(the_store, _kind(opened))

    async def ready(_: Request) -> Response:
        """The store answers: its kind and latency, within half a second (api/readiness.py)."""
        status, body = await readiness.check()
        headers = {"Retry-After": "5"} if status != 200 else None
        return JSONResponse(body, status_code=status, headers=headers)

    async def explorer(_: Request) -> Response:
        return web.page("index.html", "explorer")

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        if owned:  # served (`tpps serve`): the first analytics requests find workers ready
            jobs.warm_in_background(the_store)
        yield
        readiness.close()
        if owned:
            the_store.close()

    return Starlette(
        debug=debug,
        middleware=[*_cors(), Middleware(RequestGuard)],
        routes=[
            Route("/", explorer),
            Route("/health", health),
            Route("/ready", ready),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Mount("/assets", StaticFiles(directory=web.dist_dir() / "assets", check_dir=False),
                  name="assets"),
        ],
        lifespan=lifespan,
    )


def _kind(store: Any) -> str:
    while hasattr(store, "inner"):  # a FaultBoundary or another proxy
        store = store.inner
    return "neo4j" if type(store).__name__.startswith("Neo4j") else "embedded"


def _describe(store: Any) -> str:
    return str(getattr(store, "uri", None) or getattr(store, "path", None) or "store")
