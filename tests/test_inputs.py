"""Input in the encodings newsrooms really save: UTF-16 from Word, GB18030 through pipes and patches (issue 10)."""

import codecs
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.document import InputError, decode_bytes

BROKEN = "## 港口新开五条外贸航线\n\n本报4月8日讯 上海合作组织组织技术转移中心开放。\n"
FIXED = "## 港口新开五条外贸航线\n\n本报4月8日讯 上海合作组织技术转移中心开放。\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_a_bom_is_linted_and_fixed_in_utf16(tmp_path, bom, encoding):
    path = tmp_path / "word-export.txt"
    path.write_bytes(bom + BROKEN.encode(encoding))
    result = run("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:3:" in result.output and "typo/doubled-word" in result.output
    run("check", "--fix", str(path))
    assert path.read_bytes() == bom + FIXED.encode(encoding)


def test_a_nul_byte_past_the_first_8_kb_is_still_binary():
    data = ("本报讯 " + "全市新开工项目152个。" * 1000 + "\n").encode("utf-8") + b"\x00\x01\x02"
    assert len(data) > 8192
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(data, "scan.txt")


def test_stdin_fix_of_gb18030_prints_gb18030():
    result = CliRunner().invoke(cli, ["check", "--fix", "-"], input=BROKEN.encode("gb18030"), catch_exceptions=False)
    assert result.stdout_bytes == FIXED.encode("gb18030")


@pytest.mark.skipif(shutil.which("patch") is None, reason="patch(1) is not installed")
def test_diff_of_a_gb18030_file_applies_with_patch(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(BROKEN.encode("gb18030"))
    result = subprocess.run([sys.executable, "-m", "newslint", "check", "--diff", "a.txt"], cwd=tmp_path, capture_output=True)
    assert result.returncode == 1
    assert "组织组织".encode("gb18030") in result.stdout
    subprocess.run(["patch", "-p1", "--quiet"], cwd=tmp_path, input=result.stdout, check=True)
    assert path.read_bytes() == FIXED.encode("gb18030")
