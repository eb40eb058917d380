"""Median time to extract one press release (the target is < 50 ms).

    .venv/bin/python bench/extract.py [FOLDER ...]

Reads every release under the folders given (default: tests/loaders/corpus, the seeds
and tests/loaders/articles), extracts each one five times after one warm-up pass (which
also builds the national gazetteer once), and prints the median and the slowest file.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from graph.settings import settings
from loaders.articles.document import load
from loaders.articles.extract import extract
from loaders.articles.load import article_files

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [
        ROOT / "tests" / "loaders" / "corpus", (ROOT / settings().seeds).resolve(),
        ROOT / "tests" / "loaders" / "articles"]
    # The corpus's INDEX.md lists the releases; it is not one (70 KB, it took 1.35 s).
    files = [f for f in article_files([d for d in folders if d.exists()])
             if not f.name.endswith(".gold.json") and f.name != "INDEX.md"]
    docs = []
    for f in files:
        try:
            docs.append(load(f))
        except Exception as exc:  # noqa: BLE001 - a bench reports and goes on
            print(f"skip {f}: {exc}")
    if not docs:
        sys.exit("no releases found")
    for d in docs:
        extract(d)  # warm-up: the gazetteer and the vocabulary are built once
    times: dict[str, float] = {}
    for d in docs:
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            extract(d)
            runs.append(time.perf_counter() - t0)
        times[d.path] = statistics.median(runs)
    median = statistics.median(times.values()) * 1000
    worst = max(times, key=lambda k: times[k])
    print(f"{len(docs)} releases: median {median:.1f} ms per release "
          f"(target < 50 ms, ratio {median / 50:.2f}); slowest {times[worst] * 1000:.1f} ms "
          f"({Path(worst).name})")


if __name__ == "__main__":
    main()
