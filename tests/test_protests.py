"""Protest conventions (dyad/events/protests.py): implied addressee, purpose leaf, crowd violence."""

from __future__ import annotations

from dyad.events.protests import ProtestRules, purpose_digit
from dyad.nlp import load_nlp


def test_a_domestic_protest_is_aimed_at_the_protesters_government(code_triples) -> None:
    got = code_triples("Hundreds of thousands of Iranians marched through Tehran on Monday to protest against the election result.")
    assert ("IRNCVL", "IRNGOV", "141") in got


def test_the_implied_government_has_no_words_of_the_article(code_events) -> None:
    evs = code_events("French rail workers went on strike on Tuesday against plans to overhaul the railway.",
                      "2018-04-03")
    implied = [e for e in evs if e.cameo.startswith("14")]
    assert implied and implied[0].target is not None
    assert (implied[0].target.code, implied[0].target.text) == ("FRAGOV", "")


def test_the_leaf_follows_what_the_protest_is_for(code_triples) -> None:
    assert ("FRALAB", "FRAGOV", "1432") in code_triples(
        "French rail workers went on strike on Tuesday against plans to overhaul the railway company.", "2018-04-03")
    assert ("INDCVL", "INDGOV", "1422") in code_triples(
        "Veteran Indian activist Anna Hazare began a hunger strike in New Delhi to press the government to adopt anti-corruption legislation.",
        "2011-08-16")


def test_a_crowd_storming_an_embassy_protests_violently_against_its_government(code_triples) -> None:
    got = code_triples("Iranian protesters stormed the Saudi embassy in Tehran late on Saturday.", "2016-01-03")
    assert ("IRNCVL", "SAUGOV", "145") in got
    assert not any(c.startswith("19") for _, _, c in got)


def test_a_crowd_storming_its_own_institutions_protests_violently_against_them(code_triples) -> None:
    got = code_triples("Hundreds of supporters of President Donald Trump stormed the U.S. Capitol on Wednesday.",
                       "2021-01-07")
    assert got == {("USACVL", "USALEG", "145")}, got
    # whom the crowd backs ("far-right") says nothing of what it wants: no rights leaf (1453)
    got = code_triples("Thousands of supporters of far-right former President Jair Bolsonaro stormed Brazil's Congress, "
                       "Supreme Court and presidential palace in Brasilia on Sunday.", "2023-01-09")  # fmt: skip
    assert {("BRACVL", "BRALEG", "145"), ("BRACVL", "BRAJUD", "145")} <= got, got


def test_a_protest_aimed_abroad_gets_no_second_implied_target(code_triples) -> None:
    got = code_triples("Thousands of Chinese protesters besieged the Japanese embassy in Beijing on Saturday, hurling rocks.",
               "2012-09-15")
    assert ("CHNCVL", "JPNGOV", "145") in got
    assert ("CHNCVL", "CHNGOV", "145") not in got


def test_soldiers_are_not_a_crowd(code_triples) -> None:
    got = code_triples("Russian troops stormed the Ukrainian town of Bakhmut.")
    assert any(c.startswith("19") for _, _, c in got)


def test_purpose_digit_reads_the_first_listed_purpose() -> None:
    nlp = load_nlp()
    purposes = ProtestRules.from_cues({"protest_purposes": {"1": ["resignation", "step down"], "2": ["law"]}}).purposes
    assert purpose_digit(nlp("They marched against the law, demanding his resignation."), purposes) == "1"
    assert purpose_digit(nlp("They want him to step down."), purposes) == "1"
    assert purpose_digit(nlp("They marched against the new law."), purposes) == "2"
    assert purpose_digit(nlp("They marched on Sunday."), purposes) is None


def test_a_crowd_dispersing_is_no_event(code_triples) -> None:
    assert not code_triples("Police in Nairobi said that the crowd had dispersed by midnight.")


def test_people_protesting_are_demonstrating(code_triples) -> None:
    got = code_triples("Thousands of Georgians protested against the foreign agents law in Tbilisi.")
    assert ("GEOCVL", "GEOGOV", "1412") in got  # 140 -> 141, aimed at the government, for a policy change


def test_a_crowd_forcing_its_way_in_demanding_a_resignation_protests_violently_for_it(code_triples) -> None:
    got = code_triples("Thousands of anti-government protesters forced their way into the grounds of Government House "
                       "in Bangkok on Tuesday, demanding the resignation of Prime Minister Samak Sundaravej.",
                       "2008-08-26")  # fmt: skip
    assert got == {("THACVL", "THAGOV", "1451")}, got
    # the demand may qualify the crowd itself, and the storming aims at state television
    got = code_triples("Protesters demanding the resignation of Hungarian Prime Minister Ferenc Gyurcsany stormed the "
                       "headquarters of state television in Budapest overnight.", "2006-09-19")  # fmt: skip
    assert got == {("HUNCVL", "HUNMED", "1451")}, got


def test_in_protest_on_another_act_is_its_reason_and_what_it_answers_is_background(code_triples) -> None:
    got = code_triples("Jordan recalled its ambassador from Israel on Wednesday in protest at the Israeli offensive "
                       "in Gaza.", "2023-11-01")  # fmt: skip
    assert got == {("JOR", "ISR", "161")}, got
    got = code_triples("China suspended climate change talks with Washington in retaliation for Pelosi's visit to "
                       "Taiwan.", "2022-08-05")  # fmt: skip
    assert not any(c.startswith("04") for _, _, c in got), got


def test_a_mob_beating_someone_to_death_kills(code_triples) -> None:
    got = code_triples("A Palestinian mob beat two Israeli army reservists to death at a police station in Ramallah "
                       "on Thursday.", "2000-10-12")  # fmt: skip
    assert got == {("PSECVL", "ISRMIL", "1823")}, got


def test_a_crowd_s_demand_to_no_one_is_its_protest(code_triples) -> None:
    # a clause of its own ("as demonstrators demanded ..."), not a participle of the police's act
    got = code_triples("Chadian security forces opened fire on protesters in N'Djamena on Thursday as demonstrators "
                       "demanded a faster return to civilian rule.", "2022-10-20")
    assert ("TCDCVL", "TCDGOV", "1411") in got, got
    assert ("TCDCOP", "TCDCVL", "175") in got, got


def test_security_forces_read_for_they_do_not_protest(code_triples) -> None:
    got = code_triples("Russian riot police detained former world chess champion Garry Kasparov and dozens of his "
                       "supporters in Moscow on Saturday as they tried to march to the central election commission to "
                       "protest against President Vladimir Putin's rule.",
                       "2007-11-24")  # fmt: skip
    assert not [c for _, _, c in got if c.startswith("14")], got
    assert any(c == "173" for _, _, c in got), got


def test_people_said_to_protest_are_a_crowd(code_triples) -> None:
    got = code_triples("Thousands of protesting farmers broke through police barricades and stormed Delhi's historic "
                       "Red Fort on Tuesday.", "2021-01-26")  # fmt: skip
    assert {c[:2] for _, _, c in got} == {"14"}, got


def test_a_protests_own_words_say_what_it_wants_before_another_clause_does(code_triples) -> None:
    # "offered to RESIGN" is the cabinet's act; the marchers demand that the beef DEAL be renegotiated (1412)
    got = code_triples("South Korea's entire cabinet offered to resign on Tuesday over the government's deal to resume "
                       "imports of U.S. beef, as tens of thousands of protesters marched through Seoul demanding that "
                       "it be renegotiated.", "2008-06-10")  # fmt: skip
    assert ("KORCVL", "KORGOV", "1412") in got, got
    # a court ruling or a fare increase protested is a policy (1412)
    got = code_triples("More than 200,000 Brazilians marched in Sao Paulo on Monday against bus fare increases.",
                       "2013-06-18")  # fmt: skip
    assert ("BRACVL", "BRAGOV", "1412") in got, got
