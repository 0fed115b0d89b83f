"""The file of the character language model: its format, opened without numpy,
and a scorer for a few characters that reads the arrays where they lie.

charmodel.py asks the same file its questions with numpy, a block at a time,
for the typo model. Some questions are about a dozen characters once or twice
a page (does this paragraph break read as a lost full stop?): for those,
importing numpy would cost a one-page run more than everything else it does,
so `ShortScorer` answers them with one bisection per n-gram, in plain Python,
with the same arithmetic as `CharModel._score_rows` (a test holds them equal).
"""

from __future__ import annotations

import bisect
import json
import mmap
import struct
import sys
from pathlib import Path

MAGIC = b"NLCHARLM"
FORMAT_VERSION = 1
MODEL_FILE = Path(__file__).resolve().parent / "data" / "typo-model.bin"
BITS = 13
ORDER = 4
# Character ids: the first five are classes, the rest index the vocabulary.
PAD, BOS, UNK, DIGIT, LATIN = 0, 1, 2, 3, 4
FIRST_CHAR_ID = 5
MAX_VOCAB = (1 << BITS) - FIRST_CHAR_ID
# Quantization ranges of log10 probabilities and backoff weights (uint8, 0 = 0.0).
LOGPROB_FLOOR = -8.0
BACKOFF_FLOOR = -4.0
# Candidate kinds in the confusion set.
SAME_SOUND, NEAR_SOUND, SAME_SHAPE = 1, 2, 3
KIND_NAMES = {SAME_SOUND: "同音", NEAR_SOUND: "近音", SAME_SHAPE: "形近"}
# Candidates per position scored in full, after a bigram shortlist.
SHORTLIST = 4
_HEADER = struct.Struct("<8sII")
# Keys of orders up to EXACT_ORDER fit 32 bits as packed; longer ones are
# stored as the high 32 bits of a multiplicative (Fibonacci) hash of the packed
# key, which keeps the tables at 4 bytes a key. Two stored grams rarely share a
# hash (the build keeps the commoner), and an unseen gram matches a stored
# hash about once in 5,000 queries at the top order, where it only lends the
# candidate and the written character the same small error.
EXACT_ORDER = 32 // BITS
GOLDEN = 0x9E3779B97F4A7C15
# The arrays' numpy type strings, as memoryview item codes (the file is little-endian).
_ITEM_CODES = {"|u1": "B", "<u2": "H", "<u4": "I", "<u8": "Q"}


def open_model(path: Path = MODEL_FILE) -> tuple[mmap.mmap, dict, int]:
    """The mapped file, its JSON header and where its arrays begin."""
    with path.open("rb") as handle:
        buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    magic, version, header_length = _HEADER.unpack_from(buffer, 0)
    if magic != MAGIC or version != FORMAT_VERSION:
        raise ValueError(f"{path}: not a newslint character model of format {FORMAT_VERSION}")
    header = json.loads(bytes(buffer[_HEADER.size : _HEADER.size + header_length]))
    base = _HEADER.size + header_length
    base += -base % 16
    return buffer, header, base


def char_class(code: int) -> int:
    """DIGIT or LATIN for ASCII and full-width digits and letters, else 0."""
    if 0x30 <= code <= 0x39 or 0xFF10 <= code <= 0xFF19:
        return DIGIT
    if (code < 0x80 and 0x61 <= code | 0x20 <= 0x7A) or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return LATIN
    return 0


class ShortScorer:
    """log10 probabilities of a short text under the model, without numpy."""

    def __init__(self, buffer: mmap.mmap, header: dict, base: int) -> None:
        if sys.byteorder != "little":
            raise ValueError("the model's arrays are little-endian")
        view = memoryview(buffer)
        arrays = {}
        for name, (dtype, offset, length) in header["arrays"].items():
            code = _ITEM_CODES[dtype]
            size = struct.calcsize(code)
            arrays[name] = view[base + offset : base + offset + length * size].cast(code)
        self.order = header["order"]
        self._vocabulary = arrays["vocabulary"]
        self._keys = [arrays[f"keys{n}"] for n in range(1, self.order + 1)]
        self._logprob = [arrays[f"logprob{n}"] for n in range(1, self.order + 1)]
        self._backoff = [arrays[f"backoff{n}"] for n in range(1, self.order)]
        self._buffer = buffer  # the views read it

    def encode(self, text: str) -> list[int]:
        ids = []
        vocabulary = self._vocabulary
        for char in text:
            code = ord(char)
            kind = char_class(code)
            if kind:
                ids.append(kind)
                continue
            at = bisect.bisect_left(vocabulary, code)
            ids.append(at + FIRST_CHAR_ID if at < len(vocabulary) and vocabulary[at] == code else UNK)
        return ids

    def _find(self, n: int, key: int) -> int:
        """Index of an n-gram's stored key in its table, -1 if absent."""
        stored = key if n <= EXACT_ORDER else ((key * GOLDEN) & 0xFFFFFFFFFFFFFFFF) >> 32
        table = self._keys[n - 1]
        at = bisect.bisect_left(table, stored)
        return at if at < len(table) and table[at] == stored else -1

    def logprobs(self, text: str) -> list[float]:
        """As CharModel.logprobs: each character after the ones before it, the text read as starting a sentence."""
        row = [BOS, *self.encode(text)]
        logprob_step, backoff_step = LOGPROB_FLOOR / 255, BACKOFF_FLOOR / 255
        scores = []
        # backoffs[n][j]: the backoff weight of the order-n gram ending at column j (0 if unseen).
        backoffs = [[0.0] * len(row) for _ in range(self.order)]
        for j in range(len(row)):
            key, result = 0, LOGPROB_FLOOR
            for n in range(1, self.order + 1):
                if j - n + 1 < 0:
                    break  # the gram would run past the row's start
                key = (row[j - n + 1] << (BITS * (n - 1))) | key if n > 1 else row[j]
                at = self._find(n, key)
                if at >= 0:
                    result = self._logprob[n - 1][at] * logprob_step
                    if n < self.order:
                        backoffs[n][j] = self._backoff[n - 1][at] * backoff_step
                elif n > 1:
                    result += backoffs[n - 1][j - 1]
            scores.append(result)
        return scores[1:]


# How much of each side of a paragraph break the sentence-end question reads.
BREAK_LEFT, BREAK_RIGHT = 12, 8
_scorer: list[ShortScorer | None] = []


def short_scorer() -> ShortScorer | None:
    """The shipped model for short questions, opened once; None if the file is missing."""
    if not _scorer:
        try:
            _scorer.append(ShortScorer(*open_model()))
        except (OSError, ValueError):
            _scorer.append(None)
    return _scorer[0]


def sentence_end_gain(left: str, right: str) -> float | None:
    """How much likelier (log10) the model finds the start of `right` after `left`
    with a full stop between them than run straight on: above 0, the break reads
    as a sentence end the copy lost (a crawl or an extraction drops a paragraph's
    last 。), not a sentence cut in two. None without the model."""
    scorer = short_scorer()
    if scorer is None:
        return None
    tail, head = left[-BREAK_LEFT:], right[:BREAK_RIGHT]
    joined = sum(scorer.logprobs(tail + head)[len(tail) :])
    stopped = sum(scorer.logprobs(tail + "。" + head)[len(tail) :])
    return stopped - joined
