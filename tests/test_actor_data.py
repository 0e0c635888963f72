"""Checks on the bundled actor knowledge (countries, sectors, IGOs, companies) in dyad/data/actors."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "dyad" / "data" / "actors"

#: CAMEO sector codes used in dyad data (the three-letter "role" part of an actor code).
SECTORS = {
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "BUS", "MED", "OPP", "REB", "UAF", "CVL", "EDU", "REL", "HLH",
    "LAB", "AGR", "REF", "CRM", "NGO", "ELI", "ENV", "MNC", "IGO", "PTY", "HRI", "DEV", "MOD", "RAD",
}

# The 193 UN member states, plus Taiwan, Kosovo, Palestine and Hong Kong.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA
BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV
GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL
MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER
PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD
ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN
VNM YEM ZMB ZWE
""".split()
EXTRA = ["TWN", "XKX", "PSE", "HKG"]

#: Strings deliberately claimed by more than one entry (none at present; add here with a reason).
AMBIGUOUS: set[str] = set()


def load(name: str):
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return load("countries.yaml")


def names_of(country: dict) -> list[str]:
    """Every surface string a country entry claims."""
    out = [country["name"]]
    for key in ("aliases", "adjectives", "demonyms", "capitals"):
        out += country.get(key) or []
    out += list((country.get("metonyms") or {}).keys())
    for inst in country.get("institutions") or []:
        out += inst["names"]
    return out


def test_un_list_is_complete() -> None:
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193


def test_every_country_present_once(countries: list[dict]) -> None:
    codes = [c["iso3"] for c in countries]
    assert len(codes) == len(set(codes)), "a country appears twice"
    missing = set(UN_MEMBERS + EXTRA) - set(codes)
    assert not missing, f"missing countries: {sorted(missing)}"
    assert len(codes) >= 197


def test_iso3_codes_valid(countries: list[dict]) -> None:
    for c in countries:
        if c["iso3"] == "XKX":  # Kosovo has no ISO 3166 code; XKX is the common user-assigned one
            continue
        assert pycountry.countries.get(alpha_3=c["iso3"]) is not None, c["iso3"]


def test_country_fields(countries: list[dict]) -> None:
    allowed = {"iso3", "name", "aliases", "adjectives", "demonyms", "capitals", "metonyms", "institutions"}
    for c in countries:
        assert set(c) <= allowed, (c["iso3"], set(c) - allowed)
        assert isinstance(c["name"], str) and c["name"].strip()
        for key in ("aliases", "adjectives", "demonyms", "capitals"):
            values = c.get(key)
            assert values is not None, (c["iso3"], key)
            assert isinstance(values, list), (c["iso3"], key)
            assert all(isinstance(v, str) and v.strip() == v and v for v in values), (c["iso3"], key, values)
        for name, sector in (c.get("metonyms") or {}).items():
            assert isinstance(name, str) and sector in SECTORS, (c["iso3"], name, sector)
        for inst in c.get("institutions") or []:
            assert set(inst) <= {"names", "sector", "since"} and {"names", "sector"} <= set(inst), (c["iso3"], inst)
            assert inst["sector"] in SECTORS, (c["iso3"], inst)
            # a dated change of standing: {YYYY-MM-DD: sector}
            assert all(str(day)[:4].isdigit() and new in SECTORS for day, new in (inst.get("since") or {}).items()), inst
            assert inst["names"] and all(isinstance(n, str) and n for n in inst["names"]), (c["iso3"], inst)


def test_detailed_countries(countries: list[dict]) -> None:
    """G20, the permanent Security Council members and countries at war carry institutions."""
    by_code = {c["iso3"]: c for c in countries}
    for code in ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "UKR", "ISR", "PSE", "IRN",
                 "TUR", "SAU", "KOR", "PRK", "SYR", "SDN", "MMR"]:
        assert len(by_code[code].get("institutions") or []) >= 3, code
    assert by_code["RUS"]["metonyms"]["Kremlin"] == "GOV"
    assert by_code["USA"]["metonyms"]["Pentagon"] == "MIL"
    assert "Kiev" in by_code["UKR"]["capitals"] and "Kyiv" in by_code["UKR"]["capitals"]
    assert "Burma" in by_code["MMR"]["aliases"] and "Türkiye" in by_code["TUR"]["aliases"]


def test_no_string_claimed_twice() -> None:
    """An alias, adjective, capital or institution name points to one country / organisation only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for c in load("countries.yaml"):
        for s in names_of(c):
            owners[s].add(c["iso3"])
    for entry in load("igos.yaml") + load("companies.yaml"):
        for s in [entry["name"], *entry["aliases"]]:
            owners[s].add(f"{entry['code']}:{entry['name']}")
    clashes = {s: sorted(o) for s, o in owners.items() if len(o) > 1 and s not in AMBIGUOUS}
    assert not clashes, clashes


def test_no_flow_list_split_by_comma() -> None:
    """A comma inside an unquoted YAML flow list silently splits one name in two ("Washington, D.C.")."""
    strings = [s for c in load("countries.yaml") for s in names_of(c)]
    strings += [s for e in load("igos.yaml") + load("companies.yaml") for s in [e["name"], *e["aliases"]]]
    for s in strings:
        assert not re.match(r"^(and|of|for|D\.C\.$)", s), s


def test_sectors() -> None:
    sectors = load("sectors.yaml")
    assert set(sectors) <= SECTORS
    seen: dict[str, str] = {}
    for code, nouns in sectors.items():
        assert nouns, code
        for noun in nouns:
            assert noun == noun.lower() and noun.strip() == noun and noun, (code, noun)
            assert noun not in seen, f"{noun!r} is in both {seen[noun]} and {code}"
            seen[noun] = code
    for noun, code in [("president", "GOV"), ("foreign ministry", "GOV"), ("defence minister", "GOV"),
                       ("troops", "MIL"), ("lawmaker", "LEG"), ("court", "JUD"), ("police", "COP"),
                       ("company", "BUS"), ("state media", "MED"), ("rebels", "REB")]:
        assert seen.get(noun) == code, noun


def test_igos() -> None:
    igos = load("igos.yaml")
    assert len(igos) >= 60
    for entry in igos:
        assert set(entry) <= {"code", "name", "aliases"}, entry
        assert re.fullmatch(r"(IGO|NGO|IMG)[A-Z]*", entry["code"]), entry
        assert isinstance(entry["aliases"], list)
    codes = {e["name"]: e["code"] for e in igos}
    assert codes["United Nations"] == "IGOUNO"
    assert codes["European Union"] == "IGOEUREEC"
    assert codes["NATO"] == "IGOWSTNAT"


def test_companies() -> None:
    companies = load("companies.yaml")
    assert len(companies) >= 100
    valid = {c["iso3"] for c in load("countries.yaml")}
    for entry in companies:
        assert set(entry) == {"code", "name", "aliases", "country"}, entry
        assert entry["country"] in valid, entry
        assert entry["code"][:3] == entry["country"], entry
        assert entry["code"][3:] in SECTORS, entry
    assert {e["name"]: e["code"] for e in companies}["Gazprom"] == "RUSBUS"


#: Region names that are also a country-level name on purpose (with the reason).
REGION_SHARES_COUNTRY_NAME = {
    "Tripoli",  # capital of Libya, and Lebanon's second city
    "Transnistria", "Transdniestria",  # the place, and the breakaway authority (an MDAREB institution)
}


def test_regions() -> None:
    """regions.yaml: each place belongs to known countries and does not repeat a country-level name."""
    regions = load("regions.yaml")
    assert len(regions) >= 60
    valid = {c["iso3"] for c in load("countries.yaml")}
    country_names = {s for c in load("countries.yaml") for s in names_of(c)}
    seen: set[str] = set()
    for entry in regions:
        assert set(entry) == {"name", "aliases", "countries"}, entry
        assert entry["countries"] and set(entry["countries"]) <= valid, entry
        assert isinstance(entry["aliases"], list), entry
        for s in [entry["name"], *entry["aliases"]]:
            assert isinstance(s, str) and s.strip() == s and s, entry
            assert s not in seen, f"{s!r} names two regions"
            seen.add(s)
            assert s not in country_names or s in REGION_SHARES_COUNTRY_NAME, f"{s!r} is in countries.yaml"
    by_name = {e["name"]: e["countries"] for e in regions}
    assert by_name["Darfur"] == ["SDN"] and by_name["Jericho"] == ["PSE"]
    assert set(by_name["Kashmir"]) == {"IND", "PAK"}


def test_groups() -> None:
    """groups.yaml: known homes and sectors; only single-home groups may carry country adjectives
    (the loader ignores them otherwise, so listing them would be a silent no-op)."""
    groups = load("groups.yaml")
    assert len(groups) >= 30
    valid = {c["iso3"] for c in load("countries.yaml")}
    country_names = {s for c in load("countries.yaml") for s in names_of(c)}
    seen: set[str] = set()
    for entry in groups:
        assert set(entry) <= {"name", "aliases", "adjectives", "demonyms", "countries", "sector", "type"}, entry
        assert {"name", "aliases", "countries", "type"} <= set(entry), entry
        assert set(entry["countries"]) <= valid, entry
        assert entry.get("sector", "CVL") in SECTORS, entry
        assert entry["type"] in {"ethnic", "religious", "armed"}, entry
        composed = (entry.get("adjectives") or []) + (entry.get("demonyms") or [])
        assert not composed or len(entry["countries"]) == 1, f"{entry['name']}: adjectives need one home"
        for s in {entry["name"], *entry["aliases"], *composed}:
            assert isinstance(s, str) and s.strip() == s and s, entry
            assert s not in seen, f"{s!r} names two groups"
            seen.add(s)
            assert s not in composed or s not in country_names, f"{s!r} is already a country word"
    by_name = {e["name"]: e for e in groups}
    assert set(by_name["Kurds"]["countries"]) >= {"IRQ", "TUR", "SYR"}
    assert by_name["Karen"]["countries"] == ["MMR"] and by_name["Uighurs"]["countries"] == ["CHN"]
