"""duplicate/across-articles on real copy: the People's Daily pages of a month as one archive.

    python bench/eval_across.py [--data ../shared/data] [--month 01] [--show 20] [--dask local:2]

Every article of the month's pages (rmrb-2020-pages.jsonl.gz) becomes a row
(`id`, `title`, `body` = its paragraphs one a line) of a JSON Lines archive in a
temporary folder, which `newslint check --select duplicate/across-articles`
reads as any archive. The pages are published, proofread copy: every finding is
either a paragraph the paper really printed twice (a box on two pages, a
statement carried in two articles) or a false alarm. Prints the count of
findings and of articles they are on, and the first --show findings with both
paragraphs, to judge. The data is read from beside the checkout, never copied in.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULE = "duplicate/across-articles"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--month", default="01")
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--dask", default=None, help="run on this cluster (local:2, or a scheduler address)")
    args = parser.parse_args()
    pages = args.data / "rmrb-2020-pages.jsonl.gz"
    if not pages.is_file():
        print(f"skipped: {pages} is not there")
        return
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / f"rmrb-2020-{args.month}.jsonl"
        bodies = {}
        with gzip.open(pages, "rt", encoding="utf-8") as stream, archive.open("w", encoding="utf-8") as out:
            for line in stream:
                page = json.loads(line)
                if page["date"][5:7] != args.month:
                    continue
                for article in page["articles"]:
                    body = "\n".join(p for p in article["paragraphs"] if p.strip())
                    if body:
                        bodies[article["id"]] = body.split("\n")
                        out.write(json.dumps({"id": article["id"], "title": article["title"], "body": body}, ensure_ascii=False) + "\n")
        command = [sys.executable, "-m", "newslint", "check", "--select", RULE, "--format", "json", "--fail-on", "never",
                   "--text-field", "body", "--title-field", "title", str(archive)] + (["--dask", args.dask] if args.dask else [])
        report = json.loads(subprocess.run(command, capture_output=True, check=True, cwd=REPO).stdout)
    findings = report["findings"]
    print(f"{len(bodies):,} articles of 2020-{args.month}: {len(findings)} findings on {len({f['path'] for f in findings})} articles")
    for finding in findings[: args.show]:
        here, other = finding["path"].split("#")[1], finding["related"][0]["path"].split("#")[1]
        print(f"\n{here} line {finding['line']} ~ {other} line {finding['related'][0]['line']}: {finding['message']}")
        print("  ", bodies[here][finding["line"] - 2][:120])  # line 1 is the title
        print("  ", bodies[other][finding["related"][0]["line"] - 2][:120])


if __name__ == "__main__":
    main()
