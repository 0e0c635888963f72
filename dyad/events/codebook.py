"""The CAMEO 2.0 event codebook: names, Goldstein values, quad classes and PLOVER categories.

Everything here is read from ``dyad/data/cameo/codebook.tsv`` and ``plover.tsv`` (domain knowledge is
data, not code). The loader is strict about the files it ships with — a malformed line is a packaging
bug, so it raises naming the file and line — and forgiving about the codes callers ask for: a code is
normalised (whitespace stripped, integers zero-padded) before lookup, and an unknown code raises
:class:`UnknownCodeError`, a ``KeyError`` whose message says which code was unknown.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "cameo"
"""Where codebook.tsv and plover.tsv live (package data)."""

PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
"""The contract's PLOVER category names (v0.5 DEMAND/DISAPPROVE/YIELD/FIGHT are spelled as here)."""

QUAD_CLASS_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


V = TypeVar("V")


class UnknownCodeError(KeyError):
    """A CAMEO code that is not in the codebook (a ``KeyError``, so ``except KeyError`` works)."""

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return str(self.args[0]) if self.args else "unknown CAMEO code"


class CodebookFormatError(ValueError):
    """A malformed line in a codebook data file (names the file and line)."""


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """Everything the codebook knows about one CAMEO event code."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    """PLOVER category; None for the 01 (public statement) family, which PLOVER does not code."""
    root: str
    plover_mode: str | None = None

    @property
    def parent(self) -> str | None:
        """The code one level up ("0874" -> "087", "087" -> "08"); None for a root."""
        return parent_code(self.code)


def normalize_code(code: str | int) -> str:
    """Canonical string form of a CAMEO code.

    Integers (and digit strings that lost their leading zero, as spreadsheets and GDELT exports
    do) are zero-padded: ``42 -> "042"``, ``"874" -> "0874"``, ``4 -> "04"``.
    """
    text = str(code).strip()
    if not text.isdigit():
        return text
    if len(text) == 1 or (len(text) == 2 and int(text) > 20):
        return "0" + text
    if len(text) == 3 and text[0] != "0" and int(text[:2]) > 20:
        # "874" can only be "0874": no root above 20 exists.
        return "0" + text
    return text


def parent_code(code: str) -> str | None:
    """The parent of a code in the CAMEO hierarchy, or None for a two-digit root."""
    return code[:-1] if len(code) > 2 else None


def nearest_listed(table: Mapping[str, V], code: str) -> V | None:
    """The value a table lists for a code or, failing that, for its nearest listed ancestor ("0841" ->
    "084" -> "08"); None when no ancestor is listed. Code tables list roots and override leaves."""
    current: str | None = code
    while current is not None:
        if current in table:
            return table[current]
        current = parent_code(current)
    return None


def quad_class_for_root(root: str) -> int:
    """Quad class from the root: 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"not a CAMEO root: {root!r}")
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def _read_tsv(path: Path, header: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each data line, checking the header and field count."""
    with path.open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    if not lines or lines[0].split("\t") != header:
        expected = "<TAB>".join(header)
        raise CodebookFormatError(f"{path}:1: expected header {expected!r}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise CodebookFormatError(f"{path}:{number}: expected {len(header)} tab-separated fields")
        yield number, [field.strip() for field in fields]


class Codebook:
    """The loaded CAMEO codebook. Use :meth:`load` for the shared, cached instance."""

    def __init__(self, entries: dict[str, CodeInfo]) -> None:
        self._entries = entries

    @classmethod
    @functools.cache
    def load(cls) -> Codebook:
        """The bundled codebook (read once per process)."""
        # Relative to this file rather than importlib.resources: an editable install made before
        # dyad/__init__.py existed maps "dyad" as a namespace package, whose MultiplexedPath cannot
        # open files, and package data always sits next to the code (pyproject package-data).
        folder = DATA_DIR
        return cls.from_files(folder / "codebook.tsv", folder / "plover.tsv")

    @classmethod
    def from_files(cls, codebook_path: Path, plover_path: Path) -> Codebook:
        """Build a codebook from a ``code/name/goldstein`` file and a ``cameo/plover/mode`` file."""
        rows: dict[str, tuple[str, float]] = {}
        for number, (code, name, goldstein_text) in _read_tsv(codebook_path, ["code", "name", "goldstein"]):
            if not code.isdigit() or len(code) not in (2, 3, 4):
                raise CodebookFormatError(f"{codebook_path}:{number}: bad CAMEO code {code!r}")
            if code in rows:
                raise CodebookFormatError(f"{codebook_path}:{number}: duplicate code {code}")
            try:
                goldstein = float(goldstein_text)
            except ValueError:
                raise CodebookFormatError(
                    f"{codebook_path}:{number}: Goldstein value {goldstein_text!r} is not a number"
                ) from None
            if not -10.0 <= goldstein <= 10.0:
                raise CodebookFormatError(
                    f"{codebook_path}:{number}: Goldstein {goldstein} outside [-10, 10]"
                )
            rows[code] = (name, goldstein)

        plover: dict[str, tuple[str, str | None]] = {}
        for number, (code, category, mode) in _read_tsv(plover_path, ["cameo", "plover", "mode"]):
            if code not in rows:
                raise CodebookFormatError(f"{plover_path}:{number}: {code} is not in the codebook")
            if category not in PLOVER_CATEGORIES:
                raise CodebookFormatError(f"{plover_path}:{number}: unknown PLOVER category {category!r}")
            plover[code] = (category, mode or None)

        entries: dict[str, CodeInfo] = {}
        for code, (name, goldstein) in rows.items():
            category, mode = _nearest_plover(code, plover)
            entries[code] = CodeInfo(
                code=code,
                name=name,
                goldstein=goldstein,
                quad_class=quad_class_for_root(code[:2]),
                plover=category,
                root=code[:2],
                plover_mode=mode,
            )
        return cls(entries)

    def lookup(self, code: str | int) -> CodeInfo:
        """Information about a code; raises :class:`UnknownCodeError` (a KeyError) if it is unknown."""
        key = normalize_code(code)
        try:
            return self._entries[key]
        except KeyError:
            raise UnknownCodeError(f"unknown CAMEO event code {code!r} (not in CAMEO 2.0 codebook)") from None

    def get(self, code: str | int) -> CodeInfo | None:
        """Like :meth:`lookup` but None for an unknown code."""
        return self._entries.get(normalize_code(code))

    def is_valid(self, code: str | int | None) -> bool:
        """Whether ``code`` is a CAMEO 2.0 event code in this codebook."""
        return code is not None and normalize_code(code) in self._entries

    def codes(self) -> list[str]:
        """All codes in codebook order (roots before their leaves)."""
        return sorted(self._entries, key=lambda c: (c[:2], c))

    def roots(self) -> list[str]:
        """The twenty two-digit roots."""
        return [code for code in self.codes() if len(code) == 2]

    def children(self, code: str | int) -> list[str]:
        """Direct children of a code ("08" -> ["080", ..., "087"])."""
        key = normalize_code(code)
        return [c for c in self.codes() if parent_code(c) == key]

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str | int) and self.is_valid(code)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CodeInfo]:
        return (self._entries[code] for code in self.codes())


def _nearest_plover(code: str, plover: dict[str, tuple[str, str | None]]) -> tuple[str | None, str | None]:
    """PLOVER category of the code or its nearest listed ancestor; mode only from an exact-or-ancestor row."""
    return nearest_listed(plover, code) or (None, None)


def lookup(code: str | int) -> CodeInfo:
    """Shortcut for ``Codebook.load().lookup(code)``."""
    return Codebook.load().lookup(code)
