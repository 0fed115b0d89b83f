"""Parse once, run the enabled rules, fill in positions, sort."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .config import Config, default_config
from .document import Document
from .finding import Finding, Related
from .rule import BatchRule, all_rules, families
from .suppress import Suppression, read_directives

UNUSED_RULE = "suppression/unused"
MALFORMED_RULE = "suppression/malformed"


def lint_text(
    text: str,
    config: Config | None = None,
    *,
    path: str = "<text>",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """Every finding for one text, sorted by position. Pure: reads no files."""
    return lint_with_digests(text, config, path=path, select=select, ignore=ignore)[0]


def lint_with_digests(
    text: str,
    config: Config | None = None,
    *,
    path: str = "<text>",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> tuple[list[Finding], dict[str, object]]:
    """lint_text, and what each active batch rule keeps of this text for judging the
    whole batch (rule id -> digest). Pure, so it is what runs on the workers."""
    config = config or default_config()
    doc = Document.parse(text, path)
    active = config.active_rules(select, ignore)
    findings: list[Finding] = []
    for rule, severity in active:
        for finding in rule.check(doc):
            if finding.fix is not None and doc.kept_spans and _touches_kept(doc, finding):
                finding = dataclasses.replace(finding, fix=None)
            # A finding the rule marked less certain stays below the configured severity.
            placed = severity if finding.severity >= rule.severity else min(severity, finding.severity)
            findings.append(_place(doc, finding, placed))
    suppressions, malformed = read_directives(text, _known_selectors())
    if suppressions:
        findings = _apply_suppressions(doc, findings, suppressions, active)
    reporter = next(((rule, severity) for rule, severity in active if rule.id == MALFORMED_RULE), None)
    if reporter is not None:
        rule, severity = reporter
        findings.extend(_place(doc, rule.finding(m.offset, m.end_offset, m.message), severity) for m in malformed)
    findings.sort(key=lambda f: (f.offset, f.end_offset, f.rule))
    digests = {rule.id: rule.digest(doc) for rule, _ in active if isinstance(rule, BatchRule)}
    return findings, digests


def _known_selectors() -> frozenset[str]:
    global _KNOWN
    if _KNOWN is None:
        _KNOWN = frozenset(all_rules()) | frozenset(families())
    return _KNOWN


_KNOWN: frozenset[str] | None = None


def _touches_kept(doc: Document, finding: Finding) -> bool:
    """A fix must change nothing but the copy it names: never a comment, code block
    or directive that happens to lie between the blocks it joins or removes."""
    return any(doc.touches_kept(edit.offset, edit.end_offset) for edit in finding.fix.edits)


def _apply_suppressions(doc: Document, findings: list[Finding], suppressions: list[Suppression], active) -> list[Finding]:
    kept = []
    for finding in findings:
        hit = next((s for s in suppressions if s.covers(finding.line, finding.rule)), None)
        if hit is None:
            kept.append(finding)
        else:
            hit.used = True
    unused = next(((rule, severity) for rule, severity in active if rule.id == UNUSED_RULE), None)
    if unused is None:
        return kept
    running = {rule.id for rule, _ in active} | {rule.id.split("/", 1)[0] for rule, _ in active}
    for suppression in suppressions:
        # Only a directive whose rules all ran can be known to be unused.
        if suppression.used or not all(r in running for r in suppression.rules):
            continue
        named = "、".join(suppression.rules) or "所有规则"
        rule, severity = unused
        kept.append(_place(doc, rule.finding(suppression.offset, suppression.end_offset, f"此处关闭{named}的指令没有屏蔽任何问题，可以删除"), severity))
    return kept


def _place(doc: Document, finding: Finding, severity) -> Finding:
    """The finding with its path, configured severity and line/column filled in.

    Built directly rather than with dataclasses.replace, which costs several
    times more; a page with hundreds of half-width commas makes that count.
    """
    line, column = doc.position(finding.offset)
    end_line, end_column = doc.position(finding.end_offset)
    related = tuple(Related(r.offset, r.end_offset, r.message, *doc.position(r.offset), r.path) for r in finding.related)
    return Finding(
        finding.rule, severity, finding.message, finding.offset, finding.end_offset, doc.path,
        line, column, end_line, end_column, finding.suggestion, finding.fix, related,
    )

