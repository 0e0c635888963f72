"""Story grouping: reposts, two different earthquakes, incremental = batch, persisted index."""

from __future__ import annotations

import csv

import duckdb

from dyad.dedup.stories import StoryIndex, ensure_tables, extract_features, group_stories
from tests.conftest import EXAMPLE_CORPUS, shared_path

QUAKE_A1 = (
    "A magnitude 6.1 earthquake struck near the town of Arlow in northern Veluria on Monday, killing "
    "at least 14 people and injuring 200, the Velurian Red Crescent said. The quake hit at 04:12 local "
    "time at a depth of 10 km. Governor Anton Mereki said rescue teams in Arlow were searching collapsed "
    "homes in the old quarter. Aftershocks rattled the province of Sedra through the morning."
)
QUAKE_A2 = (
    "Rescuers in Arlow dug through rubble on Tuesday after Monday's 6.1-magnitude quake in northern "
    "Veluria. The death toll rose to 17, Governor Anton Mereki told reporters, with more than 200 "
    "injured across Sedra province. The Velurian Red Crescent sent tents and water to the old quarter."
)
QUAKE_B1 = (
    "A strong earthquake of magnitude 5.4 shook the coastal city of Port Tamsin in southern Orlenia "
    "on Thursday, killing three people, officials said. Mayor Clara Votte said a school and two "
    "warehouses collapsed in the harbour district. The Orlenian seismological institute recorded "
    "dozens of aftershocks near Kessel Bay."
)
QUAKE_B2 = (
    "Port Tamsin began clearing debris on Friday after Thursday's magnitude 5.4 earthquake killed three "
    "people in southern Orlenia. Mayor Clara Votte said the harbour district school would reopen next "
    "month. Fishermen at Kessel Bay reported damaged piers, the Orlenian seismological institute said."
)


def _repost(text: str) -> str:
    return "Reposted from our partners. " + text.replace("Monday", "Monday,") + " Share this story."


def test_near_duplicate_repost_detected() -> None:
    lines = group_stories(
        [
            {"id": "a1", "text": QUAKE_A1},
            {"id": "b1", "text": QUAKE_B1},
            {"id": "a1-copy", "text": _repost(QUAKE_A1)},
        ]
    )
    by_id = {ln["article_id"]: ln for ln in lines}
    assert by_id["a1-copy"]["duplicate_of"] == "a1"
    assert by_id["a1-copy"]["story_id"] == "a1"
    assert by_id["a1"]["duplicate_of"] is None and by_id["b1"]["duplicate_of"] is None


def test_two_earthquakes_of_the_same_kind_are_separated() -> None:
    arts = [
        {"id": "a1", "text": QUAKE_A1},
        {"id": "b1", "text": QUAKE_B1},
        {"id": "a2", "text": QUAKE_A2},
        {"id": "b2", "text": QUAKE_B2},
    ]
    story = {ln["article_id"]: ln["story_id"] for ln in group_stories(arts)}
    assert story["a1"] == story["a2"] == "a1"
    assert story["b1"] == story["b2"] == "b1"
    assert not any(ln["duplicate_of"] for ln in group_stories(arts))


def test_publication_dates_far_apart_keep_stories_apart() -> None:
    arts = [
        {"id": "a1", "text": QUAKE_A1, "published": "2021-03-01"},
        {"id": "a2", "text": QUAKE_A2, "published": "2023-03-02"},
    ]
    story = {ln["article_id"]: ln["story_id"] for ln in group_stories(arts)}
    assert story["a1"] != story["a2"]


def test_entity_features_are_cheap_and_typed() -> None:
    feats = extract_features(QUAKE_A1)
    assert feats["e:arlow"] > feats["e:sedra"] >= 1  # named in the lead: counts extra
    assert "p:anton mereki" in feats and "n:6.1" in feats
    assert "e:a" not in feats and "e:the" not in feats  # sentence-initial function words


def test_incremental_equals_batch() -> None:
    arts = [("a1", QUAKE_A1), ("b1", QUAKE_B1), ("a2", QUAKE_A2), ("b2", QUAKE_B2), ("c", _repost(QUAKE_B2))]
    batch = {ln["article_id"]: (ln["story_id"], ln["duplicate_of"]) for ln in group_stories(
        [{"id": i, "text": t} for i, t in arts])}  # fmt: skip
    index = StoryIndex()
    incremental = {}
    for i, t in arts:
        got = index.add(i, t, None)
        incremental[i] = (got.story_id, got.duplicate_of)
    assert incremental == batch
    assert index.add("a1", QUAKE_A1, None).story_id == "a1"  # re-adding changes nothing


def test_persisted_index_continues_across_connections(tmp_path) -> None:
    path = str(tmp_path / "stories.duckdb")
    con = duckdb.connect(path)
    ensure_tables(con)
    ensure_tables(con)  # idempotent
    index = StoryIndex(con)
    index.add("a1", QUAKE_A1, "2024-05-06")
    index.add("b1", QUAKE_B1, "2024-05-09")
    con.close()

    con = duckdb.connect(path)
    index = StoryIndex(con)
    assert index.n_docs == 2
    a2 = index.add("a2", QUAKE_A2, "2024-05-07")
    b2 = index.add("b2", QUAKE_B2, "2024-05-10")
    copy = index.add("a1-copy", _repost(QUAKE_A1), "2024-05-08")
    assert (a2.story_id, b2.story_id) == ("a1", "b1")
    assert (copy.story_id, copy.duplicate_of) == ("a1", "a1")
    rows = dict(con.execute("SELECT article_id, story_id FROM story_members").fetchall())
    con.close()
    mem = group_stories(
        [
            {"id": "a1", "text": QUAKE_A1, "published": "2024-05-06"},
            {"id": "b1", "text": QUAKE_B1, "published": "2024-05-09"},
        ]
    )
    assert {ln["article_id"]: ln["story_id"] for ln in mem} == {"a1": rows["a1"], "b1": rows["b1"]}


def test_seed_rewrites_share_a_story_but_are_not_near_duplicates() -> None:
    with open(EXAMPLE_CORPUS / "manifest.csv", encoding="utf-8") as fh:
        manifest = list(csv.DictReader(fh))
    arts = [
        {
            "id": r["id"],
            "text": (EXAMPLE_CORPUS / r["file"]).read_text(encoding="utf-8"),
            "published": r["published"],
        }
        for r in manifest
    ]
    by_id = {ln["article_id"]: ln for ln in group_stories(arts)}
    li_moscow = [i for i in by_id if i.startswith(("001_", "003_"))]
    assert len(li_moscow) == 2
    assert by_id[li_moscow[0]]["story_id"] == by_id[li_moscow[1]]["story_id"]
    assert all(ln["duplicate_of"] is None for ln in by_id.values())  # paraphrase, not a repost
    others = {by_id[i]["story_id"] for i in by_id if i not in li_moscow}
    assert by_id[li_moscow[0]]["story_id"] not in others  # different dates: other stories


def test_ecbplus_grouping_beats_topic_baseline() -> None:
    data = shared_path("ecbplus")
    from dyad.eval.ecbplus import evaluate

    res = evaluate(data)
    assert res["all"][2] > res["baseline: topic alone (all)"][2] + 0.1


def _seed_articles() -> list[tuple[str, str, str | None]]:
    with open(EXAMPLE_CORPUS / "manifest.csv", encoding="utf-8") as fh:
        manifest = list(csv.DictReader(fh))
    return [
        (r["id"], (EXAMPLE_CORPUS / r["file"]).read_text(encoding="utf-8"), r["published"]) for r in manifest
    ]


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    queries = {
        "members": "SELECT article_id, story_id, duplicate_of, published, seq FROM story_members ORDER BY 1",
        "df": "SELECT feature, df FROM story_df ORDER BY 1",
        "centroids": "SELECT story_id, features, weights, size FROM story_centroids ORDER BY 1",
        "features": "SELECT feature, article_id FROM story_features ORDER BY 1, 2",
        "bands": "SELECT bucket, article_id FROM story_bands ORDER BY 1, 2",
    }
    return {k: con.execute(q).fetchall() for k, q in queries.items()}


def test_add_many_equals_one_by_one() -> None:
    seeds = _seed_articles()
    quakes = [
        ("a1", QUAKE_A1, "2024-05-06"),
        ("b1", QUAKE_B1, "2024-05-09"),
        ("a2", QUAKE_A2, "2024-05-07"),
        ("a1-copy", _repost(QUAKE_A1), "2024-05-08"),
        ("b2", QUAKE_B2, "2024-05-10"),
        ("b2-copy", _repost(QUAKE_B2), "2024-05-10"),
        ("a2", QUAKE_A2, "2024-05-07"),  # repeated inside the batch: the first add stands
    ]
    stored, batch = seeds[: len(seeds) // 2] + quakes[:2], seeds[len(seeds) // 2 :] + quakes[2:]
    one, many = duckdb.connect(), duckdb.connect()
    by_one, by_many = StoryIndex(one), StoryIndex(many)
    for aid, text, pub in stored:  # the batch continues a stored index, not an empty one
        by_one.add(aid, text, pub)
    by_many.add_many(stored)
    singles = [by_one.add(aid, text, pub) for aid, text, pub in batch]
    assert by_many.add_many(batch) == singles
    got = {aid: (a.story_id, a.duplicate_of) for (aid, _, _), a in zip(batch, singles, strict=True)}
    assert got["a2"] == ("a1", None) and got["a1-copy"] == ("a1", "a1") and got["b2-copy"] == ("b1", "b2")
    assert _tables(many) == _tables(one)
    assert (by_many.n_docs, by_many.df) == (by_one.n_docs, by_one.df)
    assert StoryIndex(many).add_many(quakes) == [by_one.add(a, t, p) for a, t, p in quakes]  # all stored


def test_add_many_inside_callers_transaction_rolls_back() -> None:
    con = duckdb.connect()
    ensure_tables(con)
    StoryIndex(con).add_many([("a1", QUAKE_A1, "2024-05-06")])
    con.begin()
    index = StoryIndex(con, transactions=False)
    assert index.add_many([("b1", QUAKE_B1, None), ("a2", QUAKE_A2, None)])[1].story_id == "a1"
    assert con.execute("SELECT count(*) FROM story_members").fetchone() == (3,)  # inside the transaction
    con.rollback()
    assert con.execute("SELECT article_id FROM story_members").fetchall() == [("a1",)]
    assert con.execute("SELECT count(*) FROM story_features WHERE article_id <> 'a1'").fetchone() == (0,)
    assert StoryIndex(con).add("b1", QUAKE_B1, None).story_id == "b1"  # a fresh index continues cleanly


def test_failed_store_batch_leaves_no_story_rows(tmp_path, monkeypatch) -> None:
    from dyad.records import Article
    from dyad.store.store import Store

    arts = [Article(id="a1", text=QUAKE_A1), Article(id="a2", text=QUAKE_A2)]
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([Article(id="b1", text=QUAKE_B1)], [])

        def boom(*args: object, **kwargs: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(store, "_insert", boom)
        try:
            store.add_batch(arts, [])
        except RuntimeError:
            pass
        else:  # pragma: no cover
            raise AssertionError("the batch should have failed")
        members = "SELECT article_id, story_id FROM story_members ORDER BY 1"
        assert store.con.execute(members).fetchall() == [("b1", "b1")]
        assert store.con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        monkeypatch.undo()
        store.add_batch(arts, [])
        rows = store.con.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall()
        assert rows == [("a1", "a1"), ("a2", "a1"), ("b1", "b1")]
        assert store.con.execute(members).fetchall() == rows
