"""The built browser apps (the explorer and GraphiQL), served by the API itself.

`make install` builds web/ with vite into web/dist (git-ignored); everything the pages
load comes from there, so they work on a machine without internet. Without a build
(no Node on the machine), the pages say how to get one instead of failing blankly.
"""

from __future__ import annotations

from pathlib import Path

from starlette.responses import FileResponse, HTMLResponse, Response

from graph.settings import settings

CHECKOUT_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"

_NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>tpps-graph: {page} not built</title></head><body style="font-family:sans-serif">
<h1>The {page} is not built</h1>
<p>Run <code>make install</code> on a machine with Node 20 (it runs <code>npm ci</code> and
the vite build in <code>web/</code>), or set TPPS_WEB_DIR to a built copy. The GraphQL API
itself works: POST queries to <code>/graphql</code>.</p></body></html>"""


def dist_dir() -> Path:
    configured = settings().web_dir
    return Path(configured) if configured else CHECKOUT_DIST


def page(name: str, title: str) -> Response:
    """A built HTML entry point, or a page explaining how to build it (HTTP 503)."""
    path = dist_dir() / name
    if path.is_file():
        return FileResponse(path, media_type="text/html")
    return HTMLResponse(_NOT_BUILT.format(page=title), status_code=503)
