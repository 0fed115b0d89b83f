"""A batch of page-sized files through the CLI: files per second with --jobs 1 and 2, peak memory,
and the share of the time spent outside the rules (start-up, reading, reporting).

    python bench/batch.py [--files 10000]

Pages of about 10 KB are assembled from examples/ and, when present, the shared
sample page and clean articles (see bench.py). The time inside the rules is
measured by the CLI itself (NEWSLINT_TIMING=1 makes it report the time spent in
lint_text); the rest of the wall time with --jobs 1 is overhead. Peak memory is
the largest resident size of the CLI or any of its worker processes.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))

from bench import build_corpus  # noqa: E402

PAGE_BYTES = 10_000


def write_pages(count: int, folder: Path) -> float:
    pages = build_corpus(count * PAGE_BYTES / 1e6 + 0.1, PAGE_BYTES)[:count]
    size = 0
    for index, page in enumerate(pages):
        data = page.encode("utf-8")
        (folder / f"page{index:05d}.txt").write_bytes(data)
        size += len(data)
    return size / 1e6


def run_cli(folder: Path, jobs: int) -> tuple[float, float, int, int]:
    # Started from a small process, so the children's peak memory is their own.
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--jobs", str(jobs), "--format", "jsonl", "--fail-on", "never", str(folder)],
        capture_output=True, cwd=REPO, env=dict(os.environ, NEWSLINT_TIMING="1"),
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr.decode()[-500:])
    inside = float(re.search(rb"newslint-timing: rules ([\d.]+) s", result.stderr).group(1))
    findings = result.stdout.count(b"\n")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, inside, findings, peak_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        megabytes = write_pages(args.files, folder)
        print(f"batch: {args.files} files, {megabytes:.1f} MB")
        timings = {}
        for jobs in (1, 2):
            elapsed, inside, findings, peak_kb = run_cli(folder, jobs)
            timings[jobs] = (elapsed, inside)
            print(
                f"  --jobs {jobs}: {elapsed:.1f} s, {args.files / elapsed:.0f} files/s, {findings} findings, "
                f"peak RSS so far {peak_kb / 1024:.0f} MB"
            )
        elapsed, inside = timings[1]
        print(f"  time outside the rules with --jobs 1: {(elapsed - inside) / elapsed:.1%} ({elapsed - inside:.1f} s of {elapsed:.1f} s)")
        print(f"  --jobs 2 speed-up: {timings[1][0] / timings[2][0]:.2f}x")


if __name__ == "__main__":
    main()
