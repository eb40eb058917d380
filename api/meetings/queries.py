"""Query fields of the meetings domain."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry
from strawberry.types import Info

from api import validation
from api.context import ctx
from api.meetings.priming import page_read, prime_meetings
from api.meetings.types import Meeting, meeting_of
from api.pagination import DEFAULT_PAGE, Connection, listing
from graph.store.base import MeetingFilter as StoreFilter


@strawberry.input(description="Meetings to list; all conditions must hold.")
class MeetingFilter:
    region_code: str | None = strawberry.field(
        default=None, description="Held in this region or any region below it."
    )
    from_: date | None = strawberry.field(default=None, name="from", description="On or after.")
    to: date | None = strawberry.field(default=None, description="On or before.")
    institution_id: strawberry.ID | None = strawberry.field(
        default=None, description="Attended by this institution."
    )
    program_id: strawberry.ID | None = strawberry.field(
        default=None, description="Discussed this program."
    )

    def to_store(self) -> StoreFilter:
        return StoreFilter(
            region_code=validation.region_code(self.region_code, "filter.regionCode"),
            window=validation.window(self.from_, self.to),
            institution_id=str(self.institution_id) if self.institution_id else None,
            program_id=str(self.program_id) if self.program_id else None,
        )


@strawberry.enum
class MeetingOrder(Enum):
    DATE_DESC = "date_desc"
    DATE_ASC = "date_asc"
    TITLE_ASC = "title_asc"


_ORDERS = {
    MeetingOrder.DATE_DESC: ("date", True),
    MeetingOrder.DATE_ASC: ("date", False),
    MeetingOrder.TITLE_ASC: ("title", False),
}


@strawberry.type
class MeetingQueries:
    @strawberry.field(description="One meeting by id; null when there is none.")
    async def meeting(self, info: Info, id: strawberry.ID) -> Meeting | None:
        return await meeting_of(info, str(id))

    @strawberry.field(description="Meetings, newest first unless ordered otherwise.")
    async def meetings(
        self, info: Info, filter: MeetingFilter | None = None,
        order_by: MeetingOrder = MeetingOrder.DATE_DESC,
        first: int = DEFAULT_PAGE, after: str | None = None,
    ) -> Connection[Meeting]:
        context = ctx(info)
        sort, desc = _ORDERS[order_by]
        store_filter = (filter or MeetingFilter()).to_store()
        return await listing(
            context, context.store.find_meetings, context.store.count_meetings,
            store_filter, first, after, order_by.name, sort, desc, Meeting.of, info,
            prime_meetings, page_read(context, info),
        )
