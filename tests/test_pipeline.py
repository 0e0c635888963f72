"""Orchestration: batches, failure isolation, dask scale-out."""

from __future__ import annotations

import pytest

from dyad import pipeline
from dyad.records import Article, InputProblem

TEXT = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday."


def articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=TEXT, published="2024-05-16", origin=f"mem:{i}") for i in range(n)]


def test_split_inputs_counts_problems():
    summary = pipeline.RunSummary()
    items = [articles(1)[0], InputProblem("f.jsonl:3", "malformed JSON: Expecting value")]
    out = list(pipeline.split_inputs(items, summary))
    assert [a.id for a in out] == ["a0"]
    assert summary.articles_read == 1 and summary.skipped == 1
    assert summary.skip_reasons() == {"malformed JSON": 1}


def test_a_failing_article_is_skipped_and_the_batch_kept(monkeypatch):
    real = pipeline.code_batch

    def flaky(batch):
        if any(a.id == "a1" for a in batch):
            raise RuntimeError("boom")
        return real(batch)

    monkeypatch.setattr(pipeline, "code_batch", flaky)
    summary = pipeline.RunSummary()
    out = list(pipeline.code_stream(articles(3), summary, batch_size=3))
    assert [a.id for a, _ in out] == ["a0", "a2"]
    assert summary.skipped == 1 and "boom" in summary.problems[0].reason
    assert summary.events_found == sum(len(evs) for _, evs in out) > 0


def test_dask_results_equal_local_results():
    distributed = pytest.importorskip("distributed")
    local = [(a.id, [e.to_dict() for e in evs]) for a, evs in pipeline.code_stream(articles(4), pipeline.RunSummary(), 2)]
    with distributed.Client(distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None)) as client:
        remote = [
            (a.id, [e.to_dict() for e in evs])
            for a, evs in pipeline.code_stream(articles(4), pipeline.RunSummary(), 2, client=client)
        ]
    assert sorted(remote, key=lambda r: r[0]) == sorted(local, key=lambda r: r[0])
