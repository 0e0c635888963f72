"""Self-events versus domestic events: CAMEO codes two sectors of one country, never an actor on itself."""

from __future__ import annotations

import pytest

from dyad.events import Coder
from dyad.nlp import parse_articles
from dyad.records import Article


@pytest.fixture(scope="module")
def triples():
    coder = Coder()

    def run(text: str) -> set[tuple[str | None, str | None, str]]:
        parsed = parse_articles([Article(id="t", text=text, published="2024-08-21")], coder.could_hold_event)[0]
        return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in coder.code(parsed)}

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Egyptian government met opposition leaders in Cairo on Monday.", ("EGYGOV", "EGYOPP", "040")),
        ("Egypt's government released 200 opposition activists from prison.", ("EGYGOV", "EGYOPP", "0841")),
        ("Egyptian police arrested 20 Egyptian students in Cairo.", ("EGYCOP", "EGYEDU", "173")),
        ("The Philippine army attacked Moro rebels in Mindanao.", ("PHLMIL", "PHLREB", "190")),
    ],
)
def test_two_sectors_of_one_country_are_a_domestic_event(triples, text: str, expected: tuple) -> None:
    assert expected in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Premier Li Qiang praised President Xi Jinping.",  # one code, two named persons, praise
        "China praised Chinese efforts.",  # two bare country codes
    ],
)
def test_same_actor_or_no_sectors_is_a_self_event(triples, text: str) -> None:
    assert not {t for t in triples(text) if t[1] is not None and t[0] is not None and t[0][:3] == t[1][:3]}


def test_new_lexicon_verbs(triples) -> None:
    assert ("IRN", "SYR", "072") in triples("Iran shipped weapons to Syria.")
    assert ("IND", "PAK", "050") in triples("India and Pakistan improved relations.")
    assert ("NICGOV", "NICMED", "1721") in triples(
        "Nicaragua's Sandinista government ordered the opposition newspaper La Prensa to suspend publication."
    )
