"""Find the files to lint and read them; every failure becomes a one-line InputError."""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .document import DecodedText, InputError, decode_bytes
from .engine import lint_text
from .finding import Finding

STDIN = "-"


@dataclass(frozen=True)
class FileResult:
    path: str
    decoded: DecodedText | None
    findings: tuple[Finding, ...] = ()
    error: str | None = None


def discover(paths: tuple[str, ...], config: Config) -> Iterator[str | InputError]:
    """Named files as given; directories walked for files matching files.include."""
    for path in paths:
        if path == STDIN:
            yield path
        elif os.path.isdir(path):
            found = []
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in names:
                    full = os.path.join(folder, name)
                    if _included(full, name, config):
                        found.append(full)
            yield from sorted(found)
        elif os.path.exists(path):
            yield path
        else:
            yield InputError(f"{path}: no such file or directory")


def _included(full: str, name: str, config: Config) -> bool:
    relative = os.path.relpath(full)
    if any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern) for pattern in config.exclude):
        return False
    return any(fnmatch.fnmatch(name, pattern) for pattern in config.include)


def read_source(path: str) -> DecodedText:
    if path == STDIN:
        data = sys.stdin.buffer.read()
        return decode_bytes(data, "<stdin>")
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode_bytes(data, path)


def lint_file(path: str, config: Config, select=(), ignore=()) -> FileResult:
    display = "<stdin>" if path == STDIN else path
    try:
        decoded = read_source(path)
    except InputError as error:
        return FileResult(display, None, error=str(error))
    findings = lint_text(decoded.text, config, path=display, select=select, ignore=ignore)
    return FileResult(display, decoded, tuple(findings))
