"""Killings and attacks as CAMEO codes them: whom and how many decide the leaf, not the verb.

Why a step of its own: "shot dead Russia's ambassador" and "killed 20 soldiers" use the same verb,
but CAMEO codes the killing of a political figure as an assassination (186) and the killing of
hundreds of unarmed people as mass killing (202), an armed group's attack on unarmed people as assault
(180) and police shooting civilians as repression (175), where a fight between armed sides stays 190.
Those are facts about the victims, known only once the target is resolved, so they are applied after
the verb step. The verbs, sectors and threshold are data (modality.yaml: ``killing_verbs``,
``assassination_sectors``, ``mass_killing``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Token

from dyad.actors.mentions import Mention
from dyad.events.base import Found
from dyad.words import words

# Sectors that bear arms: killing them is fighting, however many (the others are unarmed people)
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY", "INS", "SEP", "RAD", "CRM"})
# People whose killing or shooting by police is repression (175), as in every gold set we have
REPRESSED = frozenset({"CVL", "OPP", "EDU", "LAB", "REL", "MED"})
# Armed groups outside the state: their attacks on unarmed people are assaults (180), not war (190)
NON_STATE_ARMED = frozenset({"REB", "UAF", "INS", "SEP", "RAD", "CRM"})
# Killed by physical assault ("stabbed / beaten to death"): a killing whatever the verb
BEATEN_TO_DEATH, ASSAULT = "1823", "182"
# Air strikes keep their code beside the assassination they carried out
AERIAL_CODES = frozenset({"195"})
EXECUTION = BEATEN_TO_DEATH  # CAMEO codes an execution as killing by physical assault
# CAMEO's international militarized groups (IMGMUSISI Islamic State, IMGMUSALQ al-Qaeda) are armed groups too
MILITARIZED_GROUP = "IMG"
# Ships hit are property, not people: force on a merchant ship stays 190/195, not assault (180)
VESSEL_HEADS = words("vessel_heads")
FIGURE_VEHICLES = words("figure_vehicles")
CARRIER_ATTACK_VERBS = words("carrier_attack_verbs")
NUMBER_WORDS = {"hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000, "million": 1_000_000,
                "millions": 1_000_000, "dozens": 24, "scores": 40}  # fmt: skip


def victim_count(obj: Token) -> int | None:
    """How many the object phrase counts: "at least 132 civilians" -> 132, "hundreds of villagers" ->
    100, "more than 350 members of ..." -> 350; None when it gives no number."""
    for c in obj.children:
        if c.dep_ == "nummod":
            try:
                return int(float(c.text.replace(",", "")))
            except ValueError:
                return NUMBER_WORDS.get(c.lower_)
    if obj.lower_ in NUMBER_WORDS:
        return NUMBER_WORDS[obj.lower_]
    return None


def _lethal(f: Found, rules: KillingRules) -> bool:
    """Whether the act kills: a verb that kills by its sense ("killed", "assassinated") or one that may
    only wound (``wounding_verbs``) with "dead", "to death" or a killing verb beside it ("shot DEAD",
    "stabbed TO DEATH", "shot and KILLED"). "Robert Fico was shot several times" is no killing."""
    verb = f.trigger
    if verb.lemma_.lower() not in rules.verbs:
        return f.code == BEATEN_TO_DEATH and f.pattern.code == ASSAULT
    if verb.lemma_.lower() not in rules.wounding:
        return True
    doc, by_sense = verb.doc, rules.verbs - rules.wounding
    after = doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else ""  # "shot DEAD Tunisian opposition ..."
    words_on = {c.lower_ for c in verb.children} | {g.lower_ for c in verb.children if c.dep_ == "prep" for g in c.children}
    if after == "dead" or words_on & {"dead", "death"} or {c.lemma_.lower() for c in verb.conjuncts} & by_sense:
        return True
    # the sentence says so of the victim: "shot opposition leader Benazir Bhutto and then blew himself up,
    # KILLING HER", "was shot by one of his bodyguards, and diplomats said HE HAD DIED"
    return any((t.lemma_.lower() in by_sense and any(c.dep_ == "dobj" and c.lower_ in ("him", "her") for c in t.children))
               or (t.lemma_.lower() == "die" and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in t.children))
               for t in doc[verb.i + 1 :])  # fmt: skip


def _figure_targeted(f: Found, rules: KillingRules) -> bool:
    """Whether the act is aimed at one political figure (``assassination_sectors``) or a named commander
    of the state's forces: "Russia's ambassador", "opposition leader Benazir Bhutto"."""
    tgt = f.target
    if tgt is None or tgt.kind not in ("person", "role") or tgt.plural:
        return False
    # a role word is generic ("a politician") unless a name follows it ("populist politician PIM FORTUYN")
    doc = f.trigger.doc
    role = doc[tgt.head]
    after = doc[role.i + 1] if role.i + 1 < len(doc) else None  # not "killed a lawmaker MONDAY"
    named = role.pos_ == "PROPN" or (after is not None and after.pos_ == "PROPN" and after.ent_type_ not in ("DATE", "TIME")) or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in role.children
    )
    # "the army chief of staff, General Seare Mekonnen, was shot dead"; an air strike on a state's
    # commander stays an act of war ("a U.S. drone strike killed Iranian commander Qassem Soleimani": 195)
    commander = tgt.sector == "MIL" and named and f.code not in AERIAL_CODES and any(
        t.lemma_.lower() in rules.ranks for t in doc[tgt.start:tgt.end])
    return (named or not tgt.generic_role) and (tgt.sector in rules.figures or commander)


def _figure_killed(f: Found, rules: KillingRules) -> bool:
    """Whether the act kills one political figure: "shot dead Russia's ambassador", "stabbed to death"
    (an assault, 182, that killed; not an execution, "hanged", 1823 of its own)."""
    return _lethal(f, rules) and _figure_targeted(f, rules)


def _figure_carrier_hit(f: Found) -> bool:
    """Whether weapons hit what carries or houses the target (words.yaml ``figure_vehicles``,
    ``carrier_attack_verbs``): "opened fire on the MOTORCADE of Turkmen President Niyazov", "attacked
    the RESIDENCE of Guinean President Alpha Conde", "opened fire on Imran Khan's protest CONVOY"."""
    verb, tgt = f.trigger, f.target
    if tgt is None or tgt.head is None or verb.lemma_.lower() not in CARRIER_ATTACK_VERBS:
        return False
    hit = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    hit += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "at") for g in c.children if g.dep_ == "pobj"]
    owner = verb.doc[tgt.head]
    return any(h.lemma_.lower() in FIGURE_VEHICLES and (owner.head.i == h.i or owner.head.head.i == h.i) for h in hit)


def _figure_wounded(f: Found, rules: KillingRules) -> bool:
    """Whether the act shoots, stabs or wounds one political figure without killing: "Slovak Prime
    Minister Robert Fico was shot several times", "shot and seriously wounded East Timor's President",
    "stabbed opposition leader Lee Jae-myung in the neck" are attempts on their lives (185)."""
    verbs = {f.trigger.lemma_.lower()} | {c.lemma_.lower() for c in f.trigger.conjuncts}
    attempt = bool(verbs & rules.wounding) or _figure_carrier_hit(f)
    return attempt and not _lethal(f, rules) and _figure_targeted(f, rules)


def _leader_killed(f: Found, rules: KillingRules) -> bool:
    """Whether the act kills one named person of an armed group ("killed Chechen rebel warlord Shamil
    Basayev", "Hamas political leader Ismail Haniyeh was killed"): the gold sets code it as an
    assassination (186). A drug lord killed in a shootout is fighting crime (193), not assassinated."""
    tgt = f.target
    return (f.trigger.lemma_.lower() in rules.verbs and tgt is not None and tgt.kind == "person"
            and bool(tgt.name) and not tgt.plural and armed_group(tgt) and tgt.sector != "CRM")  # fmt: skip


def _suicide_attacker(f: Found) -> bool:
    """Whether the doer is named as a suicide attacker ("a Tamil Tiger SUICIDE bomber", "SUICIDE
    bombers from al Shabaab"): CAMEO codes the act by that means (1831) whatever its toll."""
    doc = f.trigger.doc
    return any(doc[i].lower_ == "suicide" for i in range(f.source.start, min(f.source.end, len(doc))))


# The state's civil bodies: gunmen storming a parliament, a court or a consulate use unconventional
# violence (180), not war on the state
CIVIL_STATE = frozenset({"GOV", "LEG", "JUD"})


def _unarmed(sector: str | None) -> bool:
    """A victim sector that bears no arms and is not the state itself (civilians, students, firms)."""
    return bool(sector) and sector not in ARMED_SECTORS | CIVIL_STATE


@dataclass(frozen=True)
class KillingRules:
    """modality.yaml's killing tables, read once when the coder starts."""

    verbs: frozenset[str]
    figures: frozenset[str]
    threshold: int
    protesters: frozenset[str] = frozenset()
    means_codes: tuple[str, ...] = ()
    ranks: frozenset[str] = frozenset()  # a named commander of the state's forces is a figure too
    protesting: frozenset[str] = frozenset()  # "Palestinians PROTESTING along the border" are protesters
    wounding: frozenset[str] = frozenset()  # verbs that may only wound: "was shot several times" lived

    @classmethod
    def from_cues(cls, cues: Mapping) -> KillingRules:
        return cls(frozenset(str(w).lower() for w in cues.get("killing_verbs") or ()),
                   frozenset(str(s) for s in cues.get("assassination_sectors") or ()),
                   int(cues.get("mass_killing") or 0),
                   frozenset(str(w).lower() for w in cues.get("protester_words") or ()),
                   tuple(str(c) for c in cues.get("killing_means_codes") or ()),
                   frozenset(str(w).lower() for w in cues.get("assassination_ranks") or ()),
                   frozenset(str(w).lower() for w in cues.get("protesting_modifiers") or ()),
                   frozenset(str(w).lower() for w in cues.get("wounding_verbs") or ()))


def settle_killings(found: list[Found], rules: KillingRules) -> list[Found]:
    """Re-code killings and attacks by their victims (in place; returns ``found``).

    - an attack by suicide attackers: 1831 suicide bombing, whatever its toll, unless it kills one
      political figure (``assassination_sectors``), an assassination (186) as below;
    - one political figure killed: 186 assassinate; so is one named leader of an armed group, and an air
      strike that did it stays 195 beside the 186; one shot, stabbed or wounded but not killed: 185;
    - at least ``mass_killing`` unarmed people killed by the act's own verb: 202 mass killing, unless the
      code names the means (``killing_means_codes``: a bombing, shelling or air strike) or a state executed
      them (1823);
    - police violence (190, 180) on civilians, students, workers or the opposition, and troops' (190) on
      their own country's: 175 repression;
    - any other 190 of a non-state armed group on unarmed people or on a civil body of the state: 180
      ("gunmen stormed a mall", "gunmen attacked India's parliament");
    - people seized by a non-state armed group (173 arrest): 181 abduction;
    - police or troops firing on or killing protesters ("dozens of Palestinians PROTESTING along the
      border"): 175 repression, whatever the toll.
    """
    verbs, threshold = rules.verbs, rules.threshold
    extra: list[Found] = []
    for f in found:
        tgt = f.target
        if f.code[:2] in ("18", "19", "20") and f.code != "1831" and _suicide_attacker(f) and not (
            _figure_killed(f, rules)
        ):
            f.code = "1831"  # "suicide bombers struck two venues", "a suicide bomber killed 57 people": the means
            f.how.append("means")
            continue
        if f.code == "173" and armed_group(f.source) and tgt is not None and tgt.kind in ("person", "role"):
            f.code = "181"  # "Hezbollah guerrillas captured two Israeli soldiers": no arrest, an abduction
            f.how.append("victim")
            continue
        if f.code[:2] not in ("18", "19") or tgt is None:
            continue
        victims = f.trigger.doc[tgt.head] if tgt.head is not None else None
        protesters = victims is not None and (victims.lemma_.lower() in rules.protesters or any(
            c.dep_ in ("amod", "acl") and c.lower_ in rules.protesting for c in victims.children))  # fmt: skip
        if f.source.sector in ("COP", "MIL") and protesters and f.code in ("180", "190", "193", "194", "186", "202"):
            f.code = "175"  # "troops fired live rounds at protesters", "shot dead 52 protesters": repression
            f.how.append("victim")
            continue
        killing = f.trigger.lemma_.lower() in verbs
        if _figure_killed(f, rules):
            f.code = "186"  # "shot dead Russia's ambassador", "Abe was shot dead"
            f.how.append("victim")
            continue
        if _figure_wounded(f, rules):
            f.code = "185"  # "Robert Fico was shot several times by a gunman": an attempt on his life
            f.how.append("victim")
            continue
        if _leader_killed(f, rules):
            # "U.S. forces had killed al Qaeda leader Osama bin Laden": a named leader of an armed group
            # killed is assassinated; an air strike that did it stays an air strike as well
            if f.code in AERIAL_CODES:
                extra.append(replace(f, code="186", how=[*f.how, "victim"]))
            else:
                f.code = "186"
                f.how.append("victim")
            continue
        # only an active verb with its doer: "where 108 people were killed" is a toll, not an accusation
        obj = next((c for c in f.trigger.children if c.dep_ in ("dobj", "obj")), None) if killing else None
        # the count is the target's own: "killed 53 soldiers and A CIVILIAN" counts no civilians
        count = victim_count(obj) if obj is not None and tgt.head not in {c.i for c in obj.conjuncts} else None
        # (a state's executions stay executions, however many: "Saudi Arabia executed 37 men in a mass
        # execution" is 1823; troops' summary ones are mass killing)
        judicial = f.code == EXECUTION and f.source.sector in (None, "GOV", "JUD")
        if (threshold and count is not None and count >= threshold and tgt.sector not in ARMED_SECTORS
                and not f.code.startswith(rules.means_codes) and not judicial):  # fmt: skip
            # "killed at least 132 civilians", not "an Israeli air strike killed 73 people" (195, the means)
            f.code = "202"
            f.how.append("victim")
        elif f.code in ("190", "180") and f.source.sector == "COP" and tgt.sector in REPRESSED:
            f.code = "175"  # "security forces shot dead at least 20 people": repression, whatever the toll
            f.how.append("victim")
        elif (f.code == "190" and f.source.sector == "MIL" and tgt.sector in REPRESSED and tgt.kind in ("role", "person")
              and tgt.country == f.source.country):  # fmt: skip
            f.code = "175"  # "Egyptian troops opened fire on supporters of Mursi": the army turned on its people
            f.how.append("victim")
        elif (f.code == "190" and armed_group(f.source) and f.source.resolved_by != "unattributed"
              and ((tgt.kind in ("role", "person", "group") and _unarmed(tgt.sector))
                   or (tgt.kind in ("role", "institution") and tgt.sector in CIVIL_STATE))
              and f.trigger.doc[tgt.head].lemma_.lower() not in VESSEL_HEADS):  # fmt: skip
            # named people or a civil body's seat, not a town read as its residents; a named doer, not
            # one inferred from a toll
            f.code = "180"  # "al Shabaab gunmen stormed a university campus", "gunmen attacked India's parliament"
            f.how.append("victim")
    return found + extra


def armed_group(m: Mention) -> bool:
    """An armed group outside the state: a rebel, militant or criminal sector, or an IMG code."""
    return m.sector in NON_STATE_ARMED or (m.code or "").startswith(MILITARIZED_GROUP)
