"""Vocabulary for date expressions: month and weekday names, number words, relative phrases.

Kept apart from the resolver so the arithmetic reads as logic and the words can be
extended without touching it.
"""

from __future__ import annotations

# Month names and the abbreviations news style uses ("Sept. 30", "Aug. 7"); value = month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Month names that are also ordinary English words ("we may meet", "the march on the capital"):
# they count as months only when capitalised, or when followed by a day number or a year.
AMBIGUOUS_MONTH_WORDS: frozenset[str] = frozenset({"may", "march"})

# Abbreviations too short or too ambiguous to stand alone ("Jan", "Dec" are names; "Mar" is a word);
# they are months only next to a day number or a year.
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"}
)

# Weekday names (Monday = 0, as datetime.weekday()) and dotted news abbreviations ("Tues.", "Thurs.").
# Bare "Sun"/"Sat"/"Wed" are deliberately absent: they are words and names far more often than days.
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon.": 0,
    "tuesday": 1, "tue.": 1, "tues.": 1,
    "wednesday": 2, "wed.": 2,
    "thursday": 3, "thu.": 3, "thur.": 3, "thurs.": 3,
    "friday": 4, "fri.": 4,
    "saturday": 5, "sat.": 5,
    "sunday": 6, "sun.": 6,
}  # fmt: skip

# Counts in "two weeks ago", "three days ago".
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a few": 3, "couple of": 2,
}  # fmt: skip

# Calendar units in relative phrases -> the precision their result has.
UNITS: dict[str, str] = {"day": "day", "week": "week", "month": "month", "year": "year"}

# Words that turn a count + unit into an offset into the past or the future.
AGO_WORDS: frozenset[str] = frozenset({"ago", "earlier", "before", "prior", "previously", "back"})
HENCE_WORDS: frozenset[str] = frozenset({"later", "from now", "hence", "after", "afterwards", "on"})

# Deictic modifiers of a unit ("last week", "the following month") -> offset in units.
DEICTIC_OFFSETS: dict[str, int] = {
    "this": 0, "the current": 0, "current": 0, "the same": 0, "this past": -1,
    "last": -1, "past": -1, "the past": -1, "previous": -1, "the previous": -1,
    "the prior": -1, "prior": -1, "the last": -1,
    "next": 1, "the next": 1, "following": 1, "the following": 1, "coming": 1, "the coming": 1,
    "the upcoming": 1, "upcoming": 1,
}  # fmt: skip

# Single words for a day relative to publication.
DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2, "last night": -1,
    "overnight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0,
}  # fmt: skip

# Leading words that frame a date without changing it ("on Wednesday", "since 1996",
# "earlier this month", "late November"). Longest first when matched.
LEADING_WORDS: tuple[str, ...] = (
    "the end of", "the beginning of", "the start of", "the middle of", "the first half of",
    "the second half of", "end of", "beginning of", "start of", "middle of", "as of",
    "on", "in", "at", "by", "since", "until", "till", "from", "during", "between", "of", "for",
    "around", "about", "circa", "early", "late", "mid", "mid-", "earlier", "later", "fiscal",
    "the", "a", "an", "sometime", "some time", "nearly", "almost", "roughly", "approximately",
    "some", "more than", "less than", "over", "just", "only", "about", "exactly", "precisely",
)  # fmt: skip

# Trailing parts of the day that keep day precision ("Wednesday night", "yesterday morning").
TIME_OF_DAY: tuple[str, ...] = (
    "morning", "afternoon", "evening", "night", "noon", "midday", "midnight", "overnight",
)  # fmt: skip

# Auxiliaries and governing words that put the event in the future ("will meet", "is scheduled to visit").
FUTURE_AUXILIARIES: frozenset[str] = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_GOVERNORS: frozenset[str] = frozenset(
    {"schedule", "expect", "set", "due", "plan", "intend", "go", "slate", "poise", "prepare", "aim", "hope"}
)
