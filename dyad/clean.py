"""Clean stage: normalize article text and remove scraped-page debris.

The cleaned text is what gets stored, and every offset downstream (sentences, evidence spans)
refers to it, so cleaning only ever *removes whole lines* and normalizes whitespace and broken
encodings; the words of the article's real sentences are kept as they are.

Output: one paragraph per line, joined by ``"\\n"``, no empty lines. Line patterns are data
(``dyad/data/clean/boilerplate.yaml``); the structural rules (headline on top, related-story
headlines at the bottom, repeated captions, truncated leads) are below.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ftfy
import yaml

from dyad.records import Article

__all__ = ["CleanRules", "clean_article", "clean_text", "clean_with_title", "content_hash"]

BOILERPLATE_PATH = Path(__file__).parent / "data" / "clean" / "boilerplate.yaml"

# Characters that carry no text but break matching and offsets: zero-width space/joiners,
# word joiner, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = set(".!?…")
_DOUBLE_CLOSERS = set('"”»')
_CLOSERS = "\"”»’')]"
_ELLIPSIS = re.compile(r"\s*(\.\.\.|…)$")
# A "word" that starts with a capital letter or a digit, for the Title Case test.
_CAPITALIZED = re.compile(r"^[\W_]*[A-Z0-9]")
_MAX_PASSES = 5
_PREFIX_WINDOW = 10  # a truncated lead is repeated within this many lines


@dataclass(frozen=True, slots=True)
class CleanRules:
    """Compiled debris patterns and thresholds (see ``boilerplate.yaml`` for their meaning)."""

    drop: re.Pattern[str]
    drop_unpunctuated: re.Pattern[str]
    keep: re.Pattern[str] = re.compile(r"(?!)")
    title_max_words: int = 20
    short_title_max_words: int = 12
    headline_max_words: int = 25
    caption_max_words: int = 30
    prefix_min_words: int = 5

    @classmethod
    def from_yaml(cls, path: Path = BOILERPLATE_PATH) -> CleanRules:
        """Rules from a YAML file in the ``boilerplate.yaml`` format; a bad regex fails loudly
        here, naming it, rather than silently matching nothing."""
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

        def alternation(key: str) -> re.Pattern[str]:
            patterns = [str(p) for p in data.get(key) or []]
            for p in patterns:
                try:
                    re.compile(p)
                except re.error as exc:
                    raise ValueError(f"{path}: bad pattern in '{key}': {p!r}: {exc}") from None
            if not patterns:
                return re.compile(r"(?!)")  # matches nothing
            return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

        limits = {k: int(v) for k, v in (data.get("limits") or {}).items()}
        return cls(alternation("drop"), alternation("drop_unpunctuated"), alternation("keep"), **limits)


@lru_cache(maxsize=1)
def default_rules() -> CleanRules:
    """The bundled rules, loaded once per process."""
    return CleanRules.from_yaml()


# --- line tests ------------------------------------------------------------------------------


def ends_sentence(line: str) -> bool:
    """Does the line end like a sentence: . ! ? …, possibly followed by closing quotes or
    brackets (``.)``, ``.''``, ``.”``), or a closing double quote? Headlines, menus and tag lists
    do not."""
    if not line:
        return False
    if line[-1] in _DOUBLE_CLOSERS:
        return True
    body = line.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _SENTENCE_END


def _words(line: str) -> int:
    return len(line.split())


def _is_title_case(line: str) -> bool:
    """Most longer words capitalized, as in "China's Xi Meets Top Russian Lawmaker"."""
    long_words = [w for w in line.split() if len(w.strip("\"'“”‘’()")) >= 4]
    if not long_words:
        return True
    capitalized = sum(1 for w in long_words if _CAPITALIZED.match(w))
    return capitalized / len(long_words) >= 0.6


def _title_like(line: str, rules: CleanRules) -> bool:
    """A headline-shaped line: no sentence end, not a trailing fragment (",", ":", ";"), and
    short, or Title Case and not much longer."""
    if ends_sentence(line) or line[-1] in ",:;" or rules.keep.fullmatch(line):
        return False
    n = _words(line)
    return n <= rules.short_title_max_words or (n <= rules.title_max_words and _is_title_case(line))


# --- steps -----------------------------------------------------------------------------------


def normalize(text: str) -> list[str]:
    """Fix mojibake and broken line breaks (ftfy, quotes left as written), remove invisible
    characters, collapse whitespace runs, strip lines, drop empty ones."""
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    fixed = _INVISIBLE.sub("", fixed)
    lines = (_SPACES.sub(" ", line).strip() for line in fixed.splitlines())
    return [line for line in lines if line]


def _drop_debris(lines: list[str], rules: CleanRules) -> list[str]:
    """Pattern matches (menus, trailers, tags, datelines) and single-token unpunctuated lines
    ("Hot-TopicsNewschinaworld", "Share", page numbers)."""
    kept = []
    for line in lines:
        if rules.keep.fullmatch(line):
            kept.append(line)
            continue
        if rules.drop.fullmatch(line):
            continue
        unpunctuated = not ends_sentence(line)
        if unpunctuated and (" " not in line or rules.drop_unpunctuated.fullmatch(line)):
            continue
        kept.append(line)
    return kept


def _drop_captions(lines: list[str], rules: CleanRules) -> list[str]:
    """A short line immediately repeated is a photo caption printed twice (caption + alt
    text); all copies go, since the story's own paragraphs carry the same facts. When nothing
    else would remain, the repeat is the article itself and one copy is kept."""
    kept: list[str] = []
    captions: list[str] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and lines[j] == lines[i]:
            j += 1
        if j - i == 1 or _words(lines[i]) > rules.caption_max_words:
            kept.append(lines[i])
        else:
            captions.append(lines[i])
        i = j
    if captions and not any(ends_sentence(line) for line in kept):
        return lines  # left to _drop_repeats, which keeps the first copy
    return kept


def _drop_repeats(lines: list[str], rules: CleanRules) -> list[str]:
    """A paragraph seen before is dropped (first kept). A recurring title-like line is page
    furniture and every copy goes, except at the very top, where it is the headline."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    seen: set[str] = set()
    kept = []
    for i, line in enumerate(lines):
        if counts[line] > 1:
            if line in seen:
                continue
            seen.add(line)
            if i > 0 and _title_like(line, rules):
                continue
        kept.append(line)
    return kept


def _drop_truncated(lines: list[str], rules: CleanRules) -> list[str]:
    """A line that is cut off and then repeated in full just below (a teaser lead) goes."""
    kept = []
    for i, line in enumerate(lines):
        stem = _ELLIPSIS.sub("", line)
        if _words(stem) >= rules.prefix_min_words and not ends_sentence(line):
            later = lines[i + 1 : i + 1 + _PREFIX_WINDOW]
            if any(len(other) > len(stem) and other.startswith(stem) for other in later):
                continue
        kept.append(line)
    return kept


def _take_headline(lines: list[str], rules: CleanRules) -> tuple[list[str], str | None]:
    """Leading headline-shaped lines are removed; the first is the title. Only while a real
    sentence follows, so a one-line input ("Arnor condemned Gondor") is never emptied."""
    title = None
    while lines and _title_like(lines[0], rules) and any(ends_sentence(x) for x in lines[1:]):
        if title is None:
            title = lines[0]
        lines = lines[1:]
    return lines, title


def _drop_trailing_headlines(lines: list[str], rules: CleanRules) -> list[str]:
    """Unpunctuated short lines at the end are headlines of related stories ("Foreign
    businesses in China fighting for survival prepare for whatever comes next"); they go while
    a real paragraph remains before them."""
    while (
        len(lines) > 1
        and not ends_sentence(lines[-1])
        and not rules.keep.fullmatch(lines[-1])
        and _words(lines[-1]) <= rules.headline_max_words
        and any(ends_sentence(x) for x in lines[:-1])
    ):
        lines = lines[:-1]
    return lines


def clean_with_title(text: str, rules: CleanRules | None = None) -> tuple[str, str | None]:
    """Cleaned text and the headline removed from its top (or None)."""
    rules = rules or default_rules()
    lines = normalize(text)
    title = None
    for _ in range(_MAX_PASSES):  # removing one line can expose another; stop at a fixpoint
        before = lines
        lines = _drop_debris(lines, rules)
        lines = _drop_captions(lines, rules)
        lines = _drop_repeats(lines, rules)
        lines = _drop_truncated(lines, rules)
        lines, headline = _take_headline(lines, rules)
        title = title or headline
        lines = _drop_trailing_headlines(lines, rules)
        if lines == before:
            break
    return "\n".join(lines), title


def clean_text(text: str) -> str:
    """The cleaned text: one paragraph per line, debris removed, sentences kept verbatim."""
    return clean_with_title(text)[0]


def content_hash(text: str) -> str:
    """sha256 hex of the (cleaned) text: the identity used to skip articles already stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fold(line: str) -> str:
    return " ".join(line.split()).casefold()


def _drop_known_title(text: str, title: str) -> str:
    """HTML extraction and some feeds repeat the known title as the first line of the text;
    it is a headline, not a paragraph, even when it is too long to look like one."""
    first, sep, rest = text.partition("\n")
    if sep and rest and _fold(first) == _fold(title):
        return rest
    return text


def clean_article(article: Article) -> Article:
    """A copy of ``article`` with cleaned text and ``content_hash`` set; a headline found at the
    top of the text becomes ``title`` when the article had none, and a first line equal to the
    known title is removed."""
    text, headline = clean_with_title(article.text)
    title = article.title if article.title else headline
    if article.title:
        text = _drop_known_title(text, article.title)
    return dataclasses.replace(article, text=text, title=title, content_hash=content_hash(text))
