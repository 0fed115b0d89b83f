"""Time and memory of one large input: a single long line, and a long file of paragraphs.

    python bench/large_input.py [--sizes 0.25,1,4] [--line] [--copy problems|pages]

For each size (MB of UTF-8), a file is built from examples/page-with-problems.txt
(its paragraphs repeated, so that nearly every paragraph holds findings: the
worst case; with --line, all on one line), or with `--copy pages` from the pages
of ordinary copy bench/bench.py lints (examples/ and, when present, the shared
sample page and clean articles, numbered so that they differ), and linted with
every default rule in a child process, which reports its CPU time and peak
memory (ru_maxrss). The ratios between sizes show whether any path
grows faster than the input; the figures per MB are what a newsroom's largest
file costs. The issue's 50 MB line and 100 MB file are `--sizes 50 --line` and
`--sizes 100` (minutes on this machine).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {repo!r})
from newslint import lint_text
text = open(sys.argv[1], encoding="utf-8").read()
started = time.process_time()
findings = lint_text(text)
print(json.dumps({{"seconds": time.process_time() - started, "findings": len(findings),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def build(megabytes: float, one_line: bool, copy: str = "problems") -> str:
    if copy == "pages":
        sys.path.insert(0, str(REPO / "bench"))
        from bench import build_corpus  # noqa: PLC0415

        return ("" if one_line else "\n\n").join(page.replace("\n", "") if one_line else page for page in build_corpus(megabytes)) + "\n"
    paragraphs = [p for p in (REPO / "examples" / "page-with-problems.txt").read_text(encoding="utf-8").split("\n") if p.strip()]
    joiner = "" if one_line else "\n\n"
    out, size, k = [], 0, 0
    while size < megabytes * 1e6:
        piece = paragraphs[k % len(paragraphs)]
        out.append(piece)
        size += len(piece.encode()) + len(joiner)
        k += 1
    return joiner.join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.25,1,4")
    parser.add_argument("--line", action="store_true", help="everything on one line")
    parser.add_argument("--copy", choices=("problems", "pages"), default="problems", help="the example page full of problems, or ordinary pages")
    args = parser.parse_args()
    print(f"{'MB':>6s} {'seconds':>9s} {'MB/s':>7s} {'peak MB':>8s} {'peak per MB':>11s}")
    for size in (float(s) for s in args.sizes.split(",")):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
            handle.write(build(size, args.line, args.copy))
        try:
            result = subprocess.run([sys.executable, "-c", CHILD.format(repo=str(REPO)), handle.name], capture_output=True, text=True, check=True)
        finally:
            os.unlink(handle.name)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"{size:6.2f} {figures['seconds']:9.2f} {size / max(figures['seconds'], 1e-9):7.2f} {figures['peak_mb']:8.0f} {figures['peak_mb'] / size:11.1f}")


if __name__ == "__main__":
    main()
