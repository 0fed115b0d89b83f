"""Every way a run can go wrong ends in one line and the right exit code, never a traceback (issue 10)."""

import errno
import os
import signal
import subprocess
import sys
import time

from click.testing import CliRunner

from newslint import files
from newslint.cli import cli

BROKEN = "## 港口新开五条外贸航线\n\n本报4月8日讯 上海合作组织组织技术转移中心开放。\n"
FIXED = "## 港口新开五条外贸航线\n\n本报4月8日讯 上海合作组织技术转移中心开放。\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def newslint(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, **kwargs)


def test_a_list_for_the_files_section_is_a_config_error(tmp_path):
    config = tmp_path / "house.yaml"
    config.write_text("files: [稿件/*.txt, 专题/*.md]\n", encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text(BROKEN, encoding="utf-8")
    result = run("check", "--config", str(config), str(page))
    assert result.exit_code == 2
    assert "'files' must be a mapping" in result.output


def test_a_deeply_nested_baseline_is_one_line_exit_2(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text(BROKEN, encoding="utf-8")
    result = run("check", "--baseline", str(baseline), str(page))
    assert result.exit_code == 2
    assert result.output == f"newslint: error: {baseline}: not a newslint baseline (nested too deeply)\n"


def test_a_baseline_into_a_missing_folder_is_one_line_exit_2(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(BROKEN, encoding="utf-8")
    target = tmp_path / "missing" / "dir" / "x.json"
    result = run("baseline", "-o", str(target), str(page))
    assert result.exit_code == 2
    assert result.output.strip() == f"newslint: error: {target}: cannot write the baseline: no such file or directory"


def test_a_full_stdout_is_one_line_not_a_traceback(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(BROKEN * 2000, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "newslint", "check", str(page)], stdout=full, stderr=subprocess.PIPE)
    assert b"Traceback" not in result.stderr
    assert result.stderr.decode().strip() == "newslint: error: cannot write the report: no space left on device"
    assert result.returncode == 2


def test_a_reader_that_goes_away_is_no_traceback(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(BROKEN * 3000, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "newslint", "check", str(page)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(1)  # newslint check … | head -c1
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr


def test_a_closed_stdout_is_no_traceback(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(BROKEN, encoding="utf-8")
    result = newslint("check", str(page), preexec_fn=lambda: os.close(1))
    assert b"Traceback" not in result.stderr
    assert result.returncode == 1  # the findings still decide the exit code


def test_fix_in_a_read_only_folder_is_a_per_file_error_and_the_run_goes_on(tmp_path, monkeypatch):
    locked, open_ = tmp_path / "locked", tmp_path / "open"
    locked.mkdir()
    open_.mkdir()
    (locked / "a.txt").write_text(BROKEN, encoding="utf-8")
    (open_ / "b.txt").write_text(BROKEN, encoding="utf-8")
    real_open = os.open

    def folder_refuses_new_files(path, flags, *args, **kwargs):
        # What a 0555 folder does for a user who is not root (these tests may run as root).
        if str(path).startswith(str(locked)) and flags & (os.O_CREAT | getattr(os, "O_TMPFILE", 0)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", folder_refuses_new_files)
    result = run("check", "--fix", str(locked), str(open_))
    assert result.exit_code == 2
    assert f"error: {locked / 'a.txt'}: not fixed: cannot write: permission denied" in result.output
    assert (locked / "a.txt").read_text(encoding="utf-8") == BROKEN
    assert (open_ / "b.txt").read_text(encoding="utf-8") == FIXED


def test_an_unreadable_file_named_on_the_command_line_does_not_stop_the_others(tmp_path, monkeypatch):
    secret, page = tmp_path / "embargoed.txt", tmp_path / "a.txt"
    secret.write_text(BROKEN, encoding="utf-8")
    page.write_text(BROKEN, encoding="utf-8")

    def refuse(path, *args, **kwargs):
        if str(path) == str(secret):  # a 0000 file, for a user who is not root
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", refuse, raising=False)
    result = run("check", str(secret), str(page))
    assert result.exit_code == 2
    assert f"error: {secret}: cannot read: permission denied" in result.output
    assert f"{page}:3:" in result.output and "typo/doubled-word" in result.output


def test_ctrl_c_during_a_parallel_run_is_one_line_and_exit_130(tmp_path):
    for number in range(800):  # far more work than the time before the interrupt
        (tmp_path / f"{number:03d}.txt").write_text(BROKEN * 40, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "-j", "2", "--format", "json", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    time.sleep(1.5)  # the workers are running
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    stderr = process.communicate(timeout=60)[1].decode()
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "newslint: interrupted"
    assert process.returncode == 130
