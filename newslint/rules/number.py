"""number: figures that must agree — totals, shares, counts, headline against body, dates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, Kind, sentences
from ..figures import DIMENSION_OPENING, Figure, is_structured, matching_total, parts_series, read_article, sum_text
from ..finding import Finding, Related, Severity
from ..numbers import Quantity, block_quantities, chinese_to_number
from ..patterns import lazy
from ..rule import Rule, register
from ..statements.reading import unit_of

_SHARE_LINK = lazy(r"^[、，,]?\s*(?:占比为?|比重为?|占[\p{Han}]{0,12}?的?(?:比重为?)?)$")


_REST_LABEL = lazy(r"其他|其余|其它")


_COMBINED = lazy(r"合计|共计|总计|共")


_AVERAGE = lazy(r"人均|户均|平均|中位数|均价")


# 食品类增长22.5%: a growth rate, not a share.
_RATE_LABEL = lazy(r"(?:增长|下降|增速|增幅|上涨|下跌|回落|提高)$")


_NAMED_WHOLE = lazy(r"占[\p{Han}]{2,}的")


_DATELINE_DATE = lazy(r"(\d{1,2})月(\d{1,2})日")


@register
class PartsTotal(Rule):
    """Parts that do not add up to the stated total.

    A breakdown (X类项目 …个, a 分别为 list, a paragraph that opens 从…看) is
    checked against the total it belongs to: 共有…317个, 317个项目中 in the same
    sentence or paragraph, or, for a 从…看 paragraph, the total stated earlier in
    the article. A 分产业看 sentence inside a paragraph is checked against the one
    figure of its unit in the sentence before (地区生产总值 against 第一、第二、
    第三产业增加值). Parts that exceed the total are always reported; parts that
    fall short only when the breakdown is known to be complete (shares that sum
    to 100%, an 其他/其余 item, parts numbered 第一, 第二 … in a 分…看 breakdown,
    or a parallel breakdown of the same paragraph that adds up exactly).
    Approximate figures (约, 余, 以上) and ranges are never summed.

    Bad:  317个项目中，共有产业类项目190个，其他3类项目分别为77个、29个、31个。
    Good: 317个项目中，共有产业类项目180个，其他3类项目分别为77个、29个、31个。
    """

    id = "number/parts-total"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            figures = doc.memo(f"figures:{article.index}", lambda a=article: read_article(doc, a))
            checks = []
            for series in parts_series(figures):
                if not is_structured(series):
                    continue
                total = matching_total(figures, series)
                if total is None or any(_AVERAGE.search(f.quantity.label_before) for f in [total, *series]):
                    continue  # 人均, 中位数: averages never add up
                parts_sum = sum(f.quantity.value for f in series)
                tolerance = total.quantity.tolerance() + sum(f.quantity.tolerance() for f in series)
                checks.append((series, total, parts_sum, abs(parts_sum - total.quantity.value) <= tolerance))
            for series, total, parts_sum, exact in checks:
                if exact:
                    continue
                over = parts_sum > total.quantity.value
                complete = self._complete(series, figures, checks)
                if not over and not complete:
                    continue
                shown = total.quantity.written_like(parts_sum)
                yield self.finding(
                    series[0].quantity.start, series[-1].quantity.end,
                    f"分项相加为{shown}（{sum_text(series)}），与总数{total.quantity.shown()}不符",
                    related=(Related(total.quantity.start, total.quantity.end, "总数"),),
                )

    @staticmethod
    def _complete(series: list[Figure], figures: list[Figure], checks) -> bool:
        if any(_REST_LABEL.search(f.quantity.label_before) for f in series):
            return True
        ordinals = "".join(f.quantity.label_before[1:2] for f in series if f.quantity.label_before.startswith("第"))
        if series[0].in_breakdown and ordinals == "一二三四五六七八九"[: len(series)]:
            return True  # 第一、第二、第三产业: the breakdown names every part
        # A parallel breakdown in the same paragraph that adds up exactly
        # (255+62 projects beside 2337.3+876.2 亿元) shows the breakdown is whole.
        block = series[0].block
        return any(exact and other[0].block is block and other is not series and len(other) == len(series) for other, _, _, exact in checks)


@register
class Share(Rule):
    """A percentage that does not match its count and total.

    180个、占比56.8% of 317 must be 180/317 = 56.8% within the rounding of the
    stated precision (one unit of the last digit); a 合计占比 after a list is the
    share of the list's sum. The total is the one the count belongs to, in the
    same sentence or paragraph. The shares of the parts of one breakdown
    (建设类项目占比…、准备类项目占比…, or the 占… of a 分产业看 sentence) may not
    add up to more than 100%.

    Bad:  317个项目中，共有产业类项目180个、占比58.6%。
    Good: 317个项目中，共有产业类项目180个、占比56.8%。
    """

    id = "number/share"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            figures = doc.memo(f"figures:{article.index}", lambda a=article: read_article(doc, a))
            for index, figure in enumerate(figures):
                if figure.role != "share" or index == 0:
                    continue
                counted = self._counted(doc, figures, index)
                if not counted:
                    continue
                total = matching_total(figures, counted)
                if total is None or total.quantity.value == 0:
                    continue
                count = sum(f.quantity.value for f in counted)
                actual = 100 * count / total.quantity.value
                stated = figure.quantity
                if abs(actual - stated.value) <= 10 ** (-stated.decimals) + 1e-9:
                    continue
                numerator = f"({sum_text(counted)})" if len(counted) > 1 else counted[0].quantity.shown()
                yield self.finding(
                    stated.start, stated.end,
                    f"占比应为{actual:.{max(stated.decimals, 1)}f}%（{numerator}÷{total.quantity.shown()}），文中为{stated.text}",
                    related=(Related(total.quantity.start, total.quantity.end, "总数"),)
                    + tuple(Related(f.quantity.start, f.quantity.end, "分项") for f in counted),
                )
            yield from self._over_a_hundred(doc, figures)

    def _over_a_hundred(self, doc: Document, figures: list[Figure]) -> Iterator[Finding]:
        """Shares of the parts of one breakdown (X类项目占比…, or 占… in a 分产业看
        sentence) that add up to more than 100%.

        Only shares given without their counts: a share with a count is checked
        exactly above, and would be reported twice.
        """
        by_sentence: dict[int, list[Figure]] = {}
        for index, figure in enumerate(figures):
            label = figure.quantity.label_before
            if figure.role == "share" and ("类" in label or figure.in_breakdown) and not _RATE_LABEL.search(label):
                if not (index and self._counted(doc, figures, index)):
                    by_sentence.setdefault(figure.sentence, []).append(figure)
        for shares in by_sentence.values():
            if len(shares) < 2:
                continue
            added = sum(f.quantity.value for f in shares)
            slack = sum(10 ** (-f.quantity.decimals) for f in shares) / 2
            if added > 100 + slack + 1e-9:
                last = shares[-1].quantity
                decimals = max(f.quantity.decimals for f in shares)
                yield self.finding(
                    last.start, last.end,
                    f"各部分占比相加为{added:.{decimals}f}%（{'+'.join(f.quantity.text for f in shares)}），超过100%",
                    related=tuple(Related(f.quantity.start, f.quantity.end, "占比") for f in shares[:-1]),
                )

    @staticmethod
    def _counted(doc: Document, figures: list[Figure], index: int) -> list[Figure]:
        """The count a share belongs to: the figure just before it, or the whole list for 合计."""
        share = figures[index]
        previous = figures[index - 1]
        if previous.role != "part" or previous.sentence != share.sentence:
            return []
        between = doc.text[previous.quantity.end : share.quantity.start]
        combined = _COMBINED.search(between)
        link = _COMBINED.sub("", between)
        if not _SHARE_LINK.match(link) or _NAMED_WHOLE.search(link):
            return []  # 占任务数的96.3%: a share of another whole (number/share-of-whole reads those)
        if not combined:
            return [previous]
        items = [previous]
        while items[0].listed_after is not None:
            items.insert(0, items[0].listed_after)
        return items if len(items) > 1 else []


@dataclass(frozen=True)
class EnumerationOptions:
    min_listed_for_short_count: int = 6


_LIST_REACH = 600
_ENUMERATION_COUNT = lazy(r"等(?P<count>\d+|[一二两三四五六七八九十百]+)(?P<unit>个|家|类|项|所|条|名|位|种|座|支|批|处|方面|省|市|区|县|国)")


_BRACKETED = lazy(r"[（(][^（）()]*[）)]|“[^“”]*”|《[^《》]*》")


_CLAUSE_BOUNDARY = lazy(r"[，。；：！？,;:!?]")


@register
class Enumeration(Rule):
    """A list followed by 等N个 that does not have N items.

    等 after a partial list is ordinary Chinese (北京、上海等10个城市 names two of
    ten), so a list is reported only when it names more items than the count, or
    when it is long (`min_listed_for_short_count` items or more) and only one
    short of the count — a list meant to be complete that lost an item.

    Bad:  对市检察院、青岛蓝谷管理局、……（13 items）等14个市直单位党组织开展巡察
    Good: 对市检察院、青岛蓝谷管理局、……（14 items）等14个市直单位党组织开展巡察
    """

    id = "number/enumeration"
    severity = Severity.WARNING
    Options = EnumerationOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.blocks:
            if block.kind is not Kind.BODY or "等" not in block.text:
                continue
            for match in _ENUMERATION_COUNT.finditer(block.text):
                raw = match.group("count")
                count = int(raw) if raw.isdigit() else chinese_to_number(raw)
                if not count:
                    continue
                if count < 2:
                    continue  # 等一批, 等一系列: not a count
                # A list is a clause long: reading back a bounded stretch keeps a long line linear.
                listed = self._items(block.text[max(0, match.start() - _LIST_REACH) : match.start()])
                if len(listed) < 2:
                    continue
                short = count - len(listed)
                # The first item may carry a lead-in of its own (《选读》第一卷、第二卷蒙古文、藏文……):
                # the count is accepted if it fits with or without it.
                # 从拓展……、深化……等五个方面: a first item opened by a listing word carries no lead-in.
                certain_first = bool(_LISTING_OPENER.search(listed[0]))
                if len(listed) - (0 if certain_first else 1) > count:
                    problem = f"列举了{len(listed)}项，多于“等{raw}{match.group('unit')}”"
                elif short == 1 and len(listed) >= self.options.min_listed_for_short_count:
                    problem = f"只列举了{len(listed)}项，与“等{raw}{match.group('unit')}”不符，疑漏列一项或数目有误"
                else:
                    continue
                yield self.finding(block.start + match.start(), block.start + match.end(), problem)

    @staticmethod
    def _items(before: str) -> list[str]:
        # Brackets and quotes may hold 、 or commas of their own: blank them out, keep lengths.
        flat = _BRACKETED.sub(lambda m: "X" * len(m.group()), before)
        boundary = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(flat)), default=0)
        items = [item for item in flat[boundary:].split("、") if item.strip()]
        return items


_LISTING_OPENER = lazy(r"(?:从|对|在|包括|涵盖|涉及|围绕|聚焦|覆盖)(?=\p{Han}{2})")


@dataclass(frozen=True)
class ConflictOptions:
    min_label_chars: int = 3


@register
class Conflict(Rule):
    """The same quantity given two different values in one article.

    A figure in the headline, kicker or deck must match the body where the body
    counts the same thing in the same unit (青岛安排317个高质量发展项目 against
    共安排…高质量发展项目371个); two totals of one label in the body must agree
    too. What counts as "the same thing" is a shared label of at least
    `min_label_chars` characters; approximate figures are not compared.

    Bad:  青岛安排317个高质量发展项目 / 本报讯 …共安排市高质量发展项目371个…
    Good: 青岛安排317个高质量发展项目 / 本报讯 …共安排市高质量发展项目317个…
    """

    id = "number/conflict"
    severity = Severity.ERROR
    Options = ConflictOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        minimum = self.options.min_label_chars
        for article in doc.articles:
            figures = doc.memo(f"figures:{article.index}", lambda a=article: read_article(doc, a))
            exact = [f for f in figures if f.role not in ("other",) and not f.quantity.approximate]
            titles_against, body = exact, article
            if not article.body and article.index + 1 < len(doc.articles):
                # A headline whose body was laid out under the next article
                # (byline/missing reports it): its figures are checked there.
                body = following = doc.articles[article.index + 1]
                borrowed = doc.memo(f"figures:{following.index}", lambda a=following: read_article(doc, a))
                titles_against = [f for f in borrowed if f.role not in ("other",) and not f.quantity.approximate]
            # A rate is common enough to recur by chance: only one in the lead counts as the headline's.
            printed = [
                q for position, block in enumerate(body.body) for q in block_quantities(doc, block)
                if not q.approximate and (not q.is_percent or position < 3)
            ]
            for block in article.title_blocks:
                for quantity in block_quantities(doc, block):
                    if quantity.approximate or quantity.in_range or _printed_in(printed, quantity):
                        continue  # the body prints the headline's figure, under whatever label (共1730人 for 1730名医疗队员)
                    same = [f for f in titles_against if self._same_thing(quantity, f.quantity, minimum)]
                    if same and not any(abs(f.quantity.value - quantity.value) <= quantity.tolerance() + f.quantity.tolerance() for f in same):
                        other = min(same, key=lambda f: abs(f.quantity.value - quantity.value)).quantity
                        yield self.finding(
                            quantity.start, quantity.end,
                            f"标题中的“{quantity.text}”与正文第{doc.position(other.start)[0]}行的“{other.text}”不一致",
                            related=tuple(Related(f.quantity.start, f.quantity.end, "正文中的数字") for f in same),
                        )
            # Two totals in the body: only long labels, and never the sub-totals of a
            # 从…看 breakdown (共有50亿元以上项目9个、总投资860亿元).
            totals = [
                f for f in exact
                if f.role == "total" and len(f.quantity.label) >= max(minimum, 4) and not DIMENSION_OPENING.match(f.block.text)
            ]
            for i, later in enumerate(totals):
                for earlier in totals[:i]:
                    a, b = earlier.quantity, later.quantity
                    same_label = a.label == b.label and len(a.label) >= 6 and a.unit == b.unit
                    if same_label and a.value != b.value and _near(earlier, later) and _same_period(doc, earlier, later):
                        yield self.finding(
                            later.quantity.start, later.quantity.end,
                            f"“{later.quantity.label}”在第{doc.position(earlier.quantity.start)[0]}行为{earlier.quantity.text}，此处为{later.quantity.text}",
                            related=(Related(earlier.quantity.start, earlier.quantity.end, "前文的数字"),),
                        )
                        break

    @staticmethod
    def _same_thing(a: Quantity, b: Quantity, minimum: int) -> bool:
        """Whether two figures count the same thing: their labels share a run of words
        (市高质量发展项目317个 and 317个高质量发展项目集中签约)."""
        if a.unit != b.unit:
            return False
        return any(
            _shared_run(left, right) >= minimum
            for left in (a.label_before, a.label_after) if left
            for right in (b.label_before, b.label_after) if right
        )


def _printed_in(printed: list[Quantity], quantity: Quantity) -> bool:
    return any(
        unit_of(q) == unit_of(quantity) and abs(q.value - quantity.value) <= q.tolerance() + quantity.tolerance() for q in printed
    )


# A long report (an annual report printed as one block, its paragraphs opening 　　)
# reuses a label per section, group or level (累计资助金额 for each school level;
# 调入一般公共预算 for the central, the local and the national fund).
_INDENT = "\u3000\u3000"


def _paragraph(figure: Figure) -> tuple[int, int, str]:
    """The paragraph a figure is in, counting 　　-indented paragraphs inside a block, and how it opens."""
    text = figure.block.text
    at = figure.quantity.start - figure.block.start
    opening = text.rfind(_INDENT, 0, at)
    opening = opening + len(_INDENT) if opening >= 0 else 0
    return figure.block.index, text.count(_INDENT, 0, at), text[opening : opening + 2]


def _near(earlier: Figure, later: Figure) -> bool:
    """Two figures of one label in the same paragraph, or in paragraphs at most three apart; where a
    sentence names no subject (调入一般公共预算577.5亿元), it tells of its paragraph's, so paragraphs
    that open differently (中央……, 地方……, 汇总……) tell of different things."""
    first, second = _paragraph(earlier), _paragraph(later)
    if first[:2] == second[:2]:
        return True
    if first[0] == second[0]:  # indented paragraphs of one report: each section restates its labels
        return second[1] - first[1] <= 3 and first[2] == second[2]
    elided = _opens_sentence(earlier) or _opens_sentence(later)
    return second[0] - first[0] <= 3 and (first[2] == second[2] or not elided)


def _opens_sentence(figure: Figure) -> bool:
    text = figure.block.text
    at = figure.quantity.start - figure.block.start - len(figure.quantity.label_before)
    return at <= 0 or text[at - 1] in "。！？；　"


# What sets a figure in time or against a plan: 2019年, 上年, 预算, 一季度 ….
_PERIOD_WORD = lazy(r"\d{4}年|上年|去年|明年|前年|同期|预算|计划|目标|[一二三四]季度|上半年|下半年|前三季度|\d{1,2}[-—至]\d{1,2}月")


def _same_period(doc: Document, a: Figure, b: Figure) -> bool:
    """Two figures of one label told of different periods or against a plan are not in conflict
    (2019年收入89305.41亿元, 2020年收入预算82770亿元)."""
    first, second = _period_words(doc, a), _period_words(doc, b)
    plans = {"预算", "计划", "目标"}
    if bool(first & plans) != bool(second & plans):
        return False  # one is a plan, the other an outcome
    return not (first and second) or first == second


def _period_words(doc: Document, figure: Figure) -> frozenset[str]:
    text = figure.block.text
    at = figure.quantity.start - figure.block.start
    start = max(text.rfind("。", 0, at), text.rfind("；", 0, at)) + 1
    end = min((i for i in (text.find("。", at), text.find("；", at)) if i >= 0), default=len(text))
    return frozenset(_PERIOD_WORD.findall(text[start:end]))


def _shared_run(a: str, b: str) -> int:
    """Length of the longest run of characters two labels share: 进出口 of 进出口总值 and 货物贸易进出口."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


_DATE = lazy(
    r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})月(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})日"
    r"(?:[（(]?(?:星期|周)(?P<weekday>[一二三四五六日天])[）)]?)?"
)


_BARE_DAY = lazy(r"(?<![\d月一二三四五六七八九十])(?P<day>\d{1,2})日")


_FUTURE = lazy(r"将|拟|计划|预计|即将|届时|定于|起(?!来)|以后|之后|前夕|有望|预报|预测|报到|夜间|白天")


# 13日至15日: a span of days, as forecasts and schedules give them, not a day told as past.
_DAY_SPAN = lazy(r"\d{1,2}日(?:[^，。]{0,4})?(?:至|到|—|-)\s*\d{1,2}日")


WEEKDAYS = "一二三四五六日"


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else chinese_to_number(text)


@register
class ImpossibleDate(Rule):
    """A date that cannot exist, or a weekday that does not match its date.

    2月30日, 4月31日, 13月5日, 2023年2月29日 (not a leap year) are keying slips;
    2024年3月4日（星期二） names the wrong day (it was a Monday). 2月29日 with no
    year is accepted.

    Bad:  2023年2月29日，大讲堂开讲。
    Good: 2024年2月29日，大讲堂开讲。
    """

    id = "number/date"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        import calendar  # noqa: PLC0415 - only for copy with dates
        import datetime  # noqa: PLC0415

        for block in doc.blocks:
            if "月" not in block.text or "日" not in block.text:
                continue
            for match in _DATE.finditer(block.text):
                year, month, day = _number(match.group("year")), _number(match.group("month")), _number(match.group("day"))
                if month is None or day is None:
                    continue
                start, end = block.start + match.start(), block.start + match.end()
                if not 1 <= month <= 12:
                    yield self.finding(start, end, f"“{match.group()}”：没有{month}月")
                    continue
                longest = calendar.monthrange(year, month)[1] if year else (29 if month == 2 else calendar.monthrange(2001, month)[1])
                if not 1 <= day <= longest:
                    where = f"{year}年{month}月" if year else f"{month}月"
                    yield self.finding(start, end, f"“{match.group()}”：{where}只有{longest}天")
                    continue
                weekday = match.group("weekday")
                if year and weekday:
                    actual = WEEKDAYS[datetime.date(year, month, day).weekday()]
                    if weekday.replace("天", "日") != actual:
                        yield self.finding(start, end, f"{year}年{month}月{day}日是星期{actual}，文中写作星期{weekday}")


@register
class DatelineDate(Rule):
    """An event told as past on a day after the dateline.

    In 本报3月4日讯, a bare 5日 in the same article can only be in the future;
    told without 将/拟/计划/预计, it contradicts the dateline. Only `info`:
    the copy may have been filed late or the dateline may be wrong.

    Bad:  本报3月4日讯 5日上午，全市组织部长会议召开。
    Good: 本报3月4日讯 4日上午，全市组织部长会议召开。
    """

    id = "number/dateline-date"
    severity = Severity.INFO

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            if article.dateline is None:
                continue
            dateline = doc.text[article.dateline[0] : article.dateline[1]]
            stamped = _DATELINE_DATE.search(dateline)
            if not stamped:
                continue
            filed_day = int(stamped.group(2))
            # The lead paragraphs only, and a day at most a week ahead: 30日 under a
            # 1月5日 dateline is the month before, and later paragraphs may look back.
            for block in article.body[:3]:
                for start, end in sentences(block.text, block.start):
                    sentence = doc.text[start:end]
                    if _FUTURE.search(sentence) or _DAY_SPAN.search(sentence):
                        continue
                    for match in _BARE_DAY.finditer(sentence):
                        day = int(match.group("day"))
                        if filed_day < day <= min(31, filed_day + 7) and (start + match.start()) >= article.dateline[1]:
                            yield self.finding(
                                start + match.start(), start + match.end(),
                                f"电头日期为{stamped.group()}，正文以过去时叙述{day}日的事",
                            )
