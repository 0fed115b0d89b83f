"""Decode copy, and split it into articles and blocks with exact offsets.

Rules never look at raw lines: they ask the Document what a block is (headline,
deck, byline, body paragraph...) and get slices of the original text with their
start offsets. Line and column are computed once, from offsets, with bisect.
The kinds of line are read in lines.py, how they make up articles in segment.py.
"""

from __future__ import annotations

import bisect
import codecs
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from .lines import (  # noqa: F401 - the document model's names, for the rules
    _BYLINE,
    BREAK_CHARS,
    BULLETS,
    CLOSERS,
    DATELINE,
    HAN,
    LINE_BREAK,
    SENTENCE_END,
    SOFT_END,
    TEXT_KINDS,
    TITLE_KINDS,
    Article,
    Block,
    Kind,
    _front_matter,
    _split_lines,
    _uses_blank_lines,
    ends_sentence,
    is_byline_text,
)
from .patterns import lazy
from .segment import _segment, is_cut_before  # noqa: F401

# --- decoding ---------------------------------------------------------------


class InputError(Exception):
    """Input that cannot be linted; the message is one line naming the problem."""


WORD_SUFFIXES = (".docx",)


def is_word_document(path: str) -> bool:
    """Whether a path names a Word document, read by newslint/word.py rather than as text."""
    return path.lower().endswith(WORD_SUFFIXES)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8", "gb18030", "utf-16-le" or "utf-16-be"
    bom: bool
    newline: str  # the first line ending seen: "\n", "\r\n" or "\r"


UTF16_BOMS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}


def decode_bytes(data: bytes, name: str = "<input>") -> DecodedText:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030; anything else is an InputError."""
    utf16 = next((encoding for bom, encoding in UTF16_BOMS.items() if data.startswith(bom)), None)
    if utf16 is not None:
        # Word and some wire systems save copy as UTF-16: its NUL bytes are text, not binary.
        try:
            text = data[2:].decode(utf16)
        except UnicodeDecodeError as error:
            raise InputError(f"{name}: cannot decode: invalid {utf16.upper()} at byte offset {error.start + 2}") from None
        if "\x00" in text:
            raise InputError(f"{name}: binary file (NUL character in UTF-16 text), not linted")
        return DecodedText(text, utf16, True, _first_newline(text))
    nul = data.find(b"\x00")  # anywhere: a text header before binary data is still binary
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


def byte_order_mark(decoded: DecodedText) -> bytes:
    if not decoded.bom:
        return b""
    return next((bom for bom, encoding in UTF16_BOMS.items() if encoding == decoded.encoding), codecs.BOM_UTF8)


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



# --- the document ---------------------------------------------------------------


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
        # Walked back, not rstripped from a copy of everything before: a file of
        # thousands of repeated paragraphs asks this once for each.
        text, at = self.text, block.line_start
        while at > 0 and text[at - 1] in _BLANK_BEFORE_LINE:
            at -= 1
        return at

    def next_block(self, block: Block) -> Block | None:
        return self.blocks[block.index + 1] if block.index + 1 < len(self.blocks) else None


def sentences(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of a block, closing quotes included."""
    for match in SENTENCE.finditer(text):
        if match.group().strip():
            yield start + match.start(), start + match.end()


_BLANK_BEFORE_LINE = frozenset(" \t\f\v\u3000\u00a0" + BREAK_CHARS)
SENTENCE = lazy(rf"[^{SENTENCE_END}]+(?:[。！？!?]+|…+)?[{regex.escape(CLOSERS)}]*")


