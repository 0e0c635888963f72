"""An attack with no named doer and a group's claim of responsibility in one sentence: one doer."""

from __future__ import annotations

import pytest

from dyad.events import Coder
from dyad.nlp import parse_articles
from dyad.records import Article


@pytest.fixture(scope="module")
def code_triples():
    coder = Coder()

    def run(text: str, published: str = "2019-04-21") -> set[tuple[str | None, str | None, str]]:
        parsed = parse_articles([Article(id="t", text=text, published=published)], coder.could_hold_event)[0]
        return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in coder.code(parsed)}

    return run


def test_the_claiming_group_did_the_attack_and_claims_it_against_its_victims(code_triples) -> None:
    got = code_triples("A suicide bomber blew himself up at a crowded market in the Nigerian city of Maiduguri on "
                       "Sunday, killing 30 people, and Boko Haram claimed responsibility.")
    # the bomber is Boko Haram's, and a claim for an attack on compatriots is news (ranking.DOMESTIC_CODES)
    assert got == {("NGAREB", "NGACVL", "1831"), ("NGAREB", "NGACVL", "015")}


def test_two_groups_claiming_leave_the_attack_unattributed(code_triples) -> None:
    got = code_triples("Gunmen attacked a church in Burkina Faso on Sunday, killing 14 worshippers, and Islamic State "
                       "and al Qaeda both claimed responsibility.")
    assert ("BFAUAF", "BFACVL", "180") in got, got
