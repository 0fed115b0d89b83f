"""Read the arithmetic statements statistics copy is made of.

Statistical releases and economic reports state a handful of relations between
figures, in a handful of ways (after the NBS's own release style):

- a total and its parts: 进出口总值30.13万亿元……其中，出口17.44万亿元……进口12.69万亿元;
  分城乡看，城镇……乡村……; 第一产业……第二产业……第三产业……;
- a part named after 其中, or M of N (37个行业中有21个), that cannot exceed its whole;
- a share: 占年初预算数109466万元的90.9%, 占一般公共预算支出的64.7%, 占比10.47%;
- a gap in percentage points: 增长5.5%，高于GDP增速0.2个百分点; 快于序时进度3.4个百分点;
- a count against the items listed: 江苏、浙江、安徽三省; 从五个方面……一是……五是.

This module finds them and hands the number rules plain statements; it decides
nothing about right or wrong. What never adds is left out here: per-capita and
average figures, prices and indices, rates, approximations, ranges.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .document import Article, Block, Document
from .lexicon import read_data
from .numbers import ADDITIVE_UNITS, Quantity, block_quantities, chinese_to_number
from .patterns import lazy
from .spans import Spans

# A figure of this kind is never a part or a total: 人均, 平均, 中位数, 价格, 指数, 每.
_NOT_SUMMED = lazy(r"人均|户均|平均|均价|日均|中位数|每|单价|价格|指数|均为|分别增长")
_GROWTH = lazy(r"增长|下降|增速|增幅|降幅|提高|回落|上涨|下跌|同比|环比|比上年|比去年|减少|扩大|收窄|上升|下滑|涨|降")
_CHANGE = lazy(r"(?:增加|减少|增收|减收|增长|下降|净增|净减|多|少|增|减|扩大|缩小)了?$")
# A part told of another period than its whole (1-7月 … 其中，7月份有23个): not a part of it.
_OTHER_PERIOD = lazy(r"\d{1,2}月份?|[一二三四五六七八九十]{1,2}月份|当月|上月|同期|去年|上年|今年|前年")
_SUMMED_AFTER = lazy(r"[，,]?\s*(?:合计|共计|总计)")
_FALL = lazy(r"下降|回落|下跌|减少|下滑|收窄|降")
_CLAUSE_MARK = lazy(r"[，；。！？：,;:!?](?<!\d,(?=\d))")
_QIZHONG = lazy(r"其中[，,：:]?")
_SHARE = lazy(
    r"占(?!比)(?P<whole>[^，。；;占]{0,40}?)的?(?:比重|比例)?(?:为|达到?|达|是|升至|升到|降至)?(?P<pct>\d+(?:\.\d+)?)[%％]"
    r"|(?:占比|所占比重|比重)(?:为|达到?|达|是|升至|升到|降至)?(?P<pct2>\d+(?:\.\d+)?)[%％]"
    # 完成全年900万人目标的73%: a share of a whole printed in the phrase itself
    r"|(?:完成|达到|相当于)(?P<whole3>[^，。；;占的]{0,20}?\d[^，。；;占的]{0,12}?)的(?P<pct3>\d+(?:\.\d+)?)[%％]"
)
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
_PERIOD = lazy(r"(?:1|一)\s*[-—－~～至到]\s*(?P<month>\d{1,2}|[一二三四五六七八九十]{1,2})月|前(?P<months>[一二三四五六七八九十]{1,2}|\d{1,2})个月"
               r"|(?P<quarter>一季度|上半年|前三季度|三季度)")
_QUARTER_MONTHS = {"一季度": 3, "上半年": 6, "前三季度": 9, "三季度": 9}
_OTHER_NOISE = lazy(r"^(?:同期|同口径)|(?:的|增速|增幅|增长|平均水平|整体增幅|整体|平均|水平|速度)+$")
# Items are short names, without digits, 等 or 的 (those make a phrase, not a list).
_ITEM = r"(?![零一二两三四五六七八九十几])(?:(?![等的])[\p{Han}A-Za-z·]){1,7}"
_COUNT_AFTER_LIST = lazy(
    r"(?<=^|[，,。；;：:（(\s“]|在|于|对|从|是|为|包括|涉及|覆盖|聚焦|围绕|有|了)"
    rf"(?P<items>(?:{_ITEM}、)+{_ITEM}?(?:(?:和|及|与){_ITEM})?)"
    r"(?<![是有为在和的了零一二两三四五六七八九十几百千])(?<=\p{Han}{2}|等)"
    r"(?P<etc>等)?(?P<count>[两二三四五六七八九十]|\d)(?P<word>个|项|大|种|类|省|市|国|件|条|家|位|名|所|座)(?!集团|组织|联盟)"
    r"(?P<what>[\p{Han}]{0,4})"
)
_COUNT_AFTER_LONG_LIST = lazy(
    rf"(?P<items>(?:{_ITEM}、){{2,}}{_ITEM})(?<=\p{{Han}}{{2}})(?P<etc>)(?P<count>[三四五六七八九十])(?P<word>大)(?P<what>[\p{{Han}}]{{0,4}})"
)
_PLACE_WORDS = frozenset("省 市 国 区 县")
# What 三大, 六大 count: fields, sectors, indicators (not 五大湖, 四大名著).
_CATEGORY = lazy(
    r"[\p{Han}]{0,2}(?:领域|指标|行业|产业|板块|工程|任务|方面|区域|城市|门类|片区|战略|体系|功能|平台|中心|基地|市场|大事|要事|举措|措施|行动|环节|国家|省份|地区)"
)
_COUNT_THEN_ORDINALS = lazy(
    r"(?<![\d.])(?P<count>[两二三四五六七八九十]|\d{1,2})(?:个方面|方面|点|项|条)"
    r"(?:方面|任务|举措|措施|建议|要求|期许|意见|重点|工作|内容|特点|原因|目标)?"
)
_ORDINAL = lazy(r"(?:^|[。；;：:，,\s])(?P<n>[一二三四五六七八九十]{1,2})是")
_M_OF_N = lazy(
    r"(?P<n>\d+|[两二三四五六七八九十]{1,3})(?P<unit>个|家|项|类|所|座)(?P<what>[\p{Han}]{0,10}?)(?:中|里|之中)[，,]?(?:有|共有|其中)?"
    r"(?P<m>\d+|[两二三四五六七八九十]{1,3})(?P=unit)"
)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A total and parts that, by their labels, make up all of it."""

    totals: tuple[Quantity, ...]  # the figures before the parts it may break down, nearest first
    parts: tuple[Quantity, ...]
    dimension: str  # the members that make it complete: 城镇/乡村

    @property
    def total(self) -> Quantity:
        return self.matched or self.totals[0]

    @property
    def matched(self) -> Quantity | None:
        """The first total the parts add up to, within the rounding of the figures."""
        summed = sum(q.value for q in self.parts)
        slack = sum(q.tolerance() for q in self.parts)
        return next((t for t in self.totals if abs(summed - t.value) <= (t.tolerance() + slack) * 1.0001 + 1e-9), None)


@dataclass(frozen=True, slots=True)
class PartOf:
    """A part that cannot exceed its whole: 其中…, or M of N."""

    whole: Quantity
    part: Quantity


@dataclass(frozen=True, slots=True)
class ListedParts:
    """Parts listed after a total with 、 (通过21件，包括制定法律6件、修改法律8件、……决定7件):
    the list may leave parts out, but together they cannot exceed the total."""

    whole: Quantity
    parts: tuple[Quantity, ...]


@dataclass(frozen=True, slots=True)
class Difference:
    """A change told against an earlier figure (同2010年的133972万人相比，五年共增加3377万人):
    the figure now less the earlier one must be the change."""

    current: Quantity
    base: Quantity
    change: Quantity
    sign: int  # +1 增加, −1 减少


@dataclass(frozen=True, slots=True)
class ShareClaim:
    """A printed share against the part and the whole it is a share of."""

    part: Quantity
    whole: Quantity
    share: Quantity
    certain: bool  # the whole is named in the same phrase, not matched by its label


@dataclass(frozen=True, slots=True)
class PointsClaim:
    """A gap in percentage points against the two rates it compares."""

    rate: Quantity  # the subject's rate
    rate_value: float  # signed: a fall is negative
    other: float  # the rate it is compared with
    other_decimals: int
    other_at: tuple[int, int]  # where that rate is printed (or the period it is computed from)
    points: Quantity
    sign: int  # +1: rate − other = points (高于, 快于); −1: other − rate (低于, 慢于)
    certain: bool


@dataclass(frozen=True, slots=True)
class CountClaim:
    """A count against the items it counts: 江苏、浙江、安徽三省; 五个方面 … 一是…五是."""

    start: int
    end: int
    count: int
    items: int
    open_list: bool  # 等: the list may be partial, so only a count below the items is wrong
    related: tuple[int, int]
    items_if_joined: int = 0  # 国防和军队 may be one item: the count of the list with its last 和 not splitting

    def agrees(self) -> bool:
        return self.count in (self.items, self.items_if_joined or self.items)


@dataclass(frozen=True, slots=True)
class SharesOfOneWhole:
    """Parts of one sentence each given a share of an unnamed whole (0-14岁……占16.52%；15-59岁……占67.33%)."""

    pairs: tuple[tuple[Quantity, Quantity], ...]  # (part, share)


@dataclass(frozen=True, slots=True)
class Structure:
    """A structure printed as a ratio of shares that make up a whole: 三次产业结构为7.7:57.5:34.8."""

    start: int
    end: int
    shares: tuple[float, ...]
    decimals: int


@dataclass(frozen=True, slots=True)
class BreakdownShares:
    """The shares each part of a complete breakdown is given (贡献率, 占比): together they make 100."""

    kind: str  # 贡献率 or 占比
    shares: tuple[Quantity, ...]
    dimension: str


@dataclass(frozen=True, slots=True)
class GapsFromOneBase:
    """Two rates each given a gap to one unnamed or unprinted rate: 分别高于全市整体增幅7.7和34.7个百分点."""

    rates: tuple[Quantity, Quantity]
    values: tuple[float, float]  # signed
    gaps: tuple[Quantity, Quantity]
    sign: int


@dataclass
class ArticleStatements:
    breakdowns: list[Breakdown]
    part_ofs: list[PartOf]
    shares: list[ShareClaim]
    points: list[PointsClaim]
    counts: list[CountClaim]
    share_sets: list[SharesOfOneWhole]
    structures: list[Structure]
    breakdown_shares: list[BreakdownShares]
    gap_pairs: list[GapsFromOneBase]
    listed_parts: list[ListedParts]
    differences: list[Difference]


@functools.cache
def _dimensions() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Sets of part labels that exhaust their total (data/complete-breakdowns.txt).

    After `=` a line names the whole (进出口): a label with that name is the total,
    never a member, though it contains a member's name (进出口 contains 出口)."""
    dimensions = []
    for line in read_data("complete-breakdowns.txt"):
        members, _, wholes = line.partition("=")
        dimension = [tuple(member.split("|")) for member in members.split()]
        dimension.append(tuple("=" + whole for whole in wholes.replace("|", " ").split()))
        dimensions.append(tuple(dimension))
    return tuple(dimensions)


def _members(dimension: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return dimension[:-1]


def statements(doc: Document, article: Article) -> ArticleStatements:
    """Every statement of one article, read once and shared by the number rules."""
    return doc.memo(f"statements:{article.index}", lambda: _read_article(doc, article))


def _read_article(doc: Document, article: Article) -> ArticleStatements:
    result = ArticleStatements([], [], [], [], [], [], [], [], [], [], [])
    amounts_seen: list[Quantity] = []
    rates_seen: list[tuple[Quantity, str]] = []
    clauses: dict[int, str] = {}  # the clause before each amount: what it is of
    periods: dict[int, str] = {}  # the period each amount's paragraph opens with: when it is of
    period = _period_months(" ".join(b.text for b in article.blocks[:4]))
    blocks = [b for b in article.blocks if b.kind.value in ("body", "list-item", "subhead")]
    percents: list[Quantity] = []
    for position, block in enumerate(blocks):
        quantities = block_quantities(doc, block)
        amounts = [q for q in quantities if _is_amount(block, q)]
        clauses.update((q.start, _clause_before(block, q)) for q in amounts)
        periods.update(_periods_before(block, amounts))
        rates = [(q, _sentence_before(block, q)) for q in quantities if q.is_percent and not q.in_range and _GROWTH.search(_clause_before(block, q))]
        result.breakdowns.extend(_breakdowns(amounts, amounts_seen, clauses))
        result.breakdowns.extend(_counted_breakdowns(block, amounts, clauses))
        result.part_ofs.extend(_part_ofs(block, quantities, amounts))
        result.part_ofs.extend(_m_of_n(block))
        result.listed_parts.extend(_listed_parts(block, amounts))
        result.differences.extend(_differences(block, quantities))
        result.shares.extend(_shares(block, quantities, amounts, amounts_seen, result.breakdowns, result.part_ofs, clauses, periods))
        result.share_sets.extend(_shares_of_one_whole(block, quantities, amounts))
        result.structures.extend(_structures(block))
        result.shares.extend(_shares_of_counts(block, quantities))
        result.points.extend(_points(block, quantities, rates, rates_seen, period))
        result.gap_pairs.extend(_gaps_from_one_base(block, quantities, rates))
        result.counts.extend(_counts_after_lists(block))
        result.counts.extend(_counts_then_ordinals(block, blocks[position + 1 : position + 12]))
        result.counts.extend(_counts_then_lists(block))
        result.counts.extend(_counts_then_numbered(block, blocks[position + 1 : position + 32]))
        result.counts.extend(_counts_then_rates(block))
        amounts_seen.extend(amounts)
        rates_seen.extend(rates)
        percents.extend(q for q in quantities if q.is_percent)
    result.breakdown_shares.extend(_breakdown_shares(doc, result.breakdowns, percents))
    return result


_SHARE_KINDS = (("贡献率", lazy(r"贡献率(?:达到?|为|是)?$")), ("占比", lazy(r"(?:占比|比重|占)(?:达到?|为|是)?$")))


def _breakdown_shares(doc: Document, breakdowns: list[Breakdown], percents: list[Quantity]) -> Iterator[BreakdownShares]:
    """贡献率 or 占比 given to each part of a complete breakdown, between it and the next part."""
    percent_starts = [q.start for q in percents]
    for breakdown in breakdowns:
        parts = breakdown.parts
        for kind, pattern in _SHARE_KINDS:
            found = []
            for k, part in enumerate(parts):
                end = parts[k + 1].start if k + 1 < len(parts) else part.end + 120
                near = _between(percents, percent_starts, part.end, end)
                own = [q for q in near if pattern.search(doc.text[max(part.end, q.start - 8) : q.start])]
                if len(own) != 1:
                    break
                found.append(own[0])
            else:
                yield BreakdownShares(kind, tuple(found), breakdown.dimension)


_LABEL_REACH = 80  # characters before a figure that can say what it is; bounds the work per figure


@functools.lru_cache(maxsize=32)
def _marks(text: str) -> tuple[list[int], list[int]]:
    """Where clauses and sentences end in a block (offsets just after each mark), found once per block."""
    clauses = [m.end() for m in _CLAUSE_MARK.finditer(text)]
    sentences = [i + 1 for i, char in enumerate(text) if char in "。；;"]
    return clauses, sentences


def _last_mark(ends: list[int], at: int) -> int:
    index = bisect.bisect_right(ends, at) - 1
    return ends[index] if index >= 0 else 0


def _between(items: list, starts: list[int], low: int, high: int) -> list:
    """The items (sorted by start) whose start lies in [low, high)."""
    return items[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)]


def _sentence_start(block: Block, offset: int) -> int:
    return block.start + _last_mark(_marks(block.text)[1], offset - block.start)


def _clause_before(block: Block, quantity: Quantity) -> str:
    """The words of the clause before a figure: 第一产业增加值 in ……；第一产业增加值49.2亿元."""
    at = quantity.start - block.start
    start = _last_mark(_marks(block.text)[0], at)
    return block.text[max(start, at - _LABEL_REACH) : at]


def _sentence_before(block: Block, quantity: Quantity) -> str:
    """The words of the sentence before a figure, for finding what a rate is of (地区生产总值……增长5.3%)."""
    at = quantity.start - block.start
    start = _last_mark(_marks(block.text)[1], at)
    return block.text[max(start, at - 40) : at]


_SAME_UNIT = {"名": "人", "位": "人"}  # 660名群众 and 54468人 count the same thing


def unit_of(quantity: Quantity) -> str:
    return _SAME_UNIT.get(quantity.unit, quantity.unit)


def _is_amount(block: Block, quantity: Quantity) -> bool:
    if quantity.unit not in ADDITIVE_UNITS or quantity.approximate or quantity.in_range:
        return False
    before = _clause_before(block, quantity)
    return not _NOT_SUMMED.search(before[-12:]) and not _NOT_SUMMED.search(quantity.label_before)


def _is_change(block: Block, quantity: Quantity) -> bool:
    """增收8300万元, 共增加3377万人: a change of a figure, not a whole with parts."""
    return bool(_CHANGE.search(_clause_before(block, quantity)))


def _member(label: str, dimension: tuple[tuple[str, ...], ...]) -> int:
    """Which member of a dimension a label names (-1: none, more than one, or the whole)."""
    if any(whole[1:] in label for whole in dimension[-1]):
        return -1
    # The name that starts first wins: 非税收入 is 非税, though 税收 is inside it.
    hits = sorted(
        (label.find(name), -len(name), k) for k, names in enumerate(_members(dimension)) for name in names if name in label
    )
    if not hits:
        return -1
    return hits[0][2]


def _breakdowns(amounts: list[Quantity], previous: list[Quantity], clauses: dict[int, str]) -> Iterator[Breakdown]:
    """Parts whose labels cover one complete dimension, with the total stated before
    them: in the same paragraph, or last in the paragraph before."""
    for dimension in _dimensions():
        for parts in _rounds(amounts, dimension, clauses):
            yield from _breakdown(parts, amounts, previous, clauses, dimension)


def _rounds(amounts: list[Quantity], dimension, clauses: dict[int, str]) -> Iterator[list[Quantity]]:
    """Runs of figures naming each member of a dimension once; a member named again starts the next run
    (4月份 出口…进口…, then 1-4月份 出口…进口…)."""
    parts: list[Quantity] = []
    found: set[int] = set()
    for q in amounts:
        k = _member(clauses[q.start], dimension)
        if k < 0:
            continue
        if k in found:
            if len(found) == len(_members(dimension)):
                yield parts
            parts, found = [], set()
        found.add(k)
        parts.append(q)
    if len(found) == len(_members(dimension)):
        yield parts


def _breakdown(parts: list[Quantity], amounts: list[Quantity], previous: list[Quantity], clauses: dict[int, str],
               dimension: tuple[tuple[str, ...], ...]) -> Iterator[Breakdown]:
    """The breakdown a run of parts makes, with every total printed before it, nearest first."""
    if len({unit_of(q) for q in parts}) != 1:
        return
    unit = unit_of(parts[0])
    first_at, last_at = _position(amounts, parts[0]), _position(amounts, parts[-1])
    between = [q for q in amounts[first_at + 1 : last_at] if unit_of(q) == unit]
    if len(between) != len(parts) - 2:
        return  # another figure of the unit among them: parts of different things
    measures = {_after_member(clauses[q.start], dimension) for q in parts} - {""}
    if len(measures) > 1:
        return  # 城镇保障性安居工程补助资金, 农村危房改造补助资金: not one measure split two ways
    # The totals printed before the parts, the nearest 200 figures at most: a total is stated close to its parts.
    k = first_at
    pool = (previous[-200:] + amounts[max(0, k - 200) : k])[-200:]
    candidates = [
        q for q in pool
        if unit_of(q) == unit and not _CHANGE.search(clauses[q.start]) and _member(clauses[q.start], dimension) < 0
    ]
    if candidates:
        yield Breakdown(tuple(reversed(candidates)), tuple(parts), "/".join(m[0] for m in _members(dimension)))


# 三大粮食作物总产量51045万吨: a total that says how many parts it has.
_COUNTED_TOTAL = lazy(r"(?P<n>[两三四五六七八九十])(?:大|种|类|项)[\p{Han}]{0,8}$")


def _counted_breakdowns(block: Block, amounts: list[Quantity], clauses: dict[int, str]) -> Iterator[Breakdown]:
    """A total that names its number of parts, and exactly that many figures of its unit after it in the paragraph."""
    for k, total in enumerate(amounts):
        match = _COUNTED_TOTAL.search(clauses[total.start]) or _COUNTED_TOTAL.search(total.label_before)
        if not match:
            continue
        n = chinese_to_number(match.group("n"))
        parts = [q for q in amounts[k + 1 :] if unit_of(q) == unit_of(total)]
        if n and len(parts) == n and not any(_CHANGE.search(clauses[q.start]) for q in parts):
            yield Breakdown((total,), tuple(parts), f"{match.group('n')}{match.group()[1]}")


def _position(amounts: list[Quantity], figure: Quantity) -> int:
    """Index of the first figure that starts at or after this one's start (bisection)."""
    low, high = 0, len(amounts)
    while low < high:
        middle = (low + high) // 2
        if amounts[middle].start < figure.start:
            low = middle + 1
        else:
            high = middle
    return low


def _position_at(amounts: list[Quantity], offset: int) -> int:
    """How many figures end at or before an offset."""
    low, high = 0, len(amounts)
    while low < high:
        middle = (low + high) // 2
        if amounts[middle].end <= offset:
            low = middle + 1
        else:
            high = middle
    return low


_VERB_TAIL = lazy(r"(?:累计|共|总|约|分别)?(?:实现|完成|达到|达|为|是|有|增加值?实现)?$")


def _after_member(clause: str, dimension: tuple[tuple[str, ...], ...]) -> str:
    """What a part measures: the words after its member's name (消费品零售额 in 城镇消费品零售额)."""
    k = _member(clause, dimension)
    name = next(n for n in sorted(_members(dimension)[k], key=len, reverse=True) if n in clause)
    return _VERB_TAIL.sub("", clause[clause.find(name) + len(name) :])


def _part_ofs(block: Block, quantities: list[Quantity], amounts: list[Quantity]) -> Iterator[PartOf]:
    """其中: the first figure after it, of the whole's unit, is a part of the figure before it.

    Found by bisection in the figures' positions, so a block with thousands of
    figures costs what a page does, per figure."""
    amount_ids = {id(q) for q in amounts}
    wholes = [q for q in amounts if not _is_change(block, q)]
    whole_ends = [q.end for q in wholes]
    countable = [q for q in quantities if q.unit in ADDITIVE_UNITS and not _is_change(block, q)]
    countable_ends = [q.end for q in countable]
    starts = [q.start for q in quantities]
    sentence_ends = _marks(block.text)[1]
    for match in _QIZHONG.finditer(block.text):
        at = block.start + match.start()
        k = bisect.bisect_right(whole_ends, at) - 1
        c = bisect.bisect_right(countable_ends, at) - 1
        if k < 0 or c < 0 or countable[c] is not wholes[k]:
            continue  # the count just before 其中 is approximate (340余个), or there is none
        whole = wholes[k]
        if whole.approximate or _open_ended(block, whole) or _list_item(block, whole) or _in_brackets(block, whole):
            continue
        sentence_start = block.start + _last_mark(sentence_ends, match.start())
        if whole.start < sentence_start:
            # 其中 opening a sentence is of the figure before only if that sentence has no other of its unit.
            previous_start = block.start + _last_mark(sentence_ends, max(sentence_start - block.start - 1, 0))
            first = bisect.bisect_left(whole_ends, previous_start)
            if sum(1 for q in wholes[first : k + 1] if q.unit == whole.unit and q.start >= previous_start) != 1:
                continue
        part = None
        for q in quantities[bisect.bisect_left(starts, block.start + match.end()) :]:
            if q.start - at > 30:
                break
            if (unit_of(q) == unit_of(whole) and id(q) in amount_ids) or (not q.unit and q.scale > 1 and not q.approximate and whole.scale > 1):
                part = q
                break
        if part is None or any(c in block.text[match.end() : part.start - block.start] for c in "；;。"):
            continue  # the part is named at once: in the clause of 其中 or the next, in its sentence
        if not _OTHER_PERIOD.search(_clause_before(block, part)):
            yield PartOf(whole, part)


_LIST_OPENING = lazy(r"\s*[，,]?\s*(?:其中|包括|包含|分别为|分别是)[，,：:]?")
_NEXT_ITEM = lazy(r"、[^，。；;、：:等]{1,24}")


def _listed_parts(block: Block, amounts: list[Quantity]) -> Iterator[ListedParts]:
    for k, whole in enumerate(amounts):
        if whole.approximate or _is_change(block, whole):
            continue
        opening = _LIST_OPENING.match(block.text, whole.end - block.start)
        if not opening:
            continue
        parts: list[Quantity] = []
        previous_end = opening.end()
        for part in amounts[k + 1 :]:
            between = block.text[previous_end : part.start - block.start]
            joined = regex.fullmatch(r"[^，。；;、：:等]{1,24}", between) if not parts else _NEXT_ITEM.fullmatch(between)
            if not joined or part.unit != whole.unit or part.approximate or _is_change(block, part):
                break
            parts.append(part)
            previous_end = part.end - block.start
        if len(parts) >= 2 and not block.text[previous_end : previous_end + 1] == "等":
            yield ListedParts(whole, tuple(parts))


_COMPARED = lazy(
    r"(?:同|与|和|较)(?P<what>[^，。；;（(]{0,40}?)(?P<base>\d[\d.,]*(?:万亿|亿|万|千)?)(?P<unit>[^\d，。；;]{0,3}?)相比[，,]"
    r"[^，。；;\d]{0,12}?(?:共|累计|总共)?(?P<verb>增加|减少|净增|净减|多|少)了?(?P<change>\d[\d.,]*(?:万亿|亿|万|千)?)"
)


def _differences(block: Block, quantities: list[Quantity]) -> Iterator[Difference]:
    """The figure told just before 同……相比 is the one compared: with the change after
    it, it must differ from the base by the change."""
    by_start = {q.start: q for q in quantities}
    for match in _COMPARED.finditer(block.text):
        base = by_start.get(block.start + match.start("base"))
        change = by_start.get(block.start + match.start("change"))
        if base is None or change is None or base.unit != change.unit or base.approximate or change.approximate:
            continue
        sentence_start = _last_mark(_marks(block.text)[1], match.start())
        earlier = [q for q in quantities if block.start + sentence_start - 200 <= q.start < block.start + match.start() and q.unit == base.unit]
        # The figure now ends the sentence before (人口为137349万人。同……相比): nothing between.
        if not earlier or earlier[-1].approximate or earlier[-1].in_range:
            continue
        current = earlier[-1]
        between = block.text[current.end - block.start : match.start()]
        if not regex.fullmatch(r"[。；;，,]?", between.strip()):
            continue
        yield Difference(current, base, change, 1 if match.group("verb") in ("增加", "净增", "多") else -1)


def _list_item(block: Block, quantity: Quantity) -> bool:
    """77个、29个、31个，合计……: an item of a list, not a whole."""
    at, end = quantity.start - block.start, quantity.end - block.start
    return block.text[at - 1 : at] == "、" or bool(_SUMMED_AFTER.match(block.text, end))


def _in_brackets(block: Block, quantity: Quantity) -> bool:
    """（包括三轮汽车和低速货车762万辆）: an aside, not the whole 其中 goes on to divide."""
    before = block.text[: quantity.start - block.start]
    return before.rfind("（") > before.rfind("）") or before.rfind("(") > before.rfind(")")


def _open_ended(block: Block, quantity: Quantity) -> bool:
    """1700万人次以上, 超1700万: a floor, not a whole."""
    after = block.text[quantity.end - block.start : quantity.end - block.start + 3]
    return after.startswith(("以上", "多", "余", "左右"))


def _sentence_end(block: Block, at: int) -> int:
    index = block.text.find("。", at - block.start)
    return block.end if index < 0 else block.start + index


def _m_of_n(block: Block) -> Iterator[PartOf]:
    for match in _M_OF_N.finditer(block.text):
        n, m = _count_value(match.group("n")), _count_value(match.group("m"))
        if n is None or m is None:
            continue
        unit = match.group("unit")
        whole = _count_quantity(block, match.start("n"), match.end("unit"), n, unit)
        part = _count_quantity(block, match.start("m"), match.end(), m, unit)
        yield PartOf(whole, part)


def _count_value(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_to_number(text)


def _count_quantity(block: Block, start: int, end: int, value: int, unit: str) -> Quantity:
    return Quantity(block.start + start, block.start + end, block.text[start:end], float(value), unit, 0, 1.0, False, "", "")


def _shares(block: Block, quantities: list[Quantity], amounts: list[Quantity], earlier: list[Quantity],
            breakdowns: list[Breakdown], part_ofs: list[PartOf], clauses: dict[int, str], periods: dict[int, str]) -> Iterator[ShareClaim]:
    by_start = {q.start: q for q in quantities}
    amount_starts = [q.start for q in amounts]
    for match in _SHARE.finditer(block.text):
        pct_group = next(group for group in ("pct", "pct2", "pct3") if match.group(group))
        share = by_start.get(block.start + match.start(pct_group))
        share = share if share is not None and share.is_percent else None
        if share is None or share.approximate:
            continue
        start = block.start + match.start()
        clause_start = _clause_start(block, start)
        whole: Quantity | None = None
        certain = False
        if pct_group in ("pct", "pct3"):
            named_group = "whole" if pct_group == "pct" else "whole3"
            named = match.group(named_group)
            inside = _between(amounts, amount_starts, block.start + match.start(named_group), block.start + match.end(named_group))
            if inside:
                whole, certain = inside[-1], True
            elif len(named) >= 3 and pct_group == "pct":
                whole = _labelled(named, earlier + amounts, start, clauses)
            if whole is None and pct_group == "pct3":
                continue
        # 民间投资88053亿元，增长6.9%，占全部投资的比重为61.0%: a share clause with no
        # subject of its own is of the last amount, across the rates told of it.
        subject = block.text[clause_start - block.start : match.start()].strip()
        subjectless = pct_group == "pct" and not subject
        part = _part_before(block, amounts, start, clause_start, whole, across_rates=subjectless)
        if part is None:
            continue
        if whole is not None and not certain and _periods_differ(periods.get(whole.start, ""), periods.get(part.start, "")):
            continue  # 4月份社会消费品零售总额 is not the whole of a 1-4月份 figure
        if whole is not None and not certain and whole.value == part.value:
            continue  # the part's own figure printed again (in a subhead), found by its label
        if whole is None and (pct_group == "pct2" or not match.group("whole").strip()):
            # 占比10.47% names no whole: it is the total of the breakdown the part is in.
            whole = _whole_of(part, breakdowns, part_ofs if pct_group == "pct2" and len(subject) >= 2 else [])
            certain = whole is not None
        if whole is None or whole is part or whole.unit != part.unit or whole.value <= 0:
            continue
        yield ShareClaim(part, whole, share, certain)


# 三次产业结构为7.7:57.5:34.8, 三次产业占GDP比重为4.5:35.6:59.9 (a structure: its parts make 100)
_STRUCTURE = lazy(
    r"(?:结构|比重|比例|构成)(?:调整)?(?:为|是|由)?(?P<ratio>\d{1,2}(?:\.\d{1,2})?(?:[:：]\d{1,2}(?:\.\d{1,2})?){1,4})(?![\d.:：])"
)
# 37个大类行业中有21个行业实现增长，增长面为56.8%
_COUNT_SHARE = lazy(r"[^。；%％]{0,30}?(?:增长面|占比|比例|比重|面|占)(?:为|达到?|达|是)?(?P<pct>\d+(?:\.\d+)?)[%％]")
# A count of things, either as M of N (37个大类行业中有21个) or alone (有23个行业).
_COUNTED_PART = lazy(
    r"(?P<n>\d+|[两三四五六七八九十]{1,3})(?P<unit>个|家|项|类|所|座)(?P<what>[\p{Han}]{0,10}?)(?:中|里|之中)[，,]?(?:有|共有|其中)?"
    r"(?P<m>\d+|[两二三四五六七八九十]{1,3})(?P=unit)"
    r"|(?<=有|其中[，,]?)(?P<m2>\d+|[两三四五六七八九十]{1,3})(?P<unit2>个|家|项|类|所|座)(?P<noun>[\p{Han}]{1,4}?)(?=实现|增加值|保持|同比|出现|增长)"
)


def _structures(block: Block) -> Iterator[Structure]:
    for match in _STRUCTURE.finditer(block.text):
        parts = regex.split(r"[:：]", match.group("ratio"))
        if len(parts) < 2:
            continue
        decimals = max(len(p.split(".")[1]) if "." in p else 0 for p in parts)
        yield Structure(block.start + match.start("ratio"), block.start + match.end("ratio"), tuple(float(p) for p in parts), decimals)


def _shares_of_counts(block: Block, quantities: list[Quantity]) -> Iterator[ShareClaim]:
    """M of N, then its share: 22 of 38 industries grew, 增长面57.9%. A later count
    of the same things with its own share (其中，7月份有23个行业实现增长，增长面为62.2%)
    is a share of the same N."""
    percents = {q.start: q for q in quantities if q.is_percent}
    wholes: list[tuple[int, str, str, Quantity]] = []  # (end, unit, what, N) of each M of N so far
    for match in _COUNTED_PART.finditer(block.text):
        counted = "m" if match.group("m") else "m2"
        m = _count_value(match.group(counted))
        share_match = _COUNT_SHARE.match(block.text, match.end())
        whole = None
        if match.group("n"):
            n = _count_value(match.group("n"))
            if n is not None:
                whole = _count_quantity(block, match.start("n"), match.end("unit"), n, match.group("unit"))
                wholes.append((match.end(), match.group("unit"), match.group("what"), whole))
        else:
            noun = match.group("noun")
            whole = next((w for _, unit, what, w in reversed(wholes) if unit == match.group("unit2") and noun and noun in what), None)
        share = percents.get(block.start + share_match.start("pct")) if share_match else None
        if m is None or whole is None or share is None:
            continue
        part = _count_quantity(block, match.start(counted), match.end(counted) + 1, m, whole.unit)
        yield ShareClaim(part, whole, share, True)


_BARE_SHARE = lazy(r"占(?:比)?(?:为|达到?|达)?(?P<pct>\d+(?:\.\d+)?)[%％]")


def _shares_of_one_whole(block: Block, quantities: list[Quantity], amounts: list[Quantity]) -> Iterator[SharesOfOneWhole]:
    """In one sentence, three or more parts of one unit each followed by 占X% of nothing named."""
    by_start = {q.start: q for q in quantities}
    amount_starts = [q.start for q in amounts]
    for start, end in _sentence_spans(block):
        pairs = []
        for match in _BARE_SHARE.finditer(block.text, start - block.start, end - block.start):
            share = by_start.get(block.start + match.start("pct"))
            before = _between(amounts, amount_starts, start, block.start + match.start())
            if share is not None and before and not share.approximate:
                pairs.append((before[-1], share))
        units = {part.unit for part, _ in pairs}
        # Three to twelve: a breakdown of one whole; more in one "sentence" is a table or a run-on line.
        if 3 <= len(pairs) <= 12 and len(units) == 1 and len({part.start for part, _ in pairs}) == len(pairs):
            yield SharesOfOneWhole(tuple(pairs))


def _sentence_spans(block: Block) -> Iterator[tuple[int, int]]:
    start = 0
    for index, char in enumerate(block.text):
        if char in "。！？":
            yield block.start + start, block.start + index + 1
            start = index + 1
    if start < len(block.text):
        yield block.start + start, block.end


def _clause_start(block: Block, at: int) -> int:
    return block.start + _last_mark(_marks(block.text)[0], at - block.start)


def _part_before(block: Block, amounts: list[Quantity], at: int, clause_start: int, whole: Quantity | None,
                 across_rates: bool = False) -> Quantity | None:
    """The figure a share is of: in its clause, or the clause just before (……99552万元，占……);
    with `across_rates`, anywhere before it in the same stretch up to a ；."""
    end = _position_at(amounts, at)
    before = [q for q in amounts[max(0, end - 20) : end] if (whole is None or q.unit == whole.unit) and q is not whole]
    if not before:
        return None
    part = before[-1]
    previous_clause = _clause_start(block, clause_start - 1) if clause_start > block.start else block.start
    if part.start >= previous_clause:
        return part
    if not across_rates:
        return None
    # Across rates only, not across a change told of the part (比上年增加20.53亿元).
    before = [q for q in before if not _is_change(block, q)]
    if before and not _STRETCH_END.search(block.text, before[-1].end - block.start, at - block.start):
        in_between = [q for q in amounts[end - 20 if end >= 20 else 0 : end] if q.start > before[-1].start]
        return before[-1] if all(_is_change(block, q) for q in in_between) else None
    return None


_STRETCH_END = lazy(r"[；;。！？]")


_WHOLE_PREFIX = lazy(r"^(?:全部|同期|全市|全省|全区|全县|全国|全社会)")
_WHOLE_SUFFIX = lazy(r"(?:的)?(?:比重|比例|总额|总量)$")
# 固定资产投资（不含农户）: a note on the figure, not part of its name.
_BRACKETED = lazy(r"[（(][^（）()]{0,12}[）)]")


def _labelled(named: str, amounts: list[Quantity], before: int, clauses: dict[int, str]) -> Quantity | None:
    """The figure printed earlier for the whole a share names: 一般公共预算支出 → 全区一般公共预算支出累计完成397641万元.

    The name is looked for in the clause before each figure; where the paper's
    prefix (全市) is dropped, the first figure whose clause ends on the name is the whole."""
    key = _WHOLE_SUFFIX.sub("", named.strip())
    if len(key) < 2:
        return None
    earlier = [q for q in amounts if q.start < before]
    # Best, the figure the name is the subject of (资助资金2126亿元); else one whose clause names it.
    named_last = [q for q in earlier if len(key) >= 3 and _VERB_TAIL.sub("", clauses.get(q.start, "")).endswith(key)]
    matches = named_last or [q for q in earlier if len(key) >= 3 and key in clauses.get(q.start, "")]
    if matches:
        return matches[-1]
    bare = _WHOLE_PREFIX.sub("", key)
    if len(bare) < 2 or bare == key:
        return None
    ending = [q for q in earlier if _BRACKETED.sub("", clauses.get(q.start, "")).rstrip("为是达").endswith(bare)]
    return ending[0] if ending else None


_PERIOD_MENTION = lazy(
    r"(?:(?:1|一)\s*[-—－~～至到]\s*\d{1,2}月|前[一二三四五六七八九十\d]{1,2}个月|(?<![\d-—－~～至到])\d{1,2}月(?!\d{0,2}日)"
    r"|[一二三四]季度|上半年|下半年|前三季度|全年)"
)


def _periods_before(block: Block, amounts: list[Quantity]) -> Iterator[tuple[int, str]]:
    """For each amount, the period its paragraph opens with (4月份，…; 1-4月份，…), if it is
    named before the amount: later ones are mostly comparisons (增速比1-3月份回落)."""
    first = _PERIOD_MENTION.search(block.text)
    for amount in amounts:
        yield amount.start, first.group() if first and block.start + first.end() <= amount.start else ""


def _periods_differ(one: str, other: str) -> bool:
    return bool(one and other) and one != other


def _whole_of(part: Quantity, breakdowns: list[Breakdown], part_ofs: list[PartOf]) -> Quantity | None:
    # Not a part after 其中: a share there is often of the grand total (其中65岁及以上
    #人口14374万人，占10.47% is of the whole population, not of the 60岁及以上).
    for breakdown in breakdowns:
        if part in breakdown.parts:
            return breakdown.matched
    # 其中：税收收入8039万元，税收占比92.02%: of the total before 其中, where that total
    # is not itself a part of something larger.
    whole = next((of.whole for of in part_ofs if of.part is part), None)
    if whole is None or any(whole in b.parts for b in breakdowns) or any(of.part is whole for of in part_ofs):
        return None
    return whole


def _period_months(text: str) -> int | None:
    match = _PERIOD.search(text)
    if not match:
        return None
    if match.group("quarter"):
        return _QUARTER_MONTHS[match.group("quarter")]
    raw = match.group("month") or match.group("months")
    value = int(raw) if raw.isdigit() else chinese_to_number(raw)
    return value if value and 1 <= value <= 12 else None


def _signed(quantity: Quantity, before: str) -> float:
    return -quantity.value if _FALL.search(before[-4:]) else quantity.value


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


def _counts_after_lists(block: Block) -> Iterator[CountClaim]:
    """江苏、浙江、安徽三省: a 、 list closed by the count of its items. Where the
    list has three items or more and the count is of categories (完工量、新接订单量、
    手持订单量三大指标), where the first item begins does not change the count."""
    matches = [(m, m.group("items")) for m in _COUNT_AFTER_LIST.finditer(block.text)]
    taken = Spans(m.span("count") for m, _ in matches)
    for match in _COUNT_AFTER_LONG_LIST.finditer(block.text):
        if not taken.covers(match.start("count")):
            # The items are all that the clause holds before the count: an item too long
            # for the pattern (新一代电子信息技术) must not shorten the list.
            opening = _last_mark(_marks(block.text)[0], match.start("items"))
            matches.append((match, block.text[opening : match.end("items")].lstrip("，,：:；;。 ")))
    for match, items in matches:
        count = _count_value(match.group("count"))
        if count is None or count < 2:
            continue
        if any(mark in items for mark in "“”") and items.count("“") != items.count("”"):
            continue
        joined = _if_joined(items)
        number = items.count("、") + 1 + (1 if regex_and(items) else 0)
        what = match.group("what")
        word = match.group("word")
        if word == "大" and not _CATEGORY.match(what):
            continue  # 五大湖: a name, not a count of categories
        if word not in _PLACE_WORDS and word != "大" and not _CATEGORY.match(what):
            continue  # 3个工作日, 4家离岛免税店: the count is of something other than the names listed
        # The first item of a long list may carry a lead-in (我国造船业完工量); the others may not.
        named = regex.split("[、和及与]", items)[1 if match.re is _COUNT_AFTER_LONG_LIST.compiled() else 0 :]
        if count > 10 or any(len(item) > 7 for item in named):
            continue
        if block.text[max(0, match.start("count") - 1) : match.start("count")] in ("这", "那"):
            continue  # 这6个方面: a count of what was said before, not of this list
        yield CountClaim(
            block.start + match.start("count"), block.start + match.end("word"), count, number, bool(match.group("etc")),
            (block.start + match.start("items"), block.start + match.end("items")), joined,
        )


def regex_and(items: str) -> bool:
    last = items.rsplit("、", 1)[-1]
    return any(joiner in last[1:] for joiner in ("和", "及", "与"))


def _if_joined(items: str) -> int:
    """The count of a list whose last 和/及 may join one item (国防和军队) rather than
    two; where both halves end in the head every item ends in (节能环保支出及城乡社区支出),
    they are two, and the joined reading does not stand."""
    joined = items.count("、") + 1
    if not regex_and(items):
        return joined
    *heads, last = items.split("、")
    halves = regex.split("[和及与]", last[1:], maxsplit=1)
    halves[0] = last[0] + halves[0]
    head = _common_suffix(heads)
    if len(halves) == 2 and head and all(half.endswith(head) and len(half) > len(head) for half in halves):
        return joined + 1
    return joined


def _common_suffix(words: list[str]) -> str:
    if not words:
        return ""
    shortest = min(words, key=len)
    size = 0
    while size < len(shortest) and all(word[len(word) - size - 1] == shortest[len(shortest) - size - 1] for word in words):
        size += 1
    return shortest[len(shortest) - size :] if size else ""


# 4个世界“最佳旅游乡村”分别是荻港村、基卡依村、东罗村、黄岗村; 八项支出包括：……及城乡社区支出
_COUNT_THEN_LIST = lazy(
    r"(?<![\d.第])(?P<count>[两二三四五六七八九十]|\d{1,2})(?P<word>个|项|家|种|类|位|名|大|条|所|座|国)"
    r"[^，。：:；;、等]{0,16}?(?:分别是|分别为|包括|依次是|依次为)[：:]?"
    r"(?P<items>[^，。；;：:、（(]{1,16}(?:、[^，。；;：:、（(]{1,16})+)(?=[。；;，,])"
)


# 前身主要有两个，分别是……的中央歌舞团和……的东方歌舞团: two items joined by 和
_COUNT_THEN_PAIR = lazy(
    r"(?<![\d.第])(?P<count>[两二三四五六七八九十]|\d{1,2})(?P<word>个|项|家|种|类|位|名|条|所|座)"
    r"[^，。：:；;、等]{0,16}?[，,]?(?:分别是|分别为|依次是|依次为)[：:]?"
    r"(?P<first>[^，。；;：:、（(和及与]{2,24})(?:和|及|与)(?P<second>[^，。；;：:、（(和及与]{2,24})(?=[。；;，,])"
)


def _counts_then_lists(block: Block) -> Iterator[CountClaim]:
    for match in _COUNT_THEN_PAIR.finditer(block.text):
        count = _count_value(match.group("count"))
        head = _common_suffix([match.group("first"), match.group("second")])
        # Only where both halves end in one head noun (歌舞团) are they surely two items.
        if count is None or len(head) < 2 or head in (match.group("first"), match.group("second")):
            continue
        yield CountClaim(block.start + match.start("count"), block.start + match.end("word"), count, 2, False,
                         (block.start + match.start("first"), block.start + match.end("second")), 2)
    for match in _COUNT_THEN_LIST.finditer(block.text):
        count = _count_value(match.group("count"))
        items = match.group("items")
        if count is None or not 2 <= count <= 10 or "等" in items:
            continue
        joined = _if_joined(items)
        number = items.count("、") + 1 + (1 if regex_and(items) else 0)
        yield CountClaim(block.start + match.start("count"), block.start + match.end("word"), count, number, False,
                         (block.start + match.start("items"), block.start + match.end("items")), joined)


# 2025国内十大新闻包括： followed by paragraphs 1. … 10.
_COUNT_BEFORE_NUMBERED = lazy(r"(?<![\d.第])(?P<count>[两二三四五六七八九十]|\d{1,2})(?P<word>大|项|条|个|件)[\p{Han}]{0,8}?(?:包括|如下|是|有|为)?[：:]$")
_NUMBERED = lazy(r"(?P<n>\d{1,2})[.．、](?!\d)")


# 分三大门类看，采矿业……下降0.4%，制造业增长6.9%，电力、热力……供应业增长7.8%。
_COUNT_THEN_RATES = lazy(r"分(?P<count>[两三四五六七八九十])(?P<word>大|个|类)[\p{Han}]{0,4}?看[，,：:](?P<items>[^。；;]+)[。；;]")
_RATE_ITEM = lazy(
    r"[^，,%％\d]{2,30}?(?:增加值|投资|产量|销售额|收入|零售额|价格)?(?:同比)?(?:实际)?(?:增长|下降|上涨|下跌|增加|减少)-?\d+(?:\.\d+)?[%％]"
)


def _counts_then_rates(block: Block) -> Iterator[CountClaim]:
    """分三大门类看 followed by one clause per category, each with its rate: counted
    only where every clause to the end of the sentence is such an item."""
    for match in _COUNT_THEN_RATES.finditer(block.text):
        count = _count_value(match.group("count"))
        clauses = regex.split(r"[，,](?!\d)", match.group("items"))
        if count is None or len(clauses) < 2 or not all(_RATE_ITEM.fullmatch(c) for c in clauses):
            continue
        if len(clauses) != count:
            yield CountClaim(block.start + match.start("count"), block.start + match.end("word"), count, len(clauses), False,
                             (block.start + match.start("items"), block.start + match.end("items")))


def _counts_then_numbered(block: Block, following: list[Block]) -> Iterator[CountClaim]:
    match = _COUNT_BEFORE_NUMBERED.search(block.text)
    count = _count_value(match.group("count")) if match else None
    if count is None or not 2 <= count <= 30:
        return
    numbered = 0
    for item in following:
        number = _NUMBERED.match(item.text)
        if not number or int(number.group("n")) != numbered + 1:
            break
        numbered += 1
    if numbered >= 2 and numbered != count:
        yield CountClaim(block.start + match.start(), block.start + match.end("word"), count, numbered, False,
                         (following[0].start, following[numbered - 1].end))


def _counts_then_ordinals(block: Block, following: list[Block]) -> Iterator[CountClaim]:
    """五个方面 … 一是 … 五是: the count against the ordinals that follow it at once
    (in the rest of its paragraph, or opening the paragraphs after it)."""
    for match in _COUNT_THEN_ORDINALS.finditer(block.text):
        count = _count_value(match.group("count"))
        if count is None or not 2 <= count <= 12:
            continue
        tail = block.text[match.end() :]
        first = _ORDINAL.search(tail)
        # …从五个方面回顾了2023年工作：一是: the list opens a few words on, with no comma between.
        gap = tail[: first.start()] if first else ""
        texts = [tail] if first and chinese_to_number(first.group("n")) == 1 and len(gap) <= 16 and not any(c in gap for c in "，,。") else []
        if not texts:
            if not following or not following[0].text.startswith("一是"):
                continue
            texts = []
        texts += [b.text for b in following]
        ordinals = 0
        for text in texts:
            before = ordinals
            for ordinal in _ORDINAL.finditer(text if text is tail else "。" + text):
                if chinese_to_number(ordinal.group("n")) == ordinals + 1:
                    ordinals += 1
            if ordinals == before and ordinals:
                break  # a paragraph with no next ordinal ends the list
        if ordinals >= 2 and ordinals != count:
            yield CountClaim(block.start + match.start(), block.start + match.end(), count, ordinals, False,
                             (block.start + match.start(), block.start + match.end()))
