"""The Dask engine: chunks of articles analysed on a cluster, records streamed back.

Each worker builds its Pipeline once, in a worker plugin; tasks find it there.
The client (this process) keeps the one writer. Install on every worker the same
newsgraph, model and knowledge as on the client (``pip install 'newsgraph[dask]'``).
"""

from __future__ import annotations

import logging
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.ingest import InputProblem, RawArticle
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline
from newsgraph.run.inputs import Defaults, analyse_chunk
from newsgraph.run.worker import settled

try:
    from distributed import Client, LocalCluster, WorkerPlugin, get_worker
except ImportError:  # pragma: no cover - depends on the installation
    raise NewsgraphError(
        "--dask needs Dask's distributed scheduler: pip install 'newsgraph[dask]'"
    ) from None

PLUGIN_NAME = "newsgraph-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Builds the Pipeline once when a worker starts (or joins later)."""

    name = PLUGIN_NAME

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        self.pipeline = settled(Pipeline(model=self.model))


def _worker_pipeline() -> Pipeline:
    pipeline = get_worker().plugins[PLUGIN_NAME].pipeline
    assert pipeline is not None, "the newsgraph worker plugin did not set up"
    return pipeline


def versions_on_worker() -> dict[str, str]:
    return dict(_worker_pipeline().processed_with)


def analyse_on_worker(chunk: list[RawArticle], defaults: Defaults
                      ) -> list[Analysis | InputProblem]:
    return analyse_chunk(_worker_pipeline(), chunk, defaults)


class DaskEngine:
    """Analyses on ``local:N`` (a LocalCluster of N single-threaded worker processes) or
    on the scheduler at ``tcp://HOST:PORT``."""

    def __init__(self, address: str, model: str | None = None) -> None:
        logging.getLogger("distributed").setLevel(logging.WARNING)  # its chatter is not ours
        self.cluster = None
        if address.startswith("local:"):
            self.cluster = LocalCluster(
                n_workers=int(address.removeprefix("local:")), threads_per_worker=1,
                processes=True, dashboard_address=None, silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout="30s")
            except OSError as error:
                raise NewsgraphError(f"cannot reach the Dask scheduler {address}: {error}"
                                     ) from None
        self.client.register_plugin(PipelinePlugin(model))
        workers = len(self.client.scheduler_info()["workers"])
        self.window = 2 * max(1, workers)

    def versions(self) -> dict[str, str]:
        return self.client.submit(versions_on_worker, pure=False).result()

    def submit(self, chunk: list[RawArticle], defaults: Defaults) -> Any:
        return self.client.submit(analyse_on_worker, chunk, defaults, pure=False)

    def close(self, interrupted: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
