"""The shape of a query: how deep it goes, how many aliases it uses and how many
fields it expands to, measured before graphql-core validates it.

Each fragment is measured once and its measure reused at every spread, so a
document of fragments that spread the next one twice (2^n fields from n lines)
costs n steps here instead of 2^n: such a query is refused by the field cap in
microseconds, before the validation rules (which walk it expanded) ever see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

# Limits a query meets before validation (the cost limit: api/cost_map.py).
MAX_DEPTH = 12
MAX_ALIASES = 20
MAX_FIELDS = 2_000  # the introspection query GraphiQL sends expands to about 400


@dataclass(frozen=True)
class Shape:
    depth: int  # levels of fields with a selection set on the deepest path
    aliases: int  # aliased fields, counted at every place a fragment lands
    fields: int  # fields once every fragment spread is expanded

    def __add__(self, other: Shape) -> Shape:
        return Shape(max(self.depth, other.depth), self.aliases + other.aliases,
                     self.fields + other.fields)


EMPTY = Shape(0, 0, 0)


class ShapeError(GraphQLError):
    """A query over one of the limits; refused before validation."""

    def __init__(self, message: str, limit: str, value: int, maximum: int) -> None:
        super().__init__(message, extensions={
            "code": "GRAPHQL_VALIDATION_FAILED", "limit": limit, "value": value,
            "maximum": maximum})


class _Walker:
    def __init__(self, document: DocumentNode) -> None:
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}
        self.done: dict[str, Shape] = {}
        self.open: set[str] = set()

    def selection_set(self, selection: SelectionSetNode) -> Shape:
        total = EMPTY
        for node in selection.selections:
            total = total + self.selection(node)
        return total

    def selection(self, node: Any) -> Shape:
        if isinstance(node, FieldNode):
            alias = 1 if node.alias is not None else 0
            if node.selection_set is None:
                return Shape(0, alias, 1)
            inner = self.selection_set(node.selection_set)
            # Introspection (__schema, __type) is a fixed, cheap tree: no depth.
            depth = 0 if node.name.value.startswith("__") else inner.depth + 1
            return Shape(depth, inner.aliases + alias, inner.fields + 1)
        if isinstance(node, InlineFragmentNode):
            return self.selection_set(node.selection_set)
        assert isinstance(node, FragmentSpreadNode)
        return self.fragment(node.name.value)

    def fragment(self, name: str) -> Shape:
        if name in self.done:
            return self.done[name]
        definition = self.fragments.get(name)
        if definition is None:
            return EMPTY  # validation reports the unknown fragment
        if name in self.open:
            raise ShapeError(f"fragment {name} spreads itself", "fragmentCycle", 1, 0)
        self.open.add(name)
        found = self.selection_set(definition.selection_set)
        self.open.discard(name)
        self.done[name] = found
        return found


def measure(document: DocumentNode) -> Iterator[tuple[str, Shape]]:
    """(operation name, shape) for every operation of the document."""
    walker = _Walker(document)
    for d in document.definitions:
        if isinstance(d, OperationDefinitionNode):
            yield (d.name.value if d.name else "anonymous"), walker.selection_set(d.selection_set)


def check(document: DocumentNode, max_depth: int = MAX_DEPTH, max_aliases: int = MAX_ALIASES,
          max_fields: int = MAX_FIELDS) -> None:
    """Raise ShapeError for the first operation over a limit."""
    for name, shape in measure(document):
        if shape.depth > max_depth:
            raise ShapeError(f"'{name}' exceeds maximum operation depth of {max_depth} "
                             f"(it goes {shape.depth} levels deep)", "depth", shape.depth,
                             max_depth)
        if shape.aliases > max_aliases:
            raise ShapeError(f"'{name}' uses {shape.aliases} aliases, more than the "
                             f"{max_aliases} allowed", "aliases", shape.aliases, max_aliases)
        if shape.fields > max_fields:
            raise ShapeError(f"'{name}' expands to {shape.fields} fields, more than the "
                             f"{max_fields} allowed: spread fewer fragments or ask for "
                             "fewer fields", "fields", shape.fields, max_fields)


class QueryShape(SchemaExtension):
    """Refuse an over-deep, over-aliased or over-wide query before validation runs.

    Raising here (rather than adding a validation rule) keeps graphql-core's own
    rules, which walk every spread expanded, from ever seeing such a document.
    """

    def on_validate(self) -> Iterator[None]:
        document = self.execution_context.graphql_document
        if document is not None:
            check(document)
        yield
