"""The rule base class and the registry that family modules fill."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from .finding import Edit, Finding, Fix, Related, Severity

if TYPE_CHECKING:
    from .document import Document


@dataclasses.dataclass(frozen=True)
class NoOptions:
    pass


class Rule:
    """Base class: subclasses set id, severity, Options and implement check()."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    Options: ClassVar[type] = NoOptions
    enabled_by_default: ClassVar[bool] = True

    def __init__(self, options: object | None = None) -> None:
        self.options = options if options is not None else self.Options()

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        edits: tuple[Edit, ...] | list[Edit] | None = None,
        safe: bool = True,
        related: tuple[Related, ...] = (),
        severity: Severity | None = None,
    ) -> Finding:
        """`severity` lowers this one finding below the rule's (a reading that could be wrong)."""
        fix = Fix(tuple(edits), safe) if edits else None
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message=message,
            offset=start,
            end_offset=end,
            suggestion=suggestion,
            fix=fix,
            related=related,
        )

    @classmethod
    def summary(cls) -> str:
        return inspect.getdoc(cls).splitlines()[0] if cls.__doc__ else ""

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def family(cls) -> str:
        return cls.id.split("/", 1)[0]


class BatchRule(Rule):
    """A rule that judges a whole batch (a folder, an archive) rather than one document.

    It runs in two steps, so that the documents can still be linted apart, in
    worker processes or on a Dask cluster: `digest(doc)` runs where the
    document is linted, beside the other rules, and returns something small and
    picklable (fingerprints, never the text); `check_batch` then sees the
    digests of every document of the batch, in input order, in the one
    process that writes the report, and yields (document number, Finding) with
    positions already filled in. `check(doc)` finds nothing: one document alone
    has nothing to compare with.
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())

    def digest(self, doc: Document) -> object:
        raise NotImplementedError

    def missing_library(self) -> str | None:
        """What the rule needs that is not installed (a one-line message naming the install command), or None."""
        return None

    def check_batch(self, digests: list[tuple[str, object | None]]) -> Iterator[tuple[int, Finding]]:
        """`digests` are (path, digest) by document number; the digest is None where the rule did not run."""
        raise NotImplementedError


REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.id in REGISTRY and REGISTRY[cls.id] is not cls:
        raise RuntimeError(f"rule {cls.id} registered twice")
    if not dataclasses.is_dataclass(cls.Options):
        raise TypeError(f"{cls.id}: Options must be a dataclass")
    REGISTRY[cls.id] = cls
    return cls


def all_rules() -> dict[str, type[Rule]]:
    """Import every family module under newslint.rules once, then return the registry."""
    if not all_rules.loaded:  # type: ignore[attr-defined]
        from . import rules

        for module in pkgutil.iter_modules(rules.__path__):
            importlib.import_module(f"{rules.__name__}.{module.name}")
        all_rules.loaded = True  # type: ignore[attr-defined]
    return dict(sorted(REGISTRY.items()))


all_rules.loaded = False  # type: ignore[attr-defined]


def families() -> list[str]:
    return sorted({rule.family() for rule in all_rules().values()})
