"""The real extracted page beside the checkout (skipped where it is absent).

What an editor finds on it by hand: one paragraph printed twice, one page-break
seam, four paragraphs cut mid-sentence, 组织组织, the truncated 支, 约…余, two
hyphen range signs, one headline whose byline and body are elsewhere, one pair
of articles run together, one feature without a dateline.
"""

from collections import Counter

from newslint import lint_text
from newslint.document import Document, Kind


def findings_by_rule(text, families):
    return Counter(f.rule for f in lint_text(text, select=families))


def test_duplicate_and_split_find_exactly_the_real_problems(sample_page):
    found = sorted((f.line, f.rule) for f in lint_text(sample_page, select=["duplicate", "split"]))
    assert found == [
        (93, "duplicate/seam"),
        (97, "duplicate/paragraph"),
        (115, "split/mid-sentence"),
        (141, "split/mid-sentence"),
        (143, "split/mid-sentence"),
        (145, "split/mid-sentence"),
    ]


def test_typo_finds_the_three_real_typos_and_nothing_else(sample_page):
    found = sorted((f.line, f.rule) for f in lint_text(sample_page, select=["typo"]))
    assert found == [(55, "typo/redundant"), (109, "typo/doubled-word"), (119, "typo/truncated")]


def test_punct_finds_range_signs_and_half_width_marks_only(sample_page):
    found = findings_by_rule(sample_page, ["punct"])
    assert found["punct/range-sign"] == 2
    assert set(found) == {"punct/half-width", "punct/range-sign"}


def test_byline_reports_the_displaced_article_and_the_merged_pair(sample_page):
    found = sorted((f.line, f.rule) for f in lint_text(sample_page, select=["byline"]))
    assert found == [(59, "byline/missing"), (65, "byline/merged"), (103, "byline/missing-dateline")]


def test_the_page_segments_into_its_eight_articles(sample_page):
    doc = Document.parse(sample_page)
    assert [a.headline.text for a in doc.articles] == [
        "传承留学报国光荣传统 助力经济社会高质量发展",
        "精准开展政治监督 更好发挥巡察利剑作用",
        "以高质量组织工作 推进中国式现代化青岛实践",
        "首届青岛国际女水彩画家作品展开展",
        "青岛安排317个高质量发展项目",
        "10个重点项目 集中签约蓝谷",
        "青岛深化新时代“两个健康”工作",
        "青岛今年将打造超50个智慧场景赋能“百业百态”",
    ]
    kinds = {doc.position(b.start)[0]: b.kind for b in doc.blocks}
    assert kinds[57] is Kind.KICKER and kinds[61] is Kind.DECK and kinds[63] is Kind.KICKER
    assert kinds[101] is Kind.KICKER and kinds[133] is Kind.DECK and kinds[85] is Kind.BYLINE
