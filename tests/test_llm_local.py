"""The local engine (llama.cpp in process). Loading a model needs the ``local`` extra and a GGUF file:
``pytest -m live --model-path ~/.cache/briefing/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf``."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from briefing.engines.local import LocalEngine, llama_available
from briefing.errors import LLMError
from briefing.model import Evidence, Story, StorySummary
from briefing.settings import load_settings

needs_llama = pytest.mark.skipif(
    not llama_available(), reason="llama-cpp-python (extra 'local') not installed"
)


def summarize(
    model_path: Path, tmp_path: Path, story: tuple[Story, Evidence]
) -> tuple[StorySummary, LocalEngine]:
    settings = load_settings({"model_path": model_path, "cache_dir": tmp_path, "use_cache": False}, env={})
    engine = LocalEngine(settings)

    async def go() -> StorySummary:
        try:
            return await engine.summarize(*story)
        finally:
            await engine.aclose()

    return asyncio.run(go()), engine


@needs_llama
def test_a_file_that_is_not_a_model_is_an_llm_error(
    llm_story: tuple[Story, Evidence], tmp_path: Path
) -> None:
    bogus = tmp_path / "bogus.gguf"
    bogus.write_bytes(b"not a gguf file at all")
    with pytest.raises(LLMError, match="bogus.gguf"):
        summarize(bogus, tmp_path, llm_story)


@needs_llama
@pytest.mark.live
def test_local_model_summary_is_grounded(
    request: pytest.FixtureRequest, llm_story: tuple[Story, Evidence], tmp_path: Path
) -> None:
    path = request.config.getoption("--model-path")
    if not path:
        pytest.skip("live: pass --model-path FILE.gguf")
    summary, engine = summarize(Path(path), tmp_path, llm_story)
    story = llm_story[0]
    bundle = " " * story.start + story.text
    assert summary.engine == "local" and 2 <= len(summary.bullets) <= 4
    assert all(bundle[f.start : f.end] == f.value for f in summary.key_figures)
    assert all(bundle[q.start : q.end] == q.text for q in summary.quotes)
    assert engine.usage.llm_calls >= 1 and engine.usage.prompt_tokens > 0
