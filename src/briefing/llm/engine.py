"""The LLM engine's common path: fit, prompt, cache, budget, call, validate, re-ask, ground.

A concrete engine (openai, local) only says how to send one chat request and count tokens; everything a
user relies on (cached answers, the cost budget, schema validation with one re-ask, a bigger budget for
truncated answers, grounded figures and quotes) lives here once.

Long stories: a story longer than ``max_story_tokens`` is cut at the last sentence end that fits and
only that part (and its evidence) is summarised. News puts the essentials first, and one call per
story keeps cost and latency predictable; chunk-and-merge would double the calls for little gain.
"""

from __future__ import annotations

import abc
import json
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from briefing.engines.base import Usage
from briefing.errors import BudgetError, LLMError
from briefing.llm.cache import AnswerCache, cache_key
from briefing.llm.pricing import DEFAULT_PRICES, Price, price_for
from briefing.llm.prompt import Message, Prompts, load_prompts
from briefing.llm.schema import (
    RESPONSE_SCHEMA_VERSION,
    SummaryResponse,
    parse_response,
    response_schema,
    to_story_summary,
)
from briefing.llm.tokens import count_chat_tokens
from briefing.model import Evidence, Story, StorySummary
from briefing.sentences import sentence_spans
from briefing.settings import Settings

AnswerT = TypeVar("AnswerT", bound=BaseModel)

DEFAULT_MAX_TOKENS = 512
"""Answer budget of a first attempt; doubled (twice at most) when an answer is cut off."""
MAX_GROWTHS = 2


@dataclass(frozen=True)
class Completion:
    """One chat answer as the engine needs it. Token counts are None when the server doesn't say."""

    text: str
    finish_reason: str | None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class LLMEngine(abc.ABC):
    """Summarises stories with an LLM. Safe to call concurrently; subclasses implement ``_complete``."""

    name: str = "llm"

    def __init__(
        self,
        settings: Settings,
        *,
        prompts: Prompts | None = None,
        prices: dict[str, Price] | None = None,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        max_story_tokens: int = 6000,
    ) -> None:
        self.settings = settings
        self.model: str | None = settings.model
        self.usage = Usage()
        self.prompts = prompts or load_prompts(settings.prompts_dir)
        self.prices = prices if prices is not None else dict(DEFAULT_PRICES)
        self.max_tokens = max_tokens
        self.max_story_tokens = max_story_tokens
        self.cache = AnswerCache(settings)
        self._reserved = 0.0  # estimated cost of requests in flight, so concurrent calls respect max_cost

    # -- what a concrete engine provides ------------------------------------------------------------

    @abc.abstractmethod
    async def _complete(self, messages: list[Message], schema: dict[str, Any], max_tokens: int) -> Completion:
        """Send one chat request (with its own transient-error retries) and return the answer.

        Raises ``LLMError`` when the request cannot succeed.
        """

    @abc.abstractmethod
    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` for this engine's model."""

    @abc.abstractmethod
    def cache_identity(self) -> dict[str, Any]:
        """What identifies this engine's answers in the cache (model, server, output mode); no secrets."""

    # -- the common path ---------------------------------------------------------------------------

    async def summarize(self, story: Story, evidence: Evidence) -> StorySummary:
        """Summarise one story; raises ``LLMError`` (caller falls back) or ``BudgetError``."""
        part, part_evidence = self.fit(story, evidence)
        return await self._answer(story, part_evidence, self.prompts.messages(part, part_evidence), "summary")

    async def revise(
        self, story: Story, evidence: Evidence, summary: StorySummary, failures: list[str]
    ) -> StorySummary:
        """Ask once more, with the answer that was given and the ``failures`` its checks found listed.

        The new answer is a whole summary in the same schema; the caller checks it again and keeps only
        what now passes. Raises ``LLMError`` or ``BudgetError`` like :meth:`summarize`.
        """
        part, part_evidence = self.fit(story, evidence)
        previous = {
            "headline": summary.headline.text,
            "bullets": [b.text for b in summary.bullets],
            "topic": summary.topic,
            "figures": [{"id": f.figure_id, "label": f.label} for f in summary.key_figures],
            "quotes": [q.quote_id for q in summary.quotes],
        }
        messages = [
            *self.prompts.messages(part, part_evidence),
            {"role": "assistant", "content": json.dumps(previous, ensure_ascii=False)},
            self.prompts.revise(failures),
        ]
        return await self._answer(story, part_evidence, messages, "revision")

    async def _answer(
        self, story: Story, evidence: Evidence, messages: list[Message], kind: str
    ) -> StorySummary:
        """The validated answer to ``messages``: from the cache, else asked (and cached)."""
        key = cache_key(
            kind=kind,
            engine=self.name,
            identity=self.cache_identity(),
            prompt=self.prompts.hash,
            schema=RESPONSE_SCHEMA_VERSION,
            messages=messages,
            temperature=self.settings.temperature,
            seed=self.settings.seed,
        )
        cached = self.cache.get(key)
        if cached is not None:
            try:
                response = parse_response(cached, evidence)
            except ValidationError:
                pass  # an entry from an incompatible version: ask again and overwrite it
            else:
                self.usage.cache_hits += 1
                return to_story_summary(response, story, evidence, self.name)
        response = await self._ask(messages, evidence)
        self.cache.set(key, response.model_dump_json())
        return to_story_summary(response, story, evidence, self.name)

    def fit(self, story: Story, evidence: Evidence) -> tuple[Story, Evidence]:
        """The part of ``story`` that fits ``max_story_tokens`` (cut at a sentence end) and its evidence."""
        # a token spans at least one byte: most stories fit without counting (or loading a tokenizer)
        if len(story.text.encode()) <= self.max_story_tokens:
            return story, evidence
        tokens = self.count_tokens(story.text)
        if tokens <= self.max_story_tokens:
            return story, evidence
        limit = int(len(story.text) * self.max_story_tokens / tokens)
        ends = [end for _, end in sentence_spans(story.text) if end <= limit]
        cut = ends[-1] if ends else limit
        while cut > 0 and self.count_tokens(story.text[:cut]) > self.max_story_tokens:
            cut = int(cut * 0.9)
        end = story.start + cut
        part = story.model_copy(update={"end": end, "text": story.text[:cut]})
        kept = evidence.model_copy(
            update={
                "figures": [f for f in evidence.figures if f.end <= end],
                "quotes": [q for q in evidence.quotes if q.end <= end],
            }
        )
        return part, kept

    async def _ask(self, messages: list[Message], evidence: Evidence) -> SummaryResponse:
        schema = response_schema(evidence)
        max_tokens = self.max_tokens
        growths = 0
        reasked = False
        while True:
            completion = await self._call(messages, schema, max_tokens)
            if completion.finish_reason == "length":
                if growths >= MAX_GROWTHS:
                    raise LLMError(f"{self.name}: answer still cut off at {max_tokens} tokens")
                growths += 1
                max_tokens *= 2
                continue
            try:
                return parse_response(completion.text, evidence)
            except ValidationError as exc:
                problem = _describe(exc)
                if reasked:
                    raise LLMError(f"{self.name}: invalid answer after a re-ask: {problem}") from None
                reasked = True
                messages = [
                    *messages,
                    {"role": "assistant", "content": completion.text},
                    self.prompts.reask(problem),
                ]

    async def ask_cached(
        self,
        kind: str,
        messages: list[Message],
        schema: dict[str, Any],
        answer: type[AnswerT],
        *,
        max_tokens: int,
        prompt_hash: str,
        schema_version: str,
    ) -> AnswerT:
        """One small schema-constrained question (the judge's, --refine's), its validated answer cached.

        Raises ``LLMError`` (prefixed with ``kind``) when the answer is cut off or invalid, and
        ``BudgetError`` like every call.
        """
        key = cache_key(
            kind=kind,
            engine=self.name,
            identity=self.cache_identity(),
            prompt=prompt_hash,
            schema=schema_version,
            messages=messages,
            temperature=self.settings.temperature,
            seed=self.settings.seed,
        )
        cached = self.cache.get(key)
        if cached is not None:
            try:
                parsed = answer.model_validate_json(cached)
            except ValidationError:
                pass  # an entry from an incompatible version: ask again
            else:
                self.usage.cache_hits += 1
                return parsed
        completion = await self._call(messages, schema, max_tokens)
        if completion.finish_reason == "length":
            raise LLMError(f"{kind}: answer cut off at {max_tokens} tokens")
        try:
            parsed = answer.model_validate_json(completion.text)
        except ValidationError as exc:
            raise LLMError(f"{kind}: invalid answer: {exc.errors()[0]['msg']}") from None
        self.cache.set(key, parsed.model_dump_json())
        return parsed

    async def _call(self, messages: list[Message], schema: dict[str, Any], max_tokens: int) -> Completion:
        price = price_for(self.model, self.prices)
        prompt_tokens = count_chat_tokens(messages, self.count_tokens)
        estimate = price.cost(prompt_tokens, max_tokens)
        limit = self.settings.max_cost
        if limit is not None and self.usage.cost_usd + self._reserved + estimate > limit:
            raise BudgetError(
                f"the next request (up to ${estimate:.4f}) would take the run past --max-cost ${limit:g} "
                f"(spent ${self.usage.cost_usd:.4f})"
            )
        self._reserved += estimate
        try:
            completion = await self._complete(messages, schema, max_tokens)
        finally:
            self._reserved -= estimate
        used_prompt = completion.prompt_tokens if completion.prompt_tokens is not None else prompt_tokens
        used_completion = completion.completion_tokens
        if used_completion is None:
            used_completion = self.count_tokens(completion.text)
        self.usage.llm_calls += 1
        self.usage.prompt_tokens += used_prompt
        self.usage.completion_tokens += used_completion
        self.usage.cost_usd += price.cost(used_prompt, used_completion)
        return completion

    async def aclose(self) -> None:
        """Release the cache (and, in subclasses, network clients or the model)."""
        self.cache.close()


def _describe(exc: ValidationError) -> str:
    """A validation error in a few words the model can act on: where, and what is wrong."""
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error["loc"]) or "answer"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)
