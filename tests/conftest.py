"""Shared test fixtures. Development data in ../shared is optional: tests that need it skip."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLE_CORPUS = ROOT / "examples" / "seeds"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"development data not present: {path}")
    return path


@pytest.fixture(autouse=True)
def _isolated_user_dictionary(tmp_path_factory, monkeypatch):
    """Tests never read or write the real ~/.dyad user dictionary."""
    monkeypatch.setenv("DYAD_DICTIONARY", str(tmp_path_factory.mktemp("dictionary")))


@pytest.fixture(scope="module")
def code_events():
    """Code one text as a one-article batch: ``code_events(text, published) -> list[Event]``."""
    from dyad.events import Coder
    from dyad.nlp import parse_articles
    from dyad.records import Article

    coder = Coder()

    def run(text: str, published: str = "2024-05-02") -> list:
        parsed = parse_articles([Article(id="t", text=text, published=published)], coder.could_hold_event)[0]
        return coder.code(parsed)

    return run


@pytest.fixture(scope="module")
def code_triples(code_events):
    """Code one text: the (source code, target code or None, CAMEO) of each event, as a set."""

    def run(text: str, published: str = "2024-05-02") -> set[tuple[str | None, str | None, str]]:
        return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in code_events(text, published)}

    return run
