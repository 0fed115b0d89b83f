"""What .gitignore leaves out of a folder walk, as ruff does: pip's build/, a site's _site/.

In a git work tree git itself answers (`git check-ignore`, which knows the global
excludes and .git/info/exclude); elsewhere, or without git, a small reader of the
.gitignore files inside the walked folder applies the common patterns: `*`, `?`,
`**`, `[...]`, a leading `/` or an inner `/` anchoring a pattern to its file's
folder, a trailing `/` for folders only, and `!` to take a file back.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess

import regex


def ignored_paths(paths: list[str], walk_root: str) -> set[str]:
    """The members of `paths` (files found under walk_root) that .gitignore excludes."""
    if not paths:
        return set()
    answer = _ask_git(paths, walk_root)
    if answer is not None:
        return answer
    patterns = functools.lru_cache(maxsize=None)(_read_patterns)
    return {path for path in paths if _ignored_by_files(path, walk_root, patterns)}


def _ask_git(paths: list[str], walk_root: str) -> set[str] | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        inside = subprocess.run([git, "-C", walk_root, "rev-parse", "--is-inside-work-tree"], capture_output=True, timeout=30)
        if inside.returncode != 0 or inside.stdout.strip() != b"true":
            return None
        absolute = [os.path.abspath(p) for p in paths]
        result = subprocess.run(
            [git, "-C", walk_root, "check-ignore", "--stdin", "-z"],
            input=b"\0".join(os.fsencode(p) for p in absolute) + b"\0", capture_output=True, timeout=300,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode not in (0, 1):  # 1: nothing ignored
        return None
    ignored = {os.fsdecode(p) for p in result.stdout.split(b"\0") if p}
    return {path for path, full in zip(paths, absolute) if full in ignored}


def _read_patterns(folder: str) -> tuple[tuple[regex.Pattern, bool, bool], ...]:
    """(pattern, negated, folders only) for each line of folder/.gitignore."""
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as stream:
            lines = stream.read().splitlines()
    except OSError:
        return ()
    patterns = []
    for line in lines:
        line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        line = line[1:] if negated else line
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        body = _glob_to_regex(line.lstrip("/"))
        patterns.append((regex.compile(body if anchored else f"(?:.*/)?{body}"), negated, folders_only))
    return tuple(patterns)


def _glob_to_regex(glob: str) -> str:
    out, i = [], 0
    while i < len(glob):
        char = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in glob[i + 1 :]:
            end = glob.index("]", i + 1)
            out.append("[" + glob[i + 1 : end].replace("!", "^", 1) + "]")
            i = end
        else:
            out.append(regex.escape(char))
        i += 1
    return "".join(out)


def _ignored_by_files(path: str, walk_root: str, patterns) -> bool:
    parts = os.path.relpath(path, walk_root).replace(os.sep, "/").split("/")
    # A folder left out takes everything in it along (git cannot take a file back from it).
    for length in range(1, len(parts) + 1):
        if _last_verdict(parts[:length], walk_root, patterns, is_folder=length < len(parts)):
            return True
    return False


def _last_verdict(parts: list[str], walk_root: str, patterns, is_folder: bool) -> bool:
    """Whether the last pattern, of all .gitignore files from walk_root down, that matches parts says ignore."""
    verdict = False
    for depth in range(len(parts)):
        folder = os.path.join(walk_root, *parts[:depth])
        relative = "/".join(parts[depth:])
        for pattern, negated, folders_only in patterns(folder):
            if folders_only and not is_folder:
                continue
            if pattern.fullmatch(relative):
                verdict = not negated
    return verdict
