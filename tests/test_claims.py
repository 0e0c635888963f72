"""An attack with no named doer and a group's claim of responsibility in one sentence: one doer."""

from __future__ import annotations


def test_the_claiming_group_did_the_attack_and_claims_it_against_its_victims(code_triples) -> None:
    got = code_triples("A suicide bomber blew himself up at a crowded market in the Nigerian city of Maiduguri on "
                       "Sunday, killing 30 people, and Boko Haram claimed responsibility.", "2019-04-21")
    # the bomber is Boko Haram's, and a claim for an attack on compatriots is news (ranking.DOMESTIC_CODES)
    assert got == {("NGAREB", "NGACVL", "1831"), ("NGAREB", "NGACVL", "015")}


def test_two_groups_claiming_leave_the_attack_unattributed(code_triples) -> None:
    got = code_triples("Gunmen attacked a church in Burkina Faso on Sunday, killing 14 worshippers, and Islamic State "
                       "and al Qaeda both claimed responsibility.", "2019-04-21")
    assert ("BFAUAF", "BFACVL", "180") in got, got
