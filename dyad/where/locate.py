"""The place of one event, read from locative phrases in its sentence.

A place name is a location only where the grammar says so: the object of a locative
preposition ("arrived in Vladivostok", "at the forum in Vladivostok", "a trip to
Beijing"), the object of a visiting verb ("visited Ukraine"), or a place modifying a
venue noun ("the Vladivostok forum", "Moscow's Vnukovo Airport"). A place in subject
position ("Beijing said", "Moscow has been working") is an actor and is never read.

Candidates attached to the trigger's own clause win over those of a clause governing
or coordinated with it; places inside unrelated clauses and noun phrases ("the war in
Ukraine", "exports to Russia") are not the event's. A city beats a country (more specific: "arrived in Beijing during a trip to China");
"to/in/at" beat "from". Generic heads resolve through their country: "the Chinese
capital" -> Beijing, "Russia's Far East city" -> the Russian city the article names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dyad.records import Location
from dyad.when.clause import VERB_POS, clause_head, clause_rank, tree_distance
from dyad.where.gazetteer import City, Gazetteer, load_gazetteer
from dyad.words import words

# Prepositions whose object is where something happens, with a rank (lower = more telling).
# "from" is absent: "imports from Russia", "pressure from the West" name an origin, not a place.
LOCATIVE_PREPS: dict[str, int] = {
    "in": 0, "at": 0, "to": 0, "into": 0, "inside": 0, "near": 1, "outside": 1, "across": 1,
    "throughout": 1, "around": 1,
}  # fmt: skip
# Prepositions of direction: locative only after motion words ("a trip to Beijing", "flew to Minsk"),
# not after "aid to Russia", "exports to Russia", "ambassador to China".
DIRECTIONAL_PREPS = frozenset({"to", "into", "toward", "towards"})
MOTION_WORDS = frozenset(
    {"trip", "visit", "journey", "travel", "go", "come", "fly", "flight", "head", "return", "arrive", "arrival",
     "move", "deploy", "send", "dispatch", "tour", "delegation", "mission", "voyage", "march", "drive", "sail",
     "invasion", "incursion", "enter", "get", "relocate", "evacuate", "escape", "flee", "defect", "rush",
     "extradite", "extradition", "deport", "deportation", "transfer", "repatriate", "bring", "take", "lead"}
)  # fmt: skip
# Verbs whose direct object is the place of the event ("visited Ukraine").
PLACE_OBJECT_VERBS = frozenset(
    {"visit", "tour", "reach", "enter", "invade", "storm", "shell", "bomb", "bombard", "attack", "raid", "capture",
     "seize", "occupy", "besiege", "blockade", "retake", "recapture", "liberate", "shut", "paralyze", "paralyse"}
)  # fmt: skip
# Nouns for an event or venue that a place name can modify ("the Vladivostok forum").
VENUE_NOUNS = frozenset(
    {"forum", "summit", "talks", "meeting", "conference", "airport", "visit", "trip", "session", "ceremony",
     "parade", "rally", "protest", "office", "embassy", "consulate", "headquarters", "palace", "hall", "camp",
     "base", "jail", "prison", "hospital", "school", "market", "bazaar", "border", "crossing", "checkpoint",
     "square", "street", "residence", "compound", "facility", "plant"}
)  # fmt: skip
# Generic place heads that take their country from a modifier ("the Chinese capital").
CAPITAL_NOUNS = frozenset({"capital"})
GENERIC_PLACE_NOUNS = frozenset({"city", "town", "port", "region", "province", "territory", "country"})
# Place nouns that name their place with "of": "the town of Gorazde", "a residential sector of east Beirut".
OF_PLACE_NOUNS = words("settlement_nouns") | frozenset(
    {"suburbs", "outskirts", "area", "sector", "part", "state", "neighborhood", "neighbourhood", "quarter",
     "republic", "prefecture", "center", "centre"}
)  # fmt: skip
# Words that only say which part of a place: "in southeastern Serbia", "east Beirut".
DIRECTION_WORDS = words("compass_points") | frozenset(
    {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
     "southwestern", "upper", "lower", "greater"}
)  # fmt: skip
# "from" is locative only after leaving words: "withdrawal from Gorazde", "evacuated ... from Kabul".
LEAVING_WORDS = frozenset(
    {"withdraw", "withdrawal", "evacuate", "evacuation", "pull", "retreat", "expel", "expulsion", "ship", "oust",
     "flee", "escape", "depart", "departure"}
)  # fmt: skip
# Entity labels that are never places even in a locative slot.
# (NORP is not among them: the small model tags "Samarra" NORP; adjectives are excluded by part of speech.)
NON_PLACE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


@dataclass(slots=True)
class _Candidate:
    location: Location
    rank: tuple[int, int, int, int, int]


def _name_of(tok: Token) -> str:
    """The proper name a token belongs to: its entity, or its compound chain of proper nouns."""
    if tok.ent_iob_ != "O":
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return ent.text
    parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    start = min([tok.i, *(c.i for c in parts)])
    return tok.doc[start : tok.i + 1].text


def _strip_direction(name: str) -> str:
    """ "Western Cambodia" -> "Cambodia"; "the south" -> "" (a direction alone is no place)."""
    words = name.split()
    while words and (words[0].lower() in DIRECTION_WORDS or words[0].lower() == "the"):
        words = words[1:]
    return " ".join(words)


def _entity_label(tok: Token) -> str:
    return tok.ent_type_ if tok.ent_iob_ != "O" else ""


@lru_cache(maxsize=64)
def _countries_in_article(text: str) -> frozenset[str]:
    """Countries an article names; cached because every event of an article asks again."""
    return frozenset(load_gazetteer().countries_in(text))


class _Resolver:
    """Turns one token in a locative slot into a Location, with the sentence's context."""

    def __init__(self, gz: Gazetteer, doc: Doc, actor_countries: Sequence[str], article_text: str | None):
        self.gz, self.doc, self.article_text = gz, doc, article_text or ""
        self.actors = [c for c in actor_countries if c]
        self.sentence_countries = gz.countries_in(doc.text)
        self._article_countries: frozenset[str] | None = None

    @property
    def article_countries(self) -> frozenset[str]:
        if self._article_countries is None:
            self._article_countries = _countries_in_article(self.article_text)
        return self._article_countries

    def _qualifier(self, tok: Token) -> str | None:
        """A country named right beside a city: "Samarkand, Uzbekistan", "Russia's Vladivostok"."""
        for c in tok.children:
            named = c.dep_ in ("conj", "appos", "npadvmod", "poss") and c.pos_ == "PROPN"
            if named and (iso := self.gz.country_of_name(_name_of(c))):
                return iso
        nxt = tok.i + 1
        if nxt + 1 < len(self.doc) and self.doc[nxt].text == ",":
            return self.gz.country_of_name(self.doc[nxt + 1].text)
        return None

    def by_name(self, tok: Token) -> Location | None:
        if not tok.text[:1].isupper() or tok.pos_ != "PROPN" or _entity_label(tok) in NON_PLACE_LABELS:
            return None
        full = _name_of(tok)
        for name in dict.fromkeys((full, _strip_direction(full))):  # "West Bank" whole first, then "Cambodia"
            if loc := self._lookup(tok, name):
                return loc
        return None

    def _lookup(self, tok: Token, name: str) -> Location | None:
        if not name or name in self.gz.not_places or name.removeprefix("the ") in self.gz.not_places:
            return None
        if city := self.gz.landmark(name):
            return city.location()
        if iso := self.gz.country_of_name(name):
            country = self.gz.countries.get(iso)
            return country.location() if country else None
        city = self.gz.best_city(
            name, self._qualifier(tok), self.actors, self.sentence_countries, self.article_countries
        )
        return city.location() if city else None

    def _country_modifier(self, tok: Token) -> str | None:
        for c in tok.children:
            if c.dep_ == "amod" and (iso := self.gz.country_of_adjective(c.text)):
                return iso
            if c.dep_ in ("poss", "compound", "nmod") and (iso := self.gz.country_of_name(_name_of(c))):
                return iso
        return None

    def by_generic_noun(self, tok: Token) -> Location | None:
        """ "the Chinese capital" -> Beijing; "Russia's Far East city" -> the Russian city named nearby."""
        lemma = tok.lemma_.lower()
        if lemma not in CAPITAL_NOUNS and lemma not in GENERIC_PLACE_NOUNS:
            return None
        iso = self._country_modifier(tok)
        if iso is None:
            return None
        if lemma in CAPITAL_NOUNS:
            city: City | None = self.gz.capital_of(iso)
            return city.location() if city else None
        if lemma in ("city", "town", "port"):
            named = self.gz.cities_in(self.doc.text, iso) or self.gz.cities_in(self.article_text, iso)
            if named:
                return named[0].location()
        country = self.gz.countries.get(iso)
        return country.location() if country else None

    def by_of_phrase(self, tok: Token) -> Location | None:
        """ "the town of Gorazde", "East Timor's capital Dili", "a sector of east Beirut"."""
        if tok.lemma_.lower() not in OF_PLACE_NOUNS:
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for obj in c.children:
                    if obj.dep_ == "pobj" and (loc := self.by_name(obj) or self.by_of_phrase(obj)):
                        return loc
            if c.dep_ == "appos" and c.i > tok.i and (loc := self.by_name(c)):
                return loc
        nxt = tok.i + 1  # "capital Dili": a name right after the noun
        if (
            nxt < len(self.doc)
            and self.doc[nxt].head.i in (tok.i, self.doc[nxt].i)
            and self.doc[nxt].pos_ == "PROPN"
        ):
            return self.by_name(self.doc[nxt])
        return None

    def resolve(self, tok: Token) -> Location | None:
        loc = self.by_name(tok) or self.by_of_phrase(tok) or self.by_generic_noun(tok)
        if loc is None:  # "Moscow's Vnukovo Airport", "the Vladivostok forum" (not "US Dollars")
            venue = tok.lemma_.lower() in VENUE_NOUNS or _entity_label(tok) == "FAC"
            for c in tok.children:
                slot = (c.dep_ == "poss" or (venue and c.dep_ == "compound")) and c.pos_ == "PROPN"
                if slot and (loc := self.by_name(c)):
                    break
        return loc


def _governs_without_verb(top: Token, low: Token) -> bool:
    """``top`` is an ancestor of ``low`` with no other verb on the path (same clause)."""
    for t in low.ancestors:
        if t.i == top.i:
            return True
        if t.pos_ in VERB_POS:
            return False
    return False


def _argument(noun: Token, depth: int = 0) -> bool:
    """A noun that is a direct argument of a verb, or the object of a preposition on a verb:
    "engage with Russian leaders in Moscow" (the parser hangs "in Moscow" on "leaders")."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "dative"):
        return head.pos_ in VERB_POS
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return False
    owner = head.head
    return owner.pos_ in VERB_POS or (
        depth < 2 and owner.pos_ in ("NOUN", "PROPN") and _argument(owner, depth + 1)
    )


def _venue_of_trigger_clause(attach: Token, trig_clause: Token) -> bool:
    """A venue phrase ("at the forum in Vladivostok") that the parser hung inside a subjectless
    clause under the trigger's (an infinitive on its object, a participle) still names where
    the reported happening took place; a venue in a clause with its own subject does not."""
    if attach.lemma_.lower() not in VENUE_NOUNS:
        return False
    head = clause_head(attach)
    return (
        head.dep_ in ("acl", "xcomp", "advcl")
        and any(t.i == trig_clause.i for t in head.ancestors)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
    )


def _locative_slots(doc: Doc, trigger_i: int) -> list[tuple[Token, Token, int]]:
    """(place token, token its phrase attaches to, preposition rank) for every locative slot."""
    slots: list[tuple[Token, Token, int]] = []
    for tok in doc:
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in LOCATIVE_PREPS:
            prep = prep.head  # "outside of the city of Basra"
        if tok.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lemma_.lower() in LEAVING_WORDS:
            slots.append((tok, prep.head, 1))
        elif tok.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS:
            attach = prep.head
            if prep.lower_ in DIRECTIONAL_PREPS and attach.lemma_.lower() not in MOTION_WORDS:
                continue
            if attach.pos_ not in VERB_POS and not (
                attach.i == trigger_i
                or attach.lemma_.lower() in VENUE_NOUNS | MOTION_WORDS
                or _argument(attach)
            ):  # "a professor at a university in Shanghai": not where the event is
                continue
            slots.append((tok, attach, LOCATIVE_PREPS[prep.lower_]))
            slots.extend((c, attach, LOCATIVE_PREPS[prep.lower_]) for c in tok.conjuncts)
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in PLACE_OBJECT_VERBS:
            slots.extend((t, tok.head, 0) for t in (tok, *tok.conjuncts))
        elif (
            tok.dep_ in ("compound", "poss")
            and tok.pos_ == "PROPN"
            and tok.head.lemma_.lower() in VENUE_NOUNS
        ):
            slots.append((tok, tok.head, 1))
    return slots


def place_for_event(
    doc: Doc | Span,
    trigger_i: int,
    actor_countries: Sequence[str | None] = (),
    article_text: str | None = None,
) -> Location | None:
    """Where the event whose trigger is ``doc[trigger_i]`` took place, or None when the text does not say.

    ``actor_countries`` (ISO3 of source/target) and ``article_text`` only disambiguate names.
    """
    if isinstance(doc, Span):
        doc = doc.as_doc()
    if not 0 <= trigger_i < len(doc):
        return None
    gz = load_gazetteer()
    actors = [c for c in actor_countries if c]
    resolver = _Resolver(gz, doc, actors, article_text)
    trigger = doc[trigger_i]
    trig_clause = clause_head(trigger)
    found: dict[int, _Candidate] = {}
    for tok, attach, prep_rank in _locative_slots(doc, trigger_i):
        loc = resolver.resolve(tok)
        if loc is None:
            continue
        on_trigger = _governs_without_verb(trigger, tok)
        relation = clause_rank(clause_head(attach), trig_clause, on_trigger)
        if relation is None and _venue_of_trigger_clause(attach, trig_clause):
            relation = 2  # "signed a contract to pay ... at the forum in Vladivostok"
        if relation is None:  # a place of another happening in the sentence
            continue
        rank = (
            relation,
            0 if loc.feature == "city" else 1,
            prep_rank,
            0 if loc.country in actors else 1,  # "will visit Mongolia, Nepal and South Korea": each its own
            tree_distance(tok, trigger),
        )
        if tok.i not in found or rank < found[tok.i].rank:
            found[tok.i] = _Candidate(loc, rank)
    if not found:
        return None
    return min(found.values(), key=lambda c: c.rank).location
