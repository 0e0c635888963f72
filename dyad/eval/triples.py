"""Score dyad on a file of gold (source, target, CAMEO) triples (``dyad eval triples``).

The issue's reference figures for PETRARCH2 are triple F1 on held-out real news: *exact* (source
code, target code and CAMEO code all equal) and *lenient* (actors at country level, codes at root
level). This evaluation computes the same two figures for any tab-separated file of annotated
sentences, so a set written and labelled before any tuning can be scored once, honestly::

    id      date        sentence                                   source  target  cameo
    s001    2024-05-17  Chinese Premier Li Qiang met ...           CHNGOV  RUSGOV  040
    s002    2024-05-17  The talks were not held.                   -       -       -

One row per gold event; a sentence with two events repeats its id, date and sentence; a sentence
with no event has a single row of ``-``. A target of ``-`` is an event with no target (PETRARCH's
``---``). Lines starting with ``#`` are comments. A malformed line is reported with its file and
line number and skipped; the rest is scored.

Scoring reuses the PETRARCH unit-test arithmetic (``dyad.eval.petrarch_tests.score``): micro
P/R/F1 over per-sentence triple sets, per-root exact scores, and error kinds.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from dyad.eval.petrarch_tests import (
    MISSING_ACTOR,
    CaseLoad,
    PetrarchCase,
    Triple,
    code_cases,
    print_report,
    score,
)
from dyad.eval.report import CodeFn, CoderFailed, default_code_fn

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "heldout_triples.tsv"
COLUMNS = ("id", "date", "sentence", "source", "target", "cameo")
NO_VALUE = "-"


def _is_date(raw: str) -> bool:
    parts = raw.split("-")
    return len(parts) == 3 and [len(p) for p in parts] == [4, 2, 2] and all(p.isdigit() for p in parts)


def load_triples(path: Path) -> CaseLoad:
    """Read the gold file into cases (one per sentence id); bad lines go to ``problems``."""
    rows: dict[str, tuple[str, str, set[Triple]]] = {}
    problems: list[str] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen and tuple(f.lower() for f in fields) == COLUMNS:
            header_seen = True
            continue
        if len(fields) != len(COLUMNS):
            problems.append(
                f"{path}:{number}: expected {len(COLUMNS)} tab-separated fields, got {len(fields)}"
            )
            continue
        case_id, date, text, source, target, cameo = fields
        if not _is_date(date) or not text:
            problems.append(f"{path}:{number}: sentence {case_id}: missing text or a YYYY-MM-DD date")
            continue
        if case_id in rows and rows[case_id][1] != text:
            problems.append(f"{path}:{number}: id {case_id} is used for two different sentences")
            continue
        _, _, expected = rows.setdefault(case_id, (date, text, set()))
        if cameo == NO_VALUE:
            continue
        if source == NO_VALUE or not cameo.isdigit():
            problems.append(
                f"{path}:{number}: sentence {case_id}: an event needs a source and a numeric CAMEO code"
            )
            continue
        expected.add((source, MISSING_ACTOR if target == NO_VALUE else target, cameo))
    cases = [
        PetrarchCase(
            key=case_id,
            id=case_id,
            category=min(c for _, _, c in expected)[:2] if expected else "none",
            published=date,
            text=text,
            expected=frozenset(expected),
        )
        for case_id, (date, text, expected) in rows.items()
    ]
    return CaseLoad(cases=cases, problems=problems)


def main(argv: Sequence[str] | None = None, code_fn: CodeFn | None = None) -> int:
    """``dyad eval triples [--file TSV] [--errors N]``; 0 after printing, 2 when nothing can be coded."""
    parser = argparse.ArgumentParser(prog="dyad eval triples", description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="gold triples (tab-separated)")
    parser.add_argument("--errors", type=int, default=0, help="list the first N sentences coded differently")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.file.exists():
        print(f"gold triples file not found: {args.file}")
        return 2
    load = load_triples(args.file)
    if not load.cases:
        print(f"no sentences in {args.file}")
        for problem in load.problems:
            print(f"problem: {problem}")
        return 2
    try:
        code_fn = code_fn or default_code_fn()
        events, coding_problems = code_cases(load.cases, code_fn)
    except CoderFailed as exc:
        print(str(exc))
        return 2
    report = score(load.cases, events)
    report.problems = load.problems + coding_problems
    print_report(report, errors=args.errors, title=f"gold triples ({args.file.name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
