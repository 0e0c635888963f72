"""Killing conventions (dyad/events/killings.py): assassination of a figure, mass killing by count."""

from __future__ import annotations

import pytest

from dyad.events.killings import victim_count
from dyad.nlp import load_nlp


def test_killing_a_political_figure_is_an_assassination(code_triples) -> None:
    got = code_triples("An off-duty Turkish police officer shot dead Russia's ambassador to Turkey at an exhibition in Ankara.",
               "2016-12-19")
    assert ("TURCOP", "RUSGOV", "186") in got


@pytest.mark.parametrize(
    "text",
    ["A gunman shot dead Dutch populist politician Pim Fortuyn on Monday.",
     "Dutch populist politician Pim Fortuyn was shot dead by a gunman outside a radio studio in Hilversum on Monday."],
)
def test_a_role_word_followed_by_a_name_is_a_figure_not_a_generic_role(code_triples, text: str) -> None:
    assert {c for _, _, c in code_triples(text, "2002-05-06")} == {"186"}
    assert {c for _, _, c in code_triples("A gunman shot dead a politician in Amsterdam on Monday.", "2002-05-06")} == {"180"}


def test_killing_a_generic_leader_or_a_criminal_is_not(code_triples) -> None:
    got = code_triples("Mexican marines killed drug cartel leader Arturo Beltran Leyva in a two-hour shootout.", "2009-12-17")
    assert ("MEXMIL", "MEXCRM", "193") in got  # a shootout: small arms


def test_killing_a_named_armed_group_leader_is_an_assassination(code_triples) -> None:
    got = code_triples("Russia's FSB security service said on Monday it had killed Chechen rebel warlord Shamil "
                       "Basayev in a special operation.", "2006-07-10")
    assert ("RUSSPY", "RUSREB", "186") in got, got
    # an air strike that did it stays an air strike as well
    got = code_triples("Israel killed Ahmed Jabari, commander of Hamas's armed wing, in an air strike on his car in "
                       "Gaza City on Wednesday.", "2012-11-14")
    assert {("ISR", "PSEREB", "186"), ("ISR", "PSEREB", "195")} <= got, got


def test_killing_hundreds_of_unarmed_people_is_mass_killing(code_triples) -> None:
    got = code_triples("Islamic State militants have killed at least 500 members of Iraq's Yazidi minority.", "2014-08-10")
    assert any(c == "202" for _, _, c in got), got
    soldiers = code_triples("Russian forces killed 200 Ukrainian soldiers near Bakhmut.")
    assert not any(c == "202" for _, _, c in soldiers), soldiers  # armed victims: fighting


def test_dozens_killed_by_gunmen_is_mass_killing_but_not_by_an_air_strike(code_triples) -> None:
    got = code_triples("Gunmen killed at least 79 people in an overnight attack on the village of Seytenga in "
                       "northern Burkina Faso.", "2022-06-13")
    assert ("BFAUAF", "BFACVL", "202") in got, got
    # the code names the means (an air strike): the toll does not make it a mass killing
    strike = code_triples("An Israeli air strike killed 73 people in the town of Beit Lahiya in northern Gaza.", "2024-10-20")
    assert not any(c == "202" for _, _, c in strike), strike


def test_a_count_belongs_to_its_own_victims(code_triples) -> None:
    got = code_triples("Islamic State militants killed 53 soldiers and a civilian in an attack on an army post in "
                       "northeastern Mali.", "2019-11-02")
    assert not any(c == "202" for _, _, c in got), got  # 53 soldiers, one civilian


def test_a_passive_toll_is_no_mass_killing(code_triples) -> None:
    got = code_triples("Syrian troops shelled Houla, where 108 people were killed.", "2012-05-27")
    assert not any(c == "202" for _, _, c in got), got


def test_victim_count_reads_numbers_and_number_words() -> None:
    nlp = load_nlp()
    doc = nlp("They killed at least 1,200 civilians.")
    assert victim_count(doc[5]) == 1200
    doc = nlp("They killed hundreds of villagers.")
    assert victim_count(doc[2]) == 100
    doc = nlp("They killed the mayor.")
    assert victim_count(doc[3]) is None


def test_an_armed_groups_attack_on_unarmed_people_is_an_assault(code_triples) -> None:
    got = code_triples("Al Shabaab gunmen stormed a university campus in Garissa, Kenya, on Thursday.", "2015-04-02")
    assert ("SOMREB", "KENEDU", "180") in got  # the group's gunmen are the group's (REB), not UAF
    army = code_triples("Russian troops stormed the Ukrainian town of Bakhmut.")
    assert not any(c == "180" for _, _, c in army), army  # a state's forces fight (19x)


def test_a_car_bomb_outside_an_embassy_is_set_off_in_the_host_country(code_triples) -> None:
    got = code_triples("Insurgents set off a car bomb outside the Jordanian embassy in Baghdad on Thursday.", "2003-08-07")
    assert ("IRQREB", "JORGOV", "1832") in got


def test_police_violence_on_civilians_is_repression(code_triples) -> None:
    got = code_triples("Congolese security forces shot dead at least 20 people in Kinshasa on Tuesday.", "2016-09-20")
    assert ("CODCOP", "CODCVL", "175") in got


def test_troops_firing_on_their_own_countrys_people_is_repression(code_triples) -> None:
    got = code_triples("Uzbek troops opened fire on opposition supporters in Andijan on Friday.", "2005-05-14")
    assert ("UZBMIL", "UZBOPP", "175") in got, got
    # another country's people: force, not repression
    got = code_triples("Israeli troops opened fire on Palestinian civilians in Gaza on Friday.", "2011-05-03")
    assert ("ISRMIL", "PSECVL", "190") in got, got


def test_peacekeepers_arriving_are_deployed_not_visiting(code_triples) -> None:
    got = code_triples("The first Nigerian peacekeepers of a West African force flew into Liberia on Monday.", "2003-08-04")
    assert ("NGAMIL", "LBR", "074") in got


def test_an_attack_on_a_base_or_a_post_hits_its_countrys_forces(code_triples) -> None:
    got = code_triples("Afghan Taliban forces attacked Pakistani border posts along the frontier late on Saturday.",
                       "2024-12-28")  # fmt: skip
    assert ("AFGMIL", "PAKMIL", "190") in got, got  # the Taliban govern Afghanistan from August 2021
    got = code_triples("Militants attacked 30 police posts in Myanmar's Rakhine state on Friday.", "2017-08-25")
    assert ("MMRREB", "MMRCOP", "190") in got, got
    # a modifier says whose positions they are; "government" positions are its forces'
    got = code_triples("French warplanes struck Islamist rebel positions in central Mali on Friday.", "2013-01-11")
    assert ("FRAMIL", "MLIREB", "195") in got, got
    got = code_triples("Pro-Russian separatists violated the ceasefire in eastern Ukraine, firing on government "
                       "positions around the railway town of Debaltseve.", "2015-02-17")  # fmt: skip
    assert ("UKRREB", "UKRMIL", "190") in got, got


def test_gunmen_attacking_a_civil_body_of_the_state_use_unconventional_violence(code_triples) -> None:
    got = code_triples("Gunmen armed with assault rifles and grenades attacked India's parliament in New Delhi on "
                       "Thursday.", "2001-12-13")  # fmt: skip
    assert got == {("INDUAF", "INDLEG", "180")}, got
    got = code_triples("Taliban insurgents attacked the U.S. embassy in Kabul on Tuesday.", "2011-09-13")
    assert ("AFGREB", "USAGOV", "180") in got, got
    # troops on a state's forces stay at war
    got = code_triples("Rebels attacked an army base in northern Mali on Tuesday.", "2012-01-17")
    assert ("MLIREB", "MLIMIL", "190") in got, got


def test_an_attack_by_suicide_bombers_is_a_suicide_bombing_whatever_its_toll(code_triples) -> None:
    got = code_triples("Two suicide bombers struck a peace rally near Ankara's main railway station on Saturday, "
                       "killing at least 86 people.", "2015-10-10")  # fmt: skip
    assert ("TURUAF", "TURCVL", "1831") in got, got
    # ... unless it kills one political figure: an assassination
    got = code_triples("A suicide attacker shot opposition leader Benazir Bhutto and then blew himself up at an "
                       "election rally in Rawalpindi on Thursday, killing her.", "2007-12-27")  # fmt: skip
    assert ("PAKUAF", "PAKOPP", "186") in got, got


def test_stabbing_to_death_is_a_killing_and_of_a_lawmaker_an_assassination(code_triples) -> None:
    officer = code_triples("A man drove a car into pedestrians on Westminster Bridge in London on Wednesday and then "
                           "stabbed a police officer to death at the gates of parliament.", "2017-03-22")  # fmt: skip
    assert ("GBRUAF", "GBRCOP", "1823") in officer, officer
    cox = code_triples("British Labour lawmaker Jo Cox was shot and stabbed to death in her constituency in northern "
                       "England on Thursday by a man.", "2016-06-16")  # fmt: skip
    assert {c for _, _, c in cox} == {"186"}, cox
    # an execution stays an execution
    assert ("IRQGOV", "IRQELI", "1823") in code_triples("Iraqi authorities hanged Saddam Hussein at dawn on Saturday.", "2006-12-30")


def test_a_storming_that_killed_people_keeps_the_body_it_was_aimed_at(code_triples) -> None:
    got = code_triples("Al Shabaab gunmen stormed the main United Nations compound in the Somali capital Mogadishu on "
                       "Wednesday, killing at least 13 people.", "2013-06-19")  # fmt: skip
    assert got == {("SOMREB", "IGOUNO", "180")}, got
    # an army base's toll stays fighting
    got = code_triples("Islamist militants attacked an army base in northern Mali on Thursday, killing 15 soldiers.",
                       "2017-01-19")
    assert got == {("MLIREB", "MLIMIL", "190")}, got


def test_a_states_mass_execution_stays_an_execution(code_triples) -> None:
    got = code_triples("Saudi Arabia executed 37 men on Tuesday for terrorism-related crimes in a mass execution across "
                       "six cities.", "2019-04-23")  # fmt: skip
    assert got == {("SAU", "SAUCVL", "1823")}, got
    # troops' summary executions are a mass killing
    got = code_triples("Soldiers summarily executed at least 223 villagers in northern Burkina Faso.", "2024-04-25")
    assert {c for _, _, c in got} == {"202"}, got


def test_a_named_commander_killed_by_his_bodyguard_is_assassinated_by_one_of_his_own(code_triples) -> None:
    # the army's chief of staff is the army's (MIL, not the White House's GOV title); his bodyguard is a
    # soldier of the same force, another person than the chief himself, not the army acting on itself
    got = code_triples("Ethiopia's army chief of staff, General Seare Mekonnen, was shot dead by his bodyguard in "
                       "Addis Ababa on Saturday.", "2019-06-23")
    assert got == {("ETHMIL", "ETHMIL", "186")}, got
    # a passive agent owned through "one of his": the doer's country is the victim's
    got = code_triples("Congolese President Laurent Kabila was shot dead by one of his own bodyguards at his palace "
                       "in Kinshasa on Tuesday.", "2001-01-17")
    assert got == {("CODMIL", "CODGOV", "186")}, got
    got = code_triples("The governor of Pakistan's Punjab province, Salman Taseer, was shot dead by one of his police "
                       "bodyguards in Islamabad on Tuesday.", "2011-01-04")
    assert got == {("PAKCOP", "PAKGOV", "186")}, got
    # soldiers killed in a fight, or a commander hit by an air strike, stay acts of war
    assert code_triples("Rebels shot dead two Ethiopian soldiers on Saturday.", "2019-06-23") == {("ETHREB", "ETHMIL", "190")}
    got = code_triples("A U.S. drone strike killed Iranian commander Qassem Soleimani at Baghdad airport on Friday.", "2020-01-03")
    assert ("USAMIL", "IRNMIL", "186") not in got, got


def test_a_suicide_bomber_beside_gunmen_is_no_aircraft(code_triples) -> None:
    got = code_triples("Islamic State gunmen and suicide bombers attacked Iran's parliament in Tehran on Wednesday.",
                       "2017-06-07")
    assert "195" not in {c for *_, c in got}, got
    assert ("IMGMUSISI", "IRNLEG", "180") in got, got


def test_a_killer_killing_himself_is_no_second_event(code_triples) -> None:
    got = code_triples("A gunman shot dead 20 children and six adults at an elementary school in Newtown, Connecticut, on "
                       "Friday before killing himself.", "2012-12-14")
    assert got == {("USAUAF", "USACVL", "180")}, got


def test_a_town_named_as_a_possessor_is_the_scene(code_triples) -> None:
    got = code_triples("A Palestinian suicide bomber blew himself up among young people queueing outside a discotheque on "
                       "Tel Aviv's seafront late on Friday, killing at least 17 people, most of them teenagers, police said.",
                       "2001-06-02")
    assert got == {("PSEUAF", "ISRCVL", "1831")}, got
