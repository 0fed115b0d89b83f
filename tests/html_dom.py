"""What a report's marks cover, read from its HTML without a browser (and the same
question asked of a browser's DOM in test_browser.py)."""

from __future__ import annotations

import html.parser
from pathlib import Path

import regex

from newslint.word import read_word

BREAKS = regex.compile(r"\r\n|[\r\u0085\u2028\u2029]")


def shown(text: str) -> str:
    """A span of copy as the page shows it: every line break one LF."""
    return BREAKS.sub("\n", text)


class MarkText(html.parser.HTMLParser):
    """The text under each finding id (`data-f`), inside the page's copy only."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: dict[int, str] = {}
        self.stack: list[list[int]] = []

    def handle_starttag(self, tag, attrs):
        ids = dict(attrs).get("data-f")
        self.stack.append([int(i) for i in ids.split()] if ids else [])
        if ids:
            for number in self.stack[-1]:
                self.text.setdefault(number, "")

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        for ids in self.stack:
            for number in ids:
                self.text[number] += data


def copy_of(path: Path) -> str:
    """The text newslint lints for a file: a Word document's as read, else the file's."""
    if path.suffix == ".docx":
        return read_word(path.read_bytes(), str(path)).text
    return path.read_text(encoding="utf-8")


def example_files(folder: Path) -> list[Path]:
    """The files a walk of the folder lints, in its order."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".docx"))


def mark_text(page: str) -> dict[int, str]:
    body = page[page.index("<main>") : page.index("</main>") + len("</main>")]
    parser = MarkText()
    parser.feed(body)
    return parser.text
