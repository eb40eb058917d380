"""Loaders that feed Institution fields; each turns a page of parents into one store call."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from api.context import Context
from api.loading import by_key, by_parent
from graph.model import Collaborator, ProgramLink
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


def collaborators_with_institutions(context: Context) -> DataLoader[Any, Any]:
    """Keys (institution id, window, first): the collaborators read together with their
    institutions, one round trip per distinct (window, first) that also primes the
    request's institution and collaborator loaders."""

    async def load(keys: Sequence[tuple[Any, ...]]) -> list[list[Collaborator]]:
        groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
        for key in keys:
            groups[tuple(key[1:])].append(key[0])
        results: dict[tuple[Any, ...], list[Collaborator]] = {}
        for (window, first), parents in groups.items():
            found = await context.read(context.store.collaborators_with_nodes, parents,
                                       window, first)
            context.loader(institution_by_id).prime_many(found.institutions)
            for p in parents:
                results[(p, window, first)] = found.collaborators.get(p, [])
        context.loader(collaborators_of).prime_many(results)
        return [results[tuple(k)] for k in keys]

    return DataLoader(load_fn=load)
