"""Build newslint/data/typo-model.bin: the character 4-gram model of news copy and
the confusion set that typo/model reads.

    python tools/build_typo_model.py [--data ../shared/data] [--out newslint/data/typo-model.bin]

Training text (read from --data, never copied into the repository):
  - lm-corpus-cctv.txt.gz: CCTV news stories, one paragraph per line;
  - rmrb-2020-pages.jsonl.gz: People's Daily pages of January and February 2020
    only (the May pages are held out for measuring), each article's kicker,
    title, deck and paragraphs as lines.

One CCTV story in twenty (by the MD5 of its title) is held out of the model
for bench/calibrate_typo_model.py to count false alarms on.

Each line is a sentence for the model (it starts after a sentence-start mark).
Characters seen fewer than MIN_CHAR_COUNT times become one unknown class;
digits and Latin letters are one class each. Counts of all 1- to 4-grams give
an interpolated modified Kneser-Ney model (Chen & Goodman 1998: three
discounts per order from the counts of counts, continuation counts for the
lower orders); n-grams of order 2 and up seen fewer than PRUNE[n] times are then
dropped, and log10 probabilities and backoff weights are quantized to 256
levels. The output is byte for byte the same on every run: the hashing is
exact packing of character ids (no Python hash()), every array is sorted, the
header is JSON with sorted keys and holds no dates.

The confusion set: for each character of the vocabulary, the characters common
in the training text (at least COMMON_CANDIDATE occurrences) that share one of
its pypinyin readings in any tone (same sound), that differ by one of the near
initials or finals input methods and dialects confuse (near sound), or that
share a group of newslint/data/look-alikes.txt or of pycorrector's shape
groups in tools/data/same-stroke.txt (same shape).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import struct
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint import charmodel as cm  # noqa: E402

MIN_CHAR_COUNT = 3
# Minimum raw count kept, by order (orders 1 are all kept).
PRUNE = {1: 1, 2: 2, 3: 2, 4: 2}
COMMON_CANDIDATE = 300
HELD_OUT = 20
NEAR_INITIALS = [("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l")]
NEAR_FINALS = [("eng", "en"), ("ing", "in"), ("ang", "an")]


# --- reading the training text ------------------------------------------------------


def cctv_stories(data: Path) -> list[list[str]]:
    """The stories of lm-corpus-cctv.txt.gz, each as its lines (title first)."""
    with gzip.open(data / "lm-corpus-cctv.txt.gz", "rt", encoding="utf-8") as source:
        text = source.read()
    stories = [[line.strip() for line in block.splitlines() if line.strip()] for block in text.split("\n\n")]
    return [story for story in stories if story]


def held_out(story: list[str]) -> bool:
    """One CCTV story in HELD_OUT is kept out of the model, so that the
    calibration can count false alarms on clean news copy the model never saw
    (chosen by the MD5 of the story's title: fixed, and independent of order)."""
    return int(hashlib.md5(story[0].encode("utf-8")).hexdigest(), 16) % HELD_OUT == 0


def training_lines(data: Path) -> list[str]:
    lines = []
    for story in cctv_stories(data):
        if not held_out(story):
            lines += story
    with gzip.open(data / "rmrb-2020-pages.jsonl.gz", "rt", encoding="utf-8") as source:
        for line in source:
            page = json.loads(line)
            if not page["date"].startswith(("2020-01", "2020-02")):
                continue
            for article in page["articles"]:
                parts = [article["kicker"], article["title"], article["deck"], *article["paragraphs"]]
                lines += [part.strip() for part in parts if part.strip()]
    return lines


def vocabulary_of(lines: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted code points of the characters seen at least MIN_CHAR_COUNT times
    (digits and Latin letters excepted: they are classes), and their counts."""
    codes = cm.codepoints("".join(lines))
    values, counts = np.unique(codes, return_counts=True)
    keep = (counts >= MIN_CHAR_COUNT) & (cm.char_classes(values) == 0) & (values > 0x20)
    values, counts = values[keep], counts[keep]
    if len(values) > cm.MAX_VOCAB:
        raise SystemExit(f"{len(values)} characters: raise MIN_CHAR_COUNT")
    return values.astype(np.uint32), counts.astype(np.uint32)


def sequence_of(lines: list[str], vocabulary: np.ndarray) -> np.ndarray:
    """All lines as one id sequence, each preceded by BOS."""
    joined = "\n".join(lines)
    ids = cm.encode_with(vocabulary, joined)
    ids[cm.codepoints(joined) == 0x0A] = cm.BOS
    return np.concatenate([[cm.BOS], ids]).astype(np.uint16)


# --- counting and smoothing ----------------------------------------------------------


def _bos_inside_mask(seq: np.ndarray, n: int) -> np.ndarray:
    """True where the n-gram ending at a column has BOS anywhere but first."""
    is_bos = seq == cm.BOS
    inside = np.zeros(len(seq), dtype=bool)
    for back in range(0, n - 1):  # positions j-back for back in 0..n-2
        shifted = np.zeros(len(seq), dtype=bool)
        shifted[back:] = is_bos[: len(seq) - back]
        inside |= shifted
    return inside


def count_all(seq: np.ndarray, order: int) -> list[tuple[np.ndarray, np.ndarray]]:
    grams = cm.gram_keys(seq[None, :], order)
    out = []
    for n, (key, valid) in enumerate(grams, start=1):
        ok = valid[0] & ~_bos_inside_mask(seq, n) if n > 1 else valid[0]
        keys, counts = np.unique(key[0][ok], return_counts=True)
        out.append((keys, counts.astype(np.int64)))
    return out


def discounts(counts: np.ndarray) -> tuple[float, float, float]:
    n1, n2, n3, n4 = (int((counts == k).sum()) for k in (1, 2, 3, 4))
    if not (n1 and n2 and n3 and n4):
        return 0.5, 1.0, 1.5  # too little text for counts of counts (a test corpus)
    y = n1 / (n1 + 2 * n2)
    return 1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3


def smooth(raw: list[tuple[np.ndarray, np.ndarray]], vocab_size: int) -> list[dict]:
    """Interpolated modified Kneser-Ney: per order, keys, log10 p(w | h) and, for
    each gram as a context, log10 of its interpolation weight."""
    order = len(raw)
    bits = np.uint64(cm.BITS)
    mask = [np.uint64((1 << (cm.BITS * n)) - 1) for n in range(order + 1)]
    # Adjusted counts: raw for the top order and for grams that start with BOS,
    # else the number of distinct characters seen before the gram.
    adjusted = []
    for n in range(1, order + 1):
        keys, counts = raw[n - 1]
        if n == order:
            adjusted.append(counts.copy())
            continue
        higher_keys = raw[n][0]
        suffixes = higher_keys & mask[n]
        suffix_values, suffix_counts = np.unique(suffixes, return_counts=True)
        at = np.minimum(np.searchsorted(suffix_values, keys), len(suffix_values) - 1)
        continuation = np.where(suffix_values[at] == keys, suffix_counts[at], 0)
        starts_with_bos = (keys >> np.uint64(cm.BITS * (n - 1))) == np.uint64(cm.BOS) if n > 1 else keys == np.uint64(cm.BOS)
        adjusted.append(np.where(starts_with_bos | (continuation == 0), counts, continuation).astype(np.int64))
    models = []
    lower_prob = None
    for n in range(1, order + 1):
        keys, _ = raw[n - 1]
        a = adjusted[n - 1]
        predicts_bos = (keys & mask[1]) == np.uint64(cm.BOS)
        d1, d2, d3 = discounts(a[~predicts_bos])
        discount = np.where(a == 1, d1, np.where(a == 2, d2, d3))
        discount = np.where(predicts_bos, 0.0, discount)
        a_eff = np.where(predicts_bos, 0, a)
        if n == 1:
            total = a_eff.sum()
            gamma0 = float((discount * (a_eff > 0)).sum() / total)
            prob = (a_eff - discount) / total + gamma0 / vocab_size
            prob = np.where(predicts_bos, 10**cm.LOGPROB_FLOOR, prob)
        else:
            contexts = keys >> bits
            boundaries = np.flatnonzero(np.r_[True, contexts[1:] != contexts[:-1]])
            context_total = np.add.reduceat(a_eff, boundaries)
            context_mass = np.add.reduceat(discount * (a_eff > 0), boundaries)
            group = np.repeat(np.arange(len(boundaries)), np.diff(np.r_[boundaries, len(keys)]))
            gamma = context_mass / np.maximum(context_total, 1)
            lower_keys, lower_p = lower_prob
            suffix = keys & mask[n - 1]
            at = np.searchsorted(lower_keys, suffix)
            assert np.array_equal(lower_keys[at], suffix), "a gram's suffix must be counted"
            prob = (a_eff - discount) / np.maximum(context_total[group], 1) + gamma[group] * lower_p[at]
            # The context's weight goes on the (n-1)-gram that is the context.
            context_keys = contexts[boundaries]
            prev = models[-1]
            at = np.searchsorted(prev["keys"], context_keys)
            assert np.array_equal(prev["keys"][at], context_keys)
            prev["backoff"][at] = np.log10(np.maximum(gamma, 1e-12))
        models.append({"keys": keys, "logprob": np.log10(np.maximum(prob, 1e-12)), "backoff": np.zeros(len(keys)), "raw": raw[n - 1][1]})
        lower_prob = (keys, prob)
    return models


def quantize(values: np.ndarray, floor: float) -> np.ndarray:
    scaled = np.clip(values / floor, 0.0, 1.0) * 255.0
    return np.rint(scaled).astype(np.uint8)


# --- the confusion set -----------------------------------------------------------------


def readings(chars: list[str]) -> dict[str, list[str]]:
    from pypinyin import Style, pinyin

    table = {}
    for char in chars:
        found = pinyin(char, heteronym=True, style=Style.NORMAL, errors="ignore")
        if found and found[0] and found[0][0] != char:
            table[char] = sorted(set(found[0]))
    return table


def near_syllables(syllable: str) -> set[str]:
    out = set()
    for a, b in NEAR_INITIALS:
        for x, y in ((a, b), (b, a)):
            if syllable.startswith(x) and not (x == "z" and syllable.startswith("zh")) and not (x == "c" and syllable.startswith("ch")) and not (
                x == "s" and syllable.startswith("sh")
            ):
                out.add(y + syllable[len(x) :])
    for a, b in NEAR_FINALS:
        if syllable.endswith(a):
            out.add(syllable[: -len(a)] + b)
        elif syllable.endswith(b):
            out.add(syllable + "g")
    out.discard(syllable)
    return out


LOOK_ALIKE_FILES = (REPO / "newslint" / "data" / "look-alikes.txt", REPO / "tools" / "data" / "same-stroke.txt")


def look_alike_groups() -> list[str]:
    """newslint's own look-alike groups and pycorrector's shape groups."""
    groups = []
    for path in LOOK_ALIKE_FILES:
        lines = path.read_text(encoding="utf-8").splitlines()
        groups += ["".join(line.split()) for line in lines if line.strip() and not line.startswith("#")]
    return groups


def confusion_set(vocabulary: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    chars = [chr(int(c)) for c in vocabulary]
    is_han = [("\u4e00" <= c <= "\u9fff") for c in chars]
    han = [c for c, h in zip(chars, is_han) if h]
    count_of = dict(zip(chars, counts.tolist()))
    reading = readings(han)
    common = {c for c in han if count_of[c] >= COMMON_CANDIDATE}
    by_syllable: dict[str, set[str]] = {}
    for char in common:
        for syllable in reading.get(char, ()):
            by_syllable.setdefault(syllable, set()).add(char)
    shapes: dict[str, set[str]] = {}
    for group in look_alike_groups():
        for char in group:
            shapes.setdefault(char, set()).update(set(group) - {char})
    offsets = [0] * cm.FIRST_CHAR_ID
    ids, kinds = [], []
    index_of = {c: i + cm.FIRST_CHAR_ID for i, c in enumerate(chars)}
    for char in chars:
        offsets.append(len(ids))
        if char not in reading and char not in shapes:
            continue
        same = set().union(*(by_syllable.get(s, set()) for s in reading.get(char, ())))
        near = set().union(*(by_syllable.get(t, set()) for s in reading.get(char, ()) for t in near_syllables(s))) - same
        shape = (shapes.get(char, set()) & common) - same - near
        for kind, group in ((cm.SAME_SOUND, same), (cm.NEAR_SOUND, near), (cm.SAME_SHAPE, shape)):
            for other in sorted(group - {char}):
                ids.append(index_of[other])
                kinds.append(kind)
    offsets.append(len(ids))
    return np.array(offsets, dtype=np.uint32), np.array(ids, dtype=np.uint16), np.array(kinds, dtype=np.uint8)


# --- writing ---------------------------------------------------------------------------


def write_model(path: Path, arrays: dict[str, np.ndarray], meta: dict) -> None:
    layout, payload, offset = {}, [], 0
    for name in sorted(arrays):
        array = np.ascontiguousarray(arrays[name])
        data = array.tobytes()
        layout[name] = [array.dtype.str, offset, int(array.size)]
        payload.append(data + b"\0" * (-len(data) % 16))
        offset += len(data) + (-len(data) % 16)
    body = b"".join(payload)
    header = dict(meta, arrays=layout, payload_sha256=hashlib.sha256(body).hexdigest())
    header_bytes = json.dumps(header, sort_keys=True, ensure_ascii=True).encode("ascii")
    head = struct.pack("<8sII", cm.MAGIC, cm.FORMAT_VERSION, len(header_bytes)) + header_bytes
    head += b"\0" * (-len(head) % 16)
    path.write_bytes(head + body)


def build(lines: list[str], out: Path, order: int = cm.ORDER, prune: dict[int, int] | None = None, quiet: bool = False) -> dict:
    prune = prune or PRUNE
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr))
    started = time.perf_counter()
    vocabulary, char_counts = vocabulary_of(lines)
    seq = sequence_of(lines, vocabulary)
    say(f"{len(lines)} lines, {len(seq)} characters, vocabulary {len(vocabulary)}")
    raw = count_all(seq, order)
    say("grams per order: " + ", ".join(str(len(k)) for k, _ in raw), f"({time.perf_counter() - started:.1f} s)")
    models = smooth(raw, len(vocabulary) + cm.FIRST_CHAR_ID)
    arrays = {"vocabulary": vocabulary, "char_counts": char_counts}
    for n, m in enumerate(models, start=1):
        keep = m["raw"] >= prune.get(n, 1)
        if n == 1:
            keep[:] = True
        stored = cm.stored_keys(m["keys"][keep], n)
        # Sort by stored key; of grams sharing a hash the commoner comes first and stays.
        ranking = np.lexsort((-m["raw"][keep], stored))
        stored = stored[ranking]
        first = np.r_[True, stored[1:] != stored[:-1]]
        chosen = ranking[first]
        arrays[f"keys{n}"] = stored[first]
        arrays[f"logprob{n}"] = quantize(m["logprob"][keep][chosen], cm.LOGPROB_FLOOR)
        if n < order:
            arrays[f"backoff{n}"] = quantize(m["backoff"][keep][chosen], cm.BACKOFF_FLOOR)
    say("kept per order: " + ", ".join(str(len(arrays[f"keys{n}"])) for n in range(1, order + 1)))
    offsets, ids, kinds = confusion_set(vocabulary, char_counts)
    arrays.update(confusion_offsets=offsets, confusion_ids=ids, confusion_kinds=kinds)
    say(f"confusion set: {len(ids)} pairs")
    meta = {
        "order": order,
        "bits": cm.BITS,
        "prune": {str(k): v for k, v in sorted(prune.items())},
        "min_char_count": MIN_CHAR_COUNT,
        "common_candidate": COMMON_CANDIDATE,
        "training_characters": int(len(seq)),
    }
    write_model(out, arrays, meta)
    say(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=cm.MODEL_FILE)
    parser.add_argument("--prune", default=",".join(f"{n}:{c}" for n, c in PRUNE.items()), help="order:min_count,... (for measuring)")
    args = parser.parse_args()
    if not (args.data / "lm-corpus-cctv.txt.gz").is_file():
        raise SystemExit(f"training text not found in {args.data}")
    prune = {int(n): int(c) for n, c in (part.split(":") for part in args.prune.split(","))}
    build(training_lines(args.data), args.out, prune=prune)


if __name__ == "__main__":
    main()
