"""typo/model: wrong characters found by the character language model of news copy."""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..charfile import SAME_SHAPE
from ..document import Document
from ..finding import Edit, Finding, Severity
from ..lexicon import DATA_FOLDER, Lexicon, lexicon
from ..patterns import lazy
from ..rule import Rule, register
from ..spans import Spans, used_more_than_once
from .typo import _NUMERALS, _SURNAMES, _TRANSLITERATION, _automaton, wrong_character_suspects

DECISION_FILE = DATA_FOLDER / "typo-decision.json"
# A character is questioned only where the model finds it this surprising
# (log10 probability after the three before it): on TUNE, 99.6% of the slips
# the decision confirms are, and only a fifth of all characters.
SURPRISE = -2.5
# ... and where its best candidate makes the four characters from it on at
# least this much likelier (log10) before the decision is asked at all.
MIN_GAIN = 1.0
WORD_WINDOW = 3
_HAN = lazy("[\u4e00-\u9fff]")
# Quotations, book titles and bracketed names: the model cannot know what a
# speaker said or a title is, and an editor does not correct either.
_QUOTED = lazy("《[^《》\n]*》|“[^“”\n]*”|‘[^‘’\n]*’|「[^「」\n]*」|〈[^〈〉\n]*〉|（[^（）\n]{1,8}）")
# A unit or measure word after a figure (545万股, 7758镑, 126.7万架) is read by
# the model as a digit class followed by a character it has no way to weigh.
# A Chinese numeral alone is not enough: 一致 and 一至 are for the model to weigh.
_FIGURE_BEFORE = lazy("[0-9０-９][万亿千百]?$|[〇零一二三四五六七八九十两][万亿千百]$")
# Characters that abbreviate countries (中美, 中牙 for 中国和牙买加, 中巴, 密方 for
# the Federated States of Micronesia): next to 中, or before 方, they are
# abbreviations, not slips.
_COUNTRY_INITIALS = frozenset(
    "美俄日韩朝法德英意西葡荷比瑞挪丹芬冰波捷斯匈罗保希塞黑克阿土伊叙约黎以沙科卡也巴印孟尼缅泰老柬越马新菲文澳"
    "新斐汤萨埃利突摩苏乍坦肯乌卢布刚加喀赞津莫博纳安南蒙哈吉塔土乌格亚墨古牙多海危洪萨尼哥厄秘智玻委圭苏密帕瓦"
)
# jieba tags of names: persons, places, organisations, other proper names.
_NAME_TAGS = ("nr", "ns", "nt", "nz")
KIND_FEATURES = ("same_sound", "near_sound", "same_shape")
FEATURES = (
    "lm_gain", "word_gain", "written_logprob", "next_logprob", "written_log_count", "candidate_log_count",
    "in_word_as_written", "in_word_as_corrected", "at_edge", "written_word_log_frequency", "corrected_word_log_frequency",
    "log_candidates", "surname", "written_orders", "candidate_orders", *KIND_FEATURES,
    "own_gain", "runner_up_gain",
)
# Word gains beyond this say only that a character is rare.
WORD_GAIN_CAP = 8.0


@dataclass(frozen=True)
class Suspect:
    """A character the model questions, with its best candidate and the features
    of that choice (named by FEATURES)."""

    at: int
    written: str
    candidate: str
    kind: int
    word: str
    written_word: str
    features: tuple[float, ...]


@functools.cache
def decision() -> dict:
    """The weights and threshold chosen by bench/calibrate_typo_model.py."""
    try:
        return json.loads(DECISION_FILE.read_text(encoding="utf-8"))
    except OSError:
        return {}


def probability(features: tuple[float, ...], weights: dict) -> float:
    z = weights["bias"] + sum(weights["weights"][name] * (value - weights["mean"][name]) / weights["scale"][name] for name, value in zip(FEATURES, features))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def left_alone(text: str) -> list[tuple[int, int]]:
    """Spans the model does not question: quotations and titles, and what
    typo/miswritten already names."""
    spans = [m.span() for m in _QUOTED.finditer(text)]
    # Words that entered news copy after jieba's dictionary (大咖, 抗疫) are
    # spelled as listed, whatever the model prefers.
    spans += [m.span() for m in _new_words_pattern().finditer(text)]
    spans += [(end + 1 - len(wrong), end + 1) for end, (wrong, _, _) in _automaton((), ()).iter(text)]
    return spans


@functools.cache
def _new_words_pattern() -> re.Pattern:
    from ..lexicon import _new_words  # noqa: PLC0415

    return re.compile("|".join(map(re.escape, sorted(_new_words(), key=len, reverse=True))))


def _may_be_a_name(text: str, i: int, words: Lexicon) -> bool:
    if _FIGURE_BEFORE.search(text[max(0, i - 2) : i]):
        return True  # a unit after a figure
    after_surname = any(j >= 0 and text[j] in _SURNAMES and text[j - 1 : j + 1] not in words and text[j : j + 2] not in words for j in (i - 1, i - 2))
    if after_surname or (text[i] in _SURNAMES and text[i : i + 2] not in words):
        return True  # inside or at the head of a name: 汪伟, 章女士, 宗庆后
    if sum(char in _TRANSLITERATION for char in text[max(0, i - 2) : i + 3]) >= 2:
        return True
    char = text[i]
    if char in _COUNTRY_INITIALS and (text[i - 1 : i] == "中" or text[i + 1 : i + 2] in ("中", "方")):
        return True  # 中牙, 美中, and the parties of talks: 美方, 密方 (Micronesia)
    if char == "中" and (text[i + 1 : i + 2] in _COUNTRY_INITIALS or text[i - 1 : i] in _COUNTRY_INITIALS):
        return True
    return False


def _word_at(spans: list[tuple[int, int]], k: int) -> tuple[int, int]:
    return next((s, e) for s, e in spans if s <= k < e)


def find_suspects(text: str, words: Lexicon | None = None) -> list[Suspect]:
    """Every character of `text` that a confusable character would make markedly
    likelier under the model, with the features the decision reads."""
    return find_suspects_in([text], words)[0]


def find_suspects_in(texts: list[str], words: Lexicon | None = None) -> list[list[Suspect]]:
    """find_suspects for each of several one-line texts, scored in one pass."""
    from ..charmodel import model  # noqa: PLC0415 - numpy only when the rule runs

    found: list[list[Suspect]] = [[] for _ in texts]
    lm = model()
    if lm is None or not any(_HAN.search(t) for t in texts):
        return found
    import numpy as np  # noqa: PLC0415

    words = words or lexicon()
    text, ids = lm.encode_lines(texts)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts])
    orders: list = []
    logprob = lm.logprobs(text, ids, orders)
    following = np.append(logprob[1:], 0.0)
    has_candidates = np.diff(lm.confusion_offsets)[ids] > 0
    surprising = (logprob < SURPRISE) & has_candidates
    positions = np.flatnonzero(surprising)
    if not len(positions):
        return found
    best = lm.best_candidates(text, positions, ids, (logprob, orders[0]))
    # The guards below are Python; only the few positions with a gain reach them.
    keep = best.gains >= MIN_GAIN
    shielded = np.zeros(len(text) + 1, dtype=np.int32)
    for s, e in left_alone(text):
        shielded[s] += 1
        shielded[e] -= 1
    shielded = np.cumsum(shielded)[:-1] > 0
    keep &= ~shielded[positions]
    keep &= np.array([text[i] not in _NUMERALS and not _may_be_a_name(text, int(i), words) if ok else False for i, ok in zip(positions, keep)], dtype=bool)
    best = best.select(keep)
    positions = [int(i) for i in positions[keep]]
    if not positions:
        return found
    owners = np.searchsorted(starts, positions, side="right") - 1
    counts = lm.char_count(ids[positions])
    candidate_counts = np.diff(lm.confusion_offsets)[ids[positions]]
    for n, i in enumerate(positions):
        gain = float(best.gains[n])
        if gain < MIN_GAIN:
            continue
        owner = int(owners[n])
        line_start, line_end = int(starts[owner]), int(starts[owner + 1]) - 1
        candidate = best.chars[n]
        low, high = max(line_start, i - WORD_WINDOW), min(line_end, i + WORD_WINDOW + 1)
        window, k = text[low:high], i - low
        changed = window[:k] + candidate + window[k + 1 :]
        score, spans_written = words.best_reading(window)
        new_score, spans_changed = words.best_reading(changed)
        s0, e0 = _word_at(spans_written, k)
        s1, e1 = _word_at(spans_changed, k)
        written_word = window[s0:e0]
        if e0 - s0 > 1 and words.tag(written_word).startswith(_NAME_TAGS):
            continue  # a name in jieba's dictionary: 李宁, 洛阳, 中信
        corrected_word = changed[s1:e1]
        kind = int(best.kinds[n])
        if kind == SAME_SHAPE and e0 - s0 > 1:
            continue  # a look-alike that still makes a word (两广, 网帖) is written as meant far more often than not
        if words.tag(text[i]).startswith("c") and words.tag(candidate).startswith("c"):
            continue  # 或 for 和: either conjunction is grammar; only the writer knows which is meant
        # A slip may make another real word (反映 → 反应): the word frequencies
        # are features for the decision, not a filter.
        written_frequency, corrected_frequency = words.frequency(written_word), words.frequency(corrected_word)
        features = (
            gain,
            min(new_score - score, WORD_GAIN_CAP),
            float(logprob[i]),
            float(following[i]),
            math.log1p(float(counts[n])),
            math.log1p(float(lm.char_count(np.array([best.ids[n]]))[0])),
            float(e0 - s0 > 1),
            float(e1 - s1 > 1),
            float(i == line_start or i + 1 >= line_end or not _HAN.match(text[i + 1]) or not _HAN.match(text[i - 1])),
            math.log1p(written_frequency) if e0 - s0 > 1 else 0.0,
            math.log1p(corrected_frequency) if e1 - s1 > 1 else 0.0,
            math.log1p(float(candidate_counts[n])),
            float(text[i] in _SURNAMES),
            float(best.written_orders[n]),
            float(best.candidate_orders[n]),
            *(float(kind == k) for k in (1, 2, 3)),
            float(best.own_gains[n]),
            float(best.runner_up_gains[n]),
        )
        found[owner].append(Suspect(i - line_start, text[i], candidate, kind, corrected_word, text[low + s1 : low + e1], features))
    return found


def decide(suspects: list[Suspect], weights: dict, threshold: float | None = None) -> list[tuple[float, Suspect]]:
    """The suspects the decision flags, with their probabilities; of two flagged
    within the same few characters only the likelier stands."""
    if not weights:
        return []
    threshold = weights["threshold"] if threshold is None else threshold
    flagged = []
    for suspect in suspects:
        if suspect.features[1] <= 0:
            continue  # it must read better as words too
        p = probability(suspect.features, weights)
        if p >= threshold:
            flagged.append((p, suspect))
    flagged.sort(key=lambda f: -f[0])
    kept: list[tuple[float, Suspect]] = []
    for p, suspect in flagged:
        if all(abs(suspect.at - other.at) >= 3 for _, other in kept):
            kept.append((p, suspect))
    return sorted(kept, key=lambda f: f[1].at)


@dataclass(frozen=True)
class ModelOptions:
    # The decision's probability a finding needs; 0 means the calibrated one.
    threshold: float = 0.0
    allow: tuple[str, ...] = ()


@register
class ModelTypo(Rule):
    """A character the language model of news copy reads as a slip for a similar one.

    Every character the character 4-gram model of news copy finds surprising is
    tried against the characters that sound the same in any tone, sound nearly
    the same (z/zh, n/l, en/eng ...) or look alike (newslint/data/typo-model.bin,
    built by tools/build_typo_model.py). It is flagged when one makes the text
    markedly likelier and reads better as words (jieba's dictionary), as judged
    by a small logistic model over those gains, the characters' frequencies and
    the candidate's kind (newslint/data/typo-decision.json, calibrated by
    bench/calibrate_typo_model.py; a `threshold` above the calibrated one
    there gives fewer and surer findings). It reaches slips next to a
    character they still form a word with (工作和力 for 工作合力, 具体不署 for
    具体部署), which typo/wrong-character leaves alone. Off by default: it
    reads about 0.7 MB of copy a second. Left alone: names after a surname,
    transliterations, names in jieba's dictionary, quotations and titles,
    中+country abbreviations (中牙, 中巴), numerals, what typo/miswritten names,
    words the document uses more than once, and words in `allow`. The fix is unsafe: the editor confirms.

    Bad:  各地要认真落实会议精神，切实履行职则。
    Good: 各地要认真落实会议精神，切实履行职责。
    """

    id = "typo/model"
    severity = Severity.WARNING
    Options = ModelOptions
    enabled_by_default = False

    def check(self, doc: Document) -> Iterator[Finding]:
        weights = decision()
        if not weights:
            return
        blocks = [block for block in doc.text_blocks() if _HAN.search(block.text)]
        if not blocks:
            return  # no Chinese copy: the model (and numpy) is not even loaded
        decided = [
            (block, [suspect for _, suspect in decide(suspects, weights, self.options.threshold or None)])
            for block, suspects in zip(blocks, find_suspects_in([b.text.replace("\n", " ") for b in blocks]))
            if suspects
        ]
        if not any(suspects for _, suspects in decided):
            return
        # One finding per slip: what typo/wrong-character questions is left to it.
        reported = {(b.start, found[0]) for b, suspects_of in wrong_character_suspects(doc) for found in suspects_of}
        # A slip is made once; a term used twice is meant.
        meant = used_more_than_once(doc.text, (s.written_word for _, suspects in decided for s in suspects if len(s.written_word) > 1))
        for block, suspects in decided:
            allowed = Spans(m.span() for word in self.options.allow for m in re.finditer(re.escape(word), block.text))
            for suspect in suspects:
                if allowed.covers(suspect.at) or (block.start, suspect.at) in reported or suspect.written_word in meant:
                    continue
                at = block.start + suspect.at
                how = {1: "同音", 2: "音近", 3: "形近"}[suspect.kind]
                yield self.finding(
                    at, at + 1,
                    f"“{suspect.written_word}”疑为“{suspect.word}”：“{suspect.written}”与“{suspect.candidate}”{how}",
                    suggestion=suspect.candidate,
                    edits=[Edit(at, at + 1, suspect.candidate)],
                    safe=False,
                )
