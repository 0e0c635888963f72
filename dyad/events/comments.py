"""Comments on relations and attitudes: judgements CAMEO codes as events of their own.

Why a step of its own: no verb carries these events. In "Peskov said relations between Moscow and
Washington were very bad" the event (RUSGOV 012 USA, a pessimistic comment) is made of a speaker (the
reporting verb's subject), a relation noun with its parties ("between Moscow and Washington") and a
judgement in the relation's predicate ("were very bad"). The same holds for a speaker's own attitude
("Trump remained OPTIMISTIC about his relationship with Kim" -> 013) and for sides whose positions are
said to agree ("their positions were IDENTICAL" -> 019). The word lists are data (comments.yaml).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Token

from dyad.actors.mentions import Mention
from dyad.events import modality as mod
from dyad.events.base import Found
from dyad.events.patterns import Pattern
from dyad.events.sentence import SentenceMentions
from dyad.events.slots import SlotReader
from dyad.events.syntax import conjuncts, first_conjunct, prep_objects

OPTIMISTIC, PESSIMISTIC, ACCORD = "013", "012", "019"
PUNDITS = {"EDU", "MED"}  # sectors whose comments on relations are commentary, not events
# Clauses of a predicate that say something else than the judgement ("relations have reached the best
# level in history AND THAT Russia supports China")
OTHER_CLAUSES = {"ccomp", "conj", "advcl", "relcl", "acl", "parataxis", "nsubj", "nsubjpass", "csubj", "mark", "cc"}


def _words(raw: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw.get(key) or ())


@dataclass(frozen=True)
class CommentRules:
    """comments.yaml, read once when the coder starts."""

    relation_nouns: frozenset[str]
    position_nouns: frozenset[str]
    optimistic: frozenset[str]
    pessimistic: frozenset[str]
    accord: frozenset[str]
    judging_verbs: frozenset[str]
    attitudes: dict[str, str]
    attitude_verbs: frozenset[str]
    voicing_verbs: frozenset[str]
    cue_words: frozenset[str] = frozenset()  # one of these must be in a sentence for a comment (prefilter)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue_words", self.relation_nouns | self.position_nouns | frozenset(self.attitudes))

    @classmethod
    def from_data(cls, raw: Mapping[str, Any]) -> CommentRules:
        """The rules from comments.yaml as the pattern set read it (``PatternSet.comments``)."""
        return cls(_words(raw, "relation_nouns"), _words(raw, "position_nouns"), _words(raw, "optimistic_words"),
                   _words(raw, "pessimistic_words"), _words(raw, "accord_words"), _words(raw, "judging_verbs"),
                   {str(k).lower(): str(v) for k, v in (raw.get("attitude_words") or {}).items()},
                   _words(raw, "attitude_verbs"), _words(raw, "voicing_verbs"))  # fmt: skip


def _pattern(lemma: str, code: str) -> Pattern:
    return Pattern(lemma=lemma, code=code, alone="never", origin="comments.yaml")


def _predicate_words(verb: Token) -> set[str]:
    """Lemmas and forms of the verb and of its own phrase ("were very BAD", "reached the BEST level",
    "slid into a new COLD WAR"), without its subject or other clauses; two-word phrases too."""
    toks = [verb]
    stack = [c for c in verb.children if c.dep_ not in OTHER_CLAUSES]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ not in OTHER_CLAUSES)
    toks.sort(key=lambda t: t.i)
    words = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    words |= {f"{a.lower_} {b.lower_}" for a, b in zip(toks, toks[1:], strict=False) if b.i == a.i + 1}
    return words


def _negated(verb: Token) -> bool:
    """A judgement turned round ("were NOT good"); "had NEVER been stronger" is the highest praise."""
    negs = [c for c in verb.children if c.dep_ == "neg"]
    negs += [g for c in verb.children if c.dep_ in ("acomp", "attr") for g in c.children if g.dep_ == "neg"]
    if any(n.lower_ == "never" for n in negs) and any(c.tag_ in ("JJR", "RBR") for c in verb.subtree):
        return False
    return bool(negs)


class CommentFinder(SlotReader):
    """Finds comment events (012, 013, 019) in a parsed sentence; a mixin of the coder."""

    comment_rules: CommentRules

    def _comments(self, doc: Doc, sm: SentenceMentions) -> list[Found]:
        rules = self.comment_rules
        out: list[Found] = []
        for tok in doc:
            low, lemma = tok.lower_, tok.lemma_.lower()
            if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and (low in rules.relation_nouns or lemma in rules.relation_nouns):
                out.extend(self._relation_comment(tok, sm))
            elif tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and (low in rules.position_nouns or lemma in rules.position_nouns):
                out.extend(self._accord(tok, sm))
            elif low in rules.attitudes or lemma in rules.attitudes:
                out.extend(self._attitude(tok, sm))
        return out

    # ------------------------------------------------------------------ relations judged
    def _relation_comment(self, noun: Token, sm: SentenceMentions) -> list[Found]:
        """"[Speaker] said relations between A and B were very bad": the speaker on the other party."""
        verb = noun.head
        speakers = self._speakers(verb, sm)
        if not speakers:
            return []
        words = _predicate_words(verb)
        good, bad = len(words & self.comment_rules.optimistic), len(words & self.comment_rules.pessimistic)
        if good == bad:
            return []
        code = OPTIMISTIC if good > bad else PESSIMISTIC
        if _negated(verb):
            code = PESSIMISTIC if code == OPTIMISTIC else OPTIMISTIC
        parties = self._parties(noun, sm)
        if not parties:
            parties = self._addressees(verb, sm)  # "assured Li that bilateral ties have reached ..."
        if not parties:
            parties = self._other_side(noun.doc, speakers, sm)  # "said relations were the best ever and
            # that Russia firmly supports CHINA"
        return self._judged(noun, code, speakers, parties)

    def _other_side(self, doc: Doc, speakers: list[Mention], sm: SentenceMentions) -> list[Mention]:
        """For a relation named without its sides ("bilateral ties"), the one other country the sentence
        names; none when it names several."""
        own = {s.country for s in speakers}
        found: dict[str, Mention] = {}
        for t in doc:
            for m in sm.get(t):
                if m.code and m.country and m.country not in own and m.head == t.i and m.resolved_by != "pronoun":
                    found.setdefault(m.country, self._as_country(m))
        return list(found.values()) if len(found) == 1 else []

    def _parties(self, noun: Token, sm: SentenceMentions) -> list[Mention]:
        """The sides of a relation: "between A and B", "with B", "A-B ties", "China's relations"."""
        heads = [q for p in prep_objects("between", [noun]) + prep_objects("with", [noun]) for q in conjuncts(p)]
        heads += [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        heads += [g for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for g in c.children
                  if g.dep_ in ("compound", "amod", "nmod", "punct") or g.pos_ == "PROPN"]  # fmt: skip
        found: list[Mention] = []
        for h in heads:
            for m in sm.get(h):
                if m.code and m.resolved_by != "pronoun" and all(m.code != f.code for f in found):
                    found.append(self._as_country(m))
        return found

    # ------------------------------------------------------------------ positions that agree
    def _accord(self, noun: Token, sm: SentenceMentions) -> list[Found]:
        """"Putin and Xi said their positions were identical or very close": accord between them."""
        verb = noun.head
        if _negated(verb) or not _predicate_words(verb) & self.comment_rules.accord:
            return []
        speakers = self._speakers(verb, sm)
        if len({s.code for s in speakers}) < 2:
            return []
        pat = _pattern(noun.lemma_.lower(), ACCORD)
        return [Found(noun, pat, ACCORD, s, t, ["comment", "mutual"])
                for s in speakers for t in speakers if s.code != t.code]  # fmt: skip

    # ------------------------------------------------------------------ a speaker's attitude
    def _attitude(self, word: Token, sm: SentenceMentions) -> list[Found]:
        """"Trump remained OPTIMISTIC about his relationship with Kim", "expressed OPTIMISM about
        ties with Beijing": the holder on whom the attitude is about."""
        rules = self.comment_rules
        code = rules.attitudes.get(word.lower_) or rules.attitudes[word.lemma_.lower()]
        holder_verb, verb_lemma = word.head, word.head.lemma_.lower()
        held = word.pos_ == "ADJ" and word.dep_ in ("acomp", "attr") and verb_lemma in rules.attitude_verbs
        voiced = word.pos_ == "NOUN" and word.dep_ in ("dobj", "obj") and verb_lemma in rules.voicing_verbs
        if not (held or voiced):
            return []
        if mod.assess(holder_verb, self.cues) != mod.ASSERTED:
            return []
        holders = [m for m in self._subjects(holder_verb, False, sm)[0] if m.code]
        if not holders:
            return []
        if _negated(holder_verb):
            code = PESSIMISTIC if code == OPTIMISTIC else OPTIMISTIC
        own = {h.country for h in holders}
        about = [t for c in word.children if c.dep_ in ("prep", "ccomp") and c.lower_ not in ("of", "despite")
                 for t in c.subtree]  # fmt: skip
        for t in about:
            found = [self._as_country(m) for m in sm.get(t)
                     if m.code and m.head == t.i and m.resolved_by != "pronoun" and m.country not in own]  # fmt: skip
            if found:
                return self._judged(word, code, holders, found[:1])
        return []

    # ------------------------------------------------------------------ shared
    def _speakers(self, verb: Token, sm: SentenceMentions) -> list[Mention]:
        """Who makes the judgement in ``verb``'s clause: the subject of the reporting or judging verb it
        is the that-clause of (or the quote of), when that clause is asserted."""
        clause = first_conjunct(verb)
        if clause.dep_ not in ("ccomp", "parataxis") or clause.head.i == clause.i:
            return []
        speaker_verb = clause.head
        reporting = set(self.cues.get("reporting_verbs") or ()) | self.comment_rules.judging_verbs
        if speaker_verb.lemma_.lower() not in reporting:
            return []
        if mod.assess(verb, self.cues) not in (mod.ASSERTED, mod.NEGATED):
            return []  # "were NOT good" is still a judgement (turned round by the caller); "would be" is not
        # analysts and the press judging relations give opinion, not a political act
        return [m for m in self._subjects(speaker_verb, False, sm)[0] if m.code and m.sector not in PUNDITS]

    def _addressees(self, verb: Token, sm: SentenceMentions) -> list[Mention]:
        clause = verb
        while clause.dep_ in ("conj", "ccomp", "parataxis") and clause.head.i != clause.i:
            clause = clause.head
            found = [m for c in clause.children if c.dep_ in ("dative", "dobj") for m in sm.get(c) if m.code]
            if found:
                return found
        return []

    @staticmethod
    def _as_country(m: Mention) -> Mention:
        """A capital or country named as a side of a relation is the country ("between MOSCOW and
        WASHINGTON" -> RUS, USA), as the gold sets code it."""
        if m.kind == "capital" and m.country:
            return replace(m, kind="country", code=m.country, sector=None)
        return m

    def _judged(self, trigger: Token, code: str, speakers: list[Mention], parties: list[Mention]) -> list[Found]:
        """One comment per speaker on each party of another country than the speaker's."""
        pat = _pattern(trigger.lemma_.lower(), code)
        out = []
        for s in speakers:
            for t in parties:
                if t.country and t.country == s.country or t.code == s.code:
                    continue
                out.append(Found(trigger, pat, code, s, t, ["comment"]))
        return out
