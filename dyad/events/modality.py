"""Is a trigger asserted, negated, hypothetical, intended or asked? Read off the dependency parse.

From the trigger we climb the chain of governing clauses (xcomp, ccomp, advcl, conj, prepositional
complements; a noun trigger first climbs to the verb it is an argument of) and look at each clause's
dependents: a negation ("has NOT condemned", "NO evidence that ...", "refrained from denouncing"), a
hypothetical modal ("WOULD have prompted", "COULD be"), a condition ("IF"), a future auxiliary or an
intent head ("WILL meet", "is SCHEDULED to visit", "is EXPECTED to discuss"). Climbing stops at a
reporting verb — reported speech keeps the event asserted, and "would" under it ("said they would
meet") reads as future-in-past, i.e. intent — and at a relative clause, which is its own assertion.
All cue words are data (``dyad/data/patterns/modality.yaml``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from dyad.events.syntax import first_conjunct, is_to_infinitive

ASSERTED, INTENDED, NEGATED, HYPOTHETICAL, QUESTION = "asserted", "intended", "negated", "hypothetical", "question"
# "X will/may Y unless/if Z": the actor's own act made conditional on another's. Coded like an intent:
# a conflictual Y becomes a threat (13x), a cooperative one an offer/intent (03x) -- CAMEO's practice
# for conditional statements by the actor that would carry them out.
CONDITIONAL = "conditional"
# "will not negotiate", "cannot accept": a negated cooperative act stated as the actor's stance (12x)
REFUSED = "refused"
GOVERNED = "governed"  # the complement of "threatened to", "demanded that": coded through the governing verb
CLIMB = {"xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "acl",
         "acomp", "oprd", "dative", "appos", "csubj", "agent", "npadvmod"}  # fmt: skip
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "appos", "oprd", "csubj", "agent"}


def assess(trigger: Token, cues: dict[str, Any]) -> str:
    """The modality of the event whose trigger is ``trigger``: one of asserted, intended, negated,
    hypothetical, question."""
    negators = set(cues.get("negators", []))
    neg_verbs = _forms(cues, "negating_verbs")
    hypo = set(cues.get("hypothetical_modals", []))
    future = set(cues.get("future_modals", []))
    cond = set(cues.get("conditional_marks", []))
    cond_modals = set(cues.get("conditional_modals", []))
    cond_open = set(cues.get("condition_marks", []))
    hypo_heads = _forms(cues, "hypothetical_heads")
    intent_heads = _forms(cues, "intent_heads")
    reporting = _forms(cues, "reporting_verbs")
    governing = _forms(cues, "governing_verbs")
    cancelling = _forms(cues, "cancelling_verbs")
    refusal_aux = set(cues.get("refusal_auxiliaries", []))
    asking = _forms(cues, "asking_verbs")

    if _in_question(trigger):
        return QUESTION
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "aux" and c.lower_ in hypo and c.lower_ != "will" for c in trigger.head.children
    ):
        return HYPOTHETICAL  # "a Chinese BLOCKADE of Taiwan WOULD disrupt supplies": a scenario, not an act
    if trigger.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() in neg_verbs for c in trigger.children):
        return NEGATED  # "Most Germans OPPOSE giving Greece a bailout", with the verb parsed as an auxiliary
    if trigger.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "obj") and any(g.dep_ == "det" and g.lower_ in ("no", "neither") for g in c.children)
        for c in trigger.children
    ):
        return NEGATED  # "reached NO deal", "sent NO troops": the act is denied through its object
    if _presupposed(trigger, set(cues.get("presupposing_preps", []))):
        return ASSERTED
    state = ASSERTED
    tok = trigger
    lead = first_conjunct(trigger)  # the first of coordinated acts: "accused X of crossing the border and KILLING ..."
    prev: Token | None = None
    steps = 0
    while steps < 12:
        steps += 1
        lemma = tok.lemma_.lower()
        if tok.lower_ in intent_heads or tok.lower_ in governing or tok.lower_ in neg_verbs:
            lemma = tok.lower_  # "hoped" lemmatised as "hop": the inflected form decides
        via_conj = prev is not None and prev.dep_ == "conj" and prev.head.i == tok.i
        if prev is not None:
            if lemma in reporting and tok.pos_ in ("VERB", "AUX") and prev.dep_ in ("ccomp", "parataxis", "advcl"):
                if state == HYPOTHETICAL and _has_aux(prev, {"would", "'d"}):
                    return INTENDED  # "said he would visit", "said the talks would resume"
                return state
            if lemma in governing and not via_conj and (
                (prev is trigger and prev.dep_ in ("xcomp", "ccomp"))
                or (lead.dep_ == "pcomp" and lead.head.head in (tok, *tok.children))
            ):
                return GOVERNED  # "threatened to break ...", "accused Iran of supplying ..."
            if lemma in neg_verbs and not via_conj and (
                prev.dep_ in ("xcomp", "pcomp", "prep", "ccomp") or (prev.dep_ == "dobj" and prev is not trigger)
            ):
                return NEGATED  # "refused to meet", "ABANDONED their plans to hijack the vessel"
            if lemma in asking and (
                (prev.dep_ == "dobj" and prev is not trigger and prev.pos_ == "NOUN")
                or (prev.dep_ == "advcl" and is_to_infinitive(prev))
            ):
                return HYPOTHETICAL  # "demanded a meeting TO DISCUSS ...": the purpose of what is asked
            if lemma in intent_heads and prev.dep_ in ("xcomp", "prep", "pcomp", "ccomp", "acl") and not via_conj:
                state = INTENDED if state == ASSERTED else state
            if lemma in cancelling and trigger.pos_ in ("NOUN", "PROPN") and prev is trigger and (
                prev.dep_ in ("nsubjpass", "dobj", "nsubj")
            ):
                return NEGATED  # "the meeting was postponed"
            if tok.pos_ in ("NOUN", "ADJ") and lemma in hypo_heads and lemma not in intent_heads and prev.dep_ in ("acl", "prep", "pcomp", "pobj", "ccomp"):
                return HYPOTHETICAL
            if prev.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in tok.children):
                return NEGATED  # "have yet to sign"
            if lemma == "be" and prev is trigger and prev.dep_ == "xcomp" and _has_aux(prev, {"to"}):
                state = INTENDED if state == ASSERTED else state  # "Li is to visit Moscow"
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("nsubj", "nsubjpass") and not via_conj and any(
                g.dep_ in ("det", "preconj") and g.lower_ in ("no", "neither") for g in child.children
            ):
                return NEGATED  # "NEITHER Saudi Arabia nor the UAE has criticised", "NO country has recognised"
            if (child.dep_ == "neg" or (low in negators and child.dep_ in ("det", "advmod", "preconj", "neg"))) and (
                not via_conj
            ):
                if tok is trigger and _has_aux(tok, refusal_aux) and not _has_condition(tok, cond):
                    return REFUSED
                return NEGATED
            if child.dep_ == "advmod" and not via_conj and any(g.dep_ == "neg" for g in child.children):
                return NEGATED  # "would NO longer fund UNRWA": the act stops, it is not done
            if child.dep_ in ("aux", "auxpass") and low in hypo:
                state = CONDITIONAL if low in cond_modals and _has_condition(tok, cond_open) else HYPOTHETICAL
            elif child.dep_ == "aux" and low in future and state == ASSERTED:
                state = INTENDED
            if child.dep_ == "mark" and low in cond:
                return HYPOTHETICAL
            if child.dep_ == "prep" and low == "without" and tok.pos_ == "NOUN":
                return NEGATED
        if tok.dep_ == "prep" and tok.lower_ == "without":
            return NEGATED
        # a relative or participial clause is its own assertion; an infinitive on a noun is not ("a
        # request TO ALLOW monitors", "plans to visit": the noun decides)
        own_clause = tok.dep_ == "relcl" or (
            tok.dep_ == "acl" and not (is_to_infinitive(tok) or any(c.dep_ == "mark" for c in tok.children))
        )
        if own_clause and tok.pos_ in ("VERB", "AUX"):
            return state
        if tok.dep_ == "conj" and _has_subject(tok):
            return state  # a conjoined clause with its own subject has its own tense and polarity
        if tok.dep_ == "advcl" and tok is not trigger and _has_subject(tok):
            return state
        if tok is trigger and tok.dep_ == "advcl" and tok.tag_ == "VBD" and _has_subject(tok) and any(
            c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in tok.children
        ) and tok.head.dep_ == "xcomp" and tok.head.head.lower_ in intent_heads:
            return state  # "offered to host talks AS HE RECEIVED Zelensky": a past act of its own
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return state
        if tok.dep_ not in CLIMB and not (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ARG_DEPS):
            return state
        prev, tok = tok, tok.head
    return state


_FORMS: dict[tuple[int, str], frozenset[str]] = {}


def _forms(cues: dict[str, Any], key: str) -> frozenset[str]:
    """A cue list with the inflected forms of each word, so a mis-lemmatised verb still matches."""
    cache_key = (id(cues), key)
    if cache_key not in _FORMS:
        from dyad.events.patterns import verb_forms

        words = [str(w) for w in cues.get(key, [])]
        _FORMS[cache_key] = frozenset(f for w in words for f in verb_forms(w)) | frozenset(words)
    return _FORMS[cache_key]


def _has_condition(tok: Token, marks: set[str]) -> bool:
    """Whether a clause carries an if/unless clause of its own ("may halt ... IF cooperation founders")."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children) for c in tok.children
    )


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _has_aux(tok: Token, words: set[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in tok.children)


def _in_question(tok: Token) -> bool:
    """A trigger inside a clause that ends with a question mark (outside quotes the whole sentence)."""
    doc = tok.doc
    end = tok.i
    while end < len(doc) and doc[end].text not in (".", "!", "?", ";"):
        end += 1
    return end < len(doc) and doc[end].text == "?"


def _presupposed(trigger: Token, preps: set[str]) -> bool:
    """A noun event that frames a past clause in time ("agreed to give U.S. forces access to four more bases
    DURING A VISIT to Manila by Lloyd Austin"): the visit took place whatever the clause says of its own
    act, an intent, a refusal or a denial. A clause still to come ("will sign a deal during a visit next
    week") leaves the frame to the usual climb."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj" or trigger.head.lower_ not in preps:
        return False
    clause = trigger.head.head
    while clause.dep_ in ("xcomp", "conj", "advcl") and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    return clause.tag_ == "VBD" or _has_aux(clause, {"has", "have", "had"})
