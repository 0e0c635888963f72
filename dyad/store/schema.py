"""DuckDB schema of a dyad database.

Three tables and one view:

* ``articles``: one row per distinct cleaned text (``content_hash`` is unique), with the cleaned
  text itself because every event offset refers to it.
* ``events``: one row per coded event record (an article sentence coded as an event); the contract's
  nested ``source``/``target``/``location`` objects are flattened into columns so that filters are
  plain column predicates.
* ``mentions``: one row per event record, naming the cluster (real-world event) it reports, the
  article sentence and the outlet; the GDELT-style counts are computed from it.
* ``event_clusters`` (view): per ``cluster_id`` the representative event record plus
  ``num_mentions``, ``num_sources`` and ``num_articles`` as GDELT defines them.

All DDL is idempotent (``IF NOT EXISTS`` / ``OR REPLACE``) so opening an existing database is cheap.
"""

from __future__ import annotations

SCHEMA_VERSION = "1"

#: Columns of ``events`` in insertion order (the store builds rows in exactly this order).
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "cluster_id",
    "sentence_index",
    "evidence",
    "span_start",
    "span_end",
    "trigger_start",
    "trigger_end",
    "date",
    "date_precision",
    "date_text",
    "source_code",
    "source_country",
    "source_sector",
    "source_name",
    "source_text",
    "target_code",
    "target_country",
    "target_sector",
    "target_name",
    "target_text",
    "cameo",
    "cameo_root",
    "plover",
    "goldstein",
    "quad_class",
    "modality",
    "negated",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "location_geonameid",
    "location_feature",
    "confidence",
    "ingested_at",
)

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id",
    "content_hash",
    "title",
    "url",
    "source",
    "author",
    "published",
    "origin",
    "text",
    "story_id",
    "duplicate_of",
    "ingested_at",
)

MENTION_COLUMNS: tuple[str, ...] = (
    "event_id",
    "cluster_id",
    "article_id",
    "sentence_index",
    "span_start",
    "span_end",
    "source",
)

DDL: tuple[str, ...] = (
    """
    CREATE TABLE IF NOT EXISTS dyad_meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL UNIQUE,
        title VARCHAR,
        url VARCHAR,
        source VARCHAR,
        author VARCHAR,
        published DATE,
        origin VARCHAR,
        text VARCHAR,
        story_id VARCHAR,
        duplicate_of VARCHAR,
        ingested_at TIMESTAMP
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        cluster_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        evidence VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        date DATE,
        date_precision VARCHAR,
        date_text VARCHAR,
        source_code VARCHAR,
        source_country VARCHAR,
        source_sector VARCHAR,
        source_name VARCHAR,
        source_text VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        target_name VARCHAR,
        target_text VARCHAR,
        cameo VARCHAR,
        cameo_root VARCHAR,
        plover VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        modality VARCHAR,
        negated BOOLEAN,
        location_name VARCHAR,
        location_country VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        location_geonameid BIGINT,
        location_feature VARCHAR,
        confidence DOUBLE,
        ingested_at TIMESTAMP
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS mentions (
        event_id VARCHAR PRIMARY KEY,
        cluster_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        span_start INTEGER,
        span_end INTEGER,
        source VARCHAR
    )
    """,
    # Per cluster: GDELT counts over all its mentions, and the representative record (the most
    # confident; then the most precise date; then the lowest id so the choice is stable).
    """
    CREATE OR REPLACE VIEW cluster_stats AS
    SELECT cluster_id,
           count(DISTINCT article_id || ':' || CAST(sentence_index AS VARCHAR)) AS num_mentions,
           count(DISTINCT source) AS num_sources,
           count(DISTINCT article_id) AS num_articles,
           min(sentence_index) AS first_sentence
    FROM mentions
    GROUP BY cluster_id
    """,
    """
    CREATE OR REPLACE VIEW event_clusters AS
    WITH ranked AS (
        SELECT e.*,
               row_number() OVER (
                   PARTITION BY e.cluster_id
                   ORDER BY e.confidence DESC NULLS LAST,
                            CASE e.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1
                                 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 4 END,
                            e.event_id
               ) AS rep_rank
        FROM events e
    )
    SELECT r.* EXCLUDE (rep_rank), s.num_mentions, s.num_sources, s.num_articles, s.first_sentence
    FROM ranked r JOIN cluster_stats s USING (cluster_id)
    WHERE r.rep_rank = 1
    """,
)
