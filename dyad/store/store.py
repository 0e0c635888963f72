"""The embedded DuckDB store: articles, events, mentions; batch insert, queries, exports.

Why DuckDB: one file, no server, columnar scans fast enough for filters and aggregations over
millions of events, and Parquet/CSV writers built in. Every batch is one transaction, so a run that
dies midway keeps all committed batches and a re-run completes the rest; articles are keyed by the
hash of their cleaned text and events by their stable ``event_id``, so re-adding adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from dyad.dedup.events import assign_clusters
from dyad.dedup.stories import StoryIndex
from dyad.records import Actor, Article, Event, Location
from dyad.store.filters import EventFilter
from dyad.store.schema import ARTICLE_COLUMNS, DDL, EVENT_COLUMNS, MENTION_COLUMNS, SCHEMA_VERSION

log = logging.getLogger(__name__)


_ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("content_hash", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("author", pa.string()),
        ("published", pa.date32()),
        ("origin", pa.string()),
        ("text", pa.string()),
        ("story_id", pa.string()),
        ("duplicate_of", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
_INT = {"sentence_index", "span_start", "span_end", "trigger_start", "trigger_end", "quad_class"}
_FLOAT = {"goldstein", "location_lat", "location_lon", "confidence"}
_EVENT_SCHEMA = pa.schema(
    [
        (
            name,
            pa.int32()
            if name in _INT
            else pa.float64()
            if name in _FLOAT
            else pa.int64()
            if name == "location_geonameid"
            else pa.bool_()
            if name == "negated"
            else pa.date32()
            if name == "date"
            else pa.timestamp("us")
            if name == "ingested_at"
            else pa.string(),
        )
        for name in EVENT_COLUMNS
    ]
)
_MENTION_SCHEMA = pa.schema([(name, pa.int32() if name in _INT else pa.string()) for name in MENTION_COLUMNS])


def content_hash(text: str) -> str:
    """sha256 of the cleaned text: the same function the clean stage uses for ``content_hash``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso_date(value: Any) -> dt.date | None:
    """A DATE from an ISO date/datetime string; None (not an error) when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def outlet_of(article: Article | None, article_id: str) -> str:
    """The key that makes two mentions come from "different sources" (GDELT NumSources):
    the outlet name, else the URL's host, else the file the article came from."""
    if article is not None:
        if article.source and article.source.strip():
            return article.source.strip().lower()
        if article.url:
            host = urlsplit(article.url).hostname
            if host:
                return host.removeprefix("www.").lower()
        if article.origin:
            return article.origin.split(":", 1)[0]
    return article_id


def _event_row(e: Event, now: dt.datetime) -> dict[str, Any]:
    """Flatten an Event into ``events`` columns."""
    src, tgt, loc = e.source, e.target, e.location
    trig = e.trigger_span
    return {
        "event_id": e.event_id,
        "article_id": e.article_id,
        "cluster_id": e.cluster_id or e.event_id,
        "sentence_index": e.sentence_index,
        "evidence": e.evidence,
        "span_start": e.evidence_span[0] if e.evidence_span else None,
        "span_end": e.evidence_span[1] if e.evidence_span else None,
        "trigger_start": trig[0] if trig else None,
        "trigger_end": trig[1] if trig else None,
        "date": _iso_date(e.date),
        "date_precision": e.date_precision,
        "date_text": e.date_text,
        "source_code": src.code if src else None,
        "source_country": src.country if src else None,
        "source_sector": src.sector if src else None,
        "source_name": src.name if src else None,
        "source_text": (src.text or "") if src else None,
        "target_code": tgt.code if tgt else None,
        "target_country": tgt.country if tgt else None,
        "target_sector": tgt.sector if tgt else None,
        "target_name": tgt.name if tgt else None,
        "target_text": (tgt.text or "") if tgt else None,  # NULL text <=> no target
        "cameo": e.cameo,
        "cameo_root": e.cameo_root,
        "plover": e.plover,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "modality": e.modality,
        "negated": bool(e.negated),
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "location_feature": loc.feature if loc else None,
        "confidence": e.confidence,
        "ingested_at": now,
    }


def row_to_event(row: dict[str, Any]) -> Event:
    """Rebuild an Event from a flat ``events`` row (inverse of the flattening on insert)."""
    date = row.get("date")
    target = None
    if row.get("target_text") is not None:
        target = Actor(
            code=row["target_code"],
            country=row["target_country"],
            sector=row["target_sector"],
            name=row["target_name"],
            text=row["target_text"],
        )
    location = None
    if row.get("location_name") is not None:
        location = Location(
            name=row["location_name"],
            country=row["location_country"],
            lat=row["location_lat"],
            lon=row["location_lon"],
            geonameid=row["location_geonameid"],
            feature=row.get("location_feature") or "city",
        )
    trig = None
    if row.get("trigger_start") is not None and row.get("trigger_end") is not None:
        trig = (row["trigger_start"], row["trigger_end"])
    return Event(
        event_id=row["event_id"],
        article_id=row["article_id"],
        sentence_index=row["sentence_index"],
        evidence=row["evidence"],
        evidence_span=(row["span_start"], row["span_end"]),
        source=Actor(
            code=row["source_code"],
            country=row["source_country"],
            sector=row["source_sector"],
            name=row["source_name"],
            text=row["source_text"] or "",
        ),
        target=target,
        cameo=row["cameo"],
        cameo_root=row["cameo_root"],
        plover=row["plover"],
        goldstein=row["goldstein"],
        quad_class=row["quad_class"],
        date=date.isoformat() if isinstance(date, dt.date) else date,
        date_precision=row["date_precision"],
        date_text=row["date_text"],
        modality=row["modality"] or "asserted",
        negated=bool(row["negated"]),
        location=location,
        confidence=row["confidence"] if row["confidence"] is not None else 0.5,
        cluster_id=row["cluster_id"],
        trigger_span=trig,
    )


def row_to_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A contract event dict (as ``Event.to_dict``) plus the cluster's GDELT counts."""
    d = row_to_event(row).to_dict()
    for key in ("num_mentions", "num_sources", "num_articles"):
        if key in row:
            d[key] = row[key]
    return d


class Store:
    """An embedded DuckDB database of articles, events and mentions.

    Use as a context manager. ``read_only=True`` opens an existing file without taking the write
    lock (DuckDB allows one writing process), which is what query/analysis/HTTP callers want."""

    def __init__(self, path: str | Path = "dyad.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:" and not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path, read_only=read_only)
        self._story_index: Any = None
        if not read_only:
            self._ensure_schema()

    # -- lifecycle -----------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self.con is not None:
            self.con.close()
            self.con = None  # type: ignore[assignment]

    def _ensure_schema(self) -> None:
        self.con.begin()
        try:
            for statement in DDL:
                self.con.execute(statement)
            self.con.execute("INSERT OR IGNORE INTO dyad_meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    # -- lookups -------------------------------------------------------------------------------
    def stored_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored already (so the pipeline skips them before
        coding). One indexed query for the whole list."""
        wanted = sorted({h for h in hashes if h})
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))",
            [wanted],
        ).fetchall()
        return {r[0] for r in rows}

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored already, whatever their text."""
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def has_article(self, content_hash_: str) -> bool:
        """Whether an article with this cleaned-text hash is stored."""
        return bool(self.stored_hashes([content_hash_]))

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article as a dict (with its cleaned text), or None."""
        cur = self.con.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        row = cur.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cur.description]
        return dict(zip(names, row, strict=True))

    def counts(self) -> dict[str, int]:
        """Row counts: articles, events (records), clusters (distinct real-world events), mentions."""
        one = self.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(DISTINCT cluster_id) FROM events), (SELECT count(*) FROM mentions)"
        ).fetchone()
        assert one is not None
        return dict(zip(("articles", "events", "clusters", "mentions"), map(int, one), strict=True))

    # -- writing -------------------------------------------------------------------------------
    def add_batch(self, articles: Sequence[Article], events: Sequence[Event]) -> dict[str, int]:
        """Store one batch of articles and their events in ONE transaction.

        Articles whose content hash is stored (or repeated in the batch) are skipped, with their
        events when those belong to the skipped copy; events whose ``event_id`` is stored are
        skipped. Story grouping and cross-source event clustering run inside the transaction (when
        ``dyad.dedup`` is available), so a failure leaves the database exactly as before the call.

        Returns counts: articles_added, articles_already_stored, articles_conflicting (same id,
        different text: kept as stored), events_added, events_already_stored, events_skipped."""
        counts = dict.fromkeys(
            (
                "articles_added",
                "articles_already_stored",
                "articles_conflicting",
                "events_added",
                "events_already_stored",
                "events_skipped",
            ),
            0,
        )
        if self.read_only:
            raise PermissionError(f"{self.path} is open read-only")
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        con = self.con
        con.begin()
        try:
            hashes = {a.id: a.content_hash or content_hash(a.text) for a in articles}
            known_hashes = self.stored_hashes(hashes.values())
            ids = sorted({a.id for a in articles} | {e.article_id for e in events})
            stored_ids = self.stored_ids(ids)
            new_articles: list[Article] = []
            new_ids: set[str] = set()
            skipped_ids: set[str] = set()
            seen: set[str] = set()
            for a in articles:
                h = hashes[a.id]
                if h in known_hashes or h in seen:
                    counts["articles_already_stored"] += 1
                    skipped_ids.add(a.id)
                elif a.id in stored_ids or a.id in new_ids:
                    counts["articles_conflicting"] += 1
                    skipped_ids.add(a.id)
                    log.warning("article id %s is stored with different text; keeping the stored one", a.id)
                else:
                    seen.add(h)
                    new_ids.add(a.id)
                    new_articles.append(a)
            kept_ids = new_ids
            # Events of a skipped copy (a repost under another id) are not stored; events of the
            # stored article itself fall to the event_id check below.
            candidates = [
                e for e in events if not (e.article_id in skipped_ids and e.article_id not in stored_ids)
            ]
            counts["events_skipped"] = len(events) - len(candidates)
            known_events = (
                {
                    r[0]
                    for r in con.execute(
                        "SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                        [sorted({e.event_id for e in candidates})],
                    ).fetchall()
                }
                if candidates
                else set()
            )
            new_events: list[Event] = []
            seen_events: set[str] = set()
            for e in candidates:
                if e.event_id in known_events or e.event_id in seen_events:
                    counts["events_already_stored"] += 1
                else:
                    seen_events.add(e.event_id)
                    new_events.append(e)

            stories = self._assign_stories(new_articles)
            outlets = {a.id: outlet_of(a, a.id) for a in new_articles}
            story_of = {aid: sid for aid, (sid, _) in stories.items()}
            missing = sorted({e.article_id for e in new_events} - kept_ids)
            if missing:
                for row in con.execute(
                    "SELECT id, source, url, origin, story_id FROM articles "
                    "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                    [missing],
                ).fetchall():
                    outlets[row[0]] = outlet_of(
                        Article(id=row[0], text="", source=row[1], url=row[2], origin=row[3] or ""), row[0]
                    )
                    story_of[row[0]] = row[4] or row[0]
            self._assign_clusters([e for e in new_events if not e.cluster_id], story_of)

            if new_articles:
                rows = [
                    {
                        "id": a.id,
                        "content_hash": hashes[a.id],
                        "title": a.title,
                        "url": a.url,
                        "source": a.source,
                        "author": a.author,
                        "published": _iso_date(a.published),
                        "origin": a.origin,
                        "text": a.text,
                        "story_id": stories[a.id][0],
                        "duplicate_of": stories[a.id][1],
                        "ingested_at": now,
                    }
                    for a in new_articles
                ]
                self._insert("articles", ARTICLE_COLUMNS, pa.Table.from_pylist(rows, schema=_ARTICLE_SCHEMA))
            if new_events:
                event_rows = [_event_row(e, now) for e in new_events]
                self._insert("events", EVENT_COLUMNS, pa.Table.from_pylist(event_rows, schema=_EVENT_SCHEMA))
                mention_rows = [
                    {
                        "event_id": r["event_id"],
                        "cluster_id": r["cluster_id"],
                        "article_id": r["article_id"],
                        "sentence_index": r["sentence_index"],
                        "span_start": r["span_start"],
                        "span_end": r["span_end"],
                        "source": outlets.get(r["article_id"], r["article_id"]),
                    }
                    for r in event_rows
                ]
                self._insert(
                    "mentions", MENTION_COLUMNS, pa.Table.from_pylist(mention_rows, schema=_MENTION_SCHEMA)
                )
            con.commit()
        except BaseException:
            con.rollback()
            self._story_index = None  # its in-memory state may hold rolled-back articles
            raise
        counts["articles_added"] = len(new_articles)
        counts["events_added"] = len(new_events)
        return counts

    def _insert(self, table: str, columns: Sequence[str], data: pa.Table) -> None:
        """Bulk insert an Arrow table (one statement instead of a row-by-row executemany)."""
        view = f"_dyad_new_{table}"
        cols = ", ".join(columns)
        self.con.register(view, data)
        try:
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}")
        finally:
            self.con.unregister(view)

    def _assign_stories(self, articles: Sequence[Article]) -> dict[str, tuple[str, str | None]]:
        """story_id / duplicate_of per article from the dedup stage's incremental MinHash index.
        The index runs on the batch connection without transactions of its own, so its rows commit
        or roll back with the batch (``add_batch`` drops the index after a rollback: its cached
        counts are stale)."""
        result: dict[str, tuple[str, str | None]] = {a.id: (a.id, None) for a in articles}
        if not articles:
            return result
        if self._story_index is None:
            self._story_index = StoryIndex(self.con, transactions=False)
        got = self._story_index.add_many([(a.id, a.text, a.published) for a in articles])
        for a, g in zip(articles, got, strict=True):
            result[a.id] = (g.story_id or a.id, g.duplicate_of)
        return result

    def _assign_clusters(self, events: list[Event], story_of: dict[str, str]) -> None:
        """cluster_id per event from the dedup stage, which matches them against stored events
        through its index table; it runs on the batch connection, so its index rows commit or
        roll back with the batch."""
        if events:
            assign_clusters(events, self.con, story_of=story_of)
        for e in events:
            if not e.cluster_id:
                e.cluster_id = e.event_id

    # -- reading -------------------------------------------------------------------------------
    def select_rows(
        self, filters: EventFilter | None = None, *, clusters: bool = False, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Flat event rows matching the filters, with cluster counts and article fields
        (``published``, ``url``, ``outlet``, ``title``, ``article_ingested_at``).

        ``clusters=True`` keeps one row per cluster: its representative among the matching
        records (most confident, most precise date), which is what GDELT-style exports want."""
        cur = self._select(filters, clusters=clusters, limit=limit)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def select_arrow(
        self, filters: EventFilter | None = None, *, clusters: bool = False, limit: int | None = None
    ) -> pa.Table:
        """As ``select_rows`` but as an Arrow table (bulk exports and analysis without Python rows)."""
        sql, params = self._select_sql(filters, clusters=clusters, limit=limit)
        return self.con.sql(sql, params=params).to_arrow_table()

    def _select(self, filters: EventFilter | None, *, clusters: bool, limit: int | None) -> Any:
        sql, params = self._select_sql(filters, clusters=clusters, limit=limit)
        return self.con.execute(sql, params)

    def _select_sql(
        self, filters: EventFilter | None, *, clusters: bool, limit: int | None
    ) -> tuple[str, list[Any]]:
        where, params = (filters or EventFilter()).where()
        rank = (
            "row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.confidence DESC NULLS LAST, "
            "CASE e.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2 "
            "WHEN 'year' THEN 3 ELSE 4 END, e.event_id)"
        )
        sql = f"""
            WITH f AS (
                SELECT e.*, count(*) OVER (PARTITION BY e.cluster_id) AS matched_records,
                       {rank} AS rep_rank
                FROM events e WHERE {where}
            )
            SELECT f.* EXCLUDE (rep_rank), s.num_mentions, s.num_sources, s.num_articles,
                   s.first_sentence, a.published, a.url, a.source AS outlet, a.title,
                   a.origin, a.ingested_at AS article_ingested_at
            FROM f
            LEFT JOIN cluster_stats s ON s.cluster_id = f.cluster_id
            LEFT JOIN articles a ON a.id = f.article_id
            {"WHERE f.rep_rank = 1" if clusters else ""}
            ORDER BY f.date NULLS LAST, a.published NULLS LAST, f.article_id, f.sentence_index,
                     f.span_start, f.event_id
        """
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, int(limit)]
        return sql, params

    def query_events(
        self,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        root: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
        both_directions: bool = False,
        clusters: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored events as contract dicts (plus ``num_mentions``, ``num_sources``,
        ``num_articles`` of their cluster), ordered by date then article.

        ``source``/``target`` match an actor-code prefix (CHN matches CHNGOV) or the country;
        ``actor`` is a case-insensitive substring of either side's name or text; ``clusters=True``
        returns one representative record per real-world event instead of every report."""
        f = EventFilter(
            source=source,
            target=target,
            actor=actor,
            root=root,
            cameo=cameo,
            plover=plover,
            since=since,
            until=until,
            both_directions=both_directions,
        )
        return [row_to_dict(r) for r in self.select_rows(f, clusters=clusters, limit=limit)]

    def query_mentions(self, cluster_id: str) -> list[dict[str, Any]]:
        """Every article sentence that reports one cluster, with outlet and URL."""
        cur = self.con.execute(
            "SELECT m.*, a.url, a.published, a.title FROM mentions m "
            "LEFT JOIN articles a ON a.id = m.article_id WHERE m.cluster_id = ? "
            "ORDER BY a.published NULLS LAST, m.article_id, m.sentence_index",
            [cluster_id],
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # -- exports -------------------------------------------------------------------------------
    def export(self, format: str, path: str | Path, **options: Any) -> int:
        """Write stored events to ``path`` in ``format`` and return the number of rows/records.

        Formats: ``gdelt`` (GDELT 2.0 event table, one row per cluster; ``header=True`` adds a
        header), ``gdelt-mentions`` (GDELT 2.0 mentions table), ``plover`` (JSON array, or JSON
        lines when the path ends in ``.jsonl``; ``jsonl=True`` forces it), ``csv``, ``parquet``,
        ``jsonl`` (contract events). Filter keywords as for ``query_events``; ``clusters=True``
        dedups csv/parquet/plover/jsonl to one record per cluster (plover's default)."""
        from dyad.store.export import export as _export

        return _export(self, format, path, **options)
