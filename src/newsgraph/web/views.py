"""The explorer's pages, rendered on the server with Jinja2 (autoescaped: article text
and every record are shown as text, never as markup).

Every page reads the same event filters from its URL (the store's one filter table), and
every link carries them on, so any view can be linked and shared.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsgraph.api.labels import node_label
from newsgraph.api.params import reader
from newsgraph.errors import FilterError
from newsgraph.store import FILTERS, parse_filters
from newsgraph.store.explore import Reader
from newsgraph.store.filters import FACTUALITIES
from newsgraph.web import graphics
from newsgraph.web.highlight import record_spans, segments

HERE = Path(__file__).parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")

router = APIRouter(include_in_schema=False)
ReaderDep = Annotated[Reader, Depends(reader)]

PAGE_ROWS = 100
NETWORK_SIZE = (900, 600)
TIMELINE_SIZE = (900, 260)
QUAD_CLASSES = {"1": "verbal cooperation", "2": "material cooperation",
                "3": "verbal conflict", "4": "material conflict"}
# The filters of the shared filter bar (the event filters), in the order shown.
SHARED = ("search", "actor", "country", "cameo_root", "plover", "quad_class", "factuality",
          "since", "until")


class ViewFilters:
    """The event filters in a page's URL: their raw values (to refill the form), the
    parsed ones, the query string that carries them on, and any problem with them."""

    def __init__(self, request: Request) -> None:
        known = {item.name for item in FILTERS["events"]}
        self.raw = {name: value.strip() for name, value in request.query_params.items()
                    if name in known and value.strip()}
        self.error = ""
        try:
            self.events = parse_filters("events", self.raw)
        except FilterError as error:
            self.events, self.error = {}, str(error)
        self.query = urllib.parse.urlencode(self.raw)

    def changed(self, **changes: str | None) -> str:
        """The query string with some filters set (or, given None, dropped)."""
        values = {**self.raw, **changes}
        return urllib.parse.urlencode({k: v for k, v in values.items() if v is not None})

    def for_node(self, key: str) -> str:
        """The query string selecting one network node's events: by country when the
        node is a country (ISO alpha-3), else by actor code."""
        if len(key) == 3 and key.isalpha():
            return self.changed(country=key, actor=None)
        return self.changed(actor=key, country=None)

    def articles(self) -> dict[str, str]:
        """The filters that articles share with events: text search and dates."""
        names = {item.name for item in FILTERS["articles"]}
        return {name: value for name, value in self.events.items() if name in names}


def render(request: Request, name: str, filters: ViewFilters | None = None,
           **context: Any) -> HTMLResponse:
    filters = filters or ViewFilters(request)
    return templates.TemplateResponse(
        request, name, {"filters": filters, "query_string": filters.query,
                        "shared": SHARED, "factualities": FACTUALITIES,
                        "quad_classes": QUAD_CLASSES, **context},
        status_code=400 if filters.error else 200)


@router.get("/", response_class=HTMLResponse)
def search(request: Request, db: ReaderDep) -> HTMLResponse:
    """Articles whose text holds the search words (and dates), and how many events match."""
    filters = ViewFilters(request)
    articles = db.articles(filters.articles(), PAGE_ROWS) if not filters.error else None
    events = db.records("events", filters.events, 1) if not filters.error else None
    return render(request, "search.html", filters, articles=articles, events=events)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, db: ReaderDep, article_id: str) -> HTMLResponse:
    """The article's text with its entities, quotes and event evidence marked."""
    record = db.article(article_id.lower())
    if record is None:
        return templates.TemplateResponse(request, "missing.html",
                                          {"article_id": article_id}, status_code=404)
    pieces = segments(record["article"]["text"], record_spans(record))
    return render(request, "article.html", record=record, pieces=pieces)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, db: ReaderDep, offset: int = 0) -> HTMLResponse:
    """The filtered events, newest first; each row opens its evidence."""
    filters = ViewFilters(request)
    page = None if filters.error else db.records("events", filters.events, PAGE_ROWS,
                                                 max(offset, 0))
    return render(request, "events.html", filters, page=page, rows=PAGE_ROWS)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, db: ReaderDep) -> HTMLResponse:
    """Who acts on whom: actors (by country) as nodes, edges by cooperation or conflict."""
    filters = ViewFilters(request)
    graph = {"nodes": [], "edges": []} if filters.error else db.actors(filters.events)
    linked = {end for e in graph["edges"] if e["source"] != e["target"]
              for end in (e["source"], e["target"])}
    alone = [n for n in graph["nodes"] if n["id"] not in linked]
    graph["nodes"] = [n for n in graph["nodes"] if n["id"] in linked]
    for node in graph["nodes"] + alone:
        node["label"] = node_label(node["id"], node["name"])
    width, height = NETWORK_SIZE
    layout = graphics.network_layout([n["id"] for n in graph["nodes"]],
                                     [(e["source"], e["target"]) for e in graph["edges"]],
                                     width, height)
    most = max((n["events"] for n in graph["nodes"]), default=1)
    nodes = [{**n, "x": layout[n["id"]][0], "y": layout[n["id"]][1],
              "r": round(6 + 14 * (n["events"] / most) ** 0.5, 1)} for n in graph["nodes"]]
    return render(request, "network.html", filters, nodes=nodes, alone=alone, width=width,
                  height=height,
                  edges=graphics.drawn_edges(graph["edges"], layout))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, db: ReaderDep) -> HTMLResponse:
    """Events per day, stacked by quad class."""
    filters = ViewFilters(request)
    days = [] if filters.error else db.timeline(filters.events)
    width, height = TIMELINE_SIZE
    return render(request, "timeline.html", filters, days=days, width=width, height=height,
                  bars=graphics.timeline_bars(days, width, height))


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, db: ReaderDep) -> HTMLResponse:
    """Where the filtered events happened, on the Natural Earth outline."""
    filters = ViewFilters(request)
    places = [] if filters.error else db.places(filters.events)
    return render(request, "map.html", filters, outline=graphics.world_outline(),
                  points=graphics.map_points(places), width=graphics.MAP_WIDTH,
                  height=graphics.MAP_HEIGHT)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a page (Swagger UI would load from a CDN)."""
    return render(request, "docs.html", spec=request.app.openapi())

