"""Fit the confidence model (dyad/data/confidence.yaml) on the development triple sets.

    .venv/bin/python benchmarks/fit_confidence.py            # cross-validated figures, file unchanged
    .venv/bin/python benchmarks/fit_confidence.py --write    # ... and write the fitted weights

Every event dyad codes in a development set is a training example: its evidence path (the features
of :func:`dyad.events.confidence.evidence_path`) and whether its triple is exactly in the gold set.
The model is an L2-regularised logistic regression, so a score estimates how often such an event is
exactly right. The script prints, for the current model file and for the new fit, figures from
leave-one-set-out cross-validation (each set scored by a model fitted on the others): the expected
calibration error, the Brier score, the AUC (the chance that a right event outscores a wrong one)
and exact precision per band. The held-out sets are never read.

The development sets are coded better than fresh news, because the coder was tuned on them, so a
fit on them alone promises too much on new text. ``benchmarks/data/arrival_events.tsv`` (written by
``benchmarks/arrival_events.py``) holds each newer set's events as the coder of its arrival coded
them, before any tuning on it: an honest sample of fresh news. The fitted score is recalibrated on
those events (Platt scaling, ``logistic(a + b * logit(score))``), and the two numbers are folded into
the weights, so the model file keeps its form: bias ``a + b * bias`` and weights ``b * weight``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arrival_events import read_arrivals  # noqa: E402

from dyad.eval.petrarch_tests import predicted_triples  # noqa: E402
from dyad.eval.triples import load_triples  # noqa: E402
from dyad.events.confidence import GROUPS, MODEL_FILE, ConfidenceModel  # noqa: E402
from dyad.pipeline import code_batch  # noqa: E402
from dyad.records import Article  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
DEV_SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25")
BANDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)

Example = tuple[str, tuple[str, ...], bool, float]  # set name, features, exactly right, current score


def examples(names: list[str]) -> list[Example]:
    """Code every sentence of the named sets; one example per event."""
    out: list[Example] = []
    for name in names:
        path = DATA / f"{name}_triples.tsv"
        if not path.exists():
            continue
        cases = load_triples(path).cases
        articles = [Article(id=c.key, text=c.text, published=c.published) for c in cases]
        gold = {c.key: c.expected for c in cases}
        for article, events in code_batch(articles):
            for event in events:
                right = bool(predicted_triples([event.to_dict()]) & gold[article.id])
                out.append((name, event.evidence_path, right, event.confidence))
    return out


def fit(rows: list[tuple[tuple[str, ...], bool]], l2: float) -> tuple[float, dict[str, float]]:
    """Newton's method on the L2-penalised log loss (the bias is not penalised)."""
    names = sorted({f for features, _ in rows for f in features})
    index = {f: i + 1 for i, f in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, (features, _) in enumerate(rows):
        for f in features:
            x[r, index[f]] = 1.0
    y = np.array([float(right) for _, right in rows])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    w = newton(x, y, np.zeros(x.shape[1]), penalty, iterations=50, tolerance=1e-8)
    return float(w[0]), {f: float(w[i]) for f, i in index.items()}


def newton(x: np.ndarray, y: np.ndarray, w: np.ndarray, penalty: np.ndarray, iterations: int, tolerance: float) -> np.ndarray:
    """Weights minimising the log loss of ``logistic(x @ w)`` plus ``penalty * w**2 / 2``, from ``w``."""
    w = w.astype(float).copy()
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < tolerance:
            break
    return w


def platt(pairs: list[tuple[float, bool]]) -> tuple[float, float]:
    """(a, b) minimising the log loss of ``logistic(a + b * logit(score))`` against rightness."""
    scores = np.clip(np.array([s for s, _ in pairs]), 1e-6, 1 - 1e-6)
    x = np.column_stack([np.ones(len(pairs)), np.log(scores / (1 - scores))])
    y = np.array([float(r) for _, r in pairs])
    a, b = newton(x, y, np.array([0.0, 1.0]), np.zeros(2), iterations=100, tolerance=1e-9)
    return float(a), float(b)


def fold(bias: float, weights: dict[str, float], a: float, b: float) -> tuple[float, dict[str, float]]:
    """The model whose score is ``logistic(a + b * logit)`` of the given one (before floor and ceiling)."""
    return a + b * bias, {f: b * w for f, w in weights.items()}


def fit_recalibrated(
    rows: list[tuple[tuple[str, ...], bool]], arrivals: list[tuple[tuple[str, ...], bool]], l2: float
) -> tuple[float, dict[str, float]]:
    """Fit on ``rows``, then recalibrate on ``arrivals`` (fresh-news events) when there are any."""
    bias, weights = fit(rows, l2)
    if not arrivals:
        return bias, weights
    model = ConfidenceModel(bias, weights, floor=1e-6, ceiling=1 - 1e-6)
    return fold(bias, weights, *platt([(model.score(f), r) for f, r in arrivals]))


def report(title: str, scored: list[tuple[float, bool]]) -> None:
    n = len(scored)
    brier = sum((s - r) ** 2 for s, r in scored) / n
    right = [s for s, r in scored if r]
    wrong = [s for s, r in scored if not r]
    wins = sum((a > b) + 0.5 * (a == b) for a in right for b in wrong)
    auc = wins / (len(right) * len(wrong)) if right and wrong else float("nan")
    print(f"\n{title}: {n} events, {len(right) / n:.3f} exactly right")
    ece = 0.0
    for low, high in zip(BANDS, BANDS[1:], strict=False):
        band = [(s, r) for s, r in scored if low <= s < high or (high == 1.0 and s == 1.0)]
        if not band:
            continue
        mean = sum(s for s, _ in band) / len(band)
        precision = sum(r for _, r in band) / len(band)
        ece += len(band) / n * abs(mean - precision)
        print(f"  [{low:.1f}, {high:.1f})  n={len(band):4d}  mean score {mean:.2f}  exactly right {precision:.2f}")
    print(f"  ECE {ece:.3f}   Brier {brier:.3f}   AUC {auc:.3f}")


def write(bias: float, weights: dict[str, float], counts: Counter, total: int, fresh: int, path: Path) -> None:
    """Write the fit; a weight the file has for a feature no training event showed (a rare path
    such as an agentless passive) is hand-set, and kept."""
    if path.exists():
        kept = ConfidenceModel.load(path).weights
        weights = {**{f: w for f, w in kept.items() if not counts[f]}, **weights}
    lines = [
        "# Confidence model: how often an event coded along a given evidence path is exactly right.",
        "# score = logistic(bias + the weights of the path's features), kept in [floor, ceiling].",
        "# Fitted by benchmarks/fit_confidence.py (L2 logistic regression) on the development triple",
        f"# sets ({total} coded events), then recalibrated on {fresh} events coded when their set arrived",
        "# (benchmarks/data/arrival_events.tsv), so that scores hold on fresh news, not only on tuned sets.",
        "# A weight below zero marks a path that is more often wrong.",
        "# Each weight's comment gives how many training events had that feature; 'hand-set' marks a",
        "# weight for a path no training event took, which a refit keeps. A missing feature weighs zero.",
        "#   how:    tags the coder set on the path (inherited subject, noun trigger, background ...)",
        "#   source, target: how the actor was resolved (kb, compose, pronoun, place ...; none: no target)",
        "#   root:   the CAMEO root of the code",
        f"bias: {bias:.2f}",
        "floor: 0.05",
        "ceiling: 0.99",
    ]
    for group in GROUPS:
        lines.append(f"{group}:")
        entries = sorted((f.split(":", 1)[1], w, f) for f, w in weights.items() if f.startswith(group + ":"))
        for value, weight, feature in entries:
            key = f'"{value}"' if value.isdigit() else value
            lines.append(f"  {key}: {weight:.2f}  # {counts[feature] or 'hand-set'}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--l2", type=float, default=2.0, help="ridge penalty on each weight")
    parser.add_argument("--write", action="store_true", help=f"write the fit to {MODEL_FILE.name}")
    args = parser.parse_args()
    data = examples(list(DEV_SETS))
    sets = sorted({name for name, *_ in data})
    print(f"{len(data)} events from {len(sets)} sets: {' '.join(sets)}")
    report("current model file", [(score, right) for _, _, right, score in data])
    held: list[tuple[float, bool]] = []
    for name in sets:  # leave one set out
        bias, weights = fit([(f, r) for n, f, r, _ in data if n != name], args.l2)
        model = ConfidenceModel(bias, weights)
        held += [(model.score(f), r) for n, f, r, _ in data if n == name]
    report("new fit, each set scored by a model fitted on the others", held)
    arrivals = read_arrivals()
    if arrivals:
        arrival_sets = sorted({name for name, *_ in arrivals})
        model = ConfidenceModel.load()
        print(f"\n{len(arrivals)} events coded at their set's arrival: {' '.join(arrival_sets)}")
        report("arrival events, current model file", [(model.score(f), r) for _, f, r in arrivals])
        plain: list[tuple[float, bool]] = []
        recalibrated: list[tuple[float, bool]] = []
        for name in arrival_sets:  # leave one set out of the fit, the recalibration and the test
            rows = [(f, r) for n, f, r, _ in data if n != name]
            fresh = [(f, r) for n, f, r in arrivals if n != name]
            tested = [(f, r) for n, f, r in arrivals if n == name]
            plain_model = ConfidenceModel(*fit(rows, args.l2))
            plain += [(plain_model.score(f), r) for f, r in tested]
            model = ConfidenceModel(*fit_recalibrated(rows, fresh, args.l2))
            recalibrated += [(model.score(f), r) for f, r in tested]
        report("arrival events, fit on the other development sets", plain)
        report("arrival events, fit and recalibration on the other sets", recalibrated)
    bias, weights = fit_recalibrated(
        [(f, r) for _, f, r, _ in data], [(f, r) for _, f, r in arrivals], args.l2
    )
    counts = Counter(f for _, features, _, _ in data for f in features)
    if args.write:
        write(bias, weights, counts, len(data), len(arrivals), MODEL_FILE)
        print(f"\nwrote {MODEL_FILE}")
    strongest = sorted(weights.items(), key=lambda kv: kv[1])
    print("\nweights, most distrusted first:", ", ".join(f"{f} {w:+.2f}" for f, w in strongest[:8]))
    print("most trusted:", ", ".join(f"{f} {w:+.2f}" for f, w in strongest[-6:]))
    print(f"bias {bias:+.2f} (a bare path scores {1 / (1 + math.exp(-bias)):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
