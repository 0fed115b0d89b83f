import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newslint import __version__
from newslint.cli import cli

CLEAN = "本报4月8日讯 一季度，港区新开通外贸集装箱航线5条。\n"
BROKEN = "本报4月8日讯 民营企业继续唱主角，下一步将围绕稳订单\n\n持续发力，帮助企业抢抓订单。\n"


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args, input=None):
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_clean_file_exits_0(runner, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = invoke(runner, "check", str(path))
    assert result.exit_code == 0
    assert "no findings in 1 file" in result.output


def test_findings_exit_1_with_position_and_caret(runner, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    result = invoke(runner, "check", str(path))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:1:27: error split/mid-sentence ")
    excerpt, carets = result.output.splitlines()[1:3]
    # the caret sits under the last character, counted in terminal columns (CJK = 2)
    before = excerpt[: excerpt.index("单")]
    assert carets.index("^") == len(before) + sum(1 for c in before if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")


def test_fail_on_controls_the_exit_code(runner, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    assert invoke(runner, "check", "--fail-on", "never", str(path)).exit_code == 0
    assert invoke(runner, "check", "--fail-on", "error", str(path)).exit_code == 1
    assert invoke(runner, "check", "--ignore", "split", str(path)).exit_code == 0
    assert invoke(runner, "check", "--select", "duplicate", str(path)).exit_code == 0


def test_json_report_format(runner, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    result = invoke(runner, "check", "--format", "json", str(path))
    data = json.loads(result.output)
    assert data["version"] == 1
    assert data["tool"] == {"name": "newslint", "version": __version__}
    assert data["summary"]["findings"] == 1
    assert data["files"] == [{"path": str(path), "encoding": "utf-8", "bom": False}]
    finding = data["findings"][0]
    assert finding["rule"] == "split/mid-sentence"
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 27, 3, 2)
    assert BROKEN[finding["offset"]] == "单"
    assert finding["fix"] == {"safe": True, "edits": [{"offset": 27, "end_offset": 29, "replacement": ""}]}
    assert data["errors"] == []


def test_stdin(runner):
    result = invoke(runner, "check", "--format", "json", "-", input=BROKEN.encode())
    assert result.exit_code == 1
    assert json.loads(result.output)["findings"][0]["path"] == "<stdin>"


def test_missing_path_is_an_error_but_other_files_are_still_linted(runner, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    result = invoke(runner, "check", "--format", "json", str(tmp_path / "nope.txt"), str(path))
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert data["summary"]["findings"] == 1
    assert data["errors"] == [{"path": str(tmp_path / "nope.txt"), "message": f"{tmp_path / 'nope.txt'}: no such file or directory"}]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"), (b"abc \xff\xfe\xfa\x80 caf\xe9 x", "invalid UTF-8 at byte offset 4")],
)
def test_bad_input_exits_2_with_one_line(runner, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = invoke(runner, "check", str(path))
    assert result.exit_code == 2
    assert f"error: {path}: " in result.output and message in result.output


def test_gb18030_file_is_linted(runner, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(BROKEN.encode("gb18030"))
    result = invoke(runner, "check", "--format", "json", str(path))
    assert result.exit_code == 1
    assert json.loads(result.output)["files"][0]["encoding"] == "gb18030"


def test_directories_are_walked_for_txt_and_md(runner, tmp_path):
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    data = json.loads(invoke(runner, "check", "--format", "json", str(tmp_path)).output)
    assert sorted(f["path"] for f in data["files"]) == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]


@pytest.mark.parametrize("args", [["check", "--select", "split/nope", "x"], ["rules", "typo/nope"], ["check", "--config", "/nonexistent.yaml", "x"]])
def test_unknown_rule_or_config_exits_2(runner, args):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_broken_config_exits_2_naming_the_file(runner, tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text("rules:\n  split/mid-sentense: false\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "--config", str(config), str(config)])
    assert result.exit_code == 2
    assert f"newslint: error: {config}: unknown rule 'split/mid-sentense' (did you mean 'split/mid-sentence'?)" in result.output


def test_rules_list_and_documentation(runner):
    listing = invoke(runner, "rules").output
    assert "split/mid-sentence" in listing and "duplicate/seam" in listing
    doc = invoke(runner, "rules", "duplicate/sentence").output
    assert "Bad:" in doc and "min_chars: 20" in doc


def test_version(runner):
    assert invoke(runner, "--version").output.strip() == f"newslint {__version__}"


def test_outline(runner, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("港口新开五条外贸航线\n\n□本报记者 孙海宁\n\n本报4月8日讯 一季度，港区新开通航线5条。\n", encoding="utf-8")
    output = invoke(runner, "outline", str(path)).output
    assert "article 1: 港口新开五条外贸航线" in output
    assert "3  byline    □本报记者 孙海宁" in output
    assert "5  dateline  本报4月8日讯" in output


def test_python_m_newslint_runs():
    result = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"newslint {__version__}"


def test_many_findings_of_one_rule_are_summarised_in_text_but_not_in_json(runner, tmp_path):
    path = tmp_path / "commas.txt"
    path.write_text("".join(f"第{i}段,这里用了半角逗号。\n\n" for i in range(10)), encoding="utf-8")
    text = invoke(runner, "check", "--no-color", str(path)).output
    assert text.count("punct/half-width 中文里用了半角") == 3
    assert "… 7 more punct/half-width findings on lines 7–19" in text
    assert "10 findings" in text
    data = json.loads(invoke(runner, "check", "--format", "json", str(path)).output)
    assert len(data["findings"]) == 10


@pytest.mark.parametrize("rule_id", ["byline/missing", "number/parts-total", "typo/doubled-word"])
def test_rules_id_shows_the_options_as_yaml_a_config_accepts(runner, tmp_path, rule_id):
    import yaml

    from newslint.config import load_config
    from newslint.rule import all_rules

    output = invoke(runner, "rules", rule_id).output
    snippet = output[output.index("\nrules:\n") + 1 :]
    data = yaml.safe_load(snippet)
    fields = [f for f in all_rules()[rule_id].Options.__dataclass_fields__]
    assert list(data["rules"][rule_id]) == ["enabled", "severity", *fields]
    config = tmp_path / "house.yaml"
    config.write_text(snippet, encoding="utf-8")
    assert load_config(config).rules[rule_id].options == all_rules()[rule_id].Options()
