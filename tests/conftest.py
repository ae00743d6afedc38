"""Shared fixtures: the real model, loaded once; the real ../shared folder when present."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
# The mission's example article ships in examples/ (identical to ../shared/corpus/seed).
SEED_ARTICLE = REPO / "examples" / "seed-article.txt"
SEED_PUBLISHED = "2022-02-24"


def shared_file(relative: str) -> Path:
    """A file from ../shared, or skip the test with the reason when a clone has none."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared folder beside the repo")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


def invoke_with(pipeline: Pipeline, *args: object):
    """Run ``newsgraph ARGS…`` in-process with an already built Pipeline."""
    from click.testing import CliRunner

    from newsgraph.cli import Runtime, cli

    return CliRunner(env={"NEWSGRAPH_WORKERS": "1"}).invoke(
        cli, [str(a) for a in args], obj=Runtime(pipeline), catch_exceptions=False)


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline):
    return pipeline.nlp


def analyser(pipeline: Pipeline):
    """A function that analyses a text with ``pipeline`` and returns the contract dict."""

    def run(text: str, published: str | None = None, source: str | None = None) -> dict:
        article = pipeline.make_article(text, published=published, source=source)
        return pipeline.analyse(article).to_dict()

    return run


@pytest.fixture
def analyse(pipeline: Pipeline):
    """Analyse a text (a sentence or an article) with the real model; returns the contract dict."""
    return analyser(pipeline)


@pytest.fixture(scope="session")
def every_reading(pipeline: Pipeline, tmp_path_factory) -> Pipeline:
    """The pipeline with the event confidence floor lowered to 0.01: it stores every event
    the coder reads, so tests of how an event is read (its sense, its factuality) do not
    depend on whether its confidence clears the default floor."""
    from newsgraph.extract.events.confidence import FILE
    from newsgraph.knowledge import DEFAULT_DIRECTORY, Knowledge

    copy = tmp_path_factory.mktemp("knowledge") / "knowledge"
    shutil.copytree(DEFAULT_DIRECTORY, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    weights = copy / FILE
    lowered = weights.read_text(encoding="utf-8").replace("floor\t-\t0.3\t", "floor\t-\t0.01\t")
    assert lowered != weights.read_text(encoding="utf-8"), "no floor row of 0.3 to lower"
    weights.write_text(lowered, encoding="utf-8")
    return Pipeline(nlp=pipeline.nlp, knowledge=Knowledge(copy))


@pytest.fixture
def analyse_every(every_reading: Pipeline):
    """``analyse`` with every event the coder reads (``every_reading``)."""
    return analyser(every_reading)


@pytest.fixture
def read_context(pipeline: Pipeline):
    """Parse a text once and read its context (entities, actors, pronouns), for tests that
    run one extractor on it: a change to places cannot break an event test."""

    def read(text: str, published: str | None = None):
        article = pipeline.make_article(text, published=published)
        return pipeline.read_context(pipeline.nlp(text), article)

    return read


def extract_only(read_context, kind: str):
    """A runner like ``analyse`` that, after the one parse and the entities and actors steps,
    runs only the ``kind`` extractor (quotes, places or dates); the other lists stay empty."""
    from newsgraph.extract import dates, places, quotes
    from newsgraph.model import Analysis

    extractors = {
        "quotes": quotes.extract_quotes,
        "places": places.extract_places,
        "dates": dates.extract_dates,
    }

    def run(text: str, published: str | None = None) -> dict:
        context = read_context(text, published=published)
        found = {kind: extractors[kind](context)}
        return Analysis(context.article, context.entities, **found).to_dict()

    return run


@pytest.fixture(scope="session")
def seed_analysis(pipeline: Pipeline) -> dict:
    """The mission's example article, analysed once per session."""
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    article = pipeline.make_article(text, published=SEED_PUBLISHED)
    return pipeline.analyse(article).to_dict()


EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def examples_run(tmp_path_factory, pipeline: Pipeline):
    """``newsgraph run examples/`` once per session into a real store: (the store, the
    command's result). Tests only read that store; one that writes works on a copy."""
    db = tmp_path_factory.mktemp("examples-store") / "examples.duckdb"
    result = invoke_with(pipeline, "run", EXAMPLES, "--db", db)
    assert result.exit_code == 0, result.stderr
    return db, result


@pytest.fixture(scope="session")
def examples_db(examples_run) -> Path:
    """The store examples/ was run into once per session (read-only)."""
    return examples_run[0]


def copy_store(db: Path, folder: Path) -> Path:
    """A copy of a closed store file in ``folder``, for a test that writes to it."""
    return Path(shutil.copy(db, folder / db.name))


# --- the explorer: examples/ plus a hostile article in a store, served on loopback -------
HOSTILE_TITLE = "Markup in a news text"
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\n"
    "The minister said the page showed <script>document.title='pwned'</script> and "
    "<img src=x onerror=\"document.body.dataset.pwned='yes'\"> in its comments on Monday.\n"
)


@pytest.fixture(scope="session")
def explorer_db(tmp_path_factory, pipeline: Pipeline, examples_db: Path) -> Path:
    """examples/ (the session's store, copied) and one article full of markup run into it:
    a store the API and browser tests only read."""
    from newsgraph.ingest import iter_inputs
    from newsgraph.run import run
    from newsgraph.store import Store

    folder = tmp_path_factory.mktemp("explorer")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    db = copy_store(examples_db, folder)
    with Store(db) as store:
        summary = run(iter_inputs([hostile]), pipeline, store)
        assert summary.processed == 1 and store.counts()["articles"] == 22
    return db


@pytest.fixture(scope="session")
def explorer_url(explorer_db: Path):
    """The app over ``explorer_db``, served by uvicorn on a free loopback port in a thread."""
    import socket
    import threading
    import time

    import uvicorn

    from newsgraph.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(explorer_db), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the explorer server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
