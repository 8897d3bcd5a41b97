"""Shared pytest options and fixtures. Keep it small: helpers live in their own modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sample_briefing import sample_briefing as build_sample_briefing

from briefing.model import Briefing, Evidence, Story


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/golden/ from current output"
    )
    parser.addoption(
        "--base-url", default=None, help="run the live LLM tests against this OpenAI-compatible server"
    )
    parser.addoption("--model-path", default=None, help="run the live local-engine tests with this GGUF")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def sample_briefing() -> Briefing:
    """A fixed three-story briefing (fallback, unverified, hostile text): see tests/sample_briefing.py."""
    return build_sample_briefing()


# -- LLM engine tests (tests/test_llm_*.py) ----------------------------------------------------------

_LLM_STORY = (
    "The town council of Marlow Vale has approved a £12.5m plan to rebuild its flood defences after storms "
    "damaged 340 homes last winter, the council said on Thursday.\n"
    "Work on the 2.4km embankment along the River Tam will start in March and take 18 months. The plan also "
    "pays for 25 new drainage pumps.\n"
    '"We cannot ask families to live through another winter like the last one," said council leader Priya '
    'Nandakumar. The residents\' group Tam Watch said the scheme was "welcome but two years too late for '
    'many of us".\n'
    "Council tax will rise by 3% to help pay for the work."
)


@pytest.fixture
def llm_story() -> tuple[Story, Evidence]:
    """A short fictional story (figures and quotes) and its extracted evidence, at offset 10 of a bundle."""
    from briefing.evidence import extract_evidence

    story = Story(id="s1", source="marlow.txt", start=10, end=10 + len(_LLM_STORY), text=_LLM_STORY)
    return story, extract_evidence(story)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """Cassettes (pytest-recording): the API key is redacted; requests match on everything but headers."""
    return {
        "filter_headers": [("authorization", "REDACTED")],
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(Path(__file__).resolve().parents[1] / "cassettes")
