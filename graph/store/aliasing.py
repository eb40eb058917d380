"""Ids of merged-away institutions, rewritten to the institution kept.

Both backends store aliases (old id -> kept id) when `merge_institutions`
runs; a later batch that still names an old id is rewritten here, so a reload
of the original data cannot resurrect the duplicate.
"""

from __future__ import annotations

from dataclasses import replace

from graph.ids import attendance_key
from graph.model import Attendance, Batch, merge_roles


def institution_refs(batch: Batch) -> set[str]:
    """Every id in the batch that may name an institution."""
    ids = {i.id for i in batch.institutions}
    ids |= {a.institution_id for a in batch.attendance}
    ids |= {link.institution_id for link in batch.program_links}
    for c in batch.citations:
        is_attendance = c.subject_id.startswith("att:")
        ids.add(c.subject_id.rsplit(":", 1)[-1] if is_attendance else c.subject_id)
    return ids


def rewrite(batch: Batch, alias: dict[str, str]) -> Batch:
    if not alias:
        return batch

    def a(x: str) -> str:
        return alias.get(x, x)

    def subject(s: str) -> str:
        if s.startswith("att:"):
            _, meeting, institution = s.split(":", 2)
            return attendance_key(meeting, a(institution))
        return a(s)

    return replace(
        batch,
        institutions=[replace(i, id=a(i.id)) for i in batch.institutions],
        attendance=[replace(x, institution_id=a(x.institution_id)) for x in batch.attendance],
        program_links=[replace(x, institution_id=a(x.institution_id))
                       for x in batch.program_links],
        citations=[replace(c, subject_id=subject(c.subject_id)) for c in batch.citations],
    )


def collapse_attendance(rows: list[Attendance]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(institution, meeting) -> the union of roles over every row naming the pair."""
    merged: dict[tuple[str, str], tuple[str, ...]] = {}
    for a in rows:
        key = (a.institution_id, a.meeting_id)
        merged[key] = merge_roles(merged.get(key, ()), a.roles)
    return merged
