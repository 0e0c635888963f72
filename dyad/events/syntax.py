"""Small dependency-tree helpers shared by every coding step.

They read the spaCy parse only (no actors, no patterns), so trigger matching, slot reading and
fallback targets can all use them without depending on each other.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from spacy.tokens import Doc, Token

from dyad.when.vocab import WEEKDAYS
from dyad.words import words

# Nouns that count or measure what follows "of" ("a series of agreements", "scores of refugees"): the
# phrase means its "of" object, never the counting word itself
SERIES = words("series")


# Heads that only frame an act named by their modifier: "a MEDIATION effort", "the PEACE process", "a
# SANCTIONS campaign": the modifier is the act, the head carries its slots
EFFORT_HEADS = words("effort_heads")
# Participles that say what an act is for: "sanctions AIMED at cutting China off", "a peace agreement
# AIMED at ending fighting"
AIM_VERBS = words("aim_verbs")


def lemma_words(toks: Iterable[Token]) -> set[str]:
    """The lower-case lemmas of ``toks`` and each adjacent pair of them joined by a space, so that a cue
    list can name a word or a two-word phrase ("impeachment", "confidence vote")."""
    lemmas = [t.lemma_.lower() for t in toks]
    return set(lemmas) | {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:], strict=False)}


def is_passive(verb: Token) -> bool:
    """Whether a verb carries a passive subject or auxiliary ("were arrested", "was seized by")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_series(tok: Token) -> bool:
    """A counting or measure noun of :data:`SERIES`, by lemma or by surface form ("dozens" has the
    lemma "dozen", which the list does not hold)."""
    return tok.lemma_.lower() in SERIES or tok.lower_ in SERIES


# Directional words that the parser may leave as an adverb or quantifier after a phrasal verb
# ("pull BACK its troops", "hand OVER 18 suspects") instead of a particle
LOOSE_PARTICLES = frozenset({"back", "out", "off", "away", "down", "over", "up"})


def particle(verb: Token) -> str | None:
    """The verb's particle: its ``prt`` child, else a directional word right after it (see
    :data:`LOOSE_PARTICLES`)."""
    found = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if found is None and verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_ in LOOSE_PARTICLES:
        found = verb.nbor(1).lower_
    return found


# Money and measure words: "$800 million IN military aid" (see :func:`measured`)
MEASURES = words("measures")


def measured(tok: Token) -> Token | None:
    """What an amount measures: "$800 million IN military AID", "500 million euros in AID" -> the
    noun after "in"; None when ``tok`` is no amount with such a phrase. The amount is a measure word
    or a money or quantity the NER found."""
    if not (tok.lower_ in MEASURES or tok.lemma_.lower() in MEASURES or tok.ent_type_ in ("MONEY", "QUANTITY")):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            noun = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if noun is not None and noun.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT"):
                return noun
    return None


def is_measured(tok: Token) -> bool:
    """Whether ``tok`` is what the amount above it measures ("$1 billion in AID")."""
    if tok.dep_ != "pobj":
        return False
    found = measured(tok.head.head)
    return found is not None and found.i == tok.i  # tokens are views: compare positions, not objects


def conjuncts(tok: Token) -> list[Token]:
    """A token and its conjuncts, recursively ("Mongolia, Nepal and South Korea")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def is_to_infinitive(verb: Token) -> bool:
    """Whether a verb is a "to"-infinitive ("threatened TO break", "fired tear gas TO clear")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own ("... and its government IS fighting"), active or passive."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def first_conjunct(tok: Token) -> Token:
    """The first of the tokens ``tok`` is coordinated with ("accused X of crossing the border and
    KILLING ..." -> crossing): its dependency and head say what the whole coordination is."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_time_phrase(prep: Token) -> bool:
    """"ON SUNDAY", "in March": a preposition whose object is a date says when, never which pattern fits
    ("called on Sunday for sanctions" is a call for, not a call on)."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def prep_objects(word: str, holders: Iterable[Token]) -> list[Token]:
    out = []
    for h in holders:
        for c in h.children:
            # the parser labels the recipient's "to" of giving/saying verbs as ``dative``
            # ("issued a stern reminder Saturday TO IRAQ")
            if (c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP")) and c.lower_ == word:
                found = [g for g in c.children if g.dep_ == "pobj"]
                # "opened fire on THOUSANDS of opposition supporters marching on the palace": the parser makes
                # the people the subject of a gerund clause that is the preposition's object
                # (not "with X saying ...", an absolute clause beside the act)
                if not found and word in ("on", "at", "against", "upon"):
                    found = [s for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                             for s in g.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]  # fmt: skip
                out.extend(found)
    return out


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase hangs on, through its preposition: "converging FOR a rally" -> converging;
    None when the noun is no verb's object or prepositional object."""
    cur, steps = noun, 0
    while steps < 3 and cur.dep_ in ("pobj", "dobj", "obj", "prep") and cur.head.i != cur.i:
        cur, steps = cur.head, steps + 1
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def complement(verb: Token, kind: str, clause_auxiliaries: Container[str] = ()) -> Token | None:
    """The verb's infinitive (``xcomp``: "threatened TO BREAK") or that-clause (``ccomp``: "warned that it
    WOULD RETALIATE") complement; a that-clause counts only with one of ``clause_auxiliaries``, since
    only a stated future act is a threat or promise ("warned that prices rose" is not)."""
    if kind == "xcomp":
        return next((c for c in verb.children if c.dep_ == "xcomp"), None)
    for c in verb.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in clause_auxiliaries for a in c.children):
            return c
    return None


def mend_infinitive_complements(doc: Doc, heads: Container[str], object_heads: Container[str] = ()) -> int:
    """Relabel as ``xcomp`` a subjectless "to"-infinitive that the parser hung as an adverbial clause
    on a verb of ``heads`` with no direct object; returns how many were relabelled.

    Why: a time phrase between the verb and its complement ("offered ON THURSDAY to mediate",
    "threatened on Monday to impose") makes the small model read the infinitive as a purpose clause,
    and the complement then loses the modality and codes of the verb that governs it. With a direct
    object the infinitive may really be a purpose ("sent troops to help"), so that case is left, except
    for verbs of ``object_heads`` that ask their object to act ("implored Putin on Sunday TO STOP")."""
    mended = 0
    for tok in doc:
        if tok.dep_ != "advcl" or tok.head.i == tok.i or tok.i < tok.head.i:
            continue
        head = tok.head
        if head.lemma_.lower() not in heads and head.lower_ not in heads:
            continue
        if not is_to_infinitive(tok):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
            continue
        asking = head.lemma_.lower() in object_heads or head.lower_ in object_heads
        if not asking and any(c.dep_ in ("dobj", "obj", "dative") for c in head.children):
            continue
        tok.dep_ = "xcomp"
        mended += 1
    return mended


def mend_finite_conjuncts(doc: Doc) -> int:
    """Re-hang on the main verb a finite verb the parser conjoined to an infinitive complement; returns
    how many were moved.

    Why: "The United States ordered 60 Russian diplomats TO LEAVE and CLOSED Russia's consulate" gets
    "closed" conjoined to "leave", so the diplomats told to leave would have closed the consulate. A past
    or present-tense verb cannot share a "to"-infinitive's subject: it goes with the main clause."""
    mended = 0
    for t in doc:
        inf = t.head
        if t.dep_ != "conj" or t.tag_ not in ("VBD", "VBZ") or inf.dep_ != "xcomp" or inf.tag_ != "VB":
            continue
        if not is_to_infinitive(inf) or any(
            c.dep_.startswith("nsubj") for c in t.children
        ):
            continue
        t.head = inf.head
        mended += 1
    return mended


def mend_trailing_appositions(doc: Doc) -> int:
    """Re-hang as an apposition a second direct object that follows the first after a comma; returns
    how many were moved.

    Why: "M23 rebels took control of the centre of Bukavu, THE SECOND-LARGEST CITY in eastern Congo"
    and "killed 29 soldiers in an attack near the border, THE DEADLIEST ASSAULT on the army" get the
    apposition as a second object of the verb, which then reads as what was taken or killed. A phrase
    that closes right before the comma takes it as its apposition (the city is Bukavu's); a summary of
    the whole clause ("the first such arrest") is hung on the verb as a loose dependent."""
    mended = 0
    for verb in doc:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if len(objects) < 2:
            continue
        first = objects[0]
        for second in objects[1:]:
            comma = doc[second.left_edge.i - 1] if second.left_edge.i > 0 else None
            if comma is None or comma.text != "," or second.i < first.i:
                continue
            before = doc[comma.i - 1]
            if first.i <= before.i <= first.right_edge.i and before.pos_ in ("NOUN", "PROPN"):
                second.head, second.dep_ = before, "appos"
            else:
                second.dep_ = "dep"
            mended += 1
    return mended


def mend_place_appositions(doc: Doc, place_nouns: Container[str]) -> int:
    """Re-hang as the apposition of the name before it a place noun the parser made the subject of a
    later verb; returns how many were moved.

    Why: in "M23 rebels have seized Rubaya, A TOWN in eastern Congo whose mines ..., residents said" the
    parser takes "a town" for the subject of "said", so nothing says that Rubaya is a place and its
    seizure reads as a seizure of property, not of ground."""
    mended = 0
    for noun in doc:
        start = noun.left_edge.i
        if (noun.dep_ not in ("nsubj", "nsubjpass") or noun.lemma_.lower() not in place_nouns or noun.head.i < noun.i
                or start < 2 or doc[start - 1].text != "," or doc[start].lower_ not in ("a", "an", "the")):  # fmt: skip
            continue
        name = doc[start - 2]
        if name.pos_ == "PROPN" and name.dep_ in ("dobj", "pobj"):
            noun.head, noun.dep_ = name, "appos"
            mended += 1
    return mended


def mend_proper_objects(doc: Doc) -> int:
    """Relabel as the direct object a name the parser made an adverbial noun of a verb that has no
    object; returns how many were relabelled.

    Why: the small model reads an unfamiliar name after a verb as a bare adverbial ("Trump warned
    TURKEY", "its forces had recaptured SUDZHA, the largest town ...", "extradited terrorism suspect
    Haroon Rashid ASWAT"), and the act loses what it was done to. Dates, times, amounts and a name
    set off by a comma stay adverbials."""
    mended = 0
    for tok in doc:
        verb = tok.head
        if tok.dep_ != "npadvmod" or tok.pos_ != "PROPN" or verb.pos_ != "VERB" or tok.i < verb.i:
            continue
        if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"):
            continue
        if any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in verb.children):
            continue
        if any(t.is_punct or t.pos_ in ("VERB", "AUX", "ADP") for t in doc[verb.i + 1 : tok.left_edge.i]):
            continue
        tok.dep_ = "dobj"
        mended += 1
    return mended


def mend_verbal_name_parts(doc: Doc, name_words: Container[str]) -> int:
    """Make a hyphenated part of a known name that the parser read as a verb the head of the name again:
    "sentenced former President Lee MYUNG-BAK to 15 years" is parsed as "sentenced [that Lee myung-bakked
    to 15 years]", and the sentence loses whom it was passed on; returns how many were mended. The name
    becomes the verb's object (when it has none), its first part a compound, and the verb's other
    phrases ("to 15 years") hang on the verb again."""
    mended = 0
    for tok in doc:
        if tok.text not in name_words or tok.pos_ not in ("VERB", "AUX", "ADJ") or tok.dep_ not in ("ccomp", "xcomp", "advcl"):
            continue
        verb = tok.head
        first = doc[tok.i - 1] if tok.i > 0 else None
        if verb.pos_ != "VERB" or first is None or first.head.i != tok.i or first.pos_ != "PROPN":
            continue
        if any(c.dep_ in ("dobj", "obj") for c in verb.children):
            continue
        for child in list(tok.children):
            if child.i > tok.i:
                child.head = verb  # "to 15 years", "on Friday"
            elif child.pos_ == "PROPN":
                child.dep_ = "compound"  # "LEE Myung-bak"
        tok.head, tok.dep_, tok.pos_, tok.tag_ = verb, "dobj", "PROPN", "NNP"
        mended += 1
    return mended


def mend_infinitive_verbs(doc: Doc, verbs: Container[str]) -> int:
    """Read as a verb a "to"-infinitive the tagger took for a name or a determiner: "voted to IMPEACH
    Trump" (a proper noun), "voted to IMPEACH President Donald Trump" (a part of the name it governs, or
    its determiner with "to" a preposition); returns how many were mended. Only a word right after "to"
    that some verb pattern lists (``verbs``) qualifies; one hung on the name becomes the complement of the
    verb that governs the name, and the name its object."""
    mended = 0
    for to in doc[:-1]:
        tok = doc[to.i + 1]
        if to.lower_ != "to" or tok.pos_ in ("VERB", "AUX") or tok.lower_ not in verbs:
            continue
        noun = tok.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # "impeach PRESIDENT Donald TRUMP": the name's head
        if tok.dep_ in ("compound", "det", "amod", "nmod") and noun.i > tok.i and noun.pos_ in ("PROPN", "NOUN"):
            if noun.dep_ == "pobj" and noun.head.i == to.i and to.head.pos_ == "VERB":
                verb = to.head  # "voted [to [impeach President Trump]]": "to" read as a preposition
            elif noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB" and to.head.i == tok.i:
                verb = noun.head  # "voted to [impeach-President-Donald] Trump": the name the vote's object
            else:
                continue
            tok.head, tok.dep_ = verb, "xcomp"
            noun.head, noun.dep_ = tok, "dobj"
            to.head, to.dep_, to.tag_, to.pos_ = tok, "aux", "TO", "PART"
            for c in list(tok.children):
                if tok.i < c.i < noun.i:
                    c.head, c.dep_ = noun, "compound"  # "PRESIDENT Donald Trump", read as the verb's object
        elif to.head.i != tok.i or to.dep_ != "aux" or tok.dep_ not in ("xcomp", "advcl", "ccomp", "conj", "acl"):
            continue
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VB", tok.lower_
        mended += 1
    return mended


def mend_tour_legs(doc: Doc, trips: Container[str]) -> int:
    """Read "a tour that will also TAKE HIM TO South Korea, Malaysia and the Philippines" as his travelling
    there: the traveller (the object pronoun) becomes the clause's subject and the verb "travel", so the
    visit pattern codes the legs ahead (036, an intent, as every gold set codes them); returns how many
    were mended. Only a "take" or "bring" clause on a trip noun (``trips``) with a relative-pronoun
    subject, on a phrase of a verb ("arrived ... ON a tour that ..."), qualifies."""
    mended = 0
    for verb in doc:
        if verb.lemma_.lower() not in ("take", "bring") or verb.dep_ != "relcl" or verb.head.lemma_.lower() not in trips:
            continue
        rel = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("that", "which")), None)
        who = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("him", "her", "them")), None)
        if rel is None or who is None or not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
            continue
        main = verb.head
        while main.dep_ in ("pobj", "prep", "dobj") and main.head.i != main.i and main.pos_ not in ("VERB", "AUX"):
            main = main.head  # "arrived ... AT the start OF a tour": the verb the trip phrase hangs on
        if main.pos_ not in ("VERB", "AUX"):
            continue
        rel.dep_ = "dep"
        who.dep_ = "nsubj"
        verb.lemma_ = "travel"
        verb.head, verb.dep_ = main, "conj"  # a leg ahead, told beside the arrival: no relative clause of the past
        mended += 1
    return mended


def mend_gerund_objects(doc: Doc, reporting: Container[str]) -> int:
    """Re-hang as the verb's object the subject of an "-ing" clause the parser made the verb's
    complement, and the clause as that noun's modifier; returns how many were moved.

    Why: "a suicide bomber killed at least 57 PEOPLE QUEUEING outside a voter registration centre" is
    read as "killed [that 57 people were queueing]", and the killing loses its victims. Only a verb with
    no object of its own qualifies, and not a reporting verb ("said more than 50 civilians waiting to
    be evacuated had been killed" has a real clause)."""
    mended = 0
    for clause in doc:
        verb = clause.head
        if clause.dep_ != "ccomp" or clause.tag_ != "VBG" or verb.pos_ != "VERB" or clause.i < verb.i:
            continue
        if verb.lemma_.lower() in reporting or any(c.dep_ in ("dobj", "obj") for c in verb.children):
            continue
        if any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and verb.i < c.i < clause.i), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        subj.head, subj.dep_ = verb, "dobj"
        clause.head, clause.dep_ = subj, "acl"
        mended += 1
    return mended


def mend_verbless_roots(doc: Doc) -> int:
    """Make the main verb of a sentence the parser left without one: a subject noun with an apposition
    as its root and the real verb hung on it as a participle; returns how many were mended.

    Why: "Sudan's army chief, General Abdel Fattah al-Burhan, REJECTED on Sunday a ceasefire plan ..."
    is read as a noun phrase ("the chief ... rejected") with the plan as another apposition, and the
    rejection has no subject. A sentence needs a verb: a subjectless participle right after the comma
    that closes the apposition is it, the root noun its subject, and a later apposition its object."""
    mended = 0
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i > root.i
                     and doc[c.i - 1].text == "," and not has_subject(c)), None)  # fmt: skip
        if verb is None or not any(c.dep_ == "appos" and c.i < verb.i for c in root.children):
            continue
        objects = [c for c in root.children if c.dep_ == "appos" and c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        for c in list(root.children):
            if c.i > verb.i and c.dep_ == "punct":
                c.head = verb
        if objects and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
            objects[0].head, objects[0].dep_ = verb, "dobj"
        mended += 1
    return mended


def mend_past_tense_modifiers(doc: Doc) -> int:
    """Make a past-tense verb the parser hung on its object as a modifier the sentence's verb; returns how
    many were mended.

    Why: "Myanmar's military SEIZED power in a coup on Monday, detaining ..." is read as one noun phrase,
    "Myanmar's military-seized power", with "military" an adjective: the sentence has no verb and no
    event. A past-tense form (VBD, not the participle VBN) modifying the root noun cannot be an
    adjective: it is the verb, the root noun its object, the word just before it its subject (with what
    modified that word), and the root's clauses after it the verb's."""
    mended = 0
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in root.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.i == root.i - 1), None)
        if verb is None:
            continue
        before = [c for c in root.children if c.i < verb.i]
        if doc[verb.i - 1] not in before:
            continue  # the word before the verb must be the root's own modifier: the subject it lost
        subject = doc[verb.i - 1]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "dobj"
        subject.head, subject.dep_ = verb, "nsubj"
        if subject.pos_ == "ADJ":
            subject.pos_, subject.tag_ = "NOUN", "NN"  # "military", "opposition": the noun, not its adjective
        for c in before:
            if c.i != subject.i:
                c.head = subject  # "MYANMAR'S military"
        for c in list(root.children):
            if c.i > root.i and (c.dep_ == "punct" or (c.dep_ == "acl" and c.tag_ == "VBG")):
                c.head = verb
                if c.dep_ == "acl":
                    c.dep_ = "advcl"  # ", detaining civilian leader Aung San Suu Kyi"
        mended += 1
    return mended


def mend_participle_adjectives(doc: Doc) -> int:
    """Make a participle the parser took for a second verb the adjective of the object that follows it;
    returns how many were mended.

    Why: "investigators arrested IMPEACHED President Yoon", "freed JAILED activist X" are read as
    "arrested" with no object and a clause "impeached President Yoon" of its own, coded as a second
    act done now. A past form right after a verb that has no object, with an object and no subject or
    auxiliary of its own, is that object's adjective: the object is the first verb's."""
    mended = 0
    for tok in doc:
        head = tok.head
        if tok.tag_ not in ("VBN", "VBD") or tok.dep_ not in ("advcl", "xcomp", "ccomp", "conj") or tok.i != head.i + 1:
            continue
        if head.pos_ != "VERB" or any(c.dep_ in ("dobj", "obj", "dative", "prt") for c in head.children):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "advmod") for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is None or obj.left_edge.i != tok.i + 1:
            continue  # the object must follow the participle at once: "impeached PRESIDENT Yoon"
        obj.head, obj.dep_ = head, "dobj"
        tok.head, tok.dep_, tok.pos_ = obj, "amod", "ADJ"
        for c in list(tok.children):
            if c.i > obj.i:
                c.head = head  # "... on Wednesday": the first verb's
        mended += 1
    return mended


def mend_irregular_lemmas(doc: Doc, base_of: dict[str, str]) -> int:
    """Give a past form the lemmatizer left as it is its base verb ("Iraqi forces RETOOK Ramadi" has the
    lemma "retook", and often a present tag), from the irregular forms the patterns list (``base_of``:
    form -> base); returns how many were mended. Only a verb whose lemma is the form itself is touched,
    so a right lemma is never replaced ("found" stays "find", never "found")."""
    mended = 0
    for tok in doc:
        base = base_of.get(tok.lower_)
        if base and tok.tag_.startswith("VB") and tok.lemma_.lower() == tok.lower_ != base:
            tok.lemma_ = base
            mended += 1
    return mended


def mend_plural_noun_verbs(doc: Doc) -> int:
    """Read "imposed travel bans and asset FREEZES on ..." as two objects; returns how many were mended.

    Why: the parser takes the plural noun "freezes" for a verb (VBZ) whose subject is "bans", hung as a
    clause under "imposed", and "asset" for a second subject: the verb then has no object and no event.
    A present-tense verb in a clause under a verb with no object of its own, right after a noun that is
    coordinated with its subject, is that noun's head: the last of the coordinated objects."""
    mended = 0
    for tok in doc:
        if tok.tag_ != "VBZ" or tok.dep_ != "ccomp" or tok.head.pos_ != "VERB":
            continue
        if any(c.dep_ in ("dobj", "obj") for c in tok.head.children) or any(c.dep_ == "aux" for c in tok.children):
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < tok.i), None)
        modifier = doc[tok.i - 1] if tok.i > 0 else None
        if subject is None or modifier is None or modifier.pos_ != "NOUN" or modifier.dep_ != "conj" or modifier.head != subject:
            continue
        verb = tok.head
        subject.head, subject.dep_ = verb, "dobj"
        tok.head, tok.dep_, tok.pos_, tok.tag_ = subject, "conj", "NOUN", "NNS"
        modifier.head, modifier.dep_ = tok, "compound"
        mended += 1
    return mended


def mend_small_clause_objects(doc: Doc, heads: Container[str]) -> int:
    """Make the subject of a verbless clause under a naming verb its object: "declared Mexico's ambassador
    PERSONA non grata" is parsed with the ambassador as the subject of "persona" (a ccomp noun); returns how
    many were mended. The ambassador is whom the declaration is about, "persona" what he is declared."""
    mended = 0
    for tok in doc:
        if tok.dep_ != "ccomp" or tok.pos_ not in ("NOUN", "PROPN") or tok.head.lemma_.lower() not in heads:
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.dep_ in ("dobj", "dative") for c in tok.head.children):
            continue
        subject.head, subject.dep_ = tok.head, "dobj"
        tok.dep_ = "oprd"
        mended += 1
    return mended


def mend_participle_complements(doc: Doc, heads: Container[str]) -> int:
    """Make the subject of a bare participle clause under an ordering verb its object: "a judge ordered
    Vice President Jorge Glas HELD in detention" is parsed with Glas as the subject of "held" (a ccomp),
    where "ordered Deniz Yucel HELD" has him as the object and "held" as his modifier; returns how many
    were mended. A past participle with no auxiliary of its own cannot head a clause with a subject (the
    tagger often calls it a past tense, which an ordering verb's clause cannot be: "ordered Glas HELD")."""
    mended = 0
    for tok in doc:
        if tok.dep_ != "ccomp" or tok.tag_ not in ("VBN", "VBD") or tok.head.lemma_.lower() not in heads:
            continue
        if any(c.dep_ in ("aux", "auxpass", "mark") for c in tok.children):
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subject is None or any(c.dep_ in ("dobj", "dative") for c in tok.head.children):
            continue
        subject.head, subject.dep_ = tok.head, "dobj"
        tok.head, tok.dep_, tok.tag_ = subject, "acl", "VBN"
        mended += 1
    return mended


def mend_free_relative_objects(doc: Doc, heads: Container[str]) -> int:
    """Make what a free relative names the object of the verb it stands for: "condemned WHAT IT CALLED
    shocking REMARKS by Kais Saied", "denounced what it described AS PROVOCATIONS by the United States"
    are parsed with a that-clause as the object; returns how many were mended. The remarks are what was
    condemned, and their "by" phrase whose."""
    mended = 0
    for tok in doc:
        if tok.dep_ != "ccomp" or tok.lemma_.lower() not in heads or tok.head.pos_ != "VERB":
            continue
        if not any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "what" for c in tok.children):
            continue
        named = next((c for c in tok.children if c.dep_ == "oprd"), None) or next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"), None
        )
        if named is None or named.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in ("dobj", "obj") for c in tok.head.children):
            continue
        named.head, named.dep_ = tok.head, "dobj"
        mended += 1
    return mended


def mend_participle_roots(doc: Doc) -> int:
    """Make the main verb of a sentence whose subject carries a passive participle: "Mortar bombs fired
    by rebels SLAMMED into Monrovia" is parsed with "bombs" as the root and "slammed" as a clause on
    "rebels"; returns how many were mended. A past-tense verb with no subject of its own, hung on the
    agent of the root noun's participle, is the sentence's verb and the noun its subject; so is a
    participle with an object right after the root noun ("a drone strike KILLED 85 civilians")."""
    mended = 0
    for sent in doc.sents:
        noun = sent.root
        if noun.pos_ not in ("NOUN", "PROPN"):
            # "..., witnesses said": the noun taken for a second subject of the reporting verb
            noun = next((c for c in noun.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                         and sum(d.dep_ == "nsubj" for d in c.head.children) > 1), None)  # fmt: skip
            if noun is None:
                continue
        agents = [g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]  # fmt: skip
        verb = next((v for g in agents for v in g.children
                     if v.dep_ in ("acl", "relcl") and v.tag_ == "VBD" and not has_subject(v)), None)  # fmt: skip
        if verb is None and noun.dep_ == "ROOT":
            # "A Nigerian army drone strike KILLED at least 85 civilians": a participle with an object of
            # its own, right after the root noun or its last conjunct ("The United States and more than
            # 20 allies EXPELLED over 100 Russian diplomats"), is the sentence's verb
            heads = conjuncts(noun)
            verb = next((c for h in heads for c in h.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                         and c.i == h.i + 1 and not has_subject(c)
                         and any(g.dep_ in ("dobj", "obj") for g in c.children)), None)  # fmt: skip
        if verb is None:
            continue
        if noun.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = noun.head, "ccomp"
        noun.head, noun.dep_ = verb, "nsubj"
        for c in list(noun.children):
            if c.i > verb.i:
                c.head = verb  # the sentence's closing punctuation and trailing phrases
        mended += 1
    return mended


def mend_object_series(doc: Doc) -> int:
    """Re-hang as objects the nouns of a series the parser took for verbs conjoined to the main verb:
    "police fired tear gas, rubber bullets and bean bag ROUNDS at protesters", "fired tear gas and
    WARNING shots at a festival"; returns how many were mended. A present-tense or "-ing" form with no
    subject or auxiliary, conjoined to a past-tense verb after its object, is a noun (or a noun's
    modifier): it joins the object's series and its phrases go back to the verb."""
    mended = 0
    for conj in doc:
        verb = conj.head
        if (conj.dep_ != "conj" or conj.tag_ not in ("VBZ", "VBG") or verb.tag_ != "VBD" or verb.i > conj.i
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in conj.children)):  # fmt: skip
            continue
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < conj.i), None)
        if obj is None:
            continue
        noun = conj
        if conj.tag_ == "VBG":  # "WARNING shots": the participle modifies its own object
            noun = next((c for c in conj.children if c.dep_ in ("dobj", "obj") and c.i == conj.i + 1), None)
            if noun is None:
                continue
            conj.head, conj.dep_ = noun, "amod"
        for c in list(conj.children):
            if c.dep_ in ("prep", "punct", "npadvmod", "advmod") and c.i > noun.i:
                c.head = verb
        noun.head, noun.dep_ = obj, "conj"
        mended += 1
    return mended


def mend_dated_objects(doc: Doc) -> int:
    """Give back to the verb an object the parser merged with the day before it: "denied on SATURDAY
    ACCUSATIONS by the RSF" is read as "on [Saturday accusations]", and the denial has no object;
    returns how many were mended. The weekday goes back to "on" and the noun becomes the verb's object."""
    mended = 0
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ != "on" or prep.head.pos_ != "VERB":
            continue
        verb = prep.head
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun.pos_ != "NOUN" or any(c.dep_ in ("dobj", "obj") for c in verb.children):
            continue
        day = next((c for c in noun.children if c.dep_ == "compound" and c.lower_ in WEEKDAYS and c.i == prep.i + 1), None)
        if day is None:
            continue
        day.head, day.dep_ = prep, "pobj"
        noun.head, noun.dep_ = verb, "dobj"
        mended += 1
    return mended


def mend_judged_objects(doc: Doc, verbs: Container[str]) -> int:
    """Give back to a verb of rejection the object the parser hung on "as" with the judgement: "dismissed
    as groundless GERMAN ACCUSATIONS" reads "as [groundless German accusations]"; returns how many were
    mended. Only when the verb has no object and an adjective follows "as" at once."""
    mended = 0
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ != "as" or prep.head.lemma_.lower() not in verbs:
            continue
        verb = prep.head
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        if noun is None or any(c.dep_ in ("dobj", "obj") for c in verb.children):
            continue
        if not (prep.i + 1 < noun.i and doc[prep.i + 1].pos_ == "ADJ" and doc[prep.i + 1].head.i == noun.i):
            continue
        noun.head, noun.dep_ = verb, "dobj"
        judgement = doc[prep.i + 1]
        judgement.head, judgement.dep_ = prep, "pobj"  # "as GROUNDLESS": what the object is called
        mended += 1
    return mended


def mend_stranded_agents(doc: Doc) -> int:
    """Re-hang as the passive verb's ``agent`` a final "by"-phrase naming an actor that the parser hung on
    a gerund or noun inside the verb's own complement; returns how many were moved.

    Why: "Iran has been accused of attacking two tankers BY THE UNITED STATES" gets "by" attached to
    "attacking", and the accuser is lost. Only a passive with no agent of its own qualifies, and only a
    "by" whose object names a person, group, place or organisation (not "by poisoning")."""
    mended = 0
    for verb in doc:
        if verb.tag_ != "VBN" or not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ == "by" or prep.i < verb.i:
                continue
            by = next((t for t in prep.subtree if t.lower_ == "by" and t.dep_ == "prep" and t.head.i != verb.i), None)
            if by is None or by.head.tag_ == "VBN" or not any(
                t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for g in by.children if g.dep_ == "pobj" for t in g.subtree
            ):
                continue
            if any(t.i > by.i and not t.is_punct for t in doc[by.right_edge.i + 1 : verb.sent.end]):
                continue  # only a phrase that closes the clause
            by.head, by.dep_ = verb, "agent"
            mended += 1
            break
    return mended


def mend_trailing_rebuttals(doc: Doc, nouns: Container[str], verbs: Container[str]) -> int:
    """Re-hang a closing ", a charge X denied" as a relative clause on "charge", in apposition to the
    accusation before it; returns how many were moved.

    Why: in "India's army accused Pakistani troops of killing two soldiers, a charge Pakistan's military
    denied" the small model makes "denied" the main verb and the accusation its that-clause, so the
    accusation reads as denied. The shape is fixed: a rebuttal verb after its own clausal complement,
    whose subject phrase opens (after a comma) with an accusation noun."""
    mended = 0
    for tok in doc:
        if tok.lemma_.lower() not in verbs or tok.pos_ != "VERB":
            continue
        clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if clause is None or subj is None:
            continue
        noun = next((t for t in subj.subtree if t.lower_ in nouns or t.lemma_.lower() in nouns), None)
        if noun is None or noun.i >= subj.i or noun.pos_ != "NOUN" or not doc[max(subj.left_edge.i - 1, 0)].is_punct:
            continue
        if tok.head.i == tok.i:
            clause.head, clause.dep_ = clause, "ROOT"
        else:
            clause.head, clause.dep_ = tok.head, tok.dep_
        noun.head, noun.dep_ = clause, "appos"
        tok.head, tok.dep_ = noun, "relcl"
        mended += 1
    return mended


def mend_eruption_phrases(doc: Doc, nouns: Container[str], verbs: Container[str]) -> int:
    """Hang the "between" phrase of a verb saying that fighting began or went on ("heavy FIGHTING BROKE
    OUT between Azerbaijan and Armenia", "CLASHES ERUPTED between police and protesters") on the
    fighting noun, its subject; returns how many were moved.

    Why: the parser attaches the phrase to the verb, which says only that it happened; the sides fought
    are the noun's, as in "fighting between Azerbaijan and Armenia killed ten"."""
    mended = 0
    for verb in doc:
        if verb.lemma_.lower() not in verbs:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in nouns), None)
        between = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if subj is None or between is None or any(c.dep_ == "prep" and c.lower_ == "between" for c in subj.children):
            continue
        between.head = subj
        mended += 1
    return mended
