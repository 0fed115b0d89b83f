"""Load rules.yaml and a user's overrides, validated against the rules' Options."""

from __future__ import annotations

import dataclasses
import math
import os
import reprlib
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .finding import Severity
from .rule import Rule, all_rules, families

DEFAULT_CONFIG_PATH = Path(__file__).with_name("rules.yaml")
USER_CONFIG_NAME = ".newslint.yaml"
USER_CONFIG_NAMES = (USER_CONFIG_NAME, ".newslint.yml")  # the first found in a folder wins
RESERVED_KEYS = ("enabled", "severity")
TOP_LEVEL_KEYS = ("version", "files", "rules")
FILES_KEYS = ("include", "exclude", "per_path_ignores")


class ConfigError(Exception):
    """A configuration problem, already phrased for the user (file and key)."""


@dataclass(frozen=True)
class RuleSettings:
    enabled: bool
    severity: Severity
    options: Any


@dataclass(frozen=True)
class Config:
    rules: Mapping[str, RuleSettings]
    include: tuple[str, ...] = ("*.txt", "*.md", "*.docx")
    exclude: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    per_path_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    root: str = ""  # the user config's folder, which files.exclude and per_path_ignores are relative to; "" is the working folder
    _instances: dict = field(default_factory=dict, compare=False, repr=False)

    def active_rules(
        self, select: Iterable[str] = (), ignore: Iterable[str] = ()
    ) -> list[tuple[Rule, Severity]]:
        """Instantiate the enabled rules, narrowed by --select and --ignore."""
        select, ignore = tuple(select), tuple(ignore)
        if (select, ignore) in self._instances:
            return self._instances[(select, ignore)]
        validate_rule_selectors(select + ignore)
        registry = all_rules()
        chosen = []
        for rule_id, settings in self.rules.items():
            # Naming a rule runs it even when it is off; naming its family keeps
            # the family's switched-off rules off.
            picked = (rule_id in select or (settings.enabled and _matches(rule_id, select))) if select else settings.enabled
            if picked and not _matches(rule_id, ignore):
                chosen.append((registry[rule_id](settings.options), settings.severity))
        self._instances[(select, ignore)] = chosen
        return chosen


def _matches(rule_id: str, selectors: Iterable[str]) -> bool:
    family = rule_id.split("/", 1)[0]
    return any(s == rule_id or s == family for s in selectors)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib  # noqa: PLC0415 - only on the error path

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def validate_rule_selectors(selectors: Iterable[str]) -> None:
    known = list(all_rules()) + families()
    for selector in selectors:
        if selector not in known:
            raise ConfigError(f"unknown rule or family {selector!r}{did_you_mean(selector, known)}")


def default_config() -> Config:
    return load_config(use_user_config=False)


def find_user_config(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        for name in USER_CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


class ConfigFinder:
    """The configuration of each file: the --config file when given, else the nearest
    .newslint.yaml above the file, as ruff finds pyproject.toml; `newslint check proj`
    uses proj/.newslint.yaml wherever it is run from. Loaded once per config file."""

    def __init__(self, explicit: str | None = None, extra_exclude: tuple[str, ...] = ()) -> None:
        self.explicit = explicit
        self.extra_exclude = extra_exclude
        self._source_of_folder: dict[str, Path | None] = {}
        self._loaded: dict[Path | None, Config] = {}

    def for_path(self, path: str) -> Config:
        """Raises ConfigError for a broken config file."""
        if self.explicit:
            return self._load(Path(self.explicit))
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._source_of_folder:
            self._source_of_folder[folder] = find_user_config(Path(folder))
        return self._load(self._source_of_folder[folder])

    def _load(self, source: Path | None) -> Config:
        if source not in self._loaded:
            config = load_config(source) if source is not None else load_config(use_user_config=False)
            if self.extra_exclude:
                config = dataclasses.replace(config, exclude=config.exclude + self.extra_exclude)
            self._loaded[source] = config
        return self._loaded[source]


def load_config(
    path: str | Path | None = None,
    *,
    search_from: str | Path | None = None,
    use_user_config: bool = True,
) -> Config:
    """The packaged rules.yaml, overridden by `path` or else the nearest .newslint.yaml."""
    registry = all_rules()
    settings = {
        rule_id: RuleSettings(rule.enabled_by_default, rule.severity, rule.Options())
        for rule_id, rule in registry.items()
    }
    # rules.yaml is generated from these same declarations (`newslint rules --yaml`)
    # and a test keeps the two equal, so start-up need not import and parse YAML
    # unless the user has a config of their own.
    files: dict[str, Any] = {"include": ("*.txt", "*.md", "*.docx"), "exclude": (), "per_path_ignores": {}}
    sources = [str(DEFAULT_CONFIG_PATH)]
    root = ""
    if use_user_config:
        user = Path(path) if path else find_user_config(Path(search_from or Path.cwd()))
        if user is not None:
            if not user.is_file():
                raise ConfigError(f"{user}: config file not found")
            _apply(user, _read_yaml(user), settings, files)
            sources.append(str(user))
            root = str(user.resolve().parent)  # files.exclude and per_path_ignores are relative to it
    return Config(settings, tuple(files["include"]), tuple(files["exclude"]), tuple(sources), files["per_path_ignores"], root)


def _read_yaml(path: Path) -> Mapping[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError(f"{path}:{where}: broken YAML: {problem}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: the top level must be a mapping with 'rules'")
    return data


def _apply(path: Path, data: Mapping[str, Any], settings: dict, files: dict) -> None:
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(f"{path}: unknown key {key!r}{did_you_mean(str(key), TOP_LEVEL_KEYS)}")
    files_section = data.get("files") or {}
    if not isinstance(files_section, Mapping):
        raise ConfigError(f"{path}: 'files' must be a mapping with include, exclude or per_path_ignores, got {type(files_section).__name__}")
    for key, value in files_section.items():
        if key not in FILES_KEYS:
            raise ConfigError(f"{path}: unknown key 'files.{key}'{did_you_mean(str(key), FILES_KEYS)}")
        if key == "per_path_ignores":
            files[key] = _per_path_ignores(path, value)
        else:
            files[key] = _coerce(value, tuple[str, ...], f"{path}: files.{key}")
    rules = data.get("rules") or {}
    if not isinstance(rules, Mapping):
        raise ConfigError(f"{path}: 'rules' must be a mapping of rule ids to settings")
    registry = all_rules()
    known = list(registry) + families()
    for rule_key, body in rules.items():
        rule_key = str(rule_key)
        if rule_key not in known:
            raise ConfigError(f"{path}: unknown rule {rule_key!r}{did_you_mean(rule_key, known)}")
        targets = [rule_key] if rule_key in registry else [r for r in registry if r.startswith(rule_key + "/")]
        if isinstance(body, bool):
            body = {"enabled": body}
        if not isinstance(body, Mapping):
            raise ConfigError(f"{path}: rules.{rule_key} must be a mapping, true or false")
        for target in targets:
            settings[target] = _merge_rule(path, rule_key, registry[target], settings[target], body)


def _per_path_ignores(path: Path, value: Any) -> dict[str, tuple[str, ...]]:
    """files.per_path_ignores: {glob: [rule ids or families]}."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: files.per_path_ignores must map path patterns to lists of rules")
    result = {}
    for pattern, rules in value.items():
        rules = [rules] if isinstance(rules, str) else rules
        result[str(pattern)] = _coerce(rules, tuple[str, ...], f"{path}: files.per_path_ignores.{pattern}")
        try:
            validate_rule_selectors(result[str(pattern)])
        except ConfigError as error:
            raise ConfigError(f"{path}: files.per_path_ignores.{pattern}: {error}") from None
    return result


def _merge_rule(path: Path, key: str, rule: type[Rule], current: RuleSettings, body: Mapping) -> RuleSettings:
    option_types = typing.get_type_hints(rule.Options)
    is_family = key != rule.id
    allowed = list(RESERVED_KEYS) + ([] if is_family else list(option_types))
    enabled, severity, changes = current.enabled, current.severity, {}
    for name, value in body.items():
        where = f"{path}: rules.{key}.{name}"
        if name not in allowed:
            raise ConfigError(f"{path}: unknown option {name!r} for {key}{did_you_mean(str(name), allowed)}")
        if name == "enabled":
            enabled = _coerce(value, bool, where)
        elif name == "severity":
            try:
                severity = Severity.parse(_coerce(value, str, where))
            except ValueError as error:
                raise ConfigError(f"{where}: {error}") from None
        else:
            changes[name] = _coerce(value, option_types[name], where)
            _check_patterns(rule, name, changes[name], where)
    return RuleSettings(enabled, severity, dataclasses.replace(current.options, **changes))


def _check_patterns(rule: type[Rule], name: str, value: Any, where: str) -> None:
    """An option the rule reads as regular expressions is compiled now: a bad one is a config error."""
    option = next(f for f in dataclasses.fields(rule.Options) if f.name == name)
    if not option.metadata.get("regex"):
        return
    import regex  # noqa: PLC0415 - only when a user sets patterns

    for pattern in value:
        try:
            regex.compile(pattern)
        except regex.error as error:
            raise ConfigError(f"{where}: invalid regular expression {pattern!r}: {error}") from None


def _coerce(value: Any, wanted: Any, where: str) -> Any:
    origin = typing.get_origin(wanted)
    if wanted is bool:
        if isinstance(value, bool):
            return value
    elif wanted is int:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**9:
            return value
    elif wanted is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and 0 <= value <= 10**9:
            return float(value)
    elif wanted is str:
        if isinstance(value, str):
            return value
    elif origin is tuple:
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(value)
    elif origin in (dict, Mapping, typing.Mapping) or wanted is dict:
        if isinstance(value, Mapping) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            return types.MappingProxyType(dict(value))
    else:
        raise TypeError(f"unsupported option type {wanted}")
    # reprlib: a value built by YAML aliases can be enormous; the message shows its start.
    raise ConfigError(f"{where}: expected {_describe(wanted)}, got {type(value).__name__} {_SHORT.repr(value)}")


def _describe(wanted: Any) -> str:
    origin = typing.get_origin(wanted)
    if origin is tuple:
        return "a list of strings"
    if origin in (dict, Mapping, typing.Mapping):
        return "a mapping of strings to strings"
    return {bool: "true or false", int: "a whole number from 0", float: "a finite number from 0", str: "a string"}[wanted]


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring, _SHORT.maxother = 2, 4, 4, 60, 60


def render_default_yaml() -> str:
    """rules.yaml as the rules declare it; a test keeps the shipped file equal to this."""
    lines = [
        "# newslint default configuration: every rule, its severity and its options.",
        "# Generated from the rules themselves by `newslint rules --yaml`; a test keeps it in step.",
        "# Override any of it in a .newslint.yaml (the nearest one above each file)",
        "# or a file given with --config, e.g.:",
        "#   rules:",
        "#     split/hard-wrap: {severity: info}",
        "#     typo: false            # a whole family",
        "version: 1",
        "files:",
        "  include: ['*.txt', '*.md', '*.docx']",
        "  exclude: []",
        "rules:",
    ]
    for rule_id, rule in all_rules().items():
        lines.append(f"  # {rule.summary()}")
        lines.extend(rule_yaml_lines(rule_id, rule))
    return "\n".join(lines) + "\n"


def rule_yaml_lines(rule_id: str, rule: type[Rule]) -> list[str]:
    """One rule's entry under `rules:`, with its defaults, as rules.yaml and a .newslint.yaml spell it."""
    import yaml

    lines = [
        f"  {rule_id}:",
        f"    enabled: {'true' if rule.enabled_by_default else 'false'}",
        f"    severity: {rule.severity}",
    ]
    for option in dataclasses.fields(rule.Options):
        value = getattr(rule.Options(), option.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, types.MappingProxyType):
            value = dict(value)
        dumped = yaml.safe_dump({option.name: value}, allow_unicode=True, default_flow_style=True, width=10_000)
        lines.append("    " + dumped.strip()[1:-1].strip())
    return lines
