"""Resolved actor mentions of one sentence, in reading order.

Why a class of its own: every slot reader asks for the actors of a phrase head many times, and the
answer depends on what came before (pronouns, "it" of a reported clause, possessive "his"). This
cache resolves each head once, left to right, against the article's coreference context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from dyad.actors.coref import ArticleContext, load_coref_config
from dyad.actors.mentions import POSSESSIVE_PRONOUNS, Mention, SentenceActors
from dyad.events.syntax import has_subject, is_series


class SentenceMentions:
    """Resolved mentions of one sentence, cached per phrase head, resolved in reading order."""

    def __init__(self, sa: SentenceActors, ctx: ArticleContext, index: int,
                 reporting: frozenset[str] = frozenset()) -> None:  # fmt: skip
        self.sa, self.ctx, self.index = sa, ctx, index
        self.reporting = reporting  # verbs that report ("said", "announced"): modality.yaml reporting_verbs
        self.cache: dict[int, list[Mention]] = {}
        config = load_coref_config()
        self.plural_pronouns = frozenset(config.get("plural_pronouns", []))
        self.pair_nouns = frozenset(config.get("pair_nouns", []))
        self.country_pair_nouns = frozenset(config.get("country_pair_nouns", []))
        self.body_heads = frozenset(config.get("body_heads", []))

    def prime(self) -> None:
        """Resolve every noun phrase left to right so that pronouns see the persons before them."""
        for tok in self.sa.doc:
            if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ not in (
                "compound", "amod", "nmod", "conj", "appos", "det", "nummod", "flat", "case"
            ):  # fmt: skip
                self.get(tok)

    def get(self, tok: Token) -> list[Mention]:
        if tok.i in self.cache:
            return self.cache[tok.i]
        if self._names_a_pair(tok):
            out = self._pair(tok)
            self.cache[tok.i] = out
            return out
        out: list[Mention] = []
        for m in self.sa.mentions_for(tok):
            if m.kind == "pronoun" and m.plural and tok.lower_ in self.plural_pronouns:
                if (reporters := self._reporting_group(tok)) is not None:
                    out.extend(replace(r, start=m.start, end=m.end, head=m.head, text=m.text, resolved_by="pronoun")
                               for r in reporters)  # fmt: skip
                    continue
                own = self._clause_subjects(tok)
                earlier = [x for i, ms in self.cache.items() for x in ms
                           if self._argument(self.sa.doc[i]) and i not in own]  # fmt: skip
                out.extend(self.ctx.resolve_plural(m, self.index, earlier))
                continue
            if m.kind == "pronoun" and not m.plural:
                reporter = self._reporting_subject(tok)
                if reporter is None:
                    reporter = self._own_subject(tok)
                if reporter is None:
                    reporter = self._object_it(tok)
                if reporter is not None:
                    out.extend(replace(r, start=m.start, end=m.end, head=m.head, text=m.text, resolved_by="pronoun")
                               for r in reporter)  # fmt: skip
                    continue
            m = self.ctx.resolve(m, self.sa, self.index)
            # "ITS forces had captured", "HIS country was breaking off relations": a subject role, or a
            # country anywhere ("recalled ITS ambassador to Seoul" is the host's business: left alone)
            owned = m.kind == "country" or (m.kind == "role" and _subject_phrase(tok))
            if owned and not m.country and (owner := self._possessor(tok)) is not None:
                m = replace(m, country=owner.country, code=owner.country + (m.sector or ""), needs_country=False,
                            resolved_by="pronoun")  # fmt: skip
            self.ctx.observe(m, self.index, subject=tok.dep_ in ("nsubj", "nsubjpass"))
            out.append(m)
        if tok.lower_ not in self.plural_pronouns:
            self.ctx.observe_group(out, self.index, tok.i, subject=self._argument(tok, ("nsubj", "nsubjpass")))
        self.cache[tok.i] = out
        return out

    def _names_a_pair(self, tok: Token) -> bool:
        """"the TWO agreed", "BOTH said", "the two LEADERS agreed", "both SIDES": a subject or object
        that stands for two parties named before it. Not after a preposition: "a date for a second
        summit BETWEEN THE TWO LEADERS" is more often a plan or a history than an act."""
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return False
        if tok.lower_ in ("two", "both"):
            return tok.lower_ == "both" or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in self.pair_nouns:
            return False
        words = {(c.dep_, c.lower_) for c in tok.children}
        # "THE two men", not "gunned down two women"
        return {("nummod", "two"), ("det", "the")} <= words or bool(words & {("det", "both"), ("predet", "both")})

    def _pair(self, tok: Token) -> list[Mention]:
        """The two parties a pair phrase stands for: the last two distinct coded actors named as
        subjects or objects before it in the sentence ("Blinken met Xi in Beijing, and THE TWO agreed
        to ..."), else a coordinated subject pair of the sentence before, else that sentence's last two
        persons. Nothing when that is not two parties."""
        if tok.lemma_.lower() in self.country_pair_nouns:
            countries = self._two_countries(tok)
            if countries:
                return countries
        named = self._last_two(tok, lambda m: m.code, arguments_only=True)
        if len(named) < 2:
            named = next((members for sent, _, subject, members in reversed(self.ctx.groups)
                          if sent == self.index - 1 and subject), [])  # fmt: skip
        if len(named) < 2:  # "Putin met Xi on Monday. BOTH SIDES said ...": the persons of the sentence before
            named = [Mention(0, 0, 0, a.name, code=a.code, country=a.country, sector=a.sector, name=a.name,
                             kind="person", person=a.person) for a in self.ctx.persons
                     if a.sentence == self.index - 1 and a.code][-2:]  # fmt: skip
        if len({m.code for m in named}) != 2:
            return []
        return [replace(m, start=tok.left_edge.i, end=tok.i + 1, head=tok.i, text=tok.text, plural=True,
                        resolved_by="pronoun") for m in named]  # fmt: skip

    def _two_countries(self, tok: Token) -> list[Mention]:
        """"Xi arrived in Islamabad ..., and THE TWO COUNTRIES signed": the last two countries named before
        the pair noun in the sentence, in any phrase, as the countries themselves; none unless two."""
        named = self._last_two(tok, lambda m: m.country if m.code else None, arguments_only=False)
        if len(named) != 2:
            return []
        return [Mention(tok.left_edge.i, tok.i + 1, tok.i, tok.text, code=m.country, country=m.country, sector=None,
                        name=self.ctx.kb.country_name(m.country) or m.country, kind="country", plural=True,
                        resolved_by="pronoun") for m in named]  # fmt: skip

    def _last_two(self, tok: Token, key: Callable[[Mention], str | None], arguments_only: bool) -> list[Mention]:
        """The last two single actors named before ``tok`` that differ by ``key`` (a code, a country), in
        reading order; subjects and objects only when ``arguments_only``."""
        seen: dict[str, Mention] = {}
        for i in sorted(i for i in self.cache if i < tok.i and (not arguments_only or self._argument(self.sa.doc[i]))):
            for m in self.cache[i]:
                k = key(m)
                if k and not m.plural:
                    seen.pop(k, None)  # named again: it moves to the end
                    seen[k] = m
        return list(seen.values())[-2:]

    @staticmethod
    def _argument(tok: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass", "dobj", "dative")) -> bool:
        """A subject or object (of ``deps``), directly or through a counting word ("THOUSANDS of
        protesters")."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and is_series(tok.head.head):
            tok = tok.head.head
        return tok.dep_ in deps

    @staticmethod
    def _clause_subjects(tok: Token) -> set[int]:
        """Subjects an object pronoun cannot stand for: those of its own verb and of the verbs that verb
        completes ("police fired tear gas to disperse THEM": not the police; that reading would be
        "themselves")."""
        if tok.dep_ not in ("dobj", "dative", "pobj"):
            return set()
        verb, out = tok.head, set()
        if verb.dep_ == "prep":
            verb = verb.head
        for _ in range(4):
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    out.update(t.i for t in c.subtree)
            if verb.dep_ not in ("advcl", "xcomp") or verb.head.i == verb.i:
                break
            verb = verb.head
        return out

    def _object_it(self, tok: Token) -> list[Mention] | None:
        """"The Arab League voted to suspend SYRIA's membership and threatened IT with sanctions",
        "Petro suspended talks with THE ELN rebel group, accusing IT of war crimes": an object "it"
        stands for the nearest state, group or body named before it in the sentence that is not the
        subject of its own clause (that would be "itself"); None when there is none."""
        if tok.lower_ != "it" or tok.dep_ not in ("dobj", "dative"):
            return None
        own = self._clause_subjects(tok)
        verb = tok.head
        while verb.dep_ == "conj" and not has_subject(verb):
            verb = verb.head  # "voted ... and threatened it": the first verb's subject is its own too
            own |= {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        for i in sorted((i for i in self.cache if i < tok.i and i not in own), reverse=True):
            found = [m for m in self.cache[i] if m.code and m.kind != "pronoun" and not m.plural
                     and not self._is_person(m, self.sa.doc[m.head])]  # fmt: skip
            if found:
                return found[:1]
        return None

    def _own_subject(self, tok: Token) -> list[Mention] | None:
        """"Novy said the Troy man shot HIS former co-workers": a possessive "his"/"her" belongs to the
        noun-phrase subject of its own clause; when that subject is no coded person the pronoun stays
        unresolved ([]), rather than taking the last person named."""
        if tok.dep_ != "poss" or tok.lower_ not in ("his", "her"):
            return None
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            return None
        found = [m for m in self.get(subj) if m.code]
        if len(found) == 1 and (found[0].kind == "person" or (found[0].kind == "role" and not found[0].plural)):
            return found
        return []

    def _possessor(self, head: Token) -> Mention | None:
        """"Russia said ITS forces had captured ...", "Petro announced that HIS country ...": the actor a
        possessive pronoun stands for, when it owns a role or a country that names none of its own.
        "his"/"her" resolve as person pronouns do; "its"/"their" stand for the nearest actor with a
        country named before them ("its": no person)."""
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
        if poss is None:
            return None
        if poss.lower_ in ("his", "her"):
            found = [m for m in self.get(poss) if m.code and m.country]
            return found[0] if len(found) == 1 else None
        for i in sorted((i for i in self.cache if i < poss.i), reverse=True):
            found = [m for m in self.cache[i] if m.code and m.country and m.kind != "pronoun"
                     and not (poss.lower_ == "its" and self._is_person(m, self.sa.doc[m.head]))]  # "it" is no person
            if found:
                return found[0] if len({m.country for m in found}) == 1 else None
        return None

    def _is_person(self, m: Mention, head: Token) -> bool:
        """Whether "he"/"she" (rather than "it") can stand for ``m``: a person, a singular role that
        names a person ("the minister"), not a body ("the Nigerian GOVERNMENT said IT ..."), or a
        name the tagger reads as a person though the dictionary codes it as its organisation ("Kofi
        Annan" as IGOUNO)."""
        if m.kind == "person" or head.ent_type_ == "PERSON":
            return True
        if m.kind != "role" or m.plural:
            return False
        return head.lemma_.lower() not in self.body_heads and head.lower_ not in self.body_heads

    def _reporting_subject(self, tok: Token) -> list[Mention] | None:
        """"Japan said IT had halted aid": the subject pronoun of a reported clause is the reporter,
        when the reporter is a coded actor of the same kind (a country/organisation for "it", a
        person for "he"/"she")."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
            return None
        verb = tok.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i >= tok.i:
            return None
        found = [m for m in self.get(subj) if m.code]
        if len(found) != 1:
            return None
        if (tok.lower_ == "it") == self._is_person(found[0], subj):
            return None
        return found

    def _reporting_group(self, tok: Token) -> list[Mention] | None:
        """"The Taliban said THEY had captured the Panjshir valley", "China and Russia said THEY would ...":
        the subject "they" of a reported clause is the reporter, when that is a group or several actors
        (no single person)."""
        if tok.lower_ != "they" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
            return None
        verb = tok.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i >= tok.i or verb.lemma_.lower() not in self.reporting:
            return None  # not "the Security Council demanded that THEY withdraw"
        found = [m for m in self.get(subj) if m.code]
        if not found or (len(found) == 1 and self._is_person(found[0], subj)):
            return None
        return found


def _subject_phrase(tok: Token) -> bool:
    """A clause's subject or passive agent ("was shot by HIS BODYGUARD"), or what its counting word counts
    ("20 OF ITS SOLDIERS were killed", "was shot by one OF HIS OWN BODYGUARDS")."""
    if _doer(tok):
        return True
    counter = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return counter is not None and _doer(counter) and (counter.like_num or is_series(counter))


def _doer(tok: Token) -> bool:
    """A clause's subject, or the object of its passive "by"."""
    return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")
