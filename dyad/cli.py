"""The ``dyad`` command line (names fixed by CONTRACT.md).

Heavy imports (spaCy, DuckDB, pandas) happen inside the commands so ``dyad --help`` is instant.
User errors print one clear line naming the file and exit non-zero only when nothing useful
could be done; problems inside a batch are reported and counted in the closing summary.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help="dyad: political event data from news articles (who did what to whom, when and where).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
actors_app = typer.Typer(help="Manage the actor dictionary.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")

err = Console(stderr=True)
DB_OPTION = typer.Option("--db", help="DuckDB database file.")
DbPath = Annotated[Path, DB_OPTION]
EXPORT_FORMATS = ("gdelt", "gdelt-mentions", "plover", "csv", "parquet", "jsonl")


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def _valid_date(value: str | None) -> str | None:
    """A --since/--until value must be a date dyad can read; say so before any work is done."""
    if value is not None:
        from dyad.when.periods import period_bounds

        try:
            period_bounds(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www)") from None
    return value


def _check_paths(paths: list[str]) -> None:
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing and len(missing) == len(paths):
        fail("no such file or folder: " + ", ".join(missing))


def _inputs_or_stdin(inputs: list[str] | None) -> list[str]:
    """The paths to read; none means JSONL on stdin, which must then be piped, not a terminal."""
    if not inputs and sys.stdin.isatty():
        fail("give input files or folders, or pipe JSONL articles on stdin (see --help)")
    paths = inputs or ["-"]
    _check_paths(paths)
    return paths


def _print_summary(summary: Any, what: str) -> None:
    """The closing report: articles read, skipped and why, events found."""
    err.print(
        f"[bold]{what}:[/] {summary.articles_read} articles read, {summary.articles_coded} coded, "
        f"{summary.already_stored} already stored, {summary.skipped} skipped, "
        f"{summary.events_found} events found in {summary.seconds:.1f}s",
        highlight=False,
    )
    _print_problems(summary)


def _print_problems(summary: Any, shown: int = 20) -> None:
    """Each skipped input with its reason (file and line), the rest counted by reason."""
    for problem in summary.problems[:shown]:
        err.print(f"  [yellow]skipped[/] {problem}", highlight=False, soft_wrap=True)
    if summary.skipped > shown:
        reasons = ", ".join(f"{n}× {r}" for r, n in summary.skip_reasons().most_common())
        err.print(f"  ... {summary.skipped - shown} more skipped ({reasons})", highlight=False)


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    name = actor.get("name") or actor.get("text") or ""
    return f"{name} ({actor.get('code') or '?'})"


def print_timeline(events: list[dict[str, Any]], console: Console | None = None, title: str = "") -> None:
    """Events as a readable timeline, two lines each: when, who did what to whom, where;
    then the evidence sentence. Reads well at any width, in a terminal or piped."""
    from rich.text import Text

    from dyad.events.codebook import Codebook

    console = console or Console()
    if title:
        console.print(Text(title, style="bold"))
    if not events:
        console.print("No events.")
        return
    book = Codebook.load()
    for e in sorted(events, key=lambda e: (e.get("date") or "9999", e["article_id"], e["sentence_index"])):
        date = e.get("date") or "undated"
        if e.get("date_precision") not in (None, "day"):
            date += f" ({e['date_precision']})"
        line = Text(f"{date:<20}", style="cyan")
        line.append(_actor_label(e["source"]), style="bold")
        line.append(f"  {e['cameo']} {book.lookup(e['cameo']).name}", style="green")
        if e.get("modality") == "intended":
            line.append(" [intent]", style="yellow")
        if e.get("target"):
            line.append("  ")
            line.append(_actor_label(e["target"]), style="bold")
        if (loc := (e.get("location") or {}).get("name")):
            line.append(f"  @ {loc}", style="magenta")
        if (sources := e.get("num_sources")) and sources > 1:
            line.append(f"  [{sources} sources]", style="yellow")
        console.print(line, soft_wrap=True)
        quote = Text(" " * 20 + f"“{e['evidence']}” ", style="dim")
        quote.append(f"({e['article_id']} #{e['sentence_index']})", style="dim italic")
        console.print(quote, soft_wrap=True)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files or folders: .txt (+manifest.csv), .html, .jsonl, RSS/Atom.")],
    db: DbPath = Path("dyad.duckdb"),
    batch_size: Annotated[int, typer.Option(help="Articles per parsing batch.")] = 32,
    workers: Annotated[int, typer.Option(help="Code on a local dask cluster with this many worker processes.")] = 0,
    scheduler: Annotated[str | None, typer.Option(help="Code on a running dask scheduler (tcp://host:port).")] = None,
    timeline: Annotated[bool, typer.Option(help="Print the events found as a timeline.")] = True,
) -> None:
    """Ingest, code and store articles; re-running on the same input adds nothing twice."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from dyad.pipeline import RunSummary, dask_client, run_into_store

    _check_paths(paths)
    summary = RunSummary()
    client = dask_client(workers, scheduler) if (workers or scheduler) else None
    progress = Progress(
        SpinnerColumn(),
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )
    try:
        with progress:
            task = progress.add_task("coding", total=None)
            events = run_into_store(
                paths, db, summary, batch_size, client, progress=lambda n: progress.advance(task, n)
            )
    finally:
        if client is not None:
            client.close()
    if timeline and events:
        from dyad.store import Store

        with Store(db, read_only=True) as store:  # one line per real-world event, not per mention
            new_clusters = {e.cluster_id for e in events}
            stored = [e for e in store.query_events(clusters=True) if e["cluster_id"] in new_clusters]
        print_timeline(stored, title=f"{len(events)} events coded into {db} ({len(stored)} distinct real-world events)")
    _print_summary(summary, "dyad run")
    if summary.articles_read == 0 and summary.already_stored == 0:
        raise typer.Exit(1)


@app.command()
def code(
    inputs: Annotated[list[str] | None, typer.Argument(help="JSONL file(s), files or folders; '-' or nothing = JSONL on stdin.")] = None,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write event JSON lines here (default stdout).")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per parsing batch.")] = 32,
) -> None:
    """Stateless: read articles, write events as JSON lines. No database."""
    from dyad.ingest import read_inputs
    from dyad.pipeline import RunSummary, code_and_cluster

    paths = _inputs_or_stdin(inputs)
    summary = RunSummary()
    events = code_and_cluster(read_inputs(paths), summary, batch_size)
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for e in events:
            sink.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out:
            sink.close()
    _print_summary(summary, "dyad code")
    if summary.articles_read == 0:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbPath = Path("dyad.duckdb"),
    source: Annotated[str | None, typer.Option(help="Source actor code or country prefix (CHN, CHNGOV).")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code or country prefix.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name or text, either side (case-insensitive substring).")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code, e.g. 04.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 042.")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER category, e.g. CONSULT.")] = None,
    since: Annotated[str | None, typer.Option(callback=_valid_date, help="Earliest event date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(callback=_valid_date, help="Latest event date (YYYY-MM-DD).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    clusters: Annotated[bool, typer.Option("--clusters", help="One record per real-world event (cluster), not per mention.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """Query stored events."""
    from dyad.store import Store

    if fmt not in ("table", "jsonl", "csv"):
        fail(f"unknown format {fmt!r}: use table, jsonl or csv")
    if not db.exists():
        fail(f"no database at {db}: run 'dyad run PATH' first")
    with Store(db, read_only=True) as store:
        rows = store.query_events(
            source=source, target=target, actor=actor, root=root, cameo=cameo,
            plover=plover.upper() if plover else None, since=since, until=until, limit=limit,
            clusters=clusters,
        )
    if fmt == "table":
        print_timeline(rows)
    elif fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    else:
        from dyad.store.export import flatten_event

        flat = [flatten_event(r) for r in rows]
        if flat:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(flat[0]))
            writer.writeheader()
            writer.writerows(flat)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help=f"{', '.join(EXPORT_FORMATS)}.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output file.")],
    db: DbPath = Path("dyad.duckdb"),
    source: Annotated[str | None, typer.Option(help="Source actor code or country prefix.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code or country prefix.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code.")] = None,
    since: Annotated[str | None, typer.Option(callback=_valid_date, help="Earliest event date.")] = None,
    until: Annotated[str | None, typer.Option(callback=_valid_date, help="Latest event date.")] = None,
    header: Annotated[bool, typer.Option(help="GDELT only: write a header line (GDELT files have none).")] = False,
) -> None:
    """Export stored events (GDELT 2.0 event table TSV, PLOVER JSON, CSV, Parquet)."""
    from dyad.store import Store

    if fmt not in EXPORT_FORMATS:
        fail(f"unknown format {fmt!r}: use {', '.join(EXPORT_FORMATS)}")
    if not db.exists():
        fail(f"no database at {db}: run 'dyad run PATH' first")
    options = {"header": header} if fmt == "gdelt" else {}
    with Store(db, read_only=True) as store:
        n = store.export(fmt, out, source=source, target=target, root=root, since=since, until=until, **options)
    err.print(f"wrote {n} rows to {out} ({fmt})")


@app.command()
def stories(
    inputs: Annotated[list[str] | None, typer.Argument(help="Articles as for 'dyad code'; '-' or nothing = stdin.")] = None,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write JSON lines here (default stdout).")] = None,
) -> None:
    """Stateless: group articles that report the same happening; mark near-duplicates."""
    from dyad.clean import clean_article
    from dyad.dedup.stories import group_stories
    from dyad.ingest import read_inputs
    from dyad.pipeline import RunSummary, split_inputs

    paths = _inputs_or_stdin(inputs)
    summary = RunSummary()
    articles = [clean_article(a) for a in split_inputs(read_inputs(paths), summary)]
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    lines = group_stories(articles)
    try:
        for line in lines:
            sink.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if out:
            sink.close()
    n_stories = len({line["story_id"] for line in lines})
    n_dups = sum(1 for line in lines if line["duplicate_of"])
    err.print(
        f"[bold]dyad stories:[/] {summary.articles_read} articles read, {summary.skipped} skipped; "
        f"{n_stories} stories, {n_dups} near-duplicates",
        highlight=False,
    )
    _print_problems(summary)
    if not articles:
        raise typer.Exit(1)


@app.command()
def series(
    source: Annotated[str, typer.Option(help="Source country or actor code, e.g. CHN.")],
    target: Annotated[str, typer.Option(help="Target country or actor code, e.g. RUS.")],
    by: Annotated[str, typer.Option(help="day, week or month.")] = "month",
    both: Annotated[bool, typer.Option("--both", help="Combine both directions.")] = False,
    since: Annotated[str | None, typer.Option(callback=_valid_date, help="Earliest event date.")] = None,
    until: Annotated[str | None, typer.Option(callback=_valid_date, help="Latest event date.")] = None,
    plot: Annotated[Path | None, typer.Option(help="Also draw the series as a PNG chart.")] = None,
    db: DbPath = Path("dyad.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="table or csv.")] = "table",
) -> None:
    """Relations over time: events per period by quad class, Goldstein sum and mean."""
    from dyad.analysis import plot_series
    from dyad.analysis import series as make_series

    if by not in ("day", "week", "month"):
        fail(f"unknown period {by!r}: use day, week or month")
    if not db.exists():
        fail(f"no database at {db}: run 'dyad run PATH' first")
    df = make_series(db, source=source, target=target, by=by, both=both, since=since, until=until)
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    else:
        _print_frame(df, f"{source} {'<->' if both else '->'} {target} by {by}")
    if plot:
        plot_series(df, plot, title=f"{source} {'<->' if both else '->'} {target}")
        err.print(f"wrote chart to {plot}")


@app.command()
def network(
    since: Annotated[str | None, typer.Option(callback=_valid_date, help="Earliest event date.")] = None,
    until: Annotated[str | None, typer.Option(callback=_valid_date, help="Latest event date.")] = None,
    level: Annotated[str, typer.Option(help="country or actor.")] = "country",
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write the graph (.graphml or .json).")] = None,
    db: DbPath = Path("dyad.duckdb"),
) -> None:
    """The weighted actor graph: edges with event counts and mean Goldstein."""
    from dyad.analysis import network as make_network
    from dyad.analysis import write_network

    if level not in ("country", "actor"):
        fail(f"unknown level {level!r}: use country or actor")
    if not db.exists():
        fail(f"no database at {db}: run 'dyad run PATH' first")
    df = make_network(db, since=since, until=until, level=level)
    _print_frame(df, f"actor network ({level})")
    if out:
        write_network(df, out)
        err.print(f"wrote graph to {out}")


def _print_frame(df: Any, title: str) -> None:
    table = Table(title=title)
    for col in df.columns:
        table.add_column(str(col), justify="right" if df[col].dtype.kind in "if" else "left")
    for row in df.itertuples(index=False):
        table.add_row(*(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row))
    Console().print(table)


@actors_app.command("import")
def actors_import(
    file: Annotated[Path, typer.Argument(help="A PETRARCH/Phoenix dictionary file or folder: actors (dated codes), countries, agents, verbs.")],
    into: Annotated[Path | None, typer.Option(help="User dictionary folder (default $DYAD_DICTIONARY or ~/.dyad/dictionary).")] = None,
    verbs: Annotated[str, typer.Option(help="extend: add only verbs dyad does not code yet; override: the dictionary's verb codes win.")] = "extend",
) -> None:
    """Merge a PETRARCH/Phoenix-format dictionary into the user dictionary the coder uses."""
    from dyad.actors.petrarch_import import default_dictionary_dir, import_dictionary

    if verbs not in ("extend", "override"):
        fail(f"unknown --verbs {verbs!r}: use extend or override")
    if not file.exists():
        fail(f"no such file or folder: {file}")
    target = into or default_dictionary_dir()
    stats = import_dictionary(file, target, verbs=verbs)
    err.print(f"imported {file} into {target}", highlight=False)
    print(stats)


@app.command("eval", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
def evaluate(
    what: Annotated[str, typer.Argument(help="plover, petrarch, triples, tempeval or ecbplus.")],
    args: Annotated[list[str] | None, typer.Argument(help="Options passed to the evaluation.")] = None,
) -> None:
    """Measure dyad on the development data sets in ../shared/data (when present) or on a gold triples file."""
    modules = {
        "plover": "dyad.eval.plover_gsr",
        "petrarch": "dyad.eval.petrarch_tests",
        "triples": "dyad.eval.triples",
        "tempeval": "dyad.eval.tempeval",
        "ecbplus": "dyad.eval.ecbplus",
    }
    if what not in modules:
        fail(f"unknown evaluation {what!r}: use {', '.join(modules)}")
    import importlib

    rc = importlib.import_module(modules[what]).main(list(args or []))
    raise typer.Exit(rc or 0)


@app.command()
def serve(
    db: DbPath = Path("dyad.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve stored events over HTTP (read-only JSON API)."""
    import uvicorn

    from dyad.api import create_app

    uvicorn.run(create_app(db), host=host, port=port)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
