"""The web app: the JSON API and the explorer over one store opened read-only.

Built from explicit arguments, so ``newsgraph serve``, the tests and a notebook make the
same object.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from newsgraph import __version__
from newsgraph.api.routes import router as api_router
from newsgraph.errors import StoreBusy, StoreError
from newsgraph.store import Store
from newsgraph.web.views import STATIC
from newsgraph.web.views import router as web_router


def create_app(db: str | Path) -> FastAPI:
    """The app over the store at ``db`` (opened read-only now: a missing or foreign file
    raises StoreError before any server starts). Then each request opens the file for
    itself and releases it, so a ``run`` on the same file commits between requests: while
    it commits, new requests wait for it (see store/access.py), and one that waited
    ``$NEWSGRAPH_BUSY_SECONDS`` in vain is a 503 with ``Retry-After``."""
    store = Store(db, read_only=True)
    store.release()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="newsgraph", version=__version__, lifespan=lifespan,
                  description="Read-only API over a newsgraph store: articles, events, "
                  "quotes, actors, timeline and places, with the CLI's filters.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.store = store
    app.add_exception_handler(StoreError, store_unavailable)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


async def store_unavailable(request: Request, error: Exception) -> JSONResponse:
    """The store could not be opened for a request: 503, with ``Retry-After`` when it was
    only busy (a run's commit outlasted the wait)."""
    headers = {"Retry-After": "1"} if isinstance(error, StoreBusy) else None
    return JSONResponse({"detail": str(error)}, status_code=503, headers=headers)


def serve(db: str | Path, host: str, port: int) -> None:
    """Serve the app until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
