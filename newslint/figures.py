"""The figures of an article with the part each plays: a total, a part of a
series, a scope (317个项目中), a subset after 其中, a share — read once per article
for number/parts-total, number/share and number/conflict."""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Article, Block, Document, sentences
from .numbers import ADDITIVE_UNITS, Quantity, block_quantities
from .patterns import lazy

# The X类 lists and 从…看 paragraphs this module reads also count 次 and 种.
COUNTABLE = ADDITIVE_UNITS | {"次", "种"}


_TOTAL_MARK = lazy(r"共有|共计|共安排|总计|合计|累计|总共|一共|全部|共")


DIMENSION_OPENING = lazy(r"^(?:从|按|分)[\p{Han}]{1,12}(?:看|来看|分|划分)")


_LIST_JOIN = lazy(r"^[、，,和及与]$")


_LABELLED_JOIN = lazy(r"^[、，,和及与][\p{Han}]{1,12}$")


_SHARE_OF_WHOLE = lazy(r"占|比重")


_GOVERNING = lazy(r"其中|分别|包括")


@dataclass(slots=True)
class Figure:
    """A quantity with its place in the article and the part it plays in the arithmetic."""

    quantity: Quantity
    block: Block
    sentence: int  # index of the sentence in the article
    role: str = "part"  # part, total, scope (the 317 of 317个项目中), subset, other
    key: str = ""  # what it counts, for grouping parts: 项目 for 建设类项目
    listed_after: Figure | None = None  # the previous item of a 、-list
    in_breakdown: bool = False  # a part of a 分产业看-style breakdown inside a paragraph


@dataclass
class ArticleFigures:
    figures: list[Figure] = field(default_factory=list)


def _key(label: str) -> str:
    if "类" in label:
        tail = label.rsplit("类", 1)[1]
        return tail or label
    return label


def read_article(doc: Document, article: Article) -> list[Figure]:
    figures: list[Figure] = []
    sentence_index = 0
    for block in article.body:
        quantities = block_quantities(doc, block)
        if not quantities:
            sentence_index += 1
            continue
        waiting = iter(quantities)
        quantity = next(waiting, None)
        for start, end in sentences(block.text, block.start):
            in_sentence = []
            while quantity is not None and quantity.start < end:
                in_sentence.append(quantity)
                quantity = next(waiting, None)
            if in_sentence:
                read = _read_sentence(doc, block, doc.text[start:end], start, in_sentence, sentence_index)
                _mark_breakdown(doc.text[start:end], start, read)
                figures.extend(read)
            sentence_index += 1
    return figures


def _mark_breakdown(text: str, start: int, figures: list[Figure]) -> None:
    """In a sentence that opens 分产业看 inside a paragraph, parts of one unit whose
    labels share an ending (第一产业增加值, 第二产业增加值) are one breakdown,
    counted under that ending."""
    if start == figures[0].block.start or not DIMENSION_OPENING.match(text.lstrip()):
        return  # a paragraph that opens so is read whole (从项目建设阶段看)
    by_unit: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.role == "part":
            by_unit.setdefault(figure.quantity.unit, []).append(figure)
    for parts in by_unit.values():
        labels = [f.quantity.label_before for f in parts]
        ending = _shared_ending(labels)
        if len(parts) >= 2 and len(ending) >= 2:
            for figure in parts:
                figure.key, figure.in_breakdown = ending, True
    shares = [
        f for f in figures
        if f.role == "share" and _SHARE_OF_WHOLE.search(text, max(0, f.quantity.start - start - 4), f.quantity.start - start)
    ]
    if len(shares) >= 2:
        for figure in shares:
            figure.in_breakdown = True  # 第一产业占3.0%，第二产业占32.4%…: not growth rates


def _shared_ending(labels: list[str]) -> str:
    ending = labels[0]
    for label in labels[1:]:
        while ending and not label.endswith(ending):
            ending = ending[1:]
    return ending


def _read_sentence(doc: Document, block: Block, text: str, start: int, quantities: list[Quantity], sentence_index: int) -> list[Figure]:
    """Give each figure of one sentence its role (total, part, share ...) and what it counts."""
    figures: list[Figure] = []
    scope_seen = False
    after_qizhong = False
    total_units_taken: set[str] = set()
    marker_at = _TOTAL_MARK.search(text)
    previous: Figure | None = None
    for quantity in quantities:
        figure = Figure(quantity, block, sentence_index)
        local = quantity.start - start
        before = text[:local]
        qizhong = before.rfind("其中")
        if qizhong >= 0:
            after_qizhong = bool(_TOTAL_MARK.search(before, qizhong))
        follows = text[quantity.end - start : quantity.end - start + len(quantity.label_after) + 1]
        if quantity.approximate or quantity.in_range or quantity.unit not in COUNTABLE | {"%", "％"}:
            figure.role = "other"
        elif quantity.is_percent:
            figure.role = "share"
        elif quantity.label_after and follows.endswith("中") and not scope_seen:
            figure.role = "scope"
            scope_seen = True
        elif marker_at and marker_at.start() < local and not scope_seen:
            if after_qizhong:
                figure.role = "subset"
            elif quantity.unit not in total_units_taken:
                figure.role = "total"
                total_units_taken.add(quantity.unit)
        figure.key = _key(quantity.label_before or quantity.label_after)
        if previous is not None and previous.quantity.unit == quantity.unit:
            between = doc.text[previous.quantity.end : quantity.start]
            if not quantity.label_before and _LIST_JOIN.match(between):
                figure.key = previous.key  # 77个、29个、31个
                figure.listed_after = previous
                if previous.role == "part" and figure.role == "total":
                    figure.role = "part"
            elif previous.role == figure.role == "part" and figure.key == previous.key and _LABELLED_JOIN.match(between):
                figure.listed_after = previous  # 流通类企业1600家、服务类企业500家
        figures.append(figure)
        previous = figure
    return figures


def parts_series(figures: list[Figure]) -> list[list[Figure]]:
    """Parts of one paragraph that count the same thing in the same unit."""
    groups: dict[tuple[int, str, str, bool], list[Figure]] = {}
    for figure in figures:
        if figure.role == "part" and figure.key:
            groups.setdefault((figure.block.index, figure.key, figure.quantity.unit, figure.in_breakdown), []).append(figure)
    return [g for g in groups.values() if len(g) >= 2]


def is_structured(series: list[Figure]) -> bool:
    """Parts that read as a breakdown: X类 labels, a 分别为 list, or a 从…看 paragraph."""
    block = series[0].block
    return (
        any("类" in f.quantity.label_before for f in series)
        or any(f.listed_after is not None for f in series)
        or bool(DIMENSION_OPENING.match(block.text))
        or series[0].in_breakdown
    )


def matching_total(figures: list[Figure], series: list[Figure]) -> Figure | None:
    first = series[0]
    unit, key = first.quantity.unit, first.key
    if first.in_breakdown:
        # 地区生产总值3712.5亿元。分产业看，第一产业增加值……: the whole is the one
        # figure of the same unit in the sentence just before the breakdown.
        before = [
            f for f in figures
            if f.block is first.block and f.sentence == first.sentence - 1 and f.quantity.unit == unit and f.role in ("part", "total")
        ]
        return before[0] if len(before) == 1 else None
    candidates = [
        f for f in figures
        if f.role in ("total", "scope") and f.quantity.unit == unit and f.quantity.start < first.quantity.start
        and f.quantity.label.endswith(key)
    ]
    same_paragraph = [f for f in candidates if f.block is first.block and _governs(f, first)]
    if same_paragraph:
        return same_paragraph[-1]
    # Across paragraphs only where the copy clearly refers back (从项目建设阶段看……),
    # and never to a figure that is itself inside such a breakdown.
    if DIMENSION_OPENING.match(first.block.text):
        earlier = [f for f in candidates if f.block is not first.block and not DIMENSION_OPENING.match(f.block.text)]
        if earlier:
            return earlier[-1]
    return None


def _governs(total: Figure, first_part: Figure) -> bool:
    """A total in the same sentence governs the parts after it only through 其中, 分别 or 中."""
    if total.sentence != first_part.sentence or total.role == "scope":
        return True
    between = total.block.text[total.quantity.end - total.block.start : first_part.quantity.start - total.block.start]
    return bool(_GOVERNING.search(between))


def sum_text(series: list[Figure]) -> str:
    return "+".join(f.quantity.shown() for f in series)
