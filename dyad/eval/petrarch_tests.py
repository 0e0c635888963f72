"""Run PETRARCH's unit-test records through dyad (``dyad eval petrarch``).

PETRARCH2 (openeventdata/petrarch2, MIT) ships ~280 stylised sentences about fictional countries
(Arnor, Gondor...) with the events its toy dictionaries should produce: source code, target code,
CAMEO code, or ``noevents``. Passing them shows that a user's PETRARCH-format dictionaries load and
drive dyad's coder, and exercises compounds, agents, negation and passive voice. The data lives in
``../shared/data/petrarch_unittest`` during development and is never copied into dyad.

The toy dictionaries are imported with ``dyad.actors.petrarch_import.import_dictionary`` into a
temporary directory, and ``DYAD_DICTIONARY`` points there while coding, so the user's own
dictionary is neither read nor touched.

Scores are micro P/R/F1 over (source, target, CAMEO) triples, per sentence as sets, under two
regimes: *exact* (all three codes equal) and *lenient* (actors compared on their first three
characters, i.e. country or group, and event codes on their two-digit root). Records that test
PETRARCH's own input handling (bad parse trees, dateline errors) are skipped; story- and
sentence-discard records are expected to produce nothing, like ``noevents`` records.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from dyad.eval.report import (
    PRF,
    Band,
    CodeFn,
    CoderFailed,
    confidence_bands,
    default_code_fn,
    expected_calibration_error,
    fmt,
    print_table,
    set_prf,
)

DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "petrarch_unittest"
RECORDS_FILE = "PETR.UnitTest.records.xml"
DICTIONARY_FILES = (
    "PETR.Validate.actors.txt",
    "PETR.Validate.agents.txt",
    "PETR.Validate.discards.txt",
    "PETR.Validate.verbs.txt",
)
SKIPPED_ERRORS = {"dateline", "bad_input_parse"}
"""``error=`` kinds that test PETRARCH's handling of its own input format, not coding."""
NOTHING_EXPECTED_ERRORS = {"storydiscard", "sentencediscard"}
"""``error=`` kinds whose sentence must produce no event (discarded as off-topic)."""
MISSING_ACTOR = "---"
"""PETRARCH's code for an actor it could not identify; a predicted event without one gets it too."""

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class PetrarchCase:
    """One unit-test sentence and the events it should yield (empty when none are expected)."""

    key: str
    """Unique article id used for coding (the file repeats a few record ids)."""
    id: str
    category: str
    published: str
    text: str
    expected: frozenset[Triple]

    @property
    def expects_nothing(self) -> bool:
        return not self.expected


@dataclass
class CaseLoad:
    """Cases read from the records file, with the ids skipped and the problems met."""

    cases: list[PetrarchCase]
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _iso_date(raw: str | None) -> str | None:
    """PETRARCH's ``YYYYMMDD`` as ISO; None when absent or malformed."""
    raw = (raw or "").strip()
    if len(raw) == 8 and raw.isdigit():
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def load_cases(path: Path) -> CaseLoad:
    """Read ``<Sentence>`` records; a record that cannot be understood is reported and skipped."""
    root = ET.parse(path).getroot()
    load = CaseLoad(cases=[])
    for position, sentence in enumerate(root.iter("Sentence")):
        case_id = sentence.get("id") or "?"
        codings = sentence.findall("EventCoding")
        errors = {c.get("error") for c in codings if c.get("error")}
        if errors & SKIPPED_ERRORS:
            load.skipped.append(case_id)
            continue
        text_node = sentence.find("Text")
        text = " ".join((text_node.text or "").split()) if text_node is not None else ""
        published = _iso_date(sentence.get("date"))
        if not text or published is None:
            load.problems.append(f"{path}: sentence {case_id}: missing text or date")
            continue
        expected: set[Triple] = set()
        for coding in codings:
            if coding.get("error") or (coding.get("noevents") or "").strip().lower() == "true":
                continue
            triple = (coding.get("sourcecode"), coding.get("targetcode"), coding.get("eventcode"))
            if not all(triple):
                load.problems.append(f"{path}: sentence {case_id}: EventCoding without source/target/event")
                continue
            expected.add(tuple(value.strip() for value in triple))  # type: ignore[misc, union-attr]
        # A record with no EventCoding at all (PATTERN-06) expects nothing, like noevents="True".
        load.cases.append(
            PetrarchCase(
                key=f"{position:04d}-{case_id}",
                id=case_id,
                category=(sentence.get("category") or "").strip().upper(),
                published=published,
                text=text,
                expected=frozenset(expected),
            )
        )
    return load


def predicted_triples(events: Sequence[dict[str, Any]]) -> set[Triple]:
    """(source code, target code, CAMEO code) of contract events; missing actors become ``---``."""
    triples = set()
    for event in events:
        source = (event.get("source") or {}).get("code") or MISSING_ACTOR
        target = (event.get("target") or {}).get("code") or MISSING_ACTOR
        cameo = str(event.get("cameo") or "")
        if cameo:
            triples.add((str(source), str(target), cameo))
    return triples


def lenient(triples: set[Triple] | frozenset[Triple]) -> set[Triple]:
    """Actors at country/group level (first three characters) and codes at root level."""
    return {(s[:3], t[:3], c[:2]) for s, t, c in triples}


def dyads(triples: set[Triple] | frozenset[Triple]) -> set[tuple[str, str]]:
    """(source, target) pairs with their full codes, whatever the event code.

    PETRARCH's verb dictionaries are toy data with their own codes, so this regime isolates what
    the test set can fairly measure of dyad: actors found through the imported dictionaries."""
    return {(s, t) for s, t, _ in triples}


def error_kinds(results: Sequence[CaseResult]) -> dict[str, int]:
    """Count why triples were missed or wrong, most frequent first.

    A missed gold triple is charged to the closest prediction in its sentence: same actors but
    another code ("event code differs"), same source and code ("target differs"), same target and
    code ("source differs"); with none of those it is "missed, sentence has other events" or
    "missed, no event in the sentence". A predicted triple that shares its actors with no gold
    triple is "spurious" ("in a no-event sentence" when nothing was expected)."""
    counts: dict[str, int] = {}

    def add(kind: str) -> None:
        counts[kind] = counts.get(kind, 0) + 1

    for r in results:
        gold, got = set(r.case.expected), r.predicted
        for s, t, c in gold - got:
            if any((ps, pt) == (s, t) for ps, pt, _ in got):
                add("event code differs (actors right)")
            elif any((ps, pc) == (s, c) for ps, _, pc in got):
                add("target differs")
            elif any((pt, pc) == (t, c) for _, pt, pc in got):
                add("source differs")
            elif any(ps[:3] == s[:3] and pt[:3] == t[:3] for ps, pt, _ in got):
                add("actor sector/agent differs")
            elif got:
                add("missed, sentence has other events")
            else:
                add("missed, no event in the sentence")
        pairs = {(s[:3], t[:3]) for s, t, _ in gold}
        for s, t, _ in got - gold:
            if (s[:3], t[:3]) not in pairs:
                add("spurious, in a no-event sentence" if not gold else "spurious (actors not in gold)")
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


@dataclass
class CaseResult:
    case: PetrarchCase
    predicted: set[Triple]


@dataclass
class PetrarchReport:
    """Triple scores under both regimes, no-event accuracy and per-category exact scores."""

    exact: PRF
    lenient: PRF
    dyads: PRF
    nothing_expected: int
    nothing_produced: int
    by_category: dict[str, PRF]
    results: list[CaseResult]
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    dictionary_notes: list[str] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    """Every coded event by confidence, right when its triple is exactly a gold one."""

    @property
    def no_event_accuracy(self) -> float:
        """Share of should-produce-nothing sentences for which the coder indeed produced nothing."""
        return self.nothing_produced / self.nothing_expected if self.nothing_expected else 0.0

    @property
    def sentences_exactly_right(self) -> int:
        return sum(1 for r in self.results if r.predicted == set(r.case.expected))


def score(cases: Sequence[PetrarchCase], events: Sequence[dict[str, Any]]) -> PetrarchReport:
    """Score contract events (``article_id`` = the case's ``key``) against the cases."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_article.setdefault(str(event.get("article_id")), []).append(event)
    exact = PRF(0, 0, 0)
    loose = PRF(0, 0, 0)
    pairs = PRF(0, 0, 0)
    by_category: dict[str, PRF] = {}
    nothing_expected = nothing_produced = 0
    results = []
    scored: list[tuple[float, bool]] = []  # (confidence, exactly right) of every event
    for case in cases:
        predicted = predicted_triples(by_article.get(case.key, []))
        for event in by_article.get(case.key, []):
            right = bool(predicted_triples([event]) & case.expected)
            scored.append((float(event.get("confidence") or 0.0), right))
        case_exact = set_prf(case.expected, predicted)
        exact += case_exact
        loose += set_prf(lenient(case.expected), lenient(predicted))
        pairs += set_prf(dyads(case.expected), dyads(predicted))
        by_category[case.category] = by_category.get(case.category, PRF(0, 0, 0)) + case_exact
        if case.expects_nothing:
            nothing_expected += 1
            nothing_produced += not predicted
        results.append(CaseResult(case, predicted))
    return PetrarchReport(
        exact,
        loose,
        pairs,
        nothing_expected,
        nothing_produced,
        by_category,
        results,
        bands=confidence_bands(scored),
    )


def import_toy_dictionaries(
    data_dir: Path, into_dir: Path, importer: Callable[[Path, Path], Any] | None = None
) -> list[str]:
    """Import each PETRARCH dictionary file present in ``data_dir`` into ``into_dir``.

    Returns one note per file (the importer's statistics, or why it failed) — a file the importer
    cannot read lowers the scores but must not stop the evaluation.
    """
    if importer is None:
        importer = _override_importer()
    notes = []
    for name in DICTIONARY_FILES:
        path = data_dir / name
        if not path.exists():
            notes.append(f"{name}: absent")
            continue
        try:
            notes.append(f"{name}: {importer(path, into_dir)}")
        except Exception as exc:  # noqa: BLE001 - report and keep going
            notes.append(f"{name}: import failed: {type(exc).__name__}: {exc}")
    return notes


def _override_importer() -> Callable[[Path, Path], Any]:
    """The importer with ``verbs="override"``: the toy verb dictionary's own codes must win over
    dyad's bundled patterns, or the test measures dyad's CAMEO choices against KEDS/WEIS toy codes."""
    from dyad.actors.petrarch_import import import_dictionary

    def run(path: Path, into: Path) -> Any:
        return import_dictionary(path, into, verbs="override")

    return run


@contextlib.contextmanager
def dictionary_env(directory: Path) -> Iterator[None]:
    """Point ``DYAD_DICTIONARY`` at ``directory`` for the duration, then restore it.

    The coder reads the user dictionary when it is first built, so this must wrap the first
    coding call of the process (as ``main`` does)."""
    previous = os.environ.get("DYAD_DICTIONARY")
    os.environ["DYAD_DICTIONARY"] = str(directory)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("DYAD_DICTIONARY", None)
        else:
            os.environ["DYAD_DICTIONARY"] = previous


def code_cases(cases: Sequence[PetrarchCase], code_fn: CodeFn) -> tuple[list[dict[str, Any]], list[str]]:
    """Code every case as its own article (batch first, then one by one if the batch fails)."""
    articles = [{"id": c.key, "text": c.text, "published": c.published} for c in cases]
    try:
        return list(code_fn(articles)), []
    except Exception:  # noqa: BLE001 - retried per article below
        pass
    events: list[dict[str, Any]] = []
    problems = []
    for article in articles:
        try:
            events.extend(code_fn([article]))
        except Exception as exc:  # noqa: BLE001 - report and go on
            problems.append(f"{article['id']}: coder raised {type(exc).__name__}: {exc}")
    if articles and len(problems) == len(articles):
        raise CoderFailed(f"the coder failed on every sentence; first failure: {problems[0]}")
    return events, problems


def evaluate(
    code_fn: CodeFn,
    data_dir: Path = DEFAULT_DIR,
    importer: Callable[[Path, Path], Any] | None = None,
    dictionary_dir: Path | None = None,
) -> PetrarchReport:
    """Import the toy dictionaries into a scratch directory, code all cases with it, and score."""
    load = load_cases(data_dir / RECORDS_FILE)
    with contextlib.ExitStack() as stack:
        if dictionary_dir is None:
            dictionary_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dyad-petrarch-")))
        notes = import_toy_dictionaries(data_dir, dictionary_dir, importer)
        with dictionary_env(dictionary_dir):
            events, problems = code_cases(load.cases, code_fn)
    report = score(load.cases, events)
    report.skipped = load.skipped
    report.problems = load.problems + problems
    report.dictionary_notes = notes
    return report


def _row(name: str, prf: PRF) -> list[Any]:
    return [name, prf.support, prf.tp + prf.fp, fmt(prf.precision), fmt(prf.recall), fmt(prf.f1)]


def print_report(report: PetrarchReport, errors: int = 0, title: str = "PETRARCH unit tests") -> None:
    """Tables for the terminal: both regimes, no-event accuracy, per-category, failing cases."""
    n = len(report.results)
    print(
        f"{title}: {n} sentences scored ({len(report.skipped)} input-format records skipped), "
        f"{report.sentences_exactly_right} coded exactly right"
    )
    for note in report.dictionary_notes:
        print(f"dictionary: {note}")
    columns = ["regime", "gold", "predicted", "precision", "recall", "F1"]
    regimes = [
        _row("exact (source, target, CAMEO)", report.exact),
        _row("lenient (country, country, root)", report.lenient),
        _row("actors only (source, target)", report.dyads),
    ]
    print_table(f"{title}: events per sentence, micro-averaged", columns, regimes)
    print(
        f"no-event sentences left empty: {report.nothing_produced}/{report.nothing_expected} "
        f"({fmt(report.no_event_accuracy)})"
    )
    kinds = error_kinds(report.results)
    if kinds:
        print_table(f"{title}: error kinds (triples)", ["kind", "count"], [[k, v] for k, v in kinds.items()])
    if any(band.n for band in report.bands):
        print_table(
            f"{title}: events exactly right by confidence (the score estimates that chance)",
            ["confidence", "events", "mean confidence", "exactly right"],
            [[b.label, b.n, fmt(b.mean_confidence) if b.n else "-", fmt(b.accuracy) if b.n else "-"]
             for b in report.bands],
        )  # fmt: skip
        print(f"expected calibration error: {fmt(expected_calibration_error(report.bands))}")
    by_category = [_row(cat, prf) for cat, prf in sorted(report.by_category.items())]
    print_table(f"{title}: exact triples by category", ["category", *columns[1:]], by_category)
    if errors:
        wrong = [r for r in report.results if r.predicted != set(r.case.expected)][:errors]
        rows = [
            [r.case.id, " ".join("/".join(t) for t in sorted(r.case.expected)) or "(none)",
             " ".join("/".join(t) for t in sorted(r.predicted)) or "(none)", r.case.text[:90]]
            for r in wrong
        ]  # fmt: skip
        if rows:
            print_table(
                f"first {len(rows)} sentences coded differently", ["id", "expected", "got", "sentence"], rows
            )
    for problem in report.problems:
        print(f"problem: {problem}")


def main(argv: Sequence[str] | None = None, code_fn: CodeFn | None = None) -> int:
    """``dyad eval petrarch [--data DIR] [--errors N] [--keep-dictionary DIR]``.

    Returns 0 after printing (also when the development data is absent), 2 when the coder or the
    dictionary importer cannot be loaded.
    """
    parser = argparse.ArgumentParser(prog="dyad eval petrarch", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DIR, help="folder with PETR.UnitTest.records.xml"
    )
    parser.add_argument("--errors", type=int, default=0, help="list the first N sentences coded differently")
    parser.add_argument(
        "--keep-dictionary", type=Path, default=None, help="import the toy dictionaries here and keep them"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not (args.data / RECORDS_FILE).exists():
        print(f"PETRARCH unit-test data not found at {args.data}; skipping (it lives in ../shared/data).")
        return 0
    try:
        import_dictionary = _override_importer()
    except Exception as exc:  # noqa: BLE001 - report any loading failure plainly
        print(f"cannot load the PETRARCH dictionary importer: {type(exc).__name__}: {exc}")
        return 2
    if code_fn is None:
        try:
            code_fn = default_code_fn()
        except Exception as exc:  # noqa: BLE001
            print(f"cannot load the coder (dyad.code): {type(exc).__name__}: {exc}")
            return 2
    if args.keep_dictionary:
        args.keep_dictionary.mkdir(parents=True, exist_ok=True)
    try:
        report = evaluate(code_fn, args.data, import_dictionary, args.keep_dictionary)
    except CoderFailed as exc:
        print(str(exc))
        return 2
    print_report(report, errors=args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
