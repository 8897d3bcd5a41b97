"""Faults over real HTTP on loopback: the engine retries what is transient and gives up with LLMError."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from faultserver import FaultServer

from briefing.engines.base import Usage
from briefing.engines.openai_engine import OpenAIEngine
from briefing.errors import LLMError
from briefing.model import Evidence, Story, StorySummary
from briefing.settings import load_settings

StoryEvidence = tuple[Story, Evidence]


def summarize(
    server: FaultServer, tmp_path: Path, story: StoryEvidence, **flags: Any
) -> tuple[StorySummary, Usage]:
    """One story through a fresh engine: timeout 0.5 s, 3 attempts, tiny backoff, no cache."""
    base = {"base_url": server.base_url, "model": "m", "cache_dir": tmp_path, "timeout": 0.5}
    base["max_attempts"] = 3
    settings = load_settings({**base, "use_cache": False, **flags}, env={})

    async def go() -> tuple[StorySummary, Usage]:
        engine = OpenAIEngine(settings, backoff=0.01)
        try:
            return await engine.summarize(*story), engine.usage
        finally:
            await engine.aclose()

    return asyncio.run(go())


def posts(server: FaultServer) -> int:
    return sum(1 for method, _, _ in server.requests if method == "POST")


@pytest.mark.parametrize("fault", ["429", "500", "hang"])
def test_transient_faults_are_retried(fault: str, llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer([fault, fault], hang_seconds=3) as server:
        summary, usage = summarize(server, tmp_path, llm_story)
    assert not summary.fallback and posts(server) == 3 and usage.llm_calls == 1


def test_retry_after_is_honoured(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer(["429"], retry_after="1") as server:
        started = time.perf_counter()
        summarize(server, tmp_path, llm_story)
        assert time.perf_counter() - started >= 1.0 and posts(server) == 2


@pytest.mark.parametrize("fault", ["429", "500", "hang"])
def test_exhausted_retries_raise_llm_error(fault: str, llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer(default=fault, hang_seconds=3) as server, pytest.raises(LLMError, match="openai"):
        summarize(server, tmp_path, llm_story)
    assert posts(server) == 3


def test_insufficient_quota_is_not_retried(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer(default="quota") as server, pytest.raises(LLMError, match="insufficient_quota"):
        summarize(server, tmp_path, llm_story)
    assert posts(server) == 1


@pytest.mark.parametrize("fault", ["malformed", "bad-ids"])
def test_invalid_answer_gets_one_reask(fault: str, llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer([fault]) as server:
        summary, usage = summarize(server, tmp_path, llm_story)
    assert usage.llm_calls == 2 and not summary.fallback
    reask = [b for m, _, b in server.requests if m == "POST"][1]["messages"]
    assert [m["role"] for m in reask] == ["system", "user", "assistant", "user"]
    assert reask[-1]["content"].startswith("That JSON was invalid:")
    if fault == "bad-ids":
        assert "f99" in reask[-1]["content"]


def test_a_second_invalid_answer_raises_llm_error(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer(default="bad-ids") as server, pytest.raises(LLMError, match="after a re-ask"):
        summarize(server, tmp_path, llm_story)
    assert posts(server) == 2


def test_truncated_answer_is_retried_with_a_larger_budget(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer(["truncated"]) as server:
        summary, usage = summarize(server, tmp_path, llm_story)
    budgets = [b["max_tokens"] for m, _, b in server.requests if m == "POST"]
    assert budgets == [512, 1024] and usage.llm_calls == 2 and summary.key_figures


def test_always_truncated_raises_llm_error(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer(default="truncated") as server, pytest.raises(LLMError, match="cut off"):
        summarize(server, tmp_path, llm_story)
    assert [b["max_tokens"] for m, _, b in server.requests if m == "POST"] == [512, 1024, 2048]


def test_unreachable_server_raises_llm_error(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer() as server:
        url = server.base_url
    with pytest.raises(LLMError, match="openai"):
        summarize(server, tmp_path, llm_story, base_url=url, max_attempts=2)


def test_waiting_in_a_serial_server_queue_is_not_a_timeout(llm_story: StoryEvidence, tmp_path: Path) -> None:
    story, evidence = llm_story
    stories = [story.model_copy(update={"id": f"s{i}", "text": story.text + " " * i}) for i in range(4)]
    settings = load_settings(
        {"base_url": "", "model": "m", "cache_dir": tmp_path, "timeout": 1.0, "max_attempts": 1}, env={}
    )
    with FaultServer(latency=0.3, serial=True) as server:
        settings = settings.model_copy(update={"base_url": server.base_url})

        async def go() -> list[StorySummary]:
            engine = OpenAIEngine(settings)
            try:
                return list(await asyncio.gather(*(engine.summarize(s, evidence) for s in stories)))
            finally:
                await engine.aclose()

        # the fourth answer comes after 1.2 s, past the 1 s timeout, but three requests were ahead of it
        assert len(asyncio.run(go())) == 4
    assert posts(server) == 4
