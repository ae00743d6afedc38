"""Query parameters the routes share: filters generated from the store's one filter table,
pagination, and a read connection per request."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import HTTPException, Query, Request

from newsgraph.errors import FilterError
from newsgraph.store import FILTERS, parse_filters
from newsgraph.store.explore import Reader

PAGE_MAX = 500


def filters_of(kind: str) -> Callable[..., dict[str, str]]:
    """A dependency taking the filters of listing ``kind`` as query parameters and giving
    them validated; a bad value is a 400 whose detail names the filter and the problem."""

    def dependency(**values: str | None) -> dict[str, str]:
        try:
            return parse_filters(kind, values)
        except FilterError as error:
            raise HTTPException(status_code=400, detail=str(error)) from None

    dependency.__signature__ = inspect.Signature([  # type: ignore[attr-defined]
        inspect.Parameter(item.name, inspect.Parameter.KEYWORD_ONLY,
                          annotation=Annotated[str | None, Query(description=item.help)],
                          default=None)
        for item in FILTERS[kind]
    ])
    return dependency


@dataclass(frozen=True)
class Pagination:
    limit: int
    offset: int


def pagination(
    limit: Annotated[int, Query(ge=1, le=PAGE_MAX, description="Rows per page.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Rows to skip (pages are stable).")] = 0,
) -> Pagination:
    return Pagination(limit, offset)


def reader(request: Request) -> Iterator[Reader]:
    """A read connection of the app's store for one request, closed after it."""
    connection = request.app.state.store.reader()
    try:
        yield connection
    finally:
        connection.close()


def page_dict(page: Any) -> dict[str, Any]:
    return {"total": page.total, "limit": page.limit, "offset": page.offset,
            "items": page.items}
