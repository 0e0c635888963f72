"""Integrity checks for the bundled people knowledge base (dyad/data/actors/people/*.tsv).

The real loader lives elsewhere; this test parses the files with the minimum of code so that a
broken row (bad date, wrong column count, unknown sector) is caught where the data is written,
and so that the dated roles the seed articles depend on cannot silently regress.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pycountry
import pytest
import yaml

PEOPLE_DIR = Path(__file__).resolve().parents[1] / "dyad" / "data" / "actors" / "people"
ORGANISATION_CODES = {
    str(record["code"])
    for record in yaml.safe_load((PEOPLE_DIR.parent / "igos.yaml").read_text(encoding="utf-8"))
}
HEADER = ["name", "aliases", "code", "start", "end", "title"]
SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "OPP", "REB", "PTY", "BUS", "MED", "CVL", "COP", "REL", "IGO"}


class Role(NamedTuple):
    """One dated role row; start/end as first/last day covered (end None = open)."""

    name: str
    aliases: tuple[str, ...]
    code: str
    start: dt.date | None
    end: dt.date | None
    title: str
    origin: str


def _parse_date(text: str, *, last: bool) -> dt.date | None:
    """YYYY-MM-DD or YYYY-MM (first or last day of the month); empty -> None."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        if not last:
            return dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    raise ValueError(f"bad date {text!r}")


def _load() -> list[Role]:
    roles: list[Role] = []
    for path in sorted(PEOPLE_DIR.glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].split("\t") == HEADER, f"{path.name}: bad header"
        for n, line in enumerate(lines[1:], 2):
            origin = f"{path.name}:{n}"
            cols = line.split("\t")
            assert len(cols) == 6, f"{origin}: {len(cols)} columns"
            name, aliases, code, start, end, title = cols
            assert name and title, f"{origin}: empty name or title"
            # heads of international organisations and militant networks: the body's code
            if code.startswith(("IGO", "NGO", "IMG")):
                assert code in ORGANISATION_CODES, f"{origin}: code {code!r} is not in igos.yaml"
            else:
                assert len(code) >= 6 and code[:3].isalpha() and code[:3].isupper(), f"{origin}: code {code!r}"
                assert code[3:] in SECTORS, f"{origin}: unknown sector {code[3:]!r}"
            try:
                s, e = _parse_date(start, last=False), _parse_date(end, last=True)
            except ValueError as exc:
                raise AssertionError(f"{origin}: {exc}") from exc
            assert s is not None, f"{origin}: missing start"
            assert e is None or s <= e, f"{origin}: start after end"
            alias_list = tuple(a for a in aliases.split("|") if a)
            assert all(a.strip() == a for a in alias_list), f"{origin}: padded alias"
            roles.append(Role(name, alias_list, code, s, e, title, origin))
    return roles


ROLES = _load()


def _code_on(name: str, day: str) -> str | None:
    """The code held on a date: the latest-starting role covering it (the documented rule)."""
    d = dt.date.fromisoformat(day)
    live = [r for r in ROLES if r.name == name and r.start <= d and (r.end is None or d <= r.end)]
    return max(live, key=lambda r: r.start).code if live else None


def test_no_duplicate_rows() -> None:
    keys = [(r.name, r.code, r.start, r.end, r.title) for r in ROLES]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, dupes


def test_coverage() -> None:
    assert len(ROLES) >= 1000
    assert len({r.code[:3] for r in ROLES}) >= 100


def test_country_codes_are_iso3() -> None:
    """Country = code[:3] must be an ISO 3166 alpha-3 code (plus XKX, Kosovo's user-assigned code)."""
    bad = {
        r.code[:3]
        for r in ROLES
        if r.code[:3] not in ("XKX", "IGO", "NGO", "IMG") and pycountry.countries.get(alpha_3=r.code[:3]) is None
    }
    assert not bad, bad


def test_aliases_are_not_bare_surnames() -> None:
    """Bare surnames are resolved in context by the coder; as aliases they would over-match."""
    for r in ROLES:
        surname = r.name.split()[-1]
        for a in r.aliases:
            assert a != r.name, f"{r.origin}: alias repeats the name"
            assert not (" " not in a and a == surname and " " in r.name), f"{r.origin}: bare surname {a!r}"


def test_aliases_consistent_per_person() -> None:
    """The same spelling must not name two different people."""
    owner: dict[str, str] = {}
    for r in ROLES:
        for a in (r.name, *r.aliases):
            assert owner.setdefault(a.lower(), r.name) == r.name, (
                f"{r.origin}: {a!r} also names {owner[a.lower()]}"
            )


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Li Zhanshu", "2022-09-07", "CHNLEG"),
        ("Li Zhanshu", "2015-06-01", "CHNGOV"),
        ("Li Zhanshu", "2023-04-01", None),
        ("Li Qiang", "2024-08-21", "CHNGOV"),
        ("Mikhail Mishustin", "2015-01-01", "RUSGOV"),
        ("Mikhail Mishustin", "2024-08-21", "RUSGOV"),
        ("Vladimir Putin", "2005-01-01", "RUSGOV"),
        ("Vladimir Putin", "2010-01-01", "RUSGOV"),
        ("Vladimir Putin", "2024-08-21", "RUSGOV"),
        ("Xi Jinping", "2024-08-21", "CHNGOV"),
        ("Vyacheslav Volodin", "2024-08-21", "RUSLEG"),
        ("Vyacheslav Volodin", "2014-01-01", "RUSGOV"),
        ("Valentina Matviyenko", "2024-08-21", "RUSLEG"),
        ("Valentina Matviyenko", "2008-01-01", "RUSGOV"),
        ("Sergei Shoigu", "2020-01-01", "RUSGOV"),
        ("Sergei Shoigu", "2024-08-21", "RUSGOV"),
        ("Zhang Youxia", "2024-08-21", "CHNMIL"),
        ("Nikolai Patrushev", "2020-01-01", "RUSGOV"),
        ("Chen Wenqing", "2019-01-01", "CHNGOV"),
        ("Chen Wenqing", "2024-08-21", "CHNGOV"),
        ("Li Hui", "2015-01-01", "CHNGOV"),
        ("Li Hui", "2024-08-21", "CHNGOV"),
        ("Yang Jiechi", "2010-01-01", "CHNGOV"),
        ("Yang Jiechi", "2020-01-01", "CHNGOV"),
        ("Wang Yi", "2024-08-21", "CHNGOV"),
        ("Volodymyr Zelensky", "2024-08-21", "UKRGOV"),
        ("Volodymyr Zelensky", "2019-01-01", None),
        ("Roman Golovchenko", "2022-01-01", "BLRGOV"),
        ("Alexander Lukashenko", "2024-08-21", "BLRGOV"),
        ("Andrey Denisov", "2018-01-01", "RUSGOV"),
        ("Nancy Pelosi", "2008-01-01", "USALEG"),
        ("Nancy Pelosi", "2020-01-01", "USALEG"),
        ("Sergey Lavrov", "2024-08-21", "RUSGOV"),
        ("Dmitry Medvedev", "2010-01-01", "RUSGOV"),
        # heads of international organisations take the body's code while in office
        ("Josep Borrell", "2019-06-01", "ESPGOV"),
        ("Josep Borrell", "2021-10-28", "IGOEUREEC"),
        ("Mark Rutte", "2023-01-01", "NLDGOV"),
        ("Mark Rutte", "2025-01-01", "IGOWSTNAT"),
        ("Antonio Guterres", "2010-01-01", "IGOUNOREF"),
        ("Antonio Guterres", "2024-08-21", "IGOUNO"),
    ],
)
def test_seed_roles(name: str, day: str, code: str | None) -> None:
    assert _code_on(name, day) == code


@pytest.mark.parametrize(
    ("name", "title", "start", "end"),
    [
        ("Li Zhanshu", "Chairman of the NPC Standing Committee", "2018-03-17", "2023-03-10"),
        ("Li Qiang", "Premier of the State Council", "2023-03-11", ""),
        ("Mikhail Mishustin", "Prime Minister of Russia", "2020-01-16", ""),
        ("Vyacheslav Volodin", "Chairman of the State Duma", "2016-10-05", ""),
        ("Valentina Matviyenko", "Chair of the Federation Council", "2011-09-21", ""),
        ("Sergei Shoigu", "Defence Minister of Russia", "2012-11-06", "2024-05-12"),
        ("Sergei Shoigu", "Secretary of the Security Council of Russia", "2024-05-12", ""),
        ("Nikolai Patrushev", "Secretary of the Security Council of Russia", "2008-05-12", "2024-05-14"),
        ("Roman Golovchenko", "Prime Minister of Belarus", "2020-06-04", "2024-08-20"),
        ("Volodymyr Zelensky", "President of Ukraine", "2019-05-20", ""),
        ("Vladimir Putin", "President of Russia", "2012-05-07", ""),
        ("Xi Jinping", "General Secretary of the Chinese Communist Party", "2012-11-15", ""),
        ("Xi Jinping", "President of China", "2013-03-14", ""),
    ],
)
def test_seed_exact_dates(name: str, title: str, start: str, end: str) -> None:
    s = _parse_date(start, last=False)
    e = _parse_date(end, last=True)
    assert any(r.name == name and r.title == title and r.start == s and r.end == e for r in ROLES)


def test_leaders_present() -> None:
    """Every P5 member has a dated head of state or government."""
    for code in ("USAGOV", "GBRGOV", "FRAGOV", "RUSGOV", "CHNGOV"):
        assert any(r.code == code and r.title.startswith(("President", "Prime Minister")) for r in ROLES), (
            code
        )
