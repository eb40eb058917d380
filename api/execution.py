"""The executor: graphql-core's, with short paths for the fields most answers are made of.

A page of 100 institutions asks ~800 fields; most are plain attributes (`name`, `type`,
`region { name }`) and the rest call a resolver that takes no arguments. graphql-core
runs every field through one general path: a Path, a resolve-info object, Strawberry's
wrapper (Info, argument conversion, the field-extension chain), two awaitable checks and
a recursive completion. This executor takes two shorter ones, chosen per schema field
once (`_plan`) and used only where they cannot differ from the general path:

- a *plain leaf* (a Strawberry field without resolver, extensions or exception handlers,
  no arguments, of a scalar type) whose value is a str/int/float/bool/date is read with
  getattr and coerced in place: no Path, no info, no completion. Any other value (None
  for a non-null field, an exception, an awaitable, a value the scalar refuses) goes the
  general way, which reads the attribute again and reports exactly what it always did;
- a *plain resolver* (a resolver without arguments, extensions or exception handlers)
  is called with its self/parent/root/info parameters filled directly, skipping
  Strawberry's argument conversion and extension chain; what it returns is completed
  and its errors handled as graphql-core does (the body below is its execute_field's).
  Its resolve-info (and Strawberry's Info) is made once per field node and request and
  handed to every row of a page: they differ only in `info.path`, which no resolver
  reads (errors carry each row's own path, from the executor).

Written against graphql-core 3.3's Executor (`execute_fields`, `execute_field`) and
Strawberry's resolver wrapper (`_get_basic_result`); tests/api/test_execution.py
checks the short paths are taken and answer what the general path answers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    OperationType,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.execution.values import get_argument_values
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField

from api.subtree import SHORT_VALUES as _SHORT_VALUES
from api.subtree import Shape, compile_shape, complete


class _Plan:
    """How one schema field is executed. A plain leaf has `leaf`; a plain resolver (or a
    plain attribute of an object type) has `call`; the general path has neither."""

    __slots__ = ("attr", "bare_leaf", "call", "definition", "field", "info_field", "leaf",
                 "nullable", "object_type")

    def __init__(self, attr: str | None = None, leaf: GraphQLLeafType | None = None,
                 nullable: bool = True, call: Call | None = None,
                 field: StrawberryField | None = None,
                 object_type: GraphQLObjectType | None = None) -> None:
        self.attr, self.leaf, self.nullable, self.call = attr, leaf, nullable, call
        self.field = field  # the Strawberry field, when its arguments need converting
        self.object_type = object_type  # the return type, when an object (maybe non-null)
        self.definition: GraphQLField | None = None  # set by _plan_of
        # A resolver of a scalar that takes no info and no arguments (totalCount, cursor).
        self.bare_leaf: GraphQLLeafType | None = None
        # The Strawberry field of a resolver that takes an Info: `call` is then handed
        # Strawberry's Info (made once per field node and request, _run_plan), not
        # graphql-core's.
        self.info_field: StrawberryField | None = None


# call(source, info, the resolver's converted arguments); info is Strawberry's Info for a
# plan with an info_field, else graphql-core's (or None for a bare leaf)
Call = Callable[[Any, Any, dict[str, Any]], Any]

_GENERAL = _Plan()
_BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF
_PLANS = "_tpps_execution_plans"
_ITEM_OBJECT = "_tpps_item_object_type"
_MISSING = object()
# Converted arguments a request may share between the rows of one field node: values
# a resolver cannot change under the next row.
_SHAREABLE = frozenset({type(None), str, int, float, bool, date, datetime})


def _strawberry_field(definition: GraphQLField) -> StrawberryField | None:
    found = (definition.extensions or {}).get(_BACKREF)
    return found if isinstance(found, StrawberryField) else None


def _is_plain_wrapper(definition: GraphQLField, names: tuple[str, ...]) -> bool:
    """Strawberry's resolver wrapper is one of `names`: no exception handler is wired in
    (with one, Strawberry wraps the field in `_call_with_exception_handling`)."""
    resolve = definition.resolve
    return resolve is not None and getattr(resolve, "__name__", "") in names


def _object_type(return_type: GraphQLOutputType) -> GraphQLObjectType | None:
    inner = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
    return inner if isinstance(inner, GraphQLObjectType) else None


def _info_free(object_type: GraphQLObjectType) -> bool:
    """The type's is_type_of, if any, is the one Strawberry generates, which ignores info."""
    check = object_type.is_type_of
    return check is None or "_get_is_type_of.<locals>." in getattr(check, "__qualname__", "")


def _plan(schema: GraphQLSchema, definition: GraphQLField) -> _Plan:
    field = _strawberry_field(definition)
    if field is None or field.extensions or field.is_subscription:
        return _GENERAL
    return_type = definition.type
    object_type = _object_type(return_type)
    if field.base_resolver is None:
        if (not _is_plain_wrapper(definition, ("_get_basic_result",))
                or field.default_resolver is not getattr or definition.args):
            return _GENERAL
        nullable = not isinstance(return_type, GraphQLNonNull)
        inner = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
        attr = field.python_name
        if is_leaf_type(inner):
            return _Plan(attr, inner, nullable)
        plan = _Plan(call=lambda source, _info, _args: getattr(source, attr),
                     object_type=object_type)
        if object_type is not None and _info_free(object_type):
            plan.attr = attr  # completed without a resolve-info (_run_plan)
        return plan
    if not _is_plain_wrapper(definition, ("_resolver", "_async_resolver")):
        return _GENERAL
    resolver = field.base_resolver
    func = resolver.wrapped_func
    if not callable(func):
        return _GENERAL
    pass_self = resolver.self_parameter is not None
    source_names = [p.name for p in (resolver.parent_parameter, resolver.root_parameter)
                    if p is not None]
    info_name = resolver.info_parameter.name if resolver.info_parameter else None

    def call(source: Any, info: Any, args: dict[str, Any]) -> Any:
        # What Strawberry's get_arguments passes a resolver: its converted arguments,
        # then self, parent, root and info where its signature asks for them.
        kwargs = {**args, **dict.fromkeys(source_names, source)}
        if info_name is not None:
            kwargs[info_name] = info
        return func(source, **kwargs) if pass_self else func(**kwargs)

    # The usual method resolvers, `def f(self, info)` and `def f(self)`, without
    # building a dict of keyword arguments per row.
    if pass_self and not source_names and not definition.args:
        if info_name == "info":
            def call(source: Any, info: Any, args: dict[str, Any]) -> Any:
                return func(source, info=info)
        elif info_name is None:
            def call(source: Any, info: Any, args: dict[str, Any]) -> Any:
                return func(source)

    plan = _Plan(call=call, field=field if definition.args else None,
                 object_type=object_type)
    if info_name is not None:
        plan.info_field = field
    inner = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
    if info_name is None and not definition.args and is_leaf_type(inner):
        plan.bare_leaf = inner
        plan.nullable = not isinstance(return_type, GraphQLNonNull)
    return plan


def _item_object_type(item_type: GraphQLOutputType) -> GraphQLObjectType | None:
    """_object_type of a list's item type, kept on the type: asked once per item."""
    found = item_type.__dict__.get(_ITEM_OBJECT, _MISSING)
    if found is _MISSING:
        found = item_type.__dict__[_ITEM_OBJECT] = _object_type(item_type)
    return found  # type: ignore[no-any-return]


def _plans(parent_type: GraphQLObjectType) -> dict[str, _Plan]:
    """Per object type, its fields' plans, made on first use: kept on the type (which
    lives as long as its schema), not in its `extensions`, which introspection tools read."""
    plans: dict[str, _Plan] | None = parent_type.__dict__.get(_PLANS)
    if plans is None:
        plans = parent_type.__dict__[_PLANS] = {}
    return plans


class Executor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor with the short paths of the module docstring."""

    SUBTREES = True  # complete plain subtrees in one pass (api/subtree.py); tests turn it off

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A field middleware (a Strawberry extension with `resolve`) wraps every
        # resolver: then every field takes the general path.
        manager = self.middleware_manager
        self.short_paths = manager is None or not manager.middlewares
        # (field, node) -> converted arguments; a list scanned by identity: a request
        # has a handful of argument-taking nodes, and nodes do not hash cheaply.
        self._argument_cache: list[tuple[tuple[GraphQLField, Any], dict[str, Any]]] = []
        # id(field details list) -> (it, graphql-core's info, the resolver's): _info
        self._infos: dict[int, tuple[FieldDetailsList, GraphQLResolveInfo[Any], Any]] = {}
        # Whole subtrees completed in one pass (api/subtree.py): reads only.
        self.subtrees = (self.SUBTREES and self.short_paths
                         and self.operation.operation == OperationType.QUERY)
        # (type, id(field details list)) -> its compiled shape (None: general path); the
        # lists are kept in the entries, so their ids are not reused within the request
        self._shapes: dict[tuple[GraphQLObjectType, int],
                           tuple[FieldDetailsList, Shape | None]] = {}

    def shape_of(self, object_type: GraphQLObjectType,
                 field_details_list: FieldDetailsList) -> Shape | None:
        key = (object_type, id(field_details_list))
        found = self._shapes.get(key)
        if found is not None and found[0] is field_details_list:
            return found[1]
        shape = compile_shape(self, object_type, field_details_list)
        self._shapes[key] = (field_details_list, shape)
        return shape

    def _plan_of(self, parent_type: GraphQLObjectType, name: str) -> _Plan:
        plans = _plans(parent_type)
        found = plans.get(name)
        if found is None:
            definition = parent_type.fields.get(name)
            found = plans[name] = (_GENERAL if definition is None
                                   else _plan(self.schema, definition))
            if found.call is not None:
                found.definition = definition
        return found

    def execute_fields(
        self, parent_type: GraphQLObjectType, source_value: Any, path: Path | None,
        grouped_field_set: GroupedFieldSet, position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        """graphql-core's execute_fields, answering a plain leaf in place."""
        if not self.short_paths:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set,
                                          position_context)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        plans = parent_type.__dict__.get(_PLANS) or _plans(parent_type)
        try:
            for response_name, field_details_list in grouped_field_set.items():
                name = field_details_list[0].node.name.value
                plan = plans.get(name) or self._plan_of(parent_type, name)
                leaf = plan.leaf
                if leaf is not None:
                    value = getattr(source_value, plan.attr, _MISSING)  # type: ignore[arg-type]
                    if value is None:
                        if plan.nullable:
                            results[response_name] = None
                            continue
                    elif type(value) in _SHORT_VALUES:
                        try:
                            coerced = leaf.coerce_output_value(value)
                        except Exception:  # the general path reports it
                            coerced = None
                        if coerced is not None and coerced is not Undefined:
                            results[response_name] = coerced
                            continue
                field_path = Path(path, response_name, parent_type.name)
                result = (self._run_plan(plan, parent_type, source_value, field_details_list,
                                         field_path, position_context)
                          if plan.call is not None else
                          self.execute_field(parent_type, source_value, field_details_list,
                                             field_path, position_context))
                if result is not Undefined:
                    results[response_name] = result
                    if type(result) is not dict and is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:  # settle what other fields started, as graphql-core does
                self.settle_in_background([results[f] for f in awaitable_fields])
            raise
        if not awaitable_fields:
            return results
        return self._gather(results, awaitable_fields)

    async def _gather(self, results: dict[str, Any], awaitable_fields: list[str]
                      ) -> dict[str, Any]:
        if len(awaitable_fields) == 1:
            field = awaitable_fields[0]
            results[field] = await results[field]
        else:
            awaited = await gather_with_cancel(*(results[f] for f in awaitable_fields))
            results.update(zip(awaitable_fields, awaited, strict=True))
        return results

    def execute_field(
        self, parent_type: GraphQLObjectType, source: Any,
        field_details_list: FieldDetailsList, path: Path, position_context: Any,
    ) -> Any:
        """graphql-core's execute_field, calling a plain resolver directly (fields run
        serially, a mutation's, come here; execute_fields calls _run_plan itself)."""
        plan = (self._plan_of(parent_type, field_details_list[0].node.name.value)
                if self.short_paths else _GENERAL)
        if plan.call is None:
            return super().execute_field(parent_type, source, field_details_list, path,
                                         position_context)
        return self._run_plan(plan, parent_type, source, field_details_list, path,
                              position_context)

    def _run_plan(
        self, plan: _Plan, parent_type: GraphQLObjectType, source: Any,
        field_details_list: FieldDetailsList, path: Path, position_context: Any,
    ) -> Any:
        """The body of graphql-core's execute_field for a field with a `call`."""
        first = field_details_list[0]
        call: Call = plan.call  # type: ignore[assignment]
        field_def: GraphQLField = plan.definition  # type: ignore[assignment]
        return_type = field_def.type
        if plan.attr is not None and position_context is None:
            # A plain attribute of an object type: nothing here reads a resolve-info.
            value = getattr(source, plan.attr, _MISSING)
            if value is not _MISSING:
                try:
                    completed = self._complete_object(
                        plan.object_type, field_details_list, None,  # type: ignore[arg-type]
                        path, value, None)
                except Exception as raw_error:
                    self.handle_field_error(raw_error, return_type, field_details_list, path)
                    return None
                if completed is not _MISSING:
                    if type(completed) is not dict and self.is_awaitable(completed):
                        return self._await_completed(completed, return_type,
                                                     field_details_list, path)
                    return completed
        bare = plan.bare_leaf
        if bare is not None:  # needs no info: a plain value is answered before one is made
            try:
                result = call(source, None, {})
            except Exception as raw_error:
                self.handle_field_error(raw_error, return_type, field_details_list, path)
                return None
            if result is None:
                if plan.nullable:
                    return None
            elif type(result) in _SHORT_VALUES:
                try:
                    coerced = bare.coerce_output_value(result)
                except Exception:  # complete_value below reports it
                    coerced = None
                if coerced is not None and coerced is not Undefined:
                    return coerced
        info, resolver_info = self._info(plan, field_def, field_details_list, parent_type,
                                         path)
        try:
            if bare is None:
                args = self._arguments(plan, field_def, first, info) if plan.field else {}
                result = call(source, resolver_info, args)
            if self.is_awaitable(result):
                return self.complete_awaitable_value(
                    return_type, field_details_list, info, path, result, position_context)
            completed = (self._complete_object(plan.object_type, field_details_list, info,
                                               path, result, position_context)
                         if plan.object_type is not None and position_context is None
                         else _MISSING)
            if completed is _MISSING:
                completed = self.complete_value(
                    return_type, field_details_list, info, path, result, position_context)
            if type(completed) is not dict and self.is_awaitable(completed):
                return self._await_completed(completed, return_type, field_details_list,
                                             path)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        return completed

    def _info(self, plan: _Plan, field_def: GraphQLField,
              field_details_list: FieldDetailsList, parent_type: GraphQLObjectType,
              path: Path) -> tuple[GraphQLResolveInfo[Any], Any]:
        """graphql-core's resolve-info and what the resolver is handed (Strawberry's Info
        when it takes one), made once per field node and request and shared by the rows
        of a page: each is the same but for `path`, which is then the first row's (no
        resolver reads it; errors carry the row's own path, from the executor)."""
        key = id(field_details_list)
        shared = self._infos.get(key)
        if shared is not None and shared[0] is field_details_list:
            return shared[1], shared[2]
        info = self.build_resolve_info(field_def, [d.node for d in field_details_list],
                                       parent_type, path)
        resolver_info: Any = info
        if plan.info_field is not None:
            info_class = self.schema._strawberry_schema.config.info_class  # type: ignore[attr-defined]
            resolver_info = info_class(_raw_info=info, _field=plan.info_field)
        # The list is kept in the entry, so its id is not reused within the request.
        self._infos[key] = (field_details_list, info, resolver_info)
        return info, resolver_info

    def _arguments(self, plan: _Plan, field_def: GraphQLField, first: Any,
                   info: GraphQLResolveInfo[Any]) -> dict[str, Any]:
        """The resolver's arguments as Strawberry converts them (graphql-core coerces,
        then Strawberry builds its Python values). They depend only on the field node and
        the request's variables, so a page's rows share them when every value is plain."""
        key = (field_def, first.node)
        cache = self._argument_cache
        for k, found in cache:
            if k[0] is key[0] and k[1] is key[1]:
                return found
        schema = self.schema._strawberry_schema  # type: ignore[attr-defined]
        raw = get_argument_values(field_def, first.node, self.variable_values,
                                  first.fragment_variable_values, self.hide_suggestions)
        converted: dict[str, Any] = convert_arguments(
            raw, plan.field.arguments,  # type: ignore[union-attr]
            scalar_registry=schema.schema_converter.scalar_registry, config=schema.config,
            info=schema.config.info_class(_raw_info=info, _field=plan.field))
        if first.fragment_variable_values is None and all(
                type(v) in _SHAREABLE or isinstance(v, Enum) for v in converted.values()):
            cache.append((key, converted))
        return converted

    def _complete_object(self, object_type: GraphQLObjectType,
                         field_details_list: FieldDetailsList, info: GraphQLResolveInfo[Any],
                         path: Path, result: Any, position_context: Any) -> Any:
        """complete_value for an object type's value, without its four calls of
        dispatch; _MISSING where complete_value has more to do (null, an error value,
        an async is_type_of, a deferred fragment)."""
        if result is None or isinstance(result, Exception):
            return _MISSING
        is_type_of = object_type.is_type_of
        if is_type_of is not None:
            valid = is_type_of(result, info)
            if valid is not True:
                return _MISSING  # False or awaitable: complete_value raises or awaits it
        if self.subtrees and position_context is None:
            # a shape exists only where nothing is deferred (compile_shape collected the
            # subfields once for the request): no collection per row here
            shape = self.shape_of(object_type, field_details_list)
            if shape is not None and not shape.bailed:
                try:
                    return complete(shape, result)
                except Exception:  # noqa: BLE001 - any surprise: the general path below
                    shape.bailed = True
        grouped, new_defer_usages, _forbidden = self.collect_subfields(
            object_type, field_details_list)
        if new_defer_usages:
            return _MISSING
        return self.execute_fields(object_type, result, path, grouped, position_context)

    def complete_list_item_value(
        self, item: Any, complete_results: list[Any], item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList, info: GraphQLResolveInfo[Any], item_path: Path,
        position_context: Any,
    ) -> bool:
        """graphql-core's, completing an object item without complete_value's dispatch."""
        object_type = (_item_object_type(item_type) if self.short_paths else None)
        if object_type is None or position_context is not None:
            return super().complete_list_item_value(item, complete_results, item_type,
                                                    field_details_list, info, item_path,
                                                    position_context)
        try:
            completed = self._complete_object(object_type, field_details_list, info,
                                              item_path, item, None)
            if completed is _MISSING:  # nothing ran yet: the general path does it all
                return super().complete_list_item_value(item, complete_results, item_type,
                                                        field_details_list, info,
                                                        item_path, position_context)
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, field_details_list, item_path)
            complete_results.append(None)
            return False
        if type(completed) is not dict and self.is_awaitable(completed):
            complete_results.append(self._await_completed(completed, item_type,
                                                          field_details_list, item_path))
            return True
        complete_results.append(completed)
        return False

    async def _await_completed(self, completed: Awaitable[Any], return_type: GraphQLOutputType,
                               field_details_list: FieldDetailsList, path: Path) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
