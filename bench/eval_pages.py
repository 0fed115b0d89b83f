"""Measure how newslint reads whole newspaper pages, published and damaged.

    python bench/eval_pages.py [--data ../shared/data] [--months 01,02|05] [--limit N] [--show N]

Reads rmrb-2020-pages.jsonl.gz (People's Daily, January, February and May 2020:
whole pages of several articles with their known structure) when it is there,
and renders each page as an extraction gives it: every article's kicker, title
and deck on lines of their own, then its paragraphs, once separated by blank
lines and once one per line. It reports, for each layout:

(a) findings per 10,000 characters per family on the published pages (proofread
    copy: apart from byline/missing on features whose author line the crawler
    dropped, every finding is a false alarm to explain);
(b) segmentation against the known articles: pages whose article count is
    right, and the share of known headlines read as headlines;
(c) recall for damage done to a page one kind at a time (a paragraph printed
    twice, a paragraph cut mid-sentence, a page-break seam, two articles run
    together by dropping the second one's headline lines, a byline removed),
    and the findings of the structure families the damage added besides.

January and February are what the document model was tuned on; May is held
out: run `--months 05` for the figures to report (the README says which is
which). The data is evaluation data: read from beside the checkout, never copied in.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from eval_structure import _cut_point  # noqa: E402  (bench/ is on the path: the same cut as for articles)

from newslint import lint_text  # noqa: E402
from newslint.config import default_config  # noqa: E402
from newslint.document import Document, Kind  # noqa: E402

STRUCTURE = ["duplicate", "split", "byline"]
LAYOUTS = {"blank lines": "\n\n", "one per line": "\n"}
# An attribution as People's Daily prints it, independent of newslint's own
# patterns: 本报北京1月9日电 （记者 张三）, 新华社北京1月9日电, and a name-only line.
_ATTRIBUTION = regex.compile(r"^(?:本报|新华社|人民网|中新社|央视网)[\p{Han}]{0,12}?(?:\d{1,2}月\d{1,2}日)?(?:电|讯)\s*(?:[（(][^（）()]{0,40}[）)])?\s*")
_BYLINE_LINE = regex.compile(r"^(?:[（(]\s*)?(?:本报)?(?:特约)?(?:记者|通讯员)\s*[\p{Han}·、\s]{2,40}(?:[）)])?$")


@dataclass
class Rendered:
    text: str
    # (start offset, role, article index) of every rendered line
    pieces: list[tuple[int, str, int]] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def render(articles: list[dict], gap: str) -> Rendered:
    parts: list[str] = []
    pieces: list[tuple[int, str, int]] = []
    offset = 0
    for index, article in enumerate(articles):
        lines = [(role, article[role]) for role in ("kicker", "title", "deck") if article.get(role)]
        lines += [("paragraph", p) for p in article["paragraphs"] if p.strip()]
        for role, line in lines:
            pieces.append((offset, role, index))
            parts.append(line)
            offset += len(line) + len(gap)
    return Rendered(gap.join(parts) + "\n", pieces)


def _long_paragraphs(articles: list[dict], minimum: int = 40) -> list[tuple[int, int]]:
    return [(a, p) for a, article in enumerate(articles) for p, text in enumerate(article["paragraphs"]) if len(text) >= minimum]


def _copy(articles: list[dict]) -> list[dict]:
    return [dict(article, paragraphs=list(article["paragraphs"])) for article in articles]


# Each damage returns the damaged articles, the rule that must report it, and
# (article index, paragraph index) of the damaged paragraph (None: the article's
# first line), or None when the page offers no place for it.
def repeated_paragraph(articles, rng):
    places = _long_paragraphs(articles)
    if not places:
        return None
    a, p = rng.choice(places)
    damaged = _copy(articles)
    at = rng.randint(p + 1, len(damaged[a]["paragraphs"]))
    damaged[a]["paragraphs"].insert(at, articles[a]["paragraphs"][p])
    return damaged, "duplicate/paragraph", (a, at)


def mid_sentence(articles, rng):
    places = _long_paragraphs(articles)
    rng.shuffle(places)
    for a, p in places:
        cut = _cut_point(articles[a]["paragraphs"][p], rng)
        if cut is not None:
            damaged = _copy(articles)
            text = damaged[a]["paragraphs"][p]
            damaged[a]["paragraphs"][p : p + 1] = [text[:cut], text[cut:]]
            return damaged, "split/mid-sentence", (a, p)
    return None


def seam(articles, rng):
    places = [
        (a, p) for a, article in enumerate(articles) for p in range(len(article["paragraphs"]) - 1)
        if len(article["paragraphs"][p]) >= 30 and len(article["paragraphs"][p + 1]) >= 30
    ]
    if not places:
        return None
    a, p = rng.choice(places)
    damaged = _copy(articles)
    repeat = damaged[a]["paragraphs"][p][-rng.randint(10, 24) :]
    damaged[a]["paragraphs"][p + 1] = repeat + damaged[a]["paragraphs"][p + 1]
    return damaged, "duplicate/seam", (a, p + 1)


def merged_articles(articles, rng):
    places = [a for a in range(1, len(articles)) if articles[a]["paragraphs"] and _ATTRIBUTION.match(articles[a]["paragraphs"][0])]
    if not places:
        return None
    a = rng.choice(places)
    damaged = _copy(articles)
    second = damaged.pop(a)
    damaged[a - 1]["paragraphs"].extend(second["paragraphs"])
    return damaged, "byline/merged", (a - 1, -1)


def byline_removed(articles, rng):
    places = [a for a, article in enumerate(articles) if article["paragraphs"] and _ATTRIBUTION.match(article["paragraphs"][0])]
    rng.shuffle(places)
    for a in places:
        paragraphs = articles[a]["paragraphs"]
        if any(_BYLINE_LINE.match(p.strip()) for p in paragraphs) or len("".join(paragraphs)) < 200:
            continue  # signed elsewhere too, or too short to be a news article
        damaged = _copy(articles)
        first = _ATTRIBUTION.sub("", paragraphs[0], count=1)
        if len(first) < 10:
            continue
        damaged[a]["paragraphs"][0] = first
        return damaged, "byline/missing", (a, None)
    return None


DAMAGES = {
    "paragraph printed twice": repeated_paragraph,
    "cut mid-sentence": mid_sentence,
    "page-break seam": seam,
    "two articles run together": merged_articles,
    "byline removed": byline_removed,
}


def _lines_of(rendered: Rendered, article: int, paragraph: int | None) -> tuple[int, int]:
    """The lines (first, last) where a finding on this place must start."""
    own = [(offset, role) for offset, role, index in rendered.pieces if index == article]
    if paragraph == -1:  # anywhere in the article: byline/merged sits on its headline
        return rendered.line_of(own[0][0]), rendered.line_of(own[-1][0])
    if paragraph is None:
        first = rendered.line_of(own[0][0])
        body = [offset for offset, role in own if role == "paragraph"]
        return first, rendered.line_of(body[0]) if body else first
    body = [offset for offset, role in own if role == "paragraph"]
    line = rendered.line_of(body[paragraph])
    return line, line


def _segmentation(rendered: Rendered, articles: list[dict]) -> tuple[bool, int, int]:
    doc = Document.parse(rendered.text)
    kinds = {block.start: block.kind for block in doc.blocks}
    titles = [offset for offset, role, _ in rendered.pieces if role == "title"]
    read = sum(kinds.get(offset) is Kind.HEADLINE for offset in titles)
    return len(doc.articles) == len(articles), read, len(titles)


def _unsigned_articles(articles: list[dict]) -> int:
    """Articles with no dateline and no byline anywhere in their text."""
    return sum(
        1 for article in articles
        if not any(_ATTRIBUTION.match(p) or _BYLINE_LINE.match(p.strip()) or "记者" in p[:40] or "评论员" in p for p in article["paragraphs"])
    )


def measure_page(job: tuple[dict, str, int]) -> dict:
    page, gap, seed = job
    config = default_config()
    articles = [a for a in page["articles"] if a["paragraphs"] or a["title"]]
    rendered = render(articles, gap)
    findings = lint_text(rendered.text, config)
    result = {
        "chars": len(rendered.text),
        "families": Counter(f.rule.split("/")[0] for f in findings),
        "rules": Counter(f.rule for f in findings),
        "missing": sum(f.rule == "byline/missing" for f in findings),
        "unsigned": _unsigned_articles(articles),
        "examples": [(page["id"], f.rule, f.line, rendered.text.splitlines()[f.line - 1][:50]) for f in findings if f.rule.split("/")[0] in STRUCTURE],
        "damage": {},
    }
    result["count_right"], result["headlines_read"], result["headlines"] = _segmentation(rendered, articles)
    clean = Counter(f.rule for f in findings if f.rule.split("/")[0] in STRUCTURE)
    for name, damage in DAMAGES.items():
        case = damage(articles, random.Random(f"{seed}:{name}:{page['id']}"))
        if case is None:
            continue
        damaged, rule, (a, p) = case
        text = render(damaged, gap)
        first, last = _lines_of(text, a, p)
        got = lint_text(text.text, config, select=STRUCTURE)
        found = any(f.rule == rule and first <= f.line <= last for f in got)
        extra = Counter(f.rule for f in got) - clean
        extra[rule] = max(0, extra[rule] - 1)
        result["damage"][name] = (found, sum(extra.values()), None if found else (page["id"], rule, first))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--months", default="", help="comma-separated months to read (01,02: tuning; 05: held out); default all")
    parser.add_argument("--layout", default="", help="only the layout whose name contains this")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print this many structure findings and misses")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    source = args.data / "rmrb-2020-pages.jsonl.gz"
    if not source.is_file():
        print(f"evaluation data not found in {args.data}; nothing measured")
        return
    months = {m.strip() for m in args.months.split(",") if m.strip()}
    with gzip.open(source, "rt", encoding="utf-8") as stream:
        pages = [json.loads(line) for line in stream if line.strip()]
    pages = [p for p in pages if not months or p["date"][5:7] in months]
    if args.limit:
        pages = pages[: args.limit]
    for layout, gap in LAYOUTS.items():
        if args.layout and args.layout not in layout:
            continue
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(measure_page, [(page, gap, args.seed) for page in pages], chunksize=8)
        report(layout, pages, results, args.show)


def report(layout: str, pages: list[dict], results: list[dict], show: int) -> None:
    chars = sum(r["chars"] for r in results)
    families, rules = Counter(), Counter()
    for r in results:
        families.update(r["families"])
        rules.update(r["rules"])
    print(f"== {layout}: {len(pages)} pages, {sum(len(p['articles']) for p in pages):,} articles, {chars:,} characters")
    print("  (a) findings per 10,000 characters on the published pages")
    for family in ("duplicate", "split", "typo", "punct", "number", "byline"):
        print(f"      {family:10s} {families[family] * 1e4 / chars:7.3f}   ({families[family]})")
    for rule, count in sorted(rules.items()):
        if rule.split("/")[0] in STRUCTURE:
            print(f"        {rule:26s} {count * 1e4 / chars:7.3f}   ({count})")
    missing, unsigned = sum(r["missing"] for r in results), sum(r["unsigned"] for r in results)
    print(f"      byline/missing findings: {missing}; articles with no dateline or byline anywhere: {unsigned}")
    right = sum(r["count_right"] for r in results)
    read, titles = sum(r["headlines_read"] for r in results), sum(r["headlines"] for r in results)
    print(f"  (b) article count right on {right}/{len(results)} pages ({right / max(len(results), 1):.3f}); "
          f"headlines read as headlines {read}/{titles} ({read / max(titles, 1):.3f})")
    print(f"  (c) {'damage':28s} {'pages':>6s} {'found':>6s} {'recall':>7s} {'other new findings':>19s}")
    misses = []
    for name in DAMAGES:
        cases = [r["damage"][name] for r in results if name in r["damage"]]
        found = sum(c[0] for c in cases)
        misses += [c[2] for c in cases if c[2]]
        print(f"      {name:28s} {len(cases):6d} {found:6d} {found / max(len(cases), 1):7.3f} {sum(c[1] for c in cases):19d}")
    if show:
        examples = [e for r in results for e in r["examples"]]
        random.Random(0).shuffle(examples)
        for example in examples[:show]:
            print("      finding:", example)
        for miss in misses[:show]:
            print("      missed:", miss)


if __name__ == "__main__":
    main()
