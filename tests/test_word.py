"""Word documents: read as the same copy in text, placed by paragraph, fixed in the
text nodes a fix touches and nowhere else; broken files are one-line input errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from newslint import lint_text
from newslint.config import default_config
from newslint.word import read_word
from tools import build_word_example as example

from .conftest import REPO

docx = pytest.importorskip("docx")
PART = "word/document.xml"


def newslint(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.docx"
    example.build(path)
    return path


def members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_document_is_read_as_its_copy_in_text(page):
    word = read_word(page.read_bytes(), str(page))
    assert word.text == example.COPY
    as_docx = [(f.rule, f.message, f.offset, f.end_offset) for f in lint_text(word.text, default_config())]
    as_text = [(f.rule, f.message, f.offset, f.end_offset) for f in lint_text(example.COPY, default_config())]
    assert as_docx == as_text and len(as_docx) == 5


def test_the_package_has_what_word_pages_have(page):
    names = members(page)
    assert "word/comments.xml" in names and any(n.startswith("word/media/") for n in names)
    assert b"txbxContent" in names[PART] and b"<w:tbl>" in names[PART]


def test_findings_are_placed_by_paragraph_and_character(page):
    result = newslint("check", "--format", "json", str(page))
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    places = {(f["rule"], f["paragraph"], f["line"], f["column"], f["end_column"]) for f in findings}
    # Paragraphs: 1 headline, 2 byline, 3-5 body, 6-9 the table's cells, 10 the image, 11 the
    # text box's anchor, 12 the text box's paragraph.
    assert places == {
        ("punct/half-width", 3, 3, 18, 19),
        ("typo/doubled-word", 4, 4, 30, 34),
        ("typo/doubled-word", 5, 5, 23, 27),
        ("punct/half-width", 9, 9, 7, 8),
        ("punct/half-width", 12, 12, 10, 11),
    }
    assert json.loads(result.stdout)["files"][0]["encoding"] == "docx"
    text = newslint("check", str(page)).stdout
    assert f"{page}:9:7: warning punct/half-width" in text
    assert "    1120亿元,同比增长5%" in text  # the excerpt is the paragraph itself


def test_a_headline_style_reads_as_a_headline_and_plain_text_does_not(tmp_path):
    path = tmp_path / "styles.docx"
    document = docx.Document()
    document.add_heading("港城外贸开局平稳", level=0)  # Title
    document.add_heading("二级标题不加井号", level=2)
    document.add_paragraph("一段正文。")
    document.save(str(path))
    word = read_word(path.read_bytes(), str(path))
    assert word.text == "# 港城外贸开局平稳\n\n二级标题不加井号\n\n一段正文。"
    outline = json.loads(newslint("outline", "--format", "json", str(path)).stdout)
    assert outline["articles"][0]["headline"]["text"] == "港城外贸开局平稳"


def test_fix_changes_only_the_characters_it_fixes(page):
    before = members(page)
    result = newslint("check", "--fix", str(page))
    after = members(page)
    assert list(after) == list(before)
    assert {name for name in before if before[name] != after[name]} == {PART}
    xml = before[PART].decode("utf-8")
    # The three fixes, each inside one run: the comma in the body, the doubled word in
    # the bold run, the comma in the table cell; nothing else of the part moves.
    expected = (
        xml.replace("获悉,今年", "获悉，今年", 1)
        .replace("<w:t>订单订单</w:t>", "<w:t>订单</w:t>", 1)
        .replace("1120亿元,同比", "1120亿元，同比", 1)
    )
    assert after[PART].decode("utf-8") == expected
    # Refused: the doubled word across a plain and a bold run, the comma in the text box.
    notes = [line for line in result.stderr.splitlines() if "fix not applied" in line]
    assert len(notes) == 2 and f"{page}:5:23: typo/doubled-word" in notes[0] and ":12:10: punct/half-width" in notes[1]
    reopened = docx.Document(str(page))
    assert "获悉，今年" in reopened.paragraphs[2].text and reopened.paragraphs[3].text.endswith("抢抓订单。")
    assert len(reopened.comments) == 1 if hasattr(reopened, "comments") else True
    assert newslint("check", "--fix", str(page)).returncode == 1  # the refused ones remain, nothing more changes
    assert members(page) == after


def test_diff_shows_the_text_fixes_and_writes_nothing(page):
    before = page.read_bytes()
    result = newslint("check", "--diff", str(page))
    assert result.returncode == 1
    assert "-本报4月8日讯 记者从市商务局获悉,今年" in result.stdout and "+本报4月8日讯 记者从市商务局获悉，今年" in result.stdout
    assert page.read_bytes() == before


def test_html_report_of_a_document(page, tmp_path):
    out = tmp_path / "r.html"
    assert newslint("check", "--format", "html", "-o", str(out), str(page)).returncode == 1
    html = out.read_text(encoding="utf-8")
    assert "Word 文档" in html and html.count('data-f="') == 5


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 truncated", "zip-without-document"])
def test_a_broken_document_is_one_line_and_exit_2_and_the_rest_is_linted(tmp_path, content):
    bad = tmp_path / "bad.docx"
    if content == "zip-without-document":
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("hello.txt", "hi")
    else:
        bad.write_bytes(content)
    (tmp_path / "good.txt").write_text("标题\n\n正文有问题,对吧。\n", encoding="utf-8")
    result = newslint("check", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stdout.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "bad.docx: not a readable Word document" in errors[0]
    assert "good.txt:3:6: warning punct/half-width" in result.stdout


def test_folder_walks_include_word_documents(tmp_path, page):
    result = newslint("check", "--format", "json", str(page.parent))
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {str(page)}


def test_the_example_document_is_what_the_tool_builds(tmp_path):
    built = tmp_path / "built.docx"
    example.build(built)
    shipped = REPO / "examples" / "page-with-problems.docx"
    assert read_word(shipped.read_bytes(), "x").text == read_word(built.read_bytes(), "y").text == example.COPY


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_libreoffice_reads_the_fixed_text(page, tmp_path):
    unfixed = read_word(page.read_bytes(), str(page)).paragraphs()
    newslint("check", "--fix", str(page))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    command = [office, "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path / "out"), str(page)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    converted = (tmp_path / "out" / "page.txt").read_text(encoding="utf-8-sig").split("\n")
    fixed = read_word(page.read_bytes(), str(page))
    # LibreOffice's text export writes one line per paragraph (a table cell is one)
    # and leaves out text boxes: line for line, what newslint reads as the fixed copy.
    expected = [text for number, text in enumerate(fixed.paragraphs(), 1) if number not in fixed.text_box_paragraphs]
    assert fixed.text_box_paragraphs and "出口" in expected
    assert sum(a != b for a, b in zip(unfixed, fixed.paragraphs())) == 3  # the three safe fixes were made
    assert converted[: len(expected)] == expected
    assert not "".join(converted[len(expected) :]).strip()
