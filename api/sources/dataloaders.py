"""Loaders for provenance: the citations of any fact, and sources by id."""

from api.loading import by_key

citations_of = by_key(lambda c: c.store.citations, default=list)
source_by_id = by_key(lambda c: c.store.sources)
