"""The domain model: frozen pydantic values that flow through the pipeline.

Every span (``start``/``end``) is a character offset into the *bundle text* the story came from, so
anything shown to a reader can be traced back to the exact source characters: ``bundle.text[start:end]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"
"""Bumped whenever a model that is cached or exported changes shape."""


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """A half-open character range ``[start, end)`` into a bundle's text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Bundle(Frozen):
    """One input text: several articles glued together, as a user pasted or collected them."""

    text: str
    source: str = Field(description="Where the text came from: a path, '<stdin>', or 'file.jsonl#id'.")


class Story(Frozen):
    """One story cut out of a bundle. ``text == bundle.text[start:end]``."""

    id: str
    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    title: str | None = None


FigureKind = Literal["money", "percent", "count", "date", "year", "quantity", "number"]


class NumericMention(Frozen):
    """A number as written in the source (``£20m``, ``eight regulations``, ``Sept. 5``, ``76%``).

    ``text`` is exactly ``bundle.text[start:end]``; ``value``/``unit`` are its normalised reading, used to
    compare numbers written differently (``£20m`` = ``20 million pounds``).
    """

    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: FigureKind
    value: float | None = None
    unit: str | None = Field(default=None, description="ISO currency, '%', 'pp', a counted noun, 'date'.")
    context: str = Field(default="", description="The sentence the mention sits in, for labels and prompts.")


class Quote(Frozen):
    """A quotation in the source and who the source says said it. ``text`` excludes the quote marks."""

    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


class Evidence(Frozen):
    """What the deterministic extractor found in one story: the only figures and quotes a summary may show."""

    story_id: str
    figures: list[NumericMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)

    def figure(self, figure_id: str) -> NumericMention | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    def quote(self, quote_id: str) -> Quote | None:
        return next((q for q in self.quotes if q.id == quote_id), None)


Status = Literal["grounded", "supported", "unverified", "repaired", "unsupported", "dropped"]
"""How an item relates to its source.

- grounded: copied from a source span by construction (extractive text, figures and quotes chosen by id);
- supported: generated prose that the verifier matched to source spans;
- unverified: generated prose that has not been checked (no verifier ran);
- repaired: generated prose that failed a check and was fixed;
- unsupported: failed a check and is shown marked (only when the policy keeps it);
- dropped: failed a check and is not shown (kept in JSON for the record).
"""


class Claim(Frozen):
    """A piece of prose shown to the reader (headline or bullet) and the source spans that back it."""

    text: str
    status: Status = "unverified"
    evidence: list[Span] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)


class KeyFigure(Frozen):
    """A figure shown to the reader: ``value`` is the source text at its span; ``label`` says what."""

    figure_id: str
    value: str
    label: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    status: Status = "grounded"


class SummaryQuote(Frozen):
    """A quote shown to the reader, copied from the source span, with the speaker the source names."""

    quote_id: str
    text: str
    speaker: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    status: Status = "grounded"


class StorySummary(Frozen):
    """What an engine made of one story."""

    story_id: str
    headline: Claim
    bullets: list[Claim]
    key_figures: list[KeyFigure] = Field(default_factory=list)
    quotes: list[SummaryQuote] = Field(default_factory=list)
    topic: str = ""
    engine: str = Field(description="The engine that produced this summary: extractive, openai, local.")
    fallback: bool = Field(default=False, description="True when the LLM failed and extractive stood in.")
    fallback_reason: str | None = None


class VerificationReport(Frozen):
    """What verification found for one story: counts of items and every issue, prefixed by its item."""

    story_id: str
    checked: int = 0
    passed: int = 0
    repaired: int = 0
    dropped: int = 0
    issues: list[str] = Field(default_factory=list)


class BriefingItem(Frozen):
    """One story and its summary, as it appears in a briefing."""

    story: Story
    summary: StorySummary
    verification: VerificationReport | None = None
    also_in: list[str] = Field(
        default_factory=list, description="Sources of near-duplicate stories merged here."
    )


class RunStats(Frozen):
    """What a run cost and how it went."""

    engine: str
    engine_reason: str = ""
    model: str | None = None
    stories: int = 0
    llm_calls: int = 0
    cache_hits: int = 0
    fallbacks: int = 0
    revisions: int = Field(default=0, description="Stories the LLM was asked again about, failures listed.")
    failed_checks: int = Field(default=0, description="Items that failed verification (repaired or dropped).")
    boundaries_asked: int = Field(default=0, description="Uncertain story boundaries asked about (--refine).")
    boundaries_changed: int = Field(default=0, description="Of those, where the LLM overrode the splitter.")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    seconds: float = 0.0


class Briefing(Frozen):
    """A finished briefing: what every renderer and deliverer receives."""

    schema_version: str = SCHEMA_VERSION
    title: str
    date: dt.date
    sources: list[str] = Field(default_factory=list)
    items: list[BriefingItem] = Field(default_factory=list)
    stats: RunStats

    @property
    def degraded(self) -> int:
        return sum(1 for item in self.items if item.summary.fallback)
