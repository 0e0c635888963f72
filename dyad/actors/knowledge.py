"""The actor knowledge base: every name, adjective, capital, institution, company, IGO, person and
role noun that dyad can resolve to a CAMEO actor code.

All knowledge comes from data files (``dyad/data/actors/*`` and the user dictionary in
``$DYAD_DICTIONARY``); this module only indexes it. Phrases are indexed as tuples of lower-cased word
tokens so one matcher serves both parsed sentences (by character span) and raw text (the event
prefilter and coreference over unparsed sentences), without running spaCy.

Case rule: a data word written with a capital letter ("US", "Li", "Kremlin") only matches the same
spelling or its upper-case form (headlines, datelines); an all-lowercase data word ("president",
"troops") matches any case. This keeps "US" from matching "us" and "May" from matching "may".
"""

from __future__ import annotations

import csv
import datetime
import logging
import os
import re
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS

from dyad.words import words

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

# The kind of an entry that names no actor although a word inside it does ("Latin American" holds
# "American"): it takes its words from every other match and yields no match of its own
NO_ACTOR = "none"
WORD_RE = re.compile(r"\w+|[^\w\s]")
"""Tokens for phrase matching: runs of word characters, or single punctuation marks."""
# Words after a place name that make it an address ("Ontario STREET"), not the place
STREET_WORDS = words("street_words")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})

SECTORS = ("GOV", "MIL", "LEG", "JUD", "BUS", "MED", "OPP", "REB", "CVL", "COP", "SPY", "EDU", "REL",
           "HLH", "LAB", "NGO", "ELI", "IGO", "AGR", "ENV", "CRM", "REF", "UAF", "MOD", "RAD", "SET", "DEV",
           "IMG", "PTY", "INS", "HRI", "JEW", "MUS", "CHR")  # fmt: skip
"""CAMEO sector suffixes; an actor code is ISO3 + zero or more of these."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 5x faster


HYPHENATED_NAME = re.compile(r"[A-Z][a-z]+-[A-Za-z][a-z]+")


def normalize(text: str) -> str:
    """Typographic apostrophes and hyphens to ASCII, so "China’s" and "China's" tokenise alike."""
    return text.translate(_APOSTROPHES)


# The Arabic article in a name, written "al-Khalifa", "Al Khalifa" or "el-Sisi" by different outlets
_ARTICLE = re.compile(r"\b(?:al|el)[- ](?=\w)", re.IGNORECASE)


def article_spellings(name: str) -> list[str]:
    """``name`` and, when it holds an Arabic article, its hyphenated and spaced spellings with the article
    in lower case (a lower-case word of a name matches any case): "Hamad bin Isa Al Khalifa" also as
    "... al-Khalifa" and "... al Khalifa"."""
    if not _ARTICLE.search(name):
        return [name]
    # the lower-case forms first: the index keeps one form per spelling, and "Al Khalifa" would not match
    # "al Khalifa"
    return list(dict.fromkeys([_ARTICLE.sub("al-", name), _ARTICLE.sub("al ", name), name]))


def tokens(text: str) -> list[str]:
    """The matcher's tokenisation of a phrase (case kept)."""
    return WORD_RE.findall(normalize(text))


def _date_key(value: str | None, end: bool = False) -> str | None:
    """Comparable key for YYYY, YYYY-MM or YYYY-MM-DD; an open end of a partial date covers the period."""
    if not value:
        return None
    value = value.strip()
    if len(value) == 4:
        return value + ("-99-99" if end else "-00-00")
    if len(value) == 7:
        return value + ("-99" if end else "-00")
    return value[:10]


@dataclass(frozen=True, slots=True)
class Role:
    """One dated role of a person: the actor code they carry between start and end."""

    code: str
    start: str | None = None  # YYYY[-MM[-DD]] or None (since ever)
    end: str | None = None  # None = still held
    title: str = ""

    def holds_on(self, date: str) -> bool:
        s, e = _date_key(self.start), _date_key(self.end, end=True)
        return (s is None or s <= date) and (e is None or date <= e)

    def distance(self, date: str) -> int:
        """Rough distance in days-ish units from ``date`` to this role's period (0 when inside)."""
        def num(d: str) -> int:
            y, m, dd = (int(p) if p.isdigit() else 0 for p in (d[:4], d[5:7], d[8:10]))
            return y * 372 + min(m, 12) * 31 + min(dd, 31)
        if self.holds_on(date):
            return 0
        s, e = _date_key(self.start), _date_key(self.end, end=True)
        if s is not None and date < s:
            return num(s) - num(date)
        if e is not None:
            return num(date) - num(e)
        return 0


@dataclass(slots=True)
class Entry:
    """One thing a phrase can name.

    ``kind`` is one of: country, adjective, demonym, capital, metonym, institution, igo, company,
    person, named (user-dictionary actor of unknown type), role (a sector noun such as "premier").
    """

    kind: str
    name: str  # canonical name: "China", "Gazprom", "Li Zhanshu", or the role noun itself
    code: str | None = None  # fixed actor code (countries, companies, IGOs, institutions, metonyms)
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()  # persons / named actors
    user: bool = False  # from the user dictionary (wins over bundled data)

    def actor_code(self, date: str | None = None) -> tuple[str | None, str | None, str | None]:
        """(code, country, sector) of this entry on ``date`` (persons: the role held then)."""
        if not self.roles:
            return self.code, self.country, self.sector
        role = pick_role(self.roles, date)
        if role is None:
            return None, None, None
        code = role.code
        country, sector = split_code(code)
        if date and not role.holds_on(date) and role.start:
            # No role on that date: the person still belongs to the country of the nearest role, but we
            # cannot claim the office (GOV, MIL...) they held at another time. One who held a state office
            # that has ended is a former office holder (ELI), as CAMEO and every gold set code them
            # ("former President Lula", or "Donald Trump" in 2024).
            if any(r.end and _date_key(r.end, end=True) < date and split_code(r.code)[1] in FORMER_OFFICES
                   for r in self.roles):  # fmt: skip
                return country + "ELI" if country else None, country, "ELI"
            if role.end and _date_key(role.end, end=True) < date and (code.startswith("IMG") or sector in KEPT_AFTER_END):
                # an armed group's leader stays its man after his role ends, mostly by death, and the
                # story of the killing comes a day later ("al Qaeda's leader in Iraq, Abu Musab
                # al-Zarqawi, was killed"): IRQREB, IMGMUSALQ, not a bare country or no code at all
                return code, country, sector
            return country, country, None
        return code, country, sector


def institution_eras(iso3: str, sector: str, since: Mapping) -> tuple[Role, ...]:
    """Dated codes of a body whose standing changed: ``since: {2021-08-16: GOV}`` makes the Taliban
    (``sector: REB`` until the day before, the fall of Kabul) the government of Afghanistan from that day
    on. No changes, no roles."""
    if not since:
        return ()
    changes = sorted((str(day), str(new).upper()) for day, new in since.items())
    roles, start, current = [], None, sector
    for day, new in changes:
        last = (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()
        roles.append(Role(iso3 + current, start, last))
        start, current = day, new
    roles.append(Role(iso3 + current, start, None))
    return tuple(roles)


def on_date(entry: Entry, date: str | None) -> Entry:
    """A dated institution as it stood on ``date`` (its code and sector then); any other entry as it is."""
    if entry.kind != "institution" or not entry.roles:
        return entry
    role = pick_role(entry.roles, date)
    code = role.code if role is not None else entry.code
    country, sector = split_code(code) if code else (entry.country, entry.sector)
    return Entry(entry.kind, entry.name, code, country, sector, (), entry.user)


# Sectors of state office whose former holders are elites (ELI) once the office has ended
FORMER_OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD"})
KEPT_AFTER_END = frozenset({"REB"})  # a rebel or militant leader is no former office holder


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country and sector of a CAMEO actor code: "CHNGOV" -> ("CHN", "GOV"), "IGOUNO" and "IMGMUSALQ" (no state)
    -> (None, None)."""
    if not code:
        return None, None
    if code.startswith(("IGO", "NGO", "MNC", "IMG")):
        return None, None
    country = code[:3] if len(code) >= 3 and code[:3].isalpha() else None
    sector = code[3:6] if len(code) >= 6 else None
    return country, sector


def pick_role(roles: Iterable[Role], date: str | None) -> Role | None:
    """The role held on ``date`` (latest-starting when several overlap); without a role on that date,
    the nearest one in time; without a date, the latest-starting role."""
    roles = list(roles)
    if not roles:
        return None
    if not date:
        return max(roles, key=lambda r: _date_key(r.start) or "")
    date = date[:10]
    held = [r for r in roles if r.holds_on(date)]
    if held:
        return max(held, key=lambda r: _date_key(r.start) or "")
    return min(roles, key=lambda r: r.distance(date))


@dataclass(slots=True)
class Match:
    """A phrase found in text: character span, the matched words, and what they can name."""

    start: int
    end: int
    text: str
    entries: list[Entry]

    @property
    def best(self) -> Entry:
        return self.entries[0]


@dataclass(frozen=True, slots=True)
class Region:
    """A sub-national place (province, disputed territory, city) and the country or countries it can
    belong to: one for Darfur (SDN), several for Kashmir (IND, PAK), which only context can settle."""

    name: str
    countries: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def country(self) -> str | None:
        """The country when unambiguous."""
        return self.countries[0] if len(self.countries) == 1 else None


@dataclass(frozen=True, slots=True)
class Group:
    """An ethnic, religious or armed non-state group. CAMEO codes its members with the country they
    live in plus a sector (Karen guerrillas: MMR + REB; Yoruba leaders: NGA + CVL); ``countries`` lists
    the possible homes (Kurds: IRQ, TUR, SYR, IRN), so context must choose when there are several."""

    name: str
    countries: tuple[str, ...]
    sector: str = "CVL"
    type: str = "ethnic"  # ethnic | religious | armed
    aliases: tuple[str, ...] = ()

    @property
    def country(self) -> str | None:
        return self.countries[0] if len(self.countries) == 1 else None


@dataclass(slots=True)
class SideMatch:
    """A region or group name found in text (see :meth:`KnowledgeBase.match_places`)."""

    start: int
    end: int
    text: str
    item: Region | Group


_KIND_RANK = {"named": 0, "person": 1, "company": 2, "igo": 3, "institution": 4, "metonym": 5, "country": 6,
              "capital": 7, "demonym": 8, "adjective": 9, "role": 10}  # fmt: skip


@dataclass
class KnowledgeBase:
    """Phrase index over all actor knowledge. Build with :meth:`load`."""

    index: dict[tuple[str, ...], list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    max_len: int = 1
    first: set[str] = field(default_factory=set)  # first words of indexed phrases (fast rejection)
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)  # iso3 -> raw yaml record
    persons: dict[str, Entry] = field(default_factory=dict)  # canonical name -> entry
    surnames: dict[str, list[Entry]] = field(default_factory=dict)  # lower surname -> persons
    name_words: set[str] = field(default_factory=set)  # lower-case words of person names (prefilter cue)
    iso2: dict[str, str] = field(default_factory=dict)  # ISO2 -> ISO3 (for places)
    regions: dict[str, Region] = field(default_factory=dict)  # canonical name -> sub-national place
    groups: dict[str, Group] = field(default_factory=dict)  # canonical name -> ethnic/religious/armed group
    side_index: dict[tuple[str, ...], list[tuple[tuple[str, ...], Region | Group]]] = field(default_factory=dict)
    side_max_len: int = 1
    side_first: set[str] = field(default_factory=set)  # lower-case first words of side names (a quick skip)
    problems: list[str] = field(default_factory=list)
    _fuzzy: dict[str, tuple[str, bool]] | None = field(default=None, repr=False)

    # ------------------------------------------------------------------ building
    def add(self, phrase: str, entry: Entry) -> None:
        """Index ``phrase`` (as written: capitals are significant) for ``entry``."""
        toks = tokens(phrase)
        if not toks:
            return
        key, form = tuple(t.lower() for t in toks), tuple(toks)
        bucket = self.index.setdefault(key, [])
        for i, (old_form, old) in enumerate(bucket):
            if old.kind == entry.kind and old.name == entry.name and old.code == entry.code:
                if entry.user:
                    bucket[i] = (form, entry)
                    return
                if old_form == form or _case_ok(old_form, list(form)):
                    return  # the spelling already indexed accepts this one
                if _case_ok(form, list(old_form)):
                    bucket[i] = (form, old)  # "Renamo" after "RENAMO": the form that accepts both
                    return
        bucket.append((form, entry))
        # user entries first, then by kind rank (a person beats a country spelled the same)
        bucket.sort(key=lambda p: (not p[1].user, _KIND_RANK.get(p[1].kind, 20)))
        self.max_len = max(self.max_len, len(key))
        self.first.add(key[0])

    @classmethod
    def load(cls, dictionary_dir: str | Path | None = None, data_dir: str | Path | None = None) -> KnowledgeBase:
        """All bundled actor data plus the user dictionary (``$DYAD_DICTIONARY`` or ``~/.dyad/dictionary``
        when ``dictionary_dir`` is None). Bad lines are logged and skipped, never fatal."""
        kb = cls()
        base = Path(data_dir) if data_dir else DATA_DIR / "actors"
        kb._load_countries(base / "countries.yaml")
        kb._load_sectors(base / "sectors.yaml")
        kb._load_orgs(base / "igos.yaml", "igo")
        kb._load_orgs(base / "companies.yaml", "company")
        people = base / "people"
        if people.is_dir():
            for path in sorted(people.glob("*.tsv")):
                kb._load_people(path, user=False)
        kb._load_regions(base / "regions.yaml")
        kb._load_groups(base / "groups.yaml")
        for phrase in words("no_actor_phrases"):  # "SOUTH AMERICAN leaders" are no Americans
            kb.add(phrase, Entry(NO_ACTOR, phrase))
        kb._load_user(Path(dictionary_dir) if dictionary_dir else default_dictionary_dir())
        kb._build_surnames()
        for msg in kb.problems:
            log.warning(msg)
        return kb

    def _read_yaml(self, path: Path) -> Any:
        if not path.exists():
            return None
        try:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            self.problems.append(f"{path}: unreadable YAML: {exc}")
            return None

    def _load_countries(self, path: Path) -> None:
        data = self._read_yaml(path) or []
        for n, rec in enumerate(data, 1):
            try:
                iso3 = str(rec["iso3"]).upper()
                self.countries[iso3] = rec
                name = str(rec["name"])
                self.add(name, Entry("country", name, iso3, iso3))
                for alias in rec.get("aliases") or []:
                    self.add(str(alias), Entry("country", name, iso3, iso3))
                for adj in rec.get("adjectives") or []:
                    self.add(str(adj), Entry("adjective", name, iso3, iso3))
                for dem in rec.get("demonyms") or []:
                    self.add(str(dem), Entry("demonym", name, iso3, iso3))
                for cap in rec.get("capitals") or []:
                    self.add(str(cap), Entry("capital", str(cap), iso3 + "GOV", iso3, "GOV"))
                for met, sector in (rec.get("metonyms") or {}).items():
                    sector = str(sector).upper()
                    self.add(str(met), Entry("metonym", str(met), iso3 + sector, iso3, sector))
                for inst in rec.get("institutions") or []:
                    sector = str(inst.get("sector", "GOV")).upper()
                    names = [str(x) for x in inst.get("names") or []]
                    roles = institution_eras(iso3, sector, inst.get("since") or {})
                    for nm in names:
                        self.add(nm, Entry("institution", names[0], iso3 + sector, iso3, sector, roles=roles))
                if rec.get("iso2"):
                    self.iso2[str(rec["iso2"]).upper()] = iso3
            except (KeyError, TypeError, AttributeError) as exc:
                self.problems.append(f"{path}: record {n}: {exc!r}")

    def _load_sectors(self, path: Path) -> None:
        data = self._read_yaml(path) or {}
        if not isinstance(data, dict):
            self.problems.append(f"{path}: expected a mapping of sector -> phrases")
            return
        for sector, phrases in data.items():
            for phrase in phrases or []:
                phrase = str(phrase).rstrip("?").strip()
                if phrase:
                    self.add(phrase.lower(), Entry("role", phrase.lower(), None, None, str(sector).upper()))

    def _load_orgs(self, path: Path, kind: str) -> None:
        data = self._read_yaml(path) or []
        for n, rec in enumerate(data, 1):
            try:
                code = str(rec["code"]).upper()
                name = str(rec["name"])
                country = rec.get("country") or split_code(code)[0]
                sector = rec.get("sector") or (split_code(code)[1] if kind == "company" else None)
                if kind == "company" and not sector:
                    sector = "BUS"
                entry = Entry(kind, name, code, country, sector)
                self.add(name, entry)
                for alias in rec.get("aliases") or []:
                    self.add(str(alias), entry)
            except (KeyError, TypeError, AttributeError) as exc:
                self.problems.append(f"{path}: record {n}: {exc!r}")

    def _add_side(self, phrase: str, item: Region | Group) -> None:
        """Index a region or group name in the side index (kept apart from :attr:`index` so that the
        coder's phrase matching is unchanged until it asks for places and groups explicitly)."""
        toks = tokens(phrase)
        if not toks:
            return
        key = tuple(t.lower() for t in toks)
        bucket = self.side_index.setdefault(key, [])
        if not any(old is item for _, old in bucket):
            bucket.append((tuple(toks), item))
        self.side_max_len = max(self.side_max_len, len(key))
        self.side_first.add(key[0])

    def _iso3_list(self, value: Any, where: str) -> tuple[str, ...] | None:
        """A country or list of countries from a data record; None (with a problem logged) if any is
        not a known ISO3 code."""
        items = [value] if isinstance(value, str) else list(value or [])
        out = tuple(str(v).upper() for v in items)
        unknown = [c for c in out if c not in self.countries]
        if unknown:
            self.problems.append(f"{where}: unknown country code(s) {unknown}")
            return None
        return out

    def _load_regions(self, path: Path) -> None:
        """regions.yaml: sub-national places (provinces, disputed territories, cities) -> countries."""
        for n, rec in enumerate(self._read_yaml(path) or [], 1):
            try:
                name = str(rec["name"])
                homes = self._iso3_list(rec.get("country") or rec["countries"], f"{path}: record {n} ({name})")
                if homes is None:
                    continue
                region = Region(name, homes, tuple(str(a) for a in rec.get("aliases") or []))
                self.regions[name] = region
                for phrase in (name, *region.aliases):
                    self._add_side(phrase, region)
            except (KeyError, TypeError, AttributeError) as exc:
                self.problems.append(f"{path}: record {n}: {exc!r}")

    def _load_groups(self, path: Path) -> None:
        """groups.yaml: ethnic, religious and armed non-state groups with their home countries. A
        group's ``adjectives`` and ``demonyms`` are also indexed as its country's adjective/demonym in
        the main index when it has exactly one home, so "Chechen rebels" composes to RUS + REB with no
        change to the coder; names of groups with several homes stay in the side index."""
        for n, rec in enumerate(self._read_yaml(path) or [], 1):
            try:
                name = str(rec["name"])
                homes = self._iso3_list(rec.get("countries") or [], f"{path}: record {n} ({name})")
                if homes is None:
                    continue
                sector = str(rec.get("sector") or "CVL").upper()
                if sector not in SECTORS:
                    self.problems.append(f"{path}: record {n} ({name}): unknown sector {sector!r}")
                    continue
                adjectives = [str(a) for a in rec.get("adjectives") or []]
                demonyms = [str(a) for a in rec.get("demonyms") or []]
                aliases = [str(a) for a in rec.get("aliases") or []]
                group = Group(name, homes, sector, str(rec.get("type") or "ethnic"),
                              tuple(dict.fromkeys(aliases + adjectives + demonyms)))
                self.groups[name] = group
                for phrase in (name, *group.aliases):
                    self._add_side(phrase, group)
                if len(homes) == 1:
                    cname = str(self.countries[homes[0]]["name"])
                    for kind, phrases in (("adjective", adjectives), ("demonym", demonyms)):
                        for phrase in phrases:
                            # the sector marks a group's word: alone, "the Uighurs" are its people, not China
                            self.add(phrase, Entry(kind, cname, homes[0], homes[0], sector=sector))
            except (KeyError, TypeError, AttributeError) as exc:
                self.problems.append(f"{path}: record {n}: {exc!r}")

    def _load_people(self, path: Path, user: bool) -> None:
        """People TSV: name, aliases (|-separated), code, start, end, title; one row per role."""
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(f"{path}: unreadable: {exc}")
            return
        for n, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            if n == 1 and row[0].strip().lower() == "name":
                continue
            row += [""] * (6 - len(row))
            name, aliases, code = row[0].strip(), row[1].strip(), row[2].strip().upper()
            if not code or not re.fullmatch(r"[A-Z0-9]{3,}", code):
                self.problems.append(f"{path}:{n}: bad actor code {code!r}")
                continue
            start, end = row[3].strip() or None, row[4].strip() or None
            role = Role(code, start, end, row[5].strip())
            person = self.persons.get(name)
            if person is None or (user and not person.user):
                kind = "person" if not user or start or " " in name else "named"
                person = Entry(kind, name, user=user)
                self.persons[name] = person
            person.roles = (*person.roles, role)
            for spelling in (name, *(a.strip() for a in aliases.split("|") if a.strip())):
                for form in article_spellings(spelling):
                    self.add(form, person)

    def _load_user(self, directory: Path) -> None:
        if not directory.is_dir():
            return
        if (directory / "actors.tsv").exists():
            self._load_people(directory / "actors.tsv", user=True)
        agents = directory / "agents.tsv"
        if agents.exists():
            for n, line in enumerate(agents.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) < 2 or not parts[1].strip():
                    self.problems.append(f"{agents}:{n}: expected phrase<TAB>code_suffix")
                    continue
                sector = parts[1].strip().upper()
                phrase = parts[0].strip().lower()
                self.add(phrase, Entry("role", phrase, None, None, sector, user=True))

    def _build_surnames(self) -> None:
        """Surname -> persons, for "Putin said" with no full name earlier in the article. The surname
        is the last word, or the first when the data lists the reversed name as an alias ("Li Zhanshu"
        with alias "Zhanshu Li") or the person belongs to a family-name-first country (coref.yaml)."""
        aliases: dict[int, set[str]] = {}
        for key, bucket in self.index.items():
            for _, e in bucket:
                if e.kind == "person":
                    aliases.setdefault(id(e), set()).add(" ".join(key))
        cfg = self._read_yaml(DATA_DIR / "patterns" / "coref.yaml") or {}
        family_first = set(cfg.get("surname_first_countries", []))
        for person in self.persons.values():
            if person.kind != "person":
                continue
            parts = [t for t in tokens(person.name) if t[:1].isalpha()]
            self.name_words.update(p.lower() for p in parts if len(p) > 1 and p.lower() not in STOP_WORDS)
            if len(parts) < 2:
                continue
            reversed_alias = " ".join(reversed([p.lower() for p in parts])) in aliases.get(id(person), set())
            countries = {r.code[:3] for r in person.roles}
            first = reversed_alias or bool(countries and countries <= family_first)
            surname = parts[0] if first else parts[-1]
            if surname.lower() in STOP_WORDS:
                continue
            self.surnames.setdefault(surname.lower(), []).append(person)
            # spellings the aliases give ("Volodymyr ZELENSKIY" beside "Zelensky") name the same person
            for alias in aliases.get(id(person), set()):
                words = alias.split()
                if len(words) < 2 or words[0] != parts[0].lower() or first:
                    continue  # only a variant of the same full name; never a nickname or title form
                variant = words[-1]
                if variant != surname.lower() and variant not in STOP_WORDS and len(variant) > 2:
                    bucket = self.surnames.setdefault(variant, [])
                    if person not in bucket:
                        bucket.append(person)

    # ------------------------------------------------------------------ matching
    def match(self, text: str, kinds: set[str] | None = None) -> list[Match]:
        """Longest non-overlapping phrase matches in ``text``, left to right. A match yields to one
        that starts inside it and reaches further ("the UN" < "UN human rights office")."""
        norm = normalize(text)
        toks = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(norm)]
        lowered = [t[0].lower() for t in toks]

        def longest_at(i: int) -> tuple[int, list[Entry]]:
            if lowered[i] not in self.first:
                return 0, []
            for n in range(min(self.max_len, len(toks) - i), 0, -1):
                bucket = self.index.get(tuple(lowered[i : i + n]))
                if not bucket:
                    continue
                surface = [t[0] for t in toks[i : i + n]]
                entries = [e for form, e in bucket if _case_ok(form, surface)
                           and (kinds is None or e.kind in kinds or e.kind == NO_ACTOR)]  # fmt: skip
                if entries:  # (two spellings of one entry may both fit an all-capitals surface)
                    return n, list({id(e): e for e in entries}.values())
            return 0, []

        out: list[Match] = []
        i = 0
        while i < len(toks):
            n, entries = longest_at(i)
            if not n:
                i += 1
                continue
            overtaken = next((j for j in range(i + 1, i + n) if j + longest_at(j)[0] > i + n), None)
            if overtaken is not None:
                i = overtaken
                continue
            if any(e.kind != NO_ACTOR for e in entries):
                out.append(Match(toks[i][1], toks[i + n - 1][2], text[toks[i][1] : toks[i + n - 1][2]], entries))
            i += n
        return out

    def has_cue(self, text: str) -> bool:
        """Whether ``text`` names any actor or role at all (cheap; used by the event prefilter)."""
        return bool(self.match(text))

    def surname_person(self, surname: str, date: str | None = None) -> Entry | None:
        """The person with this surname when exactly one is known, or, given the event's date, when
        exactly one of those known holds an office on that date ("Aliyev" in 2018 is Ilham Aliyev, not
        his father Heydar, president until 2003)."""
        hits = self.surnames.get(surname.lower())
        if not hits:
            return None
        if len(hits) > 1 and date:
            hits = [h for h in hits if any(r.holds_on(date) for r in h.roles)]
        return hits[0] if len(hits) == 1 else None

    def country_name(self, iso3: str | None) -> str | None:
        rec = self.countries.get(iso3 or "")
        return str(rec["name"]) if rec else None

    # ------------------------------------------------------------------ places, groups, misspellings
    def match_side(self, text: str) -> list[SideMatch]:
        """Longest non-overlapping region and group names in ``text`` (same case rule as :meth:`match`)."""
        norm = normalize(text)
        toks = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(norm)]
        lowered = [t[0].lower() for t in toks]
        out: list[SideMatch] = []
        i = 0
        while i < len(toks):
            if lowered[i] not in self.side_first:  # most words start no name: skip the longest-first search
                i += 1
                continue
            for n in range(min(self.side_max_len, len(toks) - i), 0, -1):
                bucket = self.side_index.get(tuple(lowered[i : i + n]))
                if not bucket:
                    continue
                surface = [t[0] for t in toks[i : i + n]]
                item = next((it for form, it in bucket if _case_ok(form, surface)), None)
                if isinstance(item, Region) and i + n < len(toks) and lowered[i + n] in STREET_WORDS:
                    item = None  # "ONTARIO Street", "Florida Avenue": an address, not the province
                if item is not None:
                    a, b = toks[i][1], toks[i + n - 1][2]
                    out.append(SideMatch(a, b, text[a:b], item))
                    i += n
                    break
            else:
                i += 1
        return out

    def match_places(self, text: str) -> list[SideMatch]:
        """Regions (sub-national places) named in ``text``: "Darfur", "the Gaza Strip" is a country alias
        and found by :meth:`match` instead."""
        return [m for m in self.match_side(text) if isinstance(m.item, Region)]

    def match_groups(self, text: str) -> list[SideMatch]:
        """Ethnic, religious and armed groups named in ``text`` ("Kurds", "Karen", "Tamil Tigers")."""
        return [m for m in self.match_side(text) if isinstance(m.item, Group)]

    def _side_lookup(self, name: str) -> list[Region | Group]:
        toks = tokens(name.strip())
        if toks and toks[0].lower() == "the" and len(toks) > 1:
            toks = toks[1:]
        bucket = self.side_index.get(tuple(t.lower() for t in toks)) or []
        return [it for form, it in bucket if _case_ok(form, toks)]

    def region(self, name: str) -> Region | None:
        """The region called ``name`` (any alias, optional leading "the"), or None."""
        return next((it for it in self._side_lookup(name) if isinstance(it, Region)), None)

    def group(self, name: str) -> Group | None:
        """The group called ``name`` (any alias: "Kurds", "Kurdish", "Uyghurs"), or None."""
        return next((it for it in self._side_lookup(name) if isinstance(it, Group)), None)

    def country_of_place(self, name: str, context: Iterable[str] = ()) -> str | None:
        """ISO3 of a place name: a country (any alias), a capital or a region. For a region shared by
        several countries (Kashmir: IND, PAK) the first of them found in ``context`` (ISO3 codes of the
        sentence's or article's countries, most relevant first) wins; otherwise None, never a guess."""
        text = name.strip()
        if not text:
            return None
        context = [c for c in context if c]
        region = self.region(text)
        if region is not None and not region.country and _first_in(region.countries, context):
            return _first_in(region.countries, context)  # "Tripoli" in a Lebanese story
        toks = tokens(text)
        for cand in (toks, toks[1:] if toks and toks[0].lower() == "the" else None):
            if not cand:
                continue
            for form, e in self.index.get(tuple(t.lower() for t in cand)) or []:
                if e.kind in ("country", "capital") and e.country and _case_ok(form, cand):
                    return e.country
        if region is None:
            return None
        if region.country:
            return region.country
        return _first_in(region.countries, context)

    def resolve_group(self, name: str, context: Iterable[str] = ()) -> tuple[str | None, str | None]:
        """(country, sector) of a group named ``name``. A known group with one home country gives it;
        with several homes, the first found in ``context`` (ISO3 codes: the sentence's place, then the
        article's dominant country). A generic group noun from sectors.yaml ("rebels", "pirates",
        "militants", "separatists") takes the first context country. (None, sector) when context
        cannot decide; (None, None) for an unknown name."""
        context = [c for c in context if c]
        group = self.group(name)
        if group is not None:
            if group.country:
                return group.country, group.sector
            if not group.countries:
                return (context[0] if context else None), group.sector
            return _first_in(group.countries, context), group.sector
        key = tuple(t.lower() for t in tokens(name.strip()))
        if key and key[0] == "the":
            key = key[1:]
        role = next((e for _, e in self.index.get(key) or [] if e.kind == "role"), None)
        if role is None:
            return None, None
        return (context[0] if context else None), role.sector

    def fuzzy_country(self, token: str, known_words: Container[str] | None = None) -> str | None:
        """ISO3 of a misspelled country or capital name ("Afganistan", "Phillippines", "Khatmandu",
        "Quatar"), or None. Opt-in and conservative, for capitalised tokens the KB does not know:

        * one edit (insertion, deletion, substitution or swap of neighbours) from a country name,
          alias, adjective, demonym or capital, and every closest form points to the same country;
        * the token shares the form's first letter: typos keep it ("Quatar" -> Qatar), while a letter
          put before a capital makes another place ("Kankara", a Nigerian town, is not Ankara);
        * the token has >= 7 letters; a 6-letter token only matches a country name or alias (never a
          capital: "Parish" is not Paris);
        * never a known phrase, a word of a known person's name, a stop word, or a word in
          ``known_words`` (pass ``nlp.vocab.strings`` so English words such as "Romance" are left alone).
        """
        word = normalize(token).strip()
        if len(word) < 6 or not word[:1].isupper() or not word.replace("-", "").isalpha():
            return None
        low = word.lower()
        if (low,) in self.index or low in self.name_words or low in STOP_WORDS:
            return None
        if known_words is not None and (word in known_words or low in known_words):
            return None
        forms = self._fuzzy_forms()
        best: set[str] = set()
        for form, (iso3, is_name) in forms.items():
            if abs(len(form) - len(low)) > 1:
                continue
            if form[0] != low[0] or (len(low) < 7 and not is_name):
                continue
            if len(form) < 5:
                continue
            if OSA.distance(low, form, score_cutoff=1) <= 1:
                best.add(iso3)
        return best.pop() if len(best) == 1 else None

    def _fuzzy_forms(self) -> dict[str, tuple[str, bool]]:
        """Lower-cased single-word country forms -> (ISO3, whether it is a name/alias rather than an
        adjective, demonym or capital), built on first use."""
        if self._fuzzy is None:
            forms: dict[str, tuple[str, bool]] = {}
            clash: set[str] = set()
            for key, bucket in self.index.items():
                if len(key) != 1:
                    continue
                for _, e in bucket:
                    if e.kind not in ("country", "adjective", "demonym", "capital") or not e.country:
                        continue
                    old = forms.get(key[0])
                    if old is not None and old[0] != e.country:
                        clash.add(key[0])
                    forms[key[0]] = (e.country, e.kind == "country" or bool(old and old[1]))
            self._fuzzy = {k: v for k, v in forms.items() if k not in clash}
        return self._fuzzy


def _first_in(candidates: Iterable[str], context: Iterable[str]) -> str | None:
    """The first context country that is one of ``candidates`` (context order = relevance)."""
    wanted = set(candidates)
    return next((c for c in context if c in wanted), None)


def _case_ok(form: tuple[str, ...], surface: list[str]) -> bool:
    for want, got in zip(form, surface, strict=True):
        if want == got or want.lower() == want or got == want.upper():
            continue
        return False
    return True


def default_dictionary_dir() -> Path:
    """The user dictionary directory: ``$DYAD_DICTIONARY`` or ``~/.dyad/dictionary``."""
    env = os.environ.get("DYAD_DICTIONARY")
    return Path(env) if env else Path.home() / ".dyad" / "dictionary"


def hyphenated_name_words(kb: KnowledgeBase) -> frozenset[str]:
    """Hyphenated words of known people's names ("Jae-in", "Ki-moon", "Ing-wen"). The tokenizer would
    split them, and the parser then reads "Moon Jae - in" as a name followed by the preposition "in";
    kept whole, the name stays one noun phrase (``dyad.nlp.load_nlp`` makes them special cases)."""
    return frozenset(w for name in kb.persons for w in name.split() if HYPHENATED_NAME.fullmatch(w))


@lru_cache(maxsize=4)
def _cached(dictionary_dir: str) -> KnowledgeBase:
    return KnowledgeBase.load(dictionary_dir)


def default_kb(dictionary_dir: str | Path | None = None) -> KnowledgeBase:
    """The shared knowledge base for this process (one per user-dictionary directory)."""
    return _cached(str(dictionary_dir or default_dictionary_dir()))
