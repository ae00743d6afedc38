"""`newsgraph watch` against a real loopback feed: only new items are fetched and stored,
bad feeds are reported per poll, and a stop request ends it cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsgraph.cli import Runtime, cli
from newsgraph.store import Store
from tests.webdata import news_page, rss
from tests.webserver import Answer, serve

ITEMS = [
    ("wire-1", "Putin meets Khan", "/news/putin-khan", "Thu, 24 Feb 2022 09:00:00 GMT"),
    ("wire-2", "Biden announces sanctions", "/news/biden", "Fri, 25 Feb 2022 09:00:00 GMT"),
    ("wire-3", "State Department briefing", "/news/price", "Sat, 26 Feb 2022 09:00:00 GMT"),
]


@pytest.fixture
def site():
    yield from serve()


def serve_pages(site) -> None:
    site.routes["/news/putin-khan"] = Answer(body=news_page("putin-khan", "2022-02-24").encode())
    site.routes["/news/biden"] = Answer(body=news_page("biden-sanctions", "2022-02-25").encode())
    site.routes["/news/price"] = Answer(body=news_page("price-briefing", "2022-02-26").encode())


def feed_of(site, count: int) -> bytes:
    return rss([(guid, title, site.url(path), date)
                for guid, title, path, date in ITEMS[:count]]).encode()


def growing_feed(site, sizes: list[int]):
    """The feed with ``sizes[n]`` items at its n-th request (the last size after that)."""
    polls = []

    def handle(request) -> None:
        body = feed_of(site, sizes[min(len(polls), len(sizes) - 1)])
        polls.append(body)
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handle


def stored_urls(db) -> list[str]:
    with Store(db, read_only=True) as store:
        return [row[0] for row in store.query("SELECT url FROM articles ORDER BY url")[1]]


def watch(pipeline, *args: object):
    return CliRunner().invoke(cli, ["watch", *map(str, args)], obj=Runtime(pipeline),
                              catch_exceptions=False)


def test_a_feed_that_gains_an_item_between_polls_stores_exactly_the_new_item(
        site, pipeline, tmp_path):
    serve_pages(site)
    site.routes["/feed.xml"] = growing_feed(site, [1, 2])
    db = tmp_path / "news.duckdb"
    result = watch(pipeline, site.url("/feed.xml"), "--every", "0", "--cycles", "2", "--db", db,
                   "--allow-private", "--pace", "0")
    assert result.exit_code == 0, result.stderr
    assert stored_urls(db) == [site.url("/news/biden"), site.url("/news/putin-khan")]
    # the first item's page was fetched once: at the second poll it was known by its link
    assert site.paths().count("/news/putin-khan") == 1
    assert site.paths().count("/news/biden") == 1
    cycles = [line for line in result.stderr.splitlines() if ": cycle " in line]
    assert len(cycles) == 2
    assert "cycle 1 at " in cycles[0] and cycles[0].endswith(": 1 new, 0 seen, 0 problem(s)")
    assert cycles[1].endswith(": 1 new, 1 seen, 0 problem(s)")


def test_the_same_text_under_a_new_link_is_seen_and_not_stored_again(site, pipeline, tmp_path):
    serve_pages(site)
    site.routes["/news/copy"] = site.routes["/news/putin-khan"]
    site.routes["/feed.xml"] = Answer(body=rss([
        ("wire-1", "Putin meets Khan", site.url("/news/putin-khan"), "Thu, 24 Feb 2022"),
    ]).encode())
    site.routes["/other.xml"] = Answer(body=rss([
        ("other-9", "Putin meets Khan", site.url("/news/copy"), "Thu, 24 Feb 2022"),
    ]).encode())
    db = tmp_path / "news.duckdb"
    watch(pipeline, site.url("/feed.xml"), "--cycles", "1", "--db", db, "--allow-private",
          "--pace", "0")
    result = watch(pipeline, site.url("/other.xml"), "--cycles", "1", "--db", db,
                   "--allow-private", "--pace", "0")
    assert stored_urls(db) == [site.url("/news/putin-khan")]
    assert ": 0 new, 1 seen, 0 problem(s)" in result.stderr


def test_a_feed_that_is_down_or_malformed_is_reported_and_the_others_go_on(
        site, pipeline, tmp_path):
    serve_pages(site)
    site.routes["/feed.xml"] = growing_feed(site, [1])
    site.routes["/down.xml"] = Answer(503, b"maintenance")
    site.routes["/broken.xml"] = Answer(body=b"<rss><channel><title>Cut", content_type="text/xml")
    db = tmp_path / "news.duckdb"
    result = watch(pipeline, site.url("/down.xml"), site.url("/broken.xml"),
                   site.url("/feed.xml"), "--every", "0", "--cycles", "2", "--db", db,
                   "--allow-private", "--pace", "0")
    assert result.exit_code == 0
    cycles = [line for line in result.stderr.splitlines() if ": cycle " in line]
    assert len(cycles) == 2 and "Traceback" not in result.stderr
    assert ": 1 new, 0 seen, 2 problem(s): " in cycles[0]
    assert f"{site.url('/down.xml')}: HTTP 503 Service Unavailable" in cycles[0]
    assert f"{site.url('/broken.xml')}: not a readable feed" in cycles[0]
    assert ": 0 new, 1 seen, 2 problem(s): " in cycles[1]
    assert stored_urls(db) == [site.url("/news/putin-khan")]


def test_a_page_that_keeps_failing_is_retried_after_1_2_4_polls_across_runs(
        site, pipeline, tmp_path):
    """The failure memory is the store's: a 404 page is requested at polls 1, 3 and 6 (it
    waits 1, then 2, then 4 polls), a second watch on the same store still waits, and once
    the page is back and its turn has come it is stored."""
    serve_pages(site)
    gone = "/news/biden"
    page = site.routes.pop(gone)
    site.routes["/feed.xml"] = Answer(body=feed_of(site, 2), content_type="application/rss+xml")
    db = tmp_path / "news.duckdb"
    args = (site.url("/feed.xml"), "--every", "0", "--db", db, "--allow-private", "--pace", "0")
    result = watch(pipeline, *args, "--cycles", "6")
    assert result.exit_code == 0, result.stderr
    assert site.paths().count(gone) == 3
    assert site.paths().count("/news/putin-khan") == 1
    cycles = [line for line in result.stderr.splitlines() if ": cycle " in line]
    failed = f"{site.url('/feed.xml')}#2: {site.url(gone)}: HTTP 404 Not Found"
    assert [failed in line for line in cycles] == [True, False, True, False, False, True]
    waiting = ", 1 failing item(s) left for a later poll"
    assert [line.endswith(waiting) for line in cycles] == [False, True, False, True, True,
                                                           False]
    assert cycles[1].endswith(": 0 new, 1 seen, 0 problem(s)" + waiting)
    with Store(db, read_only=True) as store:
        assert store.query("SELECT link, failures, wait, reason FROM fetch_failures")[1] == [
            (site.url(gone), 3, 4, f"{site.url(gone)}: HTTP 404 Not Found")]

    watch(pipeline, *args, "--cycles", "1")  # poll 7: waits (3 more to go)
    assert site.paths().count(gone) == 3
    site.routes[gone] = page
    result = watch(pipeline, *args, "--cycles", "4")  # polls 8-10 wait, 11 fetches
    assert site.paths().count(gone) == 4
    assert stored_urls(db) == [site.url(gone), site.url("/news/putin-khan")]
    assert result.stderr.count(waiting) == 3 and ": 1 new, 1 seen, 0 problem(s)" in result.stderr


def test_a_link_in_two_feeds_is_fetched_once_a_poll_and_waits_once(site, pipeline, tmp_path):
    serve_pages(site)
    gone = "/news/biden"
    del site.routes[gone]
    for name in ("/feed.xml", "/mirror.xml"):
        site.routes[name] = Answer(body=feed_of(site, 2), content_type="application/rss+xml")
    db = tmp_path / "news.duckdb"
    result = watch(pipeline, site.url("/feed.xml"), site.url("/mirror.xml"), "--every", "0",
                   "--cycles", "3", "--db", db, "--allow-private", "--pace", "0")
    assert result.exit_code == 0, result.stderr
    assert site.paths().count("/news/putin-khan") == 1
    assert site.paths().count(gone) == 2  # polls 1 and 3: it waited poll 2 out, once
    cycles = [line for line in result.stderr.splitlines() if ": cycle " in line]
    assert cycles[0].endswith(f": 1 new, 2 seen, 1 problem(s): {site.url('/feed.xml')}#2: "
                              f"{site.url(gone)}: HTTP 404 Not Found")


def test_sigterm_during_a_poll_stops_after_the_item_in_hand(site, pipeline, tmp_path):
    serve_pages(site)
    site.routes["/feed.xml"] = Answer(body=feed_of(site, 3))
    biden = site.routes["/news/biden"]

    def stop_while_serving(request) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # as a service manager would, mid-poll
        site.routes["/news/biden"] = biden
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(len(biden.body)))
        request.end_headers()
        request.wfile.write(biden.body)

    site.routes["/news/biden"] = stop_while_serving
    db = tmp_path / "news.duckdb"
    result = watch(pipeline, site.url("/feed.xml"), "--every", "1h", "--db", db,
                   "--allow-private", "--pace", "0")
    assert result.exit_code == 0
    assert "(stopped)" in result.stderr and "watch ended after 1 poll(s)" in result.stderr
    # the item before the signal is stored whole; the rest waits for the next watch
    assert stored_urls(db) == [site.url("/news/putin-khan")]
    assert "/news/price" not in site.paths()
    again = watch(pipeline, site.url("/feed.xml"), "--cycles", "1", "--db", db,
                  "--allow-private", "--pace", "0")
    assert ": 2 new, 1 seen, 0 problem(s)" in again.stderr
    assert len(stored_urls(db)) == 3


def test_sigterm_between_polls_ends_the_process_cleanly(site, tmp_path):
    serve_pages(site)
    site.routes["/feed.xml"] = Answer(body=feed_of(site, 1))
    db = tmp_path / "news.duckdb"
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "watch", site.url("/feed.xml"), "--every", "1h",
         "--db", str(db), "--allow-private", "--pace", "0"],
        stderr=subprocess.PIPE, text=True)
    try:
        first = ""
        while ": cycle 1 at " not in first:  # the first poll's line: now it sleeps
            first = process.stderr.readline()
            assert first, "watch ended before its first poll"
        process.send_signal(signal.SIGTERM)
        rest = process.communicate(timeout=60)[1]
    finally:
        process.kill()
    assert ": cycle 1 at " in first and first.rstrip().endswith("1 new, 0 seen, 0 problem(s)")
    assert process.returncode == 0
    assert "watch ended after 1 poll(s)" in rest and "Traceback" not in rest
    assert stored_urls(db) == [site.url("/news/putin-khan")]


def test_a_bad_interval_is_refused_before_any_work(tmp_path):
    result = CliRunner().invoke(cli, ["watch", "http://example.org/feed", "--every", "soon",
                                      "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "'soon' is not a duration such as 30s, 15m or 1h" in result.stderr
    assert not (tmp_path / "x.duckdb").exists()
