"""Build examples/page-with-problems.docx, a Word page with what Word pages have:
a Heading 1 headline, a byline, body runs in more than one format, a table, a
comment, an image and a text box, and slips for the rules to find.

    python tools/build_word_example.py [OUT.docx]

The tests build the same document (tests/test_word.py) and compare it with COPY,
the same page as the plain text newslint reads it as.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

HEADLINE = "港城一季度外贸开局平稳"
BYLINE = "□本报记者 孙海宁"
# Each paragraph as runs: (text, bold).
BODY = [
    [("本报4月8日讯 记者从市商务局获悉,今年一季度，全市货物贸易进出口1860亿元，同比增长4.6%。", False)],
    [("民营企业继续唱主角。市商务局相关负责人表示，将帮助企业抢抓", False), ("订单订单", True), ("。", False)],
    # The second 客户 of the doubled word is half plain, half bold: deleting it would merge two formats.
    [("港口是外贸的“晴雨表”，新开通的航线带来了新客户客", False), ("户", True), ("。", False)],
]
TABLE = [["项目", "金额"], ["出口", "1120亿元,同比增长5%"]]
TEXT_BOX = "图为港区集装箱码头,货轮正在装卸。"
COMMENT = "请核实进出口总值"

# The page as newslint reads it: a # headline, blank lines between paragraphs, rows as | cells |.
COPY = "\n\n".join(
    [f"# {HEADLINE}", BYLINE, *("".join(text for text, _ in runs) for runs in BODY),
     "\n".join("| " + " | ".join(row) + " |" for row in TABLE), TEXT_BOX]
)


def tiny_png() -> bytes:
    """A 2×2 red PNG, so the example has an image without shipping one."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def build(path: str | Path) -> None:
    import docx  # noqa: PLC0415
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.shared import Pt  # noqa: PLC0415

    document = docx.Document()
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph(BYLINE)
    first_run = None
    for runs in BODY:
        paragraph = document.add_paragraph()
        for text, bold in runs:
            run = paragraph.add_run(text)
            run.bold = bold
            first_run = first_run or run
    if hasattr(document, "add_comment"):  # python-docx 1.2
        document.add_comment(first_run, text=COMMENT, author="编辑部", initials="编")
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_picture(io.BytesIO(tiny_png()), width=Pt(20))
    holder = document.add_paragraph()
    holder._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml">'
        '<w:pict><v:shape style="width:240pt;height:40pt"><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>{TEXT_BOX}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    ))
    document.save(str(path))


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "examples" / "page-with-problems.docx")
