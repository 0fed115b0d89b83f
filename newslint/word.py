"""Word documents (.docx) as copy: read paragraph by paragraph, findings placed by
paragraph and character, safe fixes written back into the text nodes they touch.

The text the rules see has one line per paragraph with blank lines between (a
table's rows are consecutive lines, `| cell | cell |`, as Markdown tables); a
paragraph styled Title or Heading 1 (or a style based on one) is given a `# `,
so the document model reads it as a headline, as it would a Markdown heading.
Text boxes are read after the paragraph that anchors them. Deleted revisions,
field codes and comments are not copy and are not read.

Paragraphs are numbered in that reading order, every `w:p` counted (empty ones,
table cells and text boxes too), so `page.docx:12:5` is the 5th character of
the 12th paragraph.

A fix changes only the `w:t` elements it touches, spliced into the original
bytes of the main document part; every other byte of that part and every other
member of the package is copied as it was. A fix that spans runs formatted
differently, crosses a paragraph, or falls in a text box (Word keeps a second,
fallback copy of it) is not applied: the caller reports it.

python-docx opens the package (it finds the main document part through the
relationships, and names styles, following `basedOn`); the text is read from
the part's XML with lxml, which python-docx brings, so that reading and
writing see the same elements.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import functools
import html
import io
import zipfile

import regex

from .document import DecodedText, InputError
from .finding import Edit, Finding, Fix, Related
from .patterns import lazy

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
HEADLINE_STYLES = frozenset({"Title", "Heading 1"})


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Run content that is text. Breaks end a line inside the paragraph, as a hard wrap would.
_RUN_TEXT = {_w("tab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-"}
# The bytes of one w:t element in the part, to splice a fixed one in its place.
_TEXT_ELEMENT = lazy(r"<w:t(?=[\s/>])([^>]*?)(?:/>|>([^<]*)</w:t>)")


@dataclasses.dataclass
class Piece:
    """A stretch of the linted text: one w:t's text (node >= 0), or text of our own
    (markup like `# ` and `| `, line breaks, tabs), which no fix may touch."""

    text: str
    paragraph: int  # 1-based; markup belongs to the paragraph it stands before or after
    node: int = -1
    in_paragraph: bool = False  # a character of the paragraph (a w:t's text, a tab, a break), not markup
    editable: bool = False
    format_key: tuple = ()  # runs with equal keys may share an edit
    start: int = 0  # offset in the linted text, set by WordDocument.layout
    column: int = 0  # 0-based character of its paragraph where it starts


class WordDocument:
    def __init__(self, data: bytes, path: str) -> None:
        try:
            import docx  # noqa: PLC0415 - only for Word documents
        except ImportError:
            raise InputError(f"{path}: reading Word documents needs python-docx (pip install python-docx)") from None
        try:
            self._word = docx.Document(io.BytesIO(data))
            self._part_name = self._word.part.partname.lstrip("/")
            self._archive = data
            body = self._word.element.body
        except Exception as error:  # noqa: BLE001 - a broken package fails in many ways; all are one input error
            raise InputError(f"{path}: not a readable Word document ({_reason(error)})") from None
        self.path = path
        self._node_index = {element: index for index, element in enumerate(self._word.element.iter(_w("t")))}
        self._styles: dict[str, bool] = {}
        self.pieces: list[Piece] = []
        self._paragraphs = 0
        self.text_box_paragraphs: set[int] = set()  # numbers of the paragraphs read from text boxes
        self._last_read = 0  # the last paragraph with text, which a separator follows
        self._changed: set[int] = set()
        self._read_blocks(body)
        self.layout()

    # --- reading ---------------------------------------------------------------

    def _read_blocks(self, container) -> None:
        for child in container.iterchildren():
            if child.tag == _w("p"):
                self._read_paragraph(child)
            elif child.tag == _w("tbl"):
                self._read_table(child)
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self._read_blocks(content)

    def _separate(self, lines: str) -> None:
        if self.pieces:
            self.pieces.append(Piece(lines, self._last_read))

    def _read_paragraph(self, p, in_text_box: bool = False) -> None:
        self._paragraphs += 1
        number = self._paragraphs
        if in_text_box:
            self.text_box_paragraphs.add(number)
        pieces = self._runs(p, number, editable=not in_text_box)
        if any(piece.text.strip() for piece in pieces):
            self._separate("\n\n")
            if self._is_headline(p):
                pieces.insert(0, Piece("# ", number))
            self.pieces.extend(pieces)
            self._last_read = number
        boxes = [box for box in p.iter(_w("txbxContent")) if not any(a.tag == MC_FALLBACK for a in box.iterancestors())]
        for box in boxes:
            for inner in box.iter(_w("p")):
                self._read_paragraph(inner, in_text_box=True)

    def _read_table(self, table) -> None:
        first_row = True
        for row in table.iter(_w("tr")):
            if row.getparent() is not table:
                continue  # a nested table's rows are read with its cell, not as rows of this one
            cells = []
            for cell in row.iterchildren(_w("tc")):
                parts: list[Piece] = []
                for p in cell.iterchildren(_w("p")):
                    self._paragraphs += 1
                    runs = self._runs(p, self._paragraphs, editable=True)
                    if any(piece.text for piece in runs):
                        if parts:
                            parts.append(Piece(" ", parts[-1].paragraph))
                        parts.extend(runs)
                cells.append((self._paragraphs, parts))
            if not any(parts for _, parts in cells):
                continue
            self._separate("\n\n" if first_row else "\n")
            first_row = False
            for k, (number, parts) in enumerate(cells):
                self.pieces.append(Piece("| " if k == 0 else " | ", self._last_read))
                self.pieces.extend(parts)
                self._last_read = number
            self.pieces.append(Piece(" |", self._last_read))

    def _runs(self, p, number: int, editable: bool) -> list[Piece]:
        pieces = []
        for element in p.iter(_w("t"), *_RUN_TEXT):
            if self._nested(element, p):
                continue
            if element.tag == _w("t"):
                run = element.getparent()
                properties = run.find(_w("rPr")) if run is not None else None
                key = (None if properties is None else _canonical(properties), tuple(_containers(run, p)))
                pieces.append(Piece(element.text or "", number, self._node_index[element], True, editable, key))
            else:
                pieces.append(Piece(_RUN_TEXT[element.tag], number, in_paragraph=True))
        return pieces

    @staticmethod
    def _nested(element, p) -> bool:
        """Inside a text box (its own paragraphs) or a fallback copy: not this paragraph's text."""
        for ancestor in element.iterancestors():
            if ancestor is p:
                return False
            if ancestor.tag in (_w("txbxContent"), MC_FALLBACK):
                return True
        return False

    def _is_headline(self, p) -> bool:
        properties = p.find(_w("pPr"))
        style = properties.find(_w("pStyle")) if properties is not None else None
        style_id = style.get(_w("val")) if style is not None else None
        if not style_id:
            return False
        if style_id not in self._styles:
            names = set()
            try:
                current = next((s for s in self._word.styles if s.style_id == style_id), None)
                for _ in range(8):  # basedOn chains are short; a loop in a broken file must end
                    if current is None:
                        break
                    names.add(current.name)
                    current = current.base_style
            except Exception:  # noqa: BLE001 - a broken styles part: read as plain paragraphs
                names = set()
            self._styles[style_id] = bool(names & HEADLINE_STYLES)
        return self._styles[style_id]

    # --- the text and positions ------------------------------------------------

    def layout(self) -> None:
        """Offsets of every piece in the linted text, and columns within paragraphs."""
        offset, columns = 0, {}
        for piece in self.pieces:
            piece.start = offset
            offset += len(piece.text)
            piece.column = columns.get(piece.paragraph, 0)
            if piece.in_paragraph:
                columns[piece.paragraph] = piece.column + len(piece.text)
        self.text = "".join(piece.text for piece in self.pieces)
        self._starts = [piece.start for piece in self.pieces]

    @property
    def decoded(self) -> DecodedText:
        return DecodedText(self.text, "docx", False, "\n")

    def paragraphs(self) -> list[str]:
        """The text of every paragraph by number (1-based, as index + 1), for excerpts."""
        texts = [""] * self._paragraphs
        for piece in self.pieces:
            if piece.in_paragraph:
                texts[piece.paragraph - 1] += piece.text
        return texts

    def _place(self, offset: int) -> tuple[int, int]:
        """1-based paragraph and column of an offset of the linted text."""
        if not self.pieces:
            return 1, 1
        index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        piece = self.pieces[index]
        if not piece.in_paragraph:
            # Our markup: a title's `# ` and a cell's `| ` stand before the first character
            # of the paragraph that follows, a separator after the last of the one before.
            following = self.pieces[index + 1] if index + 1 < len(self.pieces) else None
            if following is not None and following.in_paragraph and piece.text.strip():
                return following.paragraph, following.column + 1
            return max(piece.paragraph, 1), piece.column + 1
        return piece.paragraph, piece.column + offset - piece.start + 1

    def locate(self, finding: Finding) -> Finding:
        """The finding placed by paragraph and character of the Word document."""
        line, column = self._place(finding.offset)
        end_line, end_column = self._place(finding.end_offset) if finding.end_offset > finding.offset else (line, column)
        related = tuple(Related(r.offset, r.end_offset, r.message, *self._place(r.offset), r.path) for r in finding.related)
        return Finding(
            finding.rule, finding.severity, finding.message, finding.offset, finding.end_offset, finding.path,
            line, column, end_line, end_column, finding.suggestion, finding.fix, related, paragraph=line,
        )

    # --- fixing ----------------------------------------------------------------

    def _pieces_of(self, edit: Edit) -> list[Piece] | None:
        """The text nodes an edit changes, or None when it cannot be made inside them."""
        if edit.end_offset == edit.offset:
            index = bisect.bisect_right(self._starts, edit.offset) - 1
            around = [self.pieces[i] for i in (index - 1, index) if 0 <= i < len(self.pieces)]
            inside = [p for p in around if p.editable and p.start <= edit.offset <= p.start + len(p.text)]
            return inside[:1] or None  # at a boundary, the run before: inserted punctuation takes its formatting
        first = bisect.bisect_right(self._starts, edit.offset) - 1
        touched = []
        for piece in self.pieces[max(first, 0) :]:
            if piece.start >= edit.end_offset:
                break
            if piece.text and piece.start + len(piece.text) > edit.offset:
                touched.append(piece)
        if not touched or not all(p.editable for p in touched):
            return None
        if len({(p.paragraph, p.format_key) for p in touched}) != 1:
            return None  # across paragraphs, or runs formatted differently
        return touched

    def copy(self) -> WordDocument:
        """Another view of the same document whose text can be fixed apart from this one's."""
        clone = copy.copy(self)
        clone.pieces = [dataclasses.replace(piece) for piece in self.pieces]
        clone._changed = set()
        clone.layout()
        return clone

    def can_apply(self, fix: Fix) -> bool:
        return self._text_elements is not None and all(self._pieces_of(edit) is not None for edit in fix.edits)

    def apply(self, text: str, edits: list[Edit]) -> str:
        """Carry out edits (each accepted by can_apply) in the text nodes; return the new text."""
        assert text == self.text
        for edit in sorted(edits, key=lambda e: (e.offset, e.end_offset), reverse=True):
            touched = self._pieces_of(edit)
            assert touched is not None
            head, tail = touched[0], touched[-1]
            start = edit.offset - head.start
            end = edit.end_offset - tail.start
            if head is tail:
                head.text = head.text[:start] + edit.replacement + head.text[end:]
            else:
                head.text = head.text[:start] + edit.replacement
                for piece in touched[1:-1]:
                    piece.text = ""
                tail.text = tail.text[end:]
            self._changed.update(p.node for p in touched)
        self.layout()
        return self.text

    @functools.cached_property
    def _text_elements(self) -> list[regex.Match] | None:
        """Each w:t element's bytes in the part, in document order; None when they cannot
        all be found (another prefix than Word's `w:`, not UTF-8): then nothing is fixed."""
        return self._find_text_elements()

    def _find_text_elements(self) -> list[regex.Match] | None:
        with zipfile.ZipFile(io.BytesIO(self._archive)) as archive:
            try:
                self._xml = archive.read(self._part_name).decode("utf-8")
            except (KeyError, UnicodeDecodeError):
                return None
        matches = list(_TEXT_ELEMENT.finditer(self._xml))
        texts = [element.text or "" for element in self._node_index]
        if len(matches) != len(texts) or any(html.unescape(m.group(2) or "") != t for m, t in zip(matches, texts)):
            return None
        return matches

    def to_bytes(self) -> bytes:
        """The package with the fixed text nodes; every other byte as it was read."""
        if self._text_elements is None:
            raise InputError(f"{self.path}: cannot write fixes into this document")
        texts = {piece.node: piece.text for piece in self.pieces if piece.node >= 0}
        xml = self._xml
        for node in sorted(self._changed, reverse=True):
            match = self._text_elements[node]
            attributes = match.group(1)
            new = texts[node]
            if new != new.strip(" \t") and "xml:space" not in attributes:
                attributes += ' xml:space="preserve"'  # Word drops leading and trailing spaces otherwise
            escaped = new.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            xml = xml[: match.start()] + f"<w:t{attributes}>{escaped}</w:t>" + xml[match.end() :]
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(self._archive)) as source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                data = xml.encode("utf-8") if info.filename == self._part_name else source.read(info)
                target.writestr(info, data)
        return out.getvalue()


def _reason(error: Exception) -> str:
    lines = str(error).splitlines()
    return f"{type(error).__name__}: {lines[0][:120]}" if lines else type(error).__name__


def _canonical(element) -> bytes:
    from lxml import etree  # noqa: PLC0415 - python-docx's dependency, loaded with it

    return etree.tostring(element, method="c14n")


def _containers(run, p):
    """Where the elements between a run and its paragraph (a hyperlink, an insertion) are."""
    if run is None:
        return
    tree = run.getroottree()
    for ancestor in run.iterancestors():
        if ancestor is p:
            return
        yield tree.getpath(ancestor)


def read_word(data: bytes, path: str) -> WordDocument:
    return WordDocument(data, path)
