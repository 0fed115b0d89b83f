"""The character model typo/model reads: its file, its build and its answers."""

from __future__ import annotations

import hashlib
import json
import struct
import sys
from pathlib import Path

import numpy as np
import pytest

from newslint import charmodel
from newslint.rules.typo_model import FEATURES, decision

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools import build_typo_model as build_tool  # noqa: E402

DATA = REPO.parent / "shared" / "data"

# A tiny corpus of our own: each line is read as a sentence.
TINY = [
    "记者从市交通运输局获悉，地铁三号线将于下月开通试运营。",
    "会议强调，要坚持以人民为中心的发展思想。",
    "各地要认真落实会议精神，切实履行职责。",
    "全面推进乡村振兴，加快建设农业强国。",
] * 4


def _header(path: Path) -> tuple[dict, bytes]:
    raw = path.read_bytes()
    magic, version, length = struct.unpack_from("<8sII", raw, 0)
    assert magic == charmodel.MAGIC and version == charmodel.FORMAT_VERSION
    header = json.loads(raw[16 : 16 + length])
    base = 16 + length
    base += -base % 16
    return header, raw[base:]


def test_the_shipped_model_is_what_the_loader_and_the_build_expect():
    header, payload = _header(charmodel.MODEL_FILE)
    assert hashlib.sha256(payload).hexdigest() == header["payload_sha256"]
    assert header["order"] == charmodel.ORDER and header["bits"] == charmodel.BITS
    assert header["prune"] == {str(k): v for k, v in sorted(build_tool.PRUNE.items())}
    assert header["min_char_count"] == build_tool.MIN_CHAR_COUNT
    assert header["common_candidate"] == build_tool.COMMON_CANDIDATE
    assert charmodel.MODEL_FILE.stat().st_size < 15_000_000
    lm = charmodel.CharModel.load()
    for n, keys in enumerate(lm.keys, start=1):
        assert keys.dtype == np.uint32 and np.all(keys[1:] > keys[:-1]), f"order {n} keys must be sorted and unique"


def test_the_decision_names_the_features_the_rule_computes():
    weights = decision()
    assert weights["features"] == list(FEATURES)
    assert 0.0 < weights["threshold"] < 1.0


def test_the_build_is_byte_for_byte_reproducible(tmp_path):
    first, second = tmp_path / "a.bin", tmp_path / "b.bin"
    build_tool.build(TINY, first, quiet=True)
    build_tool.build(list(TINY), second, quiet=True)
    assert first.read_bytes() == second.read_bytes()


def test_kneser_ney_probabilities_of_a_context_add_up_to_one(tmp_path):
    path = tmp_path / "tiny.bin"
    build_tool.build(TINY, path, prune={1: 1, 2: 1, 3: 1, 4: 1}, quiet=True)
    lm = charmodel.CharModel.load(path)
    vocabulary = [chr(int(c)) for c in lm.vocabulary]
    for context in ("会议", "落实会", "乡村振"):
        texts = [context + char for char in vocabulary]
        total = sum(10 ** float(lm.logprobs(text)[-1]) for text in texts)
        assert 0.85 < total < 1.1, (context, total)
    # Seen text is likelier than the same characters shuffled.
    assert lm.logprobs("切实履行职责").sum() > lm.logprobs("责职行履实切").sum()


def test_the_best_candidate_is_the_intended_character():
    lm = charmodel.model()
    text = "各地要认真落实会议精神，切实履行职则。"
    best = lm.best_candidates(text, [text.index("则")])
    assert best.chars[0] == "责" and best.gains[0] > 1.0


def test_near_syllables_cover_the_usual_confusions():
    assert {"zang", "zhan"} <= build_tool.near_syllables("zhang")
    assert {"lin", "ning"} <= build_tool.near_syllables("nin")
    assert "xin" in build_tool.near_syllables("xing") and "xing" in build_tool.near_syllables("xin")


@pytest.mark.skipif(not (DATA / "lm-corpus-cctv.txt.gz").is_file(), reason="the shared training text is not beside this checkout")
def test_a_rebuild_from_the_shared_data_gives_the_shipped_file(tmp_path):
    out = tmp_path / "typo-model.bin"
    build_tool.build(build_tool.training_lines(DATA), out, quiet=True)
    assert out.read_bytes() == charmodel.MODEL_FILE.read_bytes()


def test_the_sample_page_gains_nothing_from_the_model(sample_page):
    from newslint import lint_text

    assert [f for f in lint_text(sample_page, select=["typo/model"])] == []
