"""Acts a state does to its own people without naming them, aimed at that people.

Why a step of its own: "Mubarak stepped down", "Ortega withdrew the pension overhaul", "Bangladesh's
government imposed a nationwide curfew", "Yoon declared martial law" name no target, yet the gold sets
code them as aimed at the country's population (EGYGOV 0831 EGYCVL, BGDGOV 1723 BGDCVL, KORGOV 1724
KORCVL; a few code a state of emergency as aimed at the country). Without a target such an event is also
dropped whenever its sentence holds another event with one (ranking.dedupe), so the convention keeps it as
well. The table is data (modality.yaml: ``public_acts``, CAMEO code -> the sector of the implied target,
empty for the country; a key "CODE VERB OBJECT" names the act by its lemmas and comes first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from dyad.events.base import Found, implied_target
from dyad.events.ranking import STATE_SECTORS
from dyad.events.syntax import first_conjunct, lemma_words

COUP = "1724"  # as a coup is coded: "seized power" (modality.yaml public_acts "1724 seize power")
ARREST = "173"
RESIGNATION = "0831"
YIELD = "080"
LEADERS = frozenset({"GOV", "ELI", "OPP", "LEG"})


def public_acts(cues: Mapping) -> dict[str, str]:
    """modality.yaml's ``public_acts`` as ``{code: sector}`` ("" for the country itself)."""
    return {str(code): str(sector or "") for code, sector in (cues.get("public_acts") or {}).items()}


def resignation_pressures(cues: Mapping) -> list[tuple[str, frozenset[str]]]:
    """modality.yaml's ``resignation_pressures`` as ``[(sector, words)]`` in order."""
    return [(str(sector), frozenset(str(w).lower() for w in words)) for sector, words in cues.get("resignation_pressures") or []]


def _pressing_sector(found: Found, pressures: Iterable[tuple[str, frozenset[str]]]) -> str | None:
    """The sector whose words the resignation's sentence names first in ``pressures`` order."""
    doc = found.trigger.doc
    words = lemma_words(doc) | {t.lower_ for t in doc}
    return next((sector for sector, cues in pressures if cues & words), None)


def settle_concessions(found: list[Found], handovers: frozenset[str]) -> list[Found]:
    """A leader who steps down "bowing to" someone accedes to that one's demand for a change in leadership
    (in place; returns ``found`` less the bows told so): "Togo's President Gnassingbe stepped down, BOWING TO
    sanctions and intense pressure from ECOWAS" is TGOGOV 0831 ECOWAS, not a resignation aimed at the people
    beside a yielding (080) to the bloc; so is a government dissolved or power handed over that way
    (``handovers``: "dissolve government", "hand power"), as the gold sets code all five such sentences."""
    told: set[int] = set()
    for f in found:
        if f.code != YIELD or f.trigger.lemma_.lower() != "bow" or f.trigger.dep_ not in ("advcl", "conj"):
            continue
        head = f.trigger.head
        resigned = [g for g in found if g.code == RESIGNATION and g.trigger.i == head.i and g.source.code == f.source.code]
        if resigned:
            for g in resigned:
                g.target = f.target or g.target
                g.how.append("bowed")
            told.add(id(f))
        elif any(lemma_words([v, *(c for c in v.children if c.dep_ in ("dobj", "obj"))]) & handovers
                 for v in {head, first_conjunct(head)}):  # "HANDED power to his deputy and flew into exile, bowing to"
            f.code = RESIGNATION  # "dissolved his government, bowing to days of protests"
            f.how.append("bowed")
    return [f for f in found if id(f) not in told]


def settle_publics(found: list[Found], table: Mapping[str, str],
                   country_name: Callable[[str | None], str | None] = lambda code: None,
                   pressures: Iterable[tuple[str, frozenset[str]]] = ()) -> list[Found]:  # fmt: skip
    """Give a target-less state act of ``table`` its own country's people (or the country) as target (in
    place; returns ``found`` less the acts another event of the sentence tells better); a resignation
    takes whom the sentence says pressed it (``pressures``), when it says."""
    named_acts: set[int] = set()  # ids of the acts found by a "CODE VERB OBJECT" key
    for f in found:
        src = f.source
        obj = next((c.lemma_.lower() for c in f.trigger.children if c.dep_ in ("dobj", "obj")), "")
        named = f"{f.code} {f.trigger.lemma_.lower()} {obj}"
        key = named if named in table else f.code  # "SEIZED POWER": a coup
        if key == named:
            named_acts.add(id(f))
        if f.target is not None or key not in table or not src.country:
            continue
        if src.sector is not None and src.sector not in STATE_SECTORS:
            continue  # "opposition leaders resigned": not the state acting on its people
        # the country itself, unless the country is the doer ("ETHIOPIA declared a state of emergency"):
        # then its people, which half the gold sets code anyway
        sector = table[key] or (None if src.sector else "CVL")
        if f.code == RESIGNATION:
            sector = _pressing_sector(f, pressures) or sector
        f.target = implied_target(src, sector, country_name(src.country))
        f.how.append("implied")
    # "army officers seized power and placed President Bongo under house arrest": the coup is told by the
    # arrest of whom it ousted, which all four such gold sentences code alone
    ousted = {g.source.code for g in found if g.code == ARREST and g.target is not None and g.target.sector in LEADERS}
    return [f for f in found if not (id(f) in named_acts and f.code == COUP and f.source.code in ousted)]
