"""The hostile folder: every bad input is one line, the run goes on, the seed is stored."""

from __future__ import annotations

import functools
import json
import os
import random

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import iter_path
from newsgraph.pipeline import parse_published
from tests.conftest import SEED_ARTICLE
from tests.test_cli import SENTENCE, invoke_with


@pytest.fixture
def invoke(pipeline):
    return functools.partial(invoke_with, pipeline)


def build_hostile_folder(folder):
    """The issue's hostile folder: the seed article and seven inputs that once broke a run."""
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED_ARTICLE.read_bytes())
    (folder / "long_line.txt").write_text("word " * 600_000)  # 3 MB, one line
    with (folder / "huge.jsonl").open("w") as handle:
        handle.write(json.dumps({"id": "huge", "text": "x" * 50_000_000}) + "\n")
    (folder / "surrogate.jsonl").write_text('{"id": "s", "text": "Putin spoke \\ud83d today."}\n')
    (folder / "nested.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n")
    locked = folder / "locked.jsonl"
    locked.write_text("not json\n")
    locked.chmod(0)
    (folder / "random.txt").write_bytes(random.Random(17).randbytes(4096))
    (folder / "quotes.txt").write_text('"' * 10_000)
    return folder


def test_the_hostile_folder_is_one_line_per_bad_input_and_keeps_the_seed(invoke, tmp_path):
    folder = build_hostile_folder(tmp_path / "in")
    db = tmp_path / "news.duckdb"
    result = invoke("run", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    skipped = [line for line in result.stdout.splitlines() if line.startswith("skipped ")]
    reasons = {line.split(": ", 1)[0].rsplit("/", 1)[-1]: line for line in skipped}
    assert "over the limit" in reasons["long_line.txt"]
    assert "within the limit" in reasons["huge.jsonl:1"]
    assert "nested too deeply" in reasons["nested.jsonl:1"]
    assert "binary" in reasons["random.txt"]
    if os.geteuid() != 0:  # root reads any file
        assert "cannot read" in reasons["locked.jsonl"]
    articles = invoke("articles", "--db", db, "--format", "json", "--limit", "0").stdout
    stored = {json.loads(line)["external_id"] for line in articles.splitlines()}
    assert {"seed", "s"} <= stored


def test_a_lone_surrogate_becomes_a_replacement_character_in_place(tmp_path):
    source = tmp_path / "s.jsonl"
    source.write_text('{"id": "s", "text": "Putin spoke \\ud83d today.\\u0000"}\n')
    (article,) = iter_path(source)
    assert article.text == "Putin spoke \ufffd today. "


@pytest.mark.parametrize("name", ["a.ndjson", "b.JSONL", "c.NDJSON"])
def test_json_lines_suffixes_in_any_case_are_json_lines(tmp_path, name):
    (tmp_path / name).write_text(json.dumps({"id": "x", "text": SENTENCE}) + "\n")
    (from_dir,) = iter_path(tmp_path)
    (direct,) = iter_path(tmp_path / name)
    assert from_dir.text == direct.text == SENTENCE


def test_one_bad_byte_does_not_turn_utf8_into_mojibake(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes("Zürich talks — Müller said.\n".encode() * 20 + b"\xff\n")
    (article,) = iter_path(source)
    assert "Zürich" in article.text and "Ã" not in article.text
    assert article.text.endswith("\ufffd\n")


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes(SENTENCE.encode("utf-16"))
    (article,) = iter_path(source)
    assert article.text == SENTENCE


@pytest.mark.parametrize("value", ["yesterday", "3 days ago", "today"])
def test_a_relative_published_date_is_refused(value):
    with pytest.raises(InputError, match="relative"):
        parse_published(value)


def test_a_symlinked_subdirectory_is_reported_not_skipped(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text("Putin spoke in Kyiv.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Biden spoke in Warsaw.\n")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    found = [str(item) for item in iter_path(folder)]
    assert len(found) == 3
    assert found[0].startswith("RawArticle(origin='" + str(folder / "a.txt"))
    assert found[1] == f"{folder / 'gone.txt'}: not a regular file (a broken symbolic link?)"
    assert found[2] == (f"{folder / 'linked'}: symbolic link to a directory: not followed "
                        "(give its target by name)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists every directory")
def test_an_unreadable_subdirectory_is_reported_not_skipped(tmp_path):
    folder = tmp_path / "in"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "a.txt").write_text("Biden spoke in Warsaw.\n")
    locked.chmod(0)
    try:
        found = [str(item) for item in iter_path(folder)]
    finally:
        locked.chmod(0o755)
    assert found == [f"{locked}: cannot read directory: Permission denied"]
