"""What a field's selection asks for, read from graphql-core's field nodes.

Resolvers use it to choose a read that returns what the response shows (attendees
with their institutions and regions in one round trip) rather than what the first
level needs. Strawberry's `info.selected_fields` converts the whole subtree with its
arguments on every call, once per parent row; this walks only the path asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode
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


def selected(info: Info, *path: str) -> set[str]:
    """Names of the fields selected under this field, or under `path` below it."""
    nodes: list[FieldNode] = list(info._raw_info.field_nodes)
    for name in path:
        nodes = [f for f in _fields((n.selection_set for n in nodes), info)
                 if f.name.value == name]
    return {f.name.value for f in _fields((n.selection_set for n in nodes), info)}
