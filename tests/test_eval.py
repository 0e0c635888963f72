"""The coder evaluation harness: loading, scoring arithmetic and reports, on fixtures with a fake coder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dyad.eval import petrarch_tests, plover_gsr, triples
from dyad.eval.report import (
    PRF,
    confidence_bands,
    expected_calibration_error,
    label_report,
    set_prf,
    stratified_split,
)
from tests.conftest import shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def _actor(code: str | None) -> dict[str, Any] | None:
    if code is None:
        return None
    return {"code": code, "country": code[:3], "sector": code[3:] or None}


def _event(
    plover: str | None, confidence: float, source: str | None, target: str | None, cameo: str = ""
) -> dict:
    return {
        "plover": plover,
        "confidence": confidence,
        "source": _actor(source),
        "target": _actor(target),
        "cameo": cameo,
    }


# --- arithmetic -------------------------------------------------------------------------------


def test_prf_arithmetic() -> None:
    prf = PRF(tp=2, fp=1, fn=1)
    assert prf.precision == pytest.approx(2 / 3)
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(2 / 3)
    assert PRF(0, 0, 0).f1 == 0.0
    assert PRF(1, 3, 0) + PRF(1, 0, 2) == PRF(2, 3, 2)


def test_set_prf_collapses_duplicates() -> None:
    assert set_prf(["a", "b", "b"], ["b", "c", "c"]) == PRF(1, 1, 1)


def test_label_report_macro_f1_over_gold_labels() -> None:
    report = label_report(["A", "A", "B", "C"], ["A", "B", "B", "NONE"])
    assert report.accuracy == pytest.approx(0.5)
    assert report.per_label["A"].f1 == pytest.approx(2 / 3)  # p=1, r=0.5
    assert report.per_label["B"].f1 == pytest.approx(2 / 3)  # p=0.5, r=1
    assert report.per_label["C"].f1 == 0.0
    assert report.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)  # NONE is not a gold label
    assert report.confusions[("A", "B")] == 1 and report.confusions[("C", "NONE")] == 1
    with pytest.raises(ValueError):
        label_report(["A"], [])


def test_confidence_bands() -> None:
    bands = confidence_bands(
        [(0.1, False), (0.39, True), (0.4, True), (0.95, True), (1.0, False), (1.3, True)]
    )
    assert [(b.n, b.correct) for b in bands] == [(2, 1), (1, 1), (0, 0), (3, 2)]
    assert bands[-1].label == "[0.8, 1.0]" and bands[0].label == "[0.0, 0.4)"
    assert bands[0].mean_confidence == pytest.approx(0.245)
    # |0.5-0.245|*2/6 + |1-0.4|*1/6 + |2/3-0.9833|*3/6 (1.3 is clipped to 1.0)
    assert expected_calibration_error(bands) == pytest.approx(
        (0.255 * 2 + 0.6 + (0.98333333 - 2 / 3) * 3) / 6
    )
    with pytest.raises(ValueError):
        confidence_bands([], edges=[0.5])


def test_stratified_split_is_balanced_and_deterministic() -> None:
    ids = {"X": [f"x{i}" for i in range(7)], "Y": ["y0", "y1"]}
    split = stratified_split(ids)
    assert split == stratified_split({"Y": ["y1", "y0"], "X": list(reversed(ids["X"]))})
    dev_x = [i for i in ids["X"] if split[i] == "dev"]
    assert len(dev_x) == 4
    assert sorted(split[i] for i in ids["Y"]) == ["dev", "held-out"]


# --- PLOVER GSR ---------------------------------------------------------------------------------


def test_load_gsr_fixture() -> None:
    load = plover_gsr.load_gsr(FIXTURES / "gsr_small.json")
    assert [r.category for r in load.records] == ["AGREE", "REQUEST", "ASSAULT", "CONSULT", "SANCTION"]
    assert len(load.problems) == 1 and "TEST-BROKEN-0001" not in {r.id for r in load.records}
    consult = load.records[3]
    assert [a.country for a in consult.sources] == ["FRA", "DEU"] and consult.targets == ()
    assert load.records[4].targets == ()  # stray string target means no target
    assert load.records[2].targets[0].sector == "MIL"  # "MILxyz" -> MIL
    assert len({r.key for r in load.records}) == 5


def _fake_gsr_coder(calls: list[int]) -> Any:
    predictions = {
        "Washington agreed": [
            _event("AGREE", 0.9, "USAGOV", "CHNGOV", "036"),
            _event("CONSULT", 0.5, "USAGOV", "CHNGOV", "040"),
        ],
        "British Foreign Secretary": [_event("REQUEST", 0.7, "GBRGOV", "IRNGOV", "1053")],
        "Russian forces": [_event("ACCUSE", 0.3, "RUSGOV", "UKRMIL", "112")],
        "France and Germany": [_event("CONSULT", 0.85, "DEU", "FRA", "040")],
    }

    def code(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        calls.append(len(articles))
        out = []
        for article in articles:
            assert article["published"] == "2000-01-01"
            for prefix, events in predictions.items():
                if article["text"].startswith(prefix) or prefix in article["text"][:40]:
                    out += [dict(e, article_id=article["id"]) for e in events]
        return out

    return code


def test_gsr_scores_known_predictions() -> None:
    calls: list[int] = []
    report = plover_gsr.evaluate(_fake_gsr_coder(calls), FIXTURES / "gsr_small.json")
    assert calls == [5]
    cats = report.categories
    assert cats.accuracy == pytest.approx(3 / 5)
    assert cats.macro_f1 == pytest.approx(3 / 5)  # AGREE, REQUEST, CONSULT perfect; ASSAULT, SANCTION 0
    assert cats.per_label["ACCUSE"].fp == 1 and cats.per_label["NONE"].fp == 1
    assert (report.source.country_ok, report.source.country_n) == (4, 5)
    assert (report.source.sector_ok, report.source.sector_n) == (2, 4)
    assert (report.target.country_ok, report.target.country_n) == (3, 3)
    assert (report.target.sector_ok, report.target.sector_n) == (2, 2)
    assert (report.source.coded_ok, report.source.coded_n) == (4, 4)  # R5 has no event
    assert [(b.n, b.correct) for b in report.bands] == [(1, 0), (0, 0), (1, 1), (2, 2)]
    assert report.events_per_record == pytest.approx(1.0)
    assert len(report.problems) == 1  # the broken fixture record
    headline = plover_gsr.headline(report)
    assert headline["category_accuracy"] == 0.6 and headline["target_country_accuracy"] == 1.0


def test_gsr_batch_failure_falls_back_to_single_articles() -> None:
    def flaky(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(articles) > 1 or "France" in articles[0]["text"]:
            raise RuntimeError("boom")
        return [dict(_event("AGREE", 0.9, "USA", None), article_id=articles[0]["id"])]

    report = plover_gsr.evaluate(flaky, FIXTURES / "gsr_small.json")
    assert report.categories.n == 5
    assert any("coder raised RuntimeError" in p for p in report.problems)


def test_gsr_splits_partition_records() -> None:
    records = plover_gsr.load_gsr(FIXTURES / "gsr_small.json").records
    dev = plover_gsr.split_records(records, "dev")
    held = plover_gsr.split_records(records, "held-out")
    assert {r.key for r in dev} | {r.key for r in held} == {r.key for r in records}
    assert not {r.key for r in dev} & {r.key for r in held}
    with pytest.raises(ValueError):
        plover_gsr.split_records(records, "train")


def test_gsr_main_prints_and_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "numbers.json"
    rc = plover_gsr.main(
        ["--data", str(FIXTURES / "gsr_small.json"), "--errors", "5", "--json", str(out)],
        code_fn=_fake_gsr_coder([]),
    )
    assert rc == 0
    text = capsys.readouterr().out
    assert "category accuracy 0.600" in text and "TEST-FIGHT-0001" in text
    assert '"category_macro_f1": 0.6' in out.read_text()


def test_mains_skip_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert plover_gsr.main(["--data", str(tmp_path / "absent.json")]) == 0
    assert petrarch_tests.main(["--data", str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out.count("skipping") == 2


# --- PETRARCH unit tests ------------------------------------------------------------------------


def test_load_petrarch_fixture() -> None:
    load = petrarch_tests.load_cases(FIXTURES / "petrarch_small.xml")
    assert load.skipped == ["ERROR-01"]
    assert [c.id for c in load.cases] == ["DEMO-01", "COMPOUND-01", "NOEV-01", "DISCARD-01", "DEMO-01"]
    assert load.cases[0].text == "Arnor restored full diplomatic ties with Gondor."
    assert load.cases[0].published == "1995-01-01"
    assert load.cases[1].expected == {("ARN", "GON", "041"), ("FRO", "GON", "041")}
    assert load.cases[2].expects_nothing and load.cases[3].expects_nothing
    assert len({c.key for c in load.cases}) == 5  # repeated ids still get their own article


def test_petrarch_scores_known_predictions(tmp_path: Path) -> None:
    imported: list[str] = []

    def importer(path: Path, into: Path) -> str:
        imported.append(path.name)
        (into / "actors.tsv").write_text("Arnor\t\tARN\t\t\t\n")
        return "1 actor"

    predictions = {
        "Arnor restored full": [("ARN", "GON", "064")],
        "Arnor and Fornost": [("ARN", "GON", "041"), ("ARN", "FRO", "041")],
        "Arnor restored baseball": [("ARN", "GON", "010")],
        "The Gondor government": [("GONGOV", "ARNGOV", "112")],
    }
    seen_dictionary: list[str] = []

    def code(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen_dictionary.append(os.environ["DYAD_DICTIONARY"])
        assert (Path(os.environ["DYAD_DICTIONARY"]) / "actors.tsv").exists()
        return [
            dict(_event(None, 0.9, s, t, c), article_id=a["id"])
            for a in articles
            for prefix, triples in predictions.items()
            if a["text"].startswith(prefix)
            for s, t, c in triples
        ]

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / petrarch_tests.RECORDS_FILE).write_text((FIXTURES / "petrarch_small.xml").read_text())
    (data_dir / "PETR.Validate.actors.txt").write_text("ARNOR [ARN]\n")
    before = os.environ.get("DYAD_DICTIONARY")

    report = petrarch_tests.evaluate(code, data_dir, importer=importer)

    assert imported == ["PETR.Validate.actors.txt"]
    assert os.environ.get("DYAD_DICTIONARY") == before and seen_dictionary[0] != before
    assert report.exact == PRF(tp=2, fp=3, fn=2)
    assert report.exact.f1 == pytest.approx(4 / 9)
    assert report.lenient == PRF(tp=3, fp=2, fn=1)
    assert report.lenient.f1 == pytest.approx(2 / 3)
    # pairs: DEMO-01 hit; COMPOUND hit+miss+extra; DISCARD extra; GONGOV/ARNMIL vs GONGOV/ARNGOV miss+extra
    assert report.dyads == PRF(tp=2, fp=3, fn=2)
    assert (report.nothing_produced, report.nothing_expected) == (1, 2)
    assert report.sentences_exactly_right == 2  # DEMO-01 and NOEV-01
    # every predicted event lands in a confidence band, right when its triple is exactly a gold one
    assert [(band.n, band.correct) for band in report.bands if band.n] == [(5, 2)]
    assert report.by_category["DEMO"] == PRF(1, 1, 1)
    assert any("absent" in note for note in report.dictionary_notes)


def test_petrarch_importer_failure_is_a_note(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "PETR.Validate.verbs.txt").write_text("garbage")

    def importer(path: Path, into: Path) -> str:
        raise ValueError("cannot parse")

    notes = petrarch_tests.import_toy_dictionaries(data_dir, tmp_path / "dict", importer)
    assert "PETR.Validate.verbs.txt: import failed: ValueError: cannot parse" in notes


# --- shared development data (loading only; skipped when ../shared is absent) -----------------


@pytest.mark.shared
def test_shared_gsr_loads() -> None:
    load = plover_gsr.load_gsr(shared_path("plover_gsr", "PLOVER_GSR_CAMEO.json"))
    assert len(load.records) >= 300 and not load.problems
    assert {r.category for r in load.records} <= set(plover_gsr.CATEGORY_ORDER)
    assert len({r.category for r in load.records}) == 17


@pytest.mark.shared
def test_shared_petrarch_records_load() -> None:
    load = petrarch_tests.load_cases(shared_path("petrarch_unittest", petrarch_tests.RECORDS_FILE))
    assert len(load.cases) >= 250 and not load.problems
    assert sum(c.expects_nothing for c in load.cases) >= 15
    assert sum(len(c.expected) for c in load.cases) >= 300


def test_coder_failing_everywhere_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    def broken(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        raise ImportError("no coder yet")

    assert plover_gsr.main(["--data", str(FIXTURES / "gsr_small.json")], code_fn=broken) == 2
    assert "failed on every sentence" in capsys.readouterr().out


TRIPLES_TSV = (
    "# a comment\n"
    "id\tdate\tsentence\tsource\ttarget\tcameo\n"
    "a1\t2024-05-16\tRussia and China signed a deal.\tRUS\tCHN\t057\n"
    "a1\t2024-05-16\tRussia and China signed a deal.\tCHN\tRUS\t057\n"
    "a2\t2024-05-16\tThe weather was fine.\t-\t-\t-\n"
    "a3\t2024-05-16\tIran protested.\tIRN\t-\t141\n"
    "a4\tyesterday\tBad date line.\tRUS\tCHN\t057\n"
    "a5\t2024-05-16\ttoo few fields\n"
)


def test_triples_file_loads_and_reports_bad_lines(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(TRIPLES_TSV)
    load = triples.load_triples(gold)
    by_id = {case.id: case for case in load.cases}
    assert set(by_id) == {"a1", "a2", "a3"}
    assert by_id["a1"].expected == {("RUS", "CHN", "057"), ("CHN", "RUS", "057")}
    assert by_id["a1"].published == "2024-05-16" and by_id["a1"].category == "05"
    assert by_id["a2"].expects_nothing
    assert by_id["a3"].expected == {("IRN", "---", "141")}
    assert len(load.problems) == 2
    assert any(f"{gold}:7:" in p for p in load.problems) and any(f"{gold}:8:" in p for p in load.problems)


def test_triples_main_scores_exact_and_lenient(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(TRIPLES_TSV)
    predictions = {
        "a1": [_event(None, 0.9, "RUS", "CHN", "057"), _event(None, 0.9, "CHNGOV", "RUS", "0571")],
        "a2": [_event(None, 0.9, "USA", "RUS", "010")],
        "a3": [],
    }

    def code(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [dict(e, article_id=a["id"]) for a in articles for e in predictions[a["id"]]]

    assert triples.main(["--file", str(gold)], code_fn=code) == 0
    out = capsys.readouterr().out
    # exact: 1 of 3 predicted right, 1 of 3 gold found; lenient: (CHN, RUS, 05) also matches.
    assert "exact (source, target, CAMEO)" in out and "0.333" in out
    assert "lenient (country, country, root)" in out and "0.667" in out
    assert "problem:" in out


@pytest.mark.parametrize(
    "name", ["dev_triples.tsv", "dev2_triples.tsv", "dev3_triples.tsv", "dev4_triples.tsv", "dev5_triples.tsv", "dev6_triples.tsv",
     "dev7_triples.tsv", "dev8_triples.tsv", "dev9_triples.tsv", "dev10_triples.tsv", "dev11_triples.tsv", "dev12_triples.tsv",
     "dev13_triples.tsv", "dev14_triples.tsv", "dev15_triples.tsv", "dev16_triples.tsv", "dev17_triples.tsv",
     "dev18_triples.tsv", "dev19_triples.tsv", "dev20_triples.tsv", "dev21_triples.tsv", "dev22_triples.tsv",
     "dev23_triples.tsv", "dev24_triples.tsv", "dev25_triples.tsv",
     "heldout_triples.tsv"]
)
def test_bundled_gold_triples_load_cleanly(name: str) -> None:
    load = triples.load_triples(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / name)
    assert not load.problems, load.problems[:3]
    assert len(load.cases) >= 150
    assert sum(case.expects_nothing for case in load.cases) >= 20  # no-event sentences are part of the test
