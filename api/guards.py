"""Schema extensions that refuse a request before any store call: who may run
it (AccessControl) and what it may cost (QueryCost). Depth, alias and token
limits are Strawberry's own extensions, configured in api/schema.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from graphql.execution import ExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from api.cost_map import COST_MAP, FIRST_DEFAULT, MAX_COST


def _refuse(self: SchemaExtension, message: str, code: str, **extra: Any) -> None:
    """Set the result: execution is skipped and nothing reaches the store."""
    self.execution_context.result = ExecutionResult(
        data=None, errors=[GraphQLError(message, extensions={"code": code, **extra})])


class AccessControl(SchemaExtension):
    """Mutations need an editor token; queries need a reader token when so configured."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        principal = getattr(context, "principal", None)
        access = getattr(context, "access", None)
        if principal is not None and access is not None:
            mutation = self.execution_context.operation_type == OperationType.MUTATION
            needed = "editor" if mutation else ("reader" if access.read_needs_token else None)
            if needed and not principal.may(needed):
                if principal.role is None:
                    _refuse(self, f"a bearer token with the {needed} role is needed "
                            "(Authorization: Bearer ...)", "UNAUTHENTICATED")
                else:
                    _refuse(self, f"the token's role ({principal.role}) may not do this; "
                            f"{needed} is needed", "FORBIDDEN")
        yield


class QueryCost(SchemaExtension):
    """Refuse a query whose cost (api/cost_map.py) exceeds MAX_COST; report the cost."""

    def __init__(self, max_cost: int = MAX_COST) -> None:
        self.max_cost = max_cost
        self.cost: int | None = None

    def on_execute(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.result is None and ec.graphql_document is not None:
            document = ec.graphql_document
            fragments = {d.name.value: d for d in document.definitions
                         if isinstance(d, FragmentDefinitionNode)}
            operations = [d for d in document.definitions
                          if isinstance(d, OperationDefinitionNode)
                          and (ec.operation_name is None or (d.name and d.name.value ==
                                                             ec.operation_name))]
            schema = ec.schema._schema
            if operations:
                op = operations[0]
                root = (schema.mutation_type if op.operation.value == "mutation"
                        else schema.query_type)
                assert root is not None
                self.cost = _cost(op.selection_set, root, fragments, ec.variables or {},
                                  schema)
                if self.cost > self.max_cost:
                    _refuse(self, f"query cost {self.cost} exceeds the limit of "
                            f"{self.max_cost}: ask for fewer items (first) or fewer levels",
                            "QUERY_TOO_COSTLY", cost=self.cost, limit=self.max_cost)
        yield

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost} if self.cost is not None else {}


def _first(node: FieldNode, variables: dict[str, Any]) -> int:
    for arg in node.arguments or ():
        if arg.name.value == "first":
            if isinstance(arg.value, IntValueNode):
                return int(arg.value.value)
            if isinstance(arg.value, VariableNode):
                value = variables.get(arg.value.name.value)
                if isinstance(value, int):
                    return value
    return FIRST_DEFAULT


def _cost(selection: SelectionSetNode, parent: GraphQLObjectType,
          fragments: dict[str, FragmentDefinitionNode], variables: dict[str, Any],
          schema: Any, depth: int = 0) -> int:
    if depth > 50:  # the depth limiter refuses far earlier; this guards the recursion
        return MAX_COST + 1
    total = 0
    for node in selection.selections:
        if isinstance(node, FragmentSpreadNode):
            fragment = fragments.get(node.name.value)
            if fragment is not None:
                target = schema.get_type(fragment.type_condition.name.value)
                if isinstance(target, GraphQLObjectType):
                    total += _cost(fragment.selection_set, target, fragments, variables,
                                   schema, depth + 1)
            continue
        if isinstance(node, InlineFragmentNode):
            target = schema.get_type(node.type_condition.name.value) if node.type_condition \
                else parent
            if isinstance(target, GraphQLObjectType):
                total += _cost(node.selection_set, target, fragments, variables, schema,
                               depth + 1)
            continue
        assert isinstance(node, FieldNode)
        name = node.name.value
        if name.startswith("__") or name not in parent.fields:
            continue
        child_type = get_named_type(parent.fields[name].type)
        if node.selection_set is None or not isinstance(child_type, GraphQLObjectType):
            continue  # scalars and enums cost nothing
        weight, multiplier = COST_MAP.get(parent.name, {}).get(name, (1, 1))
        items = _first(node, variables) if multiplier == "first" else int(multiplier)
        total += weight + max(items, 1) * _cost(node.selection_set, child_type, fragments,
                                                variables, schema, depth + 1)
    return total
