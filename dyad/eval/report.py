"""Scoring arithmetic and table printing shared by the coder evaluations.

Kept free of any coder import so the math can be tested with hand-made predictions: a wrong
F1 formula would make every reported number meaningless, so it lives in one place.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

CodeFn = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
"""What an evaluation runs: contract article dicts in, contract event dicts out (``dyad.code``)."""


class CoderFailed(RuntimeError):
    """The coder raised on every input: nothing can be measured (``main`` reports it, exit 2)."""


def default_code_fn() -> CodeFn:
    """The public coder, ``dyad.code`` (the function lives in ``dyad.pipeline``; importing it from
    there also works when ``dyad`` was installed before its ``__init__`` existed)."""
    from dyad.pipeline import code

    return code


NONE_LABEL = "NONE"
"""Predicted label of a record for which the coder produced no event."""

DEFAULT_BANDS: tuple[float, ...] = (0.0, 0.4, 0.6, 0.8, 1.0)


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts (0.0 where undefined, the usual convention)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """Number of gold items (true positives plus misses)."""
        return self.tp + self.fn

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class LabelReport:
    """Single-label classification scores: accuracy, per-label PRF, macro-F1 and confusions."""

    n: int
    correct: int
    per_label: dict[str, PRF]
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def macro_f1(self) -> float:
        """Mean F1 over labels that occur in the gold data (a never-gold label such as NONE
        only costs precision elsewhere, it is not averaged in)."""
        scored = [prf.f1 for prf in self.per_label.values() if prf.support]
        return sum(scored) / len(scored) if scored else 0.0


def label_report(gold: Sequence[str], predicted: Sequence[str]) -> LabelReport:
    """Score parallel lists of gold and predicted labels (one label per record)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    labels = sorted(set(gold) | set(predicted))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
            confusions[(g, p)] += 1
    per_label = {label: PRF(tp[label], fp[label], fn[label]) for label in labels}
    return LabelReport(n=len(gold), correct=sum(tp.values()), per_label=per_label, confusions=confusions)


def set_prf(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> PRF:
    """PRF of one item's predicted set against its gold set (duplicates collapse)."""
    gold_set, predicted_set = set(gold), set(predicted)
    hits = len(gold_set & predicted_set)
    return PRF(hits, len(predicted_set) - hits, len(gold_set) - hits)


@dataclass(frozen=True)
class Band:
    """Accuracy of the predictions whose confidence falls in [low, high) (the last band is closed)."""

    low: float
    high: float
    n: int
    correct: int
    confidence_sum: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def mean_confidence(self) -> float:
        return self.confidence_sum / self.n if self.n else 0.0

    @property
    def label(self) -> str:
        closing = "]" if self.high >= 1.0 else ")"
        return f"[{self.low:.1f}, {self.high:.1f}{closing}"


def confidence_bands(
    pairs: Iterable[tuple[float, bool]], edges: Sequence[float] = DEFAULT_BANDS
) -> list[Band]:
    """Bucket (confidence, correct) pairs into bands; a calibrated coder's accuracy rises band by band."""
    if len(edges) < 2 or list(edges) != sorted(edges):
        raise ValueError(f"band edges must be ascending and at least two: {edges}")
    counts = [[0, 0, 0.0] for _ in range(len(edges) - 1)]
    for confidence, correct in pairs:
        value = min(max(float(confidence), edges[0]), edges[-1])
        index = len(edges) - 2
        for i in range(len(edges) - 1):
            if value < edges[i + 1]:
                index = i
                break
        counts[index][0] += 1
        counts[index][1] += int(correct)
        counts[index][2] += value
    return [Band(edges[i], edges[i + 1], int(n), int(ok), s) for i, (n, ok, s) in enumerate(counts)]


def expected_calibration_error(bands: Sequence[Band]) -> float:
    """Share-weighted gap between mean confidence and accuracy over bands (0 = perfectly calibrated)."""
    total = sum(b.n for b in bands)
    if not total:
        return 0.0
    return sum(b.n / total * abs(b.accuracy - b.mean_confidence) for b in bands)


def stratified_split(ids_by_label: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Assign each id to "dev" or "held-out", deterministically and half of every label each.

    Within a label, ids are ordered by a hash of the id (not by file order, which groups similar
    sentences) and alternate between the halves, so tuning on "dev" and checking on "held-out"
    compares like with like, and the assignment never depends on the machine or Python version.
    """
    split: dict[str, str] = {}
    for label in sorted(ids_by_label):
        ordered = sorted(ids_by_label[label], key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
        for position, record_id in enumerate(ordered):
            split[record_id] = "dev" if position % 2 == 0 else "held-out"
    return split


def fmt(value: float) -> str:
    """Three-decimal score for tables."""
    return f"{value:.3f}"


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print a table with rich (right-aligned numbers)."""
    from rich.console import Console
    from rich.table import Table

    rows = [[str(cell) for cell in row] for row in rows]
    table = Table(title=title, title_justify="left")
    # Piped output (logs, CI) would otherwise wrap at 80 columns and bury the numbers.
    console = Console() if sys.stdout.isatty() else Console(width=160)
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    console.print(table)


def print_label_report(title: str, report: LabelReport, label_order: Sequence[str] | None = None) -> None:
    """Per-label support/precision/recall/F1 table followed by the totals line."""
    labels = list(label_order) if label_order else sorted(report.per_label)
    labels += [label for label in sorted(report.per_label) if label not in labels]
    rows = []
    for label in labels:
        prf = report.per_label.get(label)
        if prf is None or (not prf.support and not prf.fp):
            continue
        rows.append([label, prf.support, prf.tp + prf.fp, fmt(prf.precision), fmt(prf.recall), fmt(prf.f1)])
    rows.append(["accuracy / macro-F1", report.n, report.n, "", fmt(report.accuracy), fmt(report.macro_f1)])
    print_table(title, ["label", "support", "predicted", "precision", "recall", "F1"], rows)
