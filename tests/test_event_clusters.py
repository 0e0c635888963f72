"""Cross-source event clustering: same meeting reported two ways, dates, roots, stored events."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from dyad.dedup.events import assign_clusters, block_key, directionality, ensure_tables, same_event
from dyad.records import Actor, Event, Location

LI = Actor("CHNGOV", "CHN", "GOV", "Li Qiang", "Chinese Premier Li Qiang")
MISHUSTIN = Actor("RUSGOV", "RUS", "GOV", "Mikhail Mishustin", "Russian Prime Minister Mikhail Mishustin")
PUTIN = Actor("RUSGOV", "RUS", "GOV", "Vladimir Putin", "Russian President Vladimir Putin")
MOSCOW = Location("Moscow", "RUS", 55.75, 37.62, 524901)


def ev(
    event_id: str,
    article_id: str,
    source: Actor,
    target: Actor | None,
    cameo: str = "040",
    date: str | None = "2024-08-21",
    precision: str | None = "day",
    location: Location | None = None,
) -> Event:
    return Event(
        event_id=event_id,
        article_id=article_id,
        sentence_index=0,
        evidence="...",
        evidence_span=(0, 3),
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        plover="CONSULT",
        goldstein=1.0,
        quad_class=1,
        date=date,
        date_precision=precision if date else None,
        location=location,
    )


def test_symmetric_meeting_reported_in_both_directions_is_one_cluster() -> None:
    a = ev("e1", "001", MISHUSTIN, LI, "040")  # RUS -> CHN
    b = ev("e2", "003", LI, MISHUSTIN, "046")  # CHN -> RUS, negotiation: same root 04
    assert same_event(a, b)
    events = [a, b]
    assign_clusters(events)
    assert a.cluster_id == b.cluster_id == "e1"


def test_directed_code_needs_the_same_direction_but_visit_mirrors_host() -> None:
    visit = ev("e1", "001", LI, MISHUSTIN, "042")  # Li visits Russia
    other_visit = ev("e2", "002", MISHUSTIN, LI, "042")  # Mishustin visits China: another trip
    host = ev("e3", "003", MISHUSTIN, LI, "043")  # Russia hosts Li: the same visit
    assert not same_event(visit, other_visit)
    assert same_event(visit, host)
    assert "040" in directionality().symmetric and "042" not in directionality().symmetric


def test_different_dates_are_different_events() -> None:
    a = ev("e1", "001", MISHUSTIN, LI, date="2024-08-21")
    b = ev("e2", "003", LI, MISHUSTIN, date="2024-08-25")
    next_day = ev("e3", "004", LI, MISHUSTIN, date="2024-08-22")
    assert not same_event(a, b)
    assert same_event(a, next_day)  # one day apart: time zones, late reports
    events = [a, b]
    assign_clusters(events)
    assert a.cluster_id != b.cluster_id


def test_week_precision_containing_the_day_matches() -> None:
    day = ev("e1", "001", MISHUSTIN, LI, date="2024-08-21")
    week = ev("e2", "003", LI, MISHUSTIN, date="2024-08-19", precision="week")
    other_week = ev("e3", "005", LI, MISHUSTIN, date="2024-09-02", precision="week")
    assert same_event(day, week)
    assert not same_event(day, other_week)


def test_different_root_person_or_place_breaks_the_match() -> None:
    meet = ev("e1", "001", MISHUSTIN, LI, "040")
    assert not same_event(meet, ev("e2", "003", MISHUSTIN, LI, "057"))  # signing: root 05
    assert not same_event(meet, ev("e3", "003", PUTIN, LI, "040"))  # another Russian leader
    country_only = Actor("RUS", "RUS", None, "Russia", "Russia")
    assert same_event(meet, ev("e4", "003", country_only, LI, "040"))  # unknown person: compatible
    in_moscow = dataclasses.replace(meet, location=MOSCOW)
    in_beijing = ev("e5", "003", LI, MISHUSTIN, location=Location("Beijing", "CHN", geonameid=1816670))
    russia = ev("e6", "003", LI, MISHUSTIN, location=Location("Russia", "RUS", feature="country"))
    assert not same_event(in_moscow, in_beijing)
    assert same_event(in_moscow, russia)


def test_undated_events_match_only_within_an_article_or_story() -> None:
    a = ev("e1", "001", MISHUSTIN, LI, date=None)
    b = ev("e2", "003", LI, MISHUSTIN, date=None)
    same_article = ev("e3", "001", LI, MISHUSTIN, date=None)
    assert not same_event(a, b)
    assert same_event(a, same_article)
    assert same_event(a, b, story_of={"001": "001", "003": "001"})


def test_block_key_is_unordered_pair_and_root() -> None:
    assert block_key(ev("e1", "1", MISHUSTIN, LI)) == block_key(ev("e2", "2", LI, MISHUSTIN, "046"))


def test_incremental_against_a_database(tmp_path) -> None:
    path = str(tmp_path / "clusters.duckdb")
    con = duckdb.connect(path)
    ensure_tables(con)
    ensure_tables(con)  # idempotent
    first = [ev("e1", "001", MISHUSTIN, LI, "040"), ev("e9", "001", LI, MISHUSTIN, "042", date="2024-05-16")]
    assign_clusters(first, con)
    con.close()

    con = duckdb.connect(path)  # a later run
    later = [
        ev("e2", "003", LI, MISHUSTIN, "044"),  # same meeting, other direction
        ev("e3", "003", LI, MISHUSTIN, "040", date="2024-08-28"),  # a week later: new
    ]
    assign_clusters(later, con)
    assert later[0].cluster_id == "e1"
    assert later[1].cluster_id == "e3"
    again = [ev("e2", "003", LI, MISHUSTIN, "044")]  # re-run keeps the stored cluster
    assign_clusters(again, con)
    assert again[0].cluster_id == "e1"
    (n,) = con.execute("SELECT count(*) FROM event_cluster_index").fetchone()
    assert n == 4
    con.close()


@pytest.mark.parametrize("bad_date", ["not a date", "2024-13-45"])
def test_bad_dates_do_not_crash(bad_date: str) -> None:
    a = ev("e1", "001", MISHUSTIN, LI, date=bad_date)
    b = ev("e2", "003", LI, MISHUSTIN)
    assign_clusters([a, b])
    assert a.cluster_id and b.cluster_id


def test_actors_with_different_sectors_are_different_actors() -> None:
    """Seed 000: 'Putin thanked China' (RUSGOV -> CHN, 051) is not the CNPC-Gazprom contract
    (CHNBUS <-> RUSBUS, 057) although both are root 05, same countries, one day apart."""
    china = Actor("CHN", "CHN", None, "China", "China")
    cnpc = Actor("CHNBUS", "CHN", "BUS", "China National Petroleum Corporation", "CNPC")
    gazprom = Actor("RUSBUS", "RUS", "BUS", "Gazprom", "Russian natural gas giant Gazprom")
    praise = ev("e1", "000", PUTIN, china, "051", date="2022-09-07")
    contract = ev("e2", "000", cnpc, gazprom, "057", date="2022-09-06")
    assert not same_event(praise, contract)
    officials = Actor("CHNGOV", "CHN", "GOV", None, "Chinese officials")
    assert same_event(ev("e3", "001", PUTIN, china, "051"), ev("e4", "002", PUTIN, officials, "051"))


def test_intent_to_meet_is_undirected() -> None:
    xi = Actor("CHNGOV", "CHN", "GOV", "Xi Jinping", "Xi")
    a = ev("e1", "000", xi, PUTIN, "036", date="2022-09-15")
    b = ev("e2", "000", PUTIN, xi, "036", date="2022-09-15")
    assert same_event(a, b)


def test_a_vague_event_does_not_bridge_two_meetings_with_different_people() -> None:
    """Seed 001: Li met Putin and Li met Mishustin on one day; 'Li visited Russia' matches both
    at country level but must not make the two meetings one event."""
    russia = Actor("RUS", "RUS", None, "Russia", "Russia")
    with_putin = ev("e1", "001", LI, PUTIN, "040", location=MOSCOW)
    visit = ev("e2", "001", LI, russia, "042", location=MOSCOW)
    with_mishustin = ev("e3", "003", LI, MISHUSTIN, "040", location=MOSCOW)
    events = [with_putin, visit, with_mishustin]
    assign_clusters(events)
    assert with_putin.cluster_id != with_mishustin.cluster_id
    assert visit.cluster_id in (with_putin.cluster_id, with_mishustin.cluster_id)
