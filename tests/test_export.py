"""Exports: GDELT 2.0 event and mention tables, PLOVER JSON, flat CSV, Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dyad.records import Actor, Article, Event, Location
from dyad.store import Store
from dyad.store.export import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    flatten_event,
    gdelt_event_id,
)


def _actor(code: str, name: str, text: str) -> Actor:
    return Actor(code=code, country=code[:3], sector=code[3:] or None, name=name, text=text)


def _event(eid: str, article: str, cluster: str, **kw) -> Event:
    base = dict(
        event_id=eid,
        article_id=article,
        sentence_index=0,
        evidence="China's top lawmaker Li Zhanshu met Russian President Vladimir Putin.",
        evidence_span=(9, 78),
        source=_actor("CHNLEG", "Li Zhanshu", "China's top lawmaker Li Zhanshu"),
        target=_actor("RUSGOV", "Vladimir Putin", "Russian President Vladimir Putin"),
        cameo="042",
        cameo_root="04",
        plover="CONSULT",
        goldstein=1.9,
        quad_class=1,
        date="2022-09-07",
        date_precision="day",
        date_text="on Wednesday",
        location=Location("Vladivostok", "RUS", 43.1167, 131.9, 2013348),
        confidence=0.82,
        cluster_id=cluster,
        trigger_span=(41, 44),
    )
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path):
    arts = [
        Article(id="a1", text="BEIJING: " + "x" * 200, published="2022-09-08", source="Xinhua",
                url="https://english.news.cn/1", origin="a1.txt"),
        Article(id="a2", text="MOSCOW: " + "y" * 200, published="2022-09-08", source="TASS",
                url="https://tass.com/2", origin="a2.txt"),
        Article(id="a3", text="Kyiv: " + "z" * 100, published="2022-03-01", source=None, url=None,
                origin="feeds/a3.txt"),
    ]  # fmt: skip
    events = [
        _event("e1", "a1", "K1"),
        _event("e2", "a2", "K1", sentence_index=2, confidence=0.6, location=None),
        _event(
            "e3", "a3", "K2",
            evidence="Russian forces shelled Ukraine.", evidence_span=(6, 37),
            source=_actor("RUSMIL", "Russian Armed Forces", "Russian forces"),
            target=Actor(code="UKR", country="UKR", sector=None, name="Ukraine", text="Ukraine"),
            cameo="190", cameo_root="19", plover="ASSAULT", goldstein=-10.0, quad_class=4,
            date="2022-02-24", date_precision="day", date_text=None, trigger_span=None,
            location=Location("Ukraine", "UKR", 49.0, 32.0, 690791, feature="country"),
        ),
    ]  # fmt: skip
    with Store(tmp_path / "x.duckdb") as s:
        s.add_batch(arts, events)
        yield s


def _gdelt_rows(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = []
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == 61, (len(fields), line)
        rows.append(dict(zip(GDELT_COLUMNS, fields, strict=True)))
    return rows


def test_gdelt_has_61_columns_one_row_per_cluster_right_values(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert store.export("gdelt", out) == 2
    rows = {r["EventCode"]: r for r in _gdelt_rows(out)}
    consult, assault = rows["042"], rows["190"]
    assert consult["GLOBALEVENTID"] == str(gdelt_event_id("K1"))
    assert (consult["SQLDATE"], consult["MonthYear"], consult["Year"]) == ("20220907", "202209", "2022")
    assert consult["FractionDate"] == "2022.6767"
    assert (consult["Actor1Code"], consult["Actor1Name"], consult["Actor1CountryCode"]) == (
        "CHNLEG", "LI ZHANSHU", "CHN",
    )  # fmt: skip
    assert consult["Actor1Type1Code"] == "LEG" and consult["Actor2Type1Code"] == "GOV"
    assert (consult["Actor2Code"], consult["Actor2CountryCode"]) == ("RUSGOV", "RUS")
    assert (consult["EventBaseCode"], consult["EventRootCode"], consult["QuadClass"]) == ("042", "04", "1")
    assert consult["GoldsteinScale"] == "1.9"
    assert (consult["NumMentions"], consult["NumSources"], consult["NumArticles"]) == ("2", "2", "2")
    assert consult["IsRootEvent"] == "1" and consult["AvgTone"] == ""
    assert consult["ActionGeo_Type"] == "4" and consult["ActionGeo_FullName"] == "Vladivostok, Russia"
    assert consult["ActionGeo_CountryCode"] == "RS"  # GDELT geography uses FIPS 10-4 codes
    assert (consult["ActionGeo_Lat"], consult["ActionGeo_Long"]) == ("43.1167", "131.9")
    assert consult["ActionGeo_FeatureID"] == "2013348"
    assert consult["Actor1Geo_Type"] == "0" and consult["Actor1Geo_FullName"] == ""
    assert consult["SOURCEURL"] == "https://english.news.cn/1"  # the representative (most confident) report
    assert len(consult["DATEADDED"]) == 14 and consult["DATEADDED"].isdigit()
    assert assault["Actor1Type1Code"] == "MIL" and assault["Actor2Type1Code"] == ""
    assert assault["GoldsteinScale"] == "-10" and assault["QuadClass"] == "4"
    assert assault["ActionGeo_Type"] == "1" and assault["ActionGeo_CountryCode"] == "UP"
    assert assault["ActionGeo_FeatureID"] == "UP"
    assert assault["SOURCEURL"] == "feeds/a3.txt"  # no URL: where the article came from


def test_gdelt_header_and_filters(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "h.tsv"
    assert store.export("gdelt", out, header=True, source="RUS") == 1
    header, row = out.read_text().splitlines()
    assert header.split("\t") == list(GDELT_COLUMNS)
    assert row.split("\t")[GDELT_COLUMNS.index("EventCode")] == "190"
    frame = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(GDELT_COLUMNS) and frame.loc[0, "Actor1Code"] == "RUSMIL"


def test_gdelt_mentions_table(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "mentions.tsv"
    assert store.export("gdelt-mentions", out) == 3
    rows = [
        dict(zip(GDELT_MENTION_COLUMNS, line.split("\t"), strict=True))
        for line in out.read_text().splitlines()
    ]
    k1 = [r for r in rows if r["GLOBALEVENTID"] == str(gdelt_event_id("K1"))]
    assert sorted(r["MentionSourceName"] for r in k1) == ["TASS", "Xinhua"]
    r1 = next(r for r in k1 if r["MentionSourceName"] == "Xinhua")
    assert r1["SentenceID"] == "1" and r1["ActionCharOffset"] == "41"
    assert r1["Actor1CharOffset"] == "9" and r1["Actor2CharOffset"] == str(9 + 36)
    assert r1["Confidence"] == "82" and r1["MentionDocLen"] == str(len("BEIJING: ") + 200)


def test_plover_json_array_and_jsonl(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    assert store.export("plover", out) == 2
    records = {r["id"]: r for r in json.loads(out.read_text())}
    k1 = records["K1"]
    assert k1["date"] == "2022-09-07" and k1["event"] == ["CONSULT"] and k1["quad_code"] == 1
    assert k1["source"][0]["code"] == "CHN" and k1["source"][0]["sector"] == "LEG"
    assert k1["source"][0]["actor_text"] == "China's top lawmaker Li Zhanshu"
    assert k1["recipient"][0]["identifier_text"] == "Vladimir Putin"
    assert k1["event_loc"]["name"] == "Vladivostok" and k1["event_loc"]["country code"] == "RU"
    assert k1["event_text"] == ["met"]
    assert k1["event_scale"] == 1.9 and k1["cameo"] == "042" and k1["num_sources"] == 2
    assert k1["text_info"] == {"sequence": 0, "start": 9, "end": 78}
    assert k1["cite_info"]["url"] == "https://english.news.cn/1"
    jl = tmp_path / "p.jsonl"
    assert store.export("plover", jl, clusters=False) == 3
    lines = [json.loads(line) for line in jl.read_text().splitlines()]
    assert sorted(r["id"] for r in lines) == ["e1", "e2", "e3"]


def test_csv_flat(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert store.export("csv", out) == 3
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(FLAT_COLUMNS)
    by_id = {r["event_id"]: r for r in rows}
    assert by_id["e1"]["source_code"] == "CHNLEG" and by_id["e1"]["location_lat"] == "43.1167"
    assert by_id["e1"]["evidence"].startswith("China's top lawmaker") and by_id["e1"]["num_mentions"] == "2"
    assert by_id["e3"]["target_sector"] == "" and by_id["e3"]["outlet"] == ""
    assert store.export("csv", tmp_path / "c.csv", clusters=True) == 2


def test_parquet_readable_by_pandas_and_pyarrow(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    assert store.export("parquet", out, plover="ASSAULT") == 1
    table = pq.read_table(out)
    assert table.column_names == list(FLAT_COLUMNS)
    frame = pd.read_parquet(out)
    assert len(frame) == 1 and frame.loc[0, "event_id"] == "e3" and frame.loc[0, "goldstein"] == -10.0
    assert str(frame.loc[0, "date"]) == "2022-02-24"


def test_jsonl_matches_query_and_flatten(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert store.export("jsonl", out) == 3
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == json.loads(json.dumps(store.query_events()))
    flat = flatten_event(lines[0])
    assert list(flat) == list(FLAT_COLUMNS) and flat["source_code"] == lines[0]["source"]["code"]
    assert flat["evidence_start"] == lines[0]["evidence_span"][0]


def test_unknown_format_and_option(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        store.export("xml", tmp_path / "x")
    with pytest.raises(TypeError, match="unknown export option"):
        store.export("csv", tmp_path / "x", colour="red")


def test_empty_store_exports_empty_files(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as s:
        assert s.export("gdelt", tmp_path / "g.tsv") == 0
        assert (tmp_path / "g.tsv").read_text() == ""
        assert s.export("plover", tmp_path / "p.json") == 0
        assert json.loads((tmp_path / "p.json").read_text()) == []
        assert s.export("parquet", tmp_path / "p.parquet") == 0
        assert pd.read_parquet(tmp_path / "p.parquet").empty
