"""SARIF 2.1.0, for code-scanning dashboards: the rule catalogue, results, fixes.

Columns are Unicode code points (columnKind), 1-based, end exclusive, which is
exactly how newslint counts; levels map error/warning/info to error/warning/note.
"""

from __future__ import annotations

import json
import urllib.parse

from .. import __version__
from ..finding import Finding, Severity
from ..rule import all_rules
from . import Run

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return urllib.parse.quote(path.replace("\\", "/"))


def _region(finding: Finding) -> dict:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.offset,
        "charLength": finding.end_offset - finding.offset,
    }


def _result(finding: Finding, rule_index: dict[str, int]) -> dict:
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)}, "region": _region(finding)}}],
    }
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "message": {"text": related.message},
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(related.path or finding.path)},
                    "region": {
                        "startLine": related.line,
                        "startColumn": related.column,
                        "charOffset": related.offset,
                        "charLength": related.end_offset - related.offset,
                    },
                },
            }
            for number, related in enumerate(finding.related)
        ]
    if finding.fix is not None:
        result["fixes"] = [{
            "description": {"text": (finding.suggestion or "newslint fix") + ("" if finding.fix.safe else "（需人工确认）")},
            "artifactChanges": [{
                "artifactLocation": {"uri": _uri(finding.path)},
                "replacements": [
                    {"deletedRegion": {"charOffset": edit.offset, "charLength": edit.end_offset - edit.offset}, "insertedContent": {"text": edit.replacement}}
                    for edit in finding.fix.edits
                ],
            }],
        }]
    return result


def render(run: Run) -> str:
    rules = all_rules()
    rule_index = {rule_id: index for index, rule_id in enumerate(rules)}
    catalogue = [
        {
            "id": rule_id,
            "name": rule_id.replace("/", "-"),
            "shortDescription": {"text": rule.summary()},
            "fullDescription": {"text": rule.documentation()},
            "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled_by_default},
            "help": {"text": rule.documentation()},
        }
        for rule_id, rule in rules.items()
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newslint", "version": __version__, "rules": catalogue}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": not run.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": result.error}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}]}
                    for result in run.errors
                ],
            }],
            "results": [_result(f, rule_index) for f in run.findings],
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
