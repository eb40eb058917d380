"""Errors a client may see, and the code every error carries (extensions.code).

Codes: GRAPHQL_PARSE_FAILED (syntax), GRAPHQL_VALIDATION_FAILED (the document does
not fit the schema or a shape limit), BAD_USER_INPUT (an argument or a variable;
`argument` names it, "$name" for a variable), NOT_FOUND, UNAUTHENTICATED, FORBIDDEN,
QUERY_TOO_COSTLY, TOO_LARGE, TIMEOUT, BUSY, INTERNAL_SERVER_ERROR (masked, logged).
At the HTTP level (api/http.py): BAD_REQUEST, PAYLOAD_TOO_LARGE, REQUEST_TIMEOUT.
Store faults (api/faults.py, graph/store/faults.py): STORE_UNAVAILABLE, STORE_AUTH,
STORE_FULL, STORE_READ_ONLY, STORE_LOCKED (a write answered one changed nothing),
WRITE_OUTCOME_UNKNOWN (its commit was sent, then lost: stored or not), WRITE_STORED_UNREAD.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSyntaxError,
    OperationDefinitionNode,
    print_ast,
)
from strawberry.extensions import MaskErrors

from api import http

BUSY_RETRY_SECONDS = 5


class UserInputError(GraphQLError):
    """A bad argument: the message names it. Code BAD_USER_INPUT."""

    def __init__(self, message: str, argument: str | None = None, code: str = "BAD_USER_INPUT"):
        extensions: dict[str, object] = {"code": code}
        if argument:
            extensions["argument"] = argument
        super().__init__(message, extensions=extensions)


def busy_error(message: str) -> UserInputError:
    """BUSY with the seconds to wait (HTTP 503 + Retry-After when nothing else answered)."""
    error = UserInputError(f"{message} (retry after {BUSY_RETRY_SECONDS} s)", code="BUSY")
    assert error.extensions is not None
    error.extensions["retryAfter"] = BUSY_RETRY_SECONDS
    return error


class NotFoundError(UserInputError):
    def __init__(self, message: str, argument: str | None = None):
        super().__init__(message, argument, code="NOT_FOUND")


def should_mask(error: GraphQLError) -> bool:
    """Hide what went wrong inside a resolver (SQL, Cypher, paths) unless it is a client's
    bad input; errors without a path come before execution (parse, validation,
    variable coercion) and only ever describe the request."""
    if error.path is None:
        return False
    from api.faults import StoreFaultError  # a known store fault says what happened

    return not isinstance(error.original_error, (UserInputError, StoreFaultError))


def _nodes_under(value: Any) -> Iterator[Any]:
    yield value
    for child in getattr(value, "values", None) or ():  # a list value
        yield from _nodes_under(child)
    for f in getattr(value, "fields", None) or ():  # an input object value
        yield from _nodes_under(f.value)


def _default_of(document: DocumentNode | None, error: GraphQLError) -> str | None:
    """The variable whose default value the error points into, if any."""
    if document is None:
        return None
    wanted = {id(n) for n in error.nodes or ()}
    for d in document.definitions:
        if isinstance(d, OperationDefinitionNode):
            for v in d.variable_definitions or ():
                if v.default_value is None:
                    continue
                if any(id(n) in wanted for n in _nodes_under(v.default_value)):
                    return v.variable.name.value
                # graphql-core reports a bad default without its node: match its text
                raw = getattr(v.default_value, "value", None)
                if not wanted and (print_ast(v.default_value) in error.message or (
                        isinstance(raw, str) and f"'{raw}'" in error.message)):
                    return v.variable.name.value
    return None


def classify(error: GraphQLError, document: DocumentNode | None = None) -> None:
    """Give the error its extensions.code, in place (errors reach the client as they are
    here when an extension refused the request before execution)."""
    extensions: dict[str, Any] = dict(error.extensions or {})
    if "code" in extensions:
        # A scalar's own coded refusal (api/scalars.py) still names its variable.
        if error.path is None and "argument" not in extensions:
            if error.message.startswith("Variable '$"):
                extensions["argument"] = "$" + error.message[len("Variable '$"):].split(
                    "'", 1)[0]
            elif (name := _default_of(document, error)) is not None:
                extensions["argument"] = f"${name}"
                error.message = f"Variable '${name}' has an invalid default value: " \
                    f"{error.message}"
            error.extensions = extensions
        return
    if isinstance(error, GraphQLSyntaxError):
        extensions["code"] = "GRAPHQL_PARSE_FAILED"
    elif error.path is not None:
        extensions["code"] = "INTERNAL_SERVER_ERROR"
    elif error.message.startswith("Variable '$"):
        extensions["code"] = "BAD_USER_INPUT"
        extensions["argument"] = "$" + error.message[len("Variable '$"):].split("'", 1)[0]
    elif (name := _default_of(document, error)) is not None:
        extensions["code"] = "BAD_USER_INPUT"
        extensions["argument"] = f"${name}"
        error.message = f"Variable '${name}' has an invalid default value: {error.message}"
    else:
        extensions["code"] = "GRAPHQL_VALIDATION_FAILED"
    error.extensions = extensions


class ErrorCodes(MaskErrors):
    """Mask internal errors as "Internal error" (unless debugging), with their code."""

    def __init__(self, mask: bool = True) -> None:
        super().__init__(should_mask_error=should_mask if mask else (lambda _: False),
                         error_message="Internal error")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        return GraphQLError("Internal error", nodes=error.nodes, source=error.source,
                            positions=error.positions, path=error.path,
                            extensions={"code": "INTERNAL_SERVER_ERROR"})

    def on_operation(self) -> Iterator[None]:
        yield from super().on_operation()
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        data = getattr(result, "data", None)
        if errors and all((e.extensions or {}).get("code") == "BUSY" for e in errors) \
                and not any(v is not None for v in (data or {}).values()):
            http.answer_with(503, retry_after=str(BUSY_RETRY_SECONDS))  # nothing was answered
