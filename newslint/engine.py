"""Parse once, run the enabled rules, fill in positions, sort."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .config import Config, default_config
from .document import Document
from .finding import Finding, Related


def lint_text(
    text: str,
    config: Config | None = None,
    *,
    path: str = "<text>",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """Every finding for one text, sorted by position. Pure: reads no files."""
    config = config or default_config()
    doc = Document.parse(text, path)
    findings: list[Finding] = []
    for rule, severity in config.active_rules(select, ignore):
        for finding in rule.check(doc):
            findings.append(_place(doc, finding, severity))
    findings.sort(key=lambda f: (f.offset, f.end_offset, f.rule))
    return findings


def _place(doc: Document, finding: Finding, severity) -> Finding:
    line, column = doc.position(finding.offset)
    end_line, end_column = doc.position(finding.end_offset)
    related = tuple(
        dataclasses.replace(r, line=doc.position(r.offset)[0], column=doc.position(r.offset)[1])
        for r in finding.related
    )
    return dataclasses.replace(
        finding,
        path=doc.path,
        severity=severity,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        related=related,
    )


__all__ = ["lint_text", "Related"]
