"""typo: doubled, miswritten, truncated and redundant words, wrong and traditional characters."""

from __future__ import annotations

import functools
import math
import re
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import regex

from ..document import Block, Document
from ..finding import Edit, Finding, Severity
from ..lexicon import ALIKE_WORD_FREQUENCY, LONGEST_WORD, Lexicon, lexicon, read_data
from ..patterns import lazy
from ..rule import Rule, register
from ..spans import Spans, used_more_than_once


def _words_around(text: str, start: int, end: int, words: Lexicon) -> bool:
    """Whether the span's first character ends a word that begins before it, or its
    last character begins a word that runs on after it: then the span crosses a word
    boundary (按+装修, 为了+了解) and is not one miswritten or doubled word."""
    for size in (2, 3):
        if start - size + 1 >= 0 and text[start - size + 1 : start + 1] in words:
            return True
        if end + size - 1 <= len(text) and text[end - 1 : end + size - 1] in words:
            return True
    return False


# --- doubled words ---------------------------------------------------------------

# The standard library's re runs this backreference three times faster than regex;
# the class is the CJK ideograph blocks, which is what \p{Han} means here.
_DOUBLED = lazy("([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,4}?)\\1")
# Function characters that never double in running copy: "的的", "了了", "在在".
_NEVER_DOUBLED = frozenset("的了是在和与及对把被将从向于以而并其该")
# Colloquial words ending in 的 that jieba's dictionary lacks: 打的的费用 is right.
_WORDS_ENDING_IN_DE = frozenset({"打的", "摩的", "面的", "飞的"})


@dataclass(frozen=True)
class DoubledWordOptions:
    allow: tuple[str, ...] = ()


@functools.cache
def _reduplications() -> frozenset[str]:
    return frozenset(read_data("reduplications.txt"))


@register
class DoubledWord(Rule):
    """A word or particle printed twice in a row.

    Layout and hurried edits leave a word doubled: 组织组织, 工作的的, 举行举行.
    Chinese repeats words on purpose too (谢谢, 常常, 人人, 高高兴兴, 研究研究,
    说着说着, 一个一个), so a repeat is flagged only when it is a dictionary word
    that is not a known reduplication, or a function word (的, 了, 在 ...) whose
    two copies do not each belong to a word of their own (为了了解, 目的的). The
    fix removes the second copy. Add house exceptions with the `allow` option.

    Bad:  中国—上海合作组织组织技术转移中心
    Good: 中国—上海合作组织技术转移中心；我们再研究研究。
    """

    id = "typo/doubled-word"
    severity = Severity.ERROR
    Options = DoubledWordOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        allowed = _reduplications() | set(self.options.allow)
        for match in _DOUBLED.finditer(doc.text):
            block = doc.text_block_at(match.start())
            if block is None:
                continue
            word = match.group(1)
            if not self._is_mistake(block.text, match.start() - block.start, word, allowed):
                continue
            yield self.finding(
                match.start(), match.end(),
                f"“{match.group()}”：词语重复，应为“{word}”",
                suggestion=word,
                edits=[Edit(match.start() + len(word), match.end(), "")],
            )

    @staticmethod
    def _is_mistake(text: str, start: int, word: str, allowed: frozenset[str] | set[str]) -> bool:
        if word in allowed:
            return False
        words = lexicon()
        end = start + 2 * len(word)
        if len(word) == 1:
            if word not in _NEVER_DOUBLED or _words_around(text, start, end, words):
                return False
            if text[start - 1 : start + 1] in _WORDS_ENDING_IN_DE:
                return False
            return text[start : end + 2] not in words and text[start - 2 : end] not in words
        if word[0] == word[1] or word.startswith(("一", "很", "好", "太", "真", "最")) or word.endswith(("着", "了")):
            return False  # 哈哈哈哈, 一个一个, 很小很小, 说着说着
        if text[start:end] in words:
            return False  # the doubled form is itself a word
        if _words_around(text, start, end, words):
            return False  # 支队+支队长, 华南理工大学+大学城: two words that meet
        # Adjectives, onomatopoeia, pronouns and interjections double for
        # emphasis (冰凉冰凉, 咣当咣当, 如何如何); nouns and verbs of news copy do not.
        return words.frequency(word) >= 50 and not words.tag(word).startswith(("a", "o", "r", "e", "y", "z"))


# --- miswritten words ---------------------------------------------------------------


@dataclass(frozen=True)
class MiswrittenOptions:
    extra: Mapping[str, str] = field(default_factory=lambda: types.MappingProxyType({}))
    allow: tuple[str, ...] = ()


@functools.cache
def builtin_miswritten() -> dict[str, tuple[str, str | None]]:
    entries = {}
    for line in read_data("miswritten.tsv"):
        wrong, right, *context = line.split("\t")
        entries[wrong] = (right, context[0] if context else None)
    return entries


@functools.cache
def _automaton(extra: tuple[tuple[str, str], ...], allow: tuple[str, ...]):
    import ahocorasick  # noqa: PLC0415 - built on first use only

    entries = dict(builtin_miswritten())
    entries.update({wrong: (right, None) for wrong, right in extra})
    machine = ahocorasick.Automaton()
    for wrong, (right, context) in entries.items():
        if wrong not in allow:
            machine.add_word(wrong, (wrong, right, regex.compile(context) if context else None))
    machine.make_automaton()
    return machine


@register
class Miswritten(Rule):
    """A commonly miswritten word, with its correct form.

    A checked list of over 1,400 wrong → right forms (部暑 → 部署, 再接再励 →
    再接再厉, 迫不急待 → 迫不及待, 截止目前 → 截至目前) shipped in
    newslint/data/miswritten.tsv. A two-character entry is skipped where it only
    arises across a word boundary (按+装修 is not 按装). Add house spellings with
    `extra: {wrong: right}` and silence an entry with `allow`.

    Bad:  再接再励，把各项工作布署到位。
    Good: 再接再厉，把各项工作部署到位。
    """

    id = "typo/miswritten"
    severity = Severity.ERROR
    Options = MiswrittenOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        machine = _automaton(tuple(sorted(self.options.extra.items())), self.options.allow)
        text = doc.text
        taken_until = -1
        # One pass over the whole text; longest match first at each start, so
        # 截止记者发稿时 beats 截止.
        matches = sorted(
            ((end - len(wrong) + 1, end + 1, wrong, right, context) for end, (wrong, right, context) in machine.iter(text)),
            key=lambda m: (m[0], -m[1]),
        )
        for start, end, wrong, right, context in matches:
            if start < taken_until:
                continue
            block = doc.text_block_at(start)
            if block is None or end > block.end:
                continue
            if context is not None and not context.match(text, end):
                continue
            if len(wrong) == 2 and _words_around(text, start, end, lexicon()):
                continue
            taken_until = end
            yield self.finding(
                start, end, f"“{wrong}”应为“{right}”", suggestion=right, edits=[Edit(start, end, right)],
            )


# --- truncated words ---------------------------------------------------------------

_NOUN_PHRASE_END = lazy(r"的(\p{Han})(?=[。！？；])")
# After a pronoun's 的 a lone noun is everyday speech: 我的包, 他的车, 你们的家.
_PRONOUNS = ("我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "自己", "大家")


@dataclass(frozen=True)
class TruncatedOptions:
    max_standalone_share: float = 0.15


@register
class Truncated(Rule):
    """A word cut short at the end of a sentence.

    After 的 a sentence ends on a noun. When it ends instead on a single
    character that almost never stands alone as a word but commonly begins one
    (支 of 支出, 支付), the word was probably cut short in editing. Judged from
    jieba's word frequencies: the character's own frequency must be below
    `max_standalone_share` of the frequency of the words it begins. No fix: only
    the editor knows which word was meant.

    Bad:  对于我们企业来说，这可是一笔不小的支。
    Good: 对于我们企业来说，这可是一笔不小的支出。
    """

    id = "typo/truncated"
    severity = Severity.WARNING
    Options = TruncatedOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.text_blocks():
            if "的" not in block.text:
                continue
            for match in _NOUN_PHRASE_END.finditer(block.text):
                char = match.group(1)
                position = match.start(1)
                words = lexicon()
                if any(block.text[position - size + 1 : position + 1] in words for size in (2, 3, 4)):
                    continue  # the character ends a word: 目的地, 自己的家人
                if block.text.endswith(_PRONOUNS, 0, match.start()):
                    continue
                own, begun = words.frequency(char), words.prefix_mass(char)
                if not begun or own >= 10_000 or own / (own + begun) >= self.options.max_standalone_share:
                    continue
                examples = "”“".join(words.completions(char))
                yield self.finding(
                    block.start + position, block.start + position + 1,
                    f"“的{char}”后句子就结束了，“{char}”疑为被截断的词（如“{examples}”）",
                )


# --- wrong characters (sound- and look-alikes) -----------------------------------

_HAN_WORDS = lazy("[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
# The commonest Chinese surnames: a character just after one is likely part of a
# given name, which may be any character at all (李赋宁, 周世俭).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤朴甄施"
    "匡牛葛温芦鲁柴祝童荆宁裴翟单闵耿庞包关齐盛骆左靳"
)
# Characters that foreign names are spelled with: two of them near a character
# mark a transliteration (格兰迪, 季莫申科), where sound is the point.
_TRANSLITERATION = frozenset(
    "阿埃艾安奥巴贝比波伯布达德迪蒂杜多厄尔法菲弗福盖戈格哈汉赫胡基吉加杰卡凯坎科克库拉莱兰劳勒雷里利莉丽林卢鲁伦"
    "罗洛马迈麦曼梅蒙米姆纳娜内尼努诺欧帕佩皮普齐奇乔琼萨塞桑瑟森沙莎舍什斯索塔泰坦特提图托瓦威维温沃乌西希谢休雅"
    "亚扬耶伊因英尤约泽扎詹兹娅"
)
# A book title, or a short phrase in quotation marks, is usually a name (“汉疆”
# 突击队, 《暮光之城》) and spelled as its owner chose.
_NAME_OR_TITLE = lazy("《[^《》]*》|“[^“”]{1,8}”")
# The first test uses the two-character word alone; the full reading of the
# window may gain up to this much more (a three- or four-character word).
_PAIR_HEADROOM = 4.0


@dataclass(frozen=True)
class WrongCharacterOptions:
    margin: float = 11.0
    joined_margin: float = 9.5
    allow: tuple[str, ...] = ()


@register
class WrongCharacter(Rule):
    """A character put in place of one that sounds or looks the same (鼓午 → 鼓舞).

    Pinyin input puts a same-sounding character in place of the right one, and
    OCR or 五笔 a same-looking one (冶 for 治); the result is usually no word at
    all (效律, 工做组). A character that forms no word with either neighbour is
    tried against each common character whose usual reading (from pypinyin,
    tone included) is one of its readings, and against the characters that look
    like it (newslint/data/look-alikes.txt). The substitution is reported only
    when the best reading of the few characters around it, scored with jieba's
    word frequencies, becomes at least e**`margin` times likelier and the
    character then belongs to a word seen at least 100 times; when the
    corrected word joins two loose characters the bar is e**`joined_margin`.
    Left alone: characters just after a common surname, transliterations, book
    titles and short quoted names, rare characters, numerals, slips that
    typo/miswritten already names, words the document uses more than once
    (a coinage or a brand: 智造, 盒马鲜生), and words in `allow` (house names,
    brands).
    The fix is unsafe: the editor confirms the word.

    Bad:  大家深受鼓午，全面提升服务质量和效律。
    Good: 大家深受鼓舞，全面提升服务质量和效率。
    """

    id = "typo/wrong-character"
    severity = Severity.WARNING
    Options = WrongCharacterOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        words = lexicon()
        found = wrong_character_suspects(doc, (self.options.margin, self.options.joined_margin))
        # A slip is made once; a term used twice (优粮优产、优粮优供) is meant.
        meant = used_more_than_once(doc.text, (written for _, suspects in found for _, _, written, _ in suspects))
        for block, suspects in found:
            left_alone = Spans(self._left_alone(block.text))
            for at, replacement, written, word in suspects:
                if left_alone.covers(at) or written in meant:
                    continue
                char = block.text[at]
                how = "同音" if replacement in words.sound_alikes(char) else "形近"
                yield self.finding(
                    block.start + at, block.start + at + 1,
                    f"“{written}”疑为“{word}”：“{char}”与“{replacement}”{how}",
                    suggestion=word,
                    edits=[Edit(block.start + at, block.start + at + 1, replacement)],
                    safe=False,
                )

    def _left_alone(self, text: str) -> list[tuple[int, int]]:
        spans = [m.span() for m in _NAME_OR_TITLE.finditer(text)]
        # typo/miswritten names these with certainty; one finding is enough.
        spans += [(end + 1 - len(wrong), end + 1) for end, (wrong, _, _) in _automaton((), ()).iter(text)]
        spans += [m.span() for word in self.options.allow for m in re.finditer(re.escape(word), text)]
        return spans

    @staticmethod
    def _suspects(run: str, words: Lexicon, margins: tuple[float, float]) -> list[tuple]:
        known = words.frequencies
        # joins[i + 1]: run[i] and run[i + 1] make a word. A loose character
        # forms a word with neither neighbour as written.
        joins = [False]
        joins += [known[run[i : i + 2]] > 0 for i in range(len(run) - 1)]
        joins.append(False)
        loose = [not (joins[i] or joins[i + 1]) for i in range(len(run))]
        margin = min(margins)
        found = []
        for i in [i for i, free in enumerate(loose) if free]:
            char = run[i]
            before, after = words.alike_partners(char)
            if not ((i and run[i - 1] in before) or (i + 1 < len(run) and run[i + 1] in after)):
                continue  # no alike makes a common word with a neighbour
            if char in _NUMERALS or not _pair_could_gain(run, i, words, margin - _PAIR_HEADROOM):
                continue
            if _may_be_a_name(run, i, words):
                continue
            low, high = max(0, i - LONGEST_WORD + 1), min(len(run), i + LONGEST_WORD)
            window, k = run[low:high], i - low
            score, spans = words.best_reading(window)
            if next(end - start for start, end in spans if start <= k < end) > 1:
                continue
            best = None
            for alike in words.alikes(char):
                changed = window[:k] + alike + window[k + 1 :]
                new_score, new_spans = words.best_reading(changed)
                start, end = next((s, e) for s, e in new_spans if s <= k < e)
                word = changed[start:end]
                if end - start < 2 or not _has_common_word_at(word, k - start, words):
                    continue
                gain = new_score - score
                joined = end - start == 2 and loose[low + start] and loose[low + end - 1]
                if gain > margins[joined] and (best is None or gain > best[0]):
                    best = (gain, i, alike, (low + start, low + end), word)
            if best:
                found.append(best)
        # Two loose characters may each be read as the slip (排坊: 牌坊 or 排放);
        # of suspects whose corrected words overlap, only the likelier stands.
        found.sort(reverse=True)
        kept: list[tuple] = []
        for suspect in found:
            if all(suspect[3][1] <= other[3][0] or other[3][1] <= suspect[3][0] for other in kept):
                kept.append(suspect)
        return [suspect[1:] for suspect in sorted(kept, key=lambda s: s[1])]


def wrong_character_suspects(doc: Document, margins: tuple[float, float] | None = None) -> list[tuple[Block, list[tuple]]]:
    """The text blocks with characters typo/wrong-character questions, each with
    its (offset in block, replacement, written word, corrected word) suspects;
    computed once per document, so that typo/model can leave them to this rule."""
    if margins is None:
        margins = (WrongCharacterOptions.margin, WrongCharacterOptions.joined_margin)

    def compute() -> list[tuple[Block, list[tuple]]]:
        words, found = lexicon(), []
        for block in doc.text_blocks():
            suspects = [
                (run.start() + position, replacement, run.group()[span[0] : span[1]], word)
                for run in _HAN_WORDS.finditer(block.text)
                for position, replacement, span, word in WrongCharacter._suspects(run.group(), words, margins)
            ]
            if suspects:
                found.append((block, suspects))
        return found

    return doc.memo(f"typo/wrong-character suspects {margins}", compute)


def _pair_could_gain(run: str, i: int, words: Lexicon, needed: float) -> bool:
    """Whether a sound- or look-alike of run[i] forms a common two-character word with a
    neighbour that is likelier than the two characters as written, by e**needed."""
    frequency, alikes = words.frequencies.__getitem__, words.alikes(run[i])
    # P(word) / (P(char) * P(neighbour)) > e**needed, rearranged into a bare
    # frequency threshold so the loop over alikes is one lookup each.
    scale = math.exp(needed) * (frequency(run[i]) or 0.5) / words.total
    if i:
        left = run[i - 1]
        threshold = max(ALIKE_WORD_FREQUENCY, scale * (frequency(left) or 0.5))
        if any(frequency(left + alike) > threshold for alike in alikes):
            return True
    if i + 1 < len(run):
        right = run[i + 1]
        threshold = max(ALIKE_WORD_FREQUENCY, scale * (frequency(right) or 0.5))
        if any(frequency(alike + right) > threshold for alike in alikes):
            return True
    return False


def _has_common_word_at(word: str, k: int, words: Lexicon) -> bool:
    """Whether `word`, or a word inside it that takes in its character k, is
    common (交通运输 is rarer in jieba than the 运输 inside it)."""
    return any(
        words.frequency(word[start:end]) >= ALIKE_WORD_FREQUENCY
        for start in range(k + 1)
        for end in range(max(k + 1, start + 2), len(word) + 1)
    )


def _may_be_a_name(run: str, i: int, words: Lexicon) -> bool:
    after_surname = any(j >= 0 and run[j] in _SURNAMES and run[j - 1 : j + 1] not in words for j in (i - 1, i - 2))
    # A loose common surname most often opens a name (汪伟, 龚安明, 记者曲哲涵).
    is_surname = run[i] in _SURNAMES and run[i : i + 2] not in words
    return after_surname or is_surname or sum(char in _TRANSLITERATION for char in run[max(0, i - 2) : i + 3]) >= 2


# --- redundant pairs ---------------------------------------------------------------

_FIGURE = r"\d+(?:[.,]\d+)*(?:万亿|亿|万|千|百)?"
_DOUBLE_APPROXIMATION = lazy(
    rf"(?P<first>大约|约|大概)(?P<figure>{_FIGURE})(?P<unit>\p{{Han}}{{0,3}}?)(?P<second>余|多|左右|上下)(?P<tail>万亿|亿|万|千)?"
)
_MORE_THAN_ABOVE = lazy(rf"(?P<first>超过|超出|多于|逾)(?P<figure>{_FIGURE})(?P<unit>\p{{Han}}{{0,4}}?)(?P<second>以上)(?P<tail>)")
_REDUNDANT_PHRASES = {
    "凯旋而归": ("凯旋", "“凯旋”就是胜利归来"),
    "再次重申": ("重申", "“重申”就是再次申明"),
    "一致公认": ("公认", "“公认”已含一致之意"),
    "过分溺爱": ("溺爱", "“溺爱”就是过分宠爱"),
    "第一首创": ("首创", "“首创”就是第一个创造"),
}
_PHRASE = lazy("|".join(map(regex.escape, _REDUNDANT_PHRASES)))


@register
class Redundant(Rule):
    """Two words that say the same thing: 约120余幅, 超过50个以上, 凯旋而归.

    约/大约 and 余/多/左右 both mark a figure as approximate, so one of them
    goes; 超过 and 以上 both say "more than". A handful of fixed phrases repeat
    their own meaning (凯旋而归, 亲眼目睹, 再次重申). The suggestion drops one of
    the pair; which one is the editor's choice, so the fix is unsafe.

    Bad:  展出约120余幅优秀作品
    Good: 展出约120幅优秀作品（或：120余幅）
    """

    id = "typo/redundant"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.text_blocks():
            text, base = block.text, block.start
            for pattern in (_DOUBLE_APPROXIMATION, _MORE_THAN_ABOVE):
                for match in pattern.finditer(text):
                    first, second = match.group("first"), match.group("second")
                    if first == "约" and text[match.start() - 1 : match.start() + 1] in lexicon():
                        continue  # 节约、签约、制约: not an approximation
                    following = text[match.end() : match.end() + 1] if not match.group("tail") else ""
                    suggestion = first + text[match.start("figure") : match.start("second")] + (match.group("tail") or "") + following
                    yield self.finding(
                        base + match.start(), base + match.end(),
                        f"“{first}”与“{second}”语义重复，应删去其一（如“{suggestion}”）",
                        suggestion=suggestion,
                        edits=[Edit(base + match.start("second"), base + match.end("second"), "")],
                        safe=False,
                    )
            for match in _PHRASE.finditer(text):
                right, why = _REDUNDANT_PHRASES[match.group()]
                yield self.finding(
                    base + match.start(), base + match.end(),
                    f"“{match.group()}”语义重复：{why}，应为“{right}”",
                    suggestion=right,
                    edits=[Edit(base + match.start(), base + match.end(), right)],
                    safe=False,
                )


# --- traditional characters -----------------------------------------------------

_HAN_RUN = lazy(r"\p{Han}+")


@functools.cache
def _converter():
    import opencc  # noqa: PLC0415 - only when a page has Chinese text to check

    return opencc.OpenCC("t2s")


@dataclass(frozen=True)
class TraditionalOptions:
    allow: tuple[str, ...] = ()


@register
class Traditional(Rule):
    """Traditional or variant characters in simplified copy.

    Converted with OpenCC (traditional → simplified, phrase by phrase), and only
    what the conversion changed is reported, so valid simplified characters
    such as 乾 in 乾隆 are never flagged, nor are characters of a given name
    (just after a common surname) or of a book title or short quoted name.
    Other names and titles that are meant to be traditional go in the `allow`
    list. The fix is the simplified form.

    Bad:  本次展览由市文學艺术界联合会支持。
    Good: 本次展览由市文学艺术界联合会支持。
    """

    id = "typo/traditional"
    severity = Severity.WARNING
    Options = TraditionalOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        convert = None
        for block in doc.text_blocks():
            if _is_simplified_standard(block.text):
                continue  # every character is in GB 2312: nothing traditional to find
            # A book title or a short quoted name is spelled as its owner chose (“春熙孃孃”).
            quoted = Spans(m.span() for m in _NAME_OR_TITLE.finditer(block.text))
            for run in _HAN_RUN.finditer(block.text):
                original = run.group()
                if _is_simplified_standard(original):
                    continue
                convert = convert or _converter().convert
                simplified = convert(original)
                if simplified == original or len(simplified) != len(original):
                    continue
                for start, end in _changed_spans(original, simplified):
                    word = original[start:end]
                    if _is_simplified_standard(word):
                        continue  # 乾, 著, 於 in names: valid simplified characters OpenCC would still map
                    if end - start == 1 and any(0 <= j and original[j] in _SURNAMES for j in (start - 1, start - 2)):
                        continue  # a given name keeps its owner's character (孟樸, 崔崑, 袁濛茜)
                    if quoted.covers(run.start() + start):
                        continue
                    if any(word in allowed or allowed in original for allowed in self.options.allow):
                        continue
                    at = block.start + run.start() + start
                    yield self.finding(
                        at, at + (end - start),
                        f"“{word}”是繁体字，简体应为“{simplified[start:end]}”",
                        suggestion=simplified[start:end],
                        edits=[Edit(at, at + (end - start), simplified[start:end])],
                    )


def _is_simplified_standard(word: str) -> bool:
    """Whether every character is in GB 2312, the simplified set of mainland copy."""
    try:
        word.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _changed_spans(original: str, converted: str) -> Iterator[tuple[int, int]]:
    start = None
    for index, (a, b) in enumerate(zip(original, converted)):
        if a != b and start is None:
            start = index
        elif a == b and start is not None:
            yield start, index
            start = None
    if start is not None:
        yield start, len(original)
