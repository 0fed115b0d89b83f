"""Totals and their parts: complete breakdowns, 其中 and M of N, parts listed after a total, changes told against an earlier figure."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

import regex

from ..document import Block
from ..lexicon import read_data
from ..numbers import ADDITIVE_UNITS, Quantity, chinese_to_number
from ..patterns import lazy
from .claims import Breakdown, Difference, ListedParts, PartOf
from .reading import (
    _CHANGE,
    _M_OF_N,
    _OTHER_PERIOD,
    _VERB_TAIL,
    _clause_before,
    _count_quantity,
    _count_value,
    _is_change,
    _last_mark,
    _marks,
    _position,
    unit_of,
)

_SUMMED_AFTER = lazy(r"[，,]?\s*(?:合计|共计|总计)")


_QIZHONG = lazy(r"其中[，,：:]?")


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
    text, at = block.text, quantity.start - block.start
    return text.rfind("（", 0, at) > text.rfind("）", 0, at) or text.rfind("(", 0, at) > text.rfind(")", 0, at)


def _open_ended(block: Block, quantity: Quantity) -> bool:
    """1700万人次以上, 超1700万: a floor, not a whole."""
    after = block.text[quantity.end - block.start : quantity.end - block.start + 3]
    return after.startswith(("以上", "多", "余", "左右"))


def _m_of_n(block: Block) -> Iterator[PartOf]:
    for match in _M_OF_N.finditer(block.text):
        n, m = _count_value(match.group("n")), _count_value(match.group("m"))
        if n is None or m is None:
            continue
        unit = match.group("unit")
        whole = _count_quantity(block, match.start("n"), match.end("unit"), n, unit)
        part = _count_quantity(block, match.start("m"), match.end(), m, unit)
        yield PartOf(whole, part)
