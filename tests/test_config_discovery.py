"""Configuration found per file, as ruff finds pyproject.toml, with paths relative to the config (issue 10)."""

import json

from click.testing import CliRunner

from newslint.cli import cli

BROKEN = "## 港口新开五条外贸航线\n\n本报4月8日讯 上海合作组织组织技术转移中心开放。\n"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def rules_by_file(result):
    found: dict[str, set] = {}
    for finding in json.loads(result.output)["findings"]:
        found.setdefault(finding["path"].replace("\\\\", "/").rsplit("/", 1)[-1], set()).add(finding["rule"])
    return {name: found.get(name, set()) for name in ("a.txt", "b.txt", "old.txt", "new.txt")}


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_check_proj_uses_proj_config_from_outside(tmp_path, monkeypatch):
    write(tmp_path / "proj" / ".newslint.yaml", "rules:\n  typo/doubled-word: false\n")
    write(tmp_path / "proj" / "稿件" / "a.txt", BROKEN)
    write(tmp_path / "other" / "b.txt", BROKEN)
    monkeypatch.chdir(tmp_path)
    found = rules_by_file(run("check", "--format", "json", "proj", "other"))
    assert "typo/doubled-word" not in found["a.txt"]
    assert "typo/doubled-word" in found["b.txt"]  # no config above it: the defaults


def test_per_path_ignores_match_relative_to_the_config_from_anywhere(tmp_path, monkeypatch):
    write(tmp_path / ".newslint.yaml", "files:\n  per_path_ignores:\n    'archive/*': [typo]\n")
    write(tmp_path / "archive" / "old.txt", BROKEN)
    write(tmp_path / "new.txt", BROKEN)
    for where, target, walks_new in ((tmp_path, ".", True), (tmp_path / "archive", ".", False), (tmp_path / "archive", "..", True)):
        monkeypatch.chdir(where)
        result = run("check", "--format", "json", target)
        found = rules_by_file(result)
        assert json.loads(result.output)["summary"]["files"] == (2 if walks_new else 1)
        assert "typo/doubled-word" not in found["old.txt"], (where, target)
        assert ("typo/doubled-word" in found["new.txt"]) is walks_new


def test_a_yml_config_is_found_too(tmp_path, monkeypatch):
    write(tmp_path / ".newslint.yml", "rules:\n  typo: false\n")
    write(tmp_path / "a.txt", BROKEN)
    monkeypatch.chdir(tmp_path)
    assert "typo/doubled-word" not in rules_by_file(run("check", "--format", "json", "a.txt"))["a.txt"]


def test_a_broken_config_in_a_subfolder_is_exit_2(tmp_path):
    write(tmp_path / "专题" / ".newslint.yaml", "rules:\n  typo/doubled: false\n")
    write(tmp_path / "专题" / "a.txt", BROKEN)
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "unknown rule 'typo/doubled'" in result.output
