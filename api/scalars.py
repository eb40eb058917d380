"""Scalars stricter than Strawberry's: a Date is YYYY-MM-DD and nothing else.

Strawberry parses Date with date.fromisoformat, which on Python 3.11 also takes
20250101 and 2025-W01-1; a mutation would store such a date and a filter would
silently reinterpret it. The override keeps the schema's name (Date) and its output.
"""

from __future__ import annotations

from datetime import date

from strawberry.schema.types.base_scalars import DateDefinition
from strawberry.types.scalar import ScalarDefinition

from api.analytics.columns import COLUMN_SCALARS
from api.errors import UserInputError
from loaders.values import iso_date


def _parse_date(value: object) -> date:
    """A client's bad date is bad input (shown), not an internal error (masked)."""
    if not isinstance(value, str):
        raise UserInputError(f"Date: {value!r} is not a date as YYYY-MM-DD (a string)")
    try:
        parsed: date = iso_date(value)
    except ValueError as exc:
        raise UserInputError(f"Date: {exc}") from None
    return parsed


StrictDate = ScalarDefinition(
    name=DateDefinition.name,
    description="Date as YYYY-MM-DD",
    specified_by_url=None,
    serialize=DateDefinition.serialize,
    parse_value=_parse_date,
    parse_literal=None,
    origin=date,
)

SCALAR_OVERRIDES: dict[object, ScalarDefinition] = {date: StrictDate, **COLUMN_SCALARS}
