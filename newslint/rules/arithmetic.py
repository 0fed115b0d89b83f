"""number, continued: the arithmetic of statistics copy, read by newslint.statements.

Each rule checks one kind of statement within the rounding of the printed
figures: every figure may be off by half a unit of its last digit, and a
statement holds if some values inside those intervals make it exact.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..finding import Finding, Related, Severity
from ..numbers import Quantity, block_quantities
from ..patterns import lazy
from ..rule import Rule, register
from ..statements import statements

# Counted things, written whole and unscaled, are exact: 7个 is 7, not 6.5 to 7.5.
_COUNTED = frozenset("个 项 家 名 位 所 条 座 件 台 辆 套 户 批 处 栋 间 张 篇 部 只 头 株 棵 架 艘 列 组 款 支 人 人次 家次".split())


_UNIT_TEXT = lazy(r"^[\d.,]+")


def _slack(quantity: Quantity) -> float:
    """How far the true value may be from the printed one: half a unit of the last digit, none for an exact count."""
    if quantity.unit in _COUNTED and quantity.scale == 1.0 and quantity.decimals == 0:
        return 0.0
    return quantity.tolerance()


def _shown(value: float, like: Quantity) -> str:
    return like.written_like(value)


def _span(quantity: Quantity, note: str) -> Related:
    return Related(quantity.start, quantity.end, note)


@register
class Breakdown(Rule):
    """Parts that make up all of a total but do not add up to it.

    Statistical copy breaks a total down along standard lines: 三次产业, 城镇/乡村,
    出口/进口, 男/女, 税收/非税 (newslint/data/complete-breakdowns.txt). Where the
    parts name every member of one such set, they must add up to the total stated
    before them, within the rounding of the printed figures. Per-capita and
    average figures, rates and approximate figures are never summed; a paragraph
    that breaks one total down several ways is checked one way at a time.

    Bad:  进出口总值30.13万亿元，增长7.5%。其中，出口17.44万亿元，进口12.96万亿元。
    Good: 进出口总值30.13万亿元，增长7.5%。其中，出口17.44万亿元，进口12.69万亿元。
    """

    id = "number/breakdown"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for breakdown in statements(doc, article).breakdowns:
                # Precision first: the parts may break down any total printed before
                # them; they are wrong only if they add up to none of them.
                if breakdown.matched is not None:
                    continue
                total, parts = breakdown.total, breakdown.parts
                summed = sum(q.value for q in parts)
                if summed < total.value * 0.9:
                    continue  # far short: more likely a part the release leaves out (用电量: 城乡居民生活) than a slip
                terms = "+".join(q.written_like(q.value) for q in parts)
                yield self.finding(
                    parts[0].start, parts[-1].end,
                    f"{breakdown.dimension}分项相加为{_shown(summed, total)}（{terms}），与总数{total.text}不符",
                    related=(_span(total, "总数"),),
                )


@register
class PartExceedsWhole(Rule):
    """A part larger than the whole it is a part of.

    What follows 其中 is a part of the figure before it, and M of N (37个行业中有21个)
    cannot have M above N; parts listed with 、 after a total (包括A 6件、B 8件、C 7件)
    cannot together exceed it. A part above its whole is a slip of a digit in one of
    them. Floors (1700万人次以上，其中…) and approximate figures are left alone.

    Bad:  稳岗资金646.3亿元，其中稳岗返还资金748.4亿元。
    Good: 稳岗资金646.3亿元，其中稳岗返还资金448.4亿元。
    """

    id = "number/part-exceeds-whole"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in statements(doc, article).part_ofs:
                whole, part = claim.whole, claim.part
                if part.value - _slack(part) <= whole.value + _slack(whole):
                    continue
                yield self.finding(
                    part.start, part.end,
                    f"部分{part.text}大于其所属的总数{whole.text}",
                    related=(_span(whole, "总数"),),
                )
            for listed in statements(doc, article).listed_parts:
                whole, parts = listed.whole, listed.parts
                summed = sum(q.value for q in parts)
                if summed - sum(_slack(q) for q in parts) <= whole.value + _slack(whole):
                    continue
                terms = "+".join(q.written_like(q.value) for q in parts)
                yield self.finding(
                    parts[0].start, parts[-1].end,
                    f"所列各项合计{_shown(summed, whole)}（{terms}），大于总数{whole.text}",
                    related=(_span(whole, "总数"),),
                )


def _ratio_bounds(part: Quantity, whole: Quantity) -> tuple[float, float]:
    low_whole = max(whole.value - _slack(whole), 1e-12)
    return (
        100 * (part.value - _slack(part)) / (whole.value + _slack(whole)),
        100 * (part.value + _slack(part)) / low_whole,
    )


@register
class ShareOfWhole(Rule):
    """A share that does not match its part and whole.

    占年初预算数109466万元的90.9% is checked against the figure it is a share of
    (99552万元 before it); 占一般公共预算支出的64.7% against the figure printed
    for 一般公共预算支出; 占比10.47% after a part of a breakdown or of 其中 against
    that whole. The share holds if values within the rounding of the three
    printed figures give it. Error where the whole is named in the phrase itself,
    warning where it is found by its label.

    Bad:  完成99552万元，占年初预算数109466万元的99.0%。
    Good: 完成99552万元，占年初预算数109466万元的90.9%。
    """

    id = "number/share-of-whole"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in statements(doc, article).shares:
                low, high = _ratio_bounds(claim.part, claim.whole)
                share = claim.share
                if low - share.tolerance() <= share.value <= high + share.tolerance():
                    continue
                computed = 100 * claim.part.value / claim.whole.value
                yield self.finding(
                    share.start, share.end,
                    f"{claim.part.text}÷{claim.whole.text}={computed:.{max(share.decimals, 1)}f}%，与所写的{share.text}不符",
                    related=(_span(claim.part, "部分"), _span(claim.whole, "总数")),
                    severity=None if claim.certain else Severity.WARNING,
                )


@register
class SharesOfOneWhole(Rule):
    """One of several shares of one whole that implies a different whole than the others.

    0-14岁人口为22696万人，占16.52%；15-59岁人口为92471万人，占67.33%；60岁及以上人口为
    22182万人，占16.15%: each part divided by its share gives the whole (about
    137349万). Where three or more such shares stand in one sentence and all but
    one agree on the whole, within rounding, the odd one is reported (a warning:
    it may be a share of another whole).

    Bad:  ……60岁及以上人口为22182万人，占16.15%，其中65岁及以上人口为14374万人，占10.74%。
    Good: ……60岁及以上人口为22182万人，占16.15%，其中65岁及以上人口为14374万人，占10.47%。
    """

    id = "number/shares-of-one-whole"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for group in statements(doc, article).share_sets:
                bounds = [_implied_whole(part, share) for part, share in group.pairs]
                for k, (part, share) in enumerate(group.pairs):
                    others = [b for j, b in enumerate(bounds) if j != k]
                    low, high = max(b[0] for b in others), min(b[1] for b in others)
                    if low > high:
                        continue  # the others disagree among themselves: no common whole to hold it to
                    if bounds[k][1] < low or bounds[k][0] > high:
                        whole = (low + high) / 2
                        implied = part.written_like(100 * part.value / share.value)
                        yield self.finding(
                            share.start, share.end,
                            f"同句其他占比推得的总数约为{part.written_like(whole)}，而{part.text}占{share.text}推得{implied}，此占比与其他各项不一致",
                            related=tuple(_span(p, "同一总数的另一部分") for j, (p, _) in enumerate(group.pairs) if j != k),
                        )


def _implied_whole(part: Quantity, share: Quantity) -> tuple[float, float]:
    low_share = max(share.value - share.tolerance(), 1e-9)
    return (100 * (part.value - part.tolerance()) / (share.value + share.tolerance()), 100 * (part.value + part.tolerance()) / low_share)


@register
class BreakdownShares(Rule):
    """The shares of a complete breakdown's parts that do not make 100.

    Where each of 第一、第二、第三产业 (or 城镇/乡村, 出口/进口 …) is given its
    贡献率 or its 占比, the parts make up the whole, so the shares add up to 100
    within their rounding.

    Bad:  第一产业……贡献率2.7%……第二产业……贡献率53.6%……第三产业……贡献率61.7%
    Good: 第一产业……贡献率2.7%……第二产业……贡献率35.6%……第三产业……贡献率61.7%
    """

    id = "number/breakdown-shares"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in statements(doc, article).breakdown_shares:
                total = sum(q.value for q in claim.shares)
                slack = sum(q.tolerance() for q in claim.shares)
                if abs(total - 100) <= slack + 1e-9:
                    continue
                decimals = max(q.decimals for q in claim.shares)
                written = "+".join(q.text for q in claim.shares)
                yield self.finding(
                    claim.shares[-1].start, claim.shares[-1].end,
                    f"{claim.dimension}各部分{claim.kind}相加为{total:.{decimals}f}%（{written}），应为100%",
                    related=tuple(_span(q, claim.kind) for q in claim.shares[:-1]),
                )


_FLOOR = lazy(r"(?:超过?|突破|逾|超出|迈上|站上|跨越)$")
_CEILING = lazy(r"(?:近|不到|不足|将近|接近)$")


@register
class HeadlineFigure(Rule):
    """A figure in the headline, kicker or deck that the lead of the story contradicts.

    The headline figure must be one the first paragraphs give for the same thing
    (the same unit, and the words around it shared: 致29人死亡 against 造成28人死亡).
    A floor in the headline (超7200万人次, 突破20亿) must be met by the body's
    figure, a ceiling (近) not exceeded. Headline figures the body does not
    restate are not checked.

    Bad:  加沙地带南部一所学校遭轰炸 致29人死亡 / ……造成28人死亡。
    Good: 加沙地带南部一所学校遭轰炸 致29人死亡 / ……造成29人死亡。
    """

    id = "number/headline-figure"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            body = [q for b in article.body for q in block_quantities(doc, b) if not q.in_range and not q.approximate]
            lead_end = article.body[2].end if len(article.body) > 2 else (article.body[-1].end if article.body else 0)
            for block in article.title_blocks:
                for figure in block_quantities(doc, block):
                    if figure.in_range or not figure.unit or figure.unit in ("%", "％"):
                        continue
                    before = block.text[max(0, figure.start - block.start - 3) : figure.start - block.start]
                    floor, ceiling = bool(_FLOOR.search(before)), bool(_CEILING.search(before))
                    if figure.approximate and not (floor or ceiling):
                        continue
                    same = [q for q in body if q.unit == figure.unit and _same_thing(figure, q)]
                    if any(_agrees(figure, q, floor, ceiling) for q in same):
                        continue  # the body gives it somewhere
                    # The evidence against: a figure of the lead of like size (a slip changes digits, not the scale).
                    same = [q for q in same if q.start < lead_end and 0.5 <= q.value / max(figure.value, 1e-9) <= 2]
                    if not same:
                        continue
                    other = same[0]
                    bound = "至少" if floor else "不超过" if ceiling else ""
                    yield self.finding(
                        figure.start, figure.end,
                        f"标题中的“{figure.text}”{bound and '意味着' + bound + figure.text}与正文中的“{other.text}”不符",
                        related=tuple(_span(q, "正文中的数字") for q in same),
                    )


def _agrees(headline: Quantity, body: Quantity, floor: bool, ceiling: bool) -> bool:
    if floor:
        return body.value + _slack(body) >= headline.value
    if ceiling:
        return body.value - _slack(body) <= headline.value
    return abs(headline.value - body.value) <= _slack(headline) + _slack(body) + 1e-9


def _same_thing(headline: Quantity, body: Quantity) -> bool:
    """The words after the figure (人死亡, 项措施) or a run of four before it are shared."""
    after = headline.label_after[:4]
    if len(after) >= 2 and body.label_after.startswith(after[:2]):
        return True
    return _shares_run(headline.label_before, body.label_before, 4) or _shares_run(headline.label_after, body.label_before, 3)


def _shares_run(a: str, b: str, size: int) -> bool:
    return any(a[i : i + size] in b for i in range(len(a) - size + 1))


@register
class StructureSum(Rule):
    """A structure of shares (三次产业结构为7.7:57.5:34.8) that does not make 100.

    The parts of a structure are shares of one whole, so they add up to 100
    within the rounding of each (11.4:31.2:57.5 = 100.1 holds: three figures
    rounded to one decimal may be off by 0.15 together).

    Bad:  三次产业结构为7.7:57.5:38.4
    Good: 三次产业结构为7.7:57.5:34.8
    """

    id = "number/structure-sum"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for structure in statements(doc, article).structures:
                total = sum(structure.shares)
                slack = len(structure.shares) * 0.5 * 10 ** (-structure.decimals)
                if abs(total - 100) <= slack + 1e-9 or total < 90:
                    continue  # far under 100: a ratio of another kind (城乡收入比 2.5:1), not a structure
                written = "+".join(f"{v:.{structure.decimals}f}" for v in structure.shares)
                yield self.finding(
                    structure.start, structure.end,
                    f"结构各部分相加为{total:.{structure.decimals}f}（{written}），应为100",
                )


@register
class GapsFromOneBase(Rule):
    """Two gaps in percentage points to one rate that imply two different rates.

    分别增长23.7%和50.7%，分别高于全市整体增幅7.7和34.7个百分点: each rate minus
    its gap is the city's rate (16%), so the two must agree within rounding,
    whether or not that rate is printed.

    Bad:  同比分别增长23.7%和50.7%，分别高于全市整体增幅7.7和37.4个百分点
    Good: 同比分别增长23.7%和50.7%，分别高于全市整体增幅7.7和34.7个百分点
    """

    id = "number/gaps-from-one-base"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in statements(doc, article).gap_pairs:
                bases = [v - claim.sign * g.value for v, g in zip(claim.values, claim.gaps)]
                slack = sum(_slack(q) for q in claim.rates) + sum(_slack(q) for q in claim.gaps)
                if abs(bases[0] - bases[1]) <= slack + 1e-9:
                    continue
                decimals = max(q.decimals for q in claim.rates + claim.gaps)
                yield self.finding(
                    claim.gaps[1].start, claim.gaps[1].end,
                    f"两个差值推出的比较基数不一致：{claim.rates[0].text}对应{bases[0]:.{decimals}f}%，"
                    f"{claim.rates[1].text}对应{bases[1]:.{decimals}f}%",
                    related=tuple(_span(q, "增速") for q in claim.rates) + (_span(claim.gaps[0], "另一差值"),),
                )


@register
class PointsGap(Rule):
    """A gap in percentage points that does not match the two rates it compares.

    增长5.5%，高于GDP增速0.2个百分点 is checked against the GDP growth printed
    earlier; a rate in brackets (高于全国（5.4%）0.1个百分点) and 快于序时进度
    (the share of the year the period covers: 1-4月 is 33.3%) are read too. Error
    where the other rate is printed in the phrase or computed from the period,
    warning where it is found by its label.

    Bad:  第二产业增加值增长5.5%，高于GDP增速0.5个百分点 (GDP 5.3%)
    Good: 第二产业增加值增长5.5%，高于GDP增速0.2个百分点
    """

    id = "number/points"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in statements(doc, article).points:
                gap = claim.sign * (claim.rate_value - claim.other)
                other_tolerance = 0.5 * 10 ** (-claim.other_decimals)
                slack = claim.rate.tolerance() + other_tolerance + claim.points.tolerance()
                if abs(gap - claim.points.value) <= slack * 1.0001:
                    continue
                other = f"{claim.other:.{min(claim.other_decimals, 2)}f}%"
                yield self.finding(
                    claim.points.start, claim.points.end,
                    f"{claim.rate.text}与{other}相差{abs(claim.rate_value - claim.other):.{max(claim.points.decimals, 1)}f}个百分点，"
                    f"与所写的{claim.points.text}不符",
                    related=(_span(claim.rate, "本项增速"), Related(*claim.other_at, "比较的增速")),
                    severity=None if claim.certain else Severity.WARNING,
                )


@register
class CountOfList(Rule):
    """A count that does not match the items listed with it.

    江苏、浙江、安徽三省 names three; 从五个方面 followed by 一是……四是 names four.
    Only a closed list is checked (a list ending in 等 may be partial: number/
    enumeration reads those).

    Bad:  在钢结构、机械、电器、船舶五个领域
    Good: 在钢结构、机械、电器、船舶四个领域
    """

    id = "number/count-of-list"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in statements(doc, article).counts:
                if claim.open_list or claim.agrees():
                    continue
                yield self.finding(
                    claim.start, claim.end,
                    f"写的是{claim.count}项，列出的却有{claim.items}项",
                    related=(Related(*claim.related, "所列各项"),),
                )


@register
class ChangeOfFigure(Rule):
    """A change that is not the difference of the two figures it is told between.

    人口为137349万人。同2010年的133972万人相比，五年共增加3377万人: the figure now
    less the earlier one is the change, within the rounding of the three printed
    figures. Only a change told right after the figure it changes is checked.

    Bad:  全国人口为137349万人。同2010年的133972万人相比，五年共增加3737万人。
    Good: 全国人口为137349万人。同2010年的133972万人相比，五年共增加3377万人。
    """

    id = "number/change-of-figure"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in statements(doc, article).differences:
                difference = claim.sign * (claim.current.value - claim.base.value)
                slack = _slack(claim.current) + _slack(claim.base) + _slack(claim.change)
                if abs(difference - claim.change.value) <= slack * 1.0001 + 1e-9:
                    continue
                yield self.finding(
                    claim.change.start, claim.change.end,
                    f"{claim.current.text}与{claim.base.text}相差{_shown(abs(claim.current.value - claim.base.value), claim.change)}"
                    f"{_UNIT_TEXT.sub('', claim.change.text)}，"
                    f"与所写的{'增加' if claim.sign > 0 else '减少'}{claim.change.text}不符",
                    related=(_span(claim.current, "现值"), _span(claim.base, "对比值")),
                )
