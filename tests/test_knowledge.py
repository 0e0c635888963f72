"""The actor knowledge base and the composition of noun phrases into CAMEO actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.actors.knowledge import KnowledgeBase, Role, article_spellings, pick_role, split_code


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


def test_every_listed_capitalisation_of_a_name_matches(kb: KnowledgeBase) -> None:
    # "RENAMO" and "Renamo" are both listed: the index kept only the first, and "Renamo" matched nothing
    assert ("Renamo", "institution", "MOZOPP") in kinds_codes(kb, "Renamo said on Monday")
    assert ("RENAMO", "institution", "MOZOPP") in kinds_codes(kb, "RENAMO said on Monday")
    assert len(kb.match("RENAMO")[0].entries) == 1  # one entry, however many spellings fit


def test_upper_case_datelines_match(kb: KnowledgeBase) -> None:
    assert kinds_codes(kb, "BEIJING: talks")[0][:2] == ("BEIJING", "capital")


def test_longest_match_wins(kb: KnowledgeBase) -> None:
    found = kinds_codes(kb, "the National People's Congress met")
    assert found[0][1:] == ("institution", "CHNLEG")


def test_a_match_yields_to_a_longer_one_starting_inside_it(kb: KnowledgeBase) -> None:
    # "the UN" is an alias, but "UN human rights office" reaches further
    assert kinds_codes(kb, "The U.N. human rights office said")[0][0] == "U.N. human rights office"
    assert kinds_codes(kb, "The U.N. human rights office said")[0][2] == "IGOUNOHRI"
    assert kinds_codes(kb, "the UN said")[0][2] == "IGOUNO"


def test_a_continent_adjective_names_no_country(kb: KnowledgeBase) -> None:
    # "Latin American" holds "American" and names no one; "American troops" are still the United States'
    for text in ("seven Latin American countries", "South American leaders met", "across Central America"):
        assert all(e.country != "USA" for m in kb.match(text) for e in m.entries), text
    assert kinds_codes(kb, "American troops left")[0][2] == "USA"


def test_person_role_on_event_date(kb: KnowledgeBase) -> None:
    li = kb.persons["Li Zhanshu"]
    assert li.actor_code("2022-09-07")[0] == "CHNLEG"
    assert li.actor_code("2015-06-01")[0] == "CHNGOV"
    # no office on that date after one has ended: a former office holder (ELI) of the country
    assert li.actor_code("2024-01-01") == ("CHNELI", "CHN", "ELI")
    # no office yet: the country of the nearest role, no sector
    assert li.actor_code("1990-01-01") == ("CHN", "CHN", None)


def test_a_militant_leader_stays_his_groups_man_after_his_role_ends(kb: KnowledgeBase) -> None:
    # the story of a killing comes a day after the role's end (his death); a rebel is no former office holder
    assert kb.persons["Abu Musab al-Zarqawi"].actor_code("2006-06-08") == ("IRQREB", "IRQ", "REB")
    assert kb.persons["Osama bin Laden"].actor_code("2011-05-03")[0] == "IMGMUSALQ"
    # an international official does not stay the body's: Kofi Annan in 2008 is no UN
    assert kb.persons["Kofi Annan"].actor_code("2008-02-01")[0] != "IGOUNO"


def test_overlapping_roles_take_the_latest_start() -> None:
    roles = [Role("AAAGOV", "2010-01-01", None), Role("AAAMIL", "2015-01", "2020-12")]
    assert pick_role(roles, "2016-05-05").code == "AAAMIL"
    assert pick_role(roles, "2021-01-01").code == "AAAGOV"
    assert pick_role(roles, "2009-01-01").code == "AAAGOV"  # nearest in time


def test_split_code() -> None:
    assert split_code("CHNGOV") == ("CHN", "GOV")
    assert split_code("RUS") == ("RUS", None)
    assert split_code("IGOUNO") == (None, None)
    assert split_code("IMGMUSALQ") == (None, None)  # a militant network is no state's: no "IMG" country


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


def test_a_shared_surname_is_the_person_in_office_on_the_date(kb: KnowledgeBase) -> None:
    assert kb.surname_person("Aliyev") is None  # Heydar and Ilham
    assert kb.surname_person("Aliyev", "2018-07-17").name == "Ilham Aliyev"
    assert kb.surname_person("Aliyev", "1998-01-01").name == "Heydar Aliyev"
    assert kb.surname_person("Aliyev", "2003-09-01") is None  # both in office: the article must tell


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


# ---------------------------------------------------------------- places, groups, misspellings, 1990s people
def test_regions_and_places(kb: KnowledgeBase) -> None:
    assert kb.region("Darfur").country == "SDN"
    assert kb.country_of_place("Darfur") == "SDN"
    assert kb.country_of_place("the Gaza Strip") == "PSE"  # a country alias, found in the main index
    assert kb.country_of_place("Jericho") == "PSE"
    assert kb.country_of_place("Chechnya") == "RUS"
    assert kb.country_of_place("Beijing") == "CHN"
    assert kb.country_of_place("Kashmir") is None  # IND or PAK: never a guess
    assert kb.country_of_place("Kashmir", context=["GBR", "PAK"]) == "PAK"
    assert kb.country_of_place("Tripoli") == "LBY"
    assert kb.country_of_place("Tripoli", context=["LBN"]) == "LBN"
    assert kb.country_of_place("Atlantis") is None
    found = [(m.text, m.item.name) for m in kb.match_places("Fighting in Darfur and North Kivu, not in Paris.")]
    assert found == [("Darfur", "Darfur"), ("North Kivu", "North Kivu")]


def test_regions_stay_out_of_the_main_index(kb: KnowledgeBase) -> None:
    """The coder's matching is unchanged by regions: it asks for them explicitly."""
    assert not kb.match("Darfur")
    assert kb.region("Jericho") is not None and not kb.match("Jericho")


def test_first_level_divisions_resolve(kb: KnowledgeBase) -> None:
    """States, provinces, oblasts and governorates resolve to their country; a lower-case suffix word in
    the data ("Khost province") matches "Khost Province" too; names shared by countries need context."""
    cases = {
        "Florida": "USA", "Texas": "USA", "Washington State": "USA", "Sichuan": "CHN", "Kerala": "IND",
        "Khyber Pakhtunkhwa": "PAK", "Bajaur": "PAK", "Zaporizhzhia oblast": "UKR", "Zaporozhye region": "UKR",
        "Kyiv Oblast": "UKR", "Belgorod region": "RUS", "Khost province": "AFG", "Khost Province": "AFG",
        "Sagaing Region": "MMR", "Kayah State": "MMR", "Gezira State": "SDN", "White Nile state": "SDN",
        "Jalisco": "MEX", "the state of Guerrero": "MEX", "Bavaria": "DEU", "Sistan-Baluchestan": "IRN",
        "Deir ez-Zor province": "SYR", "Hodeidah": "YEM", "Lanao del Sur": "PHL", "Rivers State": "NGA",
        "Queensland": "AUS", "Victoria state": "AUS",
    }
    for name, iso3 in cases.items():
        assert kb.country_of_place(name) == iso3, name
    assert kb.country_of_place("Victoria") == "SYC"  # a capital; the Australian state only as "Victoria state"
    assert kb.country_of_place("Georgia") == "GEO"  # the country, never the U.S. state
    assert kb.country_of_place("Amazonas") is None  # Brazil, Colombia, Venezuela or Peru
    assert kb.country_of_place("Amazonas", context=["PER"]) == "PER"
    found = [(m.text, m.item.countries) for m in kb.match_places("Floods in Sichuan; strikes on the Sumy region.")]
    assert found == [("Sichuan", ("CHN",)), ("Sumy region", ("UKR",))]


def test_groups_resolve_with_context(kb: KnowledgeBase) -> None:
    assert kb.resolve_group("Kurds", ["TUR"]) == ("TUR", "CVL")
    assert kb.resolve_group("Kurds") == (None, "CVL")
    assert kb.resolve_group("Kurds", ["FRA"]) == (None, "CVL")
    assert kb.resolve_group("Karen") == ("MMR", "CVL")
    assert kb.resolve_group("Uyghurs") == ("CHN", "CVL")
    assert kb.resolve_group("Zapatistas") == ("MEX", "REB")
    assert kb.resolve_group("Shiites", ["IRQ"]) == ("IRQ", "CVL")
    # generic nouns from sectors.yaml take the context's country
    assert kb.resolve_group("rebels", ["SDN"]) == ("SDN", "REB")
    assert kb.resolve_group("the pirates", ["SOM"]) == ("SOM", "CRM")
    assert kb.resolve_group("rebels") == (None, "REB")
    assert kb.resolve_group("Atlanteans") == (None, None)
    assert [m.item.name for m in kb.match_groups("Tamil civilians fled; Kurdish leaders met")] == ["Tamils", "Kurds"]


def test_single_home_group_adjectives_compose_in_main_index(kb: KnowledgeBase) -> None:
    found = kinds_codes(kb, "Chechen rebels, Yoruba leaders, Bosnian Serbs and Uighurs")
    assert ("Chechen", "adjective", "RUS") in found
    assert ("Yoruba", "adjective", "NGA") in found
    assert ("Bosnian Serbs", "demonym", "BIH") in found
    assert ("Uighurs", "demonym", "CHN") in found
    # multi-home groups and names shared with first names are not country words
    assert not [m for m in kb.match("Kurdish Karen") if m.best.kind in ("adjective", "demonym")]


def test_fuzzy_country(kb: KnowledgeBase) -> None:
    assert kb.fuzzy_country("Afganistan") == "AFG"
    assert kb.fuzzy_country("Phillippines") == "PHL"
    assert kb.fuzzy_country("Ethopia") == "ETH"
    assert kb.fuzzy_country("Quatar") == "QAT"  # 6 letters: a country name with the same first letter
    assert kb.fuzzy_country("Morrocco") == "MAR"
    # never: known names, short words, lower-case words, capitals at 6 letters, person-name words
    assert kb.fuzzy_country("Afghanistan") is None
    assert kb.fuzzy_country("Irag") is None
    assert kb.fuzzy_country("afganistan") is None
    assert kb.fuzzy_country("Parish") is None
    assert kb.fuzzy_country("Kankara") is None  # a Nigerian town, not Ankara: typos keep the first letter
    assert kb.fuzzy_country("Putins") is None
    assert kb.fuzzy_country("Vladimir") is None
    # words the caller knows to be English are left alone
    assert kb.fuzzy_country("Germane") == "DEU"
    assert kb.fuzzy_country("Germane", known_words={"germane"}) is None


def test_1990s_people(kb: KnowledgeBase) -> None:
    assert kb.persons["Andreas Papandreou"].actor_code("1994-05-01")[0] == "GRCGOV"
    assert kb.persons["Andreas Papandreou"].actor_code("1991-05-01") == ("GRCELI", "GRC", "ELI")  # between terms
    assert kb.persons["Laurent Gbagbo"].actor_code("1995-01-01")[0] == "CIVOPP"
    assert kb.persons["Laurent Gbagbo"].actor_code("2002-10-01")[0] == "CIVGOV"
    assert kb.persons["Boris Yeltsin"].actor_code("1995-01-01")[0] == "RUSGOV"
    assert kb.persons["Desmond Tutu"].actor_code("1995-01-01")[0] == "ZAFREL"
    found = [m for m in kb.match("Slobodan Milosevic and Archbishop Desmond Tutu met") if m.best.kind == "person"]
    assert [m.best.name for m in found] == ["Slobodan Milosevic", "Desmond Tutu"]


def test_cameo_era_country_words(kb: KnowledgeBase) -> None:
    assert ("Kampuchean", "adjective", "KHM") in kinds_codes(kb, "Kampuchean guerrillas")
    assert ("West German", "adjective", "DEU") in kinds_codes(kb, "West German goods")


def test_bad_region_and_group_records_are_reported(tmp_path: Path) -> None:
    import shutil

    from dyad.actors.knowledge import DATA_DIR

    data = tmp_path / "actors"
    shutil.copytree(DATA_DIR / "actors", data)
    (data / "regions.yaml").write_text(
        "- {name: Narnia, countries: [NRN]}\n- {aliases: []}\n- {name: Darfur, countries: [SDN]}\n", encoding="utf-8"
    )
    (data / "groups.yaml").write_text("- {name: Elves, countries: [GBR], sector: XXX}\n", encoding="utf-8")
    kb = KnowledgeBase.load(Path("/nonexistent-dyad-dictionary"), data_dir=data)
    assert kb.country_of_place("Darfur") == "SDN"
    assert kb.region("Narnia") is None and kb.group("Elves") is None
    assert any("regions.yaml: record 1" in p for p in kb.problems)
    assert any("regions.yaml: record 2" in p for p in kb.problems)
    assert any("groups.yaml: record 1" in p and "XXX" in p for p in kb.problems)


def test_named_armed_groups_parties_and_the_european_community() -> None:
    """Organisations that news of the 1990s-2000s names: the EU's predecessor, Sierra Leone's
    RUF rebels, Sudan's Umma party."""
    import dyad

    def codes(text: str) -> set[tuple]:
        return {(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"])
                for e in dyad.code([{"id": "k", "text": text, "published": "2000-01-01"}])}

    assert ("IGOEUREEC", "SRB", "163") in codes("The European Community imposed sanctions on Serbia.")
    assert ("SLEREB", "SLEGOV", "190") in codes("The Revolutionary United Front attacked Freetown.")


def test_a_region_named_in_an_address_is_no_place(kb: KnowledgeBase) -> None:
    found = [m.text for m in kb.match_places("Police closed Ontario Street; the fire spread in Ontario.")]
    assert found == ["Ontario"]


def test_a_body_whose_standing_changed_has_the_code_of_the_events_date(kb: KnowledgeBase) -> None:
    from dyad.actors.knowledge import institution_eras, on_date

    eras = institution_eras("AFG", "REB", {"2021-08-16": "GOV"})
    assert [(r.code, r.start, r.end) for r in eras] == [("AFGREB", None, "2021-08-15"), ("AFGGOV", "2021-08-16", None)]
    assert institution_eras("AFG", "REB", {}) == ()
    taliban = next(e for e in kb.match("the Taliban")[0].entries if e.kind == "institution")
    assert on_date(taliban, "2001-09-22").code == "AFGREB"
    assert (on_date(taliban, "2022-12-11").code, on_date(taliban, "2022-12-11").sector) == ("AFGGOV", "GOV")


def test_the_taliban_are_rebels_until_they_take_kabul_and_the_government_after(code_events) -> None:
    before = code_events("The Taliban refused to hand over Osama bin Laden to the United States.", "2001-09-22")
    after = code_events("Afghan Taliban forces fired artillery at civilians in the Pakistani town of Chaman.", "2022-12-11")
    assert {e.source.code for e in before} == {"AFGREB"} and {e.source.code for e in after} == {"AFGMIL"}


@pytest.mark.parametrize(
    ("form", "iso3"),
    [("Madagascan", "MDG"), ("Swede", "SWE"), ("Dane", "DNK"), ("Finn", "FIN"), ("Briton", "GBR"), ("Spaniard", "ESP"),
     ("Turk", "TUR"), ("Burkinabé", "BFA"), ("Ecuadoreans", "ECU")],
)
def test_singular_and_variant_demonyms(kb: KnowledgeBase, form: str, iso3: str) -> None:
    assert any(e.country == iso3 for m in kb.match(f"a {form} was freed") for e in m.entries)


@pytest.mark.parametrize(
    "text", ["King Hamad bin Isa al-Khalifa said", "Hamad bin Isa Al Khalifa said", "Hamad bin Isa al Khalifa said"]
)
def test_an_arabic_article_in_a_name_matches_hyphenated_or_spaced(kb: KnowledgeBase, text: str) -> None:
    found = [m for m in kb.match(text) if m.entries[0].kind == "person"]
    assert [m.entries[0].name for m in found] == ["Hamad bin Isa Al Khalifa"], found
    assert article_spellings("Alexei Navalny") == ["Alexei Navalny"]
    assert article_spellings("Abdel Fattah el-Sisi") == ["Abdel Fattah al-Sisi", "Abdel Fattah al Sisi", "Abdel Fattah el-Sisi"]


@pytest.mark.parametrize("text", ["The U.N. war crimes tribunal in The Hague sentenced him", "the ICTY said"])
def test_the_un_war_crimes_tribunals_are_un_courts(kb: KnowledgeBase, text: str) -> None:
    assert [e.code for m in kb.match(text) for e in m.entries[:1] if e.kind == "igo"] == ["IGOUNOJUD"]


def test_guinean_alone_is_guinea_and_longer_names_win(kb: KnowledgeBase) -> None:
    assert kinds_codes(kb, "Guinean soldiers")[0][2] == "GIN"
    assert kinds_codes(kb, "Equatorial Guinean troops")[0][2] == "GNQ"
    assert kinds_codes(kb, "Papua New Guinean police")[0][2] == "PNG"
    assert kinds_codes(kb, "Bissau-Guinean officers")[0][2] == "GNB"


def test_northern_irelands_armed_groups_are_british_rebels(kb: KnowledgeBase) -> None:
    assert kinds_codes(kb, "the Real IRA said")[0][2] == "GBRREB"
    assert kinds_codes(kb, "the Irish Republican Army ordered")[0][2] == "GBRREB"
