"""Ask an LLM about the story boundaries the splitter is unsure of (``--refine``).

The deterministic splitter decides every gap; refinement revisits only the gaps whose fitted score is
close to undecided (``|logit| < margin``), at most ``max_questions`` per bundle, the least certain first.
On the dev bundles those near-zero gaps hold most of the splitter's mistakes, and the clear gaps none,
so a bundle with no uncertain gap costs no call and no time.

Each question shows the opening of the story the gap would end, the words just before the gap and the start
of the text after it, and asks one boolean (the same news event or not) under a schema, so a
grammar-constrained server cannot answer otherwise. With the local 1.5B model this makes splitting worse
(benchmarks/refine.py: right on 35 of 49 asked gaps where the splitter was right on 42), hence opt-in.
The answer overrides the splitter at that gap: a merge joins two segments, a split cuts one. Answers are
cached in the engine's disk cache; a failed call leaves the splitter's decision (counted, not fatal).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import jinja2
from pydantic import BaseModel, ConfigDict

from briefing.errors import LLMError, TemplateError
from briefing.llm.engine import LLMEngine
from briefing.llm.prompt import Message, prompt_env
from briefing.settings import Settings
from briefing.split import Gap, Segment, split_gaps

SYSTEM = "refine.system.j2"
USER = "refine.user.j2"
REFINE_SCHEMA_VERSION = "1"
"""Part of the cache key: bump when the answer schema or its meaning changes."""
MARGIN = 1.0
"""Gaps with |logit| below this are asked about. On the BBC dev bundles 18% of the decoder's choices
there are wrong (32 of 173), 4% between 1 and 2 and under 1% beyond."""
MAX_QUESTIONS = 6
CONTEXT_WORDS = 100
"""Words shown before a gap (half the story's opening, half what precedes the gap); half as many after it.
About 200 prompt tokens: a 1.5B model on a CPU reads that in a few seconds."""
MAX_TOKENS = 16

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"same_article": {"type": "boolean"}},
    "required": ["same_article"],
    "additionalProperties": False,
}


class BoundaryAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    same_article: bool


@dataclass
class RefineStats:
    """What refinement did over a run: questions asked, boundaries changed, calls that failed."""

    asked: int = 0
    changed: int = 0
    failed: int = 0


class BoundaryJudge:
    """Asks an LLM whether the text after a gap continues the article before it. Safe to call concurrently."""

    def __init__(self, engine: LLMEngine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        self._env, self.prompt_hash = prompt_env((SYSTEM, USER), settings.prompts_dir)

    def messages(self, before: str, after: str) -> list[Message]:
        try:
            system = self._env.get_template(SYSTEM).render().strip()
            user = self._env.get_template(USER).render(before=before, after=after).strip()
        except jinja2.TemplateError as exc:  # a broken user override
            raise TemplateError(f"refine prompt: {exc}") from exc
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    async def same_article(self, before: str, after: str) -> bool:
        """One cached, schema-constrained answer. Raises ``LLMError`` when none comes back."""
        answer = await self.engine.ask_cached(
            "refine",
            self.messages(before, after),
            SCHEMA,
            BoundaryAnswer,
            max_tokens=MAX_TOKENS,
            prompt_hash=self.prompt_hash,
            schema_version=REFINE_SCHEMA_VERSION,
        )
        return answer.same_article


def uncertain(gaps: list[Gap], margin: float = MARGIN, limit: int = MAX_QUESTIONS) -> list[Gap]:
    """The gaps worth asking about: |logit| < margin, the least certain ``limit`` of them, in text order."""
    close = sorted((g for g in gaps if abs(g.logit) < margin), key=lambda g: abs(g.logit))[:limit]
    return sorted(close, key=lambda g: g.start)


def context(text: str, gap: Gap, story_start: int = 0, words: int = CONTEXT_WORDS) -> tuple[str, str]:
    """What the model sees either side of ``gap``: before it, the opening words of the story it would end
    (from ``story_start``) and the words just before the gap; after it, the words just after. Whitespace is
    collapsed and cuts fall between words."""
    story = text[story_start : gap.start].split()
    lead, tail = words // 2, words - words // 2
    before = " ".join(story) if len(story) <= words else " ".join([*story[:lead], "…", *story[-tail:]])
    after = text[gap.end : gap.end + words * 12].split()[:tail]
    return before, " ".join(after)


def apply(segments: list[Segment], decisions: dict[Gap, bool]) -> list[Segment]:
    """The segments with each decided gap made a boundary (True) or not (False)."""
    out = list(segments)
    for gap, boundary in sorted(decisions.items(), key=lambda item: item[0].start):
        for k, seg in enumerate(out):
            if boundary and seg.start < gap.start and gap.end < seg.end:
                out[k : k + 1] = [Segment(seg.start, gap.start, seg.title), Segment(gap.end, seg.end, None)]
                break
            if not boundary and seg.end == gap.start and k + 1 < len(out) and out[k + 1].start == gap.end:
                out[k : k + 2] = [Segment(seg.start, out[k + 1].end, seg.title)]
                break
    return out


async def refine_split(
    text: str, judge: BoundaryJudge, stats: RefineStats | None = None, *, margin: float = MARGIN
) -> list[Segment]:
    """``split(text)``, with the uncertain boundaries decided by ``judge`` (questions asked concurrently)."""
    stats = stats if stats is not None else RefineStats()
    segments, gaps = split_gaps(text)
    asked = uncertain(gaps, margin)
    if not asked:
        return segments

    async def one(gap: Gap) -> bool | None:
        try:
            start = max((s.start for s in segments if s.start <= gap.start), default=0)
            return await judge.same_article(*context(text, gap, start))
        except LLMError:
            return None

    answers = await asyncio.gather(*(one(g) for g in asked))
    decisions: dict[Gap, bool] = {}
    for gap, same in zip(asked, answers, strict=True):
        stats.asked += 1
        if same is None:
            stats.failed += 1
        elif (not same) != gap.chosen:
            decisions[gap] = not same
    refined = apply(segments, decisions)
    stats.changed += len(decisions)
    return refined
