"""Counts against what they count: 江苏、浙江、安徽三省; 五个方面……一是……五是; 分三大门类看 and one clause per category."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Block
from ..numbers import chinese_to_number
from ..patterns import lazy
from ..spans import Spans
from .claims import CountClaim
from .reading import _common_suffix, _count_value, _last_mark, _marks

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


def _counts_after_lists(block: Block) -> Iterator[CountClaim]:
    """江苏、浙江、安徽三省: a 、 list closed by the count of its items. Where the
    list has three items or more and the count is of categories (完工量、新接订单量、
    手持订单量三大指标), where the first item begins does not change the count."""
    # (match, its items, whether the first item may carry a lead-in)
    matches = [(m, m.group("items"), False) for m in _COUNT_AFTER_LIST.finditer(block.text)]
    taken = Spans(m.span("count") for m, _, _ in matches)
    clause_ends = None
    for match in _COUNT_AFTER_LONG_LIST.finditer(block.text):
        if not taken.covers(match.start("count")):
            # The items are all that the clause holds before the count: an item too long
            # for the pattern (新一代电子信息技术) must not shorten the list.
            clause_ends = clause_ends if clause_ends is not None else _marks(block.text)[0]
            opening = _last_mark(clause_ends, match.start("items"))
            matches.append((match, block.text[opening : match.end("items")].lstrip("，,：:；;。 "), True))
    for match, items, lead_in in matches:
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
        named = regex.split("[、和及与]", items)[1 if lead_in else 0 :]
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
