"""Ingest: files, folders, JSONL, HTML and RSS/Atom feeds to raw ``Article`` records.

``read_inputs`` is the I/O edge; the ``parse_*`` functions are pure and reusable. Bad input is
never raised: it comes out as ``InputProblem(origin, reason)`` in the same stream.
"""

from dyad.ingest.dates import find_dateline, normalize_date
from dyad.ingest.decode import DecodeError, decode_bytes
from dyad.ingest.formats import (
    article_from_record,
    html_fragment_to_text,
    parse_feed,
    parse_html,
    parse_text,
)
from dyad.ingest.jsonl import DEFAULT_MAX_ARTICLE_BYTES, read_jsonl_binary, read_jsonl_stream
from dyad.ingest.reader import read_inputs, read_manifest

__all__ = [
    "DEFAULT_MAX_ARTICLE_BYTES",
    "DecodeError",
    "article_from_record",
    "decode_bytes",
    "find_dateline",
    "html_fragment_to_text",
    "normalize_date",
    "parse_feed",
    "parse_html",
    "parse_text",
    "read_inputs",
    "read_jsonl_binary",
    "read_jsonl_stream",
    "read_manifest",
]
