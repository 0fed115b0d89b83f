"""split: paragraphs cut mid-sentence, hard-wrapped lines, articles that stop short."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import DATELINE, Block, Document, Kind, is_cut_before
from ..finding import Edit, Finding, Severity
from ..rule import Rule, register
from ..segment import LATIN_END, LATIN_START
from .duplicate import seam_overlap


def joiner(first: Block, second: Block) -> str:
    """What goes between two halves of a sentence: nothing in Chinese, a space between Latin words."""
    return " " if LATIN_END.search(first.text) and LATIN_START.search(second.text) else ""


def _tail(text: str, size: int = 8) -> str:
    return ("……" if len(text) > size else "") + text[-size:]


def _head(text: str, size: int = 8) -> str:
    return text[:size] + ("……" if len(text) > size else "")


def _open_body_pairs(doc: Document) -> Iterator[tuple[Block, Block | None]]:
    """Body paragraphs that stop without ending a sentence, with the block after them."""
    for block in doc.blocks:
        if block.kind is Kind.BODY and not block.ends_sentence():
            yield block, doc.next_block(block)


def _continues(block: Block, following: Block | None, doc: Document) -> bool:
    """Whether `following` carries on the sentence `block` left open."""
    return (
        following is not None
        and following.kind is Kind.BODY
        and not DATELINE.match(following.text)
        and doc.article_of(following) is doc.article_of(block)
        and not seam_overlap(block.text, following.text, 10)  # a seam: duplicate/seam reports it
    )


@register
class MidSentence(Rule):
    """A paragraph broken off mid-sentence and continued in the next paragraph.

    Extraction from PDF or a layout system often turns a column or line break
    into a paragraph break. The first part ends without sentence punctuation
    (。！？…, a colon before a list, or a semicolon) and the next paragraph carries
    on the sentence, sometimes in the middle of a word. The fix joins them.
    Headlines, decks, bylines, captions and list items are never checked.

    Bad:  ……必须以实实在在的举措帮助民营经济谋发展,努力让利好
          政策应享尽享。
    Good: ……必须以实实在在的举措帮助民营经济谋发展,努力让利好政策应享尽享。
    """

    id = "split/mid-sentence"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for block, following in _open_body_pairs(doc):
            if not _continues(block, following, doc):
                continue
            if not following.blank_before and doc.uses_blank_lines:
                continue  # a line break inside a paragraph: split/hard-wrap
            previous = doc.blocks[block.index - 1] if block.index else None
            continued = previous is not None and previous.kind is Kind.BODY and not previous.ends_sentence() and is_cut_before(previous, block)
            if not is_cut_before(block, following, continued):
                continue  # a line that stands alone: a lead-in, a label, a subhead
            yield self.finding(
                block.end - 1, following.start + 1,
                f"段落在句子中间断开（“{_tail(block.text)}”接下段“{_head(following.text)}”），应与下段接排",
                edits=[Edit(block.end, following.start, joiner(block, following))],
            )


@register
class HardWrap(Rule):
    """Lines of one paragraph broken by hard line breaks.

    In copy that separates paragraphs with blank lines, a line that ends
    mid-sentence and runs straight on in the next line is a hard wrap left by
    e-mail, a fixed-width export or OCR. One finding per paragraph; the fix
    joins its lines.

    Bad:  会议强调，要深入学习贯彻习近平总书记关于巡视
          工作的重要论述。
    Good: 会议强调，要深入学习贯彻习近平总书记关于巡视工作的重要论述。
    """

    id = "split/hard-wrap"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.uses_blank_lines:
            return
        for lines in _line_runs(doc):
            # The breaks that fall mid-sentence prove the run is one paragraph;
            # a line that happens to end on 。 is reported with them, but only
            # the mid-sentence breaks are joined (two paragraphs may meet there).
            wraps = [(a, b) for a, b in zip(lines, lines[1:]) if not a.ends_sentence() and _continues(a, b, doc)]
            if wraps:
                yield self.finding(
                    wraps[0][0].end - 1, wraps[-1][1].start + 1,
                    f"段落被硬换行断成{len(lines)}行，应接排为一段",
                    edits=[Edit(a.end, b.start, joiner(a, b)) for a, b in wraps],
                )


def _line_runs(doc: Document) -> Iterator[list[Block]]:
    """Runs of body lines of one article with no blank line between them."""
    run: list[Block] = []
    for block in doc.blocks:
        if run and block.kind is Kind.BODY and not block.blank_before and doc.article_of(block) is doc.article_of(run[-1]):
            run.append(block)
            continue
        if len(run) > 1:
            yield run
        run = [block] if block.kind is Kind.BODY else []
    if len(run) > 1:
        yield run


@register
class Unfinished(Rule):
    """An article whose last paragraph stops mid-sentence.

    When copy is cut to fit or a page is extracted without its jump, the story
    simply stops. Nothing follows in the same article to join it to, so there is
    no automatic fix: the missing end must be restored.

    Bad:  ……围绕教育、医疗、交通等重点领域持续优化“鲁通码”功能服务,进一步
          (then the next headline)
    Good: ……进一步简化使用流程,提高群众使用便捷度。
    """

    id = "split/unfinished"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for block, following in _open_body_pairs(doc):
            if following is not None and following.kind is not Kind.BYLINE and doc.article_of(following) is doc.article_of(block):
                continue
            yield self.finding(
                max(block.start, block.end - 1), block.end,
                f"文章最后一段在句子中间结束（“{_tail(block.text)}”），后文疑似缺失",
            )
