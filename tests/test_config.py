from pathlib import Path

import pytest

from newslint import ConfigError, lint_text, load_config
from newslint.config import DEFAULT_CONFIG_PATH, render_default_yaml
from newslint.finding import Severity

REPO = Path(__file__).resolve().parent.parent


def write(tmp_path, text):
    path = tmp_path / "custom.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_rules_yaml_matches_the_rules():
    assert DEFAULT_CONFIG_PATH.read_text(encoding="utf-8") == render_default_yaml(), (
        "rules.yaml is out of date: run `newslint rules --yaml > newslint/rules.yaml`"
    )


def test_top_level_rules_yaml_is_the_packaged_file():
    top = REPO / "rules.yaml"
    assert top.read_text(encoding="utf-8") == DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")


def test_override_severity_options_and_disable(tmp_path):
    config = load_config(write(tmp_path, "rules:\n  split/hard-wrap: {severity: info}\n  duplicate/sentence: {min_chars: 30}\n  split/unfinished: false\n"))
    assert config.rules["split/hard-wrap"].severity is Severity.INFO
    assert config.rules["duplicate/sentence"].options.min_chars == 30
    assert config.rules["split/unfinished"].enabled is False


def test_disable_a_whole_family(tmp_path):
    config = load_config(write(tmp_path, "rules:\n  split: false\n"))
    assert not any(s.enabled for rid, s in config.rules.items() if rid.startswith("split/"))
    assert lint_text("正文没有写完\n\n接着写。\n", config) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n  split/mid-sentense: false\n", "unknown rule 'split/mid-sentense' (did you mean 'split/mid-sentence'?)"),
        ("rules:\n  duplicate/sentence: {min_char: 3}\n", "unknown option 'min_char' for duplicate/sentence (did you mean 'min_chars'?)"),
        ("rules:\n  duplicate/sentence: {min_chars: many}\n", "rules.duplicate/sentence.min_chars: expected a whole number from 0, got str 'many'"),
        ("rules:\n  duplicate/sentence: {severity: fatal}\n", "unknown severity 'fatal'"),
        ("rule:\n  split: false\n", "unknown key 'rule' (did you mean 'rules'?)"),
        ("rules: [\n", "broken YAML"),
        ("- just a list\n", "the top level must be a mapping"),
    ],
)
def test_config_errors_name_the_file_and_the_key(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_nearest_user_config_is_found_upwards(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("rules:\n  split/hard-wrap: {severity: error}\n", encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load_config(search_from=nested)
    assert config.rules["split/hard-wrap"].severity is Severity.ERROR
