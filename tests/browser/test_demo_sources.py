"""The explorer over the `make demo` store (seed releases and a generated Kota
Semarang): a generated institution's citations carry the synthetic badge, a seed
release's do not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from loaders.synthetic.generate import Generator
from loaders.synthetic.output import write_to_store
from tests.browser.conftest import Page, serve
from tests.conftest import DEMO
from tests.helpers import GraphQLClient


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    store = EmbeddedStore(tmp_path_factory.mktemp("demo") / "tpps.db")
    load_files([DEMO], "json", store)
    write_to_store(store, Generator("33.74", 1, 1, "demo").batches())
    found = GraphQLClient(store).data("""{ institutions(filter: {regionCode: "33.74.05",
        nameContains: "Puskesmas Genuk"}, first: 5) { edges { node { id
        meetings(first: 1) { edges { node { sources { source { synthetic } } } } } } } } }""")
    ids = {any(c["source"]["synthetic"] for m in e["node"]["meetings"]["edges"]
               for c in m["node"]["sources"]): e["node"]["id"]
           for e in found["institutions"]["edges"]}
    assert set(ids) == {True, False}  # the seed's Puskesmas Genuk and a generated one
    with serve(store) as base:
        yield base, ids[True], ids[False]
    store.close()


@pytest.fixture
def demo(browser: Any, demo_server: tuple[str, str, str]) -> Iterator[tuple[Page, str, str]]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    base, generated, real = demo_server
    yield Page(context.new_page(), base), generated, real
    context.close()


def _panel(page: Page, institution: str) -> None:
    page.page.goto(f"{page.base}/#region=33.74.05&institution={institution}")
    page.page.wait_for_selector("#panel:not([hidden]) blockquote.cite", timeout=60_000)
    page.idle()


def test_generated_facts_carry_the_synthetic_badge(demo: tuple[Page, str, str]) -> None:
    page, generated, _ = demo
    _panel(page, generated)
    badges = page.page.locator("#panel blockquote.cite .badge.synthetic")
    assert badges.count() >= 1
    assert badges.first.inner_text() == "synthetic"
    assert "Synthetic TPPS network of Kota Semarang" in page.page.inner_text(
        "#panel blockquote.cite")
    page.shot("explorer-synthetic")
    assert page.errors == []


def test_a_seed_release_carries_no_badge(demo: tuple[Page, str, str]) -> None:
    page, _, real = demo
    _panel(page, real)
    assert "000_fa8bd2103e10c025.txt" in page.page.inner_text("#panel")
    assert page.page.locator("#panel .badge.synthetic").count() == 0
    assert page.errors == []
