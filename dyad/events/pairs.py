"""Pairing: sources x targets -> candidate events (:class:`~dyad.events.base.Found`).

Why: once source and target mentions are known, several pattern-level decisions remain — whether
a trigger with no target is still an event, reversed and mutual pairs, civilians (``CVL``) as the
targets of force against towns and homes, and meetings turned into visits/hostings (042/043/044)
by their venue.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.actors.knowledge import Group, Region
from dyad.actors.mentions import EXTRA_ROLE_HEADS, Mention, place_country
from dyad.events.base import Found, implied_target
from dyad.events.patterns import Pattern, word_classes
from dyad.events.ranking import DIPLOMATIC_EXPULSION, STATE_SECTORS
from dyad.events.sentence import SentenceMentions
from dyad.events.syntax import prep_objects
from dyad.events.triggers import TriggerMatcher
from dyad.words import words

MEETING_CODES = {"040"}
# Envoys (classes.yaml @diplomats): an expulsion of them is aimed at the government that sent them
DIPLOMATS = word_classes()["diplomats"]
# Roots of the cooperative acts a mediator or host brings two parties to (PairMaker._third_party)
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
# What people live in: "shelled IRAQI towns", "demolished PALESTINIAN homes" are acts on civilians (CVL);
# "Albanian rebel-held territory" or "Syrian positions" are not
CIVILIAN_PLACES = {"town", "village", "city", "home", "house", "neighborhood", "neighbourhood", "suburb",
                   "building", "school", "hospital", "market", "street", "settlement", "district", "hamlet",
                   "residence", "apartment", "mosque", "church", "shop", "centre", "center", "downtown"}  # fmt: skip
# Houses of worship: the sectors file reads them as the faith's body (REL: "the Church said"); hit, they
# are the worshippers' (CVL), as five of six gold events code them
WORSHIP_PLACES = {"mosque", "church", "temple", "cathedral", "synagogue", "shrine"}
# Places lived in or gathered at: one hit IN a city is the people's even when the city is a capital ("a
# MARKET in Khartoum" -> SDNCVL, though "shelled Khartoum" stands for Sudan)
STRUCK_PLACES = (CIVILIAN_PLACES - {"town", "city", "district", "centre", "center", "downtown", "settlement", "village",
                                      "hamlet", "suburb", "neighborhood", "neighbourhood"}) | WORSHIP_PLACES | {
    "monastery", "pagoda", "clinic"}
MILITARY_PLACES = {"base", "airbase", "position", "positions", "front", "frontline", "outpost", "headquarters",
                   "garrison", "camp", "stronghold", "territory", "border", "frontier", "embassy", "consulate",
                   "palace"}  # fmt: skip
# Of those, the posts armed men hold: hitting one hits its country's forces ("attacked PAKISTANI border
# posts" -> PAKMIL, "an army base in northeast NIGERIA" -> NGAMIL; "police posts" -> COP)
ARMED_PLACES = {"base", "airbase", "barracks", "garrison", "outpost", "post", "checkpoint", "position", "positions"}
PUBLIC_VENUES = frozenset(words("public_venues"))
MILITARY_ACTS = frozenset(words("military_acts"))
# Places that belong to a body of the state only when a modifier names it ("POLICE stations", "ARMY headquarters")
MANNED_PLACES = {"station", "headquarters", "office", "offices"}
LAND_PLACES = {"region", "province", "state", "country", "nation", "republic", "oblast", "county", "area",
               "zone", "island", "islands", "peninsula", "coast", "soil", "waters", "sea", "strait", "valley",
               "mountains", "hills", "gulf", "capital"}  # fmt: skip
# Roots of force and coercion whose place or property targets stand for the people there (PairMaker._civilians)
CIVILIAN_TARGET_ROOTS = {"17", "18", "19", "20"}
# ... and of violence, whose victims at work are civilians
VIOLENT_TARGET_ROOTS = {"18", "19", "20"}
LABOUR_ACTIONS = frozenset({"strike", "striking", "protest", "demonstrate", "march", "rally", "picket", "walkout"})
# Emergency rule and curfews imposed on a place are imposed on the people there (PairMaker._civilians); so is
# repression of a crowd told by where it gathered ("fired tear gas at a rally in Managua": no gold set codes
# 175 against a bare country, 0 of 170 events); lifting emergency rule frees the same people ("lifted a state
# of emergency in Quito": 0814 against CVL in all 5 gold rows)
REPRESSION = "175"
EMERGENCY_CODES = {"1723", "1724", REPRESSION, "0814"}
# Acts that, told with no one named, are done to the doer's own public: repression, and an order to shoot
# on sight ("authorised troops to shoot to kill": 137 against <country>CVL in every gold set)
PUBLIC_THREATS = {REPRESSION, "137"}
# ... except taking ground: a seized town is territory of its country, not its people ("seized Goma" -> COD)
TERRITORY_CODES = {"192"}


class PairMaker(TriggerMatcher):
    """Source/target pairs of one trigger, with civilian targets and meeting venues applied."""

    def _may_stand_alone(self, pat: Pattern, tok: Token, obj: Token | None, passive: bool,
                         sm: SentenceMentions) -> bool:  # fmt: skip
        """Whether a trigger with a source but no resolved target is still an event.

        A pattern says ``alone: never`` when the event is empty without its target ("told", "met"),
        ``alone: any`` when the act is complete without one ("rallied", "mobilized troops"). By default
        the trigger stands alone when nothing was left unread: no direct object, or the object is one
        the pattern asks for ("imposed a curfew"), or it names people the KB cannot place ("kidnapped
        16 advisers"). "released its earnings" has an object that is neither, and is no event.
        """
        if pat.alone == "never":
            return False
        if pat.alone == "any" or obj is None or passive:
            return True
        if pat.objects and self._object_lemmas(obj) & pat.objects:
            return True
        if obj.ent_type_ == "PERSON" or obj.lower_ in EXTRA_ROLE_HEADS or obj.lemma_.lower() in self.generic_roles:
            return True  # "jailed 52 members of ...", "arrested Mohammed Ali"
        piece = sm.sa.by_token.get(obj.i)
        return piece is not None and bool(piece.kinds() & {"role", "institution", "person"})

    def _pairs(self, tok: Token, pat: Pattern, code: str, sources: list[Mention], targets: list[Mention],
               how: list[str], sm: SentenceMentions, solo: bool = False) -> list[Found]:  # fmt: skip
        out: list[Found] = []
        # "... imposed sanctions, freezing THEIR assets and banning THEM": a pronoun object is not the
        # clause's own subjects (it would be "themselves"); resolved to them, it was resolved wrongly
        own = {s.code for s in sources}
        targets = [t for t in targets if not (t.resolved_by == "pronoun" and t.code in own)]
        # "North Korea released American STUDENT Otto Warmbier": a named foreign student is one of his
        # country's civilians, as the gold sets code them (students at home, or a campus, stay EDU)
        homes = {s.country for s in sources if s.country}
        targets = [replace(t, sector="CVL", code=t.country + "CVL") if t.sector == "EDU" and t.kind == "person"
                   and t.country and homes and t.country not in homes else t for t in targets]  # fmt: skip
        if targets and (code[:2] in CIVILIAN_TARGET_ROOTS or code.startswith("138") or code in EMERGENCY_CODES) and (
            code not in TERRITORY_CODES
        ):
            targets = [c for t in targets for c in self._civilians(t, sm, code, sources)]
        if code == DIPLOMATIC_EXPULSION and self._envoys_expelled(tok):
            # "expelled diplomats FROM SWEDEN", "gave FRENCH Ambassador Itte 48 hours to leave": the envoys'
            # government, as the gold sets' convention codes an expulsion of diplomats
            targets = [t.as_sector("GOV") if t.is_bare_country else t for t in targets]
        if code in TERRITORY_CODES:  # "seized DAMASCUS": the capital is ground of the country, not its government
            ground = [replace(t, kind="country", code=t.country, sector=None) if t.kind == "capital" and t.country else t
                      for t in (sources if pat.received else targets)]  # fmt: skip
            sources, targets = (ground, targets) if pat.received else (sources, ground)  # "KABUL fell to"
        if targets:
            for s in sources:
                for t in targets:
                    if pat.received:  # "Ukraine received Patriot missiles FROM GERMANY": Germany's act
                        out.append(Found(tok, pat, code, t, s, [*how, "received"]))
                        continue
                    own_code = code
                    if pat.abroad and code == pat.code and t.code and (
                        (s.country and t.country and s.country != t.country) or (s.code or "").startswith("IGO")
                    ):  # "India banned 59 CHINESE apps", "the EU listed the Guards": an embargo, not a domestic ban
                        own_code = pat.abroad
                    out.append(Found(tok, pat, own_code, s, t, list(how)))
                    if pat.reverse and code == pat.code:
                        # PETRARCH paired codes: "arrive [032:033]" is also the host's act on the visitor
                        out.append(Found(tok, pat, pat.reverse, t, s, [*how, "reverse"]))
        elif len(sources) >= 2 and (pat.mutual or self._reciprocal(tok, code) or (
            code in self.mutual_codes and len({s.code for s in sources}) > 1
        )):  # "A and B declared a ceasefire": a truce between them (not "Hamas and other militant groups")
            for s in sources:
                for t in sources:
                    if s is not t:
                        out.append(Found(tok, pat, code, s, t, [*how, "mutual"]))
        elif solo and code in PUBLIC_THREATS:
            # "troops fired tear gas and live rounds to break up a protest", "ordered troops to shoot on sight":
            # with no one named, done to the doer's own people (every gold set: <country>CVL)
            for s in sources:
                people = implied_target(s, "CVL", None) if s.country else None
                out.append(Found(tok, pat, code, s, people, [*how, "alone" if people is None else "home"]))
        elif solo:
            out.extend(Found(tok, pat, code, s, None, [*how, "alone"]) for s in sources)
        if pat.venue and code in MEETING_CODES:
            venue = self._venue(tok, sm)
            if venue:
                for f in out:
                    if f.target is not None:
                        f.code = venue_code(venue, f.source.country, f.target.country, f.code)
        return out

    @staticmethod
    def _envoys_expelled(tok: Token) -> bool:
        """Whether the verb's object or indirect object names envoys ("expelled two DIPLOMATS", "gave the
        AMBASSADOR 48 hours to leave"), not ties or a country ("severed relations with Iran")."""
        heads = [c for c in tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        return any(t.lemma_.lower() in DIPLOMATS or t.lower_ in DIPLOMATS
                   for h in heads for t in (h, *(c for c in h.children if c.dep_ == "compound")))  # fmt: skip

    def _third_party(self, found: list[Found], sm: SentenceMentions) -> list[Found]:
        """The mediator or host of two parties' talks or deal, named in a participle or an "auspices"
        phrase on it ("a deal BROKERED BY China", "a QATAR-brokered swap", "talks MEDIATED BY Turkey's
        Cavusoglu", "under the auspices of U.S. Secretary of State Hillary Clinton", "a declaration signed at
        the White House, HOSTED BY Trump"): one event from it to each party (``third_party_codes`` in
        modality.yaml: 045 mediate, 043 host). The parties are the two sides of a cooperative act the
        sentence codes both ways. The events carry the "mediate" verb pattern, whose fields are all that is
        read of a pattern from here on (``alone``, ``venue``)."""
        mediate = next(iter(self.patterns.verbs.get("mediate") or []), None)
        directed = {(f.source.code, f.target.code) for f in found if f.target is not None}
        parties: dict[str, Mention] = {}
        for f in found:
            if f.target is not None and f.code[:2] in COOPERATIVE_ROOTS and (f.target.code, f.source.code) in directed:
                parties.setdefault(f.source.code or "", f.source)
        if len(parties) != 2 or mediate is None:
            return []
        out = []
        for tok in sm.sa.doc:
            code = self.third_party_codes.get(tok.lemma_.lower())
            if code is None:
                continue
            if tok.tag_ == "VBN":  # "brokered BY China", "QATAR-brokered"
                named = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                named += [c for c in tok.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"]
            elif tok.dep_ == "pobj" and tok.head.lower_ == "under":  # "under the auspices OF Hillary Clinton"
                named = prep_objects("of", [tok])
            else:
                continue
            for m in (m for n in named for m in sm.get(n) if m.code and m.code not in parties):
                out.extend(Found(tok, mediate, code, m, p, ["third"]) for p in parties.values())
        return out

    def _reciprocal(self, tok: Token, code: str) -> bool:
        """Coordinated parties act on each other: any act whose object is "each other" (``reciprocal_objects``
        in modality.yaml: "Israel and Hamas accused EACH OTHER"), and a cooperative act (``reciprocal_roots``)
        that names them together ("Russia and China pledged to deepen THEIR partnership") or that they
        agree on ("Trump and Xi AGREED to hold off on new tariffs": ``reciprocal_heads``)."""
        text = " " + " ".join(t.lower_ for t in tok.subtree if t.i > tok.i) + " "
        if any(f" {w} " in text for w in self.reciprocal_objects):
            return True  # "accused EACH OTHER": any act
        if code[:2] not in self.reciprocal_roots:
            return False
        agreed = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.reciprocal_heads
        return agreed or any(f" {w} " in text for w in self.reciprocal_words)

    def _civilians(self, t: Mention, sm: SentenceMentions, code: str = "", doers: list[Mention] | None = None) -> list[Mention]:
        """A town, a home or a village hit by force or coercion is its people's (CAMEO ``CVL``): "shelled
        IRAQI towns", "demolished PALESTINIAN homes", "a curfew in Abidjan"; a base or a post is its
        forces' (MIL). Actors, capitals standing for their government and countries named as such keep
        their code."""
        tok = sm.sa.doc[t.head]
        if t.sector == "GOV" and tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in ARMED_PLACES:
            # "fired on GOVERNMENT positions": the government's forces
            return [replace(t, sector="MIL", code=t.country + "MIL" if t.country else t.code)]
        if t.sector == "REL" and t.country and tok.lemma_.lower() in WORSHIP_PLACES:
            return [replace(t, sector="CVL", code=t.country + "CVL")]  # "opened fire at two MOSQUES"
        if t.sector == "LAB" and t.country and code[:2] in VIOLENT_TARGET_ROOTS and not any(
            w.lemma_.lower() in LABOUR_ACTIONS for w in (*tok.subtree, tok.head)
        ) and not any(d.sector == "CVL" for d in doers or ()):
            # "killed 19 construction WORKERS", "43 farm LABOURERS": people at work, no union acting (as the
            # gold sets code them); "garment workers STRIKING for higher wages" are labour; and a civilian
            # who shoots his co-workers still shoots workers (CVL against CVL would read as no event)
            return [replace(t, sector="CVL", code=t.country + "CVL")]
        if t.sector == "EDU" and t.country and code == REPRESSION:
            # "fired tear gas at thousands of STUDENTS": a crowd the police disperse is the public's, whoever
            # it is (no gold set codes repression against EDU; 7 of 8 code students protesting as CVL)
            return [replace(t, sector="CVL", code=t.country + "CVL")]
        if t.sector or not t.country:
            return [t]
        if code in EMERGENCY_CODES and t.kind in ("place", "country", "capital"):
            # "a state of emergency in the capital ULAN BATOR", "martial law in the states of BORNO, Yobe and
            # Adamawa": the people living there, whatever the place (as the gold sets code them)
            return [replace(t, sector="CVL", code=t.country + "CVL")]
        dwellers = self._dwellers(tok, sm)  # "a camp FOR DISPLACED PEOPLE", "a RESIDENTIAL area"
        if dwellers and t.kind in ("place", "country"):
            return [replace(t, sector=dwellers, code=t.country + dwellers)]
        owned = tok.head.lemma_.lower() if tok.dep_ in ("amod", "compound", "nmod", "poss") else ""
        # the post itself, the post the country modifies ("PAKISTANI border posts"), or the post a place
        # phrase locates ("an army base IN the village of Metele")
        holders, cur = [tok, tok.head] if owned else [tok], tok
        for _ in range(3):
            if cur.dep_ != "pobj" or cur.head.lower_ not in ("in", "at", "near", "of", "across"):
                break
            cur = cur.head.head
            holders.append(cur)
        if cur.pos_ == "VERB" and cur.i != tok.i:
            # "a drone strike hit a crowded MARKET in southern Khartoum": the phrase hangs on the verb, and
            # its object is what was hit there
            holders += [c for c in cur.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and not sm.get(c)]
        # "MILITARY sites across Syria", "military targets in Iran" are posts too
        post = next((p for p in holders if p.lemma_.lower() in ARMED_PLACES
                     or (p.lemma_.lower() not in MILITARY_ACTS
                         and any(c.dep_ in ("amod", "compound") and c.lower_ == "military" for c in p.children))),
                    None)  # fmt: skip
        if post is not None and t.kind in ("place", "country"):
            # whose post a modifier says: "POLICE posts", "Islamist REBEL positions"
            # ... every force whose posts are named together: "army AND POLICE posts", "30 police posts and
            # an army base"
            # (rebels' posts are no longer the country the place named: "Azerbaijan shelled ethnic Armenian
            # positions in Nagorno-Karabakh" is AZE on AZEREB, not Azerbaijan on itself)
            return [replace(t, sector=s, code=t.country + s, kind="role", name=t.name if s != "REB" else None)
                    for s in _post_sectors(post, sm)]
        if t.kind in ("place", "country") and any(p.lemma_.lower() in PUBLIC_VENUES for p in holders):
            return [replace(t, sector="CVL", code=t.country + "CVL", kind="role")]  # "stormed a HOTEL in Bamako"
        if t.kind in ("place", "country") and any(
            p.i != tok.i and p.pos_ == "NOUN" and p.lemma_.lower() in STRUCK_PLACES for p in holders
        ):
            return [replace(t, sector="CVL", code=t.country + "CVL")]  # "hit a crowded MARKET in Khartoum"
        # a station or an office is someone's only when a modifier says whose: "POLICE stations" (not a
        # train station)
        manned = next((p for p in holders if p.lemma_.lower() in MANNED_PLACES), None)
        sector = _modifier_sector(manned, sm) if manned is not None and t.kind in ("place", "country") else None
        if sector in STATE_SECTORS:
            return [replace(t, sector=sector, code=t.country + sector, kind="role")]
        piece = sm.sa.by_token.get(tok.i)
        nation = piece is not None and bool(piece.kinds() & {"country", "capital", "adjective", "demonym"})
        region = piece is not None and (piece.side is not None or "region" in piece.kinds())
        named_or_lived_in = tok.pos_ == "PROPN" or tok.lemma_.lower() in CIVILIAN_PLACES  # not "weapons FACILITIES"
        town = t.kind == "place" and named_or_lived_in and tok.lemma_.lower() not in MILITARY_PLACES | LAND_PLACES and not nation and (
            not region or self._is_city(tok.text, t.country)
        )  # "shelled Grozny", "targets in Jericho"; not "invaded Ukraine" or "the border region of Kursk"
        if town or (t.kind == "country" and owned in CIVILIAN_PLACES):
            return [replace(t, sector="CVL", code=t.country + "CVL")]
        return [t]

    @staticmethod
    def _dwellers(place: Token, sm: SentenceMentions) -> str | None:
        """CVL for a place said to house people: a camp or a shelter FOR displaced people or refugees (as
        four of five gold events code a camp for the displaced), a RESIDENTIAL or civilian area."""
        if any(c.dep_ == "amod" and c.lower_ in ("residential", "civilian") for c in place.children):
            return "CVL"
        housed = [m for c in place.children if c.dep_ == "prep" and c.lower_ == "for"
                  for g in c.children if g.dep_ == "pobj" for m in sm.get(g)]  # fmt: skip
        return "CVL" if any(m.sector in ("CVL", "REF") for m in housed) else None

    def _is_city(self, name: str, country: str) -> bool:
        """Whether the places stage's gazetteer has a city of this name in ``country`` (a region the
        knowledge base lists may be a town: "Jericho", "Hebron")."""
        return any(c.country == country for c in self._gazetteer().city_candidates(name))

    def _venue(self, tok: Token, sm: SentenceMentions) -> str | None:
        """Country where a meeting took place, from an in/at phrase on the trigger ("in Moscow",
        "on the sidelines of the forum in Russia's Far East city")."""
        holders = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "on"):
                for g in c.children:
                    if g.dep_ != "pobj" or (c.lower_ == "on" and g.lemma_.lower() not in ("sideline", "sidelines")):
                        continue
                    country, _ = place_country(sm.sa, g)
                    if country:
                        return country
        return None


def venue_code(venue: str, source: str | None, target: str | None, code: str) -> str:
    """A meeting in the target's country is a visit (042), in the source's a hosting (043), elsewhere a
    meeting at a third location (044)."""
    if not source or not target or source == target:
        return code
    if venue == target:
        return "042"
    if venue == source:
        return "043"
    return "044"


def _post_sectors(post: Token, sm: SentenceMentions) -> list[str]:
    """The forces holding a post and the posts named with it, in order: "army and POLICE posts" MIL and
    COP, "30 police posts and an ARMY base" COP and MIL; an ethnic group's fighters where it names one
    ("ethnic ARMENIAN positions across Nagorno-Karabakh": REB, as the gold sets code them); MIL where no
    modifier says whose."""
    posts = [post, *(c for c in post.children if c.dep_ == "conj" and c.lemma_.lower() in ARMED_PLACES)]
    if post.dep_ == "conj" and post.head.lemma_.lower() in ARMED_PLACES:
        posts.insert(0, post.head)
    out: list[str] = []
    for p in posts:
        mods = [c for c in p.children if c.dep_ in ("amod", "compound", "nmod")]
        first = next((s for c in mods if (s := _role_sector(c, sm))), None)
        if first is None and any(isinstance(_side(c, sm), Group) for c in mods):
            first = "REB"
        joined = [s for c in mods for g in c.conjuncts if (s := _role_sector(g, sm))]  # "army AND POLICE posts"
        out += [s for s in dict.fromkeys([first or "MIL", *joined]) if s not in out]
    return out


def _role_sector(tok: Token, sm: SentenceMentions) -> str | None:
    piece = sm.sa.by_token.get(tok.i)
    role = piece.first({"role"}) if piece is not None else None
    return role.sector if role is not None else None


def _side(tok: Token, sm: SentenceMentions) -> Region | Group | None:
    piece = sm.sa.by_token.get(tok.i)
    return piece.side if piece is not None else None


def _modifier_sector(noun: Token, sm: SentenceMentions) -> str | None:
    """The sector of the role a noun's modifier names: "POLICE posts" COP, "Islamist REBEL positions" REB."""
    return next((s for c in noun.children if c.dep_ in ("amod", "compound") and (s := _role_sector(c, sm))), None)
