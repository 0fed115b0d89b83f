"""The findings that need the whole batch, merged into the results of the documents they are on.

Each document is linted alone (in this process, in worker processes or on a
Dask cluster) and brings back, beside its findings, the digests of the batch
rules (newslint/rule.py, BatchRule). Once every result is in, this judges
them together, in input order, so that a serial run and a cluster run give
the same findings in the same order.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from .files import FileResult
from .finding import Finding, Severity
from .rule import BatchRule, Rule


def batch_rules(active: list[tuple[Rule, Severity]]) -> list[tuple[BatchRule, Severity]]:
    return [(rule, severity) for rule, severity in active if isinstance(rule, BatchRule)]


def with_batch_findings(results: list[FileResult], active: list[tuple[Rule, Severity]]) -> list[FileResult]:
    """The results with the batch rules' findings added (each document's findings sorted
    as lint_text sorts them) and the digests dropped."""
    added: dict[int, list[Finding]] = defaultdict(list)
    for rule, severity in batch_rules(active):
        digests = [(result.path, dict(result.digests).get(rule.id)) for result in results]
        for number, finding in rule.check_batch(digests):
            added[number].append(dataclasses.replace(finding, severity=severity))
    merged = []
    for number, result in enumerate(results):
        findings = result.findings
        if number in added:
            findings = tuple(sorted(findings + tuple(added[number]), key=lambda f: (f.offset, f.end_offset, f.rule)))
        merged.append(dataclasses.replace(result, findings=findings, digests=()) if result.digests or number in added else result)
    return merged
