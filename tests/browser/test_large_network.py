"""The explorer on a network of a few thousand institutions: the layout runs in a web
worker while the page stays responsive, and a drag moves a snapshot, not WebGL frames."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bench.synthetic import batches
from graph.store.embedded import EmbeddedStore
from tests.browser.conftest import Page, serve

INSTITUTIONS = 3000

# Counts animation frames and 10 ms timer ticks while the worker's layout runs, and
# reads a few positions before and after it.
DURING_LAYOUT_JS = """async () => {
  const g = window.tpps.graph;
  const ids = g.nodes().slice(0, 50);
  const before = ids.map((n) => [g.getNodeAttribute(n, 'x'), g.getNodeAttribute(n, 'y')]);
  const wasRunning = document.body.dataset.layout === 'running';
  let frames = 0, ticks = 0;
  const tick = setInterval(() => { ticks += 1; }, 10);
  await new Promise((done) => {
    const step = () => {
      if (document.body.dataset.layout === 'done') { done(); return; }
      frames += 1;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  clearInterval(tick);
  const moved = ids.filter((n, i) => g.getNodeAttribute(n, 'x') !== before[i][0]
                                     || g.getNodeAttribute(n, 'y') !== before[i][1]).length;
  return { wasRunning, frames, ticks, moved, order: g.order };
}"""


@pytest.fixture(scope="module")
def large_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = EmbeddedStore(tmp_path_factory.mktemp("large") / "tpps.db")
    for b in batches(INSTITUTIONS, 700, 8, everyone=True):
        store.write(b)
    with serve(store) as base:
        yield base
    store.close()


@pytest.fixture
def large(browser: Any, large_server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    p = Page(context.new_page(), large_server)
    yield p
    context.close()


def _drawn(page: Page) -> None:
    page.page.goto(f"{page.base}/")
    page.page.wait_for_function("window.tpps.timings && window.tpps.timings.drawnAt",
                                timeout=120_000, polling=20)


def test_the_layout_runs_beside_the_page_not_on_it(large: Page) -> None:
    _drawn(large)
    seen = large.page.evaluate(DURING_LAYOUT_JS)
    assert seen["order"] == INSTITUTIONS
    assert seen["wasRunning"]  # drawn first, laid out after
    # The main thread kept turning: frames were drawn and timers ran during the layout.
    assert seen["frames"] >= 3, seen
    assert seen["ticks"] >= 20, seen
    assert seen["moved"] > 0, seen  # and the layout did move the nodes
    large.shot("explorer-large")
    assert large.errors == []


def test_a_drag_moves_a_snapshot_then_draws_the_graph_again(large: Page) -> None:
    _drawn(large)
    large.page.wait_for_function("document.body.dataset.layout === 'done'",
                                 timeout=120_000, polling=50)
    box = large.page.locator("#graph").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    before = large.page.evaluate("window.tpps.renderer.getCamera().getState()")
    large.page.mouse.move(x, y)
    large.page.mouse.down()
    large.page.mouse.move(x + 60, y + 30, steps=5)
    # While the mouse drags, the WebGL layers are hidden behind one moving bitmap.
    assert large.page.evaluate("""() => {
      const s = document.querySelector('#graph .sigma-snapshot');
      const nodes = window.tpps.renderer.getCanvases().nodes;
      return !!s && s.style.transform.startsWith('matrix')
        && nodes.style.visibility === 'hidden';
    }""")
    large.page.mouse.up()
    large.page.wait_for_function("!document.querySelector('#graph .sigma-snapshot')",
                                 timeout=30_000, polling=50)
    after = large.page.evaluate("window.tpps.renderer.getCamera().getState()")
    assert (after["x"], after["y"]) != (before["x"], before["y"])
    assert large.page.evaluate(
        "window.tpps.renderer.getCanvases().nodes.style.visibility") == ""
    assert large.errors == []
