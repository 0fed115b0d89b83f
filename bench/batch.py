"""A batch of page-sized files through the CLI: files per second with --jobs 1 and 2, peak memory,
and the share of the time spent outside the rules (start-up, reading, reporting).

    python bench/batch.py [--files 10000]

Pages are assembled from examples/ and, when present, the shared sample page and
clean articles (several articles to a page, about 10 KB each), each page varied
so that files differ. The "inside the rules" time is lint_text over the same
texts in one process; everything else the CLI spends is overhead.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).parent))

from bench import build_corpus  # noqa: E402
from newslint import lint_text  # noqa: E402
from newslint.config import default_config  # noqa: E402


def make_pages(count: int, folder: Path) -> list[str]:
    pages = []
    for index, page in enumerate(build_corpus(10_000)):
        if index == count:
            break
        (folder / f"page{index:05d}.txt").write_text(page, encoding="utf-8")
        pages.append(page)
    return pages


def run_cli(folder: Path, jobs: int) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--jobs", str(jobs), "--format", "jsonl", "--fail-on", "never", str(folder)],
        capture_output=True, cwd=REPO,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr.decode()[-500:])
    findings = sum(1 for _ in result.stdout.splitlines())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before), findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        pages = make_pages(args.files, folder)
        megabytes = sum(len(p.encode("utf-8")) for p in pages) / 1e6
        print(f"batch: {len(pages)} files, {megabytes:.1f} MB")
        config = default_config()
        start = time.perf_counter()
        for page in pages:
            lint_text(page, config)
        inside = time.perf_counter() - start
        print(f"  lint_text in one process: {inside:.1f} s ({megabytes / inside:.2f} MB/s)")
        timings = {}
        for jobs in (1, 2):
            elapsed, peak_kb, findings = run_cli(folder, jobs)
            timings[jobs] = elapsed
            print(f"  CLI --jobs {jobs}: {elapsed:.1f} s, {len(pages) / elapsed:.0f} files/s, {findings} findings, peak RSS {peak_kb / 1024:.0f} MB")
        outside = max(0.0, timings[1] - inside) / timings[1]
        print(f"  time outside the rules with --jobs 1: {outside:.1%}")
        print(f"  --jobs 2 speed-up: {timings[1] / timings[2]:.2f}x")
        print(json.dumps({"files": len(pages), "jobs1_s": round(timings[1], 2), "jobs2_s": round(timings[2], 2)}))


if __name__ == "__main__":
    main()
