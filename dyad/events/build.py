"""Event construction: a token-level :class:`~dyad.events.base.Found` -> a contract :class:`Event`.

Why: building the record is where the other stages meet the coder — the CAMEO codebook (names,
PLOVER, Goldstein), :mod:`dyad.when` for the date, :mod:`dyad.where` for the place (which may turn a
meeting into a visit or hosting) — and where the stable event id is made.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from dyad.events.base import CoderBase, Found
from dyad.events.confidence import default_model, evidence_path
from dyad.events.pairs import MEETING_CODES, venue_code
from dyad.records import Event, Location

log = logging.getLogger("dyad.events.coder")  # the name its warnings always had


class EventBuilder(CoderBase):
    """Turns kept candidates into :class:`Event` records."""

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
        try:
            got = self._date_for_event(doc, trig.i, published)
            if got and got[0]:
                date, precision, date_text = got
        except Exception:  # noqa: BLE001 - a date problem must not lose the event
            log.debug("date_for_event failed", exc_info=True)
        location: Location | None = None
        try:
            countries = [c for c in (src.country, tgt.country if tgt else None) if c]
            location = self._place_for_event(doc, trig.i, countries, article.text)
        except Exception:  # noqa: BLE001 - nor a place problem
            log.debug("place_for_event failed", exc_info=True)
        code = f.code
        if f.pattern.venue and code in MEETING_CODES and tgt is not None and location is not None and (
            location.country
        ):
            # the place stage knows where the meeting was: a visit to the target or hosting the target
            refined = venue_code(location.country, src.country, tgt.country, code)
            subtree = doc[trig.left_edge.i : trig.right_edge.i + 1].text
            # a third country only when the place is named in the trigger's own clause
            code = refined if refined != "044" or location.name in subtree else code
            if code != f.code and self.codebook is not None:
                info = self.codebook.get(code) or info
            f.code = code
        modality = "intended" if "intended" in f.how else "asserted"
        path = evidence_path(f)
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
            confidence=default_model().score(path),
            trigger_span=t_span,
            evidence_path=path,
        )
