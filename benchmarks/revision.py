"""Benchmark the verification policy's re-ask: how many failed items does one more LLM call repair?

Run from the repo root with an OpenAI-compatible server (e.g. the local llama.cpp one):
``.venv/bin/python benchmarks/revision.py --base-url http://127.0.0.1:8765/v1 [--stories 12]``.
Summarises a fixed-seed sample of BBC dev stories (gold spans of ``bbc-bundles.jsonl``, read by path),
checks each summary, re-asks once about every story with failed items (as the pipeline does) and prints the
failed items before and after, what the re-ask repaired, and calls and seconds. Results go to
benchmarks/results/revision.txt. The eval text is never copied into the repo.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from briefing.engines.openai_engine import OpenAIEngine
from briefing.evidence import extract_evidence
from briefing.model import Story
from briefing.settings import load_settings
from briefing.verify.policy import failures, merge_revision
from briefing.verify.summary import verify_summary

RESULTS = Path(__file__).parent / "results" / "revision.txt"


def sample_stories(eval_dir: Path, n: int, seed: int) -> list[Story]:
    path = eval_dir / "segmentation" / "bbc-bundles.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    stories = [
        Story(id=f"{row['id']}/{k}", source=row["id"], start=0, end=s["end"] - s["start"],
              text=row["text"][s["start"] : s["end"]])
        for row in rows if row["variant"] == "blank"
        for k, s in enumerate(row["stories"]) if not s.get("teaser")
    ]
    return random.Random(seed).sample(stories, n)


async def run(stories: list[Story], engine: OpenAIEngine) -> dict[str, int]:
    counts = {"stories": 0, "failed_stories": 0, "failed_items": 0, "repaired": 0, "left": 0}
    for story in stories:
        evidence = extract_evidence(story)
        checked, report = verify_summary(story, evidence, await engine.summarize(story, evidence))
        counts["stories"] += 1
        wrong = failures(checked)
        if not wrong:
            continue
        counts["failed_stories"] += 1
        counts["failed_items"] += len(wrong)
        revised = await engine.revise(story, evidence, checked, wrong)
        merged, _ = merge_revision(checked, report, verify_summary(story, evidence, revised)[0])
        statuses = [c.status for c in [merged.headline, *merged.bullets]]
        statuses += [f.status for f in merged.key_figures] + [q.status for q in merged.quotes]
        counts["repaired"] += statuses.count("repaired")
        counts["left"] += len(failures(merged))
    await engine.aclose()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--model")
    parser.add_argument("--stories", type=int, default=12)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    cache_dir = tempfile.mkdtemp(prefix="revision-bench-")
    settings = load_settings(
        {"base_url": args.base_url, "model": args.model, "use_cache": False, "cache_dir": cache_dir,
         "timeout": 900},
        env={},
    )
    engine = OpenAIEngine(settings)
    started = time.perf_counter()
    try:
        counts = asyncio.run(run(sample_stories(args.eval_dir, args.stories, args.seed), engine))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    seconds = time.perf_counter() - started
    calls = engine.usage.llm_calls
    report = "\n".join([
        f"model {engine.model} at {args.base_url}; {counts['stories']} BBC dev stories (seed {args.seed})",
        f"stories with a failed item: {counts['failed_stories']}; failed items {counts['failed_items']}",
        f"after one re-ask: items repaired {counts['repaired']}, failed items left {counts['left']} "
        "(the policy then drops them, or repairs a headline from the story's own text)",
        f"LLM calls {calls} ({calls / max(1, counts['stories']):.2f} per story), {seconds:.0f} s in all",
    ])
    print(report)
    RESULTS.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
