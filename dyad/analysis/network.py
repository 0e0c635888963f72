"""The weighted actor network: who acts on whom, how often, how cooperatively.

One directed edge per (source, target) pair, weighted by distinct real-world events (clusters),
with mentions, quad-class counts and Goldstein sum/mean. ``level="country"`` collapses actors to
their country; ``level="actor"`` keeps full actor codes (CHNGOV and CHNMIL are different nodes).
Events without a target (or, at country level, without a country on both sides) have no edge.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from dyad.analysis.series import open_store
from dyad.store import EventFilter, Store

LEVELS = ("country", "actor")
NETWORK_COLUMNS = (
    "source", "target", "events", "mentions", "q1", "q2", "q3", "q4", "goldstein_sum",
    "goldstein_mean", "first_date", "last_date",
)  # fmt: skip


def network(
    db_or_store: Store | str | Path,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    level: str = "country",
) -> pd.DataFrame:
    """Edges as a DataFrame (columns ``NETWORK_COLUMNS``), heaviest first."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use country or actor")
    key = "country" if level == "country" else "code"
    with open_store(db_or_store) as store:
        rows = store.select_rows(EventFilter(since=since, until=until), clusters=True)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        src, tgt = row.get(f"source_{key}"), row.get(f"target_{key}")
        if not src or not tgt:
            continue
        e = edges.setdefault(
            (src, tgt),
            {"events": 0, "mentions": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "g": [], "dates": []},
        )
        e["events"] += 1
        e["mentions"] += int(row.get("matched_records") or 1)
        if row.get("quad_class") in (1, 2, 3, 4):
            e[f"q{row['quad_class']}"] += 1
        if row.get("goldstein") is not None:
            e["g"].append(float(row["goldstein"]))
        if isinstance(row.get("date"), dt.date):
            e["dates"].append(row["date"])
    records = [
        {
            "source": src,
            "target": tgt,
            "events": e["events"],
            "mentions": e["mentions"],
            **{f"q{i}": e[f"q{i}"] for i in range(1, 5)},
            "goldstein_sum": round(sum(e["g"]), 3),
            "goldstein_mean": round(sum(e["g"]) / len(e["g"]), 3) if e["g"] else float("nan"),
            "first_date": min(e["dates"]).isoformat() if e["dates"] else None,
            "last_date": max(e["dates"]).isoformat() if e["dates"] else None,
        }
        for (src, tgt), e in edges.items()
    ]
    records.sort(key=lambda r: (-r["events"], r["source"], r["target"]))
    return pd.DataFrame.from_records(records, columns=list(NETWORK_COLUMNS))


def to_graph(df: pd.DataFrame) -> Any:
    """A networkx DiGraph of the edge table; nodes carry weighted in/out degree (events)."""
    import networkx as nx

    graph = nx.DiGraph()
    for rec in df.to_dict(orient="records"):
        attrs: dict[str, Any] = {}
        for col in NETWORK_COLUMNS[2:]:
            value = rec.get(col)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue  # GraphML has no null; a missing attribute means unknown
            attrs[col] = int(value) if col in ("events", "mentions", "q1", "q2", "q3", "q4") else value
        attrs["weight"] = int(rec["events"])
        graph.add_edge(str(rec["source"]), str(rec["target"]), **attrs)
    for node in graph.nodes:
        graph.nodes[node]["label"] = node
        graph.nodes[node]["events_out"] = int(graph.out_degree(node, weight="weight"))
        graph.nodes[node]["events_in"] = int(graph.in_degree(node, weight="weight"))
    return graph


def write_network(df: pd.DataFrame, path: str | Path) -> Path:
    """Write the network as GraphML (``.graphml``) or node-link JSON (``.json``)."""
    import networkx as nx

    path = Path(path)
    graph = to_graph(df)
    suffix = path.suffix.lower()
    if suffix not in (".graphml", ".json"):
        raise ValueError(f"unknown network file type {path.suffix!r}: use .graphml or .json")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".graphml":
        nx.write_graphml(graph, path)
    else:
        data = nx.node_link_data(graph, edges="links")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
