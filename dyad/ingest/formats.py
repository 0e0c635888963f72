"""Pure parsers: one input document (already decoded, or bytes for feeds) to ``Article``s.

Nothing here touches the file system; :mod:`dyad.ingest.reader` does the walking, size checks
and decoding, then calls these. Every parser returns an :class:`InputProblem` instead of raising
when the document holds no usable article, so a batch never stops on one bad input.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator, Mapping
from html import unescape
from html.parser import HTMLParser
from typing import Any

from dyad.ingest.dates import find_dateline, normalize_date
from dyad.records import Article, InputProblem

__all__ = [
    "article_from_record",
    "html_fragment_to_text",
    "parse_feed",
    "parse_html",
    "parse_text",
]


def _clean_str(value: object) -> str | None:
    """A stripped non-empty string, or None (metadata fields are optional and often blank)."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_text(
    text: str,
    article_id: str,
    origin: str = "",
    published: str | None = None,
    **meta: str | None,
) -> Article | InputProblem:
    """A plain-text article. Without a known ``published`` date, a dateline near the top of the
    text ("2023-11-23 08:48", "September 7, 2022") is used when there is one."""
    if not text.strip():
        return InputProblem(origin, "empty text")
    if published is None:
        published = find_dateline(text)
    return Article(
        id=article_id,
        text=text,
        published=published,
        title=_clean_str(meta.get("title")),
        url=_clean_str(meta.get("url")),
        source=_clean_str(meta.get("source")),
        author=_clean_str(meta.get("author")),
        origin=origin,
    )


# --- HTML ----------------------------------------------------------------------------------

_TRAFILATURA_CONFIG: Any = None


def _trafilatura_config() -> Any:
    """trafilatura's default config uses a SIGALRM timeout, which only works in the main
    thread; the pipeline may parse in worker threads, so the timeout is switched off."""
    global _TRAFILATURA_CONFIG
    if _TRAFILATURA_CONFIG is None:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
        _TRAFILATURA_CONFIG = config
    return _TRAFILATURA_CONFIG


def _only_page_furniture(text: str) -> bool:
    """trafilatura falls back to whatever text a page has; on a page without an article that
    is menu words ("Home World"). Real article text has a sentence or at least a few words."""
    words = len(text.split())
    return words < 4 or (words < 10 and not any(ch in text for ch in ".!?"))


def parse_html(
    html: str | bytes,
    article_id: str,
    origin: str = "",
    published: str | None = None,
    **meta: str | None,
) -> Article | InputProblem:
    """Main text and metadata (title, date, author, canonical URL, site name) of an HTML page,
    via trafilatura. Values given in ``meta``/``published`` (from JSONL or a manifest) win over
    what the page says about itself. Bytes are decoded by trafilatura from the page's declared
    charset (for pages that are not UTF-8)."""
    import trafilatura

    if not html.strip():
        return InputProblem(origin, "empty HTML")
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            config=_trafilatura_config(),
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        return InputProblem(origin, f"could not parse HTML: {type(exc).__name__}: {exc}")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or _only_page_furniture(text):
        return InputProblem(origin, "no article text found in HTML")
    if published is None:
        published = normalize_date(getattr(doc, "date", None)) or find_dateline(text)

    def pick(key: str, attr: str) -> str | None:
        return _clean_str(meta.get(key)) or _clean_str(getattr(doc, attr, None))

    return Article(
        id=article_id,
        text=text,
        published=published,
        title=pick("title", "title"),
        url=pick("url", "url"),
        source=pick("source", "sitename"),
        author=pick("author", "author"),
        origin=origin,
    )


class _FragmentText(HTMLParser):
    """Collects the text of an HTML fragment, one block element per line."""

    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "tr", "table", "section", "article", "figcaption", "pre", "hr"}  # fmt: skip
    _SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed item's content), paragraphs on their own
    lines. Full pages go through trafilatura instead; fragments are too small for it."""
    if "<" not in fragment:
        return unescape(fragment).strip()
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# --- RSS / Atom ----------------------------------------------------------------------------


def _struct_date(value: Any) -> str | None:
    if isinstance(value, time.struct_time):
        return normalize_date(time.strftime("%Y-%m-%d", value))
    return None


def parse_feed(data: bytes, origin: str) -> Iterator[Article | InputProblem]:
    """One article per RSS/Atom item: the item's full content (or its summary) as text, title,
    link as URL, the item's date, and the feed's title as source. Items are numbered from 1 in
    ``origin`` ("feed.xml#item3"), since feeds have no useful line numbers."""
    import feedparser

    # A file object, never a string: feedparser fetches strings that look like URLs.
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser is lenient, but its XML back ends can still raise
        yield InputProblem(origin, f"not a readable RSS/Atom feed ({type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})"
        else:
            reason = "no items found in feed"
        yield InputProblem(origin, reason)
        return
    feed_title = _clean_str(parsed.get("feed", {}).get("title"))
    for n, entry in enumerate(entries, start=1):
        item_origin = f"{origin}#item{n}"
        body = ""
        for content in entry.get("content") or []:
            value = content.get("value") or ""
            if len(value) > len(body):
                body = value
        if not body.strip():
            body = entry.get("summary") or entry.get("description") or ""
        text = html_fragment_to_text(body)
        if not text.strip():
            yield InputProblem(item_origin, "feed item has no content or summary text")
            continue
        link = _clean_str(entry.get("link"))
        item_id = _clean_str(entry.get("id")) or link or f"{origin}#item{n}"
        published = (
            _struct_date(entry.get("published_parsed"))
            or _struct_date(entry.get("updated_parsed"))
            or _struct_date(entry.get("created_parsed"))
            or find_dateline(text)
        )
        yield Article(
            id=item_id,
            text=text,
            published=published,
            title=_clean_str(html_fragment_to_text(entry.get("title") or "")),
            url=link,
            source=feed_title,
            author=_clean_str(entry.get("author")),
            origin=item_origin,
        )


# --- JSON records --------------------------------------------------------------------------


def article_from_record(record: object, origin: str) -> Article | InputProblem:
    """An article from one JSONL object (CONTRACT.md "Article input"): ``id`` and one of
    ``text``/``html`` required; ``html`` goes through :func:`parse_html`; ``published`` must be
    an ISO date or datetime (a wrong anchor date would mis-date every event, so it is an error)."""
    if not isinstance(record, Mapping):
        return InputProblem(origin, f"expected a JSON object, got {type(record).__name__}")
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        return InputProblem(origin, "missing or empty 'id'")
    article_id = str(raw_id).strip()
    published: str | None = None
    raw_published = record.get("published")
    if raw_published not in (None, ""):
        published = normalize_date(raw_published)
        if published is None:
            return InputProblem(origin, f"'published' is not an ISO date or datetime: {raw_published!r}")
    meta = {k: _clean_str(record.get(k)) for k in ("title", "url", "source", "author")}
    text = record.get("text")
    html = record.get("html")
    if isinstance(text, str) and text.strip():
        return parse_text(text, article_id, origin, published, **meta)
    if isinstance(html, str) and html.strip():
        return parse_html(html, article_id, origin, published, **meta)
    if text is not None and not isinstance(text, str):
        return InputProblem(origin, f"'text' must be a string, got {type(text).__name__}")
    if html is not None and not isinstance(html, str):
        return InputProblem(origin, f"'html' must be a string, got {type(html).__name__}")
    if "text" in record or "html" in record:
        return InputProblem(origin, "empty 'text'/'html'")
    return InputProblem(origin, "missing 'text' (or 'html')")
