"""Acts a state does to its own people without naming them, aimed at that people.

Why a step of its own: "Mubarak stepped down", "Ortega withdrew the pension overhaul", "Bangladesh's
government imposed a nationwide curfew", "Yoon declared martial law" name no target, yet the gold sets
code them as aimed at the country's population (EGYGOV 0831 EGYCVL, BGDGOV 1723 BGDCVL, KORGOV 1724
KORCVL; a few code a state of emergency as aimed at the country). Without a target such an event is also
dropped whenever its sentence holds another event with one (ranking.dedupe), so the convention keeps it as
well. The table is data (modality.yaml: ``public_acts``, CAMEO code -> the sector of the implied target,
empty for the country).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dyad.events.base import Found, implied_target
from dyad.events.ranking import STATE_SECTORS


def public_acts(cues: Mapping) -> dict[str, str]:
    """modality.yaml's ``public_acts`` as ``{code: sector}`` ("" for the country itself)."""
    return {str(code): str(sector or "") for code, sector in (cues.get("public_acts") or {}).items()}


def settle_publics(found: list[Found], table: Mapping[str, str],
                   country_name: Callable[[str | None], str | None] = lambda code: None) -> list[Found]:  # fmt: skip
    """Give a target-less state act of ``table`` its own country's people (or the country) as target (in
    place; returns ``found``)."""
    for f in found:
        src = f.source
        if f.target is not None or f.code not in table or not src.country:
            continue
        if src.sector is not None and src.sector not in STATE_SECTORS:
            continue  # "opposition leaders resigned": not the state acting on its people
        # the country itself, unless the country is the doer ("ETHIOPIA declared a state of emergency"):
        # then its people, which half the gold sets code anyway
        sector = table[f.code] or (None if src.sector else "CVL")
        f.target = implied_target(src, sector, country_name(src.country))
        f.how.append("implied")
    return found
