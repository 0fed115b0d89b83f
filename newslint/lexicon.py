"""Word frequencies and sound- and look-alike characters for the typo rules.

Frequencies come from the dictionary that jieba ships, readings from pypinyin's
character table. jieba's dict.txt (349k words) takes most of a second to parse
and pypinyin's table a tenth more, so both are read once and cached in the
user's cache folder, in a form that loads without building a Python object per
word: the words in a marisa trie, their frequencies and part-of-speech tags in
arrays indexed by the trie's word ids (read from the file where it lies), and
for each common character the common characters that sound or look like it.
Loading the cache takes a few milliseconds; a word's frequency is read from the
trie the first time a rule asks for it and remembered for the run. Nothing is
downloaded: without jieba the lexicon holds only newslint's own new words.
"""

from __future__ import annotations

import importlib.util
import marshal
import math
import mmap
import os
import struct
from collections.abc import Mapping
from pathlib import Path

from .cache import cache_folder, store
from .patterns import lazy

CACHE_VERSION = 10
KEPT_CACHES = 3
# Over half of jieba's entries occur two or three times in its source corpus,
# and many of those are web misspellings; leaving them out halves the load time
# and keeps misspellings from passing as words.
MIN_FREQUENCY = 4
# A character that occurs in words of this total frequency counts as in use;
# rarer ones (欹, 嬛) are deliberate when they appear and are not questioned.
COMMON_CHARACTER = 50
# Only characters this common are offered as the intended one: input methods
# put common characters in place of the right ones, not rare ones.
LIKELY_REPLACEMENT = 2000
# Words that entered news copy after jieba's dictionary was compiled (抗疫, 大咖);
# without them they read as two loose characters.
NEW_WORD_FREQUENCY = 1000
LONGEST_WORD = 4
# A sound- or look-alike is offered only where it makes a word at least this common.
ALIKE_WORD_FREQUENCY = 100
_NONE = ("", "", "", "")
# Words looked up are remembered for the run; past this many the memory is
# dropped and refilled, so that a very large input does not keep every
# substring it ever asked about.
REMEMBERED_WORDS = 300_000
# The tag index of a word from new-words.txt: it has a frequency but no tag,
# and is offered neither as a completion nor counted in a prefix's mass.
ADDED_WORD = 255
_MAGIC = b"newslint-lexicon\n"
# Sound- and look-alikes are kept only for common characters of the basic CJK
# block, so a table indexed by code point finds a character's entry directly.
_FIRST_HAN, _HAN_COUNT = 0x4E00, 0x9FFF - 0x4E00 + 1
_HEADER = struct.Struct("<QQQ")
DATA_FOLDER = Path(__file__).resolve().parent / "data"
_HAN_TAIL = lazy("[\u3400-\u9fff]+$")
_HAN_HEAD = lazy("[\u3400-\u9fff]+")


def read_data(name: str) -> list[str]:
    """Lines of a data file shipped in newslint/data, comments and blanks dropped."""
    # Read beside the package rather than through importlib.resources, whose
    # import alone costs a one-file run 20 ms.
    text = (DATA_FOLDER / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


class _Frequencies(dict):
    """word → frequency (0 for a non-word), read from the trie on first use.

    A dict, so that the hot loops of the typo rules index it at C speed once a
    word has been seen; membership and get() answer for the lexicon, not for
    what happens to be remembered."""

    __slots__ = ("_lookup",)

    def __init__(self, lookup) -> None:
        super().__init__()
        self._lookup = lookup

    def __missing__(self, word: str) -> int:
        if len(self) >= REMEMBERED_WORDS:
            self.clear()
        frequency = self[word] = self._lookup(word)
        return frequency

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self[word] > 0

    def get(self, word: str, default=None):  # type: ignore[override]
        return self[word] or default


class _Alikes(dict):
    """char → (sound-alikes, look-alikes, partners before, partners after),
    read from the cache file the first time a character is asked about."""

    __slots__ = ("_lookup",)

    def __init__(self, lookup) -> None:
        super().__init__()
        self._lookup = lookup

    def __missing__(self, char: str) -> tuple[str, ...]:
        entry = self[char] = self._lookup(char)
        return entry


class Lexicon:
    def __init__(self, store: _Store | None = None) -> None:
        self._store = store
        if store is None:
            self._frequencies = _Frequencies(lambda word: 0)
            self._prefix_mass: dict[str, int] = {}
            self._alikes: dict[str, tuple[str, ...]] = _Alikes(lambda char: _NONE)
            self.total = 1
        else:
            self._frequencies = _Frequencies(store.frequency)
            self._prefix_mass = store.prefix_mass
            self._alikes = _Alikes(store.alikes_of)
            self.total = store.total or 1
        self._log_total = math.log(self.total)

    @classmethod
    def empty(cls) -> Lexicon:
        return cls()

    @property
    def frequencies(self) -> Mapping[str, int]:
        """word → frequency, for loops too hot for a method call per word: index
        it (`frequencies[word]`, 0 for a non-word) rather than calling get()."""
        return self._frequencies

    def frequency(self, word: str) -> int:
        """How often jieba's corpus has `word` as a word; 0 if it is not a word."""
        return self._frequencies[word]

    def tag(self, word: str) -> str:
        """jieba's part-of-speech tag for `word` (n, v, a, o ...), '' if unknown."""
        return self._store.tag(word) if self._store is not None else ""

    def __contains__(self, word: str) -> bool:
        return self._frequencies[word] > 0

    def sound_alikes(self, char: str) -> str:
        """Common characters whose usual reading, tone included, is a reading of
        `char`; empty for a rare character, which is not questioned."""
        return self._alikes[char][0]

    def look_alikes(self, char: str) -> str:
        """Common characters that look like `char` (newslint/data/look-alikes.txt)."""
        return self._alikes[char][1]

    def alikes(self, char: str) -> str:
        """Sound-alikes and look-alikes together."""
        entry = self._alikes[char]
        return entry[0] + entry[1]

    def alike_partners(self, char: str) -> tuple[str, str]:
        """The characters that, before or after one of `char`'s sound- or
        look-alikes, make a word seen at least ALIKE_WORD_FREQUENCY times."""
        return self._alikes[char][2:]

    def reads_across(self, left: str, right: str) -> bool:
        """Whether the likeliest reading of `left` followed by `right` has a word
        that spans the join (机械|化作业, 友|好交谈): a break inside a word."""
        tail = _HAN_TAIL.search(left[-LONGEST_WORD:])
        head = _HAN_HEAD.match(right[:LONGEST_WORD])
        if not tail or not head:
            return False
        _, spans = self.best_reading(tail.group() + head.group())
        seam = len(tail.group())
        return any(start < seam < end for start, end in spans)

    def best_reading(self, text: str) -> tuple[float, list[tuple[int, int]]]:
        """The most probable division of `text` into dictionary words (single
        characters always allowed), as (log probability, [(start, end), ...])."""
        frequencies, log_total = self._frequencies, self._log_total
        best = [0.0] + [-math.inf] * len(text)
        back = [0] * (len(text) + 1)
        for end in range(1, len(text) + 1):
            for size in range(1, min(LONGEST_WORD, end) + 1):
                frequency = frequencies[text[end - size : end]]
                if frequency:
                    score = best[end - size] + math.log(frequency) - log_total
                elif size == 1:
                    score = best[end - 1] + math.log(0.5) - log_total
                else:
                    continue
                if score > best[end]:
                    best[end], back[end] = score, size
        spans, end = [], len(text)
        while end > 0:
            spans.append((end - back[end], end))
            end -= back[end]
        return best[-1], spans[::-1]

    def prefix_mass(self, char: str) -> int:
        """Total frequency of the longer words that begin with `char`."""
        return self._prefix_mass.get(char, 0)

    def completions(self, prefix: str, limit: int = 3) -> list[str]:
        """The most frequent words that begin with `prefix` and are longer than it."""
        if self._store is None:
            return []
        found = [(self._frequencies[word], word) for word in self._store.words_after(prefix)]
        return [w for _, w in sorted(found, reverse=True)[:limit]]


class _Store:
    """The cache file, mapped: a marisa trie of the words, then a frequency
    (uint32) and a tag index (uint8) per trie id, and the small tables."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        import marisa_trie  # noqa: PLC0415 - only when a rule first asks for a word

        if data[: len(_MAGIC)] != _MAGIC:
            raise ValueError("not a newslint lexicon")
        at = len(_MAGIC)
        meta_size, trie_size, count = _HEADER.unpack_from(data, at)
        at += _HEADER.size
        self.total, self.prefix_mass, self._tag_names = marshal.loads(data[at : at + meta_size])
        at += meta_size
        self._trie = marisa_trie.Trie().frombytes(bytes(data[at : at + trie_size]))
        at += trie_size
        view = memoryview(data)
        self._frequencies = view[at : at + 4 * count].cast("I")
        at += 4 * count
        self._tags = view[at : at + count]
        at += count
        self._alike_spans = view[at : at + 8 * _HAN_COUNT].cast("I")
        self._alike_text = view[at + 8 * _HAN_COUNT :]
        if len(self._tags) != count or len(self._trie) != count or len(self._alike_spans) != 2 * _HAN_COUNT:
            raise ValueError("a truncated newslint lexicon")
        self._data = data  # the arrays are views of it

    def alikes_of(self, char: str) -> tuple[str, ...]:
        index = ord(char) - _FIRST_HAN if len(char) == 1 else -1
        if not 0 <= index < _HAN_COUNT:
            return _NONE
        start, end = self._alike_spans[2 * index], self._alike_spans[2 * index + 1]
        if start == end:
            return _NONE
        return tuple(bytes(self._alike_text[4 * start : 4 * end]).decode("utf-32-le").split("\x00"))

    def frequency(self, word: str) -> int:
        index = self._trie.get(word)
        return 0 if index is None else self._frequencies[index]

    def is_added(self, word: str) -> bool:
        """Whether `word` comes from newslint's new-words.txt, not jieba's dictionary."""
        index = self._trie.get(word)
        return index is not None and self._tags[index] == ADDED_WORD

    def tag(self, word: str) -> str:
        index = self._trie.get(word)
        if index is None or self._tags[index] == ADDED_WORD:
            return ""
        return self._tag_names[self._tags[index]]

    def words_after(self, prefix: str) -> list[str]:
        """The dictionary's words that begin with `prefix` and are longer."""
        tags, trie = self._tags, self._trie
        return [word for word in trie.keys(prefix) if len(word) > len(prefix) and tags[trie[word]] != ADDED_WORD]

    @staticmethod
    def encode(frequencies: dict[str, int], tags: dict[str, str], added: list[str], prefix_mass: dict[str, int], alikes: dict) -> bytes:
        import marisa_trie  # noqa: PLC0415

        added = [word for word in added if word not in frequencies]
        trie = marisa_trie.Trie(list(frequencies) + added)
        tag_names = sorted(set(tags.values()))
        tag_index = {name: k for k, name in enumerate(tag_names)}
        if len(tag_names) >= ADDED_WORD:
            raise ValueError("too many part-of-speech tags")
        count = len(trie)
        counts = memoryview(bytearray(4 * count)).cast("I")
        tag_of = bytearray(count)
        for word, frequency in frequencies.items():
            index = trie[word]
            counts[index] = min(frequency, 2**32 - 1)
            tag_of[index] = tag_index[tags.get(word, "")]
        for word in added:
            index = trie[word]
            counts[index] = NEW_WORD_FREQUENCY
            tag_of[index] = ADDED_WORD
        spans = memoryview(bytearray(8 * _HAN_COUNT)).cast("I")
        texts, length = [], 0
        for char, entry in sorted(alikes.items()):
            text = "\x00".join(entry)
            spans[2 * (ord(char) - _FIRST_HAN)] = length
            length += len(text)
            spans[2 * (ord(char) - _FIRST_HAN) + 1] = length
            texts.append(text)
        meta = marshal.dumps((sum(frequencies.values()), prefix_mass, tag_names))
        trie_bytes = trie.tobytes()
        return b"".join((
            _MAGIC, _HEADER.pack(len(meta), len(trie_bytes), count), meta, trie_bytes, counts.tobytes(), bytes(tag_of),
            spans.tobytes(), "".join(texts).encode("utf-32-le"),
        ))


def _package_file(package: str, name: str) -> Path | None:
    # Locate a package's data without importing it: jieba's import loads
    # segmentation models and takes a third of a second that we do not need.
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).with_name(name)
    return path if path.is_file() else None


def _build(path: Path | None) -> bytes:
    frequencies: dict[str, int] = {}
    tags: dict[str, str] = {}
    prefix_mass: dict[str, int] = {}
    with (path.open(encoding="utf-8") if path is not None else open(os.devnull, encoding="utf-8")) as source:
        for line in source:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            if freq < MIN_FREQUENCY:
                continue
            frequencies[word] = freq
            tags[word] = parts[2] if len(parts) > 2 else ""
            if len(word) > 1:
                prefix_mass[word[0]] = prefix_mass.get(word[0], 0) + freq
    return _Store.encode(frequencies, tags, _new_words(), prefix_mass, _alikes(frequencies))


def _alikes(frequencies: dict[str, int]) -> dict[str, tuple[str, str, str, str]]:
    """char → (same-sounding characters, same-looking characters, and the
    characters that make a common word before or after one of either)."""
    try:
        from pypinyin.pinyin_dict import pinyin_dict  # noqa: PLC0415 - only when the cache is built
    except ImportError:
        pinyin_dict = {}
    usage: dict[str, int] = {}
    for word, frequency in frequencies.items():
        for char in set(word):
            usage[char] = usage.get(char, 0) + frequency
    in_use = {char for char, total in usage.items() if total >= COMMON_CHARACTER and len(char) == 1 and "\u4e00" <= char <= "\u9fff"}
    likely = {char for char in in_use if usage[char] >= LIKELY_REPLACEMENT}
    readings = {char: pinyin_dict[ord(char)].split(",") for char in in_use if ord(char) in pinyin_dict}
    # A character on the page is tried under every reading it has, but only the
    # usual reading (listed first) of a replacement counts: a rare one (万 as
    # mò, 絮 as nǜ) would offer characters no one confuses.
    by_usual_reading: dict[str, set[str]] = {}
    for char in likely & readings.keys():
        by_usual_reading.setdefault(readings[char][0], set()).add(char)
    looks: dict[str, set[str]] = {}
    for group in read_data("look-alikes.txt"):
        for char in group:
            looks.setdefault(char, set()).update((set(group) - {char}) & likely)
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    for word, frequency in frequencies.items():
        if len(word) == 2 and frequency >= ALIKE_WORD_FREQUENCY:
            before.setdefault(word[1], set()).add(word[0])
            after.setdefault(word[0], set()).add(word[1])
    table = {}
    for char in in_use:
        sounds = set().union(*(by_usual_reading.get(sound, set()) for sound in readings.get(char, ()))) - {char}
        shapes = looks.get(char, set()) - sounds
        alikes = sounds | shapes
        if alikes:
            table[char] = (
                "".join(sorted(sounds)),
                "".join(sorted(shapes)),
                "".join(sorted(set().union(*(before.get(a, set()) for a in alikes)))),
                "".join(sorted(set().union(*(after.get(a, set()) for a in alikes)))),
            )
    return table


_loaded: Lexicon | None = None


def lexicon() -> Lexicon:
    global _loaded
    if _loaded is None:
        _loaded = _load()
    return _loaded


def _load() -> Lexicon:
    return Lexicon(_load_dictionary())


def _new_words() -> list[str]:
    return read_data("new-words.txt")


def _load_dictionary() -> _Store:
    """The cache file, mapped; built first if it is missing, stale or damaged."""
    path = _package_file("jieba", "dict.txt")
    sources = [(DATA_FOLDER / "look-alikes.txt").stat(), (DATA_FOLDER / "new-words.txt").stat()]
    for source in (path, _package_file("pypinyin", "pinyin_dict.py")):
        if source is not None:
            sources.append(source.stat())
    key = "-".join(f"{stat.st_size}-{int(stat.st_mtime)}" for stat in sources)
    cache = cache_folder() / f"lexicon-v{CACHE_VERSION}-{key}.bin"
    try:
        with cache.open("rb") as handle:
            return _Store(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except Exception:  # noqa: BLE001 - a damaged cache of any kind is rebuilt, never fatal
        pass
    data = _build(path)
    store(cache, data, keep=KEPT_CACHES)
    return _Store(data)
