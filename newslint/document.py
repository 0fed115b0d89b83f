"""Decode copy, and split it into articles and blocks with exact offsets.

Rules never look at raw lines: they ask the Document what a block is (headline,
deck, byline, body paragraph...) and get slices of the original text with their
start offsets. Line and column are computed once, from offsets, with bisect.
"""

from __future__ import annotations

import bisect
import codecs
import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from .suppress import is_directive

# --- decoding ---------------------------------------------------------------


class InputError(Exception):
    """Input that cannot be linted; the message is one line naming the problem."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8" or "gb18030"
    bom: bool
    newline: str  # the first line ending seen: "\n", "\r\n" or "\r"


def decode_bytes(data: bytes, name: str = "<input>") -> DecodedText:
    """UTF-8 (with or without BOM), else GB18030; anything else is an InputError."""
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul}), not linted")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        text = _decode_gb18030(data)
        if text is None:
            raise InputError(
                f"{name}: cannot decode: invalid UTF-8 at byte offset {utf8_error.start} "
                "and not GB18030 text either"
            ) from None
        encoding = "gb18030"
    return DecodedText(text, encoding, bom, _first_newline(text))


def _decode_gb18030(data: bytes) -> str | None:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # GB18030 maps almost any byte pair to some character; accept it only when
    # what comes out reads as Chinese rather than as mojibake.
    non_ascii = [c for c in text if ord(c) > 127]
    common = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or c in "“”‘’—…·")
    return text if not non_ascii or common / len(non_ascii) >= 0.9 else None


def _first_newline(text: str) -> str:
    match = regex.search(r"\r\n|\r|\n", text)
    return match.group() if match else "\n"


# --- character classes ------------------------------------------------------

HAN = r"\p{Han}"
CLOSERS = "”’」』）)》】〕\"'"
SENTENCE_END = "。！？!?…"
# A paragraph may also close on these without being cut off: a colon before a
# list, a semicolon closing a list item (GB/T 15834 4.6), a dash before a quote.
SOFT_END = "：:；;"
BULLETS = "●○■□◆◇▲△▼▽★☆•·"

_CLOSERS_AND_SPACE = CLOSERS + " \t\u3000"
_TRAILING_NOTE = regex.compile(r"[（(][^（）()]{1,40}[）)]\s*$")
_WHOLE_NOTE = regex.compile(r"[（(][^（）()]+[）)]$")
_HAN_CHARACTER = regex.compile(r"\p{Han}")
_LATIN_SENTENCE_END = regex.compile(r"[A-Za-z\p{Han}\d%)\]][.]$")


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


@dataclass
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


@dataclass
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

_MARKDOWN_HEADING = regex.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LIST_ITEM = regex.compile(
    r"^(?:[-*+][ \t]|\d{1,3}(?:\.(?!\d)|[、)）])[ \t]?|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[①-⑳])"
)
_CAPTION = regex.compile(r"^(?:图为|图[:：]|图片[:：]|[▲△]|（图[/／]|\(图[/／])|(?:摄|供图|图片来源[:：].*)[）)]?$")
# Closing credits and notes as papers set them under a story (GB/T 15834 aside,
# these are layout conventions): a role and a colon, a photographer's 摄, an
# author's note or a wire attribution in brackets, a sign-off name in brackets.
_CREDIT = regex.compile(
    r"""^(?:版式设计|美术设计|制图|绘图|校对|本版责编|责编|责任编辑|数据来源|资料来源|图片来源|插图|统筹|策划|监制)(?:\s*[:：]|[\s\u00a0]+\p{Han}{1,4}(?:[\s\u00a0、]+\p{Han}{1,4})*$)
    |^(?:设计|漫画|编辑|来源|摄影|摄像)\s*[:：]
    |^[^，。；！？]{0,40}?(?:摄|摄影报道|摄影|供图|新华社发|本报发|制表|整理|采访整理)\s*(?:[（(][^（）()]{1,16}[）)])?$
    |^[（(](?:作者|本文作者|作者单位|作者系)[^（）()]{0,120}[）)]$
    |^[（(](?:本报|新华社|人民网|中新社|央视网)[^（）()]{0,80}电[^（）()]{0,80}[）)]$
    |^[（(][\p{Han}·][\p{Han}·\s\u3000\u00a0]{0,10}[）)]$
    |^[（(](?:本报|特约|见习|实习)?(?:记者|通讯员)[^（）()]{1,120}[）)]$""",
    regex.VERBOSE,
)
_SEPARATOR = regex.compile(r"^[\p{P}\p{S}\s]+$")
_NAME = r"[\p{Han}·]{2,4}"
_ROLE = r"(?:特约|见习|实习|首席|摄影)?(?:记者|通讯员|撰稿人?|摄影|编辑)"
_BYLINE = regex.compile(
    rf"""^[□■◇◆]?\s*
    (?:[\p{{Han}}A-Za-z/／·]{{0,24}}?{_ROLE}\s*{_NAME}(?:[\s、，,]+{_NAME})*\s*)+$
    |^[□■◇◆]?\s*(?:(?:文|图|摄影|撰文|文字|视频)\s*[/／|｜:：]\s*{_NAME}(?:[\s、，,]+{_NAME})*\s*)+$
    |^By\s+\p{{Lu}}[\p{{L}}.'-]+(?:\s+(?:and\s+)?\p{{Lu}}[\p{{L}}.'-]+){{0,5}}\s*$
    |^[□■◇◆]?\s*(?:本报|本刊|[\p{{Han}}]{{2,8}}?(?:日报|晚报|报|社|网))?(?:特约)?评论员(?:\s+{_NAME})?\s*$
    """,
    regex.VERBOSE,
)
# "记者 " with nothing after it, or a name list with a stray separator: still a byline line.
_BYLINE_LIKE = regex.compile(rf"^[□■◇◆]\s*\S{{0,24}}?{_ROLE}|^(?:本报)?{_ROLE}[\s、，,]*$|^(?:本报)?{_ROLE}\s+{_NAME}[\s、，,]+$")
_AGENCY = r"(?:本报|新华社|中新社|中新网|人民网|新华网|央视网|光明网|法新社|路透社|美联社|共同社|塔斯社)"
_DATE = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
DATELINE = regex.compile(
    rf"^(?:{_AGENCY}[\p{{Han}}]{{0,8}}?(?:{_DATE})?(?:讯|电)"
    rf"|[\p{{Han}}]{{2,12}}(?:日报|晚报|早报|时报|新闻网?|社|台)[\p{{Han}}]{{0,8}}?{_DATE}(?:讯|电)"
    r"|[\p{Han}]{2,10}消息(?=(?:[（(][^（）()]{0,40}[）)])?[：:]))"
    r"(?:[（(][^（）()]{0,40}[）)])?[：:]?"
)


def is_byline_text(text: str) -> bool:
    return len(text) <= 60 and bool(_BYLINE.match(text) or _BYLINE_LIKE.match(text))


_SENTENCE_PUNCTUATION = regex.compile(r"[，。；,;]")
_TITLE_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"))
_TITLE_OPENER = regex.compile("[（(“《【]")


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


# --- the document ---------------------------------------------------------------

_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SPACE = " \t\f\v\u3000\u00a0"


@dataclass
class Document:
    text: str
    path: str = "<text>"
    blocks: list[Block] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    uses_blank_lines: bool = True
    front_matter: dict[str, str] = field(default_factory=dict)
    # Spans of lines that are kept but are not copy (front matter, code blocks,
    # comments, directives): no fix may touch them.
    kept_spans: list[tuple[int, int]] = field(default_factory=list)
    _block_starts: list[int] = field(default_factory=list, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def parse(cls, text: str, path: str = "<text>") -> Document:
        doc = cls(text, path)
        doc.front_matter, body_start = _front_matter(text)
        doc.line_starts, doc.blocks, doc.kept_spans = _split_lines(text)
        doc.blocks = [b for b in doc.blocks if b.start >= body_start]
        if body_start:
            doc.kept_spans = [(0, body_start)] + [span for span in doc.kept_spans if span[0] >= body_start]
        for i, block in enumerate(doc.blocks):
            block.index = i
        # Read before segmenting, which needs it: a title line does not end a
        # sentence, so it only ever counts as the line after one.
        doc.uses_blank_lines = _uses_blank_lines(doc.blocks)
        doc.articles = _segment(doc.blocks, doc.uses_blank_lines)
        return doc

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Analysis shared by several rules of a family, computed once per document."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def article_of(self, block: Block) -> Article:
        return self.articles[block.article]

    def text_blocks(self) -> Iterator[Block]:
        """The blocks whose words and punctuation are proofread (not bylines or separators)."""
        return (b for b in self.blocks if b.kind in TEXT_KINDS)

    def text_block_at(self, offset: int, kinds: frozenset[Kind] = TEXT_KINDS) -> Block | None:
        """The block of one of `kinds` whose text contains `offset`, if any."""
        if not self._block_starts:
            self._block_starts = [b.start for b in self.blocks]
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index >= 0:
            block = self.blocks[index]
            if block.kind in kinds and offset < block.end:
                return block
        return None

    def touches_kept(self, start: int, end: int) -> bool:
        """Whether text[start:end] overlaps a kept line that is not copy (a comment, code, a directive)."""
        index = bisect.bisect_right(self.kept_spans, (end, len(self.text) + 1)) - 1
        while index >= 0:
            kept_start, kept_end = self.kept_spans[index]
            if kept_end <= start:
                return False
            if kept_start < end:
                return True
            index -= 1
        return False

    def removal_start(self, block: Block) -> int:
        """Where deleting `block`'s line should begin: the end of the last non-blank
        line above it, so that the blank lines go with it and nothing else does."""
        before = self.text[: block.line_start]
        stripped = before.rstrip(" \t\f\v\u3000\u00a0\r\n")
        return len(stripped)

    def next_block(self, block: Block) -> Block | None:
        return self.blocks[block.index + 1] if block.index + 1 < len(self.blocks) else None


def sentences(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of a block, closing quotes included."""
    for match in SENTENCE.finditer(text):
        if match.group().strip():
            yield start + match.start(), start + match.end()


SENTENCE = regex.compile(rf"[^{SENTENCE_END}]+(?:[。！？!?]+|…+)?[{regex.escape(CLOSERS)}]*")


_FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?---[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|\Z)", regex.DOTALL)
_FRONT_MATTER_FIELD = regex.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", regex.MULTILINE)


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Top-level `key: value` fields of a Markdown file's YAML front matter, and where the copy starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    fields = {key.lower(): value.strip("'\"") for key, value in _FRONT_MATTER_FIELD.findall(match.group(1))}
    return fields, match.end()


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line without its ending) for every line; LF, CRLF and CR alike."""
    if "\r" not in text:
        offset = 0
        for line in text.split("\n"):
            yield offset, line
            offset += len(line) + 1
        return
    offset = 0
    for match in _LINE.finditer(text):
        if match.start() == len(text) and offset:
            break
        yield match.start(), match.group().rstrip("\r\n")
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
        elif length <= 160 and _CREDIT.match(content):
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


def _title_like(block: Block) -> bool:
    return block.kind is Kind.HEADLINE or (
        block.kind is Kind.BODY and (_is_strong_title(block.text) or _is_weak_title(block.text) or _is_kicker_line(block.text))
    )


# Chosen on the January and February 2020 People's Daily pages (bench/eval_pages.py
# --months 01,02): above it a short line is read as the first half of a cut paragraph.
CUT_THRESHOLD = 0.75
# No sentence opens on 的 (but 的确) or 们: a line that does continues one.
_NEVER_OPENS = regex.compile(r"的(?!确)|们")
_CONTINUATION = regex.compile(r"^[，。、；：！？,.;:!?%％）)」』”’》]")


def _starts_article(block: Block | None) -> bool:
    return block is not None and (block.kind is Kind.BYLINE or (block.kind is Kind.BODY and bool(DATELINE.match(block.text))))


def _opens_wrapped_lines(blocks: list[Block], j: int) -> bool:
    """Whether blocks[j], after a blank line, runs on mid-sentence into the next
    line with none between: the first line of a hard-wrapped paragraph, not a deck."""
    return (
        blocks[j].blank_before
        and j + 1 < len(blocks)
        and not blocks[j + 1].blank_before
        and blocks[j + 1].kind is Kind.BODY
        and not blocks[j].ends_sentence()
    )


def is_cut_before(block: Block, following: Block, continued: bool = False) -> bool:
    """Whether a line without end punctuation is the first half of a paragraph cut
    in two: the next line carries on with punctuation (，。) or from inside a word
    (机械|化作业), or the line itself cannot stand alone (a full stop inside it, a
    last word that needs what follows), or the break falls where clauses seldom
    end and open (boundaries.py)."""
    if following.kind is not Kind.BODY:
        return False
    if _CONTINUATION.match(following.text) or _NEVER_OPENS.match(following.text):
        return True
    if continued or DATELINE.match(block.text) or (_TAIL_FRAGMENT.match(following.text) and not _is_strong_title(block.text)):
        # The second half of a cut, or a lead paragraph (it opens with the
        # dateline): neither stands alone, so if it stops open it runs on.
        return True
    if _LATIN_END.search(block.text) and _LATIN_START.match(following.text):
        return not _is_strong_title(block.text)  # Latin copy: no statistics, a plain title stands alone
    from .boundaries import clause_boundaries  # noqa: PLC0415 - only for a short line between paragraphs
    from .lexicon import lexicon  # noqa: PLC0415

    across = lexicon().reads_across(block.text, following.text)
    return clause_boundaries().cut_probability(block.text, following.text, across) > CUT_THRESHOLD


# A paragraph of a few characters closing a sentence (忙活着。): the tail of a cut.
_TAIL_FRAGMENT = regex.compile(r"^[^（）()“”]{1,7}[。！？]$")
_LATIN_END = regex.compile(r"[A-Za-z0-9,;]$")
_LATIN_START = regex.compile(r"^[A-Za-z0-9(]")
# A full stop inside a line that does not end on one: a sentence, then a cut.
_INNER_STOP = regex.compile(r"[。！？](?![”’」』）)》】]*$)")
# A column tag closing a title line: 腾飞的十八洞村（决胜2020）, 别把“结果”当“效果”（纵横）.
_COLUMN_TAG = regex.compile(r"\S[（(][^（）()]{2,40}[）)]$")
# Where a subhead may not end: on a word that needs what follows (的, 和, 在, 把 ...).
_OPEN_ENDING = regex.compile(r"(?:[的地得和与及或并而在对把被将从向于以为让使给跟同比]|因为|如果|虽然|但是|以及|并且|通过|根据|关于|随着|按照)$")


def _after_story_end(blocks: list[Block], i: int) -> bool:
    """Whether the block before `i` closes a story: a credit, a closing byline, a note."""
    if i == 0:
        return False  # the top of a file is weighed on its own
    previous = blocks[i - 1]
    return previous.kind in (Kind.CREDIT, Kind.BYLINE) and not (i >= 2 and blocks[i - 2].kind in TITLE_KINDS)


def _marked_as_title(run: list[Block]) -> bool:
    """A run that typesetting marks as a headline group: a column tag, or a deck opening with a dash."""
    return any(_COLUMN_TAG.search(b.text) for b in run) or any(b.text.startswith("——") for b in run[1:])


def _reads_as_subhead(block: Block) -> bool:
    """A short line that stands alone: a strong title, or a deck-like line (commas
    allowed) that does not stop on a word needing what follows."""
    if _is_strong_title(block.text):
        return True
    return len(block.text) <= 40 and _is_weak_title(block.text) and not _OPEN_ENDING.search(block.text) and _balanced(block.text)


_CLAUSE_BREAK = regex.compile(r"[，,、]")


def _balanced(text: str) -> bool:
    """Whether a line with commas is set as headlines are, in clauses of like length
    (帮“找钱”快复工，助企业渡难关), not as a sentence cut off after its first
    words (市工商联联合251名商会首席政策官，努力让利好)."""
    parts = [len(part) for part in _CLAUSE_BREAK.split(text.rstrip(CLOSERS))]
    return len(parts) <= 3 and min(parts) >= 2 and max(parts) <= 16 and max(parts) <= 2.2 * min(parts)


def _find_title_groups(blocks: list[Block], blank_layout: bool) -> list[tuple[int, int]]:
    """Runs of blocks that are an article's headline with its kickers and decks.

    A plain short line between paragraphs may be a headline, a subhead, or the
    first half of a paragraph cut in two. It is taken as a headline only when a
    byline or dateline follows, or at the top of the file; after a paragraph that
    stops mid-sentence it is a continuation, never a title.
    """
    groups: list[tuple[int, int]] = []
    article_levels: list[int] = []
    previous_open = False
    i, n = 0, len(blocks)
    while i < n:
        block = blocks[i]
        strong = block.kind is Kind.HEADLINE or (
            block.kind is Kind.BODY and (_is_strong_title(block.text) or _is_kicker_line(block.text))
        )
        starts_group = (strong or (block.kind is Kind.BODY and _is_weak_title(block.text))) and not (
            block.kind is Kind.BODY and DATELINE.match(block.text)
        )
        if blank_layout and block.kind is Kind.BODY and not block.blank_before and i and blocks[i - 1].kind is Kind.BODY:
            starts_group = False  # a line inside a paragraph, where lines are hard-wrapped
        if starts_group and block.kind is Kind.BODY and not strong and i + 1 < n and is_cut_before(block, blocks[i + 1]):
            starts_group = False  # a line with commas that runs on into the next: a cut paragraph
        if starts_group:
            j = i + 1
            while j < n and j - i < 8 and _title_like(blocks[j]) and not _starts_article(blocks[j]) and not _opens_wrapped_lines(blocks, j):
                if j + 1 < n and blocks[j].kind is Kind.BODY and is_cut_before(blocks[j], blocks[j + 1]):
                    break  # the first half of a cut paragraph, not a deck
                j += 1
            run = blocks[i:j]
            headings = [b for b in run if b.kind is Kind.HEADLINE]
            followed = _starts_article(blocks[j] if j < n else None)
            nested = (
                headings
                and not followed
                and article_levels
                and min(article_levels) < min(b.heading_level for b in headings)
            )
            continued = j < n and blocks[j].kind is Kind.BODY and bool(_CONTINUATION.match(blocks[j].text))
            # Where paragraphs are set apart by blank lines, title lines that run
            # straight on into copy are the wrapped lines of a paragraph.
            runs_on = blank_layout and not headings and j < n and blocks[j].kind is Kind.BODY and not blocks[j].blank_before and not followed
            # A line with commas and no dash reads as a cut paragraph unless a
            # byline or dateline follows: then it is a long headline. At the top
            # of a file a long line without commas is the headline.
            deck_like_start = not strong and block.kind is Kind.BODY and (i > 0 or bool(_SENTENCE_PUNCTUATION.search(block.text)))
            # After a story's closing credit, or where a title carries a column
            # tag or a deck, a run of title lines opens the next story even with
            # no dateline under it (features, commentary, letters).
            opens_story = (
                not continued and not previous_open and not _OPEN_ENDING.search(run[-1].text)
                and (_after_story_end(blocks, i) or (i > 0 and _marked_as_title(run)))
            )
            accept = not nested and not runs_on and (
                (followed or opens_story or (i == 0 and not continued)) if deck_like_start
                else (bool(headings) or followed or opens_story or (i == 0 and not continued))
            )
            if accept:
                groups.append((i, j))
                article_levels.extend(b.heading_level for b in headings)
                previous_open = False
                i = j
                continue
            if nested or (not previous_open and not runs_on and _reads_as_subhead(block) and i + 1 < n and not is_cut_before(block, blocks[i + 1])):
                block.kind = Kind.SUBHEAD
            elif block.kind is Kind.HEADLINE:
                block.kind = Kind.SUBHEAD
        if block.kind is Kind.BODY:
            # Open only where it runs on into the next line: a line that stands
            # alone (a subhead the model does not read as cut) opens nothing.
            previous_open = not block.ends_sentence() and i + 1 < n and is_cut_before(block, blocks[i + 1])
        elif block.kind is not Kind.SEPARATOR:
            previous_open = False
        i += 1
    return groups


def _label_title_group(run: list[Block]) -> list[int]:
    """Give each block of a title group its kind; return where each article starts in the run."""
    headings = [k for k, b in enumerate(run) if b.kind is Kind.HEADLINE]
    if not headings:
        headline = _plain_headline(run)
        for k, block in enumerate(run):
            block.kind = Kind.KICKER if k < headline else Kind.HEADLINE if k == headline else Kind.DECK
        return [0]
    # A heading directly above a more important heading is its kicker (## over #).
    headlines = [
        k for k in headings
        if not (k + 1 < len(run) and run[k + 1].kind is Kind.HEADLINE and run[k + 1].heading_level < run[k].heading_level)
    ] or headings[-1:]
    starts = [0]
    for k, block in enumerate(run):
        if k < headlines[0]:
            block.kind = Kind.KICKER
        elif k in headlines:
            block.kind = Kind.HEADLINE
    for a, b in zip(headlines, headlines[1:]):
        between = list(range(a + 1, b))
        upper = [k for k in between if not _is_kicker_line(run[k].text)]
        # Of the lines between two headlines, the last belongs above the second
        # when there are two or more, or when it ends with a dash ("……——").
        split = b - 1 if len(between) >= 2 or (between and _is_kicker_line(run[b - 1].text)) else b
        if between and run[b - 1].text[:1] in BULLETS and len(upper) == len(between):
            split = b
        for k in between:
            run[k].kind = Kind.DECK if k < split else Kind.KICKER
        starts.append(min(split, b))
    for k in range(headlines[-1] + 1, len(run)):
        run[k].kind = Kind.DECK
    return starts


# A kicker (引题) that leads into its headline: 王晨强调, 多国政党政要认为——, 国办印发.
_KICKER_CUE = regex.compile(r"(?:强调|指出|表示|印发|发布|显示|认为|提出|要求|称|呼吁|说|透露|介绍|会见|致电|出席|主持)$")
_TWO_PHRASES = regex.compile(r"\p{Han}[ \u3000\u00a0]+\p{Han}")


def _plain_headline(run: list[Block]) -> int:
    """Which line of a plain title group is the headline (主题).

    A line with a column tag is the headline; a dash-led line (——访……) or one
    wholly in brackets is a deck, and a line ending on a dash, a colon or a
    verb of saying (强调, 印发) a kicker. Otherwise the first line without a
    comma is the headline, unless the line after it is set as two balanced
    phrases (恢复古城风貌 传承传统文化), as headlines are and kickers are not.
    """
    candidates = [
        k for k, b in enumerate(run)
        if not b.text.startswith("——") and not _WHOLE_NOTE.match(b.text) and not _is_kicker_line(b.text) and not b.text.endswith(("：", ":"))
    ]
    tagged = [k for k in candidates if _COLUMN_TAG.search(run[k].text)]
    if tagged:
        return tagged[0]
    if not candidates:
        return 0
    if len(candidates) >= 2:
        first, second = run[candidates[0]].text, run[candidates[1]].text
        if _KICKER_CUE.search(first) or (_TWO_PHRASES.search(second) and not _TWO_PHRASES.search(first)):
            return candidates[1]
    return next((k for k in candidates if _is_strong_title(run[k].text)), candidates[0])


def _segment(blocks: list[Block], blank_layout: bool) -> list[Article]:
    groups = _find_title_groups(blocks, blank_layout)
    starts: list[int] = []
    for first, last in groups:
        starts.extend(first + offset for offset in _label_title_group(blocks[first:last]))
    if blocks and (not starts or starts[0] != 0):
        starts.insert(0, 0)
    articles = []
    for k, first in enumerate(starts):
        last = starts[k + 1] if k + 1 < len(starts) else len(blocks)
        article = Article(blocks[first:last], index=len(articles))
        for block in article.blocks:
            block.article = article.index
        body = article.body
        if body:
            dateline = DATELINE.match(body[0].text)
            if dateline and dateline.end() > 0:
                article.dateline = (body[0].start, body[0].start + dateline.end())
        articles.append(article)
    return articles
