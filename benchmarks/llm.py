"""Benchmark the LLM engines: prompt size, calls per story, concurrency, and (optionally) a real model.

Run from the repo root: ``.venv/bin/python benchmarks/llm.py [--eval-dir ../shared/eval] [--base-url URL]``.

1. Prompt size: prompt tokens / story tokens (o200k_base) over the gold stories of the BBC bundles dev
   set (read by path, never copied). Goal <= 1.3.
2. Concurrency: 100 stories through the pipeline's summarize_all (concurrency 8) against the loopback
   fault server in "slow but valid" mode (0.5 s a call, answers canned from the request's schema: a
   stand-in for latency, not a summariser). Wall time / ideal ceil(100/8) x 0.5 s, goal <= 1.15; and the
   same stories one at a time, as a shell loop over ``llm --schema`` would run them.
3. With ``--base-url`` (e.g. the local 1.5B model via ``local-llm.sh serve 1.5b 8765``): the sample
   bundle through that server: seconds per story, calls per story, output tokens, and the share of key
   figures and quotes equal to the source text at their spans (100% by construction).
Writes the printed table to benchmarks/results/llm.txt.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from faultserver import FaultServer  # noqa: E402

from briefing.engines.openai_engine import OpenAIEngine  # noqa: E402
from briefing.evidence import extract_evidence  # noqa: E402
from briefing.llm.prompt import load_prompts  # noqa: E402
from briefing.llm.tokens import count_chat_tokens, count_tokens  # noqa: E402
from briefing.model import Bundle, Evidence, Story, StorySummary  # noqa: E402
from briefing.pipeline import split_bundles, summarize_all  # noqa: E402
from briefing.settings import Settings, load_settings  # noqa: E402

LATENCY = 0.5
CONCURRENCY = 8
N_STORIES = 100


def gold_stories(eval_dir: Path, limit: int | None = None) -> list[Story]:
    """The gold stories of the BBC bundles dev set, as Story values (text read by path)."""
    stories: list[Story] = []
    with (eval_dir / "segmentation" / "bbc-bundles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row: dict[str, Any] = json.loads(line)
            for gold in row["stories"]:
                text = row["text"][gold["start"] : gold["end"]]
                stories.append(
                    Story(
                        id=f"s{len(stories) + 1}",
                        source=row["id"],
                        start=gold["start"],
                        end=gold["end"],
                        text=text,
                    )
                )
                if limit and len(stories) >= limit:
                    return stories
    return stories


def prompt_ratio(stories: Sequence[Story]) -> list[str]:
    prompts = load_prompts()
    ratios, story_total, prompt_total = [], 0, 0
    for story in stories:
        messages = prompts.messages(story, extract_evidence(story))
        s, p = count_tokens(story.text), count_chat_tokens(messages)
        ratios.append(p / s)
        story_total += s
        prompt_total += p
    ratios.sort()
    return [
        f"prompt size over {len(stories)} BBC dev stories (o200k_base tokens, goal <= 1.3)",
        f"  prompt/story tokens: all stories {prompt_total / story_total:.3f}, median story "
        f"{statistics.median(ratios):.3f}, p90 {ratios[int(len(ratios) * 0.9)]:.3f}",
        f"  stories >= 300 tokens: median {statistics.median(_long(stories, prompts)):.3f}",
    ]


def _long(stories: Sequence[Story], prompts: Any) -> list[float]:
    out = []
    for story in stories:
        s = count_tokens(story.text)
        if s >= 300:
            out.append(count_chat_tokens(prompts.messages(story, extract_evidence(story))) / s)
    return out or [0.0]


async def _run(
    engine: OpenAIEngine, stories: Sequence[Story], evidence: Sequence[Evidence], concurrency: int
) -> list[StorySummary]:
    try:
        return await summarize_all(engine, stories, evidence, concurrency=concurrency)
    finally:
        await engine.aclose()


def concurrency(stories: Sequence[Story], cache_dir: Path) -> list[str]:
    evidence = [extract_evidence(s) for s in stories]
    ideal = math.ceil(len(stories) / CONCURRENCY) * LATENCY
    lines = [f"concurrency: {len(stories)} stories, fault server 'slow but valid' stand-in, {LATENCY} s/call"]
    for label, width in ((f"pipeline, concurrency {CONCURRENCY}", CONCURRENCY), ("one at a time", 1)):
        with FaultServer(latency=LATENCY) as server:
            settings = _settings(server.base_url, cache_dir, use_cache=False)
            engine = OpenAIEngine(settings)
            started = time.perf_counter()
            summaries = asyncio.run(_run(engine, stories, evidence, width))
            wall = time.perf_counter() - started
        fallbacks = sum(s.fallback for s in summaries)
        lines.append(
            f"  {label:<24} wall {wall:6.2f} s  ideal {ideal:.2f} s  wall/ideal {wall / ideal:5.2f}  "
            f"calls/story {engine.usage.llm_calls / len(stories):.2f}  fallbacks {fallbacks}"
        )
    with FaultServer(latency=LATENCY) as server:
        settings = _settings(server.base_url, cache_dir, use_cache=True)
        for run in ("first", "second"):
            engine = OpenAIEngine(settings)
            asyncio.run(_run(engine, stories, evidence, CONCURRENCY))
            lines.append(
                f"  cache, {run} run: llm calls {engine.usage.llm_calls}, hits {engine.usage.cache_hits}"
            )
    return lines


def real_model(base_url: str, cache_dir: Path) -> list[str]:
    text = (ROOT / "src" / "briefing" / "samples" / "sample-bundle.txt").read_text(encoding="utf-8")
    stories = split_bundles([Bundle(text=text, source="sample-bundle.txt")])
    evidence = [extract_evidence(s) for s in stories]
    engine = OpenAIEngine(_settings(base_url, cache_dir, use_cache=False, timeout=600))
    started = time.perf_counter()
    summaries = asyncio.run(_run(engine, stories, evidence, CONCURRENCY))
    wall = time.perf_counter() - started
    items = [(f.value, text[f.start : f.end]) for s in summaries for f in s.key_figures]
    items += [(q.text, text[q.start : q.end]) for s in summaries for q in s.quotes]
    grounded = sum(a == b for a, b in items)
    prompts = load_prompts()
    story_tokens = sum(count_tokens(s.text) for s in stories)
    estimate = sum(count_chat_tokens(prompts.messages(s, e)) for s, e in zip(stories, evidence, strict=True))
    usage = engine.usage
    return [
        f"real model: sample bundle ({len(stories)} stories) via {base_url} ({engine.model})",
        f"  {wall / len(stories):.1f} s/story, calls/story {usage.llm_calls / len(stories):.2f}, "
        f"fallbacks {sum(s.fallback for s in summaries)}, "
        f"output tokens/story {usage.completion_tokens / len(stories):.0f}",
        f"  prompt tokens/story: {usage.prompt_tokens / len(stories):.0f} by the server's tokenizer and chat "
        f"template; prompt/story tokens by o200k {estimate / story_tokens:.2f} "
        "(short stories: the fixed part weighs more)",
        f"  figures+quotes equal to the source at their spans: {grounded}/{len(items)}",
    ]


def _settings(base_url: str, cache_dir: Path, *, use_cache: bool, timeout: float = 30) -> Settings:
    return load_settings(
        {"base_url": base_url, "cache_dir": cache_dir, "use_cache": use_cache, "timeout": timeout}, env={}
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--base-url", help="also run the sample bundle through this real server")
    args = parser.parse_args()
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        if (args.eval_dir / "segmentation").is_dir():
            stories = gold_stories(args.eval_dir)
            lines += prompt_ratio(stories)
            lines += concurrency(stories[:N_STORIES], Path(tmp))
        else:
            print(f"{args.eval_dir}: no eval data; skipping prompt size and concurrency", file=sys.stderr)
        if args.base_url:
            lines += real_model(args.base_url, Path(tmp))
    print("\n".join(lines))
    out = ROOT / "benchmarks" / "results" / "llm.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
