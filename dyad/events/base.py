"""What every coding step shares: the token-level event candidate and the coder's state.

The coder is split by step — trigger matching (:mod:`.triggers`), source and target slots
(:mod:`.slots`), fallback targets (:mod:`.targets`), pairing (:mod:`.pairs`), ranking
(:mod:`.ranking`) and event building (:mod:`.build`) — and the steps that need the coder's data are
mixins of :class:`dyad.events.coder.Coder`. This module holds what they all pass around
(:class:`Found`) and names the attributes they read (:class:`CoderBase`), all set once by
``Coder.__init__``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from dyad.actors.knowledge import KnowledgeBase
from dyad.actors.mentions import Mention
from dyad.events.patterns import Pattern, PatternSet


@dataclass(slots=True)
class Found:
    """An event before it is turned into an :class:`Event` (token-level)."""

    trigger: Token
    pattern: Pattern
    code: str
    source: Mention
    target: Mention | None  # None: a one-sided event ("protesters rallied", "X agreed to a ceasefire")
    how: list[str] = field(default_factory=list)  # evidence for the confidence score


def implied_target(source: Mention, sector: str | None, name: str | None) -> Mention:
    """A target no words of the article name, of the source's own country: its government for a
    domestic protest (protests.py), its people or the country itself for a state act on them
    (publics.py). Its ``text`` is empty."""
    country = source.country or ""
    whole = sector in (None, "GOV")  # the country or its government bear its name; its people do not
    return Mention(source.start, source.start, source.head, "", code=country + (sector or ""), country=country,
                   sector=sector, name=name if whole else None, kind="country" if whole else "role",
                   resolved_by="implied")  # fmt: skip


class CoderBase:
    """The state the coding steps read; :class:`dyad.events.coder.Coder` sets it up."""

    kb: KnowledgeBase
    patterns: PatternSet
    codebook: Any  # dyad.events.codebook.Codebook, or None when it could not be loaded
    cues: dict[str, Any]  # modality cues (patterns' modality.yaml)
    background_marks: frozenset[str]  # cue word lists of modality.yaml, as sets (Coder.__init__)
    undergoing_verbs: frozenset[str]
    referent_nouns: frozenset[str]
    reaction_roots: frozenset[str]
    result_verbs: frozenset[str]
    violent_causes: frozenset[str]
    explosive_causes: frozenset[str]
    disaster_causes: frozenset[str]
    weapon_words: frozenset[str]
    unknown_doers: frozenset[str]
    clash_words: frozenset[str]
    subject_only_nouns: frozenset[str]
    aerial_doers: frozenset[str]
    reciprocal_words: frozenset[str]
    reciprocal_objects: frozenset[str]
    reciprocal_roots: frozenset[str]
    mutual_codes: frozenset[str]
    reciprocal_heads: frozenset[str]
    intent_codes: dict[str, Any]
    refusal_codes: dict[str, Any]
    third_party_codes: dict[str, str]  # lemma -> code of a mediator's or host's act (modality.yaml)
    generic_roles: frozenset[str]
    _date_for_event: Any  # dyad.when.date_for_event
    _place_for_event: Any  # dyad.where.place_for_event
    _gazetteer: Any  # dyad.where.load_gazetteer

    def code_listed(self, key: str, code: str) -> bool:
        """Whether ``code`` falls under one of the CAMEO code prefixes modality.yaml lists as ``key``
        ("17" covers 173 and 1724)."""
        return any(code.startswith(str(prefix)) for prefix in self.cues.get(key) or ())
