"""The explorer in a real browser: Playwright driving Debian's chromium (never a
downloaded browser) against the app served on loopback over a store built from
examples/ plus one article full of markup. Screenshots go to test-artifacts/."""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
SEED_ID = "b375f0d6955782303b62ca442d14d8f78ee4dd28f14c53a01c26b7fa00201986"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent: apt-get install -y chromium (.ci/run does)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where chromium's sandbox refuses to start
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_putin_opens_the_seed_article_with_ned_prices_quote_marked(page, explorer_url):
    page.goto(explorer_url + "/")
    page.fill("input[name=search]", "Putin")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"search=Putin"))
    page.click(f"a.article-link[href^='/articles/{SEED_ID}']")
    page.wait_for_url(re.compile(SEED_ID))
    quote = page.locator(".hl.quote[title*='by Ned Price']",
                         has_text="responsibility of every responsible country").first
    quote.wait_for()
    background = quote.evaluate("node => getComputedStyle(node).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    quote.hover()
    tip = page.locator("#tip")
    assert tip.is_visible() and "Ned Price" in tip.inner_text()
    shot(page, "article-seed-price-quote")


def test_clicking_an_event_row_shows_its_evidence_sentence(page, explorer_url):
    page.goto(explorer_url + "/events?search=Kremlin&actor=PAK")
    row = page.locator("tr.event-row").first
    evidence = page.locator(f"#evidence-{row.get_attribute('data-event')}")
    assert not evidence.is_visible()
    row.click()
    assert evidence.is_visible()
    assert "Vladimir Putin met Pakistan Prime Minister Imran Khan in the Kremlin" in \
        evidence.inner_text()
    assert row.get_attribute("aria-expanded") == "true"
    shot(page, "events-evidence-open")


def test_network_shows_pakistan_and_russia_linked_by_cooperation(page, explorer_url):
    page.goto(explorer_url + "/network")
    for label in ("Pakistan", "Russia"):
        assert page.locator(f"g.node[data-label='{label}'] circle").is_visible()
    link = page.locator("path.edge[data-source='PAK'][data-target='RUS']")
    assert "cooperation" in link.get_attribute("class")
    assert float(link.get_attribute("stroke-width")) > 1
    shot(page, "network")


def test_map_has_a_point_at_moscow(page, explorer_url):
    page.goto(explorer_url + "/map")
    moscow = page.locator("circle.place[data-name='Moscow']")
    assert moscow.is_visible()
    x, y = float(moscow.get_attribute("cx")), float(moscow.get_attribute("cy"))
    assert (round(x), round(y)) == (round(37.62 + 180), round(90 - 55.75))
    assert page.locator("svg.map path.land").count() > 150
    shot(page, "map")


def test_timeline_stacks_the_seed_day_by_quad_class(page, explorer_url):
    page.goto(explorer_url + "/timeline?country=RUS")
    day = page.locator("g.day[data-date='2022-02-24']")
    assert day.locator("rect.q1").count() == 1 and day.locator("rect.q4").count() == 1
    shot(page, "timeline-rus")


def test_filters_stay_in_the_url_from_view_to_view(page, explorer_url):
    page.goto(explorer_url + "/network?country=PAK&quad_class=1")
    assert page.input_value("input[name=country]") == "PAK"
    page.click("header nav a:has-text('Map')")
    page.wait_for_url(re.compile(r"/map\?country=PAK&quad_class=1"))
    assert page.locator("circle.place[data-name='Moscow']").is_visible()
    assert page.locator("select[name=quad_class]").input_value() == "1"


def test_article_markup_is_shown_as_text_never_run(page, explorer_url):
    query = urllib.parse.urlencode({"search": "onerror"})
    with urllib.request.urlopen(f"{explorer_url}/api/articles?{query}", timeout=30) as answer:
        (hostile,) = json.loads(answer.read())["items"]
    page.goto(f"{explorer_url}/articles/{hostile['id']}")
    text = page.locator("#text").inner_text()
    assert "<script>document.title='pwned'</script>" in text
    assert "onerror=" in text
    assert page.title() != "pwned"
    assert page.evaluate("document.body.dataset.pwned") is None
    assert page.locator("#text img, #text script").count() == 0
    shot(page, "article-markup-as-text")
