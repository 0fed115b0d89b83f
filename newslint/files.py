"""Find the files to lint, read them, lint or fix them, and write fixes back safely.

Every failure to read becomes a one-line error on that file's result; it never
stops the other files. A fix is written atomically (temporary file, then
rename) in the file's own encoding, BOM and line endings.
"""

from __future__ import annotations

import dataclasses
import errno
import fnmatch
import functools
import os
import stat
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import Config, ConfigFinder
from .document import DecodedText, InputError, byte_order_mark, decode_bytes, is_word_document
from .engine import lint_with_digests
from .finding import Finding
from .fixes import fix_until_settled
from .patterns import lazy

if TYPE_CHECKING:
    from .word import WordDocument

STDIN = "-"
DEFAULT_MAX_BYTES = 256 * 1024 * 1024  # far above any page; below what would exhaust memory


@dataclass(frozen=True)
class Job:
    """What to do with each file; plain values, so it can cross into worker processes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    mode: str = "check"  # check, fix or diff
    unsafe: bool = False
    keep_text: bool = True  # the text report quotes lines; machine formats need no text back
    fingerprints: bool = False  # only baselines need them
    baseline_root: str = ""  # the baseline's folder, which fingerprinted paths are relative to
    max_bytes: int = DEFAULT_MAX_BYTES
    stdin_name: str | None = None  # --stdin-filename: what standard input is called and configured as


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
    diff: bytes = b""  # in the file's own encoding
    seconds_in_rules: float = 0.0  # for bench/batch.py: how much of a run is the rules' work
    from_stdin: bool = False
    notes: tuple[str, ...] = ()  # said on standard error: fixes a Word document could not take
    paragraphs: tuple[str, ...] = ()  # a Word document's paragraphs by number, for excerpts
    digests: tuple[tuple[str, object], ...] = ()  # (rule id, digest) of the batch rules, judged once the batch is done


def discover(paths: tuple[str, ...], configs: ConfigFinder, respect_gitignore: bool = True) -> Iterator[str | InputError]:
    """Named files as given; directories walked for files matching files.include of the
    config that applies in each folder, less what .gitignore excludes. Raises ConfigError
    for a broken config found on the way."""
    for path in paths:
        if path == STDIN:
            yield path
        elif os.path.isdir(path):
            found: list[str | InputError] = []
            for folder, subfolders, names in os.walk(path, onerror=functools.partial(_unreadable_folder, found)):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                config = configs.for_path(os.path.join(folder, STDIN))
                for name in names:
                    full = os.path.join(folder, name)
                    if _included(full, name, config):
                        found.append(full)
            if respect_gitignore:
                from .gitignore import ignored_paths  # noqa: PLC0415 - only for folder walks

                left_out = ignored_paths([item for item in found if isinstance(item, str)], path)
                found = [item for item in found if not isinstance(item, str) or item not in left_out]
            yield from sorted(found, key=lambda item: item if isinstance(item, str) else str(item))
        elif os.path.lexists(path):
            yield path  # reading it says what is wrong: a loop, a pipe, no permission
        else:
            yield InputError(f"{path}: no such file or directory")


def _unreadable_folder(found: list, error: OSError) -> None:
    found.append(InputError(f"{error.filename}: cannot read folder: {_reason(error)}"))


def _matches(path: str, pattern: str, root: str = "") -> bool:
    """A glob matches a path relative to the config's folder (or the working folder),
    or any run of its folders and name: `旧稿`, `旧稿/*` and `*.md` mean what an editor expects
    wherever the command is run from."""
    relative = os.path.relpath(path, root or None) if path != STDIN else path
    parts = [part for part in relative.replace(os.sep, "/").split("/") if part not in ("", ".")]
    return fnmatch.fnmatch(relative, pattern) or any(
        fnmatch.fnmatch("/".join(parts[first:last]), pattern) for first in range(len(parts)) for last in range(first + 1, len(parts) + 1)
    )


def _included(full: str, name: str, config: Config) -> bool:
    if any(_matches(full, pattern, config.root) for pattern in config.exclude):
        return False
    return any(fnmatch.fnmatch(name, pattern) for pattern in config.include)


def ignored_for(path: str, config: Config) -> tuple[str, ...]:
    """Rules switched off for this path by files.per_path_ignores."""
    return tuple(rule for pattern, rules in config.per_path_ignores.items() if _matches(path, pattern, config.root) for rule in rules)


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read, to tell whether it changed before a fix is written."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> Snapshot:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    return read_with_snapshot(path, max_bytes)[0]


def read_with_snapshot(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[DecodedText, Snapshot | None]:
    decoded, snapshot, _ = read_copy(path, max_bytes)
    return decoded, snapshot


def read_copy(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[DecodedText, Snapshot | None, WordDocument | None]:
    """The copy of a file: its text, and for a Word document the document it was read from."""
    data, snapshot = _read_bytes(path, max_bytes)
    if path != STDIN and is_word_document(path):
        from .word import read_word  # noqa: PLC0415 - only for Word documents

        word = read_word(data, path)
        return word.decoded, snapshot, word
    return decode_bytes(data, "<stdin>" if path == STDIN else path), snapshot, None


def _read_bytes(path: str, max_bytes: int) -> tuple[bytes, Snapshot | None]:
    """Only regular files are read (a FIFO or a device would block or never end), up to max_bytes."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"<stdin>: more than {max_bytes:,} bytes, not linted (raise --max-file-size)")
        return data, None
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file (a pipe, socket or device), not linted")
        if info.st_size > max_bytes:
            raise InputError(f"{path}: {info.st_size:,} bytes, over the {max_bytes:,}-byte limit, not linted (raise --max-file-size)")
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except InputError:
        raise
    except OSError as error:
        raise InputError(f"{path}: cannot read: {_reason(error)}") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: over the {max_bytes:,}-byte limit, not linted (raise --max-file-size)")
    return data, Snapshot.of(info)


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "too many levels of symbolic links (a symlink loop)"
    return (error.strerror or str(error)).lower()


def encode(text: str, decoded: DecodedText) -> bytes:
    """Text back to bytes exactly as the file had it: encoding and BOM."""
    return byte_order_mark(decoded) + text.encode(decoded.encoding)


def write_atomically(path: str, data: bytes, snapshot: Snapshot | None = None) -> None:
    """Write a fix to the file a path names (through a symlink), keeping its mode and owner.

    The file must be as it was read (else an edit made meanwhile would be lost)
    and writable. The new content is written and synced to an anonymous file in
    the same folder, given a name only at the last moment, and renamed over the
    original, so that a kill leaves either the old file or the new one. A file
    with several hard links is rewritten in place, so that every link sees the fix.
    """
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except OSError as error:
        raise InputError(f"{path}: not fixed: {_reason(error)}") from None
    if snapshot is not None and Snapshot.of(info) != snapshot:
        raise InputError(f"{path}: changed while it was being linted; not fixed (run again)")
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(f"{path}: read-only; not fixed")
    try:
        if info.st_nlink > 1:
            _write_in_place(target, data)
        else:
            _replace(target, data, info)
    except OSError as error:
        raise InputError(f"{path}: not fixed: cannot write: {_reason(error)}") from None


def _write_in_place(target: str, data: bytes) -> None:
    with open(target, "r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _name_anonymous(descriptor: int, name: str) -> None:
    """Give an O_TMPFILE file a name: linkat(2) with AT_SYMLINK_FOLLOW on /proc/self/fd,
    which os.link does not pass here (it reports a cross-device link)."""
    import ctypes  # noqa: PLC0415 - only when fixing

    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, at_symlink_follow = -100, 0x400
    if libc.linkat(at_fdcwd, f"/proc/self/fd/{descriptor}".encode(), at_fdcwd, os.fsencode(name), at_symlink_follow) != 0:
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error), name)


def _remove_stale_temporaries(folder: str, name: str) -> None:
    """A kill between naming the new file and the rename leaves `.newslint-PID-NAME.tmp`;
    the next fix of that file removes it once its process is gone."""
    prefix, suffix = ".newslint-", f"-{name}.tmp"
    try:
        leftovers = [entry for entry in os.listdir(folder) if entry.startswith(prefix) and entry.endswith(suffix)]
    except OSError:
        return
    for entry in leftovers:
        pid = entry[len(prefix) : -len(suffix)]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(os.path.join(folder, entry))
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _replace(target: str, data: bytes, info: os.stat_result) -> None:
    folder = os.path.dirname(target)
    _remove_stale_temporaries(folder, os.path.basename(target))
    temporary = os.path.join(folder, f".newslint-{os.getpid()}-{os.path.basename(target)}.tmp")
    try:
        descriptor = os.open(folder, os.O_TMPFILE | os.O_WRONLY, info.st_mode & 0o7777)
        anonymous = True
    except (AttributeError, OSError):  # not Linux, or a file system without O_TMPFILE
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, info.st_mode & 0o7777)
        anonymous = False
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), info.st_mode & 0o7777)
            try:
                os.fchown(stream.fileno(), info.st_uid, info.st_gid)
            except OSError:
                pass  # only the owner's group or root may keep another owner
            os.fsync(stream.fileno())
            if anonymous:
                _name_anonymous(stream.fileno(), temporary)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def process(path: str, config: Config, job: Job) -> FileResult:
    """Lint one file, and fix it or show the fix when asked."""
    if job.fingerprints:
        from .baseline import baseline_path_key  # noqa: PLC0415 - only for baselines
    from_stdin = path == STDIN
    display = (job.stdin_name or "<stdin>") if from_stdin else path
    try:
        decoded, snapshot, word = read_copy(path, job.max_bytes)
    except InputError as error:
        return FileResult(display, None, error=str(error), from_stdin=from_stdin)
    ignore = job.ignore + ignored_for(job.stdin_name if from_stdin and job.stdin_name else path, config)
    seconds = 0.0
    digests: dict[str, object] = {}

    def lint(text: str) -> list[Finding]:
        nonlocal seconds, digests
        started = time.perf_counter()
        findings, digests = lint_with_digests(text, config, path=display, select=job.select, ignore=ignore)
        seconds += time.perf_counter() - started
        return findings

    text = decoded.text
    fixed_text, applied, unsettled, diff = None, 0, (), b""
    # A Word document is fixed in a copy, so that findings on the text as read are
    # still placed by the paragraphs as read (--diff, a fix that cannot be written).
    fixer = word.copy() if word and job.mode in ("fix", "diff") else None
    if job.mode in ("fix", "diff"):
        if fixer:
            outcome = fix_until_settled(text, lint, unsafe=job.unsafe, accept=fixer.can_apply, apply=fixer.apply)
        else:
            outcome = fix_until_settled(text, lint, unsafe=job.unsafe)
        applied, unsettled = outcome.applied, outcome.unsettled
        if outcome.text != text:
            fixed_text = outcome.text
            if job.mode == "diff":
                import difflib  # noqa: PLC0415 - only for --diff

                # Only CR and LF end lines for patch(1), and the diff is in the file's own
                # encoding, so that `patch` applies it to a GB18030 file byte for byte.
                # A Word document's diff is of the text it was read as, in UTF-8.
                diff = "".join(difflib.unified_diff(
                    _patch_lines(text), _patch_lines(outcome.text), fromfile=f"a/{display}", tofile=f"b/{display}",
                )).encode("utf-8" if word else decoded.encoding)
            elif path != STDIN:
                try:
                    write_atomically(path, fixer.to_bytes() if fixer else encode(outcome.text, decoded), snapshot)
                except InputError as error:
                    return FileResult(display, decoded, tuple(_placed(lint(text), word)), str(error), from_stdin=from_stdin)
    final_text = fixed_text if (fixed_text is not None and job.mode == "fix") else text
    if fixer and job.mode == "fix":
        word = fixer
    findings = _placed(lint(final_text), word)
    notes = ()
    if fixer:
        notes = tuple(
            f"{display}:{f.line}:{f.column}: {f.rule}: fix not applied in the Word document: it crosses a paragraph, "
            "spans runs formatted differently or lies in a text box"
            for f in findings if f.fix and (f.fix.safe or job.unsafe) and not word.can_apply(f.fix)
        )
    if not job.keep_text and path != STDIN:
        # Results cross back from worker processes: do not ship the page with them.
        decoded = dataclasses.replace(decoded, text="")
        fixed_text = None
    return FileResult(
        display, decoded, tuple(findings), None,
        _fingerprints(findings, final_text, baseline_path_key(display, job.baseline_root or os.getcwd())) if job.fingerprints else (),
        fixed_text, applied, unsettled, diff,
        seconds, from_stdin, notes, tuple(word.paragraphs()) if word and job.keep_text else (), tuple(digests.items()),
    )


def _placed(findings: list[Finding], word: WordDocument | None) -> list[Finding]:
    """In a Word document, by paragraph and character."""
    return [word.locate(f) for f in findings] if word else findings


def _fingerprints(findings: list[Finding], text: str, path_key: str) -> tuple[str, ...]:
    from .baseline import fingerprint  # noqa: PLC0415 - only for baselines

    return tuple(fingerprint(f, text, path_key) for f in findings)


_PATCH_LINE = lazy(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _patch_lines(text: str) -> list[str]:
    return _PATCH_LINE.findall(text)


def lint_file(path: str, config: Config, select=(), ignore=()) -> FileResult:
    return process(path, config, Job(tuple(select), tuple(ignore)))
