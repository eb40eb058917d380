"""Loaders that feed Institution fields; each turns a page of parents into one store call."""

from collections import defaultdict

from api.loading import by_key, by_parent
from graph.model import ProgramLink
from graph.store.base import Page


def _links_by_institution(context):  # type: ignore[no-untyped-def]
    def fetch(ids: list[str]) -> dict[str, list[ProgramLink]]:
        out: dict[str, list[ProgramLink]] = defaultdict(list)
        for link in context.store.program_links(institution_ids=ids):
            out[link.institution_id].append(link)
        return out

    return fetch


institution_by_id = by_key(lambda c: c.store.institutions)
meetings_of_institution = by_parent(lambda c: c.store.meetings_of_institutions, default=Page)
meeting_count_of_institution = by_parent(
    lambda c: c.store.count_meetings_of_institutions, default=int
)
collaborators_of = by_parent(lambda c: c.store.collaborators, default=list)
program_links_of_institution = by_key(_links_by_institution, default=list)
