"""Measure the duplicate and split families on whole articles, clean and damaged.

    python bench/eval_structure.py [--data ../shared/data] [--seed 1] [--show 5]

Reads clean-articles-dev.jsonl (when it is there) and renders each article as a
headline line and paragraphs, once separated by blank lines and once one per
line (as the shared sample page is set). First every finding on
the clean articles is counted (byline findings aside: these transcripts carry
no byline). Then each article is damaged in one way at a time, the way layout
and extraction damage copy, and the script checks that the expected rule
reports it on the expected line, and counts any other finding of the two
families as a false alarm:

- a paragraph printed twice, exactly or with a few characters and the comma
  width changed (duplicate/paragraph)
- a page-break seam: a paragraph that opens with the last 10 to 24 characters
  of the one before (duplicate/seam)
- a paragraph cut inside a sentence into two (split/mid-sentence)
- a paragraph hard-wrapped into short lines (split/hard-wrap; with one
  paragraph per line a wrap cannot be told from a cut: split/mid-sentence)
- an article whose last paragraph stops mid-sentence (split/unfinished)
- a sentence repeated in a later paragraph (duplicate/sentence)

The data is evaluation data: it is read from beside the checkout, never copied in.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint import lint_text  # noqa: E402
from newslint.config import default_config  # noqa: E402
from newslint.document import SENTENCE, SENTENCE_END, ends_sentence  # noqa: E402

FAMILIES = ["duplicate", "split"]
# A damaged article yields its text, the rule that must report it, and the
# lines (first, last) of the damaged paragraph, where the finding must start.
Damage = Callable[[str, list[str], random.Random, "Layout"], tuple[str, str, tuple[int, int]] | None]


@dataclass(frozen=True)
class Layout:
    """How paragraphs are set apart: by blank lines, or one per line (the sample page)."""

    name: str
    gap: str

    def render(self, title: str, paragraphs: list[str]) -> str:
        return title + self.gap + self.gap.join(paragraphs) + "\n"

    def line_of(self, paragraph_index: int) -> int:
        """The 1-based line of a paragraph in render(): the headline is line 1."""
        step = self.gap.count("\n")
        return 1 + step * (paragraph_index + 1)


LAYOUTS = (Layout("paragraphs separated by blank lines", "\n\n"), Layout("one paragraph per line", "\n"))


def _long(paragraphs: list[str], rng: random.Random, minimum: int = 40) -> int | None:
    candidates = [i for i, p in enumerate(paragraphs) if len(p) >= minimum]
    return rng.choice(candidates) if candidates else None


def _cut_point(paragraph: str, rng: random.Random) -> int | None:
    """A position inside a sentence, between two Chinese characters, away from the ends."""
    points = [
        i for i in range(8, len(paragraph) - 8)
        if "\u4e00" <= paragraph[i - 1] <= "\u9fff" and "\u4e00" <= paragraph[i] <= "\u9fff"
        and not any(mark in paragraph[i - 1 : i + 1] for mark in SENTENCE_END)
    ]
    return rng.choice(points) if points else None


def repeated_paragraph(title: str, paragraphs: list[str], rng: random.Random, layout: Layout):
    k = _long(paragraphs, rng)
    if k is None:
        return None
    at = rng.randint(k + 1, len(paragraphs))
    copy = paragraphs[k]
    if rng.random() < 0.5:  # nearly the same: comma width and one character differ
        copy = copy.replace("，", ",", 2)
        i = _cut_point(copy, rng)
        if i is not None:
            copy = copy[:i] + "之" + copy[i + 1 :]
    damaged = paragraphs[:at] + [copy] + paragraphs[at:]
    return layout.render(title, damaged), "duplicate/paragraph", (layout.line_of(at), layout.line_of(at))


def seam(title: str, paragraphs: list[str], rng: random.Random, layout: Layout):
    # The next paragraph must be a paragraph of copy, not a subhead; the repeat
    # is a column line or two (10 to 24 characters: duplicate/seam ignores
    # repeats shorter than its min_chars, 10, by design).
    pairs = [i for i in range(len(paragraphs) - 1) if len(paragraphs[i]) >= 30 and ends_sentence(paragraphs[i + 1])]
    if not pairs:
        return None
    k = rng.choice(pairs)
    repeat = paragraphs[k][-rng.randint(10, 24) :]
    damaged = paragraphs[: k + 1] + [repeat + paragraphs[k + 1]] + paragraphs[k + 2 :]
    return layout.render(title, damaged), "duplicate/seam", (layout.line_of(k + 1), layout.line_of(k + 1))


def mid_sentence(title: str, paragraphs: list[str], rng: random.Random, layout: Layout):
    k = _long(paragraphs, rng)
    cut = _cut_point(paragraphs[k], rng) if k is not None else None
    if cut is None:
        return None
    damaged = paragraphs[:k] + [paragraphs[k][:cut], paragraphs[k][cut:]] + paragraphs[k + 1 :]
    return layout.render(title, damaged), "split/mid-sentence", (layout.line_of(k), layout.line_of(k))


def hard_wrap(title: str, paragraphs: list[str], rng: random.Random, layout: Layout):
    k = _long(paragraphs, rng, minimum=80)
    if k is None:
        return None
    width = rng.randint(20, 36)
    text = paragraphs[k]
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    damaged = layout.render(title, paragraphs[:k] + ["\n".join(lines)] + paragraphs[k + 1 :])
    # With one paragraph per line a wrapped line cannot be told from a cut one.
    rule = "split/hard-wrap" if "\n\n" in layout.gap else "split/mid-sentence"
    return damaged, rule, (layout.line_of(k), layout.line_of(k) + len(lines) - 1)


def unfinished(title: str, paragraphs: list[str], rng: random.Random, layout: Layout):
    last = paragraphs[-1]
    cut = _cut_point(last, rng) if len(last) >= 30 else None
    if cut is None:
        return None
    return layout.render(title, paragraphs[:-1] + [last[:cut]]), "split/unfinished", (layout.line_of(len(paragraphs) - 1), layout.line_of(len(paragraphs) - 1))


def repeated_sentence(title: str, paragraphs: list[str], rng: random.Random, layout: Layout):
    sentences = [
        (i, match.group()) for i, p in enumerate(paragraphs[:-1]) for match in SENTENCE.finditer(p)
        if len(match.group()) >= 20 and match.group().endswith("。")
    ]
    if not sentences:
        return None
    k, sentence = rng.choice(sentences)
    targets = [j for j in range(k + 1, len(paragraphs)) if paragraphs[j].endswith("。")]
    if not targets:
        return None
    at = rng.choice(targets)
    damaged = list(paragraphs)
    damaged[at] = damaged[at] + sentence
    return layout.render(title, damaged), "duplicate/sentence", (layout.line_of(at), layout.line_of(at))


DAMAGES: dict[str, Damage] = {
    "paragraph printed twice": repeated_paragraph,
    "page-break seam": seam,
    "cut mid-sentence": mid_sentence,
    "hard-wrapped paragraph": hard_wrap,
    "last paragraph cut short": unfinished,
    "sentence repeated": repeated_sentence,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false alarms")
    parser.add_argument("--only", help="run only the damages whose name contains this")
    parser.add_argument("--dump", type=Path, help="write each shown case to this folder, for newslint outline")
    parser.add_argument("--layout", help="run only the layout whose name contains this (blank, per line)")
    args = parser.parse_args()
    source = args.data / "clean-articles-dev.jsonl"
    if not source.is_file():
        print(f"evaluation data not found in {args.data}; nothing measured")
        return
    articles = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    shown = 0
    for layout in LAYOUTS:
        if not args.layout or args.layout in layout.name:
            shown = measure(articles, layout, args, shown)


def measure(articles: list[dict], layout: Layout, args: argparse.Namespace, shown: int) -> int:
    config = default_config()
    clean_findings = Counter()
    characters = 0
    for article in articles:
        text = layout.render(article["title"], article["text"].split("\n"))
        characters += len(text)
        for finding in lint_text(text, config):
            if not finding.rule.startswith("byline/"):
                clean_findings[finding.rule] += 1
    print(f"{layout.name}")
    print(f"  clean articles: {len(articles)}, {characters:,} characters; findings other than byline: {sum(clean_findings.values())}")
    for rule, count in sorted(clean_findings.items()):
        print(f"    {rule:24s} {count}")
    print(f"  {'damage':28s} {'cases':>6s} {'found':>6s} {'recall':>7s} {'false alarms':>13s}")
    for name, damage in DAMAGES.items():
        if args.only and args.only not in name:
            continue
        cases = found = false_alarms = 0
        # One stream per damage, so that --only picks the same cases as a full run.
        rng = random.Random(f"{args.seed}:{name}")
        for article in articles:
            damaged = damage(article["title"], article["text"].split("\n"), rng, layout)
            if damaged is None:
                continue
            text, rule, (first, last) = damaged
            cases += 1
            findings = lint_text(text, config, select=FAMILIES)
            expected = [f for f in findings if f.rule == rule and first <= f.line <= last]
            found += bool(expected)
            extra = [f for f in findings if f not in expected]
            false_alarms += len(extra)
            if shown < args.show and (not expected or extra):
                shown += 1
                lines = text.splitlines()
                print(f"    {name}: expected {rule} at {first}: {lines[first - 1][:40]!r}; got {[(f.rule, f.line) for f in findings]}")
                if args.dump:
                    args.dump.mkdir(parents=True, exist_ok=True)
                    (args.dump / f"case-{shown}.txt").write_text(text, encoding="utf-8")
        print(f"  {name:28s} {cases:6d} {found:6d} {found / max(cases, 1):7.3f} {false_alarms:13d}")
    return shown

if __name__ == "__main__":
    main()
