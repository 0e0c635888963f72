"""Actor slots: reading a trigger's source and target off the dependency parse.

Why: this is where the pattern's ``source``/``target`` specs ("dobj", "dative", "prep:to",
"owner:on", "place:in", "xcomp" ...) become actor mentions — subjects and passive agents, subjects
inherited through xcomp/conj/advcl/relative clauses, members a group lists, owners and nationality
modifiers of objects, and places standing for their country.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.actors.mentions import GOVERNMENT_PREMISES, MILITARY_PREMISES, Mention, place_country
from dyad.events.patterns import Pattern, word_classes
from dyad.events.sentence import SentenceMentions
from dyad.events.syntax import (
    AIM_VERBS,
    MEASURES,
    SERIES,
    conjuncts,
    first_conjunct,
    governing_verb,
    has_subject,
    is_passive,
    is_series,
    is_to_infinitive,
    prep_objects,
)
from dyad.events.triggers import PLACE_MIN_POPULATION, TriggerMatcher
from dyad.words import words

OBJECT_CONTROL = {"urge", "ask", "persuade", "press", "pressure", "invite", "call", "force", "allow", "encourage",
                  "help", "push", "tell", "order"}  # fmt: skip
# Verbs whose object is the doer of their "for/of + -ing" complement
PCOMP_OBJECT_CONTROL = {"thank", "praise", "accuse", "blame", "criticize", "criticise", "condemn", "congratulate",
                        "punish", "sanction", "commend", "credit", "fault", "suspect", "charge", "hail",
                        # "barred his minister's plane from LANDING": the one barred would have done it
                        "bar", "prevent", "stop", "block", "prohibit", "forbid", "keep", "deter"}  # fmt: skip
# Heads of a subject that count or gather its actors ("THOUSANDS of Nigerians protested", "the first
# DEPLOYMENT of NATO troops arrived", "MEMBERS of the Kenyan parliament"): the actors act, not the head
COLLECTIVE_HEADS = SERIES | words("collective_heads")
# Whose body premises stand for: "stormed the Saudi EMBASSY" -> SAUGOV, "close a U.S. air BASE" -> USAMIL
PREMISES_SECTORS = {**dict.fromkeys(GOVERNMENT_PREMISES, "GOV"), **dict.fromkeys(MILITARY_PREMISES, "MIL")}
BRANCH_HEADS = words("branch_heads")
# Smallest city an untagged name may be outside a place phrase ("attacked Grozny"); after "in", "near"
# or "the city of", triggers.PLACE_MIN_POPULATION
UNTAGGED_PLACE_MIN_POPULATION = 200_000
# Prepositions whose nested object says where ("on a bus IN Tunis"): a capital there is a place
NESTED_PLACE_PREPS = frozenset({"in", "at", "near"})
ACCUSATION_NOUNS = words("accusation_nouns")
ACCUSING_VERBS = words("accusing_verbs")
OWNED_PREMISES = words("owned_premises")
COMPANY_PREMISES = words("company_premises")
HOLDING_VERBS = words("holding_verbs")
TRADE_FLOWS = words("trade_flows")
DECREE_NOUNS = words("decree_nouns")
ISSUING_VERBS = words("issuing_verbs")
RECAP_NOUNS = words("recap_nouns")
FIGURE_VEHICLES = words("figure_vehicles")
# Treaties and deals (classes.yaml): a capital modifying one names where it was made
TREATIES = word_classes()["treaties"]
# Entity labels the small model gives town names it does not know ("in Kramatorsk" as a PRODUCT)
UNSURE_PLACE_LABELS = ("", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART")


class SlotReader(TriggerMatcher):
    """Source and target mentions of a trigger, as its pattern's slot specs name them."""

    def _subjects(self, tok: Token, passive: bool, sm: SentenceMentions) -> tuple[list[Mention], bool]:
        """Source mentions: subject or passive agent, else inherited from the governing clause."""
        if passive:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None:  # "was snatched from a street in Minsk BY masked MEN": the parser's "prep" is the agent
                pobj = next((g for g in prep_objects("by", [tok]) if sm.get(g)), None)
            # "stormed by HUNDREDS of Iranian protesters": a count or part of a group stands for the group
            return (self._or_members(pobj, sm), False) if pobj is not None else ([], False)
        subjs = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subjs:
            subj = subjs[0]
            if subj.dep_ == "csubj" and subj.tag_ in ("VBG", "VBN"):
                # "Suicide BOMBERS driving trucks packed with explosives struck two synagogues": a reduced
                # relative the parser took for a clausal subject; its own subject is the doer
                subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
            if subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                return sm.get(tok.head), True
            if len(subjs) > 1:  # "China's top lawmaker Li Zhanshu" parsed as two subjects: the named one
                found = [sm.get(x) for x in subjs]
                best = max(found, key=lambda ms: (any(m.kind == "person" and m.code for m in ms),
                                                  any(m.code for m in ms)))  # fmt: skip
                return best, False
            return self._or_members(subj, sm), False
        if tok.dep_ == "xcomp" and tok.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in tok.head.children):
            return [], False  # "Nisman was found SHOT dead": the passive clause's subject suffered it
        cur, steps, same_subject = tok, 0, True
        # ", TELLING the Security Council that ...": a participle set off by a comma speaks for the
        # main clause's subject, even when it hangs on a complement whose doer is the object
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == ","
        while steps < 5 and cur.head.i != cur.i:
            steps += 1
            dep, head = cur.dep_, cur.head
            if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                found = sm.get(head)
                to_clause = is_to_infinitive(cur)
                if not any(m.code for m in found) and to_clause and dep == "acl":
                    owner = self._owner_of(head, sm)
                    if owner:  # "Washington's DECISION to sell arms", "the EU decision to open talks"
                        return owner, True
                if not any(m.code for m in found) and dep == "acl" and cur.tag_ == "VBG" and (
                    head.lemma_.lower() in DECREE_NOUNS
                ):
                    # "approved an executive ORDER on Wednesday IMPOSING sanctions on ...": what a decree does is
                    # done by whoever issues it
                    verb, s = _governing_subject(head)
                    if s is not None and verb.lemma_.lower() in ISSUING_VERBS:  # not "VETOED a resolution condemning"
                        return self._or_members(s, sm), True
                if not any(m.code for m in found) and to_clause:
                    # "were converging for a RALLY in Lagos to protest ...": the purpose of a non-actor
                    # noun is the purpose of whoever does the verb that governs it
                    _, s = _governing_subject(head)
                    if s is not None:
                        return self._or_members(s, sm), True
                return found, True  # "the first official to visit Beijing"
            if dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL and not participle:
                obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None or head.lemma_.lower() != "help":
                    return (sm.get(obj), True) if obj is not None else ([], True)
                # "send material to HELP defend Saudi Arabia": with no object, the helper does it
            if dep == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in PCOMP_OBJECT_CONTROL:
                obj = next((c for c in head.head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None:  # "thanked China for supporting Russia": China supports
                    return sm.get(obj), True
            if dep == "pcomp" and (head.dep_ == "agent" or (head.lower_ == "by" and is_passive(head.head))):
                break  # "displaced BY FIGHTING": the passive's doer, not something its patients did
            if dep == "conj" and head.dep_ == "ccomp" and not has_subject(cur):
                # "told Balkan leaders that their future lay with the West, and ACCUSED Russia ...": the parser
                # hangs the second act on the reported clause, whose subject names no actor; it is the teller's
                # (only a subject that names nobody, and ", and" set off as the teller's own coordination: not
                # "police say HE struck and killed a woman", where the driver did both)
                said = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                teller = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                cc = next((c for c in head.children if c.dep_ == "cc" and c.i < cur.i), None)
                set_off = cc is not None and cc.i > 0 and cc.doc[cc.i - 1].text == ","
                # a past tense cannot be coordinated with the reported clause's bare verb ("demanded that Japan
                # RELEASE the captain, and SUSPENDED contacts", "said Iran would MEET ..., and ACCUSED"): the
                # teller's act, whoever the reported clause names
                tense_break = cur.tag_ == "VBD" and head.tag_ == "VB"
                nameless = said is not None and said.pos_ == "NOUN" and not sm.get(said)
                if set_off and (nameless or tense_break) and teller is not None and any(m.code for m in sm.get(teller)):
                    return self._or_members(teller, sm), True
            if dep in ("xcomp", "conj", "advcl", "pcomp", "prep", "ccomp", "acomp") or (
                dep == "attr" and head.lemma_ == "be" and cur.tag_ == "VBG"
            ):  # "Qatar is MEDIATING between ...": the progressive parsed as an attribute of "is"
                same_subject = same_subject and dep in ("xcomp", "conj")
                cur = head if dep != "pcomp" else head.head
                s = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if s is not None:
                    return self._or_members(s, sm), True
                continue
            break
        if cur.dep_ == "ROOT" and same_subject:
            # the main verb, or one it shares its subject with ("... have AGREED to allow", "... met
            # and SIGNED"), left without a subject by the parser
            return self._adjacent_subject(cur, sm), cur is not tok
        return [], False

    def _adjacent_subject(self, tok: Token, sm: SentenceMentions) -> list[Mention]:
        """The noun phrase right before a main verb that the parser left without a subject ("With the
        signing of a memorandum, the Sudanese government and SPLM/A HAVE AGREED ...", where the actors
        were hung on "memorandum"): only an actor phrase that ends where the verb group starts."""
        group = [c.i for c in tok.children if c.dep_ in ("aux", "neg", "advmod") and c.i < tok.i]
        start = min(group, default=tok.i)
        if start == 0:
            return []
        prev = sm.sa.doc[start - 1]
        if prev.pos_ not in ("NOUN", "PROPN") or prev.head.i == tok.i:
            return []
        while prev.dep_ in ("conj", "compound", "flat", "appos") and prev.head.i < prev.i:
            prev = prev.head  # "the Sudanese government and SPLM/A": the phrase's first conjunct
        return [m for m in sm.get(prev) if m.code]

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
            holders += prep_objects("of", [holders[i]])
            i += 1
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ == "including" or (c.lower_ == "such" and c.dep_ in ("amod", "prep")):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                objs += [g for a in c.children if a.lower_ == "as" for g in a.children if g.dep_ == "pobj"]
                members.extend(m for o in objs for q in conjuncts(o) for m in sm.get(q) if m.code and m.head == q.i)
        if not members and (tok.lemma_.lower() in COLLECTIVE_HEADS or tok.lower_ in COLLECTIVE_HEADS):
            members = [m for p in prep_objects("of", [tok]) for m in sm.get(p) if m.code]
        if not members and tok.lemma_.lower() in BRANCH_HEADS:
            # "al Qaeda's North African WING claimed responsibility": the group acts through its branch
            owners = [c for c in tok.children if c.dep_ == "poss"] + prep_objects("of", [tok])
            members = [m for o in owners for m in sm.get(o) if m.code and m.kind in ("org", "institution")]
        return members or found

    def _targets(self, tok: Token, pat: Pattern, obj: Token | None, passive: bool,
                 sm: SentenceMentions) -> list[Mention]:  # fmt: skip
        for spec in pat.target:
            found = self._target_spec(spec, tok, obj, passive, sm)
            found = [m for m in found if m.code]
            if found:
                return self._with_object_sector(found, obj, sm)
        return []

    @staticmethod
    def _with_object_sector(found: list[Mention], obj: Token | None, sm: SentenceMentions) -> list[Mention]:
        """Bare countries in the phrase of an object that names officials are their governments: "hosted
        his COUNTERPARTS from the United States and Egypt", "praised the LEADERS of North and South Korea"
        are the countries' governments (EGYGOV, KORGOV), as the gold sets code them."""
        if obj is None or not any(m.kind == "role" and m.sector == "GOV" and m.head == obj.i for m in sm.get(obj)):
            return found
        phrase = {t.i for t in obj.subtree}
        return [m.as_sector("GOV") if m.is_bare_country and m.head in phrase and m.resolved_by != "pronoun" else m
                for m in found]  # fmt: skip

    def _target_spec(self, spec: str, tok: Token, obj: Token | None, passive: bool,
                     sm: SentenceMentions) -> list[Mention]:  # fmt: skip
        holders = [tok] + (conjuncts(obj) if obj is not None else [])
        # "pulled OUT of southern Lebanon", "moved AWAY from the border", "were pulling BACK from the Izium
        # area": the compound preposition's head
        holders += [c for c in tok.children if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("out", "away", "back")]
        # the parser often hangs "on Russia" on the agent: "imposed by the EU on Russia"
        holders += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if obj is not None:  # "a series of agreements WITH China", "500 million euros in aid TO Ukraine",
            # "flew rescue teams and tonnes of relief supplies INTO Nepal"
            holders += [g for o in conjuncts(obj) for c in o.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                        for g in c.children if g.dep_ == "pobj"]  # fmt: skip
            # "tariffs totalling more than 80 PERCENT on Australian barley": the phrase hung on the amount
            holders += [g for a in obj.children if a.dep_ == "acl" and a.tag_ == "VBG" for g in a.children
                        if g.dep_ == "dobj" and any(n.dep_ == "nummod" for n in g.children)]  # fmt: skip
            # "pledged 3.5 trillion yen IN public and private INVESTMENT for India": what an amount is in
            holders += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                        if p.dep_ == "pobj" and p.pos_ == "NOUN" for g in conjuncts(p)]  # fmt: skip
        if spec == "dobj":
            if obj is None:
                return []
            heads = [obj]
            if is_series(obj):  # "tortured scores of refugees"
                heads = prep_objects("of", [obj])
            found = [m for h in heads for m in sm.get(h)]
            # "struck a U.N. OFFICE and Algeria's Constitutional Council": premises conjoined to an actor are their owner's
            if found:
                found += [o for h in heads for q in conjuncts(h) if q.lemma_.lower() in OWNED_PREMISES
                          and not any(m.head == q.i for m in found) and (o := self._premises_owner(q, sm)) is not None]  # fmt: skip
            if not any(m.code for m in found):  # "struck HAMAS targets", "shelled TALIBAN positions"
                found = [m for h in heads for c in h.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                         for m in sm.get(c) if m.code and m.kind in ("org", "institution", "group")]  # fmt: skip
            if not any(m.code for m in found):
                found = [m for h in heads for m in self._holder(h, sm)]
            if not any(m.code for m in found):
                found = self._included(heads, sm)  # "hosted more than 50 world leaders, INCLUDING Bush"
            elif all(m.sector == "CVL" and m.kind == "role" for m in found if m.code) and self._coerces(tok):
                # "detained about 300 PEOPLE in Moscow on Monday, INCLUDING opposition leader Alexei Navalny": the
                # crowd and the named among them, as the gold sets code both when the state arrests or sentences
                # them (a toll "including four French nationals" stays the crowd's)
                named = [m for m in self._included(heads, sm) or self._included([tok], sm)
                         if m.code and m.code not in {f.code for f in found}]  # fmt: skip
                found = found + named
            if not any(m.code for m in found) and (
                role := next((m for h in heads for m in sm.get(h) if m.kind == "role" and m.sector), None)
            ):
                # "summoned the AMBASSADORS of nine Western countries on Thursday, INCLUDING the United States,
                # Germany and France": the phrase set off after the time hangs on the verb; each country's envoy
                found = [m.as_sector(role.sector) if m.is_bare_country else m for m in self._included([tok], sm)]
            if not any(m.code for m in found) and self._recaps_an_act(obj):
                found = self._recapped_doer(tok, sm)
            return found
        if spec == "purpose":  # "fired tear gas TO CLEAR thousands of protesters": whom the act was meant for
            x = next((c for c in tok.children if c.dep_ in ("advcl", "xcomp")
                      and is_to_infinitive(c)), None)  # fmt: skip
            if x is None:  # "imposed export restrictions AIMED AT CUTTING China off from chips"
                x = next((g for a in [*tok.children, *(obj.children if obj is not None else ())]
                          if a.dep_ in ("advcl", "acl") and a.tag_ == "VBN" and a.lemma_.lower() in AIM_VERBS
                          for p in a.children if p.dep_ == "prep" and p.lower_ == "at"
                          for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)  # fmt: skip
            if x is not None and self._object(x, is_passive(x)) is None:
                # "pledged $1.15 billion TO HELP NEPAL REBUILD": the subject of the bare infinitive it governs
                helped = [m for c in x.children if c.dep_ == "ccomp" and c.pos_ == "VERB"
                          for s in c.children if s.dep_ == "nsubj" for m in sm.get(s)]  # fmt: skip
                if any(m.code for m in helped):
                    return helped
                # "pledged $1.15 billion TO HELP REBUILD Haiti": the object of the verb the purpose governs
                x = next((c for c in x.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), x)
            return self._target_spec("dobj", x, self._object(x, is_passive(x)), False, sm) if x is not None else []
        if spec == "sibling":  # "telephoned BUHARI to concede defeat", "conceded defeat and congratulated BARROW":
            # the object of the verb this one is coordinated with or is the purpose of
            others = [tok.head] if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.pos_ == "VERB" else []
            others += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            return next((found for o in others
                         if (found := [m for m in self._target_spec("dobj", o, self._object(o, is_passive(o)), False, sm)
                                       if m.code])), [])  # fmt: skip
        if spec == "answered":  # "the U.S. imposed tariffs ..., and BEIJING RETALIATED with duties": the
            # doer of the clause this one is coordinated with, whose act it answers
            clause = _subject_clause(tok)  # "Seoul VOWED to retaliate"
            if clause.dep_ != "conj" or not has_subject(clause):
                return []
            first = first_conjunct(clause)
            return [m for m in self._subjects(first, is_passive(first), sm)[0] if m.code]
        if spec == "dative":
            d = next((c for c in tok.children if c.dep_ == "dative"), None)
            return sm.get(d) if d is not None else []
        if spec == "ofobj":
            if obj is None:
                return []
            heads = {q.i for q in conjuncts(obj)}
            if own := [m for m in sm.get(obj) if m.head in heads and m.code and m.sector
                       and m.kind in ("institution", "role", "person")]:  # fmt: skip
                return own  # "stormed FIJI's PARLIAMENT", "freed opposition leader Ousmane SONKO": the body or person itself
            owners = [c for c in obj.children if c.dep_ == "poss"]
            owners += prep_objects("of", [obj]) + prep_objects("by", [obj])
            owners += prep_objects("from", [obj])
            found = [m for o in owners for m in sm.get(o)]
            if not any(m.code for m in found) and not any(m.code for m in sm.get(obj)):
                found = self._modifier_phrase(obj, sm)  # "Kurdish REBEL hideouts": a group phrase as modifier
            if not any(m.code for m in found):  # "an Indian proposal", "a U.S. request"
                found = [m for c in obj.children if c.dep_ in ("amod", "compound")
                         for m in self._modifier_actor(c, sm)]  # fmt: skip
            if (sector := PREMISES_SECTORS.get(obj.lemma_.lower())) is not None:  # whose premises they are
                found = [m.as_sector(sector) if m.is_bare_country else m for m in found]
            return found
        if spec == "ccomp_subj":
            clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause else None
            if (subj is None or not any(m.code for m in sm.get(subj))) and clause is not None and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.subtree
            ):
                # "demanded that the Russian government ANSWER questions" parsed with "answer" as a noun,
                # "demanded that Israel HALT settlement building" with "halt" as a modifier: the first
                # actor of the that-clause is who must act
                subj = next((t for t in clause.subtree if t.i < clause.i and any(m.code for m in sm.get(t))), None)
            return sm.get(subj) if subj is not None else []
        if spec == "accuser":
            return self._accuser(tok, obj, sm)
        if spec == "act:for":  # "claimed responsibility FOR the bombings in the Iranian city of Kerman"
            for act in prep_objects("for", [tok] + ([obj] if obj is not None else [])):
                npat = self._noun_pattern(act)
                for sp in npat.target if npat is not None else ():
                    found = [m for m in self._target_spec(sp, act, None, False, sm) if m.code]
                    if found:
                        return found
                # "for the attacks THAT KILLED 129 people in Paris": whom the act's own clause says it hit
                for clause in (c for c in act.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"):
                    cpat = self._pattern_for(clause)
                    if cpat is not None and cpat.code[:2] in ("18", "19", "20"):
                        passive = is_passive(clause)
                        found = self._targets(clause, cpat, self._object(clause, passive), passive, sm)
                        if found:
                            return found
            return []
        if spec in ("xcomp", "ccomp", "clause"):
            # "threatened to break relations WITH Russia", "warned that it would retaliate AGAINST Israel";
            # clause: any that-clause ("denied that its forces had struck a station IN KRAMATORSK")
            if spec == "clause":
                x = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
            else:
                x = self._complement(tok, spec)
            if x is None:
                return []
            xpat = self._pattern_for(x)
            xpassive = is_passive(x)
            xobj = self._object(x, xpassive)
            readings = [(x, xobj, xpassive)]
            if xpat is None and xobj is not None and self.patterns.is_light(x):
                # "had carried out a missile STRIKE on the station in Kramatorsk": the act is the noun's,
                # its phrases hung on the noun or on the light verb
                xpat = self._noun_pattern(xobj)
                if xpat is not None:
                    readings.insert(0, (xobj, None, False))
            specs = xpat.target if xpat else ("dobj", "dative", "prep:to", "prep:with", "prep:against", "prep:on")
            for sp in specs:
                if sp in ("xcomp", "ccomp"):
                    continue
                for h, hobj, hpassive in readings:
                    found = [m for m in self._target_spec(sp, h, hobj, hpassive, sm) if m.code]
                    if found:
                        return found
            return []
        kind, _, word = spec.partition(":")
        if kind == "prep":  # "sanctions on A NUMBER OF senior Russian officials": the counted ones
            objects = [q for p in prep_objects(word, holders)
                       for q in (prep_objects("of", [p]) if is_series(p) else [p])]  # fmt: skip
            found = [m for p in objects for m in sm.get(p)]
            if not any(m.code for m in found):  # "fired on military camps HELD BY Gbagbo's forces"
                found = [m for p in objects for q in conjuncts(p) for m in self._holder(q, sm)]
            if not any(m.code for m in found):
                found = self._included(objects, sm)  # "sanctions on 20 officials, INCLUDING the defence minister"
            if not any(m.code for m in found):  # "opened fire on the MOTORCADE OF Turkmen President Niyazov"
                found = [o for p in objects if p.lemma_.lower() in OWNED_PREMISES | FIGURE_VEHICLES
                         and (o := self._premises_owner(p, sm)) is not None]  # fmt: skip
            return found
        if kind == "holder":  # "the release of 15 sailors WHO WERE SEIZED BY IRANIAN FORCES": their captors
            if word == "dobj":  # "freed dozens of HOSTAGES HELD BY al Qaeda gunmen": the object's, counted or not
                held = [obj, *prep_objects("of", [obj])] if obj is not None else []
            else:
                held = prep_objects(word, holders)
            return [m for p in held for q in conjuncts(p) for m in self._holder(q, sm)]
        if kind == "owner":  # "price limits on RUSSIAN oil", "sanctions on IRAN's central bank", "tariffs on
            # $60 billion worth of U.S. goods"
            # "tariffs on $60 BILLION of American goods": an amount's "of" object is what it measures
            return [m for p in prep_objects(word, holders)
                    for q in (prep_objects("of", [p]) if is_series(p) or p.lower_ in MEASURES else [p])
                    for m in self._owner_of(q, sm)]  # fmt: skip
        if kind == "place":
            places = [obj] if word == "dobj" and obj is not None else prep_objects(word, holders)
            out = []
            for p in places:
                for q in conjuncts(p):
                    # "fired missiles at ISLAMIC STATE bases in eastern Syria": a group's posts are the group,
                    # wherever they lie (as the "dobj" slot reads "struck HAMAS targets")
                    group = [m for c in q.children if c.dep_ == "compound" and c.pos_ == "PROPN" and q.pos_ == "NOUN"
                             for m in sm.get(c) if m.code and m.kind in ("org", "institution", "group")]  # fmt: skip
                    if group:
                        out.extend(group)
                        continue
                    m = self._place_mention(q, sm, asked=True)
                    if m is None and q.pos_ == "NOUN":  # "a strike on the railway station IN KRAMATORSK",
                        # "struck a residential area NEAR a playground IN Kryvyi Rih" (a place near a place;
                        # "a rally near the station" is still the people rallying)
                        near = [w for p in ("near", "outside", "at") for w in prep_objects(p, [q])
                                if q.lemma_.lower() in self.patterns.place_nouns]  # fmt: skip
                        where = prep_objects("in", [q, *near]) + near
                        m = next((m for w in where if (m := self._place_mention(w, sm))), None)
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
                                for p in (p for p in t.children if p.dep_ == "pobj"):
                                    found = sm.get(p)
                                    if word in NESTED_PLACE_PREPS and any(m.kind == "capital" for m in found):
                                        # "blew himself up on a bus IN TUNIS": where, not the government
                                        place = self._place_mention(p, sm)
                                        found = [place] if place is not None else []
                                    out.extend(found)
            return out
        return []

    def _accuser(self, tok: Token, obj: Token | None, sm: SentenceMentions) -> list[Mention]:
        """Who made the accusation a denial answers: the owner of an accusation noun -- the denial's
        object or one elsewhere in the sentence ("denied accusations BY LEBANON'S OPPOSITION",
        "dismissing the BRITISH accusations") -- or, when the denial qualifies such a noun, the subject
        of the clause that noun sums up ("INDIA'S ARMY accused Pakistani troops ..., a charge
        Pakistan's military denied")."""
        nouns = [obj] if obj is not None and obj.lemma_.lower() in ACCUSATION_NOUNS else []
        nouns += [t for t in tok.doc if t.lemma_.lower() in ACCUSATION_NOUNS and t.pos_ == "NOUN" and t not in nouns]
        for noun in nouns:
            found = self._stated_owner(noun, ("by", "from"), sm)
            if found:
                # "the BRITISH accusations", "GERMAN accusations": a nation accuses through its government
                return [m.as_sector("GOV") if m.is_bare_country else m for m in found]
        # "denied that it was behind the attacks, a day after Pompeo BLAMED Tehran": the one who blamed,
        # not the denier itself ("denied ... and ACCUSED Chinese soldiers")
        deniers = {m.code for m in self._subjects(tok, is_passive(tok), sm)[0]}
        for verb in (t for t in tok.doc if t.lemma_.lower() in ACCUSING_VERBS and t.pos_ == "VERB" and t.i != tok.i):
            found = [m for m in self._subjects(verb, is_passive(verb), sm)[0] if m.code and m.code not in deniers]
            if found:
                return found
        if obj is not None and obj in nouns and tok.dep_ == "relcl":
            verb, steps = obj.head, 0  # up to the first clause with a subject: the accusation
            while not (verb.pos_ in ("VERB", "AUX") and has_subject(verb)):
                if verb.head.i == verb.i or steps > 12:
                    break
                verb, steps = verb.head, steps + 1
            if verb.pos_ in ("VERB", "AUX") and verb.i != tok.i:
                return [m for m in self._subjects(verb, is_passive(verb), sm)[0] if m.code]
        if obj is not None and obj in nouns and self._recaps_an_act(obj):
            # "Powell presented what he said was evidence that Iraq was hiding banned weapons, and Iraq
            # denied THE ACCUSATIONS": the one whose words the noun sums up
            return self._recapped_doer(tok, sm)
        return []

    def _stated_owner(self, noun: Token, preps: tuple[str, ...], sm: SentenceMentions) -> list[Mention]:
        """Whose a noun is when the text says so: its possessor or the object of one of ``preps`` ("the
        accusations BY Lebanon's opposition", "the headquarters OF the U.N. agency"), else
        :meth:`_owner_of` (a nationality or name modifier)."""
        owners = [c for c in noun.children if c.dep_ == "poss"] + [p for w in preps for p in prep_objects(w, [noun])]
        return [m for o in owners for m in sm.get(o) if m.code] or self._owner_of(noun, sm)

    def _owner_of(self, tok: Token, sm: SentenceMentions) -> list[Mention]:
        """The actor a non-actor noun belongs to: its possessor ("Iran's banks") or the country of a
        nationality or name modifier ("Russian oil", "US goods"); none for a series noun."""
        if tok.lemma_.lower() in SERIES:
            return []
        found = [m for c in tok.children if c.dep_ == "poss" for m in sm.get(c) if m.code]
        if not found:
            found = [m for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                     for m in self._modifier_actor(c, sm) if m.code]  # fmt: skip
        if not found:  # "goods IMPORTED FROM MEXICO", "steel MADE IN CHINA": where they come from
            found = [m for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     for p in prep_objects("from", [c]) + prep_objects("in", [c]) for m in sm.get(p)
                     if m.code and m.kind in ("country", "capital")]  # fmt: skip
        if not found:  # "tariffs of 25% on imports FROM MEXICO AND CANADA"
            found = [m for p in prep_objects("from", [tok]) for q in conjuncts(p) for m in sm.get(q)
                     if m.code and m.kind in ("country", "capital")]  # fmt: skip
        if not found and tok.lemma_.lower() in TRADE_FLOWS:  # "tariffs on imports OF TURKISH steel"
            found = [m for p in prep_objects("of", [tok]) for q in conjuncts(p) for m in self._owner_of(q, sm)]
        return found

    def _coerces(self, tok: Token) -> bool:
        """Whether the verb is coercion or a sentence (CAMEO 17, 116): "detained", "arrested", "sentenced"."""
        pat = self._pattern_for(tok)
        return pat is not None and (pat.code.startswith("17") or pat.code.startswith("116"))

    @staticmethod
    def _included(nouns: list[Token], sm: SentenceMentions) -> list[Mention]:
        """The actors an "including" phrase names among people the phrase counts without naming: "more
        than 50 world leaders, INCLUDING U.S. President George W. Bush" are Bush (as the gold sets code
        them); none when the counted people are themselves named."""
        return [m for n in nouns for p in prep_objects("including", [n]) for q in conjuncts(p)
                for m in sm.get(q) if m.code]  # fmt: skip

    @staticmethod
    def _recaps_an_act(noun: Token) -> bool:
        """Whether a noun sums up an act the sentence has reported: "the MOVE", "the ATTACK", "the
        brutal KILLING" with no owner or "by" phrase of its own (words.yaml ``recap_nouns``)."""
        return noun.lemma_.lower() in RECAP_NOUNS and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in noun.children
        ) and not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)

    def _recapped_doer(self, tok: Token, sm: SentenceMentions) -> list[Mention]:
        """The doer of the act an object like "the move" sums up: the subject of the clause this one is
        coordinated with ("Medvedev recognised Abkhazia ..., and Bush condemned the decision") or, for a
        comment added to a report ("Iran has withdrawn ..., Grossi said, condemning the move"), of the
        reported clause."""
        clause = _subject_clause(tok)  # "and Qatar condemned ...", "..., condemning the move"
        if clause.dep_ == "conj" and has_subject(clause):
            act = first_conjunct(clause)
        elif clause.i != tok.i and (reported := [c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i]):
            act = reported[0]  # the comment hangs on the reporting verb, the act is what it reports
        elif clause.i != tok.i and clause.dep_ in ("parataxis", "ccomp") and clause.head.i < clause.i:
            act = clause.head
        else:
            return []
        own = {m.code for m in self._subjects(tok if has_subject(tok) else clause, False, sm)[0]}
        return [m for m in self._subjects(act, is_passive(act), sm)[0] if m.code and m.code not in own]

    def _holder(self, noun: Token, sm: SentenceMentions) -> list[Mention]:
        """Who holds a thing or people ("tanks BELONGING TO Gaddafi's forces", "camps HELD BY rebels",
        "sailors who were SEIZED BY Iranian forces"): the actor of their holding clause."""
        out: list[Mention] = []
        for c in noun.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in HOLDING_VERBS:
                holders = [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
                out += [m for h in holders + prep_objects("to", [c]) for m in sm.get(h) if m.code]
        return out

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
        """The actor a modifier names: "Li's", "US" (compound), "Chinese" (amod); not a capital naming
        where a treaty was made ("the PARIS climate agreement", "the MINSK accords")."""
        if c.dep_ == "poss":
            return sm.get(c)
        piece = sm.sa.by_token.get(c.i)
        if piece is None:
            return []
        if c.head.lemma_.lower() in TREATIES and piece.first({"capital"}) is not None and piece.first({"country"}) is None:
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

    def _place_mention(self, tok: Token, sm: SentenceMentions, asked: bool = False) -> Mention | None:
        """A place phrase as a country-level target; a person or organisation stays itself, and so
        does the owner of premises named as the place ("outside the JORDANIAN embassy in Baghdad").
        ``asked``: the pattern's slot expects a place ("took control OF BAKHMUT"), so a name the tagger
        took for a person is a town of the size its object test accepts."""
        if tok.lemma_.lower() in OWNED_PREMISES and (owner := self._premises_owner(tok, sm)) is not None:
            return owner
        if tok.lemma_.lower() in COMPANY_PREMISES and (owner := self._premises_owner(tok, sm)) is not None and (
            owner.sector == "BUS"
        ):
            return owner
        if tok.lemma_.lower() in GOVERNMENT_PREMISES - OWNED_PREMISES:
            # "stormed the presidential PALACE in Niamey": the seat of the government of the country it is in
            country = place_country(sm.sa, tok)[0] or next(iter(sm.sa.scene_countries(tok)), None)
            if country:
                return Mention(tok.left_edge.i, tok.right_edge.i + 1, tok.i, sm.sa.doc[tok.left_edge.i : tok.i + 1].text,
                               code=country + "GOV", country=country, sector="GOV", kind="institution",
                               name=None, resolved_by="place")  # fmt: skip
        ms = [m for m in sm.get(tok) if m.head == tok.i] or sm.get(tok)[:1]
        if ms and ms[0].kind in ("person", "org", "role", "institution") and ms[0].code:
            return ms[0]
        if ms and ms[0].kind in ("capital", "country") and ms[0].country:
            country, text = ms[0].country, ms[0].text
        elif tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in self.patterns.place_nouns:
            if tok.pos_ == "NOUN" and any(self._people_of(p, sm) for p in prep_objects("of", [tok])):
                return None  # "the hideout OF ARMED FILIPINO INTRUDERS in Sabah": theirs, not the region's
            country, text = place_country(sm.sa, tok)
            if not country and tok.pos_ == "PROPN":
                country = self._gazetteer_country(tok, sm, min_population=PLACE_MIN_POPULATION)
            if not country and tok.pos_ == "NOUN":  # "the port city OF MARIUPOL", "the town, KRAMATORSK",
                # "the centre OF THE CITY of Sumy"
                named = [p for p in prep_objects("of", [tok])
                         if p.pos_ == "PROPN" or p.lemma_.lower() in self.patterns.place_nouns]  # fmt: skip
                named += [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
                # "Sudzha, the largest town held by Ukrainian troops IN RUSSIA'S KURSK REGION"
                named += prep_objects("in", [tok, *(c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN")])
                named += prep_objects("near", [tok]) + prep_objects("outside", [tok])  # "a village NEAR KANO"
                inner = next((m for p in named if (m := self._place_mention(p, sm)) is not None), None)
                if inner is not None:
                    country = inner.country
        elif tok.pos_ == "PROPN" and (appos := next((c for c in tok.children if c.dep_ == "appos"
                                                     and c.lemma_.lower() in self.patterns.place_nouns), None)):
            # "LAUKKAI, a town on Myanmar's border with China": the apposition says where
            inner = self._place_mention(appos, sm)
            # "WAD MADANI, the capital of Gezira state": else the name itself, a town the apposition vouches for
            country = inner.country if inner is not None else self._gazetteer_country(tok, sm, PLACE_MIN_POPULATION)
            text = sm.sa.doc[tok.left_edge.i : tok.right_edge.i + 1].text
        elif tok.pos_ == "PROPN" and tok.is_title and not any(m.code for m in ms) and (
            tok.ent_type_ in UNSURE_PLACE_LABELS or (tok.ent_type_ == "NORP" and (asked or self._named_town(tok)))
        ):
            # "attacked Grozny": the tagger often takes a city for a person or a product (and "the town
            # of KIDAL" for a people); only a large city counts unless the phrase says it is a place
            text = sm.sa.doc[tok.left_edge.i : tok.right_edge.i + 1].text
            located = asked or self._named_town(tok) or (
                tok.dep_ == "pobj" and tok.head.lower_ in ("in", "near", "outside") and tok.ent_type_ != "PERSON"
            )
            # "a station IN KRAMATORSK": after a preposition of place a smaller town is still a place
            floor = PLACE_MIN_POPULATION if located else UNTAGGED_PLACE_MIN_POPULATION
            country = self._gazetteer_country(tok, sm, min_population=floor)
        else:
            return None
        if not country:
            return None
        return self._country_place(tok.left_edge.i, tok.right_edge.i + 1, tok.i, text, country, "place")

    def _country_place(self, start: int, end: int, head: int, text: str, country: str, resolved_by: str) -> Mention:
        """A place phrase standing for its country, as a target mention."""
        return Mention(start, end, head, text, code=country, country=country, name=self.kb.country_name(country) or country,
                       kind="place", resolved_by=resolved_by)  # fmt: skip

    def _people_of(self, tok: Token, sm: SentenceMentions) -> bool:
        """Whether a noun names actors rather than a place: an actor mention ("the base OF THE ARMY") or
        people a nationality qualifies ("the hideout OF ARMED FILIPINO INTRUDERS")."""
        if any(m.code and m.kind not in ("capital", "country", "place") for m in sm.get(tok)):
            return True
        return tok.pos_ == "NOUN" and tok.lemma_.lower() not in self.patterns.place_nouns and any(
            m.kind == "country" for c in tok.children if c.dep_ in ("compound", "amod") for m in sm.get(c)
        )

    def _named_town(self, tok: Token) -> bool:
        """Whether a name is what a place noun is called: "the desert city OF TIMBUKTU", whatever the
        tagger took it for."""
        return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in self.patterns.place_nouns

    def _premises_owner(self, tok: Token, sm: SentenceMentions) -> Mention | None:
        """Who an embassy, a headquarters or an office belongs to: its possessor, its "of" object or
        its modifier ("the U.N. agency's headquarters", "the headquarters OF the U.N. agency", "the
        UNITED NATIONS headquarters"); a country's embassy is its government's."""
        found = self._stated_owner(tok, ("of",), sm)
        if not found:
            return None
        m = found[0]
        if tok.lemma_.lower() in GOVERNMENT_PREMISES and m.kind == "country" and m.country and not m.sector:
            m = replace(m.as_sector("GOV"), kind="institution")  # the embassy's state, not its ground
        return m

    def _gazetteer_country(self, tok: Token, sm: SentenceMentions, min_population: int) -> str | None:
        """Country of a proper place name the knowledge base does not know ("Jericho", "Grozny"): a
        region or capital through :meth:`KnowledgeBase.country_of_place`, else the places stage's
        gazetteer, the city that the sentence's countries and its size make likeliest."""
        words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
        name = sm.sa.doc[words[0].i if words else tok.i : tok.i + 1].text
        ctx = sm.sa.context_countries(tok, exclude=range(tok.left_edge.i, tok.right_edge.i + 1))
        return self._place_country(name, ctx, sm.ctx.article_countries(sm.index + 1), min_population)


def _governing_subject(noun: Token) -> tuple[Token | None, Token | None]:
    """The verb that governs a noun and that verb's subject (either may be None)."""
    verb = governing_verb(noun)
    return verb, next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None


def _subject_clause(tok: Token) -> Token:
    """The verb whose subject a subjectless infinitive or participle shares: "Seoul VOWED to retaliate",
    "Grossi SAID ..., condemning the move" (the verb itself when it has a subject of its own)."""
    clause = tok
    while clause.dep_ in ("xcomp", "advcl") and clause.head.i != clause.i and not has_subject(clause):
        clause = clause.head
    return clause
