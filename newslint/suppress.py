"""Suppression directives an editor writes next to the copy.

    <!-- newslint-disable-next-line typo/doubled-word -->   (Markdown)
    newslint-disable-next-line typo/doubled-word            (plain text, a line of its own)
    newslint-disable punct ... newslint-enable punct        (a stretch of lines)
    newslint-disable-file byline/missing                    (the whole file)

A directive names rule ids or families, separated by commas or spaces; none
means every rule. Directive lines are not copy: the document model skips them.
A directive that suppresses nothing is itself reported (suppression/unused).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .patterns import lazy

DIRECTIVE = lazy(
    r"^[ \t]*(?:<!--[ \t]*)?newslint-(?P<verb>disable-next-line|disable-file|disable|enable)\b"
    r"(?P<rules>[^\r\n]*?)[ \t]*(?:-->)?[ \t]*$",
    regex.MULTILINE,
)


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


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset) + 1


def read_suppressions(text: str) -> list[Suppression]:
    if "newslint-" not in text:
        return []
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    last_line = _line_of(text, len(text))
    for match in DIRECTIVE.finditer(text):
        rules = tuple(r for r in regex.split(r"[\s,]+", match.group("rules").strip()) if r)
        line = _line_of(text, match.start())
        verb = match.group("verb")
        entry = Suppression(match.start() + len(match.group()) - len(match.group().lstrip()), match.end(), line + 1, line + 1, rules)
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
    return found
