"""The schema: every domain's queries and mutations merged, with the
extensions that make it safe and fast to serve."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.tools import merge_types

from api.analytics.queries import AnalyticsQueries
from api.errors import ErrorCodes, classify, should_mask
from api.guards import AccessControl, QueryCost
from api.institutions.mutations import InstitutionMutations
from api.institutions.queries import InstitutionQueries
from api.meetings.mutations import MeetingMutations
from api.meetings.queries import MeetingQueries
from api.programs.mutations import ProgramMutations
from api.programs.queries import ProgramQueries
from api.regions.mutations import MeasurementMutations
from api.regions.queries import RegionQueries
from api.shape import QueryShape

Query = merge_types(
    "Query",
    (InstitutionQueries, MeetingQueries, ProgramQueries, RegionQueries, AnalyticsQueries),
)
Mutation = merge_types(
    "Mutation",
    (InstitutionMutations, MeetingMutations, ProgramMutations, MeasurementMutations),
)


# Limits a request meets before any store call: tokens here, depth, aliases and
# expanded fields in api/shape.py, cost in api/cost_map.py.
MAX_TOKENS = 5_000


class TppsSchema(Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Give every error its code; log what went wrong inside (a client's bad input is
        not a server error)."""
        document = getattr(execution_context, "graphql_document", None)
        for e in errors:
            classify(e, document)
        internal = [e for e in errors if should_mask(e)]
        if internal:
            super().process_errors(internal, execution_context)


def build_schema(debug: bool = False) -> Schema:
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
    return TppsSchema(query=Query, mutation=Mutation, extensions=extensions)  # type: ignore[arg-type]


schema = build_schema()
