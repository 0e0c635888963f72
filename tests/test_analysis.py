"""Analysis: series bucketing and counting, the PNG chart, the actor network and its files."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import networkx as nx
import pytest

import dyad.analysis
from dyad.analysis import network, plot_series, series, write_network
from dyad.records import Actor, Article, Event
from dyad.store import Store

QUAD = {"04": 1, "05": 1, "06": 2, "11": 3, "19": 4}


def _actor(code: str) -> Actor:
    return Actor(code=code, country=code[:3], sector=code[3:] or None, name=code, text=code)


def _event(
    eid: str, article: str, src: str, tgt: str, cameo: str, date: str, goldstein: float, cluster: str
) -> Event:
    return Event(
        event_id=eid,
        article_id=article,
        sentence_index=0,
        evidence=f"sentence {eid}",
        evidence_span=(0, 10),
        source=_actor(src),
        target=_actor(tgt),
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=None,
        goldstein=goldstein,
        quad_class=QUAD[cameo[:2]],
        date=date,
        date_precision="day",
        cluster_id=cluster,
        confidence=0.8,
    )


@pytest.fixture
def store(tmp_path: Path):
    rows = [
        # id, src, tgt, cameo, date, goldstein, cluster
        ("e1", "CHNGOV", "RUSGOV", "042", "2022-01-03", 1.9, "K1"),  # Monday of 2022-W01
        ("e1b", "CHNGOV", "RUSGOV", "042", "2022-01-03", 1.9, "K1"),  # same event, another outlet
        ("e1c", "CHN", "RUS", "042", "2022-01-04", 1.9, "K1"),  # ... and a third (date differs)
        ("e2", "CHNGOV", "RUSGOV", "111", "2022-01-09", -2.0, "K2"),  # Sunday: still W01
        ("e3", "RUSGOV", "CHNGOV", "051", "2022-01-10", 3.4, "K3"),  # Monday: W02, reverse
        ("e4", "CHNMIL", "RUSMIL", "061", "2022-03-15", 6.4, "K4"),  # March (Feb empty)
        ("e5", "RUSMIL", "UKRMIL", "190", "2022-02-24", -10.0, "K5"),  # another dyad
    ]
    arts = [Article(id=f"a_{r[0]}", text=f"text of {r[0]}", source=f"outlet{i}") for i, r in enumerate(rows)]
    events = [_event(r[0], f"a_{r[0]}", *r[1:]) for r in rows]
    with Store(tmp_path / "a.duckdb") as s:
        s.add_batch(arts, events)
        yield s


def test_month_series_fills_empty_months_and_counts_clusters(store: Store) -> None:
    df = series(store, "CHN", "RUS", by="month")
    assert list(df["period"]) == ["2022-01", "2022-02", "2022-03"]
    jan, feb, mar = (df.iloc[i] for i in range(3))
    assert jan["events"] == 2 and jan["mentions"] == 4  # K1 (3 reports) + K2; K3 goes the other way
    assert (jan["q1"], jan["q3"]) == (1, 1)
    assert jan["goldstein_sum"] == pytest.approx(-0.1) and jan["goldstein_mean"] == pytest.approx(-0.05)
    assert feb["events"] == 0 and feb["mentions"] == 0 and feb["goldstein_sum"] == 0
    assert math.isnan(feb["goldstein_mean"])
    assert mar["events"] == 1 and mar["q2"] == 1 and mar["start"] == dt.date(2022, 3, 1)


def test_both_directions(store: Store) -> None:
    df = series(store, "CHN", "RUS", by="month", both=True)
    assert df.iloc[0]["events"] == 3 and df.iloc[0]["q1"] == 2
    assert series(store, "RUS", "CHN", by="month")["events"].tolist() == [1]


def test_week_and_day_buckets(store: Store) -> None:
    weeks = series(store, "CHN", "RUS", by="week", since="2022-01-01", until="2022-01-31")
    assert list(weeks["period"]) == ["2022-W01"]  # Monday 3rd .. Sunday 9th
    assert weeks.iloc[0]["start"] == dt.date(2022, 1, 3) and weeks.iloc[0]["events"] == 2
    both = series(store, "CHN", "RUS", by="week", both=True, until="2022-01-31")
    assert list(both["period"]) == ["2022-W01", "2022-W02"] and both["events"].tolist() == [2, 1]
    days = series(store, "CHN", "RUS", by="day", until="2022-01-31")
    assert days["period"].tolist()[0] == "2022-01-03" and len(days) == 7  # 3rd..9th, zeros between
    assert days["events"].tolist() == [1, 0, 0, 0, 0, 0, 1]


def test_series_from_path_and_empty(store: Store, tmp_path: Path) -> None:
    path = Path(store.path)
    store.close()
    df = series(path, "RUS", "UKR")
    assert df["events"].tolist() == [1] and df.iloc[0]["q4"] == 1
    empty = series(path, "USA", "CHN")
    assert empty.empty and "goldstein_mean" in empty.columns
    with pytest.raises(ValueError):
        series(path, "CHN", "RUS", by="year")
    with pytest.raises(FileNotFoundError):
        series(tmp_path / "missing.duckdb", "CHN", "RUS")


def test_plot_series_writes_png(store: Store, tmp_path: Path) -> None:
    out = plot_series(
        series(store, "CHN", "RUS", by="week", both=True), tmp_path / "s.png", title="CHN <-> RUS"
    )
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 5000
    empty = plot_series(series(store, "USA", "CHN"), tmp_path / "e.png")
    assert empty.read_bytes()[:4] == b"\x89PNG"


def test_network_country_and_actor_levels(store: Store) -> None:
    df = network(store)
    edges = {(r.source, r.target): r for r in df.itertuples()}
    assert set(edges) == {("CHN", "RUS"), ("RUS", "CHN"), ("RUS", "UKR")}
    chn_rus = edges[("CHN", "RUS")]
    assert chn_rus.events == 3 and chn_rus.mentions == 5  # K1 (3 reports), K2, K4
    assert (chn_rus.q1, chn_rus.q2, chn_rus.q3) == (1, 1, 1)
    assert chn_rus.goldstein_mean == pytest.approx((1.9 - 2.0 + 6.4) / 3, abs=1e-3)
    assert df.iloc[0]["source"] == "CHN"  # heaviest first
    actors = network(store, level="actor")
    assert ("CHNMIL", "RUSMIL") in {(r.source, r.target) for r in actors.itertuples()}
    march = network(store, since="2022-03-01", until="2022-03-31")
    assert march[["source", "target", "events"]].values.tolist() == [["CHN", "RUS", 1]]
    with pytest.raises(ValueError):
        network(store, level="planet")


def test_write_network_graphml_and_json(store: Store, tmp_path: Path) -> None:
    df = network(store)
    g = nx.read_graphml(write_network(df, tmp_path / "n.graphml"))
    assert g.is_directed() and g.number_of_edges() == 3
    assert int(g["CHN"]["RUS"]["events"]) == 3 and float(g["RUS"]["UKR"]["goldstein_mean"]) == -10.0
    assert int(g.nodes["RUS"]["events_out"]) == 2
    data = json.loads(write_network(df, tmp_path / "n.json").read_text())
    assert {(e["source"], e["target"]) for e in data["links"]} == {
        ("CHN", "RUS"),
        ("RUS", "CHN"),
        ("RUS", "UKR"),
    }
    with pytest.raises(ValueError):
        write_network(df, tmp_path / "n.txt")


def test_package_exports() -> None:
    assert dyad.analysis.series is series and dyad.analysis.network is network
