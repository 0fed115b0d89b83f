from __future__ import annotations

from pathlib import Path

import pytest

from newslint import lint_text
from newslint.config import default_config

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE_PAGE = SHARED / "corpus" / "qingdao-daily-2024-03-04.txt"


@pytest.fixture(scope="session")
def config():
    return default_config()


@pytest.fixture(scope="session")
def sample_page() -> str:
    if not SAMPLE_PAGE.is_file():
        pytest.skip("the shared sample page is not beside this checkout")
    return SAMPLE_PAGE.read_text(encoding="utf-8")


def run_rule(text: str, rule: str, config=None):
    return lint_text(text, config or default_config(), select=[rule])


def run_batch_rule(texts: list[str], rule: str, config=None) -> list[list]:
    """Each text linted alone as article N (path `N`), then the batch judged: the findings of each, in order."""
    from newslint.across import with_batch_findings
    from newslint.engine import lint_with_digests
    from newslint.files import FileResult

    config = config or default_config()
    results = []
    for number, text in enumerate(texts, 1):
        findings, digests = lint_with_digests(text, config, path=str(number), select=[rule])
        results.append(FileResult(str(number), None, tuple(findings), digests=tuple(digests.items())))
    return [list(result.findings) for result in with_batch_findings(results, config.active_rules([rule]))]
