"""URLs as inputs, end to end against a real loopback server: `run` on a feed, a page and a
WARC stores the articles with titles and dates, once; bad URLs are one line each."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import Runtime, cli
from newsgraph.store import Store
from tests.webdata import bare_page, news_page, news_warc, rss
from tests.webserver import Answer, cut_short, endless, redirect, serve, slow

MB = 1024 * 1024


@pytest.fixture
def site():
    yield from serve()


@pytest.fixture
def newsgraph(pipeline):
    """``newsgraph(*args)``: the command line in-process with the session's Pipeline."""

    def invoke(*args: object):
        return CliRunner(env={"NEWSGRAPH_WORKERS": "1"}).invoke(
            cli, [str(a) for a in args], obj=Runtime(pipeline), catch_exceptions=False)

    return invoke


def stored(db) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.query("SELECT url, title, published, source FROM articles ORDER BY url")[1]


def serve_news(site) -> None:
    site.routes["/news/putin-khan"] = Answer(body=news_page("putin-khan", "2022-02-24").encode())
    site.routes["/news/biden"] = Answer(body=bare_page("biden-sanctions").encode())
    site.routes["/feed.xml"] = Answer(body=rss([
        ("wire-1", "Putin meets Khan (wire)", site.url("/news/putin-khan"),
         "Thu, 24 Feb 2022 09:00:00 GMT"),
        ("wire-2", "Biden announces sanctions", site.url("/news/biden"),
         "Sat, 26 Feb 2022 18:00:00 GMT"),
    ]).encode(), content_type="application/rss+xml")
    site.routes["/price.html"] = Answer(body=news_page("price-briefing").encode())
    site.routes["/crawl.warc.gz"] = Answer(body=news_warc(), content_type="application/warc")


def test_run_on_a_feed_a_page_and_a_warc_stores_them_once(site, newsgraph, tmp_path):
    serve_news(site)
    db = tmp_path / "news.duckdb"
    urls = [site.url(path) for path in ("/feed.xml", "/price.html", "/crawl.warc.gz")]
    first = newsgraph("run", *urls, "--db", db, "--allow-private", "--pace", "0")
    assert first.exit_code == 0, first.stdout + first.stderr
    assert "articles: 6 new, 0 updated, 0 unchanged, 0 skipped" in first.stdout
    assert stored(db) == [
        # the page's own title and date win; the bare page takes the feed item's
        (site.url("/news/biden"), "Biden announces sanctions", "2022-02-26",
         f"127.0.0.1:{site.port}"),
        (site.url("/news/putin-khan"), "Putin meets Khan in Moscow", "2022-02-24",
         f"127.0.0.1:{site.port}"),
        (site.url("/price.html"), "State Department briefing", None, f"127.0.0.1:{site.port}"),
        # the archive's pages: their capture day when they have no date of their own
        ("http://news.test/biden-sanctions", "Biden announces sanctions", "2022-02-25",
         "news.test"),
        ("http://news.test/price-briefing", "State Department briefing", "2022-02-25",
         "news.test"),
        ("http://news.test/putin-khan", "Putin meets Khan in Moscow", "2022-02-24", "news.test"),
    ]
    again = newsgraph("run", *urls, "--db", db, "--allow-private", "--pace", "0")
    assert "articles: 0 new, 0 updated, 6 unchanged, 0 skipped" in again.stdout
    assert len(stored(db)) == 6


def test_bad_urls_are_one_line_each_and_the_run_goes_on(site, newsgraph, tmp_path):
    serve_news(site)
    other_port = site.port + 1 if site.port < 65535 else 1
    site.routes.update({
        "/broken.xml": Answer(body=b"<rss><channel><title>Cut off", content_type="text/xml"),
        "/cut.html": cut_short(news_page("putin-khan").encode()[:120], declared=2000),
        "/cut.warc.gz": Answer(body=news_warc()[:-200], content_type="application/warc"),
        "/slow": slow(3),
        "/missing": Answer(404, b"gone"),
        "/error": Answer(500, b"oops"),
        "/huge": endless(50 * MB, declare=False),
        "/to-loopback": redirect(f"http://127.0.0.1:{other_port}/admin"),
        "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    })
    bad = ["/broken.xml", "/cut.html", "/cut.warc.gz", "/slow", "/missing", "/error", "/huge",
           "/to-loopback", "/to-metadata"]
    db = tmp_path / "news.duckdb"
    # The server's own origin is allowed by name; loopback and private addresses are not.
    result = newsgraph("run", *[site.url(p) for p in bad], site.url("/price.html"), "--db", db,
                       "--allow-host", f"127.0.0.1:{site.port}", "--timeout", "0.5",
                       "--pace", "0")
    assert result.exit_code == 0
    assert "Traceback" not in result.stdout + result.stderr
    skipped = [line for line in result.stdout.splitlines() if line.startswith("skipped ")]
    url = site.url
    assert skipped == [
        f"skipped {url('/broken.xml')}: not a readable feed "
        + skipped[0].split("not a readable feed ", 1)[1],
        f"skipped {url('/cut.html')}: body cut short or garbled "
        + skipped[1].split("garbled ", 1)[1],
        f"skipped {url('/cut.warc.gz')}#10: archive is truncated or damaged here; the records "
        "before it are kept (TruncatedGzip)",
        f"skipped {url('/slow')}: timed out after 0.5 s",
        f"skipped {url('/missing')}: HTTP 404 Not Found",
        f"skipped {url('/error')}: HTTP 500 Internal Server Error",
        f"skipped {url('/huge')}: body is over the 10,485,760-byte limit",
        f"skipped {url('/to-loopback')}: redirected to http://127.0.0.1:{other_port}/admin: "
        "127.0.0.1 is a loopback address: refused (--allow-private allows it)",
        f"skipped {url('/to-metadata')}: redirected to http://169.254.169.254/latest/meta-data/: "
        "169.254.169.254 is a cloud metadata address: refused (--allow-private allows it)",
    ]
    # what came before the cut in the archive, and the good page after all the bad ones
    assert [row[0] for row in stored(db)] == [
        url("/price.html"), "http://news.test/biden-sanctions", "http://news.test/putin-khan"]
    assert "169.254.169.254" not in " ".join(site.paths())


def test_a_feed_item_whose_page_fails_is_one_line_and_the_feed_goes_on(site, newsgraph,
                                                                       tmp_path):
    serve_news(site)
    site.routes["/feed.xml"] = Answer(body=rss([
        ("wire-0", "Gone", site.url("/news/gone"), "Thu, 24 Feb 2022 08:00:00 GMT"),
        ("wire-1", "Putin meets Khan", site.url("/news/putin-khan"),
         "Thu, 24 Feb 2022 09:00:00 GMT"),
    ]).encode())
    db = tmp_path / "news.duckdb"
    result = newsgraph("run", site.url("/feed.xml"), "--db", db, "--allow-private",
                       "--pace", "0")
    assert f"skipped {site.url('/feed.xml')}#1: {site.url('/news/gone')}: HTTP 404 Not Found" \
        in result.stdout
    assert [row[0] for row in stored(db)] == [site.url("/news/putin-khan")]


def test_extract_on_a_page_url_prints_its_analysis(site, newsgraph):
    serve_news(site)
    result = newsgraph("extract", site.url("/news/putin-khan"), "--allow-private", "--pace", "0")
    assert result.exit_code == 0, result.stderr
    (line,) = [json.loads(text) for text in result.stdout.splitlines()]
    assert (line["article"]["url"], line["article"]["title"], line["article"]["published"]) == (
        site.url("/news/putin-khan"), "Putin meets Khan in Moscow", "2022-02-24")
    assert {"Vladimir Putin", "Imran Khan"} <= {e["name"] for e in line["entities"]}


def test_extract_on_a_loopback_url_without_permission_is_one_line(site, newsgraph):
    serve_news(site)
    result = newsgraph("extract", site.url("/news/putin-khan"))
    assert result.exit_code == 2 and site.requests == []
    assert result.stderr.strip().splitlines()[0] == (
        f"newsgraph: skipped {site.url('/news/putin-khan')}: 127.0.0.1 is a loopback address: "
        "refused (--allow-private allows it)")
