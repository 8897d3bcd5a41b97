"""The LLM engine's common path over real HTTP on loopback: grounding, cache, budget, output modes."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from faultserver import FaultServer

from briefing.engines.openai_engine import OpenAIEngine, default_mode, is_loopback
from briefing.errors import BudgetError
from briefing.llm.cache import cache_clear, cache_stats
from briefing.llm.pricing import Price
from briefing.model import Evidence, Story, StorySummary
from briefing.settings import Settings, load_settings

StoryEvidence = tuple[Story, Evidence]


def settings_for(server: FaultServer, tmp_path: Path, **flags: Any) -> Settings:
    base = {"base_url": server.base_url, "cache_dir": tmp_path, "timeout": 0.5, "max_attempts": 3}
    return load_settings({**base, **flags}, env={})


def run(
    settings: Settings, *stories: StoryEvidence, **options: Any
) -> tuple[list[StorySummary], OpenAIEngine]:
    """Summarise concurrently as the pipeline does, with a fresh engine (one run), and close it."""

    async def go() -> tuple[list[StorySummary], OpenAIEngine]:
        engine = OpenAIEngine(settings, backoff=0.01, **options)
        try:
            return list(await asyncio.gather(*(engine.summarize(s, e) for s, e in stories))), engine
        finally:
            await engine.aclose()

    return asyncio.run(go())


def test_figures_and_quotes_are_copied_from_their_spans(llm_story: StoryEvidence, tmp_path: Path) -> None:
    story, evidence = llm_story
    bundle = " " * story.start + story.text
    with FaultServer() as server:
        [summary], engine = run(settings_for(server, tmp_path), llm_story)
    assert summary.engine == "openai" and not summary.fallback
    assert [f.figure_id for f in summary.key_figures] == ["f1", "f2"]
    for figure in summary.key_figures:
        assert bundle[figure.start : figure.end] == figure.value
    assert summary.quotes and all(bundle[q.start : q.end] == q.text for q in summary.quotes)
    assert summary.headline.status == "unverified"
    assert all(b.status == "unverified" for b in summary.bullets)
    assert engine.usage.llm_calls == 1 and engine.model == "fault-model"  # model looked up on /v1/models


def test_prompt_fences_the_story_and_tags_evidence_ids(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer() as server:
        run(settings_for(server, tmp_path), llm_story)
    body = next(b for m, _, b in server.requests if m == "POST")
    system, user = (m["content"] for m in body["messages"])
    assert "not instructions" in system
    assert user.startswith("<story>\n") and "\n</story>\n" in user
    assert "£12.5m[f1]" in user and '[q1]"We cannot' in user
    schema = body["response_format"]["schema"]  # json_object + schema for a non-OpenAI host
    assert body["response_format"]["type"] == "json_object"
    assert schema["properties"]["figures"]["items"]["properties"]["id"]["enum"][0] == "f1"


def test_second_run_is_served_from_the_cache(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer() as server:
        settings = settings_for(server, tmp_path)
        [first], engine1 = run(settings, llm_story)
        [second], engine2 = run(settings, llm_story)
    assert (engine1.usage.llm_calls, engine1.usage.cache_hits) == (1, 0)
    assert (engine2.usage.llm_calls, engine2.usage.cache_hits) == (0, 1)
    assert second == first
    assert [r for r in server.requests if r[0] == "POST"].__len__() == 1
    assert cache_stats(settings)["entries"] == 1
    assert cache_clear(settings) == 1 and cache_stats(settings)["entries"] == 0


def test_cached_answer_is_regrounded_at_a_new_position(llm_story: StoryEvidence, tmp_path: Path) -> None:
    from briefing.evidence import extract_evidence

    story, _ = llm_story
    moved = story.model_copy(update={"start": 500, "end": 500 + len(story.text), "id": "s7"})
    with FaultServer() as server:
        settings = settings_for(server, tmp_path)
        run(settings, llm_story)
        [summary], engine = run(settings, (moved, extract_evidence(moved)))
    assert engine.usage.cache_hits == 1 and summary.story_id == "s7"
    assert summary.key_figures[0].start == 500 + story.text.index("£12.5m")


def test_no_cache_calls_every_time_and_keys_hold_no_secret(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer() as server:
        run(settings_for(server, tmp_path, use_cache=False), llm_story)
        [_], engine = run(settings_for(server, tmp_path, use_cache=False), llm_story)
        assert engine.usage.llm_calls == 1 and engine.usage.cache_hits == 0
        run(settings_for(server, tmp_path, api_key="sk-secret-123"), llm_story)
    stored = b"".join(p.read_bytes() for p in (tmp_path / "llm").rglob("*") if p.is_file())
    assert stored and b"sk-secret-123" not in stored


def test_budget_stops_before_a_call_that_would_exceed_it(llm_story: StoryEvidence, tmp_path: Path) -> None:
    prices = {"priced-model": Price(1000.0, 1000.0)}  # $1 per 1k tokens: one call costs about $0.8
    with FaultServer() as server:
        settings = settings_for(server, tmp_path, model="priced-model", max_cost=0.1)
        with pytest.raises(BudgetError, match="max-cost"):
            run(settings, llm_story, prices=prices)
        assert not [r for r in server.requests if r[0] == "POST"]
        roomy = settings_for(server, tmp_path, model="priced-model", max_cost=5.0)
        [_], engine = run(roomy, llm_story, prices=prices)
    assert 0 < engine.usage.cost_usd < 5.0


def test_auto_switches_to_json_object_once_when_json_schema_is_refused(
    llm_story: StoryEvidence, tmp_path: Path
) -> None:
    story, evidence = llm_story
    other = story.model_copy(update={"id": "s2", "text": story.text.replace("Marlow", "Harrow")})
    with FaultServer(reject_json_schema=True) as server:
        settings = settings_for(server, tmp_path, use_cache=False)
        summaries, engine = run(settings, llm_story, (other, evidence), structured_output="auto")
    kinds = [b["response_format"]["type"] for m, _, b in server.requests if m == "POST"]
    # an OpenAI-looking host would start with json_schema; here auto already picks json_object
    assert default_mode(server.base_url) == "json_object" and kinds == ["json_object", "json_object"]
    assert len(summaries) == 2

    with FaultServer(reject_json_schema=True) as server:
        settings = settings_for(server, tmp_path, use_cache=False)
        engine = OpenAIEngine(settings, backoff=0.01)
        engine.mode, engine._probing = "json_schema", True  # as for api.openai.com

        async def go() -> None:
            try:
                await engine.summarize(story, evidence)
                await engine.summarize(other, evidence)
            finally:
                await engine.aclose()

        asyncio.run(go())
    kinds = [b["response_format"]["type"] for m, _, b in server.requests if m == "POST"]
    assert kinds == ["json_schema", "json_object", "json_object"]


def test_json_schema_mode_sends_a_strict_schema(llm_story: StoryEvidence, tmp_path: Path) -> None:
    with FaultServer() as server:
        run(settings_for(server, tmp_path, model="m"), llm_story, structured_output="json_schema")
    body = next(b for m, _, b in server.requests if m == "POST")
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]
    assert schema["additionalProperties"] is False and set(schema["required"]) == set(schema["properties"])
    assert "title" not in json.dumps(schema)
    assert body["model"] == "m" and body["temperature"] == 0 and body["seed"] == 0


def test_a_long_story_is_cut_at_a_sentence_end(llm_story: StoryEvidence, tmp_path: Path) -> None:
    story, evidence = llm_story
    with FaultServer() as server:
        [summary], engine = run(settings_for(server, tmp_path), llm_story, max_story_tokens=60)
    body = next(b for m, _, b in server.requests if m == "POST")
    sent = body["messages"][1]["content"]
    assert "340[f2] homes last winter, the council said on Thursday." in sent  # first sentence kept whole
    assert "Council tax" not in sent and "[f7]" not in sent  # the rest, and its evidence, left out
    assert {f.figure_id for f in summary.key_figures} <= {"f1", "f2", "f3", "f4", "f5"}


def test_only_loopback_servers_get_queue_aware_timeouts() -> None:
    assert is_loopback("http://127.0.0.1:8765/v1") and is_loopback("http://localhost:8080/v1")
    assert is_loopback("http://[::1]:8000/v1")
    assert not is_loopback("https://api.openai.com/v1") and not is_loopback("http://10.0.0.5/v1")
