"""The demo dataset: the facts the extractor reads from the seed press releases.

`python -m loaders.articles.demo ../shared/seeds` rewrites loaders/data/demo.json.
Each fact keeps its character span in its source but not the sentence: the seeds are
real releases, and their text is not ours to ship (load the releases themselves with
`tpps load articles` to store the sentences in your own store).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from loaders.articles.document import load
from loaders.articles.extract import extract
from loaders.articles.output import to_records
from loaders.structured import Parsed

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo.json"


def demo_dataset(seeds: Path) -> dict[str, Any]:
    parsed = Parsed()
    for path in sorted(seeds.glob("*.txt")):
        document = load(path)
        document.path = path.name  # refs and files by name, not by where the seeds lie
        to_records(extract(document), parsed, keep_excerpts=False)
    out: dict[str, list[Any]] = {}
    for kind in ("sources", "regions", "institutions", "programs", "meetings", "measurements"):
        seen: dict[str, Any] = {}
        for _, record in parsed.records[kind]:
            data = record.model_dump(mode="json", exclude_defaults=True)
            seen.setdefault(json.dumps(data, sort_keys=True), data)
        out[kind] = list(seen.values())
    return out


def main() -> None:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/seeds")
    DEMO.write_text(json.dumps(demo_dataset(seeds), ensure_ascii=False, indent=1) + "\n",
                    "utf-8")
    print(f"wrote {DEMO}")


if __name__ == "__main__":
    main()
