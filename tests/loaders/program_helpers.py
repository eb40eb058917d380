"""What the programme rules read from a short test release (shared by the programme tests)."""

from __future__ import annotations

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import gazetteer
from loaders.articles.places import Places
from loaders.articles.programs import find_programs
from loaders.articles.vocab import vocabulary


def programs_in(body: str) -> dict[str, list[str]]:
    """Programme name -> aliases found by find_programs alone (no meeting needed)."""
    doc = parse("t.txt", "Judul rilis\n\n" + body)
    places = Places(doc, gazetteer(), vocabulary())
    return {p.name: p.aliases for p in find_programs(doc, vocabulary(), [], None, places)}


def names_of(found: dict[str, list[str]]) -> set[str]:
    """Every name and alias of what programs_in found, lower-cased."""
    return {n.lower() for name, aliases in found.items() for n in [name, *aliases]}


def links_in(body: str) -> dict[str, set[tuple[str, str]]]:
    """Programme name -> (institution type, relation) of who runs or supports it, read by
    the whole extractor (the body should open with a held meeting)."""
    e = extract(parse("t.txt", "Judul rilis\n\n" + body))
    return {p.name: {(t, rel) for t, rel, _ in p.run_by} for p in e.programs}
