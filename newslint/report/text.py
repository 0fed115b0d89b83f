"""For people: `path:line:col: severity rule message`, the line, a caret underline, a summary."""

from __future__ import annotations

import unicodedata

import click

from ..finding import Finding, Severity
from . import Run

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
CONTEXT = 24  # characters shown either side of a finding on long lines
# A page with hundreds of half-width commas must stay readable: past this many
# findings of one rule in one file, the rest are summarised in one line.
SHOWN_PER_RULE = 3
GROUP_FROM = 6


def display_width(text: str) -> int:
    """Terminal columns: CJK characters and full-width punctuation take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def excerpt(line_text: str, column: int, end_column: int | None, max_columns: int | None = None) -> tuple[str, str]:
    """The part of a line around a finding and the caret underline that sits under it,
    at most max_columns terminal columns wide when given (the finding's start always shows)."""
    start = column - 1
    end = len(line_text) if end_column is None else max(end_column - 1, start + 1)
    end = min(end, max(len(line_text), start + 1))
    left = max(0, start - CONTEXT)
    right = min(len(line_text), end + CONTEXT)
    if max_columns is not None:
        left, end, right = _fit(line_text, left, start, end, right, max_columns)
    prefix = "…" if left > 0 else ""
    shown = prefix + line_text[left:right] + ("…" if right < len(line_text) else "")
    pad = display_width(prefix + line_text[left:start])
    marked = line_text[start:end] or " "
    return shown, " " * pad + "^" * max(1, display_width(marked))


def _fit(line_text: str, left: int, start: int, end: int, right: int, max_columns: int) -> tuple[int, int, int]:
    """Narrow [left, right) to max_columns, ellipses included: context goes first, from the
    wider side, then the end of the marked span. Linear in the excerpt's length."""
    def width(char: str) -> int:
        return 2 if unicodedata.east_asian_width(char) in "WF" else 1

    core = display_width(line_text[left:right])
    while core + (left > 0) + (right < len(line_text)) > max_columns and right - left > 1:
        if left < start and (start - left >= right - end or right <= end):
            core -= width(line_text[left])
            left += 1
        elif right > end:
            right -= 1
            core -= width(line_text[right])
        elif right - 1 > start:
            right -= 1
            core -= width(line_text[right])
            end = right
        else:
            break
    return left, end, right


def render(run: Run, *, lines_of: dict[str, list[str]], colour: bool, quiet: bool, width: int | None = None) -> str:
    """The report; with `width` (a terminal's columns), excerpts are cut to fit it."""
    out: list[str] = []
    per_rule: dict[tuple[str, str], list[Finding]] = {}
    positions: list[int] = []  # each finding's place among its rule's in its file: linear, not same.index()
    for finding in run.findings:
        same = per_rule.setdefault((finding.path, finding.rule), [])
        positions.append(len(same))
        same.append(finding)
    for finding, position in zip(run.findings, positions):
        same = per_rule[(finding.path, finding.rule)]
        if not quiet and len(same) >= GROUP_FROM:
            if position == SHOWN_PER_RULE:
                rest = same[SHOWN_PER_RULE:]
                out.append(
                    f"{finding.path}: … {len(rest)} more {finding.rule} findings on lines "
                    f"{rest[0].line}–{rest[-1].line} (--format json or --quiet lists every one)"
                )
            if position >= SHOWN_PER_RULE:
                continue
        out.append(_headline(finding, colour))
        if not quiet and finding.path in lines_of:
            lines = lines_of[finding.path]
            if 0 < finding.line <= len(lines):
                end_column = finding.end_column if finding.end_line == finding.line else None
                shown, carets = excerpt(lines[finding.line - 1], finding.column, end_column, max(8, width - 4) if width else None)
                out.append("    " + shown)
                out.append("    " + (click.style(carets, fg=COLOURS[finding.severity]) if colour else carets))
    for result in run.errors:
        out.append(click.style(f"error: {result.error}", fg="red") if colour else f"error: {result.error}")
    if not quiet:
        out.append(_summary(run))
    return "\n".join(out) + ("\n" if out else "")


def _headline(finding: Finding, colour: bool) -> str:
    severity = str(finding.severity)
    if colour:
        severity = click.style(severity, fg=COLOURS[finding.severity], bold=True)
    text = f"{finding.path}:{finding.line}:{finding.column}: {severity} {finding.rule} {finding.message}"
    if finding.suggestion:
        text += f"（建议：{finding.suggestion}）"
    return text


def _summary(run: Run) -> str:
    summary = run.summary()
    files, fixed = summary["files"], summary["fixed"]
    left = " left" if fixed else ""
    if not summary["findings"]:
        text = f"no findings{left} in {files} file{'s' if files != 1 else ''}"
    else:
        counts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in summary["by_severity"].items() if n)
        text = f"{summary['findings']} finding{'s' if summary['findings'] != 1 else ''}{left} ({counts}) in {files} file{'s' if files != 1 else ''}"
    if fixed:
        text = f"{fixed} fixed, {text}"
    if summary["errors"]:
        text += f"; {summary['errors']} file{'s' if summary['errors'] != 1 else ''} could not be read"
    return text
