"""Comments on relations and attitudes (CAMEO 012, 013, 019) as events of their own."""

from __future__ import annotations

from dyad.events.comments import CommentRules


def test_the_comment_tables_load_and_name_codes() -> None:
    from dyad.events.patterns import PatternSet

    rules = CommentRules.from_data(PatternSet.load().comments)
    assert "relations" in rules.relation_nouns and "bad" in rules.pessimistic and "best" in rules.optimistic
    assert rules.attitudes["optimistic"] == "013" and rules.attitudes["pessimistic"] == "012"


def test_a_speaker_judging_relations_comments_on_the_other_side(code_triples) -> None:
    got = code_triples("Chinese Foreign Minister Wang Yi said on Monday that relations between Beijing and Tokyo "
                       "were at their lowest point in decades.", "2013-03-11")  # fmt: skip
    assert ("CHNGOV", "JPN", "012") in got, got
    got = code_triples("Indian Prime Minister Narendra Modi told reporters that India-U.S. ties had never been "
                       "stronger.", "2016-06-08")  # fmt: skip
    assert ("INDGOV", "USA", "013") in got, got


def test_a_negated_judgement_turns_round(code_triples) -> None:
    got = code_triples("German Chancellor Angela Merkel said on Friday that relations with Turkey were not good.",
                       "2017-08-18")  # fmt: skip
    assert ("DEUGOV", "TUR", "012") in got, got


def test_relations_with_no_speaker_or_no_judgement_are_no_comment(code_triples) -> None:
    assert not code_triples("Relations between Moscow and Washington were very bad in 2018.", "2019-01-01")
    got = code_triples("Li said the relationship between China and Russia does not target any third party.",
                       "2023-05-24")  # fmt: skip
    assert not any(c in ("012", "013") for _, _, c in got), got


def test_a_speakers_own_attitude_is_coded_on_what_it_is_about(code_triples) -> None:
    got = code_triples("Japanese Prime Minister Shinzo Abe said he remained hopeful about his talks with Russian "
                       "President Vladimir Putin.", "2018-11-15")  # fmt: skip
    assert ("JPNGOV", "RUSGOV", "013") in got, got
    got = code_triples("Turkish President Tayyip Erdogan said on Tuesday he was pessimistic about Turkey's bid to "
                       "join the European Union.", "2017-05-02")  # fmt: skip
    assert ("TURGOV", "IGOEUREEC", "012") in got, got
    # what the speaker is optimistic about reaching is not done
    got = code_triples("Trump said he was optimistic about reaching a trade deal with China.", "2019-03-04")
    assert not any(c.startswith("05") for _, _, c in got), got


def test_sides_whose_positions_agree_express_accord(code_triples) -> None:
    got = code_triples("Russian President Vladimir Putin and Chinese President Xi Jinping said their views on the "
                       "Syrian crisis were identical.", "2016-06-25")  # fmt: skip
    assert {("RUSGOV", "CHNGOV", "019"), ("CHNGOV", "RUSGOV", "019")} <= got, got


def test_analysts_and_the_press_judging_relations_are_commentary(code_triples) -> None:
    got = code_triples("Professor Wu Xinbo of Fudan University said China's relations with Russia were difficult.",
                       "2023-05-24")  # fmt: skip
    assert not any(c == "012" for _, _, c in got), got
