"""duplicate: copy printed twice, whole paragraphs, page-break seams and sentences."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..document import SENTENCE, Block, Document, Kind
from ..finding import Edit, Finding, Related, Severity
from ..patterns import lazy
from ..rule import BatchRule, Rule, register

_NOT_TEXT = lazy(r"[^\p{L}\p{N}]+")
_CLAUSE = lazy(r"[^，。；！？,;!?：:、]{8,}")
_FULL_WIDTH = lazy(r"[\uff10-\uff5a]")
_FOLD_WIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)})


def fold_width(text: str) -> str:
    """Full-width letters and digits to ASCII; most copy has none, so look before translating."""
    return text.translate(_FOLD_WIDTH) if _FULL_WIDTH.search(text) else text


def comparison_key(text: str) -> str:
    """Letters and digits only, width-folded: '（青岛）,' and '(青岛)，' compare equal."""
    return fold_width(_NOT_TEXT.sub("", text))


def seam_overlap(first: str, second: str, min_chars: int) -> int:
    """Length of the longest tail of `first` that `second` opens with (0 if shorter than min_chars).

    This is what a page-break seam leaves: the layout repeats the last words
    before the break at the top of the next column.
    """
    probe = second[:min_chars]
    if len(probe) < min_chars:
        return 0
    position = first.find(probe, max(0, len(first) - len(second)))
    while position >= 0:
        tail = first[position:]
        if second.startswith(tail) and len(tail) < len(second):
            return len(tail)
        position = first.find(probe, position + 1)
    return 0


@dataclass
class DuplicateAnalysis:
    """What the three rules share, so a repeat is reported once, by the rule that fits it best."""

    paragraphs: list[tuple[Block, Block, float]] = field(default_factory=list)  # later, earlier, similarity
    restatements: set[int] = field(default_factory=set)  # later paragraphs that restate an earlier one on purpose
    seams: list[tuple[Block, Block, int]] = field(default_factory=list)  # paragraph, next, overlap

    def is_covered(self, block: Block, start: int) -> bool:
        """Whether a sentence starting here lies in a repeat another rule reports."""
        if block.index in self._later_copies:
            return True
        return start < self._seam_ends.get(block.index, -1)

    def __post_init__(self) -> None:
        self._later_copies: set[int] = set()
        self._seam_ends: dict[int, int] = {}

    def finish(self) -> DuplicateAnalysis:
        self._later_copies = {later.index for later, _, _ in self.paragraphs} | self.restatements
        self._seam_ends = {second.index: second.start + overlap for _, second, overlap in self.seams}
        return self


def _candidates(doc: Document, min_chars: int) -> list[tuple[Block, str]]:
    kinds = (Kind.BODY, Kind.LIST_ITEM, Kind.CAPTION)
    keyed = [(b, comparison_key(b.text)) for b in doc.blocks if b.kind in kinds]
    return [(b, key) for b, key in keyed if len(key) >= min_chars]


def analyse(doc: Document, options: ParagraphOptions, seam_min: int) -> DuplicateAnalysis:
    result = DuplicateAnalysis()
    blocks = _candidates(doc, options.min_chars)
    first_by_key: dict[str, Block] = {}
    # Near copies share whole clauses; indexing clauses keeps this linear in the
    # number of paragraphs instead of comparing every pair.
    by_clause: dict[str, list[int]] = defaultdict(list)
    reported: set[int] = set()
    for position, (block, key) in enumerate(blocks):
        earlier = first_by_key.get(key)
        if earlier is not None:
            result.paragraphs.append((block, earlier, 1.0))
            reported.add(block.index)
            continue
        first_by_key[key] = block
        # Clauses of the raw text: a width difference inside one clause only
        # costs that clause, and the others still bring the copies together.
        clauses = set(_CLAUSE.findall(block.text))
        shared: dict[int, int] = {}
        for clause in clauses:
            bucket = by_clause[clause]
            for other in bucket[-50:]:
                shared[other] = shared.get(other, 0) + 1
            bucket.append(position)
        best: tuple[float, int] | None = None
        # Only the few paragraphs sharing the most clauses are compared in full.
        for other, count in sorted(shared.items(), key=lambda item: -item[1])[:3]:
            other_key = blocks[other][1]
            if count * 2 < len(clauses) or blocks[other][0].index in reported:
                continue
            if abs(len(other_key) - len(key)) > (1 - options.similarity) * max(len(key), len(other_key)):
                continue
            ratio = difflib.SequenceMatcher(None, key, other_key, autojunk=False).ratio()
            if ratio >= options.similarity and _restated(key, other_key):
                result.restatements.add(block.index)
            elif ratio >= options.similarity and (best is None or ratio > best[0]):
                best = (ratio, other)
        if best is not None:
            result.paragraphs.append((block, blocks[best[1]][0], best[0]))
            reported.add(block.index)
    body = [b for b in doc.blocks if b.kind is Kind.BODY]
    for first, second in zip(body, body[1:]):
        if second.index != first.index + 1 or second.index in reported:
            continue
        overlap = seam_overlap(first.text, second.text, seam_min)
        if overlap:
            result.seams.append((first, second, overlap))
    return result.finish()


@dataclass(frozen=True)
class ParagraphOptions:
    min_chars: int = 15
    similarity: float = 0.9


@dataclass(frozen=True)
class SeamOptions:
    min_chars: int = 10


def _restated(a: str, b: str) -> bool:
    """Two paragraphs that differ only at their start: a passage restated with an
    attribution (习近平在回信中说，……), or a template with another name (某某同志逝世后，……).
    A paragraph printed twice by layout differs, if at all, here and there, not in one lead-in."""
    if a == b:
        return False
    shorter = min(len(a), len(b))
    common = 0
    while common < shorter and a[-1 - common] == b[-1 - common]:
        common += 1
    if common < 0.85 * shorter:
        return False
    if abs(len(a) - len(b)) >= 3:
        return True  # an attribution put before the same words
    head_a, head_b = a[: len(a) - common], b[: len(b) - common]
    return sum(x != y for x, y in zip(head_a, head_b)) >= 2  # another name in the same template; one slip is a copy


def _shared(doc: Document, rule: Rule) -> DuplicateAnalysis:
    """The analysis for this document, computed once for the three rules.

    Each rule brings its own options; the others' default ones fill in, so the
    analysis is shared whenever the options agree (they do unless configured).
    """
    paragraph = rule.options if isinstance(rule.options, ParagraphOptions) else ParagraphOptions()
    seam = rule.options if isinstance(rule.options, SeamOptions) else SeamOptions()
    return doc.memo(f"duplicate:{paragraph}:{seam}", lambda: analyse(doc, paragraph, seam.min_chars))


@register
class DuplicateParagraph(Rule):
    """A paragraph printed twice in the file, word for word or nearly.

    Layout and CMS round trips paste a paragraph a second time. The finding sits
    on the later copy and points at the first; an exact copy can be removed
    safely, a near copy needs an editor to choose which version is right.
    Punctuation width and spacing are ignored when comparing.

    Bad:  从项目建设阶段看,建设类项目255个……(again four paragraphs later)
    Good: the paragraph once.
    """

    id = "duplicate/paragraph"
    severity = Severity.ERROR
    Options = ParagraphOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        for block, earlier, ratio in _shared(doc, self).paragraphs:
            line = doc.position(earlier.start)[0]
            related = (Related(earlier.start, earlier.end, "第一次出现"),)
            if ratio == 1.0 and block.text == earlier.text:
                yield self.finding(
                    block.start, block.end,
                    f"此段与第{line}行的段落完全重复，应删除一处",
                    edits=[Edit(doc.removal_start(block), block.line_end, "")],
                    related=related,
                )
            else:
                yield self.finding(
                    block.start, block.end,
                    f"此段与第{line}行的段落几乎相同（相似度{ratio:.0%}），疑为重复排版",
                    related=related,
                )


@register
class DuplicateSeam(Rule):
    """A paragraph that opens by repeating the closing words of the one before.

    A page or column break in layout can carry the last words before the break
    over to the top of the next column, so the copy reads them twice. The fix
    removes the repeat and joins the two paragraphs.

    Bad:  ……合计占比43.2%。其中,涉及24条重点产业链领域项目共207个,
          31个,合计占比43.2%。其中,涉及24条重点产业链领域项目共207个,总投资2106.6亿元……
    Good: ……合计占比43.2%。其中,涉及24条重点产业链领域项目共207个,总投资2106.6亿元……
    """

    id = "duplicate/seam"
    severity = Severity.ERROR
    Options = SeamOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        for first, second, overlap in _shared(doc, self).seams:
            repeated = second.text[:overlap]
            shown = repeated if len(repeated) <= 24 else repeated[:10] + "……" + repeated[-10:]
            yield self.finding(
                second.start, second.start + overlap,
                f"段首重复了上一段末尾的“{shown}”（{overlap}字），疑为分页接缝，应删去重复并与上段接排",
                edits=[Edit(first.end, second.start + overlap, "")],
                related=(Related(first.end - overlap, first.end, "上一段末尾"),),
            )


@dataclass(frozen=True)
class SentenceOptions:
    min_chars: int = 20


def _said_on_purpose(doc: Document, block: Block, position: int) -> bool:
    """Paragraphs that repeat the body by design: a pull quote (a quotation or a short
    line standing alone), and the summary under a label at the top (核心阅读, 提要)."""
    sentences = [m.group() for m in SENTENCE.finditer(block.text) if m.group().strip()]
    if len(sentences) == 1 and (block.text.startswith("“") or len(block.text) <= 40):
        return True
    previous = doc.blocks[block.index - 1] if block.index else None
    labelled = previous is not None and previous.kind is not Kind.BODY and len(previous.text) <= 8
    return position < 3 and labelled and len(sentences) <= 4


_QUOTED_SENTENCE = lazy(r"^[“「]|[”」]$")


@register
class DuplicateSentence(Rule):
    """A sentence that appears twice in one article.

    Copy assembled from several drafts often keeps a sentence in two places.
    Sentences inside a repeated paragraph or a seam are left to those rules.
    Repetition by design is left alone: a quotation (a pull quote set beside
    the interview it comes from), a paragraph two or more of whose sentences
    come back later (a box that gathers the body's key sentences), and the lead
    of a story of four paragraphs or more, which sums up what the body tells.
    Sentences shorter than `min_chars` (slogans, refrains) are not compared.

    Bad:  项目总投资约5亿元，占地50亩，建成后年产值可达10亿元。…… 项目总投资约5亿元，占地50亩，建成后年产值可达10亿元。
    Good: the sentence once.
    """

    id = "duplicate/sentence"
    severity = Severity.WARNING
    Options = SentenceOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        shared = _shared(doc, self)
        for article in doc.articles:
            first_seen: dict[str, tuple[int, int, int]] = {}  # sentence → (start, end, index of its paragraph)
            repeats: list[tuple[int, int, tuple[int, int, int]]] = []
            lead = article.body[0].index if len(article.body) >= 4 else -1
            for position, block in enumerate(article.body):
                if _said_on_purpose(doc, block, position):
                    continue
                for match in SENTENCE.finditer(block.text):
                    # Copies kept from two drafts are exact; the raw sentence is the key.
                    key = match.group()
                    start, end = block.start + match.start(), block.start + match.end()
                    if len(key) < self.options.min_chars or shared.is_covered(block, start) or _QUOTED_SENTENCE.search(key.strip()):
                        continue
                    if key in first_seen:
                        repeats.append((start, end, first_seen[key]))
                    else:
                        first_seen[key] = (start, end, block.index)
            gathered = Counter(earlier[2] for _, _, earlier in repeats)
            for start, end, earlier in repeats:
                if gathered[earlier[2]] >= 2 or earlier[2] == lead:
                    continue  # a paragraph made of sentences said again later, or the lead that sums up the story
                yield self.finding(
                    start, end,
                    f"这句话在第{doc.position(earlier[0])[0]}行已经出现过",
                    related=(Related(earlier[0], earlier[1], "第一次出现"),),
                )


@dataclass(frozen=True)
class AcrossArticlesOptions:
    min_chars: int = 50  # letters and digits: a dateline, a byline or a closing line is far shorter
    similarity: float = 0.7  # estimated Jaccard similarity of the 4-grams: three characters changed in 100 is about 0.78
    max_articles: int = 3  # a paragraph in more articles than this is shared copy on purpose (wire, boilerplate)
    boilerplate: tuple[str, ...] = ()  # texts exempted wherever a paragraph contains them (a standard notice, a 新华社 paragraph)


@register
class DuplicateAcrossArticles(BatchRule):
    """A long paragraph that appears, word for word or nearly, in another article of the batch.

    The same story published twice on different days, or a paragraph lifted
    from another article, can only be seen across the batch: a folder, or a
    whole archive (`newslint check archive.jsonl --text-field body`). Each
    copy is reported, pointing at the others. Only body paragraphs of at least
    `min_chars` letters and digits count (a dateline, a byline, 记者 张三 or a
    standard closing line never does); spacing and punctuation width are
    ignored, and near copies (a few characters changed, a clause added) are
    found by MinHash and LSH over character 4-grams. A paragraph found in more
    than `max_articles` articles is shared on purpose (wire copy, a standard
    box) and is not reported; so is one containing a text of `boilerplate`.

    Off by default: it is the only rule that holds something of every
    document until the end of the run, in the one process that writes the
    report (measured by bench/archive.py: about 6 KB per long paragraph with
    the LSH index, 570 MB more for 20,000 articles, so tens of GB for a
    million: judge such an archive a year or a month at a time), it costs a
    third more time, its near-copy index needs datasketch
    (`pip install 'newslint[near-duplicates]'`), which the plain install does
    not carry, and one page alone gains nothing from it. Turn it on for a
    folder or an archive with `duplicate/across-articles: {enabled: true}` in
    .newslint.yaml (or --config), or run it alone with
    `--select duplicate/across-articles`. Its options are those of the first
    configuration that turns it on; a document whose own configuration leaves
    it off is not compared. Inline `newslint-disable` directives and
    baselines do not cover it, and in a Word document it places a paragraph
    by the line of the text as read, not by the document's paragraph.

    Bad:  a.txt and b.txt both carry 今年一季度，全市规模以上工业增加值同比增长6.2%，高于全省平均水平1.1个百分点，其中装备制造业增长9.3%。
    Good: the paragraph in one article, the other quoting or summing it up in its own words.
    """

    id = "duplicate/across-articles"
    severity = Severity.WARNING
    Options = AcrossArticlesOptions
    enabled_by_default = False

    def missing_library(self) -> str | None:
        from ..repeats import MissingLibrary, require_datasketch  # noqa: PLC0415

        try:
            require_datasketch()
        except MissingLibrary as error:
            return str(error)
        return None

    def digest(self, doc: Document):
        from ..repeats import paragraph_prints  # noqa: PLC0415 - datasketch only when the rule runs

        exempt = tuple(key for key in (comparison_key(text) for text in self.options.boilerplate) if key)
        # A story published again on another day keeps its words but not its dateline: compare what follows it.
        dateline_ends = {a.dateline[0]: a.dateline[1] for a in doc.articles if a.dateline}
        keyed = []
        for block in doc.blocks:
            if block.kind is not Kind.BODY:
                continue
            after = next((end for start, end in dateline_ends.items() if block.start <= start < block.end), block.start)
            key = comparison_key(block.text[after - block.start :])
            if len(key) >= self.options.min_chars and not any(e in key for e in exempt):
                keyed.append((block, key))
        return paragraph_prints(doc, keyed)

    def check_batch(self, digests):
        from ..repeats import find_repeats  # noqa: PLC0415

        for repeat in find_repeats([digest for _, digest in digests], self.options.similarity):
            documents = repeat.documents()
            if len(documents) > self.options.max_articles:
                continue
            for occurrence in repeat.occurrences:
                others = [o for o in repeat.occurrences if o.document != occurrence.document]
                first = others[0]
                where = f"{digests[first.document][0]} 第{first.paragraph.line}行"
                how = "完全相同" if repeat.exact else f"几乎相同（相似度约{repeat.similarity:.0%}）"
                more = f"，共见于{len(documents)}篇稿件" if len(documents) > 2 else ""
                here = occurrence.paragraph
                yield occurrence.document, Finding(
                    self.id, self.severity, f"此段与另一篇稿件（{where}）的段落{how}{more}，疑为重复刊发或照搬",
                    here.offset, here.end_offset, digests[occurrence.document][0],
                    here.line, here.column, here.end_line, here.end_column,
                    related=tuple(
                        Related(o.paragraph.offset, o.paragraph.end_offset, "另一篇稿件中的同一段落", o.paragraph.line, o.paragraph.column,
                                digests[o.document][0])
                        for o in others[:5]
                    ),
                )
