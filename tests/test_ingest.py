"""Ingest: text files, directories, JSON Lines, and every kind of bad input."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from newsgraph.ingest import InputProblem, RawArticle, iter_inputs

PARAGRAPH = "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in Moscow."


def only(path: Path) -> RawArticle | InputProblem:
    (result,) = list(iter_inputs([path]))
    return result


def test_text_file_keeps_whole_text_and_takes_first_line_as_headline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("\n\nPutin meets Khan\n\n" + PARAGRAPH, encoding="utf-8")
    article = only(path)
    assert article.title == "Putin meets Khan"
    assert article.text == "\n\nPutin meets Khan\n\n" + PARAGRAPH


def test_sidecar_json_supplies_metadata(tmp_path):
    (tmp_path / "story.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "story.json").write_text('{"id": "s1", "published": "2022-02-24"}')
    article = only(tmp_path / "story.txt")
    assert (article.external_id, article.published) == ("s1", "2022-02-24")


def test_cp1252_file_is_read_with_a_warning_naming_it(tmp_path, caplog):
    path = tmp_path / "windows.txt"
    path.write_bytes("Khan said: \u201cWe will go\u201d \u2013 today.".encode("cp1252"))
    with caplog.at_level(logging.WARNING):
        article = only(path)
    assert article.text == "Khan said: \u201cWe will go\u201d \u2013 today."
    assert "windows.txt" in caplog.text and "cp1252" in caplog.text


def test_latin1_fallback_decodes_undefined_cp1252_bytes(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Caf\xe9 talks \x81 ended.")
    assert only(path).text == "Café talks \x81 ended."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("nul.txt", b"abc\x00def", "binary"),
        ("controls.txt", bytes(range(1, 9)) * 50, "binary"),
    ],
)
def test_bad_text_files_are_problems_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    problem = only(path)
    assert isinstance(problem, InputProblem)
    assert reason in problem.reason and str(path) in str(problem)


def test_missing_path_is_a_problem(tmp_path):
    problem = only(tmp_path / "nope.txt")
    assert isinstance(problem, InputProblem) and "no such file" in problem.reason


def test_directory_yields_txt_and_jsonl_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text(PARAGRAPH)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": PARAGRAPH}) + "\n")
    (tmp_path / "notes.md").write_text("not an input")
    origins = [item.origin for item in iter_inputs([tmp_path])]
    assert origins == [f"{tmp_path / 'a.jsonl'}:1", str(tmp_path / "b.txt")]


def test_jsonl_lines_become_articles_or_problems_in_order(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": 1, "text": PARAGRAPH, "published": "2022-02-24", "source": "X"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "T"}),
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "text": PARAGRAPH}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(iter_inputs([path]))
    assert [type(i).__name__ for i in items] == [
        "RawArticle", "InputProblem", "InputProblem", "InputProblem", "InputProblem", "RawArticle"
    ]
    assert items[0].external_id == "1" and items[0].source == "X"
    assert items[1].origin == f"{path}:2" and "not JSON" in items[1].reason
    assert items[2].external_id == "no-text" and "no 'text'" in items[2].reason
    assert "empty" in items[3].reason
    assert "not a JSON object" in items[4].reason
