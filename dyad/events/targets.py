"""Fallback targets and unattributed sources: who an act bears on when the pattern's slots are empty.

Why a module of its own: these are heuristics beyond the pattern data — the owner or nationality of
an object ("shelled ALBANIAN territory"), an after-object preposition ("boycott the talks WITH
Israel"), the place hit ("attacked Grozny"), a purpose clause's target, and for agentless violence an
unidentified armed force (``<country>UAF``) of the scene. Events found this way carry the
"fallback"/"unattributed" evidence, which lowers their confidence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.actors.mentions import Mention, is_shared_institution_name, place_country
from dyad.events.codebook import nearest_listed
from dyad.events.killings import ARMED_SECTORS
from dyad.events.patterns import Pattern
from dyad.events.ranking import STATE_SECTORS
from dyad.events.sentence import SentenceMentions
from dyad.events.slots import SlotReader
from dyad.events.syntax import SERIES, conjuncts, is_passive, is_series, is_to_infinitive, prep_objects

# Violent roots coded to unidentified armed forces when the passive names no doer (FallbackTargets._unattributed)
UNATTRIBUTED_ROOTS = {"18", "19", "20"}
# Coercion (CAMEO 17) of a country-less state body by a state's own actor is done at home (_home_body)
HOME_BODY_ROOTS = ("17",)
# Prepositions after a verb or its object whose object is the party an act bears on (FallbackTargets._fallback_targets)
AFTER_OBJECT_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "over", "from", "at", "into")
# What the last-resort reading of an act's phrase walks through: objects, their modifiers and owners, the
# phrases that say whom an act bears on, and an infinitive complement
PHRASE_DEPS = {"dobj", "dative", "pobj", "xcomp", "poss", "compound", "amod", "nmod", "appos"}
PHRASE_PREPS = {"against", "on", "upon", "with", "to", "toward", "towards", "from", "of", "into"}
# "in protest against X", "in retaliation for X": nouns whose phrase names what an act answers
RESPONSE_NOUNS = {"protest", "retaliation", "response", "reprisal", "revenge", "opposition", "solidarity"}
SCENE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "on"}
# Sectors of a country's leaders: whom soldiers seize in a coup (FallbackTargets._domestic_force)
LEADER_SECTORS = {"GOV", "LEG", "ELI"}
# Places an expulsion or deportation is FROM: its scene (FallbackTargets._state_doer)
EXPULSION_PREPS = {"from"}


class FallbackTargets(SlotReader):
    """Targets past the pattern's slots, and unidentified doers of agentless violence."""

    def state_act(self, code: str) -> tuple[str, str] | None:
        """(sector, where the state is read) for an agentless state act of ``code`` (``state_acts`` in
        modality.yaml, longest code prefix), or None when the code is not a state's act."""
        rule = nearest_listed(self.cues.get("state_acts") or {}, code)
        if not isinstance(rule, dict):
            return None
        return str(rule.get("sector") or "GOV"), str(rule.get("from") or "scene_or_people")

    def _fallback_targets(self, tok: Token, pat: Pattern, obj: Token | None, passive: bool,
                          sources: list[Mention], sm: SentenceMentions, nominal: bool = False) -> list[Mention]:  # fmt: skip
        """Where the pattern's own target slots found nobody, the first actor after the verb that the
        act plainly bears on: the owner or nationality of the object ("shelled ALBANIAN rebel-held
        territory", "seized ISRAEL's ships"), an after-object preposition ("boycott the talks WITH
        Israel", "price caps on RUSSIAN oil"), and for violence a place object standing for its
        country ("attacked Grozny")."""
        taken = {i for m in sources for i in range(m.start, m.end)}

        def ok(ms: list[Mention]) -> list[Mention]:
            return [m for m in ms if m.code and m.head not in taken and not _own(m, sources)]

        def actor_or_owner(t: Token, depth: int = 0) -> list[Mention]:
            found = ok(sm.get(t))
            if found:
                return found
            if t.lemma_.lower() in SERIES:  # "the LIST of 13 demands presented by Saudi Arabia": what is counted
                return [m for p in prep_objects("of", [t]) for m in actor_or_owner(p, depth)]
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
                found = found or [m for p in prep_objects("of", [t]) for m in actor_or_owner(p, 1)]
                # "violations BY Algerian security forces": the doer of the misdeed an act answers
                found = found or [m for p in prep_objects("by", [t]) for m in actor_or_owner(p, 1)]
            if not found and depth <= 1:  # "war crimes COMMITTED BY Israel": the agent of a participle on it
                found = [m for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"
                         for p in prep_objects("by", [c]) for q in conjuncts(p) for m in actor_or_owner(q, 2)]  # fmt: skip
            return found

        # a pattern that names its object words without an ofobj slot says the object's owner is not
        # the target: "expressed BEIJING's opposition" is the speaker's own stance
        owned_stance = bool(
            obj is not None and obj.lemma_.lower() in pat.objects and "ofobj" not in pat.target
            and any(c.dep_ == "poss" for c in obj.children)
        )  # fmt: skip
        # "fired U.S.-SUPPLIED missiles at ...", "BRITISH-made Storm Shadows": the weapon a violent act names
        # is the doer's; who made or supplied it is not hit
        weapon = obj is not None and pat.code[:2] in UNATTRIBUTED_ROOTS and obj.lemma_.lower() in self.weapon_words
        if (obj is not None and not passive and not nominal and not owned_stance and not weapon
                and obj.lemma_.lower() not in self.referent_nouns):  # fmt: skip
            found = actor_or_owner(obj)
            if found:
                return found
        if pat.code[:2] in self.reaction_roots and not nominal:
            found = ok(self._referent_doers(tok, obj, sm))
            if found:
                return found
        # "launched artillery, mortar and rocket fire AGAINST ...": the phrase may hang on any conjunct
        holders = [tok] + (conjuncts(obj) if obj is not None else [])
        for word in AFTER_OBJECT_PREPS:
            for p in prep_objects(word, holders):
                found = actor_or_owner(p, 1)  # "on the campus OF the University": a scene, not a part
                if found:
                    return found
        for p in prep_objects("in", holders):
            # "staged a hunger strike IN PROTEST AGAINST violations by Algerian security forces"
            if p.lemma_.lower() in RESPONSE_NOUNS:
                for word in ("against", "at", "of", "over", "to", "on", "for"):
                    found = [m for q in prep_objects(word, [p]) for m in actor_or_owner(q)]
                    if found:
                        return found
        for p in prep_objects("as", [tok]):  # "denounced as an ugly crime Serbia's suppression of"
            found = [m for c in p.children if c.dep_ == "appos" for m in actor_or_owner(c)]
            if found:
                return found
        if pat.code[:2] in UNATTRIBUTED_ROOTS and not passive and not nominal:
            # "attacked Grozny", "fired shells at targets IN JERICHO", "pounded cities ACROSS Ukraine": the
            # place hit, or where what was hit lies, stands for its country
            aimed = ([obj] if obj is not None else []) + [
                p for w in ("at", "on", "against", "into", "across") for p in prep_objects(w, holders)]  # fmt: skip
            for a in aimed:
                for q in [a, *prep_objects("in", [a]), *prep_objects("across", [a]), *prep_objects("inside", [a])]:
                    m = self._place_mention(q, sm)
                    if m is not None and m.code and m.head not in taken:
                        return [m]
        if pat.mutual or nominal:
            return []
        return self._nearest_in_phrase(tok, sources, sm) or self._told_of_the_act(tok, obj, sources, sm)

    def _told_of_the_act(self, tok: Token, obj: Token | None, sources: list[Mention],
                         sm: SentenceMentions) -> list[Mention]:  # fmt: skip
        """"dissolved opposition leader Sonko's party, ACCUSING IT of calling for insurrection", "severed
        relations with Kenya, ACCUSING ITS NEIGHBOUR of violating its sovereignty": a participle's object that
        names no one of its own (a pronoun, or a noun owned by one) is whom the act it comments on bears on."""
        if tok.dep_ != "advcl" or tok.tag_ != "VBG" or obj is None or tok.head.pos_ != "VERB":
            return []
        if obj.pos_ != "PRON" and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
            return []
        return self._nearest_in_phrase(tok.head, sources, sm)

    def _nearest_in_phrase(self, tok: Token, sources: list[Mention], sm: SentenceMentions) -> list[Mention]:
        """Last resort: the first actor named in the act's own phrase -- its object, the phrases that
        say whom an act bears on, and its infinitive complement, never a place, a reason or a clause
        with a subject of its own ("retaliated with new tariffs on all U.S. goods", "denounced as
        blasphemous ESTONIA's removal of a memorial")."""
        taken = {i for m in sources for i in range(m.start, m.end)}
        frontier, seen = [tok], []
        while frontier:
            t = frontier.pop(0)
            for c in t.children:
                if c.dep_ in PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ in PHRASE_PREPS):
                    seen.append(c)
                    frontier.append(c)
        for t in sorted(seen, key=lambda t: t.i):
            if t.pos_ == "PRON" or t.i < tok.i:
                # "killed HIS former girlfriend": the doer's own people, whoever "his" was; a phrase
                # before the verb sets the scene ("ON the Seattle campus, a gunman killed ...")
                continue
            found = [m for m in sm.get(t) if m.code and m.head == t.i and m.kind not in ("capital", "place")
                     and m.head not in taken and not _own(m, sources)]  # fmt: skip
            if found:
                return found[:1]
        return []

    def _purpose_targets(self, verb: Token, sources: list[Mention], sm: SentenceMentions) -> list[Mention]:
        """"started a hunger strike TO PROTEST President Assad's failure", "launched an offensive TO
        RECAPTURE Grozny": a light-verb act with no target of its own bears on the target of the
        purpose clause, when that clause's verb is itself a trigger."""
        for x in verb.children:
            if x.dep_ != "advcl" or not is_to_infinitive(x):
                continue
            xpat = self._pattern_for(x)
            if xpat is None:
                continue
            xpassive = is_passive(x)
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
        if not targets or not self._armed_violence(tok, targets, sm):
            return []
        country = self._scene_country(tok, sm) or targets[0].country
        if not country:
            return []
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        span = sm.sa.doc[agent.left_edge.i : agent.right_edge.i + 1] if agent is not None else sm.sa.doc[tok.i : tok.i + 1]
        return [Mention(span.start, span.end, tok.i, span.text, code=country + "UAF", country=country,
                        sector="UAF", name=None, kind="role", resolved_by="unattributed")]  # fmt: skip

    def _armed_violence(self, tok: Token, targets: list[Mention], sm: SentenceMentions) -> bool:
        """Whether an agentless killing or wounding is the work of an armed force. The cause it
        names ("by a roadside bomb", "in a car bomb explosion"; places and actors aside) must be
        violence; with no cause named, the victims must be fighters ("two soldiers were killed in
        southern Lebanon") or the sentence must speak of violence. "Killed by a quake", "in a crash"
        or "10 people were killed" in a disaster story has no armed doer to code."""
        causes = [
            g
            for c in tok.children
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "during"))
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() not in self.patterns.place_nouns
            and not sm.get(g)
        ]  # fmt: skip
        if is_passive(tok):
            # an agentless passive: only a named blast or barrage has an armed doer to code ("were killed BY
            # AN IMPROVISED EXPLOSIVE DEVICE", "IN A SUICIDE CAR BOMBING": assaults in the PLOVER gold
            # records); "killed IN A SHOOTING", "IN AN AMBUSH" or "was shot dead" with no doer named is
            # no event in any gold triple set (27 of 29 such events were wrong)
            return any(self._violent_word(g) and _names_cause(g, self.explosive_causes) for g in causes)
        if any(self._violent_word(g) for g in causes):
            return True
        if any(_names_cause(g, self.disaster_causes) for g in causes):
            return False
        if any(m.sector in ("MIL", "REB", "UAF") for m in targets):
            return True
        return any(t.lemma_.lower() in self.violent_causes for t in sm.sa.doc if t.i != tok.i)

    def _violent_word(self, g: Token) -> bool:
        """A ``violent_causes`` word (modality.yaml), itself or its modifier: "a car BOMB explosion",
        "MORTAR fire"."""
        return _names_cause(g, self.violent_causes)

    def _referent_doers(self, tok: Token, obj: Token | None, sm: SentenceMentions) -> list[Mention]:
        """The doers of the main clause's act when a reaction is about that act through a noun that
        stands for it: "Putin proclaimed the annexation ..., a MOVE Kyiv denounced" (-> RUS),
        "soldiers detained the president, in a COUP condemned by the UN" (-> the soldiers)."""
        noun = obj if obj is not None and obj.lemma_.lower() in self.referent_nouns else None
        if noun is None and tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() in self.referent_nouns:
            noun = tok.head
        if noun is None:
            return []
        verb = noun.head
        for _ in range(4):  # up through "in a coup", "..., a move" to the verb whose act it names
            if verb.pos_ in ("VERB", "AUX") and verb.i < noun.i:
                break
            if verb.head.i == verb.i:
                return []
            verb = verb.head
        else:
            return []
        if verb.pos_ not in ("VERB", "AUX") or verb.i >= noun.i:
            return []
        for _ in range(4):
            # "suspended parliament and DISMISSED the premier": a conjunct shares its subject; a
            # subject with no actor in it (a misparse) sends the search on to the governing verb
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            found = [m for m in sm.get(subject) if m.code] if subject is not None else []
            if found or verb.head.i == verb.i:
                return found
            verb = verb.head
        return []

    def _scene_country(self, tok: Token, sm: SentenceMentions, extra_preps: frozenset[str] = frozenset()) -> str | None:
        """Country of the place a verb's locative phrases name, looking one phrase deep ("killed in a
        bombing IN BAGHDAD", "killed by a bomb OUTSIDE BASRA"); never inside its subject or object."""
        holders = [tok] + [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        todo = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS | extra_preps]
        seen = 0
        while todo and seen < 8:
            prep = todo.pop(0)
            seen += 1
            for g in prep.children:
                if g.dep_ != "pobj":
                    continue
                for q in conjuncts(g):
                    if q.ent_type_ in ("GPE", "LOC", "FAC") or q.lemma_.lower() in self.patterns.place_nouns:
                        country, _ = place_country(sm.sa, q)
                        if country:
                            return country
                todo.extend(c for c in g.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS | {"of"})
            todo.extend(c for c in prep.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS | {"of"})
        return None

    def _domestic_force(self, raw_sources: list[Mention], code: str, targets: list[Mention]) -> list[Mention]:
        """Country-less soldiers who seize a country's leaders are that country's military ("mutinous
        soldiers detained Malian President Keita" -> MLIMIL 173 MLIGOV): a coup is done at home. Only
        for ``domestic_force_codes`` (modality.yaml) and leaders of one country as the target."""
        if not self.code_listed("domestic_force_codes", code):
            return []
        soldiers = [s for s in raw_sources if s.sector == "MIL" and not s.country and s.kind == "role"]
        homes = {t.country for t in targets if t.sector in LEADER_SECTORS and t.country}
        if not soldiers or len(soldiers) != len(raw_sources) or len(homes) != 1:
            return []
        home = homes.pop()
        return [replace(s, country=home, code=home + "MIL", resolved_by="compose") for s in soldiers]

    @staticmethod
    def _home_body(obj: Token, sources: list[Mention], sm: SentenceMentions) -> list[Mention]:
        """A body of the state named with no country ("dissolved PARLIAMENT", "purged THE ARMY") as the
        object of a coercive act by a state actor of one country is that country's own: a state coerces
        its own institutions and former office holders. Only bodies (GOV, LEG, JUD, MIL, COP, SPY) and ELI,
        only one doers' country; a counted noun ("thousands OF SOLDIERS") and each conjunct."""
        countries = {s.country for s in sources if s.sector in STATE_SECTORS}
        if len(countries) != 1 or None in countries or len(sources) != len([s for s in sources if s.country]):
            return []
        home = countries.pop()
        out = []
        # "detained THOUSANDS OF soldiers": the counted noun; "purged the army AND the police": each conjunct
        for head in prep_objects("of", [obj]) if is_series(obj) else [obj]:
            heads = {c.i for c in conjuncts(head)}
            for m in sm.get(head):
                if any(c.dep_ == "poss" for c in obj.doc[m.head].children):
                    continue  # "banned 118 of ITS members": whose they are is said
                # "arrested 11 FORMER ministers": its former office holders too (ELI)
                if m.head in heads and not m.country and m.sector in (*STATE_SECTORS, "ELI") and m.kind in ("role", "institution"):
                    out.append(replace(m, country=home, code=home + m.sector, needs_country=False, resolved_by="home"))
                elif m.head in heads and m.kind == "institution" and m.country != home and m.sector and (
                    is_shared_institution_name(m.text)
                ):  # "Peru's president dissolved CONGRESS": a body many states have, the doer's own
                    out.append(replace(m, country=home, code=home + m.sector, name=None, resolved_by="home"))
        return out

    @staticmethod
    def _armed_men_where_they_strike(raw_sources: list[Mention], code: str, targets: list[Mention]) -> list[Mention]:
        """Country-less armed men who attack or take one place are of its country, as the scene rule
        makes them when the tagger knows the place ("REBELS attacked Goma" -> CODREB; it took "Goma" for
        a person). Only violent codes and one place as the target."""
        if code[:2] not in UNATTRIBUTED_ROOTS:
            return []
        armed = [s for s in raw_sources if s.needs_country and not s.country and s.sector in ARMED_SECTORS]
        homes = {t.country for t in targets if t.kind == "place" and t.country}
        if not armed or len(armed) != len(raw_sources) or len(homes) != 1:
            return []
        home = homes.pop()
        return [replace(s, country=home, code=home + (s.sector or ""), needs_country=False, resolved_by="scene")
                for s in armed]  # fmt: skip

    def _state_doer(self, tok: Token, pat: Pattern, obj: Token | None, targets: list[Mention],
                    sm: SentenceMentions) -> tuple[list[Mention], list[Mention]]:  # fmt: skip
        """The state as the doer of an agentless passive state act ("opposition leaders were arrested
        in Cairo" -> EGYCOP 173 EGYOPP; "fifty soldiers have been demobilized" -> GOV 0873 MIL; "two
        Russian diplomats were expelled from Estonia" -> ESTGOV 161 RUSGOV): the sector ``state_acts``
        (modality.yaml) names for the code, of the scene's country, else (where the table allows it)
        of the victims' country.

        Why so narrow: only the state arrests, frees prisoners and demobilises in the news, but a
        sentence that names any other actor outside the act's own target and scene may name the
        doer in a way the parser did not link ("Hamas said two men were arrested in Gaza"); then no
        event is coded. The victim named again, the scene's own country and the press are no such actors.
        Returns (sources, targets); both empty when the rule does not apply."""
        rule = self.state_act(pat.code)
        if rule is None or obj is None or tok.dep_ in ("acl", "relcl", "amod") or tok.head.dep_ in ("acl", "relcl"):
            return [], []
        if any(c.dep_ == "agent" for c in tok.children):
            return [], []  # "destroyed BY a fire", "indicted BY a grand jury": a doer is named, just not coded
        if not targets:  # the passive subject is who the act was done to, whatever the pattern's slots
            targets = [m for m in sm.get(obj) if m.code]
        if not targets:
            return [], []
        scene = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS | {"under"} | EXPULSION_PREPS
                 for p in c.subtree]  # fmt: skip
        allowed = {i for m in targets for i in range(m.start, m.end)} | {t.i for t in scene} | {obj.i}
        allowed |= {t.i for t in obj.subtree}
        sector, read_from = rule
        country = self._scene_country(tok, sm, frozenset(EXPULSION_PREPS) if read_from == "scene" else frozenset())
        victims = {m.code for m in targets}
        for i, ms in sm.cache.items():
            # another actor in the sentence may be the doer; not the victim named again ("as HE travelled"),
            # the scene's own country ("protests in TURKEY") or the press reporting it ("HIS NEWSPAPER said")
            rivals = [m for m in ms if m.code and m.code not in victims and m.sector != "MED"
                      and not (m.kind in ("country", "capital", "place") and m.country == country)]  # fmt: skip
            if i not in allowed and rivals:
                return [], []
        if read_from == "scene" and country in {m.country for m in targets}:
            country = None  # "Russian diplomats were expelled from Russia" names no expelling state
        if country is None and read_from == "scene_or_people":
            country = targets[0].country
        if not country:
            return [], []
        span = sm.sa.doc[tok.i : tok.i + 1]
        src = Mention(span.start, span.end, tok.i, span.text, code=country + sector, country=country, sector=sector,
                      name=None, kind="role", resolved_by="agentless")  # fmt: skip
        return [src], targets


def _own(m: Mention, sources: list[Mention]) -> bool:
    """A doer itself, or the doers' own country named bare: no fallback target ("Trump signed an order
    withdrawing THE UNITED STATES from the Paris agreement" bears on no one)."""
    return any(m.code == s.code or (m.kind == "country" and m.country == s.country) for s in sources)


def _names_cause(g: Token, words: frozenset[str]) -> bool:
    """Whether a cause noun is one of ``words``, itself or through a compound modifier ("a car BOMB explosion")."""
    return any(w.lemma_.lower() in words for w in (g, *(c for c in g.children if c.dep_ == "compound")))
