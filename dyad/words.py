"""Named word lists of ``dyad/data/words.yaml`` that the parse-reading code tests tokens against.

Why a module of its own: the actors and events stages both read these lists ("thousands OF Serbs"
counts people for the first, "a series OF agreements" names the object for the second), and the
actors stage must not import from the events stage. Keeping the words in one data file lets an
analyst extend them without touching Python.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

WORDS_FILE = Path(__file__).resolve().parent / "data" / "words.yaml"


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}
    out: dict[str, frozenset[str]] = {}
    for name, values in raw.items():
        bad = [v for v in values or () if not isinstance(v, str)]
        if bad:  # YAML reads a bare on/off/yes/no as a boolean, a bare number as a number
            raise ValueError(f"{WORDS_FILE}: list {name!r} holds non-words {bad!r}; quote them")
        out[str(name)] = frozenset(v.lower() for v in values or ())
    return out


def words(name: str) -> frozenset[str]:
    """The word list ``name``; a missing list is an error that names the file and the lists it has."""
    lists = _lists()
    if name not in lists:
        raise KeyError(f"{WORDS_FILE} has no word list {name!r} (it has {', '.join(sorted(lists))})")
    return lists[name]
