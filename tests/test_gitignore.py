"""--respect-gitignore (default on, as ruff): a folder walk leaves out what .gitignore excludes (issue 10)."""

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.gitignore import ignored_paths

BROKEN = "## 港口新开五条外贸航线\n\n本报4月8日讯 上海合作组织组织技术转移中心开放。\n"
GITIGNORE = "# build output\nbuild/\n*.bak.md\n/草稿/*\n!/草稿/定稿.txt\n"


def checkout(root):
    for name in ("稿件/a.txt", "build/lib/README.txt", "稿件/old.bak.md", "草稿/初稿.txt", "草稿/定稿.txt", "稿件/草稿/b.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(BROKEN, encoding="utf-8")
    (root / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    return root


LINTED = ["稿件/a.txt", "稿件/草稿/b.txt", "草稿/定稿.txt"]


def linted(result, root):
    return sorted({line.split(":", 1)[0].replace(str(root) + "/", "") for line in result.output.splitlines() if ":" in line})


@pytest.mark.parametrize("with_git", [False, True])
def test_a_walk_leaves_out_what_gitignore_excludes(tmp_path, with_git):
    if with_git:
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    root = checkout(tmp_path)
    result = CliRunner().invoke(cli, ["check", "-q", str(root)], catch_exceptions=False)
    assert linted(result, root) == LINTED
    everything = CliRunner().invoke(cli, ["check", "-q", "--no-respect-gitignore", str(root)], catch_exceptions=False)
    assert len(linted(everything, root)) == 6


def test_the_reader_without_git_agrees_with_git(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = checkout(tmp_path)
    paths = [str(p) for p in root.rglob("*.*") if p.name != ".gitignore"]
    monkeypatch.setattr("newslint.gitignore.shutil.which", lambda name: None)
    by_reader = ignored_paths(paths, str(root))
    monkeypatch.undo()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    assert ignored_paths(paths, str(root)) == by_reader and len(by_reader) == 3
