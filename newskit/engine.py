"""Where the inputs are parsed: this machine's processes, or a Dask cluster.

:func:`newskit.pipeline.map_sources` parses on this process or on a pool of worker
processes. With a :class:`DaskEngine`, the same work goes to the workers of a Dask cluster
instead: the files are read and parsed there, the function's results come back, and they
are yielded in input order, so the output is the same as a local run's, byte for byte.

Dask is an optional extra (``pip install 'newskit[dask]'``); nothing here imports it until
a cluster is asked for. Without ``scheduler`` a ``LocalCluster`` of ``workers`` processes
(one thread each) is started on this machine; with it, the engine connects to a running
scheduler (``dask scheduler`` / ``dask worker``, or any Dask deployment), whose workers
must have newskit installed and see the input paths (shared storage).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import getitem
from typing import Any

from .errors import NewskitError

DASK_MISSING = "--engine dask needs Dask: pip install 'newskit[dask]'"

IN_FLIGHT = 4
"""Tasks in flight per worker: enough to keep each busy, few enough to bound memory."""


def _parted(task: Callable[..., Any], part: Callable[[Any], tuple[Any, Any]], *args: Any) -> tuple[Any, Any]:
    """On a worker: ``part(task(*args))`` (see :meth:`DaskEngine.map_kept`)."""
    return part(task(*args))


class EngineError(NewskitError):
    """The engine asked for cannot be used (Dask not installed, no scheduler at the address)."""


@dataclass(slots=True)
class DaskEngine:
    """A Dask cluster to parse on: the scheduler at ``scheduler``, or a ``LocalCluster`` of
    ``workers`` processes (None: one per CPU). Started on first use; :meth:`close` ends a
    cluster it started. Use it as a context manager."""

    scheduler: str | None = None
    workers: int | None = None
    _client: Any = field(default=None, repr=False)
    _cluster: Any = field(default=None, repr=False)

    def client(self) -> Any:
        """The ``distributed.Client``, connected (and the local cluster started) on first use."""
        if self._client is None:
            try:
                from distributed import Client, LocalCluster  # noqa: PLC0415 (the dask extra)
            except ImportError:
                raise EngineError(DASK_MISSING) from None
            try:
                if self.scheduler is None:
                    from .pipeline import cpu_count  # noqa: PLC0415 (pipeline imports this module)

                    self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                        n_workers=self.workers or cpu_count(), threads_per_worker=1, processes=True,
                        dashboard_address=None, silence_logs=logging.ERROR,
                    )
                    self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
                else:
                    self._client = Client(self.scheduler, timeout=30)  # type: ignore[no-untyped-call]
            except (OSError, RuntimeError) as exc:  # no scheduler there; workers that do not start
                self.close()
                where = f"reach the Dask scheduler {self.scheduler}" if self.scheduler else "start a local Dask cluster"
                raise EngineError(f"cannot {where}: {exc}") from None
        return self._client

    def slots(self) -> int:
        """How many tasks the cluster runs at once (its workers' threads)."""
        info = self.client().scheduler_info()
        return max(1, sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values()))

    def map_ordered(self, task: Callable[..., Any], chunks: list[Any], *shared: Any) -> Iterator[Any]:
        """``task(chunk, *shared)`` for each chunk on the cluster, the results in chunk order,
        with a few tasks in flight per worker. ``shared`` values are sent to the workers once."""
        client = self.client()
        # Each value whole (a list is scattered item by item), under a key of its own: a key
        # made from the value's hash would be shared with an earlier map's, and freed with it.
        scattered = [client.scatter([x], broadcast=True, hash=False)[0] for x in shared]
        pending: deque[Any] = deque()
        limit = self.slots() * IN_FLIGHT
        try:
            for chunk in chunks:
                pending.append(client.submit(task, chunk, *scattered, pure=False))
                while len(pending) >= limit:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for fut in pending:
                fut.cancel()

    def map_kept(
        self, task: Callable[..., Any], part: Callable[[Any], tuple[Any, Any]], chunks: list[Any], *shared: Any
    ) -> Iterator[tuple[Any, Any]]:
        """As :meth:`map_ordered`, but ``part`` cuts each result in two on the worker:
        the first part comes back, in chunk order, with the future of the second, which
        stays in the cluster's memory for later tasks (see :mod:`newskit.dedupe_dask`)."""
        client = self.client()
        scattered = [client.scatter([x], broadcast=True, hash=False)[0] for x in shared]
        pending: deque[tuple[Any, Any]] = deque()
        limit = self.slots() * IN_FLIGHT
        try:
            for chunk in chunks:
                both = client.submit(_parted, task, part, chunk, *scattered, pure=False)
                pending.append((client.submit(getitem, both, 0), client.submit(getitem, both, 1)))
                while len(pending) >= limit:
                    light, heavy = pending.popleft()
                    yield light.result(), heavy
            while pending:
                light, heavy = pending.popleft()
                yield light.result(), heavy
        finally:
            for futures in pending:
                for fut in futures:
                    fut.cancel()

    def close(self) -> None:
        """Disconnect, and end the local cluster if this engine started one."""
        for thing in (self._client, self._cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # noqa: BLE001, S110 (closing on the way out: nothing to tell)
                    pass
        self._client = self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
