"""Context.typed: one GraphQL object per model object a request's loaders hold."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from api.context import Context
from api.regions.types import Region
from graph import model
from graph.store.embedded import EmbeddedStore


def test_typed_converts_each_model_object_once(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "t.db")
    try:
        context = Context(store)
        kab = model.Region("33.74", "Kota Semarang", "kabkota", "33")
        first = context.typed(Region.of, kab)
        assert isinstance(first, Region) and first.name == "Kota Semarang"
        assert context.typed(Region.of, kab) is first  # the same row: the same object
        # A value read anew (an equal or a changed copy) is converted anew.
        renamed = replace(kab, name="Semarang")
        again = context.typed(Region.of, renamed)
        assert again is not first and again.name == "Semarang"
        # Another request shares nothing.
        assert Context(store).typed(Region.of, kab) is not first
    finally:
        store.close()
