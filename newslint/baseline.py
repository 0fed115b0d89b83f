"""Baselines: record today's findings so that a check reports only new ones.

A fingerprint is the rule, the path and the text around the finding (whitespace
folded), never the line number, so it survives edits above the finding. Several
identical findings are counted, so a third copy of a known pair is still new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from .finding import Finding
from .patterns import lazy

CONTEXT = 12
BASELINE_VERSION = 1
_SPACE = lazy(r"\s+")


class BaselineError(Exception):
    """A baseline that cannot be read or written, phrased for the user."""


def baseline_path_key(path: str, root: str) -> str:
    """A file's path as a baseline records it: relative to the baseline's own folder,
    with forward slashes, so that `./稿件/a.txt`, an absolute path and a run from
    inside the folder all name the same file."""
    if path.startswith("<"):  # <stdin>, <text>
        return path
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


def fingerprint(finding: Finding, text: str, path: str | None = None) -> str:
    # The context stays within the finding's own lines, so new paragraphs
    # before or after it leave the fingerprint alone.
    line_start = max(text.rfind("\n", 0, finding.offset), text.rfind("\r", 0, finding.offset)) + 1
    line_end = min((i for i in (text.find("\n", finding.end_offset), text.find("\r", finding.end_offset)) if i >= 0), default=len(text))
    around = text[max(line_start, finding.offset - CONTEXT) : min(max(line_end, finding.end_offset), finding.end_offset + CONTEXT)]
    key = "\0".join((finding.rule, finding.path if path is None else path, _SPACE.sub(" ", around)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def write_baseline(path: str, entries: list[tuple[Finding, str]]) -> None:
    root = os.path.dirname(os.path.abspath(path))
    data = {
        "version": BASELINE_VERSION,
        "findings": [
            {"fingerprint": fp, "rule": f.rule, "path": baseline_path_key(f.path, root), "message": f.message} for f, fp in entries
        ],
    }
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{path}: cannot write the baseline: {(error.strerror or str(error)).lower()}") from None


def read_baseline(path: str) -> Counter[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Counter(entry["fingerprint"] for entry in data["findings"])
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a newslint baseline (nested too deeply)") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BaselineError(f"{path}: not a newslint baseline ({error})") from None
