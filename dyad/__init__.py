"""dyad: political event data from news articles.

    import dyad
    events = dyad.code([{"id": "a1", "text": "...", "published": "2024-08-21"}])
    dyad.resolve_date("last Friday", published="2022-09-07")   # ("2022-09-02", "day")
    dyad.series("dyad.duckdb", source="CHN", target="RUS", by="month")
    dyad.network("dyad.duckdb")

Attributes are imported lazily so that ``import dyad`` stays cheap (no spaCy until coding).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "code": "dyad.pipeline",
    "resolve_date": "dyad.when",
    "series": "dyad.analysis",
    "network": "dyad.analysis",
    "Store": "dyad.store",
    "Article": "dyad.records",
    "Event": "dyad.records",
    "Actor": "dyad.records",
    "Location": "dyad.records",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")
