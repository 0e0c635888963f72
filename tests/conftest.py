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
