"""The facts `make run` serves: the demo dataset, and its sentences when the seeds are at hand.

loaders/data/demo.json holds what the extractor reads from the five seed releases, each
fact with its character span but without the sentence (the releases are real and their
text is not ours to ship). When the releases themselves are beside the project
(TPPS_SEEDS, default ../shared/seeds), loading them again through the article loader
stores each citation's sentence: ids come from natural keys, so the same facts are not
stored twice, and every `sources { excerpt }` of the demo data answers its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.store.base import Store
from loaders.articles.load import ArticleReport, load_articles
from loaders.files import load_files

DEMO = Path(__file__).resolve().parent / "data" / "demo.json"


@dataclass
class SeedReport:
    created: dict[str, int]
    articles: ArticleReport | None  # None: no seeds folder, facts without their sentences


def load_seed_data(store: Store, seeds: Path | None) -> SeedReport:
    """Load demo.json, then the seed releases from `seeds` when that folder exists."""
    result = load_files([DEMO], "json", store)
    articles = None
    if seeds is not None and seeds.is_dir():
        articles = load_articles([seeds], store)
    return SeedReport(dict(result.created), articles)
