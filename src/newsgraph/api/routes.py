"""The JSON API: articles, one article with its records, events, story-level events,
quotes, the actor network, the timeline and the places of events. Read-only; every route
is a thin call into the store's ``Reader``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from newsgraph.api.labels import node_label
from newsgraph.api.params import (
    PAGE_MAX,
    Pagination,
    filters_of,
    page_dict,
    pagination,
    reader,
)
from newsgraph.store.explore import Reader

router = APIRouter(prefix="/api", tags=["api"])

ReaderDep = Annotated[Reader, Depends(reader)]
PageDep = Annotated[Pagination, Depends(pagination)]
EventFilters = Annotated[dict[str, str], Depends(filters_of("events"))]


@router.get("/articles", summary="Articles, newest first")
def articles(db: ReaderDep, page: PageDep,
             filters: Annotated[dict[str, str], Depends(filters_of("articles"))]
             ) -> dict[str, Any]:
    return page_dict(db.articles(filters, page.limit, page.offset))


@router.get("/articles/{article_id}", summary="One article with all its records")
def article(db: ReaderDep, article_id: str) -> dict[str, Any]:
    found = db.article(article_id.lower())
    if found is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    return found


@router.get("/events", summary="Events, newest first, as output-contract records")
def events(db: ReaderDep, page: PageDep, filters: EventFilters) -> dict[str, Any]:
    return page_dict(db.records("events", filters, page.limit, page.offset))


@router.get("/stories", summary="Story-level events: one event, many reports, with counts")
def stories(db: ReaderDep, page: PageDep, filters: EventFilters) -> dict[str, Any]:
    """Events with the same actors, CAMEO code and date grouped across articles, with
    num_mentions, num_sources, num_articles, first_seen and last_seen (copies of an
    article add mentions only); the filters pick the events that are grouped."""
    return page_dict(db.stories(filters, page.limit, page.offset))


@router.get("/quotes", summary="Quotes with their speakers")
def quotes(db: ReaderDep, page: PageDep,
           filters: Annotated[dict[str, str], Depends(filters_of("quotes"))]
           ) -> dict[str, Any]:
    return page_dict(db.records("quotes", filters, page.limit, page.offset))


@router.get("/actors", summary="Actor network: nodes with counts, edges by quad class")
def actors(db: ReaderDep, filters: EventFilters,
           by: Annotated[Literal["country", "code"],
                         Query(description="Node per actor country or per actor code.")
                         ] = "country",
           limit: Annotated[int, Query(ge=1, le=PAGE_MAX, description="At most this many "
                                       "nodes (the most active).")] = 50) -> dict[str, Any]:
    network = db.actors(filters, by, limit)
    for node in network["nodes"]:
        node["label"] = node_label(node["id"], node["name"]) if by == "country" else \
            node["name"] or node["id"]
    return network


@router.get("/timeline", summary="Events per day by quad class")
def timeline(db: ReaderDep, filters: EventFilters) -> list[dict[str, Any]]:
    return db.timeline(filters)


@router.get("/places", summary="Where events happened, with counts")
def places(db: ReaderDep, filters: EventFilters) -> list[dict[str, Any]]:
    return db.places(filters)
