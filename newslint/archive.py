"""Archives as tables: a CMS export in JSON Lines, CSV or Parquet, one article a row.

An archive is cut into parts (rows first_row.. of one file) that can each be
read and linted on their own, by this process or by a Dask worker that sees
the same file system, so a run over a cluster reads nothing on the client but
the part boundaries. Each row is rendered as an article (its title as a
`# title` headline line above the body) and linted with lint_with_digests;
its findings are keyed `archive.jsonl#<id>`, with lines and columns in the
rendered article. A row without usable text is an input error for that row
alone.
"""

from __future__ import annotations

import csv
import json
import os
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from .config import Config
from .document import DecodedText, InputError
from .engine import lint_with_digests
from .files import FileResult, Job, ignored_for

ARCHIVE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
PARQUET_HINT = "pip install 'newslint[parquet]'"
ROWS_PER_PART = 500


def archive_kind(path: str) -> str | None:
    """jsonl, csv or parquet for a table newslint reads row by row; None for copy."""
    return ARCHIVE_SUFFIXES.get(os.path.splitext(path)[1].lower())


@dataclass(frozen=True)
class Fields:
    """Which columns hold what: --text-field, --title-field, --id-field."""

    text: str
    title: str | None = None
    id: str = "id"


@dataclass(frozen=True)
class ArchivePart:
    """`count` rows of one archive from row `first_row` (0-based). A JSON Lines part
    starts at byte `start`; a Parquet part lies in row group `start`; CSV rows are
    parsed on the client (quoted fields may hold line breaks, so bytes cannot be
    split blindly) and travel with the part."""

    path: str
    kind: str
    first_row: int
    count: int
    start: int = 0
    rows: tuple[dict, ...] = field(default=(), repr=False)


def plan_parts(path: str, fields: Fields, rows_per_part: int = ROWS_PER_PART) -> list[ArchivePart]:
    """The parts of an archive, in row order. Raises InputError for a file that cannot be read as the table it claims to be."""
    kind = archive_kind(path)
    try:
        if kind == "jsonl":
            return _jsonl_parts(path, rows_per_part)
        if kind == "csv":
            return _csv_parts(path, fields, rows_per_part)
        return _parquet_parts(path, fields, rows_per_part)
    except OSError as error:
        raise InputError(f"{path}: cannot read: {(error.strerror or str(error)).lower()}") from None


def _jsonl_parts(path: str, rows_per_part: int) -> list[ArchivePart]:
    starts = array("q")
    offset = 0
    with open(path, "rb") as stream:
        for line in stream:
            starts.append(offset)
            offset += len(line)
    return [
        ArchivePart(path, "jsonl", first, min(rows_per_part, len(starts) - first), starts[first])
        for first in range(0, len(starts), rows_per_part)
    ]


def _csv_parts(path: str, fields: Fields, rows_per_part: int) -> list[ArchivePart]:
    csv.field_size_limit(2**31 - 1)  # a long feature is one field
    with open(path, encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        try:
            rows = tuple(reader)
        except (csv.Error, UnicodeDecodeError) as error:
            raise InputError(f"{path}: not a readable CSV file ({error})") from None
        _require_column(path, fields.text, reader.fieldnames or [])
    return [
        ArchivePart(path, "csv", first, len(rows[first : first + rows_per_part]), rows=rows[first : first + rows_per_part])
        for first in range(0, len(rows), rows_per_part)
    ]


def _parquet_file(path: str):
    try:
        import pyarrow.parquet  # noqa: PLC0415 - only for Parquet archives
    except ImportError:
        raise InputError(f"{path}: reading Parquet needs pyarrow: {PARQUET_HINT}") from None
    try:
        return pyarrow.parquet.ParquetFile(path)
    except pyarrow.ArrowException as error:
        raise InputError(f"{path}: not a readable Parquet file ({error})") from None


def _parquet_parts(path: str, fields: Fields, rows_per_part: int) -> list[ArchivePart]:
    table = _parquet_file(path)
    _require_column(path, fields.text, table.schema_arrow.names)
    parts, first = [], 0
    for group in range(table.metadata.num_row_groups):
        rows = table.metadata.row_group(group).num_rows
        for offset in range(0, rows, rows_per_part):
            parts.append(ArchivePart(path, "parquet", first + offset, min(rows_per_part, rows - offset), group))
        first += rows
    return parts


def _require_column(path: str, column: str, names: list[str]) -> None:
    if column not in names:
        raise InputError(f"{path}: no column {column!r} for --text-field (columns: {', '.join(names) or 'none'})")


def read_part(part: ArchivePart, fields: Fields) -> Iterator[tuple[int, dict | str]]:
    """(row number, 1-based; the record, or why the row is not one) for each row of the part."""
    if part.kind == "jsonl":
        with open(part.path, "rb") as stream:
            stream.seek(part.start)
            for number in range(part.first_row + 1, part.first_row + part.count + 1):
                line = stream.readline()
                if not line.strip():
                    continue  # a blank line is no article
                try:
                    record = json.loads(line)
                except (ValueError, UnicodeDecodeError) as error:
                    yield number, f"not valid JSON ({error})"
                    continue
                yield number, record if isinstance(record, dict) else "not a JSON object"
    elif part.kind == "csv":
        yield from enumerate(part.rows, part.first_row + 1)
    else:
        table = _parquet_file(part.path)
        wanted = [c for c in (fields.text, fields.title, fields.id) if c and c in table.schema_arrow.names]
        group_first = part.first_row - sum(table.metadata.row_group(g).num_rows for g in range(part.start))
        rows = table.read_row_group(part.start, columns=wanted).slice(group_first, part.count).to_pylist()
        yield from enumerate(rows, part.first_row + 1)


def render_article(title: str | None, body: str) -> str:
    """The copy a row stands for: the title as a Markdown headline, then the body.

    A body with one paragraph a line (what most CMS exports give) keeps that
    layout, with the headline on the line above; one with blank lines between
    paragraphs gets a blank line under the headline too. Either way the
    document model reads every line of the body as the paragraph it is.
    """
    if not title or not title.strip():
        return body
    headline = " ".join(title.split())
    return f"# {headline}\n\n{body}" if "\n\n" in body.replace("\r\n", "\n") else f"# {headline}\n{body}"


def row_name(path: str, number: int, record: dict | str, fields: Fields) -> str:
    """`archive.jsonl#<id>`; a row without an id is named by its number: `archive.jsonl#row-17`."""
    value = record.get(fields.id) if isinstance(record, dict) else None
    if value is None or (isinstance(value, str) and not value.strip()):
        return f"{path}#row-{number}"
    return f"{path}#{value}"


def _article_text(record: dict, fields: Fields) -> tuple[str | None, str]:
    """(the rendered article, or None; why not)."""
    body = record.get(fields.text)
    if body is None:
        return None, f"no text: field {fields.text!r} is missing"
    if not isinstance(body, str):
        return None, f"no text: field {fields.text!r} is {type(body).__name__}, not a string"
    if not body.strip():
        return None, f"no text: field {fields.text!r} is empty"
    title = record.get(fields.title) if fields.title else None
    return render_article(title if isinstance(title, str) else None, body), ""


def lint_part(part: ArchivePart, fields: Fields, config: Config, job: Job) -> list[FileResult]:
    """Every row of the part, linted as one article each, in row order."""
    ignore = job.ignore + ignored_for(part.path, config)
    results = []
    for number, record in read_part(part, fields):
        name = row_name(part.path, number, record, fields)
        if isinstance(record, str):
            results.append(FileResult(name, None, error=f"{name} (row {number}): {record}"))
            continue
        text, why = _article_text(record, fields)
        if text is None:
            results.append(FileResult(name, None, error=f"{name} (row {number}): {why}"))
            continue
        findings, digests = lint_with_digests(text, config, path=name, select=job.select, ignore=ignore)
        decoded = DecodedText(text if job.keep_text else "", "utf-8", False, "\n")
        results.append(FileResult(name, decoded, tuple(findings), digests=tuple(digests.items())))
    return results
