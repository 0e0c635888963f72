"""Story-index persistence: the same lookups and writes in memory or in DuckDB tables.

Why a module of its own: :class:`~dyad.dedup.stories.StoryIndex` is written against one small
interface (``member``, ``get_members``, ``get_vectors``, ``get_sigs``, ``get_centroids``,
``get_postings``, ``band_candidates``, ``story_members``, ``load_state``, ``write``) so the
algorithm reads the same whether the index lives in dictionaries (``dyad stories``, ECB+
evaluation) or in the store's DuckDB file (continued across runs). This module holds the
tables' schema (:func:`ensure_tables`), both implementations, and all of the story index's SQL,
including the bulk Arrow writes that :class:`~dyad.dedup.story_batch.BatchView` uses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa

BUCKET_CAP = 50  # articles kept per LSH bucket (exact-copy floods)


@dataclass(slots=True)
class Member:
    """One article's row in ``story_members``: its story, the original it reposts, its
    publication date and its insertion order (``seq``)."""

    story_id: str
    duplicate_of: str | None
    published: date | None
    seq: int


class MemoryBackend:
    """Dictionaries; posting lists and buckets are capped lists, so lookups stay bounded."""

    def __init__(self) -> None:
        self.members: dict[str, Member] = {}
        self.sigs: dict[str, np.ndarray] = {}
        self.vectors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.buckets: dict[int, list[str]] = defaultdict(list)
        self.postings: dict[int, list[str]] = defaultdict(list)
        self.df: dict[int, int] = {}
        self.centroids: dict[str, tuple[np.ndarray, np.ndarray, int]] = {}
        self.by_story: dict[str, list[str]] = defaultdict(list)

    def story_members(self, story_id: str, limit: int) -> list[str]:
        return self.by_story.get(story_id, [])[-limit:]

    def get_centroids(self, story_ids: Iterable[str]) -> dict[str, tuple[np.ndarray, np.ndarray, int]]:
        return {s: self.centroids[s] for s in story_ids if s in self.centroids}

    def load_state(self) -> tuple[dict[int, int], int]:
        return self.df, len(self.members)

    def member(self, article_id: str) -> Member | None:
        return self.members.get(article_id)

    def band_candidates(self, buckets: list[int]) -> set[str]:
        out: set[str] = set()
        for b in buckets:
            out.update(self.buckets.get(b, ()))
        return out

    def get_sigs(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        return {i: self.sigs[i] for i in ids if i in self.sigs}

    def get_postings(self, feats: list[int]) -> list[tuple[int, str]]:
        return [(f, a) for f in feats for a in self.postings.get(f, ())]

    def get_vectors(self, ids: Iterable[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        return {i: self.vectors[i] for i in ids if i in self.vectors}

    def get_members(self, ids: Iterable[str]) -> dict[str, Member]:
        return {i: self.members[i] for i in ids if i in self.members}

    def write(
        self,
        article_id: str,
        member: Member,
        sig: np.ndarray | None,
        buckets: list[int],
        vec: tuple[np.ndarray, np.ndarray],
        posted: list[int],
        df_updates: dict[int, int],
        centroid: tuple[np.ndarray, np.ndarray, int],
    ) -> None:
        self.members[article_id] = member
        self.by_story[member.story_id].append(article_id)
        if sig is not None:
            self.sigs[article_id] = sig
        for b in buckets:
            lst = self.buckets[b]
            if len(lst) < BUCKET_CAP:
                lst.append(article_id)
        self.vectors[article_id] = vec
        for f in posted:
            self.postings[f].append(article_id)
        self.centroids[member.story_id] = centroid
        # df is shared with the index (same dict object): already updated in place


def ensure_tables(con: Any) -> None:
    """Create the story-index tables if absent (idempotent; safe on every open)."""
    con.execute(
        """
        CREATE TABLE IF NOT EXISTS story_members (
            article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, duplicate_of VARCHAR,
            published DATE, seq BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS story_minhash (article_id VARCHAR PRIMARY KEY, sig BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS story_bands (bucket BIGINT NOT NULL, article_id VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS story_vectors (
            article_id VARCHAR PRIMARY KEY, features BLOB NOT NULL, weights BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS story_features (feature BIGINT NOT NULL, article_id VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS story_df (feature BIGINT PRIMARY KEY, df INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS story_centroids (
            story_id VARCHAR PRIMARY KEY, features BLOB NOT NULL, weights BLOB NOT NULL, size INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS story_bands_bucket ON story_bands (bucket);
        CREATE INDEX IF NOT EXISTS story_members_story ON story_members (story_id);
        CREATE INDEX IF NOT EXISTS story_features_feature ON story_features (feature);
        """
    )


def in_list(n: int) -> str:
    return ",".join("?" * n)


class DuckDBBackend:
    """The same operations as SQL on the tables of :func:`ensure_tables`. Only document
    frequencies are cached in memory (loaded once per open); everything per-article is
    looked up by key, so a later run continues where the last one stopped."""

    def __init__(self, con: Any, transactions: bool = True) -> None:
        self.con = con
        self.transactions = transactions
        ensure_tables(con)

    def load_state(self) -> tuple[dict[int, int], int]:
        df = dict(self.con.execute("SELECT feature, df FROM story_df").fetchall())
        (n,) = self.con.execute("SELECT count(*) FROM story_members").fetchone()
        return df, int(n)

    def member(self, article_id: str) -> Member | None:
        got = self.get_members([article_id])
        return got.get(article_id)

    def band_candidates(self, buckets: list[int]) -> set[str]:
        if not buckets:
            return set()
        rows = self.con.execute(
            f"SELECT article_id FROM story_bands WHERE bucket IN ({in_list(len(buckets))})", buckets
        ).fetchall()
        return {r[0] for r in rows}

    def get_band_rows(self, buckets: list[int]) -> list[tuple[int, str]]:
        """Every stored ``(bucket, article_id)`` row of these buckets (the batch cache keeps
        them per bucket, so it can apply the bucket cap as ``write`` would)."""
        return self.con.execute(
            f"SELECT bucket, article_id FROM story_bands WHERE bucket IN ({in_list(len(buckets))})", buckets
        ).fetchall()

    def story_members(self, story_id: str, limit: int) -> list[str]:
        rows = self.con.execute(
            "SELECT article_id FROM story_members WHERE story_id = ? ORDER BY seq DESC LIMIT ?",
            [story_id, limit],
        ).fetchall()
        return [r[0] for r in rows]

    def get_centroids(self, story_ids: Iterable[str]) -> dict[str, tuple[np.ndarray, np.ndarray, int]]:
        ids = list(story_ids)
        if not ids:
            return {}
        rows = self.con.execute(
            f"SELECT story_id, features, weights, size FROM story_centroids WHERE story_id IN ({in_list(len(ids))})",
            ids,
        ).fetchall()
        return {
            s: (np.frombuffer(f, dtype=np.int64), np.frombuffer(w, dtype=np.float32), int(n))
            for s, f, w, n in rows
        }

    def get_sigs(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        ids = list(ids)
        if not ids:
            return {}
        rows = self.con.execute(
            f"SELECT article_id, sig FROM story_minhash WHERE article_id IN ({in_list(len(ids))})", ids
        ).fetchall()
        return {a: np.frombuffer(s, dtype=np.uint32) for a, s in rows}

    def get_postings(self, feats: list[int]) -> list[tuple[int, str]]:
        if not feats:
            return []
        return self.con.execute(
            f"SELECT feature, article_id FROM story_features WHERE feature IN ({in_list(len(feats))})", feats
        ).fetchall()

    def get_vectors(self, ids: Iterable[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        ids = list(ids)
        if not ids:
            return {}
        rows = self.con.execute(
            f"SELECT article_id, features, weights FROM story_vectors WHERE article_id IN ({in_list(len(ids))})",
            ids,
        ).fetchall()
        return {a: (np.frombuffer(f, dtype=np.int64), np.frombuffer(w, dtype=np.float32)) for a, f, w in rows}

    def get_members(self, ids: Iterable[str]) -> dict[str, Member]:
        ids = list(ids)
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT article_id, story_id, duplicate_of, published, seq FROM story_members "
            f"WHERE article_id IN ({in_list(len(ids))})",
            ids,
        ).fetchall()
        return {a: Member(s, d, p, int(q)) for a, s, d, p, q in rows}

    def _insert_many(self, table: str, rows: list[tuple[Any, ...]], width: int) -> None:
        """One multi-row INSERT (executemany is a statement per row: far slower in DuckDB)."""
        for i in range(0, len(rows), 500):
            chunk = rows[i : i + 500]
            values = ",".join(["(" + in_list(width) + ")"] * len(chunk))
            self.con.execute(f"INSERT INTO {table} VALUES {values}", [x for r in chunk for x in r])

    def write(
        self,
        article_id: str,
        member: Member,
        sig: np.ndarray | None,
        buckets: list[int],
        vec: tuple[np.ndarray, np.ndarray],
        posted: list[int],
        df_updates: dict[int, int],
        centroid: tuple[np.ndarray, np.ndarray, int],
    ) -> None:
        con = self.con
        if self.transactions:
            con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "INSERT INTO story_members VALUES (?, ?, ?, ?, ?)",
                [article_id, member.story_id, member.duplicate_of, member.published, member.seq],
            )
            if sig is not None:
                con.execute("INSERT INTO story_minhash VALUES (?, ?)", [article_id, sig.tobytes()])
                full = {b for b in buckets}
                if full:
                    counts = dict(
                        con.execute(
                            f"SELECT bucket, count(*) FROM story_bands WHERE bucket IN ({in_list(len(full))}) "
                            "GROUP BY bucket",
                            list(full),
                        ).fetchall()
                    )
                    keep = [(b, article_id) for b in full if counts.get(b, 0) < BUCKET_CAP]
                    self._insert_many("story_bands", keep, 2)
            con.execute(
                "INSERT INTO story_vectors VALUES (?, ?, ?)", [article_id, vec[0].tobytes(), vec[1].tobytes()]
            )
            self._insert_many("story_features", [(f, article_id) for f in posted], 2)
            if df_updates:
                rows = list(df_updates.items())
                for i in range(0, len(rows), 500):
                    chunk = rows[i : i + 500]
                    values = ",".join(["(?, ?)"] * len(chunk))
                    con.execute(
                        f"INSERT INTO story_df VALUES {values} ON CONFLICT (feature) DO UPDATE SET df = excluded.df",
                        [x for r in chunk for x in r],
                    )
            con.execute(
                "INSERT INTO story_centroids VALUES (?, ?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET "
                "features = excluded.features, weights = excluded.weights, size = excluded.size",
                [member.story_id, centroid[0].tobytes(), centroid[1].tobytes(), centroid[2]],
            )
            if self.transactions:
                con.execute("COMMIT")
        except Exception:
            if self.transactions:
                con.execute("ROLLBACK")
            raise

    def write_many(
        self,
        members: list[tuple[str, Member]],
        sigs: list[tuple[str, np.ndarray]],
        bands: list[tuple[int, str]],
        vectors: list[tuple[str, tuple[np.ndarray, np.ndarray]]],
        postings: list[tuple[int, str]],
        df: dict[int, int],
        centroids: dict[str, tuple[np.ndarray, np.ndarray, int]],
    ) -> None:
        """A whole batch's rows, one bulk statement per table (bucket caps already applied by
        the caller, document frequencies and centroids at their final values)."""
        con = self.con
        if self.transactions:
            con.execute("BEGIN TRANSACTION")
        try:
            self._bulk(
                "story_members",
                [
                    [a for a, _ in members],
                    [m.story_id for _, m in members],
                    pa.array([m.duplicate_of for _, m in members], pa.string()),
                    pa.array([m.published for _, m in members], pa.date32()),
                    pa.array([m.seq for _, m in members], pa.int64()),
                ],
            )
            self._bulk(
                "story_minhash", [[a for a, _ in sigs], pa.array([x.tobytes() for _, x in sigs], pa.binary())]
            )
            self._bulk("story_bands", [pa.array([b for b, _ in bands], pa.int64()), [a for _, a in bands]])
            self._bulk(
                "story_vectors",
                [
                    [a for a, _ in vectors],
                    pa.array([v[0].tobytes() for _, v in vectors], pa.binary()),
                    pa.array([v[1].tobytes() for _, v in vectors], pa.binary()),
                ],
            )
            self._bulk(
                "story_features", [pa.array([f for f, _ in postings], pa.int64()), [a for _, a in postings]]
            )
            self._bulk(
                "story_df",
                [pa.array(list(df), pa.int64()), pa.array(list(df.values()), pa.int32())],
                "ON CONFLICT (feature) DO UPDATE SET df = excluded.df",
            )
            self._bulk(
                "story_centroids",
                [
                    list(centroids),
                    pa.array([c[0].tobytes() for c in centroids.values()], pa.binary()),
                    pa.array([c[1].tobytes() for c in centroids.values()], pa.binary()),
                    pa.array([c[2] for c in centroids.values()], pa.int32()),
                ],
                "ON CONFLICT (story_id) DO UPDATE SET features = excluded.features, "
                "weights = excluded.weights, size = excluded.size",
            )
            if self.transactions:
                con.execute("COMMIT")
        except Exception:
            if self.transactions:
                con.execute("ROLLBACK")
            raise

    def _bulk(self, table: str, columns: list[Any], conflict: str = "") -> None:
        """INSERT ... SELECT from an Arrow table registered as a view: one statement, no
        per-value parameter binding (which dominates multi-row VALUES in DuckDB)."""
        data = pa.table({f"c{i}": c for i, c in enumerate(columns)})
        if data.num_rows == 0:
            return
        view = f"_dyad_story_{table}"
        self.con.register(view, data)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM {view} {conflict}")
        finally:
            self.con.unregister(view)
