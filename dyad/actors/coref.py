"""Within-article coreference: surnames, misspelled surnames, titles and pronouns.

News text introduces a person once in full ("China's top lawmaker Li Zhanshu") and then says "Li",
"Lee", "the Chinese premier", "Beijing's No. 3 official" or "he". :class:`ArticleContext` remembers
every person seen so far in the article, in order — from parsed sentences through their mentions and
from sentences the prefilter skipped through a knowledge-base scan of their text — and resolves:

* a bare surname to the most recent person whose name contains it, or failing that to a misspelling
  of it (same first letter, rapidfuzz ratio >= ``fuzzy_surname_ratio``; "Lee" -> "Li"), or to the one
  person in the knowledge base with that surname;
* a definite singular role phrase without a name ("the premier", "the Russian leader") to the most
  recent person of the same country whose sector agrees (generic roles like "official" agree with any);
* a singular personal pronoun to the subject of the reporting clause it sits in ("Putin told Li that
  he ..."), else to the most recent person before it, preferring subjects;
* a group or non-state role whose sentence names no country ("the rebels", "the Kurds") to the
  country the article has named most often so far (among the group's possible homes).

Resolution never invents a code: an antecedent without a code (an unknown analyst) resolves to no actor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz
from spacy.tokens import Token

from dyad.actors.knowledge import Entry, KnowledgeBase, pick_role, tokens
from dyad.actors.mentions import COUNTRY_KINDS, GROUP_WORDS, Mention, SentenceActors
from dyad.words import words

# Role nouns that name a body rather than one office-holder: a definite "the government" or "the army"
# is that body (its country's GOV, MIL ...), not a person seen earlier
COLLECTIVE_ROLES = words("collective_roles")
# Of those, the bodies a story means when it says "the government" without naming a country
ARTICLE_BODIES = words("article_bodies")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 5x faster


@lru_cache(maxsize=1)
def load_coref_config() -> dict[str, Any]:
    path = Path(__file__).resolve().parents[1] / "data" / "patterns" / "coref.yaml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}


@dataclass(slots=True)
class Antecedent:
    """A person seen earlier in the article."""

    name: str
    code: str | None
    country: str | None
    sector: str | None
    sentence: int
    position: int  # token (parsed) or char (scanned) order inside the sentence
    subject: bool = False
    person: Entry | None = None

    def name_tokens(self) -> list[str]:
        return [t.lower() for t in tokens(self.name) if t[:1].isalpha()]


@dataclass
class ArticleContext:
    """Persons mentioned so far in one article, for resolving later mentions."""

    kb: KnowledgeBase
    date: str | None
    persons: list[Antecedent] = field(default_factory=list)
    groups: list[tuple[int, int, bool, list[Mention]]] = field(default_factory=list)  # sentence, position, subject
    countries: list[tuple[int, str]] = field(default_factory=list)  # (sentence, ISO3) of every country named
    armed_groups: list[tuple[int, int, Mention]] = field(default_factory=list)  # (sentence, position, armed actor)

    def article_countries(self, before: int) -> list[str]:
        """Countries named in sentences before ``before``, most often named first (ties: most recent)."""
        counts: Counter[str] = Counter()
        last: dict[str, int] = {}
        for n, (sent, c) in enumerate(self.countries):
            if sent < before:
                counts[c] += 1
                last[c] = n
        return sorted(counts, key=lambda c: (-counts[c], -last[c]))

    # ------------------------------------------------------------------ observing
    def observe_text(self, text: str, sentence_index: int) -> None:
        """Record the known people named in an unparsed sentence."""
        for m in self.kb.match(text):
            e = m.best
            if e.kind == "person":
                code, country, sector = e.actor_code(self.date)
                self._add(Antecedent(e.name, code, country, sector, sentence_index, m.start))
            else:
                country = next((x.country for x in m.entries if x.kind in COUNTRY_KINDS and x.country), None)
            if country:
                self.countries.append((sentence_index, country))

    def observe(self, mention: Mention, sentence_index: int, subject: bool = False) -> None:
        """Record a resolved (or unknown but named) person mention of a parsed sentence, and the
        country of any mention the sentence itself resolved (for :meth:`article_countries`)."""
        if mention.country and mention.resolved_by in ("kb", "compose") and mention.sector != "MED":
            # (a news agency's home says nothing about where the story is: "told AFP")
            self.countries.append((sentence_index, mention.country))
        if mention.sector in ARMED_GROUP_SECTORS and mention.code and mention.head is not None:
            # "Hamas", or a member who names the group: "a senior ISLAMIC JIHAD commander"
            self.armed_groups.append((sentence_index, mention.head, mention))
        if mention.kind != "person" and not (mention.resolved_by in ("coref", "pronoun") and mention.name):
            return
        if not mention.name:
            return
        self._add(Antecedent(mention.name, mention.code, mention.country, mention.sector, sentence_index,
                             mention.head, subject, mention.person))  # fmt: skip

    def observe_group(self, mentions: list[Mention], sentence_index: int, position: int, subject: bool) -> None:
        """Record coordinated actors ("China and Russia") or a plural actor ("Chinese officials") as a
        possible antecedent of "they"."""
        coded = [m for m in mentions if m.code and m.kind != "pronoun"]
        if len(coded) >= 2 or (len(coded) == 1 and coded[0].plural):
            self.groups.append((sentence_index, position, subject, coded))

    def resolve_plural(self, m: Mention, sentence_index: int, earlier: list[Mention] | None = None) -> list[Mention]:
        """"they"/"their" -> the actors named earlier in the same sentence when there are two or more
        ("Mishustin assured Li at THEIR meeting"), else the most recent group in this sentence or the
        subject group of the previous one ("China and Russia ... They"). Copies keep the pronoun's words."""
        same = [a for a in (earlier or []) if a.code and a.kind != "pronoun" and a.head < m.head]
        word = m.text.lower()
        if word == "they":
            # "Russian forces tortured civilians in areas THEY had occupied": a subject "they" is the
            # nearest subject group before it, not everyone named (that reading is "at THEIR meeting")
            for sent, pos, subject, members in reversed(self.groups):
                if sent == sentence_index and pos < m.head and subject:
                    return [self._copy(m, a) for a in members]
        elif word == "them":
            # "caught pirates ... and took 23 of THEM into custody": the nearest plural actor named
            plural = [a for a in same if a.plural]
            if plural:
                near = max(plural, key=lambda a: a.head)
                # "expelled the Australian and New Zealand high commissioners, accusing THEM": every
                # conjunct of the list the nearest one belongs to
                group = next((members for sent, pos, _, members in reversed(self.groups)
                              if sent == sentence_index and pos < m.head and any(a.head == near.head for a in members)),
                             [near])  # fmt: skip
                return [self._copy(m, a) for a in group]
        if len({a.code for a in same}) >= 2:
            return [self._copy(m, a) for a in same]
        for sent, pos, subject, members in reversed(self.groups):
            if sent == sentence_index and pos >= m.head:
                continue
            if sent < sentence_index - 1:
                break
            if sent < sentence_index and not subject:
                continue
            out = []
            for a in members:
                out.append(self._copy(m, a))
            return out
        return []

    @staticmethod
    def _copy(m: Mention, a: Mention) -> Mention:
        return Mention(m.start, m.end, m.head, m.text, code=a.code, country=a.country, sector=a.sector, name=a.name,
                       kind=a.kind, person=a.person, plural=True, resolved_by="pronoun")  # fmt: skip

    def _add(self, ante: Antecedent) -> None:
        self.persons.append(ante)

    # ------------------------------------------------------------------ resolving
    def resolve(self, m: Mention, sa: SentenceActors, sentence_index: int) -> Mention:
        """Fill ``m`` from the article context when it is a surname, a bare title or a pronoun."""
        if m.kind == "pronoun":
            return self._pronoun(m, sa, sentence_index)
        if m.resolved_by == "description" and not m.country:
            return self._described_country(m, sentence_index)
        if m.kind == "person" and m.person is None and (m.surname_only or not m.code):
            m = self._surname(m, sentence_index)
            if m.needs_country and not m.country:  # "President Assad" in a story that named Syria before
                m = self._article_country(m, sentence_index)
            return m
        if m.kind == "role" and not m.plural and m.definite and not m.name and not _person_owned(m, sa):
            m = self._title(m, sentence_index)
        if m.kind == "role" and m.definite and not (m.name or m.plural) and sa_head_word(m) in GROUP_WORDS and (
            not _states_country(m, sa)  # not "the LEBANESE militant group"
        ):
            named = [g for sent, pos, g in self.armed_groups if sent < sentence_index or (sent == sentence_index and pos < m.head)]
            if named:  # "Israeli air strikes killed an ISLAMIC JIHAD commander, and THE MILITANT GROUP fired rockets"
                g = named[-1]
                m.code, m.country, m.sector, m.needs_country = g.code, g.country, g.sector, False
                m.name = g.name if g.kind in ("institution", "org") else None  # not the commander's own name
                m.resolved_by = "coref"
                return m
        if m.needs_country and not m.country:
            return self._article_country(m, sentence_index)
        if not m.country and m.sector in ("GOV", "MIL") and self._names_state_body(m, sa):
            m = self._article_country(m, sentence_index)
            if not m.country:
                m = self._scene_country(m, sa)
        return m

    @staticmethod
    def _names_state_body(m: Mention, sa: SentenceActors) -> bool:
        """"the government", "the regime", "government forces", "regime troops": a body of the state the
        story is about, named without its country."""
        if m.head is None:
            return False
        head = sa.doc[m.head]
        if any(c.dep_ == "poss" for c in head.children) or head.dep_ == "conj":
            # "ITS weak government": the owner's; "Danish media and GOVERNMENT": the conjunct's modifier's
            return False
        named = {head.lemma_.lower()} | {c.lower_ for c in head.children
                                         if c.dep_ in ("compound", "amod", "nmod") and m.start <= c.i < m.end}  # fmt: skip
        return bool(named & ARTICLE_BODIES)

    def _scene_country(self, m: Mention, sa: SentenceActors) -> Mention:
        """The one country a story's first sentence is about, for a state body it names without one
        ("Syrian opposition activists accused GOVERNMENT FORCES ..." -> SYRMIL); none when it names
        several."""
        scene = sa.scene_countries(sa.doc[m.head], exclude={m.head})
        if len(scene) == 1:
            m.country = scene[0]
            m.code = m.country + (m.sector or "")
            m.resolved_by = "scene"
        return m

    def _described_country(self, m: Mention, sentence_index: int) -> Mention:
        """"a visit to the Central Asian STATE": the country the sentence named last before the phrase,
        passing over the one it named first -- the headline actor's own, whose deeds the sentence tells
        ("CHINESE President Hu ... gas from Turkmenistan to CHINA, during a visit to the Central Asian
        state" is Turkmenistan) unless it is the only one; with none named in the sentence, the
        article's most-named country."""
        here = [c for s, c in self.countries if s == sentence_index]
        others = [c for c in here if c != here[0]] if here else []
        country = (others or here or [None])[-1]
        if country is None:
            return self._article_country(m, sentence_index)
        m.country, m.code, m.needs_country = country, country, False
        return m

    def _article_country(self, m: Mention, sentence_index: int) -> Mention:
        """"The rebels" in a story about Sudan: the article's most-named country (one of the group's
        homes when it has several); left uncoded when the article has named none."""
        ranked = [c for c in self.article_countries(sentence_index) if not m.homes or c in m.homes]
        if ranked:
            m.country = ranked[0]
            m.code = m.country + (m.sector or "")
            m.needs_country = False
            m.resolved_by = "coref"
        return m

    def _before(self, sentence_index: int, position: int | None = None) -> list[Antecedent]:
        """Antecedents before a point, most recent first."""
        out = [a for a in self.persons if a.sentence < sentence_index
               or (position is not None and a.sentence == sentence_index and a.position < position)]  # fmt: skip
        return out[::-1]

    def _surname(self, m: Mention, sentence_index: int) -> Mention:
        word = (m.name or m.text).split()[-1].lower() if m.surname_only else None
        full = [t.lower() for t in tokens(m.name or "") if t[:1].isalpha()]
        cands = self._before(sentence_index, m.head)
        if not m.surname_only:
            # a full name seen before (an unknown person introduced with a role)
            for a in cands:
                if a.name_tokens() == full:
                    return self._apply(m, a, "coref")
            return m
        assert word is not None
        for a in cands:
            if word in a.name_tokens():
                return self._apply(m, a, "surname")
        ratio = load_coref_config().get("fuzzy_surname_ratio", 80)
        for a in cands:
            for t in a.name_tokens():
                if t[:1] != word[:1] or min(len(t), len(word)) < 2:
                    continue
                if fuzz.ratio(t, word) >= ratio or (_skeleton(t) == _skeleton(word) and abs(len(t) - len(word)) <= 2):
                    return self._apply(m, a, "fuzzy")
        person = self.kb.surname_person(word, self.date)
        if person is not None:
            code, country, sector = person.actor_code(self.date)
            m.name, m.person, m.code, m.country, m.sector = person.name, person, code, country, sector
            m.resolved_by = "surname"
        return m

    def _title(self, m: Mention, sentence_index: int) -> Mention:
        if sa_head_word(m) in COLLECTIVE_ROLES:
            # "the government" is a body, never the last official named: with no country of its own,
            # the government of the country the article is about
            if not m.country and m.text.lower().startswith("the ") and sa_head_word(m) in ARTICLE_BODIES:
                m = self._article_country(m, sentence_index)
            return m
        for a in self._before(sentence_index, m.head):
            if a.code is None:
                continue
            if m.country and a.country != m.country:
                continue
            if not m.generic_role and m.sector and a.sector != m.sector:
                continue
            if not m.country and not m.sector:
                continue
            if not self._title_fits(m, a):
                continue
            return self._apply(m, a, "coref")
        return m

    def _title_fits(self, m: Mention, a: Antecedent) -> bool:
        """"the prime minister" cannot be a person whose office on that date is "President of Russia"."""
        exclusive = load_coref_config().get("exclusive_titles", [])
        if not m.role or m.role not in exclusive or a.person is None:
            return True
        role = pick_role(a.person.roles, self.date)
        if role is None or not role.title:
            return True
        return m.role in role.title.lower()

    def _pronoun(self, m: Mention, sa: SentenceActors, sentence_index: int) -> Mention:
        word = sa.doc[m.head].lower_
        if word not in load_coref_config().get("person_pronouns", []):
            return m  # plural pronouns: left unresolved (too often wrong to code events from)
        tok = sa.doc[m.head]
        # "Putin told Li that he values ...": the subject of the reporting clause above
        clause = tok.head
        while clause.dep_ not in ("ccomp",) and clause.head.i != clause.i:
            if clause.dep_ in ("ROOT",):
                break
            clause = clause.head
        if clause.dep_ == "ccomp":
            subj = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                for a in self._before(sentence_index + 1):
                    if a.sentence == sentence_index and a.position == subj.i:
                        return self._apply(m, a, "pronoun")
        cands = self._before(sentence_index, m.head)
        same = [a for a in cands if a.sentence == sentence_index]
        if tok.dep_ in ("dobj", "dative") and same:
            # "Annan met Assad and urged HIM to ...": an object pronoun is not its own clause's subject
            # (that would be "himself"); the nearest other person is
            doers = {s.i for s in _clause_subjects(tok.head)}
            others = [a for a in same if a.position not in doers]
            if others:
                return self._apply(m, others[0], "pronoun")
        if same:
            return self._apply(m, _prefer_subject(same, tok), "pronoun")
        if cands:
            last = cands[0].sentence
            recent = [a for a in cands if a.sentence == last]
            return self._apply(m, next((a for a in recent if a.subject), recent[0]), "pronoun")
        return m

    def _apply(self, m: Mention, a: Antecedent, how: str) -> Mention:
        m.name, m.code, m.country, m.sector, m.person = a.name, a.code, a.country, a.sector, a.person
        m.resolved_by = how
        return m


# Sectors of the armed groups a later "the group" (mentions.GROUP_WORDS) names again
ARMED_GROUP_SECTORS = frozenset({"REB", "INS", "SEP", "RAD"})


def _states_country(m: Mention, sa: SentenceActors) -> bool:
    """Whether a mention's own words name a country ("the LEBANESE militant group")."""
    return any((p := sa.by_token.get(i)) is not None and p.first(COUNTRY_KINDS) is not None for i in range(m.start, m.end))


def _person_owned(m: Mention, sa: SentenceActors) -> bool:
    """"HIS bodyguard", "HER deputy": a role a person owns is someone else, never a title by which the
    story names that person again (the army chief "was shot dead by HIS BODYGUARD")."""
    return m.head is not None and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in sa.doc[m.head].children)


def sa_head_word(m: Mention) -> str:
    """The last word of a mention's text, lower-cased ("the Turkmen government" -> "government")."""
    words = m.text.lower().split()
    return words[-1] if words else ""


def _skeleton(word: str) -> str:
    """First letter plus the consonants: a crude phonetic key under which "Lee" and "Li" agree."""
    return word[:1] + "".join(c for c in word[1:] if c not in "aeiouy")


def _clause_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is coordinated with ("met Assad and URGED him")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subjects
        verb = verb.head


def _prefer_subject(cands: list[Antecedent], tok: Token) -> Antecedent:
    for a in cands:
        if a.subject:
            return a
    return cands[0]
