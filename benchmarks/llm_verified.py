"""The verifier on real LLM output: what it flags in a real model's summaries, before any repair.

Run from the repo root with an OpenAI-compatible server (e.g. the local llama.cpp one on :8765):
``.venv/bin/python benchmarks/llm_verified.py --base-url http://127.0.0.1:8765/v1 [--stories 12] [FILE ...]``.

Each FILE is one story (not a bundle): default, the 22 fictional stories of
``tests/fixtures/claims-stories/*.txt`` and ``tests/fixtures/claims-stories-3/*.txt``. Every story goes
through the project's own code paths: the file is decoded as ``briefing summarize`` reads it
(``ingest.decode``), evidence comes from ``extract_evidence``, the summary from the engine ``make_engine``
builds for these settings (same prompt templates, schema, re-ask on invalid JSON, cache), and the checks are
``verify_summary``, as ``pipeline._draft`` runs them. The raw verdicts are recorded *before* the policy's
re-ask (``engine.revise``) and before ``enforce`` repairs or drops anything: this measures the checks, not
the repair. Temperature 0 and seed 0 (the settings' defaults) and the project's LLM cache
(``~/.cache/briefing/llm`` unless ``--cache-dir``/``--no-cache``), so a rerun makes no LLM calls.

Prints, per story and in total, the items checked (headline, each bullet, each key figure, each quote), the
items flagged and their issues, seconds and LLM calls; writes every item with its verdict and issues as
JSONL (``--out``, default ``/tmp/llmaudit/items.jsonl``; outside the repo, since the items are model output).
Whether a flag is right needs a human: this script only counts what the verifier says.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from briefing.engines.factory import make_engine
from briefing.errors import BudgetError, LLMError
from briefing.evidence import extract_evidence
from briefing.ingest import decode, read_bytes
from briefing.llm.engine import LLMEngine
from briefing.model import Evidence, Span, Story, StorySummary, VerificationReport
from briefing.settings import load_settings
from briefing.verify.summary import sentence_case, verify_summary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GLOBS = ("tests/fixtures/claims-stories/*.txt", "tests/fixtures/claims-stories-3/*.txt")


def default_files() -> list[Path]:
    return [p for pattern in DEFAULT_GLOBS for p in sorted(ROOT.glob(pattern))]


def load_story(path: Path) -> Story:
    """One story file as one Story covering the whole text (offsets are file offsets)."""
    text = decode(read_bytes(path), str(path))
    return Story(id=path.stem, source=str(path), start=0, end=len(text), text=text)


def _snippets(story: Story, spans: list[Span]) -> list[str]:
    return [story.text[s.start - story.start : s.end - story.start] for s in spans]


def item_rows(
    story: Story, evidence: Evidence, checked: StorySummary, report: VerificationReport
) -> list[dict[str, Any]]:
    """Every checked item of one story as a flat record: kind, text, verdict, issues, evidence."""
    rows: list[dict[str, Any]] = []
    head = checked.headline
    rows.append({
        "kind": "headline", "n": 0, "text": head.text, "checked_text": sentence_case(head.text, story.text),
        "status": head.status, "flagged": head.status == "unsupported", "issues": head.issues,
        "evidence": _snippets(story, head.evidence),
    })
    for n, bullet in enumerate(checked.bullets, 1):
        rows.append({
            "kind": "bullet", "n": n, "text": bullet.text, "status": bullet.status,
            "flagged": bullet.status == "unsupported", "issues": bullet.issues,
            "evidence": _snippets(story, bullet.evidence),
        })
    # verify_summary sets statuses on figures and quotes but keeps their issues only in the report,
    # prefixed "figure f3: ..." / "quote q1: ...": take them from there
    for n, figure in enumerate(checked.key_figures, 1):
        mention = evidence.figure(figure.figure_id)
        prefix = f"figure {figure.figure_id}: "
        rows.append({
            "kind": "figure", "n": n, "id": figure.figure_id, "value": figure.value, "label": figure.label,
            "text": f"{figure.value} — {figure.label}", "status": figure.status,
            "flagged": figure.status == "unsupported",
            "issues": [i[len(prefix):] for i in report.issues if i.startswith(prefix)],
            "evidence": [mention.context] if mention else [],
        })
    for n, quote in enumerate(checked.quotes, 1):
        prefix = f"quote {quote.quote_id}: "
        rows.append({
            "kind": "quote", "n": n, "id": quote.quote_id, "speaker": quote.speaker,
            "text": f"“{quote.text}” — {quote.speaker or '?'}", "status": quote.status,
            "flagged": quote.status == "unsupported",
            "issues": [i[len(prefix):] for i in report.issues if i.startswith(prefix)],
            "evidence": [],
        })
    return rows


async def run(paths: list[Path], engine: Any, out: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    items: list[dict[str, Any]] = []
    per_story: list[dict[str, Any]] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with out.open("w", encoding="utf-8") as sink:
            for path in paths:  # one at a time: a local server answers one request at a time anyway
                story = load_story(path)
                evidence = extract_evidence(story)
                calls, hits = engine.usage.llm_calls, engine.usage.cache_hits
                started = time.perf_counter()
                try:
                    summary = await engine.summarize(story, evidence)
                except (LLMError, BudgetError) as exc:
                    # the pipeline would show the extractive fallback: no LLM item to check
                    seconds = time.perf_counter() - started
                    per_story.append({"story": story.id, "error": str(exc), "seconds": seconds,
                                      "calls": engine.usage.llm_calls - calls, "cache_hits": 0, "rows": []})
                    print(f"\n== {story.id}: LLM failed ({exc}); {seconds:.1f} s", flush=True)
                    continue
                seconds = time.perf_counter() - started
                checked, report = verify_summary(story, evidence, summary)
                rows = item_rows(story, evidence, checked, report)
                for row in rows:
                    row = {"story": story.id, "file": str(path.relative_to(ROOT) if path.is_relative_to(ROOT)
                                                          else path), **row}
                    items.append(row)
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
                sink.flush()
                entry = {"story": story.id, "seconds": seconds, "calls": engine.usage.llm_calls - calls,
                         "cache_hits": engine.usage.cache_hits - hits, "rows": rows}
                per_story.append(entry)
                print_story(entry)
    finally:
        close = getattr(engine, "aclose", None)
        if close is not None:
            await close()
    return items, per_story


def print_story(entry: dict[str, Any]) -> None:
    rows = entry["rows"]
    flagged = [r for r in rows if r["flagged"]]
    print(
        f"\n== {entry['story']}: {len(rows)} items, {len(flagged)} flagged; "
        f"{entry['seconds']:.1f} s, {entry['calls']} LLM calls, {entry['cache_hits']} cache hits",
        flush=True,
    )
    for row in rows:
        mark = "FLAG" if row["flagged"] else "ok  "
        name = f"{row['kind']} {row['n']}" if row["kind"] != "headline" else "headline"
        print(f"  {mark} {name}: {row['text']}")
        for issue in row["issues"]:
            print(f"         - {issue}")


def issue_kind(issue: str) -> str:
    """A coarse kind for an issue line: its first words up to a quote or colon."""
    head = issue.split("'", 1)[0].split(":", 1)[0].split("(", 1)[0].strip()
    return " ".join(head.split()[:4]) or issue[:30]


def print_totals(items: list[dict[str, Any]], per_story: list[dict[str, Any]], engine: Any) -> None:
    by_kind = Counter(r["kind"] for r in items)
    flagged_by_kind = Counter(r["kind"] for r in items if r["flagged"])
    failed = [s for s in per_story if s.get("error")]
    seconds = sum(s["seconds"] for s in per_story)
    asked = [s for s in per_story if s["calls"]]
    print("\n== total")
    print(f"stories {len(per_story)} ({len(failed)} LLM failures); items {len(items)}, "
          f"flagged {sum(flagged_by_kind.values())}")
    for kind in ("headline", "bullet", "figure", "quote"):
        print(f"  {kind:8} {by_kind[kind]:3} checked, {flagged_by_kind[kind]:3} flagged")
    kinds = Counter(issue_kind(i) for r in items if r["flagged"] for i in r["issues"])
    if kinds:
        print("issues by kind: " + ", ".join(f"{k} ×{n}" for k, n in kinds.most_common()))
    per_story = sum(s["seconds"] for s in asked) / max(1, len(asked))
    per_call = f", {per_story:.1f} s per story that called the LLM"
    print(
        f"model {engine.model}; LLM calls {engine.usage.llm_calls}, cache hits {engine.usage.cache_hits}; "
        f"{seconds:.0f} s in all" + (per_call if asked else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="story files (default: the 22 claims stories)")
    parser.add_argument("--base-url", default="http://127.0.0.1:8765/v1")
    parser.add_argument("--model")
    parser.add_argument("--stories", type=int, help="only the first N files")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds a request (busy CPUs are slow)")
    parser.add_argument("--cache-dir", type=Path, help="default: the project's (~/.cache/briefing)")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("/tmp/llmaudit/items.jsonl"))
    args = parser.parse_args()
    paths = [p.resolve() for p in args.files] or default_files()
    if args.stories:
        paths = paths[: args.stories]
    settings = load_settings(
        {"engine": "openai", "base_url": args.base_url, "model": args.model, "timeout": args.timeout,
         "temperature": 0.0, "seed": 0, "concurrency": 1, "cache_dir": args.cache_dir,
         "use_cache": False if args.no_cache else None},
        env={},
    )
    engine, reason = make_engine(settings)
    if not isinstance(engine, LLMEngine):
        sys.exit(f"not an LLM engine: {reason}")
    print(f"{reason}; {len(paths)} stories; temperature {settings.temperature}, seed {settings.seed}; "
          f"cache {'off' if not settings.use_cache else settings.cache_dir / 'llm'}", flush=True)
    items, per_story = asyncio.run(run(paths, engine, args.out))
    print_totals(items, per_story, engine)
    print(f"items: {args.out}")


if __name__ == "__main__":
    main()
