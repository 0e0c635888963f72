"""Own news-style sentences (tests/fixtures/news_cases.tsv): the top event's PLOVER category.

Why: the PLOVER gold records are CAMEO-manual sentences from the 1990s; these are written in the
style of current wire copy, across every PLOVER category, so a change that helps the manual's
phrasing but hurts today's news shows up here. Lines with a known miss are expected failures
(strict: a fix must also update the fixture).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import dyad

CASES = Path(__file__).parent / "fixtures" / "news_cases.tsv"


def _cases() -> list:
    with CASES.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        out = []
        for row in rows:
            marks = [pytest.mark.xfail(reason=row["known_miss"], strict=True)] if row["known_miss"] else []
            out.append(pytest.param(row["category"], row["sentence"], marks=marks, id=row["sentence"][:50]))
        return out


@pytest.fixture(scope="module")
def coded() -> dict[str, str]:
    """Every sentence coded in one batch: sentence -> PLOVER category of its most confident event."""
    with CASES.open(encoding="utf-8") as f:
        texts = [r["sentence"] for r in csv.DictReader((x for x in f if not x.startswith("#")), delimiter="\t")]
    events = dyad.code([{"id": str(i), "text": t, "published": "2024-06-12"} for i, t in enumerate(texts)])
    best: dict[str, dict] = {}
    for e in events:
        text = texts[int(e["article_id"])]
        if text not in best or e["confidence"] > best[text]["confidence"]:
            best[text] = e
    return {t: str(best[t]["plover"]) if t in best else "NONE" for t in texts}


@pytest.mark.parametrize(("category", "sentence"), _cases())
def test_top_event_has_the_expected_category(coded: dict[str, str], category: str, sentence: str) -> None:
    assert coded[sentence] == category
