"""Gaps in percentage points against the two rates they compare: 高于GDP增速0.2个百分点, 分别快于……"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from ..document import Block
from ..numbers import Quantity
from ..patterns import lazy
from .claims import GapsFromOneBase, PointsClaim
from .reading import _CLAUSE_MARK, _between, _sentence_before, _sentence_start, _signed

_POINTS = lazy(
    r"(?P<verb>快于|高于|低于|慢于|超过|超出|领先|落后)(?P<other>[^，。；;\d（(]{1,30}?)(?:[（(](?P<bracket>-?\d+(?:\.\d+)?)[%％][）)])?"
    r"(?P<points>\d+(?:\.\d+)?)个百分点"
)


# 分别高于全国（5.4%）、全省（5.2%）0.1和0.3个百分点
_POINTS_EACH = lazy(
    r"分别(?P<verb>快于|高于|低于|慢于)(?P<others>(?:[^，。；（()）]{1,12}[（(]-?\d+(?:\.\d+)?[%％][）)][、和及]?){2,3})"
    r"(?P<points>\d+(?:\.\d+)?(?:个百分点)?(?:[、和及]\d+(?:\.\d+)?(?:个百分点)?){1,2})个百分点"
)


_BRACKETED_RATE = lazy(r"[（(](?P<rate>-?\d+(?:\.\d+)?)[%％][）)]")


_POINT_VALUE = lazy(r"\d+(?:\.\d+)?")


_OTHER_NOISE = lazy(r"^(?:同期|同口径)|(?:的|增速|增幅|增长|平均水平|整体增幅|整体|平均|水平|速度)+$")


# 分别高于全市整体增幅7.7和34.7个百分点, 比规上中小企业分别高5.5个、2.9个百分点
_GAPS_EACH = lazy(
    r"(?:分别(?:比|较)?[^，。；\d（(]{0,20}?(?P<verb>快于|高于|低于|慢于|快|高|低|慢)|(?:比|较)[^，。；\d（(]{1,20}?分别(?P<verb2>快|高|低|慢))"
    r"[^，。；\d（(]{0,20}?(?P<a>\d+(?:\.\d+)?)(?:个百分点|个)?[、和及](?P<b>\d+(?:\.\d+)?)个百分点"
)


def _points_figure(start: int, raw: str) -> Quantity:
    """A gap written as a bare number in a list of them (5.8和3.8个百分点): a figure in 个百分点."""
    return Quantity(start, start + len(raw), raw, float(raw), "个百分点", len(raw.split(".")[1]) if "." in raw else 0, 1.0, False, "", "")


def _gaps_from_one_base(block: Block, quantities: list[Quantity], rates: list[tuple[Quantity, str]]) -> Iterator[GapsFromOneBase]:
    """Two rates, then 分别高于 X a和b个百分点: both gaps must come from one rate of X."""
    rate_starts = [q.start for q, _ in rates]
    for match in _GAPS_EACH.finditer(block.text):
        at = block.start + match.start()
        own = _between(rates, rate_starts, _sentence_start(block, at), at)
        if len(own) < 2:
            continue
        (first, first_clause), (second, second_clause) = own[-2], own[-1]
        between = block.text[first.end - block.start : second.start - block.start]
        compared = block.text[match.start() : match.start("a")]
        if len(between) > 25 or not any(j in between for j in "和、及") or any(j in compared for j in "、和与及"):
            continue  # not two subjects against one rate (增长8.5%，分别高于国、省…: one against two)
        gaps = [_points_figure(block.start + match.start(group), match.group(group)) for group in ("a", "b")]
        verb = match.group("verb") or match.group("verb2")
        sign = 1 if verb in ("快于", "高于", "快", "高") else -1
        yield GapsFromOneBase((first, second), (_signed(first, first_clause), _signed(second, second_clause)), (gaps[0], gaps[1]), sign)


def _points_each(block: Block, quantities: list[Quantity], rates: list[tuple[Quantity, str]]) -> Iterator[PointsClaim]:
    """One rate against several printed in brackets: 分别高于全国（5.4%）、全省（5.2%）0.1和0.3个百分点."""
    rate_starts = [q.start for q, _ in rates]
    for match in _POINTS_EACH.finditer(block.text):
        at = block.start + match.start()
        own = _between(rates, rate_starts, _sentence_start(block, at), at)
        others = list(_BRACKETED_RATE.finditer(match.group("others")))
        values = list(_POINT_VALUE.finditer(match.group("points")))
        if not own or len(others) != len(values):
            continue
        rate, clause = own[-1]
        sign = 1 if match.group("verb") in ("快于", "高于") else -1
        base = match.start("others")
        for other, value in zip(others, values):
            points = _points_figure(block.start + match.start("points") + value.start(), value.group())
            raw = other.group("rate")
            where = (block.start + base + other.start("rate"), block.start + base + other.end("rate"))
            yield PointsClaim(rate, _signed(rate, clause), float(raw), len(raw.split(".")[1]) if "." in raw else 0, where, points, sign, True)


def _points(block: Block, quantities: list[Quantity], rates: list[tuple[Quantity, str]], earlier: list[tuple[Quantity, str]],
            period: int | None) -> Iterator[PointsClaim]:
    yield from _points_each(block, quantities, rates)
    rate_starts = [q.start for q, _ in rates]
    by_start = {q.start: q for q in quantities}
    percents = [q for q in quantities if q.is_percent]
    percent_ends = [q.end for q in percents]
    percent_starts = [q.start for q in percents]
    recent = earlier[-200:] + rates  # what a gap may be compared with: the rates printed not long before
    for match in _POINTS.finditer(block.text):
        at = block.start + match.start()
        own = _between(rates, rate_starts, _sentence_start(block, at), at)
        points = by_start.get(block.start + match.start("points"))
        if "分别" in block.text[max(0, match.start() - 4) : match.start()]:
            continue
        if not own and "序时进度" in match.group("other") and period:
            own = [(q, _sentence_before(block, q)) for q in _between(percents, percent_starts, _sentence_start(block, at), at)]
        if not own or points is None:
            continue
        rate, clause = own[-1]
        nearest = percents[bisect.bisect_right(percent_ends, at) - 1] if percent_ends and percent_ends[0] <= at else None
        if nearest is not None and nearest is not rate:
            continue  # the gap is of the figure just before it (占比27.0%，占比高于……), which is no rate
        other_name = _OTHER_NOISE.sub("", match.group("other"))
        sign = 1 if match.group("verb") in ("快于", "高于", "超过", "超出", "领先") else -1
        if match.group("bracket"):
            other = float(match.group("bracket"))
            decimals = len(match.group("bracket").split(".")[1]) if "." in match.group("bracket") else 0
            where = (block.start + match.start("bracket"), block.start + match.end("bracket"))
            yield PointsClaim(rate, _signed(rate, clause), other, decimals, where, points, sign, True)
        elif "序时进度" in other_name and period:
            yield PointsClaim(rate, _signed(rate, clause), 100 * period / 12, 6, (at, at + len(match.group())), points, sign, True)
        elif len(other_name) >= 2:
            found = _rate_named(other_name, [(q, c) for q, c in recent if q.start < at], rate, block.start)
            if found is not None:
                other_rate, other_clause = found
                where = (other_rate.start, other_rate.end)
                yield PointsClaim(rate, _signed(rate, clause), _signed(other_rate, other_clause), other_rate.decimals, where, points, sign, False)


_ALIASES = {"GDP": ("GDP", "地区生产总值", "国内生产总值", "生产总值")}


# A gap against the whole (全市平均水平, 全部投资, 全省): the whole is the first rate
# of its kind the copy gives, in the paragraph or before it.
_WHOLE_NAME = lazy(r"^(?:全市|全省|全国|全区|全县|全部|全社会|整体)")


def _rate_named(name: str, rates: list[tuple[Quantity, str]], not_this: Quantity, paragraph_start: int = 0) -> tuple[Quantity, str] | None:
    """The rate printed earlier for what a gap compares with (GDP增速 → 地区生产总值……增长5.3%)."""
    keys = next((aliases for key, aliases in _ALIASES.items() if key in name), (name,))
    candidates = [(q, c) for q, c in rates if q is not not_this]
    found = [(q, c) for q, c in candidates if any(key in c for key in keys)]
    if keys != (name,):
        return found[-1] if found else None
    if _WHOLE_NAME.match(name):
        # 全市, 全省: only a rate whose own clause names it (全市规模以上工业增加值增长3.4%), the
        # first such; a sentence that merely ranks (增速全省第7位) does not give the province's rate.
        own_clause = [(q, c) for q, c in candidates if name in _CLAUSE_MARK.split(c)[-1]]
        if own_clause:
            return own_clause[0]
        # 快于全部投资: the rate of the whole its paragraph opens with (全国固定资产投资……增长8.9%).
        bare = name[2:] if name.startswith("全部") else ""
        return next(((q, c) for q, c in candidates if q.start >= paragraph_start and len(bare) >= 2 and bare in c), None)

    return found[0] if len(found) == 1 else None
