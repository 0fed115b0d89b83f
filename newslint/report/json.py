"""The stable machine format: {"version": 1, "tool", "summary", "files", "findings", "errors"}."""

from __future__ import annotations

import json

from .. import __version__
from ..finding import Finding
from . import Run

FORMAT_VERSION = 1


def finding_to_dict(finding: Finding) -> dict:
    data = {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "offset": finding.offset,
        "end_offset": finding.end_offset,
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
    }
    if finding.paragraph:
        data["paragraph"] = finding.paragraph
    if finding.suggestion is not None:
        data["suggestion"] = finding.suggestion
    if finding.fix is not None:
        data["fix"] = {
            "safe": finding.fix.safe,
            "edits": [{"offset": e.offset, "end_offset": e.end_offset, "replacement": e.replacement} for e in finding.fix.edits],
        }
    if finding.related:
        data["related"] = [
            {**({"path": r.path} if r.path else {}), "line": r.line, "column": r.column, "offset": r.offset, "end_offset": r.end_offset, "message": r.message}
            for r in finding.related
        ]
    return data


def render(run: Run) -> str:
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": "newslint", "version": __version__},
        "summary": run.summary(),
        "files": [
            {"path": r.path, "encoding": r.decoded.encoding, "bom": r.decoded.bom}
            for r in run.results if r.decoded is not None
        ],
        "findings": [finding_to_dict(f) for f in run.findings],
        "errors": [{"path": r.path, "message": r.error} for r in run.errors],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
