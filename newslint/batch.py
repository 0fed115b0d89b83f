"""Run many files, in worker processes when asked, with results in input order.

Workers load the configuration themselves (from the same path), so nothing
unpicklable crosses a process boundary; imap keeps the order, so the output of
--jobs 4 is byte for byte the output of --jobs 1.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator

from .config import ConfigFinder
from .document import InputError
from .files import FileResult, Job, process
from .patterns import save_compiled

# At least this many files per worker before processes are worth starting.
FILES_PER_WORKER = 4

_worker_configs: ConfigFinder | None = None
_worker_job: Job | None = None


def _start_worker(configs: ConfigFinder, cwd: str, job: Job) -> None:
    global _worker_configs, _worker_job
    # Ctrl-C reaches the whole process group: the parent alone answers it (one line,
    # exit 130) and stops the pool, so no worker prints a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.chdir(cwd)
    _worker_configs = ConfigFinder(configs.explicit, configs.extra_exclude)  # loads the same files afresh
    _worker_job = job


def _work(path: str) -> FileResult:
    assert _worker_configs is not None and _worker_job is not None
    result = process(path, _worker_configs.for_path(path), _worker_job)
    save_compiled()  # a worker may be stopped without notice: keep what it compiled now
    return result


def default_jobs() -> int:
    return os.cpu_count() or 1


def capped_jobs(asked: int | None) -> int:
    """More workers than cores only add start-up cost and memory: -j 64 on 2 cores runs 2."""
    return max(1, min(asked or default_jobs(), default_jobs()))


def run(
    items: list[str | InputError],
    configs: ConfigFinder,
    job: Job,
    jobs: int,
    on_progress: Callable[[int, int], None] | None = None,
) -> Iterator[FileResult]:
    """FileResults in the order of `items`; input errors pass straight through."""
    paths = [i for i in items if not isinstance(i, InputError) and i != "-"]
    parallel = jobs > 1 and len(paths) >= FILES_PER_WORKER * 2
    total = len(items)
    if not parallel:
        for done, item in enumerate(items, 1):
            yield error_result(item) if isinstance(item, InputError) else process(item, _config_of(item, configs, job), job)
            if on_progress:
                on_progress(done, total)
        return
    import multiprocessing  # noqa: PLC0415 - only when files are linted in parallel

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    workers = min(jobs, len(paths))
    chunk = max(1, min(64, len(paths) // (workers * 8)))
    with context.Pool(workers, initializer=_start_worker, initargs=(configs, os.getcwd(), job)) as pool:
        results = pool.imap(_work, paths, chunksize=chunk)
        for done, item in enumerate(items, 1):
            if isinstance(item, InputError):
                yield error_result(item)
            elif item == "-":
                yield process(item, _config_of(item, configs, job), job)
            else:
                yield next(results)
            if on_progress:
                on_progress(done, total)


def _config_of(path: str, configs: ConfigFinder, job: Job):
    """Standard input takes the config of the file --stdin-filename names, else the working folder's."""
    if path == "-":
        return configs.for_path(job.stdin_name or os.path.join(os.getcwd(), "-"))
    return configs.for_path(path)


def error_result(error: InputError) -> FileResult:
    message = str(error)
    return FileResult(message.split(": ", 1)[0], None, error=message)
