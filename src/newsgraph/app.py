"""The web app: the JSON API and the explorer over one store opened read-only.

Built from explicit arguments, so ``newsgraph serve``, the tests and a notebook make the
same object.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsgraph import __version__
from newsgraph.api.routes import router as api_router
from newsgraph.store import Store
from newsgraph.web.views import STATIC
from newsgraph.web.views import router as web_router


def create_app(db: str | Path) -> FastAPI:
    """The app over the store at ``db`` (opened read-only now: a missing or foreign file
    raises StoreError before any server starts). Then each request opens the file for
    itself and releases it, so a ``run`` on the same file commits between requests."""
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
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def serve(db: str | Path, host: str, port: int) -> None:
    """Serve the app until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
