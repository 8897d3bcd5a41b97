"""Shared pytest options and fixtures. Keep it small: helpers live in their own modules."""

from __future__ import annotations

import pytest
from sample_briefing import sample_briefing as build_sample_briefing

from briefing.model import Briefing


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/golden/ from current output"
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def sample_briefing() -> Briefing:
    """A fixed three-story briefing (fallback, unverified, hostile text): see tests/sample_briefing.py."""
    return build_sample_briefing()
