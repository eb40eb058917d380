"""A network as columns: one JSON array per attribute, for clients that draw thousands
of nodes.

`network { nodes { ... } edges { ... } }` makes graphql-core resolve one field per node
and edge attribute: 250,000 fields for 5,000 institutions and 54,000 ties, seconds of
server time before a byte is sent. A column is one scalar value, so the same network
costs a dozen fields and one orjson encoding. Edges name their ends by position in the
node columns, which also makes the answer a third of the size.
"""

from __future__ import annotations

from typing import Any, NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

from api.errors import UserInputError


def _output_only(name: str) -> Any:
    def parse(value: object) -> object:
        raise UserInputError(f"{name} is an output type (a column of a network), not an "
                             "argument")
    return parse


def _column(name: str, what: str) -> ScalarDefinition:
    return ScalarDefinition(
        name=name,
        description=f"A column of {what}, one per row, as one JSON array (null where a "
                    "row has no value).",
        specified_by_url=None,
        serialize=list,
        parse_value=_output_only(name),
        parse_literal=None,
    )


IntColumn = NewType("IntColumn", list[Any])
FloatColumn = NewType("FloatColumn", list[Any])
StringColumn = NewType("StringColumn", list[Any])
# Registered by the schema (api/schema.py) beside the strict Date.
COLUMN_SCALARS: dict[object, ScalarDefinition] = {
    IntColumn: _column("IntColumn", "integers"),
    FloatColumn: _column("FloatColumn", "floats"),
    StringColumn: _column("StringColumn", "strings"),
}


@strawberry.type(description="The network as columns: row i of every node column is the "
                 "same institution (ordered by id), row j of every edge column the same "
                 "tie; `source` and `target` are row numbers in the node columns.")
class NetworkColumns:
    id: StringColumn
    name: StringColumn
    type: StringColumn
    sector: StringColumn
    region_code: StringColumn
    community: IntColumn
    degree: IntColumn
    score: FloatColumn = strawberry.field(
        description="The score on `network(measure:)`; nulls without one.")
    source: IntColumn
    target: IntColumn
    weight: FloatColumn
    shared_meetings: IntColumn
