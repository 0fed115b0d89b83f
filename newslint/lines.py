"""The kinds of line news copy is made of, read one line at a time.

Character classes and the end of a sentence; the block and article records;
recognisers for bylines, datelines, credits, captions, list items and title-like
lines; and the split of a text into blocks with exact offsets. How blocks make
up articles is segment.py's work.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from .patterns import lazy
from .suppress import is_directive

# --- character classes ------------------------------------------------------

HAN = r"\p{Han}"
CLOSERS = "”’」』）)》】〕\"'"
SENTENCE_END = "。！？!?…"
# A paragraph may also close on these without being cut off: a colon before a
# list, a semicolon closing a list item (GB/T 15834 4.6), a dash before a quote.
SOFT_END = "：:；;"
BULLETS = "●○■□◆◇▲△▼▽★☆•·"

_CLOSERS_AND_SPACE = CLOSERS + " \t\u3000"
_TRAILING_NOTE = lazy(r"[（(][^（）()]{1,40}[）)]\s*$")
_WHOLE_NOTE = lazy(r"[（(][^（）()]+[）)]$")
_HAN_CHARACTER = lazy(r"\p{Han}")
_LATIN_SENTENCE_END = lazy(r"[A-Za-z\p{Han}\d%)\]][.]$")


def ends_sentence(text: str) -> bool:
    """Whether a block ends where a sentence may end (。！？…, with closing quotes)."""
    stripped = text.rstrip(_CLOSERS_AND_SPACE)
    if not stripped:
        return True
    if stripped[-1] in SENTENCE_END or stripped[-1] in SOFT_END:
        return True
    if stripped.endswith(("...", "。。。", "．．．")):
        return True  # an ellipsis keyed wrongly still ends the sentence (punct/ellipsis reports it)
    if stripped.endswith("——"):
        return True
    if _LATIN_SENTENCE_END.search(stripped):
        # In Chinese copy "上涨4." at a line end is a decimal cut in two, not an
        # English full stop: Chinese sentences close on 。.
        return not (stripped[-2:-1].isdigit() and _HAN_CHARACTER.search(stripped))
    if _WHOLE_NOTE.match(text.strip(" \t\u3000")):
        return True  # a paragraph that is all one note: （来源：https://……）
    # "……。（记者 张三）" and "……。（完）": a note in brackets after the sentence.
    note = _TRAILING_NOTE.search(text)
    if note:
        return note.start() == 0 or ends_sentence(text[: note.start()])
    return False


# --- blocks -----------------------------------------------------------------


class Kind(str, enum.Enum):
    HEADLINE = "headline"
    KICKER = "kicker"  # 引题: the line above a headline
    DECK = "deck"  # 副题: lines under a headline
    SUBHEAD = "subhead"  # 小标题 inside an article
    BYLINE = "byline"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"  # closing credits and notes: 版式设计：…, 某某摄, （作者为…）, （本报…电）
    LIST_ITEM = "list-item"
    TABLE_ROW = "table-row"  # a Markdown table row: cells, not sentences
    SEPARATOR = "separator"

    def __str__(self) -> str:
        return self.value


TITLE_KINDS = frozenset({Kind.HEADLINE, Kind.KICKER, Kind.DECK})
# Blocks that are copy to proofread: everything but bylines and separators.
TEXT_KINDS = frozenset(
    {Kind.BODY, Kind.HEADLINE, Kind.KICKER, Kind.DECK, Kind.SUBHEAD, Kind.CAPTION, Kind.LIST_ITEM, Kind.TABLE_ROW}
)


@dataclass(slots=True)
class Block:
    """One non-blank line of copy; start/end cover its text without indentation or markup."""

    kind: Kind
    start: int
    end: int
    text: str
    line_start: int  # offset of the line itself, markup included
    line_end: int
    blank_before: bool  # separated from the previous block by a blank line
    heading_level: int = 0  # Markdown '#' count, 0 for plain lines
    index: int = 0
    article: int = 0  # index of the article it belongs to
    _ends_sentence: bool | None = field(default=None, repr=False, compare=False)

    def ends_sentence(self) -> bool:
        if self._ends_sentence is None:
            self._ends_sentence = ends_sentence(self.text)
        return self._ends_sentence


@dataclass(slots=True)
class Article:
    blocks: list[Block]
    index: int = 0
    dateline: tuple[int, int] | None = None  # span of "本报3月4日讯" in the first body block

    @property
    def headline(self) -> Block | None:
        return next((b for b in self.blocks if b.kind is Kind.HEADLINE), None)

    @property
    def title_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in TITLE_KINDS]

    @property
    def bylines(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is Kind.BYLINE]

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is Kind.BODY]


# --- recognisers ----------------------------------------------------------------

_MARKDOWN_HEADING = lazy(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LIST_ITEM = lazy(
    r"^(?:[-*+][ \t]|\d{1,3}(?:\.(?!\d)|[、)）])[ \t]?|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[①-⑳])"
)
_CAPTION = lazy(r"^(?:图为|图[:：]|图片[:：]|[▲△]|（图[/／]|\(图[/／])|(?:摄|供图|图片来源[:：].*)[）)]?$")
# Closing credits and notes as papers set them under a story (GB/T 15834 aside,
# these are layout conventions): a role and a colon, a photographer's 摄, an
# author's note or a wire attribution in brackets, a sign-off name in brackets.
_CREDIT = lazy(
    r"""^(?:本版|本期|题图|版式|美术|图片)?(?:版式设计|美术设计|设计|制图|绘图|校对|责编|责任编辑|数据来源|资料来源|图片来源|插图|统筹|策划|监制)(?:\s*[:：]|[\s\u00a0]+\p{Han}{1,4}(?:[\s\u00a0、]+\p{Han}{1,4})*$)
    |^(?:传真|电话|热线|联系电话|邮箱|电子邮箱|投稿邮箱|电子信箱|地址|邮编|网址)\s*[:：][^，。；！？]{1,60}$
    |^——\s*(?:编\s*者|记\s*者|本报评论员|@[^，。；！？]{1,30}|[\p{Han}·]{2,4})$
    |^[（(][^（）()]{4,120}(?:研究员|教授|讲师|主任|院长|所长|学者|博士|博士生|会长|秘书长|理事长)[）)]$
    |^[^，。；！？]{2,30}?[\s\u3000]+\d{4}年\d{1,2}月(?:\d{1,2}日)?$
    |^\d{4}年\d{1,2}月\d{1,2}日(?:于\p{Han}{1,10})?$
    |^(?:设计|漫画|编辑|来源|摄影|摄像)\s*[:：]
    |^[^，。；！？]{0,40}?(?:摄|摄影报道|摄影|供图|新华社发|本报发|制表|整理|采访整理)\s*(?:[（(][^（）()]{1,16}[）)])?$
    |^[（(](?:作者|本文作者|作者单位|作者系)[^（）()]{0,120}[）)]$
    |^[（(](?:本报|新华社|人民网|中新社|央视网)[^（）()]{0,80}电[^（）()]{0,80}[）)]$
    |^[（(][\p{Han}·][\p{Han}·\s\u3000\u00a0]{0,10}[）)]$
    |^[（(](?:本报|特约|见习|实习)?(?:记者|通讯员)[^（）()]{1,120}[）)]$""",
    regex.VERBOSE,
)
# Every credit has one of these; most lines have none, and the full pattern is slow.
_CREDIT_HINT = lazy(r"[：:摄）)]|供图|新华社发|本报发|整理|制表|设计|编辑|来源|校对|责编|统筹|策划|监制|插图|^——|\d{4}年\d{1,2}月")
_SEPARATOR = lazy(r"^[\p{P}\p{S}\s]+$")
_NAME = r"[\p{Han}·]{2,4}"
_ROLE = r"(?:特约|见习|实习|首席|摄影)?(?:记者|通讯员|撰稿人?|摄影|编辑)"
_BYLINE = lazy(
    rf"""^[□■◇◆]?\s*
    (?:[\p{{Han}}A-Za-z/／·]{{0,24}}?{_ROLE}\s*{_NAME}(?:[\s、，,]+{_NAME})*\s*)+$
    |^[□■◇◆]?\s*(?:(?:文|图|摄影|撰文|文字|视频)\s*[/／|｜:：]\s*{_NAME}(?:[\s、，,]+{_NAME})*\s*)+$
    |^By\s+\p{{Lu}}[\p{{L}}.'-]+(?:\s+(?:and\s+)?\p{{Lu}}[\p{{L}}.'-]+){{0,5}}\s*$
    |^[□■◇◆]?\s*(?:本报|本刊|[\p{{Han}}]{{2,8}}?(?:日报|晚报|报|社|网))?(?:特约)?评论员(?:\s+{_NAME})?\s*$
    """,
    regex.VERBOSE,
)
# "记者 " with nothing after it, or a name list with a stray separator: still a byline line.
_BYLINE_LIKE = lazy(rf"^[□■◇◆]\s*\S{{0,24}}?{_ROLE}|^(?:本报)?{_ROLE}[\s、，,]*$|^(?:本报)?{_ROLE}\s+{_NAME}[\s、，,]+$")
_AGENCY = r"(?:本报|新华社|中新社|中新网|人民网|新华网|央视网|光明网|法新社|路透社|美联社|共同社|塔斯社)"
_DATE = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
DATELINE = lazy(
    rf"^(?:{_AGENCY}[\p{{Han}}]{{0,8}}?(?:{_DATE})?(?:讯|电)"
    rf"|[\p{{Han}}]{{2,12}}(?:日报|晚报|早报|时报|新闻网?|社|台)[\p{{Han}}]{{0,8}}?{_DATE}(?:讯|电)"
    r"|[\p{Han}]{2,10}消息(?=(?:[（(][^（）()]{0,40}[）)])?[：:]))"
    r"(?:[（(][^（）()]{0,40}[）)])?[：:]?"
)


def is_byline_text(text: str) -> bool:
    return len(text) <= 60 and bool(_BYLINE.match(text) or _BYLINE_LIKE.match(text))


_SENTENCE_PUNCTUATION = lazy(r"[，。；,;]")
_TITLE_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"))
_TITLE_OPENER = lazy("[（(“《【]")


def _is_strong_title(text: str) -> bool:
    """A line that reads as a headline: short, no sentence punctuation inside."""
    return len(text) <= 40 and not _SENTENCE_PUNCTUATION.search(text) and text[-1] not in "、：:" and not _leaves_open(text)


def _leaves_open(text: str) -> bool:
    """A bracket or quotation opened and not closed (央视网消息（新闻): a cut line, not a title."""
    return bool(_TITLE_OPENER.search(text)) and any(text.count(opener) > text.count(closer) for opener, closer in _TITLE_PAIRS)


def _is_kicker_line(text: str) -> bool:
    return len(text) <= 90 and text.rstrip(CLOSERS).endswith("——")


def _is_weak_title(text: str) -> bool:
    """A deck: short, no full stop, allowed a comma."""
    return len(text) <= 64 and "。" not in text and text.rstrip(CLOSERS)[-1:] not in SENTENCE_END + "：:" and not _leaves_open(text)



# Line breaks as Unicode (UAX #14) and Python's str.splitlines count them for text:
# LF, CRLF, CR, and the NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR that Word and
# some wire feeds put in copy. Form feeds and the like are not breaks here.
BREAK_CHARS = "\r\n\u0085\u2028\u2029"
LINE_BREAK = lazy(r"\r\n|[\r\n\u0085\u2028\u2029]")
_LINE = lazy(r"[^\r\n\u0085\u2028\u2029]*(?:\r\n|[\r\n\u0085\u2028\u2029]|$)")
_SPACE = " \t\f\v\u3000\u00a0"

_FRONT_MATTER = lazy(r"\A(?:\ufeff)?---[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|\Z)", regex.DOTALL)
_FRONT_MATTER_FIELD = lazy(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", regex.MULTILINE)


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Top-level `key: value` fields of a Markdown file's YAML front matter, and where the copy starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    fields = {key.lower(): value.strip("'\"") for key, value in _FRONT_MATTER_FIELD.findall(match.group(1))}
    return fields, match.end()


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line without its ending) for every line; LF, CRLF, CR, NEL, U+2028 and U+2029 alike."""
    if "\r" not in text and "\u0085" not in text and "\u2028" not in text and "\u2029" not in text:
        offset = 0
        for line in text.split("\n"):
            yield offset, line
            offset += len(line) + 1
        return
    offset = 0
    for match in _LINE.finditer(text):
        if match.start() == len(text) and offset:
            break
        yield match.start(), match.group().rstrip(BREAK_CHARS)
        offset = match.end()


def _uses_blank_lines(blocks: list[Block]) -> bool:
    """Whether paragraphs are separated by blank lines: at least a third of the
    body lines that end a sentence are followed by one. Not a half: in a short
    hard-wrapped article, lines that happen to end on 。 count against."""
    closed = [b.blank_before for a, b in zip(blocks, blocks[1:]) if a.kind is Kind.BODY and a.ends_sentence()]
    return not closed or sum(closed) * 3 >= len(closed)


def _split_lines(text: str) -> tuple[list[int], list[Block], list[tuple[int, int]]]:
    line_starts: list[int] = []
    blocks: list[Block] = []
    kept: list[tuple[int, int]] = []
    blank_before = False
    fence = ""  # the ``` or ~~~ that opened a Markdown code block we are in
    for line_start, line in _lines(text):
        if line_start == len(text) and line_starts:
            break  # the empty line after a final newline is not a line
        line_starts.append(line_start)
        content = line.strip(_SPACE)
        if content.startswith(("```", "~~~")) and (not fence or content.startswith(fence)):
            fence = "" if fence else content[:3]
            blank_before = True
            kept.append((line_start, line_start + len(line)))
            continue
        if fence:
            kept.append((line_start, line_start + len(line)))
            continue  # code is not copy
        if not content:
            blank_before = True
            continue
        if content.startswith("<!--") and content.endswith("-->") or is_directive(content):
            kept.append((line_start, line_start + len(line)))
            continue  # a comment or a newslint directive is not copy
        start = line_start + len(line) - len(line.lstrip(_SPACE))
        block = Block(Kind.BODY, start, start + len(content), content, line_start, line_start + len(line), blank_before or not blocks)
        blocks.append(block)
        blank_before = False
        first = content[0]
        if first == "#":
            heading = _MARKDOWN_HEADING.match(content)
            if heading and heading.group(2):
                block.heading_level = len(heading.group(1))
                block.start += heading.start(2)
                block.end = block.start + len(heading.group(2))
                block.text = heading.group(2)
                block.kind = Kind.HEADLINE
                continue
        length = len(content)
        if length <= 60 and is_byline_text(content):
            block.kind = Kind.BYLINE
        elif not ("\u4e00" <= first <= "\u9fff") and _SEPARATOR.match(content) and not _wrapped_tail(content, block, blocks):
            block.kind = Kind.SEPARATOR
        elif length <= 160 and _CREDIT_HINT.search(content) and _CREDIT.match(content):
            block.kind = Kind.CREDIT
        elif length <= 120 and _CAPTION.search(content):
            block.kind = Kind.CAPTION
        elif _LIST_ITEM.match(content):
            block.kind = Kind.LIST_ITEM
        elif first == "|" and content.endswith("|") and len(content) > 1:
            block.kind = Kind.TABLE_ROW
    return line_starts, blocks, kept


def _wrapped_tail(content: str, block: Block, blocks: list[Block]) -> bool:
    """A line of nothing but closing marks (。 or ”。) straight after a line of
    copy is the end of a wrapped sentence, not a separator."""
    return (
        not block.blank_before
        and len(blocks) > 1
        and blocks[-2].kind is Kind.BODY
        and all(char in SENTENCE_END + CLOSERS + "，、；：" for char in content)
    )


