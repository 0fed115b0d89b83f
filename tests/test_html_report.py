"""The HTML report without a browser: what it contains, how marks cover the copy,
escaping, and the command line around it (the browser's view is test_browser.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newslint import lint_text
from newslint.config import default_config
from newslint.document import DecodedText, Document
from newslint.files import FileResult
from newslint.finding import Severity
from newslint.report import Run
from newslint.report.copyview import Mark, render_copy
from newslint.report.html import render

from .conftest import REPO
from .html_dom import copy_of, example_files, mark_text, shown

EXAMPLES = REPO / "examples"


def newslint(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True, cwd=cwd)


def report_data(page: str) -> list[dict]:
    start = page.index('id="findings-data">') + len('id="findings-data">')
    return json.loads(page[start : page.index("</script>", start)])["findings"]


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = newslint("check", "--format", "html", "--output-file", str(out), str(EXAMPLES))
    assert result.returncode == 1, result.stderr
    return out.read_text(encoding="utf-8")


def test_every_finding_is_marked_over_exactly_its_characters(examples_report):
    spans = []
    for path in example_files(EXAMPLES):
        text = copy_of(path)
        spans += [shown(text[f.offset : f.end_offset]) for f in lint_text(text, default_config())]
    covered = mark_text(examples_report)
    assert len(covered) == len(spans) == len(report_data(examples_report)) > 25
    assert [covered[number] for number in range(len(spans))] == spans


def test_the_report_is_self_contained(examples_report):
    assert "Content-Security-Policy" in examples_report
    assert "default-src 'none'" in examples_report
    for outside in ("<link", " src=", "http://", "https://", "@import", "url("):
        assert outside not in examples_report


def test_clean_copy_has_no_marks(tmp_path):
    out = tmp_path / "r.html"
    assert newslint("check", "--format", "html", "-o", str(out), str(EXAMPLES / "clean-article.txt")).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert mark_text(page) == {} and report_data(page) == []
    assert "港城一季度外贸开局平稳" in page


def test_overlapping_nested_and_empty_marks_each_cover_their_own_span():
    # Astral characters (𠮷, 𠀀: two UTF-16 units, one offset) and CRLF endings; spans
    # nested, overlapping, empty, and crossing the blank line between paragraphs.
    text = "𠮷第一段，有问题\r\n\r\n第二段𠀀也有,问题\r\n"
    doc = Document.parse(text)
    spans = [(0, 5), (2, 10), (3, 4), (4, 4), (7, 14), (11, 20), (20, 21), (0, len(text))]
    marks = [Mark(n, a, b, Severity.INFO) for n, (a, b) in enumerate(spans)]
    page = "<main>" + render_copy(doc, marks) + "</main>"
    assert mark_text(page) == {n: shown(text[a:b]) for n, (a, b) in enumerate(spans)}
    assert "\r" not in page


def test_copy_and_messages_are_escaped():
    text = "标题\n\n正文里有<script>alert(1)</script>和&amp;,还有</script>。\n"
    findings = lint_text(text, default_config())
    page = render(Run((FileResult("<b>x</b>.txt", DecodedText(text, "utf-8", False, "\n"), tuple(findings)),)))
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;x&lt;/b&gt;.txt" in page
    payload = page[page.index('id="findings-data">') + len('id="findings-data">') :]
    payload = payload[: payload.index("</script>")]
    assert "<" not in payload and len(report_data(page)) == len(findings) > 0
    assert "&amp;amp;" in page


def test_related_places_are_marked_for_their_finding():
    text = "第一段内容很长很长。\n\n第二段内容。\n"
    doc = Document.parse(text)
    mark = Mark(0, 12, 18, Severity.ERROR, related=((0, 10),))
    page = render_copy(doc, [mark])
    assert 'data-r="0-0">第一段内容很长很长。</span>' in page


def test_diff_with_html_shows_the_fixes_side_by_side(tmp_path):
    out = tmp_path / "diff.html"
    result = newslint("check", "--diff", "--format", "html", "-o", str(out), str(EXAMPLES / "page-with-problems.txt"))
    assert result.returncode == 1, result.stderr
    page = out.read_text(encoding="utf-8")
    assert '<details class="diff" open>' in page and "<del>" in page and "<ins>" in page
    assert (EXAMPLES / "page-with-problems.txt").read_text(encoding="utf-8").count("订单订单") == 1  # nothing written


def test_diff_with_a_machine_format_is_still_a_usage_error():
    result = newslint("check", "--diff", "--format", "json", str(EXAMPLES))
    assert result.returncode == 2 and "--format html" in result.stderr


def test_a_report_that_cannot_be_written_is_one_line_and_exit_2(tmp_path):
    result = newslint("check", "--format", "html", "-o", str(tmp_path / "no" / "such" / "r.html"), str(EXAMPLES))
    assert result.returncode == 2 and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_unreadable_files_are_listed_and_the_rest_reported(tmp_path):
    (tmp_path / "good.txt").write_text("标题\n\n正文有问题,对吧。\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "r.html"
    result = newslint("check", "--format", "html", "-o", str(out), str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"))
    assert result.returncode == 2
    page = out.read_text(encoding="utf-8")
    assert "无法读取的文件" in page and "binary file" in page and "good.txt" in page


def test_outline_html_shows_articles_headline_groups_bylines_and_datelines():
    page_path = EXAMPLES / "page-with-problems.txt"
    result = newslint("outline", "--format", "html", str(page_path))
    assert result.returncode == 0, result.stderr
    outline = json.loads(newslint("outline", "--format", "json", str(page_path)).stdout)
    page = result.stdout
    assert page.count('<div class="art"') == len(outline["articles"]) == 3
    for article in outline["articles"]:
        assert f"<b>标题</b> {article['headline']['text']}" in page
        for byline in article["bylines"]:
            assert f"<b>署名</b> {byline['text']}" in page
        if article["dateline"]:
            assert f'data-r="dateline-{article["index"]}">{article["dateline"]["text"]}</span>' in page
    assert 'class="blk k-byline" data-kind="署名"' in page
    assert "Content-Security-Policy" in page


def test_outline_of_a_missing_file_is_one_line_and_exit_2(tmp_path):
    result = newslint("outline", "--format", "html", str(tmp_path / "none.txt"))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
