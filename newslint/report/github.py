"""GitHub Actions workflow commands, so findings appear as annotations on a pull request."""

from __future__ import annotations

from ..finding import Finding, Severity
from . import Run

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = ",".join([
        f"file={_property(finding.path)}",
        f"line={finding.line}",
        f"col={finding.column}",
        f"endLine={finding.end_line}",
        f"endColumn={finding.end_column}",
        f"title={_property(finding.rule)}",
    ])
    return f"::{LEVELS[finding.severity]} {properties}::{_data(finding.message)}"


def render(run: Run) -> str:
    lines = [annotation(f) for f in run.findings]
    lines += [f"::error file={_property(r.path)}::{_data(r.error)}" for r in run.errors]
    return "".join(line + "\n" for line in lines)
