"""period_bounds: the one definition of the days a dyad date value covers."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.when import period_bounds


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2022", None, (date(2022, 1, 1), date(2022, 12, 31))),
        ("2024-02", None, (date(2024, 2, 1), date(2024, 2, 29))),
        ("2023-W20", None, (date(2023, 5, 15), date(2023, 5, 21))),
        ("2023w20", None, (date(2023, 5, 15), date(2023, 5, 21))),
        ("2022-09-07", None, (date(2022, 9, 7), date(2022, 9, 7))),
        ("2022-09-07T08:48:00", "day", (date(2022, 9, 7), date(2022, 9, 7))),
        ("2023-05-15", "week", (date(2023, 5, 15), date(2023, 5, 21))),
        ("2022-02-01", "month", (date(2022, 2, 1), date(2022, 2, 28))),
        ("2022-01-01", "year", (date(2022, 1, 1), date(2022, 12, 31))),
    ],
)
def test_period_bounds(value, precision, expected):
    assert period_bounds(value, precision) == expected


@pytest.mark.parametrize("bad", ["", "last week", "2022-13", "2022-02-30", "W20"])
def test_not_a_period(bad):
    with pytest.raises(ValueError):
        period_bounds(bad)
