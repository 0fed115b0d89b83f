"""Where a figure stands in its paragraph: clauses, sentences, labels and periods, shared by the readers of statements."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

from ..document import Article, Block, Document
from ..numbers import ADDITIVE_UNITS, Quantity, block_quantities, chinese_to_number
from ..patterns import lazy

# A figure of this kind is never a part or a total: 人均, 平均, 中位数, 价格, 指数, 每.
_NOT_SUMMED = lazy(r"人均|户均|平均|均价|日均|中位数|每|单价|价格|指数|均为|分别增长")


_GROWTH = lazy(r"增长|下降|增速|增幅|降幅|提高|回落|上涨|下跌|同比|环比|比上年|比去年|减少|扩大|收窄|上升|下滑|涨|降")


_CHANGE = lazy(r"(?:增加|减少|增收|减收|增长|下降|净增|净减|多|少|增|减|扩大|缩小)了?$")


# A part told of another period than its whole (1-7月 … 其中，7月份有23个): not a part of it.
_OTHER_PERIOD = lazy(r"\d{1,2}月份?|[一二三四五六七八九十]{1,2}月份|当月|上月|同期|去年|上年|今年|前年")


_FALL = lazy(r"下降|回落|下跌|减少|下滑|收窄|降")


_CLAUSE_MARK = lazy(r"[，；。！？：,;:!?](?<!\d,(?=\d))")


_PERIOD = lazy(r"(?:1|一)\s*[-—－~～至到]\s*(?P<month>\d{1,2}|[一二三四五六七八九十]{1,2})月|前(?P<months>[一二三四五六七八九十]{1,2}|\d{1,2})个月"
               r"|(?P<quarter>一季度|上半年|前三季度|三季度)")


_QUARTER_MONTHS = {"一季度": 3, "上半年": 6, "前三季度": 9, "三季度": 9}


M_OF_N = (
    r"(?P<n>\d+|[两二三四五六七八九十]{1,3})(?P<unit>个|家|项|类|所|座)(?P<what>[\p{Han}]{0,10}?)(?:中|里|之中)[，,]?(?:有|共有|其中)?"
    r"(?P<m>\d+|[两二三四五六七八九十]{1,3})(?P=unit)"
)
_M_OF_N = lazy(M_OF_N)


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


def _sentence_end(block: Block, at: int) -> int:
    index = block.text.find("。", at - block.start)
    return block.end if index < 0 else block.start + index


def _count_value(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_to_number(text)


def _count_quantity(block: Block, start: int, end: int, value: int, unit: str) -> Quantity:
    return Quantity(block.start + start, block.start + end, block.text[start:end], float(value), unit, 0, 1.0, False, "", "")


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


def _common_suffix(words: list[str]) -> str:
    if not words:
        return ""
    shortest = min(words, key=len)
    size = 0
    while size < len(shortest) and all(word[len(word) - size - 1] == shortest[len(shortest) - size - 1] for word in words):
        size += 1
    return shortest[len(shortest) - size :] if size else ""


def figure_blocks(doc: Document, article: Article) -> Iterator[tuple[Block, tuple[Quantity, ...]]]:
    """The body, list and subhead blocks of an article that carry figures, with their figures."""
    for block in article.blocks:
        if block.kind.value in ("body", "list-item", "subhead"):
            quantities = block_quantities(doc, block)
            if quantities:
                yield block, quantities
