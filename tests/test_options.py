"""The options users of ruff, codespell and Vale reach for, and the warnings they expect (issue 10)."""

import pytest
from click.testing import CliRunner

from newslint.cli import cli

BROKEN = "## 港口新开五条外贸航线\n\n本报4月8日讯 上海合作组织组织技术转移中心开放。\n"
ESC = "\x1b["


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


def page(path, text=BROKEN):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_rule_selected_is_a_warning_and_exit_2(tmp_path):
    path = page(tmp_path / "a.txt")
    result = run("check", "--select", "typo", "--ignore", "typo", str(path))
    assert result.exit_code == 2
    assert "newslint: warning: no rule selected" in result.output


def test_an_empty_folder_warns_that_there_is_nothing_to_lint(tmp_path):
    (tmp_path / "稿件").mkdir()
    (tmp_path / "稿件" / "photo.jpg").write_bytes(b"\xff\xd8")
    result = run("check", str(tmp_path / "稿件"))
    assert result.exit_code == 0
    assert "newslint: warning: nothing to lint" in result.output


@pytest.mark.parametrize(
    "args, env, coloured",
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {}, False),  # auto, and the runner is no terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (["--color", "always", "--no-color"], {}, False),  # --no-color stays the old spelling of never
    ],
)
def test_color_auto_always_never_and_force_color(tmp_path, args, env, coloured):
    path = page(tmp_path / "a.txt")
    result = run("check", *args, str(path), env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert result.exit_code == 1
    assert (ESC in result.output) is coloured


def test_exclude_on_the_command_line_skips_files_in_a_walk(tmp_path):
    page(tmp_path / "稿件" / "a.txt")
    page(tmp_path / "稿件" / "旧稿" / "b.txt")
    page(tmp_path / "稿件" / "draft-c.txt")
    result = run("check", "-q", "--exclude", "旧稿/*", "--exclude", "draft-*", str(tmp_path / "稿件"))
    assert "a.txt" in result.output
    assert "b.txt" not in result.output and "draft-c.txt" not in result.output


def test_stdin_filename_names_stdin_and_picks_its_per_path_ignores(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page(tmp_path / ".newslint.yaml", "files:\n  per_path_ignores:\n    '快讯/*': [typo]\n")
    named = run("check", "-q", "--stdin-filename", "要闻/a.txt", "-", input=BROKEN)
    assert named.output.startswith("要闻/a.txt:3:") and named.exit_code == 1
    ignored = run("check", "-q", "--stdin-filename", "快讯/a.txt", input=BROKEN)
    assert "typo/doubled-word" not in ignored.output and ignored.exit_code == 0


def test_the_text_report_fits_its_excerpts_to_the_terminal_width(tmp_path):
    from newslint.report.text import display_width

    long_line = "本报讯 " + "全市新开工项目152个，" * 10 + "上海合作组织组织技术转移中心开放，" + "总投资213亿元。" * 10 + "\n"
    path = page(tmp_path / "a.txt", long_line)
    narrow = run("check", "--select", "typo/doubled-word", str(path), env={"COLUMNS": "40"})
    excerpt, carets = narrow.output.splitlines()[1:3]
    assert display_width(excerpt) <= 40 and "组织组织" in excerpt
    assert carets.index("^") == display_width(excerpt[: excerpt.index("组织组织")])  # the carets still sit under it
    assert carets.strip() == "^" * 8
    wide = run("check", "--select", "typo/doubled-word", str(path), env={"COLUMNS": None})
    assert display_width(wide.output.splitlines()[1]) > 40  # a log or a pipe keeps the whole excerpt
