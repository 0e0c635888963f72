"""Typed records passed between pipeline stages.

Every stage takes and returns these plain dataclasses, so each stage can be tested
alone and the pipeline can ship records between processes (dask) without pickling
spaCy objects. ``Event.to_dict`` produces exactly the event JSON of CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Article:
    """One news article. ``text`` is raw after ingest and cleaned after the clean stage;
    every character offset downstream refers to the cleaned text."""

    id: str
    text: str
    published: str | None = None  # ISO date "YYYY-MM-DD" (time dropped), or None if unknown
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet name
    author: str | None = None
    origin: str = ""  # where it came from: "path" or "path:line"
    content_hash: str = ""  # sha256 of the cleaned text, set by the clean stage


@dataclass(slots=True)
class InputProblem:
    """A piece of input that could not be turned into an article; reported and skipped."""

    origin: str  # "path" or "path:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class Actor:
    """A resolved actor, as in the contract's ``source``/``target`` objects."""

    code: str | None  # CAMEO actor code: "CHNGOV", "RUS", "IGOUNO"
    country: str | None  # ISO3 or None (IGOs, unknown)
    sector: str | None  # GOV, MIL, LEG, ... or None
    name: str | None  # canonical name: "Li Zhanshu", "Russia", "Gazprom"
    text: str  # the words in the article: "China's top lawmaker Li Zhanshu"


@dataclass(slots=True)
class Location:
    name: str
    country: str | None  # ISO3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str = "city"  # "city" or "country"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }


@dataclass(slots=True)
class Event:
    """One coded event, tied to the sentence it came from."""

    event_id: str
    article_id: str
    sentence_index: int
    evidence: str
    evidence_span: tuple[int, int]
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    date: str | None = None  # YYYY-MM-DD, first day of the period
    date_precision: str | None = None  # day | week | month | year
    date_text: str | None = None
    modality: str = "asserted"  # asserted | intended | reported ...
    negated: bool = False
    location: Location | None = None
    confidence: float = 0.5
    cluster_id: str | None = None
    # Not in the JSON: helps date/place resolution and dedup; char offsets in the article
    trigger_span: tuple[int, int] | None = field(default=None, repr=False)
    # Not in the JSON: the features its confidence was scored from (dyad.events.confidence)
    evidence_path: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The contract's event JSON object (field order as in CONTRACT.md)."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "cluster_id": self.cluster_id,
            "sentence_index": self.sentence_index,
            "evidence": self.evidence,
            "evidence_span": list(self.evidence_span),
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "source": asdict(self.source),
            "target": asdict(self.target) if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "modality": self.modality,
            "negated": self.negated,
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 3),
        }
