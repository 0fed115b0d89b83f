"""Calibrate typo/model's decision on the TUNE half of typos-dev.jsonl, and write
newslint/data/typo-decision.json.

    python bench/calibrate_typo_model.py [--data ../shared/data]

The sentences of typos-dev.jsonl are split in two by their corrected text (the
MD5 of `correct`, even: TUNE, odd: REPORT), so that ECSpell's repeats of one
sentence with different slips never fall on both sides. Here, on TUNE only:
every character the model questions (newslint.rules.typo_model.find_suspects)
is an example, positive where the gold has an error at it. A logistic
regression (numpy, standardized features, L2, full-batch gradient descent with
a fixed number of steps: deterministic) learns the decision; the threshold is
the lowest that keeps TUNE precision at TARGET_PRECISION on each source and
false alarms below TARGET_FALSE_ALARMS per 10,000 characters both on TUNE's
error-free sentences and on the CCTV stories that tools/build_typo_model.py
holds out of the model (whose questioned characters are negatives for the
regression too). bench/eval_typos.py then reports on REPORT, which none of
this has seen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint.rules.typo_model import DECISION_FILE, FEATURES, decide, find_suspects  # noqa: E402
from tools.build_typo_model import cctv_stories, held_out  # noqa: E402

# The family's targets are 0.95 (ECSpell) and 0.90 (CSCD-NS) with under 0.3
# false alarms per 10,000 characters of clean copy. ECSpell is asked a margin;
# on CSCD-NS (posts of news accounts, full of company and stock names) TUNE
# precision plateaus near 0.85-0.89 over 15-40 findings, so it is asked 0.88
# and the threshold is held instead by false alarms on clean copy the model
# never saw (1.2 M characters). TUNE's error-free sentences are only 55,000
# characters, one finding each 0.18 per 10,000.
TARGET_PRECISION = {"ecspell": 0.96, "cscdns": 0.88}
TARGET_FALSE_ALARMS = {"TUNE error-free": 0.4, "held-out CCTV": 0.1}
L2 = 1e-3
STEPS = 3000
RATE = 0.5


def split_of(record: dict) -> str:
    """TUNE or REPORT, by the corrected sentence (ECSpell repeats sentences)."""
    return "TUNE" if int(hashlib.md5(record["correct"].encode("utf-8")).hexdigest(), 16) % 2 == 0 else "REPORT"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def examples(records: list[dict]) -> tuple[np.ndarray, np.ndarray, list]:
    rows, labels, where = [], [], []
    for record in records:
        gold = {index for index, wrong, _ in record["errors"] if len(wrong) == 1}
        for suspect in find_suspects(record["text"]):
            rows.append(suspect.features)
            labels.append(suspect.at in gold)
            where.append((record, suspect))
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.float64), where


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        grad_w = z.T @ (p - y) / len(y) + L2 * w
        grad_b = float(np.mean(p - y))
        w -= RATE * grad_w
        b -= RATE * grad_b
    return {
        "features": list(FEATURES),
        "weights": {name: round(float(v), 6) for name, v in zip(FEATURES, w)},
        "bias": round(b, 6),
        "mean": {name: round(float(v), 6) for name, v in zip(FEATURES, mean)},
        "scale": {name: round(float(v), 6) for name, v in zip(FEATURES, scale)},
    }


def measure(records: list[dict], suspects: list[list], weights: dict, threshold: float) -> dict:
    """Findings of the decision alone at `threshold`, by source."""
    out = {}
    for record, questioned in zip(records, suspects):
        source = record["id"].split("_")[0]
        stats = out.setdefault(source, {"findings": 0, "hits": 0, "sentences": 0, "found": 0, "clean_chars": 0, "clean_alarms": 0})
        gold = {index for index, wrong, _ in record["errors"]}
        flagged = decide(questioned, weights, threshold)
        hits = sum(s.at in gold for _, s in flagged)
        stats["findings"] += len(flagged)
        stats["hits"] += hits
        stats["sentences"] += bool(gold)
        stats["found"] += bool(hits)
        if not record["has_error"]:
            stats["clean_chars"] += len(record["text"])
            stats["clean_alarms"] += len(flagged)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    path = args.data / "typos-dev.jsonl"
    if not path.is_file():
        print(f"evaluation data not found in {args.data}; nothing calibrated")
        return
    tune = [r for r in read_jsonl(path) if split_of(r) == "TUNE"]
    x, y, _ = examples(tune)
    print(f"TUNE: {len(tune)} sentences, {len(y)} questioned characters, {int(y.sum())} at gold errors")
    # Clean copy the model never saw: its questioned characters are all negatives.
    clean_lines = [line for story in cctv_stories(args.data) if held_out(story) for line in story]
    clean_suspects = [find_suspects(line) for line in clean_lines]
    clean_chars = sum(map(len, clean_lines))
    clean_x = np.array([s.features for found in clean_suspects for s in found], dtype=np.float64)
    print(f"held-out CCTV stories: {len(clean_lines)} lines, {clean_chars} characters, {len(clean_x)} questioned characters")
    weights = fit(np.vstack([x, clean_x]), np.concatenate([y, np.zeros(len(clean_x))]))
    for name in FEATURES:
        print(f"  {name:22s} {weights['weights'][name]:+.3f}")
    suspects = [find_suspects(r["text"]) for r in tune]
    chosen = None
    for threshold in np.round(np.arange(0.30, 0.995, 0.01), 2):
        stats = measure(tune, suspects, weights, float(threshold))
        precision = {s: v["hits"] / v["findings"] if v["findings"] else 1.0 for s, v in stats.items()}
        tune_clean_chars = sum(v["clean_chars"] for v in stats.values())
        alarms = sum(v["clean_alarms"] for v in stats.values()) / tune_clean_chars * 10_000
        recall = sum(v["found"] for v in stats.values()) / sum(v["sentences"] for v in stats.values())
        held = sum(len(decide(found, weights, float(threshold))) for found in clean_suspects) / clean_chars * 10_000
        quiet = alarms < TARGET_FALSE_ALARMS["TUNE error-free"] and held < TARGET_FALSE_ALARMS["held-out CCTV"]
        ok = quiet and all(precision[s] >= TARGET_PRECISION[s] for s in precision)
        mark = " *" if ok and chosen is None else ""
        shown = ", ".join(f"{s} {p:.3f}" for s, p in sorted(precision.items()))
        print(f"  threshold {threshold:.2f}: precision {shown}, recall {recall:.3f}, clean {alarms:.2f}/10k, held-out CCTV {held:.2f}/10k{mark}")
        if ok and chosen is None:
            chosen = float(threshold)
    weights["threshold"] = chosen if chosen is not None else 0.99
    weights["calibrated_on"] = "typos-dev.jsonl TUNE split (md5(correct) even)"
    DECISION_FILE.write_text(json.dumps(weights, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {DECISION_FILE} (threshold {weights['threshold']})")


if __name__ == "__main__":
    main()
