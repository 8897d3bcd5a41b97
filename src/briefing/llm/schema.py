"""The JSON the model must answer with, and how an answer becomes a grounded StorySummary.

The model never types a figure or a quote: it picks evidence ids (``f1``, ``q2``) and writes prose and
labels. Values, quotes and spans are then copied from the evidence, so they equal the source by
construction. Ids the evidence doesn't have are a validation error, fed back to the model once.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from briefing.llm.prompt import offered_figures
from briefing.model import Claim, Evidence, KeyFigure, NumericMention, Story, StorySummary, SummaryQuote

RESPONSE_SCHEMA_VERSION = "1"
"""Bumped whenever SummaryResponse or its meaning changes: it is part of the cache key."""

MAX_FIGURES = 4
MAX_QUOTES = 2

# Small models sometimes copy the [f1] markers of the prompt into prose, or emit raw control characters
# (llama.cpp grammars allow them): neither belongs in a reader's text.
_MARKER = re.compile(r"\s*\[[fq]\d+\]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def clean_text(text: str) -> str:
    """Prose as a reader should see it: no evidence markers, no control characters, single spaces."""
    return " ".join(_CONTROL.sub(" ", _MARKER.sub("", text)).split())


Topic = Literal[
    "politics", "business", "world", "crime", "health", "science", "technology", "sport", "culture", "other"
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FigurePick(_Strict):
    id: str
    label: str


class SummaryResponse(_Strict):
    """What the model returns for one story. Every field required, no defaults: valid in strict mode."""

    headline: str
    bullets: list[str] = Field(min_length=2, max_length=4)
    topic: Topic
    figures: list[FigurePick] = Field(max_length=MAX_FIGURES)
    quotes: list[str] = Field(max_length=MAX_QUOTES)

    @field_validator("headline")
    @classmethod
    def _prose(cls, value: str) -> str:
        value = clean_text(value)
        if not value:
            raise ValueError("must not be empty")
        return value

    @field_validator("bullets")
    @classmethod
    def _bullets(cls, value: list[str]) -> list[str]:
        cleaned = [clean_text(b) for b in value]
        if not all(cleaned):
            raise ValueError("bullets must not be empty")
        return cleaned

    @model_validator(mode="after")
    def _known_ids(self, info: ValidationInfo) -> SummaryResponse:
        evidence = info.context.get("evidence") if isinstance(info.context, dict) else None
        if not isinstance(evidence, Evidence):
            return self
        figure_ids = [f.id for f in evidence.figures]
        quote_ids = [q.id for q in evidence.quotes]
        bad_figures = [f.id for f in self.figures if f.id not in figure_ids]
        bad_quotes = [q for q in self.quotes if q not in quote_ids]
        problems = []
        if bad_figures:
            problems.append(f"unknown figure ids {bad_figures}; use only {figure_ids or 'none'}")
        if bad_quotes:
            problems.append(f"unknown quote ids {bad_quotes}; use only {quote_ids or 'none'}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def response_schema(evidence: Evidence) -> dict[str, Any]:
    """The JSON schema sent with the request, narrowed to this story's evidence ids.

    The ``enum`` of ids lets a grammar (llama.cpp) or strict mode make an unknown id impossible to
    generate; validation still checks, because not every server enforces schemas.
    """
    schema = copy.deepcopy(_BASE_SCHEMA)
    props = schema["properties"]
    figure_ids = [f.id for f in offered_figures(evidence)]
    quote_ids = [q.id for q in evidence.quotes]
    if figure_ids:
        props["figures"]["items"]["properties"]["id"]["enum"] = figure_ids
        props["figures"]["maxItems"] = min(MAX_FIGURES, len(figure_ids))
    else:
        props["figures"]["maxItems"] = 0
    if quote_ids:
        props["quotes"]["items"]["enum"] = quote_ids
        props["quotes"]["maxItems"] = min(MAX_QUOTES, len(quote_ids))
    else:
        props["quotes"]["maxItems"] = 0
    return schema


def _inline_schema() -> dict[str, Any]:
    """SummaryResponse's schema, ``$defs`` inlined and titles/descriptions dropped.

    Inlined is simpler for grammar compilers; titles and docstrings are prose for developers, not the
    model, and would only cost tokens.
    """
    schema = SummaryResponse.model_json_schema()
    defs = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(defs[node["$ref"].rsplit("/", 1)[-1]])
            return {k: inline(v) for k, v in node.items() if k not in ("title", "description")}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    result: dict[str, Any] = inline(schema)
    return result


_BASE_SCHEMA = _inline_schema()


def parse_response(text: str, evidence: Evidence) -> SummaryResponse:
    """Validate the model's JSON against the schema and this story's evidence ids.

    Raises ``pydantic.ValidationError`` (its message is what the re-ask feeds back).
    """
    return SummaryResponse.model_validate_json(text, context={"evidence": evidence})


_KIND_LABELS = {"money": "amount", "percent": "share", "quantity": "amount"}


def _label(label: str, mention: NumericMention) -> str:
    """The model's label without the figure itself (small models echo ``£12.5m`` as its own label)."""
    # Only the figure as a whole word: "2" must not be cut out of "28 languages".
    echoed = re.compile(r"(?<![\w.,])" + re.escape(mention.text) + r"(?![\w]|[.,]\d)")
    words = clean_text(echoed.sub(" ", label)).strip(" :-—")
    if words:
        return words
    if mention.kind == "count" and mention.unit:
        return mention.unit  # the counted noun
    return _KIND_LABELS.get(mention.kind, "figure")


def to_story_summary(
    response: SummaryResponse, story: Story, evidence: Evidence, engine: str
) -> StorySummary:
    """Build the StorySummary, copying every figure value and quote from its evidence span."""
    figures: list[KeyFigure] = []
    for pick in response.figures:
        mention = evidence.figure(pick.id)
        if mention is None or any(f.figure_id == pick.id for f in figures):
            continue
        figures.append(
            KeyFigure(
                figure_id=mention.id,
                value=mention.text,
                label=_label(pick.label, mention),
                start=mention.start,
                end=mention.end,
            )
        )
    quotes: list[SummaryQuote] = []
    for quote_id in dict.fromkeys(response.quotes):
        quote = evidence.quote(quote_id)
        if quote is not None:
            quotes.append(
                SummaryQuote(
                    quote_id=quote.id,
                    text=quote.text,
                    speaker=quote.speaker,
                    start=quote.start,
                    end=quote.end,
                )
            )
    return StorySummary(
        story_id=story.id,
        headline=Claim(text=response.headline),
        bullets=[Claim(text=b) for b in response.bullets],
        key_figures=figures,
        quotes=quotes,
        topic=response.topic,
        engine=engine,
    )
