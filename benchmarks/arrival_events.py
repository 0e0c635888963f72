"""Record how the coder did on a development set when the set arrived, before anyone tuned on it.

    .venv/bin/python benchmarks/arrival_events.py dev16 REV    # REV: the commit the set arrived at

Why: every development set is coded better after rounds of work on it than fresh news ever is, so a
confidence model fitted only on today's development output promises too much on new text. The coder's
output on a set at arrival is the honest sample of fresh news: this script checks out ``REV`` into a
temporary git worktree, codes ``benchmarks/data/SET_triples.tsv`` (today's gold file) with that code,
and appends one line per event to ``benchmarks/data/arrival_events.tsv``: the set, the revision,
whether the event's triple is exactly in the gold, and its evidence path. Lines already recorded for
the set are replaced. ``benchmarks/fit_confidence.py`` recalibrates the model on these lines.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
ARRIVALS = DATA / "arrival_events.tsv"
HEADER = "# set\trevision\tright\tevidence path (features separated by spaces)"

# Run inside the worktree's interpreter path: the old code codes today's gold file.
CODE_SET = """
import json, sys
from pathlib import Path
from dyad.eval.petrarch_tests import predicted_triples
from dyad.eval.triples import load_triples
from dyad.pipeline import code_batch
from dyad.records import Article
cases = load_triples(Path(sys.argv[1])).cases
gold = {c.key: c.expected for c in cases}
for article, events in code_batch([Article(id=c.key, text=c.text, published=c.published) for c in cases]):
    for event in events:
        right = bool(predicted_triples([event.to_dict()]) & gold[article.id])
        print(json.dumps([right, list(event.evidence_path)]))
"""


def read_arrivals(path: Path = ARRIVALS) -> list[tuple[str, tuple[str, ...], bool]]:
    """(set, evidence path, exactly right) per recorded event; comments and blank lines skipped."""
    rows = []
    if not path.exists():
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[2] not in ("0", "1"):
            raise ValueError(f"{path}:{number}: expected set, revision, 0/1 and features, tab-separated")
        rows.append((fields[0], tuple(fields[3].split()), fields[2] == "1"))
    return rows


def code_at(revision: str, gold: Path) -> list[tuple[bool, list[str]]]:
    """Code ``gold`` with the dyad of ``revision``, in a throwaway worktree."""
    with tempfile.TemporaryDirectory(prefix="dyad-arrival-") as scratch:
        tree = Path(scratch) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), revision], check=True)
        try:
            # run from the scratch folder so that the worktree, not this checkout, is imported
            out = subprocess.run(
                [sys.executable, "-c", CODE_SET, str(gold)], cwd=scratch, check=True, capture_output=True,
                text=True, env={**os.environ, "PYTHONPATH": str(tree)},
            ).stdout
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    return [tuple(json.loads(line)) for line in out.splitlines() if line.startswith("[")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", help="development set name, e.g. dev16")
    parser.add_argument("revision", help="the commit the set arrived at (its code never saw the set)")
    args = parser.parse_args()
    gold = DATA / f"{args.set}_triples.tsv"
    if not gold.exists():
        print(f"no gold file {gold}")
        return 2
    revision = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.revision], check=True,
                              capture_output=True, text=True).stdout.strip()
    events = code_at(revision, gold)
    kept = [line for line in (ARRIVALS.read_text(encoding="utf-8").splitlines() if ARRIVALS.exists() else [])
            if line.strip() and not line.startswith("#") and line.split("\t")[0] != args.set]
    new = [f"{args.set}\t{revision}\t{int(right)}\t{' '.join(features)}" for right, features in events]
    ARRIVALS.write_text("\n".join([HEADER, *kept, *new]) + "\n", encoding="utf-8")
    right = sum(r for r, _ in events)
    print(f"{args.set} at {revision}: {len(events)} events, {right} exactly right; wrote {ARRIVALS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
