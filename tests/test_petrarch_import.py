"""PETRARCH/Phoenix dictionary import: own fixtures always; the real Phoenix files when ../shared has them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dyad.actors.petrarch_import import (
    DictionaryFormatError,
    default_dictionary_dir,
    import_dictionary,
    parse_code_block,
    petrarch_date,
    pretty_name,
)
from tests.conftest import shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "petrarch"
VERB_FIXTURE = FIXTURES / "verbs" / "test.verbs.txt"  # own folder: the folder-import test reads FIXTURES/*.txt


def read_actors(directory: Path) -> dict[str, list[list[str]]]:
    rows: dict[str, list[list[str]]] = {}
    with (directory / "actors.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            assert len(row) == 6, row
            rows.setdefault(row[0], []).append(row)
    return rows


def read_agents(directory: Path) -> dict[str, str]:
    with (directory / "agents.tsv").open(encoding="utf-8") as fh:
        return {row[0]: row[1] for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


def roles(rows: list[list[str]]) -> set[tuple[str, str, str]]:
    return {(r[2], r[3], r[4]) for r in rows}


# ------------------------------------------------------------------------------------------ units


@pytest.mark.parametrize(
    ("text", "iso"),
    [("080508", "2008-05-08"), ("991231", "1999-12-31"), ("300101", "2030-01-01"), ("320101", "1932-01-01"),
     ("19170101", "1917-01-01")],
)
def test_petrarch_date(text: str, iso: str) -> None:
    assert petrarch_date(text).isoformat() == iso


@pytest.mark.parametrize("bad", ["2004017", "1920030320", "081332", "08x508"])
def test_petrarch_date_rejects(bad: str) -> None:
    with pytest.raises(DictionaryFormatError):
        petrarch_date(bad)


def test_code_blocks() -> None:
    role = parse_code_block("RUSGOV >080508")
    assert (role.code, role.start, role.end) == ("RUSGOV", "2008-05-08", "")
    role = parse_code_block("HOB < 950601")  # "before" -> inclusive end the day before
    assert (role.code, role.start, role.end) == ("HOB", "", "1995-05-31")
    role = parse_code_block("HOBGOV 19950601 - 19990815")
    assert (role.start, role.end) == ("1995-06-01", "1999-08-15")
    assert parse_code_block("pse").code == "PSE"
    assert parse_code_block("---") is None
    with pytest.raises(DictionaryFormatError):
        parse_code_block("ELR/GAL")
    with pytest.raises(DictionaryFormatError):
        parse_code_block("X 120101-110101")


def test_pretty_name() -> None:
    assert pretty_name("VLADIMIR_PUTIN_") == "Vladimir Putin"
    assert pretty_name("BANK_OF_ENGLAND_") == "Bank of England"
    assert pretty_name("PEOPLE'S_LIBERATION_ARMY") == "People's Liberation Army"
    assert pretty_name("O'BRIEN") == "O'Brien"
    assert pretty_name("AL-QAEDA") == "Al-Qaeda"
    assert pretty_name("U.N._") == "U.N."


def test_default_dictionary_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DYAD_DICTIONARY", str(tmp_path / "d"))
    assert default_dictionary_dir() == tmp_path / "d"
    monkeypatch.delenv("DYAD_DICTIONARY")
    assert default_dictionary_dir() == Path.home() / ".dyad" / "dictionary"


# ------------------------------------------------------------------------------------ fixtures


def test_import_fixture_actors(tmp_path: Path) -> None:
    stats = import_dictionary(FIXTURES / "test.actors.txt", tmp_path)
    actors = read_actors(tmp_path)

    putin = actors["Vladimir Putin"]
    assert roles(putin) == {
        ("RUSELI", "1970-01-01", "1999-08-09"),
        ("RUSGOV", "1999-12-31", "2008-05-07"),
        ("RUSGOV", "2008-05-08", ""),
        ("RUSELI", "", ""),
    }
    assert putin[0][1].split("|") == ["Putin", "President Putin"]

    assert roles(actors["Gollum"]) == {("HOB", "", "1995-05-31"), ("HOBGOV", "1995-06-01", "1999-08-15"),
                                       ("HOBREB", "1999-08-16", "")}
    # consecutive names share the code block below them
    assert roles(actors["Ivo Josipovic"]) == {("HRVGOV", "2012-02-19", "")}
    assert actors["Ivo Josipovic"][0][1] == "President Josipovic"
    # {...} is a comment; lower-case codes are normalised
    assert roles(actors["Bank of England"]) == {("GBRBUS", "", "")}
    assert roles(actors["People's Liberation Army"]) == {("CHNMIL", "", "")}
    # a duplicate entry is merged, not repeated; several blocks on one line are all read
    assert roles(actors["Arnor"]) == {("ARN", "", ""), ("ARNGOV", "2020-01-01", "2020-12-31"), ("ARNMIL", "2021-01-01", "")}
    assert actors["Arnor"][0][1] == "Arnorian|Arnor Kingdom"
    # malformed lines are skipped and do not leak onto the actor above
    assert "Broken Date" not in actors and "Boromir" not in actors
    assert roles(actors["People's Liberation Army"]) == {("CHNMIL", "", "")}

    assert stats.files == 1
    assert stats.duplicates >= 2
    assert stats.no_code == 1  # Boromir [---]
    assert stats.skipped_lines == 4  # bad date, code lines without their actor (2), empty synonym
    assert any("test.actors.txt:25:" in w for w in stats.warnings)
    assert any("test.actors.txt:27:" in w for w in stats.warnings)
    text = str(stats)
    assert "actors:" in text and "skipped:" in text


def test_import_fixture_agents(tmp_path: Path) -> None:
    stats = import_dictionary(FIXTURES / "test.agents.txt", tmp_path)
    agents = read_agents(tmp_path)
    assert agents["police"] == "COP" and "polices" not in agents  # {} = no regular plural
    assert {agents[p] for p in ("policeman", "policemen", "policewoman", "policewomen")} == {"COP"}
    assert agents["farmer"] == agents["farmers"] == "AGR"
    assert agents["attorney general"] == agents["attorneys general"] == "JUD"
    assert "attorney generals" not in agents
    assert agents["secretaries"] == "GOV"
    assert stats.skipped_lines == 2
    assert stats.conflicts == 1  # "POLICE [~MIL]" later in the file does not override
    assert any("test.agents.txt:8:" in w for w in stats.warnings)
    assert any("test.agents.txt:9:" in w and "!SET!" in w for w in stats.warnings)


def test_import_merges_and_is_idempotent(tmp_path: Path) -> None:
    (tmp_path / "actors.tsv").write_text(
        "Vladimir Putin\tV. Putin\tRUSGOV\t2000-05-07\t2008-05-07\tPresident of Russia\n"
        "Hand Made\t\tFOOBUS\t\t\t\n"
        "a broken row\n",
        encoding="utf-8",
    )
    (tmp_path / "agents.tsv").write_text("farmer\tCVL\n", encoding="utf-8")
    stats = import_dictionary(FIXTURES / "test.actors.txt", tmp_path)
    import_dictionary(FIXTURES / "test.agents.txt", tmp_path)
    assert any("actors.tsv:3" in w for w in stats.warnings)
    lines = (tmp_path / "actors.tsv").read_text(encoding="utf-8").splitlines()
    assert "a broken row" in lines
    kept = [line.split("\t") for line in lines if "\t" in line]
    putin = [r for r in kept if r[0] == "Vladimir Putin"]
    assert ("RUSGOV", "2000-05-07", "2008-05-07", "President of Russia") in {tuple(r[2:]) for r in putin}
    assert ("RUSGOV", "2008-05-08", "", "") in {tuple(r[2:]) for r in putin}
    assert putin[0][1].split("|") == ["V. Putin", "Putin", "President Putin"]
    assert any(r[0] == "Hand Made" for r in kept)
    assert read_agents(tmp_path)["farmer"] == "CVL"  # the user's own entry wins

    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    again = import_dictionary(FIXTURES, tmp_path)  # a folder: every *.txt in it
    assert again.files == 2 and again.new_actors == 0 and again.new_agents == 0
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        import_dictionary(tmp_path / "nope.actors.txt", tmp_path / "dict")


def test_default_target_is_user_dictionary(tmp_path: Path) -> None:
    stats = import_dictionary(FIXTURES / "test.agents.txt")
    assert (default_dictionary_dir() / "agents.tsv").exists()
    assert stats.into == str(default_dictionary_dir())


# ------------------------------------------------------------------------- real Phoenix dictionaries


def test_phoenix_countries(tmp_path: Path) -> None:
    path = shared_path("phoenix", "Phoenix.Countries.actors.txt")
    stats = import_dictionary(path, tmp_path)
    actors = read_actors(tmp_path)
    assert stats.actors > 15000 and stats.roles > 25000
    putin = roles(actors["Vladimir Putin"])
    assert ("RUSGOV", "2008-05-08", "") in putin
    assert ("RUSGOV", "1999-12-31", "2008-05-07") in putin
    assert "Putin" in actors["Vladimir Putin"][0][1].split("|")
    assert ("AFG", "", "") in roles(actors["Afghanistan"])
    assert ("HRVGOV", "2012-02-19", "") in roles(actors["Ivo Josipovic"])
    # the file has a handful of broken dates: each is reported with its line, the rest imported
    assert 0 < stats.skipped_lines < 50
    assert all(".actors.txt:" in w for w in stats.warnings)


def test_phoenix_all(tmp_path: Path) -> None:
    folder = shared_path("phoenix")
    stats = import_dictionary(folder, tmp_path)
    agents = read_agents(tmp_path)
    actors = read_actors(tmp_path)
    assert agents["police"] == "COP" and agents["farmers"] == "AGR"
    assert ("IGOUNO", "", "") in roles(actors["United Nations"])
    assert ("LBNREB", "", "") in roles(actors["Hezbollah"])
    assert stats.verbs == 1 and stats.agents > 2000 and stats.new_verb_rules > 4500  # falls as the bundled patterns cover more
    again = import_dictionary(folder, tmp_path)
    assert again.new_actors == 0 and again.new_agents == 0


def test_petrarch_validation_dictionaries(tmp_path: Path) -> None:
    actors_file = shared_path("petrarch_unittest", "PETR.Validate.actors.txt")
    agents_file = shared_path("petrarch_unittest", "PETR.Validate.agents.txt")
    import_dictionary(actors_file, tmp_path)
    import_dictionary(agents_file, tmp_path)
    actors = read_actors(tmp_path)
    assert roles(actors["Gollum"]) == {("HOB", "", "1995-05-31"), ("HOBGOV", "1995-06-01", "1999-08-15"),
                                       ("HOBREB", "1999-08-16", "")}
    assert ("ARN", "", "") in roles(actors["Arnor"])
    assert ("PSE", "", "") in roles(actors["Palestinian"])
    assert read_agents(tmp_path)["minister of silly walks"] == "GOV"


# ------------------------------------------------------------------------------------------ verbs


def read_verbs(directory: Path) -> dict[str, str]:
    rows = (line.split("\t") for line in (directory / "verbs.tsv").read_text(encoding="utf-8").splitlines())
    return {r[0]: "\t".join(r[1:]) for r in rows if r[0] and not r[0].startswith("#")}


def test_import_fixture_verbs(tmp_path: Path) -> None:
    stats = import_dictionary(VERB_FIXTURE, tmp_path, verbs="override")
    verbs = read_verbs(tmp_path)
    assert verbs["restore"] == "064"
    assert verbs["restore ties"] == "064" and verbs["restore relations"] == "064"  # synset heads
    assert verbs["arrive"] == "032\t033"  # paired code: the host's reverse event kept in column 3
    assert verbs["say"] == "032\t033"  # an inflected entry is imported as its lemma
    assert verbs["snub"] == "125" and verbs["brush off"] == "125"
    assert verbs["snub off"] == "126" and verbs["snub proposal"] == "127"
    assert "glork" not in verbs and not any(k.startswith("cold") for k in verbs)
    assert set(verbs) == {"restore", "restore ties", "restore relations", "arrive", "say", "snub", "brush off",
                          "snub off", "snub proposal"}
    skipped = stats.verb_skipped
    assert skipped["pattern: words before the verb (subject, auxiliary or adverb context)"] == 1  # NOT *
    assert skipped["pattern: prepositional object (only the preposition can be matched)"] == 2
    assert skipped["pattern: reverse-direction-only code"] == 1
    assert skipped["pattern: places source/target itself ($, + before the verb)"] == 1
    assert skipped["verb: not a CAMEO code"] == 1 and skipped["verb with words before it (WIRE_+TAP)"] == 1
    assert skipped["transformation rule (~ ... = ...): not supported"] == 1
    assert stats.verbs == 1 and stats.new_verb_rules == len(verbs)
    again = import_dictionary(VERB_FIXTURE, tmp_path, verbs="override")
    assert again.new_verb_rules == 0 and read_verbs(tmp_path) == verbs


def test_verbs_extend_keeps_dyads_own_verbs(tmp_path: Path) -> None:
    from dyad.actors.petrarch_import import bundled_verb_lemmas

    assert "arrive" in bundled_verb_lemmas()  # dyad codes arrivals itself (venue-refined visits)
    stats = import_dictionary(VERB_FIXTURE, tmp_path)
    verbs = read_verbs(tmp_path)
    assert "snub" in bundled_verb_lemmas()  # the bundled lexicon codes snubs too
    assert "arrive" not in verbs and "snub" not in verbs and verbs["brush off"] == "125"
    assert any("already coded by dyad" in reason for reason in stats.verb_skipped)
    with pytest.raises(ValueError):
        import_dictionary(VERB_FIXTURE, tmp_path, verbs="replace")


def test_imported_verbs_load_as_patterns(tmp_path: Path) -> None:
    from dyad.events.patterns import PatternSet

    import_dictionary(VERB_FIXTURE, tmp_path, verbs="override")
    ps = PatternSet.load(tmp_path)
    assert not [p for p in ps.problems if "verbs.tsv" in p]
    assert {p.code for p in ps.verbs["snub"]} >= {"125", "126", "127"}
    assert any(p.objects == frozenset({"proposal"}) and p.code == "127" for p in ps.verbs["snub"])


def test_phoenix_verbs_convert(tmp_path: Path) -> None:
    path = shared_path("phoenix", "CAMEO.2.0.txt")
    stats = import_dictionary(path, tmp_path)
    verbs = read_verbs(tmp_path)
    assert stats.verb_patterns > 4000 and stats.new_verb_rules > 4500  # falls as the bundled patterns cover more
    assert verbs["grill"] == "110"
    assert "interrogate" not in verbs  # dyad's own lexicon codes interrogations (090)
    assert "airlift" not in verbs  # the bundled lexicon already codes airlifts
    assert "ask" not in verbs  # dyad's own 'ask' (with its complement codes) is kept
    assert all(code.split("\t")[0].isdigit() for code in verbs.values())


def test_petrarch_eval_smoke() -> None:
    """The PETRARCH unit tests run end to end through the importer and the coder (scores are
    reported by ``dyad eval petrarch``; this only guards against the pipeline breaking)."""
    from dyad.eval.petrarch_tests import error_kinds, evaluate
    from dyad.eval.report import default_code_fn

    data = shared_path("petrarch_unittest")
    report = evaluate(default_code_fn(), data)
    assert len(report.results) > 250 and not report.problems
    assert any("verbs.tsv lines" in note for note in report.dictionary_notes)
    assert report.exact.tp > 30  # the toy verb codes reach the coder
    assert sum(error_kinds(report.results).values()) > 0


def test_imported_actors_named_side_by_side_keep_their_own_countries(tmp_path: Path) -> None:
    # PETRARCH's COMPOUND-12: a country named beside a known actor ("the awful Fornost") does not restate it
    from dyad.actors.coref import ArticleContext
    from dyad.actors.knowledge import KnowledgeBase
    from dyad.events.coder import Coder
    from dyad.nlp import load_nlp

    import_dictionary(shared_path("petrarch_unittest", "PETR.Validate.actors.txt"), tmp_path)
    coder = Coder(kb=KnowledgeBase.load(tmp_path))
    doc = load_nlp()("Evil Mordor, the awful Fornost, and good Gondor welcomed a resumption of formal diplomatic ties "
                     "with Osgiliath.")
    found = coder.code_sentence(doc, ArticleContext(coder.kb, "1995-01-04"), 0, "1995-01-04")
    assert "MOR" in {f.source.code for f in found}, [(f.source.code, f.code) for f in found]
