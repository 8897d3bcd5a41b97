"""The response schema: ids must exist, prose is cleaned, values and quotes come from their spans."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from briefing.llm.schema import parse_response, response_schema, to_story_summary
from briefing.model import Evidence, Story

StoryEvidence = tuple[Story, Evidence]


def answer(**changes: object) -> str:
    base: dict[str, object] = {
        "headline": "Marlow Vale approves flood plan",
        "bullets": ["The council approved the plan.", "Work starts in March."],
        "topic": "politics",
        "figures": [{"id": "f1", "label": "cost of the plan"}, {"id": "f2", "label": "homes damaged"}],
        "quotes": ["q2"],
    }
    return json.dumps({**base, **changes})


def test_valid_answer_becomes_a_grounded_summary(llm_story: StoryEvidence) -> None:
    story, evidence = llm_story
    summary = to_story_summary(parse_response(answer(), evidence), story, evidence, "openai")
    bundle = " " * story.start + story.text
    assert [(f.value, f.label) for f in summary.key_figures] == [
        ("£12.5m", "cost of the plan"),
        ("340", "homes damaged"),
    ]
    assert all(bundle[f.start : f.end] == f.value and f.status == "grounded" for f in summary.key_figures)
    [quote] = summary.quotes
    assert bundle[quote.start : quote.end] == quote.text == "welcome but two years too late for many of us"
    assert quote.speaker == evidence.quotes[1].speaker
    assert summary.topic == "politics" and summary.engine == "openai" and not summary.fallback


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"figures": [{"id": "f42", "label": "x"}]}, "unknown figure ids ['f42']"),
        ({"quotes": ["q9"]}, "unknown quote ids ['q9']"),
        ({"bullets": ["only one"]}, "at least 2"),
        ({"bullets": ["a", "b", "c", "d", "e"]}, "at most 4"),
        ({"headline": "  "}, "must not be empty"),
        ({"topic": "gossip"}, "politics"),
        ({"extra": 1}, "Extra inputs"),
    ],
)
def test_invalid_answers_are_rejected(
    changes: dict[str, object], message: str, llm_story: StoryEvidence
) -> None:
    with pytest.raises(ValidationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_response(answer(**changes), llm_story[1])


def test_markers_and_control_characters_are_cleaned_from_prose(llm_story: StoryEvidence) -> None:
    response = parse_response(
        answer(headline="Plan costs £12.5m[f1]\x07 now", bullets=["a [q1]", "b\nc"]), llm_story[1]
    )
    assert response.headline == "Plan costs £12.5m now" and response.bullets == ["a", "b c"]


def test_labels_never_repeat_the_figure(llm_story: StoryEvidence) -> None:
    story, evidence = llm_story
    text = answer(figures=[{"id": "f1", "label": "£12.5m"}, {"id": "f2", "label": "340 homes"}])
    summary = to_story_summary(parse_response(text, evidence), story, evidence, "local")
    assert [f.label for f in summary.key_figures] == ["amount", "homes"]


def test_repeated_ids_show_once(llm_story: StoryEvidence) -> None:
    story, evidence = llm_story
    text = answer(figures=[{"id": "f1", "label": "a"}, {"id": "f1", "label": "b"}], quotes=["q1", "q1"])
    summary = to_story_summary(parse_response(text, evidence), story, evidence, "local")
    assert len(summary.key_figures) == 1 and len(summary.quotes) == 1


def test_schema_offers_only_this_story_ids(llm_story: StoryEvidence) -> None:
    _, evidence = llm_story
    schema = response_schema(evidence)
    figures = schema["properties"]["figures"]
    assert figures["items"]["properties"]["id"]["enum"] == [f.id for f in evidence.figures]
    assert schema["properties"]["quotes"]["items"]["enum"] == ["q1", "q2"]
    assert schema["properties"]["quotes"]["maxItems"] == 2
    empty = response_schema(Evidence(story_id="s9"))
    assert (
        empty["properties"]["figures"]["maxItems"] == 0
        and "enum" not in empty["properties"]["quotes"]["items"]
    )
    assert "$defs" not in schema and "$ref" not in json.dumps(schema)


def test_a_label_keeps_a_longer_number_that_holds_the_figure(llm_story: StoryEvidence) -> None:
    story, evidence = llm_story
    text = answer(figures=[{"id": "f2", "label": "1340 homes in all"}])
    summary = to_story_summary(parse_response(text, evidence), story, evidence, "local")
    assert [f.label for f in summary.key_figures] == ["1340 homes in all"]
