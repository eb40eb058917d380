"""What a page of institutions' selected fields read, loaded once for the page.

Each institution's `region` and `meetings { totalCount }` would otherwise be a load
per row: batched into one store call by the DataLoader all the same, but each row
then waits on its own future, and graphql-core wraps every waiting field, and every
object and list above it, in a coroutine and a task (~6 a row, most of the CPU of a
page of 100). Loaded before the rows are resolved, the same store calls leave every
field of the page answerable at once (`loading.load_now`), so the page resolves
synchronously.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from strawberry.types import Info

from api import validation
from api.errors import UserInputError
from api.institutions.dataloaders import meeting_count_of_institution
from api.pagination import asks_rows, check_first, page_request
from api.regions.dataloaders import region_by_code
from api.selection import arguments, names, nodes
from graph import model


async def prime_institutions(context: Any, info: Info, items: Sequence[model.Institution],
                             path: tuple[str, ...] = ("edges", "node")) -> None:
    """Load the regions and meeting counts the institutions at `path` ask for.

    Failures stay in the loaders' futures, so the field that needs the value reports
    them as it would have without priming."""
    found = nodes(info, *path)
    asked = names(info, found)
    waits: list[Any] = []
    if "region" in asked:
        codes = list(dict.fromkeys(i.region_code for i in items if i.region_code))
        waits.append(context.loader(region_by_code).load_many(codes))
    for meetings in nodes(info, "meetings", start=found):
        if "totalCount" not in names(info, [meetings]):
            continue
        args = arguments(info, "Institution", meetings)
        try:
            win = validation.window(args.get("from"), args.get("to"))
        except UserInputError:
            continue  # the field reports it
        waits.append(context.loader(meeting_count_of_institution).load_many(
            [(i.id, win) for i in items]))
    if waits:
        await asyncio.gather(*waits, return_exceptions=True)



async def prime_by_its_meetings(context: Any, info: Info, id_: str) -> None:
    """For one institution asked with a page of its meetings and their attendees'
    institutions (query b of the peer bench): read that page first. The institution
    attended every meeting on it, so it comes back among the attendees and primes the
    institution loader: one store call for the whole answer instead of the institution
    read and then the page read keyed by it. An institution with no meeting on the page
    (or an id that names none) is read on its own afterwards, as without this.

    Only for a single `meetings` selection whose arguments are valid (else the field
    reports them itself); failures stay in the loader's future for the field."""
    from api.meetings.priming import attendance_loader, joined_page_loader

    found = nodes(info, "meetings")
    if len(found) != 1 or not asks_rows(found):
        return
    rows = nodes(info, "edges", "node", start=found)
    attendees = nodes(info, "attendees", start=rows)
    if not attendees:
        return
    loader = joined_page_loader(attendance_loader(info, attendees))
    if loader is None:
        return
    args = arguments(info, "Institution", found[0])
    try:
        win = validation.window(args.get("from"), args.get("to"))
        req = page_request(args["first"], args.get("after"), "DATE_DESC", "date", True)
    except (UserInputError, ValueError):
        return
    await asyncio.gather(context.loader(loader).load((id_, win, req)), return_exceptions=True)


async def prime_by_its_collaborators(context: Any, info: Info, id_: str) -> None:
    """For one institution asked with its collaborators (query c of the peer bench):
    read the collaborators first, with their institutions whether asked or not. That
    read returns the institution asked beside those it names
    (Store.collaborators_with_nodes), so the institution's own lookup is answered from
    the loader it primes: one store call instead of two. An id naming none is looked up
    on its own afterwards, as without this.

    Only for a single `collaborators` selection whose arguments are valid (else the
    field reports them itself); failures stay in the loader's future for the field."""
    from api.institutions.dataloaders import collaborators_with_institutions

    found = nodes(info, "collaborators")
    if len(found) != 1:
        return
    args = arguments(info, "Institution", found[0])
    try:
        check_first(args["first"])
        win = validation.window(args.get("from"), args.get("to"))
    except (UserInputError, ValueError):
        return
    await asyncio.gather(context.loader(collaborators_with_institutions).load(
        (id_, win, args["first"])), return_exceptions=True)
