"""Growth statements: a change against its rate, and a contribution against the growth it is part of.

Statistical releases tell a change three ways at once (完成26876万元，同比增加2168万元，
增长8.8%) and a part's weight in a growth two ways (对经济增长的贡献率为60.5%，拉动GDP增长
3.0个百分点). The figures of one such statement fix each other: the rate is the change
over the figure a year before (the figure now less the change), and the points a part
pulls are the whole's growth times its 贡献率. This module reads the statements; the
rules of newslint.rules.growth decide whether they hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article, Block, Document
from ..numbers import Quantity
from ..patterns import lazy
from .reading import _GROWTH, _clause_before, figure_blocks, unit_of

# What a change or a rate may be told against: 同比, 比上年, 比2010年, 较去年同期; 五年共.
_AGAINST = (
    r"(?:同比|环比|(?:比|较)(?:上年|去年)(?:同期)?|(?:比|较)\d{4}年|[一二三四五六七八九十\d]{1,2}年)?(?:共|累计)?"
)
_CHANGE_CLAUSE = lazy(rf"^{_AGAINST}(?P<verb>增加|增收|增产|净增|增长|多|减少|减收|减产|净减|下降|少)了?$")
_RATE_CLAUSE = lazy(rf"^{_AGAINST}(?P<verb>增长|下降|增幅为?|降幅为?|上升|减少)了?$")
_FALLS = frozenset("减少 减收 减产 净减 下降 少 降幅 降幅为".split())
_COMPARED_AFTER = lazy(r"^[^，。；\d]{0,3}相比")
_COMPARATIVE_OPENING = lazy(r"^[同与和较]")
_JOIN = lazy(r"^[，,、]?$")
_CLAUSE_SPLIT = lazy(r"[，,；;：:]")


@dataclass(frozen=True, slots=True)
class RateOfChange:
    """A change and its rate told together (增收8300万元，增长9.1%), with the figures it may be a change of."""

    change: Quantity
    rate: Quantity
    sign: int  # +1 增加/增长, −1 减少/下降
    currents: tuple[Quantity, ...]  # figures now: the rate is change ÷ (figure − change)
    bases: tuple[Quantity, ...]  # figures compared with (同……的133972万人相比): the rate is change ÷ base


@dataclass(frozen=True, slots=True)
class Contribution:
    """A part's 贡献率 and the points it pulls (拉动GDP增长3.0个百分点), with the rates its whole may grow by."""

    share: Quantity  # 贡献率, in %
    points: Quantity  # 拉动, in 个百分点
    target: str  # what it pulls: GDP, 规上工业
    wholes: tuple[Quantity, ...]  # the growth rates printed for that whole


@dataclass
class GrowthStatements:
    changes: list[RateOfChange]
    contributions: list[Contribution]


def growth_statements(doc: Document, article: Article) -> GrowthStatements:
    """The growth statements of one article, read once and shared by the rules."""
    return doc.memo(f"growth:{article.index}", lambda: _read(doc, article))


def _read(doc: Document, article: Article) -> GrowthStatements:
    result = GrowthStatements([], [])
    rates: list[tuple[Quantity, str]] = []  # every growth rate with the sentence before it, in order
    pending: list[tuple[Quantity, Quantity, str]] = []
    for block, quantities in figure_blocks(doc, article):
        result.changes.extend(_rates_of_change(block, quantities))
        for quantity in quantities:
            if quantity.is_percent and not quantity.in_range and _GROWTH.search(_clause_before(block, quantity)):
                rates.append((quantity, _sentence_text(block, quantity)))
        pending.extend(_contribution_pairs(block, quantities))
    for share, points, target in pending:
        keys = _target_keys(target)
        if not keys:
            continue
        first = min(share.start, points.start)
        wholes = tuple(q for q, sentence in rates if q.start < first and _names_whole(sentence, keys))
        if wholes:
            result.contributions.append(Contribution(share, points, target, wholes))
    return result


def _names_whole(sentence: str, keys: tuple[str, ...]) -> bool:
    """地区生产总值完成242.0亿元，……；同比增长5.5%: the rate's own subject is the whole, and no
    other statement (a pull, a share, a comparison) stands between the name and the rate."""
    named = [m.start() for m in _WHOLE_NAMED.finditer(sentence) if m.group() in keys and not _PULLED.search(sentence[max(0, m.start() - 4) : m.start()])]
    at = max(named, default=-1)
    return at >= 0 and not _NOT_WHOLE.search(sentence[at:]) and not _NOT_WHOLE.search(_CLAUSE_SPLIT.split(sentence)[-1])


def _sentence_text(block: Block, quantity: Quantity) -> str:
    """The words before a figure back to the end of the last sentence (a ； does not end it): 地区生产总值完成242.0亿元，……；同比增长5.5%."""
    at = quantity.start - block.start
    start = block.text.rfind("。", 0, at) + 1
    return block.text[max(start, at - 60) : at]


def _rates_of_change(block: Block, quantities: tuple[Quantity, ...]) -> Iterator[RateOfChange]:
    """增加Y，增长X% or 增长X%，增加Y: the change and the rate in clauses side by side."""
    for index, change in enumerate(quantities):
        if change.is_percent or change.approximate or change.in_range or change.unit in ("个百分点", "倍"):
            continue
        verb = _CHANGE_CLAUSE.search(_clause_before(block, change))
        if not verb:
            continue
        rate = _rate_beside(block, quantities, index)
        if rate is None:
            continue
        rate_verb = _RATE_CLAUSE.search(_clause_before(block, rate))
        sign = -1 if verb.group("verb") in _FALLS else 1
        if (-1 if rate_verb.group("verb") in _FALLS else 1) != sign:
            continue
        first = min(change.start, rate.start)
        currents, bases = _figures_changed(block, quantities, change, first)
        if currents or bases:
            yield RateOfChange(change, rate, sign, currents, bases)


def _rate_beside(block: Block, quantities: tuple[Quantity, ...], index: int) -> Quantity | None:
    change = quantities[index]
    for neighbour in (index + 1, index - 1):
        if not 0 <= neighbour < len(quantities):
            continue
        rate = quantities[neighbour]
        left, right = (change, rate) if neighbour > index else (rate, change)
        between = block.text[left.end - block.start : right.start - block.start]
        between = between[: len(between) - len(_clause_before(block, right))]
        if rate.is_percent and not rate.approximate and _JOIN.match(between.strip()) and _RATE_CLAUSE.search(_clause_before(block, rate)):
            return rate
    return None


def _figures_changed(block: Block, quantities: tuple[Quantity, ...], change: Quantity, before: int) -> tuple[tuple[Quantity, ...], tuple[Quantity, ...]]:
    """The figures of the same unit earlier in the sentence (and in the sentence before, when this one
    opens 同……相比): each may be the one the change is of."""
    text = block.text
    sentence_start = text.rfind("。", 0, before - block.start) + 1
    if _COMPARATIVE_OPENING.match(text[sentence_start : sentence_start + 1]):
        sentence_start = text.rfind("。", 0, max(sentence_start - 1, 0)) + 1
    low = block.start + sentence_start
    currents, bases = [], []
    for quantity in quantities:
        if quantity.start >= before:
            break
        if quantity.start < low or quantity.is_percent or quantity.approximate or quantity.in_range or unit_of(quantity) != unit_of(change):
            continue
        if _CHANGE_CLAUSE.search(_clause_before(block, quantity)):
            continue  # another change, not a figure
        if _COMPARED_AFTER.match(text[quantity.end - block.start : quantity.end - block.start + 6]):
            bases.append(quantity)
        else:
            currents.append(quantity)
    return tuple(currents), tuple(bases)


_SHARE_OF_GROWTH = lazy(r"贡献率(?:达到为|达到|达|为|是)?(?P<share>\d+(?:\.\d+)?)[%％]")
_PULL = lazy(r"(?<!负|下)(?:拉动|上拉)(?P<target>[^，。；;\d（(]{0,16}?)(?:增长|增速|增幅)?(?P<points>\d+(?:\.\d+)?)个百分点")
_NOT_WHOLE = lazy(r"贡献|拉动|上拉|占|比重|高于|低于|快于|慢于")
_WHOLE_NAMED = lazy(r"GDP|地区生产总值|国内生产总值|生产总值|规模以上工业|规上工业")
_PULLED = lazy(r"(?:拉动|上拉|占|对)[^，。；]{0,2}$")


def _contribution_pairs(block: Block, quantities: tuple[Quantity, ...]) -> Iterator[tuple[Quantity, Quantity, str]]:
    """贡献率C%，拉动……P个百分点 (or 拉动……，贡献率C%): one part's two figures, at most one clause apart."""
    by_start = {q.start: q for q in quantities}
    shares = [(m, by_start.get(block.start + m.start("share"))) for m in _SHARE_OF_GROWTH.finditer(block.text)]
    pulls = [(m, by_start.get(block.start + m.start("points"))) for m in _PULL.finditer(block.text)]
    for share_match, share in shares:
        for pull_match, points in pulls:
            if share is None or points is None or share.approximate or points.approximate:
                continue
            left, right = sorted((share_match, pull_match), key=lambda m: m.start())
            between = block.text[left.end() : right.start()]
            if len(between) > 24 or "%" in between or "拉动" in between or between.count("，") + between.count("。") > 2:
                continue
            if not _opens_clause(block.text, right.start()) or (right is share_match and "。" in between):
                continue  # 贡献率……，第二产业拉动……: another subject's pull
            yield share, points, pull_match.group("target")


def _opens_clause(text: str, at: int) -> bool:
    """拉动 or 贡献率 with no subject of its own: it tells of the subject before it."""
    return at == 0 or text[at - 1] in "，。；,;" or text[max(0, at - 1) : at] == "并"


_GDP = ("GDP", "地区生产总值", "国内生产总值", "生产总值")
_INDUSTRY = ("规模以上工业", "规上工业")


def _target_keys(target: str) -> tuple[str, ...]:
    """The names the whole's own rate is printed under: 经济增长 and GDP are 地区生产总值 too."""
    if any(key in target for key in ("GDP", "生产总值", "经济")):
        return _GDP
    if "工业" in target and ("规上" in target or "规模以上" in target):
        return _INDUSTRY
    return ()
