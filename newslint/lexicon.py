"""Word frequencies for the typo rules, from the dictionary that jieba ships.

jieba's dict.txt (349k words with frequencies) takes most of a second to parse,
so it is read once into a compact form, words grouped by their first character
as one string per character, and cached in the user's cache folder. Loading the
cache takes about 30 ms, and it happens only when a rule first asks for a word.
Nothing is downloaded: without jieba installed the lexicon is simply empty and
the rules that need it stay quiet.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import tempfile
from pathlib import Path

CACHE_VERSION = 3
# Over half of jieba's entries occur two or three times in its source corpus,
# and many of those are web misspellings; leaving them out halves the load time
# and keeps misspellings from passing as words.
MIN_FREQUENCY = 4


class Lexicon:
    def __init__(self, by_first_char: dict[str, str], prefix_mass: dict[str, int]) -> None:
        self._by_first_char = by_first_char
        self._prefix_mass = prefix_mass

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
        return self._entry(word)[0]

    def tag(self, word: str) -> str:
        """jieba's part-of-speech tag for `word` (n, v, a, o ...), '' if unknown."""
        return self._entry(word)[1]

    def __contains__(self, word: str) -> bool:
        return self.frequency(word) > 0

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


def _dictionary_path() -> Path | None:
    # Locate jieba without importing it: its import loads segmentation models
    # and takes a third of a second that the lexicon does not need.
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).with_name("dict.txt")
    return path if path.is_file() else None


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def _build(path: Path) -> tuple[dict[str, str], dict[str, int]]:
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
            lines.setdefault(word[0], []).append(f"{word} {freq} {tag}")
            if len(word) > 1:
                prefix_mass[word[0]] = prefix_mass.get(word[0], 0) + int(freq)
    return {c: "\n" + "\n".join(v) + "\n" for c, v in lines.items()}, prefix_mass


_loaded: Lexicon | None = None


def lexicon() -> Lexicon:
    global _loaded
    if _loaded is None:
        _loaded = _load()
    return _loaded


def _load() -> Lexicon:
    path = _dictionary_path()
    if path is None:
        return Lexicon({}, {})
    stat = path.stat()
    cache = _cache_folder() / f"lexicon-v{CACHE_VERSION}-{stat.st_size}-{int(stat.st_mtime)}.marshal"
    try:
        return Lexicon(*marshal.loads(cache.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = _build(path)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for stale in cache.parent.glob("lexicon-v*.marshal"):
            if not stale.name.startswith(f"lexicon-v{CACHE_VERSION}-"):
                stale.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, delete=False) as handle:
            handle.write(marshal.dumps(data))
        os.replace(handle.name, cache)
    except OSError:
        pass  # a read-only home: build in memory on every run instead
    return Lexicon(*data)
