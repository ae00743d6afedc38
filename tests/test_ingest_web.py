"""Web inputs from files: HTML pages and RSS/Atom feeds, recognised by their content."""

from __future__ import annotations

import html
import json
from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli import Runtime, cli
from newsgraph.ingest import InputProblem, RawArticle, count_articles, iter_inputs
from tests.conftest import SEED_ARTICLE, SEED_PUBLISHED

BOILERPLATE_NAV = "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | Subscribe now</nav>"
BOILERPLATE_FOOT = (
    "<footer><p>Copyright 2022 Example News. All rights reserved.</p>"
    "<p>Sign up for our newsletter to get the latest headlines.</p></footer>"
)


def seed_parts() -> tuple[str, list[str]]:
    lines = [line.strip() for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines()]
    paragraphs = [line for line in lines if line]
    return paragraphs[0], paragraphs[1:]


def seed_page() -> str:
    """The seed article as a news site would serve it: headline, paragraphs, site chrome."""
    title, paragraphs = seed_parts()
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><title>" + html.escape(title) + " | Example News</title>"
        "<meta property='og:title' content='" + html.escape(title, quote=True) + "'>"
        "</head><body>" + BOILERPLATE_NAV +
        "<article><h1>" + html.escape(title) + "</h1>" + body + "</article>"
        "<aside><h3>Most read</h3><ul><li><a href='/a'>Ten tips for summer</a></li></ul></aside>"
        + BOILERPLATE_FOOT + "</body></html>"
    )


def words(text: str) -> list[str]:
    return text.split()


def test_seed_article_in_boilerplate_extracts_to_the_same_text(tmp_path):
    path = tmp_path / "page.bin"  # recognised by content, not by its name
    path.write_text(seed_page(), encoding="utf-8")
    (article,) = list(iter_inputs([path]))
    assert isinstance(article, RawArticle)
    assert words(article.text) == words(SEED_ARTICLE.read_text(encoding="utf-8"))
    assert article.title == seed_parts()[0]
    assert "newsletter" not in article.text and "Subscribe" not in article.text


def test_seed_article_in_boilerplate_gives_the_same_events(tmp_path, pipeline, seed_analysis):
    path = tmp_path / "page.html"
    path.write_text(seed_page(), encoding="utf-8")
    (raw,) = list(iter_inputs([path]))
    article = pipeline.make_article(raw.text, published=SEED_PUBLISHED)
    result = pipeline.analyse(article).to_dict()

    def events(analysis: dict) -> list[tuple]:
        # Offsets differ with the layout; the act, its actors and its sentence must not.
        return [(e["cameo"], e["source"]["name"], (e["target"] or {}).get("name"),
                 " ".join(e["sentence"].split())) for e in analysis["events"]]

    assert result["events"] and events(result) == events(seed_analysis)


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title><link>http://example.test/</link>
<item><title>Putin meets Khan</title><link>http://example.test/a</link>
<guid>wire-1</guid><pubDate>Thu, 24 Feb 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan
in the Kremlin on Thursday.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>http://example.test/b</link><description></description></item>
<item><title>Biden sanctions Russia</title><link>http://example.test/c</link>
<description>US President Joe Biden imposed sanctions on Russia.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Price speaks</title><id>urn:x:1</id><updated>2022-02-24T12:00:00Z</updated>
<link href="http://example.test/p"/>
<content type="html">&lt;p&gt;Ned Price said the US has communicated its position.&lt;/p&gt;
</content>
</entry></feed>"""


def test_rss_feed_gives_one_article_per_entry_and_one_problem_for_an_empty_one(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_text(RSS, encoding="utf-8")
    first, empty, last = list(iter_inputs([path]))
    assert isinstance(first, RawArticle)
    assert " ".join(first.text.split()) == (
        "Putin meets Khan Russian President Vladimir Putin met Pakistan Prime Minister "
        "Imran Khan in the Kremlin on Thursday.")
    assert (first.external_id, first.url, first.source) == (
        "wire-1", "http://example.test/a", "Example Wire")
    assert first.published == "2022-02-24"
    assert isinstance(empty, InputProblem) and str(empty) == f"{path}#2: feed entry holds no text"
    assert isinstance(last, RawArticle) and "imposed sanctions on Russia" in last.text


def test_atom_feed_entry_content(tmp_path):
    path = tmp_path / "atom.feed"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = list(iter_inputs([path]))
    assert " ".join(entry.text.split()) == (
        "Price speaks Ned Price said the US has communicated its position.")
    assert (entry.external_id, entry.source) == ("urn:x:1", "Atom Wire")


def test_html_without_article_text_is_one_problem_and_the_directory_goes_on(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><script>var page = 1;</script></head><body></body></html>")
    (tmp_path / "b.html").write_text(seed_page(), encoding="utf-8")
    first, second = list(iter_inputs([tmp_path]))
    assert str(first) == f"{tmp_path / 'a.html'}: HTML page holds no article text"
    assert isinstance(second, RawArticle)


def test_broken_feed_is_one_problem(tmp_path):
    path = Path(tmp_path / "broken.rss")
    path.write_text("<rss><channel><title>Cut off", encoding="utf-8")
    (problem,) = list(iter_inputs([path]))
    assert isinstance(problem, InputProblem) and problem.origin == str(path)


def test_a_feed_file_counts_one_article_per_entry(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_text(RSS, encoding="utf-8")
    assert count_articles([path]) == 3


def test_extract_on_a_feed_file_prints_one_line_per_entry(tmp_path, pipeline):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)], obj=Runtime(pipeline),
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["article"]["external_id"] for line in lines] == [
        "wire-1", "http://example.test/b", "http://example.test/c"]
    assert lines[1]["error"] == f"{path}#2: feed entry holds no text"
