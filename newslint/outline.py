"""How a file was read, as data: its articles, their headline groups, bylines, datelines and blocks.

`newslint outline --format json` prints this, so that other tools and tests can
check the reading of a page (the same positions as findings: 1-based lines and
columns counted in characters, end exclusive; 0-based offsets).
"""

from __future__ import annotations

from typing import Any

from .document import Block, Document, Kind

VERSION = 1


def _span(doc: Document, start: int, end: int) -> dict[str, int]:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column, "offset": start, "end_offset": end}


def _block(doc: Document, block: Block) -> dict[str, Any]:
    return {"kind": block.kind.value, "text": block.text, **_span(doc, block.start, block.end)}


def outline(doc: Document) -> dict[str, Any]:
    articles = []
    for article in doc.articles:
        def of(kind: Kind, article=article) -> list[dict[str, Any]]:
            return [_block(doc, b) for b in article.blocks if b.kind is kind]

        headline = article.headline
        dateline = article.dateline
        articles.append({
            "index": article.index,
            "headline": _block(doc, headline) if headline else None,
            "kickers": of(Kind.KICKER),
            "decks": of(Kind.DECK),
            "bylines": of(Kind.BYLINE),
            "dateline": {"text": doc.text[dateline[0] : dateline[1]], **_span(doc, *dateline)} if dateline else None,
            "blocks": [_block(doc, b) for b in article.blocks],
        })
    return {"version": VERSION, "path": doc.path, "articles": articles}
