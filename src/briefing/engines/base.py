"""The engine seam: one protocol every summariser implements, and the usage counters it keeps.

Engines are async so LLM engines can summarise stories concurrently; the pipeline bounds concurrency,
wraps every engine with the extractive fallback, and reads ``usage`` for the run stats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from briefing.model import Evidence, Story, StorySummary


@dataclass
class Usage:
    """Counters an engine adds to while it works; the pipeline copies them into RunStats."""

    llm_calls: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0


@runtime_checkable
class Engine(Protocol):
    """Summarises one story from its text and the evidence extracted from it.

    Raises ``LLMError`` when it cannot (after its own retries); the pipeline then falls back to the
    extractive engine for that story and marks the summary as a fallback.
    """

    name: str
    model: str | None
    usage: Usage

    async def summarize(self, story: Story, evidence: Evidence) -> StorySummary: ...
