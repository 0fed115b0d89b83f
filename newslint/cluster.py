"""Dask as the engine for work beyond one process: `--dask ADDRESS` or `--dask local[:N]`.

The work is cut into units (a chunk of files, a part of an archive) on the
client; a dask.bag with one partition per unit lints them on the workers
with the same pure functions a serial run uses (files.process,
archive.lint_part, both over lint_with_digests), and the results come back
unit by unit in input order, so the report equals a serial run's. The
workers must see the files at the same paths (a shared file system); they
load the configuration themselves, as the -j workers do. dask and
distributed are an optional extra, imported only here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .archive import ArchivePart, Fields, lint_part
from .batch import error_result
from .config import ConfigFinder
from .document import InputError
from .files import FileResult, Job, process

INSTALL_HINT = "pip install 'newslint[dask]'"
FILES_PER_UNIT = 50


class ClusterError(Exception):
    """Dask is missing or the scheduler cannot be reached; the message is one line."""


@dataclass(frozen=True)
class FileChunk:
    """Files linted one after another by one worker."""

    paths: tuple[str | InputError, ...]  # a path that could not be found or read travels as its error, in its place

    @property
    def count(self) -> int:
        return len(self.paths)


@dataclass(frozen=True)
class WorkContext:
    """What a worker needs besides its unit: plain values, rebuilt into a ConfigFinder there."""

    config_path: str | None
    extra_exclude: tuple[str, ...]
    cwd: str
    job: Job
    fields: Fields | None


_configs: dict[WorkContext, ConfigFinder] = {}


def lint_unit(context: WorkContext, unit: FileChunk | ArchivePart) -> list[FileResult]:
    """One unit's results, in order; what runs on a worker (and, for archives, in a serial run)."""
    if context not in _configs:
        _configs[context] = ConfigFinder(context.config_path, context.extra_exclude)
    configs = _configs[context]
    if isinstance(unit, ArchivePart):
        return lint_part(unit, context.fields, configs.for_path(unit.path), context.job)
    # Relative paths are the client's: read them from its working folder, report them as given.
    if os.getcwd() != context.cwd:
        os.chdir(context.cwd)
    return [error_result(path) if isinstance(path, InputError) else process(path, configs.for_path(path), context.job) for path in unit.paths]


def _client_class():
    try:
        import dask.bag  # noqa: F401, PLC0415 - only with --dask
        from distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError:
        raise ClusterError(f"--dask needs the dask extra: {INSTALL_HINT}") from None
    return Client, LocalCluster


@contextmanager
def connect(address: str) -> Iterator:
    """A distributed Client: `local` or `local:N` starts a LocalCluster of N worker processes
    (default: the number of cores), anything else is a scheduler address (tcp://host:8786)."""
    client_class, cluster_class = _client_class()
    cluster = None
    try:
        if address == "local" or address.startswith("local:"):
            count = address.split(":", 1)[1] if ":" in address else str(os.cpu_count() or 1)
            if not count.isdigit() or int(count) < 1:
                raise ClusterError(f"--dask {address}: local:N needs a number of workers, such as local:4")
            workers = int(count)
            import logging  # noqa: PLC0415

            # One process per worker, one thread each: the rules are pure Python and hold the GIL.
            cluster = cluster_class(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                                    silence_logs=logging.ERROR)
            client = client_class(cluster)
        else:
            client = client_class(address, timeout="10s")
    except ValueError as error:
        raise ClusterError(f"--dask {address}: {error}") from None
    except OSError as error:
        raise ClusterError(f"--dask {address}: cannot reach the scheduler ({error})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dashboard(client) -> str | None:
    try:
        return client.dashboard_link
    except (AttributeError, KeyError):
        return None


def run_units(client, units: list, work: Callable[[FileChunk | ArchivePart], list[FileResult]]) -> Iterator[FileResult]:
    """Every unit's results, unit by unit in input order, linted on the cluster."""
    import dask.bag  # noqa: PLC0415

    if not units:
        return
    bag = dask.bag.from_sequence(units, npartitions=len(units)).map(work)
    futures = client.compute(bag.to_delayed())
    for future in futures:
        for results in future.result():
            yield from results
        future.release()  # what is reported need not stay in the workers' memory
