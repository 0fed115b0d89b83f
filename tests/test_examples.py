"""The examples the README points at stay true: a clean article, and a page that shows the rules."""

from pathlib import Path

from newslint import lint_text
from newslint.rule import all_rules, families

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_clean_article_has_no_findings():
    assert lint_text((EXAMPLES / "clean-article.txt").read_text(encoding="utf-8")) == []


def test_problem_page_shows_every_family_and_most_rules():
    found = {f.rule for f in lint_text((EXAMPLES / "page-with-problems.txt").read_text(encoding="utf-8"))}
    assert {rule.split("/")[0] for rule in found} >= set(families()) - {"suppression"}
    assert {r for r in all_rules() if r.startswith(("duplicate/paragraph", "duplicate/seam", "split/"))} <= found
    assert len(found) >= 20


def test_readme_configuration_example_is_valid(tmp_path):
    from newslint.config import load_config

    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\nfiles:", 1)[1].split("```", 1)[0]
    config_file = tmp_path / ".newslint.yaml"
    config_file.write_text("files:" + example, encoding="utf-8")
    config = load_config(config_file)
    assert config.rules["typo/wrong-character"].options.allow == ("海信", "崂山")
    assert not config.rules["split/unfinished"].enabled
