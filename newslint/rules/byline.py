"""byline: who wrote an article and where it was filed, and articles run together."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ..document import _BYLINE, DATELINE, Article, Block, Document, Kind
from ..finding import Finding, Related, Severity
from ..patterns import lazy
from ..rule import Rule, register

# "（记者 张三）" closing the last paragraph, or "新华社北京3月4日电（记者 张三 李四）".
_INLINE_BYLINE = lazy(r"[（(](?:本报|特约|见习|实习)?(?:记者|通讯员)[^（）()]{0,40}[）)]")
_OPEN_INLINE_BYLINE = lazy(r"[（(](?:本报|特约|见习|实习)?(?:记者|通讯员)[^（）()]{0,40}$")
_STRAY_SEPARATOR = lazy(r"[、，,]\s*$|[、，,]\s*[、，,]|(?:记者|通讯员)\s*[、，,]")
_ROLE_WITHOUT_NAME = lazy(r"(?:记者|通讯员|摄影|文|图)\s*[/／|｜:：]?\s*(?=$|(?:记者|通讯员)|\s(?:记者|通讯员))")
# The place of a dateline: 西宁 in 本报西宁1月15日电.
_PLACE = lazy(r"(?:本报|新华社|中新社|人民网)([\p{Han}]{2,6}?)(?:\d|[一二三四五六七八九十]+月|电|讯)")
FRONT_MATTER_KEYS = ("author", "authors", "byline")


def _has_inline_byline(article: Article) -> bool:
    body = article.body
    if not body:
        return False
    return bool(_INLINE_BYLINE.search(body[0].text[:80]) or _INLINE_BYLINE.search(body[-1].text[-60:]))


def _is_news_article(article: Article) -> bool:
    return article.headline is not None


# A user's pattern runs with a time limit: one written to backtrack ((a|a)*$) must not hang the run.
PATTERN_SECONDS = 0.2


def _searches(pattern: regex.Pattern, text: str) -> bool:
    try:
        return pattern.search(text, timeout=PATTERN_SECONDS) is not None
    except TimeoutError:
        return False


def _custom_bylines(article: Article, patterns: tuple[regex.Pattern, ...]) -> bool:
    return any(_searches(p, b.text) for b in article.blocks for p in patterns)


@functools.cache
def _compiled(patterns: tuple[str, ...]) -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(p) for p in patterns)


def _datelines(article: Article) -> list[Block]:
    return [b for b in article.body if DATELINE.match(b.text)]


@dataclass(frozen=True)
class MissingOptions:
    patterns: tuple[str, ...] = field(default=(), metadata={"regex": True})
    min_body_chars: int = 80
    exempt_headlines: tuple[str, ...] = field(default=("^(?:社论|评论员文章|短评|编者按|图片新闻|新闻图片)",), metadata={"regex": True})


@register
class Missing(Rule):
    """A news article with no byline.

    Newsroom rules want every article to say who wrote it. Recognised by
    default: □青岛日报/观海新闻记者 张三, 本报记者 张三, 记者 张三 通讯员 李四,
    文/张三 图/李四, 本报评论员, （记者 张三） at the end or 新华社北京3月4日电（记者
    张三） at the start, By Jane Doe, and `author`/`byline` in a Markdown file's front
    matter. A publication adds its own forms as regexes in `patterns`. Briefs
    shorter than `min_body_chars` and headlines matching `exempt_headlines`
    (editorials, photo news) need none. A headline with neither byline nor body
    is reported too: its copy was placed somewhere else on the page.

    Bad:  青岛安排317个高质量发展项目 / ● 总投资3213.5亿元 (then another headline)
    Good: 港口新开五条外贸航线 / □本报记者 孙海宁 / 本报4月8日讯 ……
    """

    id = "byline/missing"
    severity = Severity.WARNING
    Options = MissingOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        if any(doc.front_matter.get(key) for key in FRONT_MATTER_KEYS):
            return
        exempt = _compiled(self.options.exempt_headlines)
        custom = _compiled(self.options.patterns)
        for article in doc.articles:
            headline = article.headline
            if headline is None or any(_searches(p, headline.text) for p in exempt):
                continue
            if article.bylines or _has_inline_byline(article) or _custom_bylines(article, custom):
                continue
            body_chars = sum(len(b.text) for b in article.body)
            if not article.body:
                yield self.finding(
                    headline.start, headline.end,
                    f"标题“{headline.text}”下没有署名和正文，稿件可能被排到了版面别处",
                )
            elif body_chars >= self.options.min_body_chars:
                yield self.finding(headline.start, headline.end, f"文章“{headline.text}”没有署名")


@dataclass(frozen=True)
class MissingDatelineOptions:
    min_body_chars: int = 80


@register
class MissingDateline(Rule):
    """A news article whose first paragraph does not open with a dateline.

    Reports are filed from somewhere on some day: 本报3月4日讯, 本报讯,
    新华社北京3月4日电. Features often open without one, so this is only `info`
    by default; a piece signed by a commentator (本报评论员) is not checked, and
    on a page where most stories go without a dateline (features, commentary,
    interviews) none is reported: there the dateline is not the house style.

    Bad:  □本报记者 任晓萌 / 2月29日，青岛市民营企业家大讲堂开讲。
    Good: □本报记者 任晓萌 / 本报3月4日讯 2月29日，青岛市民营企业家大讲堂开讲。
    """

    id = "byline/missing-dateline"
    severity = Severity.INFO
    Options = MissingDatelineOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        stories = [
            a for a in doc.articles
            if a.headline is not None and a.body and sum(len(b.text) for b in a.body) >= self.options.min_body_chars
            and not any("评论员" in byline.text for byline in a.bylines)  # commentary carries no dateline
        ]
        undated = [a for a in stories if a.dateline is None and not _datelines(a)]
        if len(stories) >= 2 and len(undated) * 2 > len(stories):
            return  # a page of features and commentary: going without a dateline is its style
        for article in undated:
            headline = article.headline
            yield self.finding(headline.start, headline.end, f"文章“{headline.text}”正文开头没有电头（如“本报X月X日讯”）")


@register
class Merged(Rule):
    """Two articles run together under one headline.

    When layout interleaves articles, one story's byline and body end up under
    another story's headline: the article then carries two bylines or two
    datelines, or a byline and body follow with no headline of their own. The
    finding sits on the headline and points at both bylines (or datelines).

    Bad:  10个重点项目 集中签约蓝谷 / □记者 王涛 / 本报讯 …… / □记者 杨光 / 本报讯 ……
    Good: each byline under its own headline.
    """

    id = "byline/merged"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        for article in doc.articles:
            markers = article.bylines or []
            kind = "署名"
            datelines = _datelines(article)
            if len(markers) < 2 and len(datelines) >= 2 and not self._one_report(doc, article, datelines):
                markers, kind = datelines, "电头"
            if len(markers) < 2:
                late = self._late_dateline(article, datelines)
                if late is not None and article.headline is not None:
                    line = doc.position(late.start)[0]
                    yield self.finding(
                        article.headline.start, article.headline.end,
                        f"文章“{article.headline.text}”正文中间（第{line}行）出现电头，疑为另一篇稿件失去标题后接排在此",
                        related=(Related(late.start, late.end, "电头"),),
                    )
                continue
            lines = "、".join(f"第{doc.position(b.start)[0]}行" for b in markers)
            anchor = article.headline or markers[0]
            title = f"“{article.headline.text}”" if article.headline else "（无标题）"
            yield self.finding(
                anchor.start, anchor.end,
                f"文章{title}下有{len(markers)}处{kind}（{lines}），疑为两篇稿件排在了一个标题下",
                related=tuple(Related(b.start, b.end, kind) for b in markers),
            )


    @staticmethod
    def _one_report(doc: Document, article: Article, datelines: list[Block]) -> bool:
        """Reports from several places set under one headline on purpose: each dateline's
        place is named in the headline (青海……吉林…… over 本报西宁……电, 本报长春……电),
        the headline tells of several at once (王毅分别与……通电话), or three dispatches
        or more are gathered under it (a roundup: two articles run together make two)."""
        heads = [doc.text[b.start : b.start + DATELINE.match(b.text).end()].strip() for b in datelines]
        headline = article.headline.text if article.headline else ""
        if headline and (len(datelines) >= 3 or "分别" in headline):
            return True
        places = [_PLACE.search(head) for head in heads]
        return bool(headline) and all(p and p.group(1)[:2] in headline for p in places)

    @staticmethod
    def _late_dateline(article: Article, datelines: list[Block]) -> Block | None:
        """A dateline that opens a paragraph deep in the body, after copy of the article's own.

        A dateline opens a story's lead; one after two or more paragraphs of
        copy, in an article that opened without one, is the lead of another story."""
        if len(datelines) != 1:
            return None
        body = article.body
        position = body.index(datelines[0])
        return datelines[0] if position >= 2 and sum(len(b.text) for b in body[:position]) >= 200 else None


@register
class Malformed(Rule):
    """A byline with a missing name, an unclosed bracket or a stray separator.

    Templates and hurried edits leave 记者 with nothing after it, （记者 张三
    with no closing bracket, or 张三、 with a separator and no next name.

    Bad:  □本报记者　/ （记者 张三 / 记者 张三、李四、
    Good: □本报记者 张三 / （记者 张三） / 记者 张三 李四
    """

    id = "byline/malformed"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.blocks:
            if block.kind is Kind.BYLINE and not _BYLINE.match(block.text):
                yield self.finding(block.start, block.end, self._problem(block.text))
            elif block.kind is Kind.BODY:
                tail = _OPEN_INLINE_BYLINE.search(block.text[-60:])
                if tail:
                    start = block.end - len(block.text[-60:]) + tail.start()
                    yield self.finding(start, block.end, f"署名“{tail.group()}”缺少右括号")

    @staticmethod
    def _problem(text: str) -> str:
        if _ROLE_WITHOUT_NAME.search(text):
            return f"署名“{text}”缺少姓名"
        if _STRAY_SEPARATOR.search(text):
            return f"署名“{text}”中有多余的分隔符"
        return f"署名“{text}”格式不完整"
