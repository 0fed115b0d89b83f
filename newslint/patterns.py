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

    # The methods rules call in loops, spelled out: cheaper than __getattr__.
    def match(self, *args: Any, **kwargs: Any) -> Any:
        return (self._compiled or self.compiled()).match(*args, **kwargs)

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return (self._compiled or self.compiled()).search(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return (self._compiled or self.compiled()).finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return (self._compiled or self.compiled()).findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return (self._compiled or self.compiled()).sub(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return (self._compiled or self.compiled()).split(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
