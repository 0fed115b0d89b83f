"""Regular expressions compiled on first use.

The regex module compiles slowly (a large pattern takes milliseconds), and a
one-file pre-commit run should not pay for the patterns of rules it never
reaches. A LazyPattern behaves like the compiled pattern it stands for.
"""

from __future__ import annotations

from typing import Any

import regex

# The methods rules call in loops: once compiled, each is the compiled
# pattern's own bound method, stored on the instance, so a call costs no more
# than on a pattern compiled at import.
_METHODS = ("match", "search", "finditer", "findall", "sub", "subn", "split", "fullmatch")


class LazyPattern:
    __slots__ = ("_pattern", "_flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = regex.compile(self._pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(self._compiled, name))
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Reached only for what is not yet set: a method slot before the first
        # compile, or an attribute of the pattern (pattern, groupindex ...).
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
