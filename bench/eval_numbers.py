"""Measure the number family on real statistics copy and one-edit mutations of it.

    python bench/eval_numbers.py [--data ../shared/data] [--show N] [--kind KIND]

Reads number-sources-dev.jsonl (official statistical releases and news items
reporting them), number-cases-dev.jsonl (one edit each that breaks exactly one
arithmetic statement, or a decoy edit that breaks none) and, as a false-alarm
check, clean-articles-dev.jsonl (CCTV news) and the People's Daily pages of
rmrb-2020-pages.jsonl.gz. Each text is rendered as `# {title}`, a blank line,
then its paragraphs separated by blank lines, as the data's README says.

Reports: number findings on the untouched texts; for the cases, recall per tier
and per kind (a new number finding at or near the edited span, or on the
headline for headline-vs-body) and decoys flagged (any new number finding);
number findings per 10,000 characters on the clean articles and pages.

All of these texts are development data: the rules were written while reading
them, so these figures are tuning figures; the issue's figures on unseen copy
are measured by others. The data is read from beside the checkout, never copied in.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint import lint_text  # noqa: E402
from newslint.config import default_config  # noqa: E402

NEAR = 40  # characters: a finding this close to the edited span counts as "at or near" it


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def render(title: str, text: str) -> str:
    return f"# {title}\n\n" + "\n\n".join(p for p in text.split("\n") if p.strip()) + "\n"


def number_findings(text: str, config) -> list:
    return lint_text(text, config, select=["number"])


def _key(finding) -> tuple:
    return (finding.rule, finding.message)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--show", type=int, default=0, help="print this many misses, decoys flagged and false alarms")
    parser.add_argument("--kind", default="", help="only cases of this kind")
    parser.add_argument("--no-pages", action="store_true", help="skip the People's Daily pages (slow)")
    args = parser.parse_args()
    sources_path = args.data / "number-sources-dev.jsonl"
    if not sources_path.is_file():
        print(f"evaluation data not found in {args.data}; nothing measured")
        return
    config = default_config()
    texts = {("sources-dev", r["id"]): r for r in read_jsonl(sources_path)}
    texts.update({("cctv-dev", r["id"]): r for r in read_jsonl(args.data / "clean-articles-dev.jsonl")})
    cases = read_jsonl(args.data / "number-cases-dev.jsonl")
    if args.kind:
        cases = [c for c in cases if c["kind"] == args.kind]

    baseline: dict[tuple, list] = {}
    untouched = 0
    for key in sorted({(c["file"], c["text_id"]) for c in cases} | {k for k in texts if k[0] == "sources-dev"}):
        record = texts[key]
        findings = number_findings(render(record["title"], record["text"]), config)
        baseline[key] = findings
        untouched += len(findings)
        if findings and args.show:
            for f in findings[: args.show]:
                print(f"  untouched {key[1]}: {f.rule} {f.line}:{f.column} {f.message}")
    print(f"number findings on the untouched texts ({len(baseline)} texts): {untouched}")

    found: Counter = Counter()
    total: Counter = Counter()
    by_kind: dict[str, Counter] = defaultdict(Counter)
    shown = 0
    for case in cases:
        record = texts[(case["file"], case["text_id"])]
        assert record["text"].count(case["old"]) == 1, case["id"]
        mutated_text = record["text"].replace(case["old"], case["new"], 1)
        rendered = render(record["title"], mutated_text)
        start = rendered.index(case["new"]) if case["new"] else rendered.index(mutated_text[:20])
        end = start + len(case["new"])
        before = Counter(_key(f) for f in baseline[(case["file"], case["text_id"])])
        new = []
        for finding in number_findings(rendered, config):
            key = _key(finding)
            if before[key]:
                before[key] -= 1
                continue
            new.append(finding)
        tier, kind = case["tier"], case["kind"]
        total[tier] += 1
        by_kind[kind]["cases"] += 1
        if tier == "decoy":
            hit = bool(new)
        else:
            title_end = rendered.index("\n")
            hit = any(
                (f.offset < end + NEAR and f.end_offset > start - NEAR)
                or any(r.offset < end + NEAR and r.end_offset > start - NEAR for r in f.related)
                or (kind == "headline-vs-body" and f.offset < title_end)
                for f in new
            )
        found[tier] += hit
        by_kind[kind]["hit"] += hit
        if args.show and shown < args.show and (hit if tier == "decoy" else not hit):
            shown += 1
            what = "decoy flagged" if tier == "decoy" else "missed"
            print(f"  {what} {case['id']} [{kind}] {case['old']!r} -> {case['new']!r}: {case['why']}")
            for f in new[:3]:
                print(f"      got {f.rule} {f.line}:{f.column} {f.message}")
    print(f"{'tier':8s} {'cases':>6s} {'found':>6s} {'rate':>6s}")
    for tier in ("core", "stretch", "decoy"):
        label = "flagged" if tier == "decoy" else "found"
        print(f"{tier:8s} {total[tier]:6d} {found[tier]:6d} {found[tier] / max(total[tier], 1):6.3f}  ({label})")
    print(f"{'kind':20s} {'cases':>6s} {'hit':>5s}")
    for kind, counts in sorted(by_kind.items()):
        print(f"{kind:20s} {counts['cases']:6d} {counts['hit']:5d}")

    chars = findings = 0
    for record in read_jsonl(args.data / "clean-articles-dev.jsonl"):
        text = render(record["title"], record["text"])
        chars += len(text)
        got = number_findings(text, config)
        findings += len(got)
        for f in got[: args.show and 2]:
            print(f"  CCTV {record['id']}: {f.rule} {f.line}:{f.column} {f.message}")
    print(f"clean CCTV articles: {findings} number findings in {chars:,} characters ({findings * 1e4 / chars:.3f} per 10,000)")
    if args.no_pages:
        return
    chars = findings = 0
    with gzip.open(args.data / "rmrb-2020-pages.jsonl.gz", "rt", encoding="utf-8") as stream:
        for page in map(json.loads, stream):
            parts = []
            for article in page["articles"]:
                parts += [article[r] for r in ("kicker", "title", "deck") if article[r]] + [p for p in article["paragraphs"] if p.strip()]
            text = "\n\n".join(parts) + "\n"
            chars += len(text)
            got = number_findings(text, config)
            findings += len(got)
            for f in got[: args.show and 1]:
                print(f"  page {page['id']}: {f.rule} {f.line}:{f.column} {f.message}")
    print(f"People's Daily pages: {findings} number findings in {chars:,} characters ({findings * 1e4 / chars:.3f} per 10,000)")


if __name__ == "__main__":
    main()
