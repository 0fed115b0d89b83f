"""The command line: a thin layer over lint_text. Exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import os
import sys

import click
import regex

from . import __version__
from .config import ConfigError, load_config, render_default_yaml, validate_rule_selectors
from .document import Document
from .files import STDIN, FileResult, discover, lint_file, read_source
from .document import InputError
from .finding import Severity
from .report import Run
from .report import json as json_report
from .report import text as text_report
from .rule import all_rules, families

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LINE_BREAK = regex.compile(r"\r\n|\r|\n")
FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


def _split_selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def fail(message: str) -> None:
    click.echo(f"newslint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="newslint", message="%(prog)s %(version)s")
def cli() -> None:
    """newslint: an editorial quality linter for news copy."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(), help="Config file (default: nearest .newslint.yaml).")
@click.option("--select", multiple=True, help="Only these rules or families (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rules or families (comma-separated, repeatable).")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="warning", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--quiet", "-q", is_flag=True, help="One line per finding, no excerpts or summary.")
@click.option("--no-color", is_flag=True, help="Never colour the text report.")
def check(paths, output_format, config_path, select, ignore, fail_on, quiet, no_color) -> None:
    """Lint files and folders (default: the current folder); '-' reads standard input."""
    try:
        config = load_config(config_path)
        select, ignore = _split_selectors(select), _split_selectors(ignore)
        validate_rule_selectors(select + ignore)
    except ConfigError as error:
        fail(str(error))
    results = []
    for item in discover(tuple(paths) or (".",), config):
        if isinstance(item, InputError):
            results.append(FileResult(str(item).split(":", 1)[0], None, error=str(item)))
        else:
            results.append(lint_file(item, config, select, ignore))
    run = Run(tuple(results))
    if output_format == "json":
        click.echo(json_report.render(run), nl=False)
    else:
        colour = not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
        lines_of = {r.path: LINE_BREAK.split(r.decoded.text) for r in run.results if r.decoded}
        click.echo(text_report.render(run, lines_of=lines_of, colour=colour, quiet=quiet), nl=False)
    threshold = FAIL_ON[fail_on]
    if run.errors:
        sys.exit(EXIT_ERROR)
    if threshold is not None and any(f.severity >= threshold for f in run.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


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
    defaults = rule.Options()
    fields = list(getattr(defaults, "__dataclass_fields__", {}))
    if fields:
        click.echo("\nOptions:")
        for name in fields:
            click.echo(f"  {name}: {getattr(defaults, name)!r}")


@cli.command()
@click.argument("path", type=click.Path())
def outline(path) -> None:
    """Print how a file was read: its articles and their parts, with line numbers."""
    try:
        decoded = read_source(path)
    except InputError as error:
        fail(str(error))
    doc = Document.parse(decoded.text, path)
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
    cli(prog_name="newslint")


if __name__ == "__main__":
    main()
