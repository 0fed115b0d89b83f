"""Build newslint/data/article-starts.json: when a plain title-like line between paragraphs opens a new article.

    python tools/build_article_starts.py [--data ../shared/data]

On a page of several articles, a short line without end punctuation between two
paragraphs is either the headline of the next article (a feature or commentary
with no dateline under it) or a subhead of the current one. The document model
weighs the features in newslint.segment.start_features (how long the current
article already is, whether it opened with a dateline, how many subheads it has
had, the shape of the line and of the paragraphs around it) with a logistic
model fitted here on the January and February 2020 People's Daily pages of
rmrb-2020-pages.jsonl.gz, where the articles are known; the May pages are held
out for bench/eval_pages.py. Only the weights are shipped. The output is the
same byte for byte for the same input.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from build_clause_boundaries import fit  # noqa: E402

from newslint.lines import DATELINE, Kind, _is_strong_title, _is_weak_title, _split_lines  # noqa: E402
from newslint.segment import START_FEATURES, start_features  # noqa: E402

OUTPUT = REPO / "newslint" / "data" / "article-starts.json"
TRAIN_MONTHS = ("01", "02")
THRESHOLD = 0.75


def title_like(block) -> bool:
    return block.kind is Kind.BODY and (_is_strong_title(block.text) or _is_weak_title(block.text)) and not DATELINE.match(block.text)


def page_examples(page: dict) -> list[tuple[list[float], int]]:
    lines, starts = [], set()
    for article in page["articles"]:
        own = [article[r] for r in ("kicker", "title", "deck") if article[r]] + [p for p in article["paragraphs"] if p.strip()]
        if own:
            starts.add(len(lines))
            lines.extend(own)
    _, blocks, _ = _split_lines("\n\n".join(lines) + "\n")
    if len(blocks) != len(lines):
        return []  # a line the splitter reads as two, or skips: positions would not match
    rows = []
    article_start, subheads, dateline = 0, 0, False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        # The state is what the reader knows before this line: the article so far.
        if i > 0 and title_like(block) and blocks[i - 1].kind is Kind.BODY:
            j = i + 1
            while j < len(blocks) and j - i < 4 and title_like(blocks[j]) and j not in starts:
                j += 1
            following = blocks[j] if j < len(blocks) else None
            if following is not None and following.kind is Kind.BODY and not DATELINE.match(following.text):
                rows.append((start_features(blocks, i, j, article_start, subheads, dateline), int(i in starts)))
            if i not in starts:
                subheads += 1
        if i in starts:
            article_start, subheads, dateline = i, 0, False
        if block.kind is Kind.BODY and DATELINE.match(block.text):
            dateline = True
        i += 1
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    rows, labels = [], []
    with gzip.open(args.data / "rmrb-2020-pages.jsonl.gz", "rt", encoding="utf-8") as stream:
        for page in map(json.loads, stream):
            if page["date"][5:7] in TRAIN_MONTHS:
                for features, label in page_examples(page):
                    rows.append(features)
                    labels.append(label)
    weights, bias = fit(rows, labels, iterations=400, rate=1.0)
    model = {
        "features": START_FEATURES, "weights": weights, "bias": bias, "threshold": THRESHOLD, "examples": len(rows),
        "starts": sum(labels), "source": "rmrb-2020-pages.jsonl.gz (2020-01, 2020-02)",
    }
    args.output.write_text(
        "# Built by tools/build_article_starts.py; see that script for what it is.\n" + json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"{len(rows)} candidate lines, {sum(labels)} article starts; weights {weights}, bias {bias}; {args.output}")


if __name__ == "__main__":
    main()
