"""How blocks make up a page: title groups (kicker, headline, deck), subheads,
and where one article ends and the next begins; and whether a line without end
punctuation is cut or stands alone (with the statistics of boundaries.py).
"""

from __future__ import annotations

import functools
import json
import math

from .boundaries import CLAUSE_BREAK, OPEN_ENDING, TWO_PHRASES, clause_boundaries
from .lines import (
    _SENTENCE_PUNCTUATION,
    _WHOLE_NOTE,
    BULLETS,
    CLOSERS,
    DATELINE,
    TITLE_KINDS,
    Article,
    Block,
    Kind,
    _is_kicker_line,
    _is_strong_title,
    _is_weak_title,
)
from .patterns import lazy


def _title_like(block: Block) -> bool:
    return block.kind is Kind.HEADLINE or (
        block.kind is Kind.BODY and (_is_strong_title(block.text) or _is_weak_title(block.text) or _is_kicker_line(block.text))
    )


# Chosen on the January and February 2020 People's Daily pages (bench/eval_pages.py
# --months 01,02): above it a short line is read as the first half of a cut paragraph.
CUT_THRESHOLD = 0.75
# No sentence opens on 的 (but 的确) or 们: a line that does continues one.
_NEVER_OPENS = lazy(r"的(?!确)|们")
_CONTINUATION = lazy(r"^[，。、；：！？,.;:!?%％）)」』”’》]")


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
    if len(block.text) <= _SHORT_TITLE and len(following.text) <= _SHORT_TITLE and _is_strong_title(block.text) and _is_strong_title(following.text):
        return False  # 疫情影响短暂 / 岗位依然存在: a title or subhead in two lines; a cut paragraph leaves a long half
    if _VERSE_LINE.fullmatch(block.text) and _VERSE_END.fullmatch(following.text) and abs(len(block.text) - len(following.text)) <= 2:
        return False  # 室外雪纷纷，/ 屋内暖如春。: two lines of verse (a caption, a couplet), each set on its own
    if continued or DATELINE.match(block.text) or (_TAIL_FRAGMENT.match(following.text) and not _is_strong_title(block.text)):
        # The second half of a cut, or a lead paragraph (it opens with the
        # dateline): neither stands alone, so if it stops open it runs on.
        return True
    if LATIN_END.search(block.text) and LATIN_START.match(following.text):
        return not _is_strong_title(block.text)  # Latin copy: no statistics, a plain title stands alone
    from .lexicon import lexicon  # noqa: PLC0415 - only for a short line between paragraphs

    across = lexicon().reads_across(block.text, following.text)
    if clause_boundaries().cut_probability(block.text, following.text, across) <= CUT_THRESHOLD:
        return False
    return not _lost_full_stop(block, following)


def _lost_full_stop(block: Block, following: Block) -> bool:
    """A long paragraph that ends without its full stop before one that opens a
    sentence of its own, as the language model of news copy reads the break."""
    if len(block.text) < LOST_STOP_MIN_CHARS or len(following.text) < LOST_STOP_MIN_CHARS:
        return False
    from .charfile import sentence_end_gain  # noqa: PLC0415 - the model only for such a break

    gain = sentence_end_gain(block.text, following.text)
    return gain is not None and gain >= 0


# Paragraphs this long on both sides of a break are asked whether it lost a full stop.
LOST_STOP_MIN_CHARS = 20
# Two lines both this short and title-like are one title set in two lines.
_SHORT_TITLE = 20
# Lines of verse: short, one clause each, the first open, the second closed.
_VERSE_LINE = lazy(r"[“”\p{Han}]{4,11}[，、；]")
_VERSE_END = lazy(r"[“”\p{Han}]{4,11}[。！？]")
# A paragraph of a few characters closing a sentence (忙活着。): the tail of a cut.
_TAIL_FRAGMENT = lazy(r"^[^（）()“”]{1,7}[。！？]$")
LATIN_END = lazy(r"[A-Za-z0-9,;]$")
LATIN_START = lazy(r"^[A-Za-z0-9(]")
# A column tag closing a title line: 腾飞的十八洞村（决胜2020）, 别把“结果”当“效果”（纵横）.
_COLUMN_TAG = lazy(r"\S[（(][^（）()]{2,40}[）)]$")


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
    return len(block.text) <= 40 and _is_weak_title(block.text) and not OPEN_ENDING.search(block.text) and _balanced(block.text)




def _balanced(text: str) -> bool:
    """Whether a line with commas is set as headlines are, in clauses of like length
    (帮“找钱”快复工，助企业渡难关), not as a sentence cut off after its first
    words (市工商联联合251名商会首席政策官，努力让利好)."""
    parts = [len(part) for part in CLAUSE_BREAK.split(text.rstrip(CLOSERS))]
    return len(parts) <= 3 and min(parts) >= 2 and max(parts) <= 16 and max(parts) <= 2.2 * min(parts)


# Where a feature story's first paragraph opens: on a time, a place, a scene.
_LEAD_OPENING = lazy(r"^(?:\d{1,2}日|\d{1,2}月|\d{4}年|近日|日前|近年来|今年|去年|当前|目前|连日来|春节|清晨|凌晨|[一二三四五六七八九十]+月)")
_QUOTE_CLOSE = lazy(r"[”」](?:[^“”]{0,12}(?:说|表示|介绍|告诉记者)[^“”]{0,8})?[。！？]?$")
START_FEATURES = [
    "log_paragraphs_in_article", "log_chars_in_article", "subheads_in_article", "article_has_dateline", "run_length",
    "run_has_comma", "first_line_length", "next_length", "next_opens_as_lead", "previous_ends_on_quote", "two_phrases",
    "previous_is_long", "shares_article_words", "shares_next_words",
]
# How much of the article so far the topical-overlap feature reads (a bound, so
# a long article with many short lines costs no more per line).
_ARTICLE_REACH = 3000


def start_features(blocks: list[Block], i: int, j: int, article_start: int, subheads: int, dateline: bool,
                   tally: _BodyTally | None = None) -> list[float]:
    """What tells a title-like run after a paragraph that opens a new article from a subhead
    (the same function feeds tools/build_article_starts.py)."""
    paragraphs, body_chars = (tally or _BodyTally()).before(blocks, article_start, i)
    run = blocks[i:j]
    following = blocks[j] if j < len(blocks) else None
    previous = blocks[i - 1]
    return [
        math.log1p(paragraphs),
        math.log1p(body_chars) / 5,
        float(min(subheads, 3)),
        float(dateline),
        float(min(len(run), 4)),
        float(any(_SENTENCE_PUNCTUATION.search(b.text) for b in run)),
        min(len(run[0].text), 60) / 10,
        min(len(following.text), 500) / 100 if following else 0.0,
        float(bool(following and _LEAD_OPENING.match(following.text))),
        float(bool(_QUOTE_CLOSE.search(previous.text))),
        float(any(TWO_PHRASES.search(b.text) for b in run)),
        float(len(previous.text) > 100),
        _shared_bigrams(run, _recent_body(blocks, article_start, i)),
        _shared_bigrams(run, following.text[:80] if following else ""),
    ]


class _BodyTally:
    """Body paragraphs and their characters from an article's start to a block,
    counted as the scan passes them, so that a line's features cost the same at
    the end of a long article as at its start."""

    def __init__(self) -> None:
        self.blocks: list[Block] | None = None
        self.start = self.upto = self.count = self.chars = 0

    def before(self, blocks: list[Block], start: int, i: int) -> tuple[int, int]:
        if blocks is not self.blocks or start != self.start or i < self.upto:
            self.blocks, self.start, self.upto, self.count, self.chars = blocks, start, start, 0, 0
        for block in blocks[self.upto : i]:
            if block.kind is Kind.BODY:
                self.count += 1
                self.chars += len(block.text)
        self.upto = i
        return self.count, self.chars


def _recent_body(blocks: list[Block], article_start: int, i: int) -> str:
    """The body of the article before block i, its last _ARTICLE_REACH characters at most."""
    parts, size = [], 0
    for k in range(i - 1, article_start - 1, -1):
        if blocks[k].kind is Kind.BODY:
            parts.append(blocks[k].text)
            size += len(blocks[k].text)
            if size >= _ARTICLE_REACH:
                break
    return "".join(reversed(parts))[-_ARTICLE_REACH:]


def _shared_bigrams(run: list[Block], text: str) -> float:
    """The share of the run's character pairs found in `text`: a subhead speaks of
    its article's subject; a new headline, mostly, of another."""
    pairs = {b.text[k : k + 2] for b in run for k in range(len(b.text) - 1)}
    pairs = {pair for pair in pairs if all("\u4e00" <= c <= "\u9fff" for c in pair)}
    if not pairs:
        return 0.0
    return sum(pair in text for pair in pairs) / len(pairs)


@functools.cache
def _start_model() -> tuple[list[float], float, float]:
    from .lexicon import read_data  # noqa: PLC0415

    model = json.loads("\n".join(read_data("article-starts.json")))
    return model["weights"], model["bias"], model["threshold"]


def _opens_by_model(features: list[float]) -> bool:
    weights, bias, threshold = _start_model()
    score = bias + sum(w * x for w, x in zip(weights, features))
    return 1 / (1 + math.exp(-score)) > threshold


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
    article_start, subheads, dateline = 0, 0, False
    tally = _BodyTally()  # this scan's own: parses may run in threads (a Dask worker)
    i, n = 0, len(blocks)
    while i < n:
        block = blocks[i]
        if block.kind is Kind.BODY and DATELINE.match(block.text):
            dateline = True
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
                not continued and not previous_open and not OPEN_ENDING.search(run[-1].text)
                and (_after_story_end(blocks, i) or (i > 0 and _marked_as_title(run)))
            )
            accept = not nested and not runs_on and (
                (followed or opens_story or (i == 0 and not continued)) if deck_like_start
                else (bool(headings) or followed or opens_story or (i == 0 and not continued))
            )
            # A plain title-like run between paragraphs, with nothing to mark it: the
            # article-start model (trained on real pages) weighs headline against subhead.
            if (
                not accept and not headings and not nested and not runs_on and not continued and not previous_open and i > 0
                and j < n and blocks[j].kind is Kind.BODY and blocks[i - 1].kind is Kind.BODY
                and not OPEN_ENDING.search(run[-1].text)
                and not any(is_cut_before(b, blocks[i + k + 1]) for k, b in enumerate(run))
                and _opens_by_model(start_features(blocks, i, j, article_start, subheads, dateline, tally))
            ):
                accept = True
            if accept:
                groups.append((i, j))
                article_start, subheads, dateline = i, 0, False
                article_levels.extend(b.heading_level for b in headings)
                previous_open = False
                i = j
                continue
            if nested or (not previous_open and not runs_on and _reads_as_subhead(block) and i + 1 < n and not is_cut_before(block, blocks[i + 1])):
                block.kind = Kind.SUBHEAD
                subheads += 1
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


_DECK_OF_FACTS = lazy(r"出席|主持|讲话|会见|看望|慰问|致辞|会谈|通电话")
_DIGIT = lazy(r"\d")
# A kicker (引题) that leads into its headline: 王晨强调, 多国政党政要认为——, 国办印发.
_KICKER_CUE = lazy(r"(?:强调|指出|表示|印发|发布|显示|认为|提出|要求|称|呼吁|说|透露|介绍|会见|致电|出席|主持)$")


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
        if _KICKER_CUE.search(first) or (TWO_PHRASES.search(second) and not TWO_PHRASES.search(first)):
            return candidates[1]
        if len(run) == 2 and len(candidates) == 2 and not _DECK_OF_FACTS.search(second) and not (_DIGIT.search(second) and not _DIGIT.search(first)):
            # Two plain title lines with no dash between: far more often 引题 over
            # 主题 than 主题 over 副题 (on People's Daily pages of January and
            # February 2020, 1,352 against 182), unless the second gives the facts
            # a deck gives: who attended, or the figures the headline leaves out.
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
