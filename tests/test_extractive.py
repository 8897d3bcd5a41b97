"""The extractive engine on fictional stories: everything it shows is a source span, and it reads well."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from briefing.engines.base import Engine
from briefing.engines.extractive import ExtractiveEngine
from briefing.evidence import extract_evidence
from briefing.model import Story, StorySummary
from briefing.sentences import sentence_spans

FIXTURES = Path(__file__).parent / "fixtures"
PREFIX = "Another story sits before this one in the bundle.\n\n"
TITLED = {"council", "sport"}


def bundle_story(name: str) -> tuple[str, Story]:
    text = (FIXTURES / f"evidence_{name}.txt").read_text(encoding="utf-8")
    bundle = PREFIX + text
    title = text.split("\n", 1)[0] if name in TITLED else None
    return bundle, Story(id=name, source="t", start=len(PREFIX), end=len(bundle), text=text, title=title)


def summarize(name: str) -> tuple[str, Story, StorySummary]:
    bundle, story = bundle_story(name)
    return bundle, story, ExtractiveEngine().summarize_sync(story, extract_evidence(story))


def test_is_an_engine() -> None:
    engine = ExtractiveEngine()
    assert isinstance(engine, Engine)
    assert (engine.name, engine.model) == ("extractive", None)
    _, story = bundle_story("council")
    summary = asyncio.run(engine.summarize(story, extract_evidence(story)))
    assert summary.engine == "extractive" and not summary.fallback and summary.fallback_reason is None
    assert engine.usage.llm_calls == 0


def test_fallback_is_marked() -> None:
    _, story = bundle_story("council")
    summary = ExtractiveEngine().summarize_sync(story, extract_evidence(story), fallback_reason="timeout")
    assert summary.fallback and summary.fallback_reason == "timeout" and summary.engine == "extractive"


@pytest.mark.parametrize("name", ["council", "markets", "sport", "teaser"])
def test_everything_is_a_source_span(name: str) -> None:
    bundle, story, s = summarize(name)
    assert s.story_id == story.id
    assert s.headline.status == "grounded" and len(s.headline.evidence) == 1
    span = s.headline.evidence[0]
    assert bundle[span.start : span.end] == s.headline.text
    assert 1 <= len(s.headline.text) <= 100
    assert not s.headline.text.endswith((",", ";", ":", " the", " a", " of", " to", " and"))
    for b in s.bullets:
        assert b.status == "grounded" and bundle[b.evidence[0].start : b.evidence[0].end] == b.text
    for k in s.key_figures:
        assert bundle[k.start : k.end] == k.value and k.status == "grounded"
        assert 1 <= len(k.label.split()) <= 8
        assert all(word in story.text for word in k.label.split())
    for q in s.quotes:
        assert bundle[q.start : q.end] == q.text and q.status == "grounded"
    assert len(s.key_figures) <= 4 and len(s.quotes) <= 2


@pytest.mark.parametrize("name", ["council", "markets", "sport", "teaser"])
def test_bullets_are_whole_sentences_in_source_order(name: str) -> None:
    bundle, story, s = summarize(name)
    ends = {story.start + b: story.start + a for a, b in sentence_spans(story.text)}
    spans = [(b.evidence[0].start, b.evidence[0].end) for b in s.bullets]
    # A whole sentence, or one less its dateline ("KESTREL BAY (Wire) - ").
    for start, end in spans:
        assert end in ends and (start == ends[end] or bundle[ends[end] : start].endswith(") - "))
    assert spans == sorted(spans) and len(set(spans)) == len(spans)
    assert all(b.text != s.headline.text for b in s.bullets)


def test_titled_story() -> None:
    _, _, s = summarize("council")
    assert s.headline.text == "Harrowgate council backs £35bn transport plan"
    assert 2 <= len(s.bullets) <= 4
    assert s.bullets[0].text.startswith("The Harrowgate regional council on Tuesday approved a £35bn")
    figures = {k.value: k.label for k in s.key_figures}
    assert figures["£35bn"] == "transport plan"
    assert figures["eight"] == "regulations"
    assert "76%" in figures
    assert all(k.value not in {"2028", "August 2022"} for k in s.key_figures)  # years and dates last
    assert [q.speaker for q in s.quotes] and all(q.speaker for q in s.quotes)
    assert s.topic == "politics"


def test_untitled_story_headline_is_a_trimmed_lead() -> None:
    bundle, story, s = summarize("markets")
    # The dateline is dropped, and the long lead is cut at a clause boundary, not mid-word.
    assert s.headline.text == "Shares in the fictional lender Northmoor Bank fell 12% on Monday"
    lead = sentence_spans(story.text)[0]
    assert s.headline.evidence[0].end <= story.start + lead[1]
    assert 3 <= len(s.bullets) <= 4 or len(s.bullets) == 2
    assert not any(b.text.startswith("KESTREL BAY") for b in s.bullets)
    assert s.topic == "business"
    assert {q.speaker for q in s.quotes} <= {"Marta Lindqvist", "Hal Brennan"}


@pytest.mark.parametrize("name", ["council", "markets"])
def test_bullets_do_not_repeat_the_quotes_shown(name: str) -> None:
    _, _, s = summarize(name)
    assert s.quotes
    for q in s.quotes:
        assert not any(b.evidence[0].start <= q.start and q.end <= b.evidence[0].end for b in s.bullets)


def test_teaser_gets_the_other_sentence() -> None:
    _, _, s = summarize("teaser")
    assert s.headline.text.startswith("A fictional robotics start-up in Dunmore has raised $1.2bn")
    assert [b.text for b in s.bullets] == [
        "The company said it would hire 300 engineers over the next two years."
    ]
    assert [k.value for k in s.key_figures][:2] == ["$1.2bn", "300"]


def test_two_sentence_teaser_with_title_gets_two_bullets() -> None:
    text = (
        "Ferry strike called off\n"
        "Crews on the fictional Islay Sound ferry route have called off a strike planned for Friday. "
        "Union officials said talks with the operator would resume next week."
    )
    story = Story(id="t", source="t", start=0, end=len(text), text=text, title="Ferry strike called off")
    s = ExtractiveEngine().summarize_sync(story, extract_evidence(story))
    assert s.headline.text == "Ferry strike called off"
    assert len(s.bullets) == 2


def test_one_sentence_story() -> None:
    text = "The fictional town of Ashby Vale has elected its first mayor in 40 years."
    story = Story(id="t", source="t", start=0, end=len(text), text=text)
    s = ExtractiveEngine().summarize_sync(story, extract_evidence(story))
    assert s.headline.text == text[:-1]
    assert [b.text for b in s.bullets] == [text]


def test_avoids_bylines_fragments_and_unattributed_quotes() -> None:
    text = (
        "Library hours extended\n\n"
        "By Sam Ortiz, Local Affairs Reporter\n\n"
        "The fictional city of Brenmoor will keep its central library open until 10pm on weekdays from "
        "next month, the council said on Thursday.\n\n"
        '"It is about time."\n\n'
        "The change will cost £120,000 a year and will be paid for from the culture budget.\n\n"
        "It follows a petition signed by 4,300 residents.\n\n"
        "Opening hours at the four branch libraries will not change, the council added."
    )
    story = Story(id="t", source="t", start=0, end=len(text), text=text, title="Library hours extended")
    s = ExtractiveEngine().summarize_sync(story, extract_evidence(story))
    texts = [b.text for b in s.bullets]
    assert not any(t.startswith(("By Sam", '"It is about')) for t in texts)
    assert texts[0].startswith("The fictional city of Brenmoor")
    assert any("£120,000" in t for t in texts)
    assert {k.value for k in s.key_figures} >= {"£120,000", "4,300"}


def test_numbers_in_names_and_tables_are_not_key_figures() -> None:
    text = (
        "Former No 10 adviser Ravi Mehta told BBC Radio 4 that the fictional Clearwater scheme cost £3m. "
        "He said 40 staff had worked on it for two years.\n\n"
        "Results\n\n"
        "17,420"
    )
    story = Story(id="t", source="t", start=0, end=len(text), text=text)
    s = ExtractiveEngine().summarize_sync(story, extract_evidence(story))
    values = [k.value for k in s.key_figures]
    assert "£3m" in values and "40" in values
    assert not {"10", "4", "17,420"} & set(values)


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        (
            "The regional health board said on Wednesday that it would close two of its five walk-in clinics "
            "by the end of the year because of a shortage of nurses.",
            "The regional health board said on Wednesday that it would close two of its five walk-in clinics",
        ),
        (
            "Fictional carmaker Velto Motors reported a record quarterly profit, driven by strong demand for "
            "its electric vans in Europe and Asia.",
            "Fictional carmaker Velto Motors reported a record quarterly profit",
        ),
        (  # the clause word starts just before the 100-character limit
            "Inspectors in the fictional county of Westmarch have closed 131 unlicensed boarding kennels and "
            "fined their owners a combined £42,000.",
            "Inspectors in the fictional county of Westmarch have closed 131 unlicensed boarding kennels",
        ),
        (  # a link word to the story before is not part of a headline
            "Meanwhile, Harbour Lines has agreed to buy the ferry operator Calder Crossings for £46m after a "
            "six-month auction that drew four bidders.",
            "Harbour Lines has agreed to buy the ferry operator Calder Crossings for £46m",
        ),
    ],
)
def test_headline_trimming(lead: str, headline: str) -> None:
    text = lead + " A second sentence follows here with more detail."
    story = Story(id="t", source="t", start=0, end=len(text), text=text)
    s = ExtractiveEngine().summarize_sync(story, extract_evidence(story))
    assert s.headline.text == headline
    assert len(s.headline.text) <= 100


def test_topic_unsure_is_empty() -> None:
    text = "The fictional village fete raised money for a new bench. Volunteers baked cakes for the stalls."
    story = Story(id="t", source="t", start=0, end=len(text), text=text)
    assert ExtractiveEngine().summarize_sync(story, extract_evidence(story)).topic == ""


def test_empty_story() -> None:
    story = Story(id="t", source="t", start=0, end=0, text="", title="Empty")
    s = ExtractiveEngine().summarize_sync(story, extract_evidence(story))
    assert s.headline.text == "Empty" and s.key_figures == [] and s.quotes == []


def test_link_word_is_dropped_from_a_headline_and_the_next_word_capitalised() -> None:
    text = "Meanwhile, the drinks maker Halden Brewing has sold its cider arm for €180m. It was a loss."
    story = Story(id="s1", source="t", start=0, end=len(text), text=text)
    summary = ExtractiveEngine().summarize_sync(story, extract_evidence(story))
    assert summary.headline.text.startswith("The drinks maker Halden Brewing has sold")
    [span] = summary.headline.evidence
    assert text[span.start : span.end].startswith("the drinks maker")
