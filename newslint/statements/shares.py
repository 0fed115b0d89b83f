"""Shares against their parts and wholes: 占……的X%, 占比, 增长面, 完成全年目标的X%, structures and the shares of one breakdown."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Block, Document
from ..numbers import Quantity
from ..patterns import lazy
from .claims import Breakdown, BreakdownShares, PartOf, ShareClaim, SharesOfOneWhole, Structure
from .reading import _VERB_TAIL, M_OF_N, _between, _clause_start, _count_quantity, _count_value, _is_change, _position_at, _sentence_spans

_SHARE = lazy(
    r"占(?!比)(?P<whole>[^，。；;占]{0,40}?)的?(?:比重|比例)?(?:为|达到?|达|是|升至|升到|降至)?(?P<pct>\d+(?:\.\d+)?)[%％]"
    r"|(?:占比|所占比重|比重)(?:为|达到?|达|是|升至|升到|降至)?(?P<pct2>\d+(?:\.\d+)?)[%％]"
    # 完成全年900万人目标的73%: a share of a whole printed in the phrase itself
    r"|(?:完成|达到|相当于)(?P<whole3>[^，。；;占的]{0,20}?\d[^，。；;占的]{0,12}?)的(?P<pct3>\d+(?:\.\d+)?)[%％]"
)


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
    M_OF_N
    + r"|(?<=有|其中[，,]?)(?P<m2>\d+|[两三四五六七八九十]{1,3})(?P<unit2>个|家|项|类|所|座)(?P<noun>[\p{Han}]{1,4}?)(?=实现|增加值|保持|同比|出现|增长)"
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
