"""Publication dates: normalizing given values and finding a dateline near the top of a text.

The publication date is the anchor for every relative date downstream ("on Wednesday",
"last month"), so a wrong one is worse than none: these functions accept only clear, complete
calendar dates (year, month and day) and return ``None`` for anything else.
"""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ["find_dateline", "normalize_date"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_RE = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# 2023-11-23, 2023-11-23T08:48:00Z, 2023/11/23 08:48
_ISO_RE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<mon>\d\d?)[-/.](?P<day>\d\d?)(?!\d)")
# September 7, 2022 / Sept. 7 2022
_MDY_RE = re.compile(
    rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
# 7 September 2022 / 7th Sept, 2022
_DMY_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)

# A dateline is looked for only in the first few lines: deeper in the text a date is far more
# likely to be the date of something the article reports than the date it was published.
DATELINE_MAX_LINES = 6
# A line this short that holds a date is a dateline/byline ("Published September 7, 2022 10:02 am").
_SHORT_LINE_CHARS = 80
_DATELINE_CUE = re.compile(r"^\W*(published|posted|updated|date|last updated|first published)\b", re.I)


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    month = int(groups["mon"]) if groups.get("mon") else _MONTHS[groups["month"].lower().rstrip(".")]
    return _make(int(groups["year"]), month, int(groups["day"]))


def normalize_date(value: object) -> str | None:
    """``"YYYY-MM-DD"`` from an ISO date or datetime (``2022-09-07``, ``2022-09-07T10:00:00+08:00``),
    a ``date``/``datetime``, or a written date (``September 7, 2022``); ``None`` when not a full date.

    A datetime keeps its own calendar day (no time-zone shift): the day printed on the article is
    the day its relative expressions refer to.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for pattern in (_ISO_RE, _MDY_RE, _DMY_RE):
        m = pattern.fullmatch(text) or pattern.match(text)
        if m and (m.end() == len(text) or not text[m.end()].isalnum()):
            return _from_match(m)
    return None


def find_dateline(text: str, max_lines: int = DATELINE_MAX_LINES) -> str | None:
    """The publication date printed near the top of an article ("2023-11-23 08:48",
    "September 7, 2022", "Published: 7 Sept 2022"), as ``YYYY-MM-DD``, or ``None``.

    Only a date on a short line, at the start of a line, or after a "Published/Updated" cue
    counts: a date inside the first sentence usually belongs to the reported event instead.
    """
    seen = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > max_lines:
            break
        for pattern in (_ISO_RE, _MDY_RE, _DMY_RE):
            m = pattern.search(line)
            if not m:
                continue
            leading = line[: m.start()].strip(" \t-—–|•·:,")
            if len(line) <= _SHORT_LINE_CHARS or not leading or _DATELINE_CUE.match(line):
                found = _from_match(m)
                if found:
                    return found
    return None
