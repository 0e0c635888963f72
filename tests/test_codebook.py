"""The CAMEO codebook data and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.events.codebook import (
    PLOVER_CATEGORIES,
    Codebook,
    CodebookFormatError,
    UnknownCodeError,
    normalize_code,
    parent_code,
)


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


def test_load_is_cached(codebook: Codebook) -> None:
    assert Codebook.load() is codebook


def test_size_and_roots(codebook: Codebook) -> None:
    # CAMEO 2.0 has roughly 300 event codes; fewer means families were lost.
    assert 290 <= len(codebook) <= 330
    assert codebook.roots() == [f"{n:02d}" for n in range(1, 21)]


def test_every_code_has_its_parent(codebook: Codebook) -> None:
    for code in codebook.codes():
        assert code.isdigit() and len(code) in (2, 3, 4), code
        parent = parent_code(code)
        if parent is not None:
            assert parent in codebook, f"{code} has no parent {parent}"


def test_every_root_has_a_general_leaf(codebook: Codebook) -> None:
    for root in codebook.roots():
        assert f"{root}0" in codebook, root
        assert codebook.children(root), root


def test_goldstein_range(codebook: Codebook) -> None:
    for info in codebook:
        assert -10.0 <= info.goldstein <= 10.0, info


@pytest.mark.parametrize(
    ("code", "name", "goldstein"),
    [
        ("010", "Make statement", 0.0),
        ("036", "Express intent to meet or negotiate", 4.0),
        ("040", "Consult", 1.0),
        ("042", "Make a visit", 1.9),
        ("043", "Host a visit", 2.8),
        ("046", "Engage in negotiation", 7.0),
        ("051", "Praise or endorse", 3.4),
        ("057", "Sign formal agreement", 8.0),
        ("072", "Provide military aid", 8.3),
        ("0874", "Retreat or surrender militarily", 10.0),
        ("112", "Accuse", -2.0),
        ("130", "Threaten", -4.4),
        ("163", "Impose embargo, boycott, or sanctions", -8.0),
        ("173", "Arrest, detain, or charge with legal action", -5.0),
        ("190", "Use conventional military force", -10.0),
        ("2042", "Detonate nuclear weapons", -10.0),
    ],
)
def test_known_values(codebook: Codebook, code: str, name: str, goldstein: float) -> None:
    info = codebook.lookup(code)
    assert info.name == name
    assert info.goldstein == goldstein


@pytest.mark.parametrize(
    ("code", "quad"),
    [("01", 1), ("057", 1), ("06", 2), ("0874", 2), ("09", 3), ("139", 3), ("14", 4), ("2042", 4)],
)
def test_quad_class(codebook: Codebook, code: str, quad: int) -> None:
    assert codebook.lookup(code).quad_class == quad


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("0256", "REQUEST"),
        ("036", "AGREE"),
        ("042", "CONSULT"),
        ("057", "SUPPORT"),
        ("061", "COOPERATE"),
        ("073", "AID"),
        ("0813", "CONCEDE"),
        ("0841", "RETREAT"),
        ("0874", "RETREAT"),
        ("092", "INVESTIGATE"),
        ("1042", "REQUEST"),
        ("1122", "ACCUSE"),
        ("1244", "REJECT"),
        ("1384", "THREATEN"),
        ("1413", "PROTEST"),
        ("154", "MOBILIZE"),
        ("163", "SANCTION"),
        ("173", "COERCE"),
        ("191", "COERCE"),
        ("1823", "ASSAULT"),
        ("195", "ASSAULT"),
        ("2041", "ASSAULT"),
    ],
)
def test_plover_mapping(codebook: Codebook, code: str, plover: str) -> None:
    assert codebook.lookup(code).plover == plover


def test_plover_coverage(codebook: Codebook) -> None:
    # Only the 01 "public statement" family lacks a PLOVER category.
    unmapped = {info.code for info in codebook if info.plover is None}
    assert unmapped == {c for c in codebook.codes() if c.startswith("01")}
    used = {info.plover for info in codebook if info.plover}
    assert used == set(PLOVER_CATEGORIES)


def test_normalize_and_lookup_forms(codebook: Codebook) -> None:
    assert normalize_code(42) == "042"
    assert normalize_code("874") == "0874"
    assert normalize_code(4) == "04"
    assert normalize_code(" 112 ") == "112"
    assert codebook.lookup(42).code == "042"
    assert codebook.is_valid("0874") and codebook.is_valid(874)
    assert not codebook.is_valid("999") and not codebook.is_valid(None) and not codebook.is_valid("abc")


def test_unknown_code_error(codebook: Codebook) -> None:
    with pytest.raises(KeyError) as excinfo:
        codebook.lookup("0999")
    assert isinstance(excinfo.value, UnknownCodeError)
    assert "0999" in str(excinfo.value)
    assert codebook.get("0999") is None


def test_bad_file_names_line(tmp_path: Path) -> None:
    book = tmp_path / "codebook.tsv"
    book.write_text("code\tname\tgoldstein\n01\tMake public statement\t0.0\n010\tMake statement\tzero\n")
    mapping = tmp_path / "plover.tsv"
    mapping.write_text("cameo\tplover\tmode\n")
    with pytest.raises(CodebookFormatError, match=r"codebook.tsv:3"):
        Codebook.from_files(book, mapping)


def test_plover_fallback_to_ancestor(tmp_path: Path) -> None:
    book = tmp_path / "codebook.tsv"
    book.write_text("code\tname\tgoldstein\n08\tYield\t5.0\n084\tReturn, release\t7.0\n0841\tRelease\t7.0\n")
    mapping = tmp_path / "plover.tsv"
    mapping.write_text("cameo\tplover\tmode\n08\tCONCEDE\t\n084\tRETREAT\trelease\n")
    small = Codebook.from_files(book, mapping)
    assert small.lookup("0841").plover == "RETREAT"
    assert small.lookup("0841").plover_mode == "release"
    assert small.lookup("08").plover == "CONCEDE"


def test_nearest_listed_walks_up_the_cameo_hierarchy() -> None:
    from dyad.events.codebook import nearest_listed

    table = {"08": "124", "084": "1243", "051": None}
    assert nearest_listed(table, "0841") == "1243"  # the leaf's nearest listed ancestor
    assert nearest_listed(table, "081") == "124"  # falls back to the root
    assert nearest_listed(table, "051") is None  # a listed null stops the walk: "no event"
    assert nearest_listed(table, "12") is None
