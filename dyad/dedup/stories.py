"""Story grouping: which articles report the same real-world happening, and which are reposts.

Two questions, two mechanisms:

* **Near-duplicates** (reposts, light rewrites): MinHash signatures (datasketch) over word
  3-shingles, banded for LSH. Articles sharing a band bucket are verified by estimated Jaccard;
  ``duplicate_of`` names the *original* (the root of the chain, never another duplicate).
* **Stories** (different outlets, paraphrases): cheap lexical features -- capitalised-name tokens and
  phrases (people, places), numbers (magnitudes, tolls, years) and content words -- weighted by
  TF-IDF with document frequencies kept incrementally. Candidate articles come from an inverted
  index over the new article's *rarest* features (posting lists are capped, too-common features are
  ignored) and from a publication-date window, never from all pairs, so adding an article costs
  about the same whatever the store size. The candidates' stories are scored by weighted cosine
  to the story *centroid* (sum of member vectors, trimmed to a fixed size; ``link="nearest"``
  uses the best single member instead), and the article joins the best story when the score
  reaches ``story_threshold`` (a little less for a story with a member published within a day);
  otherwise it opens a story. Words of the lead count extra; numbers count most.
* **Batches**: ``add_many`` gives the same result as ``add`` one by one, with a fixed handful of
  bulk statements per batch, and can run inside a caller's transaction (``transactions=False``).

ECB+ topics 1-35, all 835 documents grouped at once without dates (``dyad.eval.ecbplus``):
B-cubed P/R/F1 0.876/0.902/0.889 on odd topics (tuning half), 0.965/0.864/0.912 on even
(held-out), 0.921/0.883/0.901 overall, against F1 0.68 for grouping by topic alone. The remaining errors are ECB+'s deliberately confusable pairs (two
Microsoft IE patches, two Klitschko title fights, two Qeshm earthquakes) whose articles share
almost every name; in real feeds the publication-date window separates most such pairs.

``story_id`` is the article_id of the story's first article (stable and readable; a story is
never renamed). Assignment is incremental and order-dependent by design: earlier decisions are
never revised, which is what lets a database continue across runs.

Seeds 001 and 003 (Li Qiang in Moscow, 2024-08-21) are machine paraphrases of one wire story:
they share the story (entities Li Qiang, Moscow, Putin, Mishustin, Kursk, Belarus ...) but not
their wording, so at shingle level they are *not* near-duplicates (estimated 3-shingle Jaccard
well below 0.5) and ``duplicate_of`` stays null. Near-duplicate means "the same text, reposted or
lightly edited", which a paraphrase is not.

This module is the algorithm (candidate lookup, scoring, assignment) and its public API; the
parts it is built from live beside it, each readable on its own:

* :mod:`dyad.dedup.story_features` -- shingles, MinHash signatures and LSH buckets, typed
  lexical features and their vectors (stateless, from the text alone);
* :mod:`dyad.dedup.story_tables` -- the DuckDB tables (:func:`ensure_tables`) and the in-memory
  and DuckDB backends behind one lookup/write interface;
* :mod:`dyad.dedup.story_batch` -- the bulk-read cache through which :meth:`StoryIndex.add_many`
  matches one-by-one ``add`` in a few statements per batch.

The names other code uses are importable from here, as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from typing import Any

import numpy as np

from dyad.dedup.story_batch import BatchView
from dyad.dedup.story_features import (
    DUP_THRESHOLD,
    LEAD_BOOST,
    LEAD_CHARS,
    NUM_PERM,
    SHINGLE,
    TYPE_WEIGHT,
    extract_features,
    prepare,
)
from dyad.dedup.story_tables import BUCKET_CAP, DuckDBBackend, Member, MemoryBackend, ensure_tables
from dyad.records import Article

try:  # duckdb is a dependency, but the in-memory index must not need it at import time
    import duckdb
except ImportError:  # pragma: no cover
    duckdb = None  # type: ignore[assignment]

__all__ = [  # the public names; the constants of the feature and table modules re-exported
    "BUCKET_CAP",
    "CENTROID_FEATURES",
    "DATE_WINDOW_DAYS",
    "DUP_THRESHOLD",
    "LEAD_BOOST",
    "LEAD_CHARS",
    "MAX_CANDIDATES",
    "MEMBERS_CHECKED",
    "MIN_MEMBER_SIM",
    "NUM_PERM",
    "POSTING_CAP",
    "QUERY_FEATURES",
    "SAME_DAY_ALLOWANCE",
    "SHINGLE",
    "STORIES_CHECKED",
    "STORY_THRESHOLD",
    "TYPE_WEIGHT",
    "StoryAssignment",
    "StoryIndex",
    "ensure_tables",
    "extract_features",
    "group_stories",
]

STORY_THRESHOLD = 0.25  # weighted cosine to the candidate story centroid (tuned on ECB+ odd topics)
POSTING_CAP = 1000  # features seen in more articles than this are "too common": no postings
QUERY_FEATURES = 40  # rarest features of the new article used to fetch candidates
MAX_CANDIDATES = 40  # candidates scored in full
SAME_DAY_ALLOWANCE = 0.03  # threshold lowered by this for a story with a member published within a day
DATE_WINDOW_DAYS = 10  # candidates published further apart (both dates known) are not the same story
STORIES_CHECKED = 3  # best-scoring candidate stories tried, in order
MEMBERS_CHECKED = 30  # most recent members of a story checked against the new article
MIN_MEMBER_SIM = (
    0.0  # optional complete-link check: every checked member must reach this cosine (off: lowered ECB+ F1)
)
CENTROID_FEATURES = 600  # features kept per story centroid


@dataclass(slots=True)
class StoryAssignment:
    """Where an added article went: its story and, for a repost, the original it copies."""

    story_id: str
    duplicate_of: str | None


def _parse_date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


class StoryIndex:
    """Incremental story grouping and near-duplicate detection.

    ``StoryIndex()`` keeps everything in memory; ``StoryIndex(con)`` persists in DuckDB tables
    (created by :func:`ensure_tables`) so the next run continues from the stored state. Adding
    the same article_id twice returns the stored assignment and changes nothing.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection | None = None,
        *,
        story_threshold: float = STORY_THRESHOLD,
        dup_threshold: float = DUP_THRESHOLD,
        date_window_days: int = DATE_WINDOW_DAYS,
        link: str = "centroid",
        min_member_sim: float = MIN_MEMBER_SIM,
        transactions: bool = True,
    ) -> None:
        self._backend: MemoryBackend | DuckDBBackend | BatchView = (
            MemoryBackend() if con is None else DuckDBBackend(con, transactions)
        )
        self.df, self.n_docs = self._backend.load_state()
        self.story_threshold = story_threshold
        self.dup_threshold = dup_threshold
        self.date_window_days = date_window_days
        self.link = link
        self.min_member_sim = min_member_sim

    # -- scoring helpers
    def _idf(self, feats: np.ndarray) -> np.ndarray:
        n = self.n_docs + 1
        df = np.fromiter(map(self.df.get, feats.tolist(), repeat(0)), dtype=np.float64, count=len(feats))
        return np.log((n + 1.0) / (df + 1.0))

    def _weighted(
        self, vec: tuple[np.ndarray, np.ndarray], table: tuple[np.ndarray, np.ndarray] | None = None
    ) -> tuple[np.ndarray, np.ndarray, float]:
        """idf-weighted vector and its norm; ``table`` (from :meth:`_idf_table`) holds the idf of
        every feature involved, so the many vectors scored for one article share one lookup."""
        idf = self._idf(vec[0]) if table is None else table[1][np.searchsorted(table[0], vec[0])]
        w = vec[1] * idf
        return vec[0], w, float(np.sqrt(np.dot(w, w))) or 1.0

    def _idf_table(self, feature_arrays: Iterable[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Sorted distinct features of these vectors and their idf (a dictionary lookup per
        distinct feature instead of one per feature of every vector)."""
        arrays = list(feature_arrays)
        uniq = np.unique(np.concatenate(arrays)) if arrays else np.zeros(0, dtype=np.int64)
        return uniq, self._idf(uniq)

    def _near_duplicate(self, sig: np.ndarray | None, buckets: list[int]) -> str | None:
        if sig is None:
            return None
        cands = self._backend.band_candidates(buckets)
        if not cands:
            return None
        best: tuple[float, int, str] | None = None
        members = self._backend.get_members(cands)
        for aid, other in self._backend.get_sigs(cands).items():
            j = float(np.mean(other == sig))
            if j >= self.dup_threshold and aid in members:
                key = (-j, members[aid].seq, aid)
                if best is None or key < best:
                    best = key
        if best is None:
            return None
        original = members[best[2]]
        return original.duplicate_of or best[2]

    def _query_features(self, vec: tuple[np.ndarray, np.ndarray]) -> dict[int, float]:
        """The article's rarest posted features (those whose posting lists fetch candidates)
        with their current idf."""
        feats = vec[0]
        if len(feats) == 0:
            return {}
        dfs = np.fromiter(map(self.df.get, feats.tolist(), repeat(0)), dtype=np.int64, count=len(feats))
        usable = np.nonzero((dfs > 0) & (dfs < POSTING_CAP))[0]
        if len(usable) == 0:
            return {}
        idf = self._idf(feats[usable]) * vec[1][usable]
        order = usable[np.argsort(-idf, kind="stable")][:QUERY_FEATURES]
        return dict(zip((int(f) for f in feats[order]), self._idf(feats[order]), strict=True))

    @staticmethod
    def _top_candidates(postings: Iterable[tuple[int, str]], q_idf: dict[int, float]) -> list[str]:
        votes: dict[str, float] = defaultdict(float)
        for f, aid in postings:
            votes[aid] += q_idf[int(f)]
        return sorted(votes, key=lambda a: (-votes[a], a))[:MAX_CANDIDATES]

    def _best_story(self, vec: tuple[np.ndarray, np.ndarray], published: date | None) -> str | None:
        q_idf = self._query_features(vec)
        if not q_idf:
            return None
        top = self._top_candidates(self._backend.get_postings(list(q_idf)), q_idf)
        if not top:
            return None
        members = self._backend.get_members(top)
        if published is not None:
            top = [
                a
                for a in top
                if a in members
                and (
                    members[a].published is None
                    or abs((members[a].published - published).days) <= self.date_window_days
                )
            ]
        vecs = {a: v for a, v in self._backend.get_vectors(top).items() if a in members}
        cents = (
            {} if self.link == "nearest" else self._backend.get_centroids({members[a].story_id for a in vecs})
        )
        table = self._idf_table([vec[0], *(v[0] for v in vecs.values()), *(c[0] for c in cents.values())])
        qf, qw, qn = self._weighted(vec, table)

        def cos(
            other: tuple[np.ndarray, np.ndarray], table: tuple[np.ndarray, np.ndarray] | None = table
        ) -> float:
            of, ow, on = self._weighted(other, table)
            _, i, j = np.intersect1d(qf, of, assume_unique=True, return_indices=True)
            return float(np.dot(qw[i], ow[j])) / (qn * on)

        nearest: dict[str, float] = {}
        for aid, other in vecs.items():
            sid = members[aid].story_id
            nearest[sid] = max(nearest.get(sid, 0.0), cos(other))
        if self.link == "nearest":
            scores = nearest
        else:
            scores = {sid: cos((c[0], c[1])) for sid, c in cents.items()}
            if self.link == "mixed":
                scores = {sid: (v + nearest[sid]) / 2 for sid, v in scores.items()}
        # a story with a member published within a day of this article needs a little less
        # similarity: same-day reports of one happening are often paraphrases with different
        # details (numbers, quotes); undated articles (ECB+) never get the allowance
        close = (
            {
                members[a].story_id
                for a in vecs
                if members[a].published is not None and abs((members[a].published - published).days) <= 1
            }
            if published is not None
            else set()
        )
        ranked = sorted(
            (
                (v, sid)
                for sid, v in scores.items()
                if v >= self.story_threshold - (SAME_DAY_ALLOWANCE if sid in close else 0.0)
            ),
            key=lambda x: (-x[0], x[1]),
        )
        for _, sid in ranked[:STORIES_CHECKED]:
            if self.min_member_sim <= 0:
                return sid
            # complete-link check: every (recent) member must look like the same happening, so
            # one bridging article cannot pull a second event of the same kind into the story
            ids = self._backend.story_members(sid, MEMBERS_CHECKED)
            if all(cos(v, None) >= self.min_member_sim for v in self._backend.get_vectors(ids).values()):
                return sid
        return None

    def _merge_centroid(
        self, story_id: str, vec: tuple[np.ndarray, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray, int]:
        """Story centroid = sum of member vectors, trimmed to its CENTROID_FEATURES heaviest
        (by current idf) so that a long-running story stays a fixed-size record."""
        old = self._backend.get_centroids([story_id]).get(story_id)
        if old is None:
            return vec[0], vec[1], 1
        feats = np.union1d(old[0], vec[0])
        weights = np.zeros(len(feats), dtype=np.float32)
        weights[np.searchsorted(feats, old[0])] += old[1]
        weights[np.searchsorted(feats, vec[0])] += vec[1]
        if len(feats) > CENTROID_FEATURES:
            keep = np.sort(np.argsort(-(weights * self._idf(feats)), kind="stable")[:CENTROID_FEATURES])
            feats, weights = feats[keep], weights[keep]
        return feats, weights, old[2] + 1

    # -- public
    def add(self, article_id: str, text: str, published: str | None = None) -> StoryAssignment:
        """Assign an article to a story (and flag it as a repost when it is one).

        Cost depends on the article and the capped candidate lists, not on the store size."""
        existing = self._backend.member(article_id)
        if existing is not None:
            return StoryAssignment(existing.story_id, existing.duplicate_of)
        return self._add_prepared(article_id, _parse_date(published), *prepare(text))

    def _add_prepared(
        self,
        article_id: str,
        pub: date | None,
        sig: np.ndarray | None,
        buckets: list[int],
        vec: tuple[np.ndarray, np.ndarray],
    ) -> StoryAssignment:
        dup = self._near_duplicate(sig, buckets)
        if dup is not None:
            story = self._backend.get_members([dup])[dup].story_id
        else:
            story = self._best_story(vec, pub) or article_id
        # document frequencies: update, and post the article under features still below the cap
        df_updates: dict[int, int] = {}
        posted: list[int] = []
        for f in vec[0]:
            f = int(f)
            d = self.df.get(f, 0) + 1
            self.df[f] = d
            df_updates[f] = d
            if d <= POSTING_CAP:
                posted.append(f)
        member = Member(story, dup, pub, self.n_docs)
        self.n_docs += 1
        centroid = self._merge_centroid(story, vec)
        self._backend.write(article_id, member, sig, buckets, vec, posted, df_updates, centroid)
        return StoryAssignment(story, dup)

    def add_many(self, items: Iterable[tuple[str, str, str | None]]) -> list[StoryAssignment]:
        """``add`` for a batch of ``(article_id, text, published)``, in order, with the same
        result as adding them one by one -- but with a DuckDB index in a fixed handful of
        statements per batch (about six reads, one insert per table) instead of a dozen per
        article: stored rows the batch needs are fetched together up front, the batch's own
        articles are seen from memory, and its rows are written at the end.

        With ``transactions=False`` nothing is committed here, so the caller's transaction
        (the store's batch) commits or rolls back the story rows with everything else; after a
        rollback the caller must drop this index (its in-memory document frequencies would
        count the rolled-back articles). With ``transactions=True`` the batch is one
        transaction, and a failure reloads the in-memory state from the tables."""
        items = [(str(a), t or "", p) for a, t, p in items]
        if not isinstance(self._backend, DuckDBBackend):
            return [self.add(a, t, p) for a, t, p in items]
        db = self._backend
        view = BatchView(db)
        view.fetch_members(a for a, _, _ in items)
        prepared: dict[str, tuple[np.ndarray | None, list[int], tuple[np.ndarray, np.ndarray]]] = {}
        for a, t, _ in items:
            if view.stored_member(a) is None and a not in prepared:
                prepared[a] = prepare(t)
        self._prefetch(view, prepared)
        df0, n0 = dict(self.df), self.n_docs
        self._backend = view
        try:
            out = []
            for a, _, p in items:
                existing = view.member(a)
                if existing is not None:
                    out.append(StoryAssignment(existing.story_id, existing.duplicate_of))
                else:
                    out.append(self._add_prepared(a, _parse_date(p), *prepared[a]))
            view.flush()
        except Exception:
            if db.transactions:
                self.df, self.n_docs = df0, n0
            raise
        finally:
            self._backend = db
        return out

    def _prefetch(
        self,
        view: BatchView,
        prepared: dict[str, tuple[np.ndarray | None, list[int], tuple[np.ndarray, np.ndarray]]],
    ) -> None:
        """Fetch, in one statement per table, the stored rows the batch's articles will look at:
        posting lists of each article's query features (chosen with the document frequencies
        it will see, earlier batch articles counted), LSH buckets, then the candidates'
        members, vectors, signatures and their stories' centroids. Stored candidates outside
        a top list that counts batch articles too are in the stored-only top list, so this
        covers what ``add`` asks; anything missed is fetched on demand, never wrong."""
        df, n = self.df, self.n_docs
        sim_df = dict(df)
        queries: list[dict[int, float]] = []
        try:
            for _, _, vec in prepared.values():
                self.df = sim_df
                queries.append(self._query_features(vec))
                for f in vec[0]:
                    sim_df[int(f)] = sim_df.get(int(f), 0) + 1
                self.n_docs += 1
        finally:
            self.df, self.n_docs = df, n
        view.fetch_postings({f for q in queries for f in q})
        view.fetch_bands({b for _, buckets, _ in prepared.values() for b in buckets})
        cands: set[str] = set()
        for q in queries:
            cands.update(self._top_candidates(view.stored_postings(list(q)), q))
        dup_cands = view.band_candidates(sorted({b for _, bs, _ in prepared.values() for b in bs}))
        view.fetch_members(cands | dup_cands)
        view.fetch_vectors(cands)
        view.fetch_sigs(dup_cands)
        stories = {m.story_id for a in cands | dup_cands if (m := view.stored_member(a)) is not None}
        view.fetch_centroids(stories)


def _article_fields(a: Article | dict[str, Any]) -> tuple[str, str, str | None]:
    if isinstance(a, dict):
        return str(a["id"]), str(a.get("text") or ""), a.get("published")
    return a.id, a.text, a.published


def group_stories(articles: Iterable[Article | dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
    """The ``dyad stories`` lines for a batch, statelessly (a fresh in-memory index), in
    input order: ``{"article_id", "story_id", "duplicate_of"}``. Articles are added in
    publication-date order (undated ones last, ties in input order) so that ``story_id`` and
    ``duplicate_of`` point at the earliest article."""
    items = [_article_fields(a) for a in articles]
    order = sorted(range(len(items)), key=lambda i: (items[i][2] is None, (items[i][2] or "")[:10], i))
    index = StoryIndex(**options)
    got: dict[int, StoryAssignment] = {}
    for i in order:
        aid, text, pub = items[i]
        got[i] = index.add(aid, text, pub)
    return [
        {"article_id": items[i][0], "story_id": got[i].story_id, "duplicate_of": got[i].duplicate_of}
        for i in range(len(items))
    ]
