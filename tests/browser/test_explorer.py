"""The explorer in a real browser, over the demo data (five seed releases)."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import Page

GENUK_MEETING = "Rapat Koordinasi Kecamatan Genuk"


def _open(page: Page, fragment: str = "") -> None:
    page.page.goto(f"{page.base}/{fragment}")
    page.idle()


def test_the_page_loads_with_no_console_errors(page: Page) -> None:
    _open(page)
    assert page.page.title() == "TPPS collaboration explorer"
    assert page.node_count() > 0  # the whole demo network is drawn at start
    page.shot("explorer-start")
    assert page.errors == []


def test_a_search_draws_the_network_of_the_match(page: Page) -> None:
    _open(page)
    page.page.fill("#search", "Genuk")
    page.page.press("#search", "Enter")
    page.page.wait_for_function("location.hash.includes('region=33.74.05')")
    page.idle()
    # Kecamatan Genuk's meeting had 11 attendees: its network is those 11 institutions.
    assert page.node_count() == 11
    assert "11" in page.page.inner_text("#status")
    assert page.errors == []


def test_clicking_a_node_opens_its_panel_with_the_genuk_meeting(page: Page) -> None:
    _open(page, "#region=33.74.05")
    # The node is measured, then clicked: while the layout runs it moves in between (a
    # loaded CI machine once clicked beside it), so click once the layout is done.
    page.page.wait_for_function("document.body.dataset.layout === 'done'", timeout=30_000)
    node = page.page.evaluate("""() => {
      const g = window.tpps.graph, r = window.tpps.renderer;
      const id = g.findNode((_, a) => a.name === 'Puskesmas Genuk');
      const p = r.framedGraphToViewport(r.getNodeDisplayData(id));
      const box = document.getElementById('graph').getBoundingClientRect();
      return {x: p.x + box.left, y: p.y + box.top};
    }""")
    page.page.mouse.click(node["x"], node["y"])
    page.page.wait_for_selector("#panel:not([hidden]) h2:text('Puskesmas Genuk')")
    page.idle()
    panel = page.page.inner_text("#panel")
    assert GENUK_MEETING in panel and "2025-12-17" in panel
    assert "participant" in panel or "presenter" in panel  # its role there
    cite = page.page.inner_text("#panel blockquote.cite")  # where the release says so
    assert "000_fa8bd2103e10c025.txt" in cite and "characters" in cite
    assert "Collaborators" in panel and "Centrality ranks" in panel
    page.shot("explorer-institution")
    assert page.errors == []


def test_moving_the_time_window_changes_the_node_count(page: Page) -> None:
    _open(page)
    everything = page.node_count()
    months = page.page.evaluate("window.tpps.months")
    assert months[0] == "2024-11" and len(months) == 5
    start = page.page.locator("#from")
    start.focus()
    start.press("ArrowRight")  # from 2024-11 to 2025-06: Cilegon's meeting drops out
    page.page.wait_for_function("location.hash.includes('from=2025-06')")
    page.idle()
    assert 0 < page.node_count() < everything
    assert "2025-06" in page.page.inner_text("#from-label")
    assert page.errors == []


def test_the_gaps_panel_lists_kua_for_kecamatan_genuk(page: Page) -> None:
    _open(page, "#region=33.74.05")
    page.page.wait_for_selector("#missing-types")
    missing = page.page.inner_text("#missing-types")
    assert "KUA" in missing and "pre-marriage" in missing
    page.shot("explorer-region")
    assert page.errors == []


def test_labels_switch_to_indonesian_and_the_view_is_in_the_url(page: Page) -> None:
    _open(page, "#region=33.74.05&colour=community")
    page.page.click("#lang")
    assert page.page.inner_text("header h1") == "Penjelajah kolaborasi TPPS"
    assert "lang=id" in page.page.evaluate("location.hash")
    assert page.page.input_value("#colour") == "community"
    assert "lembaga" in page.page.inner_text("#status")


def test_exports_give_gexf_and_csv_of_the_view(page: Page) -> None:
    _open(page, "#region=33.74.05")
    with page.page.expect_download() as gexf:
        page.page.click("#export-gexf")
    text = Path(gexf.value.path()).read_text("utf-8")
    assert text.count("<node ") == 11 and "Puskesmas Genuk" in text
    with page.page.expect_download() as csv:
        page.page.click("#export-csv")
    rows = Path(csv.value.path()).read_text("utf-8").splitlines()
    assert rows[0].startswith("id,name,type,sector") and len(rows) == 12
    with page.page.expect_download() as png:
        page.page.click("#export-png")
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_graphiql_renders_offline(page: Page) -> None:
    requests: list[str] = []
    page.page.on("request", lambda r: requests.append(r.url))
    page.page.goto(f"{page.base}/graphql")
    page.page.wait_for_selector(".graphiql-container", timeout=30_000)
    page.page.wait_for_selector(".graphiql-query-editor, .CodeMirror", timeout=30_000)
    assert all(u.startswith(page.base) or u.startswith("data:") for u in requests), requests
    page.shot("graphiql")
    assert page.errors == []
