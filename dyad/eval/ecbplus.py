"""Story grouping measured on ECB+ (topics 1-35): B-cubed precision, recall and F1.

Each ECB+ topic holds two sub-topics -- the original ECB documents and the added ECB+ ones --
that describe two *different* real events of the same kind (two earthquakes, two rehab
check-ins). The gold group of a document is (topic, sub-topic). All documents of all topics are
grouped in one stateless run (the grouping is never told the topic), in a fixed shuffled order
so that the result does not lean on the corpus' file order. Thresholds are tuned on odd topics;
even topics are the held-out half.

Text is rebuilt from the CAT XML tokens. The first line of an ECB+ document is often its source
URL, whose slug names the event: it is dropped so that the measure is about the article text.
Documents carry no publication date here, so the date window plays no part.

Usage: ``python -m dyad.eval.ecbplus [DATA_DIR] [--threshold T]``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from dyad.records import Article

DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ecbplus"
_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    for k, v in _ENTITIES.items():
        text = text.replace(k, v)
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" ([.,:;!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return re.sub(r" ('s|'t|n't|'re|'ve|'ll|'d)\b", r"\1", text)


def load_documents(data_dir: Path) -> list[tuple[Article, tuple[int, str]]]:
    """Every document of topics 1-35 as (Article, gold group (topic, 'ecb'|'ecbplus'))."""
    docs: list[tuple[Article, tuple[int, str]]] = []
    for path in sorted(data_dir.glob("*/*.xml")):
        m = _NAME.match(path.name)
        if not m or not 1 <= int(m.group(1)) <= 35:
            continue
        sents: dict[int, list[str]] = defaultdict(list)
        for sid, tok in _TOKEN.findall(path.read_text(encoding="utf-8", errors="replace")):
            sents[int(sid)].append(tok)
        lines = [_detokenize(sents[k]) for k in sorted(sents)]
        if lines and lines[0].replace(" ", "").startswith("http"):
            lines = lines[1:]
        docs.append((Article(id=path.stem, text="\n".join(lines)), (int(m.group(1)), m.group(3))))
    return docs


def bcubed(pred: dict[str, str], gold: dict[str, object]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items of ``gold``."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[object, set[str]] = defaultdict(set)
    for item in gold:
        by_pred[pred[item]].add(item)
        by_gold[gold[item]].add(item)
    p = r = 0.0
    for item in gold:
        pc, gc = by_pred[pred[item]], by_gold[gold[item]]
        both = len(pc & gc)
        p += both / len(pc)
        r += both / len(gc)
    n = len(gold) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _order_key(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode()).hexdigest()


def evaluate(data_dir: Path, **options: object) -> dict[str, tuple[float, float, float]]:
    """Group all documents at once; score odd topics, even topics and all."""
    from dyad.dedup.stories import group_stories

    docs = load_documents(data_dir)
    docs.sort(key=lambda d: _order_key(d[0].id))
    lines = group_stories([a for a, _ in docs], **options)
    pred = {ln["article_id"]: ln["story_id"] for ln in lines}
    gold = {a.id: g for a, g in docs}
    out = {}
    for name, keep in (("odd", 1), ("even", 0), ("all", None)):
        sub = {k: v for k, v in gold.items() if keep is None or v[0] % 2 == keep}  # type: ignore[index]
        out[name] = bcubed(pred, sub)
    topic_only = {k: str(v[0]) for k, v in gold.items()}  # type: ignore[index]
    out["baseline: topic alone (all)"] = bcubed(topic_only, gold)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--threshold", type=float, default=None, help="story cosine threshold")
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        print(f"ECB+ data not found at {args.data_dir}: skipped", file=sys.stderr)
        return 0
    options = {} if args.threshold is None else {"story_threshold": args.threshold}
    t0 = time.perf_counter()
    res = evaluate(args.data_dir, **options)
    dt = time.perf_counter() - t0
    print(f"{'topics':<28} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}")
    for name, (p, r, f) in res.items():
        print(f"{name:<28} {p:6.3f} {r:6.3f} {f:6.3f}")
    print(f"({dt:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
