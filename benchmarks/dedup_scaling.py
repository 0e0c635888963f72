"""Cost of adding one article to the story index, and one batch of events to the cluster index,
at growing store sizes: it should stay flat (candidates come from capped indexes, not all pairs).

Two ways to add articles are timed at each size: ``add`` one at a time (each its own
transaction: about a dozen statements and a commit per article) and ``add_many`` on a batch of
``--probe`` articles inside a caller's transaction, as the store runs it (a fixed handful of
statements per batch). Per-article cost is reported for both.

Synthetic articles: each story draws its names, numbers and words from a large vocabulary, so
stores of any size can be made without data files. Usage:

    python benchmarks/dedup_scaling.py [--sizes 1000 5000] [--probe 100] [--memory]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from dyad.dedup.events import assign_clusters
from dyad.dedup.stories import StoryIndex
from dyad.records import Actor, Event

WORDS = [f"word{i}" for i in range(20000)]
NAMES = [f"Name{i}" for i in range(20000)]
COUNTRIES = [f"C{i:02d}" for i in range(60)]


def article(rng: random.Random, story: int) -> str:
    srng = random.Random(story)
    names, words = srng.sample(NAMES, 8), srng.sample(WORDS, 60)
    sents = []
    for _ in range(12):
        sents.append(
            f"{rng.choice(names)} {rng.choice(names)} said {rng.randint(2, 999)} "
            + " ".join(rng.choice(words) if rng.random() < 0.6 else rng.choice(WORDS) for _ in range(14))
            + "."
        )
    return " ".join(sents)


def event(rng: random.Random, i: int) -> Event:
    a, b = rng.sample(COUNTRIES, 2)
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Event(
        event_id=f"e{i}", article_id=f"a{i // 3}", sentence_index=0, evidence="", evidence_span=(0, 0),
        source=Actor(a, a, None, None, a), target=Actor(b, b, None, None, b),
        cameo=rng.choice(["040", "042", "057", "190"]), cameo_root="04", plover=None, goldstein=None,
        quad_class=None, date=day, date_precision="day",
    )  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--probe", type=int, default=100, help="articles timed at each size")
    ap.add_argument("--memory", action="store_true", help="in-memory index instead of DuckDB")
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        con = None if args.memory else duckdb.connect(str(Path(tmp) / "bench.duckdb"))
        index = StoryIndex(con)
        ev_con = duckdb.connect(str(Path(tmp) / "events.duckdb"))
        n = ne = 0
        for size in sorted(args.sizes):
            while n < size:  # built in batches: the fast path
                k = min(500, size - n)
                index.add_many(
                    [(f"a{n + j}", article(rng, rng.randrange(size // 3 + 1)), None) for j in range(k)]
                )
                n += k
            batch = [event(rng, ne + k) for k in range(size * 3 - ne)]
            for k in range(0, len(batch), 1000):
                assign_clusters(batch[k : k + 1000], ev_con)
            ne = size * 3
            times = []
            for _ in range(args.probe):
                text = article(rng, rng.randrange(size // 3 + 1))
                t0 = time.perf_counter()
                index.add(f"a{n}", text, None)
                times.append(time.perf_counter() - t0)
                n += 1
            batch_items = [
                (f"a{n + j}", article(rng, rng.randrange(size // 3 + 1)), None) for j in range(args.probe)
            ]
            n += args.probe
            t0 = time.perf_counter()
            if con is None:
                index.add_many(batch_items)
            else:  # as the store runs it: inside the caller's transaction, no commits of its own
                con.begin()
                StoryIndex(con, transactions=False).add_many(batch_items)
                con.commit()
            many_ms = (time.perf_counter() - t0) * 1000 / args.probe
            index = StoryIndex(con) if con is not None else index  # df now counts the batch
            probe = [event(rng, ne + k) for k in range(100)]
            t0 = time.perf_counter()
            assign_clusters(probe, ev_con)
            ev_ms = (time.perf_counter() - t0) * 1000
            ne += 100
            print(
                f"store {size:>7} articles: add median {statistics.median(times) * 1000:6.1f} ms, "
                f"p90 {sorted(times)[int(len(times) * 0.9)] * 1000:6.1f} ms; "
                f"add_many {many_ms:6.1f} ms/article | "
                f"{ne - 100:>7} stored events: 100-event batch {ev_ms:6.1f} ms"
            )


if __name__ == "__main__":
    main()
