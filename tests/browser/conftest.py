"""A live server over the demo data and a headless Chromium driven by Playwright.

Chromium is Debian's (/usr/bin/chromium, installed by `make install` when missing);
Playwright's own browser download does not work offline. The pages come from the vite
build in web/dist (`make install` builds it with Node 20). Without either, the tests
fail with one line saying what to install, not with a skip.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from api.app import create_app
from api.web import dist_dir
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO, ROOT

CHROMIUM = "/usr/bin/chromium"
ARTEFACTS = ROOT / "tests" / "browser" / "artefacts"  # git-ignored screenshots
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(store: EmbeddedStore) -> Iterator[str]:
    """The app over `store` on a free port, for as long as the block runs."""
    if not (dist_dir() / "index.html").is_file():
        pytest.fail("web/dist is not built: install Node 20 and run `make install`",
                    pytrace=False)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start within 20 s", pytrace=False)
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = EmbeddedStore(tmp_path_factory.mktemp("browser") / "tpps.db")
    load_files([DEMO], "json", store)
    with serve(store) as base:
        yield base
    store.close()


# Module scope: Playwright's sync API keeps an asyncio loop running while it is open, and
# later test modules that call asyncio.run() must not find it.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: run `make install` as root, or "
                    "`apt-get install -y chromium`", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: run `make install`", pytrace=False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page with its console errors and failed requests recorded."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))

    def idle(self) -> None:
        """Wait until the explorer has no request in flight."""
        self.page.wait_for_function("document.body.dataset.busy === '0'", timeout=30_000)

    def node_count(self) -> int:
        return int(self.page.evaluate("window.tpps.graph ? window.tpps.graph.order : -1"))

    def shot(self, name: str) -> Path:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTEFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    p = Page(context.new_page(), live_server)
    yield p
    context.close()
