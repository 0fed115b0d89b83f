"""suppression: directives that suppress nothing (the engine applies the directives themselves)."""

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
