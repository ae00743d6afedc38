"""The explorer's pages over real HTTP (no browser), and the pure pieces they draw with:
highlight segments, the map projection and outline, the network layout, timeline bars."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from newsgraph.web import graphics
from newsgraph.web.highlight import Span, record_spans, segments
from newsgraph.web.views import HERE

SEED_ID = "b375f0d6955782303b62ca442d14d8f78ee4dd28f14c53a01c26b7fa00201986"


def fetch(base: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.parametrize(("path", "expected"), [
    ("/?search=Putin", "Prime Minister of Pakistan Imran Khan meets Russian President"),
    (f"/articles/{SEED_ID}", "responsibility of every responsible country"),
    ("/events?country=PAK&plover=CONSULT", "040 CONSULT"),
    ("/network?article=" + SEED_ID, 'data-label="Pakistan"'),
    ("/timeline", 'data-date="2022-02-24"'),
    ("/map", 'data-name="Moscow"'),
    ("/api/docs", "GET /api/events"),
])
def test_each_page_renders_its_records(explorer_url, path, expected):
    status, page = fetch(explorer_url, path)
    assert status == 200 and expected in page


def test_a_bad_filter_in_the_url_is_named_on_the_page(explorer_url):
    status, page = fetch(explorer_url, "/map?since=2020-13")
    assert status == 400 and "since: &#39;2020-13&#39; is not a date" in page


def test_an_unknown_article_page_is_a_404(explorer_url):
    status, page = fetch(explorer_url, "/articles/%3Cb%3Enope")
    assert status == 404 and "&lt;b&gt;nope" in page


def test_article_markup_is_escaped_in_the_html(explorer_url):
    status, page = fetch(explorer_url, "/?search=onerror")
    (link,) = re.findall(r'href="/articles/([0-9a-f]{64})', page)
    status, page = fetch(explorer_url, f"/articles/{link}")
    assert status == 200
    assert "<script>document.title" not in page and "<img src=x" not in page
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in page


def test_the_explorer_loads_nothing_from_elsewhere():
    files = [*HERE.glob("templates/*.html"), *HERE.glob("static/*.js"),
             *HERE.glob("static/*.css")]
    assert files
    for path in files:
        assert not re.search(r"(src|href)=\"(https?:)?//", path.read_text()), path
        assert "@import" not in path.read_text() and "url(http" not in path.read_text()


def test_segments_cut_text_at_every_span_boundary():
    text = "Putin met Khan in Moscow."
    spans = [Span(0, 5, "entity", "e1", "Putin"), Span(0, 14, "event", "v1", "meet"),
             Span(10, 14, "entity", "e2", "Khan")]
    pieces = segments(text, spans)
    assert [p.text for p in pieces] == ["Putin", " met ", "Khan", " in Moscow."]
    assert [p.kinds for p in pieces] == [["entity", "event"], ["event"],
                                         ["entity", "event"], []]
    assert "".join(p.text for p in pieces) == text


def test_record_spans_label_quotes_with_their_speaker(seed_analysis):
    spans = record_spans(seed_analysis)
    price = [s for s in spans if s.kind == "quote" and "by Ned Price" in s.label]
    text = seed_analysis["article"]["text"]
    assert [(s.start, s.end, text[s.start:s.start + 34]) for s in price] == [
        (1892, 2079, "the US has communicated its positi"),
        (2083, 2310, "Well, we’re certainly aware of the"),
        (2314, 2481, "We believe it’s the responsibility"),
    ]


def test_projection_puts_moscow_north_east_of_the_middle():
    assert graphics.project(55.75, 37.62) == (217.62, 34.25)
    assert graphics.project(-90, -180) == (0, 180)


def test_topojson_arcs_are_delta_decoded_and_reversed_by_complement():
    topology = {"transform": {"scale": [1, 1], "translate": [-180, -90]},
                "arcs": [[[0, 0], [10, 0], [0, 10]], [[10, 10], [-10, -10]]],
                "objects": {"countries": {"geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "A"}}]}}}
    assert graphics.decode_arcs(topology)[0] == [(-180, -90), (-170, -90), (-170, -80)]
    assert graphics.ring_points([~0], graphics.decode_arcs(topology))[0] == (-170, -80)
    (country,) = graphics.world_paths(topology)
    assert country == {"name": "A", "d": "M0,180L10,180L10,170L0,180Z"}


def test_a_ring_across_the_antimeridian_is_not_drawn_across_the_world():
    assert graphics.unwrap([(179, 60), (-179, 61), (-178, 62)]) == [
        (179, 60), (181, 61), (182, 62)]


def test_the_vendored_world_outline_has_every_country():
    names = {country["name"] for country in graphics.world_outline()}
    assert len(names) > 170 and {"Russia", "Pakistan", "Brazil"} <= names


def test_network_layout_is_deterministic_and_inside_the_picture():
    ids = ["PAK", "RUS", "USA", "UKR"]
    links = [("PAK", "RUS"), ("RUS", "UKR"), ("USA", "RUS")]
    first = graphics.network_layout(ids, links, 900, 600)
    assert first == graphics.network_layout(ids, links, 900, 600)
    assert all(40 <= x <= 860 and 30 <= y <= 570 for x, y in first.values())


@pytest.mark.parametrize(("counts", "kind"), [
    ({"1": 3, "2": 0, "3": 1, "4": 1}, "cooperation"),
    ({"1": 1, "2": 0, "3": 0, "4": 2}, "conflict"),
    ({"1": 1, "2": 0, "3": 1, "4": 0}, "cooperation"),
])
def test_an_edge_is_cooperation_or_conflict_by_its_majority(counts, kind):
    assert graphics.edge_kind(counts) == kind


def test_timeline_bars_stack_quad_classes_up_to_the_busiest_day():
    days = [{"date": "2022-02-23", "events": 2, "by_quad_class": {"1": 2}},
            {"date": "2022-02-24", "events": 4, "by_quad_class": {"1": 1, "4": 3}}]
    first, second = graphics.timeline_bars(days, 230, 100)
    assert [s["height"] for s in first["segments"]] == [50.0]
    assert [(s["quad_class"], s["y"], s["height"]) for s in second["segments"]] == [
        ("1", 75.0, 25.0), ("4", 0.0, 75.0)]
