"""Applying many fixes at once: the same result as one edit after another, in linear time."""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newslint import fixes
from newslint.finding import Edit, Finding, Fix, Severity


def one_edit_at_a_time(text: str, findings: list[Finding]) -> tuple[str, int]:
    """The reference: every pair of edits compared, each edit a copy of the text."""
    taken, applied = [], 0
    for finding in sorted(findings, key=lambda f: (f.offset, f.rule)):
        fix = finding.fix
        if any(fixes._overlaps(e, o) or fixes._joins_lines(text, e, o) for e in fix.edits for o in taken):
            continue
        taken.extend(fix.edits)
        applied += 1
    for edit in sorted(taken, key=lambda e: (e.offset, e.end_offset), reverse=True):
        text = text[: edit.offset] + edit.replacement + text[edit.end_offset :]
    return text, applied


edit = st.builds(lambda at, width, new: Edit(at, at + width, new), st.integers(0, 30), st.integers(0, 4), st.sampled_from(["", "，", "（", "\n"]))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="港口\n，,", min_size=35, max_size=40), st.lists(st.lists(edit, min_size=1, max_size=3), max_size=8))
def test_fixes_apply_as_one_edit_after_another(text, groups):
    for edits in groups:
        assume(not any(fixes._overlaps(a, b) for k, a in enumerate(edits) for b in edits[k + 1 :]))
    findings = [Finding("punct/half-width", Severity.WARNING, "m", g[0].offset, g[0].end_offset, fix=Fix(tuple(g), True)) for g in groups]
    assert fixes.apply_once(text, findings) == one_edit_at_a_time(text, findings)


def test_thousands_of_fixes_on_one_line():
    text = "港口,码头" * 20_000
    findings = [Finding("punct/half-width", Severity.WARNING, "m", k, k + 1, fix=Fix((Edit(k, k + 1, "，"),), True)) for k in range(2, len(text), 5)]
    fixed, applied = fixes.apply_once(text, findings)
    assert applied == 20_000 and fixed == "港口，码头" * 20_000
