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
from ..statements import growth
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
