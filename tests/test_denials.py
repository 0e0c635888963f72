"""Denials (CAMEO 016) are aimed at the accuser, and an accusation closed by ", a charge X denied"
stays an accusation."""

from __future__ import annotations


def test_a_denial_of_a_that_clause_is_aimed_at_whom_the_denied_act_was_done_to(code_triples) -> None:
    got = code_triples("Israel denied on Monday that its jets had carried out an air strike on a school in Gaza City.",
                       "2014-07-28")  # fmt: skip
    assert any(s == "ISR" and t and t.startswith("PSE") and c == "016" for s, t, c in got), got
    assert not any(c.startswith("19") for _, _, c in got), got  # the denied strike is not coded


def test_a_denial_answers_the_accusation_the_sentence_names(code_triples) -> None:
    got = code_triples("Iran denied accusations by Saudi Arabia that it had supplied missiles to Yemen's Houthi rebels.",
                       "2017-11-06")  # fmt: skip
    assert ("IRN", "SAU", "016") in got, got
    got = code_triples("Russia denied on Tuesday that it had meddled in the election, dismissing the American "
                       "allegations as absurd.", "2017-01-10")  # fmt: skip
    assert any(s == "RUS" and t and t.startswith("USA") and c == "016" for s, t, c in got), got


def test_a_closing_charge_x_denied_keeps_the_accusation(code_triples) -> None:
    got = code_triples("Thailand's army accused Cambodian troops on Friday of firing rockets across the border, a charge "
                       "Cambodia's military denied.", "2011-02-05")  # fmt: skip
    assert any(s == "THAMIL" and t == "KHMMIL" and c.startswith("112") for s, t, c in got), got
    assert ("KHMMIL", "THAMIL", "016") in got, got


def test_a_denial_between_a_government_and_its_opposition_is_coded(code_triples) -> None:
    got = code_triples("Kenyan opposition leaders accused police on Sunday of shooting dozens of protesters in Kisumu, "
                       "a charge the government denied.", "2017-08-13")  # fmt: skip
    assert ("KENGOV", "KENOPP", "016") in got, got


def test_denying_a_visa_or_access_is_not_a_denial_of_responsibility(code_triples) -> None:
    got = code_triples("Israel denied entry to two U.S. congresswomen on Thursday.", "2019-08-15")
    assert not any(c == "016" for _, _, c in got), got


def test_a_denial_answers_whoever_blamed_the_denier_elsewhere_in_the_sentence(code_triples) -> None:
    got = code_triples("Iran denied on Friday that it was behind attacks on two oil tankers in the Gulf of Oman, a day "
                       "after U.S. Secretary of State Mike Pompeo blamed Tehran.", "2019-06-14")  # fmt: skip
    assert ("IRN", "USAGOV", "016") in got, got
    # the denier's own accusation of others is not what it denies
    got = code_triples("India's army denied on Tuesday that its troops had fired shots along the border, and accused "
                       "Chinese soldiers of firing in the air.", "2020-09-08")  # fmt: skip
    assert not any(c == "016" and t == "INDMIL" for _, t, c in got), got
