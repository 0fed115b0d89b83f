"""One row per finding in a Parquet file, for runs too large to read as JSON (needs pyarrow).

The columns are the JSON report's fields; `related` and `fix` are JSON text, and
input errors are rows with `rule` empty and the message in `error`.
"""

from __future__ import annotations

import json

from . import Run
from .json import finding_to_dict

COLUMNS = ("path", "line", "column", "end_line", "end_column", "offset", "end_offset", "rule", "severity", "message", "suggestion", "related", "fix", "error")
INTEGERS = ("line", "column", "end_line", "end_column", "offset", "end_offset")


def rows(run: Run) -> dict[str, list]:
    table: dict[str, list] = {column: [] for column in COLUMNS}
    for finding in run.findings:
        data = finding_to_dict(finding)
        for column in ("related", "fix"):
            data[column] = json.dumps(data[column], ensure_ascii=False) if column in data else None
        for column in COLUMNS:
            table[column].append(data.get(column))
    for result in run.errors:
        for column in COLUMNS:
            table[column].append({"path": result.path, "error": result.error}.get(column))
    return table


def write(run: Run, path: str) -> None:
    try:
        import pyarrow  # noqa: PLC0415 - only for this format
        import pyarrow.parquet  # noqa: PLC0415
    except ImportError:
        raise OSError("--format parquet needs pyarrow: pip install 'newslint[parquet]'") from None
    data = rows(run)
    schema = pyarrow.schema([(column, pyarrow.int64() if column in INTEGERS else pyarrow.string()) for column in COLUMNS])
    pyarrow.parquet.write_table(pyarrow.table(data, schema=schema), path)
