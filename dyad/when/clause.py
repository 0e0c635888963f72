"""The date of one event: the date expression attached to the trigger's own clause.

A sentence often carries several dates ("Li said on Monday that he met Putin last
week"); the event "met" happened last week, the saying on Monday. So candidates are
ranked by where they attach in the dependency parse:

1. expressions whose clause is the trigger's clause (same governing verb, or linked
   to it by ``xcomp``: "is scheduled to engage ... on Wednesday");
2. expressions of a clause that governs or is coordinated with the trigger's
   ("On Monday Li said that ..."), nearest in the tree first;
3. the publication date, with ``date_text`` None. Dates inside unrelated clauses
   ("... since Moscow sent troops into Ukraine in February 2022, held talks") are
   never taken: they date another happening.

The clause's tense (auxiliaries, "is scheduled/expected to", verb morphology) decides
whether a bare weekday or month looks back or ahead (see ``dyad.when.resolve``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from dyad.when.resolve import parse_published, resolve_date
from dyad.when.vocab import DAY_WORDS, FUTURE_AUXILIARIES, FUTURE_GOVERNORS, WEEKDAYS

# Modals whose clause is not yet real: its bare weekday/month lies ahead ("would meet on Friday").
PROSPECTIVE_MODALS = frozenset({"would", "may", "might", "could", "should", "must"})
DATE_LABELS = frozenset({"DATE", "TIME"})
VERB_POS = frozenset({"VERB", "AUX"})
# A date that only modifies a noun ("the Vostok 2022 war games", "week-long", "annual") is no event date.
MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "nmod"})
# Left-side words kept in date_text: "on a Tuesday", "last Friday".
DATE_PREPOSITIONS = frozenset(
    {"on", "in", "at", "during", "since", "by", "until", "from", "between", "before", "after"}
)
# Stand-in publication date used only to ask "is this a date at all?" for undated articles.
_PROBE_DATE = date(2000, 1, 5)


@dataclass(slots=True)
class _Candidate:
    span: Span
    text: str
    rank: tuple[int, int]


def clause_head(tok: Token) -> Token:
    """The verb heading the clause that ``tok`` belongs to (the root when none)."""
    t = tok
    while t.pos_ not in VERB_POS and t.head.i != t.i:
        t = t.head
    return t


def _linked_clauses(a: Token, b: Token) -> bool:
    """Same clause, or one is the other's open complement ("scheduled to engage")."""
    if a.i == b.i:
        return True
    return (a.dep_ == "xcomp" and a.head.i == b.i) or (b.dep_ == "xcomp" and b.head.i == a.i)


def clause_rank(item_clause: Token, trigger_clause: Token, on_trigger_path: bool = False) -> int | None:
    """How closely a phrase whose clause head is ``item_clause`` belongs to the trigger's clause.

    0: the trigger's own clause (or its open complement); 1: a clause that governs the
    trigger's ("Li said on Monday that ...") or is coordinated with it ("arrived on Monday
    and met ..."); None: an unrelated clause (a relative or adverbial clause elsewhere:
    "... since Moscow sent troops in February 2022"), whose dates and places are not the event's.
    """
    if on_trigger_path or _linked_clauses(item_clause, trigger_clause):
        return 0
    if item_clause.i in {t.i for t in trigger_clause.ancestors}:
        return 1
    conj = {trigger_clause.i, *(t.i for t in trigger_clause.conjuncts)}
    if item_clause.i in conj:
        return 1
    return None


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree (the sentence length when unconnected)."""
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return len(a.doc)


def clause_tense(doc: Doc, trigger_i: int) -> str | None:
    """'past', 'present' or 'future' for the trigger's clause; None when nothing tells."""
    verb = clause_head(doc[trigger_i])
    if verb.pos_ not in VERB_POS:
        return None
    chain = [verb]
    if verb.dep_ == "xcomp":  # "is scheduled to visit": the governor carries the tense
        chain.append(verb.head)
    for v in chain:
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUXILIARIES or a.lower_ in PROSPECTIVE_MODALS for a in auxes):
            return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_GOVERNORS:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lower_ in ("is", "are", "was", "were"):  # "is to meet"
        return "future"
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if tags & {"VBD"} or (verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children)):
        return "past"
    if "Past" in verb.morph.get("Tense") and verb.tag_ != "VBN":
        return "past"
    if tags & {"VBZ", "VBP", "VBG"}:
        return "present"
    return None


def _date_spans(doc: Doc) -> list[Span]:
    """DATE/TIME entities plus weekday and day words the tagger missed."""
    spans = [e for e in doc.ents if e.label_ in DATE_LABELS]
    covered = {t.i for e in spans for t in e}
    for tok in doc:
        if tok.i not in covered and (tok.lower_ in WEEKDAYS or tok.lower_ in DAY_WORDS) and tok.tag_ != "MD":
            if tok.lower_ in WEEKDAYS and not tok.text[0].isupper():
                continue
            start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ in ("last", "next", "this") else tok.i
            spans.append(doc[start : tok.i + 1])
    return spans


def _with_preposition(span: Span) -> Span:
    """Extend a date span left over its determiner and governing preposition: "on a Tuesday"."""
    doc, head, start = span.doc, span.root, span.start
    while start > 0 and doc[start - 1].head.i == head.i and doc[start - 1].dep_ in ("det", "amod", "advmod"):
        start -= 1
    if start > 0 and doc[start - 1].lower_ in DATE_PREPOSITIONS and head.head.i == start - 1:
        start -= 1
    return doc[start : span.end]


def _candidates(doc: Doc, trigger_i: int) -> list[_Candidate]:
    trigger = doc[trigger_i]
    trig_clause = clause_head(trigger)
    out: list[_Candidate] = []
    for span in _date_spans(doc):
        head = span.root
        if len(span) == 1 and head.tag_ == "MD":  # "May" the modal
            continue
        if head.dep_ in MODIFIER_DEPS and head.head.i not in {t.i for t in span}:
            continue
        text = _with_preposition(span).text
        if resolve_date(text, _PROBE_DATE) is None:
            continue
        governor = head.head if head.dep_ == "pobj" else head
        anchor = governor.head if governor.dep_ == "prep" else governor
        date_clause = clause_head(anchor)
        on_path = trigger_i in {t.i for t in [head, *head.ancestors]} and not any(
            t.pos_ in VERB_POS and t.i != trigger_i for t in _path_between(head, trigger)
        )
        rank = clause_rank(date_clause, trig_clause, on_path)
        if rank is not None:
            out.append(_Candidate(span, text, (rank, tree_distance(head, trigger))))
    return sorted(out, key=lambda c: c.rank)


def _path_between(low: Token, high: Token) -> list[Token]:
    """Tokens strictly between ``low`` and its ancestor ``high``."""
    path = []
    for t in low.ancestors:
        if t.i == high.i:
            break
        path.append(t)
    return path


def first_day(value: str, precision: str) -> str:
    """YYYY-MM-DD for a resolved value: the first day of its week, month or year."""
    if precision == "week":
        year, week = value.split("-W")
        return date.fromisocalendar(int(year), int(week), 1).isoformat()
    if precision == "month":
        return f"{value}-01"
    if precision == "year":
        return f"{value}-01-01"
    return value


def date_for_event(
    doc: Doc | Span, trigger_i: int, published: str | date | None
) -> tuple[str | None, str | None, str | None]:
    """(date "YYYY-MM-DD", precision, date_text) for the event whose trigger is ``doc[trigger_i]``.

    ``doc`` is one parsed sentence. Falls back to the publication date (date_text None);
    an undated article with no absolute date gives (None, None, date_text or None).
    """
    if isinstance(doc, Span):
        doc = doc.as_doc()
    pub = parse_published(published)
    if not 0 <= trigger_i < len(doc):
        return (pub.isoformat(), "day", None) if pub else (None, None, None)
    tense = clause_tense(doc, trigger_i)
    cands = _candidates(doc, trigger_i)
    for c in cands:
        res = resolve_date(c.text, pub, tense)
        if res:
            return first_day(*res), res[1], c.text
    if pub is not None:
        return pub.isoformat(), "day", None
    return None, None, cands[0].text if cands else None
