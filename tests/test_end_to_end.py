"""End to end on the bundled example corpus (examples/seeds), through the real CLI.

Expectations come from reading the five articles, not from the coder's output."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from tests.conftest import EXAMPLE_CORPUS

runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "dyad.duckdb"
    result = invoke("run", str(EXAMPLE_CORPUS), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def stored_events(db: Path, *filters: str) -> list[dict]:
    result = invoke("events", "--db", str(db), "--format", "jsonl", *filters)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def pair(event: dict) -> set[str | None]:
    return {event["source"]["name"], (event["target"] or {}).get("name")}


def test_run_stores_articles_and_prints_timeline(seeded_db: Path):
    con = duckdb.connect(str(seeded_db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 5
    n_events = con.execute("select count(*) from events").fetchone()[0]
    n_mentions = con.execute("select count(*) from mentions").fetchone()[0]
    con.close()
    assert n_events >= 15
    assert n_mentions >= n_events


def test_li_zhanshu_meets_putin_in_vladivostok(seeded_db: Path):
    events = [e for e in stored_events(seeded_db, "--actor", "Li Zhanshu") if e["cameo_root"] == "04"]
    with_putin = [e for e in events if pair(e) == {"Li Zhanshu", "Vladimir Putin"}]
    assert with_putin, events
    e = with_putin[0]
    assert e["date"] == "2022-09-07"
    codes = {e["source"]["code"], e["target"]["code"]}
    assert codes == {"CHNLEG", "RUSGOV"}
    assert any((x.get("location") or {}).get("name") == "Vladivostok" for x in events)


def test_li_qiang_mishustin_meeting_is_one_event_from_two_sources(seeded_db: Path):
    events = [
        e for e in stored_events(seeded_db, "--since", "2024-08-21", "--until", "2024-08-21")
        if pair(e) == {"Li Qiang", "Mikhail Mishustin"} and e["cameo_root"] == "04"
    ]
    assert {e["article_id"][:3] for e in events} == {"001", "003"}, events
    assert len({e["cluster_id"] for e in events}) == 1
    assert {e["source"]["code"] for e in events} | {e["target"]["code"] for e in events} == {"CHNGOV", "RUSGOV"}


def test_negated_and_debris_sentences_yield_no_event(seeded_db: Path):
    events = stored_events(seeded_db)
    evidence = " ".join(e["evidence"] for e in events)
    assert "has not condemned the invasion" not in evidence
    assert "no evidence that China provided military aid" not in evidence
    assert "UN experts argue" not in evidence  # related-article headline at the end of seed 000
    assert "Foreign businesses in China fighting" not in evidence


def test_evidence_spans_point_into_the_stored_cleaned_text(seeded_db: Path):
    con = duckdb.connect(str(seeded_db), read_only=True)
    texts = dict(con.execute("select id, text from articles").fetchall())
    con.close()
    for e in stored_events(seeded_db):
        start, end = e["evidence_span"]
        assert texts[e["article_id"]][start:end] == e["evidence"]


def test_rerun_adds_nothing(seeded_db: Path):
    con = duckdb.connect(str(seeded_db), read_only=True)
    before = [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "events", "mentions")]
    con.close()
    result = invoke("run", str(EXAMPLE_CORPUS), "--db", str(seeded_db))
    assert result.exit_code == 0
    assert "5 already stored" in result.stderr
    con = duckdb.connect(str(seeded_db), read_only=True)
    after = [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "events", "mentions")]
    con.close()
    assert after == before


def test_event_filters_and_formats(seeded_db: Path):
    chn_rus = stored_events(seeded_db, "--source", "CHN", "--target", "RUS")
    assert chn_rus and all(e["source"]["country"] == "CHN" and e["target"]["country"] == "RUS" for e in chn_rus)
    consult = stored_events(seeded_db, "--plover", "CONSULT")
    assert consult and all(e["plover"] == "CONSULT" for e in consult)
    assert all(e["cameo_root"] == "05" for e in stored_events(seeded_db, "--root", "05"))
    limited = stored_events(seeded_db, "--limit", "2")
    assert len(limited) == 2
    result = invoke("events", "--db", str(seeded_db), "--format", "csv", "--source", "RUS")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["source_country"] == "RUS" for r in rows)


def test_exports(seeded_db: Path, tmp_path: Path):
    gdelt = tmp_path / "events.tsv"
    assert invoke("export", "--db", str(seeded_db), "--format", "gdelt", "-o", str(gdelt)).exit_code == 0
    rows = [line.split("\t") for line in gdelt.read_text().splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    for fmt, name in (("plover", "events.json"), ("csv", "events.csv"), ("parquet", "events.parquet")):
        out = tmp_path / name
        assert invoke("export", "--db", str(seeded_db), "--format", fmt, "-o", str(out)).exit_code == 0
        assert out.stat().st_size > 100
    import pandas as pd

    assert len(pd.read_parquet(tmp_path / "events.parquet")) == len(rows) or len(rows) > 0


def test_series_and_network_commands(seeded_db: Path, tmp_path: Path):
    png = tmp_path / "chn_rus.png"
    result = invoke("series", "--db", str(seeded_db), "--source", "CHN", "--target", "RUS", "--by", "month",
                    "--both", "--plot", str(png), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "2024-08" in result.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    graph = tmp_path / "net.graphml"
    assert invoke("network", "--db", str(seeded_db), "-o", str(graph)).exit_code == 0
    import networkx as nx

    g = nx.read_graphml(graph)
    assert g.has_node("CHN") and g.has_node("RUS")


def test_code_reads_jsonl_from_stdin():
    text = (EXAMPLE_CORPUS / "003_6b3e7d6caff0f75d.txt").read_text(encoding="utf-8")
    line = json.dumps({"id": "x1", "text": text, "published": "2024-08-21"})
    result = invoke("code", input=line + "\n")
    assert result.exit_code == 0, result.output
    events = [json.loads(x) for x in result.stdout.splitlines()]
    assert events
    required = {"event_id", "article_id", "cluster_id", "sentence_index", "evidence", "evidence_span", "date",
                "date_precision", "date_text", "source", "target", "cameo", "cameo_root", "plover", "goldstein",
                "quad_class", "modality", "negated", "location", "confidence"}
    assert all(required <= set(e) for e in events)
    assert all(0.0 <= e["confidence"] <= 1.0 for e in events)


def test_bad_input_is_reported_and_the_rest_processed(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLE_CORPUS / "004_c082953bc7ab4014.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "articles.jsonl").write_text(
        '{"id": "ok", "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.", '
        '"published": "2024-05-16"}\n{not json}\n{"text": "no id"}\n'
    )
    db = tmp_path / "bad.duckdb"
    result = invoke("run", str(folder), str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "empty.txt" in err and "binary.txt" in err and "missing.txt" in err
    assert "articles.jsonl:2" in err and "articles.jsonl:3" in err
    assert "2 articles read" in err
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 2
    con.close()


def test_missing_input_alone_fails_clearly(tmp_path: Path):
    result = invoke("run", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code != 0
    assert "nope" in result.stderr


def test_python_api_code_and_resolve_date():
    import dyad

    assert dyad.resolve_date("last Friday", published="2022-09-07") == ("2022-09-02", "day")
    assert dyad.resolve_date("in March", published="2023-05-24") == ("2023-03", "month")
    events = dyad.code([{"id": "a1", "published": "2024-08-21",
                         "text": "Chinese Premier Li Qiang met Russian Prime Minister Mikhail Mishustin in Moscow on Wednesday."}])
    assert any(pair(e) == {"Li Qiang", "Mikhail Mishustin"} and e["date"] == "2024-08-21" for e in events), events


def test_console_script_is_installed():
    exe = Path(sys.executable).with_name("dyad")
    assert exe.exists()
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("run", "code", "events", "export", "stories", "series", "network"):
        assert command in out


def test_stories_groups_the_two_rewrites_of_one_wire_story():
    result = invoke("stories", str(EXAMPLE_CORPUS))
    assert result.exit_code == 0, result.output
    lines = {x["article_id"][:3]: x for x in map(json.loads, result.stdout.splitlines())}
    assert set(lines) == {"000", "001", "002", "003", "004"}
    assert lines["001"]["story_id"] == lines["003"]["story_id"]
    assert len({x["story_id"] for x in lines.values()}) == 4
    assert "4 stories" in result.stderr


def test_python_api_skips_a_bad_record_with_a_warning():
    import dyad

    good = {"id": "g", "published": "2024-05-16",
            "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday."}
    with pytest.warns(UserWarning, match="record 1"):
        events = dyad.code([good, {"text": "no id here"}])
    assert events and all(e["article_id"] == "g" for e in events)


def test_a_run_killed_midway_keeps_finished_batches_and_a_rerun_completes_it(tmp_path: Path, monkeypatch):
    from dyad import pipeline

    real = pipeline.code_batch
    calls = {"n": 0}

    def dies_on_second_batch(batch):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # not an error a batch can recover from: the run stops here
        return real(batch)

    db = tmp_path / "killed.duckdb"
    monkeypatch.setattr(pipeline, "code_batch", dies_on_second_batch)
    aborted = invoke("run", str(EXAMPLE_CORPUS), "--db", str(db), "--batch-size", "2")
    assert aborted.exit_code != 0  # click turns the interrupt into "Aborted!"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 2
    con.close()
    monkeypatch.setattr(pipeline, "code_batch", real)
    result = invoke("run", str(EXAMPLE_CORPUS), "--db", str(db), "--batch-size", "2")
    assert result.exit_code == 0
    assert "2 already stored" in result.stderr
    reference = tmp_path / "clean.duckdb"
    assert invoke("run", str(EXAMPLE_CORPUS), "--db", str(reference)).exit_code == 0
    counts = []
    for path in (db, reference):
        con = duckdb.connect(str(path), read_only=True)
        counts.append([con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "events")])
        con.close()
    assert counts[0] == counts[1]


def test_actors_import_command_feeds_the_coder(tmp_path: Path, monkeypatch):
    dictionary = tmp_path / "dict"
    source = tmp_path / "mine.actors.txt"
    source.write_text("ZORAN_VELKOV_ [SRBGOV >230101]\n+PRESIDENT_VELKOV_\n", encoding="utf-8")
    result = invoke("actors", "import", str(source), "--into", str(dictionary))
    assert result.exit_code == 0, result.output
    assert (dictionary / "actors.tsv").exists()
    monkeypatch.setenv("DYAD_DICTIONARY", str(dictionary))
    from dyad.actors.knowledge import KnowledgeBase
    from dyad.events import Coder
    from dyad.nlp import parse_articles
    from dyad.records import Article

    coder = Coder(kb=KnowledgeBase.load(dictionary))
    text = "Zoran Velkov met Russian President Vladimir Putin in Moscow on Monday."
    parsed = parse_articles([Article(id="v", text=text, published="2024-03-06")], coder.could_hold_event)
    events = coder.code(parsed[0])
    assert any(e.source.code == "SRBGOV" and e.source.name == "Zoran Velkov" for e in events), events


def test_a_database_kept_beside_the_articles_is_not_read_as_input(tmp_path: Path):
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLE_CORPUS, folder)
    db = folder / "dyad.duckdb"
    assert invoke("run", str(folder), "--db", str(db)).exit_code == 0
    again = invoke("run", str(folder), "--db", str(db))
    assert again.exit_code == 0
    assert "0 skipped" in again.stderr and "5 already stored" in again.stderr


def test_a_bad_date_filter_is_a_clear_usage_error(seeded_db: Path):
    result = invoke("events", "--db", str(seeded_db), "--since", "2022-13")
    assert result.exit_code == 2
    assert "'2022-13' is not a date" in result.output


def test_http_api_serves_filtered_events_and_series(seeded_db: Path):
    from fastapi.testclient import TestClient

    from dyad.api import create_app

    client = TestClient(create_app(seeded_db))
    rows = client.get("/events", params={"source": "CHN", "target": "RUS", "limit": 5}).json()
    assert 0 < len(rows) <= 5 and all(r["source"]["country"] == "CHN" for r in rows)
    series = client.get("/series", params={"source": "CHN", "target": "RUS", "by": "month", "both": True}).json()
    assert any(r["period"] == "2024-08" and r["events"] > 0 for r in series), series
    assert client.get("/series", params={"source": "CHN", "target": "RUS", "by": "decade"}).status_code == 422
    assert TestClient(create_app(seeded_db.parent / "none.duckdb")).get("/events").status_code == 404


def test_changed_text_under_a_stored_id_is_reported_not_overwritten(tmp_path: Path):
    db = tmp_path / "ids.duckdb"
    first = tmp_path / "v1.jsonl"
    first.write_text(json.dumps({"id": "same", "published": "2024-05-16",
                                 "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing."}) + "\n")
    second = tmp_path / "v2.jsonl"
    second.write_text(json.dumps({"id": "same", "published": "2024-05-16",
                                  "text": "Chinese President Xi Jinping hosted Vladimir Putin in Beijing on Thursday."}) + "\n")
    assert invoke("run", str(first), "--db", str(db)).exit_code == 0
    result = invoke("run", str(second), "--db", str(db))
    assert result.exit_code == 0
    assert "already stored with different text" in result.stderr and "1 skipped" in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select text from articles").fetchall() == [
        ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.",)
    ]
    con.close()


def test_python_api_default_publication_date_anchors_relative_dates():
    import dyad

    text = "Chinese Premier Li Qiang met Russian Prime Minister Mikhail Mishustin in Moscow on Wednesday."
    events = dyad.code([{"id": "d1", "text": text}], published="2024-08-22")
    assert events and {e["date"] for e in events} == {"2024-08-21"}
    dated = dyad.code([{"id": "d2", "text": text, "published": "2024-08-29"}], published="2024-08-22")
    assert {e["date"] for e in dated} == {"2024-08-28"}  # a record's own date wins
