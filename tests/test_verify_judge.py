"""The LLM judge: combine() never lets a model override a deterministic failure; faults leave a marked result.

The real-model test replays ``cassettes/test_real_model_judges_claims.yaml``, recorded against
Qwen2.5-Coder 1.5B Instruct served by llama.cpp (``local-llm.sh serve 1.5b 8765``). Re-record after a
prompt or schema change with ``--record-mode=rewrite`` while that server runs.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from faultserver import FaultServer

from briefing.engines.openai_engine import OpenAIEngine
from briefing.errors import ConfigError
from briefing.evidence import extract_evidence
from briefing.model import Claim, Story, StorySummary
from briefing.settings import Settings, load_settings
from briefing.verify.claims import CheckResult, check_claim
from briefing.verify.judge import (
    Judge,
    Verdict,
    candidate_sentences,
    check_jsonl_with_judge,
    combine,
    judge_summary,
    make_judge,
)
from briefing.verify.summary import verify_summary

RECORDED_URL = "http://127.0.0.1:8765/v1"
RECORDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
SOURCE = (
    "The fictional town of Brackenfold opened a new library on Saturday. The building cost 4.2 million "
    "pounds and was paid for by the county council. Mayor Ellen Voss said the library would open six days "
    "a week. Local schools will run reading clubs there from September."
)
DONOR = "Brackenfold's new library was paid for by a private donor."
FUNDED = "The library cost 4.2 million pounds and was funded by the county council."
WRONG_NUMBER = "The library cost 9 million pounds."

PASSED = CheckResult(True, 0.9, [], [(0, 10)])
FAILED = CheckResult(False, 0.2, ["number '9 million' not in source"], [(0, 10)])


def test_a_deterministic_failure_is_never_overridden() -> None:
    for verdict in (Verdict(True, "fully supported", [(5, 9)]), Verdict(False, "no"), None):
        assert combine(FAILED, verdict) == FAILED


def test_the_judge_can_only_reject() -> None:
    assert combine(PASSED, Verdict(True, "yes", [(20, 30)])) == PASSED
    rejected = combine(PASSED, Verdict(False, "the source names no donor", [(20, 30)]))
    assert not rejected.supported and rejected.score < 0.5
    assert rejected.issues == ["judge: the source names no donor"] and rejected.evidence == [(20, 30)]
    # no sentence cited: the deterministic evidence stays
    assert combine(PASSED, Verdict(False, "")).evidence == [(0, 10)]


def test_no_verdict_keeps_the_result_and_says_so() -> None:
    result = combine(PASSED, None)
    assert result.supported and result.issues == ["judge unavailable"]


def test_long_sources_are_cut_to_the_relevant_sentences() -> None:
    filler = " ".join(f"Item {n} of the agenda was about parking." for n in range(20))
    source = f"{filler} The council approved a new bridge over the Tam. {filler}"
    spans = candidate_sentences(source, "The council approved a bridge.", limit=3)
    assert len(spans) == 3 and spans == sorted(spans)
    assert any("bridge" in source[s:e] for s, e in spans)
    pinned = (0, source.index(".") + 1)
    assert pinned in candidate_sentences(source, "The council approved a bridge.", [pinned], limit=3)
    assert len(candidate_sentences(SOURCE, DONOR)) == 4  # short sources are shown whole


def settings_for(tmp_path: Path, base_url: str, **flags: Any) -> Settings:
    base = {"base_url": base_url, "model": RECORDED_MODEL, "cache_dir": tmp_path, "use_cache": False}
    return load_settings({**base, **flags}, env={})


def judged(settings: Settings, claims: list[str]) -> tuple[list[CheckResult], Judge]:
    async def go() -> tuple[list[CheckResult], Judge]:
        judge = Judge(OpenAIEngine(settings, backoff=0.01), settings)
        try:
            return [await judge.judged(SOURCE, claim) for claim in claims], judge
        finally:
            await judge.aclose()

    return asyncio.run(go())


@pytest.mark.parametrize("fault", ["500", "malformed", "truncated", "ok"])
def test_a_failed_judge_call_leaves_the_deterministic_result(fault: str, tmp_path: Path) -> None:
    # "ok" is the fault server's canned *summary*: valid JSON, but not a verdict
    with FaultServer(default=fault) as server:
        settings = settings_for(tmp_path, server.base_url, max_attempts=2, timeout=5)
        [result], _ = judged(settings, [FUNDED])
    assert result == combine(check_claim(SOURCE, FUNDED), None)
    posts = [body for method, _, body in server.requests if method == "POST"]
    assert len(posts) == (2 if fault == "500" else 1)
    request = posts[0]
    schema = request["response_format"]["schema"]
    assert request["response_format"]["type"] == "json_object"
    assert schema["properties"]["sentence_ids"]["items"]["enum"] == [1, 2, 3, 4]
    user = request["messages"][-1]["content"]
    # the source is fenced as data, numbered, and the instructions come after it
    assert user.startswith("<source>\n[1] The fictional town")
    assert user.index("</source>") < user.index(FUNDED)


def test_claims_failing_deterministically_cost_no_call(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": "a", "source": SOURCE, "claim": WRONG_NUMBER}),
        "",
        json.dumps({"id": "b", "source": SOURCE, "claim": FUNDED}),
    ]
    with FaultServer(default="500") as server:
        settings = settings_for(tmp_path, server.base_url, max_attempts=1)
        judge = Judge(OpenAIEngine(settings, backoff=0.01), settings)
        out = [json.loads(line) for line in check_jsonl_with_judge(rows, judge, concurrency=2)]
    assert [row["id"] for row in out] == ["a", "b"]
    assert not out[0]["supported"] and "judge unavailable" not in out[0]["issues"]
    assert out[1]["supported"] and out[1]["issues"] == ["judge unavailable"]
    assert sum(1 for method, _, _ in server.requests if method == "POST") == 1


def test_judge_needs_an_llm(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--judge needs an LLM"):
        make_judge(load_settings({"engine": "extractive", "cache_dir": tmp_path}, env={}))


@pytest.mark.vcr
def test_real_model_judges_claims(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, RECORDED_URL, use_cache=True, timeout=600)
    (donor, funded), judge = judged(settings, [DONOR, FUNDED])
    # the deterministic checks pass both; the model rejects the invented donor, pointing at sentence 2
    assert check_claim(SOURCE, DONOR).supported
    assert not donor.supported and donor.issues[0].startswith("judge: ")
    paid = SOURCE.index("The building cost")
    assert donor.evidence == [(paid, SOURCE.index(" Mayor"))]
    assert funded.supported and not funded.issues
    assert judge.engine.usage.llm_calls == 2
    # answers are cached: a second run asks nothing (the cassette would refuse a repeated request)
    again, judge = judged(settings, [DONOR, FUNDED])
    assert again == [donor, funded] and judge.engine.usage.llm_calls == 0
    assert judge.engine.usage.cache_hits == 2

    # the same verdicts on a verified summary (from the cache): bundle offsets, policy-ready statuses
    story = Story(id="s1", source="a.txt", start=100, end=100 + len(SOURCE), text=SOURCE)
    summary = StorySummary(
        story_id="s1",
        headline=Claim(text="Brackenfold opens a library", status="grounded"),
        bullets=[Claim(text=DONOR), Claim(text=FUNDED)],
        engine="openai",
    )
    checked, _ = verify_summary(story, extract_evidence(story), summary)
    assert [b.status for b in checked.bullets] == ["supported", "supported"]

    async def go() -> StorySummary:
        judge = Judge(OpenAIEngine(settings), settings)
        try:
            return await judge_summary(judge, story, checked)
        finally:
            await judge.aclose()

    final = asyncio.run(go())
    assert final.headline == checked.headline and final.bullets[1] == checked.bullets[1]
    rejected = final.bullets[0]
    assert rejected.status == "unsupported" and rejected.issues[-1] == donor.issues[0]
    assert [(s.start, s.end) for s in rejected.evidence] == [(100 + paid, 100 + SOURCE.index(" Mayor"))]


def test_judge_summary_without_an_answer_marks_claims(tmp_path: Path) -> None:
    story = Story(id="s1", source="a.txt", start=0, end=len(SOURCE), text=SOURCE)
    summary = StorySummary(
        story_id="s1", headline=Claim(text=FUNDED), bullets=[Claim(text=DONOR)], engine="x"
    )
    checked, _ = verify_summary(story, extract_evidence(story), summary)
    with FaultServer(default="500") as server:
        settings = settings_for(tmp_path, server.base_url, max_attempts=1)

        async def go() -> StorySummary:
            judge = Judge(OpenAIEngine(settings), settings)
            try:
                return await judge_summary(judge, story, checked)
            finally:
                await judge.aclose()

        final = asyncio.run(go())
    for before, after in zip(
        [checked.headline, *checked.bullets], [final.headline, *final.bullets], strict=True
    ):
        assert after.status == before.status == "supported" and after.issues == [
            *before.issues,
            "judge unavailable",
        ]
