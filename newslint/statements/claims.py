"""The statements the number rules check, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from ..numbers import Quantity


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
