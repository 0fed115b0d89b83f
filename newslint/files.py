"""Find the files to lint, read them, lint or fix them, and write fixes back safely.

Every failure to read becomes a one-line error on that file's result; it never
stops the other files. A fix is written atomically (temporary file, then
rename) in the file's own encoding, BOM and line endings.
"""

from __future__ import annotations

import codecs
import dataclasses
import fnmatch
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .document import DecodedText, InputError, decode_bytes
from .engine import lint_text
from .finding import Finding
from .fixes import fix_until_settled

STDIN = "-"


@dataclass(frozen=True)
class Job:
    """What to do with each file; plain values, so it can cross into worker processes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    mode: str = "check"  # check, fix or diff
    unsafe: bool = False
    keep_text: bool = True  # the text report quotes lines; machine formats need no text back
    fingerprints: bool = False  # only baselines need them


@dataclass(frozen=True)
class FileResult:
    path: str
    decoded: DecodedText | None
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    fingerprints: tuple[str, ...] = ()
    fixed_text: str | None = None  # set when a fix changed the text
    fixes_applied: int = 0
    unsettled: tuple[str, ...] = ()
    diff: str = ""
    seconds_in_rules: float = 0.0  # for bench/batch.py: how much of a run is the rules' work


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


def _matches(path: str, pattern: str) -> bool:
    relative = os.path.relpath(path) if path != STDIN else path
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern)


def _included(full: str, name: str, config: Config) -> bool:
    if any(_matches(full, pattern) for pattern in config.exclude):
        return False
    return any(fnmatch.fnmatch(name, pattern) for pattern in config.include)


def ignored_for(path: str, config: Config) -> tuple[str, ...]:
    """Rules switched off for this path by files.per_path_ignores."""
    return tuple(rule for pattern, rules in config.per_path_ignores.items() if _matches(path, pattern) for rule in rules)


def read_source(path: str) -> DecodedText:
    if path == STDIN:
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode_bytes(data, path)


def encode(text: str, decoded: DecodedText) -> bytes:
    """Text back to bytes exactly as the file had it: encoding and BOM."""
    return (codecs.BOM_UTF8 if decoded.bom else b"") + text.encode(decoded.encoding)


def write_atomically(path: str, data: bytes) -> None:
    import tempfile  # noqa: PLC0415 - only when fixing

    folder = os.path.dirname(os.path.abspath(path))
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".newslint-", delete=False)
    try:
        with handle:
            handle.write(data)
        try:
            os.chmod(handle.name, os.stat(path).st_mode & 0o7777)
        except OSError:
            pass
        os.replace(handle.name, path)
    except BaseException:
        if os.path.exists(handle.name):
            os.unlink(handle.name)
        raise


def process(path: str, config: Config, job: Job) -> FileResult:
    """Lint one file, and fix it or show the fix when asked."""
    if job.fingerprints:
        from .baseline import fingerprint  # noqa: PLC0415 - only for baselines
    display = "<stdin>" if path == STDIN else path
    try:
        decoded = read_source(path)
    except InputError as error:
        return FileResult(display, None, error=str(error))
    ignore = job.ignore + ignored_for(path, config)
    seconds = 0.0

    def lint(text: str) -> list[Finding]:
        nonlocal seconds
        started = time.perf_counter()
        findings = lint_text(text, config, path=display, select=job.select, ignore=ignore)
        seconds += time.perf_counter() - started
        return findings

    text = decoded.text
    fixed_text, applied, unsettled, diff = None, 0, (), ""
    if job.mode in ("fix", "diff"):
        outcome = fix_until_settled(text, lint, unsafe=job.unsafe)
        applied, unsettled = outcome.applied, outcome.unsettled
        if outcome.text != text:
            fixed_text = outcome.text
            if job.mode == "diff":
                import difflib  # noqa: PLC0415 - only for --diff

                diff = "".join(difflib.unified_diff(
                    text.splitlines(keepends=True), outcome.text.splitlines(keepends=True),
                    fromfile=f"a/{display}", tofile=f"b/{display}",
                ))
            elif path != STDIN:
                write_atomically(path, encode(outcome.text, decoded))
    final_text = fixed_text if (fixed_text is not None and job.mode == "fix") else text
    findings = lint(final_text)
    if not job.keep_text and path != STDIN:
        # Results cross back from worker processes: do not ship the page with them.
        decoded = dataclasses.replace(decoded, text="")
        fixed_text = None
    return FileResult(
        display, decoded, tuple(findings), None,
        tuple(fingerprint(f, final_text) for f in findings) if job.fingerprints else (), fixed_text, applied, unsettled, diff,
        seconds,
    )


def lint_file(path: str, config: Config, select=(), ignore=()) -> FileResult:
    return process(path, config, Job(tuple(select), tuple(ignore)))
