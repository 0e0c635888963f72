"""Trigger matching: which pattern a verb fits, in which modality, refined how.

Why: a trigger word alone does not decide the code — the pattern's object, preposition and clause
conditions pick among the word's patterns, the modality maps an announced act to its intent code
(03x), and modifiers refine a generic code. These steps read the parse and the pattern data only,
never the actors.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors.mentions import COMPASS_POINTS
from dyad.events import modality as mod
from dyad.events.base import CoderBase
from dyad.events.codebook import nearest_listed
from dyad.events.patterns import PERSON_NAME, PLACE_NAME, Pattern
from dyad.events.syntax import (
    EFFORT_HEADS,
    LOOSE_PARTICLES,
    MEASURES,
    complement,
    conjuncts,
    first_conjunct,
    is_measured,
    is_passive,
    is_series,
    is_time_phrase,
    is_to_infinitive,
    lemma_words,
    measured,
    particle,
    prep_objects,
)
from dyad.words import words

# Prepositions whose phrase only sets an act in time or circumstance: it never refines the act's code
SETTING_PREPS = {"following", "after", "before", "since", "amid", "amidst", "despite", "during", "ahead"}
# Prepositions whose whole phrase says what an act is about, read deep for refinements ("accused X OF
# committing GENOCIDE", "criticised X FOR its CRACKDOWN on protesters", "an inquiry INTO WAR CRIMES")
CHARGE_PREPS = frozenset({"of", "for", "over", "into"})
# A town of this size after "in", "near" or "of a city" is a place, and a name the tagger missed names one
PLACE_MIN_POPULATION = 10_000
# Verbs whose object a writer shifts after an "as" predicate (words.yaml)
SHIFTED_OBJECT_VERBS = words("shifted_object_verbs")


class TriggerMatcher(CoderBase):
    """Pattern selection, modality codes and code refinement for trigger tokens."""

    def _verb_patterns(self, tok: Token) -> list[Pattern] | None:
        """Patterns of a verb token by its lemma, or by its inflected form when the tagger's lemma is
        off ("staged" lemmatised as "stag")."""
        pats = self.patterns.verbs.get(tok.lemma_.lower())
        if pats is None and tok.lemma_.lower() not in self.patterns.form_lemma:
            lemma = self.patterns.form_lemma.get(tok.lower_)
            pats = self.patterns.verbs.get(lemma) if lemma else None
        return pats

    def _pattern_for(self, tok: Token) -> Pattern | None:
        """The verb pattern that fits ``tok``, if any."""
        pats = self._verb_patterns(tok)
        if not pats:
            return None
        passive = is_passive(tok)
        obj = self._object(tok, passive)
        return next((p for p in pats if self._fits(p, tok, obj)), None)

    def _noun_pattern(self, tok: Token) -> Pattern | None:
        """The noun pattern that fits ``tok``: by lemma or form, the first whose required modifier is
        there ("JOINT exercises"); for an effort head, its modifier's ("a MEDIATION effort")."""
        pats = self.patterns.nouns.get(tok.lemma_.lower()) or self.patterns.nouns.get(tok.lower_)
        if not pats and tok.lemma_.lower() in EFFORT_HEADS:
            # "launched a MEDIATION effort between ...": the modifier names the act, the head has its slots
            pats = next((p for c in tok.children if c.dep_ == "compound" and c.i < tok.i
                         if (p := self.patterns.nouns.get(c.lemma_.lower()))), None)  # fmt: skip
        if not pats:
            return None
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")} | {
            c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")
        }
        governor = tok.head.lemma_.lower() if tok.dep_ in ("nsubj", "nsubjpass") else None
        return next((p for p in pats if (not p.requires_modifier or mods & p.requires_modifier)
                     and (not p.heads or governor in p.heads)), None)  # fmt: skip

    def _complement(self, tok: Token, kind: str) -> Token | None:
        """:func:`complement`, with the that-clause auxiliaries of ``modality.yaml``."""
        return complement(tok, kind, self.cues.get("threat_clause_auxiliaries") or ())

    def _object(self, tok: Token, passive: bool) -> Token | None:
        """The verb's object: passive subject, direct object or attribute, else the subject of its
        "to"-clause (:func:`control_subject`)."""
        if passive and tok.dep_ == "acl" and tok.tag_ == "VBN":
            return tok.head
        deps = ("nsubjpass",) if passive else ("dobj", "obj")
        obj = next((c for c in tok.children if c.dep_ in deps), None)
        if obj is None and passive and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            # "Putin arrived in Beijing and WAS WELCOMED by Xi": the subject it shares with the first verb
            obj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if obj is not None and obj.like_num and (counted := prep_objects("of", [obj])):
            obj = counted[0]  # "20 OF ITS SOLDIERS had been killed": the number counts the soldiers
        if obj is not None and tok.dep_ == "relcl" and obj.lower_ in ("that", "which", "whom", "who"):
            return tok.head  # "areas THAT Russian forces had occupied": the pronoun stands for the noun
        if obj is None and not passive and tok.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in tok.children
        ):
            return tok.head  # "areas of Ukraine THEY HAD OCCUPIED": the noun is what the clause acts on
        if obj is None and not passive and tok.lemma_.lower() in SHIFTED_OBJECT_VERBS:
            # "dismissed AS completely unfounded ACCUSATIONS by Moldova's president": the parser reads the
            # shifted object, its predicate adjective before it, as the object of "as"
            obj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                        if g.dep_ == "pobj" and any(a.dep_ == "amod" and a.i < g.i for a in g.children)), None)  # fmt: skip
        if obj is None and not passive:
            obj = next((c for c in tok.children if c.dep_ == "attr"), None)
        if obj is None and not passive:
            obj = control_subject(tok)
        if obj is not None:
            obj = measured(obj) or obj  # "approved $800 million IN military AID": the aid is the object
        if obj is not None and obj.lower_ in COMPASS_POINTS:
            # "shot down a U.S. helicopter NORTH-WEST of Baghdad", parsed as one noun headed by "west"
            obj = next((c for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                        and c.lower_ not in COMPASS_POINTS), obj)  # fmt: skip
        return obj

    def _fills_name_slot(self, pat: Pattern, obj: Token | None) -> bool:
        """Whether the object is a name an object list's slot accepts: any named place or a part of one
        for ``<place>`` ("took MOGADISHU", "retook the CENTRE of Ramadi"), any person the tagger names for
        ``<person>`` ("handed MONTESINOS over to Peru")."""
        if obj is None:
            return False
        if PLACE_NAME in pat.objects and any(self._names_place(t) for t in conjuncts(obj)):
            return True
        return PERSON_NAME in pat.objects and obj.pos_ == "PROPN" and obj.ent_type_ == "PERSON"

    def _fits(self, pat: Pattern, tok: Token, obj: Token | None) -> bool:
        if pat.objects:
            lemmas = self._object_lemmas(obj)
            # a second object or predicate noun counts too: "took 700 people HOSTAGE", with its modifiers
            # and "of" object ("called the execution a COWARDLY ACT", "an ACT OF TERRORISM")
            lemmas |= {c.lemma_.lower() for c in tok.children if c is not obj and (
                c.dep_ in ("dobj", "oprd") or (c.dep_ == "xcomp" and c.pos_ == "NOUN"))}  # "took 17 people HOSTAGE" (xcomp)
            # the predicate noun, with its modifiers: "called the execution a COWARDLY ACT", "designated the
            # Guards a TERRORIST ORGANISATION" (a second object, or a clause the parser makes of it), "proscribed
            # Hamas AS a terrorist organisation"
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            named = [c for c in tok.children if c is not obj and (c.dep_ == "oprd" or (c.dep_ == "ccomp" and c.pos_ == "NOUN")
                     or (c.dep_ == "dobj" and len(objects) > 1))] + prep_objects("as", [tok])  # fmt: skip
            lemmas |= {w for c in named for w in self._object_lemmas(c)}
            lemmas |= {f"{c.lemma_.lower()} of {g.lemma_.lower()}" for c in named for g in prep_objects("of", [c])}
            # "found Trump GUILTY": a predicate adjective the parser makes a clause of its own
            lemmas |= {c.lemma_.lower() for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "ADJ"}
            if obj is not None:  # "found Navalny GUILTY": or an adjective after the object
                lemmas |= {c.lemma_.lower() for c in obj.children if c.dep_ == "amod" and c.i > obj.i}
            if not lemmas & pat.objects and not self._fills_name_slot(pat, obj):
                return False
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent") and not is_time_phrase(c)}
        if (loose := particle(tok)) is not None:  # "pull BACK its troops" with "back" parsed as an adverb
            preps.add(loose)
        # "flew 79 Roma BACK to Romania": the particle after the object, parsed as an adverb
        preps |= {c.lower_ for c in tok.children if c.dep_ == "advmod" and c.lower_ in LOOSE_PARTICLES}
        if pat.objects and obj is not None:  # "held drills AROUND Taiwan": the phrase may hang on the named object
            # or on its last conjunct ("launched 728 drones and 13 missiles AT Ukraine")
            preps |= {c.lower_ for g in (*conjuncts(obj), *_counted(obj)) for c in g.children
                      if c.dep_ == "prep" and not is_time_phrase(c)}  # fmt: skip
        if pat.preps and not preps & pat.preps:
            return False
        if pat.pobjs:
            # "spoke BY telephone": the parser may label that "by" as a passive agent
            heads = [g for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in (pat.preps or {"in"})
                     for g in c.children if g.dep_ == "pobj"]  # fmt: skip
            # "pulled OUT OF the deal": the parser hangs "of" on "out"
            heads += [g for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ == "out" and "out" in pat.preps
                      for o in c.children if o.dep_ == "prep" and o.lower_ == "of" for g in o.children if g.dep_ == "pobj"]  # fmt: skip
            pobjs = {g.lemma_.lower() for g in heads} | {t.lemma_.lower() for g in heads for t in _counted(g)}
            if obj is not None:
                pobjs |= {g.lemma_.lower() for c in obj.children if c.dep_ == "prep" for g in c.children}
            if not pobjs & pat.pobjs:
                return False
        if pat.ccomp_aux:  # "said that Libya MUST hand over": a demand made through a reporting verb
            clauses = [c for c in tok.children if c.dep_ == "ccomp"]
            if not any(a.dep_ == "aux" and a.lower_ in pat.ccomp_aux for c in clauses for a in c.children):
                return False
        if pat.unless:
            phrases = [c for c in tok.children if c.dep_ in ("dobj", "obj", "prep", "nsubjpass")
                       or (c.dep_ == "advcl" and c.tag_ == "VBG")]  # "beat Lee Sedol ..., CLINCHING a five-GAME series"
            # the word as written too: the lemmatizer takes "bases" for "basis"
            if any(t.lemma_.lower() in pat.unless or t.lower_ in pat.unless for c in phrases for t in c.subtree):
                return False  # "agreed to a truce in their TRADE war"
        if pat.clause and not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            return False  # "denied THAT its forces had fired", not "denied the visa"
        if pat.complement:  # "ordered the ambassador to LEAVE": the verb of the to-clause decides
            verbs = {c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "advcl", "ccomp", "oprd")
                     and (is_to_infinitive(c)
                          or (c.dep_ == "xcomp" and c.tag_ == "VBG")  # "stopped SHELLING"
                          # "ordered eight members JAILED": a bare participle with no subject of its own
                          or (c.tag_ in ("VBN", "VBD") and not any(g.dep_.startswith("nsubj") for g in c.children)))}  # fmt: skip
            # "ordered two Catalan separatists, Jordi Sanchez and Jordi Cuixart, HELD in custody": the
            # participle hung on the object; "gave him 72 HOURS TO LEAVE": the to-clause on the object
            verbs |= {a.lemma_.lower() for o in tok.children if o.dep_ in ("dobj", "obj") for a in o.children
                      if (a.dep_ == "acl" and a.tag_ == "VBN") or (a.dep_ in ("acl", "relcl") and is_to_infinitive(a))}  # fmt: skip
            # "declared the ambassador PERSONA non grata": what the object is declared
            verbs |= {c.lemma_.lower() for c in tok.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")}
            if pat.clause:  # "vowed that Hezbollah would PAY": a that-clause pattern names the clause's verb
                verbs |= {c.lemma_.lower() for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i}
            if not verbs & pat.complement:
                return False
        if pat.subjects and not self._subject_lemmas(tok) & pat.subjects:
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
        toks = conjuncts(obj)  # "artillery, mortar, and rocket FIRE": conjuncts chain one under the other
        out: set[str] = set()
        for t in toks:
            out.add(t.lemma_.lower())
            out.add(t.lower_)
            if t.ent_type_ == "MONEY":  # "provided $5 BILLION": a sum of money
                out.add("money")
            if is_series(t):  # "a series of agreements", "dozens of", "halted four days of FIGHTING"
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for g in c.children:
                            if g.dep_ == "pobj":  # the form too, as for the object itself ("fighting")
                                out.update((g.lemma_.lower(), g.lower_))
            comp = " ".join(c.lower_ for c in t.children if c.dep_ == "compound")
            if comp:
                out.add(f"{comp} {t.lemma_.lower()}")
            # each modifier with the head: "Middle East PEACE PLAN", "ARMOURED VEHICLES", "MISSILE systems"
            out.update(f"{c.lemma_.lower()} {t.lemma_.lower()}" for c in t.children if c.dep_ in ("compound", "amod"))
            # a named model on a generic head: "PATRIOT air-defence systems", "LEOPARD tanks"
            out.update(c.lower_ for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN")
            if t.pos_ == "PROPN":  # "the oil TANKER Stena Impero": a name is of the kind its common noun says
                out.update(c.lemma_.lower() for c in t.children if c.dep_ == "compound" and c.pos_ == "NOUN")
            if t.lemma_.lower() in EFFORT_HEADS:  # "ended MEDIATION efforts": the act the effort is
                out.update(c.lemma_.lower() for c in t.children if c.dep_ == "compound")
            if t.pos_ == "PROPN":  # "captured Camp Abubakar, the main STRONGHOLD of the MILF": what the name is
                out.update(c.lemma_.lower() for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN")
        return out

    def _modal_code(self, code: str, status: str) -> str | None:
        """The code of an event in its modality: asserted as is; intended or conditional through
        ``intent_codes`` (longest code prefix wins: "will impose sanctions" 163 -> 1312, "will meet"
        040 -> 036); refused through ``refusal_codes`` ("will not negotiate" 046 -> 125); anything
        else (negated, hypothetical, asked, governed) is no event."""
        if status == mod.ASSERTED:
            return code
        if status == mod.REFUSED:
            table = self.refusal_codes
        elif status in (mod.INTENDED, mod.CONDITIONAL):
            table = self.intent_codes
        else:
            return None
        mapped = nearest_listed(table, code)
        if mapped is None:
            return None
        if mapped == "keep":
            return code
        return str(mapped) if mapped else None

    @staticmethod
    def _doers(tok: Token) -> list[Token]:
        """The verb's subjects, then its passive agents' objects: who does the act."""
        return [c for c in tok.children if c.dep_ == "nsubj"] + [
            g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]

    def _names_place(self, t: Token) -> bool:
        """Whether a proper noun names a place: tagged one, set in apposition to a place noun ("LAUKKAI,
        a town on Myanmar's border"), or a region, capital or town of 10,000 the gazetteer knows (the
        tagger misses many: "captured RAQQA", "recaptured SUDZHA, the largest town ..."); a place noun
        names one through its "of" phrase ("the centre of RAMADI")."""
        if t.pos_ == "NOUN" and t.lemma_.lower() in self.patterns.place_nouns:  # "the centre OF RAMADI"
            return any(self._names_place(p) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj")  # fmt: skip
        if t.pos_ != "PROPN":
            return False
        if t.ent_type_ in ("GPE", "LOC") or any(
            c.dep_ == "appos" and c.lemma_.lower() in self.patterns.place_nouns for c in t.children
        ):
            return True
        if t.ent_type_ in ("DATE", "TIME", "NORP", "MONEY"):
            return False
        return self._place_country(t.text, [], [], PLACE_MIN_POPULATION) is not None

    def _place_country(self, name: str, sentence_countries: list[str], article_countries: list[str],
                       min_population: int) -> str | None:  # fmt: skip
        """Country of a place name: a region or capital the knowledge base knows, else the gazetteer's
        likeliest city of at least ``min_population`` given the countries around it."""
        country = self.kb.country_of_place(name, sentence_countries)
        if country:
            return country
        gz = self._gazetteer()
        if name in gz.not_places:
            return None
        city = gz.best_city(name, sentence_countries=sentence_countries, article_countries=article_countries)
        return city.country if city is not None and city.population >= min_population else None

    def _subject_lemmas(self, tok: Token) -> set[str]:
        """The subject's head lemma with its compounds ("a car BOMB", "drone STRIKES"), or the passive
        agent's: what a pattern's ``subject`` condition tests. An infinitive with no subject of its own
        takes the governing verb's when that verb has no object to control it ("the Senate voted TO
        REMOVE", not "urged the army to strike"); a verb coordinated with its subject's first verb, or the
        purpose clause of one, takes that verb's ("Saudi COMMANDOS stormed a compound and FREED dozens of
        hostages", "security FORCES stormed a church TO FREE worshippers")."""
        doers = self._doers(tok)
        if not doers and tok.dep_ == "xcomp" and not any(c.dep_ in ("dobj", "obj") for c in tok.head.children):
            doers = self._doers(tok.head)
        if not doers and tok.head.pos_ == "VERB" and (tok.dep_ == "conj" or (tok.dep_ == "advcl" and is_to_infinitive(tok))):
            doers = self._doers(first_conjunct(tok.head) if tok.dep_ == "conj" else tok.head)
        if not doers:
            return set()
        heads = [doers[0], *_counted(doers[0])]
        return {h.lemma_.lower() for h in heads} | {c.lemma_.lower() for h in heads for c in h.children if c.dep_ == "compound"}

    def _refine_in_mode(self, pat: Pattern, code: str, status: str, tok: Token, obj: Token | None) -> str:
        """The refined code in the event's modality: "will provide Ukraine with DEFENSIVE capabilities"
        refines 070 to 072 and then intends it (0332), where refining the intent code (033) finds nothing."""
        refined = self._refine(pat, pat.code, tok, obj)
        if refined == pat.code or code == pat.code:
            return self._refine(pat, code, tok, obj)
        return self._modal_code(refined, status) or code

    def _refine(self, pat: Pattern, code: str, tok: Token, obj: Token | None, complement: Token | None = None) -> str:
        if not pat.refine or code != pat.code:
            return code
        mods: set[str] = set()
        if obj is not None and is_series(obj):
            # "pledged a TOTAL of $12 billion in aid": what is counted carries the modifiers
            counted = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            for g in counted:
                mods.update(t.lemma_.lower() for t in g.subtree)
        # the verb's own phrases refine it too ("fired ON protesters"), but not those that only say
        # when or amid what it happened ("paused disbursements FOLLOWING the MILITARY takeover")
        told = [g for c in tok.children if c.dep_ == "prep" and c.lower_ not in SETTING_PREPS for g in c.children] if tok else []
        told += [t for g in [obj, *told] if g is not None for t in _counted(g)]  # "on THOUSANDS of PROTESTERS"
        told += [c for c in tok.children if c.dep_ == "dative"] if tok else []  # "gave the AMBASSADOR 48 hours"
        if obj is not None and is_measured(obj) and obj.head.head.ent_type_ == "MONEY":
            mods.add("financial")  # "pledged $12 BILLION in aid": a sum of money is financial aid
        for t in [tok, obj, *told]:
            if t is None:
                continue
            mods.add(t.lemma_.lower())
            # "TEST-fired": a hyphenated modifier of the verb hangs as npadvmod; "several THOUSAND residents"
            mods.update(c.lemma_.lower() for c in t.children if c.dep_ in ("amod", "compound", "conj", "nmod", "npadvmod", "nummod"))
            for c in t.children:
                if c.dep_ == "conj":
                    mods.update(g.lemma_.lower() for g in c.children if g.dep_ in ("amod", "compound", "nmod"))
        for c in [c for t in (tok, obj) if t is not None for c in t.children]:
            # "accused X OF COMMITTING WAR CRIMES", "rejected calls TO HOLD early ELECTIONS": what is charged or asked
            charge = c.dep_ == "prep" and c.lower_ in CHARGE_PREPS
            if charge or (c.head is obj and c.dep_ == "acl" and is_to_infinitive(c)):
                mods.update(lemma_words(list(c.subtree)[:12]))  # and its two-word phrases: "WAR CRIMES"
        if complement is not None:
            # what one agrees to do, when that is no event of its own: "agreed to work towards eliminating
            # TARIFFS" (0311)
            mods.update(lemma_words(list(complement.subtree)[:14]))
        subject = self._subject_lemmas(tok) if tok else set()  # "SUICIDE bombers": compounds count
        for word, refined in pat.refine:
            if word.startswith("subj:") and word[5:] in subject:  # "Israeli WARPLANES struck": the doer's kind
                return refined
            if word in mods:
                return refined
        return code


def _counted(tok: Token, depth: int = 0) -> list[Token]:
    """What a counting or measure word stands for: "appealed for HUNDREDS of millions of dollars IN AID"
    -> millions, dollars, aid (through "of" and "in" phrases, a few levels deep)."""
    out: list[Token] = []
    if depth > 3:
        return out
    if is_series(tok) or measured(tok) is not None or tok.lemma_.lower() in MEASURES:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.append(g)
                        out.extend(_counted(g, depth + 1))
    return out


def control_subject(tok: Token) -> Token | None:
    """The subject of a verb's infinitive complement, when the verb has no object of its own.

    Why: in "Egypt allowed Palestinian pilgrims to travel", "ordered the police to release ..." the
    small parser often makes the controlled party the SUBJECT of the "to"-clause (ccomp/xcomp with
    nsubj) instead of the main verb's object; the party allowed, ordered or urged is the main verb's
    target all the same. The complement keeps that token as its own subject."""
    if any(c.dep_ in ("dobj", "obj", "dative") for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i and is_to_infinitive(c):
            subj = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
            if subj is not None and subj.lower_ not in ("who", "that", "which", "what"):
                return subj
    return None
