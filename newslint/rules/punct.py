"""punct: punctuation in Chinese copy, after GB/T 15834-2011 (标点符号用法)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document, Kind
from ..finding import Edit, Finding, Severity
from ..patterns import lazy
from ..rule import Rule, register
from ..spans import Spans

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Quotes are left out: they wrap English too ("Yes, we can!").
_CJK = r"[\p{Han}《》（）【】「」、，。；：！？…—]"
_HALF_MARK = lazy(rf"(?<={_CJK})[,;:?!]|[,;:?!](?={_CJK})")
_HALF_BRACKETS = lazy(r"\(([^()\n]{0,80})\)")
_URL = lazy(r"(?:https?|ftp)://\S+|www\.\S+|\S+@\S+\.\w+")
_HAN = lazy(r"\p{Han}")



def _url_spans(text: str) -> Spans:
    return Spans(m.span() for m in _URL.finditer(text))


@register
class HalfWidth(Rule):
    """Half-width punctuation inside Chinese text.

    Chinese copy takes full-width marks (GB/T 15834-2011, chapter 5, on the
    position and written form of marks, including text keyed with Chinese input
    software). A half-width , ; : ? ! ( ) touching Chinese text
    is a keying or conversion slip; the fix replaces it with its full-width form.
    Decimals (3.5), thousands (1,000), times (10:30), ratios, URLs and English
    phrases are left alone.

    Bad:  4日上午,青岛欧美同学会(青岛留学人员联谊会)召开会员代表大会。
    Good: 4日上午，青岛欧美同学会（青岛留学人员联谊会）召开会员代表大会。
    """

    id = "punct/half-width"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.text_blocks():
            text, base = block.text, block.start
            urls = _url_spans(text) if ("/" in text or "@" in text or "www" in text) else Spans(())
            for match in _HALF_MARK.finditer(text):
                if urls.covers(match.start()):
                    continue
                mark = match.group()
                yield self.finding(
                    base + match.start(), base + match.end(),
                    f"中文里用了半角“{mark}”，应为全角“{FULL_WIDTH[mark]}”",
                    suggestion=FULL_WIDTH[mark],
                    edits=[Edit(base + match.start(), base + match.end(), FULL_WIDTH[mark])],
                )
            for match in _HALF_BRACKETS.finditer(text):
                before = text[match.start() - 1 : match.start()]
                after = text[match.end() : match.end() + 1]
                if not (_HAN.match(before) or _HAN.match(after) or _HAN.search(match.group(1))):
                    continue
                if urls.covers(match.start()):
                    continue
                start, end = base + match.start(), base + match.end()
                yield self.finding(
                    start, end,
                    "中文里用了半角括号“( )”，应为全角“（ ）”",
                    suggestion=f"（{match.group(1)}）",
                    edits=[Edit(start, start + 1, "（"), Edit(end - 1, end, "）")],
                )


PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」", "『": "』", "〔": "〕"}
CLOSING = {close: open_ for open_, close in PAIRS.items()}
# A half-width bracket may close a full-width one and the other way round: the
# width itself is punct/half-width's business, balance is this rule's.
SAME_PAIR = {"(": "（", ")": "）"}
_PAIR_MARK = lazy("[" + regex.escape("".join(PAIRS) + "".join(CLOSING)) + "]")


@register
class Unbalanced(Rule):
    """A quotation mark or bracket opened and not closed, or closed and never opened.

    Checked within each paragraph for quotation marks “ ” ‘ ’ 「 」 (GB/T 15834-2011
    4.8), brackets （ ） 【 】 (4.9) and title marks 《 》 (4.15). A quotation that
    runs over several paragraphs opens each paragraph with “ and closes only at
    the end of the last (4.8), so a paragraph left open is fine when the next
    one opens with the same mark. For the same reason a text of a
    single paragraph (a sentence pasted on its own, an excerpt) is not judged on
    a quotation that runs off its start or end with no other mark beyond it: the
    rest of the quotation may lie outside the excerpt.

    Bad:  他说：“要把服务送上门。
    Good: 他说：“要把服务送上门。”
    """

    id = "punct/unbalanced"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.text_blocks():
            if not _PAIR_MARK.search(block.text):
                continue
            unclosed, stray = _match_pairs(block.text)
            if len(doc.blocks) == 1:
                unclosed, stray = _drop_quotes_off_the_edge(block.text, unclosed, stray)
            for position in stray:
                mark = block.text[position]
                yield self.finding(
                    block.start + position, block.start + position + 1,
                    f"“{mark}”没有对应的“{CLOSING[mark]}”",
                )
            following = doc.next_block(block)
            for position in unclosed:
                mark = block.text[position]
                if mark == "“" and following is not None and following.kind is Kind.BODY and following.text.startswith("“"):
                    continue  # a quotation continued into the next paragraph
                yield self.finding(
                    block.start + position, block.start + position + 1,
                    f"“{mark}”在本段没有对应的“{PAIRS[mark]}”",
                )


def _match_pairs(text: str) -> tuple[list[int], list[int]]:
    """Positions of openers never closed, and of closers never opened."""
    stack: list[int] = []
    stray: list[int] = []
    for match in _PAIR_MARK.finditer(text):
        mark, position = match.group(), match.start()
        if mark in PAIRS and not (mark in CLOSING and stack and _same(text[stack[-1]], mark)):
            stack.append(position)
            continue
        opener = CLOSING[mark]
        depth = next((k for k in range(len(stack) - 1, -1, -1) if _same(text[stack[k]], opener)), None)
        if depth is None:
            stray.append(position)
        else:
            stray_openers = stack[depth + 1 :]
            del stack[depth:]
            stack.extend(stray_openers)  # openers inside that never closed stay open
    return stack, stray


_QUOTE_MARKS = frozenset("“”‘’「」『』")


def _drop_quotes_off_the_edge(text: str, unclosed: list[int], stray: list[int]) -> tuple[list[int], list[int]]:
    """Leave out quotation marks that open after the last other pair mark of an
    excerpt, or close before its first: the quotation continues beyond the text."""
    marks = [m.start() for m in _PAIR_MARK.finditer(text)]
    last, first = marks[-1], marks[0]
    return (
        [p for p in unclosed if not (p == last and text[p] in _QUOTE_MARKS)],
        [p for p in stray if not (p == first and text[p] in _QUOTE_MARKS)],
    )


def _same(a: str, b: str) -> bool:
    return SAME_PAIR.get(a, a) == SAME_PAIR.get(b, b)


_DOUBLED = lazy(r"([，、；：。])\1+|[，、；：][。！？]|[。！？][，、；：]")


@register
class DoubledMark(Rule):
    """Two punctuation marks where one belongs (，， 。。 、、 ，。 。，).

    A doubled or clashing pair of marks is left when an edit deletes the words
    between them. A question asked with strong feeling may close on ？！, and
    an ellipsis is …… (GB/T 15834-2011 4.11); neither is flagged. A doubled mark is removed
    safely; for a clash the fix keeps the first mark and is marked unsafe.

    Bad:  会议强调，，要严守巡察职责边界。
    Good: 会议强调，要严守巡察职责边界。
    """

    id = "punct/doubled-mark"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.text_blocks():
            for match in _DOUBLED.finditer(block.text):
                marks = match.group()
                start, end = block.start + match.start(), block.start + match.end()
                if len(set(marks)) == 1:
                    yield self.finding(
                        start, end, f"标点“{marks}”重复，应为“{marks[0]}”",
                        suggestion=marks[0], edits=[Edit(start + 1, end, "")],
                    )
                else:
                    yield self.finding(
                        start, end, f"标点“{marks}”连用，应只保留一个",
                        suggestion=marks[0], edits=[Edit(start + 1, end, "")], safe=False,
                    )


_BAD_ELLIPSIS = lazy(r"(?<![.…])(?:\.{3,6}|。{3,6}|．{3,6}|…(?!…))(?![.…])")


@register
class Ellipsis(Rule):
    """An ellipsis written as ... or 。。。 or a single …, in Chinese text.

    The Chinese ellipsis is two ellipsis characters, …… (GB/T 15834-2011, 4.11).
    Three full stops or dots, or a lone …, are slips of keying or conversion.

    Bad:  同时还可以及时反馈企业诉求...
    Good: 同时还可以及时反馈企业诉求……
    """

    id = "punct/ellipsis"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.text_blocks():
            if "..." not in block.text and "。。。" not in block.text and "…" not in block.text and "．．．" not in block.text:
                continue
            for match in _BAD_ELLIPSIS.finditer(block.text):
                before = block.text[max(0, match.start() - 1) : match.start()]
                if match.group()[0] == "." and not _HAN.match(before or " "):
                    continue  # "and so on..." in English
                start, end = block.start + match.start(), block.start + match.end()
                yield self.finding(
                    start, end, f"省略号应为“……”，不是“{match.group()}”",
                    suggestion="……", edits=[Edit(start, end, "……")],
                )


_NUMBER = r"\d+(?:\.\d+)?(?:万亿|亿|万|千)?"
_RANGE = lazy(
    rf"(?<![A-Za-z0-9.\-/:])(?P<low>{_NUMBER})(?P<unit>[\p{{Han}}%]{{0,2}}?)-(?P<high>{_NUMBER})(?=[\p{{Han}}%])"
)
_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}


def _value(number: str) -> float:
    for suffix, scale in _MAGNITUDE.items():
        if number.endswith(suffix):
            return float(number[: -len(suffix)]) * scale
    return float(number)


@register
class RangeSign(Rule):
    """A hyphen used as the range sign between two figures in Chinese copy.

    GB/T 15834-2011 4.13 (connecting marks): a range of figures takes the wave dash ～
    (10亿～50亿元), a span of years or dates the one-em dash — (2023—2027年);
    the hyphen - joins words and codes. Telephone numbers, dates such as
    2024-03-04 and codes are not ranges and are left alone.

    Bad:  10亿-50亿元项目82个
    Good: 10亿～50亿元项目82个
    """

    id = "punct/range-sign"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.text_blocks():
            if "-" not in block.text:
                continue
            for match in _RANGE.finditer(block.text):
                low, high = match.group("low"), match.group("high")
                if low.startswith("0") and not low.startswith("0."):
                    continue  # 0532-8586 6666: a telephone number
                if _value(high) <= _value(low):
                    continue  # not a range from low to high: a code or a score
                years = len(low) == len(high) == 4 and block.text[match.end() : match.end() + 1] == "年"
                sign = "—" if years else "～"
                dash = block.start + match.end("unit")
                yield self.finding(
                    dash, dash + 1,
                    f"表示范围应用“{sign}”，不用连字符“-”（{match.group()}）",
                    suggestion=sign, edits=[Edit(dash, dash + 1, sign)],
                )
