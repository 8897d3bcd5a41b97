"""Benchmark ``--refine``: does an LLM deciding the uncertain story boundaries help, and at what cost?

Run from the repo root with an OpenAI-compatible server (e.g. the local llama.cpp one):
``.venv/bin/python benchmarks/refine.py --base-url http://127.0.0.1:8765/v1 [--per-variant 8]``.
Takes a fixed-seed sample of BBC dev bundles per variant (only bundles with at least one uncertain gap:
the others are untouched by design), splits them with and without refinement and prints Pk / WindowDiff /
boundary F1 / exact count from the shared scorer for both, how often the LLM and the splitter were right on
the gaps asked about (a gap is a true boundary when a gold story starts inside it), calls and seconds.
Also prints, over ALL dev bundles, how many gaps fall under the margin (the calls --refine would make).
Results go to benchmarks/results/refine.txt. The eval text is read by path and never copied.
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
from typing import Any

from seg_score import score

from briefing.errors import ConfigError
from briefing.llm.engine import LLMEngine
from briefing.refine import MARGIN, BoundaryJudge, RefineStats, context, refine_split, uncertain
from briefing.settings import load_settings
from briefing.split import Gap, Segment, split_gaps

RESULTS = Path(__file__).parent / "results" / "refine.txt"
VARIANTS = ("lines", "blank", "flat", "teaser", "same-topic")


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _truth(row: dict[str, Any], gap: Gap) -> bool:
    return any(gap.start <= s["start"] <= gap.end + 1 for s in row["stories"][1:])


async def _run(rows: list[dict[str, Any]], judge: BoundaryJudge, margin: float) -> tuple[dict[str, Any], ...]:
    refined: dict[str, list[Segment]] = {}
    stats = RefineStats()
    llm_right = split_right = 0
    for row in rows:
        text = row["text"]
        segments, gaps = split_gaps(text)
        for gap in uncertain(gaps, margin):
            start = max((s.start for s in segments if s.start <= gap.start), default=0)
            truth = _truth(row, gap)
            split_right += gap.chosen == truth
            try:
                same = await judge.same_article(*context(text, gap, start))
            except Exception:  # noqa: BLE001 - counted as failed below through refine_split's stats
                continue
            llm_right += (not same) == truth
        refined[row["id"]] = await refine_split(text, judge, stats, margin=margin)
    await judge.engine.aclose()
    return refined, {"asked": stats.asked, "failed": stats.failed, "changed": stats.changed,
                     "llm_right": llm_right, "split_right": split_right}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--model")
    parser.add_argument("--per-variant", type=int, default=8)
    parser.add_argument("--margin", type=float, default=MARGIN)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rows = _load(args.eval_dir / "segmentation" / "bbc-bundles.jsonl")
    all_gaps = [split_gaps(r["text"])[1] for r in rows]
    asked_all = sum(len(uncertain(g, args.margin)) for g in all_gaps)
    with_any = [r for r, g in zip(rows, all_gaps, strict=True) if uncertain(g, args.margin)]
    rng = random.Random(args.seed)
    sample = []
    for variant in VARIANTS:
        pool = [r for r in with_any if r["variant"] == variant]
        sample += rng.sample(pool, min(args.per_variant, len(pool)))
    # A fresh cache: each gap is asked once (measuring the LLM), then answered from cache inside refine_split.
    cache_dir = tempfile.mkdtemp(prefix="refine-bench-")
    flags = {"base_url": args.base_url, "model": args.model, "cache_dir": cache_dir, "timeout": 600}
    settings = load_settings(flags, env={})
    from briefing.engines.factory import make_engine

    engine, reason = make_engine(settings)
    if not isinstance(engine, LLMEngine):
        raise ConfigError(f"needs an LLM: {reason}")
    judge = BoundaryJudge(engine, settings)
    started = time.perf_counter()
    try:
        refined, counts = asyncio.run(_run(sample, judge, args.margin))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    seconds = time.perf_counter() - started
    plain = {r["id"]: split_gaps(r["text"])[0] for r in sample}
    score_py = args.eval_dir / "score.py"
    calls = engine.usage.llm_calls
    report = "\n".join([
        f"model {engine.model} at {args.base_url}; margin {args.margin}",
        f"all {len(rows)} dev bundles: {len(with_any)} have a gap under the margin; "
        f"{asked_all} questions in all ({asked_all / len(rows):.2f} per bundle)",
        f"sample: {len(sample)} bundles ({args.per_variant} per variant with an uncertain gap, "
        f"seed {args.seed})",
        "  Pk / WindowDiff / boundary F1 / exact count:",
        f"  splitter alone: {' / '.join(score(score_py, sample, plain))}",
        f"  with --refine:  {' / '.join(score(score_py, sample, refined))}",
        f"  gaps asked {counts['asked']}, failed {counts['failed']}, boundaries changed {counts['changed']}",
        f"  right on the asked gaps: LLM {counts['llm_right']}/{counts['asked']}, "
        f"splitter {counts['split_right']}/{counts['asked']}",
        f"  LLM calls {calls}, {seconds / max(1, calls):.2f} s per call, prompt tokens per call "
        f"{engine.usage.prompt_tokens / max(1, calls):.0f}",
    ])
    print(report)
    RESULTS.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
