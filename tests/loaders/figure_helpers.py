"""What the figure rules read from a short test text (shared by the figure tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.figures import find_figures
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.output import to_json

TREE = json.loads((Path(__file__).parent / "articles" / "invented_tree.json").read_text("utf-8"))


def figures_in(text: str, year: int | None = 2025, **context: bool) -> list[tuple[str, float]]:
    """(kind, value) of every figure find_figures reads in `text` alone."""
    return [(f.what, f.value) for f in find_figures(text, year, **context)]  # type: ignore[arg-type]


def measurements_in(lead: str, body: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """The whole extractor's measurements of a release opening with `lead` (a held meeting
    on the invented tree), each cut to `keys`."""
    r = to_json(extract(parse("t.txt", "Judul rilis\n\n" + lead + body),
                        Gazetteer.from_regions(TREE)))
    return [{k: f[k] for k in keys} for f in r["measurements"]]
