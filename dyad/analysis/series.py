"""Relations over time: events per period between two actors, by quad class, with Goldstein.

Counts are of distinct real-world events (clusters), not of reports: an event carried by ten
outlets counts once in ``events`` and ten times in ``mentions``. A cluster is placed in the period of
its representative record's date (the most confident report), so it is never split across periods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from dyad.store import EventFilter, Store

PERIODS = ("day", "week", "month")
SERIES_COLUMNS = (
    "period", "start", "events", "mentions", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean",
)  # fmt: skip


@contextmanager
def open_store(db_or_store: Store | str | Path) -> Iterator[Store]:
    """Use a Store as given, or open a database path read-only for the duration (analysis never
    writes, and read-only does not take DuckDB's single-writer lock)."""
    if isinstance(db_or_store, Store):
        yield db_or_store
        return
    path = Path(db_or_store)
    if not path.exists():
        raise FileNotFoundError(f"no database at {path}")
    with Store(path, read_only=True) as store:
        yield store


def period_start(day: dt.date, by: str) -> dt.date:
    """First day of the period holding ``day``: the day itself, its ISO week's Monday, or the
    first of its month."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown period {by!r}: use day, week or month")


def period_label(start: dt.date, by: str) -> str:
    """``2022-09-07`` (day), ``2022-W36`` (ISO week), ``2022-09`` (month)."""
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return start.strftime("%Y-%m")
    return start.isoformat()


def _next(start: dt.date, by: str) -> dt.date:
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def empty_series() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64" if c.startswith("goldstein") else "object")
                         for c in SERIES_COLUMNS})  # fmt: skip


def series(
    db_or_store: Store | str | Path,
    source: str,
    target: str,
    by: str = "month",
    both: bool = False,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> pd.DataFrame:
    """Events from ``source`` to ``target`` (both directions with ``both=True``) per period.

    ``source``/``target`` are actor-code prefixes or countries as in ``Store.query_events``.
    Columns: ``period`` (label), ``start`` (first day), ``events`` (distinct clusters),
    ``mentions`` (matching event records), ``q1``..``q4`` (events per quad class),
    ``goldstein_sum``, ``goldstein_mean`` (over events with a score; NaN for an empty period).
    Every period between the first and the last event is present; empty ones hold zeros. Events
    without a date cannot be placed and are left out."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: use day, week or month")
    flt = EventFilter(source=source, target=target, since=since, until=until, both_directions=both)
    with open_store(db_or_store) as store:
        rows = store.select_rows(flt, clusters=True)
    buckets: dict[dt.date, dict[str, Any]] = {}
    for row in rows:
        day = row.get("date")
        if not isinstance(day, dt.date):
            continue
        start = period_start(day, by)
        b = buckets.setdefault(
            start, {"events": 0, "mentions": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "g": []}
        )
        b["events"] += 1
        b["mentions"] += int(row.get("matched_records") or 1)
        quad = row.get("quad_class")
        if quad in (1, 2, 3, 4):
            b[f"q{quad}"] += 1
        if row.get("goldstein") is not None:
            b["g"].append(float(row["goldstein"]))
    if not buckets:
        return empty_series()
    records = []
    start, last = min(buckets), max(buckets)
    while start <= last:
        b = buckets.get(start)
        g = b["g"] if b else []
        records.append(
            {
                "period": period_label(start, by),
                "start": start,
                "events": b["events"] if b else 0,
                "mentions": b["mentions"] if b else 0,
                **{f"q{i}": (b[f"q{i}"] if b else 0) for i in range(1, 5)},
                "goldstein_sum": round(sum(g), 3),
                "goldstein_mean": round(sum(g) / len(g), 3) if g else float("nan"),
            }
        )
        start = _next(start, by)
    return pd.DataFrame.from_records(records, columns=list(SERIES_COLUMNS))


_QUAD_STYLE = (
    ("q1", "verbal cooperation", "#8fd19e"),
    ("q2", "material cooperation", "#2e8b57"),
    ("q3", "verbal conflict", "#f4a261"),
    ("q4", "material conflict", "#c0392b"),
)


def plot_series(df: pd.DataFrame, path: str | Path, title: str | None = None) -> Path:
    """Draw a series as a PNG: stacked bars of events per quad class, and the mean Goldstein
    score per period as a line on a second axis (-10 conflict .. +10 cooperation)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = len(df)
    fig, ax = plt.subplots(figsize=(max(7.0, min(16.0, 0.35 * n + 4)), 4.8), dpi=120)
    try:
        if n == 0:
            ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes, fontsize=14)
            ax.set_axis_off()
        else:
            x = list(range(n))
            bottom = [0] * n
            for col, label, color in _QUAD_STYLE:
                values = [int(v) for v in df[col]]
                ax.bar(x, values, bottom=bottom, color=color, label=label, width=0.8, edgecolor="white")
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
            ax.set_ylabel("events (distinct)")
            ax.set_ylim(0, max(max(bottom), 1) * 1.35)  # headroom for the legend
            step = max(1, n // 14)
            ax.set_xticks(x[::step])
            ax.set_xticklabels(list(df["period"])[::step], rotation=45, ha="right", fontsize=8)
            ax.set_xlim(-0.6, n - 0.4)
            ax.grid(axis="y", alpha=0.3)
            ax2 = ax.twinx()
            ax2.plot(x, list(df["goldstein_mean"]), color="#1f3b73", marker="o", markersize=4,
                     linewidth=1.6, label="mean Goldstein")  # fmt: skip
            ax2.axhline(0, color="#1f3b73", linewidth=0.6, linestyle=":")
            ax2.set_ylim(-10.5, 10.5)
            ax2.set_ylabel("mean Goldstein (-10 conflict .. +10 cooperation)", fontsize=8)
            handles, labels = ax.get_legend_handles_labels()
            h2, l2 = ax2.get_legend_handles_labels()
            ax.legend(handles + h2, labels + l2, loc="upper left", fontsize=7, ncol=3, frameon=False)
        if title:
            ax.set_title(title)
        fig.tight_layout()
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)
    return path
