"""The word-frequency lexicon: built once from jieba's dictionary, then read from a cache."""

import os

from newslint import lexicon as lexicon_module


def test_cache_is_built_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = lexicon_module._load()
    caches = list((tmp_path / "newslint").glob("lexicon-v*"))
    assert len(caches) == 1
    monkeypatch.setattr(lexicon_module, "_build", lambda path: (_ for _ in ()).throw(AssertionError("rebuilt")))
    cached = lexicon_module._load()
    for word in ("部署", "抗疫", "鼓舞"):
        assert cached.frequency(word) == built.frequency(word) > 0
    assert cached.sound_alikes("午") == built.sound_alikes("午") and "舞" in cached.sound_alikes("午")
    assert "治" in cached.look_alikes("冶")


def test_old_caches_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "newslint"
    folder.mkdir()
    for age in range(5):
        stale = folder / f"lexicon-v1-{age}.bin"
        stale.write_bytes(b"old")
        os.utime(stale, (1_000_000 + age, 1_000_000 + age))
    lexicon_module._load()
    left = sorted(p.name for p in folder.glob("lexicon-v*"))
    assert len(left) == lexicon_module.KEPT_CACHES
    assert "lexicon-v1-4.bin" in left and "lexicon-v1-0.bin" not in left


def test_unwritable_cache_folder_still_gives_a_lexicon(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert lexicon_module._load().frequency("部署") > 0


def test_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon_module._load()
    (cache,) = (tmp_path / "newslint").glob("lexicon-v*")
    cache.write_bytes(b"\x00garbage")
    assert lexicon_module._load().frequency("部署") > 0
