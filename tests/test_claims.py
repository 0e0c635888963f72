"""An attack with no named doer and a group's claim of responsibility, or someone's blame, in one sentence."""

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


def test_a_blame_for_a_bomb_with_no_doer_is_the_only_event(code_triples) -> None:
    got = code_triples("A car bomb tore through a crowded transport hub in central Ankara on Sunday evening, killing "
                       "at least 34 people, and Turkey's government blamed Kurdish militants for the attack.",
                       "2016-03-14")
    assert got == {("TURGOV", "TURREB", "112")}, got


def test_a_suicide_bomber_stays_an_attack_beside_the_blame(code_triples) -> None:
    got = code_triples("A suicide bomber killed at least 30 people in the Turkish town of Suruc on Monday, and the "
                       "government blamed Islamic State.", "2015-07-20")
    assert ("TURUAF", "TURCVL", "1831") in got, got


def test_a_bomb_attack_with_no_target_hits_the_people_its_toll_names(code_triples) -> None:
    # the claiming group is no country: the people killed are the scene's (PHLCVL), not "IMG" civilians
    got = code_triples("Two bombs tore through a Roman Catholic cathedral on the southern Philippine island of Jolo "
                       "during Sunday Mass, killing at least 20 people, and Islamic State claimed responsibility for "
                       "the attack.", "2019-01-27")
    assert ("IMGMUSISI", "PHLCVL", "015") in got, got
    assert ("IMGMUSISI", "PHLCVL", "183") in got, got  # bombs did it: a bombing



def test_a_weapon_with_no_one_behind_it_is_no_event_unless_claimed(code_triples) -> None:
    # every gold triple set leaves "a bomb exploded" with no doer empty; a claim makes it the group's
    assert not code_triples("A car bomb exploded outside a police station in the Colombian city of Cucuta on "
                            "Tuesday, wounding 36 people, officials said.", "2021-06-15")  # fmt: skip
    assert not code_triples("A bomb tore through a cafe on Marrakesh's crowded main square on Thursday, killing at "
                            "least 14 people.", "2011-04-28")  # fmt: skip
    # a weapon fired from afar names no doer either: the village's country is the victims', not the shooter's
    assert not code_triples("A missile struck a Polish village near the Ukrainian border on Tuesday, killing two "
                            "people.", "2022-11-15")  # fmt: skip
    got = code_triples("A Russian missile struck a Polish village on Tuesday, killing two people.", "2022-11-15")
    assert ("RUSMIL", "POLCVL", "195") in got, got
    # an agentless passive keeps its unidentified doer (the PLOVER gold codes it as an assault)
    got = code_triples("Three US servicemen were killed by an improvised explosive device outside the Iraqi city of "
                       "Basra.", "2007-05-01")  # fmt: skip
    assert got and all(s == "IRQUAF" for s, _, _ in got), got


def test_the_scene_of_a_blast_is_no_cause_of_its_toll(code_triples) -> None:
    # "in a university gymnasium", "during a Catholic Mass" tell where and when the bomb went off; a
    # stampede or a fire named as the cause is still no armed act
    got = code_triples("A bomb exploded during a Catholic Mass in a university gymnasium in the southern Philippine "
                       "city of Marawi on Sunday, killing four people, and Islamic State claimed responsibility.",
                       "2023-12-03")
    assert ("IMGMUSISI", "PHLCVL", "183") in got, got
    assert ("IMGMUSISI", "PHLCVL", "015") in got, got
    assert code_triples("Panic broke out at a shrine in northern India on Tuesday, killing 116 pilgrims in a stampede.",
                        "2024-07-02") == set()
