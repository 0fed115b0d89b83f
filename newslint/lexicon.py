"""Word frequencies and sound- and look-alike characters for the typo rules.

Frequencies come from the dictionary that jieba ships, readings from pypinyin's
character table. jieba's dict.txt (349k words) takes most of a second to parse
and pypinyin's table a tenth more, so both are read once into a compact form
and cached in the user's cache folder: a word → frequency table, the words
grouped by first character (one string per character, for tags and
completions), and for each common character the common characters that sound
or look like it. Loading the cache takes about 45 ms, and happens only when a
rule first asks for a word. Nothing is downloaded: without jieba the
lexicon is empty and the rules that need it stay quiet.
"""

from __future__ import annotations

import importlib.util
import marshal
import math
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

CACHE_VERSION = 8
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
DATA_FOLDER = Path(__file__).resolve().parent / "data"
_HAN_TAIL = re.compile("[\u3400-\u9fff]+$")
_HAN_HEAD = re.compile("[\u3400-\u9fff]+")


def read_data(name: str) -> list[str]:
    """Lines of a data file shipped in newslint/data, comments and blanks dropped."""
    # Read beside the package rather than through importlib.resources, whose
    # import alone costs a one-file run 20 ms.
    text = (DATA_FOLDER / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


class Lexicon:
    def __init__(
        self,
        frequencies: dict[str, int],
        by_first_char: dict[str, str],
        prefix_mass: dict[str, int],
        alikes: dict[str, tuple[str, str, str, str]],
    ) -> None:
        self._frequencies = frequencies
        self._by_first_char = by_first_char
        self._prefix_mass = prefix_mass
        self._alikes = alikes
        self.total = sum(frequencies.values()) or 1
        self._log_total = math.log(self.total)

    @classmethod
    def empty(cls) -> Lexicon:
        return cls({}, {}, {}, {})

    def add_words(self, words: list[str], frequency: int) -> None:
        for word in words:
            self._frequencies.setdefault(word, frequency)

    @property
    def frequencies(self) -> Mapping[str, int]:
        """word → frequency, for loops too hot for a method call per word."""
        return self._frequencies

    def _entry(self, word: str) -> tuple[int, str]:
        chunk = self._by_first_char.get(word[:1])
        if not chunk:
            return 0, ""
        key = f"\n{word} "
        at = chunk.find(key)
        if at < 0:
            return 0, ""
        end = chunk.index("\n", at + len(key))
        freq, _, tag = chunk[at + len(key) : end].partition(" ")
        return int(freq), tag

    def frequency(self, word: str) -> int:
        """How often jieba's corpus has `word` as a word; 0 if it is not a word."""
        return self._frequencies.get(word, 0)

    def tag(self, word: str) -> str:
        """jieba's part-of-speech tag for `word` (n, v, a, o ...), '' if unknown."""
        return self._entry(word)[1]

    def __contains__(self, word: str) -> bool:
        return word in self._frequencies

    def sound_alikes(self, char: str) -> str:
        """Common characters whose usual reading, tone included, is a reading of
        `char`; empty for a rare character, which is not questioned."""
        return self._alikes.get(char, _NONE)[0]

    def look_alikes(self, char: str) -> str:
        """Common characters that look like `char` (newslint/data/look-alikes.txt)."""
        return self._alikes.get(char, _NONE)[1]

    def alikes(self, char: str) -> str:
        """Sound-alikes and look-alikes together."""
        entry = self._alikes.get(char, _NONE)
        return entry[0] + entry[1]

    def alike_partners(self, char: str) -> tuple[str, str]:
        """The characters that, before or after one of `char`'s sound- or
        look-alikes, make a word seen at least ALIKE_WORD_FREQUENCY times."""
        return self._alikes.get(char, _NONE)[2:]

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
                frequency = frequencies.get(text[end - size : end])
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
        chunk = self._by_first_char.get(prefix[:1], "")
        found = []
        for line in chunk.split("\n"):
            if line.startswith(prefix) and not line.startswith(prefix + " "):
                word, freq, _ = (line + " ").split(" ", 2)
                found.append((int(freq), word))
        return [w for _, w in sorted(found, reverse=True)[:limit]]


def _package_file(package: str, name: str) -> Path | None:
    # Locate a package's data without importing it: jieba's import loads
    # segmentation models and takes a third of a second that we do not need.
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).with_name(name)
    return path if path.is_file() else None


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def _build(path: Path) -> tuple[dict[str, int], dict[str, str], dict[str, int], dict[str, tuple[str, str, str, str]]]:
    frequencies: dict[str, int] = {}
    lines: dict[str, list[str]] = {}
    prefix_mass: dict[str, int] = {}
    with path.open(encoding="utf-8") as source:
        for line in source:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq, tag = parts[0], parts[1], parts[2] if len(parts) > 2 else ""
            if int(freq) < MIN_FREQUENCY:
                continue
            frequencies[word] = int(freq)
            lines.setdefault(word[0], []).append(f"{word} {freq} {tag}")
            if len(word) > 1:
                prefix_mass[word[0]] = prefix_mass.get(word[0], 0) + int(freq)
    chunks = {c: "\n" + "\n".join(v) + "\n" for c, v in lines.items()}
    return frequencies, chunks, prefix_mass, _alikes(frequencies)


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
    words = _load_dictionary()
    words.add_words(_new_words(), NEW_WORD_FREQUENCY)
    return words


def _new_words() -> list[str]:
    return read_data("new-words.txt")


def _load_dictionary() -> Lexicon:
    path = _package_file("jieba", "dict.txt")
    if path is None:
        return Lexicon.empty()
    sources = [path.stat(), (DATA_FOLDER / "look-alikes.txt").stat()]
    readings = _package_file("pypinyin", "pinyin_dict.py")
    if readings is not None:
        sources.append(readings.stat())
    key = "-".join(f"{stat.st_size}-{int(stat.st_mtime)}" for stat in sources)
    cache = _cache_folder() / f"lexicon-v{CACHE_VERSION}-{key}.marshal"
    try:
        return Lexicon(*marshal.loads(cache.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = _build(path)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        # Each install has its own key; keep a few (a pre-commit environment
        # beside a development one) but not one per install forever.
        caches = sorted(cache.parent.glob("lexicon-v*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in caches[KEPT_CACHES - 1 :]:
            stale.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, delete=False) as handle:
            handle.write(marshal.dumps(data))
        os.replace(handle.name, cache)
    except OSError:
        pass  # a read-only home: build in memory on every run instead
    return Lexicon(*data)
