"""Loaders that feed Program fields."""

from collections import defaultdict

from api.loading import by_key, by_parent
from graph.model import ProgramLink
from graph.store.base import Page


def _links_by_program(context):  # type: ignore[no-untyped-def]
    def fetch(ids: list[str]) -> dict[str, list[ProgramLink]]:
        out: dict[str, list[ProgramLink]] = defaultdict(list)
        for link in context.store.program_links(program_ids=ids):
            out[link.program_id].append(link)
        return out

    return fetch


program_by_id = by_key(lambda c: c.store.programs)
program_links_of_program = by_key(_links_by_program, default=list)
regions_of_program = by_key(lambda c: c.store.program_regions, default=list)
meetings_of_program = by_parent(lambda c: c.store.meetings_of_programs, default=Page)
meeting_count_of_program = by_parent(lambda c: c.store.count_meetings_of_programs, default=int)
