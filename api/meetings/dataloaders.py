"""Loaders that feed Meeting fields."""

from api.loading import by_key

meeting_by_id = by_key(lambda c: c.store.meetings)
attendance_of_meeting = by_key(lambda c: c.store.attendance_of_meetings, default=list)
programs_of_meeting = by_key(lambda c: c.store.programs_of_meetings, default=list)
