import codecs

import pytest

from newslint.document import Document, InputError, Kind, decode_bytes, ends_sentence

PAGE = """\
港口新开五条外贸航线

集装箱吞吐量同比增长8.1%

□本报记者 孙海宁

本报4月8日讯 一季度，港区新开通外贸集装箱航线5条。

航线多了，企业订舱更方便。

老旧小区改造再启动

本报记者 陈雪

本报4月8日讯 今年全市计划改造老旧小区120个。

帮助企业抢抓订单——

## 民营企业唱主角

文/张明 图/李华

一季度，全市民营企业进出口占六成以上。
"""


def test_decodes_utf8_with_and_without_bom():
    plain = decode_bytes("本报讯".encode())
    assert (plain.text, plain.encoding, plain.bom) == ("本报讯", "utf-8", False)
    bom = decode_bytes(codecs.BOM_UTF8 + "本报讯".encode())
    assert (bom.text, bom.encoding, bom.bom) == ("本报讯", "utf-8", True)


def test_decodes_gb18030():
    decoded = decode_bytes("本报3月4日讯 青岛港新开航线。".encode("gb18030"))
    assert decoded.encoding == "gb18030"
    assert decoded.text == "本报3月4日讯 青岛港新开航线。"


def test_binary_input_names_the_offset():
    with pytest.raises(InputError, match=r"page.pdf: binary file \(NUL byte at offset 4\)"):
        decode_bytes(b"%PDF\x00\x01", "page.pdf")


def test_undecodable_bytes_name_the_offset():
    with pytest.raises(InputError, match="invalid UTF-8 at byte offset 3"):
        decode_bytes(b"abc\xff\xfe\xfa\x80 caf\xe9 ", "x.txt")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_give_the_same_lines_and_columns(newline):
    text = newline.join(["第一段。", "", "第二段没有结束", "", "接着写完。"])
    doc = Document.parse(text)
    assert decode_bytes(text.encode()).newline == newline
    assert [doc.position(b.start) for b in doc.blocks] == [(1, 1), (3, 1), (5, 1)]


def test_empty_file_and_missing_final_newline():
    assert Document.parse("").blocks == []
    doc = Document.parse("本报讯 全市新开工项目152个。")
    assert [b.text for b in doc.blocks] == ["本报讯 全市新开工项目152个。"]


def test_segments_a_plain_page_into_articles():
    doc = Document.parse(PAGE)
    assert [a.headline.text for a in doc.articles] == ["港口新开五条外贸航线", "老旧小区改造再启动", "民营企业唱主角"]
    first, second, third = doc.articles
    assert [b.kind for b in first.blocks] == [Kind.HEADLINE, Kind.DECK, Kind.BYLINE, Kind.BODY, Kind.BODY]
    assert doc.text[slice(*first.dateline)] == "本报4月8日讯"
    assert [b.kind for b in third.blocks][:3] == [Kind.KICKER, Kind.HEADLINE, Kind.BYLINE]
    assert third.dateline is None


def test_markdown_heading_offsets_exclude_the_markup():
    doc = Document.parse("## 民营企业唱主角\n\n正文一段。\n")
    headline = doc.articles[0].headline
    assert doc.text[headline.start:headline.end] == "民营企业唱主角"


def test_a_line_cut_mid_sentence_is_not_taken_for_a_headline():
    doc = Document.parse("全市经济运行平稳，主要指标好于\n\n预期目标\n\n下一步将持续发力。\n")
    assert all(b.kind is Kind.BODY for b in doc.blocks)


def test_a_subhead_inside_an_article_stays_in_the_article():
    doc = Document.parse("标题在这里\n\n本报记者 张三\n\n本报讯 第一段。\n\n加快项目建设\n\n第二段。\n")
    assert len(doc.articles) == 1
    assert [b.kind for b in doc.blocks][-2] is Kind.SUBHEAD


def test_markdown_code_blocks_are_not_copy_and_table_rows_are_cells():
    doc = Document.parse(
        "# 港口吞吐量稳步增长\n\n本报讯 正文一段。\n\n```\n说明,这里是代码\n```\n\n"
        "| 指标 | 数值 |\n|---|---|\n| 吞吐量 | 1.7亿吨 |\n\n~~~\n代码\n~~~\n\n正文二段。\n"
    )
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert not any("代码" in text for _, text in kinds)
    assert (Kind.TABLE_ROW, "| 吞吐量 | 1.7亿吨 |") in kinds
    assert kinds[-1] == (Kind.BODY, "正文二段。")


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("他说：“我们要把服务送上门。”", True),
        ("同时还可以及时反馈企业诉求……", True),
        ("主要措施如下：", True),
        ("全市新开工项目152个。（记者 王涛）", True),
        ("The port is busy.", True),
        ("努力让利好", False),
        ("收入增长5.3", False),
        ("价格上涨4.", False),
        ("（来源：https://www.apple.com.cn/newsroom/2024/09/）", True),
        ("（本文图片由受访者提供，部分数据来自国家统计局网站和各地统计部门公开发布的信息）", True),
        ("（下转第三版", False),
        ("Prices rose 4.", True),
        ("以“强国有我”", False),
    ],
)
def test_ends_sentence(text, ends):
    assert ends_sentence(text) is ends


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\r\n", "\n"])
def test_unicode_line_separators_break_lines_with_exact_positions(separator):
    from newslint import lint_text

    text = f"本报讯 全市新开工项目152个。{separator}{separator}上海合作组织组织技术转移中心开放。{separator}"
    doc = Document.parse(text)
    assert [b.text for b in doc.blocks] == ["本报讯 全市新开工项目152个。", "上海合作组织组织技术转移中心开放。"]
    [finding] = lint_text(text, select=["typo/doubled-word"])
    assert text[finding.offset : finding.end_offset] == "组织组织"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 5, 3, 9)


def test_a_directive_counts_lines_the_same_way():
    from newslint import lint_text

    text = "本报讯 全市新开工项目152个。\u2028newslint-disable-next-line typo\u2028上海合作组织组织技术转移中心开放。\n"
    assert lint_text(text, select=["typo", "suppression"]) == []


def test_outline_json_gives_each_article_its_headline_group_byline_dateline_and_blocks(tmp_path):
    import json

    from click.testing import CliRunner

    from newslint.cli import cli

    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["outline", "--format", "json", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    first, second, third = data["articles"]
    assert first["headline"]["text"] == "港口新开五条外贸航线" and first["headline"]["line"] == 1
    assert [d["text"] for d in first["decks"]] == ["集装箱吞吐量同比增长8.1%"]
    assert first["bylines"][0]["text"] == "□本报记者 孙海宁"
    assert first["dateline"]["text"] == "本报4月8日讯" and first["dateline"]["line"] == 7
    assert [k["text"] for k in third["kickers"]] == ["帮助企业抢抓订单——"]
    assert second["dateline"] is not None and third["dateline"] is None
    body = [b for b in first["blocks"] if b["kind"] == "body"]
    assert PAGE.splitlines()[body[0]["line"] - 1][body[0]["column"] - 1 : body[0]["end_column"] - 1] == body[0]["text"]


def test_two_plain_title_lines_are_kicker_over_headline_unless_the_second_gives_the_facts():
    doc = Document.parse("山东东平整合基层调解资源\n\n话心室里解疙瘩\n\n山东东平县彭集街道马流泽村一度是个问题村。\n")
    assert [b.kind for b in doc.blocks] == [Kind.KICKER, Kind.HEADLINE, Kind.BODY]
    doc = Document.parse("主题教育总结会议召开\n\n陈希杨晓渡出席并讲话\n\n会议在北京举行，总结了主题教育的经验。\n")
    assert [b.kind for b in doc.blocks] == [Kind.HEADLINE, Kind.DECK, Kind.BODY]
