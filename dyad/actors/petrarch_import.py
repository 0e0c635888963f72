"""Import PETRARCH / Phoenix / TABARI dictionaries into the dyad user dictionary.

Users of the older event coders own years of hand-made ``.actors.txt`` and ``.agents.txt`` files. This
module reads them and *merges* them into the user dictionary directory (docs/ARCHITECTURE.md, "User
dictionary"), so that ``dyad`` codes the same people and organisations:

* ``actors.tsv`` -- ``name<TAB>aliases<TAB>code<TAB>start<TAB>end<TAB>title``, one row per (dated) role,
  aliases ``|``-separated, dates ``YYYY-MM-DD`` (empty = open);
* ``agents.tsv`` -- ``phrase<TAB>code_suffix`` (``police<TAB>COP``).

PETRARCH conventions handled here:

* ``VLADIMIR_PUTIN_`` -- underscores are spaces; a trailing ``_`` only marks a whole-word match;
* ``+SYNONYM`` lines add aliases to the actor above them;
* code blocks ``[RUSGOV]``, ``[RUSGOV >080508]`` (from that date), ``[HOB <950601]`` (before that date) and
  ``[X 080508-120507]`` (from-to), on the name line or on indented lines below it, several per actor;
  dates are ``YYMMDD`` (years up to 30 are 20xx, later ones 19xx, as in the Phoenix data that starts in
  the 1920s) or ``YYYYMMDD``; ``[---]`` means "no code";
* ``#`` comments, ``<!-- ... -->`` comment blocks, ``{...}`` in actor files;
* agents: ``POLICE_ [~COP]``, explicit plurals ``{ATTORNEYS_GENERAL}``, ``{}`` = no regular plural,
  substitution sets ``!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON`` used as ``POLICE!PERSON!``. As in
  PETRARCH 0.5 a regular plural is generated for each agent phrase unless ``{}`` or an explicit plural
  is given.

Verb dictionaries (PETRARCH 1 ``PETR.Validate.verbs.txt`` and PETRARCH 2 / Phoenix ``CAMEO.2.0.txt``) are
converted into ``verbs.tsv`` lines -- ``lemma [particle/preposition] [object]<TAB>code[<TAB>reverse code]``
-- as far as they map faithfully onto what dyad's coder matches (see :func:`parse_verbs`); every pattern
that does not is counted under a reason and left out.

Messy input never stops an import: a malformed line gives a warning naming ``file:line`` and is skipped,
duplicate names and roles are merged, overlapping date ranges are counted and kept (the knowledge base
picks the latest-starting role that covers an event's date).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

__all__ = [
    "ImportStats",
    "default_dictionary_dir",
    "import_dictionary",
    "parse_actors",
    "parse_agents",
    "parse_verbs",
    "petrarch_date",
    "pretty_name",
]

ACTORS_FILE = "actors.tsv"
AGENTS_FILE = "agents.tsv"
VERBS_FILE = "verbs.tsv"

#: Two-digit years up to this value are read as 20xx, later ones as 19xx (Phoenix roles start in 1917).
CENTURY_PIVOT = 30

_CODE_RE = re.compile(r"^[A-Z0-9]{3,}$")
_CODE_BLOCK_RE = re.compile(
    r"^\s*(?P<code>[A-Za-z0-9~-]+)\s*"
    r"(?:(?P<op>[<>])\s*(?P<d>\d+)|(?P<d1>\d+)\s*-\s*(?P<d2>\d+))?\s*$"
)
_SUBST_RE = re.compile(r"^(![A-Za-z0-9_]+!)\s*=\s*(.+)$")
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "at", "by", "de", "del", "da", "du", "la", "van", "von"}


class DictionaryFormatError(ValueError):
    """A line that does not follow the PETRARCH dictionary format."""


@dataclass
class Role:
    """One code an actor carries, optionally limited to a date range (ISO strings, empty = open)."""

    code: str
    start: str = ""
    end: str = ""
    title: str = ""

    def key(self) -> tuple[str, str, str]:
        return (self.code, self.start, self.end)


@dataclass
class Actor:
    """An actor as read from a dictionary: display name, aliases and roles."""

    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    origin: str = ""

    def add_alias(self, alias: str) -> None:
        """Add an alias unless it repeats the name or another alias (case-insensitively)."""
        alias = alias.strip()
        if not alias:
            return
        seen = {self.name.casefold(), *(a.casefold() for a in self.aliases)}
        if alias.casefold() not in seen:
            self.aliases.append(alias)

    def add_role(self, role: Role) -> bool:
        """Add a role; False when an identical (code, start, end) role is already there."""
        if any(r.key() == role.key() for r in self.roles):
            return False
        self.roles.append(role)
        return True


@dataclass
class ImportStats:
    """What an import did, printable for the command line."""

    files: int = 0
    actors: int = 0
    new_actors: int = 0
    roles: int = 0
    aliases: int = 0
    agents: int = 0
    new_agents: int = 0
    verbs: int = 0
    """Verb dictionary files read."""
    verb_entries: int = 0
    verb_patterns: int = 0
    verb_rules: int = 0
    new_verb_rules: int = 0
    verb_conflicts: int = 0
    verb_skipped: dict[str, int] = field(default_factory=dict)
    skipped_lines: int = 0
    duplicates: int = 0
    overlaps: int = 0
    conflicts: int = 0
    no_code: int = 0
    warnings: list[str] = field(default_factory=list)
    into: str = ""

    def warn(self, origin: str, reason: str) -> None:
        """Record a problem with one line; the line itself is skipped by the caller."""
        self.warnings.append(f"{origin}: {reason}")

    def __str__(self) -> str:
        lines = [
            f"imported {self.files} file(s) into {self.into}",
            f"  actors:   {self.actors} read ({self.new_actors} new), {self.roles} roles, {self.aliases} aliases",
            f"  agents:   {self.agents} phrases read ({self.new_agents} new)",
            f"  merged:   {self.duplicates} duplicate entries, {self.overlaps} overlapping date ranges kept, "
            f"{self.conflicts} agent phrases kept with their existing code",
            f"  skipped:  {self.skipped_lines} line(s), {self.no_code} actor(s) without a usable code",
        ]
        if self.verbs:
            skipped = sum(self.verb_skipped.values())
            lines.append(
                f"  verbs:    {self.verbs} file(s): {self.verb_entries} verbs, {self.verb_patterns} patterns -> "
                f"{self.verb_rules} verbs.tsv lines ({self.new_verb_rules} new, {self.verb_conflicts} with another "
                f"code for the same words: first kept); {skipped} left out:"
            )
            for reason, count in sorted(self.verb_skipped.items(), key=lambda kv: -kv[1]):
                lines.append(f"    {count:6d}  {reason}")
        if self.warnings:
            lines.append(f"  warnings: {len(self.warnings)}")
            lines.extend(f"    {w}" for w in self.warnings[:20])
            if len(self.warnings) > 20:
                lines.append(f"    ... and {len(self.warnings) - 20} more")
        return "\n".join(lines)


def default_dictionary_dir() -> Path:
    """The user dictionary: ``$DYAD_DICTIONARY`` or ``~/.dyad/dictionary``."""
    env = os.environ.get("DYAD_DICTIONARY")
    return Path(env).expanduser() if env else Path.home() / ".dyad" / "dictionary"


# --------------------------------------------------------------------------------------------- helpers


def petrarch_date(text: str) -> date:
    """A PETRARCH date: ``YYMMDD`` (pivot at :data:`CENTURY_PIVOT`) or ``YYYYMMDD``."""
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        year = 2000 + yy if yy <= CENTURY_PIVOT else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8 and text.isdigit():
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise DictionaryFormatError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DictionaryFormatError(f"date {text!r}: {exc}") from None


def parse_code_block(block: str) -> Role | None:
    """``RUSGOV >080508`` -> Role; None for the "no code" marker ``---``.

    ``<D`` means "before D", stored as an inclusive end the day before; a range ``A-B`` keeps B as the
    inclusive end, as PETRARCH compares ``A <= date <= B``.
    """
    m = _CODE_BLOCK_RE.match(block)
    if not m:
        raise DictionaryFormatError(f"code block [{block}] is not CODE, CODE >YYMMDD, CODE <YYMMDD or CODE A-B")
    code = m["code"].upper()
    if set(code) == {"-"}:
        return None
    if not _CODE_RE.match(code):
        raise DictionaryFormatError(f"code {m['code']!r} is not 3 or more letters/digits")
    if m["op"] == ">":
        return Role(code, start=petrarch_date(m["d"]).isoformat())
    if m["op"] == "<":
        return Role(code, end=(petrarch_date(m["d"]) - timedelta(days=1)).isoformat())
    if m["d1"]:
        start, end = petrarch_date(m["d1"]), petrarch_date(m["d2"])
        if end < start:
            raise DictionaryFormatError(f"date range in [{block}] ends before it starts")
        return Role(code, start=start.isoformat(), end=end.isoformat())
    return Role(code)


def pretty_name(raw: str) -> str:
    """``VLADIMIR_PUTIN_`` -> ``Vladimir Putin``; ``BANK_OF_ENGLAND`` -> ``Bank of England``.

    PETRARCH dictionaries are upper case; dyad's data is written as in running text, so names are
    title-cased. Tokens with digits or dots and tokens without vowels (``U.N.``, ``NLD``) keep their case.
    """
    words = [w for w in re.split(r"[_\s]+", raw.strip()) if w]
    out: list[str] = []
    for i, word in enumerate(words):
        if not word.isupper() or any(c.isdigit() for c in word) or "." in word or not re.search(r"[AEIOUY]", word):
            out.append(word)
        elif i > 0 and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(_cap(part) for part in word.split("-")))
    return " ".join(out)


def _cap(part: str) -> str:
    low = part.lower()
    if len(low) > 2 and low[1] == "'":  # O'BRIEN, D'ALEMA
        return low[0].upper() + "'" + low[2].upper() + low[3:]
    return low[:1].upper() + low[1:]


def _phrase(raw: str) -> str:
    """Agent phrases are stored lower case with spaces, like sectors.yaml."""
    return " ".join(w for w in re.split(r"[_\s]+", raw.strip().lower()) if w)


def _plural(phrase: str) -> str:
    """Regular English plural of a phrase's last word, as PETRARCH 0.5 generates it."""
    if re.search(r"[^aeiou]y$", phrase):
        return phrase[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", phrase):
        return phrase + "es"
    return phrase + "s"


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0]


def _lines(path: Path, stats: ImportStats) -> Iterator[tuple[int, str]]:
    """Numbered lines with ``<!-- -->`` blocks removed (PETRARCH's own files leave some unclosed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
        stats.warn(str(path), "not UTF-8; read as Latin-1")
    in_comment = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if in_comment:
            if "-->" in stripped:
                in_comment = False
            continue
        if stripped.startswith("<!"):
            in_comment = "-->" not in stripped
            continue
        yield number, line


def _brackets(text: str) -> tuple[str, list[str]]:
    """Split ``NAME [A] [B >0805]`` into the text before the first bracket and the bracket contents."""
    head, sep, rest = text.partition("[")
    if not sep:
        if "]" in head:
            raise DictionaryFormatError("']' without '['")
        return head, []
    blocks: list[str] = []
    rest = "[" + rest
    while rest.strip():
        rest = rest.strip()
        if not rest.startswith("["):
            if "]" in rest:
                raise DictionaryFormatError("']' without '['")
            break  # free text after the codes (some Phoenix files carry notes without '#')
        close = rest.find("]")
        if close < 0:
            raise DictionaryFormatError("'[' without ']'")
        inner = rest[1:close]
        if "[" in inner:
            raise DictionaryFormatError("'[' without ']'")
        blocks.append(inner)
        rest = rest[close + 1 :]
    return head, blocks


# ---------------------------------------------------------------------------------------------- parsers


def parse_actors(path: Path, stats: ImportStats) -> list[Actor]:
    """Read one actors dictionary; bad lines are warned about and skipped."""
    actors: list[Actor] = []
    current: Actor | None = None
    for number, line in _lines(path, stats):
        origin = f"{path}:{number}"
        text = re.sub(r"\{[^}]*\}", " ", _strip_comment(line))
        if not text.strip():
            continue
        try:
            if text.lstrip().startswith("+"):
                if current is None:
                    raise DictionaryFormatError("synonym line without an actor above it")
                head, blocks = _brackets(text.lstrip()[1:])
                alias = pretty_name(head)
                if not alias:
                    raise DictionaryFormatError("empty synonym")
                roles = [parse_code_block(b) for b in blocks]
                current.add_alias(alias)
                _add_roles(current, roles, stats)
            elif text.lstrip().startswith("["):
                if current is None:
                    raise DictionaryFormatError("code line without an actor above it")
                _add_roles(current, [parse_code_block(b) for b in _brackets(text)[1]], stats)
            else:
                previous, current = current, None  # a malformed name line must not feed its codes to the actor above
                head, blocks = _brackets(text)
                name = pretty_name(head)
                if not name:
                    raise DictionaryFormatError("no actor name before the code")
                roles = [parse_code_block(b) for b in blocks]
                if previous is not None and not previous.roles and not roles:
                    # Consecutive names before one code block share it (CountryInfo style:
                    # IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / then [HRVGOV >20120219]).
                    previous.add_alias(name)
                    current = previous
                    continue
                current = Actor(name=name, origin=origin)
                _add_roles(current, roles, stats)
                actors.append(current)
        except DictionaryFormatError as exc:
            stats.skipped_lines += 1
            stats.warn(origin, str(exc))
    return actors


def _add_roles(actor: Actor, roles: Iterable[Role | None], stats: ImportStats) -> None:
    for role in roles:
        if role is None:
            continue
        if not actor.add_role(role):
            stats.duplicates += 1


def parse_agents(path: Path, stats: ImportStats) -> list[tuple[str, str]]:
    """Read one agents dictionary into ``(phrase, code_suffix)`` pairs, plurals and substitutions expanded."""
    substitutions: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    for number, line in _lines(path, stats):
        origin = f"{path}:{number}"
        text = _strip_comment(line).strip()
        if not text:
            continue
        m = _SUBST_RE.match(text)
        if m:
            substitutions[m[1].upper()] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        try:
            pairs.extend(_agent_line(text, substitutions))
        except DictionaryFormatError as exc:
            stats.skipped_lines += 1
            stats.warn(origin, str(exc))
    return pairs


def _agent_line(text: str, substitutions: dict[str, list[str]]) -> list[tuple[str, str]]:
    plural_spec: str | None = None
    brace = re.search(r"\{([^}]*)\}", text)
    if brace:
        plural_spec = brace[1]
        text = text[: brace.start()] + " " + text[brace.end() :]
    head, blocks = _brackets(text)
    if len(blocks) != 1:
        raise DictionaryFormatError("an agent line needs exactly one [~CODE] block")
    code = blocks[0].strip().upper()
    if not re.fullmatch(r"~?[A-Z0-9]{3,}~?", code):
        raise DictionaryFormatError(f"agent code [{blocks[0]}] is not ~CODE")
    suffix = code.strip("~")
    raw = head.strip()
    if not raw:
        raise DictionaryFormatError("no agent phrase before the code")
    phrases = _expand(raw, substitutions)
    out: list[str] = []
    for p in phrases:
        out.append(_phrase(p))
        if plural_spec is None and "!" not in raw:
            out.append(_plural(_phrase(p)))
    if plural_spec:
        out.extend(_phrase(p) for p in _expand(plural_spec, substitutions))
    return [(p, suffix) for p in dict.fromkeys(out) if p]


def _expand(raw: str, substitutions: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Za-z0-9_]+!", raw)
    if not m:
        return [raw]
    key = m[0].upper()
    if key not in substitutions:
        raise DictionaryFormatError(f"substitution set {m[0]} is not defined above")
    return [e for word in substitutions[key] for e in _expand(raw[: m.start()] + word + raw[m.end() :], substitutions)]


def _kind(path: Path) -> str:
    """'actors', 'agents', 'verbs' or 'unknown', from the file name or else its first entries."""
    name = path.name.lower()
    if any(word in name for word in ("issue", "discard", "license", "readme")):
        return "unknown"
    for kind in ("agents", "verbs", "actors"):
        if kind in name:
            return kind
    stats = ImportStats()
    for _, line in _lines(path, stats):
        text = _strip_comment(line).strip()
        if not text:
            continue
        if "[~" in text or _SUBST_RE.match(text):
            return "agents"
        if text.startswith(("&", "---", "- ")):
            return "verbs"
        if "[" in text or text.startswith("+"):
            return "actors"
    return "unknown"


# ------------------------------------------------------------------------------------------- verbs

#: Phrasal particles: "set OUT views", "put OFF talks" take a direct object after them; any other
#: preposition followed by a noun ("appeal FOR aid") introduces a prepositional object instead.
PARTICLES = {"up", "off", "out", "down", "over", "back", "away", "aside", "forward", "apart"}
#: Words in a pattern's tail that show it matches auxiliaries, adverbs or clauses, not an object.
_CONTEXT_WORDS = {"would", "will", "wo", "should", "may", "might", "can", "ca", "could", "must", "not", "n't", "never",
                  "now", "again", "so", "really", "was", "were", "is", "are", "am", "be", "been", "have", "has",
                  "had", "did", "do", "does", "also", "still", "ever", "that", "neither", "nor", "to"}  # fmt: skip
_VERB_TOKEN_RE = re.compile(r"[(){}]|[^\s_(){}]+")
_MARKERS = {"+", "$", "%", "^"}
MAX_OBJECT_WORDS = 3


@dataclass(frozen=True)
class VerbRule:
    """One ``verbs.tsv`` line: verb lemma, then particles/prepositions, then at most one object noun."""

    words: tuple[str, ...]
    code: str
    reverse: str = ""
    """Code of the event in the other direction (PETRARCH ``[032:033]``: the host's 033), or empty."""

    @property
    def key(self) -> str:
        return " ".join(self.words)

    def line(self) -> str:
        return "\t".join([self.key, self.code, *([self.reverse] if self.reverse else [])])


@dataclass
class VerbImport:
    """What a verb dictionary converted into: rules, and patterns left out by reason."""

    rules: list[VerbRule] = field(default_factory=list)
    verbs: int = 0
    patterns: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def parse_code_pair(text: str) -> tuple[str, str]:
    """``032:033`` -> ("032", "033"), ``064`` -> ("064", ""); raises for ``---``, ``:173``, ``023?``...

    PETRARCH's paired codes give the event of the source on the target and, after the colon, the
    event of the target on the source (an arrival is a visit by the one and hosting by the other).
    """
    text = text.strip()
    first, _, second = text.partition(":")
    if not first:
        raise DictionaryFormatError("reverse-direction-only code")
    for part in (first, second) if second else (first,):
        if not part.isdigit() or not 2 <= len(part) <= 4:
            raise DictionaryFormatError("not a CAMEO code")
    return first, second


def _verb_tokens(text: str) -> list[str]:
    """Pattern text to tokens: ``_`` joins words but is otherwise a space; brackets are tokens."""
    return [t.lower() for t in _VERB_TOKEN_RE.findall(text)]


def _irregular_lemmas() -> dict[str, str]:
    """Irregular form -> lemma from dyad's own pattern data (read-only), so ``SAID`` imports as ``say``."""
    import yaml

    path = Path(__file__).resolve().parents[1] / "data" / "patterns" / "irregular.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return {str(form).lower(): str(lemma).lower() for lemma, forms in data.items() for form in forms or []}


def _regular_forms(lemma: str) -> set[str]:
    from dyad.events.patterns import verb_forms

    return verb_forms(lemma) - {lemma}


class _VerbParser:
    """State of one pass over a verb dictionary (synsets, the current block and its verbs)."""

    def __init__(self, path: Path, stats: ImportStats) -> None:
        self.path, self.stats = path, stats
        self.out = VerbImport()
        self.synsets: dict[str, list[str]] = {}
        self.lemma_of: dict[str, str] = _irregular_lemmas()
        self.seen: dict[str, VerbRule] = {}
        self.heads: set[str] = set()

    # -- pass 1: which words are verbs, so inflected entries ("SAYS", "SAID") map to their lemma
    def collect_lemmas(self, lines: list[tuple[int, str]]) -> None:
        heads: set[str] = set()
        for _, line in lines:
            text = _strip_comment(line).strip()
            m = re.match(r"^---\s*([A-Za-z_+'-]+)", text)
            if m:
                heads.add(m[1].strip("_+").lower())
            elif text and text[0].isalpha():
                word = re.split(r"[\s_\[{]", text)[0].lower()
                heads.add(word)
                brace = re.search(r"\{([^}]*)\}", text)
                for form in (brace[1].split() if brace else []):
                    self.lemma_of.setdefault(form.strip("+").split("_")[0].lower(), word)
        self.heads = heads

    def lemma(self, word: str) -> str:
        """The lemma of a verb entry: known irregular forms, else a regular form of a known lemma."""
        if word in self.lemma_of:
            return self.lemma_of[word]
        known = set(self.lemma_of.values()) | self.heads
        for stem in _stems(word):
            if stem != word and stem in known and word in _regular_forms(stem):
                return stem
        return word

    # -- synsets
    def expand(self, name: str, depth: int = 0) -> list[list[str]]:
        """Members of ``&NAME`` as token lists (nested synsets expanded)."""
        members = self.synsets.get(name.rstrip("_"))
        if members is None:
            raise DictionaryFormatError(f"synset &{name} is not defined above")
        out: list[list[str]] = []
        for member in members:
            toks = _verb_tokens(member)
            if toks and toks[0].startswith("&") and depth < 5:
                out.extend(self.expand(toks[0][1:], depth + 1))
            elif toks:
                out.append(toks)
        return out

    def run(self) -> VerbImport:
        lines = list(_lines(self.path, self.stats))
        self.collect_lemmas(lines)
        synset: str | None = None
        block_code: str | None = None
        block_verbs: list[tuple[str, list[str]]] = []
        for number, line in lines:
            origin = f"{self.path}:{number}"
            raw, _, comment = line.partition("#")
            text = raw.strip()
            if not text:
                continue
            try:
                if text.startswith("~"):
                    self.out.skip("transformation rule (~ ... = ...): not supported")
                elif text.startswith("&"):
                    synset = text[1:].split()[0].rstrip("_").lower()
                    self.synsets[synset] = []
                elif text.startswith("---"):
                    synset = None
                    _, blocks = _brackets(text.strip("- "))
                    block_code = blocks[0].strip() if blocks else "---"
                    block_verbs = []
                elif text.startswith("+") and synset is not None:
                    self.synsets[synset].append(text[1:].strip())
                elif text.startswith("-"):
                    self.out.patterns += 1
                    self.pattern(text[1:], comment, block_verbs)
                elif block_code is not None:
                    self.verb(text, block_code, block_verbs)
                else:
                    raise DictionaryFormatError("verb line before any '--- VERB [code] ---' block")
            except DictionaryFormatError as exc:
                self.stats.skipped_lines += 1
                self.stats.warn(origin, str(exc))
        return self.out

    def verb(self, text: str, block_code: str, block_verbs: list[tuple[str, list[str]]]) -> None:
        """``SAY``, ``BAN {BANS BANNED}``, ``+BREAK_DOWN {...}``, ``ASK [020]``: a verb of the block."""
        text = re.sub(r"\{[^}]*\}", " ", text)
        head, blocks = _brackets(text)
        toks = [t for t in _verb_tokens(head) if t not in "(){}"]
        if not toks:
            raise DictionaryFormatError("empty verb line")
        self.out.verbs += 1
        plus = [i for i, t in enumerate(toks) if t.startswith("+")]
        at = plus[0] if plus else 0
        if at > 0:
            self.out.skip("verb with words before it (WIRE_+TAP)")
            return
        lemma = self.lemma(toks[at].lstrip("+"))
        tail = [t.lstrip("+") for t in toks[at + 1 :]]
        if not re.fullmatch(r"[a-z][a-z'-]*", lemma):
            raise DictionaryFormatError(f"verb {toks[at]!r} is not a word")
        block_verbs.append((lemma, tail))
        code = blocks[0] if blocks else block_code
        if code.strip() == "---":
            return  # a verb that only codes through its patterns
        try:
            first, second = parse_code_pair(code)
        except DictionaryFormatError as exc:
            self.out.skip(f"verb: {exc}")
            return
        self.add((lemma, *tail), first, second, "verb")

    def pattern(self, text: str, comment: str, block_verbs: list[tuple[str, list[str]]]) -> None:
        head, blocks = _brackets(text)
        if len(blocks) != 1:
            raise DictionaryFormatError("a pattern needs exactly one [code]")
        if blocks[0].strip() == "---":
            self.out.skip("pattern: coded '---' (no event)")
            return
        try:
            code, reverse = parse_code_pair(blocks[0])
        except DictionaryFormatError as exc:
            self.out.skip(f"pattern: {exc}")
            return
        toks = _verb_tokens(head)
        if "*" not in toks:
            self.out.skip("pattern: no '*' for the verb")
            return
        star = toks.index("*")
        left, right = toks[:star], toks[star + 1 :]
        if "$" in toks or "+" in left:
            self.out.skip("pattern: places source/target itself ($, + before the verb)")
            return
        if any(t not in _MARKERS for t in left):
            self.out.skip("pattern: words before the verb (subject, auxiliary or adverb context)")
            return
        try:
            tails = self.tails(right)
        except _Skip as exc:
            self.out.skip(f"pattern: {exc}")
            return
        if not block_verbs:
            raise DictionaryFormatError("pattern before any verb of its block")
        source = self.lemma(comment.strip().split()[0].lower()) if comment.strip() else ""
        verbs = [v for v in block_verbs if v[0] == source] or block_verbs
        for lemma, vtail in verbs:
            if vtail and tails != [[]]:
                # "+ASK_FOR" with "- * SUPPORT": the pattern's object would be a prepositional object
                self.out.skip("pattern: on a multi-word verb")
                continue
            for tail in tails:
                self.add((lemma, *vtail, *tail), code, reverse, "pattern")

    def tails(self, toks: list[str]) -> list[list[str]]:
        """Particles/prepositions and at most one object head noun after the verb, per alternative.

        Raises :class:`_Skip` when the tail needs something ``verbs.tsv`` cannot say: a prepositional
        object, auxiliaries or clauses, more than one object phrase."""
        preps: list[str] = []
        objects: list[list[str]] = []  # alternatives for one object phrase (its head words)
        phrase: list[str] = []
        i = 0

        def close_phrase() -> None:
            nonlocal phrase
            if phrase:
                if objects:
                    raise _Skip("more than one object phrase")
                if len(phrase) > MAX_OBJECT_WORDS:
                    raise _Skip("object phrase of more than three words")
                objects.append([phrase[-1]])
                phrase = []

        while i < len(toks):
            t = toks[i]
            if t in _MARKERS:
                close_phrase()
            elif t == "(":
                close_phrase()
                j = toks.index(")", i) if ")" in toks[i:] else len(toks)
                group = [x for x in toks[i + 1 : j] if x not in _MARKERS and x not in "{}"]
                if not group or group[0] not in _preps():
                    raise _Skip("parenthesised group that is not a prepositional phrase")
                if len(group) > 1:
                    raise _Skip("prepositional object (only the preposition can be matched)")
                preps.append(group[0])
                i = j
            elif t == "{":
                close_phrase()
                j = toks.index("}", i) if "}" in toks[i:] else len(toks)
                phrase = [x for x in toks[i + 1 : j] if x not in _MARKERS]
                if phrase and phrase[-1].startswith("&"):
                    objects.append([m[-1] for m in self.expand(phrase[-1][1:])])
                    phrase = []
                else:
                    close_phrase()
                i = j
            elif t.startswith("&"):
                close_phrase()
                if objects:
                    raise _Skip("more than one object phrase")
                members = self.expand(t[1:])
                if all(len(m) == 1 and m[0] in _preps() for m in members):
                    raise _Skip("alternative prepositions (one line each is not faithful to order)")
                objects.append([m[-1] for m in members])
            elif t in _CONTEXT_WORDS:
                raise _Skip("auxiliary, adverb or clause after the verb")
            elif t in _preps():
                if phrase or objects:
                    raise _Skip("preposition after the object")
                if t not in PARTICLES and i + 1 < len(toks) and toks[i + 1] not in _MARKERS | {"("}:
                    raise _Skip("prepositional object (only the preposition can be matched)")
                preps.append(t)
            elif re.fullmatch(r"[a-z][a-z'-]*", t):
                phrase.append(t)
            else:
                raise _Skip(f"token {t!r} is not a word")
            i += 1
        close_phrase()
        if not objects:
            return [preps]
        heads = [h for h in objects[0] if re.fullmatch(r"[a-z][a-z'-]*", h)]
        if not heads:
            raise _Skip("object synset without usable words")
        return [[*preps, h] for h in dict.fromkeys(heads)]

    def add(self, words: tuple[str, ...], code: str, reverse: str, kind: str) -> None:
        rule = VerbRule(tuple(words), code, reverse)
        old = self.seen.get(rule.key)
        if old is None:
            self.seen[rule.key] = rule
            self.out.rules.append(rule)
        elif (old.code, old.reverse) != (code, reverse):
            self.out.conflicts += 1


def _stems(word: str) -> list[str]:
    """Candidate lemmas of a regularly inflected verb form (checked against known lemmas by the caller)."""
    out = []
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):  # fmt: skip
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # banned -> ban
    return out


class _Skip(Exception):
    """A pattern that has no faithful ``verbs.tsv`` equivalent (counted, not an error)."""


@lru_cache(maxsize=1)
def _preps() -> frozenset[str]:
    from dyad.events.patterns import PREPOSITIONS

    return frozenset(PREPOSITIONS) | PARTICLES


def parse_verbs(path: Path, stats: ImportStats) -> VerbImport:
    """Convert a PETRARCH 1 or PETRARCH 2 (Phoenix) verb dictionary into ``verbs.tsv`` rules.

    What converts: each verb of a ``--- VERB [code] ---`` block with its own or the block's code
    (``say  010``); multi-word verbs whose extra words follow the verb (``+BREAK_DOWN`` -> ``break
    down``); patterns ``- * [particle] [object] [code]`` where ``*`` is the verb and the tail is
    particles/prepositions (``(TO)``, ``OFF``) and at most one object phrase, kept as its head noun
    (``- * DIPLOMATIC TIES`` -> ``ties``; ``{MOCK ATTACK}`` -> ``attack``); object synsets (``&FOOD``)
    expand into one line per member. Inflected entries (``SAID``, ``SAYS``) become their lemma.

    Left out, by reason: words before the verb (``- SAID * [041]``, ``- NOT *``), prepositional
    objects (``(TO BORDER)``, ``FOR_ASYLUM`` -- dyad matches a particle and a direct object only),
    tails with auxiliaries or clauses, patterns that place the source or target themselves
    (``$``), codes that are not numeric (``[---]``, ``[023?]``) or only for the reverse direction
    (``[:173]``). A PETRARCH 2 pattern whose comment names the verb it was written for (``# RUSH``)
    is attached to that verb only, not to every synonym of the block.
    """
    return _VerbParser(path, stats).run()


# ----------------------------------------------------------------------------------------- the store


def _read_actors_tsv(path: Path, stats: ImportStats) -> tuple[dict[str, Actor], list[str]]:
    """Existing user actors keyed by folded name; unparseable rows are kept verbatim."""
    actors: dict[str, Actor] = {}
    verbatim: list[str] = []
    if not path.exists():
        return actors, verbatim
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            verbatim.append(line)
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].strip() or not cols[2].strip():
            stats.warn(f"{path}:{number}", "row is not name<TAB>aliases<TAB>code<TAB>start<TAB>end<TAB>title; kept as is")
            verbatim.append(line)
            continue
        cols += [""] * (6 - len(cols))
        name = cols[0].strip()
        actor = actors.setdefault(name.casefold(), Actor(name=name))
        for alias in cols[1].split("|"):
            actor.add_alias(alias)
        actor.add_role(Role(cols[2].strip(), cols[3].strip(), cols[4].strip(), cols[5].strip()))
    return actors, verbatim


def _read_agents_tsv(path: Path, stats: ImportStats) -> tuple[dict[str, str], list[str]]:
    agents: dict[str, str] = {}
    verbatim: list[str] = []
    if not path.exists():
        return agents, verbatim
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split("\t")
        if not line.strip() or line.startswith("#"):
            verbatim.append(line)
        elif len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            stats.warn(f"{path}:{number}", "row is not phrase<TAB>code_suffix; kept as is")
            verbatim.append(line)
        else:
            agents.setdefault(cols[0].strip().lower(), cols[1].strip())
    return agents, verbatim


def _read_verbs_tsv(path: Path) -> tuple[dict[str, str], list[str]]:
    """Existing verb lines keyed by their pattern words; comments and odd lines are kept verbatim."""
    verbs: dict[str, str] = {}
    verbatim: list[str] = []
    if not path.exists():
        return verbs, verbatim
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.strip() or line.startswith("#") or len(cols) < 2:
            verbatim.append(line)
        else:
            key = " ".join(cols[0].lower().replace("_", " ").split())
            verbs.setdefault(key, "\t".join([key, *(c.strip() for c in cols[1:])]))
    return verbs, verbatim


def _clean_cell(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").strip()


def _write_atomic(path: Path, lines: Iterable[str]) -> None:
    """Write next to the target and rename, so an interrupted import never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for line in lines:
                fh.write(line + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _overlaps(roles: list[Role]) -> int:
    """Pairs of roles with different codes whose date ranges overlap (undated roles are defaults, not counted)."""
    dated = [r for r in roles if r.start or r.end]
    count = 0
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.code != b.code and (a.start or "0000") <= (b.end or "9999") and (b.start or "0000") <= (a.end or "9999"):
                count += 1
    return count


VERB_MODES = ("extend", "override")


def bundled_verb_lemmas() -> frozenset[str]:
    """Verb lemmas dyad's own patterns (``dyad/data/patterns/verbs.yaml``) already code."""
    from dyad.events.patterns import PatternSet

    return frozenset(PatternSet.load().verbs)


def import_dictionary(path: Path, into: Path | None = None, verbs: str = "extend") -> ImportStats:
    """Merge one PETRARCH/Phoenix dictionary file (or every ``*.txt`` in a folder) into ``into``.

    ``into`` defaults to :func:`default_dictionary_dir`. Actors are merged by name (case-insensitively):
    aliases and roles are unioned, so importing the same file twice changes nothing. Agent phrases
    already in the user dictionary keep their code. Raises ``FileNotFoundError`` only when ``path``
    does not exist; everything wrong inside a file is a warning in the returned stats.

    ``verbs`` says what a verb dictionary may do to verbs dyad already codes. ``"extend"`` (default)
    adds only verbs dyad's own patterns do not know: those patterns carry what ``verbs.tsv`` cannot
    say (where the target is, meetings refined by venue, mutual events, infinitive complements), and
    a one-line user pattern would shadow them. ``"override"`` imports every convertible pattern, so
    the dictionary's own codes win (to reproduce a PETRARCH coding, as ``dyad eval petrarch`` does).
    """
    if verbs not in VERB_MODES:
        raise ValueError(f"verbs must be one of {VERB_MODES}, not {verbs!r}")
    path = Path(path)
    into = Path(into) if into is not None else default_dictionary_dir()
    if not path.exists():
        raise FileNotFoundError(f"no such dictionary file: {path}")
    stats = ImportStats(into=str(into))
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".txt") if path.is_dir() else [path]

    actors, actors_verbatim = _read_actors_tsv(into / ACTORS_FILE, stats)
    agents, agents_verbatim = _read_agents_tsv(into / AGENTS_FILE, stats)
    verb_lines, verbs_verbatim = _read_verbs_tsv(into / VERBS_FILE)
    actors_before, agents_before, verbs_before = len(actors), len(agents), len(verb_lines)
    touched_actors = touched_agents = touched_verbs = False

    for file in files:
        kind = _kind(file)
        stats.files += 1
        if kind == "actors":
            touched_actors = True
            for actor in parse_actors(file, stats):
                stats.actors += 1
                stats.roles += len(actor.roles)
                stats.aliases += len(actor.aliases)
                if not actor.roles:
                    stats.no_code += 1
                    stats.warn(actor.origin, f"actor {actor.name!r} has no code; skipped")
                    continue
                key = actor.name.casefold()
                if key in actors:
                    stats.duplicates += 1
                    target = actors[key]
                else:
                    target = actors[key] = Actor(name=actor.name)
                for alias in actor.aliases:
                    target.add_alias(alias)
                for role in actor.roles:
                    if not target.add_role(role):
                        stats.duplicates += 1
        elif kind == "agents":
            touched_agents = True
            for phrase, suffix in parse_agents(file, stats):
                stats.agents += 1
                existing = agents.get(phrase)
                if existing is None:
                    agents[phrase] = suffix
                elif existing != suffix:
                    stats.conflicts += 1
                else:
                    stats.duplicates += 1
        elif kind == "verbs":
            touched_verbs = True
            stats.verbs += 1
            result = parse_verbs(file, stats)
            stats.verb_entries += result.verbs
            stats.verb_patterns += result.patterns
            stats.verb_rules += len(result.rules)
            stats.verb_conflicts += result.conflicts
            for reason, count in result.skipped.items():
                stats.verb_skipped[reason] = stats.verb_skipped.get(reason, 0) + count
            known = bundled_verb_lemmas() if verbs == "extend" else frozenset()
            for rule in result.rules:
                if rule.words[0] in known:
                    reason = "verb already coded by dyad's own patterns (import with verbs='override' to replace)"
                    stats.verb_skipped[reason] = stats.verb_skipped.get(reason, 0) + 1
                    stats.verb_rules -= 1
                    continue
                existing = verb_lines.get(rule.key)
                if existing is None:
                    verb_lines[rule.key] = rule.line()
                elif existing != rule.line():
                    stats.verb_conflicts += 1
        else:
            stats.warn(str(file), "not an actors or agents dictionary (issues, discards and others are not imported); skipped")

    stats.new_actors = len(actors) - actors_before
    stats.new_agents = len(agents) - agents_before
    stats.new_verb_rules = len(verb_lines) - verbs_before
    stats.overlaps = sum(_overlaps(a.roles) for a in actors.values())

    if touched_actors:
        rows = list(actors_verbatim)
        for actor in actors.values():
            aliases = "|".join(_clean_cell(a).replace("|", " ") for a in actor.aliases)
            for role in actor.roles:
                cells = [actor.name, aliases, role.code, role.start, role.end, role.title]
                rows.append("\t".join(_clean_cell(c) for c in cells))
        _write_atomic(into / ACTORS_FILE, rows)
    if touched_agents:
        _write_atomic(into / AGENTS_FILE, [*agents_verbatim, *(f"{p}\t{s}" for p, s in agents.items())])
    if touched_verbs:
        header = [] if verbs_verbatim or verbs_before else [
            "# pattern (verb lemma, particles/prepositions, object noun)<TAB>CAMEO code[<TAB>code of the reverse event]"
        ]
        _write_atomic(into / VERBS_FILE, [*header, *verbs_verbatim, *verb_lines.values()])
    return stats
