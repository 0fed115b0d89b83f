"""The editor's view: one self-contained HTML file showing each file as copy, every
finding marked in place, a list by rule with filters, and with --diff the fixes
side by side. No network, no external assets: the CSS and script are inlined
(html.css, html.js beside this module) and a Content-Security-Policy forbids
any fetch, so the report opens the same from a mail attachment or an archive.
"""

from __future__ import annotations

import difflib
import html
import json
from collections import Counter
from pathlib import Path

from ..document import LINE_BREAK, Document
from ..files import FileResult
from ..finding import Finding, Severity
from . import Run
from .copyview import Mark, article_summary, display, render_copy

ASSETS = Path(__file__).resolve().parent
SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
# Fixes are compared line by line; a pair of changed lines longer than this is shown
# whole rather than character by character (difflib is quadratic in the worst case).
INLINE_DIFF_LIMIT = 2000
EXCERPT = 40  # characters of a fix's original text quoted in its description


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def page(title: str, body: str, data: object | None = None) -> str:
    """A complete page: inlined style and script, and a policy that forbids any fetch."""
    style = (ASSETS / "html.css").read_text(encoding="utf-8")
    script = (ASSETS / "html.js").read_text(encoding="utf-8")
    # In a <script> element only "</" can end it early; \u003c keeps the JSON whole.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c") if data is not None else "null"
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_escape(title)}</title><style>{style}</style></head><body>"
        f"{body}<script type=\"application/json\" id=\"findings-data\">{payload}</script>"
        f"<script>{script}</script></body></html>\n"
    )


def _fix_text(finding: Finding, text: str) -> str:
    """What the fix does, as an editor reads it: “原文” → “改为”."""
    if finding.fix is None:
        return ""
    changes = []
    for edit in finding.fix.edits:
        before = text[edit.offset : edit.end_offset]
        if len(before) > EXCERPT:
            before = before[:EXCERPT] + "…"
        changes.append(f"“{before}”→“{edit.replacement}”" if edit.replacement else f"删去“{before}”")
    return "；".join(changes) + ("" if finding.fix.safe else "（需人工确认）")


def _finding_data(finding: Finding, number: int, file_number: int, text: str) -> dict:
    return {
        "id": number,
        "file": file_number,
        "rule": finding.rule,
        "family": finding.family,
        "severity": str(finding.severity),
        "message": finding.message,
        "suggestion": finding.suggestion or "",
        "fix": _fix_text(finding, text),
        "where": f"{finding.line}:{finding.column}",
        "related": [{"message": r.message, "where": f"{r.path + ':' if r.path else ''}{r.line}:{r.column}"} for r in finding.related],
    }


def _side_panel(findings: list[Finding]) -> str:
    by_rule = Counter(f.rule for f in findings)
    by_family = Counter(f.family for f in findings)
    by_severity = Counter(f.severity for f in findings)
    severities = "".join(
        f'<label class="sev s{int(s)}"><input type="checkbox" data-filter="severity" value="{s}" checked> '
        f"{SEVERITY_LABELS[s]} <b>{by_severity.get(s, 0)}</b></label>"
        for s in sorted(Severity, reverse=True)
    )
    families = "".join(
        f'<label><input type="checkbox" data-filter="family" value="{_escape(family)}" checked> {_escape(family)} <b>{count}</b></label>'
        for family, count in sorted(by_family.items())
    )
    rules = "".join(
        f'<li><label><input type="checkbox" data-filter="rule" value="{_escape(rule)}" checked> '
        f'<a href="#" data-next-rule="{_escape(rule)}">{_escape(rule)}</a></label> <b>{count}</b></li>'
        for rule, count in sorted(by_rule.items())
    )
    return (
        f'<aside id="side"><h2>{len(findings)} 处问题</h2>'
        f'<fieldset><legend>严重程度</legend>{severities}</fieldset>'
        f'<fieldset><legend>类别</legend>{families or "（无）"}</fieldset>'
        f'<fieldset><legend>规则</legend><ul class="rules">{rules or "<li>（无）</li>"}</ul></fieldset>'
        '<p class="keys">键盘：<kbd>j</kbd>/<kbd>n</kbd> 下一处，<kbd>k</kbd>/<kbd>p</kbd> 上一处，<kbd>Esc</kbd> 关闭说明</p>'
        "</aside>"
    )


def _diff_view(before: str, after: str) -> str:
    """Changed lines side by side, with the characters that changed marked."""
    old, new = LINE_BREAK.split(before), LINE_BREAK.split(after)
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = old[i1:i2], new[j1:j2]
        for k in range(max(len(left), len(right))):
            a = left[k] if k < len(left) else None
            b = right[k] if k < len(right) else None
            cells = _changed_cells(a, b)
            rows.append(
                f'<tr><td class="ln">{i1 + k + 1 if a is not None else ""}</td><td class="old">{cells[0]}</td>'
                f'<td class="ln">{j1 + k + 1 if b is not None else ""}</td><td class="new">{cells[1]}</td></tr>'
            )
    if not rows:
        return ""
    return (
        '<details class="diff" open><summary>修改前后对比（--diff：安全修改，未写入文件）</summary>'
        '<table><thead><tr><th></th><th>修改前</th><th></th><th>修改后</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table></details>"
    )


def _changed_cells(a: str | None, b: str | None) -> tuple[str, str]:
    if a is None or b is None:
        return ("" if a is None else f"<del>{display(a)}</del>"), ("" if b is None else f"<ins>{display(b)}</ins>")
    if len(a) + len(b) > INLINE_DIFF_LIMIT:
        return f"<del>{display(a)}</del>", f"<ins>{display(b)}</ins>"
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(display(a[i1:i2]))
            right.append(display(b[j1:j2]))
            continue
        if i2 > i1:
            left.append(f"<del>{display(a[i1:i2])}</del>")
        if j2 > j1:
            right.append(f"<ins>{display(b[j1:j2])}</ins>")
    return "".join(left), "".join(right)


def _file_section(result: FileResult, file_number: int, first_id: int, diff: bool) -> tuple[str, list[dict]]:
    text = result.decoded.text
    doc = Document.parse(text, result.path)
    marks = []
    data = []
    for number, finding in enumerate(result.findings, first_id):
        marks.append(Mark(number, finding.offset, finding.end_offset, finding.severity, tuple((r.offset, r.end_offset) for r in finding.related if not r.path)))
        data.append(_finding_data(finding, number, file_number, text))
    counts = Counter(f.severity for f in result.findings)
    tally = "，".join(f"{SEVERITY_LABELS[s]} {counts[s]}" for s in sorted(Severity, reverse=True) if counts.get(s)) or "没有问题"
    source = "Word 文档（按段落读取）" if result.decoded.encoding == "docx" else f"{result.decoded.encoding}{'，带 BOM' if result.decoded.bom else ''}"
    changes = _diff_view(text, result.fixed_text) if diff and result.fixed_text is not None else ""
    section = (
        f'<section class="file" id="file-{file_number}"><h2>{_escape(result.path)}</h2>'
        f'<p class="meta">{len(doc.articles)} 篇稿件，{len(result.findings)} 处问题（{tally}）；{_escape(source)}</p>'
        f'{changes}<div class="page">{render_copy(doc, marks, file_number=file_number)}</div></section>'
    )
    return section, data


def render(run: Run, *, diff: bool = False) -> str:
    sections, data = [], []
    for file_number, result in enumerate(r for r in run.results if r.decoded is not None):
        section, file_data = _file_section(result, file_number, len(data), diff)
        sections.append(section)
        data.extend(file_data)
    errors = "".join(f"<li>{_escape(r.error)}</li>" for r in run.errors)
    summary = run.summary()
    body = (
        f'<header><h1>newslint 审稿报告</h1><p>{summary["files"]} 个文件，{summary["findings"]} 处问题</p></header>'
        f'{_side_panel(run.findings)}<main>'
        + (f'<section class="errors"><h2>无法读取的文件</h2><ul>{errors}</ul></section>' if errors else "")
        + "".join(sections)
        + '</main><div id="tip" hidden></div><div id="detail" hidden></div>'
    )
    return page("newslint 审稿报告", body, {"findings": data})


def render_outline(doc: Document) -> str:
    """How a page was read, for an editor: each article's headline group, bylines and
    dateline in a table, then the page with every block labelled by its kind."""
    rows = []
    for number, headline, parts in article_summary(doc):
        described = "".join(f"<div><b>{_escape(label)}</b> {_escape(text)}</div>" for label, text in parts)
        rows.append(f'<tr><td><a href="#a0-{number}">第 {number} 篇</a></td><td>{_escape(headline)}</td><td>{described}</td></tr>')
    datelines = [(f"dateline-{a.index}", *a.dateline) for a in doc.articles if a.dateline]
    body = (
        f'<header class="wide"><h1>newslint 版面结构</h1><p>{_escape(doc.path)}：{len(doc.articles)} 篇稿件，{len(doc.blocks)} 段</p></header>'
        '<main class="outline-main"><section class="file" id="file-0">'
        '<table class="outline"><thead><tr><th>稿件</th><th>标题</th><th>标题组、署名、电头</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
        f'<div class="page outline-page">{render_copy(doc, places=datelines)}</div></section></main>'
        '<div id="tip" hidden></div><div id="detail" hidden></div>'
    )
    return page(f"newslint 版面结构：{doc.path}", body)
