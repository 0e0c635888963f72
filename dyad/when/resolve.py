"""Normalise one date expression against the publication date.

``resolve_date("last Friday", published="2022-09-07") -> ("2022-09-02", "day")``.

Why a hand-written resolver rather than ``dateparser.search_dates``: news dates are
mostly relative ("on Tuesday", "last week", "in March") and their direction depends
on the clause's tense, which dateparser cannot see; its search also fires on words
that merely look like dates ("We", "may", "second"). Every pattern here is anchored
to the whole expression, and all arithmetic is done against the publication date.

Decisions worth knowing:

* Weekdays: past/present tense (and no tense) -> the latest such day on or before
  publication ("on Wednesday" published on a Wednesday is that day); future -> the
  first on or after. "last Friday" is the latest strictly before, "next Friday" the
  first strictly after.
* Month names alone: past (or no tense) -> the latest such month not after the
  publication month; future -> the first not before it. "last March"/"next March"
  exclude the publication month.
* Month + day without a year: past -> latest on or before publication, future ->
  first on or after, otherwise the nearest.
* Weekends ("last weekend", "the weekend") resolve to the Saturday, precision "day":
  a week value would put the date on the Monday, which is never part of the weekend.
* Ranges ("September 15 and 16", "between May 1 and May 3") give their start.
* Quarters, seasons, decades, "now", "recently" are not dates at the contract's
  precisions and give None.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta

from dyad.when.vocab import (
    AGO_WORDS,
    AMBIGUOUS_MONTH_WORDS,
    DAY_WORDS,
    DEICTIC_OFFSETS,
    HENCE_WORDS,
    LEADING_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    TIME_OF_DAY,
    UNITS,
    WEEKDAYS,
)

Resolved = tuple[str, str]

MIN_YEAR, MAX_YEAR = 1000, 2199
# Untensed month-day without a year: how far after publication still counts as "this year's".
UNTENSED_LOOKAHEAD_DAYS = 60


def _alt(words: object) -> str:
    """Regex alternation, longest first so "sept" wins over "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_M = rf"(?P<month>{_alt(MONTHS)})\.?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>\d{4})"
_TAIL = r"(?:\s*(?:-|–|—|/|and|to|through|thru|until|till|or|&)\s*(?P<tail>.+))?"
_WD = rf"(?P<weekday>{_alt(WEEKDAYS)})"
_DEICTIC = rf"(?P<deictic>{_alt(DEICTIC_OFFSETS)})"
_TOD = rf"(?:\s+(?:{_alt(TIME_OF_DAY)}))?"
_NUM = rf"(?P<num>\d+|{_alt(NUMBER_WORDS)})"
_UNIT = rf"(?P<unit>{_alt(UNITS)})s?"

RE_ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:t[\d:.+z-]*)?")
RE_ISO_WEEK = re.compile(r"(?P<year>\d{4})-w(?P<week>\d{1,2})")
RE_ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")
RE_SLASH = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})")
RE_MONTH_DAY = re.compile(rf"{_M},?\s+{_D}(?:,?\s+{_Y})?{_TOD}{_TAIL}")
RE_DAY_MONTH = re.compile(
    rf"{_D}(?:\s*(?:-|–|and|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_M},?(?:\s+{_Y})?{_TOD}{_TAIL}"
)
RE_MONTH_YEAR = re.compile(rf"{_M},?\s+(?:of\s+)?{_Y}{_TAIL}")
RE_MONTH_DEICTIC_YEAR = re.compile(rf"{_M},?\s+(?:of\s+)?{_DEICTIC}\s+year")
RE_MONTH = re.compile(rf"(?:(?P<rel>last|this|next|past|coming|this past)\s+)?{_M}{_TAIL}")
RE_YEAR = re.compile(rf"(?:(?:the\s+)?year\s+)?{_Y}(?:'s)?{_TAIL}")
RE_WEEKDAY = re.compile(
    rf"(?:(?P<rel>last|this|next|past|coming|previous|this past|this coming)\s+)?{_WD}(?:'s)?{_TOD}"
    rf"(?:,?\s+(?P<rest>.+))?"
)
RE_DAY_WORD = re.compile(rf"(?P<word>{_alt(DAY_WORDS)})(?:'s)?{_TOD}")
RE_DEICTIC_UNIT = re.compile(rf"{_DEICTIC}\s+(?P<unit>week|month|year|weekend)(?:'s)?")
RE_WEEKEND = re.compile(r"(?:the\s+)?weekend")
RE_COUNT_AGO = re.compile(rf"{_NUM}[\s-]+{_UNIT}[\s-]+(?P<dir>{_alt(AGO_WORDS | HENCE_WORDS)})")
RE_YEAR_EARLIER = re.compile(r"(?P<unit>year|month|week|day)-(?P<dir>earlier|ago|before)")
RE_TIME_TAIL = re.compile(r",?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+\w+)?$")
RE_LEADING = re.compile(rf"^(?:{_alt(LEADING_WORDS)})(?:\s+|(?<=-))")


# --------------------------------------------------------------------------- helpers


def parse_published(published: str | date | datetime | None) -> date | None:
    """The publication date from an ISO date/datetime string or a date; None when unusable."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def _day(d: date) -> Resolved:
    return d.isoformat(), "day"


def _week(d: date) -> Resolved:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}", "week"


def _month(year: int, month: int) -> Resolved:
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> Resolved | None:
    return (f"{year:04d}", "year") if MIN_YEAR <= year <= MAX_YEAR else None


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12) or not (1 <= day <= monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def _direction(tense: str | None) -> str:
    """'future' or 'past' for weekday/month references; present and unknown read as past,
    because news reports what happened ("makes his arrival on a Tuesday")."""
    return "future" if tense == "future" else "past"


def _weekday_on(pub: date, weekday: int, rel: str | None, tense: str | None) -> date:
    back = (pub.weekday() - weekday) % 7  # days back to the latest such day on/before pub
    fwd = (weekday - pub.weekday()) % 7
    if rel in ("last", "past", "previous", "this past"):
        return pub - timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return pub + timedelta(days=fwd or 7)
    if rel == "this" and tense != "past":
        return pub + timedelta(days=fwd)
    if _direction(tense) == "future":
        return pub + timedelta(days=fwd)
    return pub - timedelta(days=back)


def _weekend(pub: date, offset: int, tense: str | None) -> date:
    """The Saturday of the weekend meant: offset -1 last, 0 this/the, +1 next."""
    if offset < 0:  # the weekend before the current one (a weekend publication excludes its own)
        back = (pub.weekday() - 5) % 7
        sat = pub - timedelta(days=back)
        return sat - timedelta(days=7) if pub.weekday() >= 5 or back == 0 else sat
    if offset > 0:
        return pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
    if pub.weekday() == 6:
        return pub - timedelta(days=1)
    if _direction(tense) == "future":
        return pub + timedelta(days=(5 - pub.weekday()) % 7)
    return pub - timedelta(days=(pub.weekday() - 5) % 7)


def _year_for_month_day(pub: date, month: int, day: int, tense: str | None) -> date | None:
    cands = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe_date(y, month, day))]
    if not cands:
        return None
    if tense == "past":
        before = [d for d in cands if d <= pub]
        return before[-1] if before else cands[0]
    if tense == "future":
        after = [d for d in cands if d >= pub]
        return after[0] if after else cands[-1]
    # No tense: news mostly looks back, so the latest date on or before publication,
    # unless the date falls within the next UNTENSED_LOOKAHEAD_DAYS ("Jan. 15" in a late-December story).
    after = [d for d in cands if d > pub]
    if after and (after[0] - pub).days <= UNTENSED_LOOKAHEAD_DAYS:
        return after[0]
    before = [d for d in cands if d <= pub]
    return before[-1] if before else cands[0]


def _year_for_month(pub: date, month: int, rel: str | None, tense: str | None) -> tuple[int, int]:
    if rel in ("last", "past", "this past"):
        return (pub.year, month) if month < pub.month else (pub.year - 1, month)
    if rel in ("next", "coming"):
        return (pub.year, month) if month > pub.month else (pub.year + 1, month)
    if rel == "this":
        return pub.year, month
    if tense is None:  # no clause to go by: the nearest such month (ties look back)
        back, ahead = (pub.month - month) % 12, (month - pub.month) % 12
        if ahead < back:
            return (pub.year, month) if month >= pub.month else (pub.year + 1, month)
    if _direction(tense) == "future":
        return (pub.year, month) if month >= pub.month else (pub.year + 1, month)
    return (pub.year, month) if month <= pub.month else (pub.year - 1, month)


def _year_from(text: str | None) -> int | None:
    m = re.search(r"\b(\d{4})\b", text or "")
    return int(m.group(1)) if m else None


def _shift(pub: date, unit: str, k: int) -> Resolved | None:
    if unit == "day":
        return _day(pub + timedelta(days=k))
    if unit == "week":
        return _week(pub + timedelta(weeks=k))
    if unit == "month":
        return _month(*_add_months(pub.year, pub.month, k))
    return _year(pub.year + k)


# --------------------------------------------------------------------------- matchers


def _absolute(s: str, pub: date | None, tense: str | None) -> Resolved | None:
    """Calendar dates written out: ISO, numeric, month-day(-year), day-month, month-year, year."""
    if m := RE_ISO_DAY.fullmatch(s):
        d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        return _day(d) if d else None
    if m := RE_ISO_WEEK.fullmatch(s):
        return (f"{int(m['year']):04d}-W{int(m['week']):02d}", "week") if 1 <= int(m["week"]) <= 53 else None
    if (m := RE_ISO_MONTH.fullmatch(s)) and 1 <= int(m["month"]) <= 12:
        return _month(int(m["year"]), int(m["month"]))
    if m := RE_SLASH.fullmatch(s):
        a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        month, day = (b, a) if a > 12 else (a, b)  # English news: month first unless impossible
        d = _safe_date(y, month, day)
        return _day(d) if d else None
    for rx in (RE_MONTH_DAY, RE_DAY_MONTH):
        if m := rx.fullmatch(s):
            month, day = MONTHS[m["month"]], int(m["day"])
            year = int(m["year"]) if m["year"] else _year_from(m["tail"])
            if year is not None:
                d = _safe_date(year, month, day)
            elif pub is not None:
                d = _year_for_month_day(pub, month, day, tense)
            else:
                return None
            return _day(d) if d else None
    if m := RE_MONTH_YEAR.fullmatch(s):
        return _month(int(m["year"]), MONTHS[m["month"]]) if MIN_YEAR <= int(m["year"]) <= MAX_YEAR else None
    if (m := RE_MONTH_DEICTIC_YEAR.fullmatch(s)) and pub is not None:  # "June last year"
        return _month(pub.year + DEICTIC_OFFSETS[m["deictic"]], MONTHS[m["month"]])
    if (m := RE_MONTH.fullmatch(s)) and m["month"] not in MONTH_ABBREVIATIONS:
        year = _year_from(m["tail"])
        if year is not None:
            return _month(year, MONTHS[m["month"]])
        if pub is None:
            return None
        return _month(*_year_for_month(pub, MONTHS[m["month"]], m["rel"], tense))
    if m := RE_YEAR.fullmatch(s):
        return _year(int(m["year"]))
    return None


def _relative(s: str, pub: date | None, tense: str | None) -> Resolved | None:
    """Expressions that need the publication date: weekdays, yesterday, last week, two days ago."""
    if m := RE_WEEKDAY.fullmatch(s):
        if m["rest"]:  # "Wednesday, Sept. 7, 2022": the calendar date decides when it parses
            if res := _absolute(m["rest"], pub, tense):
                return res
            if not re.fullmatch(r"[a-z ,.-]+", m["rest"]):
                return None
        return _day(_weekday_on(pub, WEEKDAYS[m["weekday"]], m["rel"], tense)) if pub else None
    if pub is None:
        return None
    if m := RE_DAY_WORD.fullmatch(s):
        return _day(pub + timedelta(days=DAY_WORDS[m["word"]]))
    if m := RE_DEICTIC_UNIT.fullmatch(s):
        k = DEICTIC_OFFSETS[m["deictic"]]
        if m["unit"] == "weekend":
            return _day(_weekend(pub, k, tense))
        return _shift(pub, m["unit"], k)
    if RE_WEEKEND.fullmatch(s):
        return _day(_weekend(pub, 0, tense))
    if m := RE_COUNT_AGO.fullmatch(s):
        n = int(m["num"]) if m["num"].isdigit() else NUMBER_WORDS[m["num"]]
        sign = -1 if m["dir"] in AGO_WORDS else 1
        return _shift(pub, UNITS[m["unit"]], sign * n)
    if m := RE_YEAR_EARLIER.fullmatch(s):
        return _shift(pub, m["unit"], -1)
    return None


def _mask_lowercase_month_words(expression: str) -> str:
    """'may' and 'march' in lower case are a modal and a noun, not months: hide them."""

    def repl(m: re.Match[str]) -> str:
        w = m.group(0)
        return w if w[0].isupper() else "\x00" * len(w)

    return re.sub(rf"\b(?:{_alt(AMBIGUOUS_MONTH_WORDS)})\b", repl, expression, flags=re.IGNORECASE)


def _normalize(expression: str) -> str:
    s = _mask_lowercase_month_words(expression.replace("’", "'").replace("\u00a0", " "))
    s = " ".join(s.split()).lower()
    s = s.strip(" ,;:()[]\"'!?")
    s = (
        re.sub(r"\.$", "", s)
        if not re.search(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.$", s)
        else s
    )
    return s


def resolve_date(
    expression: str,
    published: str | date | datetime | None = None,
    tense: str | None = None,
) -> Resolved | None:
    """ISO value and precision of a date expression, or None when it is not a date.

    ``published`` anchors relative expressions; ``tense`` ("past", "present", "future")
    of the clause decides whether a bare weekday or month looks back or ahead.
    """
    if not expression or not isinstance(expression, str):
        return None
    pub = parse_published(published)
    s = _normalize(expression)
    for _ in range(6):  # peel framing words one at a time: "on a Tuesday" -> "a tuesday" -> "tuesday"
        if not s:
            return None
        for candidate in (s, RE_TIME_TAIL.sub("", s)):
            if candidate and (res := _absolute(candidate, pub, tense) or _relative(candidate, pub, tense)):
                return res
        stripped = RE_LEADING.sub("", s, count=1)
        if stripped == s:
            return None
        s = stripped.strip()
    return None
