"""Throughput of lint_text per family, memory per MB, and one CLI run on one page.

    python bench/bench.py [--megabytes 4] [--families duplicate,split]
                          [--autocorrect-python PATH] [--cli-runs 15]

The corpus is built from examples/ and, when they are beside the checkout, the
shared sample page and clean articles, assembled into pages of about 10 KB
(several articles each) and varied so that pages differ, until it reaches the
requested size. Figures are MB of UTF-8 per second of CPU time on one core,
the best of three passes; "all" is the default rule set, "all+model" the same
with typo/model switched on.

On a noisy machine only figures measured in the same run compare: the one-page
CLI run (the Qingdao page when it is beside the checkout) alternates with
`python -c pass`, and autocorrect-py's lint runs over the same pages right
after newslint's. autocorrect-py is never a dependency: install it in any
environment (`python -m venv /tmp/ac && /tmp/ac/bin/pip install autocorrect-py`)
and name that interpreter with --autocorrect-python; the current one is used
when it has the package, and the comparison is skipped when neither does.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint import Document, lint_text  # noqa: E402
from newslint.config import default_config  # noqa: E402
from newslint.rule import families  # noqa: E402

SHARED = REPO.parent / "shared"
REPEATS = 3


def source_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    page = SHARED / "corpus" / "qingdao-daily-2024-03-04.txt"
    if page.is_file():
        texts.append(page.read_text(encoding="utf-8"))
    articles = SHARED / "data" / "clean-articles-dev.jsonl"
    if articles.is_file():
        for line in articles.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append(record["title"] + "\n\n" + record["text"].replace("\n", "\n\n") + "\n")
    return texts


def build_corpus(megabytes: float, page_bytes: int = 10_000) -> list[str]:
    """Page-sized documents (about 10 KB, several articles each, like a newspaper page),
    each numbered so that repeated articles differ."""
    texts, pages, size, index = source_texts(), [], 0, 0
    while size < megabytes * 1_000_000:
        parts, page_size, k = [], 0, index
        while page_size < page_bytes:
            text = texts[k % len(texts)]
            parts.append(text)
            page_size += len(text.encode("utf-8"))
            k += 7
        page = "\n".join(parts).replace("。", f"（{index}）。", 1)
        pages.append(page)
        size += len(page.encode("utf-8"))
        index += 1
    return pages


def throughput(pages: list[str], select: list[str] | None) -> float:
    config = default_config()
    # typo/model is off by default; naming it switches it on.
    select = None if select is None else [*(s for s in select if s != "model"), *(["typo/model"] if "model" in select else [])]
    size = sum(len(p.encode("utf-8")) for p in pages)
    if select is not None:
        lint_text(pages[0], config, select=select)  # load word lists and patterns before timing
    # The best of three passes, in CPU time: on a shared machine single
    # measurements swing by half, and interference only ever slows a pass down.
    best = float("inf")
    for _ in range(REPEATS):
        start = time.process_time()
        for page in pages:
            if select is None:
                Document.parse(page)
            else:
                lint_text(page, config, select=select)
        best = min(best, time.process_time() - start)
    return size / 1_000_000 / best


def large_file_seconds(paragraphs: int) -> float:
    texts = source_texts()
    body = [b for t in texts for b in t.split("\n\n") if len(b) > 30]
    copy = "\n\n".join(f"{body[i % len(body)]}（{i}）" for i in range(paragraphs))
    start = time.perf_counter()
    lint_text(copy, select=["duplicate", "split"])
    return time.perf_counter() - start


def one_page() -> Path:
    page = SHARED / "corpus" / "qingdao-daily-2024-03-04.txt"
    return page if page.is_file() else REPO / "examples" / "page-with-problems.txt"


def cli_against_bare_python(runs: int) -> tuple[float, float]:
    """Median wall time of one CLI run on one page and of `python -c pass`,
    measured in turn so that both see the same load."""
    command = [sys.executable, "-m", "newslint", "check", "--no-color", "-o", os.devnull, str(one_page())]
    subprocess.run(command, capture_output=True, cwd=REPO)  # builds the caches a first run builds
    cli, bare = [], []
    for _ in range(runs):
        for times, argv in ((cli, command), (bare, [sys.executable, "-c", "pass"])):
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True, cwd=REPO)
            times.append(time.perf_counter() - start)
    return statistics.median(cli), statistics.median(bare)


AUTOCORRECT_CHILD = """
import json, sys, time
import autocorrect_py
pages = json.load(open(sys.argv[1], encoding="utf-8"))
autocorrect_py.lint_for(pages[0], "page.txt")
best = float("inf")
for _ in range({repeats}):
    start = time.process_time()
    for page in pages:
        autocorrect_py.lint_for(page, "page.txt")
    best = min(best, time.process_time() - start)
print(best)
"""


def autocorrect_python(asked: str | None) -> str | None:
    if asked:
        return asked
    return sys.executable if importlib.util.find_spec("autocorrect_py") else None


def autocorrect_throughput(pages: list[str], python: str) -> float:
    """autocorrect-py's lint over the same pages, in its own interpreter, measured as ours is."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(pages, handle, ensure_ascii=False)
    try:
        result = subprocess.run([python, "-c", AUTOCORRECT_CHILD.format(repeats=REPEATS), handle.name], capture_output=True, text=True, check=True)
    finally:
        os.unlink(handle.name)
    size = sum(len(p.encode("utf-8")) for p in pages)
    return size / 1_000_000 / float(result.stdout.strip())


MEMORY_CHILD = """
import json, resource, sys
sys.path.insert(0, {repo!r})
from newslint import lint_text
from newslint.lexicon import lexicon
lexicon()
text = open(sys.argv[1], encoding="utf-8").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
lint_text(text)
print(json.dumps({{"before_mb": before / 1024, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def peak_memory_per_mb(pages: list[str]) -> tuple[float, float, float]:
    """(MB of copy, peak MB, peak MB added per MB of copy) for the corpus linted as one file."""
    text = "\n\n".join(pages)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    try:
        result = subprocess.run([sys.executable, "-c", MEMORY_CHILD.format(repo=str(REPO)), handle.name], capture_output=True, text=True, check=True)
    finally:
        os.unlink(handle.name)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    size = len(text.encode("utf-8")) / 1_000_000
    return size, figures["peak_mb"], (figures["peak_mb"] - figures["before_mb"]) / size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument(
        "--families", default=",".join([*families(), "duplicate+split", "typo+punct", "all", "all+model"]),
        help="comma-separated groups; a group joins families with +; model is typo/model",
    )
    parser.add_argument("--autocorrect-python", help="an interpreter that has autocorrect-py installed")
    parser.add_argument("--cli-runs", type=int, default=15)
    args = parser.parse_args()
    pages = build_corpus(args.megabytes)
    size = sum(len(p.encode("utf-8")) for p in pages) / 1_000_000
    print(f"corpus: {len(pages)} pages, {size:.1f} MB UTF-8, {sum(map(len, pages)) / 1e6:.2f} M characters")
    print(f"  {'document parsing only':32s} {throughput(pages, None):6.2f} MB/s")
    ours = None
    for group in args.families.split(","):
        parts = group.split("+")
        select = [*families(), *parts[1:]] if parts[0] == "all" else parts
        label = "parse + " + group.replace("+", " + ")
        figure = throughput(pages, select)
        ours = figure if group == "all" else ours
        print(f"  {label:32s} {figure:6.2f} MB/s")
    python = autocorrect_python(args.autocorrect_python)
    if python is None:
        print("autocorrect-py: not installed (see --autocorrect-python); comparison skipped")
    else:
        theirs = autocorrect_throughput(pages, python)
        ratio = f", newslint's default set at {ours / theirs:.2f} times its throughput" if ours else ""
        print(f"autocorrect-py lint on the same pages: {theirs:.2f} MB/s{ratio}")
    megabytes, peak, per_mb = peak_memory_per_mb(pages)
    print(f"the corpus as one {megabytes:.1f} MB file: peak {peak:.0f} MB, {per_mb:.1f} MB added per MB of copy")
    print(f"10,000-paragraph file, duplicate + split: {large_file_seconds(10_000):.2f} s")
    cli, bare = cli_against_bare_python(args.cli_runs)
    print(f"one-page CLI run ({one_page().name}, median of {args.cli_runs}): {cli * 1000:.0f} ms; "
          f"python -c pass {bare * 1000:.0f} ms in the same run; ratio {cli / bare:.1f}")


if __name__ == "__main__":
    main()
