"""Threats by what they threaten when the threatened act is a noun, not a coded verb.

Why a step of its own: "warned North Korea that any threat would be met with FIRE AND FURY", "warned
Bogota that a raid would be a CAUSE FOR WAR" threaten force, yet their that-clause has no verb the
lexicon codes, so the warning stays a bare 130. The words that name force (138) or repression (137)
in the warning's clause are data (modality.yaml: ``threat_words``); a verb the lexicon does code in the
clause has already given the threat its code through ``threat_codes``.
"""

from __future__ import annotations

from collections.abc import Mapping

from dyad.events.base import Found
from dyad.events.syntax import lemma_words

# Clauses of a warning that say what is threatened
THREAT_CLAUSES = ("ccomp", "xcomp", "advcl")


def threat_words(cues: Mapping) -> tuple[tuple[str, frozenset[str]], ...]:
    """modality.yaml's ``threat_words`` as (code, words) in the table's order, read once at start-up."""
    return tuple((str(code), frozenset(str(w).lower() for w in ws)) for code, ws in (cues.get("threat_words") or {}).items())


def settle_threats(found: list[Found], words: tuple[tuple[str, frozenset[str]], ...]) -> list[Found]:
    """Give a bare threat (130) the code of the force or repression its clause names (in place)."""
    for f in found:
        if f.code != "130":
            continue
        toks = [t for c in f.trigger.children if c.dep_ in THREAT_CLAUSES for t in c.subtree]
        said = lemma_words(toks)
        for code, ws in words:  # the table's order: the more specific first
            if said & ws:
                f.code = code
                f.how.append("threatened")
                break
    return found
