"""The Dask engine on a real LocalCluster (2 worker processes, one shared by the module) over a
generated archive of 2,000 articles, in JSON Lines and in Parquet: the findings equal a serial
run's, and the paragraphs planted in two articles (20 exact, 20 near) are all found, on no other
article. Skipped when the extras are not installed (plain `pip install '.[test]'`)."""

from __future__ import annotations

import json
import logging

import pytest
from click.testing import CliRunner

from newslint.cli import cli

from .archive_corpus import build_archive, write_jsonl, write_parquet

EXTRAS = "pip install '.[test,archive]'"
distributed = pytest.importorskip("distributed", reason=f"the dask extra is not installed ({EXTRAS})")
pytest.importorskip("dask.bag", reason=f"the dask extra is not installed ({EXTRAS})")
pytest.importorskip("pyarrow", reason=f"the parquet extra is not installed ({EXTRAS})")
pytest.importorskip("datasketch", reason=f"the near-duplicates extra is not installed ({EXTRAS})")

RULE = "duplicate/across-articles"


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    articles, pairs = build_archive(2000)
    write_jsonl(articles, folder / "archive.jsonl")
    write_parquet(articles, folder / "archive.parquet")
    (folder / "config.yaml").write_text(f"rules:\n  {RULE}: {{enabled: true}}\n", encoding="utf-8")
    return folder, pairs


def check(folder, table, *extra):
    args = ["check", "--config", str(folder / "config.yaml"), "--format", "json", "--text-field", "body", "--title-field", "headline",
            str(folder / table), *extra]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1, result.stderr
    return result.output


@pytest.fixture(scope="module")
def serial(archive):
    folder, _ = archive
    return check(folder, "archive.jsonl")


def test_jsonl_on_the_cluster_equals_the_serial_run(archive, serial, scheduler):
    folder, _ = archive
    assert check(folder, "archive.jsonl", "--dask", scheduler) == serial


def test_parquet_on_the_cluster_equals_the_serial_run(archive, serial, scheduler):
    folder, _ = archive
    # The same rows: the serial JSON Lines run, with the table's name changed, is the serial Parquet run.
    assert check(folder, "archive.parquet", "--dask", scheduler) == serial.replace("archive.jsonl#", "archive.parquet#")


def test_every_planted_repeat_is_found_and_nothing_else(archive, serial):
    folder, pairs = archive
    findings = [f for f in json.loads(serial)["findings"] if f["rule"] == RULE]
    found = {(f["path"].split("#")[1], r["path"].split("#")[1]) for f in findings for r in f["related"]}
    for source, copy in pairs:
        assert (source, copy) in found and (copy, source) in found
    planted = {article for pair in pairs for article in pair}
    assert {f["path"].split("#")[1] for f in findings} == planted
    assert len(findings) == 2 * len(pairs) == 80
    assert sum("完全相同" in f["message"] for f in findings) == 40


def test_a_folder_of_files_on_the_cluster(tmp_path, scheduler):
    shared = "今年一季度，全市规模以上工业增加值同比增长6.2%，高于全省平均水平1.1个百分点，其中装备制造业增加值增长9.3%，对全市工业增长的贡献率达到四成。"
    (tmp_path / ".newslint.yaml").write_text(f"rules:\n  {RULE}: {{enabled: true}}\n", encoding="utf-8")
    for number in range(12):
        body = shared if number in (3, 9) else f"市民文明出行意识明显增强，第{number}批试点街道的交通秩序持续向好。"
        (tmp_path / f"p{number:02d}.txt").write_text(f"# 稿件{number}\n\n{body}\n", encoding="utf-8")
    runner = CliRunner()
    serial = runner.invoke(cli, ["check", "--format", "json", "-j", "1", str(tmp_path)], catch_exceptions=False)
    on_cluster = runner.invoke(cli, ["check", "--format", "json", "--dask", scheduler, str(tmp_path)], catch_exceptions=False)
    assert on_cluster.output == serial.output
    assert [f["path"][-7:] for f in json.loads(serial.output)["findings"] if f["rule"] == RULE] == ["p03.txt", "p09.txt"]


def test_a_bad_address_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("市民文明出行意识明显增强。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--dask", "local:x", str(tmp_path / "a.txt")], catch_exceptions=False)
    assert result.exit_code == 2 and result.stderr == "newslint: error: --dask local:x: local:N needs a number of workers, such as local:4\n"
