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
