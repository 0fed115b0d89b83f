"""The command line: a thin layer over lint_text. Exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import dataclasses
import functools
import importlib
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__, batch
from .across import batch_rules, with_batch_findings
from .archive import Fields, archive_kind, plan_parts
from .cluster import FILES_PER_UNIT, ClusterError, FileChunk, WorkContext, connect, dashboard, lint_unit, run_units
from .config import Config, ConfigError, ConfigFinder, render_default_yaml, rule_yaml_lines, validate_rule_selectors
from .document import LINE_BREAK, Document, InputError
from .files import DEFAULT_MAX_BYTES, FileResult, Job, discover, encode, read_source
from .finding import Severity
from .fixes import MAX_PASSES
from .patterns import save_compiled
from .progress import Progress
from .report import Run
from .rule import all_rules, families

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


def _split_selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def warn(message: str) -> None:
    click.echo(f"newslint: warning: {message}", err=True)


def use_colour(choice: str, stream) -> bool:
    """--color always/never decide; auto colours a terminal, FORCE_COLOR forces it (CI logs), NO_COLOR stops it."""
    if choice != "auto":
        return choice == "always"
    if "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream is not None and stream.isatty()


def write_bytes(data: bytes) -> None:
    """Copy and diffs go out in the file's own encoding, not the terminal's."""
    if sys.stdout is None:  # closed: nothing to write to
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def fail(message: str) -> None:
    click.echo(f"newslint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="newslint", message="%(prog)s %(version)s")
def cli() -> None:
    """newslint: an editorial quality linter for news copy."""


FORMATS = ["text", "json", "jsonl", "sarif", "github", "html", "parquet"]


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(), help="Config file (default: nearest .newslint.yaml).")
@click.option("--select", multiple=True, help="Only these rules or families (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rules or families (comma-separated, repeatable).")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="warning", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomically), then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply fixes that need an editor's eye too.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--baseline", "baseline_path", type=click.Path(), help="Report only findings not recorded in this baseline.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Files linted in parallel (default: CPU count).")
@click.option("--quiet", "-q", is_flag=True, help="One line per finding, no excerpts or summary.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report: auto colours a terminal (FORCE_COLOR forces it, NO_COLOR stops it).")
@click.option("--no-color", is_flag=True, help="Same as --color never.")
@click.option("--exclude", "exclude", multiple=True, metavar="PATTERN",
              help="Skip files matching this glob in folder walks, on top of files.exclude (repeatable).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
              help="Leave out of folder walks what .gitignore excludes.")
@click.option("--stdin-filename", metavar="NAME",
              help="The name standard input stands for: shown in reports, and choosing its config and per-path ignores.")
@click.option("--max-file-size", type=click.IntRange(min=1, max=4096), default=DEFAULT_MAX_BYTES // 2**20, show_default=True,
              help="Files larger than this many MB are an input error, not read.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report to this file instead of standard output.")
@click.option("--statistics", is_flag=True, help="After the report, count the findings per rule.")
@click.option("--text-field", metavar="NAME", help="In a table (.jsonl, .csv, .parquet), the field holding each article's body.")
@click.option("--title-field", metavar="NAME", help="In a table, the field holding each article's headline.")
@click.option("--id-field", metavar="NAME", default="id", show_default=True, help="In a table, the field naming each row in reports (archive.jsonl#ID).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Lint on a Dask cluster: a scheduler address (tcp://host:8786), or local[:N] for N local worker processes.")
@click.option("--progress", "force_progress", is_flag=True, help="Show progress on standard error even when it is not a terminal.")
def check(paths, output_format, config_path, select, ignore, fail_on, fix, unsafe_fixes, show_diff, baseline_path, jobs, quiet, color,
          no_color, exclude, respect_gitignore, stdin_filename, max_file_size, output_file, statistics, text_field, title_field, id_field,
          dask_address, force_progress) -> None:
    """Lint files, folders and archives (default: the current folder); '-' reads standard input.

    A .jsonl, .csv or .parquet file is a table of articles, one a row (name the body's field with --text-field)."""
    if fix and show_diff:
        fail("--fix and --diff do not go together: --diff shows what --fix would write")
    if unsafe_fixes and not (fix or show_diff):
        fail("--unsafe-fixes needs --fix or --diff")
    if show_diff and output_format not in ("text", "html"):
        fail("--diff prints a unified diff: it does not go with --format (but --format html shows the fixes side by side)")
    configs = ConfigFinder(config_path, tuple(exclude))
    try:
        config = configs.for_path(stdin_filename or os.path.join(os.getcwd(), "-"))
        select, ignore = _split_selectors(select), _split_selectors(ignore)
        validate_rule_selectors(select + ignore)
        known = _read_baseline(baseline_path) if baseline_path else None
    except ConfigError as error:
        fail(str(error))
    active = config.active_rules(select, ignore)
    if not active:
        warn("no rule selected: --select and --ignore (or the config) leave nothing to run")
        sys.exit(EXIT_ERROR)
    if output_format == "parquet" and not output_file:
        fail("--format parquet writes a file: give it with --output-file")
    job = Job(
        select, ignore, "fix" if fix else "diff" if show_diff else "check", unsafe_fixes,
        keep_text=output_format in ("text", "html"), fingerprints=known is not None, max_bytes=max_file_size * 2**20,
        baseline_root=os.path.dirname(os.path.abspath(baseline_path)) if baseline_path else "",
        stdin_name=stdin_filename,
    )
    items = _discover(tuple(paths) or (("-",) if stdin_filename else (".",)), configs, respect_gitignore)
    if not items:
        warn(f"nothing to lint: no file in {', '.join(paths) or '.'} matches {', '.join(config.include)}")
    tables = [item for item in items if isinstance(item, str) and archive_kind(item)]
    if tables and not text_field:
        fail(f"{tables[0]}: a table is read row by row: name the field of each article's body with --text-field")
    if tables and job.mode != "check":
        fail(f"{tables[0]}: --fix and --diff rewrite files, not the rows of a table")
    if dask_address and "-" in items:
        fail("--dask lints files the workers can read: not standard input")
    fields = Fields(text_field, title_field, id_field) if text_field else None
    units = _plan(items, fields)
    total = sum(unit.count for unit in units)
    show_progress = force_progress or (sys.stderr.isatty() and not os.environ.get("CI") and total >= 20 and not quiet)
    progress = Progress(total, "articles" if tables else "files") if show_progress else None
    reporter = importlib.import_module(f"newslint.report.{output_format}")
    judges = _batch_judges(config, items, configs, select, ignore)
    for rule, _ in judges:
        if rule.missing_library():
            fail(rule.missing_library())
    # The batch rules judge every result together at the end: nothing can be streamed before.
    judged_at_end = bool(judges)
    stream_jsonl = output_format == "jsonl" and not show_diff and not judged_at_end
    results = []
    found = 0
    context = WorkContext(config_path, tuple(exclude), os.getcwd(), job, fields)
    try:
        for result in _lint_units(units, configs, context, batch.capped_jobs(jobs), dask_address, progress):
            if known is not None:
                result = _without_baseline(result, known)
            found += len(result.findings)
            if progress:
                progress.update(len(results) + 1, found)
            if fix and result.from_stdin and result.decoded is not None:
                # In the encoding it came in: GB18030 copy piped through --fix stays GB18030.
                write_bytes(encode(result.fixed_text if result.fixed_text is not None else result.decoded.text, result.decoded))
            if stream_jsonl:
                click.echo(reporter.render_result(result), nl=False)
                # Streamed already: keep only what the exit code needs, not every finding of a huge batch.
                threshold = FAIL_ON[fail_on]
                worst = [f for f in result.findings if threshold is not None and f.severity >= threshold][:1]
                result = dataclasses.replace(result, findings=tuple(worst), fingerprints=())
            results.append(result)
    except ClusterError as error:
        fail(str(error))
    if judged_at_end:
        results = with_batch_findings(results, judges)
    run = Run(tuple(results))
    if os.environ.get("NEWSLINT_TIMING"):
        click.echo(f"newslint-timing: rules {sum(r.seconds_in_rules for r in results):.3f} s", err=True)
    for result in results:
        for note in result.notes:
            click.echo(f"newslint: {note}", err=True)
        if result.unsettled:
            click.echo(f"newslint: {result.path}: fixes did not settle after {MAX_PASSES} passes ({', '.join(result.unsettled)})", err=True)
    diff_status = EXIT_ERROR if run.errors else EXIT_FINDINGS if any(r.diff for r in results) else EXIT_CLEAN
    if show_diff and output_format == "text":
        write_bytes(b"".join(r.diff for r in results))
        sys.exit(diff_status)
    report_to = sys.stderr if fix and any(r.from_stdin for r in results) else sys.stdout
    report, colour = "", False
    if output_format == "text":
        colour = use_colour("never" if no_color else color, None if output_file else report_to)
        # A Word document's findings are placed by paragraph: its excerpts are its paragraphs.
        lines_of = {
            r.path: list(r.paragraphs) if r.paragraphs else LINE_BREAK.split(r.fixed_text if fix and r.fixed_text is not None else r.decoded.text)
            for r in run.results if r.decoded
        }
        # Excerpts fitted to a terminal (or to COLUMNS when set); logs and files keep whole excerpts.
        fits = not output_file and ("COLUMNS" in os.environ or (report_to is not None and report_to.isatty()))
        width = shutil.get_terminal_size().columns if fits else None
        report = reporter.render(run, lines_of=lines_of, colour=colour, quiet=quiet, width=width)
    elif output_format == "html":
        report = reporter.render(run, diff=show_diff)
    elif output_format == "parquet":
        try:
            reporter.write(run, output_file)
        except OSError as error:
            fail(f"{output_file}: cannot write the report: {(error.strerror or str(error)).lower()}")
        output_file = None  # written: what follows (--statistics) goes to standard output
    elif output_format != "jsonl" or not stream_jsonl:
        report = reporter.render(run)
    if statistics:
        counts = Counter(f.rule for f in run.findings)
        report += "".join(f"{count:6d}  {rule}\n" for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    if output_file:
        try:
            Path(output_file).write_text(report, encoding="utf-8")
        except OSError as error:
            fail(f"{output_file}: cannot write the report: {(error.strerror or str(error)).lower()}")
    else:
        click.echo(report, nl=False, file=report_to, color=True if colour else None)
    if show_diff:
        sys.exit(diff_status)
    threshold = FAIL_ON[fail_on]
    if run.errors:
        sys.exit(EXIT_ERROR)
    if threshold is not None and any(f.severity >= threshold for f in run.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _batch_judges(root: Config, items: list, configs: ConfigFinder, select, ignore) -> list:
    """The batch rules of the run: those the configuration of any file (or the run's own) turns on,
    each with the options of the first configuration that does. A document whose own
    configuration leaves a rule off brings it no digest, and is not compared."""
    judges: dict[str, tuple] = {}
    folders = {os.path.dirname(os.path.abspath(item)) for item in items if isinstance(item, str) and item != "-"}
    for config in [root] + [configs.for_path(os.path.join(folder, "-")) for folder in sorted(folders)]:
        for rule, severity in batch_rules(config.active_rules(select, ignore)):
            judges.setdefault(rule.id, (rule, severity))
    return list(judges.values())


def _plan(items: list, fields: Fields | None) -> list:
    """The run cut into units, in input order: runs of files (FileChunk) and the parts of each table (ArchivePart)."""
    units: list = []
    for item in items:
        if isinstance(item, str) and fields is not None and archive_kind(item):
            try:
                units.extend(plan_parts(item, fields))
            except InputError as error:
                units.append(FileChunk((error,)))
        elif units and isinstance(units[-1], FileChunk) and len(units[-1].paths) < FILES_PER_UNIT:
            units[-1] = FileChunk(units[-1].paths + (item,))
        else:
            units.append(FileChunk((item,)))
    return units


def _lint_units(units: list, configs: ConfigFinder, context: WorkContext, jobs: int, dask_address: str | None, progress):
    """Every result, in input order: on the Dask cluster when asked; else files in -j worker
    processes (batch.run) and tables here, part after part."""
    work = functools.partial(lint_unit, context)
    if dask_address:
        with connect(dask_address) as client:
            if progress and dashboard(client):
                progress.note(f"Dask dashboard: {dashboard(client)}")
            yield from run_units(client, units, work)
        return
    files: list = []  # consecutive files go to one batch.run, so that -j starts its processes once
    for unit in units:
        if isinstance(unit, FileChunk):
            files.extend(unit.paths)
            continue
        yield from batch.run(files, configs, context.job, jobs)
        files = []
        yield from work(unit)
    yield from batch.run(files, configs, context.job, jobs)


def _discover(paths: tuple[str, ...], configs: ConfigFinder, respect_gitignore: bool = True) -> list:
    try:
        items = list(discover(paths, configs, respect_gitignore))
        for item in items:  # a file named on the command line: its config is read now, so a broken one stops the run here
            if isinstance(item, str) and item != "-":
                configs.for_path(item)
        return items
    except ConfigError as error:  # a broken .newslint.yaml in a folder of the walk
        fail(str(error))


def _read_baseline(path: str) -> Counter:
    from .baseline import BaselineError, read_baseline  # noqa: PLC0415 - only with --baseline

    try:
        return read_baseline(path)
    except BaselineError as error:
        raise ConfigError(str(error)) from None


def _without_baseline(result: FileResult, known: Counter) -> FileResult:
    kept, prints = [], []
    for finding, print_ in zip(result.findings, result.fingerprints):
        if known[print_] > 0:
            known[print_] -= 1
        else:
            kept.append(finding)
            prints.append(print_)
    return dataclasses.replace(result, findings=tuple(kept), fingerprints=tuple(prints))


@cli.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output", "-o", default="newslint-baseline.json", show_default=True, type=click.Path(), help="Where to write the baseline.")
@click.option("--config", "config_path", type=click.Path(), help="Config file (default: nearest .newslint.yaml).")
@click.option("--select", multiple=True, help="Only these rules or families.")
@click.option("--ignore", multiple=True, help="Skip these rules or families.")
def baseline_command(paths, output, config_path, select, ignore) -> None:
    """Record today's findings, so that `check --baseline FILE` reports only new ones."""
    configs = ConfigFinder(config_path)
    try:
        configs.for_path(os.path.join(os.getcwd(), "-"))
        select, ignore = _split_selectors(select), _split_selectors(ignore)
        validate_rule_selectors(select + ignore)
    except ConfigError as error:
        fail(str(error))
    job = Job(select, ignore, keep_text=False, fingerprints=True, baseline_root=os.path.dirname(os.path.abspath(output)))
    entries, errors = [], 0
    for result in batch.run(_discover(tuple(paths) or (".",), configs), configs, job, batch.default_jobs()):
        if result.error:
            click.echo(f"error: {result.error}", err=True)
            errors += 1
        entries.extend(zip(result.findings, result.fingerprints))
    from .baseline import BaselineError, write_baseline  # noqa: PLC0415

    try:
        write_baseline(output, entries)
    except BaselineError as error:
        fail(str(error))
    click.echo(f"recorded {len(entries)} finding{'s' if len(entries) != 1 else ''} in {output}")
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)


@cli.command()
@click.argument("rule_id", required=False)
@click.option("--yaml", "as_yaml", is_flag=True, help="Print the default rules.yaml generated from the rules.")
def rules(rule_id, as_yaml) -> None:
    """List every rule, or show one rule's documentation and options."""
    registry = all_rules()
    if as_yaml:
        click.echo(render_default_yaml(), nl=False)
        return
    if rule_id is None:
        for family in families():
            click.echo(f"{family}:")
            for rid, rule in registry.items():
                if rule.family() == family:
                    state = "" if rule.enabled_by_default else " (off by default)"
                    click.echo(f"  {rid:28s} {str(rule.severity):8s} {rule.summary()}{state}")
        return
    if rule_id not in registry:
        try:
            validate_rule_selectors([rule_id])
        except ConfigError as error:
            fail(str(error))
        fail(f"{rule_id!r} is a family; name one of its rules (see 'newslint rules')")
    rule = registry[rule_id]
    click.echo(f"{rule_id}  (default severity: {rule.severity}{'' if rule.enabled_by_default else ', off by default'})\n")
    click.echo(rule.documentation())
    # The defaults as YAML, to copy into a .newslint.yaml and change.
    click.echo("\nOptions (defaults, as a .newslint.yaml sets them):\nrules:")
    click.echo("\n".join(rule_yaml_lines(rule_id, rule)))


@cli.command()
@click.argument("path", type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
def outline(path, output_format) -> None:
    """Print how a file was read: its articles and their parts, with line numbers (html: a page to look at)."""
    try:
        decoded = read_source(path)
    except InputError as error:
        fail(str(error))
    doc = Document.parse(decoded.text, path)
    if output_format == "html":
        from .report.html import render_outline  # noqa: PLC0415 - only for this view

        click.echo(render_outline(doc), nl=False)
        return
    if output_format == "json":
        import json  # noqa: PLC0415 - only for this view

        from .outline import outline as outline_data  # noqa: PLC0415

        click.echo(json.dumps(outline_data(doc), ensure_ascii=False, indent=2))
        return
    for article in doc.articles:
        headline = article.headline
        title = headline.text if headline else "(no headline)"
        click.echo(f"article {article.index + 1}: {title}")
        for block in article.blocks:
            if block.kind.value == "body":
                continue
            click.echo(f"  {doc.position(block.start)[0]:5d}  {block.kind.value:9s} {block.text}")
        body = article.body
        if body:
            first, last = doc.position(body[0].start)[0], doc.position(body[-1].start)[0]
            click.echo(f"  {first:5d}  body      {len(body)} paragraph{'s' if len(body) != 1 else ''}, lines {first}-{last}")
        if article.dateline:
            line = doc.position(article.dateline[0])[0]
            click.echo(f"  {line:5d}  dateline  {doc.text[article.dateline[0]:article.dateline[1]]}")


def main() -> None:
    code = _run_main()
    save_compiled()
    # The report is written and every file closed: leave without the interpreter's
    # teardown (freeing every object one by one), which the OS does at once.
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _run_main() -> int:
    try:
        try:
            # Not standalone: click would answer Ctrl-C with "Aborted!" and exit 1, which CI reads as findings.
            code = cli.main(prog_name="newslint", standalone_mode=False)
            code = code if isinstance(code, int) else EXIT_CLEAN
        except click.ClickException as error:
            error.show()
            code = error.exit_code
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (EXIT_CLEAN if exit_.code is None else EXIT_ERROR)
            if exit_.code is not None and not isinstance(exit_.code, int):
                click.echo(exit_.code, err=True)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # here, so that a failing write is caught below and not at exit
        return code
    except BrokenPipeError:
        # The reader went away (newslint check … | head): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS
    except OSError as error:
        # Standard output full (/dev/full) or gone bad: one line, not a traceback.
        _quiet_stdout()
        click.echo(f"newslint: error: cannot write the report: {(error.strerror or str(error)).lower()}", err=True)
        return EXIT_ERROR
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("newslint: interrupted", err=True)
        return 130


def _quiet_stdout() -> None:
    """Drop what is still buffered for a stdout that cannot take it, so exit does not fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    main()
