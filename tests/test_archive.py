"""Tables as input (JSON Lines, CSV, Parquet), duplicate/across-articles over a folder, --progress,
--format parquet, and the one-line errors when an optional extra is missing. No Dask here: see test_dask.py."""

from __future__ import annotations

import csv
import json
import sys

import pytest
from click.testing import CliRunner

from newslint.archive import render_article
from newslint.cli import cli
from newslint.document import Document, Kind

SHARED = "今年一季度，全市规模以上工业增加值同比增长6.2%，高于全省平均水平1.1个百分点，其中装备制造业增加值增长9.3%，对全市工业增长的贡献率达到四成。"
ACROSS = "rules:\n  duplicate/across-articles: {enabled: true}\n"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write_jsonl(path, rows):
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n" for row in rows), encoding="utf-8")


ROWS = [
    {"id": 7, "headline": "港城外贸开局平稳", "body": "本报4月8日讯 记者从市商务局获悉，一季度全市进出口总值1860亿元,同比增长4.6%。\n港口是外贸的“晴雨表”。"},
    {"id": 8, "headline": "缺正文"},
    {"id": 9, "body": 42},
    "not json",
    {"headline": "没有编号", "body": "市民文明出行意识明显增强。"},
]


def test_rows_are_articles_keyed_by_id_and_bad_rows_are_errors(tmp_path):
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, ROWS)
    result = run("check", "--format", "json", "--text-field", "body", "--title-field", "headline", str(archive))
    assert result.exit_code == 2
    data = json.loads(result.output)
    comma = [f for f in data["findings"] if f["rule"] == "punct/half-width"]
    # The title is line 1 of the rendered article, the body's first line line 2.
    assert [(f["path"], f["line"]) for f in comma] == [(f"{archive}#7", 2)]
    assert [e["message"] for e in data["errors"]] == [
        f"{archive}#8 (row 2): no text: field 'body' is missing",
        f"{archive}#9 (row 3): no text: field 'body' is int, not a string",
        f"{archive}#row-4 (row 4): not valid JSON (Expecting value: line 1 column 1 (char 0))",
    ]
    assert data["summary"]["files"] == 2  # rows 1 and 5 were linted


def test_a_table_needs_its_text_field(tmp_path):
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, ROWS[:1])
    result = run("check", str(archive))
    assert result.exit_code == 2 and "--text-field" in result.stderr
    assert run("check", "--fix", "--text-field", "body", str(archive)).exit_code == 2


def test_csv_rows_with_line_breaks_in_quoted_fields(tmp_path):
    archive = tmp_path / "a.csv"
    with archive.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "headline", "body"])
        writer.writerow(["x1", "港城外贸开局平稳", "一季度全市进出口总值1860亿元。\n港口是外贸的“晴雨表”,吞吐量增长8.1%。"])
        writer.writerow(["x2", "", ""])
    result = run("check", "--format", "json", "--text-field", "body", "--title-field", "headline", str(archive))
    data = json.loads(result.output)
    assert [(f["path"], f["line"]) for f in data["findings"] if f["rule"] == "punct/half-width"] == [(f"{archive}#x1", 3)]
    assert data["errors"] == [{"path": f"{archive}#x2", "message": f"{archive}#x2 (row 2): no text: field 'body' is empty"}]
    result = run("check", "--text-field", "text", str(archive))
    assert result.exit_code == 2 and "no column 'text' for --text-field (columns: id, headline, body)" in result.output + result.stderr


def test_one_paragraph_a_line_is_read_paragraph_by_paragraph():
    text = render_article("港城外贸开局平稳", "本报4月8日讯 一季度全市进出口总值1860亿元。\n港口是外贸的“晴雨表”。\n新开航线5条。")
    doc = Document.parse(text)
    assert [b.kind for b in doc.blocks] == [Kind.HEADLINE, Kind.BODY, Kind.BODY, Kind.BODY]
    blank = render_article("标题", "第一段。\n\n第二段。")
    assert blank == "# 标题\n\n第一段。\n\n第二段。"


def test_parquet_table_and_parquet_report(tmp_path):
    pytest.importorskip("pyarrow", reason="the parquet extra is not installed: pip install 'newslint[parquet]'")
    import pyarrow
    import pyarrow.parquet

    archive = tmp_path / "a.parquet"
    pyarrow.parquet.write_table(pyarrow.table({"id": [1, 2, 3], "body": ["一季度进出口总值1860亿元,同比增长4.6%。", None, "市民文明出行意识明显增强。"]}),
                                archive, row_group_size=2)
    from_parquet = run("check", "--format", "json", "--text-field", "body", str(archive))
    jsonl = tmp_path / "a.jsonl"
    write_jsonl(jsonl, [{"id": 1, "body": "一季度进出口总值1860亿元,同比增长4.6%。"}, {"id": 2}, {"id": 3, "body": "市民文明出行意识明显增强。"}])
    from_jsonl = run("check", "--format", "json", "--text-field", "body", str(jsonl))
    assert from_parquet.exit_code == from_jsonl.exit_code == 2
    assert from_parquet.output.replace("a.parquet", "a.X") == from_jsonl.output.replace("a.jsonl", "a.X")
    assert run("check", "--format", "parquet", "--text-field", "body", str(archive)).exit_code == 2  # needs --output-file
    report = tmp_path / "findings.parquet"
    run("check", "--format", "parquet", "-o", str(report), "--text-field", "body", str(archive))
    table = pyarrow.parquet.read_table(report).to_pylist()
    assert [(row["path"], row["rule"], row["line"]) for row in table] == [(f"{archive}#1", "punct/half-width", 1), (f"{archive}#2", None, None)]


def test_a_paragraph_repeated_across_two_files_of_a_folder(tmp_path):
    pytest.importorskip("datasketch", reason="the near-duplicates extra is not installed: pip install 'newslint[near-duplicates]'")
    (tmp_path / ".newslint.yaml").write_text(ACROSS, encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"# 一季度工业稳中有进\n\n{SHARED}\n\n市经信局表示，下一步将继续推动重点项目建设。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"# 全市经济开局良好\n\n消费市场持续回暖，社会消费品零售总额增长5.1%。\n\n{SHARED}\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("# 另一篇\n\n市民文明出行意识明显增强，交通秩序持续向好。\n", encoding="utf-8")
    serial = run("check", "--format", "json", "-j", "1", str(tmp_path))
    findings = [f for f in json.loads(serial.output)["findings"] if f["rule"] == "duplicate/across-articles"]
    assert [(f["path"], f["line"], f["related"][0]["path"], f["related"][0]["line"]) for f in findings] == [
        (str(tmp_path / "a.txt"), 3, str(tmp_path / "b.txt"), 5), (str(tmp_path / "b.txt"), 5, str(tmp_path / "a.txt"), 3),
    ]
    assert run("check", "--format", "json", "-j", "2", str(tmp_path)).output == serial.output
    assert "b.txt 第5行" in run("check", str(tmp_path)).output
    sarif = json.loads(run("check", "--format", "sarif", str(tmp_path)).output)
    related = [r for result in sarif["runs"][0]["results"] for r in result.get("relatedLocations", []) if result["ruleId"] == "duplicate/across-articles"]
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"].endswith("b.txt")


def test_missing_extras_are_one_line_errors(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("市民文明出行意识明显增强。\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = run("check", "--dask", "local:1", str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and result.stderr.strip() == "newslint: error: --dask needs the dask extra: pip install 'newslint[dask]'"
    monkeypatch.setitem(sys.modules, "datasketch", None)
    result = run("check", "--select", "duplicate/across-articles", str(tmp_path))
    assert result.exit_code == 2 and "pip install 'newslint[near-duplicates]'" in result.stderr and "Traceback" not in result.stderr


def test_progress_only_when_asked_or_on_a_terminal(tmp_path):
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, [{"id": n, "body": "市民文明出行意识明显增强。"} for n in range(30)])
    assert "articles" not in run("check", "--text-field", "body", str(archive)).stderr
    shown = run("check", "--progress", "--text-field", "body", str(archive)).stderr
    assert "30/30 articles, 0 findings" in shown
