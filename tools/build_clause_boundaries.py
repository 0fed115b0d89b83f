"""Build newslint/data/clause-boundaries.bin: where clauses end and open in news copy.

    python tools/build_clause_boundaries.py [--data ../shared/data]

A short line without end punctuation between two paragraphs is either a line
that stands alone (a subhead, a label) or the first half of a paragraph cut
mid-sentence. Running text tells them apart: a subhead ends on a character that
often ends a clause, the next paragraph opens on one that often opens a clause,
and the two are seldom written next to each other; a cut falls anywhere, most
often inside a phrase. This script counts, over running news text, each
character's occurrences, how often it ends a clause (before ，。！？；：、 or a line
end) and opens one, and the counts of adjacent character pairs (pairs seen at
least MIN_PAIR times). It then fits a logistic model of "this break is a cut"
on the same months: real subheads of the pages against cuts made at random
points of their paragraphs (the first half at most 40 characters, as a
subhead would be), and stores the counts and the weights in one binary file
that newslint/boundaries.py reads without parsing.

Training text: lm-corpus-cctv.txt.gz and the January and February 2020 pages of
rmrb-2020-pages.jsonl.gz (the May pages are held out for bench/eval_pages.py).
Only counts are shipped, never the text. The output is the same byte for byte
for the same input (fixed seeds, fixed iteration count, sorted tables).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import struct
import sys
from array import array
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint.boundaries import FEATURES, MAGIC, features_from_counts  # noqa: E402
from newslint.document import ends_sentence  # noqa: E402
from newslint.lexicon import lexicon  # noqa: E402

OUTPUT = REPO / "newslint" / "data" / "clause-boundaries.bin"
BREAKS = set("，。！？；：、,!?;:")
MIN_PAIR = 3
TRAIN_MONTHS = ("01", "02")
END = "。！？!?…"
CLOSERS = "”’」』）)》】 \u3000"


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def read_pages(data: Path) -> list[dict]:
    with gzip.open(data / "rmrb-2020-pages.jsonl.gz", "rt", encoding="utf-8") as stream:
        return [page for page in map(json.loads, stream) if page["date"][5:7] in TRAIN_MONTHS]


def running_text(data: Path, pages: list[dict]):
    with gzip.open(data / "lm-corpus-cctv.txt.gz", "rt", encoding="utf-8") as stream:
        for line in stream:
            yield line.strip()
    for page in pages:
        for article in page["articles"]:
            yield from (p.strip() for p in article["paragraphs"])


def count(lines) -> tuple[Counter, ...]:
    """Per character and per adjacent pair: occurrences, clause ends, clause openings."""
    total, ends, opens = Counter(), Counter(), Counter()
    pairs, pair_ends, pair_opens = Counter(), Counter(), Counter()
    for line in lines:
        previous = ""
        for i, char in enumerate(line):
            if is_han(char):
                total[char] += 1
                following = line[i + 1] if i + 1 < len(line) else ""
                if not following or following in BREAKS:
                    ends[char] += 1
                if not previous or previous in BREAKS:
                    opens[char] += 1
                if following and is_han(following):
                    pair = char + following
                    pairs[pair] += 1
                    after = line[i + 2] if i + 2 < len(line) else ""
                    if not after or after in BREAKS:
                        pair_ends[pair] += 1
                    if not previous or previous in BREAKS:
                        pair_opens[pair] += 1
            previous = char
    return total, ends, opens, pairs, pair_ends, pair_opens


def examples(pages: list[dict]) -> list[tuple[str, str, int]]:
    """(left, right, is_cut): lines that stand alone (headlines, subheads, labels)
    with the line after them; and as many cuts made at random points of
    paragraphs, keeping those whose first half has no end punctuation."""
    rng = random.Random(20200101)
    alone, cuts = [], []
    for page in pages:
        for article in page["articles"]:
            lines = [article[role] for role in ("kicker", "title", "deck") if article[role]]
            lines += [p for p in article["paragraphs"] if p.strip()]
            # Every published line that stops without ending a sentence and is
            # followed by another stands alone: headlines, subheads, labels,
            # credits, and the lead-in lines commentary sets without a full stop.
            for left, right in zip(lines, lines[1:]):
                if not ends_sentence(left) and right.strip():
                    alone.append((left, right, 0))
            for paragraph in article["paragraphs"]:
                # Between two characters, or after a closing mark, as a column or page break falls.
                points = [i for i in range(8, len(paragraph) - 8) if (is_han(paragraph[i - 1]) or paragraph[i - 1] in "”’）》") and is_han(paragraph[i])]
                if len(paragraph) >= 40 and points:
                    i = rng.choice(points)
                    if not ends_sentence(paragraph[:i]):
                        cuts.append((paragraph[:i], paragraph[i:], 1))
    rng.shuffle(cuts)
    return alone + cuts[: len(alone)]


def fit(rows: list[list[float]], labels: list[int], iterations: int = 300, rate: float = 2.0) -> tuple[list[float], float]:
    """Logistic regression by plain gradient descent on standardised features, in pure Python floats."""
    n, k = len(rows), len(rows[0])
    mean = [sum(r[j] for r in rows) / n for j in range(k)]
    scale = [math.sqrt(sum((r[j] - mean[j]) ** 2 for r in rows) / n) or 1.0 for j in range(k)]
    z = [[(r[j] - mean[j]) / scale[j] for j in range(k)] for r in rows]
    w, b = [0.0] * k, 0.0
    for _ in range(iterations):
        gw, gb = [0.0] * k, 0.0
        for x, y in zip(z, labels):
            p = 1 / (1 + math.exp(-(sum(wj * xj for wj, xj in zip(w, x)) + b)))
            for j in range(k):
                gw[j] += (p - y) * x[j]
            gb += p - y
        w = [wj - rate * g / n for wj, g in zip(w, gw)]
        b -= rate * gb / n
    weights = [wj / s for wj, s in zip(w, scale)]
    bias = b - sum(wj * m / s for wj, m, s in zip(w, mean, scale))
    return [round(x, 6) for x in weights], round(bias, 6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    pages = read_pages(args.data)
    total, ends, opens, pairs, pair_ends, pair_opens = count(running_text(args.data, pages))
    chars = sorted(total)
    kept_pairs = sorted((pair, n) for pair, n in pairs.items() if n >= MIN_PAIR)
    grand = sum(total.values())
    rows, labels = [], []
    pair_table = {pair: (n, pair_ends[pair], pair_opens[pair]) for pair, n in kept_pairs}
    words = lexicon()
    for left, right, is_cut in examples(pages):
        rows.append(features_from_counts(left, right, total, ends, opens, pair_table, grand, words.reads_across(left, right)))
        labels.append(is_cut)
    weights, bias = fit(rows, labels)
    header = json.dumps(
        {"features": FEATURES, "weights": weights, "bias": bias, "total": grand, "chars": len(chars), "pairs": len(kept_pairs),
         "source": "lm-corpus-cctv.txt.gz + rmrb-2020-pages.jsonl.gz (2020-01, 2020-02)"},
        ensure_ascii=False, sort_keys=True,
    ).encode("utf-8")
    body = array("I", [ord(c) for c in chars])
    body.extend(total[c] for c in chars)
    body.extend(ends[c] for c in chars)
    body.extend(opens[c] for c in chars)
    keys = array("Q", [(ord(pair[0]) << 32) | ord(pair[1]) for pair, _ in kept_pairs])
    counts = array("I", [n for _, n in kept_pairs])
    counts.extend(pair_ends[pair] for pair, _ in kept_pairs)
    counts.extend(pair_opens[pair] for pair, _ in kept_pairs)
    with args.output.open("wb") as out:
        out.write(MAGIC + struct.pack("<I", len(header)) + header)
        out.write(body.tobytes() + keys.tobytes() + counts.tobytes())
    print(f"{len(chars)} characters, {len(kept_pairs)} pairs, {len(rows)} training breaks; weights {weights}, bias {bias}; {args.output}")


if __name__ == "__main__":
    main()
