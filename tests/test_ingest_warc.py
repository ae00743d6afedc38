"""WARC archives: each HTML response is an article with its URL and capture date; a cut
archive keeps the records before the cut and says so in one line."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import Runtime, cli
from newsgraph.ingest import InputProblem, RawArticle, count_articles, iter_inputs
from newsgraph.ingest.warc import iter_warc
from newsgraph.store import Store
from tests.webdata import STORIES, news_page, news_warc, warc_with_ends


def articles(items: list) -> list[RawArticle]:
    return [item for item in items if isinstance(item, RawArticle)]


@pytest.mark.parametrize(("name", "gzip"), [
    ("crawl.warc.gz", True), ("crawl.warc", False), ("capture.bin", True), ("capture", False),
])
def test_each_html_response_is_an_article_with_its_url_and_date(tmp_path, name, gzip):
    path = tmp_path / name  # recognised by content, whatever the name
    path.write_bytes(news_warc(gzip=gzip))
    items = list(iter_inputs([path]))
    assert all(isinstance(item, RawArticle) for item in items)  # image, 404, requests: none
    assert [(a.url, a.title, a.published) for a in items] == [
        ("http://news.test/putin-khan", "Putin meets Khan in Moscow", "2022-02-24"),
        # no date of its own: the day it was captured
        ("http://news.test/biden-sanctions", "Biden announces sanctions", "2022-02-25"),
        ("http://news.test/price-briefing", "State Department briefing", "2022-02-25"),
    ]
    title, body = STORIES["biden-sanctions"]
    assert items[1].text == f"{title}\n\n{body}"
    assert items[1].origin == f"{path}#6"


def test_a_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(news_warc()[:-200])  # inside the last response
    *kept, problem = list(iter_inputs([path]))
    assert [a.url for a in kept] == ["http://news.test/putin-khan",
                                     "http://news.test/biden-sanctions"]
    assert isinstance(problem, InputProblem)
    assert str(problem).startswith(f"{path}#10: archive is truncated or damaged here")


def test_a_directory_walk_takes_warc_archives(tmp_path):
    (tmp_path / "crawl.WARC.GZ").write_bytes(news_warc())
    (tmp_path / "notes.gz").write_bytes(b"\x1f\x8b")  # not an input kind: skipped
    assert len(articles(list(iter_inputs([tmp_path])))) == 3


def test_a_warc_counts_as_unknown_for_the_progress_bar(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(news_warc())
    assert count_articles([path]) is None


def test_run_stores_the_archive_and_reports_the_cut_in_one_line(tmp_path, pipeline):
    whole, cut = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    whole.write_bytes(news_warc())
    cut.write_bytes(news_warc(gzip=True)[:-200])
    db = tmp_path / "news.duckdb"
    runner = CliRunner(env={"NEWSGRAPH_WORKERS": "1"})
    result = runner.invoke(cli, ["run", str(cut), str(whole), "--db", str(db)],
                           obj=Runtime(pipeline), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    (problem,) = [line for line in result.stdout.splitlines() if "truncated" in line]
    assert problem.startswith(f"skipped {cut}#10: archive is truncated or damaged here")
    assert "Traceback" not in result.stderr
    with Store(db, read_only=True) as store:
        _, rows = store.query("SELECT url, published FROM articles ORDER BY url")
    # the two records before the cut, and the whole archive's three (the same texts and URLs)
    assert rows == [("http://news.test/biden-sanctions", "2022-02-25"),
                    ("http://news.test/price-briefing", "2022-02-25"),
                    ("http://news.test/putin-khan", "2022-02-24")]


def test_extract_on_a_warc_prints_one_line_per_article(tmp_path, pipeline):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(news_warc())
    result = CliRunner().invoke(cli, ["extract", str(path)], obj=Runtime(pipeline),
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["article"]["url"] for line in lines] == [
        "http://news.test/putin-khan", "http://news.test/biden-sanctions",
        "http://news.test/price-briefing"]
    sanctions = [(e["source"]["name"], (e["target"] or {}).get("name"))
                 for e in lines[1]["events"] if e["plover"] == "SANCTION"]
    assert ("Joe Biden", "Russia") in sanctions


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_wherever_an_archive_is_cut_the_whole_records_are_kept_and_the_cut_is_one_line(gzip):
    records = [(f"http://news.test/{slug}", "text/html", 200, news_page(slug).encode())
               for slug in STORIES]
    whole, ends = warc_with_ends(records, gzip=gzip)
    pages = ends[1::2]  # where each response record ends
    for cut in [*range(1, len(whole), 17), *ends[:-1]]:
        items = list(iter_warc(io.BytesIO(whole[:cut]), "crawl"))
        complete = sum(end <= cut for end in pages)
        if cut in ends:  # a shorter archive, not a cut one
            assert len(articles(items)) == len(items) == complete, cut
            continue
        problems = [item for item in items if isinstance(item, InputProblem)]
        # A cut in a record's closing blank lines or gzip trailer leaves the record whole.
        closing = any(0 < end - cut <= 12 for end in ends)
        if closing:
            assert len(articles(items)) in (complete, complete + 1), cut
            assert len(problems) <= 1, cut
        else:
            assert len(articles(items)) == complete and len(problems) == 1, cut
        assert items[-1] is problems[0] if problems else True, cut
        assert all("truncated" in problem.reason for problem in problems), cut


def warc_response(url: str, html: bytes, declared_shift: int = 0) -> bytes:
    """One uncompressed WARC response record; ``declared_shift`` makes its Content-Length
    wrong by that many bytes."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
            f"Content-Length: {len(http) + declared_shift}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def test_a_record_longer_than_its_content_length_is_one_problem_line_not_cut_text(capfd):
    # What bench/fuzz.py made: a Content-Length 40 bytes short. warcio cut the text there
    # without a word to us and wrote the rest of the record, escapes and all, to stderr.
    page = (b"<html><head><title>Putin meets Khan</title></head><body><article><p>Russian "
            b"President Vladimir Putin met Imran Khan in Moscow on Thursday.</p>"
            b"<p>\x1b]0;pwned\x07</p></article></body></html>")
    _, body = STORIES["biden-sanctions"]
    second = f"<html><body><article><p>{body}</p></article></body></html>".encode()
    data = (warc_response("https://news.test/a", page, declared_shift=-40)
            + warc_response("https://news.test/b", second))
    items = list(iter_warc(io.BytesIO(data), "x.warc"))
    assert [str(item) for item in items if isinstance(item, InputProblem)] == [
        "x.warc#1: record's Content-Length does not match its block (damaged): skipped, "
        "the records after it are read"]
    assert [(a.url, a.text) for a in articles(items)] == [("https://news.test/b", body)]
    assert capfd.readouterr().err == ""


def test_a_target_uri_with_spaces_and_escapes_is_read_without_a_word_on_stderr(capfd, caplog):
    # bench/fuzz.py: a mutated header made warcio log the whole next block, escapes and all.
    uri = "https://news.test/a b\x1b]0;pwned\x07 " + "[" * 5000
    _, body = STORIES["biden-sanctions"]
    page = f"<html><body><article><p>{body}</p></article></body></html>".encode()
    [article] = list(iter_warc(io.BytesIO(warc_response(uri, page)), "x.warc"))
    assert article.text == body and article.url.startswith("https://news.test/a%20b")
    assert capfd.readouterr().err == ""
    assert [record.name for record in caplog.records if record.name.startswith("warcio")] == []
