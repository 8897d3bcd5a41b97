"""Renderers: golden output for every format, escaping of hostile text, Slack limits, user templates."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from sample_briefing import big_briefing, sample_bundle

from briefing.errors import TemplateError
from briefing.model import Briefing, BriefingItem, Claim, Span, Story, StorySummary
from briefing.render import (
    MAX_BLOCKS,
    MAX_CONTEXT_ELEMENTS,
    MAX_HEADER_CHARS,
    MAX_MESSAGE_CHARS,
    MAX_SECTION_CHARS,
    NOTE_CHARS,
    TEMPLATES,
    Format,
    footnotes,
    render,
    slack_messages,
    verification_line,
)
from briefing.resources import templates_dir

GOLDEN = Path(__file__).parent / "golden"
EXTENSIONS: dict[Format, str] = {
    "md": "md",
    "html": "html",
    "text": "txt",
    "slack": "slack.json",
    "json": "json",
}
HOSTILE = ["<script>alert(1)</script>", "<!channel>", "<@U123>", "<http://evil|click>"]


@pytest.mark.parametrize("fmt", list(EXTENSIONS))
def test_output_equals_golden(fmt: Format, sample_briefing: Briefing, update_goldens: bool) -> None:
    golden = GOLDEN / f"sample.{EXTENSIONS[fmt]}"
    output = render(sample_briefing, fmt)
    if update_goldens:
        golden.write_text(output, encoding="utf-8")
    assert golden.exists(), f"{golden} missing: run pytest --update-goldens"
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_sources_output_equals_golden(fmt: Format, sample_briefing: Briefing, update_goldens: bool) -> None:
    golden = GOLDEN / f"sample.sources.{EXTENSIONS[fmt]}"
    output = render(sample_briefing, fmt, sources=True)
    if update_goldens:
        golden.write_text(output, encoding="utf-8")
    assert golden.exists(), f"{golden} missing: run pytest --update-goldens"
    assert output == golden.read_text(encoding="utf-8")


def test_sample_spans_point_at_what_is_shown(sample_briefing: Briefing) -> None:
    text = sample_bundle().text
    for item in sample_briefing.items:
        story, summary = item.story, item.summary
        assert text[story.start : story.end] == story.text
        for figure in summary.key_figures:
            assert text[figure.start : figure.end] == figure.value
            assert story.start <= figure.start < figure.end <= story.end
        for quote in summary.quotes:
            assert text[quote.start : quote.end] == quote.text
        for claim in [summary.headline, *summary.bullets]:
            assert all(story.start <= s.start < s.end <= story.end for s in claim.evidence)


def test_marks_fallback_unverified_and_hides_dropped(sample_briefing: Briefing) -> None:
    formats: list[Format] = ["md", "html", "text", "slack"]
    for fmt in formats:
        output = render(sample_briefing, fmt)
        assert "extractive fallback" in output.lower(), fmt
        assert "LLM timed out after 4 attempts" in output, fmt
        assert "⚠ unverified" in output, fmt
        assert "largest in the region" not in output, fmt
    assert "largest in the region" in render(sample_briefing, "json")


def test_json_round_trips(sample_briefing: Briefing) -> None:
    assert Briefing.model_validate_json(render(sample_briefing, "json")) == sample_briefing


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_hostile_text(sample_briefing: Briefing) -> None:
    parser = _Elements()
    parser.feed(render(sample_briefing, "html"))
    assert "script" not in parser.tags
    shown = "".join(parser.text)
    # the hostile text is still there for the reader, as text
    assert all(hostile in shown for hostile in HOSTILE)
    assert "Tallow & Finch" in shown


def _mrkdwn_texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn":
            assert node.get("verbatim") is True, node  # no auto-linking or bare-mention parsing
        own = [node["text"]] if node.get("type") == "mrkdwn" else []
        return own + [t for value in node.values() for t in _mrkdwn_texts(value)]
    if isinstance(node, list):
        return [t for value in node for t in _mrkdwn_texts(value)]
    return []


def test_slack_escapes_hostile_text(sample_briefing: Briefing) -> None:
    output = render(sample_briefing, "slack")
    messages = json.loads(output)
    assert messages == slack_messages(sample_briefing)
    texts = _mrkdwn_texts(messages) + [m["text"] for m in messages]
    joined = "\n".join(texts)
    assert "&lt;!channel&gt;" in joined
    assert "&lt;@U123&gt;" in joined
    assert "&lt;http://evil|click&gt;" in joined
    assert "Tallow &amp; Finch" in joined
    for text in texts:
        assert "<" not in text and ">" not in text
        assert not re.search(r"&(?!amp;|lt;|gt;)", text), text


def _story_number(block: dict[str, Any], starts: dict[int, int]) -> int | None:
    """Which story a block belongs to: sections by their text, contexts by the story's span."""
    if block["type"] == "section":
        match = re.match(r"\*(\d+)\. |• Story (\d+), ", block["text"]["text"])
        return int(match.group(1) or match.group(2)) if match else None
    if block["type"] == "context":
        match = re.search(r"characters (\d+)–", block["elements"][0]["text"])
        return starts[int(match.group(1))] if match else None
    return None


def test_slack_big_briefing_respects_limits_in_order() -> None:
    briefing = big_briefing(stories=80, long_story=7)
    messages = slack_messages(briefing)
    starts = {item.story.start: n for n, item in enumerate(briefing.items, 1)}
    assert len(messages) > 1
    seen: list[tuple[int, int]] = []  # (story number, message index)
    for index, message in enumerate(messages):
        blocks = message["blocks"]
        assert len(blocks) <= MAX_BLOCKS
        assert sum(len(t) for t in _mrkdwn_texts(blocks)) <= MAX_MESSAGE_CHARS
        assert message["text"].endswith(f"({index + 1}/{len(messages)})")
        for block in blocks:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
            if block["type"] == "header":
                assert len(block["text"]["text"]) <= MAX_HEADER_CHARS
            if block["type"] == "context":
                assert len(block["elements"]) <= MAX_CONTEXT_ELEMENTS
            number = _story_number(block, starts)
            if number is not None:
                seen.append((number, index))
    numbers = [n for n, _ in seen]
    assert numbers == sorted(numbers)
    assert sorted(set(numbers)) == list(range(1, 81))
    for number in range(1, 81):
        assert len({i for n, i in seen if n == number}) == 1, f"story {number} split across messages"
        assert numbers.count(number) >= 2  # its section and its source context
    # the long story was split into several sections, each a run of whole bullets
    long_sections = [
        b["text"]["text"]
        for m in messages
        for b in m["blocks"]
        if b["type"] == "section" and _story_number(b, starts) == 7
    ]
    assert len(long_sections) > 1
    assert all(text.startswith(("*7. ", "• Story 7, point ")) for text in long_sections)
    assert sum(text.count("• Story 7, point ") for text in long_sections) == 60
    assert messages[0]["blocks"][0]["type"] == "header"
    assert "0 LLM calls" in messages[-1]["blocks"][-1]["elements"][0]["text"]


def test_slack_cuts_one_huge_bullet_without_breaking_entities() -> None:
    base = big_briefing(stories=1)
    item = base.items[0]
    huge = "Tom & Jerry " * 700  # 8,400 characters, more with &amp;
    summary = item.summary.model_copy(
        update={"bullets": [item.summary.bullets[0].model_copy(update={"text": huge})]}
    )
    briefing = base.model_copy(
        update={"title": "T" * 400, "items": [item.model_copy(update={"summary": summary})]}
    )
    (message,) = slack_messages(briefing)
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    assert all(len(text) <= MAX_SECTION_CHARS for text in sections)
    assert all(not re.search(r"&[a-z]{0,3}$", text) for text in sections)
    assert "".join(sections[1:]) in "• " + huge.replace("&", "&amp;")
    assert len(message["blocks"][0]["text"]["text"]) == MAX_HEADER_CHARS


def test_user_template_overrides_one_file(sample_briefing: Briefing, tmp_path: Path) -> None:
    (tmp_path / "briefing.md.j2").write_text("CUSTOM {{ briefing.title }}: {{ briefing.items | length }}\n")
    assert render(sample_briefing, "md", tmp_path) == "CUSTOM Port Ellis morning briefing: 3\n"
    others: list[Format] = ["html", "text", "slack"]
    for fmt in others:
        assert render(sample_briefing, fmt, tmp_path) == render(sample_briefing, fmt), fmt


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("briefing.md.j2", "ok\n{% for x in %}\n", r"briefing\.md\.j2:2: "),
        ("briefing.md.j2", "ok\n{{ briefing.no_such_field }}\n", r"briefing\.md\.j2:2: UndefinedError"),
        ("briefing.html", "<p>\n\n{{ 1 // 0 }}</p>\n", r"briefing\.html:3: ZeroDivisionError"),
        (
            "slack.json.j2",
            "{% macro header(b) %}not json{% endmacro %}",
            r"slack\.json\.j2: macro header\(\)",
        ),
    ],
)
def test_broken_user_template_raises_template_error(
    sample_briefing: Briefing, tmp_path: Path, name: str, source: str, expected: str
) -> None:
    (tmp_path / name).write_text(source)
    formats: dict[str, Format] = {"briefing.md.j2": "md", "briefing.html": "html", "slack.json.j2": "slack"}
    fmt = formats[name]
    with pytest.raises(TemplateError, match=expected) as info:
        render(sample_briefing, fmt, tmp_path)
    assert "\n" not in str(info.value)


def test_missing_templates_dir_is_an_error(sample_briefing: Briefing, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not a directory"):
        render(sample_briefing, "md", tmp_path / "nope")


def test_bundled_templates_exist() -> None:
    assert all((templates_dir() / name).is_file() for name in TEMPLATES.values())


# -- verification line and sources footnotes (issue 6's policy: what is shown is marked verified) ------------

LINES = [
    "⚠ Checked against the source: 7 of 9 items supported · 1 dropped",
    "✓ Checked against the source: 5 of 6 items supported · 1 repaired",
    "✓ Grounded: the source's own sentences, 5 items checked",
]
HEADLINES = ["Port Ellis approves £20m", "Tallow & Finch shows <script>", "The Port Ellis central library"]


def _shown_text(briefing: Briefing, fmt: Format, sources: bool = False) -> str:
    """What a reader sees: HTML as parsed text, Slack as its mrkdwn unescaped, other formats as they are."""
    output = render(briefing, fmt, sources=sources)
    if fmt == "html":
        parser = _Elements()
        parser.feed(output)
        return "".join(parser.text)
    if fmt == "slack":
        texts = _mrkdwn_texts(json.loads(output))
        return "\n".join(texts).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return output


@pytest.mark.parametrize("fmt", ["md", "html", "text", "slack"])
def test_each_story_shows_its_verification_line(fmt: Format, sample_briefing: Briefing) -> None:
    shown = _shown_text(sample_briefing, fmt)
    positions = [shown.index(h) for h in HEADLINES] + [len(shown)]
    for number, line in enumerate(LINES):
        assert shown.count(line) == 1, (fmt, line)
        assert positions[number] < shown.index(line) < positions[number + 1], (fmt, line)


def test_slack_verification_is_a_context_block_of_its_story(sample_briefing: Briefing) -> None:
    (message,) = slack_messages(sample_briefing)
    blocks = message["blocks"]
    for line in LINES:
        [index] = [i for i, b in enumerate(blocks) if b["type"] == "context" and _mrkdwn_texts(b) == [line]]
        assert blocks[index - 1]["type"] == "section" and blocks[index + 1]["type"] == "context"


def _with(briefing: Briefing, number: int, **update: Any) -> Briefing:
    items = list(briefing.items)
    items[number] = items[number].model_copy(update=update)
    return briefing.model_copy(update={"items": items})


def test_verification_line_wording(sample_briefing: Briefing) -> None:
    portal = sample_briefing.items[1]
    report = portal.verification
    assert report is not None
    clean = report.model_copy(update={"passed": 6, "repaired": 0})
    assert verification_line(portal.model_copy(update={"verification": clean})) == (
        "✓ Checked against the source: all 6 items supported"
    )
    assert verification_line(portal.model_copy(update={"verification": None})) == (
        "⚠ Not checked against the source"
    )
    extractive = portal.summary.model_copy(update={"engine": "extractive"})
    assert verification_line(portal.model_copy(update={"summary": extractive})).startswith("✓ Grounded: ")


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_sources_footnotes_only_with_the_setting(fmt: Format, sample_briefing: Briefing) -> None:
    plain = _shown_text(sample_briefing, fmt)
    noted = _shown_text(sample_briefing, fmt, sources=True)
    assert "From the source" not in plain and "[a]" not in plain
    assert noted.count("From the source") == 3
    # the footnote is the source sentence the bullet's evidence span falls in, quoted
    assert "[b] “Construction is due to start in March 2027 and take 30 months.”" in noted
    assert "[a] “Opening hours rise to 58 a week from 50.”" in noted
    # a bullet with no evidence span gets no marker
    assert not re.search(r"up 15%\. \[[a-z]\]", noted)
    assert render(sample_briefing, "slack", sources=True) == render(sample_briefing, "slack")


def test_dropped_bullet_gets_no_footnote(sample_briefing: Briefing) -> None:
    harbour = sample_briefing.items[0]
    dropped = "Opponents said the cost could rise by 15% once steel prices are known."
    bullets = [
        b.model_copy(update={"evidence": [_span_of(harbour, dropped)]}) if b.status == "dropped" else b
        for b in harbour.summary.bullets
    ]
    briefing = _with(sample_briefing, 0, summary=harbour.summary.model_copy(update={"bullets": bullets}))
    notes = [note for _, note in footnotes(briefing.items[0]) if note is not None]
    assert [n.marker for n in notes] == ["a", "b"]
    for fmt in ("md", "html", "text"):
        assert "steel prices are known" not in _shown_text(briefing, fmt, sources=True), fmt


def _span_of(item: BriefingItem, needle: str) -> Span:
    start = item.story.start + item.story.text.index(needle)
    return Span(start=start, end=start + len(needle))


def test_footnote_collapses_whitespace_and_cuts_long_sentences() -> None:
    long = "The   district \t said " + "the repair list keeps growing, " * 12 + "officials said."
    text = f"Short headline.\n\n{long} A second sentence follows."
    story = Story(id="x", source="t.txt", start=100, end=100 + len(text), text=text)
    bullets = [
        Claim(text="The list keeps growing.", status="supported", evidence=[_span_of_text(story, "keeps")]),
        Claim(text="Something else.", status="supported", evidence=[_span_of_text(story, "A second")]),
    ]
    summary = StorySummary(
        story_id="x", headline=Claim(text="Short headline."), bullets=bullets, engine="openai"
    )
    [(_, first), (_, second)] = footnotes(BriefingItem(story=story, summary=summary))
    assert first is not None and second is not None
    [quote] = first.quotes
    assert quote.startswith("The district said the repair list") and quote.endswith("…")
    assert len(quote) <= NOTE_CHARS
    assert second.quotes == ["A second sentence follows."]


def _span_of_text(story: Story, needle: str) -> Span:
    start = story.start + story.text.index(needle)
    return Span(start=start, end=start + len(needle))


def test_html_footnotes_escape_hostile_evidence(sample_briefing: Briefing) -> None:
    output = render(sample_briefing, "html", sources=True)
    parser = _Elements()
    parser.feed(output)
    assert "script" not in parser.tags
    shown = "".join(parser.text)
    assert "[a] “In a demonstration, a comment reading <script>alert(1)</script> opened a pop-up" in shown
    assert "[b] “A bot account also posted <!channel> and <@U123> alongside a link written as" in shown
    assert 'href="#note-2-a"' in output and 'id="note-2-a"' in output
