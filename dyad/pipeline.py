"""Orchestration: ingest -> clean -> nlp -> actors/events (with when/where) -> dedup -> store.

The stages themselves are pure; this module only moves records between them in batches,
optionally fans batches out to a dask cluster, and keeps the run summary. Coding one batch
is a pure function of the batch (``code_batch``), which is what makes scale-out trivial:
workers code, the driver alone writes to the database.
"""

from __future__ import annotations

import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyad.clean import clean_article
from dyad.nlp import iter_batches, parse_articles
from dyad.records import Article, Event, InputProblem

DEFAULT_BATCH = 32  # articles per nlp.pipe call / per dask task


@dataclass
class RunSummary:
    """What a run did, for the closing report and for tests."""

    articles_read: int = 0
    articles_coded: int = 0
    already_stored: int = 0
    events_found: int = 0
    events_added: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def skipped(self) -> int:
        return len(self.problems)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def skip_reasons(self) -> Counter[str]:
        """Problems grouped by reason kind (the text before any detail after a colon)."""
        return Counter(p.reason.split(":")[0] for p in self.problems)


def default_coder():
    """One coder per process and user dictionary: the knowledge base, codebook and patterns load
    once, and again only when ``$DYAD_DICTIONARY`` points elsewhere or its files change."""
    from dyad.actors.knowledge import default_dictionary_dir

    folder = default_dictionary_dir()
    stamp = tuple(sorted((f.name, f.stat().st_mtime_ns) for f in folder.glob("*.tsv"))) if folder.is_dir() else ()
    return _coder_for(str(folder), stamp)


@lru_cache(maxsize=4)
def _coder_for(dictionary_dir: str, stamp: tuple) -> Any:
    from dyad.actors.knowledge import KnowledgeBase
    from dyad.events import Coder
    from dyad.events.patterns import PatternSet

    return Coder(kb=KnowledgeBase.load(dictionary_dir), patterns=PatternSet.load(dictionary_dir))


def code_batch(articles: Sequence[Article]) -> list[tuple[Article, list[Event]]]:
    """Clean, parse and code one batch. Pure apart from the per-process model caches,
    so dask workers can run it. Articles already cleaned (``content_hash`` set) are not cleaned again."""
    coder = default_coder()
    cleaned = [a if a.content_hash else clean_article(a) for a in articles]
    parsed = parse_articles(cleaned, coder.could_hold_event)
    return [(pa.article, coder.code(pa)) for pa in parsed]


def split_inputs(items: Iterable[Article | InputProblem], summary: RunSummary) -> Iterator[Article]:
    """Pass articles through, file problems in the summary."""
    for item in items:
        if isinstance(item, InputProblem):
            summary.problems.append(item)
        else:
            summary.articles_read += 1
            yield item


def code_stream(
    articles: Iterable[Article],
    summary: RunSummary,
    batch_size: int = DEFAULT_BATCH,
    client: Any = None,
    on_batch: Callable[[list[tuple[Article, list[Event]]]], None] | None = None,
) -> Iterator[tuple[Article, list[Event]]]:
    """Code articles batch by batch, locally or on a dask ``client``; yields results as they finish.

    A batch that raises (a bug, not bad input) is reported per article and skipped: one bad
    article must not lose the rest of the run."""
    batches = iter_batches(articles, batch_size)
    if client is None:
        results: Iterable[tuple[list[Article], list[tuple[Article, list[Event]]] | BaseException]] = (
            (batch, _safe_code(batch)) for batch in batches
        )
    else:
        results = _dask_results(client, batches)
    for batch, result in results:
        if isinstance(result, BaseException):
            result = _code_one_by_one(batch, summary)
        summary.articles_coded += len(result)
        summary.events_found += sum(len(evs) for _, evs in result)
        if on_batch:
            on_batch(result)
        yield from result


def _safe_code(batch: list[Article]) -> list[tuple[Article, list[Event]]] | BaseException:
    try:
        return code_batch(batch)
    except Exception as exc:  # noqa: BLE001 - reported per article by the caller
        return exc


def _code_one_by_one(batch: list[Article], summary: RunSummary) -> list[tuple[Article, list[Event]]]:
    """Retry a failed batch article by article so only the culprit is skipped."""
    out: list[tuple[Article, list[Event]]] = []
    for article in batch:
        try:
            out.extend(code_batch([article]))
        except Exception as exc:  # noqa: BLE001
            summary.problems.append(InputProblem(article.origin or article.id, f"coding failed: {exc!r}"))
    return out


def _dask_results(client: Any, batches: Iterable[list[Article]], in_flight: int = 8):
    """Submit batches to dask keeping a bounded number in flight (memory stays flat)."""
    from distributed import as_completed

    pending: dict[Any, list[Article]] = {}
    queue = as_completed()
    batch_iter = iter(batches)
    for batch in batch_iter:
        fut = client.submit(code_batch, batch, pure=False)
        pending[fut] = batch
        queue.add(fut)
        if len(pending) >= in_flight:
            break
    for fut in queue:
        batch = pending.pop(fut)
        try:
            yield batch, fut.result()
        except Exception as exc:  # noqa: BLE001
            yield batch, exc
        nxt = next(batch_iter, None)
        if nxt is not None:
            new = client.submit(code_batch, nxt, pure=False)
            pending[new] = nxt
            queue.add(new)


def dask_client(workers: int = 0, scheduler: str | None = None):
    """A dask client: connect to ``scheduler`` (tcp://host:port) or start a local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def code(articles: Iterable[dict[str, Any] | Article], published: str | None = None) -> list[dict[str, Any]]:
    """Code articles given as contract dicts (``id``, ``text`` or ``html``, ``published``...) and
    return contract event dicts, with ``cluster_id`` assigned across the whole input.
    ``published`` is the publication date of records that carry none (relative dates such as
    "on Wednesday" resolve against it). Records without ``id`` or text are skipped with a warning
    naming the record."""
    from dyad.ingest import article_from_record

    def article(i: int, a: dict[str, Any] | Article) -> Article | InputProblem:
        if isinstance(a, Article):
            return a if a.published or not published else replace(a, published=published)
        if published and not a.get("published"):
            a = {**a, "published": published}
        return article_from_record(a, origin=f"<record {i}>")

    summary = RunSummary()
    items = (article(i, a) for i, a in enumerate(articles))
    events = code_and_cluster(items, summary)
    for problem in summary.problems:  # a bad record is reported and skipped, never the whole call
        warnings.warn(f"dyad.code skipped {problem}", stacklevel=2)
    return [e.to_dict() for e in events]


def code_and_cluster(
    items: Iterable[Article | InputProblem], summary: RunSummary, batch_size: int = DEFAULT_BATCH
) -> list[Event]:
    """Stateless coding (``dyad code``, ``dyad.code``): every event of the input, with
    ``cluster_id`` shared by reports of the same happening across the whole input."""
    from dyad.dedup.events import assign_clusters

    events = [e for _, evs in code_stream(split_inputs(items, summary), summary, batch_size) for e in evs]
    assign_clusters(events)
    return events


def run_into_store(
    paths: Sequence[str | Path],
    db: str | Path,
    summary: RunSummary,
    batch_size: int = DEFAULT_BATCH,
    client: Any = None,
    progress: Callable[[int], None] | None = None,
) -> list[Event]:
    """``dyad run``: ingest paths, code what is not stored yet, store batch by batch.

    Each batch is one transaction, so a run that dies midway keeps every finished batch and
    running again codes only what is missing (articles are keyed by content hash)."""
    from dyad.ingest import read_inputs
    from dyad.store import Store

    new_events: list[Event] = []
    with Store(db) as store:

        def fresh(articles: Iterable[Article]) -> Iterator[Article]:
            for batch in iter_batches(articles, 256):
                cleaned = [clean_article(a) for a in batch]
                known = store.stored_hashes([a.content_hash for a in cleaned])
                taken = store.stored_ids([a.id for a in cleaned])
                for a in cleaned:
                    if a.content_hash in known:
                        summary.already_stored += 1
                    elif a.id in taken:  # an edited article under a stored id: never overwrite silently
                        summary.problems.append(InputProblem(
                            a.origin or a.id,
                            f"article id {a.id!r} is already stored with different text; kept the stored "
                            "version (give the new text another id to store both)",
                        ))
                    else:
                        known.add(a.content_hash)  # the same text twice in one run
                        taken.add(a.id)
                        yield a

        def save(result: list[tuple[Article, list[Event]]]) -> None:
            counts = store.add_batch([a for a, _ in result], [e for _, evs in result for e in evs])
            summary.events_added += counts.get("events_added", 0)
            new_events.extend(e for _, evs in result for e in evs)
            if progress:
                progress(len(result))

        own_files = (db, f"{db}.wal")  # a database kept beside the articles is not an article
        articles = fresh(split_inputs(read_inputs(paths, exclude=own_files), summary))
        for _ in code_stream(articles, summary, batch_size, client, on_batch=save):
            pass
    return new_events
