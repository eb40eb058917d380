"""One way for the extractor tests to run a sentence against a small region tree of their
own: parse it, extract it on that tree (and a vocabulary of their own when given), and
read the meeting or the JSON output. Shared by the test files that used to define it each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph.model import Region
from loaders.articles.document import parse
from loaders.articles.extract import Extraction, extract
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.output import to_json
from loaders.articles.vocab import Vocabulary

Tree = Gazetteer | Iterable[Region | Mapping[str, Any]]


def on_tree(tree: Tree, vocab: Vocabulary | None = None) -> Gazetteer:
    """The tree as a gazetteer (a gazetteer is used as it is)."""
    return tree if isinstance(tree, Gazetteer) else Gazetteer.from_regions(tree, vocab)


def extract_on(text: str, tree: Tree, vocab: Vocabulary | None = None,
               name: str = "t.txt") -> Extraction:
    """The extraction of `text` resolved against `tree`."""
    return extract(parse(name, text), on_tree(tree, vocab), vocab)


def meeting_on(text: str, tree: Tree, vocab: Vocabulary | None = None) -> dict[str, Any]:
    """The meeting found in `text` ({} when none)."""
    return extract_on(text, tree, vocab).meeting or {}


def json_on(text: str, tree: Tree, name: str = "case.txt") -> dict[str, Any]:
    """The JSON output (`tpps extract`'s shape) of `text` on `tree`."""
    return to_json(extract_on(text, tree, name=name))


def release_json(body: str, dateline: str | None = None) -> dict[str, Any]:
    """The JSON output for a release of a placeholder headline, `dateline` (none: no
    date line) and `body`, on the real region tree."""
    from loaders.articles.gazetteer import gazetteer

    head = "Judul rilis\n" + (f"{dateline}\n" if dateline else "")
    return json_on(head + "\n" + body, gazetteer())


def attendee_types(r: dict[str, Any]) -> set[str]:
    """The types of the attendees of a release's one meeting (`release_json`'s output)."""
    [m] = r["meetings"]
    return {a["type"] for a in m["attendees"]}
