"""The user's cache folder, where what is costly to build is kept between runs
(the lexicon, compiled patterns). Everything here can be deleted at any time:
it is rebuilt on the next run. A read-only home only makes runs slower."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def store(path: Path, data: bytes, *, keep: int) -> bool:
    """Write `data` to `path` atomically (a reader sees the old file or the new,
    never half of one), keeping at most `keep` files of the same kind: those
    whose names share the part before the first '-'. False if it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        kind = path.name.split("-", 1)[0]
        # Each install has its own key; keep a few (a pre-commit environment
        # beside a development one) but not one per install forever.
        older = sorted(path.parent.glob(f"{kind}-*"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in older[keep - 1 :]:
            if stale != path:
                stale.unlink(missing_ok=True)
        import tempfile  # noqa: PLC0415 - only when something new is kept (its import costs every run 3 ms)

        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
        return True
    except OSError:
        return False
