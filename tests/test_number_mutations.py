"""Change one figure of consistent copy and a number finding must point at it.

Each consistent page must first produce no number finding at all; then every
single-figure change must produce one whose span or related spans sit on the
line of the changed figure.
"""

import pytest

from newslint import lint_text

OWN_PAGE = """\
## 港城一季度外贸开局平稳

● 进出口总值1860亿元

□本报记者 孙海宁

本报4月8日讯 记者从市商务局获悉，今年一季度，全市共实现货物贸易进出口1860亿元，其中出口1120亿元、进口740亿元。

从贸易方式看，一般贸易进出口1302亿元，占全市进出口总值的70%；加工贸易进出口335亿元，占18%；保税物流进出口223亿元，占12%。

全市共有外贸企业5200家。其中，生产类企业3100家、占比59.6%，流通类企业1600家、服务类企业500家，合计占比40.4%。

市商务局已对青岛港、董家口港、前湾保税港区、胶州湾综合保税区、青岛空港综合保税区、西海岸综合保税区等6个口岸开展调研。
"""

OWN_MUTATIONS = [
    ("● 进出口总值1860亿元", "● 进出口总值1680亿元"),
    ("生产类企业3100家", "生产类企业3300家"),
    ("生产类企业3100家、占比59.6%", "生产类企业3000家、占比59.6%"),
    ("占比59.6%", "占比56.9%"),
    ("合计占比40.4%", "合计占比42.4%"),
    ("服务类企业500家", "服务类企业700家"),
    ("等6个口岸", "等7个口岸"),
    ("等6个口岸", "等4个口岸"),
    ("今年一季度，", "今年2月30日，"),
]

SAMPLE_MUTATIONS = [
    ("共有重点产业类项目180个", "共有重点产业类项目190个"),
    ("共有重点产业类项目180个", "共有重点产业类项目170个"),
    ("分别为77个", "分别为70个"),
    ("占比56.8%", "占比58.6%"),
    ("合计占比43.2%。其中,涉及24条重点产业链领域项目共207个,\n", "合计占比44.2%。其中,涉及24条重点产业链领域项目共207个,\n"),
    ("建设类项目255个", "建设类项目250个"),
    ("准备类项目62个", "准备类项目60个"),
    ("总投资2337.3亿元", "总投资2330.3亿元"),
    ("总投资876.2亿元", "总投资886.2亿元"),
    ("高质量发展项目317个", "高质量发展项目371个"),
    ("总投资3213.5亿元,为", "总投资3123.5亿元,为"),
    ("青岛开放大学等14个", "青岛开放大学等15个"),
    ("、青岛开放大学等14个", "等14个"),
    ("2月29日,青岛", "2月30日,青岛"),
    ("# 青岛安排317个", "# 青岛安排371个"),
    ("● 总投资3213.5亿元", "● 总投资3123.5亿元"),
    ("## 10个重点项目", "## 12个重点项目"),
    ("总投资213亿元\n", "总投资231亿元\n"),
]


def assert_caught(text, original, changed):
    assert original in text, original
    mutated = text.replace(original, changed, 1)
    line = text.count("\n", 0, text.index(original)) + 1 + original.count("\n", 0, len(original) - len(original.lstrip("\n")))
    findings = lint_text(mutated, select=["number"])
    assert findings, f"no number finding after changing {original!r} to {changed!r}"
    lines = {f.line for f in findings} | {r.line for f in findings for r in f.related}
    assert line in lines, [(f.line, f.message) for f in findings]


def test_own_page_is_consistent():
    assert lint_text(OWN_PAGE, select=["number"]) == []


@pytest.mark.parametrize(("original", "changed"), OWN_MUTATIONS)
def test_own_page_mutation_is_caught(original, changed):
    assert_caught(OWN_PAGE, original, changed)


def test_sample_page_has_no_number_finding(sample_page):
    assert lint_text(sample_page, select=["number"]) == []


@pytest.mark.parametrize(("original", "changed"), SAMPLE_MUTATIONS)
def test_sample_page_mutation_is_caught(sample_page, original, changed):
    assert_caught(sample_page, original, changed)
