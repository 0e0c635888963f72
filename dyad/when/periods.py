"""The days a date value covers: one definition for every place that compares periods.

A dyad date is written at its precision ("2023", "2023-05", "2023-W20", "2023-05-15"), or as a
full first day plus a precision (the event JSON: "2023-05-15" at week precision). Filters need
the first or last day of such a value and deduplication needs to know whether two overlap;
both use :func:`period_bounds` so that they can never disagree about what "2023-W20" means.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def period_bounds(value: str, precision: str | None = None) -> tuple[date, date]:
    """(first day, last day) of ``value``: ``YYYY``, ``YYYY-MM``, ISO week ``YYYY-Www`` or a date
    ``YYYY-MM-DD`` (a time part is ignored) which ``precision`` (day, week, month, year) stretches
    to its period. Raises ValueError when ``value`` is not one of these."""
    text = value.strip()
    if m := _YEAR.match(text):
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    if m := _MONTH.match(text):
        first = date(int(m.group(1)), int(m.group(2)), 1)
        return first, _month_end(first)
    if m := _WEEK.match(text):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return monday, monday + timedelta(days=6)
    day = date.fromisoformat(text[:10])
    stretch = (precision or "day").lower()
    if stretch == "week":
        return day, day + timedelta(days=6)
    if stretch == "month":
        return day, _month_end(day)
    if stretch == "year":
        return day, date(day.year, 12, 31)
    return day, day
