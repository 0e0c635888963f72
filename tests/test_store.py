"""Store: round trip, idempotent re-adds, transaction safety, every query filter."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dyad.records import Actor, Article, Event, Location
from dyad.store import Store
from dyad.store.filters import parse_bound

NAMES = {"CHN": "China", "RUS": "Russia", "USA": "United States", "UKR": "Ukraine"}
ROOT_INFO = {"04": (1, "CONSULT"), "05": (1, "SUPPORT"), "11": (3, "ACCUSE"), "19": (4, "ASSAULT")}


def actor(code: str | None, name: str | None = None, text: str | None = None) -> Actor | None:
    if code is None:
        return None
    country = None if code.startswith("IGO") else code[:3]
    sector = code[3:] or None if country else None
    name = name or NAMES.get(code[:3], code)
    return Actor(code=code, country=country, sector=sector, name=name, text=text or name)


def make_article(aid: str, published: str = "2022-09-07", source: str | None = "Outlet", **kw) -> Article:
    text = kw.pop("text", f"Article {aid}. China met Russia. Text body for {aid}.")
    return Article(id=aid, text=text, published=published, source=source, origin=f"{aid}.txt", **kw)


def make_event(
    eid: str,
    article: str,
    *,
    src: str = "CHNGOV",
    tgt: str | None = "RUSGOV",
    cameo: str = "042",
    date: str | None = "2022-09-07",
    cluster: str | None = "same",
    sentence: int = 1,
    goldstein: float | None = 1.9,
    src_name: str | None = None,
    tgt_name: str | None = None,
    location: Location | None = None,
    confidence: float = 0.8,
) -> Event:
    quad, plover = ROOT_INFO[cameo[:2]]
    return Event(
        event_id=eid,
        article_id=article,
        sentence_index=sentence,
        evidence=f"Evidence sentence for {eid}.",
        evidence_span=(10 * sentence, 10 * sentence + 28),
        source=actor(src, src_name),  # type: ignore[arg-type]
        target=actor(tgt, tgt_name),
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=plover,
        goldstein=goldstein,
        quad_class=quad,
        date=date,
        date_precision="day" if date else None,
        date_text="on Wednesday" if date else None,
        location=location,
        confidence=confidence,
        cluster_id=eid if cluster == "same" else cluster,
        trigger_span=(10 * sentence + 9, 10 * sentence + 17),
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_round_trip_preserves_contract_dicts(store: Store) -> None:
    loc = Location("Vladivostok", "RUS", 43.1, 131.9, 2013348)
    ev = make_event("e1", "a1", location=loc, src_name="Li Zhanshu", tgt_name="Vladimir Putin")
    no_target = make_event("e2", "a1", tgt=None, date=None, sentence=2, cameo="19")
    counts = store.add_batch([make_article("a1")], [ev, no_target])
    assert counts["articles_added"] == 1 and counts["events_added"] == 2
    got = {d["event_id"]: d for d in store.query_events()}
    for original in (ev, no_target):
        d = got[original.event_id]
        expected = original.to_dict()
        assert {k: d[k] for k in expected} == expected
        assert d["num_mentions"] == 1 and d["num_sources"] == 1 and d["num_articles"] == 1
    assert got["e2"]["target"] is None and got["e2"]["location"] is None
    art = store.get_article("a1")
    assert art is not None and art["text"].startswith("Article a1") and str(art["published"]) == "2022-09-07"


def test_readd_adds_nothing_twice(store: Store) -> None:
    arts = [make_article("a1"), make_article("a2")]
    evs = [make_event("e1", "a1"), make_event("e2", "a2")]
    first = store.add_batch(arts, evs)
    again = store.add_batch(arts, evs)
    assert first["articles_added"] == 2 and first["events_added"] == 2
    assert again["articles_added"] == 0 and again["articles_already_stored"] == 2
    assert again["events_added"] == 0
    assert store.counts() == {"articles": 2, "events": 2, "clusters": 2, "mentions": 2}


def test_same_text_under_another_id_is_skipped_with_its_events(store: Store) -> None:
    text = "Same text twice. China met Russia."
    store.add_batch([make_article("a1", text=text)], [make_event("e1", "a1")])
    counts = store.add_batch([make_article("repost", text=text)], [make_event("e9", "repost")])
    assert counts["articles_already_stored"] == 1 and counts["events_added"] == 0
    assert counts["events_skipped"] == 1
    # duplicates within one batch: the first copy wins
    counts = store.add_batch(
        [make_article("b1", text="x y z"), make_article("b2", text="x y z")],
        [make_event("f1", "b1"), make_event("f2", "b2")],
    )
    assert counts["articles_added"] == 1 and counts["events_added"] == 1
    assert store.counts()["articles"] == 2


def test_stored_hashes_and_has_article(store: Store) -> None:
    a = make_article("a1", content_hash="abc123")
    store.add_batch([a], [])
    assert store.stored_hashes(["abc123", "nope", ""]) == {"abc123"}
    assert store.has_article("abc123") and not store.has_article("nope")
    # without a content hash the store hashes the text itself
    b = make_article("a2", text="plain text")
    store.add_batch([b], [])
    from dyad.store.store import content_hash

    assert store.has_article(content_hash("plain text"))


def test_failure_midway_rolls_back_the_whole_batch(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_batch([make_article("a1")], [make_event("e1", "a1")])
    original = Store._insert

    def failing(self: Store, table: str, columns, data) -> None:
        if table == "mentions":  # articles and events of this batch are already inserted
            raise RuntimeError("disk on fire")
        original(self, table, columns, data)

    monkeypatch.setattr(Store, "_insert", failing)
    with pytest.raises(RuntimeError):
        store.add_batch([make_article("a2")], [make_event("e2", "a2")])
    assert store.counts() == {"articles": 1, "events": 1, "clusters": 1, "mentions": 1}
    monkeypatch.setattr(Store, "_insert", original)
    counts = store.add_batch(
        [make_article("a1"), make_article("a2")], [make_event("e1", "a1"), make_event("e2", "a2")]
    )
    assert counts["articles_added"] == 1 and counts["events_added"] == 1
    assert store.counts() == {"articles": 2, "events": 2, "clusters": 2, "mentions": 2}


def test_process_killed_mid_batch_keeps_committed_batches(tmp_path: Path) -> None:
    db = tmp_path / "crash.duckdb"
    here = Path(__file__).resolve().parent
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(here)!r})
        from test_store import make_article, make_event
        from dyad.store import Store
        s = Store({str(db)!r})
        s.add_batch([make_article("a1")], [make_event("e1", "a1")])
        original = Store._insert
        def dying(self, table, columns, data):
            original(self, table, columns, data)
            if table == "events":
                os._exit(3)  # the process dies inside the second batch's transaction
        Store._insert = dying
        s.add_batch([make_article("a2")], [make_event("e2", "a2")])
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    with Store(db) as s:
        assert s.counts() == {"articles": 1, "events": 1, "clusters": 1, "mentions": 1}
        counts = s.add_batch([make_article("a2")], [make_event("e2", "a2")])
        assert counts["events_added"] == 1 and s.counts()["events"] == 2


def test_mentions_and_cluster_counts(store: Store) -> None:
    arts = [
        make_article("a1", source="Xinhua"),
        make_article("a2", source="TASS"),
        make_article("a3", source=None, url="https://www.reuters.com/x"),
        make_article("a4", source="TASS"),
    ]
    evs = [
        make_event("e1", "a1", cluster="K", confidence=0.9),
        make_event("e2", "a2", cluster="K"),
        make_event("e3", "a3", cluster="K"),
        make_event("e4", "a4", cluster="K"),
        make_event("e5", "a4", cluster="K", sentence=3),
    ]
    store.add_batch(arts, evs)
    rep = store.query_events(clusters=True)
    assert len(rep) == 1 and rep[0]["event_id"] == "e1"  # the most confident report
    assert (rep[0]["num_mentions"], rep[0]["num_sources"], rep[0]["num_articles"]) == (5, 3, 4)
    view = store.con.execute(
        "SELECT event_id, num_mentions, num_sources, num_articles FROM event_clusters"
    ).fetchall()
    assert view == [("e1", 5, 3, 4)]
    mentions = store.query_mentions("K")
    assert len(mentions) == 5 and {m["source"] for m in mentions} == {"xinhua", "tass", "reuters.com"}


def test_events_without_cluster_get_one(store: Store) -> None:
    store.add_batch([make_article("a1")], [make_event("e1", "a1", cluster=None)])
    (d,) = store.query_events()
    assert d["cluster_id"]


@pytest.fixture
def filled(store: Store) -> Store:
    arts = [make_article(f"a{i}", published=f"2022-0{i}-01") for i in range(1, 6)]
    evs = [
        make_event(
            "e1", "a1", src="CHNGOV", tgt="RUSGOV", cameo="042", date="2022-01-05", src_name="Xi Jinping"
        ),
        make_event("e2", "a2", src="RUSMIL", tgt="UKRMIL", cameo="190", date="2022-02-24", goldstein=-10),
        make_event(
            "e3", "a3", src="RUSGOV", tgt="CHNGOV", cameo="051", date="2022-03-10", tgt_name="Wang Yi"
        ),
        make_event("e4", "a4", src="USA", tgt="CHN", cameo="112", date="2022-04-02", goldstein=-2),
        make_event("e5", "a5", src="IGOUNO", tgt="RUS", cameo="112", date=None, src_name="United Nations"),
    ]
    store.add_batch(arts, evs)
    return store


def ids(rows: list[dict]) -> list[str]:
    return [r["event_id"] for r in rows]


def test_filters(filled: Store) -> None:
    q = filled.query_events
    assert ids(q()) == ["e1", "e2", "e3", "e4", "e5"]  # by date, undated last
    assert ids(q(source="CHN")) == ["e1"]  # code prefix
    assert ids(q(source="chngov")) == ["e1"]
    assert ids(q(source="RUSMIL")) == ["e2"]
    assert ids(q(target="CHN")) == ["e3", "e4"]
    assert ids(q(source="RUS", target="CHN")) == ["e3"]
    assert ids(q(source="CHN", target="RUS", both_directions=True)) == ["e1", "e3"]
    assert ids(q(source="CHN", both_directions=True)) == ["e1", "e3", "e4"]
    assert ids(q(source="IGOUNO")) == ["e5"]
    assert ids(q(actor="xi jin")) == ["e1"]  # name, case-insensitive
    assert ids(q(actor="WANG")) == ["e3"]
    assert ids(q(actor="united nations")) == ["e5"]
    assert ids(q(root="19")) == ["e2"]
    assert ids(q(root="4")) == ["e1"]
    assert ids(q(cameo="11")) == ["e4", "e5"]
    assert ids(q(cameo="042")) == ["e1"]
    assert ids(q(plover="accuse")) == ["e4", "e5"]
    assert ids(q(since="2022-02-24")) == ["e2", "e3", "e4"]
    assert ids(q(until="2022-02")) == ["e1", "e2"]  # a month bound includes the whole month
    assert ids(q(since="2022-03", until="2022-03-31")) == ["e3"]
    assert ids(q(since="2023")) == []
    assert ids(q(limit=2)) == ["e1", "e2"]
    assert ids(q(source="RUS", plover="CONSULT")) == []


def test_filter_values_cannot_inject_sql(filled: Store) -> None:
    assert filled.query_events(source="CHN' OR 1=1 --") == []
    assert filled.query_events(actor="%' OR '1'='1") == []
    assert filled.counts()["events"] == 5


def test_bad_date_bound_is_a_clear_error(filled: Store) -> None:
    with pytest.raises(ValueError, match="not a date"):
        filled.query_events(since="last tuesday")
    assert str(parse_bound("2022-W09", end=False)) == "2022-02-28"
    assert str(parse_bound("2022-W09", end=True)) == "2022-03-06"
    assert str(parse_bound("2024-02", end=True)) == "2024-02-29"


def test_read_only_store_queries_but_does_not_write(tmp_path: Path) -> None:
    db = tmp_path / "ro.duckdb"
    with Store(db) as s:
        s.add_batch([make_article("a1")], [make_event("e1", "a1")])
    with Store(db, read_only=True) as ro:
        assert ids(ro.query_events()) == ["e1"]
        with pytest.raises(PermissionError):
            ro.add_batch([make_article("a2")], [])


def test_cross_batch_clustering_through_dedup_stage(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dyad.dedup.events")
    kw = {"cluster": None, "src_name": "Li Zhanshu", "tgt_name": "Vladimir Putin"}
    store.add_batch([make_article("a1", source="Xinhua")], [make_event("e1", "a1", **kw)])
    original = Store._insert

    def failing(self: Store, table: str, columns, data) -> None:
        if table == "mentions":
            raise RuntimeError("boom")
        original(self, table, columns, data)

    monkeypatch.setattr(Store, "_insert", failing)
    with pytest.raises(RuntimeError):
        store.add_batch(
            [make_article("a2", source="TASS", text="TASS report")], [make_event("e2", "a2", **kw)]
        )
    # the cluster index rolled back with the batch
    assert store.con.execute("SELECT count(*) FROM event_cluster_index").fetchone() == (1,)
    monkeypatch.setattr(Store, "_insert", original)
    store.add_batch([make_article("a2", source="TASS", text="TASS report")], [make_event("e2", "a2", **kw)])
    rows = store.query_events()
    assert [r["cluster_id"] for r in rows] == ["e1", "e1"]  # the later report joins the stored event
    assert rows[0]["num_sources"] == 2 and rows[0]["num_articles"] == 2
