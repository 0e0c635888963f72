"""How often events with each evidence feature are exactly right, on the development triple sets.

    .venv/bin/python benchmarks/evidence_precision.py              # every development set
    .venv/bin/python benchmarks/evidence_precision.py --arrivals   # the events each set got on arrival

Why: the confidence model weighs the features of an event's evidence path together; this table shows
each feature alone, the quickest way to see where the coder goes wrong as a class rather than one
sentence at a time ("target:none": an event with no target is almost never a gold triple; "how:purpose":
an act told as another's purpose rarely is). ``--arrivals`` reads ``benchmarks/data/arrival_events.tsv``,
the coder's output on each newer set before any tuning on it, which is the honest view of fresh text.
The held-out sets are never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from arrival_events import read_arrivals  # noqa: E402
from fit_confidence import DEV_SETS, examples  # noqa: E402


def table(rows: list[tuple[tuple[str, ...], bool]], least: int) -> list[tuple[str, int, float]]:
    """(feature, events, share exactly right) for every feature seen at least ``least`` times, worst first."""
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for features, ok in rows:
        for feature in features:
            seen[feature] += 1
            right[feature] += ok
    out = [(f, n, right[f] / n) for f, n in seen.items() if n >= least]
    return sorted(out, key=lambda row: (row[2], -row[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--arrivals", action="store_true", help="the events each set got when it arrived")
    parser.add_argument("--least", type=int, default=15, help="leave out features seen fewer times")
    args = parser.parse_args()
    if args.arrivals:
        rows = [(features, ok) for _, features, ok in read_arrivals()]
        title = "arrival events"
    else:
        rows = [(features, ok) for _, features, ok, _ in examples(list(DEV_SETS))]
        title = "development events"
    if not rows:
        print("no events to read", file=sys.stderr)
        return 1
    print(f"{title}: {len(rows)}, {sum(ok for _, ok in rows) / len(rows):.3f} exactly right")
    print(f"{'feature':<28} {'events':>7} {'exactly right':>14}")
    for feature, n, share in table(rows, args.least):
        print(f"{feature:<28} {n:>7} {share:>14.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
