"""The plain records every rule produces and every reporter reads."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[offset:end_offset] with replacement."""

    offset: int
    end_offset: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits applied together or not at all; unsafe fixes need --unsafe-fixes."""

    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding points at, such as the first copy of a duplicate."""

    offset: int
    end_offset: int
    message: str
    line: int = 0
    column: int = 0
    path: str = ""  # another article's path (duplicate/across-articles); "" is the finding's own


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    offset: int
    end_offset: int
    path: str = "<text>"
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    suggestion: str | None = None
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    paragraph: int = 0  # in a Word document, the paragraph (1-based) `line` counts; 0 in plain text

    @property
    def family(self) -> str:
        return self.rule.split("/", 1)[0]
