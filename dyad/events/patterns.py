"""Event patterns as data: verb and noun triggers, modality cues, and the word forms the prefilter looks for.

Loads ``dyad/data/patterns/{verbs,lexicon,nouns,lexicon_nouns,modality,comments,irregular,light_verbs,place_nouns}.yaml``
(``lexicon*.yaml`` is the CAMEO-wide vocabulary, read after the hand-tuned files) plus the user dictionary's
``verbs.tsv`` (``pattern<TAB>cameo[<TAB>reverse cameo]``, where ``pattern`` is a verb lemma optionally followed by a
particle/preposition and/or object nouns: ``impose tariff	163``, ``call on	020``). A malformed entry
is reported with its file and line and skipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

log = logging.getLogger(__name__)

PREPOSITIONS = {"on", "upon", "with", "to", "in", "at", "for", "against", "from", "into", "about", "between",
                "of", "by", "up", "off", "out", "down", "over"}  # fmt: skip

USER_FALLBACK_TARGETS = ("prep:with", "prep:to", "prep:against", "prep:on", "prep:in", "prep:at", "prep:into",
                         "prep:for", "ofobj", "xcomp")  # fmt: skip
"""Where a user ``verbs.tsv`` pattern looks for its target after the object and its own prepositions."""

# What an object list names to accept any named place as the object ("troops took <place>")
PLACE_NAME = "<place>"
# ... and any named person ("handed <person> over to Peru")
PERSON_NAME = "<person>"
NAME_SLOTS = frozenset({PLACE_NAME, PERSON_NAME})
PATTERN_FILES = (("verbs.yaml", False), ("lexicon.yaml", False), ("nouns.yaml", True), ("lexicon_nouns.yaml", True))
"""Bundled trigger files in load order: within one specificity the earlier file's pattern is tried first."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 5x faster


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger -> CAMEO code rule (see the header of verbs.yaml for the fields)."""

    lemma: str
    code: str
    nominal: bool = False
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    pobjs: frozenset[str] = frozenset()
    with_objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # the subject (or passive agent) must be one of these ("MISSILES hit")
    target: tuple[str, ...] = ("dobj",)
    source: tuple[str, ...] = ()
    mutual: str | bool = False
    refine: tuple[tuple[str, str], ...] = ()
    venue: bool = False
    requires_modifier: frozenset[str] = frozenset()
    # a noun pattern: the noun must be the subject of one of these verbs ("a truce between Israel and Hamas
    # TOOK effect"), the news of its own that the noun alone is not
    heads: frozenset[str] = frozenset()
    xcomp_codes: tuple[tuple[str, str], ...] = ()
    xcomp_table: str = ""  # "refusal": the complement's code goes through modality.yaml's refusal_codes
    xcomp_only: bool = False
    ccomp_aux: frozenset[str] = frozenset()  # the that-clause must carry one of these auxiliaries
    complement: frozenset[str] = frozenset()  # the "to"-clause's verb must be one of these ("ordered X to LEAVE")
    clause: bool = False  # the verb must govern a that-clause ("denied THAT its forces struck")
    unless: frozenset[str] = frozenset()  # no fit when the object phrase holds one ("a truce in the TRADE war")
    alone: str = "object"  # never | object | any: may the event stand without a target (PairMaker._may_stand_alone (pairs.py))
    reverse: str | None = None  # code of the paired event target -> source (PETRARCH "[032:033]")
    received: bool = False  # the subject receives: the act is the target's, done to the subject
    abroad: str | None = None  # code when the target is another country's ("banned CHINESE apps": 163, not 1722)
    origin: str = ""

    @property
    def specificity(self) -> int:
        """How many conditions the pattern sets; what the object must be counts double, since it says
        more than a preposition ("fired TEAR GAS at" is repression before "fired at" is an attack)."""
        return bool(self.objects) + sum(bool(x) for x in (self.objects, self.preps, self.pobjs, self.with_objects, self.subjects,
                                                          self.requires_modifier, self.ccomp_aux, self.complement,
                                                          self.clause, self.heads))  # fmt: skip


def _words(value: Any) -> frozenset[str]:
    """A word list, with "@class" entries expanded from ``classes.yaml``."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    out: set[str] = set()
    for v in value:
        if isinstance(v, bool):  # YAML reads a bare on/off/yes/no as a boolean
            raise ValueError(f"a word list holds {v!r}: quote on, off, yes and no in pattern files")
        word = str(v).lower()
        if word.startswith("@"):
            members = word_classes().get(word[1:])
            if members is None:
                raise ValueError(f"unknown word class {word!r} (classes.yaml has {', '.join(sorted(word_classes()))})")
            out |= members
        else:
            out.add(word)
    return frozenset(out)


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """The named word classes of ``dyad/data/patterns/classes.yaml``."""
    path = Path(__file__).resolve().parents[1] / "data" / "patterns" / "classes.yaml"
    raw = _yaml(path) or {}
    return {str(k).lower(): frozenset(str(w).lower() for w in (v or [])) for k, v in raw.items()}


def _xcomp_codes(value: Any) -> tuple[tuple[str, str], ...]:
    """``{complement code prefix: code}``; a null code means "no event" and is kept as ""."""
    if not isinstance(value, dict):
        return ()
    return tuple((str(k), "" if v is None else str(v)) for k, v in value.items())


def _alone(value: Any) -> str:
    if value is True:
        return "any"
    if value is False:
        return "never"
    if value not in ("never", "object", "any"):
        raise ValueError(f"alone must be never, object or any, got {value!r}")
    return str(value)


def _reverse(value: Any) -> str | None:
    """A paired code (CAMEO digits) or None; anything else is an error naming the value."""
    if value is None or str(value).strip() in ("", "---"):
        return None
    code = str(value).strip()
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise ValueError(f"bad reverse CAMEO code {code!r}")
    return code


def _pattern(rec: dict[str, Any], nominal: bool, origin: str) -> Pattern:
    code = str(rec["code"]).strip()
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise ValueError(f"bad CAMEO code {code!r}")
    mutual = rec.get("mutual", False)
    return Pattern(
        lemma=str(rec["lemma"]).lower(),
        code=code,
        nominal=nominal,
        objects=_words(rec.get("object")),
        preps=_words(rec.get("prep")),
        pobjs=_words(rec.get("pobj")),
        with_objects=_words(rec.get("with_object")),
        subjects=_words(rec.get("subject")),
        target=tuple(str(t) for t in rec.get("target", ["dobj"]) or []),
        source=tuple(str(t) for t in rec.get("source", []) or []),
        mutual=mutual if isinstance(mutual, bool) else str(mutual),
        refine=tuple((str(k).lower(), str(v)) for k, v in (rec.get("refine") or {}).items()),
        venue=bool(rec.get("venue", False)),
        requires_modifier=_words(rec.get("requires_modifier")),
        heads=_words(rec.get("heads")),
        xcomp_codes=_xcomp_codes(rec.get("xcomp_codes")),
        xcomp_table=str(rec["xcomp_codes"]) if isinstance(rec.get("xcomp_codes"), str) else "",
        xcomp_only=bool(rec.get("xcomp_only", False)),
        ccomp_aux=_words(rec.get("ccomp_aux")),
        complement=_words(rec.get("complement")),
        clause=bool(rec.get("clause", False)),
        unless=_words(rec.get("unless")),
        alone=_alone(rec.get("alone", "object")),
        reverse=_reverse(rec.get("reverse")),
        received=bool(rec.get("received", False)),
        abroad=str(rec["abroad"]) if rec.get("abroad") else None,
        origin=origin,
    )


@dataclass
class PatternSet:
    """All trigger patterns, indexed by lemma, plus modality cues and prefilter word forms."""

    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    modality: dict[str, Any] = field(default_factory=dict)
    comments: dict[str, Any] = field(default_factory=dict)  # comments.yaml, read by dyad/events/comments.py
    irregular: dict[str, list[str]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    problems: list[str] = field(default_factory=list)
    single_forms: frozenset[str] = frozenset()  # a form of a trigger that needs nothing else
    paired_forms: dict[str, frozenset[str]] = field(default_factory=dict)  # light verb form -> object forms
    form_lemma: dict[str, str] = field(default_factory=dict)  # inflected verb form -> pattern lemma
    light_forms: frozenset[str] = frozenset()  # every inflected form of a light verb
    base_of: dict[str, str] = field(default_factory=dict)  # irregular form -> its verb ("retook" -> "retake")

    @classmethod
    def load(cls, dictionary_dir: str | Path | None = None) -> PatternSet:
        base = Path(__file__).resolve().parents[1] / "data" / "patterns"
        ps = cls()
        ps.irregular = {str(k): [str(x) for x in v] for k, v in (_yaml(base / "irregular.yaml") or {}).items()}
        ps.base_of = {form: lemma for lemma, forms in ps.irregular.items() for form in forms if form != lemma}
        ps.modality = _yaml(base / "modality.yaml") or {}
        ps.comments = _yaml(base / "comments.yaml") or {}
        ps.light_verbs = _words(_yaml(base / "light_verbs.yaml"))
        ps.place_nouns = _words(_yaml(base / "place_nouns.yaml"))
        for name, nominal in PATTERN_FILES:
            table = ps.nouns if nominal else ps.verbs
            for n, rec in enumerate(_yaml(base / name) or [], 1):
                try:
                    # a list of lemmas is one line per lemma: [send, deliver, ship] share the rest
                    lemmas = rec["lemma"] if isinstance(rec.get("lemma"), list) else [rec["lemma"]]
                    found = [_pattern({**rec, "lemma": lemma}, nominal, f"{name}#{n}") for lemma in lemmas]
                except (KeyError, TypeError, ValueError) as exc:
                    ps.problems.append(f"dyad/data/patterns/{name}: entry {n}: {exc}")
                    continue
                for p in found:
                    table.setdefault(p.lemma, []).append(p)
        if dictionary_dir is not None:
            ps._load_user_verbs(Path(dictionary_dir) / "verbs.tsv")
        for table in (ps.verbs, ps.nouns):
            for pats in table.values():
                pats.sort(key=lambda p: -p.specificity)  # most specific first; stable keeps file order
        ps._build_forms()
        for msg in ps.problems:
            log.warning(msg)
        return ps

    def _load_user_verbs(self, path: Path) -> None:
        if not path.exists():
            return
        user: dict[str, list[Pattern]] = {}
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            words = parts[0].lower().replace("_", " ").split()
            code = parts[1].strip() if len(parts) > 1 else ""
            if not words or not code.isdigit():
                self.problems.append(f"{path}:{n}: expected 'pattern<TAB>cameo code'")
                continue
            try:
                reverse = _reverse(parts[2]) if len(parts) > 2 else None
            except ValueError as exc:
                self.problems.append(f"{path}:{n}: {exc}; the reverse code is ignored")
                reverse = None
            lemma, rest = words[0], words[1:]
            preps = [w for w in rest if w in PREPOSITIONS]
            objs = [w for w in rest if w not in PREPOSITIONS and w not in ("*", "+", "$", "a", "the")]
            # PETRARCH-style dictionaries take the first actor after the verb as the target: the
            # object, else the object of a common preposition ("restore ties WITH Gondor").
            target = list(dict.fromkeys(["dobj", "dative", *(f"prep:{p}" for p in preps), *USER_FALLBACK_TARGETS]))
            # alone="never": PETRARCH-style dictionaries code an event only with both actors found
            p = Pattern(lemma, code, objects=frozenset(objs), preps=frozenset(preps), target=tuple(target),
                        alone="never", reverse=reverse, origin=f"{path}:{n}")  # fmt: skip
            user.setdefault(lemma, []).append(p)
        for lemma, pats in user.items():  # user patterns win: placed before the bundled ones
            self.verbs[lemma] = pats + self.verbs.get(lemma, [])

    # ------------------------------------------------------------------ prefilter word forms
    def _build_forms(self) -> None:
        single: set[str] = set()
        paired: dict[str, set[str]] = {}
        for lemma, pats in self.verbs.items():
            vforms = verb_forms(lemma, self.irregular)
            for p in pats:
                needs = p.objects | p.with_objects | p.pobjs | p.ccomp_aux
                if needs & NAME_SLOTS:
                    # any place or person name may be the object ("troops took Mogadishu"): raw text cannot
                    # tell one, so the words that must go with the verb are the pattern's subjects
                    needs = (needs - NAME_SLOTS) | p.subjects if p.subjects else frozenset()
                if needs:
                    objs = {f for o in needs for w in o.split() for f in noun_forms(w)}
                    for f in vforms:
                        paired.setdefault(f, set()).update(objs)
                elif p.preps:  # "round UP", "hit OUT at": the particle must be in the sentence too
                    for f in vforms:
                        paired.setdefault(f, set()).update(p.preps)
                elif p.subjects:  # "SOLDIERS left Niger": the doer the pattern asks for must be there too
                    for f in vforms:
                        paired.setdefault(f, set()).update(w for o in p.subjects for w in noun_forms(o))
                else:
                    single.update(vforms)
        for lemma, pats in self.nouns.items():
            for p in pats:
                if p.requires_modifier or p.heads:
                    mods = {f for w in p.requires_modifier for f in noun_forms(w) | verb_forms(w)}
                    mods |= {f for w in p.heads for f in verb_forms(w, self.irregular)}
                    for f in noun_forms(lemma):
                        paired.setdefault(f, set()).update(mods)
                else:
                    single.update(noun_forms(lemma))
        # the tagger's lemma is sometimes wrong ("staged" -> "stag"): keep a way back from the form
        for lemma in self.verbs:
            if " " not in lemma:
                for f in verb_forms(lemma, self.irregular):
                    self.form_lemma.setdefault(f, lemma)
        self.light_forms = frozenset(f for v in self.light_verbs for f in verb_forms(v, self.irregular))
        # light verbs that are triggers only with certain objects must not pass on their own
        self.single_forms = frozenset(single)
        self.paired_forms = {k: frozenset(v) for k, v in paired.items() if k not in single}

    def is_light(self, tok: Any) -> bool:
        """Whether a verb token is a light verb, by lemma or by inflected form ("held", "carried")."""
        return tok.lemma_.lower() in self.light_verbs or tok.lower_ in self.light_forms

    def sentence_has_trigger(self, words: set[str]) -> bool:
        """Whether a set of lower-case words contains a trigger (with its object, for light verbs)."""
        if not words.isdisjoint(self.single_forms):
            return True
        return any(not words.isdisjoint(self.paired_forms[w]) for w in words.intersection(self.paired_forms))


def _yaml(path: Any) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        return None


def verb_forms(lemma: str, irregular: dict[str, list[str]] | None = None) -> set[str]:
    """Inflected forms of a verb: visit -> visit, visits, visited, visiting (+ irregular forms)."""
    words = lemma.split()
    if len(words) > 1:
        return verb_forms(words[0], irregular)
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("ee"):
        forms.update({lemma + "d", lemma + "ing"})
    elif lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        if _doubles(lemma):
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    forms.update((irregular or {}).get(lemma, []))
    return forms


def _doubles(lemma: str) -> bool:
    """Consonant doubling for short CVC verbs (ban -> banned, stop -> stopped; also US/UK variants)."""
    v = "aeiou"
    return len(lemma) >= 3 and lemma[-1] not in v + "wxy" and lemma[-2] in v and lemma[-3] not in v


def noun_forms(lemma: str) -> set[str]:
    """Singular and plural of a noun (one word; the last word of a phrase)."""
    word = lemma.split()[-1]
    forms = {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    return forms


@lru_cache(maxsize=4)
def load_patterns(dictionary_dir: str | None = None) -> PatternSet:
    return PatternSet.load(dictionary_dir)
