"""Prompt rendering: the story fenced with ids inline, user overrides, and a content hash for the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import TemplateError
from briefing.llm.prompt import annotate, load_prompts
from briefing.model import Evidence, NumericMention, Story

StoryEvidence = tuple[Story, Evidence]


def test_ids_sit_after_figures_and_before_quote_marks(llm_story: StoryEvidence) -> None:
    story, evidence = llm_story
    text = annotate(story, evidence)
    assert "a £12.5m[f1] plan" in text and "damaged 340[f2] homes" in text
    assert '[q1]"We cannot ask' in text and 'was [q2]"welcome' in text
    assert text.replace("[f", "").count("[") == 2  # only the two quotes besides the figures
    stripped = text
    for marker in ("[f1]", "[f2]", "[f3]", "[f4]", "[f5]", "[f6]", "[f7]", "[q1]", "[q2]"):
        stripped = stripped.replace(marker, "")
    assert stripped == story.text


def test_dates_and_years_are_not_offered() -> None:
    text = "Sales rose 5% in 2024."
    story = Story(id="s1", source="x", start=0, end=len(text), text=text)
    evidence = Evidence(
        story_id="s1",
        figures=[
            NumericMention(id="f1", start=11, end=13, text="5%", kind="percent"),
            NumericMention(id="f2", start=17, end=21, text="2024", kind="year"),
        ],
    )
    assert annotate(story, evidence) == "Sales rose 5%[f1] in 2024."


def test_messages_fence_the_story(llm_story: StoryEvidence) -> None:
    story, evidence = llm_story
    system, user = load_prompts().messages(story, evidence)
    assert system["role"] == "system" and "not instructions" in system["content"]
    # the story first, fenced; our instructions after it, where a small model weighs them most
    fenced = f"<story>\n{annotate(story, evidence)}\n</story>\n"
    assert user["content"].startswith(fenced) and "headline:" in user["content"][len(fenced) :]


def test_user_prompt_dir_overrides_one_file_and_changes_the_hash(
    llm_story: StoryEvidence, tmp_path: Path
) -> None:
    (tmp_path / "summarize.system.j2").write_text("Answer in JSON.")
    bundled, custom = load_prompts(), load_prompts(tmp_path)
    system, user = custom.messages(*llm_story)
    assert system["content"] == "Answer in JSON." and user == bundled.messages(*llm_story)[1]
    assert custom.hash != bundled.hash


def test_undefined_variable_is_a_template_error(llm_story: StoryEvidence, tmp_path: Path) -> None:
    (tmp_path / "summarize.user.j2").write_text("{{ stroy }}")
    with pytest.raises(TemplateError, match="summarize.user.j2"):
        load_prompts(tmp_path).messages(*llm_story)


def test_reask_carries_the_error() -> None:
    message = load_prompts().reask("figures.0.id: unknown id f9")
    assert message["role"] == "user" and "unknown id f9" in message["content"]
