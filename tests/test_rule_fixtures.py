"""One YAML file per rule under tests/rules/<family>/<name>.yaml, run with only that rule enabled.

Each case has `text`, `expect` (a list of "line:column" where findings start; empty
for copy that must pass) and optionally `options` (the rule's options, as a user's
config would set them), `fixed` (the text after applying fixes: safe ones, or
unsafe ones too when the case says `unsafe: true`) and `message` (a part of the
first finding's message). A rule that judges a whole batch (duplicate/across-articles)
takes `articles`, a list of texts linted as one batch, instead of `text`; its
`expect` entries are "article:line:column", articles counted from 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.config import load_config
from newslint.fixes import apply_once
from newslint.rule import all_rules

from .conftest import run_batch_rule, run_rule

FIXTURES = Path(__file__).parent / "rules"


def _load_cases():
    for path in sorted(FIXTURES.glob("*/*.yaml")):
        rule = f"{path.parent.name}/{path.stem}"
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(rule, case, id=f"{rule}: {case['name']}")


@pytest.mark.parametrize(("rule", "case"), list(_load_cases()))
def test_rule_case(rule, case, tmp_path):
    config = None
    if "options" in case:
        config_file = tmp_path / ".newslint.yaml"
        config_file.write_text(yaml.safe_dump({"rules": {rule: case["options"]}}), encoding="utf-8")
        config = load_config(config_file)
    if "articles" in case:
        pytest.importorskip("datasketch", reason="the near-duplicates extra is not installed: pip install 'newslint[near-duplicates]'")
        by_article = run_batch_rule(case["articles"], rule, config)
        found = [f"{number}:{f.line}:{f.column}" for number, findings in enumerate(by_article, 1) for f in findings]
        assert found == [str(e) for e in case["expect"]], [f.message for findings in by_article for f in findings]
        assert all(f.rule == rule and f.related for findings in by_article for f in findings)
        if "message" in case:
            assert case["message"] in next(f for findings in by_article for f in findings).message
        return
    findings = run_rule(case["text"], rule, config)
    assert all(f.rule == rule for f in findings)
    found = [f"{f.line}:{f.column}" for f in findings]
    assert found == [str(e) for e in case["expect"]], [f.message for f in findings]
    for finding in findings:
        assert finding.message and finding.end_offset > finding.offset
    if "fixed" in case:
        fixed, _ = apply_once(case["text"], findings, unsafe=case.get("unsafe", False))
        assert fixed == case["fixed"]
        assert run_rule(fixed, rule, config) == [], "fixing must settle in one pass"
    if "message" in case:
        assert case["message"] in findings[0].message


def test_every_rule_has_failing_and_passing_cases():
    for rule in all_rules():
        family, name = rule.split("/")
        path = FIXTURES / family / f"{name}.yaml"
        assert path.is_file(), f"no fixture file for {rule}"
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert any(c["expect"] for c in cases), f"{rule} has no failing case"
        assert any(not c["expect"] for c in cases), f"{rule} has no passing case"


def test_every_fixture_names_a_rule():
    rules = all_rules()
    for path in FIXTURES.glob("*/*.yaml"):
        assert f"{path.parent.name}/{path.stem}" in rules, f"{path} names no rule"


def test_every_rule_documents_a_bad_and_a_good_example():
    for rule_id, rule in all_rules().items():
        doc = rule.documentation()
        assert "Bad:" in doc and "Good:" in doc, rule_id
        assert rule.summary().endswith("."), rule_id
