"""The copy as HTML, the way the document model read it: one box per article, each
block marked with its kind, and marks over the spans findings point at.

Rendered here, in Python, so that the browser only lays out spans: a 2 MB page
with thousands of findings opens without a script walking the text. Marks that
overlap are cut into segments at every start and end; each segment lists, in
`data-f`, the ids of every finding covering it, so that the text of all the
segments naming one id is exactly that finding's span. Places findings point
to (`related`) are segments with `data-r` ("id-k" for the k-th related place).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from ..document import Document
from ..finding import Severity

# Every line break the document model counts (CRLF, CR, NEL, U+2028, U+2029) is
# shown as one LF: the browser would fold CRLF itself, and shows the others as nothing.
_BREAKS = regex.compile(r"\r\n|[\r\u0085\u2028\u2029]")

KIND_LABELS = {
    "headline": "标题", "kicker": "引题", "deck": "副题", "subhead": "小标题", "byline": "署名",
    "body": "正文", "caption": "图片说明", "credit": "署名/说明", "list-item": "列表", "table-row": "表格", "separator": "分隔",
}


@dataclass(frozen=True)
class Mark:
    """A span to highlight: `number` is the finding's id in the report."""

    number: int
    offset: int
    end_offset: int
    severity: Severity
    related: tuple[tuple[int, int], ...] = ()


def display(text: str) -> str:
    """Text as the page shows it: line breaks as LF, everything escaped."""
    return html.escape(_BREAKS.sub("\n", text), quote=False)


def _cut(text: str, start: int, end: int) -> str:
    # A CRLF cut between its CR and LF is shown once, on the LF's side.
    if end < len(text) and text[end - 1 : end + 1] == "\r\n":
        return display(text[start : end - 1])
    return display(text[start:end])


def render_copy(doc: Document, marks: Sequence[Mark] = (), *, file_number: int = 0, places: Sequence[tuple[str, int, int]] = ()) -> str:
    """The whole text of `doc` as HTML, every character once, in order; `places` are
    further named spans (the outline's datelines), marked as related places are."""
    text = doc.text
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    empty: dict[int, list[Mark]] = defaultdict(list)
    related_starts: dict[int, list[str]] = defaultdict(list)
    related_ends: dict[int, list[str]] = defaultdict(list)
    cuts = {0, len(text)}
    for mark in marks:
        if mark.end_offset > mark.offset:
            starts[mark.offset].append(mark)
            ends[mark.end_offset].append(mark)
            cuts.update((mark.offset, mark.end_offset))
        else:
            empty[mark.offset].append(mark)
            cuts.add(mark.offset)
    named = [(f"{mark.number}-{k}", start, end) for mark in marks for k, (start, end) in enumerate(mark.related)]
    for name, start, end in [*named, *places]:
        if end > start:
            related_starts[start].append(name)
            related_ends[end].append(name)
            cuts.update((start, end))
    # Articles and blocks open and close at their own offsets.
    opens: dict[int, list[str]] = defaultdict(list)
    closes: dict[int, list[str]] = defaultdict(list)
    article_starts = [a.blocks[0].line_start for a in doc.articles if a.blocks]
    if article_starts:
        article_starts[0] = 0  # text before the first block (front matter, blank lines) goes with it
    for number, start in enumerate(article_starts):
        end = article_starts[number + 1] if number + 1 < len(article_starts) else len(text)
        opens[start].append(f'<div class="art" data-a="{number + 1}" id="a{file_number}-{number + 1}">')
        closes[end].append("</div>")
        cuts.update((start, end))
    for block in doc.blocks:
        kind = block.kind.value
        opens[block.line_start].append(f'<span class="blk k-{kind}" data-kind="{KIND_LABELS.get(kind, kind)}">')
        closes[block.line_end].append("</span>")
        cuts.update((block.line_start, block.line_end))
        if block.start > block.line_start and block.heading_level:
            # Markdown's # in front of a title: shown, dimmed, not part of the copy.
            opens[block.line_start].append('<span class="mk">')
            closes[block.start].append("</span>")
            cuts.add(block.start)
    if not article_starts:
        opens[0].append(f'<div class="art" data-a="0" id="a{file_number}-0">')
        closes[len(text)].append("</div>")
    active: dict[int, Mark] = {}
    active_related: set[str] = set()
    out: list[str] = []
    ordered = sorted(cuts)
    for index, point in enumerate(ordered):
        for mark in ends.get(point, ()):
            del active[mark.number]
        active_related.difference_update(related_ends.get(point, ()))
        out.extend(reversed(closes.get(point, ())))
        out.extend(opens.get(point, ()))
        for mark in empty.get(point, ()):
            out.append(f'<span class="m z s{int(mark.severity)}" data-f="{mark.number}"></span>')
        for mark in starts.get(point, ()):
            active[mark.number] = mark
        active_related.update(related_starts.get(point, ()))
        if index + 1 == len(ordered):
            break
        segment = _cut(text, point, ordered[index + 1])
        if not active and not active_related:
            out.append(segment)
            continue
        attributes = []
        classes = []
        if active:
            classes += ["m", f"s{max(int(m.severity) for m in active.values())}"]
            if len(active) > 1:
                classes.append("multi")
            attributes.append(f'data-f="{" ".join(str(n) for n in sorted(active))}"')
        if active_related:
            classes.append("rel")
            attributes.append(f'data-r="{" ".join(sorted(active_related))}"')
        out.append(f'<span class="{" ".join(classes)}" {" ".join(attributes)}>{segment}</span>')
    return "".join(out)


def article_summary(doc: Document) -> Iterable[tuple[int, str, list[tuple[str, str]]]]:
    """Per article: its number, its headline, and its headline group, bylines and dateline as (label, text)."""
    for article in doc.articles:
        parts = [(KIND_LABELS[b.kind.value], b.text) for b in article.blocks if b.kind.value in ("kicker", "headline", "deck", "byline")]
        if article.dateline:
            parts.append(("电头", text_of(doc, article.dateline)))
        headline = article.headline
        yield article.index + 1, headline.text if headline else "（无标题）", parts


def text_of(doc: Document, span: tuple[int, int]) -> str:
    return doc.text[span[0] : span[1]]
