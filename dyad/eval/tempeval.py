"""Score ``dyad.when.resolve_date`` on TempEval-3 (TimeBank + AQUAINT, TimeML).

Every TIMEX3 of type DATE is resolved against its document's creation time (DCT) and
compared, as a string, with the gold ``value``. Two scores are printed:

* overall: every DATE timex. Gold values outside the contract's precisions
  ("PRESENT_REF", "1998-Q3", "1998-SU", "XXXX-...", times, durations) always count as
  misses, since ``resolve_date`` never produces them: the honest lower bound.
* day/week/month/year gold: the subset whose gold value is a day, ISO week, month or
  year ("1998-08-07", "1998-W32", "1998-08", "1998").
* resolver-targeted: that subset minus expressions anchored to another time in the text
  ("the following month", "that year") and forms the resolver does not attempt
  (kind "other": "the year", "year-end", spoken numbers "nineteen ninety-six").

Split: TimeBank is the development half (errors there were looked at while writing the
resolver); AQUAINT is held out (only its score was read). Both are printed.

Tense: a cheap regex over the TIMEX's sentence ("will", "'ll", "shall", "next",
"scheduled", "expected to", "plans to", "going to") -> "future", else None.

Usage: ``python -m dyad.eval.tempeval [DATA_DIR] [--errors N]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from dyad.when.resolve import resolve_date

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "tempeval3"
SPLITS = {"TimeBank": "dev", "AQUAINT": "held-out"}
TARGET_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?")
FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|scheduled|expected to|plans? to|planning to|going to)\b", re.IGNORECASE
)
# Expressions anchored to another time in the text, not to the DCT: outside what resolve_date can do.
ANAPHORIC = re.compile(
    r"\b(?:following|previous|preceding|prior|that|same|then|the (?:day|week|month|year))\b", re.I
)
TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


@dataclass(slots=True)
class Timex:
    doc: str
    corpus: str
    text: str
    value: str
    dct: str
    sentence: str


def _attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\b{name}="([^"]*)"', attrs)
    return m.group(1) if m else None


def _sentence_around(raw: str, start: int, end: int) -> str:
    left = TAG.sub("", raw[:start])
    right = TAG.sub("", raw[end:])
    left = re.split(r"(?:[.!?]\s+|\n\s*\n)", left)[-1]
    right = re.split(r"(?:[.!?](?:\s|$)|\n\s*\n)", right, maxsplit=1)[0]
    return " ".join((left + TAG.sub("", raw[start:end]) + right).split())


def read_timexes(data_dir: Path) -> Iterator[Timex]:
    """DATE timexes of every .tml file under ``data_dir``; a broken file is reported and skipped."""
    for path in sorted(data_dir.rglob("*.tml")):
        corpus = next((p for p in path.parts if p in SPLITS), path.parent.name)
        try:
            raw = path.read_text(encoding="utf-8")
            root = ET.fromstring(raw)
        except (OSError, ET.ParseError, UnicodeDecodeError) as exc:
            print(f"{path}: skipped ({exc})", file=sys.stderr)
            continue
        dct = next(
            (
                t.get("value", "")
                for t in root.iter("TIMEX3")
                if t.get("functionInDocument") == "CREATION_TIME"
            ),
            "",
        )
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
        body = m.group(1) if m else ""
        for tm in TIMEX.finditer(body):
            attrs = tm.group(1)
            if _attr(attrs, "type") != "DATE" or _attr(attrs, "functionInDocument") == "CREATION_TIME":
                continue
            yield Timex(
                doc=path.stem,
                corpus=corpus,
                text=" ".join(TAG.sub("", tm.group(2)).split()),
                value=_attr(attrs, "value") or "",
                dct=dct[:10],
                sentence=_sentence_around(body, tm.start(), tm.end()),
            )


def kind_of(text: str) -> str:
    """A coarse label of the expression's form, for the breakdown table."""
    t = text.lower()
    if re.search(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", t):
        return "weekday"
    if re.search(r"\b(?:today|tonight|yesterday|tomorrow)\b", t):
        return "day word"
    if re.search(r"\b(?:ago|earlier|later|before)\b", t) and re.search(r"\b(?:day|week|month|year)s?\b", t):
        return "count ago/earlier"
    if re.search(
        r"\b(?:this|last|next|past|coming|following|previous|current)\b.*\b(?:week|month|year|weekend)\b", t
    ):
        return "deictic unit"
    if re.search(r"\bquarter\b|\bhalf\b|\bq\d\b", t):
        return "quarter/half"
    if re.search(r"\b(?:spring|summer|fall|autumn|winter)\b", t):
        return "season"
    month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    if re.search(rf"\b{month}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{month}", t):
        return "month day"
    if re.search(rf"\b{month}\b", t):
        return "month"
    if re.fullmatch(r"(?:in |the year |fiscal )?\d{4}s?", t):
        return "year" if not t.endswith("s") else "decade"
    if re.search(r"\b(?:now|current|currently|recent|recently|future|past|soon|present|today's)\b", t):
        return "vague ref"
    return "other"


def evaluate(timexes: Sequence[Timex]) -> dict[str, object]:
    """Per split: overall and targeted accuracy, per-kind counts, error list."""
    out: dict[str, object] = {}
    by_split: dict[str, list[tuple[Timex, str | None]]] = defaultdict(list)
    for t in timexes:
        tense = "future" if FUTURE_CUE.search(t.sentence) else None
        res = resolve_date(t.text, published=t.dct, tense=tense)
        by_split[SPLITS.get(t.corpus, t.corpus)].append((t, res[0] if res else None))
    for split, rows in sorted(by_split.items()):
        targeted = [(t, v) for t, v in rows if TARGET_VALUE.fullmatch(t.value)]
        resolvable = [
            (t, v) for t, v in targeted if kind_of(t.text) != "other" and not ANAPHORIC.search(t.text)
        ]
        kinds: dict[str, Counter[str]] = defaultdict(Counter)
        for t, v in targeted:
            kinds[kind_of(t.text)]["n"] += 1
            kinds[kind_of(t.text)]["ok"] += v == t.value
        out[split] = {
            "overall": (sum(v == t.value for t, v in rows), len(rows)),
            "targeted": (sum(v == t.value for t, v in targeted), len(targeted)),
            "resolvable": (sum(v == t.value for t, v in resolvable), len(resolvable)),
            "declined_untargeted": (
                sum(v is None for t, v in rows if not TARGET_VALUE.fullmatch(t.value)),
                len(rows) - len(targeted),
            ),
            "kinds": kinds,
            "errors": [(t, v) for t, v in targeted if v != t.value],
        }
    return out


def _pct(pair: tuple[int, int]) -> str:
    ok, n = pair
    return f"{ok / n:.3f} ({ok}/{n})" if n else "n/a"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--errors", type=int, default=15, help="top errors to list per split")
    ap.add_argument("--split", choices=["dev", "held-out", "all"], default="all", help="which errors to list")
    args = ap.parse_args(argv)
    if not args.data_dir.exists():
        print(f"TempEval-3 data not found at {args.data_dir}; skipping.")
        return 0
    results = evaluate(list(read_timexes(args.data_dir)))
    print(
        f"{'split':<10} {'resolver-targeted':<20} {'day/week/month/year gold':<26} {'overall (all DATE)':<20}"
    )
    for split, r in results.items():
        assert isinstance(r, dict)
        print(f"{split:<10} {_pct(r['resolvable']):<20} {_pct(r['targeted']):<26} {_pct(r['overall']):<20}")
    print(
        "resolver-targeted = gold value at day/ISO-week/month/year precision, expression of a kind the\n"
        "resolver handles (not 'other'), and not anaphoric ('the following month', 'that year')."
    )
    for split, r in results.items():
        assert isinstance(r, dict)
        ok, n = r["declined_untargeted"]
        print(f"\n[{split}] untargeted gold values (REF/quarter/season/X) correctly given None: {ok}/{n}")
        print(f"{'kind':<20} {'n':>5} {'acc':>7}")
        for kind, c in sorted(r["kinds"].items(), key=lambda kv: -kv[1]["n"]):
            print(f"{kind:<20} {c['n']:>5} {c['ok'] / c['n']:>7.3f}")
        if args.split in (split, "all") and args.errors:
            print(f"top errors ({split}):")
            for t, v in r["errors"][: args.errors]:
                print(f"  {t.text!r:<28} dct={t.dct} gold={t.value:<11} got={v}  | {t.sentence[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
