"""Measure the typo and punct families on the shared evaluation data, when it is there.

    python bench/eval_typos.py [--data ../shared/data]

Prints, per rule: precision on typos-dev.jsonl (typo findings that cover a gold
error / all typo findings), sentence recall (sentences with a gold error where a
finding covers one), and false alarms per 10,000 characters on the error-free
clean-sentences-dev.jsonl. The gold corrects character substitutions only, so a
doubled word or redundant pair it kept in its corrected sentence is neither
confirmed nor refuted: those are counted in "left by gold" (and still count
against strict precision); read them with --show. Skips cleanly when the data is absent. The data is
evaluation data: it is read from beside the checkout, never copied in.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint import lint_text  # noqa: E402
from newslint.config import default_config  # noqa: E402


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_spans(record: dict) -> list[tuple[int, int]]:
    return [(index, index + max(1, len(wrong))) for index, wrong, _ in record["errors"]]


def evaluate_typos(records: list[dict], config, families: list[str], show: int) -> None:
    hits, total, kept_by_gold = Counter(), Counter(), Counter()
    by_source_hits, by_source_total = Counter(), Counter()
    found_sentences: dict[str, set[str]] = defaultdict(set)
    with_errors = [r for r in records if r["errors"]]
    shown = 0
    for record in records:
        spans = gold_spans(record)
        source = record["id"].split("_")[0]
        for finding in lint_text(record["text"], config, select=families):
            total[finding.rule] += 1
            by_source_total[source] += 1
            covered = any(finding.offset < end and start < finding.end_offset for start, end in spans)
            if covered:
                hits[finding.rule] += 1
                by_source_hits[source] += 1
                found_sentences[finding.rule].add(record["id"])
                found_sentences["all"].add(record["id"])
                continue
            flagged = record["text"][finding.offset : finding.end_offset]
            if finding.rule in ("typo/doubled-word", "typo/redundant") and flagged in record["correct"]:
                # The gold corrects substitutions only and left this text as it
                # was: neither confirmed nor refuted, so counted apart.
                kept_by_gold[finding.rule] += 1
            if shown < show:
                shown += 1
                print(f"  false alarm {finding.rule}: {record['text'][max(0, finding.offset - 8):finding.end_offset + 8]!r} {finding.message}")
    print(f"typos-dev: {len(records)} sentences, {len(with_errors)} with gold errors")
    print(f"  {'rule':24s} {'findings':>8s} {'precision':>9s} {'sentence recall':>15s} {'left by gold':>12s}")
    for rule in sorted(total):
        print(
            f"  {rule:24s} {total[rule]:8d} {hits[rule] / total[rule]:9.3f}"
            f" {len(found_sentences[rule]) / len(with_errors):15.3f} {kept_by_gold[rule]:12d}"
        )
    all_total, all_hits = sum(total.values()), sum(hits.values())
    if all_total:
        print(
            f"  {'all':24s} {all_total:8d} {all_hits / all_total:9.3f}"
            f" {len(found_sentences['all']) / len(with_errors):15.3f} {sum(kept_by_gold.values()):12d}"
        )
    for source in sorted(by_source_total):
        print(f"  {'all, ' + source:24s} {by_source_total[source]:8d} {by_source_hits[source] / by_source_total[source]:9.3f}")


def evaluate_clean(records: list[dict], config, families: list[str], show: int) -> None:
    counts = Counter()
    characters = sum(len(r["text"]) for r in records)
    shown = 0
    for record in records:
        for finding in lint_text(record["text"], config, select=families):
            counts[finding.rule] += 1
            if shown < show:
                shown += 1
                print(f"  false alarm {finding.rule}: {record['text'][max(0, finding.offset - 8):finding.end_offset + 8]!r} {finding.message}")
    print(f"clean sentences: {len(records)} sentences, {characters} characters")
    for rule, n in sorted(counts.items()):
        print(f"  {rule:24s} {n:5d} findings, {n / characters * 10_000:.2f} per 10,000 characters")
    print(f"  {'all':24s} {sum(counts.values()):5d} findings, {sum(counts.values()) / characters * 10_000:.2f} per 10,000 characters")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms of each kind")
    args = parser.parse_args()
    typos, clean = args.data / "typos-dev.jsonl", args.data / "clean-sentences-dev.jsonl"
    if not typos.is_file() or not clean.is_file():
        print(f"evaluation data not found in {args.data}; nothing measured")
        return
    config = default_config()
    evaluate_typos(read_jsonl(typos), config, ["typo"], args.show)
    evaluate_clean(read_jsonl(clean), config, ["typo", "punct"], args.show)


if __name__ == "__main__":
    main()
