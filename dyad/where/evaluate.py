"""Measure ``place_for_event`` on the PLOVER gold-standard records that carry an event location.

The PLOVER GSR (../shared/data/plover_gsr/PLOVER_GSR_CAMEO.json) has 48 sentences with
``eventLoc`` ({"name": "Geneva", "country code": "CH"}). The trigger is the first word of
``eventText`` found in the sentence; actor countries come from the source/target codes.
A prediction counts as right when its name, or one of the gazetteer's alternate names for
it, matches the gold name's last word ("town of Rafah" -> Rafah; "Khatmandu" -> Kathmandu).

Usage: ``python -m dyad.where.evaluate [PATH]`` (skips cleanly when the data is absent).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_PATH = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
)


def _codes(actors: object) -> list[str]:
    out: list[str] = []
    for a in actors if isinstance(actors, list) else [actors]:
        if isinstance(a, dict) and isinstance(a.get("code"), str) and len(a["code"]) == 3:
            out.append(a["code"])
    return out


def evaluate(path: Path) -> tuple[int, int, int, list[str]]:
    """(right, predicted, gold, report lines) over the records with an event location."""
    from dyad.nlp import load_nlp
    from dyad.where import load_gazetteer, place_for_event
    from dyad.where.gazetteer import fold

    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("eventLoc") and r.get("text")]
    nlp, gz = load_nlp(), load_gazetteer()
    right = predicted = 0
    lines: list[str] = []
    for r in records:
        doc = nlp(r["text"])
        words = str(r.get("eventText", "")).split()
        trig = next((t.i for w in words for t in doc if t.lower_ == w.lower()), None)
        if trig is None:
            trig = next(t.i for t in doc if t.dep_ == "ROOT")
        loc = place_for_event(doc, trig, _codes(r.get("source")) + _codes(r.get("target")), r["text"])
        gold = str(r["eventLoc"].get("name", ""))
        key = fold(gold.split()[-1])
        ok = False
        if loc is not None:
            predicted += 1
            names = {fold(loc.name)} | {
                alias
                for alias, cities in gz.city_aliases.items()
                if any(c.geonameid == loc.geonameid for c in cities)
            }
            same_country = loc.feature == "country" and gz.country_of_name(gold) == loc.country
            ok = (
                key in names
                or loc.name.lower() in gold.lower()
                or key in loc.name.lower().split()
                or same_country
            )
            right += ok
        lines.append(
            f"{'ok ' if ok else 'ERR'} gold={gold!r:<22} got={loc.name if loc else None!r:<16} | {r['text'][:90]}"
        )
    return right, predicted, len(records), lines


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else DEFAULT_PATH
    if not path.exists():
        print(f"PLOVER GSR not found at {path}; skipping.")
        return 0
    right, predicted, gold, lines = evaluate(path)
    print("\n".join(lines))
    print(
        f"\nprecision {right}/{predicted} = {right / max(predicted, 1):.3f}   recall {right}/{gold} = {right / gold:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
