"""The event coder: parsed sentences -> CAMEO events between resolved actors.

For each parsed sentence the coder (1) composes every noun phrase into an actor mention and resolves
surnames, titles and pronouns against the article so far (:mod:`dyad.actors.coref`); (2) finds
trigger verbs and nouns from the pattern data; (3) reads the trigger's source and target off the
dependency parse — subject / passive agent, direct or indirect object, prepositional objects, places
(whose country becomes the target), owners of an object ("praised Russia's efforts"), coordinated
actors on either side, subjects inherited through xcomp/conj/advcl/relative clauses; (4) decides
modality (negated and hypothetical events are dropped, announced ones become intent 03x); and (5)
fills date and place from :mod:`dyad.when` / :mod:`dyad.where`.

Sentences the prefilter rejected (``doc is None``) are still read for coreference.

This module holds the driver — the prefilter, the per-article and per-sentence loops and the verb
and noun trigger paths that call each step in order. The steps live beside it, each a module that
reads in one sitting:

- :mod:`dyad.events.sentence` — :class:`SentenceMentions`, the sentence's resolved actors;
- :mod:`dyad.events.triggers` — which pattern a trigger fits, its modality code, refinements;
- :mod:`dyad.events.slots` — source and target slots read off the parse;
- :mod:`dyad.events.targets` — fallback targets and unattributed (``UAF``) sources;
- :mod:`dyad.events.pairs` — source x target pairs, civilian targets, meeting venues;
- :mod:`dyad.events.protests` — protest conventions: implied addressee, purpose leaf, crowd violence;
- :mod:`dyad.events.killings` — killings and attacks re-coded by their victims (186, 202, 180, 175);
- :mod:`dyad.events.threats` — a bare threat coded by the force or repression its clause names;
- :mod:`dyad.events.ranking` — dedupe per actor pair and code, confidence;
- :mod:`dyad.events.build` — the :class:`~dyad.records.Event` record with date and place;
- :mod:`dyad.events.base` / :mod:`dyad.events.syntax` — shared state, :class:`Found`, tree helpers.

The word lists and :class:`Found` / :class:`SentenceMentions` stay importable from here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Container
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from dyad.actors.coref import ArticleContext
from dyad.actors.knowledge import KnowledgeBase, default_dictionary_dir, default_kb, hyphenated_name_words
from dyad.actors.mentions import (
    SETTLEMENT_NOUNS,
    Mention,
    SentenceActors,
    clause_verb,
    load_generic_roles,
    place_country,
)
from dyad.events import modality as mod
from dyad.events.base import Found
from dyad.events.build import EventBuilder
from dyad.events.claims import settle_blames, settle_claims
from dyad.events.codebook import nearest_listed
from dyad.events.comments import CommentFinder, CommentRules
from dyad.events.killings import ARMED_SECTORS, NON_STATE_ARMED, KillingRules, armed_group, settle_killings
from dyad.events.pairs import (
    CIVILIAN_PLACES,
    CIVILIAN_TARGET_ROOTS,
    LAND_PLACES,
    MEETING_CODES,
    MILITARY_PLACES,
    TERRITORY_CODES,
    PairMaker,
)
from dyad.events.patterns import Pattern, PatternSet, load_patterns
from dyad.events.protests import ProtestRules, settle_protests
from dyad.events.publics import public_acts, resignation_pressures, settle_concessions, settle_publics
from dyad.events.ranking import ANSWERS, DOMESTIC_ROOTS, SIDES_OF_THE_STATE, STATE_SECTORS, dedupe
from dyad.events.sentence import SentenceMentions
from dyad.events.slots import (
    ACCUSATION_NOUNS,
    OBJECT_CONTROL,
    PCOMP_OBJECT_CONTROL,
    PLACE_MIN_POPULATION,
    UNTAGGED_PLACE_MIN_POPULATION,
)
from dyad.events.syntax import (
    EFFORT_HEADS,
    MEASURES,
    SERIES,
    conjuncts,
    first_conjunct,
    has_subject,
    is_measured,
    is_passive,
    is_series,
    is_to_infinitive,
    mend_dated_objects,
    mend_eruption_phrases,
    mend_finite_conjuncts,
    mend_free_relative_objects,
    mend_gerund_objects,
    mend_infinitive_complements,
    mend_infinitive_verbs,
    mend_irregular_lemmas,
    mend_judged_objects,
    mend_object_series,
    mend_participle_adjectives,
    mend_participle_complements,
    mend_participle_roots,
    mend_past_tense_modifiers,
    mend_place_appositions,
    mend_plural_noun_verbs,
    mend_proper_objects,
    mend_small_clause_objects,
    mend_stranded_agents,
    mend_tour_legs,
    mend_trailing_appositions,
    mend_trailing_rebuttals,
    mend_verbal_name_parts,
    mend_verbless_roots,
    particle,
    prep_objects,
)
from dyad.events.targets import (
    AFTER_OBJECT_PREPS,
    HOME_BODY_ROOTS,
    RESPONSE_NOUNS,
    SCENE_PREPS,
    UNATTRIBUTED_ROOTS,
    FallbackTargets,
)
from dyad.events.threats import settle_threats, threat_words
from dyad.records import Event
from dyad.when import date_for_event
from dyad.where import load_gazetteer, place_for_event
from dyad.words import words

__all__ = [
    "AFTER_OBJECT_PREPS",
    "CIVILIAN_PLACES",
    "CIVILIAN_TARGET_ROOTS",
    "DOMESTIC_ROOTS",
    "LAND_PLACES",
    "MEETING_CODES",
    "MILITARY_PLACES",
    "OBJECT_CONTROL",
    "PCOMP_OBJECT_CONTROL",
    "PLACE_MIN_POPULATION",
    "RESPONSE_NOUNS",
    "SCENE_PREPS",
    "SERIES",
    "UNATTRIBUTED_ROOTS",
    "UNTAGGED_PLACE_MIN_POPULATION",
    "Coder",
    "Found",
    "SentenceMentions",
]

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z]+")
_PAIR = re.compile(r"\b(?:[Tt]he two|[Bb]oth)\b")
# ", a charge X denied" closing an accusation (syntax.mend_trailing_rebuttals; the nouns are slots')
REBUTTAL_VERBS = words("rebuttal_verbs")
NAMING_VERBS = words("naming_verbs")
ORDERING_VERBS = words("ordering_verbs")
ACCIDENT_VERBS = words("accident_verbs")
TRIP_NOUNS = words("trip_nouns")  # "a TOUR that will also take him to ..." (syntax.mend_tour_legs)
ERUPTION_VERBS = words("eruption_verbs")  # "fighting BROKE OUT between ..." (syntax.mend_eruption_phrases)
# Roots of force whose subject may be a weapon or an attack owned by its actor ("Israeli missiles struck")
OWNED_SUBJECT_ROOTS = {"18", "19", "20"}
# Visits framed as the occasion of another act ("ON his first foreign trip", "DURING a state visit")
VISIT_CODES = {"042"}
# Verbs whose subject suffers what happened on a visit, and act nouns that are someone's record (words.yaml)
VISIT_VICTIM_VERBS = words("visit_victim_verbs")
PAST_RECORD_WORDS = words("past_record_words")
# Prepositions that name what a judgement is about ("apologized FOR", "accused X OF", "an inquiry INTO")
JUDGED_PREPS = frozenset({"of", "for", "over", "into", "about", "against"})


def _marked(tok: Token, marks: Container[str]) -> bool:
    """Whether a noun is the object of one of ``marks`` ("AFTER their summit") or a verb heads a clause
    it opens ("AFTER Russian forces fired")."""
    if tok.dep_ == "pobj":
        return tok.head.lower_ in marks
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)


def _spans_years(verb: Token) -> bool:
    """Whether the act is told as lasting years: "have been fighting ... SINCE THE EARLY 1970s", "fought
    six wars ... BETWEEN 2004 AND 2010". A history of the conflict, not an event of the day."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("since", "between"):
            continue
        years = [t for g in prep.children if g.dep_ == "pobj" for t in g.subtree
                 if t.ent_type_ == "DATE" and re.fullmatch(r"(1[89]|20)\d\d'?s?", t.text)]  # fmt: skip
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        if years and (prep.lower_ == "between" or perfect):
            return True
    return False


def _dated_to_an_earlier_year(verb: Token, date: str | None) -> bool:
    """Whether a participle or relative clause dates its act to a year before the story's: "the two Japanese
    cities DESTROYED by American atomic bombs IN 1945" describes the cities; it is history, not news."""
    if not date or verb.dep_ not in ("acl", "relcl"):
        return False
    return any(g.dep_ == "pobj" and re.fullmatch(r"(1[89]|20)\d\d", g.text) and g.text < date[:4]
               for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
               for g in c.children)  # fmt: skip


def _comma_participle(tok: Token) -> bool:
    """Whether a verb is an "-ing" clause set off by a comma after the act it adds to (", KILLING three",
    ", ENDING a standoff")."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == ","


def _side_clause(tok: Token, code: str) -> bool:
    """Whether the verb heads (or is coordinated or chained into) a clause describing a noun: a relative
    clause ("rebels WHO HAVE SEIZED two towns", "the tariffs they HAD IMPOSED") or an active participle
    or infinitive after a prepositional or possessed object ("over a plot TO ASSASSINATE Maduro", "radars
    delivered to forces FIGHTING separatists", "protested at Paris's decision TO BACK Morocco's plan").
    Not side clauses: a denial answering the charge ("Hezbollah, WHICH DENIED any involvement"), what
    a deal lays down ("an agreement UNDER WHICH Rwanda will pull its troops out"), and the act that
    makes a record ("the first British foreign secretary TO VISIT Iran since 2003")."""
    clause = tok
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    noun = clause.head
    if clause.dep_ not in ("relcl", "acl") or noun.dep_ in ("appos", "attr") or code in ANSWERS:
        return False
    if clause.dep_ == "acl" and (clause.tag_ == "VBN" or noun.dep_ in ("nsubj", "nsubjpass", "ROOT")):
        return False  # "a coup swiftly condemned by Guterres", "an exchange brokered by the UAE"
    if clause.dep_ == "acl" and noun.dep_ in ("dobj", "obj") and not any(c.dep_ == "poss" for c in noun.children):
        return False  # "Putin announced plans TO VISIT China": the subject's own plan, in the verb's modality
    if clause.dep_ == "relcl" and _told_on(clause):
        return False  # "during a visit to Kyiv, where HE SIGNED a security pact": the visitor goes on acting
    return not any(c.dep_ == "prep" and c.lower_ == "under" for c in clause.children)


def _told_on(clause: Token) -> bool:
    """Whether a "where / when" clause goes on telling its story's actor, named by a pronoun, in the same
    time ("a visit to Kyiv, where HE SIGNED"), rather than what was done before ("areas of Ukraine where
    they HAD fought") or a judgement of the noun ("a wave of unrest he BLAMED on gangs")."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return (subject is not None and subject.tag_ == "PRP"
            and any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in clause.children)
            and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children))  # fmt: skip


def _blamed_doer_verb(noun: Token) -> Token | None:
    """The copula whose subject an act noun is pinned on: "X was BEHIND the attack", "X is RESPONSIBLE FOR
    the strike" (not "X was behind schedule": the noun must be a trigger, which the caller has checked)."""
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ == "behind" and prep.head.lemma_ == "be":
        return prep.head
    if prep.lower_ == "for" and prep.head.lemma_.lower() == "responsible" and prep.head.dep_ == "acomp":
        return prep.head.head if prep.head.head.lemma_ == "be" else None
    return None


def _answered(noun: Token) -> bool:
    """Whether a noun is what a response answers: the object of a phrase on a response noun ("in
    retaliation FOR the strikes", "in protest AT the offensive")."""
    return noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in RESPONSE_NOUNS


class Coder(FallbackTargets, PairMaker, EventBuilder, CommentFinder):
    """Codes events from parsed articles. Construct once; thread-safe for reading."""

    def __init__(self, kb: KnowledgeBase | None = None, codebook: Any = None,
                 patterns: PatternSet | None = None) -> None:  # fmt: skip
        self.kb = kb or default_kb()
        self.name_words = hyphenated_name_words(self.kb)  # "Myung-bak": a name, not a verb
        self.patterns = patterns or load_patterns(str(default_dictionary_dir()))
        if codebook is None:
            try:
                from dyad.events.codebook import Codebook

                codebook = Codebook.load()
            except Exception as exc:  # noqa: BLE001 - a missing codebook degrades, never stops coding
                log.warning("CAMEO codebook unavailable (%s); events carry no names/Goldstein", exc)
        self.codebook = codebook
        self.cues = self.patterns.modality
        self.intent_codes: dict[str, Any] = dict(self.cues.get("intent_codes") or {})
        # the named complement tables patterns cite as `xcomp_codes: NAME` (NAME_codes in modality.yaml)
        self.code_tables: dict[str, dict[str, Any]] = {
            name: dict(self.cues.get(f"{name}_codes") or {})
            for name in ("refusal", "appeal", "demand", "protest", "threat", "permission")
        }
        self.refusal_codes: dict[str, Any] = self.code_tables["refusal"]
        unknown = {p.xcomp_table for ps in self.patterns.verbs.values() for p in ps} - set(self.code_tables) - {""}
        if unknown:
            raise ValueError(f"xcomp_codes names unknown tables {sorted(unknown)}: use {', '.join(self.code_tables)}")
        for key, rule in (self.cues.get("state_acts") or {}).items():
            if rule is None:
                continue  # no state doer for these codes, whatever their parent says
            if not isinstance(rule, dict) or rule.get("from", "scene_or_people") not in ("scene", "scene_or_people"):
                raise ValueError(f"modality.yaml state_acts {key!r}: give sector and from: scene or scene_or_people")
        # verbs whose "to"-infinitive is their complement: intent, governing and negating heads, and
        # every verb whose pattern reads the complement (target xcomp, xcomp_codes)
        self.complement_heads = (
            self._cue_words("intent_heads") | self._cue_words("governing_verbs") | self._cue_words("negating_verbs")
        ) | frozenset(
            lemma for lemma, pats in self.patterns.verbs.items()
            if any("xcomp" in p.target or p.xcomp_codes or p.xcomp_table for p in pats)
        )  # fmt: skip
        # ... of which these take their complement after an object ("implored PUTIN on Sunday TO STOP"):
        # verbs asking another to act (appeals and demands)
        self.object_control_heads = frozenset(
            lemma for lemma, pats in self.patterns.verbs.items()
            if any(p.xcomp_table in ("appeal", "demand") for p in pats)
        )  # fmt: skip
        # cue word lists of modality.yaml that the coding steps test token by token
        self.background_marks = self._cue_words("background_marks")
        self.blast_verbs = self._cue_words("doerless_blast_verbs")
        self.projectiles = self._cue_words("doerless_projectiles")
        self.response_verbs = self._cue_words("response_verbs")
        self.peace_words = self._cue_words("peace_words")
        self.undergoing_verbs = self._cue_words("undergoing_verbs")
        self.referent_nouns = self._cue_words("referent_nouns")
        self.reaction_roots = self._cue_words("reaction_roots")
        self.result_verbs = self._cue_words("result_verbs")
        self.outcome_verbs = self._cue_words("outcome_verbs")
        self.decision_heads = self._cue_words("decision_heads")
        self.decided_codes = tuple(self._cue_words("decided_codes"))
        self.announced_codes = tuple(self._cue_words("announced_codes"))
        self.unnamed_person_codes = tuple(self._cue_words("unnamed_person_codes"))
        self.reporting_verbs = self._cue_words("reporting_verbs")
        self.judging_roots = tuple(str(r) for r in self.cues.get("judging_roots") or ())
        self.violent_causes = self._cue_words("violent_causes")
        self.explosive_causes = self._cue_words("explosive_causes")
        self.disaster_causes = self._cue_words("disaster_causes")
        self.weapon_words = self._cue_words("weapon_words")
        self.unknown_doers = self._cue_words("unknown_doers")
        self.clash_words = self._cue_words("clash_words")
        self.subject_only_nouns = self._cue_words("subject_only_nouns")
        deal = self.cues.get("agreed_deal") or {}
        self.agreed_deal = (str(deal.get("code") or ""), frozenset(deal.get("heads") or ()), frozenset(deal.get("except") or ()))
        talks = deal.get("talks") or {}
        self.agreed_talks = (str(talks.get("code") or ""), frozenset(talks.get("objects") or ()))
        self.aerial_doers = self._cue_words("aerial_doers")
        self.protest_rules = ProtestRules.from_cues(self.cues)
        self.comment_rules = CommentRules.from_data(self.patterns.comments)
        self.public_acts = public_acts(self.cues)
        self.resignation_pressures = resignation_pressures(self.cues)
        self.handovers = self._cue_words("leadership_handovers")
        self.third_party_codes = {str(k): str(v) for k, v in (self.cues.get("third_party_codes") or {}).items()}
        self.killing_rules = KillingRules.from_cues(self.cues)
        self.threat_table = threat_words(self.cues)
        self.reciprocal_words = self._cue_words("reciprocal_words")
        self.reciprocal_objects = self._cue_words("reciprocal_objects")
        self.reciprocal_roots = self._cue_words("reciprocal_roots")
        self.mutual_codes = self._cue_words("mutual_codes")
        self.reciprocal_heads = self._cue_words("reciprocal_heads")
        self.generic_roles = load_generic_roles()
        self._date_for_event = date_for_event
        self._place_for_event = place_for_event
        self._gazetteer = load_gazetteer

    # ------------------------------------------------------------------ prefilter
    def could_hold_event(self, sentence_text: str) -> bool:
        """Cheap test on raw text: a trigger word form (with its object for light verbs) and an actor cue."""
        words = set(_WORD.findall(sentence_text.lower()))
        if "$" in sentence_text or "€" in sentence_text or "£" in sentence_text or not words.isdisjoint(MEASURES):
            words.add("money")  # "provided $5 BILLION": a sum names money without the word (object lists say "money")
        if not self.patterns.sentence_has_trigger(words) and words.isdisjoint(self.comment_rules.cue_words):
            return False
        # "THE TWO sides also agreed to ...", "BOTH leaders said ...": the parties named in the sentence before
        return (self.kb.has_cue(sentence_text) or self._has_name(sentence_text)
                or _PAIR.search(sentence_text) is not None)  # fmt: skip

    def _has_name(self, text: str) -> bool:
        """A capitalised word that is part of a known person's name (surnames: "Putin", "Li")."""
        return any(w.lower() in self.kb.name_words for w in re.findall(r"\b[A-Z][a-z]+", text))

    # ------------------------------------------------------------------ coding
    def code(self, parsed: Any) -> list[Event]:
        """All events of one :class:`dyad.nlp.ParsedArticle`, in sentence order."""
        article = parsed.article
        date = (article.published or "")[:10] or None
        ctx = ArticleContext(self.kb, date)
        events: list[Event] = []
        seen: set[str] = set()
        for sent in parsed.sentences:
            if sent.doc is None:
                ctx.observe_text(sent.text, sent.index)
                continue
            try:
                found = self.code_sentence(sent.doc, ctx, sent.index, date)
            except Exception:  # noqa: BLE001 - one odd sentence must not lose the article
                log.exception("coding failed in %s sentence %d", article.id, sent.index)
                continue
            for f in found:
                ev = self._event(f, article, sent, date)
                if ev is not None and ev.event_id not in seen:
                    seen.add(ev.event_id)
                    events.append(ev)
        return events

    def code_sentence(self, doc: Doc, ctx: ArticleContext, index: int, date: str | None) -> list[Found]:
        """Events of one parsed sentence (token-level), given the article context so far."""
        mend_irregular_lemmas(doc, self.patterns.base_of)
        mend_infinitive_verbs(doc, self.patterns.verbs)
        mend_tour_legs(doc, TRIP_NOUNS)
        mend_verbless_roots(doc)
        mend_past_tense_modifiers(doc)
        mend_participle_adjectives(doc)
        mend_participle_roots(doc)
        mend_object_series(doc)
        mend_dated_objects(doc)
        mend_judged_objects(doc, REBUTTAL_VERBS)
        mend_infinitive_complements(doc, self.complement_heads, self.object_control_heads)
        mend_stranded_agents(doc)
        mend_finite_conjuncts(doc)
        mend_trailing_rebuttals(doc, ACCUSATION_NOUNS, REBUTTAL_VERBS)
        mend_trailing_appositions(doc)
        mend_place_appositions(doc, SETTLEMENT_NOUNS)
        mend_verbal_name_parts(doc, self.name_words)
        mend_proper_objects(doc)
        mend_gerund_objects(doc, self.reporting_verbs)
        mend_small_clause_objects(doc, NAMING_VERBS)
        mend_participle_complements(doc, ORDERING_VERBS)
        mend_free_relative_objects(doc, NAMING_VERBS)
        mend_plural_noun_verbs(doc)
        mend_eruption_phrases(doc, self.clash_words, ERUPTION_VERBS)
        sa = SentenceActors(doc, self.kb, date, self.generic_roles)
        sm = SentenceMentions(sa, ctx, index, self.reporting_verbs)
        sm.prime()
        out: list[Found] = []
        consumed: set[int] = set()  # nouns coded through their verb ("held talks")
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                out.extend(self._verb(tok, sm, consumed))
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                out.extend(self._noun(tok, sm))
        out.extend(self._comments(doc, sm))  # "said relations were very bad": judgements as events
        # "a deal BROKERED BY China": the mediator's act on each side; not "AFTER negotiations mediated by ..."
        out.extend(f for f in self._third_party(out, sm)
                   if not (self._inside_background_phrase(f.trigger) or self._background_clause(f.trigger)))
        found = settle_protests(self._fold_results(out), self.protest_rules, self.kb.country_name)
        found = settle_concessions(found, self.handovers)
        found = settle_publics(found, self.public_acts, self.kb.country_name, self.resignation_pressures)
        found = settle_killings(settle_blames(settle_claims(found)), self.killing_rules)
        return dedupe(settle_threats(self._settle_means(found), self.threat_table))

    def _settle_means(self, found: list[Found]) -> list[Found]:
        """Drop a response told by its means ("Moscow RETALIATED BY BARRING nine U.S. officials from entering
        Russia"): the means is the act (163), and the response verb (190 by default) says only that it
        answered something. Only verbs of ``response_verbs`` (modality.yaml) whose "by" phrase was coded."""
        means_heads = {g.trigger.head.head.i for g in found
                       if g.trigger.dep_ == "pcomp" and g.trigger.head.lower_ == "by"}  # fmt: skip
        return [f for f in found if not (f.trigger.i in means_heads and f.trigger.lemma_.lower() in self.response_verbs)]

    # ------------------------------------------------------------------ verbs
    def _verb(self, tok: Token, sm: SentenceMentions, consumed: set[int]) -> list[Found]:
        """Events of a verb trigger. The object nouns it reads are ``consumed`` (not coded again as
        nominal events) only when it yields an event: "ECOWAS's ULTIMATUM to Niger's junta, issued at
        a summit" has no doer for "issued", and the noun still speaks for itself."""
        read: set[int] = set()
        found = self._verb_events(tok, sm, read)
        if found:
            consumed |= read
        return found

    def _verb_events(self, tok: Token, sm: SentenceMentions, consumed: set[int]) -> list[Found]:
        pats = self._verb_patterns(tok)
        if not pats:
            return []
        passive = is_passive(tok) or (
            # "a woman was hit and killed by a motorist": a bare participle conjoined to a passive
            # verb shares its passive voice (and its subject is the one acted on, not the doer)
            tok.dep_ == "conj" and tok.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "aux") for c in tok.children)
            and is_passive(tok.head)
        )  # fmt: skip
        obj = self._object(tok, passive)
        if self._accident_toll(tok, pats):
            return []  # "the jet CRASHED after take-off, KILLING all 157 people on board"
        # "An official Syrian newspaper called Thursday on Arabs ...": with a noun as the root, the parser
        # has taken the sentence's main verb for a reduced relative; the noun is its subject
        main_verb_misparsed = tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and not passive and (
            tok.head.pos_ in ("NOUN", "PROPN") and self._active_frame(tok, pats)
        )
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") and not main_verb_misparsed:
            # "sanctions imposed by the EU on Russia", "the agreement signed by Russia and China"
            passive, obj = True, tok.head
        for pat in pats:
            if self._fits(pat, tok, obj):
                break
        else:
            return []
        if obj is not None and pat.objects:
            consumed.add(obj.i)
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    consumed.update(p.i for p in c.children if p.dep_ == "pobj")
        if pat.code.startswith("03") and any(
            c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) for c in tok.children
        ):
            return []  # "vowed NOT to return the Golan Heights" is no intent to cooperate
        status = mod.assess(tok, self.cues)
        if status == mod.INTENDED and self._decided(tok, self._refine(pat, pat.code, tok, obj)):
            status = mod.ASSERTED
        code = self._modal_code(pat.code, status)
        if code is None:
            return []
        how = {mod.ASSERTED: [], mod.REFUSED: ["refused"]}.get(status, ["intended"])
        if tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return []  # "UNRWA, the U.N. agency that SUPPORTS Palestinian refugees": what it does, not news
        if tok.dep_ in ("acl", "relcl") and self._background_phrase(tok.head):
            how += ["background", "earlier"]  # "after the exercises Beijing CONDUCTED in retaliation"
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and any(m.code for m in sm.get(tok.head)):
            # "radars delivered to Ukrainian forces FIGHTING separatists", "rebel fighters BACKING Machar":
            # what describes an actor is no news of its own beside the news told
            how += ["background", "earlier"]
        elif _side_clause(tok, pat.code):
            # "accused Kigali of backing M23 rebels WHO HAVE SEIZED two towns", "Paris's decision TO BACK
            # Morocco's plan": what describes a noun is no news beside the news told (ranking.dedupe)
            how += ["background", "earlier"]
        elif tok.dep_ in ("acl", "relcl") or tok.head.dep_ in ("acl", "relcl"):
            how.append("background")  # "property seized by the army", "a helicopter that was captured"
            if self._background_clause(clause_verb(tok.head)) or self._background_clause(tok):
                # "AFTER Georgian forces launched an offensive TO RETAKE its capital"; "the highest-ranking
                # official to visit Beijing SINCE Moscow SENT its troops to Ukraine"
                how.append("earlier")
            if tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
                # "Nisman, a prosecutor who HAD ACCUSED the president ...": what a person had done before
                # the news describes him, and is never the news (ranking.dedupe)
                how += ["earlier", "aside"]
        elif self._background_clause(tok):
            how += ["background", "earlier"]  # "..., AFTER Russian forces fired on three vessels" (ranking.dedupe)
        elif tok.dep_ == "advcl" and is_to_infinitive(tok):
            how.append("purpose")  # "started a hunger strike TO PROTEST ...": the act done ranks first
        elif tok.dep_ == "conj" and tok.tag_ == "VBD" and self._reduced_relative(tok):
            how += ["background", "earlier"]  # "the release of two American women HELD hostage in Gaza"
        elif tok.dep_ == "conj":
            how.append("second")  # the act reported first is the headline; a later conjunct ranks below
        if ("earlier" in how and self._dated_from(tok)) or _spans_years(tok if has_subject(tok) else first_conjunct(tok)) or (
            _dated_to_an_earlier_year(tok, sm.sa.date)
        ):
            how.append("past")  # history: what a state of affairs dates from, or an act lasting years
        if "earlier" in how and self._told_beside_a_doer(tok, sm):
            how.append("aside")
        sources, inherited = self._subjects(tok, passive, sm)
        if inherited:
            how.append("inherited")
        if pat.received and pat.code in TERRITORY_CODES:  # "GOMA fell to M23 rebels": the ground lost, a
            # place whatever the tagger took it for
            sources = [p for m in sources if (p := m if m.code else self._place_mention(tok.doc[m.head], sm, asked=True))]
        raw_sources, sources = sources, [s for s in sources if s.code]
        targets: list[Mention] | None = None
        if not sources and raw_sources and not passive:
            targets = self._targets(tok, pat, obj, passive, sm)
            # "mutinous soldiers detained the president", "rebels attacked Goma"
            sources = self._domestic_force(raw_sources, code, targets) or self._armed_men_where_they_strike(
                raw_sources, code, targets
            )
        if not sources and pat.code[:2] in OWNED_SUBJECT_ROOTS:
            sources = self._weapon_owner(tok, passive, sm)
            if sources:
                how.append("owner")
        if pat.code[:2] in UNATTRIBUTED_ROOTS:
            sources = [self._armed_owner(m, sm) for m in sources]  # "an ISRAELI air strike killed ..."
            sources = [self._unknown_doer(m, sm) for m in sources]  # "MASKED MEN snatched her"
        if not sources and passive and pat.code[:2] in UNATTRIBUTED_ROOTS:
            sources = self._clash_party(tok, sm)  # "soldiers were killed in a clash WITH CHINESE TROOPS"
            if sources:
                how.append("clash")
            else:
                sources = self._when_doer(tok, sm)  # "were killed WHEN ISLAMIC STATE MILITANTS stormed ..."
                if sources:
                    how.append("when")
        if not sources and pat.code[:2] in UNATTRIBUTED_ROOTS and (passive or self._weapon_subject(tok, sm)):
            # "Three US servicemen were killed by a roadside bomb outside Basra", "a car bomb killed 12
            # soldiers": violence with no named doer is coded, as in CAMEO, to unidentified armed forces
            # (UAF) of the country it happened in
            targets = self._targets(tok, pat, obj, passive, sm) or self._toll_victims(tok, sm)
            sources = self._unattributed(tok, targets, sm)
            if sources:
                how.append("unattributed")
                if not passive and (tok.lemma_.lower() in self.blast_verbs or self._projectile_subject(tok)):
                    how.append("blast")  # "a car bomb EXPLODED": dropped unless claimed (claims.py)
        if not sources and passive and self.state_act(pat.code):
            # "Opposition leaders were arrested in Cairo": a state act with no named doer is the state's
            sources, targets = self._state_doer(tok, pat, obj, self._targets(tok, pat, obj, passive, sm), sm)
            if sources:
                how.append("agentless")
        if not sources:
            return []
        sources = self._speakers_country(tok, sources, sm)
        if targets is None:
            targets = self._targets(tok, pat, obj, passive, sm)
        if not targets and pat.target and not (pat.mutual and len(sources) > 1):
            # coordinated parties of a mutual act ("A and B signed a declaration AT THE WHITE HOUSE") are
            # each other's targets; a venue is none
            targets = self._fallback_targets(tok, pat, obj, passive, sources, sm)
            if targets:
                how.append("fallback")
        if not targets and obj is not None and code.startswith(self.unnamed_person_codes):
            targets = self._unnamed_person(obj, sources, sm)  # "sentenced rapper Toomaj Salehi to death"
            if targets:
                how.append("unnamed")
        if obj is not None and code.startswith(HOME_BODY_ROOTS):
            # "Tunisia's president dissolved PARLIAMENT"; "detained SOLDIERS and judges" beside a conjunct
            # that names its country; "Peru's president dissolved CONGRESS" (not the U.S. one the name is
            # listed for): the home body stands in for the reading of the same words
            found = self._home_body(obj, sources, sm)
            if found and not targets:
                how.append("home")
            if found:
                targets = [*(t for t in targets or () if all(t.head != m.head for m in found)), *found]
        beaten = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod")]
        beaten += [c for o in beaten for c in o.children if c.dep_ in ("appos", "compound")]
        if self.code_listed("people_only_codes", pat.code) and any(
            m.kind == "country" and m.head == t.i for t in beaten for m in sm.get(t)
        ):
            # "Spain won the World Cup, BEATING the Netherlands 1-0", "Argentina beat HOSTS BRAZIL": a nation
            # beaten is a match won, no assault at all
            return []
        if targets and self.code_listed("people_only_codes", pat.code):
            targets = [t for t in targets if t.kind != "country"]  # one assaults people, not a nation
        if targets and code.startswith("01") and all(t.sector == "MED" for t in targets):
            targets = []  # "telling REPORTERS in Harare that ...": speaking to the press is no act on the press
        solo = not targets and self._may_stand_alone(pat, tok, obj, passive, sm)
        code = self._refine_in_mode(pat, code, status, tok, obj)
        if code == "171" and obj is not None and obj.pos_ == "PROPN" and (
            obj.ent_type_ in ("GPE", "LOC") or any(m.kind in ("capital", "place") for m in sm.get(obj))
        ):
            code = "192"  # "Syrian rebels seized DAMASCUS": a place taken is territory occupied
        elif code == "171" and targets and all(t.kind == "person" or (t.kind == "role" and t.sector == "CVL") for t in targets):
            code = "181"  # "gunmen seized three AMERICANS", "the prime minister WAS SEIZED by armed men": abduction
        if code in ("190", "194") and self._aerial(tok):
            code = "195"  # "French WARPLANES destroyed several tanks": force from the air
        code = self._people_code(code, targets)
        if "refused" in how and targets and all(t.sector == "MED" for t in targets):
            # "would not speak to reporters": a refusal to talk to the press is CAMEO's "decline comment"
            code, targets, solo = str(self.cues.get("refusal_to_press") or code), [], True
        if (pat.xcomp_codes or pat.xcomp_table) and code == pat.code:
            x = self._complement(tok, "xcomp") or (self._complement(tok, "ccomp") if "ccomp" in pat.target else None)
            if x is None and pat.xcomp_table:
                x = self._asked_act(tok, obj, pat)
            table = self.code_tables[pat.xcomp_table] if pat.xcomp_table else dict(pat.xcomp_codes)
            asked = self._complement_code(x)
            mapped = nearest_listed(table, asked) if asked else None
            if pat.xcomp_table == "appeal" and (mapped is None or mapped == pat.code or mapped.startswith("024")) and (
                x is not None and self._asks_for_peace(x)
            ):  # "urged Putin TO STOP THE VIOLENCE", "to END THE WAR"; not "to resume ceasefire TALKS" (026)
                mapped = str(self.cues.get("peace_appeal_code") or "") or mapped
            if not mapped and pat.xcomp_only:
                return []
            if mapped:
                how.append("absorbed")  # the complement's own event is part of this one (ranking.dedupe)
            elif asked is None and len(sources) > 1 and status == mod.ASSERTED:
                mapped = self._agreed_deal(tok, x)  # "Japan and the United States agreed to RELOCATE a base"
            if not mapped and asked is None and x is not None:
                mapped = self._refine(pat, code, tok, obj, complement=x)  # "agreed to work towards ... TARIFFS"
            code = mapped or code
        return self._pairs(tok, pat, code, sources, targets, how, sm, solo=solo)

    def _speakers_country(self, tok: Token, sources: list[Mention], sm: SentenceMentions) -> list[Mention]:
        """A leader's own country named as the doer of what he reports is his government: "Obama said the
        United States would restore full diplomatic relations with Cuba", "Petro announced that his
        country was breaking off relations with Israel" are USAGOV and COLGOV, as the gold sets code them."""
        clause = first_conjunct(tok)
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.reporting_verbs or clause.head.i > clause.i:
            return sources  # (not "The United States killed ..., President Joe Biden said": the news first)
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        said = [m for m in sm.get(speaker) if m.code and m.sector == "GOV" and m.country] if speaker is not None else []
        if len(said) != 1:
            return sources
        own = said[0].country
        return [m.as_sector("GOV") if m.is_bare_country and m.country == own else m for m in sources]

    def _agreed_deal(self, tok: Token, x: Token | None) -> str | None:
        """The deal code (modality.yaml ``agreed_deal``) for coordinated parties agreeing to a concrete
        measure the lexicon has no code for, or that something be so ("the two leaders agreed THAT
        neither government would ..."); None for agreeing to work together or to improve ties."""
        code, heads, vague = self.agreed_deal
        if not code or tok.lemma_.lower() not in heads:
            return None
        talks_code, talk_nouns = self.agreed_talks
        if talks_code and x is not None and any(c.dep_ == "dobj" and c.lemma_.lower() in talk_nouns for c in x.children):
            return talks_code  # "agreed to RESTART TALKS": an intent to negotiate, no deal yet
        if x is None:
            x = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)  # fmt: skip
        return code if x is not None and x.lemma_.lower() not in vague else None

    def _asks_for_peace(self, x: Token) -> bool:
        """Whether what an asked act is done to speaks of ending violence: "implored Putin to stop THE
        SPIRAL OF VIOLENCE", "urged Zelensky to consider A QUICK CEASEFIRE", "urged Hamas to accept A
        PROPOSAL FOR A CEASEFIRE" (modality.yaml ``peace_words``, in the asked act's object); not "urged
        Israel to allow aid in amid the war"."""
        objects = [c for c in x.children if c.dep_ in ("dobj", "obj")]
        return any(t.lemma_.lower() in self.peace_words for o in objects for t in list(o.subtree)[:10])

    def _weapon_owner(self, tok: Token, passive: bool, sm: SentenceMentions) -> list[Mention]:
        """"RUSSIAN missiles hit Kyiv", "recent US Predator attacks have killed ...", "was hit BY an ISRAELI
        air strike": a weapon or an attack as the doer stands for the country its modifier names, or for
        whoever the text says fired it."""
        if passive:
            subj = next((g for c in tok.children if c.dep_ == "agent" for g in c.children
                         if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)  # fmt: skip
        else:
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "VERB")), None)
        if subj is None or any(m.code for m in sm.get(subj)):
            return []  # a named doer is no weapon ("drones" alone is a role with no country)
        # "US Predator attacks", "a U.S. AC-130 gunship": through the weapon's type or model name
        heads = [subj] + [c for c in subj.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        owner = next((found for h in heads if (found := self._owner_of(h, sm))), [])
        # "an air strike BY THE SAUDI-LED COALITION hit a prison": whose strike it was
        owner = owner or [m for g in prep_objects("by", [subj]) for m in sm.get(g) if m.code]
        # "an artillery shell FIRED BY MYANMAR'S MILITARY hit a camp": who fired it
        return owner or [m for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                         for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                         for m in sm.get(g) if m.code]  # fmt: skip

    def _aerial(self, tok: Token) -> bool:
        """Whether force is used from the air: by its doers ("WARPLANES struck", "struck by warships and
        JETS") or, as its means, in a phrase on the verb ("struck Iran in a wave of AIR strikes")."""
        # (a SUICIDE bomber is no aircraft: "gunmen and suicide bombers attacked the Bataclan")
        doers = [c for d in self._doers(tok) for c in conjuncts(d) if not any(g.lower_ == "suicide" for g in c.children)]
        words = self._subject_lemmas(tok) | {d.lemma_.lower() for d in doers}
        # "struck Iran's nuclear sites and killed its commander, IN A WAVE OF AIR STRIKES": the phrase may
        # hang on a verb coordinated with this one
        verbs = [tok, *(v for v in conjuncts(first_conjunct(tok)) if v.i != tok.i and not has_subject(v))]
        # "struck dozens of targets FROM THE AIR"
        words |= {t.lemma_.lower() for v in verbs for c in v.children
                  if c.dep_ == "prep" and c.lower_ in ("in", "with", "by", "from") for t in c.subtree}  # fmt: skip
        # "struck a Greek-flagged tanker WITH MISSILES", "struck a British oil tanker, the Marlin Luanda, WITH A
        # MISSILE": the parser may hang the means on the object or on its apposition
        words |= {t.lemma_.lower() for o in tok.children if o.dep_ in ("dobj", "npadvmod") for c in o.subtree
                  if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}  # fmt: skip
        if "suicide" in words:
            words.discard("bomber")  # "SUICIDE bombers and gunmen stormed the court": people, not aircraft
        return bool(words & self.aerial_doers)

    def _background_phrase(self, noun: Token) -> bool:
        """Whether a noun (or the first of the nouns it is coordinated with) is the object of an
        "after / before / since" phrase: "AFTER their historic summit", "after Pelosi's visit and the
        EXERCISES ...": the background of the reported act; so is what a response answers ("in
        retaliation FOR Washington's DECISION to increase duties"); and so is the act an "over" phrase
        gives as the reason ("sanctions OVER Moscow's SEIZURE of Crimea", "the toughest measures yet
        OVER Moscow's INVASION of Ukraine"), which the gold sets never code beside the news, and the topic
        an "about" phrase names ("complaints ABOUT China's SUPPORT for Russia")."""
        noun = first_conjunct(noun)
        return noun.dep_ == "pobj" and (
            _marked(noun, self.background_marks) or _answered(noun) or noun.head.lower_ in ("over", "about")
        )

    def _inside_background_phrase(self, noun: Token) -> bool:
        """Whether a noun stands deeper inside an "after / before / since" phrase, through prepositions and
        participles: "agreed to normalise relations AFTER a six-year rift caused by an Israeli commando
        RAID on a Gaza-bound aid ship"."""
        tok = noun
        for _ in range(8):
            if tok.dep_ in ("pobj", "prep", "agent", "compound", "conj", "appos") or (
                tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN"
            ):
                tok = tok.head
                if tok.pos_ in ("NOUN", "PROPN") and self._background_phrase(tok):
                    return True
                continue
            return False
        return False

    @staticmethod
    def _unnamed_person(obj: Token, sources: list[Mention], sm: SentenceMentions) -> list[Mention]:
        """A person the knowledge base does not know, named as the object of a state's act on people
        ("an Iranian court sentenced rapper TOOMAJ SALEHI to death"): a civilian of the doers' country,
        as CAMEO codes one. Only a proper name that is no place (the small tagger often takes a person's
        name for an organisation's), and only one doers' country."""
        countries = {m.country for m in sources}
        if (obj.pos_ != "PROPN" or obj.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or any(m.code for m in sm.get(obj))
                or len(countries) != 1 or None in countries):  # fmt: skip
            return []
        country = countries.pop()
        start = obj.left_edge.i
        # "OPPOSITION presidential hopeful Cristiana Chamorro": a role word before the name gives the sector
        roles = [m for i in range(start, obj.i) if (m := sm.sa.compose([i])) is not None and m.kind == "role"]
        sector = next((m.sector for m in roles if m.sector), "CVL")
        return [Mention(start, obj.i + 1, obj.i, sm.sa.doc[start : obj.i + 1].text, code=country + sector,
                        country=country, sector=sector, kind="role", name=obj.text, resolved_by="unnamed")]  # fmt: skip

    @staticmethod
    def _accident_toll(tok: Token, pats: list[Pattern]) -> bool:
        """Whether a violent verb is a participle telling the toll of an accident: "a jet CRASHED after
        take-off, KILLING all on board" (but "an employee crashed THE PARTY, killing ..." has an object)."""
        head = tok.head
        return (tok.dep_ == "advcl" and not has_subject(tok) and head.lemma_.lower() in ACCIDENT_VERBS
                and not any(c.dep_ in ("dobj", "obj") and c.ent_type_ not in ("DATE", "TIME") for c in head.children)
                and all(p.code[:2] in OWNED_SUBJECT_ROOTS for p in pats))  # fmt: skip

    def _told_beside_a_doer(self, tok: Token, sm: SentenceMentions) -> bool:
        """Whether the background act hangs on a clause whose doer is a state or its armed or political
        opponents: "Peru expelled Mexico's envoy, a day AFTER Mexico granted asylum to ...". The news is
        that actor's act, told or not; beside a clause with no such actor ("Tension rose AFTER Russian
        forces fired on three vessels", "Workers ran from the building after a gunman opened fire") the
        background act itself is the news."""
        clause = tok
        while clause.dep_ not in ("advcl", "relcl", "acl") and clause.head.i != clause.i:
            clause = clause.head
        main = clause_verb(clause.head)
        if main.i == tok.i or main.pos_ not in ("VERB", "AUX"):
            return False
        return any(m.code and (m.sector is None or m.sector in STATE_SECTORS | SIDES_OF_THE_STATE)
                   for m in self._subjects(main, is_passive(main), sm)[0])  # fmt: skip

    @staticmethod
    def _reduced_relative(tok: Token) -> bool:
        """Whether a verb the parser conjoined to an earlier one is a participle describing the noun right
        before it: "thanked Qatar for its help in securing the release of two American women HELD hostage"
        has no "and" or comma joining the two verbs."""
        if has_subject(tok):
            return False  # "... and its foreign ministry CONDEMNED": a clause of its own
        between = tok.doc[tok.head.i + 1 : tok.i]
        joined = any(t.dep_ == "cc" or t.lower_ in (",", ";") for t in between)
        return tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN") and not joined

    @staticmethod
    def _dated_from(tok: Token) -> bool:
        """Whether the act is what a state of affairs dates from: "under blockade SINCE Hamas SEIZED
        control in 2007", "split since 1974, when Turkish troops INVADED", "since the INVASION": history,
        never the news, even alone in its sentence."""
        tok = first_conjunct(tok)
        if tok.dep_ in ("acl", "relcl"):
            tok = first_conjunct(tok.head)
        return _marked(tok, ("since",))

    def _background_clause(self, tok: Token) -> bool:
        """Whether the verb (or the first verb it is coordinated with) heads an "after / before / since"
        clause: the background of the reported act; so is what such a clause reports ("hours after Israel
        SAID Iranian forces had FIRED rockets at its positions"), and what its verb tried or began to do
        ("hours after he TRIED TO DISSOLVE the legislature")."""
        tok = first_conjunct(tok)
        while tok.dep_ == "xcomp":
            tok = first_conjunct(tok.head)
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in self.reporting_verbs:
            tok = first_conjunct(tok.head)
        if tok.dep_ == "pcomp" and tok.head.lower_ in self.background_marks and tok.head.lower_ != "before":
            # "his first trip abroad SINCE TAKING power"; but the doer's next act, "opened fire on the
            # vessels BEFORE SEIZING them", is news (the gold sets code it)
            return True
        return tok.dep_ == "advcl" and _marked(tok, self.background_marks)

    def _decided(self, tok: Token, code: str) -> bool:
        """Whether an intended act is a coercive one agreed on, itself told as done: "the EU AGREED to
        impose sanctions" is the decision (163), not the threat (1312) an intent to impose would be; so is
        an agreement that settles what it is about (``decided_codes``: "agreed to restore diplomatic ties",
        "agreed to let aid convoys in")."""
        verb = first_conjunct(tok)
        if self._announced(verb, code):
            return True
        if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in self.decision_heads:
            return False
        threat = self._modal_code(code, mod.INTENDED)
        settled = code.startswith(self.decided_codes)  # "agreed to RESTORE diplomatic ties": 054 itself
        return (settled or bool(threat and threat.startswith("13") and not code.startswith("13"))) and (
            mod.assess(verb.head, self.cues) == mod.ASSERTED  # "WILL agree to impose" stays an intent
        )

    def _announced(self, verb: Token, code: str) -> bool:
        """Whether a cut in relations is announced as the state's own decision ("Russia SAID it WOULD EXPEL
        60 U.S. diplomats", "Israel announced that it would close its embassy in Dublin"): the gold sets code
        the act (``announced_codes``: 161, 160), taken when it is announced. A warning that it would is a
        threat (1313), and so are sanctions or strikes a state says it will impose (1312, 138)."""
        return (code.startswith(self.announced_codes) and verb.dep_ == "ccomp"
                and verb.head.lemma_.lower() in self.reporting_verbs
                and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll") for a in verb.children)
                and mod.assess(verb.head, self.cues) == mod.ASSERTED)  # fmt: skip

    def _cue_words(self, key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self.cues.get(key) or ())

    def _complement_code(self, x: Token | None, depth: int = 0) -> str | None:
        """The code of a complement clause's own act: its pattern's (refined) code, itself read through
        its own complement table one level down ("rallied to DEMAND that Kabila STEP DOWN": 1041), or
        for an act with no pattern the ``asked_acts`` entry."""
        if x is None:
            return None
        xpat = self._pattern_for(x)
        if xpat is None:
            return self._asked_code(x) or self._light_object_code(x)
        obj = self._object(x, is_passive(x))
        code = self._refine(xpat, xpat.code, x, obj)  # "would use NUCLEAR force": the object refines too
        if xpat.xcomp_table and depth == 0:
            inner = self._complement(x, "xcomp") or self._asked_act(x, obj, xpat)
            inner_code = self._complement_code(inner, 1)
            mapped = nearest_listed(self.code_tables[xpat.xcomp_table], inner_code) if inner_code else None
            code = str(mapped) if mapped else code
        return code

    def _clash_party(self, tok: Token, sm: SentenceMentions) -> list[Mention]:
        """Who did an agentless passive killing, told by the fight or strike it happened in: "twenty Indian
        soldiers were killed IN A CLASH WITH Chinese troops" (the other side of the fight), "was killed IN
        AN ISRAELI STRIKE on his residence", "killed in an air strike BY SYRIAN GOVERNMENT FORCES" (the
        strike's owner or doer)."""
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ not in ("in", "during"):
                continue
            for cause in (g for g in p.children if g.dep_ == "pobj"):
                lemma = cause.lemma_.lower()
                if lemma in self.clash_words:
                    found = [m for g in prep_objects("with", [cause]) for m in sm.get(g) if m.code]
                elif lemma in self.weapon_words:
                    found = self._owner_of(cause, sm) or [m for g in prep_objects("by", [cause])
                                                          for m in sm.get(g) if m.code]  # fmt: skip
                else:
                    continue
                if found:
                    return [self._armed_owner(m, sm) for m in found]
        return []

    def _toll_victims(self, tok: Token, sm: SentenceMentions) -> list[Mention]:
        """The people a violent act's toll names ("two bombs tore through a cathedral ..., KILLING AT LEAST
        20 PEOPLE"): whom an act with no target of its own hit."""
        return [m for c in tok.children if self._told_result(c) for o in c.children if o.dep_ in ("dobj", "obj")
                for m in sm.get(o) if m.code]  # fmt: skip

    def _when_doer(self, tok: Token, sm: SentenceMentions) -> list[Mention]:
        """The armed doer of the "when" clause an agentless passive killing happened in: "23 Egyptian soldiers
        were killed WHEN ISLAMIC STATE MILITANTS stormed army checkpoints", "were killed when MILITANTS
        rammed an explosives-laden truck into an army post". A crash, a driver or a crowd is no armed doer."""
        for clause in (c for c in tok.children if c.dep_ == "advcl" and not is_passive(c)):
            if not any(m.lower_ == "when" for m in clause.children if m.dep_ in ("advmod", "mark")):
                continue
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            doers = [m for m in sm.get(subject) if m.code and (armed_group(m) or m.sector in ARMED_SECTORS)]
            if doers:
                return doers
            pat = self._pattern_for(clause)  # "when an ISRAELI TANK fired at ...", not "when their helicopter crashed"
            return self._weapon_owner(clause, False, sm) if pat and pat.code[:2] in UNATTRIBUTED_ROOTS else []
        return []

    def _armed_owner(self, m: Mention, sm: SentenceMentions) -> Mention:
        """A country named on a weapon or strike that did the violence ("a U.S. drone STRIKE", "RUSSIAN
        missiles", "an Israeli air strike") is its military, as CAMEO coders code it; other sources stay."""
        if m.sector or not m.country or m.kind == "org" or not 0 <= m.head < len(sm.sa.doc):
            return m  # a group or body ("an ISLAMIC STATE suicide bomber") keeps its own code
        head = sm.sa.doc[m.head]
        if head.dep_ in ("amod", "compound", "nmod", "poss"):
            head = head.head  # the mention is the modifier ("ISRAELI"); the weapon is what it modifies
            while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
                head = head.head  # "a U.S. AC-130 GUNSHIP": through the model's name to the weapon
        if head.lemma_.lower() not in self.weapon_words:
            return m
        return m.as_sector("MIL")

    @staticmethod
    def _phrase_scene(verb: Token, sm: SentenceMentions) -> str | None:
        """Country of a town or capital an "in / at" phrase names anywhere in a clause's own phrases (not in
        a clause inside it): "held talks with Berdimuhamedov IN ASHGABAT" hangs the place on the person."""
        for t in verb.subtree:
            if t.dep_ != "pobj" or t.head.lower_ not in ("in", "at"):
                continue
            path, cur = [], t
            while cur.i != verb.i and cur.head.i != cur.i:
                path.append(cur.dep_)
                cur = cur.head
            if cur.i != verb.i or any(d in ("relcl", "advcl", "ccomp", "acl", "xcomp", "conj") for d in path):
                continue
            kinds = {m.kind for m in sm.get(t) if m.head == t.i}
            if t.ent_type_ in ("GPE", "LOC", "FAC") or kinds & {"capital", "place"}:
                country, _ = place_country(sm.sa, t)
                if country:
                    return country
        return None

    def _unknown_doer(self, m: Mention, sm: SentenceMentions) -> Mention:
        """Civilians named only as men who do violence are unidentified armed men (UAF): "MEN dressed in
        army uniforms killed 60 civilians", "snatched by masked MEN" (``unknown_doers``, modality.yaml)."""
        if m.sector != "CVL" or m.kind != "role" or not 0 <= m.head < len(sm.sa.doc):
            return m
        return m.as_sector("UAF") if sm.sa.doc[m.head].lemma_.lower() in self.unknown_doers else m

    def _weapon_subject(self, tok: Token, sm: SentenceMentions) -> bool:
        """Whether an active verb's subject is a weapon or attack that names no actor ("a car BOMB
        killed", "a suicide BLAST ripped through"): a ``violent_causes`` word (modality.yaml)."""
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if subj is None or sm.get(subj):
            return False  # people ("troops", "gunmen"), coded or not, are the actors' business
        return self._violent_word(subj)

    def _projectile_subject(self, tok: Token) -> bool:
        """Whether an active verb's subject is a weapon fired from afar ("a MISSILE struck a village")."""
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in self.projectiles for c in tok.children)

    def _fold_results(self, found: list[Found]) -> list[Found]:
        """Fold ", KILLING three civilians" into the violent act it is the toll of ("shelled the town,
        killing ..."): one event, not two. The victims become the act's target when it has none."""
        out = []
        coded = {g.trigger.i for g in found}
        for f in found:
            if self._told_outcome(f.trigger) and f.trigger.head.i in coded:
                continue  # "captured Gbagbo, ENDING a standoff": what the capture brought about
            if not self._told_result(f.trigger):
                out.append(f)
                continue
            acts = [g for g in found if g.trigger.i == f.trigger.head.i and g.source.code == f.source.code]
            victims = f.trigger.doc[f.target.start : f.target.end] if f.target is not None else []
            named = any(t.ent_type_ in ("NORP", "GPE") for t in victims)  # "nine TURKISH activists"
            if named and any(g.target is not None and g.target.country and g.target.country != f.target.country
                             for g in acts):  # fmt: skip
                # "stormed a Gaza-bound flotilla, killing nine TURKISH activists": other victims; "a car
                # bomb outside the Jordanian embassy in Baghdad, killing 11 PEOPLE" is the bomb's toll
                acts = []
            if not acts:
                out.append(f)
            for g in acts:
                # the victims name whom the act hit when the act names no one, names the doer itself (a
                # self-event, dropped later) or names only their country, town or premises ("shelled Homs,
                # killing 200 people": Syrian civilians; "struck the main railway STATION in Volgograd,
                # killing 16 people": RUSCVL, not the station read as Russia)
                if f.target is not None and (
                    g.target is None or g.target.code == g.source.code
                    or (g.target.kind in ("country", "place") and g.target.country and f.target.sector)
                ):  # (a body's premises read as its ground, "the United Nations compound", keep their owner)
                    victim = f.target
                    if not named and g.target is not None and g.target.kind in ("country", "place") and g.target.country:
                        # "shot down a UKRAINIAN airliner near Tehran, killing all 176 PEOPLE on board": the
                        # victims unnamed are of the country the act hit, not of the place it happened
                        victim = replace(victim, country=g.target.country, code=g.target.country + (victim.sector or ""))
                    g.target = victim
                    g.how.append("toll")
                elif (f.target is not None and f.target.sector == "CVL" and g.code == "190" and g.target is not None
                      and g.target.sector not in ARMED_SECTORS
                      and (g.source.sector in NON_STATE_ARMED or armed_group(g.source))):  # fmt: skip
                    # "gunmen stormed the United Nations compound, killing 13 PEOPLE": armed men's attack
                    # on no armed force that killed civilians is an attack on civilians (180), aimed where it
                    # was aimed
                    g.code = "180"
                    g.how.append("toll")
        return out

    def _judged_act(self, noun: Token) -> bool:
        """Whether an act noun is what a judging verb is about ("condemned Syria's CRACKDOWN", "a
        resolution condemning the CRACKDOWN", "apologized FOR the killings"): background, not news. A
        setting ("told Putin IN a phone call", "apologized DURING a visit") is not what it judges."""
        cur = noun
        if _answered(cur):
            return True  # "in protest AT the Israeli offensive", "in retaliation FOR the strikes"
        for _ in range(2):  # "opened an inquiry INTO the killings": through the object it names
            if cur.dep_ == "pobj" and cur.head.lower_ in JUDGED_PREPS:
                cur = cur.head.head
            elif cur.dep_ in ("dobj", "obj"):
                cur = cur.head
            else:
                return False
            if cur.pos_ == "VERB":
                pat = self._pattern_for(cur)
                return pat is not None and pat.code.startswith(self.judging_roots)
        return False

    def _told_result(self, tok: Token) -> bool:
        """Whether ``tok`` is ", KILLING ..." after a violent act: a comma participle of
        ``result_verbs`` (modality.yaml) under a verb whose pattern is violent (18-20)."""
        if not _comma_participle(tok):
            return False
        if tok.lemma_.lower() not in self.result_verbs or any(c.dep_ == "nsubj" for c in tok.children):
            return False
        main = self._pattern_for(tok.head) if tok.head.i != tok.i else None
        return main is not None and main.code[:2] in UNATTRIBUTED_ROOTS

    def _told_outcome(self, tok: Token) -> bool:
        """Whether ``tok`` is ", ENDING a standoff" after another act: a comma participle of
        ``outcome_verbs`` (modality.yaml) with no subject of its own."""
        return _comma_participle(tok) and tok.lemma_.lower() in self.outcome_verbs and not has_subject(tok)

    def _light_object_code(self, x: Token) -> str | None:
        """The code of the act a light verb's object names ("to CARRY OUT air STRIKES" -> the strike's
        190), for a complement whose verb has no pattern of its own."""
        if not self.patterns.is_light(x):
            return None
        obj = next((c for c in x.children if c.dep_ in ("dobj", "obj")), None)
        pat = self._noun_pattern(obj) if obj is not None else None
        return self._refine(pat, pat.code, obj, None) if pat is not None else None

    def _asked_code(self, x: Token | None) -> str | None:
        """The code of an asked act that is no event on its own ("demanded that Assad STEP DOWN",
        "urged Israel to HALT settlement building"): ``asked_acts`` in modality.yaml, by the verb with
        its particle, then by the verb alone."""
        if x is None:
            return None
        acts = self.cues.get("asked_acts") or {}
        lemma = x.lemma_.lower()
        prt = particle(x)  # "hand OVER 18 suspects" with "over" parsed as a quantifier
        found = acts.get(f"{lemma} {prt}") if prt else None
        if not found and lemma not in acts and self.patterns.is_light(x):
            # "urged Mubarak to BEGIN an orderly TRANSITION of power": the light verb's object is the act
            obj = next((c for c in x.children if c.dep_ in ("dobj", "obj")), None)
            found = acts.get(obj.lemma_.lower()) if obj is not None else None
        return str(found) if found else (str(acts[lemma]) if lemma in acts else None)

    @staticmethod
    def _asked_act(tok: Token, obj: Token | None, pat: Pattern) -> Token | None:
        """The act an appeal, demand or rejection is about when it is not the verb's to-clause: the
        that-clause of a verb whose target is that clause's subject ("demanded that Russia RELEASE
        Griner"), else the to-clause on its object ("rejected an offer TO MEDIATE", "rejected calls
        TO LIFT sanctions"), else a to-clause with a subject of its own ("allowed the UN TO DELIVER aid")."""
        if "ccomp_subj" in pat.target:
            clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
            if clause is not None:
                return clause
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            act = next((c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB"
                        and is_to_infinitive(c)), None)  # fmt: skip
            if act is not None:
                return act
        # "allowed the UN TO DELIVER aid": the parser gives the to-clause its own subject (control_subject)
        return next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i
                     and is_to_infinitive(c)), None)  # fmt: skip

    @staticmethod
    def _active_frame(tok: Token, pats: list[Pattern]) -> bool:
        """Whether a participle shows an active verb's frame: a direct object, or the particle one of
        its patterns asks for ("called ON Arabs"). "Three soldiers killed in an attack" shows neither
        and stays a passive."""
        if any(c.dep_ == "agent" for c in tok.children):
            return False
        if any(c.dep_ in ("dobj", "obj") for c in tok.children):
            return True
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")}
        return any(p.preps & preps for p in pats)

    # ------------------------------------------------------------------ nouns
    def _noun(self, tok: Token, sm: SentenceMentions) -> list[Found]:
        pat = self._noun_pattern(tok)
        if pat is None or self._judged_act(tok):
            return []
        piece = sm.sa.by_token.get(tok.i)
        if piece is not None and piece.end - piece.start > 1 and piece.kinds() & {"role", "institution"}:
            return []  # "RIOT police", "PROTEST movement": part of an actor's name, not an act
        if any(c.dep_ == "amod" and c.lemma_.lower() in PAST_RECORD_WORDS for c in tok.children):
            return []  # "Gray has four PRIOR arrests", "PREVIOUS sanctions": a record, not news
        if tok.lemma_.lower() in self.subject_only_nouns and tok.dep_ not in ("nsubj", "nsubjpass"):
            return []  # "the ceasefire that ended 11 days of FIGHTING between Israel and Hamas"
        status = mod.assess(tok, self.cues)
        code = self._modal_code(pat.code, status)
        if code is None:
            return []
        how = ["nominal"] + ([] if status == mod.ASSERTED else ["intended"])
        if self._background_phrase(tok) or self._inside_background_phrase(tok):
            how += ["background", "earlier"]  # "praised them AFTER their historic summit": what led to the news
            if self._dated_from(tok):
                how.append("past")
        elif self._background_clause(clause_verb(tok)):
            how += ["background", "earlier"]  # "... AFTER Gulf states withdrew their envoys over Assad's CRACKDOWN"
        if "earlier" in how and self._told_beside_a_doer(tok, sm):
            how.append("aside")
        code = self._refine_in_mode(pat, code, status, tok, None)  # "PEACE talks between A and B": 046
        if isinstance(pat.mutual, str):
            # "the signing of a peace accord BETWEEN Nyusi and Momade": the phrase may hang on the "of" object
            pair = [m for p in prep_objects(pat.mutual, [tok, *prep_objects("of", [tok])]) for m in sm.get(p) if m.code]
            if len(pair) >= 2:
                f = self._pairs(tok, pat, code, pair, [], how, sm)
                if f:
                    return f
        if pat.mutual and tok.dep_ == "conj" and tok.lower_.endswith("ing"):
            # "with Zhang Youxia ... and counterpart Sergei Shoigu MEETING at a forum": the parser reads
            # the absolute gerund as a noun conjoined to the first party, the second as its modifier
            pair = [m for q in conjuncts(tok.head) if q.i != tok.i for m in sm.get(q) if m.code and m.head == q.i]
            pair += [m for c in tok.children if c.dep_ in ("compound", "poss") for m in self._modifier_actor(c, sm)]
            if len(pair) >= 2:
                f = self._pairs(tok, pat, code, pair, [], how, sm)
                if f:
                    return f
        sources: list[Mention] = []
        for spec in pat.source:
            if spec.startswith("prep:"):
                cands = [m for p in prep_objects(spec[5:], [tok]) for m in sm.get(p)]
            else:
                cands = []
                for c in tok.children:
                    if c.dep_ == spec:
                        cands.extend(self._modifier_actor(c, sm))
            sources = [m for m in cands if m.code]
            if sources:
                break
        if pat.code[:2] in UNATTRIBUTED_ROOTS:
            sources = [self._armed_owner(m, sm) for m in sources]  # "an ISRAELI air STRIKE"
        light = False
        slot = tok
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
            is_series(tok.head.head) or tok.head.head.lemma_.lower() in EFFORT_HEADS
        ):
            # "began 10 DAYS of joint exercises", "held two ROUNDS of talks", "a CAMPAIGN of ethnic cleansing"
            slot = tok.head.head
        elif is_measured(tok):
            slot = tok.head.head  # "announced $1 BILLION in military aid"
        # "workers walked off the job IN a nationwide STRIKE", "used sarin IN three ATTACKS"; the phrase
        # may hang on the verb's object instead ("launched a missile IN DEFIANCE of UN sanctions")
        # "told Putin IN A PHONE CALL"; "A and B agreed AT TALKS in Moscow" (two parties: see below)
        carrier = tok.head if tok.dep_ == "pobj" and (
            tok.head.lower_ in ("in", "during", "at") or (tok.head.lower_ == "on" and pat.code in VISIT_CODES)
        ) else None  # "held talks in Ashgabat ON his first foreign TRIP"  # fmt: skip
        if carrier is not None and carrier.head.dep_ in ("dobj", "obj") and carrier.head.head.pos_ == "VERB":
            carrier = carrier.head
        # a visitor "held talks" or "was in Beijing" on a visit; only the victim of what befell him does not visit
        undergoing = VISIT_VICTIM_VERBS if pat.code in VISIT_CODES else self.undergoing_verbs
        in_act = carrier is not None and (
            carrier.head.pos_ == "VERB" and carrier.head.lemma_.lower() not in undergoing
            and carrier.head.dep_ not in ("relcl", "acl", "amod") and not is_passive(carrier.head)
        )  # fmt: skip
        if in_act:
            slot = carrier
        if slot.head.lemma_.lower() in NAMING_VERBS and (slot.dep_ == "oprd" or any(
            c.dep_ in ("dative", "dobj", "oprd") and c.i != slot.i for c in slot.head.children
        )):
            return []  # "declaring THEM a threat": what they are said to be, not an act
        if not sources and (behind := _blamed_doer_verb(slot)) is not None:
            # "Hezbollah WAS BEHIND the attack", "Russia WAS RESPONSIBLE FOR the strike on a hospital": the act
            # is the subject's, told as a fact (a "said" around it is a reported event, coded as the act)
            doers = self._clause_doers(behind, how, sm)
            if doers is None:
                return []
            sources = [self._armed_owner(m, sm) for m in doers] if pat.code[:2] in UNATTRIBUTED_ROOTS else doers
        if not sources and (in_act or slot.dep_ in ("dobj", "obj")) and (
            in_act or self.patterns.is_light(slot.head)
        ):
            # "Serbia lodged a protest with Albania": the light verb's subject is the source
            verb = slot.head
            doers = self._clause_doers(verb, how, sm)  # "staged a rally": as sure as a verb trigger, nearly
            if doers is None:
                return []
            sources = doers
            if not sources and pat.code[:2] in OWNED_SUBJECT_ROOTS:  # "ISRAELI warplanes carried out strikes"
                sources = [self._armed_owner(m, sm) for m in self._weapon_owner(verb, False, sm)]
            light = True
            if carrier is not None and carrier.lower_ == "at":
                # "A and B agreed on a ceasefire AT TALKS in Minsk": talks between the verb's two parties,
                # as sure as the verb (not the agreement's aim). One party's act at a summit ("Trump
                # chided Germany AT A NATO SUMMIT") has the summit for its venue; "pledged to deepen
                # ties at talks" does not tell whether the talks are the pledge's
                if len(sources) < 2 or mod.assess(verb, self.cues) != mod.ASSERTED:
                    return []
                code = self._refine_in_mode(pat, pat.code, mod.ASSERTED, tok, None)
                how[:] = [h for h in how if h != "intended"]
        if not sources:
            return []
        targets: list[Mention] = []
        for spec in pat.target:
            targets = [m for m in self._target_spec(spec, tok, None, False, sm) if m.code]
            if not targets and light and not in_act:  # "staged rallies in Gaza AGAINST Abbas": the phrase hangs on the verb
                targets = [m for m in self._target_spec(spec, slot.head, slot, False, sm) if m.code]
            if targets:
                break
        if not targets and in_act and pat.code in VISIT_CODES:
            # "held talks with Berdimuhamedov IN ASHGABAT, on his first foreign trip": the visit is to where
            # the act it frames took place
            country = self._scene_country(slot.head, sm) or self._phrase_scene(slot.head, sm)
            if country:
                targets = [self._country_place(tok.i, tok.i + 1, tok.i, tok.text, country, "scene")]
                how.append("fallback")
        if not targets and in_act and pat.code not in VISIT_CODES:
            # "told Putin IN A PHONE CALL", "warned Xi during a video call": the verb's addressee (a visit is to
            # a place, never to the person met on it)
            verb = slot.head
            addressees = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            targets = [m for c in addressees for m in sm.get(c) if m.code and all(m.code != s.code for s in sources)]
        if not targets and pat.code[:2] in UNATTRIBUTED_ROOTS:
            # "carried out an attack THAT KILLED 20 AFGHAN SOLDIERS": the toll a relative clause tells
            targets = [m for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in self.result_verbs
                       for o in c.children if o.dep_ in ("dobj", "obj") for m in sm.get(o) if m.code]  # fmt: skip
        if not targets and pat.target:
            # "issued a stern reminder Saturday TO IRAQ", "Palestinian riots AGAINST Israeli military
            # policies": the party the act bears on, hanging on the noun or on its light verb
            verb, noun = (slot.head, slot) if light and not in_act else (tok, None)
            targets = self._fallback_targets(verb, pat, noun, False, sources, sm, nominal=True)
            if not targets and light and not in_act:
                targets = self._purpose_targets(verb, sources, sm)
            if targets:
                how.append("fallback")
        # a bare nominal ("US sanctions") needs its target unless the noun is an act on its own
        # ("Palestinian riots") or a light verb made it one ("staged a protest")
        # "had trade ties with China during an official MEETING": an act noun read off its verb needs
        # its own target unless it stands alone by nature
        solo = not targets and pat.alone != "never" and (pat.alone == "any" or (light and not in_act))
        if code in TERRITORY_CODES and not any(t.kind in ("place", "country", "capital") for t in targets):
            return []  # "the capture of two Russian SOLDIERS": people taken, not ground
        return self._pairs(tok, pat, self._people_code(code, targets), sources, targets, how, sm, solo=solo)

    def _clause_doers(self, verb: Token, how: list[str], sm: SentenceMentions) -> list[Mention] | None:
        """The coded subjects of the clause a noun trigger's act is told in ("Serbia LODGED a protest",
        "Hezbollah WAS BEHIND the attack"), with the path tagged as read off that clause; None when the
        clause is not told as done, intended or conditional (negated, hypothetical, a question)."""
        if mod.assess(verb, self.cues) not in (mod.ASSERTED, mod.INTENDED, mod.CONDITIONAL):
            return None
        subj, inherited = self._subjects(verb, False, sm)
        how[0] = "light"
        if inherited:
            how.append("inherited")
        return [m for m in subj if m.code]

    def _people_code(self, code: str, targets: list[Mention]) -> str:
        """The code an act has when it is done to persons only ("released AUNG SAN SUU KYI" is 0841, not
        property returned; "the capture of two SOLDIERS" is an arrest, not territory taken)."""
        people_code = (self.cues.get("people_codes") or {}).get(code)
        if people_code and targets and all(t.kind in ("person", "role") for t in targets):
            return str(people_code)
        return code
