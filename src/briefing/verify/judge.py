"""An LLM judge for claims the deterministic checks passed (``--judge``).

The deterministic verdict comes first and a failure there is final: the judge can only take a claim's
"supported" away, never give it (:func:`combine`). That keeps the judge's errors one-sided: at worst it
drops a good bullet, it never lets a wrong one through.

The model sees the source as numbered sentences and answers with sentence ids (an ``enum`` in the
schema, so a grammar makes other ids impossible), a yes/no and a short reason; the ids are mapped back
to character spans. Long sources are cut to the sentences that share most words with the claim (plus
those the deterministic alignment found): a 1.5B model on a CPU reads a few hundred tokens in seconds,
a whole article in tens of seconds, and judges no better for the extra text.

Transport, retries, budget and token accounting are the summarising engine's (``LLMEngine._call``), so
``--base-url``/``--api-key`` (openai-compatible) and a local GGUF model both work; verdicts are cached
in the same disk cache under their own keys.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import jinja2
from pydantic import BaseModel, ConfigDict

from briefing.errors import ConfigError, LLMError, TemplateError
from briefing.llm.engine import LLMEngine
from briefing.llm.prompt import Message, prompt_env
from briefing.model import Claim, Span, Story, StorySummary
from briefing.sentences import sentence_spans
from briefing.settings import Settings
from briefing.verify.claims import CheckResult, check_claim
from briefing.verify.jsonl import parse_rows, result_row
from briefing.verify.text import is_content, tokens

SYSTEM = "judge.system.j2"
USER = "judge.user.j2"
JUDGE_SCHEMA_VERSION = "1"
"""Bumped whenever the answer schema or its meaning changes: it is part of the cache key."""
MAX_SENTENCES = 8
"""Source sentences shown to the model at most (see the module docstring)."""
MAX_TOKENS = 160
MAX_REASON = 200
"""Characters of reason asked for; not validated (servers don't all enforce it), cut when shown."""


class JudgeAnswer(BaseModel):
    """What the model fills, in this order: the sentences the claim rests on, yes/no, then why."""

    model_config = ConfigDict(extra="forbid")

    sentence_ids: list[int]
    supported: bool
    reason: str


@dataclass(frozen=True)
class Verdict:
    """The judge's verdict on one claim; ``spans`` are offsets into the source of the sentences it cited."""

    supported: bool
    reason: str
    spans: list[tuple[int, int]] = field(default_factory=list)


def combine(deterministic: CheckResult, verdict: Verdict | None) -> CheckResult:
    """The final result: a deterministic failure is never overridden; the judge can only reject.

    ``verdict`` None means the judge was asked and could not answer: the deterministic result stands,
    with an issue saying so (``supported`` is unchanged).
    """
    if not deterministic.supported:
        return deterministic
    if verdict is None:
        return replace(deterministic, issues=[*deterministic.issues, "judge unavailable"])
    if verdict.supported:
        return deterministic
    # the score of a claim with one issue and the same coverage (see check_claim): below 0.5
    coverage_score = max(0.0, deterministic.score - 0.55)
    return CheckResult(
        supported=False,
        score=round(coverage_score, 3),
        issues=[_rejection(verdict)],
        evidence=verdict.spans or deterministic.evidence,
    )


def _rejection(verdict: Verdict) -> str:
    return f"judge: {verdict.reason or 'not supported by the source'}"


async def judge_summary(
    judge: Judge, story: Story, checked: StorySummary, bundle_text_offset: int = 0
) -> StorySummary:
    """Ask the judge about the headline and bullets ``verify_summary`` marked supported.

    A rejected claim becomes ``unsupported`` (the policy then repairs or drops it, as for any failed
    check) with the judge's reason and cited spans (bundle offsets, as in ``verify_summary``); a failed
    call leaves the claim supported with a "judge unavailable" issue. Other statuses are left alone.
    """
    base = bundle_text_offset + story.start

    async def one(item: Claim) -> Claim:
        if item.status not in ("supported", "repaired"):  # repaired: by the policy's re-ask, unjudged yet
            return item
        local = [(span.start - base, span.end - base) for span in item.evidence]
        try:
            verdict = await judge.check(story.text, item.text, local)
        except LLMError:
            return item.model_copy(update={"issues": [*item.issues, "judge unavailable"]})
        if verdict.supported:
            return item
        spans = [Span(start=base + s, end=base + e) for s, e in verdict.spans] or item.evidence
        issues = [*item.issues, _rejection(verdict)]
        return item.model_copy(update={"status": "unsupported", "evidence": spans, "issues": issues})

    headline, *bullets = await asyncio.gather(*(one(c) for c in [checked.headline, *checked.bullets]))
    return checked.model_copy(update={"headline": headline, "bullets": bullets})


def candidate_sentences(
    source: str, claim: str, evidence: Iterable[tuple[int, int]] = (), limit: int = MAX_SENTENCES
) -> list[tuple[int, int]]:
    """The source sentences to show, in source order: all of them, or the ``limit`` most relevant."""
    spans = sentence_spans(source) or [(0, len(source))]
    if len(spans) <= limit:
        return spans
    wanted = {t.stem for t in tokens(claim) if is_content(t)}
    pinned = set(evidence)

    def relevance(span: tuple[int, int]) -> tuple[bool, int]:
        words = {t.stem for t in tokens(source[span[0] : span[1]]) if is_content(t)}
        return span in pinned, len(wanted & words)

    best = sorted(spans, key=relevance, reverse=True)[:limit]
    return sorted(best)


class Judge:
    """Asks an LLM whether a claim is supported. Safe to call concurrently; close with :meth:`aclose`."""

    def __init__(self, engine: LLMEngine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        self._env, self.prompt_hash = prompt_env((SYSTEM, USER), settings.prompts_dir)

    def messages(self, source: str, claim: str, spans: list[tuple[int, int]]) -> list[Message]:
        """The chat messages: numbered source sentences (fenced, as data), then the claim and question."""
        sentences = [(n, " ".join(source[s:e].split())) for n, (s, e) in enumerate(spans, 1)]
        try:
            system = self._env.get_template(SYSTEM).render().strip()
            user = self._env.get_template(USER).render(sentences=sentences, claim=" ".join(claim.split()))
        except jinja2.TemplateError as exc:
            raise TemplateError(f"judge prompt: {exc}") from exc
        return [{"role": "system", "content": system}, {"role": "user", "content": user.strip()}]

    async def check(self, source: str, claim: str, evidence: Iterable[tuple[int, int]] = ()) -> Verdict:
        """One schema-constrained verdict (cached). Raises ``LLMError`` when no valid answer comes back.

        ``evidence``: sentence spans the deterministic check aligned the claim to, always shown.
        """
        spans = candidate_sentences(source, claim, evidence)
        messages = self.messages(source, claim, spans)
        answer = await self.engine.ask_cached(
            "judge",
            messages,
            _schema(len(spans)),
            JudgeAnswer,
            max_tokens=MAX_TOKENS,
            prompt_hash=self.prompt_hash,
            schema_version=JUDGE_SCHEMA_VERSION,
        )
        return _verdict(answer, spans)

    async def judged(self, source: str, claim: str) -> CheckResult:
        """check_claim, then (only if it passed) the judge; a failed judge call leaves a marked result."""
        deterministic = check_claim(source, claim)
        if not deterministic.supported:
            return deterministic
        try:
            verdict: Verdict | None = await self.check(source, claim, deterministic.evidence)
        except LLMError:
            verdict = None
        return combine(deterministic, verdict)

    async def aclose(self) -> None:
        await self.engine.aclose()


def _schema(n: int) -> dict[str, Any]:
    """The answer schema with sentence ids limited to 1..n (an enum: grammars enforce it, min/max not)."""
    return {
        "type": "object",
        "properties": {
            "sentence_ids": {"type": "array", "items": {"type": "integer", "enum": list(range(1, n + 1))}},
            "supported": {"type": "boolean"},
            "reason": {"type": "string", "maxLength": MAX_REASON},
        },
        "required": ["sentence_ids", "supported", "reason"],
        "additionalProperties": False,
    }


def _verdict(answer: JudgeAnswer, spans: list[tuple[int, int]]) -> Verdict:
    cited = [spans[i - 1] for i in dict.fromkeys(answer.sentence_ids) if 1 <= i <= len(spans)]
    return Verdict(
        supported=answer.supported, reason=" ".join(answer.reason.split())[:MAX_REASON], spans=sorted(cited)
    )


def make_judge(settings: Settings) -> Judge:
    """A judge on the LLM ``settings`` configure (base URL / API key, else a local model).

    Raises ``ConfigError`` when no LLM is configured: ``--judge`` without one is a mistake, not a no-op.
    """
    from briefing.engines.factory import make_engine

    engine, reason = make_engine(settings)
    if not isinstance(engine, LLMEngine):
        raise ConfigError(f"--judge needs an LLM (--base-url, an API key or a local model); {reason}")
    return Judge(engine, settings)


def check_jsonl_with_judge(lines: Iterable[str], judge: Judge, concurrency: int = 4) -> Iterator[str]:
    """Like :func:`briefing.verify.check_jsonl`, with the judge on claims that pass: one row per input row.

    Runs its own event loop (call it from synchronous code). Rows are judged ``concurrency`` at a time
    and yielded in input order. Raises InputError on a malformed row, before any LLM call.
    """
    rows = list(parse_rows(lines))

    async def run() -> list[CheckResult]:
        gate = asyncio.Semaphore(concurrency)

        async def one(source: str, claim: str) -> CheckResult:
            async with gate:
                return await judge.judged(source, claim)

        try:
            return await asyncio.gather(*(one(source, claim) for _, source, claim in rows))
        finally:
            await judge.aclose()

    for (row_id, _, _), result in zip(rows, asyncio.run(run()), strict=True):
        yield result_row(row_id, result)
