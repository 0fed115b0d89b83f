"""Read the figures of news copy: value, unit, precision, approximation, and what they count.

Arabic figures (1,000  3213.5  1.2万  2万亿), Chinese numerals (三百一十七, 两,
十四), percentages (56.8%, 百分之五) and percentage points. A figure inside
quotation marks or a book title (“两个健康”, “一五十百千万”工程), an ordinal
(第二十, 十三届, 第五轮) or a year (2024年) is not a quantity and is not read.
GB/T 15835-2011 governs how figures are written; this module only reads them.

No library: cn2an converts numerals but neither locates them in running text
nor keeps offsets, units and approximation markers, which is most of the work.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .patterns import lazy

if TYPE_CHECKING:
    from .document import Block, Document

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
# Measure words and units that make a figure a quantity worth checking.
UNITS = (
    "个百分点|人次|家次|万人次|平方公里|平方米|立方米|公里|公顷|千瓦时|千瓦|"
    "美元|欧元|日元|港元|英镑|元|"
    "个|项|家|人|名|位|所|条|座|件|台|辆|套|亩|吨|户|次|幅|期|场|类|批|处|栋|间|张|篇|部|只|头|株|棵|架|艘|列|组|种|款|支|岁|天|小时|分钟|倍|%|％"
)
# Units that add up: counts, money, weights, areas (not 岁, 倍, 天 or percentages).
ADDITIVE_UNITS = frozenset(
    "个 项 家 人 名 位 所 条 座 件 台 辆 套 户 人次 家次 批 处 栋 间 张 篇 部 只 头 株 棵 架 艘 列 组 款 支 "
    "元 美元 欧元 日元 港元 英镑 吨 亩 公里 平方米 平方公里 立方米 公顷 千瓦 千瓦时".split()
)
_APPROX_BEFORE = lazy(r"(?:约|大约|近|将近|接近|超|超过|逾|多达|达到近|不到|不足|不低于|不少于|不超过|至少|最多|上千|突破|迈上|跨越|站上)$")
# 数 makes 数十个, 数百家 approximate; before Arabic figures it ends a word (预算数109466万元).
_APPROX_BEFORE_CHINESE = lazy(r"(?:约|大约|近|将近|接近|超|超过|逾|多达|不到|不足|至少|最多|上千|数|突破|迈上|跨越|站上)$")
_APPROX_AFTER = lazy(r"^(?:余|多|来|左右|上下|以上|以下|以内|开外|许)")
_ARABIC = lazy(
    rf"(?<![\d.\p{{Latin}}]|\d,)(?P<number>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)(?:\.(?P<decimals>\d+))?"
    rf"(?P<approx>余|多)?(?P<magnitude>万亿|亿|万|千(?!瓦|克|米))?(?P<approx2>余|多)?(?P<unit>{UNITS})?"
)
# 三点三二亿亩, 百分之三点四: a Chinese numeral may carry decimals after 点.
_CHINESE = lazy(
    rf"(?<![第零〇一二两三四五六七八九十百千万亿点])(?P<number>[零〇一二两三四五六七八九十百千]+)(?:点(?P<decimals>[零〇一二三四五六七八九]+))?"
    rf"(?P<magnitude>万亿|亿|万)?(?P<unit>{UNITS})"
)
_PERCENT_WORDS = lazy(r"百分之(?P<number>[零〇一二两三四五六七八九十百]+|\d+(?:\.\d+)?)(?:点(?P<decimals>[零〇一二三四五六七八九]+))?")
_QUOTED = lazy(r"“[^“”]{0,30}”|‘[^‘’]{0,30}’|《[^《》]{0,60}》|「[^「」]{0,30}」")
_ORDINAL_AFTER = lazy(r"^(?:届|轮|次会议|批次|号|期间|年|月|日|时|点|版|代|级|楼|层|路|号线|中队|大队|区|排|章|节|条例)")
_LEADING_VERBS = lazy(r"^(?:.*(?:共有|共安排|其中|完成|实现|新增|安排|涉及|包括|有)|[年月日])")
_TRAILING_VERBS = lazy(
    r"(?:共有|共计|共|总计|合计|累计|分别为|分别是|分别|达到|达|为|是|有|占比|占|约|大约|近|超过|超|逾|仅|均|再)$"
)
_NOT_HAN = lazy(r"[^\p{Han}]")
_HAN_RUN = lazy(r"\p{Han}+")
_LABEL_END = lazy(r"中|的|，|和|与|及|、|分别|共|占|合计")
_ANY_NUMERAL = lazy(r"[\d零〇一二两三四五六七八九十百千]")
_RANGE_SIGN = lazy(r"^\s*(?:-|－|～|~|—|–|至|到)\s*")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # offsets into the document
    end: int
    text: str
    value: float  # magnitudes applied: 3213.5亿 -> 3.2135e11
    unit: str  # measure word or currency: 个, 元, %, 个百分点
    decimals: int  # digits after the decimal point as written
    scale: float  # the magnitude written (1e8 for 亿), for rounding tolerance
    approximate: bool
    label_before: str  # the words in front: 建设类项目, 总投资
    label_after: str  # the words after a measure word: 317个[高质量发展项目]
    in_range: bool = False

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "％")

    @property
    def label(self) -> str:
        return self.label_before or self.label_after

    def tolerance(self) -> float:
        """Half a unit of the last written digit, in the figure's own scale."""
        return 0.5 * 10 ** (-self.decimals) * self.scale

    def shown(self) -> str:
        return self.written_like(self.value)

    def written_like(self, value: float) -> str:
        """A value written in this figure's magnitude and precision: 3213.5 for 3.2135e11 of 3213.5亿."""
        number = value / self.scale
        return f"{number:.{self.decimals}f}" if self.decimals else f"{number:.0f}"


def chinese_to_number(text: str) -> int | None:
    """三百一十七 -> 317, 两 -> 2, 十四 -> 14, 二〇二四 -> 2024; None if it is not a numeral."""
    if not text:
        return None
    if all(c in CHINESE_DIGITS for c in text):
        digits = "".join(str(CHINESE_DIGITS[c]) for c in text)
        return int(digits)
    total, current = 0, 0
    for char in text:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            total += (current or 1) * CHINESE_UNITS[char]
            current = 0
        else:
            return None
    return total + current


def _chinese_fraction(digits: str | None) -> tuple[float, int]:
    """三二 after 点 -> (0.32, 2): the decimals of a spoken numeral."""
    if not digits:
        return 0.0, 0
    return int("".join(str(CHINESE_DIGITS[c]) for c in digits)) / 10 ** len(digits), len(digits)


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether an offset lies in one of the (sorted, disjoint) spans: bisection, not a scan per figure."""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < spans[index][1]


def _label_before(text: str, start: int) -> str:
    """建设类项目 in 建设类项目255个, 总投资 in 总投资3213.5亿元: what the figure counts."""
    window = text[max(0, start - 24) : start]
    run = _NOT_HAN.split(window)[-1]
    label = _LEADING_VERBS.sub("", _TRAILING_VERBS.sub("", run))
    return label if len(label) >= 2 else ""


def _label_after(text: str, end: int) -> str:
    window = text[end : end + 16]
    match = _HAN_RUN.match(window)
    if not match:
        return ""
    label = match.group()
    return _LABEL_END.split(label, maxsplit=1)[0]


def block_quantities(doc: Document, block: Block) -> tuple[Quantity, ...]:
    """The quantities of one block of a document, read once and shared by every
    number rule (each used to read every block again)."""
    read = doc.memo("numbers.block_quantities", dict)
    found = read.get(block.start)
    if found is None:
        found = read[block.start] = tuple(read_quantities(block.text, block.start))
    return found


def read_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in a block of copy, in order; `offset` is the block's start."""
    if not _ANY_NUMERAL.search(text):
        return []
    excluded = _excluded_spans(text)
    excluded_starts = [span[0] for span in excluded]
    found: list[Quantity] = []
    for match in _ARABIC.finditer(text):
        start, end = match.span()
        if _inside(excluded, excluded_starts, start):
            continue
        if not match.group("unit") and not match.group("magnitude"):
            continue
        after = text[end : end + 4]
        if _ORDINAL_AFTER.match(after) and not match.group("unit"):
            continue
        if text[start - 1 : start] == "第":
            continue
        decimals = len(match.group("decimals") or "")
        number = float(match.group("number").replace(",", "") + ("." + match.group("decimals") if decimals else ""))
        scale = MAGNITUDES.get(match.group("magnitude") or "", 1.0)
        unit = match.group("unit") or ""
        if unit in ("%", "％") and scale != 1.0:
            continue
        approximate = bool(
            match.group("approx") or match.group("approx2") or _APPROX_BEFORE.search(text[max(0, start - 4) : start])
            or _APPROX_AFTER.match(text[end : end + 2])
        )
        found.append(Quantity(
            offset + start, offset + end, match.group(), number * scale, unit, decimals, scale, approximate,
            _label_before(text, start), _label_after(text, end),
        ))
    for match in _CHINESE.finditer(text):
        start, end = match.span()
        if _inside(excluded, excluded_starts, start) or text[start - 1 : start] == "第":
            continue
        value = chinese_to_number(match.group("number"))
        fraction, decimals = _chinese_fraction(match.group("decimals"))
        if value is None or (value < 3 and not fraction):
            continue  # 一个, 两个: idiom more often than count
        scale = MAGNITUDES.get(match.group("magnitude") or "", 1.0)
        approximate = bool(_APPROX_BEFORE_CHINESE.search(text[max(0, start - 4) : start]) or _APPROX_AFTER.match(text[end : end + 2]))
        found.append(Quantity(
            offset + start, offset + end, match.group(), (value + fraction) * scale, match.group("unit"), decimals, scale, approximate,
            _label_before(text, start), _label_after(text, end),
        ))
    for match in _PERCENT_WORDS.finditer(text):
        start, end = match.span()
        if _inside(excluded, excluded_starts, start):
            continue
        raw = match.group("number")
        value = chinese_to_number(raw) if not raw[0].isdigit() else float(raw)
        if value is None:
            continue
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        fraction, spoken = _chinese_fraction(match.group("decimals"))
        value, decimals = value + fraction, decimals or spoken
        found.append(Quantity(
            offset + start, offset + end, match.group(), float(value), "%", decimals, 1.0,
            bool(_APPROX_BEFORE.search(text[max(0, start - 4) : start])), _label_before(text, start), "",
        ))
    found.sort(key=lambda q: q.start)
    return _mark_ranges(text, offset, found)


def _mark_ranges(text: str, offset: int, quantities: list[Quantity]) -> list[Quantity]:
    """10亿-50亿元, 5亿至10亿元: both ends of a range are bounds, not amounts."""
    marked = list(quantities)
    for i in range(len(marked) - 1):
        between = text[marked[i].end - offset : marked[i + 1].start - offset]
        if _RANGE_SIGN.fullmatch(between) or between in ("-", "～", "~", "—", "至", "到"):
            marked[i] = replace(marked[i], in_range=True)
            marked[i + 1] = replace(marked[i + 1], in_range=True)
    return marked

