"""The explorer at 5,000 institutions in headless Chromium: page load time (navigation
to the network on screen, API included) and frame rate while the user pans and zooms.

    python bench/explorer.py [--institutions 5000] [--runs 3]

Needs the vite build (make install) and /usr/bin/chromium. WebGL runs in software in
headless Chromium without a GPU, so the frame rate is a floor for a planner's laptop.

Each run prints where the load went (the network request, building the graphology
model, sigma's first frame), how long the worker's ForceAtlas2 ran after the first
frame and the main thread's frame rate meanwhile (the page stays usable), then the
frame rate of sigma while the mouse drags the view and the wheel zooms it. The camera
is moved by real mouse and wheel events on sigma's canvas, one per animation frame, so
sigma's own camera handling, and the explorer's snapshot while it moves, are timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import uvicorn  # noqa: E402

from api.app import create_app  # noqa: E402
from bench.server import free_port  # noqa: E402
from bench.synthetic import batches  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]

# While the worker lays out: animation frames per second, and the longest the main
# thread went without running a 10 ms timer (a blocked thread shows as a long gap).
LAYOUT_FPS_JS = """async () => {
  let frames = 0, gap = 0, last = performance.now();
  const t0 = last;
  const tick = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 10);
  await new Promise((done) => {
    const step = () => {
      frames += 1;
      if (document.body.dataset.layout === 'done') done(); else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
    const poll = setInterval(() => {
      if (document.body.dataset.layout === 'done') { clearInterval(poll); done(); }
    }, 10);
  });
  clearInterval(tick);
  const s = (performance.now() - t0) / 1000;
  return { fps: s > 0.05 ? frames / s : null, gap: gap / 1000, seconds: s };
}"""

# Drags the view for ms/2, then zooms with the wheel for ms/2, one event per frame;
# returns the frames per second that showed the view moved, in each phase (sigma renders
# and moves of its snapshot: web/src/smooth.js).
MOVE_FPS_JS = """async (ms) => {
  const r = window.tpps.renderer;
  const canvas = r.getMouseCaptor().container;
  const box = canvas.getBoundingClientRect();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  let frames = 0;
  r.on('frame', () => { frames += 1; });  // a sigma render or a moved snapshot
  const mouse = (type, x, y, target) => target.dispatchEvent(new MouseEvent(type, {
    clientX: x, clientY: y, button: 0, buttons: 1, bubbles: true, cancelable: true }));
  const phase = (ms, onFrame) => new Promise((done) => {
    const t0 = performance.now(); const f0 = frames;
    const step = (now) => {
      if (now - t0 >= ms) { done((frames - f0) / ((now - t0) / 1000)); return; }
      onFrame((now - t0) / ms);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  mouse('mousedown', cx, cy, canvas);
  const pan = await phase(ms / 2, (k) => mouse('mousemove',
    cx + 200 * Math.sin(2 * Math.PI * k), cy + 150 * Math.sin(4 * Math.PI * k), document));
  mouse('mouseup', cx, cy, document);
  let i = 0;
  const zoom = await phase(ms / 2, () => {
    i += 1;
    canvas.dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, bubbles: true,
      cancelable: true, deltaMode: 0, deltaY: (Math.floor(i / 20) % 2 ? 1 : -1) * 60 }));
  });
  return { pan, zoom };
}"""


def measure(page: Any, url: str) -> dict[str, Any]:
    page.goto(url)
    # Polled by timer, not animation frame: frames are what is being measured.
    page.wait_for_function("window.tpps.timings && window.tpps.timings.drawnAt",
                           timeout=300_000, polling=20)
    during = page.evaluate(LAYOUT_FPS_JS)
    page.wait_for_function("document.body.dataset.layout === 'done' "
                           "&& document.body.dataset.busy === '0'", timeout=300_000, polling=100)
    t = page.evaluate("window.tpps.timings")
    moving = page.evaluate(MOVE_FPS_JS, 4000)
    return {"nodes": page.evaluate("window.tpps.graph.order"),
            "edges": page.evaluate("window.tpps.graph.size"),
            "load": t["drawnAt"] / 1000, "fetch": t["fetch"] / 1000,
            "build": t["build"] / 1000, "draw": t["draw"] / 1000,
            "layout": (t.get("layoutDoneAt", t["drawnAt"]) - t["drawnAt"]) / 1000,
            "layout_fps": during["fps"], "layout_gap": during["gap"],
            "pan": moving["pan"], "zoom": moving["zoom"],
            "fps": min(moving["pan"], moving["zoom"])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--institutions", type=int, default=5000)
    ap.add_argument("--meetings", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "bench.db")
        # everyone=True: every institution attends, so the network has them all.
        for b in batches(args.institutions, args.meetings, 10, everyone=True):
            store.write(b)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        runs: list[dict[str, Any]] = []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                for run in range(args.runs + 1):  # the first run warms the API's cache
                    page = browser.new_page(viewport={"width": 1400, "height": 900})
                    m = measure(page, f"http://127.0.0.1:{port}/")
                    page.close()
                    if run:
                        runs.append(m)
                    lf = m["layout_fps"]
                    print(f"run {run}{' (warm-up: cold API caches)' if not run else ''}: "
                          f"{m['nodes']} nodes, {m['edges']} edges; load {m['load']:.2f} s "
                          f"(network request {m['fetch']:.2f} s, model {m['build']:.2f} s, "
                          f"first frame {m['draw']:.2f} s); worker layout {m['layout']:.1f}"
                          f" s, meanwhile {'-' if lf is None else f'{lf:.1f}'} fps and the "
                          f"main thread's longest stall {m['layout_gap']:.2f} s; moving: pan "
                          f"{m['pan']:.1f} fps, zoom {m['zoom']:.1f} fps",
                          flush=True)
                browser.close()
        finally:
            server.should_exit = True
            thread.join(10)
            store.close()
    last = runs[-1]
    med = {k: statistics.median(r[k] for r in runs) for k in ("load", "fps")}
    print(f"at {last['nodes']} nodes / {last['edges']} edges (median of {len(runs)} runs): "
          f"page load to first drawn network {med['load']:.2f} s; "
          f"frame rate while panning and zooming {med['fps']:.1f} fps")


if __name__ == "__main__":
    main()
