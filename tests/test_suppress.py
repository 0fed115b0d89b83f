from newslint import lint_text
from newslint.document import Document

DOUBLED = "中国—上海合作组织组织技术转移中心正式开放。\n"


def rules_of(findings):
    return [(f.line, f.rule) for f in findings]


def test_markdown_directive_suppresses_the_next_line_only():
    text = "<!-- newslint-disable-next-line typo/doubled-word -->\n" + DOUBLED + "\n" + DOUBLED
    assert rules_of(lint_text(text, select=["typo", "suppression"])) == [(4, "typo/doubled-word")]


def test_plain_text_directive_and_family_names():
    text = "newslint-disable-next-line typo\n" + DOUBLED
    assert lint_text(text, select=["typo", "suppression"]) == []


def test_disable_and_enable_a_stretch():
    text = "newslint-disable typo/doubled-word\n" + DOUBLED + "\n" + DOUBLED + "newslint-enable typo/doubled-word\n\n" + DOUBLED
    assert rules_of(lint_text(text, select=["typo", "suppression"])) == [(7, "typo/doubled-word")]


def test_disable_file():
    text = DOUBLED + "\n<!-- newslint-disable-file typo/doubled-word -->\n"
    assert lint_text(text, select=["typo", "suppression"]) == []


def test_unused_directive_is_reported_at_info():
    text = "<!-- newslint-disable-next-line typo/doubled-word -->\n本报讯 这一段没有问题。\n"
    findings = lint_text(text, select=["typo", "suppression"])
    assert rules_of(findings) == [(1, "suppression/unused")]
    assert str(findings[0].severity) == "info"


def test_directive_lines_are_not_copy():
    text = "上海合作组织技术转移中心开放，\n<!-- newslint-disable-next-line typo -->\n\n接着写完。\n"
    doc = Document.parse(text)
    assert [b.text for b in doc.blocks] == ["上海合作组织技术转移中心开放，", "接着写完。"]


def test_a_misspelt_directive_silences_nothing_and_is_reported():
    for directive in ("newslint-disable-nextline typo", "<!-- newslint-disable-next-lines -->", "newslint-disable-next-line typo/doubled"):
        text = directive + "\n" + DOUBLED + "\n" + DOUBLED
        found = rules_of(lint_text(text, select=["typo", "suppression"]))
        assert found == [(1, "suppression/malformed"), (2, "typo/doubled-word"), (4, "typo/doubled-word")], directive


def test_a_directive_with_one_unknown_name_still_applies_the_known_ones():
    text = "newslint-disable-next-line typo, punct/halfwidth\n" + DOUBLED
    assert rules_of(lint_text(text, select=["typo", "suppression"])) == [(1, "suppression/malformed")]
