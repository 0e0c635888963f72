"""Actor mentions in a parsed sentence: knowledge-base matches composed into CAMEO actors.

A noun phrase becomes an actor by composing what the knowledge base recognises inside it:

* a known person ("Vladimir Putin") carries the code of the role held on the event date;
* a company or IGO ("Gazprom", "the UN") carries its own code;
* an unknown person, or a role noun, takes its country from a nationality, possessive or "of/for"
  complement and its sector from the role noun: "Russia's departing ambassador Andrey Denisov" ->
  RUSGOV, "Ukrainian troops" -> UKRMIL, "a spokesperson for China's Foreign Ministry" -> CHNGOV;
* a country-specific institution ("the State Duma") or metonym ("the Kremlin") carries its code;
* a capital as the head of a phrase ("Beijing said") stands for the government (CHNGOV);
* a country name or demonym stands for the country ("China" -> CHN).

The phrase's head must itself be part of something recognised, so "China's market" or "Chinese
customs data" are not actors. Coordinated phrases ("China and Russia", "State-owned CNPC and Russian
gas giant Gazprom", even when the parser attaches the first conjunct oddly) are split into one
mention per conjunct. Mentions that need the rest of the article (surnames, titles, pronouns) are
resolved by :mod:`dyad.actors.coref`.
"""

from __future__ import annotations

import json
from collections.abc import Container
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dyad.actors.knowledge import Entry, Group, KnowledgeBase, Match, Region, on_date
from dyad.records import Actor
from dyad.words import words

# Dependents that never belong to an argument's noun phrase (clauses, adverbials, punctuation of the clause)
CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "mark", "advmod", "dep", "csubj"}
ROLEISH_PREPS = {"of", "for", "from"}  # "the prime minister OF Russia", "a spokesperson FOR the ministry"
EXTRA_ROLE_HEADS = words("extra_role_heads")
# Followers of a side take the side's sector ("opposition SUPPORTERS" -> OPP), else they are civilians
FOLLOWER_HEADS = words("follower_heads")
MEMBER_ROLES = words("member_roles")
LEADING_HEADS = words("leading_heads")
# Adjectives that tie armed men to the actor they serve: "forces LOYAL to Haftar" (words.yaml)
PATRON_WORDS = words("patron_words")
# Dependencies of a verb's or preposition's arguments, where a bare name stands for its bearer
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})
NAME_ENT_TYPES = {"", "PERSON", "ORG", "GPE"}  # the NER often mistypes a bare surname; never a DATE
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}  # fmt: skip
NON_PLACE_ENTS = {"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT"}
COUNTRY_KINDS = {"country", "adjective", "demonym", "capital", "metonym", "institution"}
NAME_KINDS = {"person", "named"}
ORG_KINDS = {"company", "igo"}
# Heads that name a body whose identity is a KB name inside the phrase: "the Hizbollah group",
# "the radical Islamic Jihad movement", "the ruling ANC party"
GROUP_HEADS = {"group", "movement", "organization", "organisation", "faction", "front", "party", "militia",
               "network", "alliance", "coalition", "army", "forces", "force", "government", "regime",
               # bodies of an organisation: "a U.N. human rights PANEL", "the IAEA's WATCHDOG mission"
               "panel", "commission", "committee", "body", "agency", "mission", "team", "watchdog"}  # fmt: skip
# Nouns by which a story names a group again ("Hamas's leader was killed, and THE GROUP blamed Israel"):
# alone after "the" they are a role of no sector yet, which the article's last armed group settles (coref)
GROUP_WORDS = frozenset({"group", "movement", "militia", "organisation", "organization", "faction"})
NAME_PARTICLES = words("name_particles")
# Crowds named by whom they follow: an opposition figure's are the opposition (_led_by_opposition)
FOLLOWER_NOUNS = frozenset({"supporter", "follower", "loyalist"})
# Modifiers that make a role-holder a former one: CAMEO codes former officials as elites (ELI)
FORMER = {"former", "ex", "ex-", "ousted", "deposed", "exiled", "retired"}
# Nouns that name one party of a pair by its nationality: "the Turkish and Greek sides"
SIDE_HEADS = {"side", "camp", "community", "communities", "party", "parties"}
# Sectors of non-state actors and ordinary people: when the phrase names no country, CAMEO codes them
# with the country the sentence (or the article) is about: "rebels attacked ... in Darfur" -> SDNREB
CONTEXT_SECTORS = {"REB", "UAF", "CRM", "OPP", "CVL", "REF", "LAB", "AGR", "MED", "EDU", "REL", "HLH", "INS", "RAD"}
# Police named without a country take it from the sentence only ("police fired tear gas in Caracas"),
# never from the article: police act at home, but a story may name several countries' forces
# (courts too: "the court sentenced the former Pakistani prime minister")
SENTENCE_SECTORS = {"COP", "JUD"}
# Prepositions whose object is where something happens: "rebels IN Darfur", "a jail NEAR Hebron"
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "through", "throughout", "around", "within", "into", "toward",
               "towards"}
# Directions that make an "of" phrase a place ("west of Baghdad", "40 km north of Kabul")
COMPASS_POINTS = words("compass_points")
# Words before a capital's name that say which part of it, not another place: "GREATER Kabul"
NAME_PART_WORDS = frozenset({"greater", "downtown", "central", "old", "inner", "metropolitan"})
SETTLEMENT_NOUNS = words("settlement_nouns")
# Names many states' bodies share, listed under one country: no evidence of the sentence's country
SHARED_INSTITUTION_NAMES = words("shared_institution_names")
# Sectors of state office: one who held such an office, named "former", is a former office holder (ELI):
# "former domestic SECURITY CHIEF Zhou Yongkang", "former army commander Ratko Mladic"
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# Sectors of roles that name people (a plural of one is still people: "rulers", "policemen"); media and
# business roles also name things ("magazines", "papers", "firms") and are left to the dictionary's forms
PEOPLE_SECTORS = {"GOV", "MIL", "REB", "OPP", "LEG", "JUD", "COP", "ELI", "CVL", "SPY", "UAF", "CRM", "INS",
                  "RAD", "REF", "LAB", "AGR", "EDU", "REL", "HLH", "HRI", "NGO", "PTY", "SEP", "MOD"}  # fmt: skip
# Premises that stand for their government ("the Saudi EMBASSY"); their country is not the scene's
GOVERNMENT_PREMISES = words("government_premises")
MILITARY_PREMISES = words("military_premises")
# Office sectors that an "opposition" modifier turns into OPP ("opposition mayor", "opposition senator")
OPPOSABLE_SECTORS = {"GOV", "LEG"}
# Sectors of the state's own bodies: a title they modify stays the state's ("ARMY commander", "POLICE chief")
STATE_BODIES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"}
# Sectors of named armed groups whose gunmen are theirs ("Hamas gunmen" -> PSEREB)
ARMED_GROUP_SECTORS = {"REB", "INS", "SEP", "RAD", "MIL", "CRM"}
# Nouns that name a stance as well as a side: "strong OPPOSITION to the plan" is no party
STANCE_NOUNS = {"opposition", "resistance"}
# "the Central Asian STATE", "the Pacific island NATION": a described country (see compose)
COUNTRY_NOUNS = words("country_nouns")
RANKING_WORDS = words("ranking_words")
STANCE_VERBS = {"express", "voice", "reiterate", "restate", "state", "signal", "register", "underline", "stress"}
STANCE_DEGREES = {"firm", "strong", "strongest", "staunch", "resolute", "fierce", "vehement", "stiff", "growing",
                  "grave", "serious", "solemn"}  # fmt: skip
# "anti-Syria journalist", "pro-Moscow rebels": the country is the cause, not the home
STANCE_PREFIXES = {"anti", "pro"}
# "IRAN-backed militias": a country before one of these is the backer, not the home (words.yaml)
BACKER_SUFFIXES = words("backer_suffixes")
# Possessive pronouns that can own a role or a country ("ITS forces", "HIS country")
POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "they", "them", "their",
            "themselves", "it", "its", "who", "which", "that", "whom", "whose"}  # fmt: skip


@dataclass(slots=True)
class Piece:
    """A knowledge-base match mapped onto token indices of the sentence."""

    start: int  # first token
    end: int  # one past the last token
    match: Match
    side: Region | Group | None = None  # a region or ethnic/religious/armed group (knowledge side index)

    @property
    def entry(self) -> Entry:
        return self.match.best

    def kinds(self) -> set[str]:
        return {e.kind for e in self.match.entries}

    def first(self, kinds: set[str]) -> Entry | None:
        return next((e for e in self.match.entries if e.kind in kinds), None)


@dataclass(slots=True)
class Mention:
    """An actor (or a phrase that may become one through coreference) in a sentence."""

    start: int  # token span in the sentence doc
    end: int
    head: int
    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None  # canonical name (KB) or the surface name of an unknown person
    kind: str = "none"  # person | org | institution | role | capital | country | pronoun | none
    person: Entry | None = None  # the KB person, when known
    plural: bool = False
    definite: bool = False
    generic_role: bool = False  # "official", "leader": compatible with any sector of its country
    resolved_by: str = "kb"  # kb | compose | coref | pronoun | surname | fuzzy
    surname_only: bool = False  # a bare proper name that needs the article ("Li", "Lee")
    role: str | None = None  # the role noun of a title mention ("premier", "prime minister")
    needs_country: bool = False  # a group or non-state role with no country yet: the article decides
    homes: tuple[str, ...] = ()  # the countries a multi-home group may belong to (empty: any)

    def actor(self) -> Actor | None:
        if not self.code:
            return None
        return Actor(code=self.code, country=self.country, sector=self.sector, name=self.name, text=self.text)

    def as_sector(self, sector: str) -> Mention:
        """The same bare-country mention as one sector of that country ("the Saudi embassy" -> SAUGOV,
        "an Israeli air strike" -> ISRMIL)."""
        return replace(self, code=(self.country or "") + sector, sector=sector)

    @property
    def is_bare_country(self) -> bool:
        """A country named with no sector ("Britain", "the British accusations"), which ``as_sector`` can narrow."""
        return self.kind == "country" and bool(self.country) and not self.sector


def is_shared_institution_name(text: str) -> bool:
    """Whether words name only a body many states have ("Congress", "the Supreme Court"), which the
    knowledge base lists under one country (``shared_institution_names`` in ``words.yaml``)."""
    return text.lower().removeprefix("the ") in SHARED_INSTITUTION_NAMES


def clause_verb(noun: Token) -> Token:
    """The verb whose clause a noun stands in, through any dependency (the noun itself when there is
    none). Unlike ``syntax.governing_verb``, which follows only objects and prepositions, a subject counts:
    "after Israel's STRIKES killed ..." stands in the after-clause."""
    tok = noun
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _across_a_border(tok: Token) -> bool:
    """Whether a place is the neighbour across a border ("near the border WITH MALI"): not the scene."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lemma_.lower() in ("border", "frontier")


@dataclass
class SentenceActors:
    """KB pieces of one parsed sentence and the composition of noun phrases into mentions."""

    doc: Doc
    kb: KnowledgeBase
    date: str | None
    generic_roles: frozenset[str] = frozenset()
    pieces: list[Piece] = field(default_factory=list)
    by_token: dict[int, Piece] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.kb.match(self.doc.text):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or any(i in self.by_token for i in range(span.start, span.end)):
                continue
            if self._inside_longer_name(span, m):
                continue  # "Mocimboa da PRAIA" is a town in Mozambique, not Cape Verde's capital
            if len(span) == 1 and self._is_settlement_name(span[0]) and not any(e.kind in ("country", "capital", "region") for e in m.entries):
                continue  # "the West Bank village of DUMA" is no parliament: a settlement noun names a place
            if self._bracketed_acronym(span.start, span.end):
                # "Montenegro Municipality Association (AKK)": the acronym abbreviates the name before
                # it, so a person or institution the letters happen to spell is not meant
                m = Match(m.start, m.end, m.text, [e for e in m.entries if e.kind in ORG_KINDS])
                if not m.entries:
                    continue
            if any(e.roles and e.kind == "institution" for e in m.entries):  # "the Taliban" in 2001 and in 2022
                m = Match(m.start, m.end, m.text, [on_date(e, self.date) for e in m.entries])
            self._place(Piece(span.start, span.end, m))
        self._add_side_pieces()
        self._add_plural_roles()
        self._add_misspelled_countries()

    def _inside_longer_name(self, span: Span, m: Match) -> bool:
        """Whether a capital's name ends a longer proper name the knowledge base does not know: "Mocimboa
        da PRAIA", "Fernando LIMA". A compass point or "Greater" before it only says which part ("East
        Jerusalem", "Greater Kabul")."""
        if span.start == 0 or any(e.kind != "capital" for e in m.entries):
            return False
        prev = self.doc[span.start - 1]
        return (
            prev.pos_ == "PROPN" and prev.dep_ == "compound" and span.start <= prev.head.i < span.end
            and prev.i not in self.by_token and prev.lower_ not in COMPASS_POINTS and prev.lower_ not in NAME_PART_WORDS
        )  # fmt: skip

    def _add_plural_roles(self) -> None:
        """Plural role nouns the knowledge base lists only in the singular ("Belarus's RULERS",
        "the JUNTAS"): a plural common noun whose lemma is a role becomes that role's piece."""
        added = False
        for tok in self.doc:
            if tok.i in self.by_token or tok.tag_ != "NNS" or tok.lemma_.lower() == tok.lower_:
                continue
            lemma = tok.lemma_.lower()
            hits = [m for m in self.kb.match(lemma, kinds={"role"}) if m.start == 0 and m.end == len(lemma)
                    and all(e.sector in PEOPLE_SECTORS for e in m.entries)]  # fmt: skip  # not "magazines"
            if hits:
                self._place(Piece(tok.i, tok.i + 1, Match(tok.idx, tok.idx + len(tok), tok.text, hits[0].entries)))
                added = True
        if added:
            self.pieces.sort(key=lambda p: p.start)

    def _add_misspelled_countries(self) -> None:
        """Capitalised words the knowledge base does not know that are one typo from a country or
        capital ("Afganistan", "Ethopia", "Quatar's emir"); English words and known names never qualify."""
        known = model_words()
        if not known:
            return  # without the model's vocabulary every English word would be a candidate
        for tok in self.doc:
            if tok.i in self.by_token or not tok.is_title or not tok.is_alpha or len(tok) < 6:
                continue
            if tok.ent_type_ in NON_PLACE_ENTS - {"PERSON", "NORP"} or (tok.i > 0 and tok.nbor(-1).text == "("):
                continue
            if self._is_settlement_name(tok):
                continue  # "the besieged city of MARAWI" is a Philippine town, not a misspelled Malawi
            iso3 = self.kb.fuzzy_country(tok.text, known_words=known)
            if iso3 is None:
                continue
            kind = "adjective" if tok.dep_ == "amod" else "country"
            name = self.kb.country_name(iso3) or iso3
            entry = Entry(kind, name, iso3, iso3)
            self._place(Piece(tok.i, tok.i + 1, Match(tok.idx, tok.idx + len(tok), tok.text, [entry])))
        self.pieces.sort(key=lambda p: p.start)

    def _place(self, piece: Piece) -> None:
        self.pieces.append(piece)
        for i in range(piece.start, piece.end):
            self.by_token[i] = piece

    def _bracketed_acronym(self, start: int, end: int) -> bool:
        """A single all-capitals token in parentheses right after a proper name."""
        doc = self.doc
        return (end - start == 1 and start >= 2 and end < len(doc) and doc[start].text.isupper()
                and doc[start - 1].text == "(" and doc[end].text == ")" and doc[start - 2].pos_ == "PROPN")  # fmt: skip

    def _add_side_pieces(self) -> None:
        """Regions and ethnic/religious/armed groups ("Darfur", "Kurds", "ethnic Albanians") as pieces.
        A side name that only covers tokens no main piece has is added; one that strictly extends main
        nationality words ("ethnic Albanians" over the demonym "Albanians") replaces them: the longer name
        is meant."""
        for sm in self.kb.match_side(self.doc.text):
            span = self.doc.char_span(sm.start, sm.end, alignment_mode="expand")
            if span is None:
                continue
            inside = {id(p): p for i in range(span.start, span.end) if (p := self.by_token.get(i)) is not None}
            blocking = [p for p in inside.values() if p.side is None and not p.kinds() <= {"adjective", "demonym"}]
            trimmed = bool(blocking)
            if blocking and isinstance(sm.item, Group):
                # "The Albanians of southern Serbia": the group is the words before the country, which
                # keeps its own piece (and, through the sentence context, settles the group's home)
                cut = min(p.start for p in blocking)
                span = self.doc[span.start : cut]
                while len(span) and span[-1].dep_ in ("prep", "case", "det", "punct", "amod", "cc"):
                    span = self.doc[span.start : span.end - 1]
                inside = {k: p for k, p in inside.items() if p.end <= span.end}
                if not len(span) or not inside:
                    continue
            if inside:
                covered = sum(p.end - p.start for p in inside.values())
                if any(p.start < span.start or p.end > span.end for p in inside.values()):
                    continue
                if (covered >= span.end - span.start and not trimmed) or any(
                    p.side is not None or not p.kinds() <= {"adjective", "demonym"} for p in inside.values()
                ):
                    continue  # never swallow a country, person or institution: "Albanians of southern Serbia"
                for p in inside.values():
                    self.pieces.remove(p)
                    for i in range(p.start, p.end):
                        del self.by_token[i]
            item = sm.item
            if isinstance(item, Region):
                entry = Entry("region", item.name, item.country, item.country)
            else:
                entry = Entry("group", item.name, None, item.country, item.sector)
            self._place(Piece(span.start, span.end, Match(sm.start, sm.end, sm.text, [entry]), side=item))
        self.pieces.sort(key=lambda p: p.start)

    # ------------------------------------------------------------------ sentence context
    def scene_countries(self, head: Token, exclude: Container[int] = ()) -> list[str]:
        """Countries the sentence is set in, not the states acting in it: the places it names, regions
        and groups, and nationalities of ordinary people or non-state groups ("SYRIAN opposition
        activists", "rebel-held suburbs of DAMASCUS"), never a country, capital, official or state
        force ("summoned the RUSSIAN ambassador" says nothing of who summoned him)."""
        keep: set[str] = set()
        for p in self.pieces:
            country = self._piece_country(p)
            if not country or p.start in exclude:
                continue
            last = self.doc[p.end - 1]
            if p.side is not None or self._in_place_phrase(last):
                keep.add(country)
                continue
            if not p.kinds() <= {"adjective", "demonym"}:
                continue
            roles = [q.first({"role", "institution"}) for q in self.pieces if q.start <= last.head.i < q.end]
            if any(r is not None and r.sector in CONTEXT_SECTORS for r in roles):
                keep.add(country)
        return [c for c in self.context_countries(head, exclude) if c in keep]

    def context_countries(self, head: Token, exclude: Container[int] = (), companies: bool = True,
                          scene_only: bool = False) -> list[str]:  # fmt: skip
        """Countries the sentence is about, most relevant first, for actors whose phrase names none
        (generic group nouns, multi-home groups, unknown titled people): the places it names ("in
        Darfur", "at a jail in northern Israel") nearest the head first, then the countries of the other
        actors and nationalities in it. Tokens in ``exclude`` (the phrase itself) do not count; nor,
        without ``companies``, the home of a company ("struck by a Toyota" says nothing of the police);
        with ``scene_only``, only the places."""
        # (another clause's, distance): the head's own clause first ("Saudi Arabia executed Shi'ite
        # cleric Nimr al-Nimr, and IRAN condemned the execution" names the cleric's country in the first)
        places: list[tuple[tuple[bool, int], str]] = []
        actors: list[tuple[tuple[bool, int], str]] = []
        seen_tokens: set[int] = set()
        home = clause_verb(head.head).i

        def near(i: int) -> bool:
            return clause_verb(self.doc[i].head).i == home
        for p in self.pieces:
            if p.start in exclude or self._stance(p) or (not companies and p.first({"company"}) is not None):
                continue
            if self.doc[p.end - 1].head.lemma_.lower() in GOVERNMENT_PREMISES:
                continue  # "outside the JORDANIAN embassy in Baghdad": the embassy's country is not the scene's
            country = self._piece_country(p)
            if not country or not self.kb.country_name(country):
                continue  # none, or a group's pseudo-country ("ISLAMIC STATE claimed": IMG is no scene)
            if self._owner_stated(p) or self._shared_name(p):
                continue  # "KENYA's Senate", "a Supreme Court ruling": the default home (USA) is not the sentence's
            seen_tokens.update(range(p.start, p.end))
            dist = (not near(p.start), abs(p.start - head.i))
            scene = self._in_place_phrase(self.doc[p.end - 1]) and not _across_a_border(self.doc[p.end - 1])
            (places if scene else actors).append((dist, country))
        from dyad.actors.places import city_country

        for ent in self.doc.ents:
            # "the eastern city of GOMA": after a settlement noun, a name the tagger took for a person is the town
            named_town = ent.label_ in ("PERSON", "ORG", "NORP") and self._is_settlement_name(ent.root)
            if (ent.label_ not in ("GPE", "LOC") and not named_town) or ent.start in exclude or any(
                i in seen_tokens for i in range(ent.start, ent.end)
            ):
                continue
            if ent.text.lower() in CALENDAR or not self._in_place_phrase(ent.root) or _across_a_border(ent.root):
                continue
            name = "".join(t.text_with_ws for t in ent if t.dep_ != "case").strip()  # "on TEL AVIV'S seafront"
            c = self._settlement_country(ent.root) or city_country(name)
            if c:
                places.append(((not near(ent.start), abs(ent.start - head.i)), c))
        out: list[str] = []
        for _, c in sorted(places) + ([] if scene_only else sorted(actors)):
            if c not in out:
                out.append(c)
        return out

    def _modifier_country(self, noun: Token, exclude: Piece | None = None) -> str | None:
        """The country a noun's own modifier names: "KENYA's Senate", "the MOZAMBICAN town"."""
        for child in noun.children:
            piece = self.by_token.get(child.i)
            if child.dep_ in ("poss", "compound", "amod", "nmod") and piece is not None and piece is not exclude and (
                piece.first(COUNTRY_KINDS - {"institution"}) is not None
            ):
                return self._piece_country(piece)
        return None

    def _owner_stated(self, p: Piece) -> bool:
        """Whether an institution's phrase names its country itself ("Kenya's Senate"), which then
        stands for it."""
        return p.first({"institution"}) is not None and self._modifier_country(self.doc[p.end - 1], p) is not None

    @staticmethod
    def _is_settlement_name(name: Token) -> bool:
        """Whether a name is the "of" object of a settlement noun ("the city OF Goma")."""
        return name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.lemma_.lower() in SETTLEMENT_NOUNS

    def _settlement_country(self, name: Token) -> str | None:
        """The country a settlement noun states for the place its "of" phrase names: "the northern
        MOZAMBICAN town of Palma" is not Palma de Mallorca."""
        return self._modifier_country(name.head.head) if self._is_settlement_name(name) else None

    def _shared_name(self, p: Piece) -> bool:
        """Whether a piece is only a bare name many states' bodies share ("the Senate", "a Supreme Court
        ruling"): its listed home is a default, not a country the sentence names."""
        return p.first({"institution"}) is not None and is_shared_institution_name(self.doc[p.start : p.end].text)

    def _piece_country(self, p: Piece) -> str | None:
        """The country a piece names without further context (None for multi-home groups and IGOs)."""
        if p.side is not None:
            return p.side.country
        for e in p.match.entries:
            if e.kind in COUNTRY_KINDS and e.country:
                return e.country
            if e.kind in NAME_KINDS:
                return e.actor_code(self.date)[1]
            if e.kind in ORG_KINDS:
                return e.country
        return None

    def _in_place_phrase(self, tok: Token) -> bool:
        """Whether ``tok`` lies in the object of a locative preposition ("in the West Bank city of Hebron")."""
        for _ in range(4):
            if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
                return True
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
                tok.head.head.lower_ in COMPASS_POINTS or tok.head.head.lemma_.lower() in SETTLEMENT_NOUNS
            ):
                return True  # "west OF BAGHDAD", "residents of the port city OF MARIUPOL"
            if tok.dep_ not in ("compound", "amod", "nmod", "pobj", "prep", "appos", "poss") or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _stance(self, p: Piece) -> bool:
        """"anti-Syria", "pro-Moscow", "IRAN-backed": a country named as a cause, ally or backer, not the
        actor's home."""
        doc = self.doc
        first = doc[p.start]
        if first.lower_.split("-")[0] in STANCE_PREFIXES and "-" in first.text:
            return True
        last = doc[p.end - 1]
        if "-" in last.text and last.lower_.rsplit("-", 1)[1] in BACKER_SUFFIXES:
            return True  # "U.S.-backed Syrian Democratic Forces" (one token)
        if p.end + 1 < len(doc) and doc[p.end].text == "-" and doc[p.end + 1].lower_ in BACKER_SUFFIXES:
            return True  # "the Iran - backed Kataib Hezbollah militia"
        return p.start >= 2 and doc[p.start - 1].text == "-" and doc[p.start - 2].lower_ in STANCE_PREFIXES

    def side_country(self, p: Piece, head: Token) -> str | None:
        """Country of a region or group piece: its only home, else the home the sentence names."""
        item = p.side
        if item is None:
            return None
        if item.country:
            return item.country
        ctx = self.context_countries(head, exclude=range(p.start, p.end))
        if isinstance(item, Region):
            return self.kb.country_of_place(item.name, ctx)
        return self.kb.resolve_group(item.name, ctx)[0]

    # ------------------------------------------------------------------ phrase extraction
    def phrase_tokens(self, head: Token) -> list[int]:
        """Token indices of the noun phrase headed by ``head`` with its conjuncts and appositions,
        without clauses and without prepositional phrases other than of/for/from on role nouns."""
        out: list[int] = []

        def walk(tok: Token) -> None:
            out.append(tok.i)
            for child in tok.children:
                dep = child.dep_
                if dep in CLAUSAL:
                    continue
                if dep == "prep":
                    if child.lower_ in ROLEISH_PREPS and (self.is_roleish(tok) or (
                        tok.lower_ in FOLLOWER_HEADS and child.lower_ == "of" and self._titled_of_object(child)
                    )):
                        walk(child)  # "chairs of the Russian parliament", "supporters OF defeated candidate Mousavi"
                    elif child.lower_ == "of" and tok.lower_ == "one" and tok.dep_ == "appos" and not self._known_name(tok.head):
                        # "Maria Kolesnikova, ONE OF the leaders of Belarus's opposition": what the text says
                        # of a name the knowledge base does not list and no title before it places ("former
                        # Bosnian Serb leader Radovan Karadzic, one of the world's most wanted suspects")
                        walk(child)
                    elif child.lower_ == "in" and tok.i == head.i and self.is_roleish(tok) and self._names_country(child) and not any(
                        c.dep_ == "prep" and c.lower_ == "of" and self._names_country(c) for c in tok.children
                    ):  # fmt: skip
                        # "Opposition groups in Zimbabwe", "security forces in Guinea"; not "the ministers OF
                        # Kazakhstan ... IN Astana", where the "of" phrase says whose they are and "in" where
                        walk(child)
                    elif child.lower_ == "at" and tok.i == head.i and self.is_roleish(tok) and self._names_org(child):
                        walk(child)  # "judges AT the International Criminal Court": the court's judges
                    continue
                if dep == "punct" and child.i in (head.left_edge.i, head.right_edge.i) and child.i != tok.i:
                    continue
                walk(child)

        walk(head)
        out.sort()
        # trim leading/trailing punctuation and conjunctions
        while out and self.doc[out[0]].is_punct:
            out.pop(0)
        while out and (self.doc[out[-1]].is_punct or self.doc[out[-1]].dep_ == "cc"):
            out.pop()
        return out

    def _patron(self, head: Token) -> Mention | None:
        """The actor armed men are said to be loyal to ("forces LOYAL TO Khalifa Haftar"), when it has a country.
        After a last conjunct the parser hangs the phrase on the first ("the government and rebels LOYAL TO
        Riek Machar"): it is the last one's, never the first's."""
        holders = [head, head.head] if head.dep_ == "conj" else [head]
        later = [c.i for c in head.children if c.dep_ == "conj"]
        for adj in (a for h in holders for a in h.children):
            if (adj.head is not head and adj.i < head.i) or (later and adj.i > min(later)):
                continue  # the first conjunct's own words, or words past a later conjunct
            if adj.dep_ in ("amod", "acl") and adj.lemma_.lower() in PATRON_WORDS:
                for g in (g for c in adj.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"):
                    found = [m for m in self.mentions_for(g) if m.code and m.country]
                    if found:
                        return found[0]
        return None

    def _titled_of_object(self, prep: Token) -> bool:
        """Whether an "of" phrase names a person by a role ("of defeated presidential CANDIDATE Mousavi",
        "of opposition leader Raila Odinga"), by a name the knowledge base lists, or an opposition body
        it lists ("supporters of the MUSLIM BROTHERHOOD")."""
        return any(g.dep_ == "pobj" and (self._known_name(g) or self._opposition_body(g)) for g in prep.children)

    def _opposition_body(self, tok: Token) -> bool:
        piece = self.by_token.get(tok.i)
        body = piece.first({"institution"}) if piece is not None else None
        return body is not None and body.sector == "OPP"

    def _known_name(self, tok: Token) -> bool:
        """Whether a name is one the knowledge base lists or one a title before it places."""
        piece = self.by_token.get(tok.i)
        if piece is not None and piece.first(NAME_KINDS) is not None:
            return True
        return any(c.dep_ in ("compound", "amod") and (p := self.by_token.get(c.i)) is not None and p.first({"role"})
                   for c in tok.children)  # fmt: skip

    def _names_country(self, prep: Token) -> bool:
        """A prepositional phrase whose object is a country or a capital ("in Zimbabwe", "in Baghdad")."""
        for g in prep.children:
            if g.dep_ != "pobj":
                continue
            piece = self.by_token.get(g.i)
            if piece is not None and piece.kinds() & {"country", "capital", "region"}:
                return True
        return False

    def _names_org(self, prep: Token) -> bool:
        """A prepositional phrase whose object is an international organisation or company."""
        pobjs = [g for g in prep.children if g.dep_ == "pobj"]
        return any(p is not None and p.kinds() & ORG_KINDS
                   for g in pobjs for t in g.subtree for p in [self.by_token.get(t.i)])  # fmt: skip

    def is_roleish(self, tok: Token) -> bool:
        piece = self.by_token.get(tok.i)
        if piece is not None and piece.kinds() & {"role", "institution", "group"}:
            return True
        return tok.lower_ in EXTRA_ROLE_HEADS or tok.lower_ in self.generic_roles

    def split_conjuncts(self, toks: list[int]) -> list[list[int]]:
        """Split a phrase at coordinating conjunctions (and commas that introduce a conjunct)."""
        parts: list[list[int]] = [[]]
        tokset = set(toks)
        for i in toks:
            t = self.doc[i]
            is_cc = t.pos_ == "CCONJ" or t.dep_ == "cc" or t.lower_ in {"and", "or", "&"}
            if is_cc and t.lower_ in {"and", "or", "&", "nor"} and not self._joins_modifiers(t):
                parts.append([])
                continue
            if t.text == "," and self._comma_starts_conjunct(i, tokset):
                parts.append([])
                continue
            parts[-1].append(i)
        return [p for p in parts if p]

    def _joins_modifiers(self, cc: Token) -> bool:
        """Whether a conjunction joins two modifiers of one head that name no actor: "Turkey's JUSTICE and
        INTERIOR ministers" are two ministers of Turkey, not Turkey's justice plus some interior ministers
        ("THAI and CAMBODIAN troops" join two countries' and are split)."""
        first = cc.head
        if cc.dep_ != "cc" or first.dep_ not in ("amod", "nmod", "compound") or first.pos_ == "PROPN":
            return False
        second = next((c for c in first.children if c.dep_ == "conj"), None)
        return second is not None and second.pos_ != "PROPN" and not any(
            self.by_token.get(x.i) is not None for x in (first, second)
        )

    def _comma_starts_conjunct(self, i: int, tokset: set[int]) -> bool:
        nxt = i + 1
        if nxt >= len(self.doc) or nxt not in tokset:
            return False
        tok, before = self.doc[nxt], self.doc[max(i - 1, 0)]
        if (i > 0 and tok.dep_ in ("amod", "compound") and before.dep_ in ("amod", "compound")
                and tok.head.i == before.head.i and self._nationality_piece(tok) and self._nationality_piece(before)):  # fmt: skip
            return True  # "his BRITISH, FRENCH and German counterparts": a list of nationalities of one noun
        while tok.head.i != tok.i and tok.head.i in tokset and tok.head.i > i:
            tok = tok.head
        if tok.dep_ == "appos" and self._country_piece(tok) and self._country_piece(tok.head):
            return True  # "the ministers of Kazakhstan, KYRGYZSTAN, Tajikistan ...": a list the parser read as an apposition
        if tok.dep_ == "appos" and self._nationality_piece(tok) and (self._nationality_piece(tok.head) or any(
            c.dep_ in ("amod", "compound") and self._nationality_piece(c) for c in tok.head.children
        )):
            return True  # "killing a French national, A BELGIAN and three Malians": so is a list of nationals
        return tok.dep_ == "conj"

    def _nationality_piece(self, tok: Token) -> bool:
        piece = self.by_token.get(tok.i)
        return piece is not None and piece.side is None and bool(piece.kinds() & {"country", "adjective", "demonym"})

    def _country_piece(self, tok: Token) -> bool:
        piece = self.by_token.get(tok.i)
        return piece is not None and piece.side is None and piece.first({"country"}) is not None

    def segment_head(self, seg: list[int]) -> Token:
        """The token of a conjunct that governs most of it (rightmost on ties: English NPs are head-final)."""
        segset = set(seg)
        roots = [self.doc[i] for i in seg if self.doc[i].head.i not in segset or self.doc[i].head.i == i]
        if not roots:
            return self.doc[seg[-1]]
        return max(roots, key=lambda t: (sum(1 for d in t.subtree if d.i in segset), t.i))

    def mentions_for(self, head: Token) -> list[Mention]:
        """One mention per conjunct of the phrase headed by ``head`` (unresolved ones included)."""
        toks = self.phrase_tokens(head)
        if not toks:
            return []
        out = []
        segs = self.split_conjuncts(toks)
        for k, seg in enumerate(segs):
            m = self.compose(seg)
            # "HIS British, French and German counterparts": a possessive pronoun is no content either
            content = [i for i in seg if self.doc[i].dep_ != "det" and not (self.doc[i].dep_ == "poss" and self.doc[i].pos_ == "PRON")]
            if k + 1 < len(segs) and (m is None or (m.kind == "country" and len(content) == 1)):
                # "THAI and Cambodian troops", "THE CHINESE and Russian navies": a lone nationality (even
                # one the tagger took for a noun) shares the role noun it modifies
                m = self._shared_head(seg, segs[k + 1 :]) or m
            if m is not None and out and m.kind == "country":
                m = self._shared_of_role(m, out[0]) or m
            if m is not None and out and m.kind in ("role", "institution") and k > 0:
                m = self._shared_nationality(m, seg, segs[0]) or self._partner_country(m, seg, out[0]) or m
            elif m is not None and out and m.kind == "person" and m.person is None and k > 0:
                m = self._partner_country(m, seg, out[0]) or m  # "... and southern rebel leader John Garang"
            if m is not None and m.sector == "CVL" and m.country and any(
                c.dep_ == "acl" and c.lemma_.lower() == "arm" for c in self.doc[m.head].children
            ):
                # "Two Palestinians ARMED WITH meat cleavers", "hundreds of attackers armed with knives":
                # armed people are unidentified armed forces (UAF), as the gold sets code them
                m = replace(m, sector="UAF", code=m.country + "UAF")
            if m is not None:
                out.append(m)
        return out

    def _shared_of_role(self, m: Mention, first: Mention) -> Mention | None:
        """"the leaders OF Russia AND Azerbaijan", "envoys FROM the United States AND North Korea": a
        country conjoined to the "of" (or "from", "for") object of a role noun is that role's country too
        (RUSGOV, AZEGOV), not the bare country."""
        if first.kind != "role" or not first.sector or not first.country:
            return None
        tok, role = self.doc[m.head], self.doc[first.head]
        of_object = next((g for c in role.children if c.dep_ == "prep" and c.lower_ in ROLEISH_PREPS
                          for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
        # "the ministers of Kazakhstan, Kyrgyzstan, TAJIKISTAN and UZBEKISTAN": up the list to the "of" object
        cur = tok
        while of_object is not None and cur.dep_ in ("conj", "appos") and cur.head.i != of_object.i and cur.head.i != cur.i:
            cur = cur.head
        if of_object is None or cur.dep_ not in ("conj", "appos") or cur.head.i != of_object.i:
            return None
        return replace(m, code=m.country + first.sector if m.country else m.code, sector=first.sector, kind="role",
                       plural=first.plural, resolved_by="compose")  # fmt: skip

    def _shared_nationality(self, m: Mention, seg: list[int], first_seg: list[int]) -> Mention | None:
        """"SYRIAN government and rebel delegations", "BRAZIL's Congress, Supreme Court and presidential
        palace": a nationality or possessor that opens a coordinated phrase is every conjunct's that
        names no country of its own (SYRGOV, SYRREB, BRAJUD), not the country the sentence happens to
        be set in nor the one a shared institution name defaults to."""
        # the first word that names a country, after any count ("NINE U.S. officials and lawmakers")
        lead_i = next((i for i in first_seg if not self.doc[i].like_num and self.doc[i].dep_ not in ("det", "nummod", "quantmod")),
                      first_seg[0])
        lead = self.by_token.get(lead_i)
        entry = lead.first({"country", "adjective"}) if lead is not None and lead.side is None else None
        tok = self.doc[m.head]
        # "REBEL delegations": a modifier's sector says whose delegation it is
        roles = [r for i in seg if i != tok.i and (p := self.by_token.get(i)) is not None
                 and (r := p.first({"role"})) is not None]  # fmt: skip
        sector = next((r.sector for r in roles if r.sector), None) or m.sector
        if entry is None or not entry.country or not sector:
            return None
        lead_tok = self.doc[lead_i]
        if lead_tok.dep_ not in ("amod", "compound", "nmod", "poss") or lead_tok.head.i not in first_seg:
            return None  # "China and rebel groups": a country of its own, not a modifier
        own = None
        if m.kind == "institution":  # "Supreme Court" names no country; "... and THE Kremlin" is its own
            own = self.by_token.get(tok.i)
            if own is None or own.first({"institution"}) is None or any(c.dep_ in ("det", "poss") for c in tok.children):
                return None
        if self._country([p for i in seg if (p := self.by_token.get(i)) is not None], tok, exclude=own):
            return None
        return replace(m, country=entry.country, code=entry.country + sector, sector=sector, needs_country=False,
                       resolved_by="compose")  # fmt: skip

    def _partner_country(self, m: Mention, seg: list[int], first: Mention) -> Mention | None:
        """"UKRAINE and pro-Russian separatists", "Colombia and FARC rebels", "SUDANESE Vice President
        Taha and southern rebel leader John Garang": a non-state group or its leader named with no
        country of its own beside a country or its government is that country's (UKRREB), not the
        venue's."""
        state = first.kind == "country" or first.sector in STATE_SIDES
        if not state or not first.country or m.sector not in PARTNER_SECTORS:
            return None
        if self._segment_country(seg, self.doc[m.head]):
            return None
        return replace(m, country=first.country, code=first.country + m.sector, needs_country=False, resolved_by="compose")

    def _shared_head(self, seg: list[int], rest: list[list[int]]) -> Mention | None:
        """"Russian and Chinese officials": a conjunct that is only a nationality shares the role noun
        of the conjunct it modifies (RUSGOV, CHNGOV)."""
        head = self.segment_head(seg)
        later = {i for r in rest for i in r}
        # "KYRGYZ and Tajik troops fought": the parser may make the lone nationality the phrase's head, its
        # role noun a conjunct of it
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "the British, FRENCH and German foreign ministers": up to the first modifier
        if head.dep_ in ("amod", "compound", "nmod", "poss"):
            shared = head.head
        elif first.i != head.i and first.dep_ in ("amod", "compound", "nmod") and self._nationality_piece(head):
            shared = first.head
        else:  # only a nationality word alone ("Kyrgyz"), never a country's name ("ISRAEL and the group Hamas")
            piece = self.by_token.get(head.i)
            nationality = len(seg) == 1 and piece is not None and bool(piece.kinds() & {"adjective", "demonym"}) and (
                "country" not in piece.kinds()
            )
            shared = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i in later), None) if nationality else None
        if shared is None or shared.i not in later:
            return None
        country = self._segment_country(seg, head)
        target = next((r for r in rest if shared.i in r), None)
        other = self.compose(target) if target else None
        if not country or other is None or other.kind not in ("role", "country"):
            return None
        text = self.doc[seg[0] : seg[-1] + 1].text
        if other.kind == "country":  # "the Turkish and Greek sides"
            return Mention(seg[0], seg[-1] + 1, head.i, text, code=country, country=country, kind="country",
                           name=self.kb.country_name(country) or country, plural=other.plural, resolved_by="compose")
        return Mention(seg[0], seg[-1] + 1, head.i, text, code=country + (other.sector or ""), country=country,
                       sector=other.sector, kind="role", plural=other.plural, resolved_by="compose")  # fmt: skip

    # ------------------------------------------------------------------ composition
    def compose(self, seg: list[int]) -> Mention | None:
        """The actor a noun-phrase segment names, or None when its head is not actor-like."""
        doc = self.doc
        segset = set(seg)
        head = self.segment_head(seg)
        # an appositive name dominates ("Li Qiang, the Chinese Premier" / "Russia's envoy, Li Hui")
        heads = [head] + [doc[i] for i in seg if doc[i].dep_ == "appos" and doc[i].head.i in segset]
        start, end = seg[0], seg[-1] + 1
        text = doc[start:end].text
        pieces = []
        for i in seg:
            p = self.by_token.get(i)
            if p is not None and (not pieces or pieces[-1] is not p):
                pieces.append(p)
        ents = [e for e in doc.ents if e.start >= start and e.end <= end and e.label_ in ("PERSON", "ORG")]
        plural = head.tag_ in ("NNS", "NNPS")
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in head.children) or (
            head.pos_ == "PROPN"
        )
        m = Mention(start, end, head.i, text, plural=plural, definite=definite)

        if head.lemma_.lower() in STANCE_NOUNS and (
            any((c.dep_ == "prep" and c.lower_ == "to") or (c.dep_ == "amod" and c.lower_ in STANCE_DEGREES)
                for c in head.children)
            or (head.dep_ in ("dobj", "conj") and head.head.lemma_.lower() in STANCE_VERBS)
        ):  # fmt: skip
            # "expressed firm OPPOSITION TO the test", "expressed Beijing's opposition": a stance, not the
            # opposition parties
            return m
        if head.lower_ in PRONOUNS and head.pos_ == "PRON":
            m.kind = "pronoun"
            m.plural = head.lower_ in ("they", "them", "their", "themselves")
            return m

        if self._describes_a_country(head, pieces):
            # "during a visit to the Central Asian state": the country the article context names (coref)
            m.kind, m.needs_country, m.resolved_by = "country", True, "description"
            return m
        if not pieces and head.lower_ in GROUP_WORDS and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            m.kind = "role"  # "THE GROUP blamed Israel": whom it names again, the article says (coref)
            return m
        if head.lemma_.lower() == "office" and (owner := self._office_holder(head)) is not None:
            # "Peru's attorney general's OFFICE said": the office speaks for its holder (PERJUD)
            return replace(owner, start=start, end=end, head=head.i, text=text, plural=False, definite=True)

        def piece_at(tok: Token) -> Piece | None:
            return self.by_token.get(tok.i)

        head_pieces = [p for p in (piece_at(h) for h in heads) if p is not None]
        head_in_ent = any(e.start <= h.i < e.end for e in ents for h in heads)

        # 1. a known person or user-dictionary actor in the phrase
        for p in sorted(pieces, key=lambda p: (p not in head_pieces, abs(p.start - head.i))):
            person = p.first(NAME_KINDS)
            if person is not None and (p in head_pieces or head_in_ent or self._is_name_head(p, head)):
                code, country, sector = person.actor_code(self.date)
                # the country the name's own modifiers state, not one named beside it ("Evil Mordor, the
                # awful Fornost, and good Gondor")
                own = [q for q in pieces if q.end <= p.start and not any(
                    t.pos_ in ("PUNCT", "CCONJ") for t in self.doc[q.end : p.start])]  # fmt: skip
                stated = self._country(own, head)
                if stated and country and stated != country and p in head_pieces:
                    # "JORDAN's King Abdullah" is not the Saudi king the name is listed for: the stated
                    # country's holder of the same rank (a former office is no rank)
                    m.kind, m.country = "role", stated
                    m.sector = sector if sector and sector != "ELI" else "GOV"
                    m.code, m.resolved_by = stated + m.sector, "compose"
                    return m
                m.kind, m.person, m.name = "person", person, person.name
                m.code, m.country, m.sector = code, country, sector
                title = self._title_sector(p)
                if title == "MIL" and sector == "GOV" and self._phrase_sector(pieces, p) == "GOV":
                    title = None  # "Mali's JUNTA LEADER, COLONEL Assimi Goita": the rank does not unseat the ruler
                if title == "MIL" and sector == "REB":
                    title = None  # "Hamas MILITARY CHIEF Mohammed Deif": a rebel force's commander is a rebel
                if title and country and title != sector and title != "ELI" and not self._former(seg):
                    # (a rank of birth says no office: "Foreign Minister PRINCE Faisal bin Farhan" is GOV)
                    # "President Laurent Gbagbo announced": the title the text gives is the role it means,
                    # whatever office the knowledge base has for the (possibly stand-in) date
                    m.sector, m.code = title, country + title
                if not code or (not sector and not code.startswith("IMG")) or sector == "ELI":
                    # no office on this date (or none known): a role the phrase states wins,
                    # "Belarusian Prime Minister Roman Golovchenko" -> BLRGOV; a former office holder
                    # the phrase gives no new role stays ELI (a militant group's man is the group's:
                    # "al Qaeda LEADER Ayman al-Zawahiri" is IMGMUSALQ, no government's)
                    self._fill_from_cues(m, [p2 for p2 in pieces if p2 is not p], head, keep_country=country)
                    if sector == "ELI" and not m.sector and m.country:
                        m.sector, m.code = "ELI", m.country + "ELI"
                if not m.code and not self._former(seg):
                    # "U.N. envoy Kofi Annan" (in 2012, no office the knowledge base lists): the body his
                    # title names speaks through him (a FORMER secretary-general speaks for himself)
                    # (not a backer: "head of Libya's U.N.-RECOGNISED government" is Libya's)
                    org = next((o for p2 in pieces if p2 is not p and not self._stance(p2)
                                and (o := p2.first(ORG_KINDS)) is not None), None)  # fmt: skip
                    if org is not None:
                        m.code, m.country, m.sector = org.code, org.country, org.sector
                if (m.sector in OFFICE_SECTORS or (title in OFFICE_SECTORS and p in head_pieces)) and self._former(seg) and (
                    m.country
                ):
                    # "FORMER Prime Minister Imran Khan", whatever he leads now: the text names him by the
                    # office he held, as every gold set codes it (ELI); "former chess champion Garry
                    # Kasparov" names no office and keeps his opposition role
                    m.sector, m.code = "ELI", m.country + "ELI"
                return m
        # 2. a company or IGO; "the al-Qaeda terror network": a named body modifying a group noun
        group_head = head.lemma_.lower() in GROUP_HEADS and not head_pieces
        for p in pieces:
            org = p.first(ORG_KINDS) if not self._stance(p) else None  # not "the U.N.-BACKED government"
            modifies_group = group_head and p.end <= head.i and doc[p.end - 1].head.i == head.i and (
                doc[p.end - 1].dep_ in ("compound", "nmod", "amod")
            )
            if org is not None and (p in head_pieces or head_in_ent or p.end == end or modifies_group):
                m.kind, m.name = "org", org.name
                m.code, m.country, m.sector = org.code, org.country, org.sector
                return m
        # 3. an unknown person named in the phrase
        person_ent = next((e for e in ents if e.label_ == "PERSON" and any(e.start <= h.i < e.end for h in heads)
                           and not all(i in self.by_token for i in range(e.start, e.end))),
                          None)  # fmt: skip  # a known place the NER took for a person ("Kyiv") stays a place
        multiword_ent = any(e.start <= head.i < e.end and len(e) > 1 and e.label_ != "PERSON" for e in doc.ents)
        noun_surname = self._surname_as_noun(head)
        if person_ent is None and (head.pos_ == "PROPN" or noun_surname) and head.i not in self.by_token and head.is_title and (
            not multiword_ent and head.ent_type_ in NAME_ENT_TYPES and head.lower_ not in CALENDAR
        ):
            # a bare proper name the NER did not type: maybe a surname ("Li", "Lee") for coreference
            names = [i for i in seg if (doc[i].pos_ == "PROPN" or (noun_surname and i == head.i)) and i not in self.by_token]
            m.surname_only = len(names) == 1
            if m.surname_only:
                m.kind, m.name = "person", head.text
                self._fill_from_cues(m, pieces, head)
                if m.sector and not m.country and self._titled(head.i):
                    self._context_fill(m, seg, head, pieces)  # the article may still name the person
                return m
        if person_ent is not None:
            m.kind, m.name = "person", person_ent.text
            m.surname_only = len(person_ent) == 1
            start = person_ent.start
            if m.surname_only and start >= 2 and doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 1].is_lower and (
                doc[start - 2].is_title and doc[start - 2].pos_ == "PROPN" and start - 2 not in self.by_token
            ):
                # "Isabel dos SANTOS", which the NER cut short: a longer name no known surname stands for
                m.surname_only, m.name = False, doc[start - 2 : person_ent.end].text
            # "KAREN B. Olson": a people's name inside the person's own name is a first name, no cue; so is a
            # role word past the name's first word ("Masayoshi SON", "Martin Luther KING")
            cues = [p for p in pieces if not (person_ent.start <= p.start < person_ent.end and (
                isinstance(p.side, Group) or (p.start > person_ent.start and self.doc[p.start].pos_ == "PROPN")))]  # fmt: skip
            self._fill_from_cues(m, cues, head)
            titled = self._titled(person_ent.start)
            if m.sector and not m.country and (not m.surname_only or titled):
                # "President Dos Sontas" in a story on Angola; "President Assad's failure" next to "the
                # Syrian parliament" (a titled surname the article introduces earlier still wins: coref)
                self._context_fill(m, seg, head, pieces)
                m.needs_country = m.needs_country and titled  # not "Police allege Eric Allen Kirkpatrick"
            if m.sector in OFFICE_SECTORS and self._former(seg) and m.country:
                m.sector, m.code = "ELI", m.country + "ELI"
            m.resolved_by = "compose"
            return m
        # 3b. an ethnic, religious or armed group ("Iraqi Kurds", "ethnic Albanians in Serbia", "the Karen")
        for p in head_pieces:
            if isinstance(p.side, Group):
                m.kind, m.name, m.sector = "role", p.side.name, p.side.sector
                m.country = self._country(pieces, head)
                m.homes = p.side.countries
                m.code = (m.country + (m.sector or "")) if m.country else None
                m.needs_country = m.country is None
                m.resolved_by = "compose"
                return m
        # 4. institutions and metonyms ("the State Duma", "the Kremlin")
        group_pieces = []
        if head.lemma_.lower() in GROUP_HEADS and not head_pieces:
            group_pieces = [p for p in pieces if p.first({"institution"}) and p.end <= head.i]
        for p in head_pieces or group_pieces[-1:]:
            inst = p.first({"institution", "metonym"})
            if inst is not None:
                m.kind, m.name = "institution", inst.name
                m.code, m.country, m.sector = inst.code, inst.country, inst.sector
                stated = self._country(pieces, head, exclude=p) if inst.kind == "institution" else None
                if inst.kind == "institution" and not stated and head.dep_ == "compound":
                    # "PARAGUAY's Congress building": the possessor of the phrase the name modifies
                    owners = [q for g in head.head.children if g.dep_ == "poss" and (q := self.by_token.get(g.i))]
                    stated = self._country(owners, head)
                if not stated and inst.kind == "institution" and inst.sector and self._shared_name(p):
                    # "an officer flew over Caracas and attacked the SUPREME COURT": a shared name is the body
                    # of the country where the sentence happens, unless that is its listed home (USA) too or the
                    # sentence names no place ("Russia criticised Congress" is the U.S. Congress)
                    ctx = self.context_countries(head, exclude=set(seg), scene_only=True)
                    stated = ctx[0] if ctx and inst.country not in ctx else None
                if stated and inst.country and stated != inst.country and inst.sector:
                    # "BRAZIL's Supreme Court": a name several states' bodies share, the country stated wins
                    m.country, m.code, m.name = stated, stated + inst.sector, None
                return m
        # 5. a role noun with a country ("the Chinese premier", "Ukrainian troops")
        for p in head_pieces:
            role = p.first({"role"})
            if role is not None:
                m.kind, m.role = "role", role.name
                m.generic_role = head.lower_ in self.generic_roles or head.lemma_.lower() in self.generic_roles
                m.sector = self._sector(pieces, head, role)
                if m.sector in OFFICE_SECTORS and self._former(seg):
                    m.sector = "ELI"
                m.country = self._country(pieces, head, exclude=p) or self._surname_country(head)
                if m.sector == "MIL" and m.country and self._sided_only(pieces, p):
                    m.sector = "REB"  # "KURDISH forces": a people's or region's, not the state's
                armed = next((e.sector for q in pieces if q is not p for e in q.match.entries
                              if e.kind == "institution" and e.sector in ARMED_GROUP_SECTORS), None)  # fmt: skip
                if m.sector in ("MIL", "UAF") and armed:
                    m.sector = armed  # "HOUTHI forces", "a TAMIL TIGER suicide bomber": the group's armed men
                if m.sector in ("MIL", "REB", "UAF") and (patron := self._patron(head)) is not None:
                    # "forces LOYAL TO Muammar Gaddafi" are the state's (MIL) while he rules it; "rebels loyal
                    # to former Vice President Riek Machar" or a commander's forces are rebels (REB)
                    m.country = patron.country or m.country
                    m.sector = "MIL" if patron.sector == "GOV" else "REB"
                if m.sector == "CVL" and self._led_by_opposition(head):
                    m.sector = "OPP"  # "thousands of protesters LED BY opposition politician Imran Khan"
                m.code = (m.country + (m.sector or "")) if m.country else None
                m.resolved_by = "compose"
                owner = self._owning_org(pieces, head)
                # "the EUROPEAN UNION's ambassador in Moscow": an organisation before the head owns the role
                # when no country does (the place phrase is the posting)
                left = [q for q in pieces if q is not p and q.end <= head.i]
                org_first = owner is not None and owner.kind == "igo" and not self._country(left, head) and any(
                    q.first(ORG_KINDS) is owner for q in left
                )  # fmt: skip
                if m.country and not (owner is not None and owner.kind == "igo" and owner.country == m.country) and not org_first:
                    owner = None  # a country stated; but "ISLAMIC STATE fighters" are the group's own (IMGMUSISI)
                if owner is not None and owner.kind == "igo" and not plural and head.lemma_.lower() in MEMBER_ROLES:
                    owner = None  # "a G7 LEADER": one member state's, unknown here; "G7 leaders" are the body
                if owner is not None:
                    # "NATO peacekeeping troops", "a UN official", "Gazprom executives": the body's own
                    # people act for it, coded (as in CAMEO) with the body's code
                    m.kind, m.name, m.generic_role = "org", owner.name, False
                    m.code, m.country, m.sector = owner.code, owner.country, owner.sector
                    return m
                if not m.country and m.sector in CONTEXT_SECTORS:
                    self._context_fill(m, seg, head, pieces)  # "rebels attacked a town in Darfur"
                elif not m.country and m.sector in SENTENCE_SECTORS:
                    self._context_fill(m, seg, head, pieces, state_force=True)  # "police fired tear gas in Caracas"
                return m
        follower = head.lower_ in FOLLOWER_HEADS
        if head.lower_ in EXTRA_ROLE_HEADS or head.lemma_.lower() in EXTRA_ROLE_HEADS or follower or (
            head.lemma_.lower() in self.generic_roles
        ):
            # "chairs of the Russian parliament", "a member of the Politburo", "opposition supporters"
            m.kind, m.generic_role = "role", True
            # the body nearest the head: "members of an elite Philippine POLICE unit"
            body = next((p for p in reversed(pieces) if p.first({"institution", "role", "metonym"})), None)
            inst = body.first({"institution", "role", "metonym"}) if body is not None else None
            m.sector = inst.sector if inst is not None else ("CVL" if follower else "GOV")
            if follower and body is not None and body.start > head.i and m.sector != "OPP":
                # "supporters OF opposition candidate Mondlane" are the opposition's; supporters of a
                # president, a cleric or a militia are people (as the gold sets code them)
                m.sector = "CVL"
            m.country = self._country(pieces, head)
            m.code = (m.country + (m.sector or "")) if m.country else None
            m.resolved_by = "compose"
            if follower and not m.country and m.sector in CONTEXT_SECTORS:
                self._context_fill(m, seg, head, pieces)  # "opposition supporters boycotted the vote in Chad"
            return m
        # 6. a capital standing for the government, a country, a demonym, a region
        if (head.lower_ in SIDE_HEADS or head.lemma_.lower() in SIDE_HEADS) and not any(
            p.first({"role"}) is not None and p.side is None for p in pieces
        ):  # "a guerrilla camp" is a place, not a side
            # "the Greek side", "the Turkish Cypriot community": the country itself
            ctry = self._country(pieces, head)
            if ctry:
                m.kind, m.name = "country", self.kb.country_name(ctry) or ctry
                m.code, m.country, m.resolved_by = ctry, ctry, "compose"
                return m
        for p in head_pieces:
            if isinstance(p.side, Region):
                ctry = self.side_country(p, head)
                if ctry:  # "Darfur", "Chechnya": coded, as in CAMEO, as the country it belongs to
                    m.kind, m.name = "country", self.kb.country_name(ctry) or ctry
                    m.code, m.country, m.resolved_by = ctry, ctry, "compose"
                    return m
                continue
            cap = p.first({"capital"})
            if cap is not None:
                m.kind, m.name = "capital", cap.name
                m.code, m.country, m.sector = cap.code, cap.country, cap.sector
                return m
            ctry = p.first({"country", "demonym"})
            indefinite_noun = head.dep_ in ARGUMENT_DEPS and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
            if ctry is None and ((head.pos_ in ("NOUN", "PROPN") and definite) or indefinite_noun):
                ctry = p.first({"adjective"})  # "the Chinese" used as a noun; "two Canadians, A NORWEGIAN and ..."
            if ctry is not None:
                m.kind, m.name = "country", self.kb.country_name(ctry.country) or ctry.name
                m.code, m.country = ctry.country, ctry.country
                counted = any(c.dep_ in ("nummod", "quantmod") or c.lower_ in COUNTING_WORDS for c in head.children) or (
                    head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in COUNTING_WORDS
                )  # fmt: skip
                if ctry.kind != "country" and ctry.sector:
                    # "the Uighurs", "the Rohingya": a group's people, coded with its sector (CVL, REB)
                    m.kind, m.name, m.sector, m.code = "role", None, ctry.sector, ctry.country + ctry.sector
                    m.resolved_by = "compose"
                elif ctry.kind != "country" and ((plural and counted) or any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children
                )):
                    # "more than 100 Palestinians", "thousands of Serbs", "several Americans", "A BELGIAN":
                    # counted people, not the nation
                    m.kind, m.name, m.sector, m.code = "role", None, "CVL", ctry.country + "CVL"
                    m.resolved_by = "compose"
                return m
        if head.lemma_.lower() in ("country", "nation") and any(
            c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in head.children
        ):
            m.kind = "country"  # "HIS country": whose, the sentence says (SentenceMentions)
            return m
        if head_in_ent and any(e.label_ == "ORG" for e in ents):
            # an unknown organisation named after its country: "China National Petroleum Corporation"
            ctry = self._country(pieces, head)
            if ctry and head.lower_ in ("corporation", "company", "group", "bank", "corp", "inc", "ltd", "holding",
                                        "holdings", "airlines", "airline", "energy", "oil"):  # fmt: skip
                m.kind, m.name = "org", doc[start:end].text
                m.code, m.country, m.sector = ctry + "BUS", ctry, "BUS"
                m.resolved_by = "compose"
                return m
        if head.pos_ == "PROPN" and head.text == "Party" and head_in_ent:
            # a party the knowledge base does not list ("banned the Islamic Renaissance Party"): the
            # opposition of the country its phrase or sentence names, the government's when "ruling"
            ruling = any(t.lower_ in ("ruling", "governing") for t in doc[start:end])
            m.kind, m.name, m.sector = "role", doc[start:end].text, "GOV" if ruling else "OPP"
            m.country = self._country(pieces, head)
            m.code = m.country + m.sector if m.country else None
            m.resolved_by = "compose"
            if not m.country:
                self._context_fill(m, seg, head, pieces)
            return m
        return None

    def _office_holder(self, office: Token) -> Mention | None:
        """The official or body whose office it is: its possessor, when that names one."""
        poss = next((c for c in office.children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        seg = [t.i for t in poss.subtree if t.dep_ != "case" and not t.is_punct]
        holder = self.compose(seg) if seg else None
        return holder if holder is not None and holder.code and holder.kind in ("role", "person", "institution") else None

    def _titled(self, name_start: int) -> bool:
        """Whether a role noun stands right before a name ("PRESIDENT Assad"), so that the role is the
        person's title, not a word of a misparsed phrase ("Police allege Eric Allen Kirkpatrick")."""
        i = name_start - 1
        while i >= 0 and self.doc[i].pos_ == "PROPN" and self.doc[i].i not in self.by_token:
            i -= 1  # first names: "President Laurent Gbagbo"
        p = self.by_token.get(i) if i >= 0 else None
        return p is not None and p.end == i + 1 and p.first({"role"}) is not None

    def _phrase_sector(self, pieces: list[Piece], person: Piece) -> str | None:
        """Sector of the last role or institution a phrase names apart from the title right before a
        name: "Mali's JUNTA LEADER, Colonel Assimi Goita" -> GOV, "Sudan's ARMY CHIEF, General ..." -> MIL."""
        # the title itself ends right before the name (punctuation aside); an apposition's role ends earlier
        title = self._title_piece(person)
        found = [r.sector for q in pieces if q.end < person.start and q is not title
                 and (r := q.first({"role", "institution"})) is not None and r.sector]  # fmt: skip
        return found[-1] if found else None

    def _title_piece(self, person: Piece) -> Piece | None:
        """The knowledge-base piece that ends right before a name, punctuation aside ("PRESIDENT Laurent
        Gbagbo", "Colonel, ..."): the title written for it, if any."""
        i = person.start - 1
        while i >= 0 and self.doc[i].text in (".", ","):
            i -= 1
        p = self.by_token.get(i) if i >= 0 else None
        return p if p is not None and p.end == i + 1 else None

    def _title_sector(self, person: Piece) -> str | None:
        """Sector of a specific title written right before a known name ("President Laurent Gbagbo",
        "Prime Minister X"); generic nouns ("leader", "official") and roles elsewhere in the phrase do
        not count, so "opposition leader X" or "X's spokesman" leave the person's own role alone."""
        p = self._title_piece(person)
        role = p.first({"role"}) if p is not None else None
        if role is None or not role.sector or role.name in self.generic_roles:
            return None
        return self._office_sector(role.sector, self.doc[p.end - 1])  # "OPPOSITION mayor Ekrem Imamoglu"

    def _context_fill(self, m: Mention, seg: list[int], head: Token, pieces: list[Piece],
                      state_force: bool = False) -> None:  # fmt: skip
        """Give a country-less mention the country the sentence is about; without one, leave it to the
        article (``needs_country``). A ``state_force`` (police) reads the sentence only, and not its
        companies. Phrases naming an IGO or company ("a UN official") are left alone."""
        if any(p.first(ORG_KINDS) is not None for p in pieces):
            return
        ctx = self.context_countries(head, exclude=set(seg), companies=not state_force)
        if m.homes:
            ctx = [c for c in ctx if c in m.homes]
        if ctx:
            m.country = ctx[0]
            m.code = m.country + (m.sector or "")
            m.resolved_by = "compose"
        else:
            m.needs_country = not state_force

    @staticmethod
    def _sided_only(pieces: list[Piece], role_piece: Piece) -> bool:
        """Whether the phrase's only place words name a region or an ethnic or religious group ("Kurdish"),
        with no nation, capital or institution among them."""
        others = [q for q in pieces if q is not role_piece]
        national = {"country", "capital", "institution", "metonym"}
        return bool(others) and all(q.side is not None and not (q.kinds() & national) for q in others)

    def _former(self, seg: list[int]) -> bool:
        """"former prime minister", "ex-president", "ousted president": no longer in office."""
        return any(self.doc[i].lower_ in FORMER or self.doc[i].lower_.startswith("ex-") for i in seg)

    def _is_name_head(self, p: Piece, head: Token) -> bool:
        """A person match that ends right before a possessive head noun is a modifier, not the head."""
        return p.start <= head.i < p.end

    def _describes_a_country(self, head: Token, pieces: list[Piece]) -> bool:
        """A definite description of a country: "THE Central Asian STATE", "the Pacific island NATION",
        "the Gulf KINGDOM" -- "the", a country noun and a describing modifier, with no country named in
        the phrase ("the Indonesian island" is a place), no "of" phrase ("the state OF Kerala"), no
        ranking ("the FIRST country to recognise") and not said of a subject ("became the first state")."""
        if head.lemma_.lower() not in COUNTRY_NOUNS or head.pos_ != "NOUN" or head.tag_ != "NN":
            return False
        if head.dep_ in ("attr", "appos", "oprd", "npadvmod", "compound"):
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return False
        mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
        if not mods or any(c.lower_ in RANKING_WORDS or c.tag_ in ("JJS", "RBS") or c.dep_ == "nummod"
                           or any(g.tag_ in ("JJS", "RBS") for g in c.children) for c in mods):  # fmt: skip
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) or any(
            c.dep_ in ("acl", "relcl") for c in head.children
        ):
            return False
        return not any(p.first(COUNTRY_KINDS) is not None for p in pieces)

    def _surname_as_noun(self, head: Token) -> bool:
        """A known surname the tagger read as a common noun: "TRUMP met Putin in Helsinki" (the small
        model takes a sentence-opening "Trump" for the word): a bare, capitalised argument of a verb
        with no article, whose lowercase form is a surname of the knowledge base."""
        return (
            head.pos_ == "NOUN" and head.lower_ in self.kb.surnames and head.dep_ in ARGUMENT_DEPS
            and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in head.children)
        )  # fmt: skip

    def _surname_country(self, head: Token) -> str | None:
        """The country of a known person whose surname alone modifies a role noun ("the BIDEN
        administration", "the Netanyahu government"): the office they hold on the date decides."""
        for c in head.children:
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i:
                person = self.kb.surname_person(c.text, self.date)
                if person is not None:
                    country = person.actor_code(self.date)[1]
                    if country:
                        return country
        return None

    def _fill_from_cues(self, m: Mention, pieces: list[Piece], head: Token, keep_country: str | None = None) -> None:
        ctry = keep_country or self._country(pieces, head)
        placed = [(p, r) for p in pieces if (r := p.first({"role", "institution", "metonym"})) is not None and r.sector]
        roles = [r for _, r in placed]
        sector = roles[-1].sector if roles else None
        if len(placed) > 1 and sector in ("GOV", "MIL") and placed[-2][0].end == placed[-1][0].start and (
            placed[-2][1].sector not in STATE_BODIES
        ):
            sector = placed[-2][1].sector  # "FARC leader Alfonso Cano", "Haitian GANG leader", "Islamic Jihad commander"
        sector = self._office_sector(sector, head)  # "opposition MAYOR Ekrem Imamoglu"
        if ctry:
            m.country, m.sector = ctry, sector
            m.code = ctry + (sector or "")
            m.resolved_by = "compose"
        elif sector:
            m.sector = sector

    def _sector(self, pieces: list[Piece], head: Token, role: Entry) -> str | None:
        """The head role's sector, unless it is generic and an institution in the phrase is more specific."""
        generic = head.lower_ in self.generic_roles or head.lemma_.lower() in self.generic_roles
        # "HAMAS gunmen", "Taliban fighters": the armed men of a named armed group are that group's
        # (REB), not unidentified (UAF)
        if generic or role.sector == "UAF":
            kinds = {"institution", "metonym"} if generic else {"institution", "metonym", "role"}
            for p in pieces:
                inst = p.first(kinds)
                if inst is not None and inst is not role and inst.sector and (generic or inst.sector in ARMED_GROUP_SECTORS):
                    return inst.sector  # "Sinaloa CARTEL gunmen" -> CRM
        if head.lower_ in LEADING_HEADS and role.sector in OPPOSABLE_SECTORS:
            # "the LEADER OF Belarus's OPPOSITION", "leaders of the REBELS": the body the head leads
            led = [e.sector for p in pieces if p.start > head.i and self._led_body(p, head)
                   for e in (p.first({"role", "institution"}),) if e is not None and e.sector]  # fmt: skip
            if led and led[0] not in OPPOSABLE_SECTORS:
                return led[0]
            # "two leaders OF THE TRUCKER PROTEST": as the listed "protest leaders" (sectors.yaml)
            for obj in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
                compound = (obj.lemma_.lower(), head.lower_)
                listed = [e for _, e in self.kb.index.get(compound, []) if e.kind == "role" and e.sector]
                if listed and listed[0].sector not in OPPOSABLE_SECTORS:
                    return listed[0].sector
        return self._office_sector(role.sector, head)  # "an opposition senator"

    def _led_by_opposition(self, head: Token) -> bool:
        """Whether a crowd is "led by" the opposition: an opposition role in the agent phrase of a "led"
        participle on the head ("protesters led by OPPOSITION politician Imran Khan and cleric ...")."""
        # the participle may hang on a count: "THOUSANDS of protesters led by ..."
        counted = [head.head.head] if head.dep_ == "pobj" and head.head.lower_ == "of" else []
        agents = [a for h in (head, *counted) for c in h.children if c.dep_ == "acl" and c.lemma_.lower() == "lead"
                  for a in c.children if a.dep_ == "agent"]  # fmt: skip
        if head.lemma_.lower() in FOLLOWER_NOUNS:
            # "supporters OF OPPOSITION LEADER Imran Khan", "of defeated presidential CANDIDATE Mousavi" (OPP in
            # every gold set; supporters of an ousted president or of a cleric stay civilians)
            agents += [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        for tok in (t for a in agents for t in a.subtree):
            piece = self.by_token.get(tok.i)
            entry = piece.first({"role", "institution"}) if piece is not None else None
            if entry is not None and entry.sector == "OPP":
                return True
            person = piece.first(NAME_KINDS) if piece is not None else None
            if person is not None and person.actor_code(self.date)[2] == "OPP":
                return True
        return False

    def _led_body(self, p: Piece, head: Token) -> bool:
        """Whether a piece ends at the object of an "of" phrase on a leading head: "the leader OF the Kenyan
        OPPOSITION", "one of the leaders OF Belarus's OPPOSITION"."""
        tok = self.doc[p.end - 1]
        return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == head.i

    @staticmethod
    def _office_sector(sector: str | None, head: Token) -> str | None:
        """An office title marked as the opposition's is OPP: "OPPOSITION mayor", "an opposition
        lawmaker" (the word modifies the head or the title before a name); other sectors stay."""
        if sector not in OPPOSABLE_SECTORS:
            return sector
        titles = [head, *(c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN")]
        marked = any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() == "opposition"
                     for t in titles for c in t.children)  # fmt: skip
        return "OPP" if marked else sector

    def _owning_org(self, pieces: list[Piece], head: Token) -> Entry | None:
        """The IGO or company a country-less role noun belongs to: a name before the head ("NATO
        troops", "UN peacekeepers") or in its complement ("officials of the World Bank")."""
        for p in sorted(pieces, key=lambda p: (p.start > head.i, abs(p.start - head.i))):
            if self._stance(p):
                continue
            org = p.first(ORG_KINDS)
            if org is not None and org.code:
                return org
        return None

    def _segment_country(self, seg: list[int], head: Token) -> str | None:
        """:meth:`_country` of the knowledge-base pieces inside one conjunct's tokens."""
        return self._country([p for i in seg if (p := self.by_token.get(i)) is not None], head)

    def _country(self, pieces: list[Piece], head: Token, exclude: Piece | None = None) -> str | None:
        """Country of the phrase: a nationality/possessive/compound left of the head first, then an
        of/for complement; institutions and people inside count through their country."""
        left: list[str] = []
        right: list[str] = []
        for p in pieces:
            if p is exclude or self._stance(p):
                continue
            country = self.side_country(p, head) if p.side is not None else None
            for e in p.match.entries if p.side is None else ():
                if e.kind in COUNTRY_KINDS and e.country:
                    country = e.country
                    break
                if e.kind in ORG_KINDS | NAME_KINDS:
                    c = e.actor_code(self.date)[1] if e.kind in NAME_KINDS else e.country
                    if c:
                        country = c
                        break
            if country:
                (left if p.start <= head.i else right).append(country)
        if left:
            return left[0]
        return right[0] if right else None


# Sectors of groups that take the country they are coordinated with ("Ukraine and SEPARATISTS")
PARTNER_SECTORS = frozenset({"REB", "OPP", "INS", "SEP"})
# Sectors of a state's own side, beside which such a group is that state's ("Sudanese Vice President X and
# rebel leader Y")
STATE_SIDES = frozenset({"GOV", "MIL"})
# Words that count people: "SEVERAL Americans", "MANY Iraqis" are people of the country (CVL)
COUNTING_WORDS = words("counting_words")


@lru_cache(maxsize=1)
def model_words() -> frozenset[str]:
    """Every string the spaCy model shipped with (its training vocabulary): words that are English (or
    a name the model has seen) and so are never taken for a misspelled country. Read from the installed
    model package, not from a live vocabulary, which also holds every word parsed so far."""
    from dyad.nlp import MODEL

    try:
        import spacy.util

        base = Path(spacy.util.get_package_path(MODEL))
        path = next(base.rglob("vocab/strings.json"))
        return frozenset(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, StopIteration, ValueError, ImportError):
        return frozenset()


@lru_cache(maxsize=1)
def load_generic_roles() -> frozenset[str]:
    """Role nouns compatible with any sector of their country (from ``patterns/coref.yaml``)."""
    from dyad.actors.coref import load_coref_config

    return frozenset(load_coref_config().get("generic_roles", []))


def place_country(sa: SentenceActors, head: Token) -> tuple[str | None, str]:
    """The country a place phrase lies in ("Vladivostok" -> RUS, "the Russian border region of
    Kursk" -> RUS, "Moscow" -> RUS) and the phrase text; (None, text) when unknown."""
    toks = sorted(t.i for t in _subtree_without(head, {"relcl", "acl", "advcl", "conj", "cc", "appos", "ccomp"}))
    seg = [i for i in toks if not sa.doc[i].is_punct] or [head.i]
    text = sa.doc[seg[0] : seg[-1] + 1].text
    for i in seg:
        p = sa.by_token.get(i)
        if p is None:
            continue
        if p.side is not None:
            c = sa.side_country(p, head)
            if c:
                return c, text
            continue
        for e in p.match.entries:
            if e.kind in COUNTRY_KINDS and e.country:
                return e.country, text
    from dyad.actors.places import city_country

    for ent in sa.doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.start >= seg[0] and ent.end <= seg[-1] + 1 and (
            ent.text.lower() not in CALENDAR
        ):
            c = city_country(ent.text)
            if c:
                return c, text
    if head.pos_ == "PROPN" and head.ent_type_ not in NON_PLACE_ENTS and head.lower_ not in CALENDAR:
        c = city_country(head.text)
        if c:
            return c, text
    return None, text


def _subtree_without(tok: Token, deps: set[str]) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ not in deps:
            out.extend(_subtree_without(c, deps))
    return out
