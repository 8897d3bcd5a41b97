"""--refine: only the splitter's uncertain boundaries go to the LLM, and its answer is applied there.

The LLM test replays a cassette recorded against Qwen2.5-Coder 1.5B on llama.cpp (see
test_llm_cassettes.py for how to re-record); fault tests use the loopback fault server.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from faultserver import FaultServer

from briefing.engines.openai_engine import OpenAIEngine
from briefing.refine import BoundaryJudge, RefineStats, apply, context, refine_split, uncertain
from briefing.settings import Settings, load_settings
from briefing.split import Gap, Segment, split, split_gaps

FIXTURE = Path(__file__).parent / "fixtures" / "refine-bundle.txt"
RECORDED_URL = "http://127.0.0.1:8765/v1"
RECORDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MARGIN = 2.0
"""Wider than the default: the fixture's same-topic boundary (crypto exchange, then crypto hack) is asked."""


def settings_for(tmp_path: Path, **flags: Any) -> Settings:
    base = {"cache_dir": tmp_path, "use_cache": False, "timeout": 600, "max_attempts": 1}
    return load_settings({**base, **flags}, env={})


def refine(text: str, settings: Settings) -> tuple[list[Segment], RefineStats, int]:
    async def go() -> tuple[list[Segment], RefineStats, int]:
        engine = OpenAIEngine(settings, backoff=0.01)
        stats = RefineStats()
        try:
            segments = await refine_split(text, BoundaryJudge(engine, settings), stats, margin=MARGIN)
            return segments, stats, engine.usage.llm_calls
        finally:
            await engine.aclose()

    return asyncio.run(go())


def test_uncertain_takes_the_closest_calls_in_text_order() -> None:
    gaps = [Gap(10 * i, 10 * i + 1, logit, False) for i, logit in enumerate([-3.0, 0.9, -0.1, 0.5, 2.0])]
    assert [g.start for g in uncertain(gaps, margin=1.0, limit=2)] == [20, 30]
    assert uncertain(gaps, margin=0.05) == []


def test_apply_merges_and_cuts_at_the_decided_gaps() -> None:
    text = "aaa bbb\nccc ddd\neee fff\n"
    segments = [Segment(0, 7, "T"), Segment(8, 23, None)]
    merged = apply(segments, {Gap(7, 8, -0.2, True): False})
    assert merged == [Segment(0, 23, "T")]
    cut = apply(merged, {Gap(15, 16, 0.3, False): True})
    assert cut == [Segment(0, 15, "T"), Segment(16, 23, None)]
    assert text[cut[1].start : cut[1].end] == "eee fff"


def test_context_is_words_either_side() -> None:
    text = "one two three four. Five six seven."
    assert context(text, Gap(19, 20, 0.0, False), words=2) == ("one … four.", "Five")
    assert context(text, Gap(19, 20, 0.0, False), story_start=8, words=2) == ("three four.", "Five")


def test_a_bundle_without_uncertain_gaps_makes_no_call(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    segments, gaps = split_gaps(text)
    assert any(abs(g.logit) < MARGIN for g in gaps), "the fixture must have an uncertain gap"
    clear = "Vessmark's" + text.split("Vessmark's", 1)[1]
    assert all(abs(g.logit) >= MARGIN for g in split_gaps(clear)[1])
    # The port is closed: any call would fail; none is made and the splitter's answer stands.
    refined, stats, calls = refine(clear, settings_for(tmp_path, base_url="http://127.0.0.1:9/v1", model="m"))
    assert refined == split(clear) and stats.asked == 0 and calls == 0


def test_a_failing_llm_leaves_the_splitters_boundaries(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    with FaultServer(default="500") as server:
        refined, stats, _ = refine(text, settings_for(tmp_path, base_url=server.base_url, model="m"))
    assert refined == split(text)
    assert stats.asked == stats.failed >= 1 and stats.changed == 0


@pytest.mark.vcr
def test_real_model_decides_the_uncertain_boundary(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    before, gaps = split_gaps(text)
    asked = uncertain(gaps, MARGIN)
    settings = settings_for(tmp_path, base_url=RECORDED_URL, model=RECORDED_MODEL)
    refined, stats, calls = refine(text, settings)
    assert stats.asked == len(asked) == calls >= 1 and stats.failed == 0
    # The clear boundary (before the housing story) is kept whatever the model says.
    housing = text.index("Vessmark's parliament")
    assert housing in [s.start for s in refined]
    # Each asked gap ends up as the model said: a boundary exactly when it answered "not the same article".
    starts = {s.start for s in refined}
    changed = sum((g.end in starts) != g.chosen for g in asked)
    assert changed == stats.changed
    assert refined[0].start == before[0].start and refined[-1].end == before[-1].end


def test_refine_without_an_llm_is_a_one_line_error(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for command in (["split"], ["summarize", "--engine", "extractive"]):
        result = subprocess.run(
            [sys.executable, "-m", "briefing", *command, "--refine", str(FIXTURE)],
            capture_output=True, text=True, timeout=120, env=env,
        )
        assert result.returncode == 2 and not result.stdout
        assert result.stderr.splitlines() == [
            "briefing: error: --refine needs an LLM (--base-url, an API key or a local model); "
            "the engine is extractive"
        ]
