"""Suppression directives an editor writes next to the copy.

    <!-- newslint-disable-next-line typo/doubled-word -->   (Markdown)
    newslint-disable-next-line typo/doubled-word            (plain text, a line of its own)
    newslint-disable punct ... newslint-enable punct        (a stretch of lines)
    newslint-disable-file byline/missing                    (the whole file)

A directive names rule ids or families, separated by commas or spaces; none
means every rule. Directive lines are not copy: the document model skips them.
A directive that suppresses nothing is itself reported (suppression/unused).
A line that looks like a directive but is misspelt (`newslint-disable-nextline`)
suppresses nothing and is reported (suppression/malformed): read loosely, it
would have silenced a family for the rest of the file.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass, field

import regex

from .patterns import lazy

# Anything of the shape of a directive: the verb is checked afterwards, so that a
# misspelt one is reported instead of being read as `disable` with odd rule names.
# A line of its own, between any of the line breaks lines.py counts (NEL, U+2028 and U+2029 too).
DIRECTIVE = lazy(
    r"(?:\A|(?<=[\r\n\u0085\u2028\u2029]))[ \t]*(?:<!--[ \t]*)?newslint-(?P<verb>[A-Za-z]+(?:-[A-Za-z]+)*)"
    r"(?P<rules>[^\r\n\u0085\u2028\u2029]*?)[ \t]*(?:-->)?[ \t]*(?=[\r\n\u0085\u2028\u2029]|\Z)",
)
VERBS = ("disable-next-line", "disable-file", "disable", "enable")


@dataclass(frozen=True)
class Malformed:
    """A directive line that does not say what it seems to: it suppresses nothing."""

    offset: int
    end_offset: int
    message: str


def is_directive(line: str) -> bool:
    return "newslint-" in line and bool(DIRECTIVE.match(line))


@dataclass
class Suppression:
    offset: int  # of the directive, for reporting it when unused
    end_offset: int
    first_line: int
    last_line: int  # inclusive
    rules: tuple[str, ...]  # empty: every rule
    used: bool = field(default=False)

    def covers(self, line: int, rule: str) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        family = rule.split("/", 1)[0]
        return not self.rules or rule in self.rules or family in self.rules


def _line_starts(text: str) -> list[int]:
    """Where each line starts, counting line breaks as the document model does."""
    from .lines import LINE_BREAK  # noqa: PLC0415 - lines.py imports this module

    return [0] + [match.end() for match in LINE_BREAK.finditer(text)]


def read_suppressions(text: str) -> list[Suppression]:
    return read_directives(text)[0]


def read_directives(text: str, known: Collection[str] = ()) -> tuple[list[Suppression], list[Malformed]]:
    """The suppressions a text declares, and the directive lines that are misspelt or
    name a rule that does not exist (checked when `known` rule ids and families are given)."""
    if "newslint-" not in text:
        return [], []
    found: list[Suppression] = []
    malformed: list[Malformed] = []
    open_ranges: list[Suppression] = []
    starts = _line_starts(text)
    last_line = len(starts)
    for match in DIRECTIVE.finditer(text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        verb, rest = match.group("verb"), match.group("rules")
        if verb not in VERBS or (rest and rest[0] not in " \t,"):
            written = f"newslint-{verb}{rest.split()[0] if rest.strip() and not rest[0].isspace() else ''}"
            close = _did_you_mean(written, [f"newslint-{name}" for name in VERBS])
            malformed.append(Malformed(start, match.end(), f"“{written}”不是newslint指令{close}，此行不屏蔽任何问题"))
            continue
        rules = tuple(r for r in regex.split(r"[\s,]+", rest.strip()) if r)
        unknown = [r for r in rules if known and r not in known]
        if unknown:
            malformed.append(Malformed(start, match.end(), f"指令中的“{'、'.join(unknown)}”不是规则或规则族{_did_you_mean(unknown[0], known)}"))
        line = bisect.bisect_right(starts, match.start())
        entry = Suppression(start, match.end(), line + 1, line + 1, rules)
        if verb == "disable-next-line":
            found.append(entry)
        elif verb == "disable-file":
            entry.first_line, entry.last_line = 1, last_line
            found.append(entry)
        elif verb == "disable":
            entry.last_line = last_line
            open_ranges.append(entry)
            found.append(entry)
        else:  # enable closes the ranges it names, or all of them
            for opened in list(open_ranges):
                if not rules or set(rules) & set(opened.rules) or not opened.rules:
                    opened.last_line = line
                    open_ranges.remove(opened)
    return found, malformed


def _did_you_mean(word: str, choices: Collection[str]) -> str:
    import difflib  # noqa: PLC0415 - only for a misspelt directive

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"（是否应为“{close[0]}”？）" if close else ""
