"""Errors a client may see. Everything else is masked (see api.schema)."""

from __future__ import annotations

from graphql import GraphQLError


class UserInputError(GraphQLError):
    """A bad argument: the message names it. Code BAD_USER_INPUT."""

    def __init__(self, message: str, argument: str | None = None, code: str = "BAD_USER_INPUT"):
        extensions: dict[str, object] = {"code": code}
        if argument:
            extensions["argument"] = argument
        super().__init__(message, extensions=extensions)


class NotFoundError(UserInputError):
    def __init__(self, message: str, argument: str | None = None):
        super().__init__(message, argument, code="NOT_FOUND")
