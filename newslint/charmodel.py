"""The character language model of news copy, and the questions rules ask it.

The model is a 4-gram character model with interpolated modified Kneser-Ney
smoothing, built by `tools/build_typo_model.py` from running news text (see the
README's "Typo model" section) and shipped as one binary file,
newslint/data/typo-model.bin. The file is read without parsing: a small JSON
header names the arrays, and each array is a view on the memory-mapped file.

Each order n has a sorted uint64 array of n-gram keys (character ids packed
13 bits each, first character highest; hashed to 32 bits from the trigrams on), a uint8 array of quantized log10
probabilities and one of quantized log10 backoff weights. A query packs the
n-grams of a whole block into keys and finds them with one `np.searchsorted`
per order, so a block costs a handful of vectorised calls, not a loop per
character.

The same file holds the confusion set: for each character, the characters
common in news copy that sound the same in any tone, sound nearly the same
(z/zh, n/l, en/eng ...) or look alike, as a compressed sparse row table over
character ids.

Rules ask `model()` questions in the document's terms: `logprobs(text)` (how
likely each character is after the ones before it) and `best_candidates(text,
positions)` (which confusable character, if any, makes the text likeliest
around each position, and by how much). When the file is absent `model()`
returns None and the rule that needs it stays quiet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .charfile import (  # noqa: F401 - the format's names, for the build tool and the rules
    BACKOFF_FLOOR,
    BITS,
    BOS,
    DIGIT,
    EXACT_ORDER,
    FIRST_CHAR_ID,
    FORMAT_VERSION,
    KIND_NAMES,
    LATIN,
    LOGPROB_FLOOR,
    MAGIC,
    MAX_VOCAB,
    MODEL_FILE,
    NEAR_SOUND,
    ORDER,
    PAD,
    SAME_SHAPE,
    SAME_SOUND,
    SHORTLIST,
    UNK,
    open_model,
)

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def stored_keys(keys: np.ndarray, n: int) -> np.ndarray:
    """The uint32 form under which n-gram keys are stored and looked up."""
    if n <= EXACT_ORDER:
        return keys.astype(np.uint32)
    with np.errstate(over="ignore"):
        return ((keys * _GOLDEN) >> np.uint64(32)).astype(np.uint32)


def char_classes(codes: np.ndarray) -> np.ndarray:
    """DIGIT or LATIN for ASCII and full-width digits and letters, else 0."""
    out = np.zeros(codes.shape, dtype=np.uint16)
    digit = ((codes >= 0x30) & (codes <= 0x39)) | ((codes >= 0xFF10) & (codes <= 0xFF19))
    upper, lower = codes | 0x20, codes
    latin = ((upper >= 0x61) & (upper <= 0x7A) & (codes < 0x80)) | ((lower >= 0xFF21) & (lower <= 0xFF3A)) | ((lower >= 0xFF41) & (lower <= 0xFF5A))
    out[digit] = DIGIT
    out[latin] = LATIN
    return out


def codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def encode_with(vocabulary: np.ndarray, text: str) -> np.ndarray:
    """Character ids of `text` (uint16) under a sorted array of vocabulary code points."""
    codes = codepoints(text)
    if not len(vocabulary):
        return np.full(len(codes), UNK, dtype=np.uint16)
    at = np.minimum(np.searchsorted(vocabulary, codes), len(vocabulary) - 1)
    ids = np.where(vocabulary[at] == codes, at + FIRST_CHAR_ID, UNK).astype(np.uint16)
    classes = char_classes(codes)
    return np.where(classes > 0, classes, ids)


def gram_keys(rows: np.ndarray, order: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each n = 1..order, (keys, valid) of the n-gram ending at each column of
    `rows` (2-D ids). A gram is invalid where it runs past the row's start or
    takes in a PAD."""
    rows = rows.astype(np.uint64)
    key, valid = rows.copy(), rows != PAD
    out = [(key, valid)]
    for _ in range(1, order):
        shifted_key = np.zeros_like(key)
        shifted_key[:, 1:] = key[:, :-1]
        shifted_valid = np.zeros_like(valid)
        shifted_valid[:, 1:] = valid[:, :-1]
        key = (shifted_key << np.uint64(BITS)) | rows
        valid = shifted_valid & (rows != PAD)
        out.append((key, valid))
    return out


@dataclass(frozen=True)
class Candidates:
    """The best candidate at each asked position: candidate character (or '' where
    none is likelier), log10 gain of the window, kind, and the written character's
    own log10 probability."""

    chars: list[str]
    gains: np.ndarray
    kinds: np.ndarray
    ids: np.ndarray
    # Summed over the ORDER characters from the position on: the longest n-gram
    # the model has for each, as written and with the candidate.
    written_orders: np.ndarray
    candidate_orders: np.ndarray
    # Of the gain, what the character itself gains after the ones before it
    # (the rest is what the characters after it gain); and the best gain of
    # any other candidate (0 where there is none): a slip has one clear fix.
    own_gains: np.ndarray
    runner_up_gains: np.ndarray

    def select(self, mask: np.ndarray) -> Candidates:
        return Candidates(
            [c for c, m in zip(self.chars, mask) if m], self.gains[mask], self.kinds[mask], self.ids[mask],
            self.written_orders[mask], self.candidate_orders[mask], self.own_gains[mask], self.runner_up_gains[mask],
        )


class CharModel:
    def __init__(self, buffer, header: dict, base: int) -> None:
        self._buffer = buffer
        self.header = header
        self.order = header["order"]
        arrays = {}
        for name, (dtype, offset, length) in header["arrays"].items():
            arrays[name] = np.frombuffer(buffer, dtype=np.dtype(dtype), count=length, offset=base + offset)
        self._arrays = arrays
        self.vocabulary = arrays["vocabulary"]
        self.char_counts = arrays["char_counts"]
        self.keys = [arrays[f"keys{n}"] for n in range(1, self.order + 1)]
        self._logprob_q = [arrays[f"logprob{n}"] for n in range(1, self.order + 1)]
        # The top order is never a context: it has no backoff weights.
        self._backoff_q = [arrays[f"backoff{n}"] for n in range(1, self.order)]
        self.confusion_offsets = arrays["confusion_offsets"]
        self.confusion_ids = arrays["confusion_ids"]
        self.confusion_kinds = arrays["confusion_kinds"]
        # Dequantization tables: a uint8 indexes 256 levels.
        self._logprob_levels = np.linspace(0.0, LOGPROB_FLOOR, 256, dtype=np.float32)
        self._backoff_levels = np.linspace(0.0, BACKOFF_FLOOR, 256, dtype=np.float32)
        self._total = float(self.char_counts.sum()) or 1.0

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> CharModel:
        return cls(*open_model(path))

    # --- characters ------------------------------------------------------------

    def encode(self, text: str) -> np.ndarray:
        return encode_with(self.vocabulary, text)

    def char(self, char_id: int) -> str:
        return chr(int(self.vocabulary[char_id - FIRST_CHAR_ID])) if char_id >= FIRST_CHAR_ID else ""

    def char_count(self, ids: np.ndarray) -> np.ndarray:
        """How often each character occurs in the training text (0 for classes)."""
        index = np.asarray(ids, dtype=np.int64) - FIRST_CHAR_ID
        return np.where(index >= 0, self.char_counts[np.maximum(index, 0)], 0)

    # --- probabilities ----------------------------------------------------------

    def _lookup(self, order_index: int, key: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        table = self.keys[order_index]
        key = stored_keys(key, order_index + 1)
        if key.size > 256:
            # Sorted needles keep each binary search near the last one: twice as fast.
            flat = key.ravel()
            order = np.argsort(flat)
            at = np.empty(flat.shape, dtype=np.intp)
            at[order] = np.searchsorted(table, flat[order])
            at = at.reshape(key.shape)
        else:
            at = np.searchsorted(table, key)
        np.minimum(at, len(table) - 1, out=at)
        found = valid & (table[at] == key)
        return found, at

    def _score_rows(self, rows: np.ndarray, orders: list | None = None, first_column: int = 0) -> np.ndarray:
        """log10 p of each column's id given the columns before it in its row;
        `orders`, when given, receives the longest n-gram found at each column.
        With `first_column`, only the columns from first_column + 1 on are
        scored (the columns before are context): the result's first column is
        not meaningful."""
        grams = [(key[:, first_column:], valid[:, first_column:]) for key, valid in gram_keys(rows, self.order)]
        result = None
        previous_backoff = None
        longest = np.zeros(grams[0][0].shape, dtype=np.int8) if orders is not None else None
        for n, (key, valid) in enumerate(grams):
            found, at = self._lookup(n, key, valid)
            if longest is not None:
                longest[found] = n + 1
            logprob = self._logprob_levels[self._logprob_q[n][at]]
            if result is None:
                result = np.where(found, logprob, LOGPROB_FLOOR).astype(np.float32)
            else:
                # Not found at this order: back off from the context's weight.
                result = np.where(found, logprob, result + np.where(valid, previous_backoff, 0.0))
            if n + 1 == self.order:
                break
            backoff = np.where(found, self._backoff_levels[self._backoff_q[n][at]], 0.0).astype(np.float32)
            previous_backoff = np.zeros_like(backoff)
            previous_backoff[:, 1:] = backoff[:, :-1]
        if orders is not None:
            orders.append(longest)
        return result

    def encode_lines(self, lines: list[str]) -> tuple[str, np.ndarray]:
        """Several lines as one text and one id sequence, each line starting a
        sentence (BOS between them): a whole document is scored in one pass."""
        joined = "\n".join(lines)
        ids = self.encode(joined)
        ids[codepoints(joined) == 0x0A] = BOS
        return joined, ids

    def logprobs(self, text: str, ids: np.ndarray | None = None, orders: list | None = None) -> np.ndarray:
        """log10 probability of each character of `text` after the ones before it
        (the text is read as starting a sentence); `orders`, when given, receives
        the longest n-gram the model has for each character."""
        ids = self.encode(text) if ids is None else ids
        row = np.empty((1, len(ids) + 1), dtype=np.uint16)
        row[0, 0] = BOS
        row[0, 1:] = ids
        found: list[np.ndarray] = []
        result = self._score_rows(row, found)[0, 1:]
        if orders is not None:
            orders.append(found[0][0, 1:])
        return result

    # --- candidates ---------------------------------------------------------------

    def confusables(self, char_id: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = self.confusion_offsets[char_id], self.confusion_offsets[char_id + 1]
        return self.confusion_ids[start:end], self.confusion_kinds[start:end]

    def _shortlist(self, padded, centre, owner, cand_ids, cand_kinds, keep: int = SHORTLIST):
        """The `keep` candidates of each position that read best with their two
        neighbours by bigrams alone, among those that form a bigram the model
        has with at least one of them: a cheap pass before the full windows."""
        left = padded[centre[owner] - 1].astype(np.uint64)
        right = padded[centre[owner] + 1].astype(np.uint64)
        cand = cand_ids.astype(np.uint64)
        bits = np.uint64(BITS)
        score = np.zeros(len(cand), dtype=np.float32)
        seen = np.zeros(len(cand), dtype=bool)
        for key, valid in (((left << bits) | cand, left > BOS), ((cand << bits) | right, right > BOS)):
            found, at = self._lookup(1, key, valid)
            score += np.where(found, self._logprob_levels[self._logprob_q[1][at]], LOGPROB_FLOOR)
            seen |= found
        ranking = np.lexsort((-score, owner))
        ranking = ranking[seen[ranking]]
        group_start = np.r_[0, np.flatnonzero(owner[ranking][1:] != owner[ranking][:-1]) + 1]
        rank = np.arange(len(ranking)) - np.repeat(group_start, np.diff(np.r_[group_start, len(ranking)]))
        chosen = np.sort(ranking[rank < keep])
        return owner[chosen], cand_ids[chosen], cand_kinds[chosen]

    def best_candidates(
        self, text: str, positions: list[int] | np.ndarray, ids: np.ndarray | None = None, written: tuple[np.ndarray, np.ndarray] | None = None
    ) -> Candidates:
        """For each position, the confusable character that makes the characters
        around it likeliest: the log10 probability of the ORDER characters from the
        position on, with it in place of the written one, against as written.
        `written` is (logprobs, orders) of the text as written, when the caller
        has them already."""
        ids = self.encode(text) if ids is None else ids
        if written is None:
            orders: list[np.ndarray] = []
            written = (self.logprobs(text, ids, orders), orders[0])
        positions = np.asarray(positions, dtype=np.int64)
        n = self.order
        offsets = self.confusion_offsets
        starts, ends = offsets[ids[positions]], offsets[ids[positions].astype(np.int64) + 1]
        counts = (ends - starts).astype(np.int64)
        zeros = np.zeros(len(positions), np.int64)
        f32 = zeros.astype(np.float32)
        empty = Candidates([""] * len(positions), f32, zeros.astype(np.uint8), zeros.astype(np.uint16), zeros, zeros, f32, f32)
        if not counts.sum():
            return empty
        padded = np.concatenate([np.full(n - 1, PAD, np.uint16), [BOS], ids, np.full(n - 1, PAD, np.uint16)]).astype(np.uint16)
        centre = positions + n  # index of each position in `padded`
        owner = np.repeat(np.arange(len(positions)), counts)
        flat = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(starts, counts)
        cand_ids = self.confusion_ids[flat]
        cand_kinds = self.confusion_kinds[flat]
        owner, cand_ids, cand_kinds = self._shortlist(padded, centre, owner, cand_ids, cand_kinds)
        if not len(owner):
            return empty
        # As written: the ORDER predictions from each position on, from the
        # whole-text pass; a BOS (the next line's start) counts in neither reading.
        scored = ids > BOS
        sums = np.r_[0.0, np.cumsum(np.where(scored, written[0], 0.0), dtype=np.float64)]
        order_sums_written = np.r_[0, np.cumsum(np.where(scored, written[1], 0))]
        stop = np.minimum(positions + n, len(ids))
        written_total = sums[stop] - sums[positions]
        written_orders = order_sums_written[stop] - order_sums_written[positions]
        # One window per (position, candidate): the centre and ORDER - 1 each side.
        windows = padded[centre[owner][:, None] + np.arange(-(n - 1), n)]
        windows[:, n - 1] = cand_ids
        found_orders: list[np.ndarray] = []
        scores = self._score_rows(windows, found_orders, first_column=n - 2)[:, 1:]
        counted = windows[:, n - 1 :] > BOS
        candidate_orders = np.where(counted, found_orders[0][:, 1:], 0).sum(axis=1)
        total = np.where(counted, scores, 0.0).sum(axis=1, dtype=np.float64)
        gains = (total - written_total[owner]).astype(np.float32)
        best_gain = np.full(len(positions), -np.inf, dtype=np.float32)
        np.maximum.at(best_gain, owner, gains)
        is_best = gains == best_gain[owner]
        best_index = np.full(len(positions), -1, dtype=np.int64)
        # The first of equal bests (confusion order is fixed) wins.
        order_of = np.flatnonzero(is_best)[::-1]
        best_index[owner[order_of]] = order_of
        has = best_index >= 0
        chosen = np.where(has, best_index, 0)
        codes = np.where(has, self.vocabulary[np.maximum(cand_ids[chosen].astype(np.int64) - FIRST_CHAR_ID, 0)], 0x20).astype("<u4")
        chars = list(codes.tobytes().decode("utf-32-le"))
        own = np.where(has, scores[chosen, 0] - written[0][positions], 0.0).astype(np.float32)
        others = gains.copy()
        others[best_index[has]] = -np.inf
        runner_up = np.full(len(positions), -np.inf, dtype=np.float32)
        np.maximum.at(runner_up, owner, others)
        runner_up = np.where(np.isfinite(runner_up), np.maximum(runner_up, 0.0), 0.0).astype(np.float32)
        return Candidates(
            chars,
            np.where(has, best_gain, 0.0).astype(np.float32),
            np.where(has, cand_kinds[chosen], 0).astype(np.uint8),
            np.where(has, cand_ids[chosen], 0).astype(np.uint16),
            written_orders.astype(np.int64),
            np.where(has, candidate_orders[chosen], 0),
            own,
            runner_up,
        )


_loaded: list[CharModel | None] = []


def model() -> CharModel | None:
    """The shipped model, loaded once on first use; None if the file is missing."""
    if not _loaded:
        try:
            _loaded.append(CharModel.load())
        except (OSError, ValueError):
            _loaded.append(None)
    return _loaded[0]
