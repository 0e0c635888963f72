"""Story-index batches: the cache that lets ``StoryIndex.add_many`` use a few statements per batch.

Why a module of its own: adding articles one by one costs about a dozen DuckDB statements and
a commit each. :class:`BatchView` presents the same backend interface as the classes of
:mod:`dyad.dedup.story_tables`, but serves stored rows from caches filled in bulk and the
batch's own articles from memory, and writes the batch's rows at the end -- so ``add_many``
gives exactly the result of ``add`` one by one, with a fixed handful of statements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from dyad.dedup.story_tables import BUCKET_CAP, DuckDBBackend, Member, MemoryBackend


class BatchView:
    """What :meth:`StoryIndex.add_many` reads and writes through: stored rows fetched in bulk
    (prefetched for the whole batch, any miss fetched on demand) overlaid with the batch's own
    articles, and the batch's rows kept back until :meth:`flush` writes them in a few
    statements. The stored tables do not change while the view is open, so caching them is
    exact, and each article sees the earlier ones of its batch just as one-by-one adds would."""

    def __init__(self, db: DuckDBBackend) -> None:
        self.db = db
        self.new = MemoryBackend()  # the batch's own articles
        self._members: dict[str, Member | None] = {}
        self._vectors: dict[str, tuple[np.ndarray, np.ndarray] | None] = {}
        self._sigs: dict[str, np.ndarray | None] = {}
        self._centroids: dict[str, tuple[np.ndarray, np.ndarray, int] | None] = {}
        self._postings: dict[int, list[str]] = {}
        self._bands: dict[int, list[str]] = {}
        self._order: list[str] = []
        self._bands_out: list[tuple[int, str]] = []
        self._posted_out: list[tuple[int, str]] = []
        self._df_out: dict[int, int] = {}

    # -- bulk reads of stored rows (each one statement for any number of keys)
    @staticmethod
    def _fill(
        cache: dict[str, Any], keys: Iterable[str], load: Callable[[list[str]], dict[str, Any]]
    ) -> None:
        """Load the keys the cache lacks in one statement; a key with no stored row caches None."""
        miss = [k for k in set(keys) if k not in cache]
        got = load(miss)
        for k in miss:
            cache[k] = got.get(k)

    def _overlay(
        self,
        ids: Iterable[str],
        mine: Callable[[list[str]], dict[str, Any]],
        cache: dict[str, Any],
        load: Callable[[list[str]], dict[str, Any]],
    ) -> dict[str, Any]:
        """The batch's own rows for ``ids``, then the stored ones (fetched in bulk) for the rest."""
        ids = list(ids)
        out = mine(ids)
        self._fill(cache, (i for i in ids if i not in out), load)
        for i in ids:
            row = cache.get(i)
            if i not in out and row is not None:
                out[i] = row
        return out

    def fetch_members(self, ids: Iterable[str]) -> None:
        self._fill(self._members, ids, self.db.get_members)

    def fetch_vectors(self, ids: Iterable[str]) -> None:
        self._fill(self._vectors, ids, self.db.get_vectors)

    def fetch_sigs(self, ids: Iterable[str]) -> None:
        self._fill(self._sigs, ids, self.db.get_sigs)

    def fetch_centroids(self, story_ids: Iterable[str]) -> None:
        self._fill(self._centroids, story_ids, self.db.get_centroids)

    def fetch_postings(self, feats: Iterable[int]) -> None:
        miss = [f for f in set(feats) if f not in self._postings]
        for f in miss:
            self._postings[f] = []
        for f, a in self.db.get_postings(miss):
            self._postings[int(f)].append(a)

    def fetch_bands(self, buckets: Iterable[int]) -> None:
        miss = [b for b in set(buckets) if b not in self._bands]
        for b in miss:
            self._bands[b] = []
        if miss:
            for b, a in self.db.get_band_rows(miss):
                self._bands[int(b)].append(a)

    def stored_postings(self, feats: list[int]) -> list[tuple[int, str]]:
        self.fetch_postings(feats)
        return [(f, a) for f in feats for a in self._postings[f]]

    def stored_member(self, article_id: str) -> Member | None:
        return self._members.get(article_id)

    # -- the backend interface StoryIndex.add uses
    def member(self, article_id: str) -> Member | None:
        return self.get_members([article_id]).get(article_id)

    def get_members(self, ids: Iterable[str]) -> dict[str, Member]:
        return self._overlay(ids, self.new.get_members, self._members, self.db.get_members)

    def get_vectors(self, ids: Iterable[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        return self._overlay(ids, self.new.get_vectors, self._vectors, self.db.get_vectors)

    def get_sigs(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        return self._overlay(ids, self.new.get_sigs, self._sigs, self.db.get_sigs)

    def get_centroids(self, story_ids: Iterable[str]) -> dict[str, tuple[np.ndarray, np.ndarray, int]]:
        return self._overlay(story_ids, self.new.get_centroids, self._centroids, self.db.get_centroids)

    def get_postings(self, feats: list[int]) -> list[tuple[int, str]]:
        return self.stored_postings(feats) + self.new.get_postings(feats)

    def band_candidates(self, buckets: list[int]) -> set[str]:
        self.fetch_bands(buckets)
        out = self.new.band_candidates(buckets)
        for b in buckets:
            out.update(self._bands[b])
        return out

    def story_members(self, story_id: str, limit: int) -> list[str]:
        mine = self.new.story_members(story_id, limit)
        if len(mine) >= limit:
            return mine
        return self.db.story_members(story_id, limit - len(mine)) + mine

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
        kept: list[int] = []
        if sig is not None:
            self.fetch_bands(buckets)
            kept = [
                b
                for b in dict.fromkeys(buckets)
                if len(self._bands[b]) + len(self.new.buckets.get(b, ())) < BUCKET_CAP
            ]
            self._bands_out.extend((b, article_id) for b in kept)
        self._order.append(article_id)
        self._posted_out.extend((f, article_id) for f in posted)
        self._df_out.update(df_updates)
        self.new.write(article_id, member, sig, kept, vec, posted, df_updates, centroid)

    def flush(self) -> None:
        """Write the batch's rows: one multi-row statement per table (per 500 rows)."""
        new = self.new
        self.db.write_many(
            [(a, new.members[a]) for a in self._order],
            [(a, new.sigs[a]) for a in self._order if a in new.sigs],
            self._bands_out,
            [(a, new.vectors[a]) for a in self._order],
            self._posted_out,
            self._df_out,
            new.centroids,
        )
