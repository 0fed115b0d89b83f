"""Questions about stretches of copy that rules ask once per candidate, answered
without a scan of the whole text each time (a long line holds thousands)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """The offsets covered by some (start, end) spans, which may overlap."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if end <= start:
                continue
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def covers(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]


def used_more_than_once(text: str, words: Iterable[str]) -> set[str]:
    """Which of `words` occur at least twice in `text` without overlapping (as
    str.count counts them), in one pass over the text for all of them."""
    wanted = {word for word in words if word}
    if not wanted:
        return set()
    import ahocorasick  # noqa: PLC0415 - only when a rule has candidates to check

    machine = ahocorasick.Automaton()
    for word in wanted:
        machine.add_word(word, word)
    machine.make_automaton()
    first_end: dict[str, int] = {}
    repeated: set[str] = set()
    for end, word in machine.iter(text):
        if word not in first_end:
            first_end[word] = end
        elif end - len(word) >= first_end[word]:
            repeated.add(word)
    return repeated
