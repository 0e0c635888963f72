"""JSON Lines input, streamed one line at a time so a large file never sits in memory whole."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from dyad.ingest.formats import article_from_record
from dyad.records import Article, InputProblem

__all__ = ["read_jsonl_binary", "read_jsonl_stream", "DEFAULT_MAX_ARTICLE_BYTES"]

# One article larger than this is almost certainly not an article (a dump, a mis-split file):
# it is reported instead of being read, parsed and coded.
DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024


def _mb(n: int) -> str:
    """A byte count for messages: "50.0 MB", "1.7 KB", "900 bytes"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _parse_line(line: str, origin: str) -> Article | InputProblem | None:
    stripped = line.strip()
    if not stripped:
        return None
    try:
        record = json.loads(stripped)
    except json.JSONDecodeError as exc:
        return InputProblem(origin, f"malformed JSON: {exc.msg} (column {exc.colno})")
    return article_from_record(record, origin)


def read_jsonl_stream(lines: Iterable[str], origin: str) -> Iterator[Article | InputProblem]:
    """Articles from JSONL lines; a bad line yields an ``InputProblem`` at ``origin:line`` and
    reading goes on. Blank lines are skipped."""
    for lineno, line in enumerate(lines, start=1):
        result = _parse_line(line, f"{origin}:{lineno}")
        if result is not None:
            yield result


def read_jsonl_binary(
    stream: BinaryIO, origin: str, max_line_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> Iterator[Article | InputProblem]:
    """Like :func:`read_jsonl_stream` for a binary stream (a file, stdin): each line is decoded
    on its own, so one line with bad UTF-8 is one problem, and a line longer than
    ``max_line_bytes`` is skipped without being held in memory."""
    lineno = 0
    while True:
        chunk = stream.readline(max_line_bytes + 1)
        if not chunk:
            return
        lineno += 1
        where = f"{origin}:{lineno}"
        if len(chunk) > max_line_bytes and not chunk.endswith(b"\n"):
            size = len(chunk)
            while True:  # drain the rest of the over-long line in bounded pieces
                rest = stream.readline(1024 * 1024)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield InputProblem(
                where, f"line is {_mb(size)}; one article may be at most {_mb(max_line_bytes)}"
            )
            continue
        try:
            line = chunk.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield InputProblem(where, f"invalid UTF-8 at byte {exc.start} of the line")
            continue
        result = _parse_line(line, where)
        if result is not None:
            yield result
