"""Running many inputs into the store: engines analyse, one writer stores.

inputs (raw inputs -> articles, ids before parsing) · runner (streaming, resumable,
in order) · writer (the one writer, batched transactions) · local (this process or
worker processes) · worker (a worker process's Pipeline) · dask (a Dask cluster;
imported only when asked for) · summary (what a run did).
"""

from newsgraph.run.inputs import Defaults, analyse_inputs, failed_line, to_article, to_articles
from newsgraph.run.local import InlineEngine, ProcessEngine
from newsgraph.run.runner import Engine, run
from newsgraph.run.summary import RunSummary

__all__ = [
    "Defaults", "Engine", "InlineEngine", "ProcessEngine", "RunSummary", "analyse_inputs",
    "failed_line", "run", "to_article", "to_articles",
]
