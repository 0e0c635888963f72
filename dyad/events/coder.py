"""The event coder: parsed sentences -> CAMEO events between resolved actors.

For each parsed sentence the coder (1) composes every noun phrase into an actor mention and resolves
surnames, titles and pronouns against the article so far (:mod:`dyad.actors.coref`); (2) finds
trigger verbs and nouns from the pattern data; (3) reads the trigger's source and target off the
dependency parse — subject / passive agent, direct or indirect object, prepositional objects, places
(whose country becomes the target), owners of an object ("praised Russia's efforts"), coordinated
actors on either side, subjects inherited through xcomp/conj/advcl/relative clauses; (4) decides
modality (negated and hypothetical events are dropped, announced ones become intent 03x); and (5)
fills date and place from :mod:`dyad.when` / :mod:`dyad.where` when those are installed.

Sentences the prefilter rejected (``doc is None``) are still read for coreference.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token

from dyad.actors.coref import ArticleContext, load_coref_config
from dyad.actors.knowledge import KnowledgeBase, default_dictionary_dir, default_kb
from dyad.actors.mentions import EXTRA_ROLE_HEADS, Mention, SentenceActors, load_generic_roles, place_country
from dyad.events import modality as mod
from dyad.events.patterns import Pattern, PatternSet, load_patterns
from dyad.records import Event, Location

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z]+")
SERIES = {"series", "number", "set", "pair", "raft", "slew", "range", "package", "host", "couple", "batch",
          "scores", "score", "dozens", "hundreds", "thousands", "millions", "tens",
          "ton", "tons", "tonne", "tonnes", "worth", "amount", "shipment", "consignment", "dollar", "dollars"}  # fmt: skip
OBJECT_CONTROL = {"urge", "ask", "persuade", "press", "pressure", "invite", "call", "force", "allow", "encourage",
                  "help", "push", "tell", "order"}  # fmt: skip
# Verbs whose object is the doer of their "for/of + -ing" complement
PCOMP_OBJECT_CONTROL = {"thank", "praise", "accuse", "blame", "criticize", "criticise", "condemn", "congratulate",
                        "punish", "sanction", "commend", "credit", "fault", "suspect", "charge", "hail"}  # fmt: skip
# Roots whose events between two actors of one country are worth keeping (arrests, protests, fights ...)
DOMESTIC_ROOTS = {"09", "10", "11", "12", "13", "14", "15", "17", "18", "19", "20"}
MEETING_CODES = {"040"}
# Violent roots coded to unidentified armed forces when the passive names no doer (coder._unattributed)
UNATTRIBUTED_ROOTS = {"18", "19", "20"}
# Prepositions after a verb or its object whose object is the party an act bears on (coder._fallback_targets)
AFTER_OBJECT_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "over", "from", "at", "into")
# What people live in: "shelled IRAQI towns", "demolished PALESTINIAN homes" are acts on civilians (CVL);
# "Albanian rebel-held territory" or "Syrian positions" are not
CIVILIAN_PLACES = {"town", "village", "city", "home", "house", "neighborhood", "neighbourhood", "suburb",
                   "building", "school", "hospital", "market", "street", "settlement", "district", "hamlet",
                   "residence", "apartment", "mosque", "church", "shop"}  # fmt: skip
MILITARY_PLACES = {"base", "airbase", "position", "positions", "front", "frontline", "outpost", "headquarters",
                   "garrison", "camp", "stronghold", "territory", "border", "frontier", "embassy", "consulate",
                   "palace"}  # fmt: skip
LAND_PLACES = {"region", "province", "state", "country", "nation", "republic", "oblast", "county", "area",
               "zone", "island", "islands", "peninsula", "coast", "soil", "waters", "sea", "strait", "valley",
               "mountains", "hills", "gulf", "capital"}  # fmt: skip
# Smallest city a place target may name: tagged as a place by the NER, or not ("attacked Grozny")
PLACE_MIN_POPULATION = 10_000
UNTAGGED_PLACE_MIN_POPULATION = 200_000
# Roots of force and coercion whose place or property targets stand for the people there (coder._civilian)
CIVILIAN_TARGET_ROOTS = {"17", "18", "19", "20"}
# "in protest against X", "in retaliation for X": nouns whose phrase names what an act answers
RESPONSE_NOUNS = {"protest", "retaliation", "response", "reprisal", "revenge", "opposition", "solidarity"}
SCENE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "on"}


@dataclass(slots=True)
class Found:
    """An event before it is turned into an :class:`Event` (token-level)."""

    trigger: Token
    pattern: Pattern
    code: str
    source: Mention
    target: Mention | None  # None: a one-sided event ("protesters rallied", "X agreed to a ceasefire")
    how: list[str] = field(default_factory=list)  # evidence for the confidence score


class SentenceMentions:
    """Resolved mentions of one sentence, cached per phrase head, resolved in reading order."""

    def __init__(self, sa: SentenceActors, ctx: ArticleContext, index: int) -> None:
        self.sa, self.ctx, self.index = sa, ctx, index
        self.cache: dict[int, list[Mention]] = {}
        self.plural_pronouns = frozenset(load_coref_config().get("plural_pronouns", []))

    def prime(self) -> None:
        """Resolve every noun phrase left to right so that pronouns see the persons before them."""
        for tok in self.sa.doc:
            if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ not in (
                "compound", "amod", "nmod", "conj", "appos", "det", "nummod", "flat", "case"
            ):  # fmt: skip
                self.get(tok)

    def get(self, tok: Token) -> list[Mention]:
        if tok.i in self.cache:
            return self.cache[tok.i]
        out: list[Mention] = []
        for m in self.sa.mentions_for(tok):
            if m.kind == "pronoun" and m.plural and tok.lower_ in self.plural_pronouns:
                earlier = [x for i, ms in self.cache.items() for x in ms
                           if self.sa.doc[i].dep_ in ("nsubj", "nsubjpass", "dobj", "dative")]  # fmt: skip
                out.extend(self.ctx.resolve_plural(m, self.index, earlier))
                continue
            if m.kind == "pronoun" and not m.plural:
                reporter = self._reporting_subject(tok)
                if reporter is None:
                    reporter = self._own_subject(tok)
                if reporter is not None:
                    out.extend(replace(r, start=m.start, end=m.end, head=m.head, text=m.text, resolved_by="pronoun")
                               for r in reporter)  # fmt: skip
                    continue
            m = self.ctx.resolve(m, self.sa, self.index)
            self.ctx.observe(m, self.index, subject=tok.dep_ in ("nsubj", "nsubjpass"))
            out.append(m)
        if tok.lower_ not in self.plural_pronouns:
            self.ctx.observe_group(out, self.index, tok.i, subject=tok.dep_ in ("nsubj", "nsubjpass"))
        self.cache[tok.i] = out
        return out


    def _own_subject(self, tok: Token) -> list[Mention] | None:
        """"Novy said the Troy man shot HIS former co-workers": a possessive "his"/"her" belongs to the
        noun-phrase subject of its own clause; when that subject is no coded person the pronoun stays
        unresolved ([]), rather than taking the last person named."""
        if tok.dep_ != "poss" or tok.lower_ not in ("his", "her"):
            return None
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            return None
        found = [m for m in self.get(subj) if m.code]
        if len(found) == 1 and (found[0].kind == "person" or (found[0].kind == "role" and not found[0].plural)):
            return found
        return []

    def _reporting_subject(self, tok: Token) -> list[Mention] | None:
        """"Japan said IT had halted aid": the subject pronoun of a reported clause is the reporter,
        when the reporter is a coded actor of the same kind (a country/organisation for "it", a
        person for "he"/"she")."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
            return None
        verb = tok.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i >= tok.i:
            return None
        found = [m for m in self.get(subj) if m.code]
        if len(found) != 1:
            return None
        person = found[0].kind == "person" or (found[0].kind == "role" and not found[0].plural)
        if (tok.lower_ == "it") == person:
            return None
        return found


class Coder:
    """Codes events from parsed articles. Construct once; thread-safe for reading."""

    def __init__(self, kb: KnowledgeBase | None = None, codebook: Any = None,
                 patterns: PatternSet | None = None) -> None:  # fmt: skip
        self.kb = kb or default_kb()
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
        self.generic_roles = load_generic_roles()
        self._date_for_event = _optional("dyad.when", "date_for_event")
        self._place_for_event = _optional("dyad.where", "place_for_event")
        self._gazetteer = _optional("dyad.where", "load_gazetteer")

    # ------------------------------------------------------------------ prefilter
    def could_hold_event(self, sentence_text: str) -> bool:
        """Cheap test on raw text: a trigger word form (with its object for light verbs) and an actor cue."""
        words = set(_WORD.findall(sentence_text.lower()))
        if not self.patterns.sentence_has_trigger(words):
            return False
        return self.kb.has_cue(sentence_text) or self._has_name(sentence_text)

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
        sa = SentenceActors(doc, self.kb, date, self.generic_roles)
        sm = SentenceMentions(sa, ctx, index)
        sm.prime()
        out: list[Found] = []
        consumed: set[int] = set()  # nouns coded through their verb ("held talks")
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                out.extend(self._verb(tok, sm, consumed))
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                out.extend(self._noun(tok, sm))
        return self._dedupe(out)

    # ------------------------------------------------------------------ verbs
    def _verb_patterns(self, tok: Token) -> list[Pattern] | None:
        """Patterns of a verb token by its lemma, or by its inflected form when the tagger's lemma is
        off ("staged" lemmatised as "stag")."""
        pats = self.patterns.verbs.get(tok.lemma_.lower())
        if pats is None and tok.lemma_.lower() not in self.patterns.form_lemma:
            lemma = self.patterns.form_lemma.get(tok.lower_)
            pats = self.patterns.verbs.get(lemma) if lemma else None
        return pats

    def _verb(self, tok: Token, sm: SentenceMentions, consumed: set[int]) -> list[Found]:
        pats = self._verb_patterns(tok)
        if not pats:
            return []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        obj = self._object(tok, passive)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
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
        code = self._modal_code(pat.code, status)
        if code is None:
            return []
        how = [] if status == mod.ASSERTED else ["intended"]
        if tok.dep_ in ("acl", "relcl") or tok.head.dep_ in ("acl", "relcl"):
            how.append("background")  # "property seized by the army", "a helicopter that was captured"
        elif tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            how.append("purpose")  # "started a hunger strike TO PROTEST ...": the act done ranks first
        elif tok.dep_ == "conj":
            how.append("second")  # the act reported first is the headline; a later conjunct ranks below
        sources, inherited = self._subjects(tok, passive, sm)
        if inherited:
            how.append("inherited")
        sources = [s for s in sources if s.code]
        targets: list[Mention] | None = None
        if not sources and passive and pat.code[:2] in UNATTRIBUTED_ROOTS:
            # "Three US servicemen were killed by a roadside bomb outside Basra": violence with no named
            # doer is coded, as in CAMEO, to unidentified armed forces (UAF) of the country it happened in
            targets = self._targets(tok, pat, obj, passive, sm)
            sources = self._unattributed(tok, targets, sm)
            if sources:
                how.append("unattributed")
        if not sources:
            return []
        if targets is None:
            targets = self._targets(tok, pat, obj, passive, sm)
        if not targets and pat.target:
            targets = self._fallback_targets(tok, pat, obj, passive, sources, sm)
            if targets:
                how.append("fallback")
        solo = not targets and self._may_stand_alone(pat, tok, obj, passive, sm)
        code = self._refine(pat, code, tok, obj)
        if pat.xcomp_codes and code == pat.code:
            x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            xpat = self._pattern_for(x) if x is not None else None
            mapped = dict(pat.xcomp_codes).get(xpat.code[:2]) if xpat is not None else None
            if mapped is None and pat.xcomp_only:
                return []
            code = mapped or code
        return self._pairs(tok, pat, code, sources, targets, how, sm, solo=solo)

    def _fallback_targets(self, tok: Token, pat: Pattern, obj: Token | None, passive: bool,
                          sources: list[Mention], sm: SentenceMentions, nominal: bool = False) -> list[Mention]:  # fmt: skip
        """Where the pattern's own target slots found nobody, the first actor after the verb that the
        act plainly bears on: the owner or nationality of the object ("shelled ALBANIAN rebel-held
        territory", "seized ISRAEL's ships"), an after-object preposition ("boycott the talks WITH
        Israel", "price caps on RUSSIAN oil"), and for violence a place object standing for its
        country ("attacked Grozny")."""
        taken = {i for m in sources for i in range(m.start, m.end)}

        def ok(ms: list[Mention]) -> list[Mention]:
            return [m for m in ms if m.code and m.head not in taken and all(m.code != s.code for s in sources)]

        def actor_or_owner(t: Token, depth: int = 0) -> list[Mention]:
            found = ok(sm.get(t))
            if found or t.lemma_.lower() in SERIES:
                return found
            owners = [c for c in t.children if c.dep_ == "poss"]
            found = ok([m for o in owners for m in sm.get(o)])
            if not found:  # "Karen guerrilla stronghold": a group phrase used as a modifier
                found = ok(self._modifier_phrase(t, sm))
            if not found:
                found = ok([m for c in t.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
                            for m in self._modifier_actor(c, sm)])  # fmt: skip
            if not found:  # "rebel-held territory" of "Albanian": one level down the modifier
                found = ok([m for c in t.children if c.dep_ == "amod" for g in c.children
                            if g.dep_ in ("amod", "compound", "npadvmod") for m in self._modifier_actor(g, sm)])  # fmt: skip
            if not found and depth == 0:
                # "denounced as an ugly crime SERBIA's suppression": the apposition names what is meant;
                # "captured part OF a Karen guerrilla stronghold": the whole a part belongs to
                found = [m for c in t.children if c.dep_ == "appos" for m in actor_or_owner(c, 1)]
                found = found or [m for p in self._prep_objects("of", [t]) for m in actor_or_owner(p, 1)]
                # "violations BY Algerian security forces": the doer of the misdeed an act answers
                found = found or [m for p in self._prep_objects("by", [t]) for m in actor_or_owner(p, 1)]
            return found

        if obj is not None and not passive and not nominal:
            found = actor_or_owner(obj)
            if found:
                return found
        # "launched artillery, mortar and rocket fire AGAINST ...": the phrase may hang on any conjunct
        holders = [tok] + (_conjuncts(obj) if obj is not None else [])
        for word in AFTER_OBJECT_PREPS:
            for p in self._prep_objects(word, holders):
                found = actor_or_owner(p, 1)  # "on the campus OF the University": a scene, not a part
                if found:
                    return found
        for p in self._prep_objects("in", holders):
            # "staged a hunger strike IN PROTEST AGAINST violations by Algerian security forces"
            if p.lemma_.lower() in RESPONSE_NOUNS:
                for word in ("against", "at", "of", "over", "to", "on", "for"):
                    found = [m for q in self._prep_objects(word, [p]) for m in actor_or_owner(q)]
                    if found:
                        return found
        for p in self._prep_objects("as", [tok]):  # "denounced as an ugly crime Serbia's suppression of"
            found = [m for c in p.children if c.dep_ == "appos" for m in actor_or_owner(c)]
            if found:
                return found
        if pat.code[:2] in UNATTRIBUTED_ROOTS and not passive and not nominal:
            # "attacked Grozny", "fired shells at targets IN JERICHO": the place hit, or where what was
            # hit lies, stands for its country
            aimed = ([obj] if obj is not None else []) + [
                p for w in ("at", "on", "against", "into") for p in self._prep_objects(w, holders)]  # fmt: skip
            for a in aimed:
                for q in [a, *self._prep_objects("in", [a])]:
                    m = self._place_mention(q, sm)
                    if m is not None and m.code and m.head not in taken:
                        return [m]
        return []

    def _purpose_targets(self, verb: Token, sources: list[Mention], sm: SentenceMentions) -> list[Mention]:
        """"started a hunger strike TO PROTEST President Assad's failure", "launched an offensive TO
        RECAPTURE Grozny": a light-verb act with no target of its own bears on the target of the
        purpose clause, when that clause's verb is itself a trigger."""
        for x in verb.children:
            if x.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
                continue
            xpat = self._pattern_for(x)
            if xpat is None:
                continue
            xpassive = any(c.dep_ in ("nsubjpass", "auxpass") for c in x.children)
            xobj = self._object(x, xpassive)
            found = self._targets(x, xpat, xobj, xpassive, sm)
            if not found and xpat.target:
                found = self._fallback_targets(x, xpat, xobj, xpassive, sources, sm)
            found = [m for m in found if all(m.code != s.code for s in sources)]
            if found:
                return found
        return []

    def _unattributed(self, tok: Token, targets: list[Mention], sm: SentenceMentions) -> list[Mention]:
        """An unidentified armed force (``<country>UAF``) as the doer of an agentless violent act with
        a known victim: its country is the scene's ("in central Baghdad", "outside the city of Basra"),
        else the victims' own."""
        if not targets:
            return []
        country = self._scene_country(tok, sm) or targets[0].country
        if not country:
            return []
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        span = sm.sa.doc[agent.left_edge.i : agent.right_edge.i + 1] if agent is not None else sm.sa.doc[tok.i : tok.i + 1]
        return [Mention(span.start, span.end, tok.i, span.text, code=country + "UAF", country=country,
                        sector="UAF", name=None, kind="role", resolved_by="unattributed")]  # fmt: skip

    def _scene_country(self, tok: Token, sm: SentenceMentions) -> str | None:
        """Country of the place a verb's locative phrases name, looking one phrase deep ("killed in a
        bombing IN BAGHDAD", "killed by a bomb OUTSIDE BASRA"); never inside its subject or object."""
        holders = [tok] + [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        todo = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS]
        seen = 0
        while todo and seen < 8:
            prep = todo.pop(0)
            seen += 1
            for g in prep.children:
                if g.dep_ != "pobj":
                    continue
                for q in _conjuncts(g):
                    if q.ent_type_ in ("GPE", "LOC", "FAC") or q.lemma_.lower() in self.patterns.place_nouns:
                        country, _ = place_country(sm.sa, q)
                        if country:
                            return country
                todo.extend(c for c in g.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS | {"of"})
            todo.extend(c for c in prep.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS | {"of"})
        return None

    def _may_stand_alone(self, pat: Pattern, tok: Token, obj: Token | None, passive: bool,
                         sm: SentenceMentions) -> bool:  # fmt: skip
        """Whether a trigger with a source but no resolved target is still an event.

        A pattern says ``alone: never`` when the event is empty without its target ("told", "met"),
        ``alone: any`` when the act is complete without one ("rallied", "mobilized troops"). By default
        the trigger stands alone when nothing was left unread: no direct object, or the object is one
        the pattern asks for ("imposed a curfew"), or it names people the KB cannot place ("kidnapped
        16 advisers"). "released its earnings" has an object that is neither, and is no event.
        """
        if pat.alone == "never":
            return False
        if pat.alone == "any" or obj is None or passive:
            return True
        if pat.objects and self._object_lemmas(obj) & pat.objects:
            return True
        if obj.ent_type_ == "PERSON" or obj.lower_ in EXTRA_ROLE_HEADS or obj.lemma_.lower() in self.generic_roles:
            return True  # "jailed 52 members of ...", "arrested Mohammed Ali"
        piece = sm.sa.by_token.get(obj.i)
        return piece is not None and bool(piece.kinds() & {"role", "institution", "person"})

    def _pattern_for(self, tok: Token) -> Pattern | None:
        """The verb pattern that fits ``tok``, if any."""
        pats = self._verb_patterns(tok)
        if not pats:
            return None
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        obj = self._object(tok, passive)
        return next((p for p in pats if self._fits(p, tok, obj)), None)

    def _object(self, tok: Token, passive: bool) -> Token | None:
        if passive and tok.dep_ == "acl" and tok.tag_ == "VBN":
            return tok.head
        deps = ("nsubjpass",) if passive else ("dobj", "obj")
        obj = next((c for c in tok.children if c.dep_ in deps), None)
        if obj is None and not passive:
            obj = next((c for c in tok.children if c.dep_ == "attr"), None)
        return obj

    def _fits(self, pat: Pattern, tok: Token, obj: Token | None) -> bool:
        if pat.objects:
            lemmas = self._object_lemmas(obj)
            if not lemmas & pat.objects:
                return False
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent") and not _is_time_phrase(c)}
        if pat.preps and not preps & pat.preps:
            return False
        if pat.pobjs:
            pobjs = {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ in (pat.preps or {"in"})
                     for g in c.children if g.dep_ == "pobj"}  # fmt: skip
            if obj is not None:
                pobjs |= {g.lemma_.lower() for c in obj.children if c.dep_ == "prep" for g in c.children}
            if not pobjs & pat.pobjs:
                return False
        if pat.ccomp_aux:  # "said that Libya MUST hand over": a demand made through a reporting verb
            clauses = [c for c in tok.children if c.dep_ == "ccomp"]
            if not any(a.dep_ == "aux" and a.lower_ in pat.ccomp_aux for c in clauses for a in c.children):
                return False
        if pat.with_objects:
            wl = {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                  for g in c.children if g.dep_ == "pobj"}  # fmt: skip
            if not wl & pat.with_objects:
                return False
        return True

    def _object_lemmas(self, obj: Token | None) -> set[str]:
        if obj is None:
            return set()
        toks = _conjuncts(obj)  # "artillery, mortar, and rocket FIRE": conjuncts chain one under the other
        out: set[str] = set()
        for t in toks:
            out.add(t.lemma_.lower())
            out.add(t.lower_)
            if t.lemma_.lower() in SERIES:  # "a series of agreements"
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        out.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
            comp = " ".join(c.lower_ for c in t.children if c.dep_ == "compound")
            if comp:
                out.add(f"{comp} {t.lemma_.lower()}")
        return out

    def _modal_code(self, code: str, status: str) -> str | None:
        """The code of an event in its modality: asserted as is; intended or conditional through
        ``intent_codes`` (longest code prefix wins: "will impose sanctions" 163 -> 1312, "will meet"
        040 -> 036); anything else (negated, hypothetical, asked, governed) is no event."""
        if status == mod.ASSERTED:
            return code
        if status not in (mod.INTENDED, mod.CONDITIONAL):
            return None
        for n in range(len(code), 1, -1):
            if code[:n] in self.intent_codes:
                mapped = self.intent_codes[code[:n]]
                break
        else:
            return None
        if mapped == "keep":
            return code
        return str(mapped) if mapped else None

    def _subjects(self, tok: Token, passive: bool, sm: SentenceMentions) -> tuple[list[Mention], bool]:
        """Source mentions: subject or passive agent, else inherited from the governing clause."""
        if passive:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            return (sm.get(pobj), False) if pobj is not None else ([], False)
        subjs = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subjs:
            subj = subjs[0]
            if subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                return sm.get(tok.head), True
            if len(subjs) > 1:  # "China's top lawmaker Li Zhanshu" parsed as two subjects: the named one
                found = [sm.get(x) for x in subjs]
                best = max(found, key=lambda ms: (any(m.kind == "person" and m.code for m in ms),
                                                  any(m.code for m in ms)))  # fmt: skip
                return best, False
            return self._or_members(subj, sm), False
        cur, steps = tok, 0
        while steps < 5 and cur.head.i != cur.i:
            steps += 1
            dep, head = cur.dep_, cur.head
            if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                return sm.get(head), True  # "the first official to visit Beijing"
            if dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
                obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None or head.lemma_.lower() != "help":
                    return (sm.get(obj), True) if obj is not None else ([], True)
                # "send material to HELP defend Saudi Arabia": with no object, the helper does it
            if dep == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in PCOMP_OBJECT_CONTROL:
                obj = next((c for c in head.head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None:  # "thanked China for supporting Russia": China supports
                    return sm.get(obj), True
            if dep in ("xcomp", "conj", "advcl", "pcomp", "prep", "ccomp", "acomp"):
                cur = head if dep != "pcomp" else head.head
                s = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if s is not None:
                    return self._or_members(s, sm), True
                continue
            break
        return [], False

    def _or_members(self, tok: Token, sm: SentenceMentions) -> list[Mention]:
        """A subject's actors; for an unknown group that names its members ("the Group of Finance
        Ministers of seven countries, INCLUDING Canada, France ...", "a coalition of states SUCH AS
        ..."), the members it lists."""
        found = sm.get(tok)
        if any(m.code for m in found):
            return found
        members: list[Mention] = []
        holders, i = [tok], 0
        while i < len(holders) and i < 6:  # "the Group of Finance Ministers of seven countries, including"
            holders += self._prep_objects("of", [holders[i]])
            i += 1
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ == "including" or (c.lower_ == "such" and c.dep_ in ("amod", "prep")):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                objs += [g for a in c.children if a.lower_ == "as" for g in a.children if g.dep_ == "pobj"]
                members.extend(m for o in objs for q in _conjuncts(o) for m in sm.get(q) if m.code and m.head == q.i)
        return members or found

    def _targets(self, tok: Token, pat: Pattern, obj: Token | None, passive: bool,
                 sm: SentenceMentions) -> list[Mention]:  # fmt: skip
        for spec in pat.target:
            found = self._target_spec(spec, tok, obj, passive, sm)
            found = [m for m in found if m.code]
            if found:
                return found
        return []

    def _prep_objects(self, word: str, holders: Iterable[Token]) -> list[Token]:
        out = []
        for h in holders:
            for c in h.children:
                # the parser labels the recipient's "to" of giving/saying verbs as ``dative``
                # ("issued a stern reminder Saturday TO IRAQ")
                if (c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP")) and c.lower_ == word:
                    out.extend(g for g in c.children if g.dep_ == "pobj")
        return out

    def _target_spec(self, spec: str, tok: Token, obj: Token | None, passive: bool,
                     sm: SentenceMentions) -> list[Mention]:  # fmt: skip
        holders = [tok] + (_conjuncts(obj) if obj is not None else [])
        # the parser often hangs "on Russia" on the agent: "imposed by the EU on Russia"
        holders += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if obj is not None:  # "a series of agreements WITH China", "500 million euros in aid TO Ukraine"
            holders += [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                        for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if spec == "dobj":
            if obj is not None and obj.lemma_.lower() in SERIES:  # "tortured scores of refugees"
                return [m for p in self._prep_objects("of", [obj]) for m in sm.get(p)]
            return sm.get(obj) if obj is not None else []
        if spec == "dative":
            d = next((c for c in tok.children if c.dep_ == "dative"), None)
            return sm.get(d) if d is not None else []
        if spec == "ofobj":
            if obj is None:
                return []
            owners = [c for c in obj.children if c.dep_ == "poss"]
            owners += self._prep_objects("of", [obj]) + self._prep_objects("by", [obj])
            owners += self._prep_objects("from", [obj])
            found = [m for o in owners for m in sm.get(o)]
            if not any(m.code for m in found):  # "an Indian proposal", "a U.S. request"
                found = [m for c in obj.children if c.dep_ in ("amod", "compound")
                         for m in self._modifier_actor(c, sm)]  # fmt: skip
            return found
        if spec == "ccomp_subj":
            clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause else None
            return sm.get(subj) if subj is not None else []
        if spec == "xcomp":
            x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if x is None:
                return []
            xpat = self._pattern_for(x)
            specs = xpat.target if xpat else ("dobj", "dative", "prep:to", "prep:with", "prep:against", "prep:on")
            xpassive = any(c.dep_ in ("nsubjpass", "auxpass") for c in x.children)
            xobj = self._object(x, xpassive)
            for sp in specs:
                if sp == "xcomp":
                    continue
                found = [m for m in self._target_spec(sp, x, xobj, xpassive, sm) if m.code]
                if found:
                    return found
            return []
        kind, _, word = spec.partition(":")
        if kind == "prep":
            return [m for p in self._prep_objects(word, holders) for m in sm.get(p)]
        if kind == "owner":  # "price limits on RUSSIAN oil", "sanctions on IRAN's central bank"
            return [m for p in self._prep_objects(word, holders) for m in self._owner_of(p, sm)]
        if kind == "place":
            places = [obj] if word == "dobj" and obj is not None else self._prep_objects(word, holders)
            out = []
            for p in places:
                for q in _conjuncts(p):
                    m = self._place_mention(q, sm)
                    if m is not None:
                        out.append(m)
            return out
        if kind == "nested":
            out = []
            for c in tok.children:
                if c.dep_ == "prep":
                    for g in c.children:
                        for t in g.subtree:
                            if (t.dep_ == "agent" and word == "by") or (t.dep_ == "prep" and t.lower_ == word):
                                out.extend(m for p in t.children if p.dep_ == "pobj" for m in sm.get(p))
            return out
        return []

    def _owner_of(self, tok: Token, sm: SentenceMentions) -> list[Mention]:
        """The actor a non-actor noun belongs to: its possessor ("Iran's banks") or the country of a
        nationality or name modifier ("Russian oil", "US goods"); none for a series noun."""
        if tok.lemma_.lower() in SERIES:
            return []
        found = [m for c in tok.children if c.dep_ == "poss" for m in sm.get(c) if m.code]
        if not found:
            found = [m for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                     for m in self._modifier_actor(c, sm) if m.code]  # fmt: skip
        return found

    def _place_mention(self, tok: Token, sm: SentenceMentions) -> Mention | None:
        """A place phrase as a country-level target; a person or organisation stays itself."""
        ms = [m for m in sm.get(tok) if m.head == tok.i] or sm.get(tok)[:1]
        if ms and ms[0].kind in ("person", "org", "role", "institution") and ms[0].code:
            return ms[0]
        if ms and ms[0].kind in ("capital", "country") and ms[0].country:
            country, text = ms[0].country, ms[0].text
        elif tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in self.patterns.place_nouns:
            country, text = place_country(sm.sa, tok)
            if not country and tok.pos_ == "PROPN":
                country = self._gazetteer_country(tok, sm, min_population=PLACE_MIN_POPULATION)
        elif tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ in ("", "PERSON", "ORG") and not any(m.code for m in ms):
            # "attacked Grozny": the tagger often takes a city for a person; only a large city counts
            text = sm.sa.doc[tok.left_edge.i : tok.right_edge.i + 1].text
            country = self._gazetteer_country(tok, sm, min_population=UNTAGGED_PLACE_MIN_POPULATION)
        else:
            return None
        if not country:
            return None
        return Mention(tok.left_edge.i, tok.right_edge.i + 1, tok.i, text, code=country, country=country,
                       name=self.kb.country_name(country) or country, kind="place", resolved_by="place")  # fmt: skip

    def _gazetteer_country(self, tok: Token, sm: SentenceMentions, min_population: int) -> str | None:
        """Country of a proper place name the knowledge base does not know ("Jericho", "Grozny"): a
        region or capital through :meth:`KnowledgeBase.country_of_place`, else the places stage's
        gazetteer, the city that the sentence's countries and its size make likeliest."""
        words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
        name = sm.sa.doc[words[0].i if words else tok.i : tok.i + 1].text
        ctx = sm.sa.context_countries(tok, exclude=range(tok.left_edge.i, tok.right_edge.i + 1))
        country = self.kb.country_of_place(name, ctx)
        if country or self._gazetteer is None:
            return country
        try:
            gz = self._gazetteer()
        except Exception:  # noqa: BLE001 - no gazetteer, no guess
            return None
        if name in gz.not_places:
            return None
        article = sm.ctx.article_countries(sm.index + 1)
        city = gz.best_city(name, sentence_countries=ctx, article_countries=article)
        return city.country if city is not None and city.population >= min_population else None

    def _refine(self, pat: Pattern, code: str, tok: Token, obj: Token | None) -> str:
        if not pat.refine or code != pat.code:
            return code
        mods: set[str] = set()
        for t in [tok, obj] + ([g for c in tok.children if c.dep_ == "prep" for g in c.children] if tok else []):
            if t is None:
                continue
            mods.add(t.lemma_.lower())
            mods.update(c.lemma_.lower() for c in t.children if c.dep_ in ("amod", "compound", "conj"))
            for c in t.children:
                if c.dep_ == "conj":
                    mods.update(g.lemma_.lower() for g in c.children if g.dep_ in ("amod", "compound"))
        for word, refined in pat.refine:
            if word in mods:
                return refined
        return code

    def _pairs(self, tok: Token, pat: Pattern, code: str, sources: list[Mention], targets: list[Mention],
               how: list[str], sm: SentenceMentions, solo: bool = False) -> list[Found]:  # fmt: skip
        out: list[Found] = []
        if targets and (code[:2] in CIVILIAN_TARGET_ROOTS or code.startswith("138")):
            targets = [self._civilian(t, sm) for t in targets]
        if targets:
            for s in sources:
                for t in targets:
                    out.append(Found(tok, pat, code, s, t, list(how)))
                    if pat.reverse and code == pat.code:
                        # PETRARCH paired codes: "arrive [032:033]" is also the host's act on the visitor
                        out.append(Found(tok, pat, pat.reverse, t, s, [*how, "reverse"]))
        elif pat.mutual and len(sources) >= 2:
            for s in sources:
                for t in sources:
                    if s is not t:
                        out.append(Found(tok, pat, code, s, t, [*how, "mutual"]))
        elif solo:
            out.extend(Found(tok, pat, code, s, None, [*how, "alone"]) for s in sources)
        if pat.venue and code in MEETING_CODES:
            venue = self._venue(tok, sm)
            if venue:
                for f in out:
                    if f.target is not None:
                        f.code = _venue_code(venue, f.source.country, f.target.country, f.code)
        return out

    def _civilian(self, t: Mention, sm: SentenceMentions) -> Mention:
        """A town, a home or a village hit by force or coercion is its people's (CAMEO ``CVL``): "shelled
        IRAQI towns", "demolished PALESTINIAN homes", "a curfew in Abidjan". Actors, capitals standing
        for their government and countries named as such keep their code."""
        if t.sector or not t.country:
            return t
        tok = sm.sa.doc[t.head]
        owned = tok.head.lemma_.lower() if tok.dep_ in ("amod", "compound", "nmod", "poss") else ""
        piece = sm.sa.by_token.get(tok.i)
        nation = piece is not None and bool(piece.kinds() & {"country", "capital", "adjective", "demonym"})
        region = piece is not None and (piece.side is not None or "region" in piece.kinds())
        town = t.kind == "place" and tok.lemma_.lower() not in MILITARY_PLACES | LAND_PLACES and not nation and (
            not region or self._is_city(tok.text, t.country)
        )  # "shelled Grozny", "targets in Jericho"; not "invaded Ukraine" or "the border region of Kursk"
        if town or (t.kind == "country" and owned in CIVILIAN_PLACES):
            return replace(t, sector="CVL", code=t.country + "CVL")
        return t

    def _is_city(self, name: str, country: str) -> bool:
        """Whether the places stage's gazetteer has a city of this name in ``country`` (a region the
        knowledge base lists may be a town: "Jericho", "Hebron")."""
        if self._gazetteer is None:
            return False
        try:
            return any(c.country == country for c in self._gazetteer().city_candidates(name))
        except Exception:  # noqa: BLE001 - no gazetteer, no town
            return False

    def _venue(self, tok: Token, sm: SentenceMentions) -> str | None:
        """Country where a meeting took place, from an in/at phrase on the trigger ("in Moscow",
        "on the sidelines of the forum in Russia's Far East city")."""
        holders = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "on"):
                for g in c.children:
                    if g.dep_ != "pobj" or (c.lower_ == "on" and g.lemma_.lower() not in ("sideline", "sidelines")):
                        continue
                    country, _ = place_country(sm.sa, g)
                    if country:
                        return country
        return None

    # ------------------------------------------------------------------ nouns
    def _noun(self, tok: Token, sm: SentenceMentions) -> list[Found]:
        pats = self.patterns.nouns.get(tok.lemma_.lower()) or self.patterns.nouns.get(tok.lower_)
        if not pats:
            return []
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")} | {
            c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")
        }
        pat = next((p for p in pats if not p.requires_modifier or mods & p.requires_modifier), None)
        if pat is None:
            return []
        status = mod.assess(tok, self.cues)
        code = self._modal_code(pat.code, status)
        if code is None:
            return []
        how = ["nominal"] + ([] if status == mod.ASSERTED else ["intended"])
        if isinstance(pat.mutual, str):
            pair = [m for p in self._prep_objects(pat.mutual, [tok]) for m in sm.get(p) if m.code]
            if len(pair) >= 2:
                f = self._pairs(tok, pat, code, pair, [], how, sm)
                if f:
                    return f
        if pat.mutual and tok.dep_ == "conj" and tok.lower_.endswith("ing"):
            # "with Zhang Youxia ... and counterpart Sergei Shoigu MEETING at a forum": the parser reads
            # the absolute gerund as a noun conjoined to the first party, the second as its modifier
            pair = [m for q in _conjuncts(tok.head) if q.i != tok.i for m in sm.get(q) if m.code and m.head == q.i]
            pair += [m for c in tok.children if c.dep_ in ("compound", "poss") for m in self._modifier_actor(c, sm)]
            if len(pair) >= 2:
                f = self._pairs(tok, pat, code, pair, [], how, sm)
                if f:
                    return f
        sources: list[Mention] = []
        for spec in pat.source:
            if spec.startswith("prep:"):
                cands = [m for p in self._prep_objects(spec[5:], [tok]) for m in sm.get(p)]
            else:
                cands = []
                for c in tok.children:
                    if c.dep_ == spec:
                        cands.extend(self._modifier_actor(c, sm))
            sources = [m for m in cands if m.code]
            if sources:
                break
        light = False
        if not sources and tok.dep_ in ("dobj", "obj") and (
            tok.head.lemma_.lower() in self.patterns.light_verbs or tok.head.lower_ in self.patterns.light_forms
        ):
            # "Serbia lodged a protest with Albania": the light verb's subject is the source
            verb = tok.head
            if mod.assess(verb, self.cues) not in (mod.ASSERTED, mod.INTENDED, mod.CONDITIONAL):
                return []
            subj, inherited = self._subjects(verb, False, sm)
            sources = [m for m in subj if m.code]
            light = True
            how[0] = "light"  # "staged a rally": as sure as a verb trigger, nearly
            if inherited:
                how.append("inherited")
        if not sources:
            return []
        targets: list[Mention] = []
        for spec in pat.target:
            targets = [m for m in self._target_spec(spec, tok, None, False, sm) if m.code]
            if not targets and light:  # "staged rallies in Gaza AGAINST Abbas": the phrase hangs on the verb
                targets = [m for m in self._target_spec(spec, tok.head, tok, False, sm) if m.code]
            if targets:
                break
        if not targets and pat.target:
            # "issued a stern reminder Saturday TO IRAQ", "Palestinian riots AGAINST Israeli military
            # policies": the party the act bears on, hanging on the noun or on its light verb
            verb, noun = (tok.head, tok) if light else (tok, None)
            targets = self._fallback_targets(verb, pat, noun, False, sources, sm, nominal=True)
            if not targets and light:
                targets = self._purpose_targets(verb, sources, sm)
            if targets:
                how.append("fallback")
        code = self._refine(pat, code, tok, None)
        # a bare nominal ("US sanctions") needs its target unless the noun is an act on its own
        # ("Palestinian riots") or a light verb made it one ("staged a protest")
        solo = not targets and pat.alone != "never" and (pat.alone == "any" or light)
        return self._pairs(tok, pat, code, sources, targets, how, sm, solo=solo)

    def _modifier_phrase(self, t: Token, sm: SentenceMentions) -> list[Mention]:
        """A group or role phrase used as the modifier of ``t`` ("a KAREN GUERRILLA stronghold",
        "KAMPUCHEAN GUERRILLA camps"): the modifiers before ``t``, composed as one noun phrase whose
        head is the last of them. Only non-state groups and roles count; a bare nationality is
        :meth:`_modifier_actor`'s."""
        mods = [c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i]
        if not mods or mods[-1].pos_ not in ("NOUN", "PROPN"):
            return []
        seg = sorted(x.i for c in mods for x in c.subtree if x.dep_ not in ("punct", "cc", "det"))
        if not seg or seg[-1] != mods[-1].i or seg != list(range(seg[0], seg[-1] + 1)):
            return []
        m = sm.sa.compose(seg)
        if m is None or m.kind != "role" or not (m.code or m.needs_country):
            return []
        m = sm.ctx.resolve(m, sm.sa, sm.index)
        return [m] if m.code else []

    def _modifier_actor(self, c: Token, sm: SentenceMentions) -> list[Mention]:
        """The actor a modifier names: "Li's", "US" (compound), "Chinese" (amod)."""
        if c.dep_ == "poss":
            return sm.get(c)
        piece = sm.sa.by_token.get(c.i)
        if piece is None:
            return []
        e = piece.first({"country", "adjective", "capital", "metonym", "institution", "person", "company", "igo"})
        if e is None:
            return []
        code, country, sector = e.actor_code(sm.sa.date)
        if e.kind in ("country", "adjective"):
            code, sector = e.country, None
        if not code:
            return []
        return [Mention(piece.start, piece.end, c.i, piece.match.text, code=code, country=country, sector=sector,
                        name=self.kb.country_name(country) if e.kind in ("country", "adjective") else e.name,
                        kind="country", resolved_by="compose")]  # fmt: skip

    # ------------------------------------------------------------------ assembling
    def _dedupe(self, found: list[Found]) -> list[Found]:
        """One event per actor pair and code; a generic code yields to a specific one of the same family
        for the same pair ("agreed to undertake joint exercises": 031 rather than 030 and 031)."""
        pair_codes: dict[tuple, set[str]] = {}
        with_target = {(f.source.code, f.source.name, f.code[:2]) for f in found if f.target is not None}
        for f in found:
            pair_codes.setdefault(_pair(f), set()).add(f.code)
        # "Germany vowed to impose sanctions on Iran": the complement coded in the vow's modality (1312)
        # says what was vowed; the governing verb's generic code (030) adds nothing
        chained = {(f.trigger.head.i, f.source.code) for f in found if f.trigger.dep_ == "xcomp"}
        out, seen = [], set()
        for f in found:
            if f.target is None and (f.source.code, f.source.name, f.code[:2]) in with_target:
                continue  # the same act is coded with its target already
            if f.code.endswith("0") and (f.trigger.i, f.source.code) in chained:
                continue
            codes = pair_codes[_pair(f)]
            if len(f.code) == 3 and f.code.endswith("0") and any(
                c != f.code and c.startswith(f.code[:2]) for c in codes
            ):
                continue
            key = (*_pair(f), f.code)
            if key in seen or _self_event(f):
                continue
            seen.add(key)
            out.append(f)
        return out

    def _event(self, f: Found, article: Any, sent: Any, published: str | None) -> Event | None:
        info = None
        if self.codebook is not None:
            try:
                info = self.codebook.lookup(f.code)
            except KeyError:
                log.warning("pattern %s gives unknown CAMEO code %s", f.pattern.origin, f.code)
                return None
        doc = sent.doc
        trig = f.trigger
        t_start = sent.start + trig.idx
        t_span = (t_start, t_start + len(trig.text))
        src = f.source.actor()
        tgt = f.target.actor() if f.target is not None else None
        if src is None or (f.target is not None and tgt is None):
            return None
        date, precision, date_text = published, ("day" if published else None), None
        if self._date_for_event is not None:
            try:
                got = self._date_for_event(doc, trig.i, published)
                if got and got[0]:
                    date, precision, date_text = got
            except Exception:  # noqa: BLE001 - a date problem must not lose the event
                log.debug("date_for_event failed", exc_info=True)
        location: Location | None = None
        if self._place_for_event is not None:
            try:
                countries = [c for c in (src.country, tgt.country if tgt else None) if c]
                location = self._place_for_event(doc, trig.i, countries, article.text)
            except Exception:  # noqa: BLE001
                log.debug("place_for_event failed", exc_info=True)
        code = f.code
        if f.pattern.venue and code in MEETING_CODES and tgt is not None and location is not None and (
            location.country
        ):
            # the place stage knows where the meeting was: a visit to the target or hosting the target
            refined = _venue_code(location.country, src.country, tgt.country, code)
            subtree = doc[trig.left_edge.i : trig.right_edge.i + 1].text
            # a third country only when the place is named in the trigger's own clause
            code = refined if refined != "044" or location.name in subtree else code
            if code != f.code and self.codebook is not None:
                info = self.codebook.get(code) or info
            f.code = code
        modality = "intended" if "intended" in f.how else "asserted"
        key = f"{article.id}|{sent.index}|{src.code}|{tgt.code if tgt else ''}|{f.code}|{t_span[0]}"
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
            article_id=article.id,
            sentence_index=sent.index,
            evidence=sent.text,
            evidence_span=(sent.start, sent.end),
            source=src,
            target=tgt,
            cameo=f.code,
            cameo_root=info.root if info else f.code[:2],
            plover=info.plover if info else None,
            goldstein=info.goldstein if info else None,
            quad_class=info.quad_class if info else None,
            date=date,
            date_precision=precision,
            date_text=date_text,
            modality=modality,
            negated=False,
            location=location,
            confidence=_confidence(f),
            trigger_span=t_span,
        )


def _venue_code(venue: str, source: str | None, target: str | None, code: str) -> str:
    """A meeting in the target's country is a visit (042), in the source's a hosting (043), elsewhere a
    meeting at a third location (044)."""
    if not source or not target or source == target:
        return code
    if venue == target:
        return "042"
    if venue == source:
        return "043"
    return "044"


def _conjuncts(tok: Token) -> list[Token]:
    """A token and its conjuncts, recursively ("Mongolia, Nepal and South Korea")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _is_time_phrase(prep: Token) -> bool:
    """"ON SUNDAY", "in March": a preposition whose object is a date says when, never which pattern fits
    ("called on Sunday for sanctions" is a call for, not a call on)."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def _pair(f: Found) -> tuple:
    t = f.target
    return (f.source.code, f.source.name, t.code if t else None, t.name if t else None)


def _self_event(f: Found) -> bool:
    s, t = f.source, f.target
    if t is None:
        return False
    if s.name and s.name == t.name:
        return True
    if s.code == t.code and (s.name is None or t.name is None):
        return True
    return bool(s.country and s.country == t.country and f.code[:2] not in DOMESTIC_ROOTS)


def _confidence(f: Found) -> float:
    """Higher for a full parse path between known actors; lower for inherited subjects,
    coreference, pronouns, nominal triggers, places and role-only actors."""
    c = 0.9
    penalties = {"inherited": 0.1, "nominal": 0.2, "light": 0.1, "mutual": 0.05, "intended": 0.05, "alone": 0.15,
                 "second": 0.03, "background": 0.15, "reverse": 0.1, "unattributed": 0.2, "fallback": 0.1, "purpose": 0.05}
    for h in f.how:
        c -= penalties.get(h, 0.0)
    for m in (f.source, f.target) if f.target is not None else (f.source,):
        c -= {"kb": 0.0, "compose": 0.05, "surname": 0.05, "coref": 0.1, "fuzzy": 0.15, "pronoun": 0.2,
              "place": 0.05}.get(m.resolved_by, 0.1)  # fmt: skip
    return max(0.05, min(0.99, c))


def _optional(module: str, name: str) -> Any:
    """A function from a sibling stage, or None while that stage is not installed."""
    try:
        mod_ = __import__(module, fromlist=[name])
        return getattr(mod_, name, None)
    except ImportError:
        return None
