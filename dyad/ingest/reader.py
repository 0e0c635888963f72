"""The I/O edge of ingest: walk paths, check sizes, decode, dispatch to the pure parsers.

``read_inputs`` never raises for bad input. Each unusable file, line or feed item becomes one
:class:`InputProblem` naming where it is and why, and reading continues with the next one.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from dyad.ingest.dates import normalize_date
from dyad.ingest.decode import DecodeError, decode_bytes, looks_binary
from dyad.ingest.formats import article_from_record, parse_feed, parse_html, parse_text
from dyad.ingest.jsonl import DEFAULT_MAX_ARTICLE_BYTES, _mb, read_jsonl_binary, read_jsonl_stream
from dyad.records import Article, InputProblem

__all__ = ["read_inputs", "read_manifest", "ManifestEntry", "DEFAULT_MAX_ARTICLE_BYTES"]

TEXT_EXTS = {"", ".txt", ".text"}
HTML_EXTS = {".html", ".htm", ".xhtml", ".shtml"}
FEED_EXTS = {".xml", ".rss", ".atom"}
JSONL_EXTS = {".jsonl", ".ndjson", ".json"}
MANIFEST_NAME = "manifest.csv"
# A feed or a JSON array holds many articles and must be parsed whole; it may be this many
# times larger than one article.
CONTAINER_SIZE_FACTOR = 20
_SNIFF = 4096
_EXPECTED = ".txt, .html/.htm, .jsonl/.json, .xml/.rss/.atom"


@dataclass(slots=True)
class ManifestEntry:
    """One row of a ``manifest.csv`` (``id,file,published[,title,url,source,author,...]``)."""

    id: str | None
    published: str | None
    meta: dict[str, str | None] = field(default_factory=dict)


def read_manifest(path: Path) -> tuple[dict[str, ManifestEntry], list[InputProblem]]:
    """Entries of a manifest keyed by the resolved path of their ``file``, plus problems with
    rows (a bad date, a missing file name) that the caller reports once."""
    entries: dict[str, ManifestEntry] = {}
    problems: list[InputProblem] = []
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            fields = {f.strip().lower() for f in reader.fieldnames or []}
            if "file" not in fields:
                problems.append(InputProblem(str(path), "manifest has no 'file' column; ignored"))
                return entries, problems
            for row in reader:
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
                where = f"{path}:{reader.line_num}"
                name = row.get("file", "")
                if not name:
                    problems.append(InputProblem(where, "manifest row has no 'file'"))
                    continue
                published = None
                if row.get("published"):
                    published = normalize_date(row["published"])
                    if published is None:
                        problems.append(InputProblem(
                            where, f"'published' is not a date: {row['published']!r}; ignored"
                        ))  # fmt: skip
                meta = {k: row.get(k) or None for k in ("title", "url", "source", "author")}
                key = str((path.parent / name).resolve())
                entries[key] = ManifestEntry(row.get("id") or None, published, meta)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(InputProblem(str(path), f"cannot read manifest: {exc}"))
    return entries, problems


class _Reader:
    """State for one ``read_inputs`` call: manifest cache and ids already handed out."""

    def __init__(self, max_article_bytes: int, stdin: BinaryIO | None, exclude: Iterable[str | Path] = ()) -> None:
        self.max_bytes = max_article_bytes
        self.stdin = stdin
        self.exclude = {Path(p).resolve() for p in exclude}
        self.manifests: dict[Path, dict[str, ManifestEntry]] = {}
        self.file_ids: set[str] = set()

    # -- paths ------------------------------------------------------------------------------

    def read(self, paths: Sequence[str | Path]) -> Iterator[Article | InputProblem]:
        for p in paths:
            if str(p) == "-":
                stream = self.stdin if self.stdin is not None else sys.stdin.buffer
                yield from read_jsonl_binary(stream, "<stdin>", self.max_bytes)
                continue
            path = Path(p)
            if path.is_dir():
                yield from self._walk(path)
            elif path.exists():
                yield from self._file(path, in_folder=False)
            else:
                yield InputProblem(str(p), "no such file or directory")

    def _walk(self, root: Path) -> Iterator[Article | InputProblem]:
        """Files under ``root`` in sorted order (deterministic ids and output), skipping hidden
        files and folders and the manifests themselves."""
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name.lower() == MANIFEST_NAME:
                    continue
                if self.exclude and (Path(dirpath) / name).resolve() in self.exclude:
                    continue
                yield from self._file(Path(dirpath) / name, in_folder=True)

    # -- one file ---------------------------------------------------------------------------

    def _file(self, path: Path, in_folder: bool) -> Iterator[Article | InputProblem]:
        origin = str(path)
        try:
            size = path.stat().st_size
            if size == 0:
                yield InputProblem(origin, "empty file")
                return
            ext = path.suffix.lower()
            kind = self._kind_from_ext(ext)
            if kind is None or kind == "json":
                with path.open("rb") as fh:
                    head = fh.read(_SNIFF)
                if looks_binary(head):
                    yield InputProblem(origin, "binary file (contains NUL bytes), not text")
                    return
                sniffed = _sniff(head)
                if kind == "json":
                    # Small .json files are parsed whole (an array or one pretty-printed
                    # object); large ones can only be JSON Lines, streamed.
                    small = size <= self.max_bytes * CONTAINER_SIZE_FACTOR
                    kind = "json" if small and sniffed in ("jsonarray", "jsonl") else "jsonl"
                elif sniffed != "text":
                    kind = "json" if sniffed == "jsonarray" else sniffed
                elif in_folder and ext:
                    yield InputProblem(origin, f"unsupported file type '{ext}' (expected {_EXPECTED})")
                    return
                else:
                    kind = "text"
            if kind == "jsonl":
                with path.open("rb") as fh:
                    yield from read_jsonl_binary(fh, origin, self.max_bytes)
                return
            limit = self.max_bytes * (CONTAINER_SIZE_FACTOR if kind in ("feed", "json") else 1)
            if size > limit:
                what = {"feed": "a feed", "json": "a JSON file"}.get(kind, "one article")
                yield InputProblem(origin, f"file is {_mb(size)}; {what} may be at most {_mb(limit)}")
                return
            data = path.read_bytes()
        except OSError as exc:
            yield InputProblem(origin, f"cannot read: {exc.strerror or exc}")
            return
        if kind == "feed":
            yield from parse_feed(data, origin)
            return
        text: str | bytes
        try:
            # A page declares its charset, which trafilatura honours; guessing cp1252 would not.
            text = decode_bytes(data, origin, legacy_fallback=kind != "html")
        except DecodeError as exc:
            if kind != "html" or looks_binary(data[:_SNIFF]):
                yield InputProblem(origin, str(exc))
                return
            text = data  # a page in a legacy charset: trafilatura reads its <meta charset>
        if kind == "json" and isinstance(text, str):
            yield from _json_document(text, origin)
            return
        entry, problems = self._manifest_entry(path)
        yield from problems
        article_id = entry.id if entry and entry.id else self._file_id(path)
        published = entry.published if entry else None
        meta = entry.meta if entry else {}
        if kind == "html":
            yield parse_html(text, article_id, origin, published, **meta)
        elif isinstance(text, str):
            yield parse_text(text, article_id, origin, published, **meta)

    @staticmethod
    def _kind_from_ext(ext: str) -> str | None:
        if ext in TEXT_EXTS:
            return "text" if ext else None  # extensionless files are sniffed
        if ext in HTML_EXTS:
            return "html"
        if ext in FEED_EXTS:
            return "feed"
        if ext == ".json":
            return "json"
        if ext in JSONL_EXTS:
            return "jsonl"
        return None

    def _manifest_entry(self, path: Path) -> tuple[ManifestEntry | None, list[InputProblem]]:
        """The manifest row for ``path`` from ``manifest.csv`` in its folder; the manifest's own
        problems are returned the first time that folder is seen."""
        folder = path.parent
        problems: list[InputProblem] = []
        if folder not in self.manifests:
            manifest = folder / MANIFEST_NAME
            entries: dict[str, ManifestEntry] = {}
            if manifest.is_file():
                entries, problems = read_manifest(manifest)
            self.manifests[folder] = entries
        return self.manifests[folder].get(str(path.resolve())), problems

    def _file_id(self, path: Path) -> str:
        """The file stem; when two files in one run share a stem, the later one gets a short
        hash of its path so ids stay unique and deterministic."""
        article_id = path.stem
        if article_id in self.file_ids:
            digest = hashlib.sha1(str(path).encode()).hexdigest()[:8]
            article_id = f"{article_id}~{digest}"
        self.file_ids.add(article_id)
        return article_id


def _sniff(head: bytes) -> str:
    """Guess the format of a file without a telling extension from its first bytes."""
    start = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if start.startswith("["):
        return "jsonarray"
    if start.startswith("{"):
        return "jsonl"
    if start.startswith("<"):
        if "<rss" in start or "<feed" in start or "<rdf:rdf" in start:
            return "feed"
        if "<html" in start or "<!doctype html" in start or "<body" in start or "<p" in start:
            return "html"
    return "text"


def _json_document(text: str, origin: str) -> Iterator[Article | InputProblem]:
    """A ``.json`` file: one array of article objects (origin ``path:[i]``), one object, or,
    when the whole does not parse, JSON Lines."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl_stream(text.splitlines(), origin)
        return
    if not isinstance(records, list):
        records = [records]
    for i, record in enumerate(records):
        yield article_from_record(record, f"{origin}:[{i}]")


def read_inputs(
    paths: Sequence[str | Path],
    *,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    stdin: BinaryIO | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Article | InputProblem]:
    """Articles (raw text) from files, folders (recursively, sorted) and ``"-"`` (JSONL on
    stdin), in input order. Formats: plain text, HTML, JSONL/JSON, RSS/Atom.

    Plain-text and HTML files take ``id``/``published`` (and optional title/url/source/author)
    from a ``manifest.csv`` in their folder, else id = file stem and the date from a dateline
    near the top. Never raises for bad input: yields ``InputProblem`` and goes on.
    Files in ``exclude`` (the run's own database, say) are passed over silently inside folders.
    """
    yield from _Reader(max_article_bytes, stdin, exclude).read(paths)
