"""What a field's selection asks for, read from graphql-core's field nodes.

Resolvers use it to choose a read that returns what the response shows (attendees
with their institutions and regions in one round trip) rather than what the first
level needs. Strawberry's `info.selected_fields` converts the whole subtree with its
arguments on every call, once per parent row; this walks only the path asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode
from graphql.execution.values import VariableValues, get_argument_values
from strawberry.types import Info


def _fields(sets: Iterable[SelectionSetNode | None], info: Info) -> Iterator[FieldNode]:
    fragments = info._raw_info.fragments
    for selection_set in sets:
        for sel in selection_set.selections if selection_set else ():
            if isinstance(sel, FieldNode):
                yield sel
            elif isinstance(sel, InlineFragmentNode):
                yield from _fields([sel.selection_set], info)
            elif isinstance(sel, FragmentSpreadNode) and sel.name.value in fragments:
                yield from _fields([fragments[sel.name.value].selection_set], info)


def nodes(info: Info, *path: str, start: Iterable[FieldNode] | None = None) -> list[FieldNode]:
    """The field nodes selected under this field (or `start`), down `path`: every
    node of the last name, aliases included."""
    found: list[FieldNode] = list(info._raw_info.field_nodes if start is None else start)
    for name in path:
        found = [f for f in _fields((n.selection_set for n in found), info)
                 if f.name.value == name]
    return found


def names(info: Info, found: Iterable[FieldNode]) -> set[str]:
    """Names of the fields selected under these field nodes."""
    return {f.name.value for f in _fields((n.selection_set for n in found), info)}


def selected(info: Info, *path: str) -> set[str]:
    """Names of the fields selected under this field, or under `path` below it."""
    return names(info, nodes(info, *path))


def arguments(info: Info, type_name: str, node: FieldNode) -> dict[str, Any]:
    """A selected field's arguments as graphql-core coerces them (variables applied,
    defaults filled, scalars parsed), keyed by their GraphQL names."""
    schema = info._raw_info.schema
    definition = schema.get_type(type_name).fields[node.name.value]  # type: ignore[union-attr]
    return get_argument_values(definition, node, _variables(info))


def _variables(info: Info) -> VariableValues:
    """The operation's variables as graphql-core 3.3 wants them. Strawberry's resolve
    info may hold only the coerced dict; those values are already coerced, so no
    sources are needed to read them (sources only keep defaults when literals are
    rewritten)."""
    raw: Any = info._raw_info.variable_values
    if isinstance(raw, VariableValues):
        return raw
    return VariableValues(sources={}, coerced=dict(raw or {}))
