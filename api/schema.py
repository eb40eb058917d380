"""The schema: every domain's queries and mutations merged, with the
extensions that make it safe and fast to serve."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.tools import merge_types
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from api.analytics.queries import AnalyticsQueries
from api.errors import ErrorCodes, classify, should_mask
from api.execution import Executor
from api.guards import AccessControl, QueryCost
from api.institutions.mutations import InstitutionMutations
from api.institutions.queries import InstitutionQueries
from api.meetings.mutations import MeetingMutations
from api.meetings.queries import MeetingQueries
from api.node import NodeQueries
from api.programs.mutations import ProgramMutations
from api.programs.queries import ProgramQueries
from api.regions.mutations import MeasurementMutations
from api.regions.queries import RegionQueries
from api.response_cache import ResponseCache, is_read, key
from api.scalars import SCALAR_OVERRIDES
from api.shape import QueryShape
from graph.settings import settings

Query = merge_types(
    "Query",
    (InstitutionQueries, MeetingQueries, ProgramQueries, RegionQueries, AnalyticsQueries,
     NodeQueries),
)
Mutation = merge_types(
    "Mutation",
    (InstitutionMutations, MeetingMutations, ProgramMutations, MeasurementMutations),
)


# Limits a request meets before any store call: tokens here, depth, aliases and
# expanded fields in api/shape.py, cost in api/cost_map.py.
MAX_TOKENS = 5_000


class TppsSchema(Schema):
    responses: ResponseCache | None = None  # set by build_schema when the cache is on

    async def execute(
        self, query: str | None, variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None, root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        """Answer an identical read from the response cache while the graph is unchanged."""
        cache, store = self.responses, getattr(context_value, "store", None)
        if cache is None or store is None or not query or not is_read(query):
            return await super().execute(query, variable_values, context_value, root_value,
                                         operation_name, allowed_operation_types,
                                         operation_extensions)
        principal = getattr(context_value, "principal", None)
        k = key(query, operation_name, variable_values, getattr(principal, "role", None))
        context: Any = context_value
        version = await context.read(store.version)  # before executing: see the module
        hit = cache.get(k, version)
        if hit is not None:
            return hit
        result = await super().execute(query, variable_values, context_value, root_value,
                                       operation_name, allowed_operation_types,
                                       operation_extensions)
        cache.put(k, version, result)
        return result

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Give every error its code; log what went wrong inside (a client's bad input is
        not a server error)."""
        document = getattr(execution_context, "graphql_document", None)
        for e in errors:
            classify(e, document)
        internal = [e for e in errors if should_mask(e)]
        if internal:
            super().process_errors(internal, execution_context)


def build_schema(debug: bool = False, response_cache: bool | None = None,
                 short_paths: bool = True) -> Schema:
    # Factories: a fresh extension per request; the parse and validation
    # caches live at module level, so they still serve every request.
    extensions: list[Any] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=1024),
        QueryShape,  # before validation: a fragment bomb never reaches graphql-core's rules
        lambda: ValidationCache(maxsize=1024),
        AccessControl,
        QueryCost,
    ]
    extensions.append(lambda: ErrorCodes(mask=not debug))  # every error gets its code
    # short_paths=False: graphql-core's general path for every field (tests compare them).
    built = TppsSchema(query=Query, mutation=Mutation, extensions=extensions,
                       scalar_overrides=SCALAR_OVERRIDES,
                       execution_context_class=Executor if short_paths else None)
    if settings().response_cache if response_cache is None else response_cache:
        built.responses = ResponseCache(settings().response_cache_size)
    return built


schema = build_schema()
