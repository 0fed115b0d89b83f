"""Lazy patterns: compiled on first use, and taken from the cache folder by later runs
with exactly the behaviour of a fresh compile."""

import gc
from pathlib import Path

import regex

from newslint import lint_text, patterns
from newslint.patterns import LazyPattern, lazy

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _all_patterns() -> list[LazyPattern]:
    lint_text((EXAMPLES / "page-with-problems.txt").read_text(encoding="utf-8"))  # imports every rule module
    return [obj for obj in gc.get_objects() if isinstance(obj, LazyPattern)]


def test_a_program_from_the_cache_matches_as_a_fresh_compile():
    copy = "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    copy += "\n本报北京3月4日电（记者 张三）一季度，全市进出口总值1.2万亿元，同比增长5.6%，其中出口7000亿元。\n"
    checked = 0
    for pattern in _all_patterns():
        fresh, program = patterns._compile_and_capture(pattern._pattern, pattern._flags)
        assert program is not None, pattern._pattern
        replayed = patterns._engine().compile(*program)
        assert replayed.groupindex == fresh.groupindex and replayed.flags == fresh.flags
        found = [(m.span(), m.groups()) for m in fresh.finditer(copy)]
        assert [(m.span(), m.groups()) for m in replayed.finditer(copy)] == found, pattern._pattern
        checked += 1
    assert checked > 50


def test_a_later_run_compiles_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = patterns._Programs()
    assert first.compile(r"(?P<n>\d+)个百分点", 0).search("提高2个百分点")["n"] == "2"
    first.save()
    assert list((tmp_path / "newslint").glob("patterns-*.marshal"))
    later = patterns._Programs()
    monkeypatch.setattr(patterns, "_compile_and_capture", lambda *a: (_ for _ in ()).throw(AssertionError("compiled again")))
    assert later.compile(r"(?P<n>\d+)个百分点", 0).search("下降3个百分点")["n"] == "3"


def test_a_damaged_cache_falls_back_to_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "newslint"
    folder.mkdir()
    programs = patterns._Programs()
    programs._path().write_bytes(b"\x00not marshal")
    assert programs.compile("[，,]", 0).findall("甲，乙,丙") == ["，", ","]
    broken = patterns._Programs()
    broken._known = {("x+", 0): ("x+", 0, [1, 2, 3])}  # an entry the engine refuses
    assert broken.compile("x+", 0).match("xxx").group() == "xxx"


def test_a_lazy_pattern_behaves_as_its_compiled_pattern():
    pattern = lazy(r"(\d+)(万|亿)?元")
    assert pattern.pattern == r"(\d+)(万|亿)?元" and pattern.groups == 2
    assert pattern.sub(r"\1", "收入300万元") == "收入300" == regex.sub(r"(\d+)(万|亿)?元", r"\1", "收入300万元")
