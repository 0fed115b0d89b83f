"""Where clauses end and open in news copy: is a line break a cut, or does the line stand alone?

The statistics come from running news text and are built by
tools/build_clause_boundaries.py into data/clause-boundaries.bin: per character,
how often it occurs, ends a clause and opens one; counts of adjacent character
pairs; and the weights of a logistic model of "this break is a cut". The file is
read once, lazily, into flat arrays (no parsing beyond one small JSON header).
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import struct
from array import array
from pathlib import Path

from .patterns import lazy

MAGIC = b"NLCB3\n"
FEATURES = [
    "log_ends", "log_opens", "pair_pmi", "log_pair", "word_across", "length", "commas", "unbalanced",
    "open_ending", "inner_stop", "next_opens_plainly", "closed_by_mark", "label_colon", "two_phrases",
    "opens_as_sentence", "coverb_in_last_clause", "log_pair_ends", "log_pair_opens", "next_is_fragment",
]
_CLOSERS = "”’」』）)》】 \t\u3000\u00a0"
# Words a clause cannot stop on (的, 和, 在, 把, 因为 ...): a line ending so runs on. The
# segmenter takes it as a rule; the model also weighs adverbs that usually want a verb.
_NEEDS_WHAT_FOLLOWS = r"(?:[的地得和与及或并而在对把被将从向于以为让使给跟同比]|因为|如果|虽然|但是|以及|并且|通过|根据|关于|随着|按照"
OPEN_ENDING = lazy(_NEEDS_WHAT_FOLLOWS + ")$")
_OPEN_ENDING = lazy(_NEEDS_WHAT_FOLLOWS + "|进一步|更加|不断|持续|继续|积极|努力|大力|全力|切实|加快|加大|着力)$")
# A coverb opening a phrase that needs its verb (以……为, 把……, 对……): the clause is not done.
_COVERB = lazy(r"(?:将以|以|把|将|被|对|向|围绕|按照|根据|通过|为了)[^，,、；;：:]{2,}$")
_INNER_STOP = lazy(r"[。！？](?![”’」』）)》】]*$)")
CLAUSE_BREAK = lazy(r"[，,、]")
_PLAIN_OPENING = lazy(r"^(?:[“‘「《（(]|\d|[一二三四五六七八九十]+[是、]|近日|日前|近年来|今年|去年|据|记者|目前|当前|随着|为了|在)")
# How sentences open and subheads seldom do: a preposition, a date, an attribution.
_SENTENCE_OPENING = lazy(
    r"^(?:在|据|从|对于|随着|为了|通过|按照|根据|围绕|截至|今年|去年|近年来|目前|当前|日前|近日|记者|本报|新华社|\d{4}年|\d{1,2}月\d{1,2}日)"
)
TWO_PHRASES = lazy(r"\p{Han}[ \u3000\u00a0]+\p{Han}")  # 恢复古城风貌 传承传统文化: a headline's two phrases


_NO_PAIR = (0, 0, 0)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _unbalanced(text: str) -> float:
    """0 for a line in clauses of like length, as headlines are set; up to 1 as they differ."""
    parts = [len(part) for part in CLAUSE_BREAK.split(text) if part]
    if len(parts) < 2:
        return 0.0
    return min(1.0, (max(parts) / max(min(parts), 1) - 1) / 4)


def features_from_counts(left: str, right: str, total, ends, opens, pairs, grand: int, word_across: bool) -> list[float]:
    """The model's features for a break between `left` and `right` (also used to train it)."""
    left = left.rstrip(" \t\u3000\u00a0")
    bare = left.rstrip(_CLOSERS)
    right = right.lstrip(" \t\u3000\u00a0")
    if not bare or not right:
        return [0.0] * len(FEATURES)
    a, b = bare[-1], right.lstrip(_CLOSERS)[:1] or right[0]
    count_a, count_b = total.get(a, 0) + 1, total.get(b, 0) + 1
    ends_rate = (ends.get(a, 0) + 0.5) / count_a if _is_han(a) else 0.5
    opens_rate = (opens.get(b, 0) + 0.5) / count_b if _is_han(b) else 0.5
    pair = pairs.get(a + b, _NO_PAIR)[0] if _is_han(a) and _is_han(b) else 0
    last_pair = pairs.get(bare[-2:], _NO_PAIR) if len(bare) >= 2 else _NO_PAIR
    first_pair = pairs.get(right[:2], _NO_PAIR) if len(right) >= 2 else _NO_PAIR
    return [
        math.log(ends_rate),
        math.log(opens_rate),
        math.log((pair + 0.1) * grand / (count_a * count_b)),
        math.log(pair + 1),
        float(word_across),
        min(len(left), 80) / 10,
        float(len(CLAUSE_BREAK.findall(left))),
        _unbalanced(bare),
        float(bool(_OPEN_ENDING.search(bare))),
        float(bool(_INNER_STOP.search(left))),
        float(bool(_PLAIN_OPENING.match(right))),
        float(bare != left),
        float("：" in left or ":" in left),
        float(bool(TWO_PHRASES.search(left))),
        float(bool(_SENTENCE_OPENING.match(left))),
        float(bool(_COVERB.search(bare))),
        math.log((last_pair[1] + 0.5) / (last_pair[0] + 1)),
        math.log((first_pair[2] + 0.5) / (first_pair[0] + 1)),
        float(len(right) <= 12 and right.rstrip(_CLOSERS)[-1:] in "。！？"),
    ]


class _Pairs:
    """(count, clause ends, clause openings) of adjacent character pairs, by bisection in sorted keys."""

    def __init__(self, keys: array, counts: array) -> None:
        self._keys, self._counts, self._size = keys, counts, len(keys)

    def get(self, pair: str, default: tuple[int, int, int] = _NO_PAIR) -> tuple[int, int, int]:
        key = (ord(pair[0]) << 32) | ord(pair[1])
        i = bisect.bisect_left(self._keys, key)
        if i < self._size and self._keys[i] == key:
            counts, size = self._counts, self._size
            return counts[i], counts[size + i], counts[2 * size + i]
        return default


class ClauseBoundaries:
    def __init__(self, data: bytes) -> None:
        if not data.startswith(MAGIC):
            raise ValueError("clause-boundaries.bin: not a newslint clause-boundary file")
        (size,) = struct.unpack_from("<I", data, len(MAGIC))
        start = len(MAGIC) + 4
        header = json.loads(data[start : start + size])
        offset = start + size
        n, m = header["chars"], header["pairs"]
        table = array("I")
        table.frombytes(data[offset : offset + 16 * n])
        offset += 16 * n
        keys = array("Q")
        keys.frombytes(data[offset : offset + 8 * m])
        offset += 8 * m
        counts = array("I")
        counts.frombytes(data[offset : offset + 12 * m])
        chars = [chr(c) for c in table[:n]]
        self.total = dict(zip(chars, table[n : 2 * n]))
        self.ends = dict(zip(chars, table[2 * n : 3 * n]))
        self.opens = dict(zip(chars, table[3 * n : 4 * n]))
        self.pairs = _Pairs(keys, counts)
        self.grand = header["total"]
        self.weights = header["weights"]
        self.bias = header["bias"]

    def cut_probability(self, left: str, right: str, word_across: bool) -> float:
        """How likely the break between `left` and `right` falls inside a sentence
        (`word_across`: the likeliest reading has a word spanning the break)."""
        x = features_from_counts(left, right, self.total, self.ends, self.opens, self.pairs, self.grand, word_across)
        score = self.bias + sum(w * v for w, v in zip(self.weights, x))
        return 1 / (1 + math.exp(-score))


@functools.cache
def clause_boundaries() -> ClauseBoundaries:
    # Read beside the package, as lexicon.py does: importlib.resources costs a run more than the read.
    return ClauseBoundaries((Path(__file__).resolve().parent / "data" / "clause-boundaries.bin").read_bytes())
