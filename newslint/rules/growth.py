"""number, continued: growth statements (a change against its rate, a contribution against its whole's growth).

Read by newslint.statements.growth; each check holds within the rounding of the
printed figures, as the other arithmetic rules do.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..finding import Finding, Severity
from ..numbers import Quantity
from ..rule import Rule, register
from ..statements import growth, levels
from .arithmetic import _UNIT_TEXT, _slack, _span


def _rate_bounds(change: Quantity, figure: Quantity, sign: int, is_base: bool) -> tuple[float, float]:
    """The rates, in %, that values within the rounding of a change and its figure give."""
    low_change, high_change = change.value - _slack(change), change.value + _slack(change)
    low_figure, high_figure = figure.value - _slack(figure), figure.value + _slack(figure)
    if is_base:
        low_base, high_base = low_figure, high_figure
        return 100 * low_change / max(high_base, 1e-12), 100 * high_change / max(low_base, 1e-12)
    # the figure a year before is the figure now less the change (or plus a fall)
    low_base, high_base = low_figure - sign * high_change, high_figure - sign * low_change
    if sign < 0:
        low_base, high_base = low_figure + low_change, high_figure + high_change
    return 100 * low_change / max(high_base, 1e-12), 100 * high_change / max(low_base, 1e-12)


def _fits(value: float, tolerance: float, bounds: tuple[float, float]) -> bool:
    low, high = bounds
    return low - tolerance <= value <= high + tolerance + 1e-9


@register
class ChangeRate(Rule):
    """A rate of change that does not match the change and the figure it is told with.

    完成26876万元，同比增加2168万元，增长8.8%: the figure a year before is 26876 − 2168
    = 24708, and 2168 ÷ 24708 = 8.8%. Where the copy names the earlier figure (同2010年的
    133972万人相比，共增加3377万人，增长2.52%) the rate is the change over it. Every figure
    of the same unit earlier in the sentence is tried; the statement is wrong only if
    none of them gives the printed rate within the rounding. Error where only one
    figure can be meant, warning otherwise.

    Bad:  地方一般公共预算收入完成26876万元，同比增加2618万元，增长8.8%。
    Good: 地方一般公共预算收入完成26876万元，同比增加2168万元，增长8.8%。
    """

    id = "number/change-rate"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in growth.growth_statements(doc, article).changes:
                if self._holds(claim):
                    continue
                figure = (claim.currents or claim.bases)[-1]
                is_base = not claim.currents
                low, high = _rate_bounds(claim.change, figure, claim.sign, is_base)
                implied = (low + high) / 2
                base = figure.written_like(figure.value if is_base else figure.value - claim.sign * claim.change.value) + _UNIT_TEXT.sub("", figure.text)
                verb = "增长" if claim.sign > 0 else "下降"
                shown = f"{implied:.{max(claim.rate.decimals, 1)}f}%"
                yield self.finding(
                    min(claim.change.start, claim.rate.start), max(claim.change.end, claim.rate.end),
                    f"{claim.change.text}÷{base}（上期）={shown}，与所写的{verb}{claim.rate.text}不符",
                    related=(_span(figure, "变化所属的数字"),),
                    severity=None if len(claim.currents) + len(claim.bases) == 1 else Severity.WARNING,
                )

    @staticmethod
    def _holds(claim: growth.RateOfChange) -> bool:
        tolerance = claim.rate.tolerance()
        return any(
            _fits(claim.rate.value, tolerance, _rate_bounds(claim.change, figure, claim.sign, is_base))
            for figures, is_base in ((claim.currents, False), (claim.bases, True))
            for figure in figures
        )


@register
class ContributionPoints(Rule):
    """Points pulled (拉动) that are not the whole's growth times the part's 贡献率.

    最终消费支出对经济增长贡献率为60.5%，拉动GDP增长3.0个百分点: with GDP growing 5.0%,
    the part pulls 5.0 × 60.5% = 3.0 points. The whole's rate is found by its name
    (GDP, 地区生产总值, 规模以上工业) earlier in the article; every such rate is tried,
    and the statement is reported only if none gives the printed points within the
    rounding. A warning: the whole is found by its label.

    Bad:  国内生产总值同比增长5.0%。最终消费支出对经济增长贡献率为60.5%，拉动GDP增长3.6个百分点。
    Good: 国内生产总值同比增长5.0%。最终消费支出对经济增长贡献率为60.5%，拉动GDP增长3.0个百分点。
    """

    id = "number/contribution"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in growth.growth_statements(doc, article).contributions:
                if any(self._fits(claim, whole) for whole in claim.wholes):
                    continue
                whole = claim.wholes[0]
                product = whole.value * claim.share.value / 100
                yield self.finding(
                    claim.points.start, claim.points.end,
                    f"{whole.text}×{claim.share.text}={product:.{max(claim.points.decimals, 1)}f}个百分点，与所写的拉动{claim.points.text}不符",
                    related=(_span(whole, "整体增速"), _span(claim.share, "贡献率")),
                )

    @staticmethod
    def _fits(claim: growth.Contribution, whole: Quantity) -> bool:
        share, points = claim.share, claim.points
        ends = [
            (whole.value + a * whole.tolerance()) * (share.value + b * share.tolerance()) / 100
            for a in (-1, 1) for b in (-1, 1)
        ]
        return _fits(points.value, points.tolerance(), (min(ends), max(ends)))


@register
class PassedMark(Rule):
    """Figures said together to pass a mark that one of them does not reach.

    分别为2147万辆和2157.1万辆，……双双超过2000万辆: each figure listed after 分别 must
    be above the mark (超过, 突破) or at least at it (登上, 迈上, 站上), within the
    rounding of the figure.

    Bad:  两省粮食总产量分别达到5571万吨和5453万吨，双双登上5500万吨新台阶。
    Good: 两省粮食总产量分别达到5571万吨和5543万吨，双双登上5500万吨新台阶。
    """

    id = "number/passed-mark"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in levels.level_statements(doc, article).marks:
                for figure in claim.figures:
                    reach = figure.value + _slack(figure)
                    if reach > claim.mark.value or (reach >= claim.mark.value and not claim.strict):
                        continue
                    yield self.finding(
                        figure.start, figure.end,
                        f"{figure.text}不到{claim.mark.text}，与所说的都已超过或达到{claim.mark.text}不符",
                        related=(_span(claim.mark, "所说的标准"),),
                    )


@register
class IncomeRatio(Rule):
    """An urban-rural income ratio that the two incomes printed do not give.

    城乡居民收入比1.54 against 城镇居民人均可支配收入69410元 and 农村居民人均可支配收入
    45071元: 69410 ÷ 45071 = 1.54. Every urban and rural figure of the article is
    tried (a release may give a quarter's and a year's); the ratio is reported only
    if no pair gives it within the rounding. A warning: the incomes are found by label.

    Bad:  城镇居民人均可支配收入69410元；农村居民人均可支配收入45071元。城乡居民收入比1.45。
    Good: 城镇居民人均可支配收入69410元；农村居民人均可支配收入45071元。城乡居民收入比1.54。
    """

    id = "number/income-ratio"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            for claim in levels.level_statements(doc, article).ratios:
                pairs = [(u, r) for u in claim.urban for r in claim.rural]
                if any(self._fits(claim.ratio, u, r) for u, r in pairs):
                    continue
                urban, rural = pairs[0]
                yield self.finding(
                    claim.ratio.start, claim.ratio.end,
                    f"{urban.text}÷{rural.text}={urban.value / rural.value:.{max(claim.ratio.decimals, 1)}f}，与所写的城乡收入比{claim.ratio.text}不符",
                    related=(_span(urban, "城镇居民收入"), _span(rural, "农村居民收入")),
                )

    @staticmethod
    def _fits(ratio: Quantity, urban: Quantity, rural: Quantity) -> bool:
        low = (urban.value - _slack(urban)) / (rural.value + _slack(rural))
        high = (urban.value + _slack(urban)) / max(rural.value - _slack(rural), 1e-12)
        return _fits(ratio.value, ratio.tolerance(), (low, high))
