"""The ``newsgraph`` command: thin commands over the library. Only output goes to stdout."""

from __future__ import annotations

import csv
import functools
import json
import logging
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import click

from newsgraph import __version__
from newsgraph.errors import FilterError, InputError, NewsgraphError
from newsgraph.export import FORMATS, UNITS, export
from newsgraph.ingest import (
    Fetcher,
    FetchSettings,
    InputProblem,
    count_articles,
    holds_many,
    iter_inputs,
)
from newsgraph.nlp import MODEL_ENV, model_name
from newsgraph.pipeline import Pipeline, parse_published
from newsgraph.run import Engine, ProcessEngine, analyse_inputs, failed_line, run
from newsgraph.run.watch import Cycle, watch
from newsgraph.run.worker import settled
from newsgraph.run.writer import BATCH_SECONDS
from newsgraph.safe_output import csv_cell, for_terminal
from newsgraph.store import FILTERS, Filter, Store

DEFAULT_DB = "newsgraph.duckdb"
CELL_WIDTH = 60
LIMIT_MAX = 2**62  # DuckDB's LIMIT takes a signed 64-bit count


@dataclass
class Runtime:
    """What the commands of one invocation share: the Pipeline, built on first use.

    A caller that already holds a Pipeline (a test session, a notebook) passes it as
    click's ``obj``, with the model it was built with, so no command loads it again.
    """

    pipeline: Pipeline | None = None
    model: str = field(default_factory=model_name)

    def pipeline_for(self, model: str | None) -> Pipeline:
        if self.pipeline is None or model_name(model) != self.model:
            self.pipeline, self.model = Pipeline(model=model), model_name(model)
        return self.pipeline


# --- shared options ----------------------------------------------------------------
def db_option(command: Callable) -> Callable:
    return click.option(
        "--db", default=DEFAULT_DB, show_default=True, envvar="NEWSGRAPH_DB",
        type=click.Path(dir_okay=False), help="DuckDB file of the store ($NEWSGRAPH_DB).",
    )(command)


def model_option(command: Callable) -> Callable:
    return click.option(
        "--model", default=None, envvar=MODEL_ENV,
        help=f"spaCy English pipeline (package or path; ${MODEL_ENV}).",
    )(command)


def validate_published(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    try:
        return parse_published(value)
    except InputError as error:
        raise click.BadParameter(str(error)) from None


def article_defaults(command: Callable) -> Callable:
    command = click.option(
        "--published", callback=validate_published,
        help="Publication date YYYY-MM-DD for inputs that lack one.",
    )(command)
    return click.option("--source", help="Source name for inputs that lack one.")(command)


def output_options(command: Callable) -> Callable:
    command = click.option(
        "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
        show_default=True, help="Output format.",
    )(command)
    return click.option(
        "--limit", type=click.IntRange(min=0, max=LIMIT_MAX), default=50, show_default=True,
        help="At most this many rows (0: all)."
    )(command)


def fetch_options(command: Callable) -> Callable:
    """How URLs (pages, feeds and their items) are fetched; gathered into ``fetch``."""
    options = [
        click.option("--allow-private", is_flag=True,
                     help="Allow URLs (and redirects) to private, loopback and link-local "
                          "addresses; refused by default."),
        click.option("--allow-host", "allow_hosts", multiple=True, metavar="HOST[:PORT]",
                     help="Allow this one host whatever its address (repeatable)."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0,
                     show_default=True, metavar="SECONDS",
                     help="Give up on a connection or read after this long."),
        click.option("--pace", type=click.FloatRange(min=0), default=1.0, show_default=True,
                     metavar="SECONDS",
                     help="Pause between requests to one host (robots.txt may ask more)."),
    ]

    @functools.wraps(command)
    def wrapper(*args: Any, allow_private: bool, allow_hosts: tuple[str, ...], timeout: float,
                pace: float, **kwargs: Any) -> Any:
        kwargs["fetch"] = FetchSettings(
            timeout=timeout, pace=pace, allow_private=allow_private,
            allowed_hosts=frozenset(host.lower() for host in allow_hosts))
        return command(*args, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def reports_errors(command: Callable) -> Callable:
    """Turn the library's typed errors into one line on stderr and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            click.echo("newsgraph: interrupted; what was committed is kept", err=True)
            sys.exit(130)
        except NewsgraphError as error:
            click.echo(f"newsgraph: error: {for_terminal(error)}", err=True)
            sys.exit(2)

    return wrapper


class TerminalFormatter(logging.Formatter):
    """Log lines with control characters escaped: a file name or title cannot drive the
    terminal. A traceback (``-v``) keeps its newlines."""

    def format(self, record: logging.LogRecord) -> str:
        return for_terminal(super().format(record), keep_newlines=record.exc_info is not None)


# --- the command group -------------------------------------------------------------
@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """newsgraph: news articles in; actors, events, quotes, places and dates out.

    \b
    Example:
        newsgraph run examples/ && newsgraph events --plover SANCTION
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(TerminalFormatter("newsgraph: %(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])
    ctx.ensure_object(Runtime)


@cli.command()
@click.argument("input_path", metavar="INPUT")
@article_defaults
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json",
              show_default=True, help="json: the output contract; text: a readable summary.")
@model_option
@fetch_options
@click.pass_obj
@reports_errors
def extract(runtime: Runtime, input_path: str, published: str | None, source: str | None, fmt: str,
            model: str | None, fetch: FetchSettings) -> None:
    """Analyse INPUT and print the result; no database.

    INPUT is a file, a directory or an http(s) URL. A text file or HTML file prints
    one JSON object; JSON Lines, a feed, a WARC archive, a directory or a URL print
    one line per article, in order, with an "error" line for inputs that fail.

    \b
    Example:
        newsgraph extract article.txt --published 2022-02-24
        newsgraph extract https://example.org/2022/02/24/story.html
    """
    pipeline = runtime.pipeline_for(model)
    single = not holds_many(input_path)
    processed = 0
    with Fetcher(fetch) as fetcher:
        inputs = iter_inputs([input_path], fetcher)
        for result in analyse_inputs(inputs, pipeline, published, source):
            if isinstance(result, InputProblem):
                click.echo(f"newsgraph: skipped {for_terminal(result)}", err=True)
                if single:
                    sys.exit(2)
                record = failed_line(result)
            else:
                processed += not result.error
                record = result.to_dict()
            if fmt == "text":
                click.echo(for_terminal(summarise(record), keep_newlines=True))
            else:
                click.echo(json.dumps(record, ensure_ascii=False, indent=2 if single else None))
    if not processed:
        sys.exit(2)

def validate_dask(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None or value.startswith(("tcp://", "tls://")):
        return value
    workers = value.removeprefix("local:")
    if not value.startswith("local:") or not workers.isdigit() or int(workers) < 1:
        raise click.BadParameter(f"{value!r} is neither local:N nor tcp://HOST:PORT")
    return value


@cli.command(name="run")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@article_defaults
@model_option
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              envvar="NEWSGRAPH_WORKERS", show_default="the machine's cores",
              help="Worker processes that parse and extract ($NEWSGRAPH_WORKERS).")
@click.option("--dask", "dask_address", metavar="local:N|tcp://HOST:PORT",
              callback=validate_dask,
              help="Analyse on a Dask cluster: a local one of N workers, or a scheduler.")
@click.option("--commit-every", "commit_seconds", type=click.FloatRange(min=0),
              default=BATCH_SECONDS, show_default=True, metavar="SECONDS",
              help="Commit analysed articles at least this often (what a crash may lose).")
@fetch_options
@click.pass_obj
@reports_errors
def run_command(runtime: Runtime, inputs: tuple[str, ...], db: str, published: str | None,
                source: str | None, model: str | None, workers: int,
                dask_address: str | None, commit_seconds: float, fetch: FetchSettings) -> None:
    """Analyse files, directories, JSON Lines, web pages, feeds, WARC archives and
    http(s) URLs of any of them into the store.

    Processing the same input twice changes nothing; an interrupted run, started
    again, goes on where it stopped.

    \b
    Example:
        newsgraph run examples/ --db news.duckdb --workers 2
        newsgraph run https://example.org/world/rss.xml
    """
    with Store(db) as store, Fetcher(fetch) as fetcher:
        engine = make_engine(runtime, model, workers, dask_address)
        with progress_bar(count_articles(inputs)) as bar:
            summary = run(iter_inputs(inputs, fetcher), engine, store, published, source,
                          on_result=lambda _: bar.update(1), commit_seconds=commit_seconds)
    for line in summary.lines():
        click.echo(for_terminal(line))
    click.echo(f"store: {db}")
    sys.exit(0 if summary.processed else 2)


class Duration(click.ParamType):
    """A time span: ``90`` or ``90s``, ``15m``, ``2h``, ``1d``; in seconds."""

    name = "DURATION"
    UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> float:
        if isinstance(value, int | float):
            return float(value)
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(value).lower())
        if not match:
            self.fail(f"{value!r} is not a duration such as 30s, 15m or 1h", param, ctx)
        return float(match.group(1)) * self.UNITS[match.group(2)]


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by the first Ctrl-C or SIGTERM (a second Ctrl-C interrupts at once);
    the previous handlers are back afterwards."""
    stop = threading.Event()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def request_stop(signum: int, frame: object) -> None:
        click.echo("newsgraph: stopping after the item in hand (Ctrl-C again to interrupt)",
                   err=True)
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    for sig in previous:
        signal.signal(sig, request_stop)
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@cli.command(name="watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", type=Duration(), default="15m", show_default=True,
              help="Time between polls: 30s, 15m, 1h…")
@click.option("--cycles", type=click.IntRange(min=1), default=None,
              help="Stop after this many polls (default: until Ctrl-C or SIGTERM).")
@db_option
@model_option
@fetch_options
@click.pass_obj
@reports_errors
def watch_command(runtime: Runtime, feeds: tuple[str, ...], every: float, cycles: int | None,
                  db: str, model: str | None, fetch: FetchSettings) -> None:
    """Poll feeds and analyse only the items not seen before, into the store.

    An item is seen when its link or id is stored (it is not fetched again) or its
    text is (it is not analysed again). A feed that is down or malformed is reported
    in that poll's one log line and tried again at the next. Ctrl-C or SIGTERM stops
    after the item in hand, with everything analysed committed.

    \b
    Example:
        newsgraph watch https://example.org/world/rss.xml --every 15m --db news.duckdb
    """
    pipeline = runtime.pipeline_for(model)

    def report(cycle: Cycle) -> None:
        click.echo(f"newsgraph: {for_terminal(cycle.line())}", err=True)

    with Store(db) as store, stop_on_signals() as stop:
        done = watch(list(feeds), pipeline, store, fetch, every, stop, cycles, report)
    click.echo(f"newsgraph: watch ended after {done} poll(s); store: {db}", err=True)


def make_engine(runtime: Runtime, model: str | None, workers: int,
                dask_address: str | None) -> Engine | Pipeline:
    """Where articles are analysed: a Dask cluster, worker processes, or this process."""
    if dask_address:
        from newsgraph.run.dask import DaskEngine

        return DaskEngine(dask_address, model)
    if workers > 1:
        return ProcessEngine(workers, model)
    # this process analyses the whole run, as a worker would: model and knowledge frozen
    return settled(runtime.pipeline_for(model))


def progress_bar(total: int | None) -> Any:
    """Articles done, articles/s and time left, on stderr."""
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True,
                mininterval=0.5)


# --- listings: options generated from the store's one filter table -----------------
LISTING_EXAMPLES = {
    "articles": "newsgraph articles --since 2020-01-01 --format csv",
    "entities": "newsgraph entities --type PERSON --code USA",
    "events": "newsgraph events --actor RUS --plover CONSULT",
    "quotes": "newsgraph quotes --speaker Price",
}


class FilterValue(click.ParamType):
    """A filter's value, parsed and validated by the filter itself before any work."""

    def __init__(self, item: Filter) -> None:
        self.item = item
        self.name = item.type.name

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:
        try:
            return self.item.parse(value)
        except FilterError as error:
            self.fail(str(error).split(": ", 1)[-1], param, ctx)


def filter_option(item: Filter) -> Callable:
    return click.option(f"--{item.name.replace('_', '-')}", item.name, type=FilterValue(item),
                        metavar=item.type.name, help=item.help)


def listing_command(kind: str) -> click.Command:
    """``newsgraph KIND``: stored records of one kind, with the filters the store declares."""

    @db_option
    @output_options
    @reports_errors
    def command(db: str, fmt: str, limit: int, grouped: bool = False, **filters: Any) -> None:
        with Store(db, read_only=True) as store:
            if grouped:
                columns, rows = store.story_events(filters, limit)
            else:
                columns, rows = store.listing(kind, filters, limit)
        write_rows(columns, rows, fmt)

    command.__doc__ = f"List stored {kind}.\n\n\b\nExample:\n    {LISTING_EXAMPLES[kind]}"
    for item in reversed(FILTERS[kind]):
        command = filter_option(item)(command)
    if kind == "events":
        command = click.option(
            "--grouped", is_flag=True,
            help="One row per story-level event: the events with the same actors, CAMEO code "
                 "and date, across articles, with num_mentions, num_sources, num_articles, "
                 "first_seen and last_seen (copies of an article add mentions only).",
        )(command)
    return click.command(name=kind)(command)


for _kind in FILTERS:
    cli.add_command(listing_command(_kind))


def export_command() -> click.Command:
    """``newsgraph export``: the store in another format, with the events listing's filters."""

    @db_option
    @click.option("--format", "fmt", required=True, metavar="|".join(FORMATS),
                  help="gdelt: GDELT 2.0 event rows (TSV); jsonl: the output contract, one "
                       "article a line; parquet: one file per table; csv: the events table.")
    @click.option("--out", metavar="PATH",
                  help="File to write (default: stdout); for parquet, a directory.")
    @click.option("--header", is_flag=True, help="gdelt: start with a line of column names.")
    @reports_errors
    def command(db: str, fmt: str, out: str | None, header: bool, **filters: Any) -> None:
        with Store(db, read_only=True) as store, store.interruptible():
            written = export(store, fmt, out, filters, header)
        click.echo(f"newsgraph: exported {written} {UNITS[fmt]} to {for_terminal(out or '-')}",
                   err=True)

    command.__doc__ = (
        "Export the store: GDELT, JSON Lines, Parquet or CSV.\n\n"
        "Filters pick events; jsonl and parquet carry their articles whole.\n\n"
        "\b\nExample:\n    newsgraph export --format gdelt --actor RUS --out rus.tsv\n"
        "    newsgraph export --format parquet --out news-parquet/")
    for item in reversed(FILTERS["events"]):
        command = filter_option(item)(command)
    return click.command(name="export")(command)


cli.add_command(export_command())


@cli.command()
@db_option
@reports_errors
def stats(db: str) -> None:
    """Counts of everything in the store.

    \b
    Example:
        newsgraph stats --db news.duckdb
    """
    with Store(db, read_only=True) as store:
        summary = store.stats()
    click.echo(f"store: {db} (schema {summary.schema_version})")
    for table, count in summary.counts.items():
        click.echo(f"{table:>10}: {count}")
    if summary.events_by_plover:
        click.echo("events by PLOVER type: "
                   + ", ".join(f"{p} {n}" for p, n in summary.events_by_plover))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: only this machine).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000,
              show_default=True, help="Port to listen on.")
@reports_errors
def serve(db: str, host: str, port: int) -> None:
    """Serve the store read-only: the JSON API (/api, docs at /api/docs) and the
    explorer in a browser.

    \b
    Example:
        newsgraph serve --db news.duckdb --port 8000
    """
    from newsgraph.app import serve as serve_app

    serve_app(db, host, port)


# --- output formatting -------------------------------------------------------------
def write_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    """Rows as an aligned table, JSON Lines or CSV on stdout."""
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False,
                                  default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([csv_cell(value) for value in row] for row in rows)
    else:
        cells = [[_cell(v) for v in row] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
        click.echo("  ".join("-" * w for w in widths))
        for row in cells:
            click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))


def _cell(value: Any) -> str:
    text = "" if value is None else for_terminal(" ".join(str(value).split()))
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def summarise(record: dict[str, Any]) -> str:
    """A readable summary of one analysed article, for ``--format text``."""
    article = record["article"]
    if record.get("error"):
        return f"{article.get('external_id')}: error: {record['error']}\n"
    lines = [
        f"{article.get('title') or article.get('external_id') or article['id'][:12]}",
        f"  published {article.get('published')}  language {article.get('language')}"
        f"  syndicated {article.get('syndicated')}",
    ]
    if record.get("note"):
        lines.append(f"  note: {record['note']}")
    lines.append(f"  entities ({len(record['entities'])}):")
    lines += [f"    {e['name']} [{e['type']}] {e.get('code') or ''} ×{len(e['mentions'])}"
              for e in record["entities"]]
    lines.append(f"  events ({len(record['events'])}):")
    for e in record["events"]:
        target = (e.get("target") or {}).get("name") or "-"
        lines.append(f"    {e.get('date')} {e['source']['name']} -> {target}: {e['cameo']} "
                     f"{e.get('plover') or ''} ({e['factuality']})")
    lines.append(f"  quotes ({len(record['quotes'])}):")
    for q in record["quotes"]:
        speaker = (q.get("speaker") or {}).get("name") or "?"
        lines.append(f"    {speaker} [{q['kind']}]: {_cell(q['text'])}")
    lines.append(f"  places: {', '.join(p['name'] for p in record['places'])}")
    dates = ", ".join(f"{d['text']}={d['value']}" for d in record["dates"])
    lines.append(f"  dates: {dates}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Entry point of the ``newsgraph`` command."""
    try:
        cli()
    except KeyboardInterrupt:
        click.echo("newsgraph: interrupted; what was committed is kept", err=True)
        sys.exit(130)



