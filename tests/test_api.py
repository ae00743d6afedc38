"""The HTTP API over real HTTP: uvicorn on a loopback port, a real store built from
examples/ (see ``explorer_url`` in conftest). Every filter is checked against the same
rule applied in Python to the whole, unfiltered listing."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest

from newsgraph.errors import StoreError

SEED_ID = "b375f0d6955782303b62ca442d14d8f78ee4dd28f14c53a01c26b7fa00201986"
PRICE_QUOTE = ("We believe it’s the responsibility of every responsible country around the "
               "world to voice concern")


def get(base: str, path: str, **params: object) -> tuple[int, object]:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}" if params else f"{base}{path}"
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture(scope="module")
def all_events(explorer_url) -> list[dict]:
    status, page = get(explorer_url, "/api/events", limit=500)
    assert status == 200 and page["total"] == len(page["items"]) > 100
    return page["items"]


def code(side: dict | None) -> str:
    return (side or {}).get("code") or ""


def country(side: dict | None) -> str | None:
    return (side or {}).get("country")


EVENT_FILTERS = [
    ("actor", "RUS", lambda e: code(e["source"]).startswith("RUS")
     or code(e["target"]).startswith("RUS")),
    ("source_code", "USA", lambda e: code(e["source"]).startswith("USA")),
    ("target_code", "pak", lambda e: code(e["target"]).startswith("PAK")),
    ("country", "PAK", lambda e: "PAK" in (country(e["source"]), country(e["target"]))),
    ("cameo", "04", lambda e: e["cameo"].startswith("04")),
    ("cameo_root", "19", lambda e: e["cameo_root"] == "19"),
    ("plover", "ASSAULT", lambda e: e["plover"] == "ASSAULT"),
    ("quad_class", "4", lambda e: e["quad_class"] == 4),
    ("factuality", "reported", lambda e: e["factuality"] == "reported"),
    ("min_confidence", "0.6", lambda e: e["confidence"] >= 0.6),
    ("article", SEED_ID, lambda e: e["article_id"] == SEED_ID),
    ("since", "2020-07", lambda e: (e["date"] or "") >= "2020-07"),
    ("until", "2020-01", lambda e: e["date"] is not None and e["date"][:7] <= "2020-01"),
    ("search", "Moscow", lambda e: "moscow" in e["sentence"].lower()),
]


@pytest.mark.parametrize(("name", "value", "keeps"), EVENT_FILTERS,
                         ids=[name for name, _, _ in EVENT_FILTERS])
def test_each_event_filter_keeps_exactly_the_matching_events(explorer_url, all_events, name,
                                                             value, keeps):
    status, page = get(explorer_url, "/api/events", limit=500, **{name: value})
    assert status == 200
    expected = [e["id"] for e in all_events if keeps(e)]
    assert 0 < len(expected) < len(all_events)
    assert [e["id"] for e in page["items"]] == expected
    assert page["total"] == len(expected)


def test_event_filters_combine(explorer_url):
    status, page = get(explorer_url, "/api/events", actor="PAKGOV", plover="CONSULT",
                       search="Kremlin", limit=500)
    assert status == 200
    pairs = {(e["source"]["name"], (e["target"] or {}).get("name")) for e in page["items"]}
    assert ("Imran Khan", "Vladimir Putin") in pairs or ("Vladimir Putin", "Imran Khan") in pairs
    assert all(e["plover"] == "CONSULT" and "kremlin" in e["sentence"].lower()
               for e in page["items"])


def test_event_pages_cover_every_event_once_in_the_same_order(explorer_url, all_events):
    seen, offset = [], 0
    while True:
        status, page = get(explorer_url, "/api/events", limit=17, offset=offset)
        assert status == 200 and page["total"] == len(all_events)
        if not page["items"]:
            break
        seen += [e["id"] for e in page["items"]]
        offset += 17
    assert seen == [e["id"] for e in all_events]


def test_events_are_newest_first_and_carry_their_evidence(explorer_url, all_events):
    dates = [e["date"] for e in all_events if e["date"]]
    assert dates == sorted(dates, reverse=True)
    status, article = get(explorer_url, f"/api/articles/{SEED_ID}")
    text = article["article"]["text"]
    for event in article["events"]:
        evidence = text[event["evidence"]["start"]:event["evidence"]["end"]]
        assert evidence and evidence.strip() in event["sentence"]


@pytest.mark.parametrize(("params", "problem"), [
    ({"quad_class": "7"}, "quad_class: '7' is not one of 1, 2, 3, 4"),
    ({"since": "2020-13"}, "not a date"),
    ({"cameo_root": "4"}, "CAMEO root code"),
    ({"country": "Pakistan"}, "ISO 3166"),
    ({"limit": "0"}, "greater than or equal to 1"),
])
def test_a_bad_filter_is_a_400_that_names_the_problem(explorer_url, params, problem):
    status, body = get(explorer_url, "/api/events", **params)
    assert status in (400, 422)
    assert problem in json.dumps(body, ensure_ascii=False)


def test_articles_search_dates_and_pages(explorer_url):
    status, page = get(explorer_url, "/api/articles", search="Putin")
    assert status == 200 and SEED_ID in [a["id"] for a in page["items"]]
    assert all("text" not in a for a in page["items"])
    _, wikinews = get(explorer_url, "/api/articles", source="Wikinews", since="2020-06",
                      until="2020-08", limit=500)
    assert [a["published"] for a in wikinews["items"]] == [
        "2020-08-22", "2020-08-03", "2020-07-12", "2020-07-02", "2020-06-11", "2020-06-05"]
    _, first = get(explorer_url, "/api/articles", limit=5)
    _, second = get(explorer_url, "/api/articles", limit=5, offset=5)
    assert first["total"] == second["total"] == 22
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}


def test_one_article_has_all_its_records_and_offsets_index_its_text(explorer_url):
    status, record = get(explorer_url, f"/api/articles/{SEED_ID}")
    assert status == 200
    text = record["article"]["text"]
    assert record["article"]["source"] == "Kashmir Today"
    assert {"entities", "events", "quotes", "places", "dates"} <= record.keys()
    price = [q for q in record["quotes"] if (q["speaker"] or {}).get("name") == "Ned Price"]
    assert [(q["kind"], q["start"], q["end"], q["text"][:60]) for q in price] == [
        ("mixed", 1892, 2079, "the US has communicated its position to Islamabad on Russia’"),
        ("direct", 2083, 2310, "Well, we’re certainly aware of the trip … We’ve communicated"),
        ("direct", 2314, 2481, PRICE_QUOTE[:60]),
    ]
    assert price[2]["text"] == PRICE_QUOTE + (
        ", to voice objection to what Putin appears to have in mind for Ukraine")
    for quote in record["quotes"]:  # an interrupted quote's parts are joined by "…"
        assert text[quote["start"]:quote["end"]].startswith(quote["text"].split(" …")[0])
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]


def test_an_unknown_article_is_a_404(explorer_url):
    status, body = get(explorer_url, f"/api/articles/{'0' * 64}")
    assert status == 404 and "no article" in body["detail"]


def test_quotes_by_speaker_and_text(explorer_url):
    _, by_price = get(explorer_url, "/api/quotes", speaker="price", limit=500)
    assert by_price["total"] >= 3
    assert {q["speaker"]["name"] for q in by_price["items"]} == {"Ned Price"}
    _, found = get(explorer_url, "/api/quotes", search="responsibility of every", limit=500)
    assert [q["speaker"]["name"] for q in found["items"]] == ["Ned Price"]
    _, pages = get(explorer_url, "/api/quotes", limit=3, offset=3)
    assert len(pages["items"]) == 3 and pages["total"] > 6


def test_actor_network_nodes_and_edges_split_by_quad_class(explorer_url):
    status, network = get(explorer_url, "/api/actors", article=SEED_ID)
    assert status == 200
    labels = {node["id"]: node["label"] for node in network["nodes"]}
    assert labels["PAK"] == "Pakistan" and labels["RUS"] == "Russia"
    edge = next(e for e in network["edges"] if (e["source"], e["target"]) == ("PAK", "RUS"))
    assert edge["events"] == sum(edge["by_quad_class"].values()) >= 5
    assert edge["by_quad_class"]["1"] >= 4
    _, conflict = get(explorer_url, "/api/actors", quad_class="4")
    assert conflict["edges"] and all(
        e["by_quad_class"]["4"] == e["events"] for e in conflict["edges"])
    _, by_code = get(explorer_url, "/api/actors", by="code", article=SEED_ID)
    assert {"PAKGOV", "RUSGOV"} <= {node["id"] for node in by_code["nodes"]}


def node_key(side: dict | None) -> str | None:
    """The node an event's side counts for (by country, else its code), as the API keys it."""
    side = side or {}
    return side.get("country") if side.get("country") is not None else side.get("code")


@pytest.mark.parametrize("params", [{}, {"by": "code"}, {"quad_class": "1"},
                                    {"article": SEED_ID}, {"limit": 500}])
def test_the_same_actors_request_gives_the_same_json(explorer_url, params):
    answers = [get(explorer_url, "/api/actors", **params) for _ in range(6)]
    assert answers[0][0] == 200 and answers[0][1]["nodes"]
    assert {json.dumps(answer) for answer in answers} == {json.dumps(answers[0])}


def test_a_node_is_named_by_its_actors_most_frequent_name_ties_in_code_point_order(
        explorer_url, all_events):
    names: dict[str, Counter] = {}
    for event in all_events:
        for side in (event["source"], event["target"]):
            key = node_key(side)
            if key is not None:
                names.setdefault(key, Counter())[side.get("name")] += 0 if side.get(
                    "name") is None else 1
    _, network = get(explorer_url, "/api/actors", limit=500)
    assert len(network["nodes"]) == len(names)
    tied = 0
    for node in network["nodes"]:
        counts = +names[node["id"]]  # the names actors of this node were given, how often
        most = max(counts.values(), default=0)
        best = sorted(name for name, n in counts.items() if n == most)
        tied += len(best) > 1
        assert node["name"] == (best[0] if best else None), node
    assert tied > 0  # the store holds ties, so the rule is what decided them


def test_timeline_counts_events_per_day_by_quad_class(explorer_url, all_events):
    status, days = get(explorer_url, "/api/timeline")
    assert status == 200
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    seed_day = next(d for d in days if d["date"] == "2022-02-24")
    expected = [e for e in all_events if e["date"] == "2022-02-24"]
    assert seed_day["events"] == len(expected) == sum(seed_day["by_quad_class"].values())
    assert seed_day["by_quad_class"]["4"] == sum(e["quad_class"] == 4 for e in expected)


def test_places_of_events_with_counts(explorer_url):
    status, places = get(explorer_url, "/api/places", country="RUS")
    assert status == 200
    moscow = next(p for p in places if p["name"] == "Moscow")
    assert (round(moscow["lat"], 2), round(moscow["lon"], 2)) == (55.75, 37.62)
    assert moscow["events"] >= 3
    assert all(p["lat"] is not None for p in places)


def test_openapi_documents_every_route_and_the_event_filters(explorer_url):
    status, spec = get(explorer_url, "/api/openapi.json")
    assert status == 200
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/quotes",
            "/api/actors", "/api/timeline", "/api/places"} <= spec["paths"].keys()
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "cameo_root", "plover", "quad_class", "factuality", "since",
            "until", "search", "limit", "offset"} <= names
    with urllib.request.urlopen(f"{explorer_url}/api/docs", timeout=30) as response:
        page = response.read().decode()
    assert "GET /api/events" in page and "quad_class" in page


def test_the_app_refuses_a_missing_store_without_creating_it(tmp_path):
    from newsgraph.app import create_app

    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "none.duckdb")
    assert not (tmp_path / "none.duckdb").exists()


def test_serve_refuses_a_missing_store_in_one_line_and_listens_on_loopback(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"newsgraph: error: {tmp_path / 'none.duckdb'}: no such database "
        "(create it with `newsgraph run`)"]
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "[default: 127.0.0.1]" in " ".join(help_text.split())


def test_stories_group_the_seed_meeting_and_count_its_mentions(explorer_url, all_events):
    status, page = get(explorer_url, "/api/stories", article=SEED_ID, cameo="040", limit=500)
    assert status == 200 and page["total"] == len(page["items"])
    meeting = [s for s in page["items"]
               if {s["source_code"], s["target_code"]} == {"PAKGOV", "RUSGOV"}]
    assert len(meeting) == 1
    mentions = [e for e in all_events if e["article_id"] == SEED_ID and e["cameo"] == "040"
                and {code(e["source"]), code(e["target"])} == {"PAKGOV", "RUSGOV"}]
    assert meeting[0]["num_mentions"] == len(mentions) >= 3
    assert meeting[0]["num_articles"] == 1 and meeting[0]["date"] == "2022-02-24"


INJECTIONS = ["' OR '1'='1", "x'); DROP TABLE events; --", "RUS%' UNION SELECT id FROM articles --"]
FILTERED_ROUTES = {"/api/articles": "articles", "/api/events": "events", "/api/stories": "events",
                   "/api/quotes": "quotes", "/api/actors": "events", "/api/timeline": "events",
                   "/api/places": "events"}


def found(body: object) -> int:
    """How many results an answer holds (a page, a network or a list of days/places)."""
    if isinstance(body, dict) and "total" in body:
        return body["total"]
    if isinstance(body, dict):
        return len(body["nodes"]) + len(body["edges"])
    return len(body)


@pytest.mark.parametrize("route", list(FILTERED_ROUTES))
def test_sql_in_every_api_filter_finds_nothing_or_is_refused(explorer_url, route):
    from newsgraph.store import FILTERS

    status, before = get(explorer_url, route)
    assert status == 200 and found(before) > 0
    for item in FILTERS[FILTERED_ROUTES[route]]:
        for attempt in INJECTIONS:
            status, body = get(explorer_url, route, **{item.name: attempt})
            assert status in (200, 400), (item.name, attempt, status)
            if status == 200:
                assert found(body) == 0, (item.name, attempt)
            else:
                assert item.name in body["detail"] and "\n" not in body["detail"]
    status, after = get(explorer_url, route)
    assert (status, after) == (200, before)  # the whole answer: nothing dropped or changed
    attempt = urllib.parse.quote("' OR '1'='1")
    assert get(explorer_url, f"/api/articles/{attempt}")[0] == 404
