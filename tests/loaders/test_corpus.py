"""The extractor on the project's corpus (tests/loaders/corpus/: the guide's cases and the
releases written for the project), scored by `tpps score`'s own code against the bounds of
tests/loaders/corpus/thresholds.json. One test per bound, so a failure names the field and
the releases that pulled it down."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.articles.score import Report, check_thresholds, read_thresholds, score_dir

CORPUS = Path(__file__).parent / "corpus"
THRESHOLDS = read_thresholds(CORPUS / "thresholds.json")
# The diff entries that explain a field's score.
DIFF_KEYS = {"meeting": ("meeting",), "no_meeting": ("meeting",), "date": ("date",),
             "region": ("region",), "institution_types": ("institution_types",),
             "programs": ("programs",), "figures": ("figures",)}


@pytest.fixture(scope="module")
def report() -> Report:
    return score_dir(CORPUS)


def test_the_corpus_holds_the_guide_cases_and_every_release_is_labelled(report: Report) -> None:
    assert sum(f.name.startswith("guide/") for f in report.files) == 25
    assert report.unlabelled == [], "every release of the corpus needs its gold file"


@pytest.mark.parametrize(("field", "metric"), [
    (field, metric) for field, metrics in THRESHOLDS.items() for metric in metrics])
def test_the_extractor_meets_the_target(report: Report, field: str, metric: str) -> None:
    failed = check_thresholds(report.summary(), {field: {metric: THRESHOLDS[field][metric]}})
    if failed:
        why = [f"{f.name}: {f.diff()[k]}" for f in report.files for k in DIFF_KEYS[field]
               if k in f.diff() and not (field == "no_meeting" and f.gold.meeting)]
        notes = "".join(f"\n(warning: {w})" for w in report.warnings)
        pytest.fail(f"{failed[0]} on {len(report.files)} releases; `tpps score "
                    f"tests/loaders/corpus --diff` shows them all.{notes}\n  "
                    + "\n  ".join(why[:40]), pytrace=False)
