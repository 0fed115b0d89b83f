"""Articles per second, serial against a Dask LocalCluster, and the memory of each worker.

    python bench/archive.py [--articles 20000] [--workers 2] [--across]

The archive is generated as in the tests (tests/archive_corpus.py: sentences of
examples/ and templated ones, 20 exact and 20 near copies planted) and written
as JSON Lines to a temporary folder; the CLI lints it once serially and once
with `--dask` on a LocalCluster of --workers processes (one thread each)
started here, so the cluster's start-up (reported apart) is not in the rate.
With --across, duplicate/across-articles runs too. Peak memory is each worker
process's largest resident size (getrusage on the worker), and the client's.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.archive_corpus import build_archive, write_jsonl  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def lint(archive: Path, config: Path, extra: list[str]) -> tuple[float, int, float]:
    """(seconds, findings, the client's peak MB)."""
    arguments = ["check", "--config", str(config), "--format", "jsonl", "--fail-on", "never",
               "--text-field", "body", "--title-field", "headline", str(archive), *extra]
    # The CLI in a child process that reports its own peak memory when it is done.
    script = ("import resource, sys; sys.argv = ['newslint'] + sys.argv[1:]; "
              "import newslint.cli as c; code = c._run_main(); "
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script, *arguments], capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    return seconds, result.stdout.count("\n"), int(result.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--across", action="store_true", help="run duplicate/across-articles too")
    args = parser.parse_args()
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("skipped: the dask extra is not installed (pip install 'newslint[dask]')")
        return
    with tempfile.TemporaryDirectory() as folder:
        archive, config = Path(folder) / "archive.jsonl", Path(folder) / "config.yaml"
        articles, _ = build_archive(args.articles)
        write_jsonl(articles, archive)
        config.write_text("rules:\n  duplicate/across-articles: {enabled: %s}\n" % ("true" if args.across else "false"), encoding="utf-8")
        size = archive.stat().st_size / 1e6
        rules = "default" + (" + duplicate/across-articles" if args.across else "")
        print(f"{args.articles:,} articles, {size:.1f} MB of JSON Lines, {os.cpu_count()} cores; rules: {rules}")
        serial, found, client_mb = lint(archive, config, [])
        print(f"serial:          {serial:6.1f} s  {args.articles / serial:7.0f} articles/s  {found:,} lines of report  client peak {client_mb:.0f} MB")
        started = time.perf_counter()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            startup = time.perf_counter() - started
            dask_seconds, dask_found, dask_client_mb = lint(archive, config, ["--dask", cluster.scheduler_address])
            workers = client.run(_peak_mb)
        print(f"LocalCluster({args.workers}): {dask_seconds:6.1f} s  {args.articles / dask_seconds:7.0f} articles/s  {dask_found:,} lines of report  "
              f"client peak {dask_client_mb:.0f} MB  (cluster start-up {startup:.1f} s, not counted)")
        print("worker peak memory: " + ", ".join(f"{mb:.0f} MB" for mb in sorted(workers.values())))
        print(json.dumps({"articles": args.articles, "serial_per_s": round(args.articles / serial), "dask_per_s": round(args.articles / dask_seconds),
                          "worker_peak_mb": sorted(round(mb) for mb in workers.values()), "same_report_size": found == dask_found}))


if __name__ == "__main__":
    main()
