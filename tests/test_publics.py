"""A state's target-less acts on its own people are aimed at that people (or the country)."""

from __future__ import annotations

import pytest

from dyad.events.publics import public_acts


def test_the_public_acts_table_loads() -> None:
    from dyad.events.coder import Coder

    table = public_acts(Coder().cues)
    assert table["0831"] == "CVL" and table["1724"] == "CVL"


def test_a_resignation_or_curfew_is_aimed_at_the_countrys_people(code_triples) -> None:
    got = code_triples("Sri Lankan President Gotabaya Rajapaksa resigned on Thursday.", "2022-07-14")
    assert ("LKAGOV", "LKACVL", "0831") in got, got
    got = code_triples("Kazakhstan's government imposed a nationwide curfew on Wednesday.", "2022-01-05")
    assert ("KAZGOV", "KAZCVL", "1723") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian President Dina Boluarte declared a state of emergency on Wednesday.",
        "Peru's Congress approved a 30-day state of emergency on Wednesday.",  # approved, invoked, extended
        "Peruvian President Dina Boluarte invoked emergency powers on Wednesday.",
        "Peruvian President Dina Boluarte extended the state of emergency on Wednesday.",
    ],
)
def test_a_state_of_emergency_is_aimed_at_the_countrys_people(code_triples, text: str) -> None:
    got = code_triples(text, "2022-12-14")
    assert any(s.startswith("PER") and t == "PERCVL" and c == "1724" for s, t, c in got), got


def test_a_non_state_actors_resignation_stays_one_sided(code_triples) -> None:
    got = code_triples("Kenyan opposition leader Raila Odinga resigned from parliament on Monday.", "2013-03-11")
    assert not any(t and t.endswith("CVL") for _, t, _ in got), got


def test_a_coup_is_aimed_at_the_country(code_triples) -> None:
    got = code_triples("Fiji's military commander, Commodore Frank Bainimarama, seized power on Tuesday.", "2006-12-05")
    assert got == {("FJIMIL", "FJI", "1724")}, got
    # told with the arrest of whom it ousted, the coup is that arrest
    got = code_triples("Army officers in Gabon seized power on Wednesday and placed President Ali Bongo under house "
                       "arrest.", "2023-08-30")
    assert got == {("GABMIL", "GABGOV", "173")}, got


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Pakistani President Pervez Musharraf resigned on Monday to avoid impeachment by parliament.", "PAKLEG"),
        ("Haitian President Jean-Bertrand Aristide resigned on Sunday as armed rebels closed in on the capital.", "HTIREB"),
        ("Maldives President Mohamed Nasheed resigned on Tuesday, bowing to weeks of opposition protests.", "MDVOPP"),
        ("Algerian President Abdelaziz Bouteflika resigned on Tuesday, bowing to six weeks of mass street protests.", "DZACVL"),
    ],
)
def test_a_resignation_is_aimed_at_whom_the_sentence_says_pressed_it(code_triples, text: str, target: str) -> None:
    got = code_triples(text, "2010-01-01")
    assert {(t, c) for _, t, c in got} == {(target, "0831")}, got
