"""Event filters turned into a parameterized SQL ``WHERE`` clause.

Only fixed column names from this module ever reach the SQL text; every user-supplied value is a
bound parameter, so a filter value can never change the query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dyad.when.periods import period_bounds


def parse_bound(value: str | dt.date | None, *, end: bool) -> dt.date | None:
    """A ``since``/``until`` bound as a date.

    Accepts dates, ``YYYY-MM-DD`` (a time part is dropped), ``YYYY-MM``, ``YYYY`` and ISO weeks
    ``YYYY-Www``; a coarse value means its first day for ``since`` and its last day for ``until``,
    so ``until="2022-09"`` includes all of September."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        first, last = period_bounds(str(value))
    except ValueError:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www)") from None
    return last if end else first


def _side(side: str, value: str) -> tuple[str, list[Any]]:
    """Actor code prefix or country match for one side (``source`` or ``target``)."""
    assert side in ("source", "target")
    v = value.strip().upper()
    return f"(starts_with(e.{side}_code, ?) OR e.{side}_country = ?)", [v, v]


@dataclass(slots=True)
class EventFilter:
    """What ``Store.query_events``, exports and analysis accept.

    ``source``/``target``: actor code prefix (``CHN`` matches ``CHNGOV``) or country code;
    ``actor``: case-insensitive substring of either side's name or text; ``root``: CAMEO root
    (``"4"`` and ``"04"`` both work); ``cameo``: CAMEO code prefix (``"04"`` matches ``042``);
    ``plover``: PLOVER category; ``since``/``until``: inclusive event-date bounds;
    ``both_directions``: also match events from ``target`` to ``source``."""

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    root: str | None = None
    cameo: str | None = None
    plover: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    both_directions: bool = False
    article_id: str | None = None
    cluster_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL predicate over alias ``e`` (an ``events`` row) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, values: list[Any]) -> None:
            clauses.append(sql)
            params.extend(values)

        src, tgt = self.source or None, self.target or None
        if src or tgt:
            if self.both_directions:
                forward, fparams = self._dyad("source", src, "target", tgt)
                backward, bparams = self._dyad("target", src, "source", tgt)
                add(f"(({forward}) OR ({backward}))", fparams + bparams)
            else:
                sql, values = self._dyad("source", src, "target", tgt)
                add(sql, values)
        if self.actor:
            needle = self.actor.strip().lower()
            cols = ("source_name", "source_text", "target_name", "target_text")
            add(
                "(" + " OR ".join(f"contains(lower(coalesce(e.{c}, '')), ?)" for c in cols) + ")",
                [needle] * 4,
            )
        if self.root:
            root = str(self.root).strip()
            add("e.cameo_root = ?", [root.zfill(2) if root.isdigit() and len(root) < 2 else root])
        if self.cameo:
            add("starts_with(e.cameo, ?)", [str(self.cameo).strip()])
        if self.plover:
            add("e.plover = ?", [self.plover.strip().upper()])
        since = parse_bound(self.since, end=False)
        if since:
            add("e.date >= ?", [since])
        until = parse_bound(self.until, end=True)
        if until:
            add("e.date <= ?", [until])
        if self.article_id:
            add("e.article_id = ?", [self.article_id])
        if self.cluster_id:
            add("e.cluster_id = ?", [self.cluster_id])
        return (" AND ".join(clauses) if clauses else "TRUE"), params

    @staticmethod
    def _dyad(side_a: str, value_a: str | None, side_b: str, value_b: str | None) -> tuple[str, list[Any]]:
        parts: list[str] = []
        params: list[Any] = []
        for side, value in ((side_a, value_a), (side_b, value_b)):
            if value:
                sql, values = _side(side, value)
                parts.append(sql)
                params.extend(values)
        return " AND ".join(parts), params
