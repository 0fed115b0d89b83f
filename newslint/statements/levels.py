"""Levels: figures against the mark they are said to pass (双双超过2000万辆) and the ratio said of two of them (城乡收入比).

分别为A和B，双双超过X says both A and B are above X; 城乡居民收入比1.54 says the
urban income over the rural one is 1.54. Read here; checked by newslint.rules.growth.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article, Block, Document
from ..numbers import Quantity
from ..patterns import lazy
from .reading import _clause_before, figure_blocks, unit_of

_BOTH_PASS = lazy(r"(?:双双|均|都|全部)(?P<verb>超过|突破|登上|迈上|站上|跨上|跨越|超|高于)$")
_EACH = lazy(r"分别(?:为|是|达到|达|实现|完成)?$")
_AND = lazy(r"^[和、与及]$")
_STRICT = frozenset(("超过", "突破", "超", "高于"))
_URBAN_RURAL_RATIO = lazy(
    r"城乡(?:居民)?(?:人均可支配)?收入(?:之)?比(?:由[^，。；]{0,16}?(?:下降|缩小|降低|扩大|上升|提高)(?:至|到|为))?(?:为|是|达)?"
    r"(?P<ratio>\d+(?:\.\d+)?)(?:[:：]1(?!\d))?"
)
_URBAN = lazy(r"城镇(?:常住)?居民人均可支配收入(?:为|达到|达)?$")
_RURAL = lazy(r"农村(?:常住)?居民人均可支配收入(?:为|达到|达)?$")


@dataclass(frozen=True, slots=True)
class PassedMark:
    """Figures said together to pass a mark: 分别为2147万辆和2157.1万辆，……双双超过2000万辆."""

    figures: tuple[Quantity, ...]
    mark: Quantity
    strict: bool  # 超过, 突破: above it; 登上, 迈上: at it or above


@dataclass(frozen=True, slots=True)
class IncomeRatio:
    """城乡收入比 against the urban and rural per-capita incomes printed in the article."""

    ratio: Quantity
    urban: tuple[Quantity, ...]
    rural: tuple[Quantity, ...]


@dataclass
class LevelStatements:
    marks: list[PassedMark]
    ratios: list[IncomeRatio]


def level_statements(doc: Document, article: Article) -> LevelStatements:
    return doc.memo(f"levels:{article.index}", lambda: _read(doc, article))


def _read(doc: Document, article: Article) -> LevelStatements:
    result = LevelStatements([], [])
    urban: list[Quantity] = []
    rural: list[Quantity] = []
    ratios: list[tuple[Block, Quantity]] = []
    for block, quantities in figure_blocks(doc, article):
        result.marks.extend(_passed_marks(block, quantities))
        for quantity in quantities:
            if quantity.unit == "元" and not quantity.approximate:
                clause = _clause_before(block, quantity)
                if _URBAN.search(clause):
                    urban.append(quantity)
                elif _RURAL.search(clause):
                    rural.append(quantity)
        ratios.extend((block, q) for q in _ratios(block))
    if urban and rural:
        result.ratios.extend(IncomeRatio(ratio, tuple(urban), tuple(rural)) for _, ratio in ratios)
    return result


def _passed_marks(block: Block, quantities: tuple[Quantity, ...]) -> Iterator[PassedMark]:
    for index, mark in enumerate(quantities):
        verb = _BOTH_PASS.search(_clause_before(block, mark))
        if not verb or index < 2:
            continue
        first, second = quantities[index - 2], quantities[index - 1]
        between = block.text[first.end - block.start : second.start - block.start]
        same_sentence = "。" not in block.text[first.start - block.start : mark.start - block.start]
        units = {unit_of(first), unit_of(second), unit_of(mark)}
        if (
            same_sentence and len(units) == 1 and not mark.is_percent and _AND.match(between)
            and _EACH.search(_clause_before(block, first)) and not (first.approximate or second.approximate)
        ):
            yield PassedMark((first, second), mark, verb.group("verb") in _STRICT)


def _ratios(block: Block) -> Iterator[Quantity]:
    for match in _URBAN_RURAL_RATIO.finditer(block.text):
        raw = match.group("ratio")
        start = block.start + match.start("ratio")
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        yield Quantity(start, start + len(raw), raw, float(raw), "", decimals, 1.0, False, "", "")
