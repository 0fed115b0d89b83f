"""Regular expressions compiled on first use, and remembered between runs.

The regex module compiles slowly: its parser and optimiser are Python, and the
hundred patterns a one-page run reaches take about 30 ms, a sixth of the run.
A LazyPattern behaves like the compiled pattern it stands for, compiles it only
when a rule first uses it, and takes the compiled program from the cache
folder when an earlier run has already compiled it.

What is cached is exactly what the regex module itself hands to its C engine
when it compiles the pattern (captured from that call, so nothing of the
module's format is rebuilt here), keyed by the module's version and the
Python version. Anything unexpected — another version, a damaged file, a
changed internal call — falls back to an ordinary compile.
"""

from __future__ import annotations

import marshal
import sys
import threading
from typing import Any

import regex

from .cache import cache_folder, store

# The methods rules call in loops: once compiled, each is the compiled
# pattern's own bound method, stored on the instance, so a call costs no more
# than on a pattern compiled at import.
_METHODS = ("match", "search", "finditer", "findall", "sub", "subn", "split", "fullmatch")
KEPT_CACHES = 3
_CAPTURING = threading.Lock()


class LazyPattern:
    __slots__ = ("_pattern", "_flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = _programs.compile(self._pattern, self._flags)
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


class _Programs:
    """Compiled programs of patterns, read from and added to the cache file."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, int], tuple] | None = None
        self._added = False

    def _path(self):
        version = f"{regex.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"
        return cache_folder() / f"patterns-{version}.marshal"

    def _load(self) -> dict[tuple[str, int], tuple]:
        if self._known is None:
            self._known = {}
            try:
                known = marshal.loads(self._path().read_bytes())
                if isinstance(known, dict):
                    self._known = known
            except (OSError, ValueError, EOFError, TypeError):
                pass
        return self._known

    def compile(self, pattern: str, flags: int) -> Any:
        known = self._load()
        flags = int(flags)  # regex.VERBOSE and the like are IntFlags, which marshal cannot keep
        program = known.get((pattern, flags))
        if program is not None:
            try:
                return _engine().compile(*program)
            except Exception:  # noqa: BLE001 - a stale or damaged entry: compile afresh
                known.pop((pattern, flags), None)
        compiled, program = _compile_and_capture(pattern, flags)
        if program is not None:
            known[(pattern, flags)] = program
            self._added = True
        return compiled

    def save(self) -> None:
        """Keep what this run compiled for the next; a no-op when nothing is new."""
        if self._added and self._known is not None:
            try:
                data = marshal.dumps(self._known)
            except ValueError:
                return
            self._added = not store(self._path(), data, keep=KEPT_CACHES)


def _engine() -> Any:
    return sys.modules["regex._regex"]


def _compile_and_capture(pattern: str, flags: int) -> tuple[Any, tuple | None]:
    """Compile with the regex module and capture the arguments it passes to its
    C engine. None for the program if they cannot be captured or kept."""
    main = sys.modules.get("regex._main") or sys.modules.get("regex.regex")
    with _CAPTURING:
        engine = getattr(main, "_regex", None)
    if engine is None or not hasattr(engine, "compile"):
        return regex.compile(pattern, flags), None
    captured: list[tuple] = []

    class Capturing:
        def __getattr__(self, name: str) -> Any:
            return getattr(engine, name)

        @staticmethod
        def compile(*args: Any) -> Any:
            captured.append(args)
            return engine.compile(*args)

    with _CAPTURING:  # one capture at a time: the engine is swapped module-wide
        main._regex = Capturing()
        try:
            # Past regex's in-process cache, which would answer without compiling.
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            main._regex = engine
    if len(captured) != 1:
        return compiled, None
    # The flags come as an IntFlag; the engine takes any int.
    program = tuple(int(arg) if isinstance(arg, int) and type(arg) not in (int, bool) else arg for arg in captured[0])
    try:
        program = marshal.loads(marshal.dumps(program))
    except ValueError:
        return compiled, None
    return compiled, program


_programs = _Programs()


def save_compiled() -> None:
    _programs.save()
