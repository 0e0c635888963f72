"""The actor knowledge base and the composition of noun phrases into CAMEO actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.actors.knowledge import KnowledgeBase, Role, pick_role, split_code


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(dictionary_dir=Path("/nonexistent-dyad-dictionary"))


def kinds_codes(kb: KnowledgeBase, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.best.kind, m.best.code) for m in kb.match(text)]


def test_countries_capitals_metonyms_and_case(kb: KnowledgeBase) -> None:
    found = kinds_codes(kb, "Beijing and the Kremlin talked, said the US. Tell us more about China.")
    assert ("Beijing", "capital", "CHNGOV") in found
    assert ("the Kremlin", "metonym", "RUSGOV") in found
    assert ("US", "country", "USA") in found
    assert ("China", "country", "CHN") in found
    assert not any(t == "us" for t, _, _ in found), "lower-case 'us' is a pronoun, not the USA"


def test_upper_case_datelines_match(kb: KnowledgeBase) -> None:
    assert kinds_codes(kb, "BEIJING: talks")[0][:2] == ("BEIJING", "capital")


def test_longest_match_wins(kb: KnowledgeBase) -> None:
    found = kinds_codes(kb, "the National People's Congress met")
    assert found[0][1:] == ("institution", "CHNLEG")


def test_person_role_on_event_date(kb: KnowledgeBase) -> None:
    li = kb.persons["Li Zhanshu"]
    assert li.actor_code("2022-09-07")[0] == "CHNLEG"
    assert li.actor_code("2015-06-01")[0] == "CHNGOV"
    # no office on that date: the country of the nearest role, no sector
    assert li.actor_code("2024-01-01") == ("CHN", "CHN", None)


def test_overlapping_roles_take_the_latest_start() -> None:
    roles = [Role("AAAGOV", "2010-01-01", None), Role("AAAMIL", "2015-01", "2020-12")]
    assert pick_role(roles, "2016-05-05").code == "AAAMIL"
    assert pick_role(roles, "2021-01-01").code == "AAAGOV"
    assert pick_role(roles, "2009-01-01").code == "AAAGOV"  # nearest in time


def test_split_code() -> None:
    assert split_code("CHNGOV") == ("CHN", "GOV")
    assert split_code("RUS") == ("RUS", None)
    assert split_code("IGOUNO") == (None, None)


def test_user_dictionary_wins_and_bad_lines_are_reported(tmp_path: Path) -> None:
    (tmp_path / "actors.tsv").write_text(
        "name\taliases\tcode\tstart\tend\ttitle\n"
        "Vladimir Putin\t\tRUSMIL\t\t\t\n"
        "Aragorn Elessar\tStrider\tGONGOV\t\t\tKing of Gondor\n"
        "Broken Row\t\tnot a code\t\t\t\n",
        encoding="utf-8",
    )
    (tmp_path / "agents.tsv").write_text("ranger\tMIL\nno suffix here\n", encoding="utf-8")
    kb = KnowledgeBase.load(dictionary_dir=tmp_path)
    putin = [m for m in kb.match("Vladimir Putin spoke") if m.best.kind in ("person", "named")][0]
    assert putin.best.user and putin.best.actor_code("2022-01-01")[0] == "RUSMIL"
    assert kb.match("Strider arrived")[0].best.actor_code(None)[0] == "GONGOV"
    assert any(m.best.kind == "role" and m.best.sector == "MIL" for m in kb.match("the rangers? no, the ranger"))
    assert any("actors.tsv:4" in p for p in kb.problems)
    assert any("agents.tsv:2" in p for p in kb.problems)


def test_unique_surnames_are_indexed(kb: KnowledgeBase) -> None:
    assert kb.surname_person("Putin").name == "Vladimir Putin"
    assert kb.surname_person("Li") is None  # many Lis: only the article can tell which


# ---------------------------------------------------------------- composition on parsed text
@pytest.fixture(scope="module")
def compose(kb: KnowledgeBase):
    from dyad.actors.coref import ArticleContext
    from dyad.actors.mentions import SentenceActors, load_generic_roles
    from dyad.events.coder import SentenceMentions
    from dyad.nlp import load_nlp

    nlp = load_nlp()

    def run(phrase: str, date: str = "2022-09-07"):
        doc = nlp(f"{phrase} spoke on Monday.")
        subj = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
        sa = SentenceActors(doc, kb, date, load_generic_roles())
        sm = SentenceMentions(sa, ArticleContext(kb, date), 0)
        return sm.get(subj)

    return run


@pytest.mark.parametrize(
    ("phrase", "code", "name"),
    [
        ("Russian President Vladimir Putin", "RUSGOV", "Vladimir Putin"),
        ("Beijing's No. 3 official", "CHNGOV", None),
        ("The Chinese premier", "CHNGOV", None),
        ("A spokesperson for China's Foreign Ministry", "CHNGOV", None),
        ("Ukrainian troops", "UKRMIL", None),
        ("Russian natural gas giant Gazprom", "RUSBUS", "Gazprom"),
        ("Russia's departing ambassador to China", "RUSGOV", None),
        ("Andrey Denisov, Russia's departing ambassador to China,", "RUSGOV", "Andrey Denisov"),
        ("The Kremlin", "RUSGOV", None),
        ("Moscow", "RUSGOV", None),
        ("China", "CHN", "China"),
    ],
)
def test_phrase_composition(compose, phrase: str, code: str, name: str | None) -> None:
    ms = [m for m in compose(phrase) if m.code]
    assert ms, phrase
    assert ms[0].code == code
    if name:
        assert ms[0].name == name


def test_coordinated_phrase_splits(compose) -> None:
    ms = compose("State-owned China National Petroleum Corporation and Russian natural gas giant Gazprom")
    assert [m.code for m in ms if m.code] == ["CHNBUS", "RUSBUS"]


def test_non_actor_heads_are_not_actors(compose) -> None:
    assert not [m for m in compose("China's market") if m.code]
    assert not [m for m in compose("Chinese customs data") if m.code]


def test_imported_petrarch_country_and_agent_compose(tmp_path: Path) -> None:
    """A PETRARCH country entry (``ARNOR [ARN]`` with ``+ARNORIAN``) and agent (``POLICE [~COP]``)
    combine as a nationality and a role noun: "Arnorian police" -> ARNCOP."""
    from dyad.actors.mentions import SentenceActors, load_generic_roles
    from dyad.actors.petrarch_import import import_dictionary
    from dyad.nlp import load_nlp

    (tmp_path / "toy.actors.txt").write_text("ARNOR_ [ARN]\n+ARNORIAN\n", encoding="utf-8")
    (tmp_path / "toy.agents.txt").write_text("POLICE {} [~COP]\nCLERIC [~REL]\n", encoding="utf-8")
    into = tmp_path / "dictionary"
    import_dictionary(tmp_path / "toy.actors.txt", into)
    import_dictionary(tmp_path / "toy.agents.txt", into)
    toy = KnowledgeBase.load(into)
    nlp = load_nlp()
    for phrase, code in (("Arnorian police", "ARNCOP"), ("The Arnor cleric", "ARNREL"), ("Arnor", "ARN")):
        doc = nlp(f"{phrase} spoke on Monday.")
        subj = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
        sa = SentenceActors(doc, toy, "2022-09-07", load_generic_roles())
        assert [m.code for m in sa.mentions_for(subj)] == [code], phrase
