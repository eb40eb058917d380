"""The price of an operation, from its document and its variables, before execution.

Arguments are read the way execution will read them (graphql-core's coercion:
variables with their values or defaults, the schema's argument defaults), so a
`first` given through a variable default or as 100.0 costs what it will fetch.
Every `first` is checked against its cap here, nested ones included, so an
out-of-range page is refused before any store call. Each fragment is priced
once per request and reused at every spread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values

from api.analytics.inputs import NetworkFilter as FilterInput
from api.cost_map import ANALYTICS, COST_MAP, FIRST_MAX, FIRST_MAX_DEFAULT
from api.errors import UserInputError
from api.validation import region_code, window
from graph.store.base import NetworkFilter

Composite = GraphQLObjectType | GraphQLInterfaceType


@dataclass
class Plan:
    cost: int  # without the analytics' graph sizes
    scopes: set[NetworkFilter] = field(default_factory=set)  # graphs analytics will read


def coerce_variables(schema: GraphQLSchema, operation: OperationDefinitionNode,
                     raw: dict[str, Any]) -> VariableValues:
    """The variables as execution will see them, or the first error, naming the variable."""
    found = get_variable_values(schema, operation.variable_definitions or (), raw,
                                max_errors=1)
    if isinstance(found, list):
        error = found[0]
        name = _variable_named(error.message)
        raise UserInputError(error.message, f"${name}" if name else None)
    return found


def _variable_named(message: str) -> str | None:
    # graphql-core words these "Variable '$name' got invalid value ..."
    if message.startswith("Variable '$"):
        return message[len("Variable '$"):].split("'", 1)[0]
    return None


def price(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
          variables: VariableValues) -> Plan:
    root = schema.mutation_type if operation.operation.value == "mutation" else \
        schema.query_type
    assert root is not None
    pricer = _Pricer(schema, document, variables)
    cost = pricer.selection_set(operation.selection_set, root)
    return Plan(cost, pricer.scopes)


class _Pricer:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode,
                 variables: VariableValues) -> None:
        self.schema = schema
        self.variables = variables
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}
        self.done: dict[str, int] = {}
        self.scopes: set[NetworkFilter] = set()

    def selection_set(self, selection: SelectionSetNode, parent: Any) -> int:
        total = 0
        for node in selection.selections:
            if isinstance(node, FieldNode):
                total += self.field(node, parent)
            elif isinstance(node, InlineFragmentNode):
                target = self.schema.get_type(node.type_condition.name.value) \
                    if node.type_condition else parent
                total += self.selection_set(node.selection_set, target)
            elif isinstance(node, FragmentSpreadNode):
                total += self.fragment(node.name.value)
        return total

    def fragment(self, name: str) -> int:
        if name not in self.done:
            definition = self.fragments[name]  # validated: it exists, and no cycles
            target = self.schema.get_type(definition.type_condition.name.value)
            self.done[name] = self.selection_set(definition.selection_set, target)
        return self.done[name]

    def field(self, node: FieldNode, parent: Any) -> int:
        name = node.name.value
        if name.startswith("__") or not isinstance(parent, Composite) \
                or name not in parent.fields:
            return 0
        definition = parent.fields[name]
        args = get_argument_values(definition, node, self.variables)
        first = args.get("first")
        if isinstance(first, int):
            cap = FIRST_MAX.get((parent.name, name), FIRST_MAX_DEFAULT)
            if not 0 <= first <= cap:
                raise UserInputError(f"{parent.name}.{name}: first must be between 0 and "
                                     f"{cap}, got {first}", "first")
        scope = ANALYTICS.get((parent.name, name))
        if scope is not None:
            self.scopes.add(_scope(scope, args))
        child = get_named_type(definition.type)
        if node.selection_set is None:
            return 0  # scalars and enums cost nothing
        weight, multiplier = COST_MAP.get(parent.name, {}).get(name, (1, 1))
        items = (first if isinstance(first, int) else 1) if multiplier == "first" \
            else int(multiplier)
        return weight + max(items, 1) * self.selection_set(node.selection_set, child)


def _scope(kind: str, args: dict[str, Any]) -> NetworkFilter:
    """The store filter an analytics field will project, from its coerced arguments."""
    if kind == "region":
        return NetworkFilter(window=window(args.get("from"), args.get("to")),
                             region_code=region_code(args.get("regionCode")))
    given = args.get("filter") or {}
    return FilterInput(from_=given.get("from"), to=given.get("to"),
                       region_code=given.get("regionCode"), program_id=given.get("programId"),
                       types=given.get("types")).to_store()

