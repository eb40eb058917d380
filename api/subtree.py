"""Completing a whole subtree of plain fields in one pass, the read path of most pages.

Once a page's rows are in the request's loaders, the rest of a query such as
`meetings { edges { node { title attendees { institution { name } } } } }` is hundreds
of objects whose fields are plain attributes or resolvers that answer at once. The
executor's short paths (api/execution.py) still walk each of them through graphql-core's
scaffolding: a Path per field, the field collection of every object, an awaitable check
per value, a try block per field. Here the selection under an object is compiled once per
request into a flat *shape* (what each field reads and how its value is completed), and
the values are built from it with none of that.

Only what cannot differ from the general path is done this way: a query (never a
mutation), plain leaves and plain resolvers (the executor's plans), values of exactly the
expected classes. Anything else (an awaitable, an exception, null where the schema forbids
it, a value the scalar refuses, an enum, an abstract type) *bails*: the partial answer is
dropped and the object is completed by the general path, which then reports what it always
did. A shape that bailed once is not tried again in that request, so a bail costs one
aborted attempt per shape, not one per row. What a bailed attempt called is a read (a
resolver of a query, a loader lookup that the general path repeats from its cache).
"""

from __future__ import annotations

import inspect
from datetime import date, datetime
from typing import Any

from graphql import (
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path

# Values a leaf is completed from in place: never awaitable, never an Exception, and
# coerced by graphql-core's and Strawberry's scalars without side effects.
SHORT_VALUES = frozenset({str, int, float, bool, date, datetime})

# how a field is read
_LEAF, _BARE, _CALL, _TYPENAME = range(4)
# how a resolver's value is completed
_OBJECT, _LIST_OBJECT, _SCALAR, _LIST_SCALAR = range(4)

_DEFINITION = "strawberry-definition"


class Bail(Exception):
    """The subtree leaves the fast path: the general path completes it."""


def _refuse(value: Any) -> Bail:
    """The bail for a value the fast path does not take; an unawaited coroutine (an
    async resolver's) is closed, as it will never run: the general path calls again."""
    if inspect.iscoroutine(value):
        value.close()
    return Bail()


class Shape:
    """One object type's selection under one field node, compiled for one request."""

    __slots__ = ("bailed", "fields")

    def __init__(self) -> None:
        self.fields: list[tuple[Any, ...]] = []
        self.bailed = False


def python_class(object_type: GraphQLObjectType) -> type | None:
    """The class whose instances the type is completed from, without a custom
    is_type_of (Strawberry's generated one accepts every instance of it)."""
    definition = (object_type.extensions or {}).get(_DEFINITION)
    if definition is None or definition.is_type_of is not None:
        return None
    concrete = definition.concrete_of
    origin = concrete.origin if concrete is not None else definition.origin
    return origin if isinstance(origin, type) else None


def _unwrap(t: GraphQLOutputType) -> tuple[GraphQLOutputType, bool]:
    if isinstance(t, GraphQLNonNull):
        return t.of_type, False
    return t, True


def complete(shape: Shape, source: Any) -> dict[str, Any]:
    """The answer for one object, or Bail."""
    out: dict[str, Any] = {}
    for key, kind, read, leaf, nullable, info, args, result, child, item_nullable in \
            shape.fields:
        if kind is _LEAF:
            value = getattr(source, read)
        elif kind is _TYPENAME:
            out[key] = read
            continue
        elif kind is _BARE:
            value = read(source, None, {})
        else:
            value = read(source, info, args)
            if result is _OBJECT:
                if isinstance(value, child[0]):
                    out[key] = complete(child[1], value)
                elif value is None and nullable:
                    out[key] = None
                else:
                    raise _refuse(value)
                continue
            if result is _LIST_OBJECT or result is _LIST_SCALAR:
                if type(value) is not list and type(value) is not tuple:
                    if value is None and nullable:
                        out[key] = None
                        continue
                    raise _refuse(value)
                if result is _LIST_SCALAR:
                    out[key] = [_scalar(leaf, v, item_nullable) for v in value]
                    continue
                cls, sub = child
                items: list[dict[str, Any] | None] = []
                for item in value:
                    if isinstance(item, cls):
                        items.append(complete(sub, item))
                    elif item is None and item_nullable:
                        items.append(None)
                    else:
                        raise Bail
                out[key] = items
                continue
        out[key] = _scalar(leaf, value, nullable)
    return out


def _scalar(leaf: Any, value: Any, nullable: bool) -> Any:
    if value is None:
        if nullable:
            return None
        raise Bail
    if type(value) not in SHORT_VALUES:
        raise _refuse(value)
    coerced = leaf.coerce_output_value(value)  # an error bails (the caller catches all)
    if coerced is None:
        raise Bail
    return coerced


def compile_shape(executor: Any, object_type: GraphQLObjectType,
                  field_details_list: FieldDetailsList) -> Shape | None:
    """The shape of the selection on `object_type`, or None where a field, or a field
    below it, must take the general path. `executor` is the request's Executor."""
    grouped, new_defer_usages, _forbidden = executor.collect_subfields(
        object_type, field_details_list)
    if new_defer_usages:
        return None
    shape = Shape()
    for key, details in grouped.items():
        name = details[0].node.name.value
        if name == "__typename":
            shape.fields.append((key, _TYPENAME, object_type.name, None, False, None, None,
                                 None, None, False))
            continue
        plan = executor._plan_of(object_type, name)
        if plan.leaf is not None:
            shape.fields.append((key, _LEAF, plan.attr, plan.leaf, plan.nullable, None, None,
                                 None, None, False))
            continue
        if plan.bare_leaf is not None:
            shape.fields.append((key, _BARE, plan.call, plan.bare_leaf, plan.nullable, None,
                                 None, None, None, False))
            continue
        if plan.call is None:
            return None
        entry = _resolver_entry(executor, object_type, key, details, plan)
        if entry is None:
            return None
        shape.fields.append(entry)
    return shape


def _resolver_entry(executor: Any, object_type: GraphQLObjectType, key: str,
                    details: FieldDetailsList, plan: Any) -> tuple[Any, ...] | None:
    field_def = plan.definition
    inner, nullable = _unwrap(field_def.type)
    info: Any = None
    args: dict[str, Any] = {}
    if plan.info_field is not None or plan.field is not None:
        # made once per field node and request, as the executor's rows share it; its path
        # is the field's under a root, which no resolver reads
        raw, info = executor._info(plan, field_def, details, object_type,
                                   Path(None, key, object_type.name))
        if plan.field is not None:
            args = executor._arguments(plan, field_def, details[0], raw)
        if plan.info_field is None:
            info = raw
    item_nullable = False
    if isinstance(inner, GraphQLList):
        item, item_nullable = _unwrap(inner.of_type)
        if is_leaf_type(item):
            return (key, _CALL, plan.call, item, nullable, info, args, _LIST_SCALAR, None,
                    item_nullable)
        result, target = _LIST_OBJECT, item
    elif is_leaf_type(inner):
        return (key, _CALL, plan.call, inner, nullable, info, args, _SCALAR, None, False)
    else:
        result, target = _OBJECT, inner
    if not isinstance(target, GraphQLObjectType):
        return None  # an interface or union: the general path resolves its type
    cls = python_class(target)
    if cls is None:
        return None
    child = executor.shape_of(target, details)
    if child is None:
        return None
    return (key, _CALL, plan.call, None, nullable, info, args, result, (cls, child),
            item_nullable)
