"""Schema extensions that refuse a request before any store call: who may run it
(AccessControl) and what it may cost (QueryCost). The shape limits (depth, aliases,
expanded fields) are checked before validation by api/shape.py."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, get_operation_ast
from graphql.execution import ExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from api.cost_map import ANALYTICS_UNITS_PER_POINT, BYTES_PER_PAIR, BYTES_PER_ROW, MAX_COST
from api.errors import busy_error
from api.pricing import coerce_variables, price
from graph.analytics import jobs, results
from graph.settings import settings
from graph.store.base import NetworkFilter, NetworkSize


def _refuse(self: SchemaExtension, error: GraphQLError) -> None:
    """Set the result: execution is skipped and nothing reaches the store."""
    self.execution_context.result = ExecutionResult(data=None, errors=[error])


def _error(message: str, code: str, **extra: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code, **extra})


class AccessControl(SchemaExtension):
    """Mutations need an editor token; queries need a reader token when so configured."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        principal = getattr(context, "principal", None)
        access = getattr(context, "access", None)
        mutation = self.execution_context.operation_type == OperationType.MUTATION
        if hasattr(context, "mutation"):  # a store fault of a mutation says what it wrote
            context.mutation = mutation
        if principal is not None and access is not None:
            needed = "editor" if mutation else ("reader" if access.read_needs_token else None)
            if needed and not principal.may(needed):
                if principal.role is None:
                    _refuse(self, _error(f"a bearer token with the {needed} role is needed "
                                         "(Authorization: Bearer ...)", "UNAUTHENTICATED"))
                else:
                    _refuse(self, _error(f"the token's role ({principal.role}) may not do "
                                         f"this; {needed} is needed", "FORBIDDEN"))
        yield


def size_cost(size: NetworkSize) -> int:
    return (size.rows + size.pairs) // ANALYTICS_UNITS_PER_POINT


def size_bytes(size: NetworkSize) -> int:
    return size.rows * BYTES_PER_ROW + size.pairs * BYTES_PER_PAIR


class QueryCost(SchemaExtension):
    """Refuse a query whose cost (api/cost_map.py) exceeds MAX_COST, or whose analytics
    would need more memory than a job may use; report the cost.

    The price is computed with the variables applied. A query with analytics that would
    only be told BUSY is refused then, before any store call (graph/analytics/jobs.py
    `busy_now`); otherwise the only store calls made before the decision are the scope
    versions and counts of the graphs the analytics would read, a count being kept per
    scope version (`_sizes`)."""

    def __init__(self, max_cost: int = MAX_COST) -> None:
        self.max_cost = max_cost
        self.cost: int | None = None

    async def on_execute(self) -> AsyncIterator[None]:
        ec = self.execution_context
        if ec.result is None and ec.graphql_document is not None:
            try:
                await self._check()
            except GraphQLError as error:
                _refuse(self, error)
        yield

    async def _check(self) -> None:
        ec = self.execution_context
        assert ec.graphql_document is not None
        operation = get_operation_ast(ec.graphql_document, ec.operation_name)
        if not isinstance(operation, OperationDefinitionNode):
            return  # graphql-core says which operation is missing
        schema = ec.schema._schema
        variables = coerce_variables(schema, operation, ec.variables or {})
        plan = price(schema, ec.graphql_document, operation, variables)
        store = getattr(ec.context, "store", None)
        if store is not None and await jobs.busy_now(store, plan.scopes, ec.context):
            raise busy_error(jobs.pool().busy_message())
        sizes = await _sizes(ec.context, plan.scopes)
        self.cost = plan.cost + sum(size_cost(s) for s in sizes.values())
        ceiling = settings().analytics_memory_mb << 20
        for size in sizes.values():
            if size_bytes(size) > ceiling:
                raise _error(
                    f"the network in scope has {size.rows} attendance rows and up to "
                    f"{size.pairs} co-attendance pairs, about {size_bytes(size) >> 20} MB to "
                    f"analyse, over the {ceiling >> 20} MB an analytics request may use: "
                    "narrow the filter (region, dates, program, types) or use `tpps report`",
                    "TOO_LARGE", rows=size.rows, pairs=size.pairs)
        if self.cost > self.max_cost:
            raise _error(f"query cost {self.cost} exceeds the limit of {self.max_cost}: "
                         "ask for fewer items (first) or fewer levels, or narrow the "
                         "analytics filter", "QUERY_TOO_COSTLY", cost=self.cost,
                         limit=self.max_cost)

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost} if self.cost is not None else {}


# Counts kept per (store, filter, scope version): a count over a province is a quarter
# second of SQLite in the API process, and a cached analytics answer would pay it again
# on every request. Bounded; an entry is a few ints.
SIZE_CACHE_ENTRIES = 4096
_SIZE_CACHE: OrderedDict[tuple[Any, ...], NetworkSize] = OrderedDict()
_SIZE_LOCK = threading.Lock()


def clear_size_cache() -> None:
    with _SIZE_LOCK:
        _SIZE_CACHE.clear()


async def _sizes(context: Any, scopes: set[NetworkFilter]) -> dict[NetworkFilter, NetworkSize]:
    """Count each graph once per scope version; the resolvers find the counts (and the
    versions, for the result cache) on the context."""
    store = getattr(context, "store", None)
    if store is None or not scopes:
        return {}
    known: dict[NetworkFilter, NetworkSize] = getattr(context, "network_sizes", {})
    versions: dict[str | None, int] = getattr(context, "scope_versions", {})
    # Only a store with a name (a file, a URI) is remembered: an id may be reused.
    where = jobs.locator(store)
    for f in scopes:
        if f in known:
            continue
        found, key = None, None
        if where is not None:
            if f.region_code not in versions:
                versions[f.region_code] = await context.call(store.scope_version,
                                                             f.region_code)
            key = (where, f, versions[f.region_code])
            with _SIZE_LOCK:
                found = _SIZE_CACHE.get(key)
                if found is not None:
                    _SIZE_CACHE.move_to_end(key)
        if found is None:
            # A count over a large scope is analytics work, not a page read: it gets the
            # analytics budget, not the store timeout meant for an unanswering store.
            # Stored beside the results under the scope's version: a restart reads it.
            found = await (context.call(results.network_size, store, f,
                                        versions[f.region_code],
                                        bound=settings().analytics_seconds)
                           if key is not None else
                           context.call(store.network_size, f,
                                        bound=settings().analytics_seconds))
            if key is not None:
                with _SIZE_LOCK:
                    _SIZE_CACHE[key] = found
                    while len(_SIZE_CACHE) > SIZE_CACHE_ENTRIES:
                        _SIZE_CACHE.popitem(last=False)
        known[f] = found
    return {f: known[f] for f in scopes}
