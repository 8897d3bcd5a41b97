"""The pipeline: Bundles -> Stories -> Evidence -> summaries (engine, with fallback) -> verified Briefing.

This module owns the orchestration only: bounded concurrency, the per-story extractive fallback, and the
run stats. Each step lives in its own module behind one function.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefing.dedupe import duplicate_of
from briefing.engines.base import Engine
from briefing.engines.extractive import ExtractiveEngine
from briefing.engines.factory import make_engine
from briefing.errors import BudgetError, ConfigError, LLMError
from briefing.evidence import extract_evidence
from briefing.llm.engine import LLMEngine
from briefing.model import (
    Briefing,
    BriefingItem,
    Bundle,
    Evidence,
    RunStats,
    Story,
    StorySummary,
    VerificationReport,
)
from briefing.refine import BoundaryJudge, RefineStats, refine_split
from briefing.settings import Settings
from briefing.split import Segment, split
from briefing.verify.policy import enforce, failures, merge_revision
from briefing.verify.summary import verify_summary

ProgressHook = Callable[[int, int], None]
"""Called as ``hook(done, total)`` after each story is summarised."""


def split_bundles(bundles: Sequence[Bundle]) -> list[Story]:
    """Stories of every bundle, with ids ``s1, s2, ...`` unique across the run."""
    return stories_of(bundles, [split(bundle.text) for bundle in bundles])


async def refine_bundles(
    bundles: Sequence[Bundle], judge: BoundaryJudge, stats: RefineStats, concurrency: int
) -> list[Story]:
    """Like :func:`split_bundles`, with the uncertain boundaries of each bundle put to ``judge``."""
    gate = asyncio.Semaphore(concurrency)

    async def one(bundle: Bundle) -> list[Segment]:
        async with gate:
            return await refine_split(bundle.text, judge, stats)

    return stories_of(bundles, list(await asyncio.gather(*(one(b) for b in bundles))))


def refine_each(
    texts: Iterable[tuple[str, str]], settings: Settings, emit: Callable[[str, list[Segment]], None]
) -> RefineStats:
    """``--refine`` for ``briefing split``: each ``(key, text)`` split, refined by the LLM ``settings``
    configure, and handed to ``emit`` as soon as it is done (so JSONL streams). One engine serves all."""
    engine, _ = make_engine(settings)
    stats = RefineStats()

    async def run() -> None:
        try:
            judge = boundary_judge(engine, settings)
            for key, text in texts:
                emit(key, await refine_split(text, judge, stats))
        finally:
            close = getattr(engine, "aclose", None)
            if close is not None:
                await close()

    asyncio.run(run())
    return stats


def boundary_judge(engine: Engine, settings: Settings) -> BoundaryJudge:
    """The judge ``--refine`` uses: the run's own LLM engine. Raises ``ConfigError`` without one."""
    if not isinstance(engine, LLMEngine):
        raise ConfigError(
            f"--refine needs an LLM (--base-url, an API key or a local model); the engine is {engine.name}"
        )
    return BoundaryJudge(engine, settings)


def stories_of(bundles: Sequence[Bundle], segments: Sequence[Sequence[Segment]]) -> list[Story]:
    """Stories from each bundle's segments, with ids ``s1, s2, ...`` unique across the run."""
    stories: list[Story] = []
    for bundle, bundle_segments in zip(bundles, segments, strict=True):
        for segment in bundle_segments:
            stories.append(
                Story(
                    id=f"s{len(stories) + 1}",
                    source=bundle.source,
                    start=segment.start,
                    end=segment.end,
                    text=bundle.text[segment.start : segment.end],
                    title=segment.title,
                )
            )
    return stories


def merge_duplicates(stories: list[Story]) -> tuple[list[Story], dict[str, list[str]]]:
    """Drop near-duplicate stories, keeping the first; also return, per kept id, where else it ran."""
    duplicates = duplicate_of([s.text for s in stories])
    also_in: dict[str, list[str]] = {}
    for later, first in sorted(duplicates.items()):
        dup = stories[later]
        also_in.setdefault(stories[first].id, []).append(f"{dup.source} [{dup.start}-{dup.end}]")
    return [s for n, s in enumerate(stories) if n not in duplicates], also_in


async def summarize_all(
    engine: Engine,
    stories: Sequence[Story],
    evidence: Sequence[Evidence],
    *,
    concurrency: int,
    progress: ProgressHook | None = None,
) -> list[StorySummary]:
    """Summarise stories concurrently (at most ``concurrency`` at once), in input order.

    A story whose engine call fails (``LLMError``) or would break the budget (``BudgetError``) gets the
    extractive summary marked as a fallback: the run always finishes and nothing is lost.
    """
    fallback = ExtractiveEngine()
    gate = asyncio.Semaphore(concurrency)
    done = 0
    budget_hit: list[str] = []

    async def one(story: Story, ev: Evidence) -> StorySummary:
        nonlocal done
        async with gate:
            try:
                if budget_hit:
                    raise BudgetError(budget_hit[0])
                summary = await engine.summarize(story, ev)
            except BudgetError as exc:
                budget_hit.append(str(exc))
                summary = fallback.summarize_sync(story, ev, fallback_reason=f"budget: {exc}")
            except LLMError as exc:
                summary = fallback.summarize_sync(story, ev, fallback_reason=str(exc))
        done += 1
        if progress:
            progress(done, len(stories))
        return summary

    return list(await asyncio.gather(*(one(s, e) for s, e in zip(stories, evidence, strict=True))))


@dataclass
class _Drafts:
    """What the engine's event loop produces: stories, their evidence, and checked summaries."""

    stories: list[Story]
    also_in: dict[str, list[str]]
    evidence: list[Evidence]
    summaries: list[StorySummary]
    checked: list[tuple[StorySummary, VerificationReport]]
    refined: RefineStats
    revisions: int = 0


async def _draft(
    engine: Engine, bundles: Sequence[Bundle], settings: Settings, progress: ProgressHook | None
) -> _Drafts:
    """Split (refined if asked), merge duplicates, extract evidence, summarise, check, re-ask an LLM once
    about each story whose items failed, and (``--judge``) ask it about the prose that passed; then release
    the engine inside the same event loop. One engine serves it all, so a local model is loaded once."""
    refined = RefineStats()
    try:
        if settings.judge and not isinstance(engine, LLMEngine):
            raise ConfigError(
                f"--judge needs an LLM (--base-url, an API key or a local model); the engine is {engine.name}"
            )
        if settings.refine:
            judge = boundary_judge(engine, settings)
            stories = await refine_bundles(bundles, judge, refined, settings.concurrency)
        else:
            stories = split_bundles(bundles)
        stories, also_in = merge_duplicates(stories)
        evidence = [extract_evidence(story) for story in stories]
        summaries = await summarize_all(
            engine, stories, evidence, concurrency=settings.concurrency, progress=progress
        )
        checked = [verify_summary(s, e, m) for s, e, m in zip(stories, evidence, summaries, strict=True)]
        drafts = _Drafts(stories, also_in, evidence, summaries, checked, refined)
        if isinstance(engine, LLMEngine):
            await _revise_failed(engine, drafts, settings.concurrency)
            if settings.judge:
                await _judge_all(engine, settings, drafts)
        return drafts
    finally:
        close = getattr(engine, "aclose", None)
        if close is not None:
            await close()


async def _revise_failed(engine: LLMEngine, drafts: _Drafts, concurrency: int) -> None:
    """The policy's one re-ask: each LLM summary with failed items is asked again with the failures listed,
    and what the new answer gets right is merged in. A failed call leaves the summary as it was."""
    gate = asyncio.Semaphore(concurrency)

    async def one(
        story: Story, ev: Evidence, checked: tuple[StorySummary, VerificationReport]
    ) -> tuple[StorySummary, VerificationReport]:
        summary, report = checked
        wrong = failures(summary)
        if not wrong or summary.fallback:
            return checked
        async with gate:
            try:
                revised = await engine.revise(story, ev, summary, wrong)
            except (LLMError, BudgetError):
                return checked
        drafts.revisions += 1
        return merge_revision(summary, report, verify_summary(story, ev, revised)[0])

    drafts.checked = list(
        await asyncio.gather(
            *(one(s, e, c) for s, e, c in zip(drafts.stories, drafts.evidence, drafts.checked, strict=True))
        )
    )


async def _judge_all(engine: LLMEngine, settings: Settings, drafts: _Drafts) -> None:
    """The LLM judge over every story's checked prose (``--judge``), bounded like summarising."""
    from briefing.verify.judge import Judge, judge_summary

    judge = Judge(engine, settings)
    gate = asyncio.Semaphore(settings.concurrency)

    async def one(
        story: Story, checked: tuple[StorySummary, VerificationReport]
    ) -> tuple[StorySummary, VerificationReport]:
        async with gate:
            return await judge_summary(judge, story, checked[0]), checked[1]

    drafts.checked = list(
        await asyncio.gather(*(one(s, c) for s, c in zip(drafts.stories, drafts.checked, strict=True)))
    )


def build_briefing(
    bundles: Sequence[Bundle],
    settings: Settings,
    *,
    title: str,
    date: dt.date,
    progress: ProgressHook | None = None,
    engine: Engine | None = None,
) -> Briefing:
    """Run the whole pipeline over ``bundles`` and return the Briefing.

    The engine comes from ``settings`` (auto picks openai, local or extractive and says why) unless one is
    passed in.
    """
    started = time.perf_counter()
    reason = "given by the caller"
    if engine is None:
        engine, reason = make_engine(settings)
    drafts = asyncio.run(_draft(engine, bundles, settings, progress))
    stories, evidence, checked = drafts.stories, drafts.evidence, drafts.checked
    items = []
    for story, ev, (summary, found) in zip(stories, evidence, checked, strict=True):
        summary, report = enforce(story, ev, summary, found)
        also_in = drafts.also_in.get(story.id, [])
        items.append(BriefingItem(story=story, summary=summary, verification=report, also_in=also_in))
    usage = engine.usage
    stats = RunStats(
        engine=engine.name,
        engine_reason=reason,
        model=engine.model,
        stories=len(items),
        llm_calls=usage.llm_calls,
        cache_hits=usage.cache_hits,
        fallbacks=sum(1 for m in drafts.summaries if m.fallback),
        revisions=drafts.revisions,
        failed_checks=sum(
            item.verification.checked - item.verification.passed for item in items if item.verification
        ),
        boundaries_asked=drafts.refined.asked,
        boundaries_changed=drafts.refined.changed,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        cost_usd=round(usage.cost_usd, 6),
        seconds=round(time.perf_counter() - started, 3),
    )
    return Briefing(title=title, date=date, sources=[b.source for b in bundles], items=items, stats=stats)
