"""Argument checks shared by every domain; each error names the argument."""

from __future__ import annotations

from datetime import date

from api.errors import UserInputError
from graph.ids import normalise_name
from graph.model import LEVELS
from graph.settings import settings
from graph.store.base import Window
from graph.vocabulary import institution_types
from loaders.records import REGION_CODE


def region_code(value: str | None, argument: str = "regionCode") -> str | None:
    if value is not None and not REGION_CODE.match(value):
        raise UserInputError(f"{argument}: {value!r} is not a Kemendagri region code", argument)
    return value


def level(value: str | None, argument: str = "level") -> str | None:
    if value is not None and value not in LEVELS:
        raise UserInputError(
            f"{argument}: {value!r} is not a level; use one of {', '.join(LEVELS)}", argument
        )
    return value


def institution_type(value: str, argument: str = "type") -> str:
    if value not in institution_types():
        raise UserInputError(
            f"{argument}: unknown institution type {value!r} (see the InstitutionType list)",
            argument,
        )
    return value


def window(start: date | None, end: date | None) -> Window:
    if start and end and start > end:
        raise UserInputError(f"from ({start}) is after to ({end})", "from")
    return Window(start, end)


def search_text(value: str | None, argument: str = "filter.nameContains") -> str | None:
    """A search string: capped in length (each character costs a scan), and one that
    normalises to nothing is refused rather than matching every row."""
    if not value:
        return None
    limit = settings().search_chars
    if len(value) > limit:
        raise UserInputError(f"{argument}: {len(value)} characters, more than the {limit} a "
                             "search accepts", argument)
    if not normalise_name(value):
        raise UserInputError(f"{argument}: {value[:40]!r} has no letter or digit to search "
                             "for (names are matched on Latin letters and digits, without "
                             "case, accents or punctuation)", argument)
    return value
