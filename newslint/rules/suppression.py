"""suppression: directives that suppress nothing or are misspelt (the engine applies the directives themselves)."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..finding import Finding, Severity
from ..rule import Rule, register


@register
class Unused(Rule):
    """A newslint-disable directive that suppresses no finding.

    Left behind when the copy it protected was edited; it would silently hide a
    future problem on that line. The engine applies directives and reports the
    ones that matched nothing under this rule, so it can be ignored like any other.

    Bad:  <!-- newslint-disable-next-line typo/doubled-word --> above a line with no doubled word
    Good: the directive removed, or kept only above 研究研究 if the house list lacks it
    """

    id = "suppression/unused"
    severity = Severity.INFO

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())


@register
class Malformed(Rule):
    """A newslint directive that is misspelt or names a rule that does not exist.

    Such a line suppresses nothing, so the problem it was meant to hide is still
    reported; without this finding an editor would not know why. (Read loosely,
    `newslint-disable-nextline typo` used to silence every typo rule for the rest
    of the file.) The engine reports these lines under this rule.

    Bad:  <!-- newslint-disable-nextline typo -->; newslint-disable-next-line typo/doubled
    Good: <!-- newslint-disable-next-line typo -->; newslint-disable-next-line typo/doubled-word
    """

    id = "suppression/malformed"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())
