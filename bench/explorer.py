"""The explorer at 5,000 institutions in headless Chromium: page load time (until the
network is drawn, API and layout included) and frame rate while the camera moves.

    python bench/explorer.py [--institutions 5000] [--runs 3]

Needs the vite build (make install) and /usr/bin/chromium. WebGL runs in software in
headless Chromium without a GPU, so the frame rate is a floor for a planner's laptop.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import uvicorn  # noqa: E402

from api.app import create_app  # noqa: E402
from bench.server import free_port  # noqa: E402
from bench.synthetic import batches  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]

# Moves the camera every animation frame for `ms` and counts the frames sigma drew.
FPS_JS = """async (ms) => {
  const r = window.tpps.renderer, cam = r.getCamera();
  let frames = 0;
  r.on('afterRender', () => { frames += 1; });
  const t0 = performance.now();
  await new Promise((done) => {
    const step = (now) => {
      const k = (now - t0) / ms;
      cam.setState({ ratio: 1 - 0.5 * Math.sin(Math.PI * k), angle: k * Math.PI / 4 });
      if (now - t0 < ms) requestAnimationFrame(step); else done();
    };
    requestAnimationFrame(step);
  });
  return frames / ((performance.now() - t0) / 1000);
}"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--institutions", type=int, default=5000)
    ap.add_argument("--meetings", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "bench.db")
        for b in batches(args.institutions, args.meetings, 10):
            store.write(b)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        loads: list[float] = []
        rates: list[float] = []
        nodes = edges = 0
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                for run in range(args.runs + 1):  # the first run warms the API's cache
                    page = browser.new_page(viewport={"width": 1400, "height": 900})
                    t0 = time.perf_counter()
                    page.goto(f"http://127.0.0.1:{port}/")
                    page.wait_for_function("document.body.dataset.busy === '0'",
                                           timeout=300_000)
                    loaded = time.perf_counter() - t0
                    nodes = page.evaluate("window.tpps.graph.order")
                    edges = page.evaluate("window.tpps.graph.size")
                    fps = float(page.evaluate(FPS_JS, 3000))
                    if run:
                        loads.append(loaded)
                        rates.append(fps)
                    print(f"run {run}{' (warm-up)' if not run else ''}: {nodes} nodes, "
                          f"{edges} edges, load {loaded:.2f} s, {fps:.1f} fps", flush=True)
                    page.close()
                browser.close()
        finally:
            server.should_exit = True
            thread.join(10)
            store.close()
    print(f"median page load at {nodes} nodes / {edges} edges: {statistics.median(loads):.2f} s;"
          f" median frame rate while moving the camera: {statistics.median(rates):.1f} fps")


if __name__ == "__main__":
    main()
