"""A safe fix changes nothing but the copy it names: property tests over structured pages.

Pages are built from realistic paragraphs (some cut, doubled, repeated or keyed
with half-width marks) mixed with what is kept but is not copy: HTML comments,
newslint directives and Markdown code blocks, in LF or CRLF. Applying every safe
fix must keep each of those lines, settle, and be idempotent.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import lint_text
from newslint.document import Document
from newslint.fixes import fix_until_settled

PARAGRAPHS = [
    "本报3月4日讯 记者在现场看到，工人们正在加紧施工，预计年底前完工。",
    "项目总投资二十亿元，建成后每年可新增就业岗位三千余个。",
    "会议强调，要深入学习贯彻党的二十大精神，推动高质量发展。",
    "上海合作组织组织技术转移中心当天揭牌，首批入驻企业12家。",  # a doubled word
    "一季度,港区新开通外贸集装箱航线5条,货物吞吐量同比增长8.2%。",  # half-width commas
    "记者了解到，该市今年将新建改建农村公路",  # cut: continued by the next one
    "一千二百公里，惠及沿线群众四十余万人。",
    "市民张女士说：“以前坐公交要走两里路，现在家门口就有站点了。”",
]
KEPT = [
    "<!-- 编辑备注：勿删 -->",
    "<!-- 图片待补 -->",
    "newslint-disable-next-line typo/doubled-word",
    "```\n原始稿件：勿改\n```",
]


@st.composite
def pages(draw):
    parts = draw(st.lists(st.one_of(st.sampled_from(PARAGRAPHS), st.sampled_from(KEPT)), min_size=1, max_size=9))
    if draw(st.booleans()) and len(parts) > 1:  # a paragraph printed twice
        parts.insert(draw(st.integers(1, len(parts))), draw(st.sampled_from(PARAGRAPHS)))
    separator = draw(st.sampled_from(["\n\n", "\n"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = "## 港口新开五条外贸航线\n\n□本报记者 孙海宁\n\n" + separator.join(parts) + "\n"
    return text.replace("\n", newline)


def kept_lines(text: str) -> list[str]:
    doc = Document.parse(text)
    return [text[start:end] for start, end in doc.kept_spans]


def fix_all(text: str) -> str:
    return fix_until_settled(text, lambda t: lint_text(t)).text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_safe_fixes_keep_every_line_that_is_not_copy(text):
    fixed = fix_all(text)
    assert kept_lines(fixed) == kept_lines(text)
    assert fix_all(fixed) == fixed, "fixing twice must change nothing more"
    assert not [f for f in lint_text(fixed) if f.fix and f.fix.safe], "re-linting must propose no safe fix"


def test_mid_sentence_join_never_swallows_a_comment():
    text = "本报3月4日讯 记者在现场看到，工人们正在加紧\n\n<!-- 编辑备注：勿删 -->\n\n施工，预计年底前完工。\n"
    findings = [f for f in lint_text(text) if f.rule == "split/mid-sentence"]
    assert findings and findings[0].fix is None
    assert fix_all(text) == text


def test_removing_a_repeated_paragraph_keeps_the_comment_above_it():
    paragraph = "本报3月4日讯 记者在现场看到，工人们正在加紧施工，预计年底前完工，项目总投资二十亿元。"
    text = f"{paragraph}\n\n<!-- 编辑备注 -->\n\n{paragraph}\n\n尾段到此为止。\n"
    assert fix_all(text) == f"{paragraph}\n\n<!-- 编辑备注 -->\n\n尾段到此为止。\n"


def test_a_fix_beside_a_directive_keeps_the_directive():
    text = "本报3月4日讯 \n\n<!-- 编辑备注：勿删 -->\n\n上海合作组织组织技术转移中心当天揭牌。\n"
    fixed = fix_all(text)
    assert "<!-- 编辑备注：勿删 -->" in fixed and "合作组织技术" in fixed
