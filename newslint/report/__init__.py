"""Reporters render a whole run from plain findings; they know nothing of rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..files import FileResult
from ..finding import Finding, Severity


@dataclass(frozen=True)
class Run:
    results: tuple[FileResult, ...]

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error]

    def summary(self) -> dict:
        findings = self.findings
        by_severity = Counter(str(f.severity) for f in findings)
        return {
            "files": sum(1 for r in self.results if not r.error),
            "findings": len(findings),
            "by_severity": {str(s): by_severity.get(str(s), 0) for s in sorted(Severity, reverse=True)},
            "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
            "errors": len(self.errors),
            "fixed": sum(r.fixes_applied for r in self.results),
        }
