"""Issue 4's checks on the example corpus: true event dates and places, through the whole pipeline
(ingest -> clean -> parse -> code), expectations read off the articles themselves."""

from __future__ import annotations

import pytest

from dyad.ingest import read_inputs
from dyad.pipeline import RunSummary, code_stream, split_inputs
from tests.conftest import EXAMPLE_CORPUS


@pytest.fixture(scope="module")
def events_by_article() -> dict[str, list]:
    summary = RunSummary()
    out = {a.id[:3]: evs for a, evs in code_stream(split_inputs(read_inputs([EXAMPLE_CORPUS]), summary), summary)}
    assert summary.skipped == 0 and len(out) == 5
    return out


def pick(events, evidence: str, **want):
    hits = [e for e in events if evidence in e.evidence]
    for key, value in want.items():
        hits = [e for e in hits if (getattr(e.source, "name", None) if key == "source" else getattr(e, key)) == value]
    assert hits, (evidence, want, [(e.evidence[:60], e.cameo, e.date) for e in events if evidence in e.evidence])
    return hits


def test_vladivostok_meeting_on_wednesday(events_by_article):
    hits = pick(events_by_article["000"], "met with Russian President Vladimir Putin", source="Li Zhanshu")
    assert {e.date for e in hits} == {"2022-09-07"}
    loc = hits[0].location
    assert loc and loc.name == "Vladivostok" and loc.country == "RUS" and loc.geonameid == 2013348
    assert abs(loc.lat - 43.1) < 0.2 and abs(loc.lon - 131.9) < 0.2


def test_gas_contract_on_tuesday(events_by_article):
    hits = pick(events_by_article["000"], "signed a contract", cameo="057")
    assert {(e.date, e.date_precision, e.date_text) for e in hits} == {("2022-09-06", "day", "on Tuesday")}
    assert all(e.location and e.location.name == "Vladivostok" for e in hits)


def test_g7_decision_last_friday(events_by_article):
    hits = pick(events_by_article["000"], "decided to set price limits on Russian oil")
    assert {(e.date, e.date_text) for e in hits} == {("2022-09-02", "last Friday")}
    assert all(e.target and e.target.country == "RUS" for e in hits)


def test_patrushev_talks_on_monday(events_by_article):
    hits = pick(events_by_article["004"], "holding talks on Monday", source="Nikolai Patrushev")
    assert {e.date for e in hits} == {"2023-05-22"}


def test_li_hui_trip_last_week_has_week_precision(events_by_article):
    hits = pick(events_by_article["004"], "Li Hui, visited Ukraine", source="Li Hui")
    assert {(e.date, e.date_precision) for e in hits} == {("2023-05-15", "week")}
    assert any(e.location and e.location.country == "UKR" for e in hits)


def test_li_qiang_arrival_on_tuesday(events_by_article):
    hits = pick(events_by_article["001"], "upon his arrival at Moscow's Vnukovo Airport on Tuesday", source="Li Qiang")
    assert {e.date for e in hits} == {"2024-08-20"}
    assert all(e.location and e.location.name == "Moscow" for e in hits)


def test_meeting_in_beijing_is_located_but_beijing_as_actor_is_not(events_by_article):
    trip = pick(events_by_article["004"], "during a trip to Beijing", cameo="057")
    assert all(e.location and e.location.name == "Beijing" for e in trip)
    for e in events_by_article["002"]:
        if e.evidence.startswith("Beijing has provided Moscow"):  # "Beijing" and "Moscow" act here
            assert e.location is None


def test_undated_sentences_fall_back_to_the_publication_date(events_by_article):
    hits = pick(events_by_article["002"], "Xi told Vyacheslav Volodin")
    assert all(e.date == "2023-11-23" and e.date_text is None and e.date_precision == "day" for e in hits)
