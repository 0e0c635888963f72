"""An attack with no named doer and a group's claim of responsibility, or someone's blame, in one sentence.

Why a step of its own: "A suicide bomber blew himself up among devotees at a Sufi shrine ..., killing at
least 70 people, and Islamic State claimed responsibility" names the bomber by no group, so the attack
is coded to the country's unidentified armed forces (UAF), and the claim, which says "for" nothing, has
no target. Every gold triple set codes such a sentence as the claiming group's attack and as a claim aimed
at whom the attack hit (IMGMUSISI PAKCVL 1831 and 015): 14 sentences across the twelve sets.

"A car bomb tore through a crowded transport hub in central Ankara, killing at least 34 people, and
Turkey's government blamed Kurdish militants" names no doer either; a blame is no claim, so the bomb is not
the militants', and the gold sets code such a sentence as the blame alone (all 16 sentences where a
weapon, a blast or an agentless passive did the killing). A person who did it ("a suicide bomber blew
himself up ..., and officials blamed ...") stays an attack of its own, as the gold sets code it.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.events.base import Found
from dyad.events.killings import armed_group
from dyad.events.ranking import VIOLENT_ROOTS

CLAIM_CODE = "015"
BLAME_CODE = "112"


def settle_claims(found: list[Found]) -> list[Found]:
    """Give the unattributed attacks of a sentence the one armed group that claims responsibility in it,
    and a claim with no target the attack's target (in place; returns ``found``)."""
    claims = [f for f in found if f.code == CLAIM_CODE and armed_group(f.source) and not _unattributed(f)]
    if len({f.source.code for f in claims}) != 1:
        return found  # no claim, or two groups claiming: whose attack it was is not told
    attacks = [f for f in found if f.code[:2] in VIOLENT_ROOTS and _unattributed(f)]
    if not attacks:
        return found
    claimer = claims[0].source
    for f in attacks:
        f.source = replace(claimer, start=f.source.start, end=f.source.end, head=f.source.head, text=f.source.text)
        f.how[:] = [tag for tag in f.how if tag != "unattributed"] + ["claimed"]
    hit = next((f.target for f in attacks if f.target is not None), None)
    for f in claims:
        if f.target is None and hit is not None:
            f.target = hit
            f.how.append("claimed")
    return found


def settle_blames(found: list[Found]) -> list[Found]:
    """Drop the attacks the coder gave unidentified armed forces for want of a doer (a weapon or an agentless
    passive did it) when the sentence blames someone for an act: the blame is the news. A blast with no
    one named ("a car bomb EXPLODED outside a police station, wounding 28 people") is dropped even with
    no blame, unless a group claimed it (settle_claims, first): every gold triple set leaves such a
    sentence empty (9 sentences), where an agentless passive ("three US servicemen were killed by an
    improvised explosive device") is an assault in the PLOVER gold records."""
    blamed = any(f.code.startswith(BLAME_CODE) and f.target is not None and not _unattributed(f) for f in found)
    return [f for f in found if not (f.code[:2] in VIOLENT_ROOTS and f.source.resolved_by == "unattributed"
                                     and (blamed or "blast" in f.how))]  # fmt: skip


def _unattributed(f: Found) -> bool:
    """Whether the doer is unidentified armed forces: named by no group ("a suicide bomber", "gunmen") or
    put there by the coder for a toll with no doer (targets.py)."""
    return f.source.sector == "UAF" or f.source.resolved_by == "unattributed"
