"""Regular expressions compiled on first use.

The regex module compiles slowly (a large pattern takes milliseconds), and a
one-file pre-commit run should not pay for the patterns of rules it never
reaches. A LazyPattern behaves like the compiled pattern it stands for.
"""

from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = regex.compile(self._pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


def _forward(name: str):
    def forward(self: LazyPattern, *args: Any, **kwargs: Any) -> Any:
        return getattr(self._compiled or self.compiled(), name)(*args, **kwargs)

    forward.__name__ = name
    return forward


# The methods rules call in loops are real methods: cheaper than going through __getattr__.
for _method in ("match", "search", "finditer", "findall", "sub", "split", "fullmatch"):
    setattr(LazyPattern, _method, _forward(_method))


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
