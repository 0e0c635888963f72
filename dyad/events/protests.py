"""Protest events as CAMEO coders code them: whom a protest is aimed at, and what it is for.

Why a step of its own: news says "thousands marched in Tbilisi against the foreign agents law" and
names no addressee, yet every gold set we have codes the protest against the protesters' own
government (GEOCVL 141 GEOGOV), picks the leaf from what is demanded (a law or plan -> 1412, the
leader's resignation -> 1411, rights -> 1413) and codes protesters storming an embassy or torching cars
as violent protest (145), not as war. These are conventions about a whole event, so they are applied
after the verb and noun steps have found the sentence's candidates. The word lists are data
(modality.yaml: ``protest_purposes``, ``protester_words``, ``gathering_verbs``).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dyad.actors.mentions import Mention
from dyad.events.base import Found, implied_target
from dyad.events.codebook import nearest_listed
from dyad.events.ranking import STATE_SECTORS  # sectors that act for the state, not against it
from dyad.events.syntax import first_conjunct, has_subject, lemma_words

PROTEST_ROOT = "14"
# Roots a crowd's violence falls under before it is read as a violent protest (145): coercion
# ("torched cars"), assault, fighting ("stormed the embassy")
CROWD_VIOLENCE_ROOTS = ("17", "18", "19")
# ... but a mob beating someone to death kills (1823), protest or not
CROWD_KILLINGS = ("1823",)
# Whom a protest's purpose is asked of: the country itself, its government, parliament, courts, state
# television ("stormed the headquarters of state television, demanding the resignation": 1451); never
# the police the crowd clashes with
PETITIONED_SECTORS = (None, "GOV", "LEG", "JUD", "MED")


def purpose_digit(doc: Doc, purposes: Iterable[tuple[str, Iterable[str]]], skip: Container[int] = (),
                  own: Iterable[int] = ()) -> str | None:  # fmt: skip
    """The CAMEO leaf digit of what the protest in ``doc`` demands ("1" leadership change, "2" policy,
    "3" rights, "4" institutions), from the first purpose list (in the table's order) with a word in the
    protest's ``own`` phrase, else in the sentence, outside ``skip`` (the protesters' own phrase); None
    when nothing says. The protest's own words come first: "protested against the LAW" says it even when
    another clause tells of "the cabinet's offer to RESIGN"."""
    purposes = list(purposes)
    own = [i for i in own if i not in skip]
    for scope in ([doc[i] for i in own], [t for t in doc if t.i not in skip]):
        words = lemma_words(scope)
        for digit, cues in purposes:
            if any(str(c).lower() in words for c in cues):
                return str(digit)
    return None


def _protest_phrase(trigger: Token) -> list[int]:
    """The words of the protest itself: its verb's or noun's dependents, and its purpose ("rallied TO DEMAND
    the resignation"), short of another clause with a doer of its own ("AS THE CABINET offered to resign")."""
    return [t.i for c in trigger.children
            if c.dep_ not in ("conj", "cc", "parataxis") and not (c.dep_ in ("advcl", "ccomp", "relcl") and has_subject(c))
            for t in c.subtree]  # fmt: skip


def _crowd_phrase(doc: Doc, src: Mention) -> set[int]:
    """The protesters' own words and the "of" phrase that says whom they back ("supporters of
    FAR-RIGHT former President Bolsonaro"): who they are, not what they want."""
    backed = [t.i for p in doc[src.head].children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree]
    return set(range(src.start, src.end)) | set(backed)


@dataclass(frozen=True)
class ProtestRules:
    """modality.yaml's protest tables, read once when the coder starts."""

    crowd_words: frozenset[str]
    purposes: tuple[tuple[str, frozenset[str]], ...]  # (leaf digit, cue words), in the table's order
    gathering_verbs: frozenset[str] = frozenset()  # a crowd's movement that a demand makes a protest
    demand_to_protest: Mapping[str, str] = field(default_factory=dict)  # modality.yaml protest_codes
    crowd_modifiers: frozenset[str] = frozenset()  # "PROTESTING farmers": words that make any people a crowd

    @classmethod
    def from_cues(cls, cues: Mapping) -> ProtestRules:
        purposes = cues.get("protest_purposes") or {}
        return cls(frozenset(str(w).lower() for w in cues.get("protester_words") or ()),
                   tuple((str(d), frozenset(str(c).lower() for c in ws)) for d, ws in purposes.items()),
                   frozenset(str(w).lower() for w in cues.get("gathering_verbs") or ()),
                   {str(k): str(v) for k, v in (cues.get("protest_codes") or {}).items()},
                   frozenset(str(w).lower() for w in cues.get("protesting_modifiers") or ()))  # fmt: skip


def demands_of_crowds(found: list[Found], rules: ProtestRules) -> list[Found]:
    """A crowd's demand told as a participle of its protest or of its gathering.

    - "rallied outside parliament, DEMANDING the resignation of the president": the rally is the event
      (its leaf comes from the purpose), and the demand is not a second one;
    - "poured into Tahrir Square DEMANDING the removal of Mubarak": people gathering to demand protest
      (1041 -> 1411 through ``protest_codes``), as every gold set codes it.
    """
    out = []
    for f in found:
        t = first_conjunct(f.trigger)  # "stormed the airport, halting flights and DEMANDING"
        # the verb the demand hangs on: "rallied, DEMANDING", or the crowd's own verb for a demand that
        # qualifies the crowd ("PROTESTERS demanding the resignation ... stormed")
        if t.dep_ in ("advcl", "xcomp") and t.head.i != t.i and not has_subject(t):
            verb = t.head
        elif t.dep_ == "acl" and t.head.i == f.source.head:
            verb = t.head.head
        else:
            verb = None
        if verb is None and f.code.startswith("10") and f.target is None and _crowd(f, rules):
            # "as DEMONSTRATORS DEMANDED a faster return to civilian rule": a crowd's demand addressed to
            # no one is what it protests for, of its own state (settle_protests)
            f.code = nearest_listed(rules.demand_to_protest, f.code) or "141"
            f.how.append("crowd")
            out.append(f)
            continue
        if verb is None or not f.code.startswith("10") or f.source.sector in STATE_SECTORS:
            out.append(f)
            continue
        if any(verb.i in (g.trigger.i, g.trigger.head.i) and g.code[:2] == PROTEST_ROOT
               and g.source.code == f.source.code for g in found):  # fmt: skip
            continue  # the protest says it ("began a hunger STRIKE to demand": the light verb's act)
        if verb.lemma_.lower() in rules.gathering_verbs:
            f.code = nearest_listed(rules.demand_to_protest, f.code) or "141"
            f.how.append("gathered")
        out.append(f)
    return out


def _crowd(f: Found, rules: ProtestRules) -> bool:
    """Whether the doer is a crowd (``protester_words``): "DEMONSTRATORS", "thousands of PROTESTERS",
    or people said to protest (``protesting_modifiers``): "thousands of PROTESTING farmers"."""
    doc = f.trigger.doc
    if f.source.sector in STATE_SECTORS or not 0 <= f.source.head < len(doc):
        return False
    head = doc[f.source.head]
    return head.lemma_.lower() in rules.crowd_words or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in rules.crowd_modifiers for c in head.children
    )


def settle_protests(found: list[Found], rules: ProtestRules,
                    country_name: Callable[[str | None], str | None] = lambda code: None) -> list[Found]:
    """Apply the protest conventions to one sentence's candidates (in place; returns ``found``).

    - a crowd (``protester_words``) doing violence (17-19) is protesting violently: 145;
    - a crowd's demand told as a participle is its protest (:func:`demands_of_crowds`);
    - a protest whose "they" was read as the police or the army is dropped (the crowd is meant);
    - "in protest" on another act is that act's reason, not a protest of its own;
    - people's unspecified dissent (140) is a demonstration (141);
    - a 14x event of a non-state actor with no target is aimed at its own government;
    - a three-digit 141-145 takes its leaf from the sentence's ``protest_purposes``.
    """
    for f in found:
        src = f.source
        if f.code[:2] in CROWD_VIOLENCE_ROOTS and f.code not in CROWD_KILLINGS and _crowd(f, rules):
            f.code = "145"
            f.how.append("crowd")
    found = demands_of_crowds(found, rules)
    # "police detained Kasparov and his supporters as THEY tried to march": a pronoun read as the police
    # or the army is the crowd they acted on; security forces do not protest
    found = [f for f in found if not (f.code[:2] == PROTEST_ROOT and f.source.resolved_by == "pronoun"
                                      and f.source.sector in ("COP", "MIL"))]  # fmt: skip
    # "recalled its ambassador IN PROTEST": the manner of another act is that act's reason, not a
    # second event (every gold set codes the recall alone)
    acts = {g.trigger.i for g in found if g.code[:2] != PROTEST_ROOT}
    found = [f for f in found if not (f.code[:2] == PROTEST_ROOT and f.trigger.dep_ == "pobj"
                                      and f.trigger.head.lower_ == "in" and f.trigger.head.head.i in acts)]  # fmt: skip
    # "besieged the Japanese embassy, hurling rocks": a protest aimed elsewhere in the sentence has its
    # addressee already
    aimed = {f.source.code for f in found if f.code[:2] == PROTEST_ROOT and f.target is not None}
    for f in found:
        src, tgt = f.source, f.target
        if f.code[:2] != PROTEST_ROOT or src.sector in STATE_SECTORS or not src.country:
            continue
        if f.code == "140" and src.sector is not None:
            f.code = "141"  # people protesting are demonstrating ("Georgians protested against the law")
        if tgt is None and src.sector is not None and src.code not in aimed:
            f.target = tgt = implied_target(src, "GOV", country_name(src.country))  # the protesters' own government
            f.how.append("implied")
        # the leaf says what the protesters want of their own state, not of a foreign embassy
        home = tgt is not None and tgt.country == src.country and tgt.sector in PETITIONED_SECTORS
        if home and f.code in ("141", "142", "143", "144", "145"):
            digit = purpose_digit(f.trigger.doc, rules.purposes, skip=_crowd_phrase(f.trigger.doc, src),
                                  own=_protest_phrase(f.trigger))  # fmt: skip
            if digit:
                f.code += digit
    return found
