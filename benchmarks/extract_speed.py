"""Throughput of evidence extraction and the extractive engine, in MB of story text per second.

Run from the repo root: ``.venv/bin/python benchmarks/extract_speed.py [--mb 2]``. Builds a synthetic
bundle of about ``--mb`` megabytes by repeating the fictional fixtures (tests/fixtures/evidence_*.txt),
times ``find_numbers`` over the whole text, ``extract_evidence`` and ``ExtractiveEngine.summarize_sync``
per story, and once more on the whole bundle as one story (the worst case: one long story, no split).
Prints a table and writes it to benchmarks/results/extract_speed.txt.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from briefing.engines.extractive import ExtractiveEngine
from briefing.evidence import extract_evidence
from briefing.model import Evidence, Story
from briefing.numbers import find_numbers

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("evidence_*.txt"))
RESULTS = ROOT / "benchmarks" / "results" / "extract_speed.txt"


def _bundle(megabytes: float) -> tuple[str, list[Story]]:
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    parts: list[str] = []
    stories: list[Story] = []
    size = 0
    while size < megabytes * 1e6:
        text = texts[len(stories) % len(texts)]
        end = size + len(text)
        stories.append(Story(id=f"s{len(stories)}", source="bench", start=size, end=end, text=text))
        parts.append(text + "\n\n")
        size += len(text) + 2
    return "".join(parts), stories


def _rate(megabytes: float, fn: Callable[[], object]) -> tuple[float, float]:
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    return seconds, megabytes / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the synthetic bundle (default 2)")
    args = parser.parse_args()
    text, stories = _bundle(args.mb)
    mb = len(text.encode("utf-8")) / 1e6
    engine = ExtractiveEngine()
    engine.summarize_sync(stories[0], extract_evidence(stories[0]))  # compile the patterns before timing
    evidence: list[Evidence] = []

    def extract_all() -> None:
        evidence.extend(extract_evidence(s) for s in stories)

    def summarize_all() -> None:
        for s, e in zip(stories, evidence, strict=True):
            engine.summarize_sync(s, e)

    def one_story(story: Story) -> None:
        engine.summarize_sync(story, extract_evidence(story))

    whole = Story(id="whole", source="bench", start=0, end=len(text), text=text)
    rows = [
        ("find_numbers (whole text)", *_rate(mb, lambda: find_numbers(text))),
        ("extract_evidence (per story)", *_rate(mb, extract_all)),
        ("extractive summary (per story)", *_rate(mb, summarize_all)),
        ("both, one story of it all", *_rate(mb, lambda: one_story(whole))),
    ]
    lines = [f"synthetic bundle: {mb:.2f} MB, {len(stories)} stories from {len(FIXTURES)} fixtures"]
    lines += [f"{name:34s} {seconds:7.2f} s {rate:7.2f} MB/s" for name, seconds, rate in rows]
    extract_s, summary_s = rows[1][1], rows[2][1]
    lines.append(f"{'pipeline share (extract+summary)':34s} {extract_s + summary_s:7.2f} s "
                 f"{mb / (extract_s + summary_s):7.2f} MB/s")  # fmt: skip
    print("\n".join(lines))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
