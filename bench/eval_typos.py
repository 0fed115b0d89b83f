"""Measure the typo and punct families on the shared evaluation data, when it is there.

    python bench/eval_typos.py [--data ../shared/data] [--show N] [--all-sentences]

Typos (typos-dev.jsonl), on the REPORT split only unless --all-sentences: the
sentences whose corrected text has an odd MD5 (bench/calibrate_typo_model.py
calibrates typo/model on the even, TUNE, half, grouped by corrected text so
that ECSpell's repeats of one sentence stay on one side). For each source
(ECSpell, CSCD-NS) and each rule: findings, precision (typo findings that
cover a gold error / all typo findings), sentence recall (sentences with a
gold error where a finding covers one) and suggestion accuracy (findings at a
gold error whose fix writes the gold correction). The gold corrects character
substitutions only, so a doubled word or redundant pair it kept in its
corrected sentence is neither confirmed nor refuted: those are counted in
"left by gold" (and still count against strict precision); read them with
--show.

False alarms per 10,000 characters on clean copy: clean-sentences-dev.jsonl
(typo and punct), clean-articles-dev.jsonl (rendered as a title line, a blank
line and paragraphs separated by blank lines) and the May 2020 pages of
rmrb-2020-pages.jsonl.gz (each article's kicker, title, deck and paragraphs on
lines of their own separated by blank lines; the January and February pages
are the model's training text and are not measured).

Each measurement is made twice: with the default rules, and with the opt-in
typo/model as well. Last, the model file's size and load time. Skips cleanly
when the data is absent. The data is evaluation data: it is read from beside
the checkout, never copied in.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint import lint_text  # noqa: E402
from newslint.config import default_config  # noqa: E402

SOURCES = {"ecspell": "ECSpell", "cscdns": "CSCD-NS"}
WITH_MODEL = ["typo", "typo/model"]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_of(record: dict) -> str:
    """TUNE or REPORT (the same rule as bench/calibrate_typo_model.py)."""
    return "TUNE" if int(hashlib.md5(record["correct"].encode("utf-8")).hexdigest(), 16) % 2 == 0 else "REPORT"


def gold_spans(record: dict) -> list[tuple[int, int]]:
    return [(index, index + max(1, len(wrong))) for index, wrong, _ in record["errors"]]


def suggestion_right(record: dict, finding) -> bool:
    """Whether the finding's fix writes the gold correction where it edits."""
    if finding.fix is None or not record["aligned"]:
        return False
    return all(record["correct"][e.offset : e.end_offset] == e.replacement for e in finding.fix.edits)


def evaluate_typos(records: list[dict], config, families: list[str], show: int, label: str) -> dict:
    hits, total, kept_by_gold, right = Counter(), Counter(), Counter(), Counter()
    found_sentences: dict[tuple[str, str], set[str]] = defaultdict(set)
    with_errors = Counter(r["id"].split("_")[0] for r in records if r["errors"])
    shown = 0
    for record in records:
        spans = gold_spans(record)
        source = record["id"].split("_")[0]
        for finding in lint_text(record["text"], config, select=families):
            for key in ((source, finding.rule), (source, "all")):
                total[key] += 1
            covered = any(finding.offset < end and start < finding.end_offset for start, end in spans)
            if covered:
                for key in ((source, finding.rule), (source, "all")):
                    hits[key] += 1
                    found_sentences[key].add(record["id"])
                    right[key] += suggestion_right(record, finding)
                continue
            flagged = record["text"][finding.offset : finding.end_offset]
            if finding.rule in ("typo/doubled-word", "typo/redundant") and flagged in record["correct"]:
                # The gold corrects substitutions only and left this text as it
                # was: neither confirmed nor refuted, so counted apart.
                for key in ((source, finding.rule), (source, "all")):
                    kept_by_gold[key] += 1
            if shown < show:
                shown += 1
                print(f"  false alarm {finding.rule}: {record['text'][max(0, finding.offset - 8):finding.end_offset + 8]!r} {finding.message}")
    print(f"typos-dev, {label}: {len(records)} sentences, {sum(with_errors.values())} with gold errors")
    print(f"  {'source / rule':34s} {'findings':>8s} {'precision':>9s} {'sentence recall':>15s} {'suggestion acc.':>15s} {'left by gold':>12s}")
    summary = {}
    for source in sorted(with_errors, key=lambda s: list(SOURCES).index(s) if s in SOURCES else 99):
        rules = sorted(rule for s, rule in total if s == source and rule != "all") + ["all"]
        for rule in rules:
            key = (source, rule)
            if not total[key]:
                continue
            precision = hits[key] / total[key]
            recall = len(found_sentences[key]) / with_errors[source]
            accuracy = right[key] / hits[key] if hits[key] else 0.0
            print(
                f"  {SOURCES.get(source, source) + ', ' + rule:34s} {total[key]:8d} {precision:9.3f}"
                f" {recall:15.3f} {accuracy:15.3f} {kept_by_gold[key]:12d}"
            )
            if rule == "all":
                summary[source] = (precision, recall, accuracy)
    everything = set().union(*(found_sentences[(s, "all")] for s in with_errors))
    print(f"  {'overall sentence recall':34s} {len(everything) / max(1, sum(with_errors.values())):33.3f}")
    return summary


def render_article(title: str, text: str) -> str:
    return title + "\n\n" + "\n\n".join(p for p in text.split("\n") if p.strip()) + "\n"


def render_page(page: dict) -> str:
    parts = []
    for article in page["articles"]:
        parts += [article[k] for k in ("kicker", "title", "deck") if article[k].strip()]
        parts += [p for p in article["paragraphs"] if p.strip()]
    return "\n\n".join(parts) + "\n"


def evaluate_clean(name: str, texts: list[str], config, families: list[str], show: int) -> None:
    counts = Counter()
    characters = sum(len(t) for t in texts)
    shown = 0
    for text in texts:
        for finding in lint_text(text, config, select=families):
            counts[finding.rule] += 1
            if shown < show:
                shown += 1
                print(f"  false alarm {finding.rule}: {text[max(0, finding.offset - 8):finding.end_offset + 8]!r} {finding.message}")
    print(f"{name} ({' + '.join(families)}): {len(texts)} texts, {characters} characters")
    for rule, n in sorted(counts.items()):
        print(f"  {rule:24s} {n:5d} findings, {n / characters * 10_000:.2f} per 10,000 characters")
    print(f"  {'all':24s} {sum(counts.values()):5d} findings, {sum(counts.values()) / characters * 10_000:.2f} per 10,000 characters")


def report_model() -> None:
    from newslint import charmodel

    path = charmodel.MODEL_FILE
    if not path.is_file():
        print("typo model: not built")
        return
    times = []
    for _ in range(5):
        start = time.perf_counter()
        charmodel.CharModel.load(path)
        times.append(time.perf_counter() - start)
    print(f"typo model: {path.name}, {path.stat().st_size / 1e6:.1f} MB, load {min(times) * 1000:.1f} ms (numpy already imported)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms of each kind")
    parser.add_argument("--all-sentences", action="store_true", help="measure typos on TUNE and REPORT together")
    args = parser.parse_args()
    typos, clean = args.data / "typos-dev.jsonl", args.data / "clean-sentences-dev.jsonl"
    if not typos.is_file() or not clean.is_file():
        print(f"evaluation data not found in {args.data}; nothing measured")
        return
    config = default_config()
    records = read_jsonl(typos)
    if not args.all_sentences:
        records = [r for r in records if split_of(r) == "REPORT"]
    split = "all sentences (TUNE + REPORT)" if args.all_sentences else "REPORT split (held out from calibration)"
    evaluate_typos(records, config, ["typo"], args.show, f"{split}, default typo rules")
    evaluate_typos(records, config, WITH_MODEL, args.show, f"{split}, typo rules + typo/model")
    sentences = [r["text"] for r in read_jsonl(clean)]
    evaluate_clean("clean sentences", sentences, config, ["typo", "punct"], args.show)
    evaluate_clean("clean sentences", sentences, config, [*WITH_MODEL, "punct"], args.show)
    articles_path = args.data / "clean-articles-dev.jsonl"
    if articles_path.is_file():
        articles = [render_article(r["title"], r["text"]) for r in read_jsonl(articles_path)]
        evaluate_clean("clean articles", articles, config, ["typo"], args.show)
        evaluate_clean("clean articles", articles, config, WITH_MODEL, args.show)
    pages_path = args.data / "rmrb-2020-pages.jsonl.gz"
    if pages_path.is_file():
        with gzip.open(pages_path, "rt", encoding="utf-8") as source:
            pages = [render_page(p) for p in map(json.loads, source) if p["date"].startswith("2020-05")]
        evaluate_clean("May 2020 pages", pages, config, ["typo"], args.show)
        evaluate_clean("May 2020 pages", pages, config, WITH_MODEL, args.show)
    report_model()


if __name__ == "__main__":
    main()
