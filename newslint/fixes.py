"""Apply fixes: each fix's edits go in together or not at all; overlaps wait for the next pass."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .finding import Edit, Finding, Fix

MAX_PASSES = 10


@dataclass(frozen=True)
class FixOutcome:
    text: str
    applied: int
    passes: int
    unsettled: tuple[str, ...]  # rules still proposing fixes when the loop stopped


# A caller that keeps the copy somewhere other than a plain string (a Word document)
# says which fixes it can carry out, and carries out the edits itself.
Accept = Callable[[Fix], bool]
Apply = Callable[[str, list[Edit]], str]


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with non-overlapping edits made, in one pass (not a copy of the
    whole text per edit: a large file may take tens of thousands)."""
    pieces, at = [], 0
    for edit in sorted(edits, key=lambda e: (e.offset, e.end_offset)):
        pieces.append(text[at : edit.offset])
        pieces.append(edit.replacement)
        at = max(at, edit.end_offset)
    pieces.append(text[at:])
    return "".join(pieces)


def apply_once(
    text: str, findings: Iterable[Finding], *, unsafe: bool = False, accept: Accept | None = None, apply: Apply = apply_edits
) -> tuple[str, int]:
    """Apply every fix that does not overlap one already taken; return the text and the count."""
    taken: list[Edit] = []
    starts: list[int] = []  # the taken edits' offsets, sorted, to find an edit's neighbours by bisection
    applied = 0
    for finding in sorted(findings, key=lambda f: (f.offset, f.rule)):
        fix = finding.fix
        if fix is None or (not fix.safe and not unsafe) or (accept is not None and not accept(fix)):
            continue
        if any(_overlaps(edit, other) or _joins_lines(text, edit, other) for edit in fix.edits for other in _near(taken, starts, edit)):
            continue
        for edit in fix.edits:
            k = bisect.bisect_right(starts, edit.offset)
            starts.insert(k, edit.offset)
            taken.insert(k, edit)
        applied += 1
    return (apply(text, taken) if taken else text), applied


def _near(taken: list[Edit], starts: list[int], edit: Edit) -> list[Edit]:
    """The taken edits (sorted by offset, none overlapping) that could overlap or
    touch `edit`: those starting up to its end, back to the last one starting before it."""
    low = max(0, bisect.bisect_left(starts, edit.offset) - 1)
    high = bisect.bisect_right(starts, edit.end_offset)
    return taken[low:high]


def fix_until_settled(
    text: str, lint: Callable[[str], list[Finding]], *, unsafe: bool = False, accept: Accept | None = None, apply: Apply = apply_edits
) -> FixOutcome:
    applied_total = 0
    for passes in range(1, MAX_PASSES + 1):
        text, applied = apply_once(text, lint(text), unsafe=unsafe, accept=accept, apply=apply)
        applied_total += applied
        if not applied:
            return FixOutcome(text, applied_total, passes, ())
    remaining = sorted({f.rule for f in lint(text) if f.fix and (f.fix.safe or unsafe) and (accept is None or accept(f.fix))})
    return FixOutcome(text, applied_total, MAX_PASSES, tuple(remaining))


def _joins_lines(text: str, a: Edit, b: Edit) -> bool:
    """Two edits that touch where one of them removes a line break: applied together,
    they could pull a line that neither names (a comment, a directive) into the copy."""
    if a.end_offset != b.offset and b.end_offset != a.offset:
        return False
    return any("\n" in text[e.offset : e.end_offset] or "\r" in text[e.offset : e.end_offset] for e in (a, b))


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.offset == a.end_offset or b.offset == b.end_offset:  # insertions
        return a.offset <= b.end_offset and b.offset <= a.end_offset
    return a.offset < b.end_offset and b.offset < a.end_offset
