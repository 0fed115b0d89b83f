"""One JSON object per line, written as each file is done: for batches too large for one document."""

from __future__ import annotations

import json

from ..files import FileResult
from . import Run
from .json import finding_to_dict


def render_result(result: FileResult) -> str:
    if result.error:
        return json.dumps({"path": result.path, "error": result.error}, ensure_ascii=False) + "\n"
    return "".join(json.dumps(finding_to_dict(f), ensure_ascii=False) + "\n" for f in result.findings)


def render(run: Run) -> str:
    """The whole run at once, when it could not be streamed (a batch rule judges it at the end)."""
    return "".join(render_result(result) for result in run.results)
