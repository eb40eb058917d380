"""Relay-style connections over the store's keyset pages.

A cursor is the (sort value, id) of a row plus the ordering it belongs to,
so the next page is an index range scan, not an OFFSET: page 1,000 costs
what page 1 costs.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Generic, TypeVar

import strawberry
from graphql import FieldNode
from strawberry.types import Info

from api.errors import UserInputError
from api.loading import Deferred
from graph.store.base import Page, PageRequest

T = TypeVar("T")
MAX_PAGE = 100
DEFAULT_PAGE = 20


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    order: strawberry.Private[str]
    key: strawberry.Private[tuple[Any, str]]

    @strawberry.field
    def cursor(self) -> str:
        # Encoded when asked: a page of 100 rows that shows no cursor encodes none.
        return encode_cursor(self.order, self.key)


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Deferred]]

    @strawberry.field(description="Rows matching the filter, over all pages (counted on request).")
    def total_count(self) -> int:
        # The count itself, or its awaitable: a count primed for the whole page
        # (api/institutions/priming.py) is answered without a coroutine per row.
        found: int = self.count()
        return found


def encode_cursor(order: str, key: tuple[Any, str]) -> str:
    raw = json.dumps([order, key[0], key[1]], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, order: str, argument: str = "after") -> tuple[Any, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        found_order, value, id_ = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, TypeError, binascii.Error, UnicodeError) as exc:
        raise UserInputError(f"{argument}: not a cursor from this API", argument) from exc
    if found_order != order:
        raise UserInputError(
            f"{argument}: the cursor belongs to ordering {found_order}, not {order}", argument
        )
    if not isinstance(id_, str):
        raise UserInputError(f"{argument}: not a cursor from this API", argument)
    return value, id_


def check_first(first: int, argument: str = "first", limit: int = MAX_PAGE) -> int:
    if first < 0 or first > limit:
        raise UserInputError(f"{argument} must be between 0 and {limit}, got {first}", argument)
    return first


_COUNT_ONLY = frozenset({"totalCount", "__typename"})


def asks_page(info: Info) -> bool:
    """Whether a connection's selection reads rows (edges, pageInfo) or only totalCount.

    `meetings(first: 0) { totalCount }` then costs one count and no page read. Looks
    at the raw field nodes, one level deep (Strawberry's selected_fields converts the
    whole subtree, on every parent row); a fragment counts as asking for rows.
    """
    return asks_rows(info._raw_info.field_nodes)


def asks_rows(nodes: Iterable[FieldNode]) -> bool:
    """asks_page for these field nodes of a connection (priming looks one level down)."""
    for node in nodes:
        for sel in node.selection_set.selections if node.selection_set else ():
            if not isinstance(sel, FieldNode) or sel.name.value not in _COUNT_ONLY:
                return True
    return False


def page_request(first: int, after: str | None, order: str, sort: str, descending: bool
                 ) -> PageRequest:
    check_first(first)
    key = decode_cursor(after, order) if after else None
    return PageRequest(first=first, after=key, sort=sort, descending=descending)


def connection(page: Page[Any], wrap: Callable[[Any], T], order: str, after: str | None,
               count: Callable[[], Deferred]) -> Connection[T]:
    keys = page.keys
    edges = [Edge(node=wrap(item), order=order, key=key)
             for item, key in zip(page.items, keys, strict=True)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=after is not None,
            start_cursor=encode_cursor(order, keys[0]) if edges else None,
            end_cursor=encode_cursor(order, keys[-1]) if edges else None,
        ),
        count=count,
    )


async def listing(
    context: Any, find: Callable[..., Page[Any]], count: Callable[..., int], store_filter: Any,
    first: int, after: str | None, order: str, sort: str, descending: bool,
    wrap: Callable[[Any], T], info: Info | None = None,
    prime: Callable[[Any, Info, list[Any]], Awaitable[None]] | None = None,
    read: Callable[[Any, PageRequest], Awaitable[Page[Any]]] | None = None,
) -> Connection[T]:
    """A top-level connection: one store call for the page (unless only totalCount is
    asked), one more if totalCount is asked. `prime` loads, a batch per field, what the
    rows' selected fields read, so they resolve without a coroutine each; `read`, when
    given, reads the page in `find`'s place (a read that brings what `prime` would)."""
    req = page_request(first, after, order, sort, descending)
    if info is not None and not asks_page(info):
        page: Page[Any] = Page()
    else:
        page = await (read(store_filter, req) if read is not None
                      else context.read(find, store_filter, req))
    if prime is not None and info is not None and page.items:
        await prime(context, info, page.items)

    async def total() -> int:
        return int(await context.read(count, store_filter))

    return connection(page, wrap, order, after, total)
