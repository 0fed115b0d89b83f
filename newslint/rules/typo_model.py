"""typo/model: wrong characters found by the character language model of news copy."""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document
from ..finding import Edit, Finding, Severity
from ..lexicon import DATA_FOLDER, Lexicon, lexicon
from ..rule import Rule, register
from .typo import _NUMERALS, _SURNAMES, _TRANSLITERATION, _automaton

DECISION_FILE = DATA_FOLDER / "typo-decision.json"
# A character is questioned only where the model finds it, or the character
# after it, this surprising (log10 probability after the three before it).
SURPRISE = -2.0
# ... and where its best candidate makes the four characters from it on at
# least this much likelier (log10) before the decision is asked at all.
MIN_GAIN = 1.0
WORD_WINDOW = 3
_HAN = re.compile("[\u4e00-\u9fff]")
# Quotations, book titles and bracketed names: the model cannot know what a
# speaker said or a title is, and an editor does not correct either.
_QUOTED = re.compile("《[^《》]*》|“[^“”]*”|‘[^‘’]*’|「[^「」]*」|〈[^〈〉]*〉")
# First characters of the countries that 中+abbreviation names (中美, 中牙 for
# 中国和牙买加, 中巴): next to 中 they are abbreviations, not slips.
_COUNTRY_INITIALS = frozenset(
    "美俄日韩朝法德英意西葡荷比瑞挪丹芬冰波捷斯匈罗保希塞黑克阿土伊叙约黎以沙科卡也巴印孟尼缅泰老柬越马新菲文澳"
    "新斐汤萨埃利突摩苏乍坦肯乌卢布刚加喀赞津莫博纳安南蒙哈吉塔土乌格亚墨古牙多海危洪萨尼哥厄秘智玻委圭苏"
)
# jieba tags of names: persons, places, organisations, other proper names.
_NAME_TAGS = ("nr", "ns", "nt", "nz")
KIND_FEATURES = ("same_sound", "near_sound", "same_shape")
FEATURES = (
    "lm_gain", "word_gain", "written_logprob", "next_logprob", "written_log_count", "candidate_log_count",
    "in_word_as_written", "in_word_as_corrected", "at_edge", *KIND_FEATURES,
)


@dataclass(frozen=True)
class Suspect:
    """A character the model questions, with its best candidate and the features
    of that choice (named by FEATURES)."""

    at: int
    written: str
    candidate: str
    kind: int
    word: str
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
    spans += [(end + 1 - len(wrong), end + 1) for end, (wrong, _, _) in _automaton((), ()).iter(text)]
    return spans


def _may_be_a_name(text: str, i: int, words: Lexicon) -> bool:
    after_surname = any(j >= 0 and text[j] in _SURNAMES and text[j - 1 : j + 1] not in words and text[j : j + 2] not in words for j in (i - 1, i - 2))
    if after_surname:
        return True
    if sum(char in _TRANSLITERATION for char in text[max(0, i - 2) : i + 3]) >= 2:
        return True
    char = text[i]
    if char in _COUNTRY_INITIALS and (text[i - 1 : i] == "中" or text[i + 1 : i + 2] == "中"):
        return True
    if char == "中" and (text[i + 1 : i + 2] in _COUNTRY_INITIALS or text[i - 1 : i] in _COUNTRY_INITIALS):
        return True
    return False


def _word_at(spans: list[tuple[int, int]], k: int) -> tuple[int, int]:
    return next((s, e) for s, e in spans if s <= k < e)


def find_suspects(text: str, words: Lexicon | None = None) -> list[Suspect]:
    """Every character of `text` that a confusable character would make markedly
    likelier under the model, with the features the decision reads."""
    from ..charmodel import model  # noqa: PLC0415 - numpy only when the rule runs

    lm = model()
    if lm is None or not _HAN.search(text):
        return []
    words = words or lexicon()
    ids = lm.encode(text)
    logprob = lm.logprobs(text)
    import numpy as np  # noqa: PLC0415

    following = np.append(logprob[1:], 0.0)
    has_candidates = np.diff(lm.confusion_offsets)[ids] > 0
    surprising = (np.minimum(logprob, following) < SURPRISE) & has_candidates
    positions = [int(i) for i in np.flatnonzero(surprising) if text[i] not in _NUMERALS]
    if not positions:
        return []
    spans = left_alone(text)
    positions = [i for i in positions if not any(s <= i < e for s, e in spans) and not _may_be_a_name(text, i, words)]
    if not positions:
        return []
    best = lm.best_candidates(text, positions, ids)
    suspects = []
    counts = lm.char_count(ids[positions])
    for n, i in enumerate(positions):
        gain = float(best.gains[n])
        if gain < MIN_GAIN:
            continue
        candidate = best.chars[n]
        low, high = max(0, i - WORD_WINDOW), min(len(text), i + WORD_WINDOW + 1)
        window, k = text[low:high], i - low
        changed = window[:k] + candidate + window[k + 1 :]
        score, spans_written = words.best_reading(window)
        new_score, spans_changed = words.best_reading(changed)
        s0, e0 = _word_at(spans_written, k)
        s1, e1 = _word_at(spans_changed, k)
        written_word = window[s0:e0]
        if e0 - s0 > 1 and words.tag(written_word).startswith(_NAME_TAGS):
            continue  # a name in jieba's dictionary: 李宁, 洛阳, 中信
        kind = int(best.kinds[n])
        features = (
            gain,
            new_score - score,
            float(logprob[i]),
            float(following[i]),
            math.log1p(float(counts[n])),
            math.log1p(float(lm.char_count(np.array([best.ids[n]]))[0])),
            float(e0 - s0 > 1),
            float(e1 - s1 > 1),
            float(i == 0 or i + 1 >= len(text) or not _HAN.match(text[i + 1]) or not _HAN.match(text[i - 1])),
            *(float(kind == k) for k in (1, 2, 3)),
        )
        suspects.append(Suspect(i, text[i], candidate, kind, changed[s1:e1], features))
    return suspects


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
    threshold: float | None = None
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
    bench/calibrate_typo_model.py; set `threshold` to trade recall for
    precision). This finds slips that make another real word (反应 for 反映)
    that typo/wrong-character cannot. Left alone: names after a surname,
    transliterations, names in jieba's dictionary, quotations and titles,
    中+country abbreviations (中牙, 中巴), numerals, what typo/miswritten names,
    and words in `allow`. The fix is unsafe: the editor confirms.

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
        for block in doc.text_blocks():
            suspects = find_suspects(block.text)
            if not suspects:
                continue
            allowed = [m.span() for word in self.options.allow for m in re.finditer(re.escape(word), block.text)]
            for _, suspect in decide(suspects, weights, self.options.threshold):
                if any(s <= suspect.at < e for s, e in allowed):
                    continue
                at = block.start + suspect.at
                how = {1: "同音", 2: "音近", 3: "形近"}[suspect.kind]
                yield self.finding(
                    at, at + 1,
                    f"“{suspect.written}”疑为“{suspect.candidate}”（{suspect.word}）：二字{how}，按新闻语料改后更通顺",
                    suggestion=suspect.candidate,
                    edits=[Edit(at, at + 1, suspect.candidate)],
                    safe=False,
                )
