"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit tool on a throw-away repository."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BAD = "本报讯 上海合作组织组织技术转移中心开放，努力让利好\n\n政策应享尽享。\n"
GOOD = "本报讯 上海合作组织技术转移中心开放，努力让利好政策应享尽享。\n"

pytestmark = pytest.mark.skipif(
    not (shutil.which("pre-commit") and shutil.which("git") and (REPO / ".git").exists()),
    reason="needs pre-commit, git and a git checkout of newslint",
)


def git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture(scope="module")
def copy_repo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("copy")
    git(folder, "init", "-q")
    git(folder, "config", "user.email", "desk@example.invalid")
    git(folder, "config", "user.name", "Desk")
    return folder


def try_repo(folder, hook, filename, cache):
    env = dict(os.environ, PRE_COMMIT_HOME=str(cache))
    return subprocess.run(
        ["pre-commit", "try-repo", str(REPO), hook, "--files", filename],
        cwd=folder, capture_output=True, text=True, env=env, timeout=900,
    )


def test_check_hook_fails_bad_copy_and_passes_clean_copy(copy_repo, tmp_path_factory):
    cache = tmp_path_factory.mktemp("pre-commit-home")
    (copy_repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (copy_repo / "good.txt").write_text(GOOD, encoding="utf-8")
    git(copy_repo, "add", "bad.txt", "good.txt")
    bad = try_repo(copy_repo, "newslint", "bad.txt", cache)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "typo/doubled-word" in bad.stdout and "split/mid-sentence" in bad.stdout
    good = try_repo(copy_repo, "newslint", "good.txt", cache)
    assert good.returncode == 0, good.stdout + good.stderr

    fixed = try_repo(copy_repo, "newslint-fix", "bad.txt", cache)
    assert fixed.returncode == 1  # pre-commit fails a hook that changed files
    assert (copy_repo / "bad.txt").read_text(encoding="utf-8") == GOOD
