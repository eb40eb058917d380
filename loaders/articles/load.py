"""Load press releases: each file is read, extracted and written on its own, so one
odd file is skipped with its reason and the others still load."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import WriteResult
from graph.store.base import Store
from loaders.articles.document import load as load_document
from loaders.articles.extract import Extraction, extract
from loaders.articles.output import to_records
from loaders.errors import LoadError
from loaders.resolve import to_batch
from loaders.structured import Parsed

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass
class ArticleReport:
    loaded: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    created: dict[str, int] = field(default_factory=dict)


def article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; directories walked for text files, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                              and not p.name.startswith("."))
        else:
            yield path


def extract_file(path: Path) -> Extraction:
    return extract(load_document(path))


def load_articles(paths: Iterable[Path], store: Store,
                  progress: Callable[[Path], None] | None = None) -> ArticleReport:
    report = ArticleReport()
    for path in article_files(paths):
        try:
            extraction = extract_file(path)
            held = extraction.meetings or ([extraction.meeting] if extraction.meeting else [])
            if not any(m["date"] for m in held):
                report.skipped.append((str(path), extraction.skipped or "no meeting date found"))
                continue
            parsed = Parsed()
            to_records(extraction, parsed)
            result: WriteResult = store.write(to_batch(parsed, store))
        except LoadError as exc:
            report.skipped.append((str(path), "; ".join(p.message for p in exc.problems)))
        else:
            report.loaded.append(str(path))
            for kind, n in result.created.items():
                report.created[kind] = report.created.get(kind, 0) + n
        finally:
            if progress:
                progress(path)
    return report
