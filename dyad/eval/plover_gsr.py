"""Measure the event coder on the PLOVER gold-standard records (``dyad eval plover``).

The PLOVER GSR (openeventdata/PLOVER, CC BY-SA 4.0) holds ~320 sentences from the CAMEO manual,
each hand-labelled with one PLOVER event and its source/target actors (text, ISO3 code, sector).
It lives in ``../shared/data/plover_gsr`` during development and is never copied into dyad.

Each sentence is coded as its own article. A record's predicted category is the PLOVER category
of its highest-confidence event (``NONE`` when the coder found nothing), which is what a user
reading the top event would see. Reported: category accuracy and macro-F1, a per-category table,
source/target country and sector accuracy, and accuracy by confidence band (a calibrated coder
is right more often in higher bands). ``--split dev|held-out`` scores one deterministic half of
every category, so rules tuned on one half can be checked on the other.

The GSR uses PLOVER v0.5 names; they are mapped to the contract's: DEMAND→REQUEST,
DISAPPROVE→ACCUSE, YIELD→CONCEDE, FIGHT→ASSAULT (v0.5 split violence into ASSAULT and FIGHT).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.eval.report import (
    NONE_LABEL,
    Band,
    CodeFn,
    CoderFailed,
    LabelReport,
    confidence_bands,
    default_code_fn,
    expected_calibration_error,
    fmt,
    label_report,
    print_label_report,
    print_table,
    stratified_split,
)

DEFAULT_PATH = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
)
FIXED_PUBLISHED = "2000-01-01"
"""Publication date given to every sentence (the GSR's own placeholder date)."""

V05_TO_CONTRACT = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "YIELD": "CONCEDE", "FIGHT": "ASSAULT"}

CATEGORY_ORDER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    NONE_LABEL,
)  # fmt: skip

UNKNOWN_SECTORS = {"", "***"}


@dataclass(frozen=True)
class GoldActor:
    """One gold actor: the text span, CAMEO country-or-group code (``USA``, ``IGO``) and sector."""

    text: str
    country: str
    sector: str | None
    """First three letters of the GSR sector, upper-cased (``CVLalb`` → ``CVL``); None if unknown."""


@dataclass(frozen=True)
class GSRRecord:
    """One gold sentence."""

    key: str
    """Unique article id used for coding (the GSR repeats at least one record id)."""
    id: str
    text: str
    category: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    mode: str | None = None
    date: str = FIXED_PUBLISHED


@dataclass
class GSRLoad:
    """Records read from a GSR file, plus the entries that could not be used (with why)."""

    records: list[GSRRecord]
    problems: list[str] = field(default_factory=list)


def _actors(value: Any, where: str) -> tuple[GoldActor, ...]:
    """GSR actor lists. ``None`` or a string mean no actor: joint events ("A and B agreed") have only
    sources, and a few records carry a stray context word such as ``"diplomatic"`` in the target."""
    if value is None or isinstance(value, str):
        return ()
    if not isinstance(value, list):
        raise ValueError(f"{where}: actors must be a list, got {type(value).__name__}")
    actors = []
    for item in value:
        if not isinstance(item, dict) or not item.get("code"):
            raise ValueError(f"{where}: actor without a code: {item!r}")
        sector = str(item.get("sector") or "").strip()
        actors.append(
            GoldActor(
                text=str(item.get("actorText") or ""),
                country=str(item["code"]).strip().upper(),
                sector=None if sector in UNKNOWN_SECTORS else sector[:3].upper(),
            )
        )
    return tuple(actors)


def load_gsr(path: Path = DEFAULT_PATH) -> GSRLoad:
    """Read the GSR JSON (a list of records); a malformed record is reported and skipped."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of records")
    load = GSRLoad(records=[])
    for position, item in enumerate(data):
        where = f"{path}: record {position}"
        if not isinstance(item, dict):
            load.problems.append(f"{where}: not an object")
            continue
        event = str(item.get("event") or "").strip().upper()
        if event == "DOCUMENT":
            continue
        try:
            if not item.get("id") or not item.get("text") or not event:
                raise ValueError(f"{where}: needs id, text and event")
            load.records.append(
                GSRRecord(
                    key=f"{position:04d}-{item['id']}",
                    id=str(item["id"]),
                    text=" ".join(str(item["text"]).split()),
                    category=V05_TO_CONTRACT.get(event, event),
                    sources=_actors(item.get("source"), f"{where} ({item['id']}) source"),
                    targets=_actors(item.get("target"), f"{where} ({item['id']}) target"),
                    mode=item.get("mode") or None,
                    date=str(item.get("date") or FIXED_PUBLISHED),
                )
            )
        except ValueError as exc:
            load.problems.append(str(exc))
    return load


def split_records(records: Sequence[GSRRecord], split: str) -> list[GSRRecord]:
    """``all``, or the ``dev`` / ``held-out`` half of every category (see ``stratified_split``)."""
    if split == "all":
        return list(records)
    if split not in ("dev", "held-out"):
        raise ValueError(f"unknown split {split!r}: use all, dev or held-out")
    by_label: dict[str, list[str]] = {}
    for record in records:
        by_label.setdefault(record.category, []).append(record.key)
    assignment = stratified_split(by_label)
    return [r for r in records if assignment[r.key] == split]


def articles_for(records: Sequence[GSRRecord]) -> list[dict[str, Any]]:
    """One contract article per sentence; the record's ``key`` is the article id."""
    return [{"id": r.key, "text": r.text, "published": r.date} for r in records]


def code_records(records: Sequence[GSRRecord], code_fn: CodeFn) -> tuple[list[dict[str, Any]], list[str]]:
    """Run the coder over all sentences at once; if the batch fails, retry one by one so a single
    crashing sentence is reported (and scored as no event) instead of losing the evaluation."""
    articles = articles_for(records)
    try:
        return list(code_fn(articles)), []
    except Exception:  # noqa: BLE001 - any coder failure is retried per article below
        pass
    events: list[dict[str, Any]] = []
    problems: list[str] = []
    for article in articles:
        try:
            events.extend(code_fn([article]))
        except Exception as exc:  # noqa: BLE001 - report and go on
            problems.append(f"{article['id']}: coder raised {type(exc).__name__}: {exc}")
    if articles and len(problems) == len(articles):
        raise CoderFailed(f"the coder failed on every sentence; first failure: {problems[0]}")
    return events, problems


def _actor_key(actor: Any) -> tuple[str | None, str | None]:
    """(country-or-group, sector) of a predicted contract actor; IGOs compare on their ``IGO`` prefix."""
    if not isinstance(actor, dict):
        return None, None
    code = str(actor.get("code") or "").upper()
    country = actor.get("country") or (code[:3] if len(code) >= 3 else None)
    sector = actor.get("sector") or (code[3:6] if len(code) >= 6 else None)
    return (str(country).upper() if country else None, str(sector).upper() if sector else None)


def top_event(events: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The event a record is judged by: highest confidence, earliest sentence on ties."""
    if not events:
        return None
    return max(
        enumerate(events),
        key=lambda pair: (
            float(pair[1].get("confidence") or 0.0),
            -int(pair[1].get("sentence_index") or 0),
            -pair[0],
        ),
    )[1]


@dataclass
class SlotScore:
    """Accuracy of one actor slot (source or target) over records whose gold has that slot."""

    country_n: int = 0
    country_ok: int = 0
    sector_n: int = 0
    sector_ok: int = 0
    coded_n: int = 0
    """Records with gold actors in the slot for which the coder produced an event at all."""
    coded_ok: int = 0


@dataclass
class RecordResult:
    """Gold against prediction for one record (kept for error listings)."""

    record: GSRRecord
    predicted: str
    event: dict[str, Any] | None
    source_ok: bool | None
    target_ok: bool | None


@dataclass
class GSRReport:
    """Everything ``score`` measures."""

    categories: LabelReport
    source: SlotScore
    target: SlotScore
    bands: list[Band]
    results: list[RecordResult]
    events_per_record: float
    problems: list[str] = field(default_factory=list)


def _score_slot(gold: Sequence[GoldActor], predicted: Any, slot: SlotScore, has_event: bool) -> bool | None:
    """Country right if the predicted actor is any gold actor of the slot (joint actors are
    interchangeable); sector judged only where the gold gives one, against the gold actor(s) of the
    same country."""
    if not gold:
        return None
    country, sector = _actor_key(predicted)
    slot.country_n += 1
    matched = [actor for actor in gold if actor.country == country]
    ok = bool(matched)
    slot.country_ok += ok
    if has_event:
        slot.coded_n += 1
        slot.coded_ok += ok
    gold_sectors = {actor.sector for actor in (matched or gold) if actor.sector}
    if gold_sectors:
        slot.sector_n += 1
        slot.sector_ok += bool(ok and sector in gold_sectors)
    return ok


def score(records: Sequence[GSRRecord], events: Sequence[dict[str, Any]]) -> GSRReport:
    """Score coder output (contract event dicts, ``article_id`` = record key) against the records."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_article.setdefault(str(event.get("article_id")), []).append(event)
    gold_labels: list[str] = []
    predicted_labels: list[str] = []
    source, target = SlotScore(), SlotScore()
    pairs: list[tuple[float, bool]] = []
    results: list[RecordResult] = []
    for record in records:
        event = top_event(by_article.get(record.key, []))
        predicted = str(event.get("plover") or NONE_LABEL) if event else NONE_LABEL
        gold_labels.append(record.category)
        predicted_labels.append(predicted)
        if event is not None:
            pairs.append((float(event.get("confidence") or 0.0), predicted == record.category))
        source_ok = _score_slot(
            record.sources, event.get("source") if event else None, source, event is not None
        )
        target_ok = _score_slot(
            record.targets, event.get("target") if event else None, target, event is not None
        )
        results.append(RecordResult(record, predicted, event, source_ok, target_ok))
    wanted = {r.key for r in records}
    coded = sum(1 for e in events if str(e.get("article_id")) in wanted)
    return GSRReport(
        categories=label_report(gold_labels, predicted_labels),
        source=source,
        target=target,
        bands=confidence_bands(pairs),
        results=results,
        events_per_record=coded / len(records) if records else 0.0,
    )


def evaluate(code_fn: CodeFn, path: Path = DEFAULT_PATH, split: str = "all") -> GSRReport:
    """Load, code and score in one call (what ``main`` and benchmarks use)."""
    load = load_gsr(path)
    records = split_records(load.records, split)
    events, problems = code_records(records, code_fn)
    report = score(records, events)
    report.problems = load.problems + problems
    return report


def _pct(ok: int, n: int) -> str:
    return f"{fmt(ok / n)} ({ok}/{n})" if n else "n/a"


def print_report(report: GSRReport, errors: int = 0, title: str = "PLOVER GSR") -> None:
    """Tables for the terminal: categories, actors, confidence bands, top confusions, errors."""
    cats = report.categories
    print(
        f"{title}: {cats.n} records, category accuracy {fmt(cats.accuracy)}, macro-F1 {fmt(cats.macro_f1)}, "
        f"{report.events_per_record:.2f} events per sentence"
    )
    print_label_report(f"{title}: PLOVER category (top event per sentence)", cats, CATEGORY_ORDER)
    print_table(
        f"{title}: actors (no event counts as wrong; last column: among sentences with an event)",
        ["slot", "country accuracy", "sector accuracy", "country accuracy | event"],
        [
            [name, _pct(slot.country_ok, slot.country_n), _pct(slot.sector_ok, slot.sector_n),
             _pct(slot.coded_ok, slot.coded_n)]
            for name, slot in (("source", report.source), ("target", report.target))
        ],
    )  # fmt: skip
    print_table(
        f"{title}: category accuracy by confidence of the top event",
        ["confidence", "events", "mean confidence", "accuracy"],
        [
            [
                band.label,
                band.n,
                fmt(band.mean_confidence) if band.n else "-",
                fmt(band.accuracy) if band.n else "-",
            ]
            for band in report.bands
        ],
    )
    # the score estimates that the whole triple is exactly right; the category alone is right more often
    print(f"expected calibration error against category accuracy: {fmt(expected_calibration_error(report.bands))}"
          " (confidence estimates exact-triple correctness, a stricter test)")  # fmt: skip
    confusions = Counter(report.categories.confusions).most_common(12)
    if confusions:
        print_table(f"{title}: most common confusions", ["gold → predicted", "count"],
                    [[f"{g} → {p}", n] for (g, p), n in confusions])  # fmt: skip
    if errors:
        wrong = [r for r in report.results if r.predicted != r.record.category][:errors]
        rows: list[list[str]] = []
        for r in wrong:
            code = r.event.get("cameo") if r.event else ""
            rows.append(
                [r.record.id, r.record.category, f"{r.predicted} {code or ''}".strip(), r.record.text[:110]]
            )
        if rows:
            print_table(
                f"{title}: first {len(rows)} wrong categories", ["id", "gold", "predicted", "sentence"], rows
            )
    for problem in report.problems:
        print(f"problem: {problem}")


def main(argv: Sequence[str] | None = None, code_fn: CodeFn | None = None) -> int:
    """``dyad eval plover [--data FILE] [--split all|dev|held-out] [--errors N] [--json OUT]``.

    Returns 0 after printing (also when the development data is absent: there is nothing to
    measure, which is not an error for a user's checkout), 2 when the coder cannot be loaded.
    """
    parser = argparse.ArgumentParser(prog="dyad eval plover", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_PATH, help="PLOVER_GSR_CAMEO.json")
    parser.add_argument("--split", choices=["all", "dev", "held-out"], default="all")
    parser.add_argument("--errors", type=int, default=0, help="list the first N misclassified sentences")
    parser.add_argument("--json", type=Path, default=None, help="also write the headline numbers as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.data.exists():
        print(f"PLOVER GSR data not found at {args.data}; skipping (it lives in ../shared/data/plover_gsr).")
        return 0
    if code_fn is None:
        try:
            code_fn = default_code_fn()
        except Exception as exc:  # noqa: BLE001 - report any loading failure plainly
            print(f"cannot load the coder (dyad.code): {type(exc).__name__}: {exc}")
            return 2
    try:
        report = evaluate(code_fn, args.data, args.split)
    except CoderFailed as exc:
        print(str(exc))
        return 2
    print_report(report, errors=args.errors, title=f"PLOVER GSR ({args.split})")
    if args.json:
        args.json.write_text(json.dumps(headline(report), indent=2) + "\n", encoding="utf-8")
    return 0


def _ratio(ok: int, n: int) -> float | None:
    """ok / n to four places; None when there was nothing to score."""
    return round(ok / n, 4) if n else None


def headline(report: GSRReport) -> dict[str, Any]:
    """The numbers worth tracking over time, as plain JSON-able values."""
    cats = report.categories
    return {
        "records": cats.n,
        "category_accuracy": round(cats.accuracy, 4),
        "category_macro_f1": round(cats.macro_f1, 4),
        "per_category_f1": {k: round(v.f1, 4) for k, v in sorted(cats.per_label.items()) if v.support},
        "source_country_accuracy": _ratio(report.source.country_ok, report.source.country_n),
        "target_country_accuracy": _ratio(report.target.country_ok, report.target.country_n),
        "source_country_accuracy_given_event": _ratio(report.source.coded_ok, report.source.coded_n),
        "target_country_accuracy_given_event": _ratio(report.target.coded_ok, report.target.coded_n),
        "source_sector_accuracy": _ratio(report.source.sector_ok, report.source.sector_n),
        "target_sector_accuracy": _ratio(report.target.sector_ok, report.target.sector_n),
        "confidence_bands": [
            {"band": b.label, "n": b.n, "accuracy": round(b.accuracy, 4)} for b in report.bands
        ],
        "expected_calibration_error": round(expected_calibration_error(report.bands), 4),
        "events_per_record": round(report.events_per_record, 3),
        "problems": len(report.problems),
    }


if __name__ == "__main__":
    raise SystemExit(main())
